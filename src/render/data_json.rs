//! data.json: the aggregates behind a report, for scripts and other tools.
//! Keys keep a fixed order, scores are unrounded, and a missing score is
//! `null`, never NaN. No free text and no response id ever appears here.
//!
//! The file's shape is the [`Document`] type and the types it holds: the
//! writer fills them in and serializes them, and whoever reads a data.json
//! back (`rapport diff`) deserializes the same types. Struct fields are
//! written in the order they are declared.

use crate::model::{Kind, Survey};
use crate::score::{stats, Change, Gap, GapCell, Group, Now, QuestionScore, Scores};
use crate::score::{Breakdown, BreakdownCell};
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// One survey's data.json.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The survey's id.
    pub survey: String,
    /// Its title in its default language.
    pub title: String,
    /// Its languages, the default first.
    pub languages: Vec<String>,
    /// The kind of period responses are grouped by (`quarter`, `month`...).
    pub period: String,
    /// The fewest respondents a breakdown cell is shown with.
    pub min_group_size: u64,
    /// Responses read.
    pub responses: u64,
    /// Periods with responses, in time order.
    pub periods: Vec<String>,
    /// The survey's overall figures.
    pub overall: Overall,
    /// The focus level's id, or `null`.
    pub focus_level: Option<String>,
    /// The focus level's questions below its target, lowest first (ids).
    #[serde(default)]
    pub focus_questions: Vec<String>,
    /// Whose experience is scored, or `null` when everyone's is.
    #[serde(default)]
    pub audience: Option<AudienceFigures>,
    /// The current period and its change from the previous one, or `null`
    /// when no period has `min_group_size` respondents.
    #[serde(default)]
    pub current: Option<CurrentFigures>,
    /// The levels, in the order the survey declares them.
    pub levels: Vec<Level>,
    /// The free-text questions.
    pub text_questions: Vec<TextQuestion>,
    /// With `publish: closed-periods`: the open period, whose responses
    /// count nowhere else; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_period: Option<OpenPeriod>,
}

/// `open_period`: the period still collecting, and how many responses it has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenPeriod {
    /// Its key.
    pub period: String,
    /// Its responses.
    pub responses: u64,
}

/// `overall`: the survey's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overall {
    /// The mean of the levels' scores, or `null`.
    pub score: Option<f64>,
    /// Its 95 % interval, or `null`.
    #[serde(default)]
    pub ci95: Option<[f64; 2]>,
}

/// `audience`: the segment value whose experience is scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AudienceFigures {
    /// The segment's id.
    pub segment: String,
    /// The value's id.
    pub value: String,
    /// The audience's responses.
    pub responses: u64,
    /// True when everyone else's responses were fewer than
    /// `min_group_size` and are left out of the top-level `responses`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub others_withheld: bool,
}

/// A comparison group beside the audience: `{"hidden": true}`, or its
/// figures and the gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum GapFigures {
    /// Too few respondents.
    Hidden {
        /// Always true.
        hidden: bool,
    },
    /// The group's figures.
    Shown {
        /// The group's score, or `null`.
        score: Option<f64>,
        /// Its 95 % interval, or `null`.
        ci95: Option<[f64; 2]>,
        /// The group's respondents (for a question: answers).
        responses: u64,
        /// The group's score minus the audience's, or `null`.
        difference: Option<f64>,
        /// Welch's test's p-value, or `null`.
        p: Option<f64>,
        /// Whether p < 0.05, or `null` without a test.
        significant: Option<bool>,
    },
}

/// `current`: the latest period with `min_group_size` respondents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentFigures {
    /// The current period's key.
    pub period: String,
    /// The previous period's key, or `null`.
    pub previous: Option<String>,
    /// The first level shown in the current period that misses its target.
    pub focus_level: Option<String>,
    /// Its questions below its target in the current period (ids).
    pub focus_questions: Vec<String>,
    /// The overall score in the current period.
    pub overall: NowFigures,
}

