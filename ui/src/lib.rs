//! Bussola's screens, a Leptos app compiled to wasm and shown in the Tauri window.
//!
//! The UI holds no data of its own: every list it shows comes from the engine through a Tauri
//! command ([`ipc`]), so what the window says is what the store holds. Screens are a small stack
//! (search, favourites and about at the bottom; a service's detail and its card above), kept in
//! one signal and mirrored in the browser's history ([`history`]), so "back" is the browser's.
//! The same UI runs in the desktop window and in the web app; [`ipc`] finds which.

mod about;
mod card;
mod corrections;
mod detail;
mod i18n;
mod icons;
mod ipc;
mod map;
mod results;
mod search;
mod sheet;
mod sheet_image;
mod speech;
mod web_notices;

use crate::i18n::{provide_lang, use_lang};
use crate::icons::icon;
use bussola_model::{FeedId, ServiceId};
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point called by `main.js` once the wasm module is loaded.
#[wasm_bindgen(start)]
pub fn start() {
    // Leptos's own executor starts with the mount; until then, wasm-bindgen's runs the wait.
    wasm_bindgen_futures::spawn_local(async {
        let locale = i18n::initial_locale().await;
        leptos::mount::mount_to_body(move || view! { <App locale /> });
    });
}

/// A service by its feed and id, as screens pass it around.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceRef {
    pub feed: FeedId,
    pub id: ServiceId,
}

/// What fills the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Search,
    Favourites,
    About,
    /// The referral sheet of the services chosen for one person.
    Sheet,
    Detail(ServiceRef),
    Card(ServiceRef),
}

/// Where the person is, shared by every component: the screen stack and a counter bumped when
/// the data changed (a sync, a favourite), so every list asks again.
#[derive(Clone, Copy)]
pub struct Nav {
    stack: RwSignal<Vec<Screen>>,
    pub data_changed: RwSignal<u32>,
}

impl Nav {
    pub fn current(&self) -> Screen {
        self.stack
            .with(|s| s.last().cloned().unwrap_or(Screen::Search))
    }

    /// Opens a screen above the current one.
    pub fn open(&self, screen: Screen) {
        let depth = self.stack.with(Vec::len);
        history::push(depth, &screen);
        self.stack.update(|s| s.push(screen));
        scroll_to_top();
    }

    /// Goes to one of the bottom screens, forgetting what was above.
    pub fn switch(&self, screen: Screen) {
        history::push(0, &screen);
        self.stack.set(vec![screen]);
        scroll_to_top();
    }

    /// One screen back, as the phone's back button does: through the browser's history, whose
    /// entries mirror the screens (see [`history`]).
    pub fn back(&self) {
        if self.can_go_back() {
            history::back();
        }
    }

    pub fn can_go_back(&self) -> bool {
        self.stack.with(|s| s.len() > 1)
    }

    pub fn touch_data(&self) {
        self.data_changed.update(|n| *n += 1);
    }

    /// The browser moved through its history (back, forward, a swipe): the screen at that
    /// entry's depth becomes the current one.
    fn follow(&self, depth: usize, screen: Screen) {
        self.stack.update(|s| {
            s.truncate(depth);
            if s.is_empty() && depth > 0 {
                s.push(Screen::Search);
            }
            s.push(screen);
        });
        scroll_to_top();
    }
}

/// The screens in the browser's history, so that the phone's back button (and a swipe back)
/// goes back one screen as the app's own "back" does, and a reload stays on the screen it was
/// on. Each entry's address names its screen (`#/service/umbria/questura-pg`) and its state is
/// its depth in the stack; an entry the app did not make (the skip link's `#main`) is ignored.
mod history {
    use super::{Screen, ServiceRef};
    use bussola_model::{FeedId, ServiceId};
    use leptos::prelude::window;
    use wasm_bindgen::JsValue;

    /// The address of a screen (also the link that opens it in the web app elsewhere).
    pub fn path(screen: &Screen) -> String {
        match screen {
            Screen::Search => "#/".to_owned(),
            Screen::Favourites => "#/favourites".to_owned(),
            Screen::About => "#/about".to_owned(),
            Screen::Sheet => "#/sheet".to_owned(),
            Screen::Detail(s) => format!("#/service/{}/{}", s.feed.0, s.id.0),
            Screen::Card(s) => format!("#/card/{}/{}", s.feed.0, s.id.0),
        }
    }

    /// The screen an address names, if it is one of the app's.
    pub fn parse(hash: &str) -> Option<Screen> {
        // The site's own address, before the app named any screen.
        if hash.is_empty() || hash == "#" {
            return Some(Screen::Search);
        }
        let parts: Vec<&str> = hash.strip_prefix("#/")?.split('/').collect();
        let service = |feed: &str, id: &str| ServiceRef {
            feed: FeedId(feed.to_owned()),
            id: ServiceId(id.to_owned()),
        };
        match parts.as_slice() {
            [""] => Some(Screen::Search),
            ["favourites"] => Some(Screen::Favourites),
            ["about"] => Some(Screen::About),
            ["sheet"] => Some(Screen::Sheet),
            ["service", feed, id] => Some(Screen::Detail(service(feed, id))),
            ["card", feed, id] => Some(Screen::Card(service(feed, id))),
            _ => None,
        }
    }

    pub fn push(depth: usize, screen: &Screen) {
        if let Ok(history) = window().history() {
            let _ =
                history.push_state_with_url(&JsValue::from(depth as u32), "", Some(&path(screen)));
        }
    }

    pub fn back() {
        if let Ok(history) = window().history() {
            let _ = history.back();
        }
    }

