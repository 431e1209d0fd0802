//! Bussola's screens, a Leptos app compiled to wasm and shown in the Tauri window.
//!
//! The UI holds no data of its own: every list it shows comes from the engine through a Tauri
//! command ([`ipc`]), so what the window says is what the store holds.

mod ipc;

use bussola_model::{FeedStatus, Hit, OpenState, SearchQuery, SyncReport, SyncStep};
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point called by `main.js` once the wasm module is loaded.
#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(App);
}

/// The whole window: a search box and what it finds.
#[component]
fn App() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    // Bumped when a sync changed the data, so every list asks again.
    let (data_changed, set_data_changed) = signal(0u32);
    let results = LocalResource::new(move || {
        data_changed.track();
        let query = SearchQuery {
            text: Some(text.get()),
            limit: 100,
            ..SearchQuery::default()
        };
        ipc::search(query)
    });
    view! {
        <header class="band">
            <h1>"Bussola"</h1>
        </header>
        <main>
            <label class="search" for="search">"Cerca un servizio"</label>
            <input
                id="search"
                type="search"
                autocomplete="off"
                placeholder="permesso, medico, corso di italiano…"
                on:input=move |ev| set_text.set(event_target_value(&ev))
                prop:value=text
            />
            <Transition fallback=|| view! { <p class="count">"…"</p> }>
                {move || {
                    results
                        .get()
                        .map(|answer| match answer {
                            Ok(hits) => view! { <HitList hits /> }.into_any(),
                            Err(error) => {
                                view! { <p class="error" role="alert">{error}</p> }.into_any()
                            }
                        })
                }}
            </Transition>
        </main>
        <DataStatus data_changed set_data_changed />
    }
}

/// How often the data is refreshed while the window stays open.
const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(6 * 3600);

/// Which data the list comes from (each feed's version, size, date and any trouble), and the
/// "Update now" button. The first sync starts once this has been drawn.
#[component]
fn DataStatus(data_changed: ReadSignal<u32>, set_data_changed: WriteSignal<u32>) -> impl IntoView {
    let feeds = LocalResource::new(move || {
        data_changed.track();
        ipc::feeds()
    });
    let (step, set_step) = signal(None::<String>);
    let (failure, set_failure) = signal(None::<String>);
    let sync = move || {
        leptos::task::spawn_local(async move {
            set_step.set(Some("Aggiornamento in corso…".into()));
            let reports = ipc::sync_now().await;
            set_step.set(None);
            match reports {
                Ok(reports) => {
                    set_failure.set(first_error(&reports));
                    if reports.iter().any(|r| r.changed) {
                        set_data_changed.update(|n| *n += 1);
                    }
                }
                Err(error) => set_failure.set(Some(error)),
            }
            feeds.refetch();
        });
    };
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            leptos::task::spawn_local(ipc::on_sync_progress(move |s| {
                set_step.set(Some(describe_step(&s)));
            }));
            sync();
            set_interval(sync, SYNC_EVERY);
        }
    });
    view! {
        <footer class="status">
            <p id="data-status">
                {move || {
                    feeds
                        .get()
                        .map(|answer| match answer {
                            Ok(list) => list.iter().map(describe_feed).collect::<Vec<_>>().join(" — "),
                            Err(error) => error,
                        })
                }}
            </p>
            <p id="sync-state" aria-live="polite">
                {move || step.get().or_else(|| failure.get().map(|e| format!("Aggiornamento non riuscito: {e}")))}
            </p>
            <button id="update-now" type="button" on:click=move |_| sync()
                disabled=move || step.get().is_some()>
                "Aggiorna ora"
            </button>
        </footer>
    }
}

fn first_error(reports: &[SyncReport]) -> Option<String> {
    reports.iter().find_map(|r| r.error.clone())
}

/// One feed: its name, version, size, the date of its data, and whether it is out of date.
fn describe_feed(f: &FeedStatus) -> String {
    let mut text = format!("{} v{} · {} servizi", f.feed, f.version, f.services);
    if let Some(date) = f.generated_at.as_deref().and_then(|d| d.get(..10)) {
        text.push_str(&format!(" · dati del {date}"));
    }
    if f.expired {
        text.push_str(" · scaduti: potrebbero non essere aggiornati");
    }
    // A failure recorded earlier (by the app or the CLI), until a sync succeeds.
    if f.last_error.is_some() {
        text.push_str(" · ultimo aggiornamento non riuscito");
    }
    text
}

fn describe_step(step: &SyncStep) -> String {
    match step {
        SyncStep::Checking { .. } => "Controllo aggiornamenti…".into(),
        SyncStep::Downloading { bytes, .. } => {
            format!("Scaricamento ({:.1} MB)…", *bytes as f64 / 1e6)
        }
        SyncStep::Applying { services, .. } => format!("Aggiornamento di {services} servizi…"),
    }
}

/// The list of services found.
#[component]
fn HitList(hits: Vec<Hit>) -> impl IntoView {
    let count = match hits.len() {
        0 => "Nessun servizio trovato".to_owned(),
        1 => "1 servizio".to_owned(),
        n => format!("{n} servizi"),
    };
    view! {
        <p class="count" id="result-count" aria-live="polite">{count}</p>
        <ul class="hits" id="results">
            {hits.into_iter().map(|hit| view! { <HitRow hit /> }).collect_view()}
        </ul>
    }
}

/// One service in the list: its name, where it is, and whether it is open.
#[component]
fn HitRow(hit: Hit) -> impl IntoView {
    let (open_class, open_text) = match hit.open_state {
        OpenState::Open => ("open", "Aperto ora"),
        OpenState::Closed => ("closed", "Chiuso ora"),
        OpenState::Unknown => ("unknown", "Orari non noti"),
    };
    // Only a service with no place at all (a helpline) answers from all of Italy.
    let place = match (&hit.city, &hit.location) {
        (Some(city), _) => city.clone(),
        (None, None) => "Tutta Italia".to_owned(),
        (None, Some(_)) => String::new(),
    };
    view! {
        <li class="hit" data-id=hit.id.0.clone()>
            <h2 class="name">{hit.name.clone()}</h2>
            <div class="meta">
                {(!place.is_empty()).then(|| view! { <span class="city">{place}</span> " · " })}
                <span class=open_class>{open_text}</span>
            </div>
        </li>
    }
}