/// A figure of the current period: shown, hidden or without data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum NowFigures {
    /// Too few respondents: `{"hidden": true}`.
    Hidden {
        /// Always true.
        hidden: bool,
    },
    /// The figures.
    Shown {
        /// The score, or `null`.
        score: Option<f64>,
        /// Its 95 % interval, or `null`.
        ci95: Option<[f64; 2]>,
        /// Respondents in the current period.
        responses: u64,
        /// Whether a level's score reaches its target (levels only).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        meets_target: Option<Option<bool>>,
        /// The change from the previous period, or `null`.
        change: Option<ChangeFigures>,
    },
}

/// A change from the previous period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ChangeFigures {
    /// The previous period's score.
    pub from: f64,
    /// Current minus previous.
    pub difference: f64,
    /// Welch's test's p-value, or `null`.
    pub p: Option<f64>,
    /// Whether p < 0.05, or `null` without a test.
    pub significant: Option<bool>,
}

/// One entry of `levels`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Level {
    /// The level's id.
    pub id: String,
    /// Its score, or `null`.
    pub score: Option<f64>,
    /// Its 95 % interval, or `null`.
    #[serde(default)]
    pub ci95: Option<[f64; 2]>,
    /// Its target score.
    pub target: f64,
    /// Whether the score reaches the target; `null` without a score.
    pub meets_target: Option<bool>,
    /// Respondents who answered a scored question of the level.
    pub responses: u64,
    /// Its figures in the current period (with `meets_target`), or `null`
    /// without a current period.
    #[serde(default)]
    pub current: Option<NowFigures>,
    /// The level's questions.
    pub questions: Vec<Question>,
    /// The level's figures per period, keyed by period (`2026-Q3`).
    pub by_period: Keyed<PeriodCell>,
    /// The level's breakdowns.
    pub by_segment: Segments,
    /// With an audience: each comparison group (`_none` for respondents
    /// without a value) beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<Keyed<GapFigures>>,
}

/// A level's period: `{"hidden": true}` when it has too few respondents,
/// or its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PeriodCell {
    /// Too few respondents.
    Hidden {
        /// Always true.
        hidden: bool,
    },
    /// The figures.
    Shown(PeriodFigures),
}

/// A level's figures in one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodFigures {
    /// The level's score in the period, or `null`.
    pub score: Option<f64>,
    /// Its 95 % interval, or `null`.
    #[serde(default)]
    pub ci95: Option<[f64; 2]>,
    /// Respondents in the period.
    pub responses: u64,
    /// The period's breakdowns.
    pub by_segment: Segments,
}

/// Breakdowns: segment id, then value id, then what the cell shows.
pub type Segments = Keyed<Keyed<Cell>>;

/// One scored or counted question of a level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The question's id.
    pub id: String,
    /// Its type as written in survey.yaml (`scale`, `nps`...).
    #[serde(rename = "type")]
    pub kind: String,
    /// True for a reversed scale; the key is written only then.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reverse: bool,
    /// Answers given.
    pub answers: u64,
    /// Mean score, or `null`.
    pub score: Option<f64>,
    /// Its 95 % interval, or `null`.
    #[serde(default)]
    pub ci95: Option<[f64; 2]>,
    /// How often each answer was given, keyed as [`Kind::answer_keys`].
    pub counts: Keyed<u64>,
    /// Share of answers in the best two values: present (possibly `null`)
    /// only for scales of 4 or more points.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub top2: Option<Option<f64>>,
    /// Net Promoter Score: present (possibly `null`) only for nps questions.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub nps: Option<Option<f64>>,
    /// The Net Promoter Score's 95 % interval: present (possibly `null`)
    /// only for nps questions.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub nps_ci95: Option<Option<[f64; 2]>>,
    /// With an audience: each comparison group beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<Keyed<GapFigures>>,
}

/// One entry of `text_questions`: how many answered, never what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextQuestion {
    /// The question's id.
    pub id: String,
    /// Always `text`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Answers given.
    pub answers: u64,
}

