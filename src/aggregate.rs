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
    /// Takes out counts that were merged in before.
    fn unmerge(&mut self, other: &QuestionCounts) {
        self.answers -= other.answers;
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a -= b;
        }
        for (set, n) in &other.sets {
            if let Some(mine) = self.sets.get_mut(set) {
                *mine -= n;
                if *mine == 0 {
                    self.sets.remove(set);
                }
            }
        }
    }

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

    /// Takes out counts that were merged in before (exact: the moments
    /// are whole numbers).
    fn unmerge(&mut self, other: &CellCounts) {
        self.responses -= other.responses;
        for (a, b) in self.levels.iter_mut().zip(&other.levels) {
            a.unmerge(b);
        }
        self.overall.unmerge(&other.overall);
        for (a, b) in self.questions.iter_mut().zip(&other.questions) {
            a.unmerge(b);
        }
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

/// Most (day, answer) pairs a [`Sample`] keeps per question.
pub const KEPT: usize = 1000;

/// Most distinct answers [`Sample::newest`] gives.
pub const SHOWN: usize = 100;

/// One distinct answer on one day, as a [`Sample`] keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayAnswer {
    /// The `submitted` date of the responses.
    pub day: time::Date,
    /// The xxh3 hash of the text.
    pub hash: u64,
    /// The answer, as written.
    pub text: String,
    /// How often it was given on that day.
    pub count: u64,
    /// The language of the responses that gave it ([`prefer`] over them).
    pub language: Option<u32>,
}

impl DayAnswer {
    /// The order of a [`Sample`]: newest day first, then by hash and text.
    fn key(&self) -> (std::cmp::Reverse<time::Date>, u64, &str) {
        (std::cmp::Reverse(self.day), self.hash, &self.text)
    }
}

/// Of two responses' languages (indices into the survey's), the one an
/// answer is marked with: a language over none, the first declared over
/// later ones. It is the same in any order.
pub fn prefer(a: Option<u32>, b: Option<u32>) -> Option<u32> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// A bounded, mergeable record of the free-text answers to one question.
///
/// Answers are counted per (day, text): the pairs are ranked newest day
/// first, then by the text's xxh3 hash (then the text), and the [`KEPT`]
/// highest-ranked pairs are kept with their counts; `cut` is the newest day
/// of a pair that was not. A pair's rank never changes as answers arrive, so
/// a pair that is kept in the end ranked among the first [`KEPT`] in every
/// part it was counted in and was never dropped: whatever the split and
/// order of the files, the merged sample is exactly what one pass over all
/// answers gives. So:
///
/// - exact: `total`; every kept pair's count and language; `cut`;
/// - complete: every answer submitted after `cut` is in a kept pair (when
///   `cut` is `None`, every answer is);
/// - bounded: at most [`KEPT`] pairs, whatever the number of responses.
///
/// [`Sample::newest`] therefore counts exactly the answers of a period that
/// ends with the latest: all of them while there are at most [`KEPT`]
/// distinct (day, text) pairs, those after `cut` once there are more.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sample {
    /// Answers given in all.
    pub total: u64,
    /// The kept pairs, in rank order, at most [`KEPT`], each (day, text) once.
    pub kept: Vec<DayAnswer>,
    /// The newest day of an answer whose pair is not kept; `None` when
    /// every answer is in `kept`.
    pub cut: Option<time::Date>,
}

/// A distinct answer as [`Sample::newest`] gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distinct {
    /// The answer, as written.
    pub text: String,
    /// How often it was given within the counted days.
    pub count: u64,
    /// The latest day it was given.
    pub latest: time::Date,
    /// The language of its responses on that day ([`prefer`]).
    pub language: Option<u32>,
}

impl Sample {
    /// Counts one answer submitted on `day` in the response's `language`.
    pub fn add(&mut self, text: &str, language: Option<u32>, day: time::Date) {
        self.total += 1;
        let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
        let key = (std::cmp::Reverse(day), hash, text);
        match self.kept.binary_search_by(|k| k.key().cmp(&key)) {
            Ok(i) => {
                let k = &mut self.kept[i];
                k.count += 1;
                k.language = prefer(k.language, language);
            }
            Err(i) if i >= KEPT => self.cut = self.cut.max(Some(day)),
            Err(i) => {
                let answer = DayAnswer {
                    day,
                    hash,
                    text: text.to_owned(),
                    count: 1,
                    language,
                };
                self.kept.insert(i, answer);
                self.truncate();
            }
        }
    }

