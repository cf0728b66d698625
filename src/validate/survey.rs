//! survey.yaml: title, languages, scales, levels, questions and segments,
//! with every reference resolved and every id checked.

use super::{
    entries, id, id_like, is_id, items, language, number, report_gaps, string, text, Ctx, Fields, Langs,
};
use crate::diagnostics::{code, quote, Diagnostic, Severity, Span};
use crate::model::{Audience, Choice, Coverage, Kind, Level, Question, Scale, Segment, Survey};
use crate::period::PeriodKind;
use crate::yaml::{Node, Value};
use std::collections::BTreeMap;
use std::path::Path;

const FIELDS: [&str; 11] = [
    "title",
    "description",
    "languages",
    "period",
    "target",
    "scales",
    "levels",
    "questions",
    "segments",
    "audience",
    "publish",
];
const PUBLISH: [&str; 2] = ["all", "closed-periods"];
const LEVEL_FIELDS: [&str; 5] = ["id", "name", "description", "target", "recommendations"];
const QUESTION_FIELDS: [&str; 11] = [
    "id",
    "level",
    "type",
    "scale",
    "reverse",
    "text",
    "options",
    "scores",
    "publish",
    "aliases",
    "option_aliases",
];
const TYPES: [&str; 6] = ["scale", "nps", "yes_no", "choice", "multi_choice", "text"];

/// Most options a multi_choice question may have.
pub const MAX_OPTIONS: usize = 64;

/// Checks the name of a folder of `surveys/`, which is the survey's id.
/// False (and an error) when it breaks the id rule.
pub fn folder(id: &str, diags: &mut Vec<Diagnostic>) -> bool {
    if is_id(id) {
        return true;
    }
    diags.push(
        Diagnostic::general(
            Severity::Error,
            code::BAD_ID,
            Some(&Path::new("surveys").join(id)),
            format!("the folder name {} is not a valid survey id", quote(id)),
        )
        .note("a survey's id is its folder's name and matches ^[a-z0-9][a-z0-9-]{0,63}$")
        .help(match id_like(&id.replace('_', "-")) {
            Some(better) => format!("rename the folder to `{better}`"),
            None => "rename the folder, e.g. to `customer-survey`".into(),
        }),
    );
    false
}