/// What a breakdown cell shows.
///
/// Written as `{"score": …, "responses": …}`, `{"hidden": true}` or
/// `{"responses": 0, "score": null}`. Read leniently: a cell is hidden when
/// `hidden` is true, shows figures when it has a score or respondents, and
/// is empty otherwise; keys it does not know are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(from = "CellFields")]
pub enum Cell {
    /// Enough respondents: the figures.
    Score {
        /// The level's score in the cell, or `null`.
        score: Option<f64>,
        /// Its 95 % interval, or `null`.
        ci95: Option<[f64; 2]>,
        /// Respondents in the cell.
        responses: u64,
    },
    /// Too few respondents: nothing shown.
    Hidden,
    /// Nobody in the cell.
    NoData,
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match self {
            Cell::Score {
                score,
                ci95,
                responses,
            } => {
                map.serialize_entry("score", score)?;
                map.serialize_entry("ci95", ci95)?;
                map.serialize_entry("responses", responses)?;
            }
            Cell::Hidden => map.serialize_entry("hidden", &true)?,
            Cell::NoData => {
                map.serialize_entry("responses", &0u64)?;
                map.serialize_entry("score", &None::<f64>)?;
                map.serialize_entry("ci95", &None::<[f64; 2]>)?;
            }
        }
        map.end()
    }
}

/// Any of a cell's keys, as read.
#[derive(Deserialize)]
struct CellFields {
    hidden: Option<bool>,
    score: Option<f64>,
    ci95: Option<[f64; 2]>,
    responses: Option<u64>,
}

impl From<CellFields> for Cell {
    fn from(fields: CellFields) -> Cell {
        let responses = fields.responses.unwrap_or(0);
        if fields.hidden == Some(true) {
            Cell::Hidden
        } else if fields.score.is_some() || responses > 0 {
            Cell::Score {
                score: fields.score,
                ci95: fields.ci95,
                responses,
            }
        } else {
            Cell::NoData
        }
    }
}

/// A JSON object whose keys keep the order they come in: a level's
/// periods, a segment's values, a question's answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyed<T>(pub Vec<(String, T)>);

impl<T> FromIterator<(String, T)> for Keyed<T> {
    fn from_iter<I: IntoIterator<Item = (String, T)>>(entries: I) -> Self {
        Keyed(entries.into_iter().collect())
    }
}

impl<T: Serialize> Serialize for Keyed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Keyed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Entries<T> {
            type Value = Keyed<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keyed<T>, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Keyed(entries))
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A key that, when present, is `Some` even when its value is `null`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// Renders data.json (pretty-printed, ending in a newline).
pub fn render(survey: &Survey, scores: &Scores, min_group_size: u64) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(&document(survey, scores, min_group_size)).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// The data.json of a survey.
fn document(survey: &Survey, scores: &Scores, min_group_size: u64) -> Document {
    let lang = survey.default_language();
    let levels = survey
        .levels
        .iter()
        .zip(&scores.levels)
        .enumerate()
        .map(|(l, (level, ls))| Level {
            id: level.id.clone(),
            score: ls.score,
            ci95: ls.ci95,
            target: level.target,
            meets_target: ls.meets_target,
            responses: ls.responses,
            current: scores
                .current
                .as_ref()
                .map(|c| now_figures(&c.levels[l], Some(level.target))),
            questions: ls.questions.iter().map(|q| question(survey, q)).collect(),
            by_period: ls
                .by_period
                .iter()
                .map(|p| {
                    let cell = if p.hidden {
                        PeriodCell::Hidden { hidden: true }
                    } else {
                        PeriodCell::Shown(PeriodFigures {
                            score: p.score,
                            ci95: p.ci95,
                            responses: p.responses,
                            by_segment: segments(survey, &p.by_segment),
                        })
                    };
                    (p.period.to_string(), cell)
                })
                .collect(),
            by_segment: segments(survey, &ls.by_segment),
            gap: gaps(survey, &ls.gaps),
        })
        .collect();
    let text_questions = scores
        .texts
        .iter()
        .map(|t| {
            let question = &survey.questions[t.question];
            TextQuestion {
                id: question.id.clone(),
                kind: question.kind.name().to_string(),
                answers: t.answers,
            }
        })
        .collect();
    Document {
        survey: survey.id.clone(),
        title: survey.title.get(lang, lang).0.to_string(),
        languages: survey.languages.clone(),
        period: survey.period.name().to_string(),
        min_group_size,
        responses: scores.responses,
        periods: scores.periods.iter().map(ToString::to_string).collect(),
        overall: Overall {
            score: scores.overall,
            ci95: scores.overall_ci95,
        },
        focus_level: scores.focus.map(|i| survey.levels[i].id.clone()),
        focus_questions: question_ids(survey, &scores.focus_questions),
        audience: survey.audience.map(|a| {
            let segment = &survey.segments[a.segment];
            AudienceFigures {
                segment: segment.id.clone(),
                value: segment.values[a.value].id.clone(),
                responses: scores.audience_responses.unwrap_or(0),
                others_withheld: scores.others_withheld,
            }
        }),
        current: scores.current.as_ref().map(|c| CurrentFigures {
            period: c.period.to_string(),
            previous: c.previous.map(|p| p.to_string()),
            focus_level: c.focus.map(|i| survey.levels[i].id.clone()),
            focus_questions: question_ids(survey, &c.focus_questions),
            overall: now_figures(&c.overall, None),
        }),
        levels,
        text_questions,
        open_period: scores.open_period.map(|(period, responses)| OpenPeriod {
            period: period.to_string(),
            responses,
        }),
    }
}