    /// Adds another sample.
    pub fn merge(&mut self, other: &Sample) {
        self.total += other.total;
        self.cut = self.cut.max(other.cut);
        let mine = std::mem::take(&mut self.kept);
        let mut all = Vec::with_capacity((mine.len() + other.kept.len()).min(KEPT + 1));
        let mut theirs = other.kept.iter().peekable();
        for a in mine {
            while let Some(b) = theirs.next_if(|b| b.key() < a.key()) {
                all.push(b.clone());
            }
            match theirs.next_if(|b| b.key() == a.key()) {
                Some(b) => all.push(DayAnswer {
                    count: a.count + b.count,
                    language: prefer(a.language, b.language),
                    ..a
                }),
                None => all.push(a),
            }
            if all.len() > KEPT {
                break;
            }
        }
        all.extend(theirs.take((KEPT + 1).saturating_sub(all.len())).cloned());
        self.kept = all;
        self.truncate();
        // The pairs never looked at above rank below the one `truncate`
        // dropped, so none is newer than the cut it recorded.
    }

    /// Takes out the answers given on the days `open` says, and returns
    /// how many. When the sample was cut at [`KEPT`] pairs and the open
    /// days had any of them, what it holds of the other days depends on
    /// the open ones, and it is emptied: nothing of the question is
    /// published until the period closes.
    pub fn close(&mut self, open: impl Fn(time::Date) -> bool) -> u64 {
        // Pairs of the open period may have pushed older pairs out: what is
        // left would show that they did, so nothing is left.
        if self.cut.is_some() && self.kept.iter().any(|a| open(a.day)) || self.cut.is_some_and(&open) {
            let all = self.total;
            *self = Sample::default();
            return all;
        }
        let before = self.total;
        self.kept.retain(|a| {
            if open(a.day) {
                self.total -= a.count;
                false
            } else {
                true
            }
        });
        before - self.total
    }

    /// Drops the pairs past [`KEPT`], recording the newest dropped day.
    fn truncate(&mut self) {
        if self.kept.len() > KEPT {
            let dropped = self.kept[KEPT].day;
            self.cut = self.cut.max(Some(dropped));
            self.kept.truncate(KEPT);
        }
    }

    /// The first day whose answers are all counted: `None` when every
    /// answer is, else the day after `cut` (or `cut` itself when no kept
    /// pair is newer: more than [`KEPT`] distinct answers on the latest
    /// day, of which the first [`KEPT`] by hash are counted).
    pub fn since(&self) -> Option<time::Date> {
        let cut = self.cut?;
        let newer = self.kept.first().is_some_and(|k| k.day > cut);
        Some(if newer { cut.next_day().unwrap_or(cut) } else { cut })
    }

    /// Up to `limit` distinct answers (same text) given on or after
    /// [`Sample::since`], each with its exact count there: the latest given
    /// first, then the most often given, then by text.
    pub fn newest(&self, limit: usize) -> Vec<Distinct> {
        let since = self.since();
        let mut by_text: BTreeMap<&str, Distinct> = BTreeMap::new();
        for k in self.kept.iter().filter(|k| since.is_none_or(|s| k.day >= s)) {
            // Newest first: the first pair of a text is its latest day.
            by_text
                .entry(&k.text)
                .and_modify(|d| d.count += k.count)
                .or_insert_with(|| Distinct {
                    text: k.text.clone(),
                    count: k.count,
                    latest: k.day,
                    language: k.language,
                });
        }
        let mut all: Vec<Distinct> = by_text.into_values().collect();
        all.sort_by(|a, b| {
            b.latest
                .cmp(&a.latest)
                .then(b.count.cmp(&a.count))
                .then_with(|| a.text.cmp(&b.text))
        });
        all.truncate(limit);
        all
    }
}

