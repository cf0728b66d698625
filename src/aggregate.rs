//! Counting: responses folded into mergeable counts. A [`Tally`] holds, for
//! every breakdown cell (all responses, each period, each segment value, each
//! period and segment value), how often each answer was given, and the
//! [`Moments`] of its respondents' level and overall scores. Tallies of
//! separate files merge by adding counts, so any split and any order of
//! files gives the same numbers; nothing here is a float. The latest
//! `submitted` date merges by taking the later one, for the same reason.

mod moments;

pub use moments::Moments;

use crate::model::{Answer, Kind, Response, Survey};
use crate::period::Period;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A breakdown cell: which responses it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Cell {
    /// Only responses of this period, or all.
    pub period: Option<Period>,
    /// Only responses with this (segment, value), or all. The value
    /// [`NO_VALUE`] counts the responses without a value for the segment.
    pub segment: Option<(u32, u32)>,
    /// Only the survey's audience (see [`crate::model::Audience`]), or
    /// everyone. Surveys without an audience have only `false` cells.
    pub audience: bool,
}

/// The segment "value" of responses that have none for the segment.
pub const NO_VALUE: u32 = u32::MAX;

impl Cell {
    /// The cell of all responses.
    pub const ALL: Cell = Cell {
        period: None,
        segment: None,
        audience: false,
    };

    /// The cell of every response of the audience.
    pub const AUDIENCE: Cell = Cell {
        period: None,
        segment: None,
        audience: true,
    };
}

/// How one question was answered within a cell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionCounts {
    /// Answers given (skips not counted).
    pub answers: u64,
    /// Per answer code: scale value - 1, nps value, yes/no, option. For a
    /// multi_choice question, how often each option was chosen.
    pub counts: Vec<u64>,
    /// multi_choice only: how often each set of options was chosen, keyed
    /// by the set's bits (a response's score depends on the whole set).
    pub sets: BTreeMap<u64, u64>,
}

impl QuestionCounts {
    fn merge(&mut self, other: &QuestionCounts) {
        self.answers += other.answers;
        if self.counts.len() < other.counts.len() {
            self.counts.resize(other.counts.len(), 0);
        }
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a += b;
        }
        for (set, n) in &other.sets {
            *self.sets.entry(*set).or_default() += n;
        }
    }
}

/// The counts of one cell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellCounts {
    /// Responses in the cell.
    pub responses: u64,
    /// Per level: the level scores of the respondents who answered at least
    /// one of its scored questions (each the mean of their answers' scores).
    pub levels: Vec<Moments>,
    /// The overall scores of the respondents with a level score (each the
    /// mean of their level scores).
    pub overall: Moments,
    /// Per question, in survey order.
    pub questions: Vec<QuestionCounts>,
}

impl CellCounts {
    /// Counts of nobody, shaped for `survey`.
    pub fn new(survey: &Survey) -> Self {
        CellCounts {
            responses: 0,
            levels: vec![Moments::default(); survey.levels.len()],
            overall: Moments::default(),
            questions: survey
                .questions
                .iter()
                .map(|q| QuestionCounts {
                    answers: 0,
                    counts: vec![0; q.kind.codes()],
                    sets: BTreeMap::new(),
                })
                .collect(),
        }
    }

    /// Respondents who answered at least one scored question of `level`.
    pub fn level_responses(&self, level: usize) -> u64 {
        self.levels[level].n
    }

    fn merge(&mut self, other: &CellCounts) {
        self.responses += other.responses;
        for (a, b) in self.levels.iter_mut().zip(&other.levels) {
            a.merge(b);
        }
        self.overall.merge(&other.overall);
        for (a, b) in self.questions.iter_mut().zip(&other.questions) {
            a.merge(b);
        }
    }
}

/// Most free-text answers kept per question.
pub const SAMPLE: usize = 100;

/// A bounded, mergeable sample of free-text answers: the [`SAMPLE`] answers
/// with the smallest hashes. It does not grow with the number of responses,
/// it is the same however files are split or ordered, and it is spread over
/// all answers rather than the first or last ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sample {
    /// Answers given in all.
    pub total: u64,
    /// (hash, answer, index of the response's language), sorted, at most [`SAMPLE`].
    pub kept: Vec<(u64, String, Option<u32>)>,
}

impl Sample {
    /// Counts one answer, keeping it if it is among the smallest hashes.
    pub fn add(&mut self, text: &str, language: Option<u32>) {
        self.total += 1;
        let item = (
            xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
            text.to_owned(),
            language,
        );
        if self.kept.len() == SAMPLE && self.kept.last().is_some_and(|last| &item >= last) {
            return;
        }
        let at = self.kept.binary_search(&item).unwrap_or_else(|i| i);
        self.kept.insert(at, item);
        self.kept.truncate(SAMPLE);
    }

    /// Adds another sample.
    pub fn merge(&mut self, other: &Sample) {
        self.total += other.total;
        let mut all: Vec<(u64, String, Option<u32>)> =
            self.kept.drain(..).chain(other.kept.iter().cloned()).collect();
        all.sort();
        all.truncate(SAMPLE);
        self.kept = all;
    }
}

