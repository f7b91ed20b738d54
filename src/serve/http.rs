//! The preview server's answers: static files from the output folder,
//! the live-reload script and the build state. Loopback only, and only to
//! requests addressed to it (see [`allowed_host`]); connections are
//! handled by [`super::conn`].
//!
//! Open pages learn of a new build by asking for the state with
//! `?wait=G`, the generation they last saw: the request is held (parked,
//! not holding a thread) until the state changes, and answered the
//! moment a build publishes it.

use super::conn::{self, Request, Response};
use super::Shared;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const LIVE_JS: &str = include_str!("live.js");

/// How long a request waiting for a change is held before it is answered
/// with the state as it is (idle requests get dropped along the way).
const HOLD: Duration = Duration::from_secs(25);

/// Requests held at once; more are answered at once with the state.
const MAX_HELD: usize = 256;

/// Requests waiting for the state to pass a generation, since when.
type Waiting = Arc<Mutex<Vec<(u64, Request, Instant)>>>;

/// Starts the server on 127.0.0.1:`port` and returns the address it
/// listens on.
pub fn start(out: &Path, port: u16, state: Shared) -> Result<SocketAddr, String> {
    let waiting: Waiting = Arc::default();
    let out = out.to_path_buf();
    let bound = Arc::new(std::sync::OnceLock::<SocketAddr>::new());
    let handler = {
        let (state, waiting, bound) = (state.clone(), waiting.clone(), bound.clone());
        Arc::new(move |req: Request| {
            let Some(addr) = bound.get() else { return };
            handle(req, *addr, &out, &state, &waiting);
        })
    };
    let addr = conn::listen(SocketAddr::from(([127, 0, 0, 1], port)), handler)
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let _ = bound.set(addr);
    std::thread::spawn(move || answer_waiting(&state, &waiting));
    Ok(addr)
}

/// Whether a request's `Host` names this server as bound: `127.0.0.1` or
/// `localhost` with its port. A web page elsewhere can make the browser
/// send requests here under its own name (DNS rebinding) and read the
/// answers as its own; those carry that name as `Host`, so they get none.
pub fn allowed_host(host: Option<&str>, bound: SocketAddr) -> bool {
    let Some(host) = host else { return false };
    let port = bound.port();
    let (name, given_port) = match host.rsplit_once(':') {
        Some((name, p)) => (name, p.parse::<u16>().ok()),
        None => (host, Some(80)),
    };
    given_port == Some(port)
        && (name == bound.ip().to_string() || name.eq_ignore_ascii_case("localhost"))
}

/// Answers the waiting requests whenever the state changes, and those held
/// for [`HOLD`].
fn answer_waiting(state: &Shared, waiting: &Waiting) {
    let mut seen = state.get().generation;
    loop {
        let (generation, body) = {
            let s = state.wait_past(seen, Duration::from_secs(1));
            (s.generation, serde_json::to_string(&*s).expect("json"))
        };
        seen = generation;
        // Older than now: a request parked after this state was read, for
        // a newer one, waits for the next round.
        let ready: Vec<_> = {
            let mut w = waiting.lock().unwrap_or_else(|e| e.into_inner());
            let (ready, held) = w
                .drain(..)
                .partition(|(g, _, since)| *g < generation || since.elapsed() >= HOLD);
            *w = held;
            ready
        };
        for (_, req, _) in ready {
            req.respond(state_response(body.clone()));
        }
    }
}

fn state_response(body: String) -> Response {
    Response::new(200, body)
        .header("Content-Type", "application/json")
        .header("Cache-Control", "no-store")
}

/// The generation in `?wait=G`, if the URL has one.
fn wait_param(url: &str) -> Option<u64> {
    let query = url.split_once('?')?.1;
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix("wait="))
        .and_then(|g| g.parse().ok())
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file under `out` a URL path names, refusing anything that climbs out.
fn resolve(out: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    Some(out.join(rel))
}

/// Adds the live script before `</body>` (or at the end).
pub fn inject(html: &str, version: u64) -> String {
    let tag =
        format!("<script src=\"/__govatlas/live.js\" data-version=\"{version}\" defer></script>");
    match html.rfind("</body>") {
        Some(i) => format!("{}{tag}\n{}", &html[..i], &html[i..]),
        None => format!("{html}{tag}\n"),
    }
}

