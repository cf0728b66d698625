//! Scoring: counts in, scores out, exactly as the format defines them.
//!
//! - an answer's score: scale `(v-1)/(n-1)*100` (reversed `(n-v)/(n-1)*100`),
//!   nps `v*10`, yes 100 / no 0, an option's score, or the mean of the chosen
//!   options' scores;
//! - a question's score is the mean of its answers' scores, a level's the
//!   mean of its scored questions', the survey's the mean of its levels';
//! - the focus level is the first level with answers that misses its target.
//!
//! Every breakdown cell and the newest distinct free-text answers come out shown;
//! [`crate::privacy`] then hides what may not be published.

use crate::aggregate::{Cell, CellCounts, Distinct, Moments, QuestionCounts, Sample, Tally, NO_VALUE, SHOWN};
mod current;
mod gap;
pub mod stats;

pub use current::{Change, Current, Now};
pub use gap::{Gap, GapCell, Group};

use crate::model::{set_score, Answer, Kind, Survey};
use crate::period::Period;

/// A question's figures over a set of responses.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionScore {
    /// Index into the survey's questions.
    pub question: usize,
    /// Answers given.
    pub answers: u64,
    /// How often each answer was given, keyed as [`Kind::answer_keys`].
    pub counts: Vec<u64>,
    /// Mean score, when the question is scored and answered.
    pub score: Option<f64>,
    /// Share of answers in the scale's best two values (scales of 4+ points).
    pub top2: Option<f64>,
    /// Net Promoter Score (nps questions).
    pub nps: Option<f64>,
    /// The score's 95 % interval (two answers or more).
    pub ci95: Option<[f64; 2]>,
    /// The Net Promoter Score's 95 % interval (nps questions, two answers or more).
    pub nps_ci95: Option<[f64; 2]>,
    /// With an audience: each comparison group beside it.
    pub gaps: Vec<Gap>,
}

/// A breakdown cell as it may be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum BreakdownCell {
    /// Enough respondents: the figures.
    Score {
        /// Respondents who answered a scored question of the level.
        responses: u64,
        /// The level's score in the cell.
        score: Option<f64>,
        /// The score's 95 % interval.
        ci95: Option<[f64; 2]>,
    },
    /// Too few respondents (or hidden with such a cell): nothing shown.
    Hidden {
        /// True when hidden only so that a smaller cell cannot be worked out.
        complement: bool,
        /// Its respondents, which are never published: what the privacy
        /// audit protects.
        responses: u64,
        /// Its score, never published either: the audit checks that it
        /// cannot be worked out.
        score: Option<f64>,
    },
    /// Nobody in the cell.
    NoData,
}

/// One segment's cells, in the order its values are declared, then the
/// respondents without a value when the level has any.
pub type Breakdown = Vec<BreakdownCell>;

/// A period's figures for one level.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodScore {
    /// The period.
    pub period: Period,
    /// Respondents of the period who answered a scored question of the level.
    pub responses: u64,
    /// The level's score in the period.
    pub score: Option<f64>,
    /// The score's 95 % interval.
    pub ci95: Option<[f64; 2]>,
    /// Set by [`crate::privacy`] when the period has too few respondents
    /// (or is hidden with such a period): nothing of it is shown.
    pub hidden: bool,
    /// The score the period had before it was hidden, for the privacy
    /// audit; never published.
    pub hidden_score: Option<f64>,
    /// Per segment, the period's cells.
    pub by_segment: Vec<Breakdown>,
}

/// A level's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelScore {
    /// Respondents who answered a scored question of the level.
    pub responses: u64,
    /// Mean of its scored questions' scores.
    pub score: Option<f64>,
    /// The score's 95 % interval, from the respondents' level scores.
    pub ci95: Option<[f64; 2]>,
    /// Its target.
    pub target: f64,
    /// Whether the score reaches the target; `None` without a score.
    pub meets_target: Option<bool>,
    /// Its questions, in survey order.
    pub questions: Vec<QuestionScore>,
    /// Per period, in time order.
    pub by_period: Vec<PeriodScore>,
    /// Per segment.
    pub by_segment: Vec<Breakdown>,
    /// With an audience: each comparison group beside it.
    pub gaps: Vec<Gap>,
}

/// Most focus questions named.
pub const FOCUS_QUESTIONS: usize = 3;

