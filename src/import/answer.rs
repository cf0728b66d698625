//! One cell read as one question's answer, the way FORMAT.md lists them: an
//! option's id, alias or label in any of the survey's languages, a scale's
//! number or label, yes/no/true/false/1/0 or the yes/no words.

use super::names::{Found, Names, Tier};
use super::table::{number_text, Cell};
use crate::diagnostics::suggest;
use crate::model::{Kind, Question, Survey};

/// An answer in the form a response file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scale or nps value.
    Number(u32),
    /// `yes`, `no`, or an option's id.
    Word(String),
    /// A multi_choice answer: option ids in the question's order.
    Many(Vec<String>),
    /// A free-text answer as written.
    Text(String),
}

/// How to read one question's answers.
#[derive(Debug, Clone)]
pub struct Reader {
    /// What kind of question.
    pub kind: Kind,
    /// The question's id.
    pub id: String,
    /// Names of the options (choice), values (scale) or yes and no.
    pub names: Names,
    /// The ids the names point at, by index.
    pub ids: Vec<String>,
}

/// Why a cell is not an answer: what was expected, and a suggestion.
#[derive(Debug, Clone, PartialEq)]
pub struct Wrong {
    /// What the question takes.
    pub expected: String,
    /// "did you mean ..." or why it is ambiguous.
    pub help: Option<String>,
}

impl Reader {
    /// A reader for question `q` of `survey`.
    pub fn new(survey: &Survey, q: &Question) -> Self {
        let mut names = Names::default();
        let mut ids = Vec::new();
        match &q.kind {
            Kind::Scale { scale, points, .. } => {
                for v in 1..=*points {
                    names.add(&v.to_string(), Tier::Id, ids.len());
                    ids.push(v.to_string());
                }
                for labels in survey.scales[*scale].labels.values() {
                    for (i, label) in labels.iter().enumerate() {
                        names.add(label, Tier::Label, i);
                    }
                }
            }
            Kind::YesNo => {
                for (i, words) in [["yes", "true", "1", "y"], ["no", "false", "0", "n"]]
                    .iter()
                    .enumerate()
                {
                    for w in words {
                        names.add(w, Tier::Id, i);
                    }
                }
                for lang in &survey.languages {
                    if crate::i18n::built_in(lang).is_some() {
                        let words = crate::i18n::Words::new(lang);
                        names.add(&words.get("yes"), Tier::Label, 0);
                        names.add(&words.get("no"), Tier::Label, 1);
                    }
                }
                ids = vec!["yes".into(), "no".into()];
            }
            Kind::Choice { options, .. } | Kind::MultiChoice { options, .. } => {
                for (i, o) in options.iter().enumerate() {
                    names.add(&o.id, Tier::Id, i);
                    for alias in &o.aliases {
                        names.add(alias, Tier::Alias, i);
                    }
                    for label in o.label.by_lang.values() {
                        names.add(label, Tier::Label, i);
                    }
                    ids.push(o.id.clone());
                }
            }
            Kind::Nps | Kind::Text { .. } => {}
        }
        Reader {
            kind: q.kind.clone(),
            id: q.id.clone(),
            names,
            ids,
        }
    }

    /// The option (or value) index a name stands for.
    pub fn option(&self, name: &str) -> Result<usize, Wrong> {
        match self.names.find(name) {
            Found::One(i) => Ok(i),
            Found::None => Err(Wrong {
                expected: self.expected(),
                help: suggest(name.trim(), self.names.all()).map(|k| format!("did you mean `{k}`?")),
            }),
            Found::Several(all) => Err(Wrong {
                expected: "one option".into(),
                help: Some(format!(
                    "it names {}; give the options distinct labels or add `option_aliases`",
                    crate::diagnostics::list(&all.iter().map(|&i| self.ids[i].as_str()).collect::<Vec<_>>())
                )),
            }),
        }
    }

    /// What the question takes, for messages.
    pub fn expected(&self) -> String {
        match &self.kind {
            Kind::Scale { points, .. } => {
                format!("a whole number from 1 to {points} or one of the scale's labels")
            }
            Kind::Nps => "a whole number from 0 to 10".into(),
            Kind::YesNo => "yes, no, true, false, 1 or 0".into(),
            Kind::Choice { .. } | Kind::MultiChoice { .. } => {
                format!(
                    "an option: {}",
                    crate::diagnostics::list(&self.ids.iter().map(String::as_str).collect::<Vec<_>>())
                )
            }
            Kind::Text { .. } => "a text".into(),
        }
    }

