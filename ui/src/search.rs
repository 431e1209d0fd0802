//! The search screen: one box that answers as the person types, the place, the category chips,
//! "open now" and the language spoken at the office; the answer as a list or on the map.
//!
//! The place and the filters are remembered in the store, so the next start asks the same
//! question; the words typed are not (no search history is kept).

use crate::i18n::use_lang;
use crate::icons::{CATEGORIES, category_icon, icon};
use crate::results::HitList;
use crate::{ipc, use_nav};
use bussola_model::{Correction, Hit, LatLon, OpenFilter, Place, SearchQuery};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The setting the place and filters are kept under, as JSON.
const FILTERS_SETTING: &str = "search-filters";

/// Set once the person answers "where are you?" with "not now": the question is not asked again.
const PLACE_PROMPT_SETTING: &str = "place-prompt-dismissed";

/// How many hits a search shows at first, and how many more each "Show more" adds: more than a
/// screen, few enough that each keystroke redraws the list within a frame or two.
pub const PAGE: u32 = 50;

/// Languages the filter offers: the app's eleven and others common in Umbria's offices.
const SPOKEN: [&str; 21] = [
    "it", "en", "fr", "ar", "uk", "ro", "sq", "es", "zh", "bn", "ur", "ru", "pt", "de", "fa", "ps",
    "ti", "tr", "pa", "hi", "wo",
];

/// A place the person chose: a comune from the gazetteer (or, on a phone, their position).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChosenPlace {
    pub label: String,
    pub point: LatLon,
    /// The device's own position: shown as "My location", and never written to the store.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mine: bool,
}

/// Everything about the question except its words.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    pub place: Option<ChosenPlace>,
    pub categories: Vec<String>,
    pub open_now: bool,
    pub language: Option<String>,
    pub map_view: bool,
}

/// The question being asked, shared by the search screen and the favourites (which measure
/// distances from the same place).
#[derive(Clone, Copy)]
pub struct SearchState {
    pub text: RwSignal<String>,
    pub filters: RwSignal<Filters>,
    /// How many hits to ask for; back to one page whenever the question changes.
    pub shown: RwSignal<u32>,
    /// Whether the remembered filters have been read: until then no place is not yet "none".
    pub loaded: RwSignal<bool>,
}

/// Creates the state, reads the remembered filters, and saves them whenever they change.
pub fn provide_search_state() -> SearchState {
    let state = SearchState {
        text: RwSignal::new(String::new()),
        filters: RwSignal::new(Filters::default()),
        shown: RwSignal::new(PAGE),
        loaded: RwSignal::new(false),
    };
    provide_context(state);
    Effect::new(move |_| {
        state.text.track();
        state.filters.track();
        // Set only when it differs: a set notifies, and would ask the engine twice.
        if state.shown.get_untracked() != PAGE {
            state.shown.set(PAGE);
        }
    });
    let loaded = state.loaded;
    leptos::task::spawn_local(async move {
        if let Ok(Some(saved)) = ipc::setting(FILTERS_SETTING).await
            && let Ok(filters) = serde_json::from_str::<Filters>(&saved)
        {
            state.filters.set(filters);
        }
        loaded.set(true);
    });
    Effect::new(move |_| {
        let mut filters = state.filters.get();
        // Where the person is stays in memory only: the next start asks again.
        if filters.place.as_ref().is_some_and(|p| p.mine) {
            filters.place = None;
        }
        // Saving before the remembered filters were read would overwrite them with defaults.
        if loaded.get_untracked()
            && let Ok(json) = serde_json::to_string(&filters)
        {
            leptos::task::spawn_local(async move {
                let _ = ipc::set_setting(FILTERS_SETTING, Some(&json)).await;
            });
        }
    });
    state
}

pub fn use_search_state() -> SearchState {
    expect_context::<SearchState>()
}

impl SearchState {
    /// The engine's query for what is on screen now, names in `lang`.
    pub fn query(&self, lang: &str, favourites_only: bool) -> SearchQuery {
        let filters = self.filters.get();
        let text = match favourites_only {
            true => String::new(),
            false => self.text.get(),
        };
        SearchQuery {
            text: Some(text),
            place: filters.place.map(|p| Place::Point(p.point)),
            radius_km: None,
            categories: match favourites_only {
                true => Vec::new(),
                false => filters.categories,
            },
            languages: match favourites_only {
                true => Vec::new(),
                false => filters.language.into_iter().collect(),
            },
            open: match filters.open_now && !favourites_only {
                true => OpenFilter::Now,
                false => OpenFilter::Any,
            },
            // One more than shown, to know whether "Show more" has anything to show.
            limit: match favourites_only {
                true => 500,
                false => self.shown.get() + 1,
            },
            display_lang: lang.to_owned(),
            favourites_only,
        }
    }
}