fn handle(req: Request, bound: SocketAddr, out: &Path, state: &Shared, waiting: &Waiting) {
    if !allowed_host(req.host.as_deref(), bound) {
        let msg = format!(
            "this is govatlas serve, a local preview: it answers only requests for http://{bound}/ or http://localhost:{}/",
            bound.port()
        );
        let status = if req.host.is_none() { 400 } else { 421 };
        req.respond(Response::new(status, msg));
        return;
    }
    if req.method != "GET" && req.method != "HEAD" {
        req.respond(Response::new(405, "only GET and HEAD").header("Allow", "GET, HEAD"));
        return;
    }
    let url = req.url.clone();
    let path = url.split(['?', '#']).next().unwrap_or("/").to_string();
    let resp = match path.as_str() {
        "/__govatlas/state" => {
            let s = state.get();
            if wait_param(&url) == Some(s.generation) {
                // Parked while the state is locked, so that a change
                // cannot slip between the look and the parking.
                let mut w = waiting.lock().unwrap_or_else(|e| e.into_inner());
                if w.len() < MAX_HELD {
                    w.push((s.generation, req, Instant::now()));
                    return;
                }
            }
            state_response(serde_json::to_string(&*s).expect("json"))
        }
        "/__govatlas/live.js" => Response::new(200, LIVE_JS)
            .header("Content-Type", "text/javascript; charset=utf-8")
            .header("Cache-Control", "no-store"),
        _ => serve_file(out, &path, state),
    };
    req.respond(resp);
}

fn serve_file(out: &Path, path: &str, state: &Shared) -> Response {
    let Some(mut file) = resolve(out, path) else {
        return Response::new(400, "bad path");
    };
    if file.is_dir() {
        if !path.ends_with('/') {
            // Relative links need the trailing slash.
            return Response::new(301, "").header("Location", format!("{path}/"));
        }
        file = file.join("index.html");
    }
    let (status, file) = if file.is_file() && inside(out, &file) {
        (200, file)
    } else {
        (404, out.join("404.html"))
    };
    let read = {
        let _publishing = super::PUBLISHING.read().unwrap_or_else(|e| e.into_inner());
        std::fs::read(&file)
    };
    let Ok(bytes) = read else {
        return Response::new(404, "not found (and no 404.html: has the site built yet?)");
    };
    let ctype = content_type(&file);
    let body = if ctype.starts_with("text/html") {
        let version = state.get().version;
        inject(&String::from_utf8_lossy(&bytes), version).into_bytes()
    } else {
        bytes
    };
    Response::new(status, body)
        .header("Content-Type", ctype)
        .header("Cache-Control", "no-store")
}

/// Whether `file` is really inside `out` (no link leads out of it).
fn inside(out: &Path, file: &Path) -> bool {
    match (std::fs::canonicalize(out), std::fs::canonicalize(file)) {
        (Ok(out), Ok(file)) => file.starts_with(out),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_climb_out() {
        let out = Path::new("/srv/out");
        assert_eq!(
            resolve(out, "/en/index.html"),
            Some(out.join("en/index.html"))
        );
        assert_eq!(resolve(out, "/%E8%BB%8A.html"), Some(out.join("車.html")));
        assert_eq!(resolve(out, "/../etc/passwd"), None);
        assert_eq!(resolve(out, "/en/%2e%2e/%2e%2e/x"), None);
    }

    #[test]
    fn the_generation_waited_for_is_read_from_the_query() {
        assert_eq!(wait_param("/__govatlas/state?wait=7"), Some(7));
        assert_eq!(wait_param("/__govatlas/state?x=1&wait=12"), Some(12));
        assert_eq!(wait_param("/__govatlas/state"), None);
        assert_eq!(wait_param("/__govatlas/state?wait="), None);
    }

    #[test]
    fn only_requests_for_this_server_are_answered() {
        let bound: SocketAddr = "127.0.0.1:8123".parse().unwrap();
        for ok in ["127.0.0.1:8123", "localhost:8123", "LocalHost:8123"] {
            assert!(allowed_host(Some(ok), bound), "{ok}");
        }
        for bad in [
            "evil.example:8123",
            "127.0.0.1",
            "127.0.0.1:80",
            "localhost.evil.example:8123",
            "127.0.0.1.nip.io:8123",
            "[::1]:8123",
            "",
        ] {
            assert!(!allowed_host(Some(bad), bound), "{bad}");
        }
        assert!(!allowed_host(None, bound));
    }

    #[test]
    fn script_goes_before_body_end() {
        let html = inject("<html><body><p>x</p></body></html>", 3);
        assert!(html.contains("data-version=\"3\" defer></script>\n</body>"));
    }
}