/// Checks one survey definition. `None` when it has errors (they are in
/// `ctx`); warnings alone still give a survey.
pub fn survey(ctx: &mut Ctx, survey_id: &str, node: &Node) -> Option<Survey> {
    let before = errors(ctx);
    let fields = Fields::read(ctx, node, "survey.yaml", &FIELDS)?;

    let mut languages: Vec<String> = Vec::new();
    if fields.get("languages").is_none() && !fields.is_typo("languages") {
        let d = ctx
            .make(code::MISSING, fields.node.span, "survey.yaml has no `languages`")
            .label("`languages` is required here")
            .help("add e.g. `languages: [en]`; the first language is the default");
        ctx.push(d);
    }
    if let Some(n) = fields.get("languages") {
        languages = super::languages(ctx, n, "headings and labels will be in English");
        if languages.is_empty() && matches!(&n.value, Value::Seq(items) if items.is_empty()) {
            ctx.error(
                code::MISSING,
                n.span,
                "`languages` is empty",
                "list at least one language; the first is the default",
            );
        }
    }
    let langs_ok = errors(ctx) == before && !languages.is_empty();
    let mut langs = Langs {
        list: if langs_ok { &languages } else { &[] },
        gaps: Vec::new(),
        texts: 0,
    };

    let title = fields
        .require(ctx, "title", "survey.yaml")
        .and_then(|n| text(ctx, &mut langs, n, "title"));
    let description = fields
        .get("description")
        .and_then(|n| text(ctx, &mut langs, n, "description"));
    let period = match fields.get("period") {
        None => PeriodKind::default(),
        Some(n) => {
            let name = n.text().unwrap_or("");
            PeriodKind::from_name(name).unwrap_or_else(|| {
                ctx.unknown(
                    code::WRONG_TYPE,
                    n.span,
                    format!("period: expected a period, found {}", n.describe()),
                    "not a period",
                    name,
                    &PeriodKind::NAMES,
                );
                PeriodKind::default()
            })
        }
    };
    let target = fields
        .get("target")
        .and_then(|n| number(ctx, n, "target", 0.0, 100.0))
        .unwrap_or(75.0);

    let scales = fields
        .get("scales")
        .map(|n| scales(ctx, &mut langs, n))
        .unwrap_or_default();
    let levels = match fields.require(ctx, "levels", "survey.yaml") {
        Some(n) => levels(ctx, &mut langs, n, target),
        None => Vec::new(),
    };
    let declared = Declared {
        levels: declared_ids(&fields, "levels"),
        scales: declared_ids(&fields, "scales"),
    };
    let questions = match fields.require(ctx, "questions", "survey.yaml") {
        Some(n) => questions(ctx, &mut langs, n, &scales, &levels, &declared),
        None => Vec::new(),
    };
    let segments = fields
        .get("segments")
        .map(|n| segments(ctx, &mut langs, n))
        .unwrap_or_default();
    let audience = fields.get("audience").and_then(|n| audience(ctx, n, &segments));
    let closed_periods = match fields.get("publish") {
        None => false,
        Some(n) => match n.text() {
            Some("all") => false,
            Some("closed-periods") => true,
            _ => {
                let found = n.text().unwrap_or("");
                ctx.unknown(
                    code::WRONG_TYPE,
                    n.span,
                    format!("publish: expected all or closed-periods, found {}", n.describe()),
                    "not a way to publish",
                    found,
                    &PUBLISH,
                );
                false
            }
        },
    };

    let gaps = std::mem::take(&mut langs.gaps);
    let texts = langs.texts;
    let others = &languages[languages.len().min(1)..];
    report_gaps(ctx, &gaps, others);
    let translations = others
        .iter()
        .map(|lang| Coverage {
            lang: lang.clone(),
            texts,
            missing: gaps
                .iter()
                .filter(|g| &g.lang == lang)
                .map(|g| g.path.clone())
                .collect(),
        })
        .collect();
    if errors(ctx) > before {
        return None;
    }
    Some(Survey {
        id: survey_id.to_owned(),
        title: title?,
        description,
        languages,
        period,
        target,
        scales,
        levels,
        questions,
        segments,
        audience,
        closed_periods,
        translations,
    })
}

/// Reads `audience: { <segment>: <value> }`: one declared segment and one of
/// its values.
fn audience(ctx: &mut Ctx, node: &Node, segments: &[Segment]) -> Option<Audience> {
    let pairs = entries(ctx, node, "audience")?;
    let [(key, value)] = pairs else {
        ctx.wrong_type(
            node,
            "audience",
            "one segment and its value, e.g. `{ group: customer }`",
        );
        return None;
    };
    let name = string(ctx, key, "audience")?;
    let Some(segment) = segments.iter().position(|s| s.id == name) else {
        let known: Vec<&str> = segments.iter().map(|s| s.id.as_str()).collect();
        ctx.unknown(
            code::UNKNOWN_REF,
            key.span,
            format!("audience: there is no segment `{name}`"),
            "not declared under `segments`",
            name,
            &known,
        );
        return None;
    };
    let wanted = string(ctx, value, "audience")?;
    let values = &segments[segment].values;
    let Some(index) = values.iter().position(|v| v.id == wanted) else {
        let known: Vec<&str> = values.iter().map(|v| v.id.as_str()).collect();
        ctx.unknown(
            code::UNKNOWN_REF,
            value.span,
            format!("audience: segment `{name}` has no value `{wanted}`"),
            "not one of the segment's values",
            wanted,
            &known,
        );
        return None;
    };
    Some(Audience {
        segment,
        value: index,
    })
}

fn errors(ctx: &Ctx) -> usize {
    ctx.diags
        .iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Error)
        .count()
}

/// Remembers ids of one kind and reports the second use of any.
struct Unique<'n> {
    kind: &'static str,
    seen: Vec<(&'n str, Span)>,
}

impl<'n> Unique<'n> {
    fn new(kind: &'static str) -> Self {
        Unique {
            kind,
            seen: Vec::new(),
        }
    }

    fn check(&mut self, ctx: &mut Ctx, id: &'n str, span: Span) -> bool {
        if let Some((_, first)) = self.seen.iter().find(|(s, _)| *s == id) {
            let d = ctx
                .make(
                    code::DUPLICATE_ID,
                    span,
                    format!("{} `{id}` is defined twice", self.kind),
                )
                .label("second definition")
                .note(format!("first defined on line {}", first.start.line));
            ctx.push(d);
            return false;
        }
        self.seen.push((id, span));
        true
    }
}