fn question(survey: &Survey, q: &QuestionScore) -> Question {
    let question = &survey.questions[q.question];
    let (reverse, top2) = match question.kind {
        Kind::Scale { reverse, points, .. } => (reverse, (points >= 4).then_some(q.top2)),
        _ => (false, None),
    };
    Question {
        id: question.id.clone(),
        kind: question.kind.name().to_string(),
        reverse,
        answers: q.answers,
        score: q.score,
        ci95: q.ci95,
        counts: question
            .kind
            .answer_keys()
            .into_iter()
            .zip(q.counts.iter().copied())
            .collect(),
        top2,
        nps: matches!(question.kind, Kind::Nps).then_some(q.nps),
        nps_ci95: matches!(question.kind, Kind::Nps).then_some(q.nps_ci95),
        gap: gaps(survey, &q.gaps),
    }
}

/// The `gap` object of a level or question: `None` without an audience.
fn gaps(survey: &Survey, gaps: &[Gap]) -> Option<Keyed<GapFigures>> {
    let audience = survey.audience?;
    let values = &survey.segments[audience.segment].values;
    Some(
        gaps.iter()
            .map(|g| {
                let key = match g.group {
                    Group::Value(v) => values[v].id.clone(),
                    Group::NoValue => "_none".to_string(),
                };
                let figures = match g.cell {
                    GapCell::Hidden => GapFigures::Hidden { hidden: true },
                    GapCell::Shown {
                        responses,
                        score,
                        ci95,
                        difference,
                        p,
                    } => GapFigures::Shown {
                        score,
                        ci95,
                        responses,
                        difference,
                        p,
                        significant: stats::significant(p),
                    },
                };
                (key, figures)
            })
            .collect(),
    )
}

fn question_ids(survey: &Survey, questions: &[(usize, f64)]) -> Vec<String> {
    questions
        .iter()
        .map(|(q, _)| survey.questions[*q].id.clone())
        .collect()
}

/// A current-period figure; a level's has `meets_target` against `target`.
fn now_figures(now: &Now, target: Option<f64>) -> NowFigures {
    match now {
        Now::Hidden => NowFigures::Hidden { hidden: true },
        Now::NoData => NowFigures::Shown {
            score: None,
            ci95: None,
            responses: 0,
            meets_target: target.map(|_| None),
            change: None,
        },
        Now::Shown {
            responses,
            score,
            ci95,
            change,
        } => NowFigures::Shown {
            score: *score,
            ci95: *ci95,
            responses: *responses,
            meets_target: target.map(|t| score.map(|s| s >= t)),
            change: change.map(|c: Change| ChangeFigures {
                from: c.from,
                difference: c.difference,
                p: c.p,
                significant: c.significant(),
            }),
        },
    }
}