/// Everything counted for one survey (or one file of it). The cache stores
/// it per file: a change of its shape raises the cache's layout number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Counts per cell.
    pub cells: BTreeMap<Cell, CellCounts>,
    /// A sample of the free-text answers of questions with `publish: true`,
    /// per question index.
    pub texts: BTreeMap<u32, Sample>,
    /// The latest `submitted` date counted; `None` before any response.
    pub latest: Option<time::Date>,
}

impl Tally {
    /// Adds one response.
    pub fn add(&mut self, survey: &Survey, r: &Response) {
        self.latest = self.latest.max(Some(r.submitted));
        // The respondent's level scores: the mean of their answers' scores per level.
        let mut level_sums = vec![(0.0_f64, 0_u32); survey.levels.len()];
        for (q, a) in &r.answers {
            let question = &survey.questions[*q as usize];
            if let (Some(level), Some(score)) = (question.level, question.kind.answer_score(a)) {
                level_sums[level].0 += score;
                level_sums[level].1 += 1;
            }
            if let (Answer::Text(t), Kind::Text { publish: true }) = (a, &question.kind) {
                self.texts.entry(*q).or_default().add(t, r.language);
            }
        }
        let level_scores: Vec<Option<f64>> = level_sums
            .iter()
            .map(|&(sum, n)| (n > 0).then(|| sum / f64::from(n)))
            .collect();
        let answered: Vec<f64> = level_scores.iter().flatten().copied().collect();
        let overall = (!answered.is_empty()).then(|| answered.iter().sum::<f64>() / answered.len() as f64);
        let mut add_to = |cell: Cell| {
            let counts = self.cells.entry(cell).or_insert_with(|| CellCounts::new(survey));
            counts.responses += 1;
            for (moments, score) in counts.levels.iter_mut().zip(&level_scores) {
                if let Some(s) = score {
                    moments.add(*s);
                }
            }
            if let Some(s) = overall {
                counts.overall.add(s);
            }
            for (q, a) in &r.answers {
                let qc = &mut counts.questions[*q as usize];
                match a {
                    Answer::Code(c) => {
                        qc.answers += 1;
                        qc.counts[*c as usize] += 1;
                    }
                    Answer::Many(set) => {
                        qc.answers += 1;
                        *qc.sets.entry(*set).or_default() += 1;
                        for (i, n) in qc.counts.iter_mut().enumerate() {
                            *n += (set >> i) & 1;
                        }
                    }
                    Answer::Text(_) => qc.answers += 1,
                }
            }
        };
        // Everyone's cells, and with an audience also the audience's own
        // cells. A response without a value for a segment counts in the
        // segment's NO_VALUE cell.
        let audience = survey
            .audience
            .map(|a| (a.segment, r.segment[a.segment] == Some(a.value as u32)));
        let scopes: &[bool] = match audience {
            Some((_, true)) => &[false, true],
            _ => &[false],
        };
        for &scope in scopes {
            add_to(Cell {
                period: None,
                segment: None,
                audience: scope,
            });
            add_to(Cell {
                period: Some(r.period),
                segment: None,
                audience: scope,
            });
            for (s, value) in r.segment.iter().enumerate() {
                if scope && audience.is_some_and(|(a, _)| a == s) {
                    continue;
                }
                let segment = Some((u32::try_from(s).unwrap_or(u32::MAX), value.unwrap_or(NO_VALUE)));
                add_to(Cell {
                    period: None,
                    segment,
                    audience: scope,
                });
                add_to(Cell {
                    period: Some(r.period),
                    segment,
                    audience: scope,
                });
            }
        }
    }

    /// Adds another tally's counts to this one.
    pub fn merge(&mut self, other: &Tally) {
        for (cell, counts) in &other.cells {
            match self.cells.get_mut(cell) {
                Some(c) => c.merge(counts),
                None => {
                    self.cells.insert(*cell, counts.clone());
                }
            }
        }
        for (q, sample) in &other.texts {
            self.texts.entry(*q).or_default().merge(sample);
        }
        self.latest = self.latest.max(other.latest);
    }

    /// The counts of a cell, if any response fell in it.
    pub fn cell(&self, cell: Cell) -> Option<&CellCounts> {
        self.cells.get(&cell)
    }

    /// The periods that have responses, in time order.
    pub fn periods(&self) -> Vec<Period> {
        self.cells
            .keys()
            .filter(|c| c.segment.is_none() && !c.audience)
            .filter_map(|c| c.period)
            .collect()
    }

    /// Number of responses counted.
    pub fn responses(&self) -> u64 {
        self.cell(Cell::ALL).map_or(0, |c| c.responses)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Choice, Level, Question, Segment, Text};
    use crate::period::{parse_date, PeriodKind};