fn scales(ctx: &mut Ctx, langs: &mut Langs, node: &Node) -> Vec<Scale> {
    let mut out = Vec::new();
    let Some(list) = entries(ctx, node, "scales") else {
        return out;
    };
    for (key, value) in list {
        let Some(scale_id) = id(ctx, key, "scale id") else {
            continue;
        };
        let what = format!("scales.{scale_id}");
        let Some(fields) = Fields::read(ctx, value, &what, &["labels"]) else {
            continue;
        };
        let Some(labels_node) = fields.require(ctx, "labels", &what) else {
            continue;
        };
        let mut labels: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let path = format!("{what}.labels");
        match &labels_node.value {
            Value::Seq(_) => {
                if let Some(l) = label_list(ctx, labels_node, &path) {
                    labels.insert(String::new(), l);
                }
            }
            Value::Map(pairs) => {
                for (lang_node, list) in pairs {
                    if let (Some(lang), Some(l)) =
                        (language(ctx, lang_node, &path), label_list(ctx, list, &path))
                    {
                        labels.insert(lang.to_owned(), l);
                    }
                }
                langs.texts += 1;
                if let Some(default) = langs.list.first() {
                    if !labels.contains_key(default) {
                        ctx.error(
                            code::NO_DEFAULT_TEXT,
                            labels_node.span,
                            format!("{path} has no labels in `{default}`, the default language"),
                            format!("add `{default}: [...]` here"),
                        );
                        continue;
                    }
                    for lang in &langs.list[1..] {
                        if !labels.contains_key(lang) {
                            langs.gaps.push(super::Gap {
                                lang: lang.clone(),
                                span: labels_node.span,
                                path: path.clone(),
                            });
                        }
                    }
                }
            }
            Value::Scalar(_) => {
                ctx.wrong_type(
                    labels_node,
                    &path,
                    "a list of labels, or a map from language to a list",
                );
                continue;
            }
        }
        let mut sizes: Vec<usize> = labels.values().map(Vec::len).collect();
        sizes.dedup();
        if sizes.len() > 1 {
            ctx.error(
                code::OUT_OF_RANGE,
                labels_node.span,
                format!("{path}: the languages have different numbers of labels"),
                "every language needs one label per point",
            );
            continue;
        }
        let points = sizes.first().copied().unwrap_or(0);
        if !(2..=11).contains(&points) {
            ctx.error(
                code::OUT_OF_RANGE,
                labels_node.span,
                format!("{path}: a scale has 2 to 11 points, found {points}"),
                "expected 2 to 11 labels",
            );
            continue;
        }
        out.push(Scale {
            id: scale_id.to_owned(),
            points: u32::try_from(points).unwrap_or(0),
            labels,
        });
    }
    out
}

fn label_list(ctx: &mut Ctx, node: &Node, path: &str) -> Option<Vec<String>> {
    let list = items(ctx, node, path)?;
    list.iter()
        .map(|n| string(ctx, n, path).map(str::to_owned))
        .collect()
}

fn levels(ctx: &mut Ctx, langs: &mut Langs, node: &Node, survey_target: f64) -> Vec<Level> {
    let mut out = Vec::new();
    let Some(list) = items(ctx, node, "levels") else {
        return out;
    };
    if list.is_empty() {
        ctx.error(
            code::MISSING,
            node.span,
            "`levels` is empty",
            "a survey needs at least one level",
        );
    }
    let mut unique = Unique::new("level");
    for item in list {
        let Some(fields) = Fields::read(ctx, item, "a level", &LEVEL_FIELDS) else {
            continue;
        };
        let Some(level_id) = fields
            .require(ctx, "id", "this level")
            .and_then(|n| id(ctx, n, "level id"))
        else {
            continue;
        };
        let id_span = fields.get("id").map_or(item.span, |n| n.span);
        let fresh = unique.check(ctx, level_id, id_span);
        let path = format!("levels.{level_id}");
        let name = fields
            .require(ctx, "name", &path)
            .and_then(|n| text(ctx, langs, n, &format!("{path}.name")));
        let description = fields
            .get("description")
            .and_then(|n| text(ctx, langs, n, &format!("{path}.description")));
        let recommendations = fields
            .get("recommendations")
            .and_then(|n| text(ctx, langs, n, &format!("{path}.recommendations")));
        let target = fields
            .get("target")
            .and_then(|n| number(ctx, n, &format!("{path}.target"), 0.0, 100.0))
            .unwrap_or(survey_target);
        if let (Some(name), true) = (name, fresh) {
            out.push(Level {
                id: level_id.to_owned(),
                name,
                description,
                target,
                recommendations,
            });
        }
    }
    out
}

