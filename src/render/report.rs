//! A report page's view ([`ReportPage`]): everything its template shows,
//! resolved in Rust (translations, numbers, charts).
//! A passage that fell back to the survey's default language carries that
//! language, for its own `lang` attribute.

use super::charts::{self, Part};
use super::markdown;
use super::parts::{alternates, fixed_words, footer, period_range, site_title};
use super::view::{
    Band, Chart, CommentView, CommentsView, FocusQuestion, GapBar, GapChart, GapRow, Headline, Html,
    LegendItem, LevelView, Localized, QuestionView, ReportPage, SegmentRow, SegmentView,
};
use crate::i18n::{language_name, Words};
use crate::model::{Kind, Question, Survey, Text};
use crate::period::Period;
use crate::score::BreakdownCell;
use crate::score::{stats, Change, Gap, GapCell, Group, LevelScore, Now, QuestionScore, Scores, TextAnswers};

/// A survey's page in one language, and where it goes.
pub struct PageSpec<'a> {
    /// The survey.
    pub survey: &'a Survey,
    /// Its scores.
    pub scores: &'a Scores,
    /// The page's language.
    pub lang: &'a str,
    /// The project's word files.
    pub words: &'a crate::i18n::WordFiles,
    /// The site's title, if set.
    pub site_title: Option<&'a Text>,
    /// Smallest group shown.
    pub min_group_size: u64,
    /// An absolute base for links (`/reports/`); relative links without it.
    pub base_url: Option<&'a str>,
    /// The index page for this language, relative to the site root.
    pub home: String,
}

/// The path of a survey's page in `lang`, relative to the site root.
pub fn page_path(survey: &Survey, lang: &str) -> String {
    if lang == survey.default_language() {
        format!("{}/index.html", survey.id)
    } else {
        format!("{}/{lang}/index.html", survey.id)
    }
}

/// The survey a page is about, the page's language and its words: what
/// every part of the page is worded with.
struct PageWords<'a> {
    survey: &'a Survey,
    lang: &'a str,
    default: &'a str,
    words: Words,
}

impl PageWords<'_> {
    fn local(&self, text: &Text) -> Localized {
        let (s, fell_back) = text.get(self.lang, self.default);
        Localized {
            text: s.to_owned(),
            lang: (fell_back && self.lang != self.default).then(|| self.default.to_owned()),
        }
    }

    fn html(&self, text: &Text) -> Html {
        let l = self.local(text);
        Html {
            html: markdown::to_html(&l.text),
            lang: l.lang,
        }
    }

    fn score(&self, x: f64) -> String {
        self.words.number(x, 1)
    }

    /// A target as written: `80`, or `72.5` when it has a fraction.
    fn target(&self, x: f64) -> String {
        self.words.number(x, if x.fract() == 0.0 { 0 } else { 1 })
    }

    fn status(&self, meets: Option<bool>) -> (String, &'static str) {
        match meets {
            Some(true) => (self.words.get("meets-target"), "meets"),
            Some(false) => (self.words.get("misses-target"), "misses"),
            None => (self.words.get("no-data"), "none"),
        }
    }

    fn score_of_target(&self, score: Option<f64>, target: f64) -> String {
        match score {
            Some(s) => self.words.with(
                "score-of-target",
                &[("score", &self.score(s)), ("target", &self.target(target))],
            ),
            None => self.words.get("no-data"),
        }
    }

    /// A period as the page names it: "3rd quarter 2026".
    fn period(&self, period: &Period) -> String {
        self.words.period(*period)
    }

    /// "95 % interval 63.0–71.1", and "uncertain: few answers" after it
    /// when the interval is wider than [`UNCERTAIN`] points.
    fn interval(&self, ci95: Option<[f64; 2]>) -> Option<String> {
        let [low, high] = ci95?;
        let text = self.words.with(
            "interval",
            &[("low", &self.score(low)), ("high", &self.score(high))],
        );
        Some(if high - low > UNCERTAIN {
            format!("{text} · {}", self.words.get("uncertain"))
        } else {
            text
        })
    }

    /// "up 2.3 since 2nd quarter 2026, could be chance".
    fn change(&self, change: &Change, since: &Period) -> String {
        let points = self.score(change.difference.abs());
        let period = self.period(since);
        let args = [("points", points.as_str()), ("period", period.as_str())];
        // Compared as shown, rounded to one decimal.
        let direction = match (change.difference * 10.0).round() {
            d if d > 0.0 => self.words.with("change-up", &args),
            d if d < 0.0 => self.words.with("change-down", &args),
            _ => self.words.with("change-none", &args),
        };
        format!("{direction}, {}", self.verdict(change.p, "change-real"))
    }
}