fn segments(survey: &Survey, breakdowns: &[Breakdown]) -> Segments {
    survey
        .segments
        .iter()
        .zip(breakdowns)
        .map(|(segment, cells)| {
            let ids = segment
                .values
                .iter()
                .map(|v| v.id.clone())
                .chain(["_none".to_string()]);
            let values = ids.zip(cells).map(|(id, cell)| (id, cell_of(cell))).collect();
            (segment.id.clone(), values)
        })
        .collect()
}

fn cell_of(shown: &BreakdownCell) -> Cell {
    match *shown {
        BreakdownCell::Score {
            responses,
            score,
            ci95,
        } => Cell::Score {
            score,
            ci95,
            responses,
        },
        BreakdownCell::Hidden { .. } => Cell::Hidden,
        BreakdownCell::NoData => Cell::NoData,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Every data.json of the committed example site reads into [`Document`]
    /// and writes back the same keys in the same order with the same values:
    /// the types hold the whole file. (The comparison is through
    /// [`serde_json::Value`], which parses numbers the way the types do:
    /// without serde_json's `float_roundtrip`, a few digits of a score may
    /// come back one unit in the last place off.)
    #[test]
    fn the_example_sites_data_json_round_trips_through_the_types() {
        let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
        let mut seen = 0;
        for entry in std::fs::read_dir(&site).expect("the example site") {
            let path = entry.expect("a folder entry").path().join("data.json");
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let doc: Document = serde_json::from_slice(&bytes).expect("a data.json rapport wrote");
            let as_read: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
            let as_written = serde_json::to_value(&doc).expect("serializable");
            assert_eq!(
                serde_json::to_string_pretty(&as_written).expect("serializable"),
                serde_json::to_string_pretty(&as_read).expect("serializable"),
                "{}",
                path.display()
            );
            seen += 1;
        }
        assert!(seen > 0, "no data.json in {}", site.display());
    }

    #[test]
    fn cells_are_written_in_their_three_shapes_and_read_back() {
        let cells = [
            Cell::Score {
                score: Some(80.5),
                ci95: None,
                responses: 12,
            },
            Cell::Hidden,
            Cell::NoData,
        ];
        let text = serde_json::to_string(&cells).expect("serializable");
        assert_eq!(
            text,
            r#"[{"score":80.5,"ci95":null,"responses":12},{"hidden":true},{"responses":0,"score":null,"ci95":null}]"#
        );
        let back: Vec<Cell> = serde_json::from_str(&text).expect("cells");
        assert_eq!(back, cells);
        let odd: Vec<Cell> =
            serde_json::from_str(r#"[{}, {"hidden": false, "responses": 3}, {"score": 1}]"#).expect("cells");
        assert_eq!(
            odd,
            [
                Cell::NoData,
                Cell::Score {
                    score: None,
                    ci95: None,
                    responses: 3,
                },
                Cell::Score {
                    score: Some(1.0),
                    ci95: None,
                    responses: 0,
                }
            ]
        );
    }

    #[test]
    fn optional_question_keys_are_written_only_when_set() {
        let question = |reverse, top2, nps| Question {
            id: "q".into(),
            kind: "scale".into(),
            reverse,
            answers: 0,
            score: None,
            ci95: None,
            counts: Keyed(vec![("1".into(), 0)]),
            top2,
            nps,
            nps_ci95: nps.map(|_| None),
            gap: None,
        };
        let text = |q: &Question| serde_json::to_string(q).expect("serializable");
        assert_eq!(
            text(&question(false, None, None)),
            r#"{"id":"q","type":"scale","answers":0,"score":null,"ci95":null,"counts":{"1":0}}"#
        );
        let full = question(true, Some(None), Some(Some(12.5)));
        assert_eq!(
            text(&full),
            r#"{"id":"q","type":"scale","reverse":true,"answers":0,"score":null,"ci95":null,"counts":{"1":0},"top2":null,"nps":12.5,"nps_ci95":null}"#
        );
        let back: Question = serde_json::from_str(&text(&full)).expect("a question");
        assert_eq!(back, full);
    }
}
