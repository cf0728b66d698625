//! `rapport serve` end to end on 127.0.0.1: the page is served, a changed
//! response file rebuilds and the reload endpoint notices, a broken change
//! keeps the last good site served with the errors on the page, and a path
//! out of the site is refused.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A raw HTTP GET: (status, body).
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("writes");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("reads");
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b).to_owned();
    (status, body)
}

fn generation(page: &str) -> u64 {
    page.split("live.js?g=")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|g| g.parse().ok())
        .expect("a reload script")
}

fn init(dir: &std::path::Path) {
    let bin = snapbox::cmd::cargo_bin!("rapport");
    assert!(Command::new(bin)
        .arg("init")
        .arg(dir)
        .arg("--quiet")
        .status()
        .expect("init")
        .success());
}

/// Starts `rapport serve` in `dir`; returns the server and its address.
fn start(dir: &std::path::Path) -> (Server, String) {
    let bin = snapbox::cmd::cargo_bin!("rapport");
    let mut child = Command::new(bin)
        .current_dir(dir)
        .args(["--color", "never", "serve", "--port", "0"])
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let stderr = child.stderr.take().expect("stderr");
    let server = Server(child);
    let mut lines = BufReader::new(stderr).lines();
    let addr = loop {
        let line = lines
            .next()
            .expect("serve announces its address")
            .expect("a line");
        if let Some(rest) = line.strip_prefix("serving http://") {
            break rest.split('/').next().expect("an address").to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    (server, addr)
}

#[test]
fn serve_rebuilds_reloads_and_keeps_the_last_good_site() {
    let tmp = tempfile::tempdir().expect("temp dir");
    init(tmp.path());
    let (_server, addr) = start(tmp.path());

    let (status, page) = get(&addr, "/customer-expectations/index.html");
    assert_eq!(status, 200);
    assert!(page.contains("Customer expectations"));
    let g = generation(&page);
    // Serving builds in memory: no site/ folder is written.
    assert!(!tmp.path().join("site").exists());

    // A change to a response file: the reload endpoint answers with a new generation.
    let responses = tmp
        .path()
        .join("surveys/customer-expectations/responses/more.yaml");
    let waiter = {
        let addr = addr.clone();
        std::thread::spawn(move || get(&addr, &format!("/__rapport/wait?since={g}")))
    };
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(
        &responses,
        "- submitted: 2026-05-01\n  answers: { recommend: 10 }\n",
    )
    .expect("write");
    let (status, body) = waiter.join().expect("waits");
    assert_eq!(status, 200);
    assert!(body.trim().parse::<u64>().expect("a generation") > g);
    let (_, data) = get(&addr, "/customer-expectations/data.json");
    assert!(data.contains("\"responses\": 11"), "{data}");

    // A broken change: the errors show on the page, the last good data stays.
    std::fs::write(&responses, "- submitted: someday\n").expect("write");
    let started = Instant::now();
    loop {
        let (_, page) = get(&addr, "/customer-expectations/index.html");
        if page.contains("role=\"alert\"") {
            assert!(page.contains("is not a valid date"), "{page}");
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no rebuild after a broken change"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let (_, data) = get(&addr, "/customer-expectations/data.json");
    assert!(data.contains("\"responses\": 11"));

    // A folder without its slash is redirected; nothing outside the site is served.
    assert_eq!(get(&addr, "/customer-expectations").0, 301);
    assert_eq!(get(&addr, "/../Cargo.toml").0, 400);
    assert_eq!(get(&addr, "/%2e%2e/%2e%2e/etc/passwd").0, 400);
    assert_eq!(get(&addr, "/surveys/customer-expectations/survey.yaml").0, 404);
}

#[test]
fn a_project_broken_from_the_start_shows_its_errors_until_fixed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    init(tmp.path());
    let responses = tmp
        .path()
        .join("surveys/customer-expectations/responses/example.yaml");
    let good = std::fs::read_to_string(&responses).expect("read");
    std::fs::write(&responses, good.replacen("on-time: 4", "on-time: 9", 1)).expect("write");
    let (_server, addr) = start(tmp.path());
    let (status, page) = get(&addr, "/");
    assert_eq!(status, 503);
    assert!(
        page.contains("role=\"alert\"") && page.contains("E0202"),
        "{page}"
    );
    let g = generation(&page);
    std::fs::write(&responses, good).expect("fix");
    let (_, body) = get(&addr, &format!("/__rapport/wait?since={g}"));
    assert!(body.trim().parse::<u64>().expect("a generation") > g);
    let (status, page) = get(&addr, "/");
    assert_eq!(status, 200);
    assert!(!page.contains("role=\"alert\""));
}
