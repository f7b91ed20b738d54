//! The development server: static files from the output folder, plus the
//! live-reload script and the build state. Loopback only.

use super::Shared;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use tiny_http::{Header, Request, Response, Server};

const LIVE_JS: &str = include_str!("live.js");
const WORKERS: usize = 4;

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
    for _ in 0..WORKERS {
        let server = server.clone();
        let state = state.clone();
        let out = out.to_path_buf();
        std::thread::spawn(move || {
            while let Ok(req) = server.recv() {
                handle(req, &out, &state);
            }
        });
    }
    Ok(addr)
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

fn handle(req: Request, out: &Path, state: &Shared) {
    let url = req.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/").to_string();
    let no_store = header("Cache-Control", "no-store");
    let resp = match path.as_str() {
        "/__govatlas/state" => {
            let body = serde_json::to_string(&*state.lock().expect("state")).expect("json");
            Response::from_string(body)
                .with_header(header("Content-Type", "application/json"))
                .with_header(no_store)
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
        let version = state.lock().expect("state").version;
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
    fn script_goes_before_body_end() {
        let html = inject("<html><body><p>x</p></body></html>", 3);
        assert!(html.contains("data-version=\"3\" defer></script>\n</body>"));
    }
}