/// The ids written under `levels` and `scales`, valid or not, so that a
/// question referring to a level with a mistake of its own gets no second
/// error. `None` when the section itself could not be read.
struct Declared {
    levels: Option<Vec<String>>,
    scales: Option<Vec<String>>,
}

impl Declared {
    /// True when a reference to `name` deserves an error of its own.
    fn is_unknown(ids: &Option<Vec<String>>, name: &str) -> bool {
        ids.as_ref().is_some_and(|ids| !ids.iter().any(|i| i == name))
    }
}

fn declared_ids(fields: &Fields, key: &str) -> Option<Vec<String>> {
    if fields.is_typo(key) {
        return None;
    }
    let Some(node) = fields.get(key) else {
        return Some(Vec::new());
    };
    match &node.value {
        Value::Seq(items) => Some(
            items
                .iter()
                .filter_map(|item| match &item.value {
                    Value::Map(entries) => entries
                        .iter()
                        .find(|(k, _)| k.text() == Some("id"))
                        .and_then(|(_, v)| v.text().map(str::to_owned)),
                    _ => None,
                })
                .collect(),
        ),
        Value::Map(entries) => Some(
            entries
                .iter()
                .filter_map(|(k, _)| k.text().map(str::to_owned))
                .collect(),
        ),
        Value::Scalar(_) => None,
    }
}

fn questions(
    ctx: &mut Ctx,
    langs: &mut Langs,
    node: &Node,
    scales: &[Scale],
    levels: &[Level],
    declared: &Declared,
) -> Vec<Question> {
    let mut out = Vec::new();
    let Some(list) = items(ctx, node, "questions") else {
        return out;
    };
    if list.is_empty() {
        ctx.error(
            code::MISSING,
            node.span,
            "`questions` is empty",
            "a survey needs at least one question",
        );
    }
    let mut unique = Unique::new("question");
    for item in list {
        let Some(fields) = Fields::read(ctx, item, "a question", &QUESTION_FIELDS) else {
            continue;
        };
        let Some(id_node) = fields.require(ctx, "id", "this question") else {
            continue;
        };
        let Some(qid) = id(ctx, id_node, "question id") else {
            continue;
        };
        let fresh = unique.check(ctx, qid, id_node.span);
        let path = format!("questions.{qid}");
        // A question without `text` is shown by its id.
        let qtext = match fields.get("text") {
            Some(n) => text(ctx, langs, n, &format!("{path}.text")),
            None => Some(crate::model::Text::plain(qid)),
        };
        let Some(type_node) = fields.require(ctx, "type", &path) else {
            continue;
        };
        let type_name = type_node.text().unwrap_or("");
        if !TYPES.contains(&type_name) {
            ctx.unknown(
                code::WRONG_TYPE,
                type_node.span,
                format!(
                    "{path}.type: expected a question type, found {}",
                    type_node.describe()
                ),
                "not a question type",
                type_name,
                &TYPES,
            );
            continue;
        }
        let kind = kind(ctx, langs, &fields, type_name, &path, scales, declared);
        let level = level_of(ctx, &fields, type_name, &path, levels, declared);
        let aliases = match fields.get("aliases") {
            Some(n) => label_list(ctx, n, &format!("{path}.aliases")),
            None => Some(Vec::new()),
        };
        if let (Some(kind), Some(level), Some(qtext), Some(aliases), true) =
            (kind, level, qtext, aliases, fresh)
        {
            out.push(Question {
                id: qid.to_owned(),
                level,
                text: qtext,
                kind,
                aliases,
            });
        }
    }
    out
}

