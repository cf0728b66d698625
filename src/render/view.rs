//! The view: what templates receive. Every word, number and chart is
//! resolved in Rust before a template sees it, so templates stay simple and
//! a project's own templates can rely on these fields (docs/templates.md).

use serde::Serialize;
use std::collections::BTreeMap;

/// A text in the page's language, or in the default language with its tag.
#[derive(Debug, Clone, Serialize)]
pub struct Localized {
    /// The text.
    pub text: String,
    /// Set when the text fell back to another language than the page's.
    pub lang: Option<String>,
}

/// Rendered Markdown, with its language when it fell back.
#[derive(Debug, Clone, Serialize)]
pub struct Html {
    /// Trusted HTML from the survey's author.
    pub html: String,
    /// Set when the text fell back to another language than the page's.
    pub lang: Option<String>,
}

/// A link to the same page in another language.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    /// Language tag.
    pub lang: String,
    /// The language's tag as shown in the switcher.
    pub name: String,
    /// Relative link.
    pub href: String,
    /// True for the page itself.
    pub current: bool,
}

/// The foot of every page: how recent its data is and what made it. Taken
/// from the responses and rapport's version, never from the clock, so the
/// same input gives the same page.
#[derive(Debug, Clone, Serialize)]
pub struct Footer {
    /// The latest `submitted` date among the page's responses, `YYYY-MM-DD`;
    /// `None` without responses.
    pub latest: Option<String>,
    /// "Data up to 2026-09-14", when there are responses.
    pub data_up_to: Option<String>,
    /// rapport's version, e.g. `0.1.0`.
    pub version: String,
    /// "Made with rapport 0.1.0".
    pub made_with: String,
}

/// The opening lines of a report.
#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    /// "354 responses".
    pub responses: String,
    /// "2025-Q2 to 2026-Q3".
    pub period: Option<String>,
    /// The overall score, rounded.
    pub overall: Option<String>,
    /// The current period in one line: its overall score and the change
    /// from the previous period, in words.
    pub now: Option<String>,
    /// The focus level in one sentence.
    pub sentence: String,
    /// With `publish: closed-periods`: how many responses the open period
    /// has, which count once it is over.
    pub open_period: Option<String>,
}

/// One band of the pyramid.
#[derive(Debug, Clone, Serialize)]
pub struct Band {
    /// Level id, for the link to its section.
    pub id: String,
    /// Level name.
    pub name: Localized,
    /// "82.3 (target 80)", in the current period when there is one.
    pub score: String,
    /// "up 2.3 since 2026-Q2, within the margin of error".
    pub change: Option<String>,
    /// "meets its target", "below its target" or "no data".
    pub status: String,
    /// `meets`, `misses` or `none`, for styling.
    pub class: &'static str,
    /// Width in percent: the foundation is the widest.
    pub width: u32,
    /// True for the focus level.
    pub focus: bool,
    /// "n = 325": respondents behind the score.
    pub n: String,
}

/// A chart with the same numbers as a table.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Inline SVG (generated, trusted): the chart in its wide and its
    /// narrow size, classes `chart wide` and `chart narrow`; the stylesheet
    /// shows one.
    pub svg: String,
    /// What the chart's colours stand for, when its bars do not say.
    pub legend: Vec<LegendItem>,
    /// Column headings of the table.
    pub headers: Vec<String>,
    /// Table rows, already formatted.
    pub rows: Vec<Vec<String>>,
    /// Per row, the language of its label when it fell back to another
    /// language than the page's.
    pub langs: Vec<Option<String>>,
}

/// One colour of a chart's legend.
#[derive(Debug, Clone, Serialize)]
pub struct LegendItem {
    /// What the colour stands for.
    pub label: Localized,
    /// Its share, printed.
    pub shown: String,
    /// The colour, `#RRGGBB`.
    pub color: String,
}

