//! Connections of the preview server: accepting them, reading one request
//! head within a deadline, and writing one response; nothing else.
//!
//! `serve` is a local preview, but any program on the machine, and any
//! web page in its browser, can open connections to it. So:
//!
//! * the request head must arrive within [`HEAD_DEADLINE`] and fit in
//!   [`MAX_HEAD`] bytes, or the connection is closed;
//! * each client address may have [`MAX_PER_CLIENT`] connections waiting
//!   for their request head; one more closes the one that has waited
//!   longest (a slow client loses its oldest half-open connection, a new
//!   request gets in), and there are at most [`MAX_CONNECTIONS`] in all;
//! * a response that the client does not read for [`WRITE_TIMEOUT`] is
//!   abandoned;
//! * every response closes the connection (no keep-alive to hold open).
//!
//! tiny_http, used before, has none of these (no timeouts, a thread per
//! connection without limit, and no hook between accepting and parsing):
//! 50 half-open connections held an ordinary request back for seconds.
//! A full HTTP stack (hyper) would need an async runtime for a preview
//! server; the request head is parsed by `httparse`, hyper's parser.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Time a client has to send its request head.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// Largest request head read.
pub const MAX_HEAD: usize = 16 * 1024;
/// Connections of one client address still sending their request head.
pub const MAX_PER_CLIENT: usize = 64;
/// Connections open at once, in all (parked requests not counted).
pub const MAX_CONNECTIONS: usize = 512;
/// Time a client has to take a response.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// One request head, with the connection to answer it on.
pub struct Request {
    stream: TcpStream,
    /// `GET`, `HEAD`, …
    pub method: String,
    /// The request target as sent (`/en/index.html?x=1`).
    pub url: String,
    /// The `Host` header, if sent.
    pub host: Option<String>,
}

/// A response: status, headers and body.
pub struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    /// A response with `body` and no headers yet.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

impl Request {
    /// Writes `r` and closes the connection. A client that does not read
    /// it within [`WRITE_TIMEOUT`] is given up on.
    pub fn respond(self, r: Response) {
        let head_only = self.method == "HEAD";
        respond_on(self.stream, r, head_only);
    }
}

fn respond_on(mut stream: TcpStream, r: Response, head_only: bool) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        r.status,
        reason(r.status),
        r.body.len()
    );
    for (name, value) in &r.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    if !head_only {
        let _ = stream.write_all(&r.body);
    }
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Write);
}

/// Connections still sending their request head, by client address: when
/// each started, and a handle to close it.
#[derive(Default)]
struct Waiting {
    by_client: HashMap<IpAddr, Vec<(u64, Instant, TcpStream)>>,
    open: usize,
    next: u64,
}

/// Listens on `addr` and calls `handle` for each request, on the
/// connection's own thread; returns the address listened on.
pub fn listen(
    addr: SocketAddr,
    handle: Arc<dyn Fn(Request) + Send + Sync>,
) -> io::Result<SocketAddr> {
    let listener = TcpListener::bind(addr)?;
    let local = listener.local_addr()?;
    let waiting: Arc<Mutex<Waiting>> = Arc::default();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let Some((id, client)) = admit(&waiting, &stream) else {
                respond_on(stream, Response::new(503, "too many connections"), false);
                continue;
            };
            let (mine, handle) = (waiting.clone(), handle.clone());
            let spawned = std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || {
                    let waiting = mine;
                    let head = read_head(&stream);
                    done_waiting(&waiting, client, id);
                    match head {
                        Ok(Some(head)) => handle(Request {
                            stream,
                            method: head.method,
                            url: head.url,
                            host: head.host,
                        }),
                        Ok(None) => {}
                        Err(r) => respond_on(stream, r, false),
                    }
                    waiting.lock().unwrap_or_else(|e| e.into_inner()).open -= 1;
                });
            if spawned.is_err() {
                let mut w = waiting.lock().unwrap_or_else(|e| e.into_inner());
                w.open -= 1;
            }
        }
    });
    Ok(local)
}

/// Counts a new connection in, closing the client's longest-waiting
/// half-open one if it has too many; None when the server is full.
fn admit(waiting: &Mutex<Waiting>, stream: &TcpStream) -> Option<(u64, IpAddr)> {
    let client = stream.peer_addr().ok()?.ip();
    let mut w = waiting.lock().unwrap_or_else(|e| e.into_inner());
    if w.open >= MAX_CONNECTIONS {
        return None;
    }
    let id = w.next;
    w.next += 1;
    w.open += 1;
    let mine = w.by_client.entry(client).or_default();
    if mine.len() >= MAX_PER_CLIENT {
        // The oldest is first: closing it ends its read at once.
        let (_, _, oldest) = mine.remove(0);
        let _ = oldest.shutdown(Shutdown::Both);
    }
    let handle = stream.try_clone().ok()?;
    mine.push((id, Instant::now(), handle));
    Some((id, client))
}

fn done_waiting(waiting: &Mutex<Waiting>, client: IpAddr, id: u64) {
    let mut w = waiting.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(list) = w.by_client.get_mut(&client) {
        list.retain(|(i, _, _)| *i != id);
        if list.is_empty() {
            w.by_client.remove(&client);
        }
    }
}

/// What a request head says.
struct Head {
    method: String,
    url: String,
    host: Option<String>,
}

/// Reads and parses the request head: Ok(None) when the client went away
/// or was too slow, Err with the answer for a malformed head.
fn read_head(stream: &TcpStream) -> Result<Option<Head>, Response> {
    let started = Instant::now();
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    let mut reader = stream;
    loop {
        let left = HEAD_DEADLINE.saturating_sub(started.elapsed());
        if left.is_zero() || reader.set_read_timeout(Some(left)).is_err() {
            return Ok(None);
        }
        match reader.read(&mut chunk) {
            Ok(0) | Err(_) => return Ok(None),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
        let mut headers = [httparse::EMPTY_HEADER; 64];
        let mut req = httparse::Request::new(&mut headers);
        match req.parse(&buf) {
            Ok(httparse::Status::Complete(_)) => {
                let host = req
                    .headers
                    .iter()
                    .find(|h| h.name.eq_ignore_ascii_case("host"))
                    .and_then(|h| std::str::from_utf8(h.value).ok())
                    .map(|h| h.trim().to_string());
                return Ok(Some(Head {
                    method: req.method.unwrap_or("").to_string(),
                    url: req.path.unwrap_or("/").to_string(),
                    host,
                }));
            }
            Ok(httparse::Status::Partial) if buf.len() <= MAX_HEAD => {}
            Ok(httparse::Status::Partial) | Err(httparse::Error::TooManyHeaders) => {
                return Err(Response::new(431, "request head too large"));
            }
            Err(_) => return Err(Response::new(400, "malformed request")),
        }
    }
}
