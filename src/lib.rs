//! rapport turns customer-expectation surveys kept as YAML in a git
//! repository into a report site. The stages, in the order data flows
//! through them:
//!
//! 1. [`load`] — find a project's files and read them as text
//! 2. [`validate`] — check definitions and responses against the format
//! 3. [`aggregate`] — the mergeable counts responses add up to
//! 4. [`responses`] — read a survey's response files in parallel, each
//!    response validated and counted, from the [`cache`] when a file has not
//!    changed
//! 5. [`score`] — scores, targets and the focus level
//! 6. [`privacy`] — hide the breakdown cells that would show a small group
//!    or let one be worked out
//! 7. [`render`](mod@render) — report pages, charts, data.json and
//!    data.csv, in memory
//! 8. [`write`](mod@write) — put the site in place only when everything
//!    succeeded
//!
//! Beside render, [`export`] writes a checked survey's questionnaire for a
//! form tool (XLSForm, SurveyJS), and [`import`] reads what those tools
//! export back into responses; [`definition`] gives both the survey through
//! load and validate alone.
//!
//! Below every stage: [`diagnostics`] (problems, their codes and places, and
//! how they are printed), [`yaml`] (YAML trees that keep every value's line
//! and column), [`model`] (the checked types), [`period`] (dates and
//! periods), [`i18n`] (the report's own words and number formats), [`fsx`]
//! (file access with paths in errors) and [`progress`] (a progress bar).
//!
//! Above them: [`cli`] (the command line) and [`cmd`] (what each command
//! does with the stages: build, check, serve, init, diff, export, import).

pub mod aggregate;
pub mod cache;
pub mod cli;
pub mod cmd;
pub mod diagnostics;
pub mod export;
pub mod fsx;
pub mod i18n;
pub mod import;
pub mod load;
pub mod model;
pub mod period;
pub mod privacy;
pub mod progress;
pub mod render;
pub mod responses;
pub mod score;
pub mod validate;
pub mod write;
pub mod yaml;

pub use crate::cache::CacheMode;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{Project, SurveyFiles};
use crate::model::{Config, Survey};
use crate::privacy::Privacy;
use crate::progress::Progress;
use crate::score::Scores;
use std::path::Path;

/// A project read, checked and scored: everything but the output.
pub struct Analysis {
    /// The templates the site is rendered with (`None` when they have errors).
    pub templates: Option<render::templates::Templates>,
    /// The project's own word files.
    pub words: i18n::WordFiles,
    /// Site settings.
    pub config: Config,
    /// Every valid survey with its scores.
    pub surveys: Vec<(Survey, Scores)>,
    /// Problems found.
    pub diagnostics: Diagnostics,
    /// How many responses and files were read.
    pub read_counts: responses::Counts,
    /// What privacy hid, over all surveys.
    pub privacy: Privacy,
    /// Surveys whose responses were not read because survey.yaml has errors.
    pub unchecked: Vec<String>,
}

/// How to run the stages.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Use of the cache.
    pub cache: CacheMode,
    /// Show a progress bar on a terminal.
    pub progress: bool,
}

/// Runs the stages from load to privacy over the project in `root`.
pub fn analyse(root: &Path, options: Options) -> Analysis {
    let mut diags = Vec::new();
    let project = load::discover(root, &mut diags);
    let found = find_surveys(root, &project, &mut diags);
    let words = i18n::project::load(root, &mut diags);
    let config = read_config(root, &project, &words, &mut diags);
    let progress = Progress::new(found.iter().map(|s| s.responses.len()).sum(), options.progress);
    let mut analysis = Analysis {
        templates: None,
        words,
        config,
        surveys: Vec::new(),
        diagnostics: Diagnostics::default(),
        read_counts: responses::Counts::default(),
        privacy: Privacy::default(),
        unchecked: Vec::new(),
    };
    for files in &found {
        analyse_survey(root, files, options, &progress, &mut analysis, &mut diags);
    }
    progress.finish();
    analysis.templates = render::templates::load(root, &mut diags);
    analysis.diagnostics = Diagnostics::new(diags);
    analysis
}

/// One survey's definition through load and validate, its responses
/// listed but unread: what `export` and `import` need.
pub struct Definition {
    /// The folders of `surveys/`, sorted: the survey ids there are.
    pub surveys: Vec<String>,
    /// The checked survey; `None` when there is no such folder or its
    /// survey.yaml has errors.
    pub survey: Option<Survey>,
    /// The survey's response files, relative to the root, sorted.
    pub responses: Vec<std::path::PathBuf>,
    /// The largest file rapport reads (rapport.yaml's `max_file_size`).
    pub max_file_size: u64,
    /// Problems found in rapport.yaml and the survey's files.
    pub diagnostics: Diagnostics,
}