/// The level of a question: required for every type but text, which has none.
/// `Some(None)` is a valid text question; `None` an error.
fn level_of(
    ctx: &mut Ctx,
    fields: &Fields,
    type_name: &str,
    path: &str,
    levels: &[Level],
    declared: &Declared,
) -> Option<Option<usize>> {
    if type_name == "text" {
        if let Some(n) = fields.get("level") {
            not_for_type(ctx, fields.key("level").unwrap_or(n), "level", "text");
            return None;
        }
        return Some(None);
    }
    let node = fields.require(ctx, "level", path)?;
    let name = string(ctx, node, &format!("{path}.level"))?;
    match levels.iter().position(|l| l.id == name) {
        Some(i) => Some(Some(i)),
        None if !Declared::is_unknown(&declared.levels, name) => None,
        None => {
            let known: Vec<&str> = levels.iter().map(|l| l.id.as_str()).collect();
            ctx.unknown(
                code::UNKNOWN_REF,
                node.span,
                format!("{path}.level: there is no level `{name}`"),
                "not a level of this survey",
                name,
                &known,
            );
            None
        }
    }
}

fn not_for_type(ctx: &mut Ctx, node: &Node, field: &str, type_name: &str) {
    ctx.error(
        code::NOT_FOR_TYPE,
        node.span,
        format!("`{field}` does not apply to a question of type {type_name}"),
        "remove this field",
    );
}

fn kind(
    ctx: &mut Ctx,
    langs: &mut Langs,
    fields: &Fields,
    type_name: &str,
    path: &str,
    scales: &[Scale],
    declared: &Declared,
) -> Option<Kind> {
    let only = |ctx: &mut Ctx, field: &str, types: &[&str]| {
        if let Some(n) = fields.get(field) {
            if !types.contains(&type_name) {
                not_for_type(ctx, fields.key(field).unwrap_or(n), field, type_name);
                return false;
            }
        }
        true
    };
    let fits = [
        only(ctx, "scale", &["scale"]),
        only(ctx, "reverse", &["scale"]),
        only(ctx, "options", &["choice", "multi_choice"]),
        only(ctx, "scores", &["choice", "multi_choice"]),
        only(ctx, "option_aliases", &["choice", "multi_choice"]),
        only(ctx, "publish", &["text"]),
    ];
    if fits.contains(&false) {
        return None;
    }
    let flag = |ctx: &mut Ctx, field: &str| match fields.get(field) {
        None => Some(false),
        Some(n) => match n.scalar().and_then(|s| s.as_bool()) {
            Some(b) => Some(b),
            None => {
                ctx.wrong_type(n, &format!("{path}.{field}"), "true or false");
                None
            }
        },
    };
    Some(match type_name {
        "scale" => {
            let reverse = flag(ctx, "reverse");
            let node = fields.require(ctx, "scale", path)?;
            let name = string(ctx, node, &format!("{path}.scale"))?;
            let Some(i) = scales.iter().position(|s| s.id == name) else {
                if !Declared::is_unknown(&declared.scales, name) {
                    return None;
                }
                let known: Vec<&str> = scales.iter().map(|s| s.id.as_str()).collect();
                ctx.unknown(
                    code::UNKNOWN_REF,
                    node.span,
                    format!("{path}.scale: there is no scale `{name}`"),
                    "not declared under `scales`",
                    name,
                    &known,
                );
                return None;
            };
            Kind::Scale {
                scale: i,
                points: scales[i].points,
                reverse: reverse?,
            }
        }
        "nps" => Kind::Nps,
        "yes_no" => Kind::YesNo,
        "choice" | "multi_choice" => {
            let node = fields.require(ctx, "options", path)?;
            let mut options = options(
                ctx,
                langs,
                node,
                &format!("{path}.options"),
                type_name == "multi_choice",
            )?;
            if let Some(n) = fields.get("option_aliases") {
                option_aliases(ctx, n, path, &mut options)?;
            }
            let scores = match fields.get("scores") {
                None => None,
                Some(n) => Some(scores(ctx, n, path, &options)?),
            };
            if type_name == "choice" {
                Kind::Choice { options, scores }
            } else {
                Kind::MultiChoice { options, scores }
            }
        }
        _ => Kind::Text {
            publish: flag(ctx, "publish")?,
        },
    })
}

