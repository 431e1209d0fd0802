//! One HTTP/1.1 server on 127.0.0.1 for every test that syncs over a network (the engine's,
//! the CLI's and the app's): it serves a folder as a static feed host does (ETag and
//! `If-None-Match`, gzip when asked, 404 for what is not there), logs every request, and misbehaves
//! on demand, one [`Fault`] per request for a path, in the order they were queued.
//!
//! Tests talk only to loopback. Dropping the [`Server`] closes its port, so a client that comes
//! afterwards finds nobody there, as when a feed's host goes away; answers already under way run
//! to their end.

use flate2::Compression;
use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// What the server does with the next request for a path, once.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Answers with this status and no body.
    Status(u16),
    /// A 503 asking to come back after this many seconds.
    BusyFor(u64),
    /// Announces the whole file, sends half, closes.
    Truncate,
    /// Accepts the request and never answers (a captive portal, a broken proxy).
    Silent,
    /// Waits this long, then answers as usual (a slow host, each answer in time on its own).
    Delay(Duration),
    /// Announces the whole file and sends it one byte every `every` (a slow-retrieval attack).
    Drip { every: Duration },
    /// Serves these bytes instead of the file.
    Replace(Vec<u8>),
    /// Sends this many spaces, their length announced.
    Flood(u64),
    /// Sends this many zeros, gzip-compressed as they go (little on the wire, much unpacked).
    GzipFlood(u64),
}

/// What the server saw.
#[derive(Debug, Default, Clone)]
pub struct Log {
    /// Each request's path under the base.
    pub requests: Vec<String>,
    /// Each request's headers, lower-cased.
    pub headers: Vec<Vec<String>>,
    /// Bytes of each whole exchange (request head + response) the server completed.
    pub bytes: Vec<usize>,
}

/// A feed host on 127.0.0.1 serving one folder under [`Server::url`].
#[derive(Debug)]
pub struct Server {
    url: String,
    address: SocketAddr,
    faults: Arc<Mutex<HashMap<String, Vec<Fault>>>>,
    log: Arc<Mutex<Log>>,
    /// Body bytes sent by floods, counted before compression.
    flooded: Arc<AtomicU64>,
    /// Set on drop: the accepting thread then closes the port and ends.
    stopping: Arc<AtomicBool>,
    accepting: Option<JoinHandle<()>>,
    cors: Arc<Mutex<Option<String>>>,
}

#[derive(Clone)]
struct Shared {
    dir: PathBuf,
    base: &'static str,
    faults: Arc<Mutex<HashMap<String, Vec<Fault>>>>,
    log: Arc<Mutex<Log>>,
    flooded: Arc<AtomicU64>,
    /// The one origin allowed to read answers from another origin (CORS), if any.
    cors: Arc<Mutex<Option<String>>>,
}

impl Server {
    /// Serves `dir` at `http://127.0.0.1:PORT/feed/`.
    pub fn start(dir: impl Into<PathBuf>) -> Server {
        Server::start_at(dir, "/feed/")
    }

    /// Serves `dir` under `base` (which starts and ends with `/`).
    pub fn start_at(dir: impl Into<PathBuf>, base: &'static str) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port on loopback");
        let address = listener.local_addr().expect("an address");
        let url = format!("http://{address}{base}");
        let faults: Arc<Mutex<HashMap<String, Vec<Fault>>>> = Arc::default();
        let log: Arc<Mutex<Log>> = Arc::default();
        let flooded: Arc<AtomicU64> = Arc::default();
        let stopping: Arc<AtomicBool> = Arc::default();
        let cors: Arc<Mutex<Option<String>>> = Arc::default();
        let shared = Shared {
            dir: dir.into(),
            base,
            faults: faults.clone(),
            log: log.clone(),
            flooded: flooded.clone(),
            cors: cors.clone(),
        };
        let stop = stopping.clone();
        let accepting = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if stop.load(Ordering::Relaxed) {
                    // Returning drops the listener: the port is closed.
                    return;
                }
                let shared = shared.clone();
                std::thread::spawn(move || serve(stream, &shared));
            }
        });
        Server {
            url,
            address,
            faults,
            log,
            flooded,
            stopping,
            accepting: Some(accepting),
            cors,
        }
    }

    /// Lets pages of `origin` (`http://127.0.0.1:PORT`) read this server's answers, as a feed
    /// host must let the web app: CORS headers on every answer (the ETag exposed) and an answer
    /// to the preflight that a conditional request (`If-None-Match`) brings.
    pub fn allow_origin(&self, origin: &str) {
        *self.cors.lock().expect("the origin") = Some(origin.to_owned());
    }

    /// The base URL of the feed: `http://127.0.0.1:PORT/feed/` (or the base given to
    /// [`Server::start_at`]).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The port the server listens on, for a test that looks for it in what a client did.
    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// The next request for `path` (relative to the base) meets `fault`, once.
    pub fn fail(&self, path: &str, fault: Fault) {
        self.faults
            .lock()
            .expect("the faults")
            .entry(path.to_owned())
            .or_default()
            .push(fault);
    }

    /// Forgets the faults still queued (those whose request never came): every path is
    /// answered as usual from now on.
    pub fn clear_faults(&self) {
        self.faults.lock().expect("the faults").clear();
    }

    /// Everything the server has seen so far.
    pub fn log(&self) -> Log {
        self.log.lock().expect("the log").clone()
    }

    /// Bytes sent by floods so far, counted before compression.
    pub fn flooded(&self) -> u64 {
        self.flooded.load(Ordering::Relaxed)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::Relaxed);
        // The accepting thread waits in `accept`: a connection wakes it to see the flag.
        let _ = TcpStream::connect(self.address);
        // Once joined the port is closed, so the test's next step meets a host that is gone.
        if let Some(accepting) = self.accepting.take() {
            let _ = accepting.join();
        }
    }
}

