//! Sync in the browser: the feed core's session driven through `fetch`, with the same trust
//! rules, limits and failure kinds as the desktop's HTTP driver. A request with no answer is
//! aborted after 30 s and the whole sync stops after 90 s; a file the signed manifest names
//! may take longer by its size at the desktop's minimum rate, and a body slower than that is
//! cut. A body is read chunk by chunk and cut at the size the session allows, so a flood never
//! fills the worker's memory. No cookies, no credentials, no referrer, no cache: every device
//! asks the same question.

use bussola_feed::session::{self, Answer, Request, Session, Step, Trust};
use bussola_feed::{FeedError, Kind};
use directory::sync::{Outcome, Progress};
use directory::{Result, Store};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, DedicatedWorkerGlobalScope, ReadableStreamDefaultReader, RequestCache,
    RequestCredentials, RequestInit, Response,
};

/// Per request, from asking to the body's last byte, and for the whole sync: the feed core's
/// limits, as the desktop's driver has them.
const REQUEST_MS: f64 = session::REQUEST_TIMEOUT.as_millis() as f64;
const DEADLINE_MS: f64 = session::SYNC_DEADLINE.as_millis() as f64;

/// Syncs the feed at `base` (a URL), as `directory::sync::sync` does on the desktop: the feed
/// core checks, the store applies, a failure is recorded with its kind and changes nothing.
pub async fn sync_source(
    store: &RefCell<Store>,
    base: &str,
    trust: &Trust,
    progress: &dyn Fn(Progress),
) -> Result<Outcome> {
    let base = directory::sync::feed_base(base);
    let now = directory::now();
    let result = plan_and_apply(store, &base, trust, progress).await;
    if let Err(error) = &result {
        // The sync's own error is what the person must hear.
        let _ = store.borrow_mut().record_failure(&base, error, now);
    }
    result
}

async fn plan_and_apply(
    store: &RefCell<Store>,
    base: &str,
    trust: &Trust,
    progress: &dyn Fn(Progress),
) -> Result<Outcome> {
    let now = directory::now();
    let started = js_sys::Date::now();
    let mut deadline = DEADLINE_MS;
    progress(Progress::Checking);
    let device = store.borrow().device(base)?;
    let (mut session, mut request) = Session::start(device, trust.clone(), now);
    let mut files = Vec::new();
    loop {
        directory::sync::announce(&request, &mut |p| progress(p));
        let allowance = request.allowance().as_millis() as f64;
        deadline += allowance;
        let remaining = deadline - (js_sys::Date::now() - started);
        let answer = fetch(base, &request, REQUEST_MS + allowance, remaining, deadline)
            .await
            .map_err(|e| request.refine(e))?;
        // The signed files as they came, kept with the version they bring (to pass it on).
        if let Answer::Body { bytes, .. } = &answer {
            files.push((request.path.clone(), bytes.clone()));
        }
        match session.answer(answer)? {
            Step::Fetch(next) => request = next,
            Step::Done(plan) => {
                return store
                    .borrow_mut()
                    .apply(base, plan, files, now, &mut |p| progress(p));
            }
        }
    }
}

/// The feed the site's host set in config.json (`cargo xtask web --feed-url`), read by the
/// worker itself: a feed address never comes from the page.
pub async fn site_feed() -> Option<String> {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let response: Response = JsFuture::from(scope.fetch_with_str("./config.json"))
        .await
        .ok()?
        .unchecked_into();
    if !response.ok() {
        return None;
    }
    let config = JsFuture::from(response.json().ok()?).await.ok()?;
    js_sys::Reflect::get(&config, &"feed_url".into())
        .ok()?
        .as_string()
        .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
}

fn unreachable(message: String) -> FeedError {
    FeedError::new(Kind::Unreachable, message)
}