#[component]
pub fn SearchScreen(state: SearchState) -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    // The latest answer, kept in a signal the list draws from row by row (keyed), so a keystroke
    // that narrows the results removes rows instead of drawing the whole list again. An answer
    // to an older question that arrives late is dropped.
    let answer = RwSignal::new(None::<Result<Vec<Hit>, String>>);
    // What the latest answer says besides its hits: typed words it read as others ("permeso"
    // as "permesso"), and offices outside the directory that handle what was asked.
    let notes = RwSignal::new(AnswerNotes::default());
    let asked = StoredValue::new(0u64);
    // Whether the list is waiting for the answer to the latest question, and the words that
    // the list on screen answers: `aria-busy` tells assistive technology the list is about to
    // change (and tests wait for the answer to their own words).
    let waiting = RwSignal::new(true);
    let answered_words = RwSignal::new(String::new());
    Effect::new(move |_| {
        nav.data_changed.track();
        let query = state.query(lang.code(), false);
        let question = asked.get_value() + 1;
        asked.set_value(question);
        waiting.set(true);
        leptos::task::spawn_local(async move {
            let words = query.text.clone().unwrap_or_default();
            let found = ipc::search(query).await;
            if asked.get_value() == question {
                let (hits, said) = match found {
                    Ok(found) => (
                        Ok(found.hits),
                        AnswerNotes {
                            corrections: found.corrections,
                            handled_by: found.handled_by,
                            left_out: found.left_out,
                            partial: found.partial,
                        },
                    ),
                    Err(error) => (Err(error), AnswerNotes::default()),
                };
                notes.set(said);
                answer.set(Some(hits));
                answered_words.set(words);
                waiting.set(false);
            }
        });
    });
    let shown_hits = Signal::derive(move || {
        let shown = state.shown.get() as usize;
        answer.with(|a| match a {
            Some(Ok(hits)) => hits.iter().take(shown).cloned().collect(),
            _ => Vec::new(),
        })
    });
    let has_more = move || {
        let shown = state.shown.get() as usize;
        answer.with(|a| matches!(a, Some(Ok(hits)) if hits.len() > shown))
    };
    let map_view = Memo::new(move |_| state.filters.with(|f| f.map_view));
    // What the results area shows, as a memo: it changes only when the kind of answer does, so
    // a new list of hits is diffed row by row into the list on screen, not drawn from scratch.
    let showing =
        Memo::new(
            move |_| match answer.with(|a| a.as_ref().map(|r| r.as_ref().err().cloned())) {
                None => Showing::Waiting,
                Some(Some(error)) => Showing::Failed(error),
                Some(None) if map_view.get() => Showing::Map,
                Some(None) => Showing::List,
            },
        );
    view! {
        <div class="search-layout">
        <section class="search" aria-labelledby="search-label">
            <label id="search-label" class="field-label" for="search">
                {move || lang.t("search-label")}
            </label>
            <div class="search-box">
                {icon("search")}
                <input id="search" type="search" autocomplete="off" spellcheck="false"
                    placeholder=move || lang.t("search-placeholder")
                    on:input=move |ev| {
                        crate::results::mark_input();
                        state.text.set(event_target_value(&ev));
                    }
                    prop:value=move || state.text.get() />
            </div>
            <PlacePicker state />
            <CategoryChips state />
            <div class="filters" role="group" aria-label=move || lang.t("filters-label")>
                <label class="toggle">
                    <input id="open-now" type="checkbox"
                        prop:checked=move || state.filters.with(|f| f.open_now)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.filters.update(|f| f.open_now = on);
                        } />
                    {icon("clock")}
                    <span>{move || lang.t("filter-open-now")}</span>
                </label>
                <label class="spoken">
                    <span>{move || lang.t("filter-language")}</span>
                    <select id="spoken-language"
                        prop:value=move || state.filters.with(|f| f.language.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let code = event_target_value(&ev);
                            state.filters.update(|f| f.language = (!code.is_empty()).then_some(code));
                        }>
                        <option value="">{move || lang.t("filter-language-any")}</option>
                        {SPOKEN
                            .iter()
                            .map(|code| view! { <option value=*code>{move || lang.tr().language(code)}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
        </section>
        <section class="results" id="results-section" aria-label=move || lang.t("view-label")
            aria-busy=move || waiting.get().to_string() data-answered=move || answered_words.get()>
            <div class="view-switch" role="group" aria-label=move || lang.t("view-label")>
                <button type="button" id="view-list" aria-pressed=move || (!map_view.get()).to_string()
                    on:click=move |_| state.filters.update(|f| f.map_view = false)>
                    {icon("list")}<span>{move || lang.t("view-list")}</span>
                </button>
                <button type="button" id="view-map" aria-pressed=move || map_view.get().to_string()
                    on:click=move |_| state.filters.update(|f| f.map_view = true)>
                    {icon("map")}<span>{move || lang.t("view-map")}</span>
                </button>
            </div>
            <Notes notes />
            {move || match showing.get() {
                Showing::Waiting => view! { <p class="count">"…"</p> }.into_any(),
                Showing::Failed(error) => crate::results::error_line(lang, &error).into_any(),
                Showing::Map => {
                    let hits = answer.with(|a| match a {
                        Some(Ok(hits)) => hits.clone(),
                        _ => Vec::new(),
                    });
                    let centre = state.filters.with(|f| f.place.as_ref().map(|p| p.point));
                    view! { <crate::map::MapView hits centre /> }.into_any()
                }
                Showing::List => view! {
                    <HitList hits=shown_hits more=Signal::derive(has_more) />
                    {move || has_more().then(|| view! {
                        <button type="button" class="more" id="results-more"
                            on:click=move |_| state.shown.update(|n| *n += PAGE)>
                            {move || lang.t("results-more")}
                        </button>
                    })}
                }.into_any(),
            }}
        </section>
        </div>
    }
}

/// What an answer says besides its hits.
#[derive(Debug, Clone, Default, PartialEq)]
struct AnswerNotes {
    corrections: Vec<Correction>,
    handled_by: Vec<String>,
    left_out: Vec<String>,
    partial: bool,
}

/// Above the results: "Results for «permesso»: you typed «permeso»" when the answer read typed
/// words as others, "No service mentions «gratis»" for a word it left out, "No service holds
/// all the words" when the hits hold only some, and "The Agenzia delle Entrate handles this;
/// the services below can help"
/// when what was asked is an office's the directory does not list.
#[component]
fn Notes(notes: RwSignal<AnswerNotes>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let AnswerNotes {
            corrections,
            handled_by,
            left_out,
            partial,
        } = notes.get();
        let tr = lang.tr();
        let read_as = (!corrections.is_empty()).then(|| {
            let join = |words: Vec<&str>| words.join(", ");
            let meant = join(corrections.iter().map(|c| c.meant.as_str()).collect());
            let typed = join(corrections.iter().map(|c| c.typed.as_str()).collect());
            let text = tr.text_with(
                "search-read-as",
                &[("meant", (&meant).into()), ("typed", (&typed).into())],
            );
            view! { <p class="read-as" id="read-as" role="status">{text}</p> }
        });
        let offices = handled_by
            .iter()
            .map(|office| {
                let text = tr.text_with("search-handled-by", &[("office", office.into())]);
                view! { <p class="handled-by" role="note">{text}</p> }
            })
            .collect_view();
        let left_out = (!left_out.is_empty()).then(|| {
            let words = left_out.join(", ");
            let text = tr.text_with("search-left-out", &[("words", (&words).into())]);
            view! { <p class="read-as" id="left-out" role="status">{text}</p> }
        });
        let partial = partial.then(|| {
            view! { <p class="read-as" id="partial" role="status">{tr.text("search-partial")}</p> }
        });
        view! { {read_as} {left_out} {partial} {offices} }
    }
}