    /// The screens to start on: the one the address names (on top of the search, for a service
    /// or its card), else the search; the current entry is marked as the app's. An address that
    /// is not a screen (`#cleared` after "Clear my data") is left for whom it is for.
    pub fn start() -> Vec<Screen> {
        let hash = window().location().hash().unwrap_or_default();
        let stack = match parse(&hash) {
            Some(screen @ (Screen::Detail(_) | Screen::Card(_))) => vec![Screen::Search, screen],
            Some(screen) => vec![screen],
            None => vec![Screen::Search],
        };
        if let Ok(history) = window().history() {
            match stack.as_slice() {
                // The search gets an entry beneath a service opened by its address, so "back"
                // goes to it rather than out of the app.
                [search, top] => {
                    let _ =
                        history.replace_state_with_url(&JsValue::from(0), "", Some(&path(search)));
                    let _ = history.push_state_with_url(&JsValue::from(1), "", Some(&path(top)));
                }
                _ => {
                    let _ = history.replace_state(&JsValue::from(0), "");
                }
            }
        }
        stack
    }

    /// The depth and screen of the entry the browser moved to, if the app made it.
    pub fn entry(state: &JsValue) -> Option<(usize, Screen)> {
        let depth = state.as_f64()? as usize;
        let hash = window().location().hash().ok()?;
        Some((depth, parse(&hash)?))
    }
}

pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// The whole window: the band with the sections and the language, the current screen, and the
/// state of the data.
#[component]
fn App(locale: &'static str) -> impl IntoView {
    let lang = provide_lang(locale);
    let nav = Nav {
        stack: RwSignal::new(history::start()),
        data_changed: RwSignal::new(0),
    };
    provide_context(nav);
    // Back, forward or a swipe in the browser (or the phone's back button) moves the screens.
    let _history = window_event_listener(leptos::ev::popstate, move |ev| {
        if let Some((depth, screen)) = history::entry(&ev.state()) {
            nav.follow(depth, screen);
        }
    });
    let search = search::provide_search_state();
    let sheet = sheet::provide_sheet();
    speech::provide_voice(lang);
    // Escape goes back, as the back button does.
    let _escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && nav.can_go_back() {
            nav.back();
        }
    });
    view! {
        <a class="skip" href="#main">{move || lang.t("search-label")}</a>
        <header class="band">
            <div class="brand">
                {icon("home")}
                <span class="app-name">{move || lang.t("app-name")}</span>
            </div>
            <nav aria-label=move || lang.t("nav-label")>
                <NavButton screen=Screen::Search icon_name="search" label="nav-search" id="nav-search" />
                <NavButton screen=Screen::Favourites icon_name="star" label="nav-favourites" id="nav-favourites" />
                <NavButton screen=Screen::Sheet icon_name="list" label="nav-sheet" id="nav-sheet"
                    count=Signal::derive(move || sheet.len()) />
                <NavButton screen=Screen::About icon_name="info" label="nav-about" id="nav-about" />
            </nav>
            <div class="band-tools">
                <speech::ReadAloudSwitch />
                <LanguagePicker />
            </div>
            <speech::NoVoiceNotice />
        </header>
        <about::DataNotice />
        <about::OpenedFiles />
        <about::FeedNotices />
        <web_notices::StorageNotice />
        <web_notices::UpdateNotice />
        <main id="main" tabindex="-1">
            {move || match nav.current() {
                Screen::Search => view! { <search::SearchScreen state=search /> }.into_any(),
                Screen::Favourites => view! { <results::FavouritesScreen /> }.into_any(),
                Screen::About => view! { <about::AboutScreen /> }.into_any(),
                Screen::Sheet => view! { <sheet::SheetScreen /> }.into_any(),
                Screen::Detail(service) => view! { <detail::DetailScreen service /> }.into_any(),
                Screen::Card(service) => view! { <card::CardScreen service /> }.into_any(),
            }}
        </main>
        <about::DataStatus />
    }
}

/// A section of the app in the band; marked as the current page when it is.
#[component]
fn NavButton(
    screen: Screen,
    icon_name: &'static str,
    label: &'static str,
    id: &'static str,
    /// How many things the section holds, shown beside its name when there are some.
    #[prop(optional)]
    count: Option<Signal<usize>>,
) -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let target = screen.clone();
    let current = move || {
        let now = nav.current();
        let bottom = nav.stack.with(|s| s.first().cloned());
        now == target || bottom.as_ref() == Some(&target)
    };
    view! {
        <button type="button" id=id class="nav"
            aria-current=move || current().then_some("page")
            on:click=move |_| nav.switch(screen.clone())>
            {icon(icon_name)}
            <span>{move || lang.t(label)}</span>
            {move || count.map(|c| c.get()).filter(|n| *n > 0).map(|n| view! {
                <span class="nav-count">{n}</span>
            })}
        </button>
    }
}

/// The language of the whole app, switchable from any screen.
#[component]
fn LanguagePicker() -> impl IntoView {
    let lang = use_lang();
    view! {
        <label class="language">
            {icon("globe")}
            <span class="visually-hidden">{move || lang.t("language-label")}</span>
            <select id="language"
                on:change=move |ev| lang.choose(&event_target_value(&ev))
                prop:value=move || lang.code()>
                {bussola_i18n::LOCALES
                    .iter()
                    .map(|l| view! { <option value=l.code lang=l.code>{l.name}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// A button that goes back one screen, pointing the way the text reads.
#[component]
pub fn BackButton() -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    view! {
        <button type="button" class="back" id="back" on:click=move |_| nav.back()>
            {icon("back")}
            <span>{move || lang.t("back")}</span>
        </button>
    }
}
