//! What a search found, as a list: each service's name, category icons, distance, whether it
//! is open and when that changes, and a mark on approximate locations. The favourites screen is
//! the same list over the services the person saved.

use crate::i18n::{Lang, use_lang};
use crate::icons::{category_icon, icon};
use crate::search::use_search_state;
use crate::{Screen, ServiceRef, ipc, use_nav};
use bussola_i18n::Translator;
use bussola_model::{DataAge, Hit, OpenState, ServiceNotice, data_age, weekday_of};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::Closure;

thread_local! {
    /// When the last keystroke in the search box happened (`performance.now()`), until its
    /// results are drawn.
    static INPUT_AT: Cell<Option<f64>> = const { Cell::new(None) };
}

fn performance_now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Notes a keystroke, for the measurement of keypress-to-results.
pub fn mark_input() {
    INPUT_AT.with(|at| at.set(Some(performance_now())));
}

/// After results are on screen (the next frame), appends the time since the keystroke that
/// asked for them to `window.__bussolaDrawMs`, which the end-to-end measurement reads. Nothing
/// leaves the device: it is a plain array in the page.
fn record_drawn() {
    let Some(started) = INPUT_AT.with(Cell::take) else {
        return;
    };
    let callback = Closure::once_into_js(move || {
        let elapsed = performance_now() - started;
        let key = JsValue::from_str("__bussolaDrawMs");
        let global = window();
        let list = js_sys::Reflect::get(&global, &key)
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
            .unwrap_or_else(|| {
                let list = js_sys::Array::new();
                let _ = js_sys::Reflect::set(&global, &key, &list);
                list
            });
        list.push(&JsValue::from_f64(elapsed));
    });
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

thread_local! {
    static FIRST_DRAWN: Cell<bool> = const { Cell::new(false) };
}

/// What a row shows, as a key: a row is drawn again only when one of these (or the language)
/// changed. Rows hold no reactivity of their own, which keeps drawing 50 new ones cheap.
fn row_key(hit: &Hit, locale: &str) -> String {
    format!(
        "{locale}/{}/{}/{}/{}/{:?}/{:?}/{:?}/{:?}",
        hit.feed,
        hit.id,
        hit.name,
        hit.city.as_deref().unwrap_or_default(),
        hit.distance_m.map(|d| d.0.round() as i64),
        hit.open_state,
        hit.next_change,
        hit.approximate
    )
}

/// The count and the list of services found, row by row as the answer changes.
#[component]
pub fn HitList(
    #[prop(into)] hits: Signal<Vec<Hit>>,
    /// More results wait behind "Show more": the count says "more than".
    #[prop(into, optional)]
    more: Signal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let count = move || hits.with(Vec::len) as i64;
    Effect::new(move |_| {
        hits.track();
        record_drawn();
        if !FIRST_DRAWN.with(|f| f.replace(true)) {
            leptos::task::spawn_local(ipc::first_results_drawn());
        }
    });
    view! {
        <p class="count" id="result-count" aria-live="polite">
            {move || match more.get() {
                true => lang.t_with("results-count-more", &[("count", count().into())]),
                false => lang.t_with("results-count", &[("count", count().into())]),
            }}
        </p>
        {move || (count() == 0).then(|| view! { <p class="hint">{move || lang.t("results-empty-hint")}</p> })}
        <ul class="hits" id="results">
            <For
                each=move || { lang.code(); hits.get() }
                key=move |hit| row_key(hit, lang.tr_untracked().locale.code)
                children=move |hit| view! { <HitRow hit /> }
            />
        </ul>
    }
}

/// One service in the list; the whole row opens its detail.
#[component]
fn HitRow(hit: Hit) -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let service = ServiceRef {
        feed: hit.feed.clone(),
        id: hit.id.clone(),
    };
    let open = {
        let service = service.clone();
        move || nav.open(Screen::Detail(service.clone()))
    };
    let open_on_row = open.clone();
    let tr = lang.tr_untracked();
    let on_sheet = service.clone();
    view! {
        <li class="hit" data-id=hit.id.0.clone() data-feed=hit.feed.0.clone()
            on:click=move |_| open_on_row()>
            <div class="hit-icons" aria-hidden="true">
                {hit.categories.iter().take(3).map(|c| category_icon(c)).collect_view()}
            </div>
            <div class="hit-body">
                <h2 class="name">
                    <button type="button" class="hit-open" lang=hit.name_lang.clone() dir="auto"
                        on:click=move |ev| { ev.stop_propagation(); open(); }>
                        {hit.name.clone()}
                    </button>
                    // The feed has no name in the person's language: say the one shown is Italian.
                    {hit.name_is_fallback.then(|| view! {
                        " " <span class="in-italian">{tr.text("in-italian")}</span>
                    })}
                </h2>
                {hit.notice.as_ref().map(|notice| notice_view(&tr, notice))}
                <p class="meta">{hit_meta(&tr, &hit)}</p>
                {stale_text(&tr, hit.checked.as_deref()).map(|text| view! {
                    <p class="stale">{icon("clock")}<span>{text}</span></p>
                })}
            </div>
            <crate::sheet::SheetToggle service=on_sheet compact=true />
        </li>
    }
}

