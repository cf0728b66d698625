//! The current period: the latest with at least `min_group_size`
//! respondents, each level's figures in it, and the change from the
//! previous period that meets the same rule, tested with Welch's t-test.

use super::{below_target, level_figures, level_score, mean, question_score, stats, QuestionScore};
use crate::aggregate::{Cell, CellCounts, Moments, Tally};
use crate::model::Survey;
use crate::period::Period;

/// A change from the previous period: the difference of the published
/// scores, and Welch's test on the respondents' scores of the two periods.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// The previous period's score.
    pub from: f64,
    /// Current minus previous.
    pub difference: f64,
    /// The test's two-sided p-value; `None` with too few respondents or no
    /// variance.
    pub p: Option<f64>,
}

impl Change {
    /// Whether the change is significant (p < 0.05); `None` without a test.
    pub fn significant(&self) -> Option<bool> {
        stats::significant(self.p)
    }
}

/// A figure of the current period.
#[derive(Debug, Clone, PartialEq)]
pub enum Now {
    /// The figures.
    Shown {
        /// Respondents who answered a scored question (of the level).
        responses: u64,
        /// The score.
        score: Option<f64>,
        /// Its 95 % interval.
        ci95: Option<[f64; 2]>,
        /// The change from the previous period, when both can be compared.
        change: Option<Change>,
    },
    /// Too few respondents: nothing shown ([`crate::privacy`]).
    Hidden,
    /// Nobody answered.
    NoData,
}

/// The current period: the latest with at least `min_group_size`
/// respondents, and its change from the one before that meets the same rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    /// The current period.
    pub period: Period,
    /// The previous period, if there is one.
    pub previous: Option<Period>,
    /// The overall score in the current period.
    pub overall: Now,
    /// Per level, in survey order.
    pub levels: Vec<Now>,
    /// The first level, in order, that is shown and misses its target.
    pub focus: Option<usize>,
    /// The focus level's questions below its target in the current period
    /// (question index and score there).
    pub focus_questions: Vec<(usize, f64)>,
}

/// The current period's figures, their changes from the previous period,
/// and its focus level; `None` when no period has `min_group_size`
/// respondents.
pub(super) fn current(
    survey: &Survey,
    tally: &Tally,
    periods: &[Period],
    min_group_size: u64,
    audience: bool,
) -> Option<Current> {
    let empty = CellCounts::new(survey);
    let cell = |p: Period| {
        tally
            .cell(Cell {
                period: Some(p),
                segment: None,
                audience,
            })
            .unwrap_or(&empty)
    };
    let mut eligible = periods
        .iter()
        .rev()
        .filter(|p| cell(**p).overall.n >= min_group_size.max(1));
    let period = *eligible.next()?;
    let previous = eligible.next().copied();
    let (now, before) = (cell(period), previous.map(cell));
    let change = |score: Option<f64>, from: Option<f64>, a: &Moments, b: &Moments| {
        let (score, from) = (score?, from?);
        Some(Change {
            from,
            difference: score - from,
            p: stats::welch_p(a, b),
        })
    };
    let mut levels = Vec::new();
    let mut scores = Vec::new();
    let mut previous_scores = Vec::new();
    let mut focus = None;
    let mut focus_questions = Vec::new();
    for (l, level) in survey.levels.iter().enumerate() {
        let (responses, score, ci95) = level_figures(survey, l, now);
        // A previous cell too small to be shown is not compared with.
        let from = before
            .filter(|b| b.level_responses(l) >= min_group_size)
            .map(|b| (level_score(survey, l, b), &b.levels[l]));
        scores.push(score);
        previous_scores.push(from.map(|(s, _)| s));
        if responses == 0 {
            levels.push(Now::NoData);
            continue;
        }
        let shown = responses >= min_group_size;
        if shown && focus.is_none() && score.is_some_and(|s| s < level.target) {
            focus = Some(l);
            let questions: Vec<QuestionScore> = survey
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.level == Some(l))
                .map(|(i, q)| question_score(i, &q.kind, &now.questions[i]))
                .collect();
            focus_questions = below_target(&questions, level.target);
        }
        levels.push(Now::Shown {
            responses,
            score,
            ci95,
            change: from.and_then(|(from, moments)| change(score, from, &now.levels[l], moments)),
        });
    }
    let overall_score = mean(scores.iter().copied());
    // The previous overall is compared only when every level was shown then.
    let overall_from = previous_scores
        .iter()
        .all(Option::is_some)
        .then(|| mean(previous_scores.iter().flatten().copied()))
        .flatten();
    let overall = match now.overall.n {
        0 => Now::NoData,
        responses => Now::Shown {
            responses,
            score: overall_score,
            ci95: overall_score.and_then(|s| stats::ci95(s, &now.overall)),
            change: before.and_then(|b| change(overall_score, overall_from, &now.overall, &b.overall)),
        },
    };
    Some(Current {
        period,
        previous,
        overall,
        levels,
        focus,
        focus_questions,
    })
}