/// A text question's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct TextAnswers {
    /// Index into the survey's questions.
    pub question: usize,
    /// Answers given.
    pub answers: u64,
    /// Of those, the audience's (all of them without an audience).
    pub audience_answers: u64,
    /// The distinct answers that may be shown (emptied by [`crate::privacy`]
    /// unless they may be published): at most [`crate::aggregate::SHOWN`],
    /// the latest given first, each with how often it was given on or after
    /// `since` ([`crate::aggregate::Sample::newest`]).
    pub published: Vec<Distinct>,
    /// The first day the counts cover; `None` when they cover every answer.
    pub since: Option<time::Date>,
}

/// A survey's scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Number of responses (everyone's, with an audience too).
    pub responses: u64,
    /// With an audience: how many of the responses are the audience's.
    pub audience_responses: Option<u64>,
    /// True when the responses of everyone outside the audience were fewer
    /// than `min_group_size` and privacy left them out of `responses`.
    pub others_withheld: bool,
    /// Mean of the levels that have a score.
    pub overall: Option<f64>,
    /// The overall score's 95 % interval, from the respondents' overall scores.
    pub overall_ci95: Option<[f64; 2]>,
    /// Index of the focus level.
    pub focus: Option<usize>,
    /// What holds the focus level down: its scored questions below its
    /// target, lowest first, at most [`FOCUS_QUESTIONS`] (question index
    /// and score).
    pub focus_questions: Vec<(usize, f64)>,
    /// The current period and its change from the previous one.
    pub current: Option<Current>,
    /// Per level.
    pub levels: Vec<LevelScore>,
    /// Per text question.
    pub texts: Vec<TextAnswers>,
    /// Periods with responses, in time order.
    pub periods: Vec<Period>,
    /// The latest `submitted` date among the responses; `None` without any.
    pub latest: Option<time::Date>,
    /// With `publish: closed-periods`: the open period and how many
    /// responses it has, which count nowhere else.
    pub open_period: Option<(Period, u64)>,
}

/// A question's score, top-2-box and Net Promoter Score from its counts.
pub fn question_score(question: usize, kind: &Kind, qc: &QuestionCounts) -> QuestionScore {
    let n = qc.answers;
    let share = |count: u64| count as f64 / n as f64;
    let mut out = QuestionScore {
        question,
        answers: n,
        counts: qc.counts.clone(),
        score: None,
        top2: None,
        nps: None,
        ci95: None,
        nps_ci95: None,
        gaps: Vec::new(),
    };
    if n == 0 {
        return out;
    }
    out.score = match kind {
        Kind::Scale { points, reverse, .. } => {
            // One division at the end keeps the score exact where it can be.
            let top = u64::from(points - 1);
            let sum: u64 = qc
                .counts
                .iter()
                .enumerate()
                .map(|(c, k)| k * if *reverse { top - c as u64 } else { c as u64 })
                .sum();
            Some(sum as f64 * 100.0 / (top * n) as f64)
        }
        Kind::Nps => {
            let sum: u64 = qc.counts.iter().enumerate().map(|(c, k)| k * c as u64).sum();
            Some(sum as f64 * 10.0 / n as f64)
        }
        Kind::YesNo => Some(qc.counts[0] as f64 * 100.0 / n as f64),
        Kind::Choice {
            scores: Some(scores), ..
        } => {
            let sum: f64 = qc.counts.iter().zip(scores).map(|(k, s)| s * *k as f64).sum();
            Some(sum / n as f64)
        }
        Kind::MultiChoice {
            scores: Some(scores), ..
        } => {
            let sum: f64 = qc
                .sets
                .iter()
                .map(|(set, k)| set_score(scores, *set) * *k as f64)
                .sum();
            Some(sum / n as f64)
        }
        _ => None,
    };
    if let Kind::Scale { points, reverse, .. } = kind {
        let p = *points as usize;
        if p >= 4 {
            let best = if *reverse {
                qc.counts[0] + qc.counts[1]
            } else {
                qc.counts[p - 1] + qc.counts[p - 2]
            };
            out.top2 = Some(share(best));
        }
    }
    if let Kind::Nps = kind {
        let promoters = qc.counts[9] + qc.counts[10];
        let detractors: u64 = qc.counts[..=6].iter().sum();
        // One division of integers: no rounding noise such as 10.000000000000004.
        out.nps = Some((promoters as f64 - detractors as f64) * 100.0 / n as f64);
        out.nps_ci95 = stats::nps_ci95(promoters, detractors, n);
    }
    out.ci95 = out.score.and_then(|s| stats::ci95(s, &answer_moments(kind, qc)));
    out
}

