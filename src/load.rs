//! Loading: find a project's files and read them as text.
//!
//! Surveys are the folders of `surveys/`; each has `survey.yaml` and any
//! number of `.yaml`/`.yml` files at any depth under `responses/`; any other
//! file there is reported, unless its name starts with `.`. Everything is
//! listed in sorted order, so results never depend on the file system.
//! Text must be UTF-8 (a byte order mark is dropped; LF and CRLF both work).

use crate::diagnostics::{code, slash, Diagnostic, Pos, Severity, Span};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The files of one survey, relative to the project root.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyFiles {
    /// The survey's id: its folder's name.
    pub id: String,
    /// `surveys/<id>/survey.yaml`.
    pub definition: PathBuf,
    /// Response files, sorted.
    pub responses: Vec<PathBuf>,
}

/// What a project holds at its top.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    /// `rapport.yaml`, when there is one.
    pub config: Option<PathBuf>,
    /// The names of the folders in `surveys/`, sorted: each should be a
    /// survey, named by its id.
    pub folders: Vec<String>,
}

/// True for a `.yaml` or `.yml` file name, the ones read as responses.
pub fn is_yaml(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

/// Lists `rapport.yaml` and the folders of `surveys/`. Problems (no
/// `surveys/` folder, links that are not followed) go to `diags`.
pub fn discover(root: &Path, diags: &mut Vec<Diagnostic>) -> Project {
    let config = Path::new("rapport.yaml");
    let mut project = Project {
        config: root.join(config).is_file().then(|| config.to_path_buf()),
        folders: Vec::new(),
    };
    let surveys_dir = root.join("surveys");
    if !surveys_dir.is_dir() {
        diags.push(
            Diagnostic::general(
                Severity::Error,
                code::NO_SURVEY_FILE,
                None,
                if root == Path::new(".") {
                    "no `surveys` folder in the current folder".to_string()
                } else {
                    format!("no `surveys` folder in {}", root.display())
                },
            )
            .help("run rapport in a project's root folder, or pass `--root DIR`"),
        );
        return project;
    }
    let mut links = Vec::new();
    let mut folders: Vec<String> = match std::fs::read_dir(&surveys_dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|e| {
                let is_link = e.file_type().is_ok_and(|t| t.is_symlink());
                if is_link {
                    links.push(e.file_name().to_string_lossy().into_owned());
                }
                e.file_type().is_ok_and(|t| t.is_dir())
            })
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| !name.starts_with('.'))
            .collect(),
        Err(e) => {
            diags.push(Diagnostic::general(
                Severity::Error,
                code::READ,
                Some(Path::new("surveys")),
                format!("could not read the folder: {e}"),
            ));
            return project;
        }
    };
    links.sort();
    for name in links {
        let rel = Path::new("surveys").join(&name);
        diags.push(symlink(
            root,
            &rel,
            "it is not read as a survey",
            "rapport reads only what is inside the project; copy the folder instead",
        ));
    }
    folders.sort();
    project.folders = folders;
    project
}

/// The files of the survey in `surveys/<id>/`: its survey.yaml and its
/// response files. `None` (and an error) when it has no survey.yaml.
pub fn survey_files(root: &Path, id: &str, diags: &mut Vec<Diagnostic>) -> Option<SurveyFiles> {
    let dir = Path::new("surveys").join(id);
    let definition = dir.join("survey.yaml");
    if !root.join(&definition).is_file() {
        diags.push(
            Diagnostic::general(
                Severity::Error,
                code::NO_SURVEY_FILE,
                Some(&dir),
                format!("survey `{id}` has no survey.yaml"),
            )
            .help(format!(
                "create {} with the survey's definition",
                slash(&definition)
            )),
        );
        return None;
    }
    let responses = response_files(root, &dir.join("responses"), diags);
    Some(SurveyFiles {
        id: id.to_owned(),
        definition,
        responses,
    })
}

fn response_files(root: &Path, dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let walk = WalkDir::new(root.join(dir))
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                // A missing responses/ folder is a survey without responses yet.
                if e.io_error()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
                {
                    continue;
                }
                let path = e
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| dir.to_path_buf());
                diags.push(Diagnostic::general(
                    Severity::Error,
                    code::READ,
                    Some(&path),
                    format!("could not read: {e}"),
                ));
                continue;
            }
        };
        let rel = relative(root, entry.path());
        if entry.path_is_symlink() {
            // Links to folders (loops included) and YAML files; a link to any
            // other file is reported below, as the file would be.
            if is_yaml(&rel) || entry.path().is_dir() || std::fs::metadata(entry.path()).is_err() {
                diags.push(symlink(
                    root,
                    &rel,
                    "its responses are not counted",
                    "copy the file into responses/ instead of linking it",
                ));
                continue;
            }
        }
        if entry.file_type().is_dir() {
            continue;
        }
        if is_yaml(&rel) && !entry.path_is_symlink() {
            files.push(rel);
        } else {
            diags.push(unread(&rel));
        }
    }
    files
}

/// Extensions of the files form tools export answers as.
const EXPORTS: [&str; 6] = ["csv", "tsv", "xlsx", "xls", "json", "ods"];

