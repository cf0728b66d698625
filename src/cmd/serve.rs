//! `rapport serve`: builds the site in memory, serves it on 127.0.0.1,
//! rebuilds when `surveys/`, `templates/` or `rapport.yaml` change, and
//! reloads the pages open in a browser.
//!
//! Pages are served from the build in memory, so nothing outside the site
//! can be reached, whatever the path asks for. The reload script and its
//! permission in the page's Content-Security-Policy are added to served
//! pages only; a built site never has them. A build with errors prints them
//! in the terminal and on every page, and the last good site stays served.

use super::Error;
use crate::cli::{Color, ServeArgs};
use crate::render::SiteFiles;
use codespan_reporting::term::termcolor::StandardStream;
use notify::{RecursiveMode, Watcher};
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Condvar, Mutex};
use std::time::Duration;

/// Where the server listens.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The interface; 127.0.0.1 unless asked.
    pub bind: IpAddr,
    /// The port; another free one when it is taken (0: any free port).
    pub port: u16,
}

/// Why the server could not start.
#[derive(Debug)]
pub enum ServeError {
    /// Neither the port asked for nor any other could be had.
    Listen {
        /// The interface.
        bind: IpAddr,
        /// What the system said.
        message: String,
    },
    /// The server has no IP address to announce.
    NoAddress,
    /// No watcher for file changes could be made.
    Watcher(notify::Error),
    /// The project's files cannot be watched for changes.
    Watch {
        /// The project's root folder.
        root: PathBuf,
        /// What the watcher said.
        source: notify::Error,
    },
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::Listen { bind, message } => write!(f, "could not listen on {bind}: {message}"),
            ServeError::NoAddress => f.write_str("the server has no IP address"),
            ServeError::Watcher(e) => write!(f, "could not watch the project: {e}"),
            ServeError::Watch { root, source } => write!(f, "could not watch {}: {source}", root.display()),
        }
    }
}

impl std::error::Error for ServeError {}

/// Serves the project in `root` until the process is stopped.
pub fn run(root: &Path, args: &ServeArgs, color: Color, quiet: bool, use_cache: bool) -> Result<(), Error> {
    let options = ServeOptions {
        bind: args.bind,
        port: args.port,
    };
    let build_root = root.to_path_buf();
    let build = move || {
        let mut err = StandardStream::stderr(super::color_choice(color));
        super::build::in_memory(&build_root, &mut err, quiet, use_cache)
    };
    serve(root, &options, build, |addr| {
        let mut err = StandardStream::stderr(super::color_choice(color));
        let _ = writeln!(
            err,
            "serving http://{addr}/ (Ctrl-C to stop); watching surveys/, templates/ and rapport.yaml"
        );
    })
    .map_err(Error::Serve)
}

/// What the server shows: the last good site, the last build's errors, and
/// a number that changes with every build, for the reload script.
#[derive(Debug, Default)]
struct State {
    site: SiteFiles,
    error: Option<String>,
    generation: u64,
}

type Shared = Arc<(Mutex<State>, Condvar)>;

/// The outcome of one build: the site, or the problems as text.
pub type Built = Result<SiteFiles, String>;