/// The moments of a question's answers' scores, from its counts.
pub(super) fn answer_moments(kind: &Kind, qc: &QuestionCounts) -> Moments {
    let mut m = Moments::default();
    match kind {
        Kind::MultiChoice {
            scores: Some(scores), ..
        } => {
            for (set, k) in &qc.sets {
                m.add_many(set_score(scores, *set), *k);
            }
        }
        _ => {
            for (code, k) in qc.counts.iter().enumerate() {
                let answer = Answer::Code(u32::try_from(code).unwrap_or(u32::MAX));
                if let (Some(score), true) = (kind.answer_score(&answer), *k > 0) {
                    m.add_many(score, *k);
                }
            }
        }
    }
    m
}

/// The mean of the values that exist; `None` when none do.
pub(super) fn mean(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let present: Vec<f64> = values.into_iter().flatten().collect();
    (!present.is_empty()).then(|| present.iter().sum::<f64>() / present.len() as f64)
}

/// A level's score within a cell: the mean of its scored questions' scores.
pub fn level_score(survey: &Survey, level: usize, cell: &CellCounts) -> Option<f64> {
    mean(
        survey
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.level == Some(level) && q.kind.is_scored())
            .map(|(i, q)| question_score(i, &q.kind, &cell.questions[i]).score),
    )
}

/// A level's figures in one cell: respondents, score and its interval.
pub(super) fn level_figures(
    survey: &Survey,
    level: usize,
    counts: &CellCounts,
) -> (u64, Option<f64>, Option<[f64; 2]>) {
    let score = level_score(survey, level, counts);
    let ci95 = score.and_then(|s| stats::ci95(s, &counts.levels[level]));
    (counts.level_responses(level), score, ci95)
}

/// The scored questions of a level below `target`, lowest score first
/// (the first declared on a tie), at most [`FOCUS_QUESTIONS`].
pub(super) fn below_target(questions: &[QuestionScore], target: f64) -> Vec<(usize, f64)> {
    let mut below: Vec<(f64, usize)> = questions
        .iter()
        .filter_map(|q| q.score.filter(|s| *s < target).map(|s| (s, q.question)))
        .collect();
    below.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    below
        .into_iter()
        .take(FOCUS_QUESTIONS)
        .map(|(s, q)| (q, s))
        .collect()
}

