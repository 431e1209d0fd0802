//! Bussola's screens, a Leptos app compiled to wasm and shown in the Tauri window.
//!
//! The UI holds no data of its own: every list it shows comes from the engine through a Tauri
//! command ([`ipc`]), so what the window says is what the store holds.

mod ipc;

use bussola_model::{FeedStatus, Hit, OpenState, SearchQuery};
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
    let results = LocalResource::new(move || {
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
        <DataStatus />
    }
}

/// Which data the list comes from: each feed's version and size.
#[component]
fn DataStatus() -> impl IntoView {
    let feeds = LocalResource::new(ipc::feeds);
    let describe = |f: &FeedStatus| format!("{} v{} · {} servizi", f.feed, f.version, f.services);
    view! {
        <footer class="status" id="data-status">
            {move || {
                feeds
                    .get()
                    .map(|answer| match answer {
                        Ok(list) => list.iter().map(describe).collect::<Vec<_>>().join(" — "),
                        Err(error) => error,
                    })
            }}
        </footer>
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
    let place = hit
        .city
        .clone()
        .unwrap_or_else(|| "Tutta Italia".to_owned());
    view! {
        <li class="hit" data-id=hit.id.0.clone()>
            <h2 class="name">{hit.name.clone()}</h2>
            <div class="meta">
                <span class="city">{place}</span>
                " · "
                <span class=open_class>{open_text}</span>
            </div>
        </li>
    }
}