    pub(crate) fn survey() -> Survey {
        let choice = |id: &str| Choice {
            id: id.into(),
            label: Text::plain(id),
        };
        Survey {
            id: "s".into(),
            title: Text::plain("S"),
            description: None,
            languages: vec!["en".into()],
            period: PeriodKind::Quarter,
            target: 75.0,
            scales: Vec::new(),
            levels: vec![Level {
                id: "l".into(),
                name: Text::plain("L"),
                description: None,
                target: 75.0,
                recommendations: None,
            }],
            questions: vec![
                Question {
                    id: "ok".into(),
                    level: Some(0),
                    text: Text::plain("Ok?"),
                    kind: Kind::YesNo,
                },
                Question {
                    id: "ways".into(),
                    level: Some(0),
                    text: Text::plain("Ways"),
                    kind: Kind::MultiChoice {
                        options: vec![choice("a"), choice("b")],
                        scores: Some(vec![100.0, 0.0]),
                    },
                },
            ],
            segments: vec![Segment {
                id: "g".into(),
                name: Text::plain("G"),
                values: vec![choice("x"), choice("y")],
            }],
            audience: None,
            translations: Vec::new(),
        }
    }

    fn response(date: &str, seg: Option<u32>, answers: Vec<(u32, Answer)>) -> Response {
        let submitted = parse_date(date).expect("date");
        Response {
            submitted,
            period: PeriodKind::Quarter.of(submitted),
            segment: vec![seg],
            language: None,
            answers,
        }
    }

    #[test]
    fn counts_land_in_every_cell_of_the_response() {
        let s = survey();
        let mut t = Tally::default();
        t.add(
            &s,
            &response(
                "2026-01-10",
                Some(1),
                vec![(0, Answer::Code(0)), (1, Answer::Many(0b11))],
            ),
        );
        t.add(&s, &response("2026-05-10", None, vec![]));
        assert_eq!(t.responses(), 2);
        let all = t.cell(Cell::ALL).expect("all");
        assert_eq!(all.level_responses(0), 1);
        assert_eq!(all.questions[0].counts, vec![1, 0]);
        assert_eq!(all.questions[1].counts, vec![1, 1]);
        assert_eq!(all.questions[1].sets.get(&0b11), Some(&1));
        let q1 = PeriodKind::Quarter.of(parse_date("2026-02-01").expect("date"));
        let cell = Cell {
            period: Some(q1),
            segment: Some((0, 1)),
            audience: false,
        };
        assert_eq!(t.cell(cell).map(|c| c.responses), Some(1));
        assert_eq!(t.periods().len(), 2);
        assert_eq!(t.latest, parse_date("2026-05-10"));
    }

    #[test]
    fn text_samples_are_bounded_and_independent_of_order() {
        let texts: Vec<String> = (0..500).map(|i| format!("answer {i}")).collect();
        let mut whole = Sample::default();
        for t in &texts {
            whole.add(t, None);
        }
        assert_eq!((whole.total, whole.kept.len()), (500, SAMPLE));
        let (mut a, mut b) = (Sample::default(), Sample::default());
        for t in texts.iter().rev() {
            if t.len() % 2 == 0 {
                a.add(t, None);
            } else {
                b.add(t, None);
            }
        }
        b.merge(&a);
        assert_eq!(b, whole);
    }

    #[test]
    fn merging_is_independent_of_order_and_split() {
        let s = survey();
        let rs = vec![
            response("2026-01-10", Some(0), vec![(0, Answer::Code(0))]),
            response(
                "2026-02-10",
                Some(1),
                vec![(0, Answer::Code(1)), (1, Answer::Many(0b01))],
            ),
            response("2026-04-10", None, vec![(1, Answer::Many(0b10))]),
        ];
        let mut whole = Tally::default();
        for r in &rs {
            whole.add(&s, r);
        }
        let mut parts: Vec<Tally> = rs
            .iter()
            .map(|r| {
                let mut t = Tally::default();
                t.add(&s, r);
                t
            })
            .collect();
        parts.reverse();
        let mut merged = Tally::default();
        for p in &parts {
            merged.merge(p);
        }
        assert_eq!(merged, whole);
        assert_eq!(merged.latest, parse_date("2026-04-10"));
        // Another split: the last response alone, merged into the first two.
        let mut first_two = Tally::default();
        first_two.merge(&parts[2]);
        first_two.merge(&parts[1]);
        first_two.merge(&Tally::default());
        let mut last = parts[0].clone();
        last.merge(&first_two);
        assert_eq!(last, whole);
    }

    #[test]
    fn the_latest_date_is_the_same_in_any_order() {
        let s = survey();
        let dates = [
            "2026-03-01",
            "2026-09-14T23:30:00-05:00",
            "2025-12-31",
            "2026-09-14",
        ];
        let tallies: Vec<Tally> = dates
            .iter()
            .map(|d| {
                let mut t = Tally::default();
                t.add(&s, &response(d, None, vec![]));
                t
            })
            .collect();
        let expected = parse_date("2026-09-14");
        // A date-time counts on its own local date, not the next day in UTC.
        assert_eq!(tallies[1].latest, expected);
        for order in [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]] {
            let mut merged = Tally::default();
            for i in order {
                merged.merge(&tallies[i]);
            }
            assert_eq!(merged.latest, expected, "{order:?}");
        }
        assert_eq!(Tally::default().latest, None);
    }
}