/// One question in a level's section.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    /// The question's id, for anchors.
    pub id: String,
    /// The question as asked.
    pub text: Localized,
    /// "reverse-scored: ..." or "not scored".
    pub note: Option<String>,
    /// "331 answers · 23 skipped · score 80.1 · top two 77.6 %".
    pub facts: String,
    /// The chart, when the question has answers.
    pub chart: Option<Chart>,
}

/// A row of a segment breakdown.
#[derive(Debug, Clone, Serialize)]
pub struct SegmentRow {
    /// The segment value.
    pub label: Localized,
    /// `score`, `hidden` or `none`.
    pub state: &'static str,
    /// The score, or what stands in its place.
    pub text: String,
    /// "95 % interval 54.0–78.5" (and "uncertain" when wide), when shown.
    pub interval: String,
    /// "n = 42", when shown.
    pub n: String,
    /// Bar width in percent.
    pub width: u32,
}

/// One segment's breakdown of a level.
#[derive(Debug, Clone, Serialize)]
pub struct SegmentView {
    /// "By respondent group".
    pub heading: String,
    /// The gap between the highest and lowest shown cells, in words.
    pub gap: Option<String>,
    /// One row per value.
    pub rows: Vec<SegmentRow>,
}

/// A level's section.
#[derive(Debug, Clone, Serialize)]
pub struct LevelView {
    /// Level id, for anchors.
    pub id: String,
    /// Level name.
    pub name: Localized,
    /// "82.3 (target 80) · meets its target · 354 responses".
    pub summary: String,
    /// `meets`, `misses` or `none`.
    pub class: &'static str,
    /// What the level means.
    pub description: Option<Html>,
    /// What to do, when the level falls short.
    pub recommendations: Option<Html>,
    /// "What to do about availability".
    pub recommendations_heading: String,
    /// True for the focus level, whose recommendations open the report.
    pub is_focus: bool,
    /// Its questions.
    pub questions: Vec<QuestionView>,
    /// Its trend, with a heading, when there are two periods or more.
    pub trend: Option<Chart>,
    /// "Trend by quarter".
    pub trend_heading: String,
    /// Its segment breakdowns.
    pub segments: Vec<SegmentView>,
    /// With an audience: each comparison group's gap, in a sentence.
    pub gaps: Vec<String>,
}

/// The audience beside its comparison groups, level by level.
#[derive(Debug, Clone, Serialize)]
pub struct GapChart {
    /// "How each group sees the levels".
    pub heading: String,
    /// The periods it covers ("2nd quarter 2025 to 3rd quarter 2026").
    pub period: Option<String>,
    /// The column headings: the level, the audience, then each group.
    pub headers: Vec<Localized>,
    /// One row per level, foundation first.
    pub rows: Vec<GapRow>,
}

/// One level in the gap chart.
#[derive(Debug, Clone, Serialize)]
pub struct GapRow {
    /// Level id, for the link to its section.
    pub id: String,
    /// Level name.
    pub name: Localized,
    /// The audience's score.
    pub audience: GapBar,
    /// Each comparison group.
    pub groups: Vec<GapBar>,
}

/// A score drawn as a bar, with what the gap to the audience is.
#[derive(Debug, Clone, Serialize)]
pub struct GapBar {
    /// `score`, `hidden` or `none`.
    pub state: &'static str,
    /// The score, or what stands in its place.
    pub text: String,
    /// Bar width in percent.
    pub width: u32,
    /// "+12.1, a real gap" (empty for the audience itself).
    pub gap: String,
    /// True when the gap is significant.
    pub real: bool,
}

/// A question that holds the focus level down.
#[derive(Debug, Clone, Serialize)]
pub struct FocusQuestion {
    /// The question's id, for the link to it.
    pub id: String,
    /// The question as asked.
    pub text: Localized,
    /// "Score 62.6".
    pub score: String,
}

/// Published free-text answers of one question.
#[derive(Debug, Clone, Serialize)]
pub struct CommentsView {
    /// The question.
    pub question: Localized,
    /// The distinct answers, the latest given first.
    pub items: Vec<CommentView>,
    /// "128 answers in all. The 100 latest distinct answers are shown, each once."
    pub note: String,
}