/// One file, within `patience` ms, and within `remaining` ms of the sync's `deadline`.
async fn fetch(
    base: &str,
    request: &Request,
    patience: f64,
    remaining: f64,
    deadline: f64,
) -> Result<Answer, FeedError> {
    let url = format!("{base}{}", request.path);
    let whole_sync = || {
        format!(
            "within the {} s a sync may take",
            (deadline / 1000.0).round()
        )
    };
    if remaining <= 0.0 {
        return Err(unreachable(format!(
            "no complete answer from {base} {}",
            whole_sync()
        )));
    }
    let timeout = patience.min(remaining);
    let within = || match timeout < patience {
        true => whole_sync(),
        false => format!("within {} s", (timeout / 1000.0).round()),
    };
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let controller = AbortController::new().map_err(|e| unreachable(describe(&e)))?;
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_signal(Some(&controller.signal()));
    init.set_credentials(RequestCredentials::Omit);
    // A dedicated worker's requests do not follow the page's referrer policy: none, here.
    init.set_referrer("");
    // The ETag the device holds is asked with by hand; the browser's cache keeps nothing.
    init.set_cache(RequestCache::NoStore);
    let headers = web_sys::Headers::new().map_err(|e| unreachable(describe(&e)))?;
    if let Some(etag) = &request.etag {
        let _ = headers.set("If-None-Match", etag);
    }
    init.set_headers(&headers);
    // The timer aborts the request, or the reading of its body, when its time is up.
    let abort = {
        let controller = controller.clone();
        Closure::once_into_js(move || controller.abort())
    };
    let timer = scope
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.unchecked_ref(),
            timeout as i32,
        )
        .map_err(|e| unreachable(describe(&e)))?;
    let result = fetch_within(&scope, &url, &init, request, &within).await;
    scope.clear_timeout_with_handle(timer);
    result
}

async fn fetch_within(
    scope: &DedicatedWorkerGlobalScope,
    url: &str,
    init: &RequestInit,
    request: &Request,
    within: &dyn Fn() -> String,
) -> Result<Answer, FeedError> {
    let response: Response = match JsFuture::from(scope.fetch_with_str_and_init(url, init)).await {
        Ok(response) => response.unchecked_into(),
        Err(e) if is_abort(&e) => {
            return Err(unreachable(format!("no answer from {url} {}", within())));
        }
        // A network failure, or a host that does not allow this app's origin (CORS).
        Err(e) => return Err(unreachable(format!("cannot reach {url}: {}", describe(&e)))),
    };
    let status = response.status();
    if status == 304 && request.etag.is_some() {
        return Ok(Answer::NotModified);
    }
    if !response.ok() {
        let mut error = unreachable(format!("{url} answered {status}"));
        error.retry_after = response
            .headers()
            .get("Retry-After")
            .ok()
            .flatten()
            .and_then(|v| v.trim().parse().ok());
        return Err(error);
    }
    let etag = response.headers().get("ETag").ok().flatten();
    let Some(body) = response.body() else {
        return Ok(Answer::Body {
            bytes: Vec::new(),
            etag,
        });
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = match JsFuture::from(reader.read()).await {
            Ok(chunk) => chunk,
            Err(e) if is_abort(&e) => {
                return Err(FeedError::new(
                    Kind::TooSlow,
                    format!(
                        "{url} came too slowly to finish {} ({} bytes had arrived); cut",
                        within(),
                        bytes.len()
                    ),
                ));
            }
            Err(e) => {
                return Err(unreachable(format!(
                    "{url}: the answer broke off ({})",
                    describe(&e)
                )));
            }
        };
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .map(|d| d.is_truthy())
            .unwrap_or(true);
        if done {
            break;
        }
        if let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into()) {
            let array = js_sys::Uint8Array::new(&value);
            if bytes.len() as u64 + u64::from(array.length()) > request.cap {
                let _ = reader.cancel();
                return Err(FeedError::new(
                    Kind::TooLarge,
                    format!("{url} is larger than the {} bytes allowed", request.cap),
                ));
            }
            let start = bytes.len();
            bytes.resize(start + array.length() as usize, 0);
            array.copy_to(&mut bytes[start..]);
        }
    }
    Ok(Answer::Body { bytes, etag })
}

fn is_abort(error: &JsValue) -> bool {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .is_some_and(|n| n == "AbortError")
}

fn describe(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