/// The ETag the server gives a body: the start of its sha256, quoted.
pub fn etag_of(body: &[u8]) -> String {
    let hex: String = Sha256::digest(body)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("\"{hex}\"")
}

/// Each connection serves one request and says so, so a client never reuses one the server
/// is closing.
const CLOSE: &str = "Connection: close\r\n";

fn serve(mut stream: TcpStream, shared: &Shared) {
    let Ok(clone) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(clone);
    let mut head = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        if line == "\r\n" {
            break;
        }
        head.push(line);
    }
    let request_bytes: usize = head.iter().map(String::len).sum::<usize>() + 2;
    let method = head[0].split(' ').next().unwrap_or("GET").to_owned();
    let target = head[0].split(' ').nth(1).unwrap_or("/");
    // The query is not part of the file's name.
    let target = target.split('?').next().unwrap_or(target);
    let path = target
        .strip_prefix(shared.base)
        .unwrap_or(target)
        .to_owned();
    let cors = shared
        .cors
        .lock()
        .expect("the origin")
        .as_ref()
        .map(|origin| {
            format!(
                "Access-Control-Allow-Origin: {origin}\r\n\
                 Access-Control-Expose-Headers: ETag, Retry-After\r\nVary: Origin\r\n"
            )
        });
    let header = |name: &str| {
        head[1..].iter().find_map(|h| {
            let (k, v) = h.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    };
    let if_none_match = header("if-none-match");
    let gzip = header("accept-encoding").is_some_and(|v| v.contains("gzip"));
    {
        let mut log = shared.log.lock().expect("the log");
        log.requests.push(path.clone());
        log.headers.push(
            head[1..]
                .iter()
                .map(|h| h.trim().to_ascii_lowercase())
                .collect(),
        );
    }
    let fault = shared
        .faults
        .lock()
        .expect("the faults")
        .get_mut(&path)
        .and_then(|queued| (!queued.is_empty()).then(|| queued.remove(0)));
    let fault = match fault {
        Some(Fault::Delay(wait)) => {
            std::thread::sleep(wait);
            None
        }
        other => other,
    };
    // Read once the delay is over: the file as it is when the answer goes out. A folder's
    // index.html stands for it, and no path leaves the folder.
    let file = match path.is_empty() || path.ends_with('/') {
        true => format!("{path}index.html"),
        false => path.clone(),
    };
    let inside = !file.split('/').any(|part| part == "..");
    let mut body = inside
        .then(|| std::fs::read(shared.dir.join(&file)).ok())
        .flatten();
    if method == "OPTIONS" {
        body = None;
    }
    let response: Vec<u8> = match fault {
        Some(Fault::Silent) => {
            // Holds the connection open, answering nothing, until the client gives up.
            let _ = reader.read(&mut [0; 1]);
            return;
        }
        Some(Fault::Drip { every }) => {
            let body = body.unwrap_or_default();
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n",
                body.len()
            );
            for byte in body {
                if stream
                    .write_all(&[byte])
                    .and_then(|()| stream.flush())
                    .is_err()
                {
                    return;
                }
                std::thread::sleep(every);
            }
            return;
        }
        Some(Fault::Flood(bytes)) => return flood(stream, bytes, false, &shared.flooded),
        Some(Fault::GzipFlood(bytes)) => return flood(stream, bytes, true, &shared.flooded),
        Some(Fault::BusyFor(seconds)) => format!(
            "HTTP/1.1 503 Busy\r\nRetry-After: {seconds}\r\nContent-Length: 0\r\n{CLOSE}\r\n"
        )
        .into_bytes(),
        Some(Fault::Status(code)) => {
            format!("HTTP/1.1 {code} Trouble\r\nContent-Length: 0\r\n{CLOSE}\r\n").into_bytes()
        }
        Some(Fault::Truncate) => {
            let body = body.unwrap_or_default();
            let mut r = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n{CLOSE}\r\n",
                body.len()
            )
            .into_bytes();
            r.extend(&body[..body.len() / 2]);
            r
        }
        other => {
            if let Some(Fault::Replace(bytes)) = other {
                body = Some(bytes);
            }
            match body {
                // The preflight a browser sends before a conditional request from another origin.
                None if method == "OPTIONS" && cors.is_some() => {
                    let cors = cors.as_deref().unwrap_or("");
                    format!(
                        "HTTP/1.1 204 No Content\r\n{cors}Access-Control-Allow-Methods: GET\r\n\
                         Access-Control-Allow-Headers: If-None-Match\r\n\
                         Access-Control-Max-Age: 600\r\n{CLOSE}\r\n"
                    )
                    .into_bytes()
                }
                None => format!("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n{CLOSE}\r\n")
                    .into_bytes(),
                Some(body) => {
                    let cors = cors.as_deref().unwrap_or("");
                    let headers = format!("{}{cors}", content_type(&file));
                    ok(&body, if_none_match.as_deref(), gzip, &headers)
                }
            }
        }
    };
    shared
        .log
        .lock()
        .expect("the log")
        .bytes
        .push(request_bytes + response.len());
    let _ = stream.write_all(&response);
    let _ = stream.flush();
    // Drain so the client sees a clean close.
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = reader.read(&mut [0; 16]);
}

