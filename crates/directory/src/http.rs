//! A feed served over HTTP(S): conditional GET, gzip, timeouts and an overall deadline, size
//! caps on decompressed bytes, and polite retries.
//!
//! Every device asks the same question: no cookies, no identifiers, no query strings, the same
//! user agent for everyone. What a request may reveal is that somebody fetched the feed.

use crate::sync::{Fetched, Source, too_large};
use crate::{Error, Result};
use reqwest::StatusCode;
use reqwest::blocking::Client;
use reqwest::header::{ETAG, IF_NONE_MATCH, RETRY_AFTER};
use std::hash::{BuildHasher, Hasher};
use std::io::Read;
use std::time::{Duration, Instant};

/// The same for every device and every version: it identifies nobody.
const USER_AGENT: &str = "Bussola";

/// How patient a sync is.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub connect_timeout: Duration,
    /// Per request, body included.
    pub request_timeout: Duration,
    /// For the whole sync: every file and every retry.
    pub deadline: Duration,
    pub retries: u32,
    pub first_backoff: Duration,
    pub max_backoff: Duration,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(120),
            deadline: Duration::from_secs(600),
            retries: 4,
            first_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(60),
        }
    }
}

/// A feed at an http(s) base URL.
#[derive(Debug)]
pub struct HttpSource {
    base: String,
    client: Client,
    options: HttpOptions,
    started: Instant,
}

impl HttpSource {
    /// `url` is the feed's base (or its `manifest.json`).
    pub fn new(url: &str, options: HttpOptions) -> Result<HttpSource> {
        let url = url.trim();
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(Error::Fetch(format!(
                "\"{url}\" is not an http or https address"
            )));
        }
        let base = url.strip_suffix(crate::sync::MANIFEST).unwrap_or(url);
        let base = if base.ends_with('/') {
            base.to_owned()
        } else {
            format!("{base}/")
        };
        let client = Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(options.connect_timeout)
            .gzip(true)
            .referer(false)
            .build()
            .map_err(|e| Error::Fetch(format!("cannot start the HTTP client: {e}")))?;
        Ok(HttpSource {
            base,
            client,
            options,
            started: Instant::now(),
        })
    }

    fn remaining(&self) -> Option<Duration> {
        self.options
            .deadline
            .checked_sub(self.started.elapsed())
            .filter(|d| !d.is_zero())
    }

    fn deadline_passed(&self) -> Error {
        Error::Fetch(format!(
            "no complete answer from {} within {} s",
            self.base,
            self.options.deadline.as_secs()
        ))
    }

    /// One attempt: `Ok(Err(wait))` asks for a retry after `wait` (or the backoff).
    fn attempt(
        &self,
        url: &str,
        etag: Option<&str>,
        cap: u64,
        remaining: Duration,
    ) -> Result<std::result::Result<Fetched, (String, Option<Duration>)>> {
        let mut request = self
            .client
            .get(url)
            .timeout(self.options.request_timeout.min(remaining));
        if let Some(etag) = etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        let response = match request.send() {
            Ok(r) => r,
            Err(e) => return Ok(Err((describe(&e), None))),
        };
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED && etag.is_some() {
            return Ok(Ok(Fetched::NotModified));
        }
        if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
            let wait = response
                .headers()
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            return Ok(Err((format!("{url} answered {status}"), wait)));
        }
        if !status.is_success() {
            return Err(Error::Fetch(format!("{url} answered {status}")));
        }
        let new_etag = response
            .headers()
            .get(ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        // Counted after gzip is undone: a small compressed answer cannot grow past the cap.
        let mut bytes = Vec::new();
        match response.take(cap + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > cap => Err(too_large(url, cap)),
            Ok(_) => Ok(Ok(Fetched::Body {
                bytes,
                etag: new_etag,
            })),
            Err(e) => Ok(Err((format!("{url}: the answer broke off ({e})"), None))),
        }
    }
}

impl Source for HttpSource {
    fn name(&self) -> String {
        self.base.clone()
    }

    fn fetch(&mut self, path: &str, etag: Option<&str>, cap: u64) -> Result<Fetched> {
        let url = format!("{}{path}", self.base);
        let mut backoff = self.options.first_backoff;
        let mut last = String::new();
        for attempt in 0..=self.options.retries {
            let Some(remaining) = self.remaining() else {
                return Err(self.deadline_passed());
            };
            match self.attempt(&url, etag, cap, remaining)? {
                Ok(fetched) => return Ok(fetched),
                Err((why, asked)) => {
                    last = why;
                    if attempt == self.options.retries {
                        break;
                    }
                    // The server's Retry-After, or exponential backoff with jitter (so that
                    // devices that failed together do not come back together).
                    let wait =
                        asked.unwrap_or_else(|| jitter(backoff).min(self.options.max_backoff));
                    backoff = (backoff * 2).min(self.options.max_backoff);
                    match self.remaining() {
                        Some(left) if left > wait => std::thread::sleep(wait),
                        _ => return Err(self.deadline_passed()),
                    }
                }
            }
        }
        Err(Error::Fetch(format!(
            "{last} (after {} attempts)",
            self.options.retries + 1
        )))
    }
}

/// Between half and one and a half times `d`.
fn jitter(d: Duration) -> Duration {
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    d.mul_f64(0.5 + (random % 1000) as f64 / 1000.0)
}

fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        format!("no answer in time from {}", url_of(e))
    } else if e.is_connect() {
        format!("cannot connect to {}", url_of(e))
    } else {
        e.to_string()
    }
}

fn url_of(e: &reqwest::Error) -> String {
    e.url()
        .map_or_else(|| "the server".into(), |u| u.to_string())
}