impl PageWords<'_> {
    /// The name of a comparison group, or of the audience itself.
    fn group(&self, group: Option<Group>) -> Localized {
        let Some(audience) = self.survey.audience else {
            return Localized {
                text: String::new(),
                lang: None,
            };
        };
        let values = &self.survey.segments[audience.segment].values;
        match group {
            None => self.local(&values[audience.value].label),
            Some(Group::Value(v)) => self.local(&values[v].label),
            Some(Group::NoValue) => Localized {
                text: self.words.get("no-group"),
                lang: None,
            },
        }
    }

    /// What a test says, in words: `significant` (the message for a
    /// significant result), "could be chance", or "cannot be tested".
    fn verdict(&self, p: Option<f64>, significant: &str) -> String {
        match stats::significant(p) {
            Some(true) => self.words.get(significant),
            Some(false) => self.words.get("change-noise"),
            None => self.words.get("change-untested"),
        }
    }

    /// "+12.1, a significant gap", "−3.0, could be chance".
    fn gap_words(&self, difference: f64, p: Option<f64>) -> String {
        let sign = if (difference * 10.0).round() > 0.0 {
            "+"
        } else {
            ""
        };
        format!(
            "{sign}{}, {}",
            self.score(difference),
            self.verdict(p, "gap-real")
        )
    }

    /// "“Staff” rates Availability 32.4 points higher than “Customer”, a significant gap."
    fn gap_sentence(&self, level: &str, gap: &Gap) -> Option<String> {
        let GapCell::Shown {
            difference: Some(difference),
            p,
            ..
        } = gap.cell
        else {
            return None;
        };
        let key = match (difference * 10.0).round() {
            d if d > 0.0 => "gap-higher",
            d if d < 0.0 => "gap-lower",
            _ => "gap-same",
        };
        let text = self.words.with(
            key,
            &[
                ("group", &self.group(Some(gap.group)).text),
                ("level", level),
                ("points", &self.score(difference.abs())),
                ("audience", &self.group(None).text),
            ],
        );
        Some(format!("{text}, {}.", self.verdict(p, "gap-real")))
    }

    /// A score as a bar in the gap chart.
    fn gap_bar(&self, cell: &GapCell, min: u64) -> GapBar {
        match cell {
            GapCell::Hidden => GapBar {
                state: "hidden",
                text: self.words.with("hidden", &[("n", &self.words.integer(min))]),
                width: 0,
                gap: String::new(),
                real: false,
            },
            GapCell::Shown { score: None, .. } => GapBar {
                state: "none",
                text: self.words.get("no-data"),
                width: 0,
                gap: String::new(),
                real: false,
            },
            GapCell::Shown {
                score: Some(score),
                difference,
                p,
                ..
            } => GapBar {
                state: "score",
                text: self.score(*score),
                width: score.round().clamp(0.0, 100.0) as u32,
                gap: difference.map_or_else(String::new, |d| self.gap_words(d, *p)),
                real: stats::significant(*p) == Some(true),
            },
        }
    }
}