const LIVE_JS: &str = r#"// Reloads the page when rapport serve has built the site again.
(function () {
  var since = new URL(document.currentScript.src).searchParams.get("g");
  function wait() {
    fetch("/__rapport/wait?since=" + since, { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (g) { if (g !== since) { location.reload(); } else { wait(); } })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
"#;

/// Serves the site `build` makes, rebuilding when the project changes.
/// Prints the address on `announce`; runs until the process is stopped.
pub fn serve(
    root: &Path,
    options: &ServeOptions,
    build: impl Fn() -> Built + Send + 'static,
    announce: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let shared: Shared = Arc::new((Mutex::new(State::default()), Condvar::new()));
    publish(&shared, build());
    let server = bind(options)?;
    let addr = server.server_addr().to_ip().ok_or(ServeError::NoAddress)?;
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading a file is an event too (a build reads them all): only
        // changes count.
        if let Some(e) = event
            .ok()
            .filter(|e| !matches!(e.kind, notify::EventKind::Access(_)))
        {
            let _ = tx.send(e.paths);
        }
    })
    .map_err(ServeError::Watcher)?;
    // The whole project, so that folders made later (a first `templates/`)
    // are watched too; `relevant` keeps only what can change the site.
    watcher
        .watch(root, RecursiveMode::Recursive)
        .map_err(|source| ServeError::Watch {
            root: root.to_path_buf(),
            source,
        })?;
    let rebuilder = Arc::clone(&shared);
    let root_for_changes = root.to_path_buf();
    std::thread::spawn(move || {
        let _watcher = watcher;
        while let Ok(paths) = rx.recv() {
            if !paths.iter().any(|p| relevant(&root_for_changes, p)) {
                continue;
            }
            // Let a burst of changes (an editor's save, a git checkout) settle.
            while rx.recv_timeout(Duration::from_millis(150)).is_ok() {}
            publish(&rebuilder, build());
        }
    });
    announce(addr);
    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || respond(&shared, request));
    }
    Ok(())
}

fn bind(options: &ServeOptions) -> Result<tiny_http::Server, ServeError> {
    let wanted = SocketAddr::new(options.bind, options.port);
    tiny_http::Server::http(wanted)
        .or_else(|_| tiny_http::Server::http(SocketAddr::new(options.bind, 0)))
        .map_err(|e| ServeError::Listen {
            bind: options.bind,
            message: e.to_string(),
        })
}

/// True for a change that can alter the site.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        // Some watchers report canonical paths.
        return std::fs::canonicalize(root).is_ok_and(|r| path.starts_with(&r) && relevant(&r, path));
    };
    rel == Path::new("rapport.yaml") || rel.starts_with("surveys") || rel.starts_with("templates")
}

fn publish(shared: &Shared, built: Built) {
    let (lock, changed) = &**shared;
    if let Ok(mut state) = lock.lock() {
        match built {
            Ok(site) => {
                state.site = site;
                state.error = None;
            }
            Err(text) => state.error = Some(text),
        }
        state.generation += 1;
        changed.notify_all();
    }
}

/// The file a URL path asks for, or `None` for a path that tries to leave
/// the site (`..`, backslashes, NUL).
pub fn site_path(url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let mut out = PathBuf::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains(['\\', '\0']) => return None,
            p => out.push(p),
        }
    }
    if decoded.ends_with('/') || out.as_os_str().is_empty() {
        out.push("index.html");
    }
    Some(out)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("js") => "text/javascript; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A served page: the reload script, the CSP that allows it, and the last
/// build's errors on top when there are some.
pub fn decorate(html: &str, generation: u64, error: Option<&str>) -> String {
    let mut page = html
        .replacen(
            "default-src 'none';",
            "default-src 'none'; script-src 'self'; connect-src 'self';",
            1,
        )
        .replacen("style-src 'self'", "style-src 'self' 'unsafe-inline'", 1);
    if let Some(text) = error {
        let banner = format!(
            "<div role=\"alert\" style=\"background:#fff0f0;border:2px solid #b00020;padding:1rem;margin:0;white-space:pre-wrap;font-family:monospace\">rapport: the last build failed; the page reloads when it is fixed.\n\n{}</div>",
            crate::render::templates::escape_html(text)
        );
        page = page.replacen("<body>", &format!("<body>\n{banner}"), 1);
    }
    let script = format!("<script src=\"/__rapport/live.js?g={generation}\"></script>\n</body>");
    page.replacen("</body>", &script, 1)
}

