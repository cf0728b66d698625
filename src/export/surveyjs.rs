//! SurveyJS: the questionnaire as the JSON a survey-core `Model` is made
//! from, one page of elements named by question id.
//!
//! Every text is an object with the default language's text under
//! `default` and again under its own tag (survey-core takes `default` to be
//! English otherwise), and each other language under its tag; `locale` opens
//! the form in the default language. The mapping of types:
//!
//! | rapport        | SurveyJS                                              |
//! |----------------|-------------------------------------------------------|
//! | `scale`        | `rating`, `rateValues` 1..n with the scale's labels    |
//! | `nps`          | `rating`, `rateMin` 0, `rateMax` 10                    |
//! | `yes_no`       | `boolean` with `valueTrue` `yes` and `valueFalse` `no` |
//! | `choice`       | `radiogroup`, choices valued by option id              |
//! | `multi_choice` | `checkbox` likewise                                    |
//! | `text`         | `comment`                                              |
//!
//! So the model's `data` holds the answers as rapport writes them: scale
//! and NPS numbers, `yes`/`no`, option ids.

use super::{in_each_language, scale_labels, yes_no_labels, Exported};
use crate::model::{Kind, Survey, Text};
use serde_json::{json, Map, Value};

/// `{ "default": .., "<default tag>": .., "<other tag>": .. }` from a text
/// per language in the survey's order.
fn localized(survey: &Survey, texts: &[String]) -> Value {
    let mut map = Map::new();
    if let Some(first) = texts.first() {
        map.insert("default".into(), Value::String(first.clone()));
    }
    for (lang, text) in survey.languages.iter().zip(texts) {
        map.insert(lang.clone(), Value::String(text.clone()));
    }
    Value::Object(map)
}

fn text(survey: &Survey, text: &Text) -> Value {
    localized(survey, &in_each_language(survey, text))
}

/// One question as a SurveyJS element.
fn element(survey: &Survey, q: &crate::model::Question) -> Value {
    let mut e = Map::new();
    let mut put = |k: &str, v: Value| {
        e.insert(k.to_owned(), v);
    };
    let kind = match &q.kind {
        Kind::Scale { .. } => "rating",
        Kind::Nps => "rating",
        Kind::YesNo => "boolean",
        Kind::Choice { .. } => "radiogroup",
        Kind::MultiChoice { .. } => "checkbox",
        Kind::Text { .. } => "comment",
    };
    put("type", json!(kind));
    put("name", json!(q.id));
    put("title", text(survey, &q.text));
    match &q.kind {
        Kind::Scale { scale, .. } => {
            let values: Vec<Value> = scale_labels(survey, &survey.scales[*scale])
                .into_iter()
                .zip(1u32..)
                .map(|(labels, value)| json!({ "value": value, "text": localized(survey, &labels) }))
                .collect();
            put("rateValues", Value::Array(values));
        }
        Kind::Nps => {
            put("rateCount", json!(11));
            put("rateMin", json!(0));
            put("rateMax", json!(10));
        }
        Kind::YesNo => {
            let [yes, no] = yes_no_labels(survey);
            put("labelTrue", localized(survey, &yes));
            put("labelFalse", localized(survey, &no));
            put("valueTrue", json!("yes"));
            put("valueFalse", json!("no"));
        }
        Kind::Choice { options, .. } | Kind::MultiChoice { options, .. } => {
            let choices: Vec<Value> = options
                .iter()
                .map(|o| json!({ "value": o.id, "text": text(survey, &o.label) }))
                .collect();
            put("choices", Value::Array(choices));
        }
        Kind::Text { .. } => {}
    }
    Value::Object(e)
}

/// The survey's questionnaire as SurveyJS JSON, pretty-printed, with a
/// final newline.
pub fn write(survey: &Survey) -> Exported {
    let elements: Vec<Value> = survey.questions.iter().map(|q| element(survey, q)).collect();
    let form = json!({
        "title": text(survey, &survey.title),
        "locale": survey.default_language(),
        "pages": [{ "name": "page1", "elements": elements }],
    });
    let mut bytes = serde_json::to_vec_pretty(&form).unwrap_or_default();
    bytes.push(b'\n');
    Exported {
        bytes,
        notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Value {
        let exported = write(&crate::export::tests::survey());
        serde_json::from_slice(&exported.bytes).expect("JSON")
    }

    #[test]
    fn texts_name_the_default_language_beside_default() {
        let form = form();
        assert_eq!(
            form["title"],
            json!({ "default": "Support", "en": "Support", "sv": "Kundtjänst" })
        );
        assert_eq!(form["locale"], json!("en"));
        let keys: Vec<&String> = form.as_object().expect("an object").keys().collect();
        assert_eq!(keys, ["title", "locale", "pages"]);
    }

    #[test]
    fn questions_are_named_by_id_with_their_types() {
        let form = form();
        let elements = form["pages"][0]["elements"].as_array().expect("elements");
        let names: Vec<(&str, &str)> = elements
            .iter()
            .map(|e| (e["name"].as_str().unwrap_or(""), e["type"].as_str().unwrap_or("")))
            .collect();
        assert_eq!(
            names,
            [
                ("on-time", "rating"),
                ("recommend", "rating"),
                ("solved", "boolean"),
                ("channel", "radiogroup"),
                ("2nd-topics", "checkbox"),
                ("comment", "comment"),
            ]
        );
        assert_eq!(
            elements[0]["rateValues"][2],
            json!({ "value": 3, "text": { "default": "Good", "en": "Good", "sv": "Bra" } })
        );
        assert_eq!(elements[1]["rateMin"], json!(0));
        assert_eq!(elements[1]["rateMax"], json!(10));
        assert_eq!(
            elements[1]["title"],
            json!({ "default": "Recommend us?", "en": "Recommend us?", "sv": "Recommend us?" })
        );
        assert_eq!(elements[2]["valueTrue"], json!("yes"));
        assert_eq!(elements[2]["labelFalse"]["sv"], json!("Nej"));
        assert_eq!(
            elements[3]["choices"][0],
            json!({ "value": "email", "text": { "default": "E-mail", "en": "E-mail", "sv": "E-post" } })
        );
        assert_eq!(elements[4]["choices"][1]["value"], json!("setup"));
    }

    #[test]
    fn a_default_language_other_than_english_is_named() {
        let mut survey = crate::export::tests::survey();
        survey.languages.reverse();
        let form: Value = serde_json::from_slice(&write(&survey).bytes).expect("JSON");
        assert_eq!(
            form["title"],
            json!({ "default": "Kundtjänst", "sv": "Kundtjänst", "en": "Support" })
        );
        assert_eq!(form["locale"], json!("sv"));
    }
}