/// The audience beside its comparison groups, one row per level.
fn gap_chart(cx: &PageWords, scores: &Scores, min: u64) -> Option<GapChart> {
    cx.survey.audience?;
    let groups: Vec<Group> = scores.levels.first()?.gaps.iter().map(|g| g.group).collect();
    let mut headers = vec![
        Localized {
            text: String::new(),
            lang: None,
        },
        cx.group(None),
    ];
    headers.extend(groups.iter().map(|g| cx.group(Some(*g))));
    let rows = cx
        .survey
        .levels
        .iter()
        .zip(&scores.levels)
        .map(|(level, ls)| GapRow {
            id: level.id.clone(),
            name: cx.local(&level.name),
            audience: cx.gap_bar(
                &GapCell::Shown {
                    responses: ls.responses,
                    score: ls.score,
                    ci95: ls.ci95,
                    difference: None,
                    p: None,
                },
                min,
            ),
            groups: ls.gaps.iter().map(|g| cx.gap_bar(&g.cell, min)).collect(),
        })
        .collect();
    Some(GapChart {
        heading: cx.words.get("gap-heading"),
        period: period_range(&scores.periods, &cx.words),
        headers,
        rows,
    })
}

/// An interval wider than this many points marks a score as uncertain.
pub const UNCERTAIN: f64 = 20.0;

