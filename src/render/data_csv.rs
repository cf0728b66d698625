//! data.csv: one row per question, for spreadsheets. Columns are only ever
//! added at the end, so scripts that read them by position keep working.

use crate::model::Survey;
use crate::score::Scores;

const COLUMNS: usize = 16;

const HEADER: [&str; COLUMNS] = [
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
    "score_ci95_low",
    "score_ci95_high",
    "nps_ci95_low",
    "nps_ci95_high",
    "level_ci95_low",
    "level_ci95_high",
];

/// The two ends of an interval, or two empty cells.
fn ends(ci95: Option<[f64; 2]>) -> [String; 2] {
    [number(ci95.map(|c| c[0])), number(ci95.map(|c| c[1]))]
}

fn number(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Renders data.csv.
pub fn render(survey: &Survey, scores: &Scores) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<[String; COLUMNS]> = Vec::new();
    for (level, ls) in survey.levels.iter().zip(&scores.levels) {
        for q in &ls.questions {
            let question = &survey.questions[q.question];
            let codes = question.kind.answer_keys();
            let counts: Vec<String> = codes
                .iter()
                .zip(&q.counts)
                .map(|(c, n)| format!("{c}={n}"))
                .collect();
            let mut row: [String; COLUMNS] = Default::default();
            row[..10].clone_from_slice(&[
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
            rows.push(row);
            let [score_low, score_high] = ends(q.ci95);
            let [nps_low, nps_high] = ends(q.nps_ci95);
            let [level_low, level_high] = ends(ls.ci95);
            if let Some(row) = rows.last_mut() {
                row[10..]
                    .clone_from_slice(&[score_low, score_high, nps_low, nps_high, level_low, level_high]);
            }
        }
    }
    for t in &scores.texts {
        let question = &survey.questions[t.question];
        let mut row: [String; COLUMNS] = Default::default();
        row[0] = survey.id.clone();
        row[2] = question.id.clone();
        row[3] = "text".into();
        row[4] = t.answers.to_string();
        rows.push(row);
    }
    // Writing to memory cannot fail; a failure would only lose rows, never panic.
    let _ = w.write_record(HEADER);
    for row in &rows {
        let _ = w.write_record(row);
    }
    w.into_inner().unwrap_or_default()
}
