//! `rapport import`: a form tool's export added to a survey as one new
//! response file. The survey goes through load and validate; its response
//! files are read only for the ids they hold, so that rows imported before
//! are not added again. With any problem in the export nothing is written.

use super::{summary, Error, MAX_SHOWN};
use crate::cli::ImportArgs;
use crate::import::{self, Options};
use codespan_reporting::term::termcolor::WriteColor;
use std::io::Write;
use std::path::{Path, PathBuf};
use time::{Date, UtcOffset};

/// Imports `args.file` into survey `--survey`.
pub fn run(
    root: &Path,
    args: &ImportArgs,
    err: &mut dyn WriteColor,
    out: &mut dyn Write,
    quiet: bool,
) -> Result<(), Error> {
    let zone = offset(&args.utc_offset)?;
    let submitted = submitted(args.submitted.as_deref())?;
    let (survey, files, max_file_size) = super::checked_survey(root, &args.survey, err, quiet, "imported")?;
    let responses_dir = surveys_dir(root).join(&survey.id).join("responses");
    if let Some(out) = &args.out {
        check_out(out, &responses_dir)?;
    }
    let options = Options {
        layout: args.from,
        submitted,
        zone,
        id_prefix: args.id_prefix.clone(),
        max_file_size,
    };
    let known = known_responses(root, &files)?;
    let imported = match import::import(&args.file, &survey, &known, &options) {
        Ok(imported) => imported,
        Err(import::ImportError::Problems(problems)) => {
            for p in problems.iter().take(MAX_SHOWN) {
                writeln!(err, "error: {p}")?;
            }
            if problems.len() > MAX_SHOWN {
                writeln!(err, "... and {} more", problems.len() - MAX_SHOWN)?;
            }
            return Err(Error::Import(import::ImportError::Problems(problems)));
        }
        Err(e) => return Err(Error::Import(e)),
    };
    if !quiet {
        for note in &imported.notes {
            writeln!(err, "note: {note}")?;
        }
    }
    let name = args
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let skipped = skipped(&imported);
    if imported.responses.is_empty() {
        if !quiet {
            writeln!(
                err,
                "nothing new in {name} ({}){skipped}",
                imported.layout.spec().name
            )?;
        }
        return Ok(());
    }
    let yaml = import::emit::yaml(&imported, &name);
    let count = summary::plural(imported.responses.len() as u64, "response", "responses");
    if args.dry_run {
        out.write_all(yaml.as_bytes())?;
        if !quiet {
            writeln!(
                err,
                "would import {count} from {name} ({}){skipped}; nothing was written",
                imported.layout.spec().name
            )?;
        }
        return Ok(());
    }
    let target = match &args.out {
        Some(path) => path.clone(),
        None => free_name(&responses_dir, &args.file),
    };
    if let Some(parent) = target.parent() {
        crate::fsx::create_dir_all(parent).map_err(Error::ExportWrite)?;
    }
    crate::fsx::write_new(&target, yaml.as_bytes(), false).map_err(|e| {
        if e.source.kind() == std::io::ErrorKind::AlreadyExists {
            Error::ImportOption(format!(
                "{} exists; name a new file with --out, or leave --out off for a free name",
                target.display()
            ))
        } else {
            Error::ExportWrite(e)
        }
    })?;
    if !quiet {
        writeln!(
            err,
            "imported {count} from {name} ({}) into {}{skipped}",
            imported.layout.spec().name,
            target.display()
        )?;
    }
    Ok(())
}

/// `; 3 already imported, 1 not submitted` or nothing.
fn skipped(imported: &import::Imported) -> String {
    let mut parts = Vec::new();
    if imported.known > 0 {
        parts.push(format!("{} already imported", imported.known));
    }
    if imported.incomplete > 0 {
        parts.push(format!("{} not submitted", imported.incomplete));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("; skipped {}", parts.join(", "))
    }
}

fn submitted(text: Option<&str>) -> Result<Option<Date>, Error> {
    let date = |text: &str| {
        crate::period::parse_date(text)
            .filter(|_| text.trim().len() == 10)
            .ok_or_else(|| {
                Error::ImportOption(format!(
                    "--submitted: `{text}` is not a date; expected YYYY-MM-DD"
                ))
            })
    };
    text.map(date).transpose()
}