/// Builds the context of one report page.
pub fn page(spec: &PageSpec) -> ReportPage {
    let survey = spec.survey;
    let default = survey.default_language();
    let cx = PageWords {
        survey,
        lang: spec.lang,
        default,
        words: Words::in_project(spec.lang, spec.words),
    };
    let root = match spec.base_url {
        Some(base) => base.to_owned(),
        None if spec.lang == default => "../".to_owned(),
        None => "../../".to_owned(),
    };
    let scores = spec.scores;
    let alternates = alternates(&survey.languages, spec.lang, |l| {
        format!("{root}{}", page_path(survey, l))
    });
    let levels: Vec<LevelView> = survey
        .levels
        .iter()
        .zip(&scores.levels)
        .enumerate()
        .map(|(i, (_, ls))| level_view(&cx, i, ls, scores, spec.min_group_size))
        .collect();
    // The report leads with the current period when there is one.
    let (focus_level, focus_ids) = match &scores.current {
        Some(c) => (c.focus, c.focus_questions.as_slice()),
        None => (scores.focus, scores.focus_questions.as_slice()),
    };
    let top = survey.levels.len().max(1) as u32;
    let pyramid = survey
        .levels
        .iter()
        .zip(&scores.levels)
        .enumerate()
        .rev()
        .map(|(i, (level, ls))| {
            let (score, responses, change) = match scores.current.as_ref().map(|c| (c, &c.levels[i])) {
                None => (Some(ls.score), ls.responses, None),
                Some((_, Now::Hidden)) => (None, 0, None),
                Some((_, Now::NoData)) => (Some(None), 0, None),
                Some((
                    c,
                    Now::Shown {
                        score,
                        responses,
                        change,
                        ..
                    },
                )) => (
                    Some(*score),
                    *responses,
                    change
                        .as_ref()
                        .zip(c.previous.as_ref())
                        .map(|(ch, p)| cx.change(ch, p)),
                ),
            };
            let (status, class) = match score {
                Some(s) => cx.status(s.map(|s| s >= ls.target)),
                None => (String::new(), "none"),
            };
            Band {
                id: level.id.clone(),
                name: cx.local(&level.name),
                score: match score {
                    Some(s) => cx.score_of_target(s, ls.target),
                    None => cx
                        .words
                        .with("hidden", &[("n", &cx.words.integer(spec.min_group_size))]),
                },
                change,
                status,
                class,
                width: 100 - (i as u32 * 60 / top),
                focus: focus_level == Some(i),
                n: if score.is_some() {
                    format!("n = {}", cx.words.integer(responses))
                } else {
                    String::new()
                },
            }
        })
        .collect();
    let focus = focus_level.map(|i| levels[i].clone());
    let focus_score = |i: usize| match scores.current.as_ref().map(|c| &c.levels[i]) {
        Some(Now::Shown { score, .. }) => *score,
        _ => scores.levels[i].score,
    };
    let focus_questions = focus_ids
        .iter()
        .map(|(q, score)| {
            let question = &survey.questions[*q];
            FocusQuestion {
                id: question.id.clone(),
                text: cx.local(&question.text),
                // A question's score within the current period is not
                // published anywhere else, so it is not shown here either.
                score: if scores.current.is_some() {
                    String::new()
                } else {
                    format!("{} {}", cx.words.get("score"), cx.score(*score))
                },
            }
        })
        .collect();
    let sentence = match focus_level {
        Some(i) => {
            let level = &survey.levels[i];
            let ls = &scores.levels[i];
            cx.words.with(
                "focus",
                &[
                    ("level", &cx.local(&level.name).text),
                    ("score", &focus_score(i).map(|s| cx.score(s)).unwrap_or_default()),
                    ("target", &cx.target(ls.target)),
                ],
            )
        }
        None if scores.overall.is_none() => cx.words.get("no-answers"),
        None => cx.words.get("no-focus"),
    };
    let period = period_range(&scores.periods, &cx.words);
    let comments = scores
        .texts
        .iter()
        .filter(|t| !t.published.is_empty())
        .map(|t| CommentsView {
            question: cx.local(&survey.questions[t.question].text),
            items: t
                .published
                .iter()
                .map(|d| {
                    let lang = d
                        .language
                        .and_then(|i| survey.languages.get(i as usize))
                        .filter(|l| l.as_str() != spec.lang);
                    CommentView {
                        text: d.text.clone(),
                        lang: lang.cloned(),
                        language: lang.map(|l| language_name(l)),
                        count: (d.count > 1).then(|| cx.words.count("comments-times", d.count)),
                    }
                })
                .collect(),
            note: comments_note(&cx.words, t),
        })
        .collect();
    let t = fixed_words(&cx.words);
    ReportPage {
        lang: spec.lang.to_owned(),
        dir: crate::i18n::direction(spec.lang),
        words_attr: cx.words.attr(),
        site_title: site_title(spec.site_title, &cx.words, spec.lang, default),
        title: cx.local(&survey.title),
        description: survey.description.as_ref().map(|d| cx.html(d)),
        alternates,
        headline: Headline {
            open_period: scores.open_period.map(|(period, n)| {
                cx.words
                    .count_with("open-period", n, &[("period", &cx.words.period(period))])
            }),
            responses: cx.words.count("responses", scores.responses),
            period,
            overall: scores.overall.map(|s| {
                let n = scores.audience_responses.unwrap_or(scores.responses);
                format!("{} (n = {})", cx.score(s), cx.words.integer(n))
            }),
            now: scores.current.as_ref().and_then(|c| {
                let Now::Shown {
                    score: Some(score),
                    responses,
                    change,
                    ..
                } = &c.overall
                else {
                    return None;
                };
                let mut line = cx.words.with(
                    "now-overall",
                    &[
                        ("period", &cx.period(&c.period)),
                        ("score", &cx.score(*score)),
                        ("responses", &cx.words.count("responses", *responses)),
                    ],
                );
                if let (Some(change), Some(previous)) = (change, &c.previous) {
                    line = format!("{line}, {}", cx.change(change, previous));
                }
                Some(format!("{line}."))
            }),
            sentence,
        },
        pyramid,
        pyramid_period: scores.current.as_ref().map(|c| cx.period(&c.period)),
        focus,
        audience_note: survey.audience.map(|_| {
            let shown = scores.audience_responses.unwrap_or(0);
            if scores.others_withheld {
                cx.words.count_with(
                    "audience-note-withheld",
                    shown,
                    &[
                        ("audience", &cx.group(None).text),
                        ("min", &cx.words.integer(spec.min_group_size)),
                    ],
                )
            } else {
                cx.words.with(
                    "audience-note",
                    &[
                        ("audience", &cx.group(None).text),
                        ("shown", &cx.words.integer(shown)),
                        ("total", &cx.words.integer(scores.responses)),
                    ],
                )
            }
        }),
        gap_chart: gap_chart(&cx, scores, spec.min_group_size),
        focus_questions_heading: cx.words.get("holds-down"),
        focus_questions,
        levels,
        comments,
        home: format!("{root}{}", spec.home),
        data_json: format!("{root}{}/data.json", survey.id),
        data_csv: format!("{root}{}/data.csv", survey.id),
        footer: footer(scores.latest, &cx.words),
        root,
        t,
    }
}

