//! A feed served over HTTP(S): conditional GET, gzip, size caps on decompressed bytes, and time
//! limits so a person waiting on "update now" hears within a minute and a half that nothing
//! answers.
//!
//! A request that gets no answer gives up after [`HttpOptions::request_timeout`], and the
//! whole sync at [`HttpOptions::deadline`]. A file the signed manifest names may take longer by
//! the feed core's [`Request::allowance`], so a large snapshot still arrives over a slow phone
//! line; a body that drips in slower than that is cut and said to be too slow (TUF's
//! slow-retrieval attack). A failed sync is not retried here: the app's schedule tries again
//! later.
//!
//! Every device asks the same question: no cookies, no identifiers, no query strings, the same
//! user agent for everyone. What a request may reveal is that somebody fetched the feed.

use super::{Source, too_large};
use crate::Result;
use bussola_feed::session::{Answer, Request};
use bussola_feed::{FeedError, Kind};
use reqwest::StatusCode;
use reqwest::blocking::Client;
use reqwest::header::{ETAG, IF_NONE_MATCH, RETRY_AFTER};
use std::io::Read;
use std::time::{Duration, Instant};

/// The same for every device and every version: it identifies nobody.
const USER_AGENT: &str = "Bussola";

/// How patient a sync is.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub connect_timeout: Duration,
    /// Per request, from connecting to the body's last byte.
    pub request_timeout: Duration,
    /// For the whole sync: every file.
    pub deadline: Duration,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            connect_timeout: Duration::from_secs(10),
            request_timeout: bussola_feed::session::REQUEST_TIMEOUT,
            deadline: bussola_feed::session::SYNC_DEADLINE,
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
    /// The time the files fetched so far added to the sync's deadline.
    allowed: Duration,
}

impl HttpSource {
    /// `url` is the feed's base (or its `manifest.json`).
    pub fn new(url: &str, options: HttpOptions) -> Result<HttpSource> {
        let url = url.trim();
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(unreachable(format!("\"{url}\" is not an http or https address")).into());
        }
        let base = super::feed_base(url);
        let client = Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(options.connect_timeout)
            .gzip(true)
            .referer(false)
            // A new connection for each file: a sync fetches three at most, and a host that
            // closes idle connections can then never fail one (a sync is not retried on the
            // spot).
            .pool_max_idle_per_host(0)
            .build()
            .map_err(|e| unreachable(format!("cannot start the HTTP client: {e}")))?;
        Ok(HttpSource {
            base,
            client,
            options,
            started: Instant::now(),
            allowed: Duration::ZERO,
        })
    }
}

fn unreachable(message: String) -> FeedError {
    FeedError::new(Kind::Unreachable, message)
}

impl Source for HttpSource {
    fn name(&self) -> String {
        self.base.clone()
    }

    fn fetch(&mut self, request: &Request) -> Result<Answer, FeedError> {
        let url = format!("{}{}", self.base, request.path);
        let allowance = request.allowance();
        self.allowed += allowance;
        let Some(remaining) = (self.options.deadline + self.allowed)
            .checked_sub(self.started.elapsed())
            .filter(|d| !d.is_zero())
        else {
            return Err(unreachable(format!(
                "no complete answer from {} within the {} s a sync may take",
                self.base,
                (self.options.deadline + self.allowed).as_secs()
            )));
        };
        let patience = self.options.request_timeout + allowance;
        let timeout = patience.min(remaining);
        let bounded_by_deadline = timeout < patience;
        let deadline = self.options.deadline + self.allowed;
        let within = move || match bounded_by_deadline {
            true => format!("within the {} s a sync may take", deadline.as_secs()),
            false => format!("within {} s", timeout.as_secs()),
        };
        let mut get = self.client.get(&url).timeout(timeout);
        if let Some(etag) = &request.etag {
            get = get.header(IF_NONE_MATCH, etag);
        }
        let response = get.send().map_err(|e| {
            unreachable(if e.is_timeout() {
                format!("no answer from {url} {}", within())
            } else if e.is_connect() {
                format!("cannot connect to {url}")
            } else {
                format!("{url}: {e}")
            })
        })?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED && request.etag.is_some() {
            return Ok(Answer::NotModified);
        }
        if !status.is_success() {
            let mut error = unreachable(format!("{url} answered {status}"));
            // Not retried here: the app's schedule waits at least this long before its next try.
            error.retry_after = response
                .headers()
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse().ok());
            return Err(error);
        }
        let etag = response
            .headers()
            .get(ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        // Counted after gzip is undone: a small compressed answer cannot grow past the cap.
        let cap = request.cap;
        let mut bytes = Vec::new();
        match response.take(cap + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > cap => Err(too_large(&url, cap)),
            Ok(_) => Ok(Answer::Body { bytes, etag }),
            Err(e) if is_timeout(&e) => Err(FeedError::new(
                Kind::TooSlow,
                format!(
                    "{url} came too slowly to finish {} ({} bytes had arrived); cut",
                    within(),
                    bytes.len()
                ),
            )),
            Err(e) => Err(unreachable(format!("{url}: the answer broke off ({e})"))),
        }
    }
}

/// Whether a body read failed on the request's timeout (reqwest wraps its own error in
/// `io::Error`).
fn is_timeout(e: &std::io::Error) -> bool {
    if e.kind() == std::io::ErrorKind::TimedOut {
        return true;
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = e.get_ref().map(|e| e as _);
    while let Some(s) = source {
        if s.downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_timeout)
        {
            return true;
        }
        source = s.source();
    }
    false
}