/// Reads ordered options (or segment values): a map from id to label.
fn options(ctx: &mut Ctx, langs: &mut Langs, node: &Node, what: &str, multi: bool) -> Option<Vec<Choice>> {
    let list = entries(ctx, node, what)?;
    if list.is_empty() {
        ctx.error(
            code::MISSING,
            node.span,
            format!("{what} is empty"),
            "list at least one",
        );
        return None;
    }
    if multi && list.len() > MAX_OPTIONS {
        ctx.error(
            code::OUT_OF_RANGE,
            node.span,
            format!(
                "{what}: a multi_choice question has at most {MAX_OPTIONS} options, found {}",
                list.len()
            ),
            "too many options",
        );
        return None;
    }
    let mut out = Vec::new();
    let mut ok = true;
    for (key, value) in list {
        let Some(option_id) = id(ctx, key, &format!("id in {what}")) else {
            ok = false;
            continue;
        };
        match text(ctx, langs, value, &format!("{what}.{option_id}")) {
            Some(label) => out.push(Choice {
                id: option_id.to_owned(),
                label,
                aliases: Vec::new(),
            }),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// Reads `option_aliases`: option id -> the other names of that option.
fn option_aliases(ctx: &mut Ctx, node: &Node, path: &str, options: &mut [Choice]) -> Option<()> {
    let list = entries(ctx, node, &format!("{path}.option_aliases"))?;
    let mut ok = true;
    for (key, value) in list {
        let Some(i) = option_index(ctx, key, &format!("{path}.option_aliases"), options) else {
            ok = false;
            continue;
        };
        let what = format!("{path}.option_aliases.{}", options[i].id);
        let names = match &value.value {
            Value::Seq(_) => label_list(ctx, value, &what),
            _ => string(ctx, value, &what).map(|s| vec![s.to_owned()]),
        };
        match names {
            Some(names) => options[i].aliases = names,
            None => ok = false,
        }
    }
    ok.then_some(())
}

/// The position of the option a key names, or an error with a suggestion.
fn option_index(ctx: &mut Ctx, key: &Node, what: &str, options: &[Choice]) -> Option<usize> {
    let name = key.text().unwrap_or("");
    let found = options.iter().position(|o| o.id == name);
    if found.is_none() {
        let known: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
        ctx.unknown(
            code::UNKNOWN_REF,
            key.span,
            format!("{what}: there is no option `{name}`"),
            "not one of the question's options",
            name,
            &known,
        );
    }
    found
}

fn scores(ctx: &mut Ctx, node: &Node, path: &str, options: &[Choice]) -> Option<Vec<f64>> {
    let list = entries(ctx, node, &format!("{path}.scores"))?;
    let mut out: Vec<Option<f64>> = vec![None; options.len()];
    let mut ok = true;
    for (key, value) in list {
        let Some(i) = option_index(ctx, key, &format!("{path}.scores"), options) else {
            ok = false;
            continue;
        };
        let name = &options[i].id;
        match number(ctx, value, &format!("{path}.scores.{name}"), 0.0, 100.0) {
            Some(v) => out[i] = Some(v),
            None => ok = false,
        }
    }
    let missing: Vec<&str> = options
        .iter()
        .zip(&out)
        .filter(|(_, s)| s.is_none())
        .map(|(o, _)| o.id.as_str())
        .collect();
    if ok && !missing.is_empty() {
        let d = ctx
            .make(
                code::MISSING,
                node.span,
                format!(
                    "{path}.scores: no score for {}",
                    crate::diagnostics::list(&missing)
                ),
            )
            .label("every option needs a score when any has one");
        ctx.push(d);
        ok = false;
    }
    if !ok {
        return None;
    }
    out.into_iter().collect()
}

fn segments(ctx: &mut Ctx, langs: &mut Langs, node: &Node) -> Vec<Segment> {
    let mut out = Vec::new();
    let Some(list) = entries(ctx, node, "segments") else {
        return out;
    };
    for (key, value) in list {
        let Some(seg_id) = id(ctx, key, "segment id") else {
            continue;
        };
        let path = format!("segments.{seg_id}");
        let Some(fields) = Fields::read(ctx, value, &path, &["name", "values"]) else {
            continue;
        };
        let name = fields
            .require(ctx, "name", &path)
            .and_then(|n| text(ctx, langs, n, &format!("{path}.name")));
        let values = fields
            .require(ctx, "values", &path)
            .and_then(|n| options(ctx, langs, n, &format!("{path}.values"), false));
        if let (Some(name), Some(values)) = (name, values) {
            out.push(Segment {
                id: seg_id.to_owned(),
                name,
                values,
            });
        }
    }
    out
}