fn offset(text: &str) -> Result<UtcOffset, Error> {
    let bad = || {
        Error::ImportOption(format!(
            "--utc-offset: `{text}` is not an offset; expected e.g. +01:00 or -05:00"
        ))
    };
    let (sign, rest) = match text.trim().split_at_checked(1) {
        Some(("+", rest)) => (1, rest),
        Some(("-", rest)) => (-1, rest),
        _ => return Err(bad()),
    };
    let (h, m) = rest.split_once(':').ok_or_else(bad)?;
    let (h, m): (i8, i8) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if !(0..24).contains(&h) || !(0..60).contains(&m) {
        return Err(bad());
    }
    UtcOffset::from_hms(sign * h, sign * m, 0).map_err(|_| bad())
}

/// `surveys/` of the project; a relative path when the root is the current
/// folder, so that messages read from it.
fn surveys_dir(root: &Path) -> PathBuf {
    if root == Path::new(".") {
        PathBuf::from("surveys")
    } else {
        root.join("surveys")
    }
}

/// `--out` must be a new .yaml file that the survey's responses are read
/// from: in its `responses/` folder (at any depth), not hidden.
fn check_out(out: &Path, responses_dir: &Path) -> Result<(), Error> {
    let absolute = |p: &Path| -> PathBuf {
        let mut clean = PathBuf::new();
        for part in std::path::absolute(p)
            .unwrap_or_else(|_| p.to_owned())
            .components()
        {
            match part {
                std::path::Component::ParentDir => {
                    clean.pop();
                }
                std::path::Component::CurDir => {}
                other => clean.push(other),
            }
        }
        clean
    };
    // Inside the folder, with no hidden folder or file on the way: the
    // walk that finds response files passes those over.
    let reads = absolute(out)
        .strip_prefix(absolute(responses_dir))
        .is_ok_and(|rel| {
            crate::load::is_yaml(rel)
                && rel
                    .components()
                    .all(|c| !c.as_os_str().to_string_lossy().starts_with('.'))
        });
    if reads {
        Ok(())
    } else {
        Err(Error::ImportOption(format!(
            "--out: {} is not a response file of the survey; name a .yaml file in {}",
            out.display(),
            responses_dir.display()
        )))
    }
}

/// The responses the survey's files already hold, by id, with what each
/// says.
fn known_responses(root: &Path, files: &[PathBuf]) -> Result<import::Known, Error> {
    use crate::yaml::Value;
    let mut known = import::Known::new();
    for rel in files {
        let text = crate::load::read_text(root, rel, crate::model::MAX_FILE_SIZE)
            .map_err(|d| Error::ImportRead(d.message.clone()))?;
        crate::yaml::parse_sequence(&text, |item| {
            let Value::Map(entries) = &item.value else { return };
            let field = |name: &str| {
                entries
                    .iter()
                    .find(|(k, _)| k.text() == Some(name))
                    .map(|(_, v)| v)
            };
            let Some(id) = field("id").and_then(|id| id.text()) else {
                return;
            };
            let mut pairs = Vec::new();
            if let Some(Value::Map(answers)) = field("answers").map(|a| &a.value) {
                for (question, answer) in answers {
                    let text = match &answer.value {
                        Value::Seq(items) => {
                            let mut ids: Vec<&str> = items.iter().filter_map(|i| i.text()).collect();
                            ids.sort_unstable();
                            ids.join(",")
                        }
                        _ if answer.is_null() => continue,
                        _ => answer.text().unwrap_or_default().to_owned(),
                    };
                    pairs.push((question.text().unwrap_or_default().to_owned(), text));
                }
            }
            known.insert(
                id.to_owned(),
                import::Existing {
                    file: rel.clone(),
                    fingerprint: import::row::fingerprint(pairs),
                },
            );
        })
        .map_err(|e| {
            Error::ImportRead(format!(
                "{} cannot be read for the responses it holds ({}); run `rapport check`",
                rel.display(),
                e.message
            ))
        })?;
    }
    Ok(known)
}

/// `<dir>/<export's name>.yaml`, or `-2`, `-3`... when taken.
fn free_name(dir: &Path, export: &Path) -> PathBuf {
    let stem = export
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().to_lowercase());
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let slug = if slug.is_empty() {
        "import".to_owned()
    } else {
        slug
    };
    (1..)
        .map(|n| match n {
            1 => dir.join(format!("{slug}.yaml")),
            n => dir.join(format!("{slug}-{n}.yaml")),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join("import.yaml"))
}