/// Where docs/format.md describes response files.
const RESPONSE_FILES_DOCS: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/blob/main/docs/format.md#response-files"
);

/// Warning W0006 for a file under responses/ that is not read, saying what
/// to do with it.
fn unread(rel: &Path) -> Diagnostic {
    let name = rel
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let extension = rel
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (message, help) = if EXPORTS.contains(&extension.as_str()) {
        (
            format!(
                "`{name}` is not read: it is a form tool's export, and rapport reads only .yaml and .yml files in responses/"
            ),
            format!("convert it into a response file first: {RESPONSE_FILES_DOCS}"),
        )
    } else if matches!(extension.as_str(), "yaml" | "yml") {
        let stem = rel
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        (
            format!(
                "`{name}` is not read: rapport reads only .yaml and .yml files in responses/, in lowercase"
            ),
            format!("rename it to `{stem}.{extension}`"),
        )
    } else {
        (
            format!("`{name}` is not read: rapport reads only .yaml and .yml files in responses/"),
            "move it out of responses/, or start its name with `.` to keep it there unread".to_owned(),
        )
    };
    Diagnostic::general(Severity::Warning, code::UNREAD_FILE, Some(rel), message).help(help)
}

/// Warning W0003 for a symbolic link, saying where it points.
fn symlink(root: &Path, rel: &Path, effect: &str, help: &str) -> Diagnostic {
    let target = std::fs::read_link(root.join(rel))
        .map(|t| format!(" (it points to {})", t.display()))
        .unwrap_or_default();
    Diagnostic::general(
        Severity::Warning,
        code::SYMLINK,
        Some(rel),
        format!("symbolic link not followed{target}: {effect}"),
    )
    .help(help)
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Reads a file as UTF-8 text. On failure the diagnostic says why: the file
/// could not be read, or it is not UTF-8 (with the line and column of the
/// first bad byte).
pub fn read_text(root: &Path, rel: &Path, max: u64) -> Result<String, Box<Diagnostic>> {
    decode(rel, read_bytes(root, rel, max)?)
}

/// Reads a file's bytes, at most `max` of them; the diagnostic says why it
/// could not be read, or that it is larger than the limit.
pub fn read_bytes(root: &Path, rel: &Path, max: u64) -> Result<Vec<u8>, Box<Diagnostic>> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        Box::new(Diagnostic::general(
            Severity::Error,
            code::READ,
            Some(rel),
            format!("could not read the file: {e}"),
        ))
    };
    let file = std::fs::File::open(root.join(rel)).map_err(cannot)?;
    let mut bytes = Vec::new();
    // One byte more than the limit tells a file at the limit from a larger one.
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > max {
        let size = std::fs::metadata(root.join(rel)).map_or(bytes.len() as u64, |m| m.len());
        return Err(Box::new(
            Diagnostic::general(
                Severity::Error,
                code::TOO_BIG,
                Some(rel),
                format!(
                    "the file is {}, more than the limit of {}",
                    megabytes(size),
                    megabytes(max)
                ),
            )
            .help("split it into smaller files, or raise `max_file_size` (in MB) in rapport.yaml"),
        ));
    }
    Ok(bytes)
}

fn megabytes(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{bytes} bytes")
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

/// Turns a file's bytes into text, or a diagnostic at the first byte that
/// is not UTF-8.
pub fn decode(rel: &Path, bytes: Vec<u8>) -> Result<String, Box<Diagnostic>> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        // Lines and columns are counted after a byte order mark, as everywhere else.
        let counted = valid.strip_prefix('\u{feff}').unwrap_or(valid);
        let line = counted.matches('\n').count() + 1;
        let col = counted.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let bad = e.as_bytes().get(valid.len()).copied().unwrap_or(0);
        let at = Pos {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            col: u32::try_from(col).unwrap_or(u32::MAX),
        };
        Diagnostic::error(
            code::NOT_UTF8,
            rel,
            Span::at(at),
            format!(
                "the file is not UTF-8: byte 0x{bad:02X} at line {line}, column {col} is not valid UTF-8"
            ),
        )
        .label("invalid UTF-8 here")
        .help("save the file as UTF-8 (it may be in Latin-1 or Windows-1252)")
        .into()
    })
}

/// Reads and parses a definition file (survey.yaml, rapport.yaml). An empty
/// file is an error too.
pub fn document(root: &Path, rel: &Path, max: u64) -> Result<crate::yaml::Node, Box<Diagnostic>> {
    let text = read_text(root, rel, max)?;
    match crate::yaml::parse_document(&text) {
        Ok(Some(node)) => Ok(node),
        Ok(None) => Err(
            Diagnostic::general(Severity::Error, code::EMPTY, Some(rel), "the file is empty")
                .help(if rel.ends_with("survey.yaml") {
                    "a survey.yaml holds at least `title`, `languages`, `levels` and `questions`"
                } else {
                    "delete the file, or give it at least one setting"
                })
                .into(),
        ),
        Err(e) => Err(e.diagnostic(rel).into()),
    }
}