/// Everything counted for one survey (or one file of it). The cache stores
/// it per file: a change of its shape raises the cache's layout number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Counts per cell.
    pub cells: BTreeMap<Cell, CellCounts>,
    /// The free-text answers of questions with `publish: true`, per
    /// question index ([`Sample`]).
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
                self.texts.entry(*q).or_default().add(t, r.language, r.submitted);
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

    /// Takes the responses of period `open` out of every count, as if
    /// they had not been given; returns how many there were. (`latest`
    /// becomes the latest day before the period, which only the survey's
    /// period kind can tell: `kind`.)
    pub fn close(&mut self, kind: crate::period::PeriodKind, open: Period) -> u64 {
        let responses = self
            .cell(Cell {
                period: Some(open),
                ..Cell::ALL
            })
            .map_or(0, |c| c.responses);
        let inside: Vec<Cell> = self
            .cells
            .keys()
            .filter(|c| c.period == Some(open))
            .copied()
            .collect();
        for cell in inside {
            if let Some(counts) = self.cells.remove(&cell) {
                let total = Cell { period: None, ..cell };
                if let Some(t) = self.cells.get_mut(&total) {
                    t.unmerge(&counts);
                    if t.responses == 0 {
                        self.cells.remove(&total);
                    }
                }
            }
        }
        let is_open = |day: time::Date| kind.of(day) == open;
        for sample in self.texts.values_mut() {
            sample.close(is_open);
        }
        self.texts.retain(|_, s| s.total > 0);
        let mut day = self.latest;
        while let Some(d) = day.filter(|d| is_open(*d)) {
            day = d.previous_day();
        }
        self.latest = day;
        responses
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
            aliases: Vec::new(),
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
                    aliases: Vec::new(),
                },
                Question {
                    id: "ways".into(),
                    level: Some(0),
                    text: Text::plain("Ways"),
                    kind: Kind::MultiChoice {
                        options: vec![choice("a"), choice("b")],
                        scores: Some(vec![100.0, 0.0]),
                    },
                    aliases: Vec::new(),
                },
            ],
            segments: vec![Segment {
                id: "g".into(),
                name: Text::plain("G"),
                values: vec![choice("x"), choice("y")],
            }],
            audience: None,
            closed_periods: false,
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

    fn day(n: i64) -> time::Date {
        parse_date("2025-01-01").expect("date") + time::Duration::days(n)
    }

    /// 6 000 answers: 40 texts over 300 days (far more than [`KEPT`]
    /// pairs), some repeated on the same day, in three languages.
    fn many_answers() -> Vec<(String, Option<u32>, time::Date)> {
        (0..6000_u64)
            .map(|i| {
                let r = xxhash_rust::xxh3::xxh3_64(&i.to_le_bytes());
                let text = format!("answer {}", r % 40);
                let language = [None, Some(0), Some(2)][(i % 3) as usize];
                (text, language, day(((r >> 32) % 300) as i64))
            })
            .collect()
    }

    fn sample_of(answers: &[(String, Option<u32>, time::Date)]) -> Sample {
        let mut s = Sample::default();
        for (t, l, d) in answers {
            s.add(t, *l, *d);
        }
        s
    }

    #[test]
    fn text_samples_are_bounded_and_independent_of_order() {
        let answers = many_answers();
        let whole = sample_of(&answers);
        assert_eq!((whole.total, whole.kept.len()), (6000, KEPT));
        assert!(whole.cut.is_some());
        // Reversed, and split three ways, merged in another order.
        let mut reversed = answers.clone();
        reversed.reverse();
        assert_eq!(sample_of(&reversed), whole);
        let parts: Vec<Sample> = (0..3)
            .map(|p| {
                let part: Vec<_> = reversed.iter().skip(p).step_by(3).cloned().collect();
                sample_of(&part)
            })
            .collect();
        let mut merged = parts[2].clone();
        merged.merge(&parts[0]);
        merged.merge(&parts[1]);
        assert_eq!(merged, whole);
        // Many small files merged as a tree, and one by one into an empty sample.
        let files: Vec<Sample> = answers.chunks(37).map(sample_of).collect();
        let mut pairs: Vec<Sample> = files
            .chunks(2)
            .map(|c| {
                let mut s = c[0].clone();
                if let Some(b) = c.get(1) {
                    s.merge(b);
                }
                s
            })
            .collect();
        pairs.reverse();
        let mut tree = Sample::default();
        for p in &pairs {
            tree.merge(p);
        }
        assert_eq!(tree, whole);
    }

    #[test]
    fn shown_counts_are_exact_since_the_first_complete_day() {
        let answers = many_answers();
        let whole = sample_of(&answers);
        let since = whole.since().expect("more pairs than kept");
        assert_eq!(whole.cut.and_then(|c| c.next_day()), Some(since));
        let newest = whole.newest(SHOWN);
        assert!(!newest.is_empty() && newest.len() <= SHOWN);
        for d in &newest {
            let given: Vec<_> = answers
                .iter()
                .filter(|(t, _, day)| *t == d.text && *day >= since)
                .collect();
            assert_eq!(d.count, given.len() as u64, "{}", d.text);
            assert_eq!(Some(d.latest), given.iter().map(|(_, _, day)| *day).max());
            let on_latest = given.iter().filter(|(_, _, day)| *day == d.latest);
            assert_eq!(d.language, on_latest.fold(None, |l, (_, x, _)| prefer(l, *x)));
        }
        // Latest first, then most often given, each text once.
        for w in newest.windows(2) {
            assert!((w[0].latest, w[0].count) >= (w[1].latest, w[1].count));
            assert_ne!(w[0].text, w[1].text);
        }
    }

    #[test]
    fn few_answers_are_all_counted_newest_first() {
        let mut s = Sample::default();
        // The case of a sample of hashes: one text given 62 times long ago.
        for _ in 0..62 {
            s.add("Slow delivery", Some(0), day(0));
        }
        s.add("Tack!", Some(1), day(40));
        s.add("Fast delivery", Some(0), day(30));
        s.add("Fast delivery", None, day(35));
        s.add("Fast delivery", Some(0), day(5));
        s.add("Ok", Some(2), day(40));
        s.add("Ok", Some(0), day(40));
        assert_eq!((s.total, s.cut, s.since()), (68, None, None));
        let shown: Vec<(String, u64, Option<u32>)> = s
            .newest(SHOWN)
            .into_iter()
            .map(|d| (d.text, d.count, d.language))
            .collect();
        let expected = [
            ("Ok", 2, Some(0)),
            ("Tack!", 1, Some(1)),
            ("Fast delivery", 3, None),
            ("Slow delivery", 62, Some(0)),
        ]
        .map(|(t, c, l)| (t.to_owned(), c, l));
        assert_eq!(shown, expected);
        assert_eq!(s.newest(2).len(), 2);
    }

    #[test]
    fn one_crowded_day_is_counted_for_the_texts_kept() {
        let mut s = Sample::default();
        s.add("older", None, day(0));
        for i in 0..(KEPT + 10) {
            s.add(&format!("text {i}"), None, day(1));
        }
        s.add("text 3", None, day(1));
        assert_eq!(
            (s.kept.len(), s.cut, s.since()),
            (KEPT, Some(day(1)), Some(day(1)))
        );
        let newest = s.newest(SHOWN);
        assert_eq!(newest.len(), SHOWN);
        assert_eq!(
            newest.iter().map(|d| d.count).sum::<u64>(),
            SHOWN as u64 + u64::from(newest.iter().any(|d| d.text == "text 3"))
        );
        assert!(newest.iter().all(|d| d.latest == day(1)));
    }

    /// [`survey`] with a third question, a published text `say`.
    fn survey_that_says() -> Survey {
        let mut s = survey();
        s.questions.push(Question {
            id: "say".into(),
            level: None,
            text: Text::plain("Say"),
            kind: Kind::Text { publish: true },
            aliases: Vec::new(),
        });
        s
    }

    #[test]
    fn closing_a_period_leaves_what_the_other_periods_add_up_to() {
        let s = survey_that_says();
        let say = |t: &str| (2, Answer::Text(t.into()));
        let closed = vec![
            response("2026-01-10", Some(0), vec![(0, Answer::Code(0)), say("Fast")]),
            response(
                "2026-02-10",
                Some(1),
                vec![(0, Answer::Code(1)), (1, Answer::Many(0b01))],
            ),
        ];
        let open = vec![
            response("2026-04-10", None, vec![(1, Answer::Many(0b10)), say("Fast")]),
            response("2026-05-02", Some(1), vec![(0, Answer::Code(0)), say("New")]),
        ];
        let mut before = Tally::default();
        for r in &closed {
            before.add(&s, r);
        }
        let mut all = before.clone();
        for r in &open {
            all.add(&s, r);
        }
        let q2 = PeriodKind::Quarter.of(parse_date("2026-04-01").expect("date"));
        assert_eq!(all.close(PeriodKind::Quarter, q2), 2);
        assert_eq!(all.cells, before.cells);
        assert_eq!(all.texts, before.texts);
        assert_eq!(all.latest, parse_date("2026-03-31"));
    }

    #[test]
    fn merging_is_independent_of_order_and_split() {
        let s = survey_that_says();
        let say = |t: &str| (2, Answer::Text(t.into()));
        let rs = vec![
            response("2026-01-10", Some(0), vec![(0, Answer::Code(0)), say("Fast")]),
            response(
                "2026-02-10",
                Some(1),
                vec![(0, Answer::Code(1)), (1, Answer::Many(0b01)), say("Slow")],
            ),
            response("2026-04-10", None, vec![(1, Answer::Many(0b10)), say("Fast")]),
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
        let said: Vec<(String, u64)> = merged.texts[&2]
            .newest(SHOWN)
            .into_iter()
            .map(|d| (d.text, d.count))
            .collect();
        assert_eq!(said, [("Fast".to_owned(), 2), ("Slow".to_owned(), 1)]);
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