    /// The answer in a non-empty cell; `separators` join a multi-select
    /// answer's options.
    pub fn read(&self, cell: &Cell, separators: &[char]) -> Result<Value, Wrong> {
        match &self.kind {
            Kind::Text { .. } => Ok(Value::Text(cell.text())),
            Kind::Nps => match whole(cell) {
                Some(v) if v <= 10 => Ok(Value::Number(v)),
                _ => Err(Wrong {
                    expected: self.expected(),
                    help: None,
                }),
            },
            Kind::Scale { .. } => {
                let name = whole(cell).map_or_else(|| cell.text(), |v| v.to_string());
                self.option(&name).map(|i| Value::Number(i as u32 + 1))
            }
            Kind::YesNo => {
                let name = match cell {
                    Cell::Bool(b) => b.to_string(),
                    other => whole(other).map_or_else(|| other.text(), |v| v.to_string()),
                };
                self.option(&name).map(|i| Value::Word(self.ids[i].clone()))
            }
            Kind::Choice { .. } => self
                .option(&cell_name(cell))
                .map(|i| Value::Word(self.ids[i].clone())),
            Kind::MultiChoice { .. } => {
                let chosen = match cell {
                    Cell::List(items) => items
                        .iter()
                        .map(|item| self.option(item))
                        .collect::<Result<Vec<_>, _>>()?,
                    other => self.split(&cell_name(other), separators)?,
                };
                Ok(Value::Many(self.in_order(&chosen)))
            }
        }
    }

    /// Option ids of the chosen indices, in the question's order, once each.
    pub fn in_order(&self, chosen: &[usize]) -> Vec<String> {
        let mut sorted = chosen.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        sorted.iter().map(|&i| self.ids[i].clone()).collect()
    }

    /// Splits a multi-select cell. A piece that names no option is tried
    /// together with the pieces after it, so labels that contain the
    /// separator (`Yes, always`) still match.
    fn split(&self, text: &str, separators: &[char]) -> Result<Vec<usize>, Wrong> {
        if let Found::One(i) = self.names.find(text) {
            return Ok(vec![i]);
        }
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        for (at, c) in text.char_indices() {
            if separators.contains(&c) {
                pieces.push((start, at));
                start = at + c.len_utf8();
            }
        }
        pieces.push((start, text.len()));
        pieces.retain(|&(a, b)| !text[a..b].trim().is_empty());
        let mut chosen = Vec::new();
        let mut i = 0;
        while i < pieces.len() {
            let found = (i..pieces.len()).rev().find_map(|j| {
                match self.names.find(&text[pieces[i].0..pieces[j].1]) {
                    Found::One(o) => Some((j, o)),
                    _ => None,
                }
            });
            match found {
                Some((j, o)) => {
                    chosen.push(o);
                    i = j + 1;
                }
                None => {
                    let piece = text[pieces[i].0..pieces[i].1].trim();
                    return self.option(piece).map(|_| Vec::new()).map_err(|wrong| Wrong {
                        expected: format!("options, and `{piece}` is none: {}", wrong.expected),
                        help: wrong.help,
                    });
                }
            }
        }
        Ok(chosen)
    }
}

/// A cell as an option name: numbers without `.0`.
fn cell_name(cell: &Cell) -> String {
    match cell {
        Cell::Number(n) => number_text(*n),
        other => other.text(),
    }
}

/// A whole number in a cell (`4`, `4.0`, " 4 ").
pub fn whole(cell: &Cell) -> Option<u32> {
    let n = match cell {
        Cell::Number(n) => *n,
        // `4,0` is how a decimal comma writes 4.
        Cell::Text(t) => t.trim().replacen(',', ".", 1).parse::<f64>().ok()?,
        _ => return None,
    };
    (n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n)).then_some(n as u32)
}

/// True for a per-option column's "chosen" (`1`, `Y`, `yes`, `true`, `x`
/// or the option's own name), false for "not chosen" (empty, `0`, `N`,
/// `no`, `false`); `None` for anything else.
pub fn ticked(cell: &Cell, option_names: &[String]) -> Option<bool> {
    if cell.is_empty() {
        return Some(false);
    }
    if let Cell::Bool(b) = cell {
        return Some(*b);
    }
    let text = super::layout::normalize(&cell_name(cell));
    match text.as_str() {
        "1" | "y" | "yes" | "true" | "x" | "✓" | "✔" => Some(true),
        "0" | "n" | "no" | "false" => Some(false),
        _ => option_names
            .iter()
            .any(|n| super::layout::normalize(n) == text)
            .then_some(true),
    }
}
