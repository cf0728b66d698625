//! data.csv: one row per question, for spreadsheets.

use crate::model::Survey;
use crate::score::Scores;

const HEADER: [&str; 10] = [
    "survey",
    "level",
    "question",
    "type",
    "answers",
    "score",
    "top2",
    "nps",
    "level_score",
    "counts",
];

fn number(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Renders data.csv.
pub fn render(survey: &Survey, scores: &Scores) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<[String; 10]> = Vec::new();
    for (level, ls) in survey.levels.iter().zip(&scores.levels) {
        for q in &ls.questions {
            let question = &survey.questions[q.question];
            let codes = question.kind.answer_keys();
            let counts: Vec<String> = codes
                .iter()
                .zip(&q.counts)
                .map(|(c, n)| format!("{c}={n}"))
                .collect();
            rows.push([
                survey.id.clone(),
                level.id.clone(),
                question.id.clone(),
                question.kind.name().into(),
                q.answers.to_string(),
                number(q.score),
                number(q.top2),
                number(q.nps),
                number(ls.score),
                counts.join(";"),
            ]);
        }
    }
    for t in &scores.texts {
        let question = &survey.questions[t.question];
        rows.push([
            survey.id.clone(),
            String::new(),
            question.id.clone(),
            "text".into(),
            t.answers.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    // Writing to memory cannot fail; a failure would only lose rows, never panic.
    let _ = w.write_record(HEADER);
    for row in &rows {
        let _ = w.write_record(row);
    }
    w.into_inner().unwrap_or_default()
}