fn header(name: &str, value: &str) -> Option<tiny_http::Header> {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn respond(shared: &Shared, request: tiny_http::Request) {
    let url = request.url().to_owned();
    let (status, body, kind) = answer(shared, &url, request.method());
    let response = if kind == "redirect" {
        let location = String::from_utf8_lossy(&body).into_owned();
        let mut r = tiny_http::Response::from_data(Vec::new()).with_status_code(status);
        if let Some(h) = header("Location", &location) {
            r = r.with_header(h);
        }
        r
    } else {
        let mut r = tiny_http::Response::from_data(body).with_status_code(status);
        for h in [header("Content-Type", kind), header("Cache-Control", "no-store")]
            .into_iter()
            .flatten()
        {
            r = r.with_header(h);
        }
        r
    };
    let _ = request.respond(response);
}

fn answer(shared: &Shared, url: &str, method: &tiny_http::Method) -> (u16, Vec<u8>, &'static str) {
    let text = "text/plain; charset=utf-8";
    if !matches!(method, tiny_http::Method::Get | tiny_http::Method::Head) {
        return (405, b"only GET and HEAD".to_vec(), text);
    }
    let (lock, changed) = &**shared;
    if url.starts_with("/__rapport/live.js") {
        return (200, LIVE_JS.as_bytes().to_vec(), "text/javascript; charset=utf-8");
    }
    if let Some(query) = url.strip_prefix("/__rapport/wait?since=") {
        let since: u64 = query.parse().unwrap_or(0);
        let Ok(state) = lock.lock() else {
            return (500, Vec::new(), text);
        };
        let waited = changed.wait_timeout_while(state, Duration::from_secs(25), |s| s.generation <= since);
        let generation = waited.map_or(since, |(s, _)| s.generation);
        return (200, generation.to_string().into_bytes(), text);
    }
    let Some(path) = site_path(url) else {
        return (400, b"bad path".to_vec(), text);
    };
    let Ok(state) = lock.lock() else {
        return (500, Vec::new(), text);
    };
    if state.site.is_empty() {
        // No good build yet: every page is the errors, and reloads when they are fixed.
        let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\">\n<title>rapport: the build failed</title>\n</head>\n<body>\n</body>\n</html>\n";
        return (
            503,
            decorate(page, state.generation, state.error.as_deref()).into_bytes(),
            "text/html; charset=utf-8",
        );
    }
    if !state.site.contains_key(&path) && state.site.contains_key(&path.join("index.html")) {
        // A folder asked for without its slash.
        return (
            301,
            url.split('?')
                .next()
                .map(|u| format!("{u}/"))
                .unwrap_or_default()
                .into_bytes(),
            "redirect",
        );
    }
    match state.site.get(&path) {
        Some(bytes) if path.extension().is_some_and(|e| e == "html") => {
            let html = String::from_utf8_lossy(bytes);
            let page = decorate(&html, state.generation, state.error.as_deref());
            (200, page.into_bytes(), content_type(&path))
        }
        Some(bytes) => (200, bytes.clone(), content_type(&path)),
        None => (404, b"not found".to_vec(), text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        assert_eq!(site_path("/"), Some(PathBuf::from("index.html")));
        assert_eq!(site_path("/a/sv/"), Some(PathBuf::from("a/sv/index.html")));
        assert_eq!(site_path("/a/data.json?x=1"), Some(PathBuf::from("a/data.json")));
        assert_eq!(site_path("/%73tyle.css"), Some(PathBuf::from("style.css")));
        for bad in [
            "/../Cargo.toml",
            "/a/%2e%2e/%2e%2e/etc/passwd",
            "/a\\..\\b",
            "/%00",
            "/%zz",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn served_pages_get_the_reload_script_and_errors() {
        let html = "<html><head><meta content=\"default-src 'none'; style-src 'self'\"></head><body>\n<p>x</p>\n</body></html>";
        let page = decorate(html, 3, Some("error[E0202]: <bad>"));
        assert!(page.contains("default-src 'none'; script-src 'self'; connect-src 'self';"));
        assert!(page.contains("<script src=\"/__rapport/live.js?g=3\"></script>\n</body>"));
        assert!(page.contains("error[E0202]: &lt;bad&gt;"));
    }
}