fn level_view(cx: &PageWords, i: usize, ls: &LevelScore, scores: &Scores, min: u64) -> LevelView {
    let level = &cx.survey.levels[i];
    let (status, class) = cx.status(ls.meets_target);
    let summary = match ls.score {
        Some(_) => {
            let mut parts = vec![
                cx.score_of_target(ls.score, ls.target),
                status.clone(),
                cx.words.count("responses", ls.responses),
            ];
            parts.extend(cx.interval(ls.ci95));
            parts.join(" · ")
        }
        None => format!(
            "{} ({} {})",
            cx.words.get("no-answers"),
            cx.words.get("target"),
            cx.target(ls.target)
        ),
    };
    let questions = ls
        .questions
        .iter()
        .map(|q| question_view(cx, q, scores.audience_responses.unwrap_or(scores.responses)))
        .collect();
    let trend = (ls.by_period.len() >= 2).then(|| {
        let page = cx.lang;
        let points: Vec<(charts::Label, Option<f64>)> = ls
            .by_period
            .iter()
            .map(|p| {
                // Quarters and weeks are named in rapport's words; months
                // and years by CLDR in the page's language.
                let lang = match p.period.kind {
                    crate::period::PeriodKind::Quarter | crate::period::PeriodKind::Week => {
                        cx.words.lang(page)
                    }
                    _ => page,
                };
                (charts::Label::new(cx.words.period(p.period), lang), p.score)
            })
            .collect();
        let target_label = charts::Label::new(
            format!("{} {}", cx.words.get("target"), cx.target(ls.target)),
            cx.words.lang(page),
        );
        let intervals: Vec<Option<[f64; 2]>> = ls.by_period.iter().map(|p| p.ci95).collect();
        let name = cx.local(&level.name);
        let name = charts::Label::new(name.text, name.lang.as_deref().unwrap_or(page));
        let desc = points
            .iter()
            .zip(&ls.by_period)
            .map(|((p, s), period)| {
                let p = &p.text;
                let shown = if period.hidden {
                    cx.words.with("hidden", &[("n", &cx.words.integer(min))])
                } else {
                    s.map_or_else(|| cx.words.get("no-data"), |s| cx.score(s))
                };
                format!("{p}: {shown}")
            })
            .collect::<Vec<_>>()
            .join(", ");
        Chart {
            svg: [charts::WIDE, charts::NARROW]
                .map(|size| {
                    let svg = charts::trend(&points, &intervals, ls.target, &target_label, page, size);
                    charts::accessible(&svg, &format!("trend-{}", level.id), &name, page, &desc, size)
                })
                .concat(),
            legend: Vec::new(),
            headers: vec![
                String::new(),
                cx.words.get("score"),
                cx.words.get("count"),
                cx.words.get("interval-heading"),
            ],
            rows: ls
                .by_period
                .iter()
                .map(|p| {
                    if p.hidden {
                        let hidden = cx.words.with("hidden", &[("n", &cx.words.integer(min))]);
                        return vec![cx.words.period(p.period), hidden, String::new(), String::new()];
                    }
                    vec![
                        cx.words.period(p.period),
                        p.score.map_or_else(|| cx.words.get("no-data"), |s| cx.score(s)),
                        cx.words.integer(p.responses),
                        cx.interval(p.ci95).unwrap_or_default(),
                    ]
                })
                .collect(),
            langs: Vec::new(),
        }
    });
    let segments = cx
        .survey
        .segments
        .iter()
        .zip(&ls.by_segment)
        .map(|(segment, cells)| {
            let labels = segment
                .values
                .iter()
                .map(|v| cx.local(&v.label))
                .chain([Localized {
                    text: cx.words.get("no-group"),
                    lang: None,
                }]);
            let rows: Vec<SegmentRow> = labels
                .zip(cells)
                .map(|(label, cell)| match cell {
                    BreakdownCell::Score {
                        responses,
                        score,
                        ci95,
                    } => SegmentRow {
                        label,
                        state: "score",
                        text: score.map_or_else(|| cx.words.get("no-data"), |s| cx.score(s)),
                        interval: cx.interval(*ci95).unwrap_or_default(),
                        n: format!("n = {}", cx.words.integer(*responses)),
                        width: score.map_or(0, |s| s.round().clamp(0.0, 100.0) as u32),
                    },
                    // Why a cell is hidden is not said: that would tell which
                    // hidden cell is the small one.
                    BreakdownCell::Hidden { .. } => SegmentRow {
                        label,
                        state: "hidden",
                        text: cx.words.with("hidden", &[("n", &cx.words.integer(min))]),
                        interval: String::new(),
                        n: String::new(),
                        width: 0,
                    },
                    BreakdownCell::NoData => SegmentRow {
                        label,
                        state: "none",
                        text: cx.words.get("no-data"),
                        interval: String::new(),
                        n: String::new(),
                        width: 0,
                    },
                })
                .collect();
            let shown: Vec<(f64, String)> = segment
                .values
                .iter()
                .zip(cells)
                .filter_map(|(v, c)| match c {
                    BreakdownCell::Score { score: Some(s), .. } => Some((*s, cx.local(&v.label).text)),
                    _ => None,
                })
                .collect();
            let high = shown.iter().max_by(|a, b| a.0.total_cmp(&b.0));
            let low = shown.iter().min_by(|a, b| a.0.total_cmp(&b.0));
            let gap = match (high, low) {
                (Some(h), Some(l)) if h.0 - l.0 >= 5.0 => Some(cx.words.with(
                    "perception-gap",
                    &[("high", &h.1), ("low", &l.1), ("points", &cx.score(h.0 - l.0))],
                )),
                _ => None,
            };
            SegmentView {
                heading: cx
                    .words
                    .with("by-segment", &[("segment", &cx.local(&segment.name).text)]),
                gap,
                rows,
            }
        })
        .collect();
    let name = cx.local(&level.name);
    let gaps = ls
        .gaps
        .iter()
        .filter_map(|g| cx.gap_sentence(&name.text, g))
        .collect();
    LevelView {
        id: level.id.clone(),
        summary,
        class,
        description: level.description.as_ref().map(|d| cx.html(d)),
        recommendations: if ls.meets_target == Some(false) {
            level.recommendations.as_ref().map(|r| cx.html(r))
        } else {
            None
        },
        recommendations_heading: cx.words.with("what-to-do", &[("level", &name.text)]),
        is_focus: scores.focus == Some(i),
        name,
        questions,
        trend,
        trend_heading: cx.words.with(
            "trend",
            &[(
                "period",
                &cx.words.get(&format!("period-{}", cx.survey.period.name())),
            )],
        ),
        gaps,
        segments,
    }
}

