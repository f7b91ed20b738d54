//! The development server: static files from the output folder, plus the
//! live-reload script and the build state. Loopback only.
//!
//! Open pages learn of a new build by asking for the state with
//! `?wait=G`, the generation they last saw: the request is held (parked,
//! not holding a worker thread) until the state changes, and answered the
//! moment a build publishes it.

use super::Shared;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tiny_http::{Header, Request, Response, Server};

const LIVE_JS: &str = include_str!("live.js");
const WORKERS: usize = 4;

/// How long a request waiting for a change is held before it is answered
/// with the state as it is (idle requests get dropped along the way).
const HOLD: Duration = Duration::from_secs(25);

/// Requests waiting for the state to pass a generation, since when.
type Waiting = Arc<Mutex<Vec<(u64, Request, Instant)>>>;

/// Starts the server on 127.0.0.1:`port` with a few worker threads and
/// returns the address it listens on.
pub fn start(out: &Path, port: u16, state: Shared) -> Result<SocketAddr, String> {
    let server = Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or("server has no IP address")?;
    let server = Arc::new(server);
    let waiting: Waiting = Arc::default();
    for _ in 0..WORKERS {
        let server = server.clone();
        let state = state.clone();
        let waiting = waiting.clone();
        let out = out.to_path_buf();
        std::thread::spawn(move || {
            while let Ok(req) = server.recv() {
                handle(req, &out, &state, &waiting);
            }
        });
    }
    std::thread::spawn(move || answer_waiting(&state, &waiting));
    Ok(addr)
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
            let _ = req.respond(state_response(body.clone()));
        }
    }
}

fn state_response(body: String) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body)
        .with_header(header("Content-Type", "application/json"))
        .with_header(header("Cache-Control", "no-store"))
}

/// The generation in `?wait=G`, if the URL has one.
fn wait_param(url: &str) -> Option<u64> {
    let query = url.split_once('?')?.1;
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix("wait="))
        .and_then(|g| g.parse().ok())
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
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

fn handle(req: Request, out: &Path, state: &Shared, waiting: &Waiting) {
    let url = req.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/").to_string();
    let no_store = header("Cache-Control", "no-store");
    let resp = match path.as_str() {
        "/__govatlas/state" => {
            let s = state.get();
            if wait_param(&url) == Some(s.generation) {
                // Parked while the state is locked, so that a change
                // cannot slip between the look and the parking.
                let mut w = waiting.lock().unwrap_or_else(|e| e.into_inner());
                w.push((s.generation, req, Instant::now()));
                return;
            }
            state_response(serde_json::to_string(&*s).expect("json"))
        }
        "/__govatlas/live.js" => Response::from_string(LIVE_JS)
            .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
            .with_header(no_store),
        _ => return serve_file(req, out, &path, state),
    };
    let _ = req.respond(resp);
}

fn serve_file(req: Request, out: &Path, path: &str, state: &Shared) {
    let Some(mut file) = resolve(out, path) else {
        let _ = req.respond(Response::from_string("bad path").with_status_code(400));
        return;
    };
    if file.is_dir() {
        if !path.ends_with('/') {
            // Relative links need the trailing slash.
            let _ = req.respond(
                Response::from_string("")
                    .with_status_code(301)
                    .with_header(header("Location", &format!("{path}/"))),
            );
            return;
        }
        file = file.join("index.html");
    }
    let (status, file) = if file.is_file() {
        (200, file)
    } else {
        (404, out.join("404.html"))
    };
    let read = {
        let _publishing = super::PUBLISHING.read().unwrap_or_else(|e| e.into_inner());
        std::fs::read(&file)
    };
    let bytes = match read {
        Ok(b) => b,
        Err(_) => {
            let _ = req.respond(
                Response::from_string("not found (and no 404.html: has the site built yet?)")
                    .with_status_code(404),
            );
            return;
        }
    };
    let ctype = content_type(&file);
    let body = if ctype.starts_with("text/html") {
        let version = state.get().version;
        inject(&String::from_utf8_lossy(&bytes), version).into_bytes()
    } else {
        bytes
    };
    let _ = req.respond(
        Response::from_data(body)
            .with_status_code(status)
            .with_header(header("Content-Type", ctype))
            .with_header(header("Cache-Control", "no-store")),
    );
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
    fn script_goes_before_body_end() {
        let html = inject("<html><body><p>x</p></body></html>", 3);
        assert!(html.contains("data-version=\"3\" defer></script>\n</body>"));
    }
}
