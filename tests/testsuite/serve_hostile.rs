//! `govatlas serve` under hostile clients and hostile files: half-open
//! connections (slowloris) cannot hold back an ordinary request, a slow
//! request head is cut off, requests addressed to another host name (DNS
//! rebinding) get nothing of the site, and a FIFO appearing in content/
//! does not stop the rebuilds. Bounds are generous: these are functional
//! tests, not timings.

use crate::common::{copy_dir, fixture};
use crate::reader::Server;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// A served copy of the basic fixture.
fn serve() -> (tempfile::TempDir, Server) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&fixture("basic"), &root);
    let server = Server::start(&root, &dir.path().join("out"));
    (dir, server)
}

/// Sends `request` on a new connection; (status, body), or None when the
/// server closed the connection without an answer.
fn raw(addr: &str, request: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.get(9..12)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n").map(|x| x.1.to_string())?;
    Some((status, body))
}

fn get(addr: &str, path: &str, host: &str) -> Option<(u16, String)> {
    raw(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
}

/// Opens a connection that sends nothing (`n` even: the kind that held
/// back every later request before) or half a request head, and then
/// nothing more.
fn half_open(addr: &str, n: usize) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    if n % 2 == 1 {
        s.write_all(format!("GET / HTTP/1.1\r\nHost: {addr}\r\nX-Slow: ").as_bytes())
            .unwrap();
    }
    s
}

/// Whether the server has closed `s` (a read ends) within `within`.
fn closed_within(s: &mut TcpStream, within: Duration) -> bool {
    s.set_read_timeout(Some(within)).unwrap();
    let mut b = [0u8; 64];
    match s.read(&mut b) {
        // The end of the stream, or whatever the server said last.
        Ok(_n) => true,
        Err(e) => !matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
    }
}

#[test]
fn half_open_connections_do_not_hold_back_an_ordinary_request() {
    let (_dir, server) = serve();
    let addr = server.addr.clone();
    let started = Instant::now();
    let mut first = half_open(&addr, 0);
    let mut slow: Vec<TcpStream> = (1..50).map(|n| half_open(&addr, n)).collect();
    // 50 half-open connections: an ordinary request is answered at once.
    let t = Instant::now();
    let (status, body) = get(&addr, "/en/index.html", &addr).expect("an answer");
    assert_eq!(status, 200);
    assert!(body.contains("</html>"));
    assert!(
        t.elapsed() < Duration::from_secs(3),
        "took {:?}",
        t.elapsed()
    );
    // 100 more, past the limit per client: the oldest are closed to let
    // new requests in, and requests are still answered.
    slow.extend((0..100).map(|n| half_open(&addr, n)));
    let t = Instant::now();
    assert_eq!(get(&addr, "/en/index.html", &addr).map(|r| r.0), Some(200));
    assert!(
        t.elapsed() < Duration::from_secs(3),
        "took {:?}",
        t.elapsed()
    );
    // The oldest were closed to make room.
    let left = Duration::from_secs(30).saturating_sub(started.elapsed());
    assert!(
        closed_within(&mut first, left),
        "the oldest half-open connection stayed open"
    );
    drop(slow);
}

#[test]
fn a_request_head_not_sent_in_time_is_cut_off() {
    let (_dir, server) = serve();
    let mut slow = half_open(&server.addr, 1);
    let t = Instant::now();
    // Open a while (the deadline is 10 s), then closed.
    assert!(
        !closed_within(&mut slow, Duration::from_secs(2)),
        "closed at once"
    );
    assert!(
        closed_within(&mut slow, Duration::from_secs(30)),
        "never closed"
    );
    assert!(t.elapsed() < Duration::from_secs(30));
}

#[test]
fn requests_for_another_host_get_nothing_of_the_site() {
    let (_dir, server) = serve();
    let addr = server.addr.clone();
    let port = addr.rsplit_once(':').unwrap().1.to_string();
    // What a rebinding page would send: its own name, this port.
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        "127.0.0.1".to_string(),
    ] {
        for path in ["/en/index.html", "/__govatlas/state", "/data/cases.json"] {
            let (status, body) = get(&addr, path, &host).expect("an answer");
            assert_eq!(status, 421, "{host} {path}");
            assert!(
                body.contains("local preview") && !body.contains("<html"),
                "{body}"
            );
        }
    }
    // No Host header at all.
    let (status, _) = raw(&addr, "GET /en/index.html HTTP/1.0\r\n\r\n").unwrap();
    assert_eq!(status, 400);
    // The names it answers to.
    for host in [addr.clone(), format!("localhost:{port}")] {
        assert_eq!(
            get(&addr, "/en/index.html", &host).unwrap().0,
            200,
            "{host}"
        );
    }
    // A head too large, and a malformed one, get an answer and a close.
    let big = format!(
        "GET / HTTP/1.1\r\nHost: {addr}\r\nX: {}\r\n\r\n",
        "a".repeat(20_000)
    );
    assert_eq!(raw(&addr, &big).map(|r| r.0), Some(431));
    assert_eq!(
        raw(&addr, "\u{1}\u{2} nonsense\r\n\r\n").map(|r| r.0),
        Some(400)
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_content_is_reported_and_rebuilds_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&fixture("basic"), &root);
    let server = Server::start(&root, &dir.path().join("out"));
    let fifo = root.join("content/jurisdictions/x.yaml");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let state = server.wait_for("the FIFO reported", |s| {
        s["errors"].as_array().is_some_and(|e| !e.is_empty())
    });
    let error = &state["errors"][0];
    assert_eq!(error["file"], "content/jurisdictions/x.yaml", "{state}");
    assert!(
        error["message"].as_str().unwrap().contains("FIFO"),
        "{state}"
    );
    // Gone again, and an edit: the watcher still rebuilds.
    std::fs::remove_file(&fifo).unwrap();
    let file = root.join("content/jurisdictions/tw.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("Taiwan", "Taiwan (ROC)")).unwrap();
    server.wait_for("a clean rebuild", |s| {
        s["errors"].as_array().is_some_and(|e| e.is_empty()) && s["version"].as_u64() > Some(1)
    });
    assert!(server
        .get("/en/jurisdictions/tw.html")
        .1
        .contains("Taiwan (ROC)"));
}