fn question_view(cx: &PageWords, q: &QuestionScore, responses: u64) -> QuestionView {
    let question: &Question = &cx.survey.questions[q.question];
    let text = cx.local(&question.text);
    let mut facts = vec![cx.words.count("answers", q.answers)];
    let skipped = responses.saturating_sub(q.answers);
    if skipped > 0 {
        facts.push(cx.words.count("skipped", skipped));
    }
    if let Some(s) = q.score {
        facts.push(format!("{} {}", cx.words.get("score"), cx.score(s)));
        facts.extend(cx.interval(q.ci95));
    }
    if let Some(t) = q.top2 {
        facts.push(format!("{} {}", cx.words.get("top2"), cx.words.percent(t)));
    }
    if let Some(n) = q.nps {
        facts.push(format!("{} {}", cx.words.get("nps"), cx.words.number(n, 0)));
        if let Some([low, high]) = q.nps_ci95 {
            // A real minus sign: "−22–−5" reads as a range, "-22–-5" hardly.
            let signed = |x: f64| cx.words.number(x, 0).replace('-', "\u{2212}");
            let (low, high) = (signed(low), signed(high));
            facts.push(cx.words.with("interval", &[("low", &low), ("high", &high)]));
        }
    }
    for gap in &q.gaps {
        if let GapCell::Shown {
            score: Some(score),
            difference: Some(difference),
            p,
            ..
        } = gap.cell
        {
            facts.push(format!(
                "{} {} ({})",
                cx.group(Some(gap.group)).text,
                cx.score(score),
                cx.gap_words(difference, p)
            ));
        }
    }
    let note = match &question.kind {
        Kind::Scale { reverse: true, .. } => Some(cx.words.get("reverse-scored")),
        k if !k.is_scored() => Some(cx.words.get("not-scored")),
        _ => None,
    };
    let chart = (q.answers > 0).then(|| chart(cx, question, q, &text));
    QuestionView {
        id: question.id.clone(),
        text,
        note,
        facts: facts.join(" · "),
        chart,
    }
}