/// One distinct free-text answer.
#[derive(Debug, Clone, Serialize)]
pub struct CommentView {
    /// The answer, as respondents wrote it (escaped by the template).
    pub text: String,
    /// The responses' language, when it is not the page's.
    pub lang: Option<String>,
    /// That language's name in itself ("Svenska"), when it is not the page's.
    pub language: Option<String>,
    /// "(×12)" when the answer was given more than once.
    pub count: Option<String>,
}

/// Everything a report page shows.
#[derive(Debug, Clone, Serialize)]
pub struct ReportPage {
    /// The page's language.
    pub lang: String,
    /// Its writing direction, `ltr` or `rtl` (from CLDR).
    pub dir: &'static str,
    /// Empty when rapport has words in the page's language; otherwise the
    /// attributes (` lang="en" dir="ltr"`) that mark rapport's own words,
    /// which are then English, on the elements that hold them.
    pub words_attr: String,
    /// Relative path from the page to the site's root, e.g. `../`.
    pub root: String,
    /// The index of the surveys in the page's language (or the default one).
    pub home: String,
    /// The site's title.
    pub site_title: String,
    /// The survey's title.
    pub title: Localized,
    /// The survey's description.
    pub description: Option<Html>,
    /// The same page in each language.
    pub alternates: Vec<Alternate>,
    /// Fixed words for headings and labels.
    pub t: BTreeMap<&'static str, String>,
    /// The opening lines.
    pub headline: Headline,
    /// Levels, the top of the pyramid first.
    pub pyramid: Vec<Band>,
    /// The period the pyramid shows ("3rd quarter 2026"), when it shows the
    /// current period rather than all of them.
    pub pyramid_period: Option<String>,
    /// The focus level's section id and recommendations.
    pub focus: Option<LevelView>,
    /// "What holds it down", when the focus level has questions below its target.
    pub focus_questions_heading: String,
    /// The focus level's questions below its target, lowest first.
    pub focus_questions: Vec<FocusQuestion>,
    /// Every level, foundation first.
    pub levels: Vec<LevelView>,
    /// Published free-text answers.
    pub comments: Vec<CommentsView>,
    /// With an audience: whose scores these are, in a sentence.
    pub audience_note: Option<String>,
    /// With an audience: the audience beside its comparison groups.
    pub gap_chart: Option<GapChart>,
    /// Link to data.json.
    pub data_json: String,
    /// Link to data.csv.
    pub data_csv: String,
    /// How recent the data is, and what made the page.
    pub footer: Footer,
}

/// A survey on the index page.
#[derive(Debug, Clone, Serialize)]
pub struct SurveyLink {
    /// Its title.
    pub title: Localized,
    /// Link to its report in the index's language (or its default one).
    pub href: String,
    /// "354 responses · 2025-Q2 to 2026-Q3 · Overall score 69.3".
    pub summary: String,
    /// The focus level in one sentence, in the report's language.
    pub sentence: Localized,
}

/// The index page.
#[derive(Debug, Clone, Serialize)]
pub struct IndexPage {
    /// The page's language.
    pub lang: String,
    /// Its writing direction, `ltr` or `rtl` (from CLDR).
    pub dir: &'static str,
    /// Empty when rapport has words in the page's language; otherwise the
    /// attributes (` lang="en" dir="ltr"`) that mark rapport's own words,
    /// which are then English, on the elements that hold them.
    pub words_attr: String,
    /// Relative path to the site root (empty: the index is at the root).
    pub root: String,
    /// The index in the page's language.
    pub home: String,
    /// The site's title.
    pub site_title: String,
    /// The index in each site language.
    pub alternates: Vec<Alternate>,
    /// Fixed words.
    pub t: BTreeMap<&'static str, String>,
    /// The surveys.
    pub surveys: Vec<SurveyLink>,
    /// How recent the data of all surveys is, and what made the page.
    pub footer: Footer,
}