/// Loads and validates rapport.yaml and the definition of survey `id`.
pub fn definition(root: &Path, id: &str) -> Definition {
    let mut diags = Vec::new();
    let project = load::discover(root, &mut diags);
    let words = i18n::project::load(root, &mut diags);
    let config = read_config(root, &project, &words, &mut diags);
    let mut survey = None;
    let mut responses = Vec::new();
    if project.folders.iter().any(|f| f == id) && validate::survey::folder(id, &mut diags) {
        if let Some(files) = load::survey_files(root, id, &mut diags) {
            responses.clone_from(&files.responses);
            let file = &files.definition;
            match load::document(root, file, config.max_file_size) {
                Ok(node) => {
                    survey = validate::survey::survey(
                        &mut validate::Ctx {
                            file,
                            diags: &mut diags,
                            words: &words,
                        },
                        id,
                        &node,
                    )
                }
                Err(d) => diags.push(*d),
            }
        }
    }
    Definition {
        surveys: project.folders,
        survey,
        responses,
        max_file_size: config.max_file_size,
        diagnostics: Diagnostics::new(diags),
    }
}

/// rapport.yaml, checked; the defaults when there is none.
fn read_config(
    root: &Path,
    project: &Project,
    words: &i18n::WordFiles,
    diags: &mut Vec<Diagnostic>,
) -> Config {
    let Some(file) = &project.config else {
        return Config::default();
    };
    match load::document(root, file, model::MAX_FILE_SIZE) {
        Ok(node) => validate::config::config(&mut validate::Ctx { file, diags, words }, &node),
        Err(d) => {
            diags.push(*d);
            Config::default()
        }
    }
}

/// The files of every survey folder whose name is a valid id.
fn find_surveys(root: &Path, project: &Project, diags: &mut Vec<Diagnostic>) -> Vec<SurveyFiles> {
    let mut found = Vec::new();
    for id in &project.folders {
        if validate::survey::folder(id, diags) {
            found.extend(load::survey_files(root, id, diags));
        }
    }
    found
}

/// One survey through validate, responses, score and privacy.
fn analyse_survey(
    root: &Path,
    files: &SurveyFiles,
    options: Options,
    progress: &Progress,
    analysis: &mut Analysis,
    diags: &mut Vec<Diagnostic>,
) {
    let file = &files.definition;
    let survey = match load::document(root, file, analysis.config.max_file_size) {
        Ok(node) => validate::survey::survey(
            &mut validate::Ctx {
                file,
                diags,
                words: &analysis.words,
            },
            &files.id,
            &node,
        ),
        Err(d) => {
            diags.push(*d);
            None
        }
    };
    let Some(survey) = survey else {
        if !files.responses.is_empty() {
            analysis.unchecked.push(files.id.clone());
        }
        return;
    };
    let cache = cache::SurveyCache::open(root, &survey.id, file, options.cache);
    let collected = responses::collect(
        root,
        &files.responses,
        &survey,
        cache.as_ref(),
        progress,
        analysis.config.max_file_size,
    );
    diags.extend(collected.diags);
    analysis.read_counts.add(collected.counts);
    let mut tally = collected.tally;
    // `publish: closed-periods`: the latest period with any response is
    // open; its responses are taken out of every count and only their
    // number is published.
    let open_period = match tally.latest {
        Some(day) if survey.closed_periods => {
            let open = survey.period.of(day);
            Some((open, tally.close(survey.period, open)))
        }
        _ => None,
    };
    let mut scores = score::score(&survey, &tally, analysis.config.min_group_size);
    scores.open_period = open_period;
    let hidden = privacy::protect(&survey, &mut scores, analysis.config.min_group_size);
    analysis.privacy.add(hidden);
    analysis.surveys.push((survey, scores));
}

/// Renders an analysed project's site into memory. `None` when the
/// templates have errors (they are among the diagnostics).
pub fn render_site(analysis: &Analysis) -> Option<Result<render::SiteFiles, render::RenderError>> {
    let templates = analysis.templates.as_ref()?;
    Some(render::site(
        &analysis.config,
        &analysis.words,
        &analysis.surveys,
        templates,
    ))
}