/// The labels of a question's answers in the page's language.
fn answer_labels(cx: &PageWords, question: &Question) -> Vec<Localized> {
    let same = |text: String| Localized { text, lang: None };
    match &question.kind {
        Kind::Scale { scale, points, .. } => {
            let labels = &cx.survey.scales[*scale].labels;
            match crate::model::in_language(labels, cx.lang, cx.default) {
                Some((list, fell_back)) => list
                    .iter()
                    .map(|l| Localized {
                        text: l.clone(),
                        lang: (fell_back && cx.lang != cx.default).then(|| cx.default.to_owned()),
                    })
                    .collect(),
                None => (1..=*points).map(|v| same(v.to_string())).collect(),
            }
        }
        Kind::Nps => (0..=10).map(|v: u32| same(v.to_string())).collect(),
        Kind::YesNo => vec![same(cx.words.get("yes")), same(cx.words.get("no"))],
        Kind::Choice { options, .. } | Kind::MultiChoice { options, .. } => {
            options.iter().map(|o| cx.local(&o.label)).collect()
        }
        Kind::Text { .. } => Vec::new(),
    }
}

fn chart(cx: &PageWords, question: &Question, q: &QuestionScore, title: &Localized) -> Chart {
    let localized = answer_labels(cx, question);
    let langs: Vec<Option<String>> = localized.iter().map(|l| l.lang.clone()).collect();
    let n = q.answers.max(1) as f64;
    let shares: Vec<f64> = q.counts.iter().map(|c| *c as f64 / n).collect();
    let rows: Vec<Vec<String>> = localized
        .iter()
        .zip(&q.counts)
        .zip(&shares)
        .map(|((l, c), s)| vec![l.text.clone(), cx.words.integer(*c), cx.words.percent(*s)])
        .collect();
    let desc = rows
        .iter()
        .map(|r| format!("{}: {} ({})", r[0], r[2], r[1]))
        .collect::<Vec<_>>()
        .join("; ");
    let desc = format!("{desc}. {}", cx.words.count("answers", q.answers));
    // Each text on a chart with its language: answers may have fallen back
    // to the default language, rapport's words to English, and numbers are
    // always the page's.
    let page = cx.lang;
    let label = |l: &Localized| charts::Label::new(l.text.clone(), l.lang.as_deref().unwrap_or(page));
    let number = |t: String| charts::Label::new(t, page);
    let word = |id: &str| charts::Label::new(cx.words.get(id), cx.words.lang(page));
    let mut legend = Vec::new();
    let draw = |size: charts::Size| -> String {
        match &question.kind {
            Kind::Scale { reverse, .. } => {
                let parts: Vec<Part> = localized
                    .iter()
                    .zip(&shares)
                    .map(|(l, s)| Part {
                        label: label(l),
                        share: *s,
                        shown: number(cx.words.percent(*s)),
                    })
                    .collect();
                charts::diverging(
                    &parts,
                    *reverse,
                    &word("chart-better"),
                    &word("chart-worse"),
                    page,
                    size,
                )
            }
            Kind::Nps => {
                let items: Vec<(f64, charts::Label)> = shares
                    .iter()
                    .map(|s| (*s, number(cx.words.percent_rounded(*s, 0))))
                    .collect();
                charts::nps(&items, page, size)
            }
            kind => {
                // Yes is the favourable answer; options keep one colour.
                let colors: &[_] = if matches!(kind, Kind::YesNo) {
                    &[charts::BEST, charts::WORST]
                } else {
                    &[]
                };
                let items: Vec<charts::Bar> = localized
                    .iter()
                    .zip(&shares)
                    .zip(&q.counts)
                    .enumerate()
                    .map(|(i, ((l, s), c))| charts::Bar {
                        label: label(l),
                        share: *s,
                        shown: number(format!("{} ({})", cx.words.percent(*s), cx.words.integer(*c))),
                        color: *colors.get(i).unwrap_or(&charts::BLUE),
                    })
                    .collect();
                charts::bars(&items, page, size)
            }
        }
    };
    let id = format!("q-{}", question.id);
    let svg = [charts::WIDE, charts::NARROW]
        .map(|size| charts::accessible(&draw(size), &id, &label(title), page, &desc, size))
        .concat();
    match &question.kind {
        Kind::Scale { reverse, .. } => {
            let colors = charts::scale_colors(localized.len(), *reverse);
            for ((l, s), color) in localized.iter().zip(&shares).zip(colors) {
                legend.push(LegendItem {
                    label: l.clone(),
                    shown: cx.words.percent(*s),
                    color: charts::hex(color),
                });
            }
        }
        Kind::Nps => {
            for (id, range) in [("detractors", 0..7), ("passives", 7..9), ("promoters", 9..11)] {
                let share: f64 = shares.get(range.clone()).map_or(0.0, |s| s.iter().sum());
                legend.push(LegendItem {
                    label: Localized {
                        text: cx.words.get(id),
                        lang: (cx.words.lang(page) != page).then(|| cx.words.lang(page).to_owned()),
                    },
                    shown: cx.words.percent(share),
                    color: charts::hex(charts::nps_color(range.start)),
                });
            }
        }
        _ => {}
    }
    Chart {
        svg,
        legend,
        headers: vec![
            cx.words.get("answer"),
            cx.words.get("count"),
            cx.words.get("share"),
        ],
        rows,
        langs,
    }
}

/// "128 answers in all. The 100 latest distinct answers are shown, …": how
/// many answers there are, how many distinct ones are shown and, when the
/// counts do not cover every answer, the day they start.
fn comments_note(words: &Words, t: &TextAnswers) -> String {
    let mut note = format!(
        "{} {}",
        words.count("comments-total", t.answers),
        words.count("comments-distinct", t.published.len() as u64)
    );
    if let Some(since) = t.since {
        note.push(' ');
        note.push_str(&words.with("comments-since", &[("date", &crate::period::iso_date(since))]));
    }
    note
}