/// A 200 with an ETag (or a 304 when the client already has it), gzipped when asked for.
/// The Content-Type of a file by its extension: a browser runs a module script or streams a
/// wasm module only with the right one.
fn content_type(file: &str) -> &'static str {
    match file.rsplit('.').next().unwrap_or("") {
        "html" => "Content-Type: text/html; charset=utf-8\r\n",
        "js" | "mjs" => "Content-Type: text/javascript; charset=utf-8\r\n",
        "wasm" => "Content-Type: application/wasm\r\n",
        "css" => "Content-Type: text/css; charset=utf-8\r\n",
        "json" => "Content-Type: application/json\r\n",
        "webmanifest" => "Content-Type: application/manifest+json\r\n",
        "svg" => "Content-Type: image/svg+xml\r\n",
        "png" => "Content-Type: image/png\r\n",
        "minisig" | "txt" => "Content-Type: text/plain; charset=utf-8\r\n",
        _ => "Content-Type: application/octet-stream\r\n",
    }
}

/// A 200 with an ETag (or a 304 when the client already has it), gzipped when asked for, with
/// `headers` (each line ending in CRLF) added.
fn ok(body: &[u8], if_none_match: Option<&str>, gzip: bool, headers: &str) -> Vec<u8> {
    let etag = etag_of(body);
    if if_none_match == Some(etag.as_str()) {
        return format!("HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\n{headers}{CLOSE}\r\n")
            .into_bytes();
    }
    let (body, encoding) = if gzip {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        let _ = e.write_all(body);
        (e.finish().unwrap_or_default(), "Content-Encoding: gzip\r\n")
    } else {
        (body.to_vec(), "")
    };
    let mut r = format!(
        "HTTP/1.1 200 OK\r\nETag: {etag}\r\n{headers}{encoding}Content-Length: {}\r\n{CLOSE}\r\n",
        body.len()
    )
    .into_bytes();
    r.extend(body);
    r
}

fn flood(mut stream: TcpStream, bytes: u64, gzip: bool, sent: &AtomicU64) {
    let chunk = vec![if gzip { 0 } else { b' ' }; 64 * 1024];
    let chunks = bytes / chunk.len() as u64;
    if gzip {
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n"
        );
        let mut encoder = GzEncoder::new(&mut stream, Compression::best());
        for _ in 0..chunks {
            if encoder.write_all(&chunk).is_err() {
                return;
            }
            sent.fetch_add(chunk.len() as u64, Ordering::Relaxed);
        }
        let _ = encoder.finish();
    } else {
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n"
        );
        for _ in 0..chunks {
            if stream.write_all(&chunk).is_err() {
                return;
            }
            sent.fetch_add(chunk.len() as u64, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The end-to-end tests drop the server to show the app a host that went away.
    #[test]
    fn a_dropped_server_closes_its_port() {
        let server = Server::start(std::env::temp_dir());
        let address = server.address;
        assert!(TcpStream::connect(address).is_ok(), "listening while kept");
        drop(server);
        assert!(TcpStream::connect(address).is_err(), "closed once dropped");
    }
}