/// What a person must know first about a service: "Temporarily closed until 12/12/2026", and
/// the feed's alert in its own language.
pub fn notice_view(tr: &Translator, notice: &ServiceNotice) -> impl IntoView + use<> {
    let closed = notice
        .closed
        .then(|| closure_text(tr, notice.closed_until.as_deref()));
    let alert = notice.alert.clone();
    let alert_lang = notice.alert_lang.clone().unwrap_or_else(|| "it".into());
    view! {
        <div class="service-notice" role="note">
            {closed.map(|text| view! { <p class="closure">{icon("emergency")}<strong>{text}</strong></p> })}
            {alert.map(|text| view! {
                <p class="service-alert" lang=alert_lang dir="auto">{text}</p>
            })}
        </div>
    }
}

/// "Temporarily closed until 12/12/2026", or without a day when the feed gives none.
pub fn closure_text(tr: &Translator, until: Option<&str>) -> String {
    match until {
        Some(day) => tr.text_with("closed-until", &[("date", (&tr.date(day)).into())]),
        None => tr.text("closed-for-now"),
    }
}

/// "Checked 6 years ago: call before you go", for data checked more than a year ago or never
/// dated; nothing for recent data.
pub fn stale_text(tr: &Translator, checked: Option<&str>) -> Option<String> {
    match data_age(checked, &today()) {
        DataAge::Recent => None,
        DataAge::YearsOld(years) => {
            Some(tr.text_with("data-checked-years-ago", &[("years", years.into())]))
        }
        DataAge::Undated => Some(tr.text("data-never-checked")),
    }
}

/// The line under a hit's name: distance, place, open state, approximate mark.
fn hit_meta(tr: &Translator, hit: &Hit) -> impl IntoView + use<> {
    // Only a service with no place at all (a helpline) answers from all of Italy.
    let place = match (&hit.city, &hit.location) {
        (Some(city), _) => Some(city.clone()),
        (None, None) => Some(tr.text("anywhere-in-italy")),
        (None, Some(_)) => None,
    };
    let distance = hit
        .distance_m
        .filter(|_| hit.location.is_some())
        .map(|d| tr.text_with("distance-away", &[("distance", (&tr.distance(d.0)).into())]));
    let (class, state) = open_text(tr, hit.open_state, hit.next_change.as_deref());
    let approximate = hit.approximate.then(|| tr.text("approximate-mark"));
    view! {
        {distance.map(|d| view! { <span class="distance">{d}</span> })}
        {place.map(|p| view! { <span class="city">{p}</span> })}
        <span class=class>{state}</span>
        {approximate.map(|a| view! { <span class="approximate">{icon("pin")}{a}</span> })}
    }
}

/// The open state as a class and a sentence: "Open now · closes at 12:00", "Closed now · opens
/// Tuesday at 09:00", or "Hours unknown".
pub fn open_text(
    tr: &Translator,
    state: OpenState,
    next_change: Option<&str>,
) -> (&'static str, String) {
    let change = next_change.and_then(|t| {
        let date = t.get(..10)?;
        let time = t.get(11..16)?;
        Some((date, time))
    });
    let when = |today_id: &str, other_id: &str| {
        change.map(|(date, time)| {
            if date == today() {
                tr.text_with(today_id, &[("time", time.into())])
            } else {
                let day = weekday_of(date)
                    .map(|d| tr.weekday_in_sentence(d))
                    .unwrap_or_default();
                tr.text_with(other_id, &[("day", (&day).into()), ("time", time.into())])
            }
        })
    };
    match state {
        OpenState::Open => {
            let mut text = tr.text("open-now");
            if let Some(change) = when("closes-at", "closes-on-at") {
                text = format!("{text} · {change}");
            }
            ("open", text)
        }
        OpenState::Closed => {
            let mut text = tr.text("closed-now");
            if let Some(change) = when("opens-today-at", "opens-on-at") {
                text = format!("{text} · {change}");
            }
            ("closed", text)
        }
        OpenState::Uncertain => ("uncertain", tr.text("hours-uncertain")),
        OpenState::Unknown => ("unknown", tr.text("hours-unknown")),
    }
}

/// Today's date on the device, `YYYY-MM-DD`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// What went wrong behind a list, in a sentence.
pub fn error_line(lang: Lang, error: &str) -> impl IntoView + use<> {
    let text = lang.t_with("error-generic", &[("detail", error.into())]);
    view! { <p class="error" role="alert">{text}</p> }
}

/// The services the person saved, nearest first when a place is chosen; usable offline.
#[component]
pub fn FavouritesScreen() -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let state = use_search_state();
    let favourites = LocalResource::new(move || {
        nav.data_changed.track();
        let query = state.query(lang.code(), true);
        async move { ipc::search(query).await.map(|answer| answer.hits) }
    });
    view! {
        <section class="favourites" aria-labelledby="favourites-title">
            <h1 id="favourites-title">{move || lang.t("nav-favourites")}</h1>
            <Transition fallback=|| view! { <p class="count">"…"</p> }>
                {move || favourites.get().map(|answer| match answer {
                    Ok(hits) if hits.is_empty() => view! {
                        <p class="hint" id="favourites-empty">{lang.t("favourites-empty")}</p>
                    }.into_any(),
                    Ok(hits) => view! { <HitList hits /> }.into_any(),
                    Err(error) => error_line(lang, &error).into_any(),
                })}
            </Transition>
            <crate::corrections::MyCorrections />
        </section>
    }
}