/// What the results area holds.
#[derive(Debug, Clone, PartialEq)]
enum Showing {
    /// The first answer has not come yet.
    Waiting,
    /// The search failed, and why.
    Failed(String),
    List,
    Map,
}

/// The place the distances are measured from: a comune by name or postal code. Until a place
/// is chosen, it first asks "where are you?", so that the nearest services come first from
/// the first search, unless the person said "not now" once.
#[component]
fn PlacePicker(state: SearchState) -> impl IntoView {
    let lang = use_lang();
    let prompt_dismissed = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move {
        let dismissed = matches!(ipc::setting(PLACE_PROMPT_SETTING).await, Ok(Some(_)));
        prompt_dismissed.set(Some(dismissed));
    });
    let asking = move || {
        state.loaded.get()
            && prompt_dismissed.get() == Some(false)
            && state.filters.with(|f| f.place.is_none())
    };
    let not_now = move |_| {
        prompt_dismissed.set(Some(true));
        leptos::task::spawn_local(async move {
            let _ = ipc::set_setting(PLACE_PROMPT_SETTING, Some("1")).await;
        });
    };
    let typed = RwSignal::new(String::new());
    let suggestions = LocalResource::new(move || {
        let text = typed.get();
        async move {
            match text.trim().chars().count() >= 2 {
                true => ipc::places(&text).await.unwrap_or_default(),
                false => Vec::new(),
            }
        }
    });
    let chosen = move || state.filters.with(|f| f.place.clone());
    // Only phones can tell where they are; elsewhere the button is not there at all.
    let can_locate = LocalResource::new(ipc::can_locate);
    let locating = RwSignal::new(false);
    let location_failed = RwSignal::new(false);
    let use_location = move |_| {
        locating.set(true);
        location_failed.set(false);
        leptos::task::spawn_local(async move {
            match ipc::current_position().await {
                Ok(point) => state.filters.update(|f| {
                    f.place = Some(ChosenPlace {
                        label: String::new(),
                        point,
                        mine: true,
                    })
                }),
                Err(_) => location_failed.set(true),
            }
            locating.set(false);
        });
    };
    view! {
        <div class="place">
            {move || asking().then(|| view! {
                <div class="where-am-i" id="where-am-i" role="region" aria-labelledby="where-title">
                    <h2 id="where-title">{icon("pin")}{move || lang.t("where-title")}</h2>
                    <p>{move || lang.t("where-text")}</p>
                    <button type="button" class="link-button" id="where-later" on:click=not_now>
                        {move || lang.t("where-later")}
                    </button>
                </div>
            })}
            <label class="field-label" for="place">{move || lang.t("place-label")}</label>
            {move || chosen().map(|place| view! {
                <p class="chosen-place">
                    {icon("pin")}
                    <span id="place-chosen">
                        {if place.mine { lang.t("place-my-location") } else { place.label }}
                    </span>
                    <button type="button" class="icon-button" id="place-clear"
                        aria-label=move || lang.t("place-clear")
                        on:click=move |_| state.filters.update(|f| f.place = None)>
                        {icon("close")}
                    </button>
                </p>
            })}
            <input id="place" type="search" autocomplete="off" spellcheck="false"
                role="combobox" aria-autocomplete="list" aria-controls="place-options"
                aria-expanded=move || (!typed.with(|t| t.trim().is_empty())).to_string()
                placeholder=move || lang.t("place-placeholder")
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev)) />
            <ul id="place-options" role="listbox" class="suggestions"
                aria-label=move || lang.t("place-label")>
                {move || {
                    let list = suggestions.get().unwrap_or_default();
                    if list.is_empty() && typed.with(|t| t.trim().chars().count() >= 2) {
                        return view! { <li class="none">{lang.t("place-none-found")}</li> }.into_any();
                    }
                    list.into_iter().map(|s| {
                        let label = format!("{} ({})", s.name, s.province);
                        let shown = match &s.cap {
                            Some(cap) => format!("{label} {cap}"),
                            None => label.clone(),
                        };
                        let point = s.point;
                        view! {
                            <li role="option" aria-selected="false">
                                <button type="button" class="suggestion" on:click=move |_| {
                                    let label = label.clone();
                                    state.filters.update(|f| f.place = Some(ChosenPlace { label, point, mine: false }));
                                    typed.set(String::new());
                                }>{shown}</button>
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
            {move || can_locate.get().unwrap_or(false).then(|| view! {
                <button type="button" class="secondary" id="place-use-location"
                    disabled=move || locating.get() on:click=use_location>
                    {icon("pin")}
                    {move || lang.t("place-use-location")}
                </button>
            })}
            {move || location_failed.get().then(|| view! {
                <p class="hint" role="status">{lang.t("place-location-failed")}</p>
            })}
        </div>
    }
}

/// One chip per category: icon and name, pressed when it filters.
#[component]
fn CategoryChips(state: SearchState) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="chips" role="group" aria-label=move || lang.t("categories-label")>
            <p class="field-label" aria-hidden="true">{move || lang.t("categories-label")}</p>
            <div class="chip-row">
                {CATEGORIES.iter().map(|code| {
                    let code = *code;
                    let pressed = move || state.filters.with(|f| f.categories.iter().any(|c| c == code));
                    view! {
                        <button type="button" class="chip" id=format!("chip-{code}")
                            data-category=code
                            aria-pressed=move || pressed().to_string()
                            on:click=move |_| state.filters.update(|f| {
                                match f.categories.iter().position(|c| c == code) {
                                    Some(i) => { f.categories.remove(i); }
                                    None => f.categories.push(code.to_owned()),
                                }
                            })>
                            {category_icon(code)}
                            <span>{move || lang.tr().category(code)}</span>
                        </button>
                    }
                }).collect_view()}
            </div>
        </div>
    }
}