/// Scores a survey from its tally. `min_group_size` picks the current
/// period (the latest with that many respondents) and the previous one;
/// hiding small cells is left to [`crate::privacy`].
pub fn score(survey: &Survey, tally: &Tally, min_group_size: u64) -> Scores {
    let empty = CellCounts::new(survey);
    let cell = |c: Cell| tally.cell(c).unwrap_or(&empty);
    // With an audience every score counts only the audience, except the
    // breakdown by the audience's own segment, whose values are each scored
    // from their own respondents.
    let scoped = survey.audience.is_some();
    let audience_segment = survey.audience.map(|a| a.segment as u32);
    let scope = |period: Option<Period>, segment: Option<(u32, u32)>| Cell {
        period,
        segment,
        audience: scoped && segment.is_none_or(|(s, _)| Some(s) != audience_segment),
    };
    let all = cell(scope(None, None));
    let periods = tally.periods();
    // A segment's breakdown has a last cell for the respondents without a
    // value, in every period too, when any respondent of the level has none.
    let with_none =
        |level: usize, s: usize| cell(scope(None, Some((s as u32, NO_VALUE)))).level_responses(level) > 0;
    let segment_cells = |level: usize, period: Option<Period>| -> Vec<Breakdown> {
        survey
            .segments
            .iter()
            .enumerate()
            .map(|(s, seg)| {
                let none = with_none(level, s).then_some(NO_VALUE as usize);
                (0..seg.values.len())
                    .chain(none)
                    .map(|v| {
                        let counts = cell(scope(period, Some((s as u32, v as u32))));
                        match level_figures(survey, level, counts) {
                            (0, ..) => BreakdownCell::NoData,
                            (responses, score, ci95) => BreakdownCell::Score {
                                responses,
                                score,
                                ci95,
                            },
                        }
                    })
                    .collect()
            })
            .collect()
    };

    let groups = gap::comparison_groups(survey, tally, &empty);
    let mut levels = Vec::new();
    for (l, level) in survey.levels.iter().enumerate() {
        let (responses, score, ci95) = level_figures(survey, l, all);
        let questions = survey
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.level == Some(l))
            .map(|(i, q)| {
                let mut figures = question_score(i, &q.kind, &all.questions[i]);
                let audience = answer_moments(&q.kind, &all.questions[i]);
                figures.gaps = groups
                    .iter()
                    .map(|(group, counts)| {
                        let theirs = question_score(i, &q.kind, &counts.questions[i]);
                        gap::gap(
                            *group,
                            (theirs.answers, theirs.score, theirs.ci95),
                            figures.score,
                            &answer_moments(&q.kind, &counts.questions[i]),
                            &audience,
                        )
                    })
                    .collect();
                figures
            })
            .collect();
        let gaps = groups
            .iter()
            .map(|(group, counts)| {
                let figures = level_figures(survey, l, counts);
                gap::gap(*group, figures, score, &counts.levels[l], &all.levels[l])
            })
            .collect();
        let by_period: Vec<PeriodScore> = periods
            .iter()
            .map(|p| {
                let counts = cell(scope(Some(*p), None));
                let (responses, score, ci95) = level_figures(survey, l, counts);
                PeriodScore {
                    period: *p,
                    responses,
                    score,
                    ci95,
                    hidden: false,
                    hidden_score: None,
                    by_segment: segment_cells(l, Some(*p)),
                }
            })
            .collect();
        levels.push(LevelScore {
            responses,
            score,
            ci95,
            target: level.target,
            meets_target: score.map(|s| s >= level.target),
            questions,
            by_period,
            by_segment: segment_cells(l, None),
            gaps,
        });
    }
    let overall = mean(levels.iter().map(|l| l.score));
    let overall_ci95 = overall.and_then(|s| stats::ci95(s, &all.overall));
    let focus = levels.iter().position(|l| l.meets_target == Some(false));
    let focus_questions =
        focus.map_or_else(Vec::new, |f| below_target(&levels[f].questions, levels[f].target));
    let current = current::current(survey, tally, &periods, min_group_size, scoped);
    let texts = survey
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| match q.kind {
            Kind::Text { .. } => {
                // Everyone's answers: the sample of published text is too.
                let answers = cell(Cell::ALL).questions[i].answers;
                let sample = tally.texts.get(&(i as u32));
                Some(TextAnswers {
                    question: i,
                    answers,
                    audience_answers: all.questions[i].answers,
                    published: sample.map(|s| s.newest(SHOWN)).unwrap_or_default(),
                    since: sample.and_then(Sample::since),
                })
            }
            _ => None,
        })
        .collect();
    Scores {
        responses: cell(Cell::ALL).responses,
        audience_responses: scoped.then_some(all.responses),
        others_withheld: false,
        overall,
        overall_ci95,
        focus,
        focus_questions,
        current,
        levels,
        texts,
        periods,
        latest: tally.latest,
        open_period: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;
    use crate::model::Text;

    fn counts(counts: &[u64]) -> QuestionCounts {
        QuestionCounts {
            answers: counts.iter().sum(),
            counts: counts.to_vec(),
            sets: Default::default(),
        }
    }

    fn scale(points: u32, reverse: bool) -> Kind {
        Kind::Scale {
            scale: 0,
            points,
            reverse,
        }
    }

    #[test]
    fn scale_scores_and_top2() {
        // Values 1,2,3,4,5 once each and a second 5: (0+25+50+75+100+100)/6 = 58.333...
        let q = question_score(0, &scale(5, false), &counts(&[1, 1, 1, 1, 2]));
        assert!((q.score.expect("score") - 350.0 / 6.0).abs() < 1e-12);
        assert_eq!(q.top2, Some(0.5)); // 4, 5, 5 of 6
                                       // Reversed: value v scores (5-v)/4*100: 100+75+50+25+0+0 = 250 / 6.
        let r = question_score(0, &scale(5, true), &counts(&[1, 1, 1, 1, 2]));
        assert!((r.score.expect("score") - 250.0 / 6.0).abs() < 1e-12);
        assert!((r.top2.expect("top2") - 2.0 / 6.0).abs() < 1e-12); // 1 and 2 are best
                                                                    // Three points: no top-2-box.
        assert_eq!(
            question_score(0, &scale(3, false), &counts(&[0, 1, 1])).top2,
            None
        );
        assert_eq!(
            question_score(0, &scale(3, false), &counts(&[0, 1, 1])).score,
            Some(75.0)
        );
    }

    #[test]
    fn nps_score_and_net_promoter_score() {
        // 0, 6, 7, 9, 10: score (0+60+70+90+100)/5 = 64; NPS 2/5 - 2/5 = 0.
        let mut c = vec![0; 11];
        for v in [0, 6, 7, 9, 10] {
            c[v] += 1;
        }
        let q = question_score(0, &Kind::Nps, &counts(&c));
        assert_eq!(q.score, Some(64.0));
        assert_eq!(q.nps, Some(0.0));
        // 10, 10, 9, 8: 3 promoters of 4, no detractor: +75.
        let mut c = vec![0; 11];
        for v in [10, 10, 9, 8] {
            c[v] += 1;
        }
        assert_eq!(question_score(0, &Kind::Nps, &counts(&c)).nps, Some(75.0));
    }

    #[test]
    fn yes_no_and_choice_scores() {
        assert_eq!(
            question_score(0, &Kind::YesNo, &counts(&[3, 1])).score,
            Some(75.0)
        );
        let options = vec![
            Choice {
                id: "a".into(),
                label: Text::plain("a"),
                aliases: Vec::new(),
            },
            Choice {
                id: "b".into(),
                label: Text::plain("b"),
                aliases: Vec::new(),
            },
        ];
        let scored = Kind::Choice {
            options: options.clone(),
            scores: Some(vec![100.0, 40.0]),
        };
        assert_eq!(question_score(0, &scored, &counts(&[1, 2])).score, Some(60.0));
        let unscored = Kind::Choice {
            options,
            scores: None,
        };
        let q = question_score(0, &unscored, &counts(&[1, 2]));
        assert_eq!((q.answers, q.score), (3, None));
    }

    #[test]
    fn multi_choice_scores_each_answer_by_its_mean() {
        let options: Vec<Choice> = ["a", "b", "c"]
            .iter()
            .map(|id| Choice {
                id: (*id).into(),
                label: Text::plain(*id),
                aliases: Vec::new(),
            })
            .collect();
        let kind = Kind::MultiChoice {
            options,
            scores: Some(vec![100.0, 50.0, 0.0]),
        };
        // {a,b} scores 75, {c} 0, {a,b,c} 50: (75+0+50)/3.
        let mut qc = QuestionCounts {
            answers: 3,
            counts: vec![2, 2, 2],
            sets: Default::default(),
        };
        qc.sets.insert(0b011, 1);
        qc.sets.insert(0b100, 1);
        qc.sets.insert(0b111, 1);
        let q = question_score(0, &kind, &qc);
        assert!((q.score.expect("score") - 125.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn no_answers_no_score() {
        let q = question_score(0, &Kind::Nps, &counts(&[0; 11]));
        assert_eq!((q.score, q.nps), (None, None));
        assert_eq!(mean([None, None]), None);
        assert_eq!(mean([Some(80.0), None, Some(70.0)]), Some(75.0));
    }

    fn two_level_survey() -> Survey {
        let mut survey = crate::aggregate::tests::survey();
        let mut upper = survey.levels[0].clone();
        upper.id = "upper".into();
        upper.target = 50.0;
        survey.levels.push(upper);
        survey.questions[1].level = Some(1);
        survey
    }

    fn tally_of(survey: &Survey, answers: &[Vec<(u32, crate::model::Answer)>]) -> Tally {
        let mut t = Tally::default();
        for a in answers {
            t.add(
                survey,
                &crate::model::Response {
                    submitted: crate::period::parse_date("2026-01-01").expect("date"),
                    period: crate::period::PeriodKind::Quarter
                        .of(crate::period::parse_date("2026-01-01").expect("date")),
                    segment: vec![None],
                    language: None,
                    answers: a.clone(),
                },
            );
        }
        t
    }

    #[test]
    fn focus_is_the_first_level_with_answers_below_target() {
        use crate::model::Answer::{Code, Many};
        let survey = two_level_survey();
        // Level 0 (target 75): yes, no -> 50, misses. Level 1 (target 50): {a} -> 100, meets.
        let t = tally_of(
            &survey,
            &[vec![(0, Code(0)), (1, Many(0b01))], vec![(0, Code(1))]],
        );
        let s = score(&survey, &t, 1);
        assert_eq!(s.levels[0].score, Some(50.0));
        assert_eq!(s.levels[0].meets_target, Some(false));
        assert_eq!(s.levels[1].meets_target, Some(true));
        assert_eq!(s.overall, Some(75.0));
        assert_eq!(s.focus, Some(0));
        // Without answers, level 0 has no score, does not count in the overall
        // score and cannot be the focus; level 1 ({b} -> 0) misses its target.
        let t = tally_of(&survey, &[vec![(1, Many(0b10))]]);
        let s = score(&survey, &t, 1);
        assert_eq!((s.levels[0].score, s.levels[0].meets_target), (None, None));
        assert_eq!(s.overall, Some(0.0));
        assert_eq!(s.focus, Some(1));
        // Every level meets its target: no focus level.
        let t = tally_of(&survey, &[vec![(0, Code(0)), (1, Many(0b01))]]);
        assert_eq!(score(&survey, &t, 1).focus, None);
    }
}
