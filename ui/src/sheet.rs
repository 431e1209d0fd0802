//! The referral sheet: the few services a mediator chose for one person (renew the permit, a
//! doctor, an Italian course), each in the person's language beside Italian with this week's
//! hours, what to bring and a QR code, to print on A4 or to save as one image for a messenger.
//!
//! The sheet lives only in the page's memory: nothing about the person is asked, and the app
//! keeps nothing of it; "clear" (or closing the app) forgets it. An image the person saves is a
//! file they chose to make (in Downloads on the desktop, which the screen names), theirs to
//! delete: "Clear my data" cannot reach it.

use crate::card::{half, qr};
use crate::i18n::use_lang;
use crate::icons::icon;
use crate::{ServiceRef, ipc, use_nav};
use bussola_i18n::Translator;
use bussola_model::ServiceDetail;
use leptos::prelude::*;

/// The most services one sheet holds: a person's errands of a day, a few A4 pages.
pub const SHEET_MAX: usize = 10;

/// The services on the sheet, in the order the person will go.
#[derive(Clone, Copy)]
pub struct Sheet(RwSignal<Vec<ServiceRef>>);

impl Sheet {
    pub fn contains(&self, service: &ServiceRef) -> bool {
        self.0.with(|s| s.contains(service))
    }

    pub fn len(&self) -> usize {
        self.0.with(Vec::len)
    }

    /// Adds a service at the end, or takes it off; `false` when the sheet is full.
    pub fn toggle(&self, service: &ServiceRef) -> bool {
        let mut added = true;
        self.0
            .update(|s| match s.iter().position(|x| x == service) {
                Some(at) => {
                    s.remove(at);
                }
                None if s.len() < SHEET_MAX => s.push(service.clone()),
                None => added = false,
            });
        added
    }

    /// Moves `service` one place earlier (`-1`) or later (`1`). Found by what it is, not by
    /// where a row drawn a moment ago said it was: two quick presses move it twice.
    fn shift(&self, service: &ServiceRef, by: isize) {
        self.0.update(|s| {
            let Some(at) = s.iter().position(|x| x == service) else {
                return;
            };
            if let Some(to) = at.checked_add_signed(by).filter(|to| *to < s.len()) {
                s.swap(at, to);
            }
        });
    }

    fn remove(&self, service: &ServiceRef) {
        self.0.update(|s| s.retain(|x| x != service));
    }

    fn clear(&self) {
        self.0.set(Vec::new());
    }
}

pub fn provide_sheet() -> Sheet {
    let sheet = Sheet(RwSignal::new(Vec::new()));
    provide_context(sheet);
    sheet
}

pub fn use_sheet() -> Sheet {
    expect_context::<Sheet>()
}

/// "Add to the sheet" / "Remove from the sheet" for one service, from its row or its page.
#[component]
pub fn SheetToggle(service: ServiceRef, #[prop(optional)] compact: bool) -> impl IntoView {
    let lang = use_lang();
    let sheet = use_sheet();
    let full = RwSignal::new(false);
    let on_sheet = {
        let service = service.clone();
        move || sheet.contains(&service)
    };
    let label = {
        let on_sheet = on_sheet.clone();
        move || {
            lang.t(if on_sheet() {
                "sheet-remove-from"
            } else {
                "sheet-add"
            })
        }
    };
    let title = label.clone();
    view! {
        <button type="button" class=if compact { "sheet-toggle compact" } else { "action sheet-toggle" }
            aria-pressed=move || on_sheet().to_string()
            title=move || compact.then(&title)
            on:click=move |ev| {
                // On a result row, the row itself opens the service.
                ev.stop_propagation();
                full.set(!sheet.toggle(&service));
            }>
            {
                let on_sheet = on_sheet.clone();
                move || icon(if on_sheet() { "minus" } else { "plus" })
            }
            <span class:visually-hidden=compact>{label}</span>
        </button>
        {move || full.get().then(|| view! {
            <span class="sheet-full" role="alert">
                {move || lang.t_with("sheet-full", &[("max", (SHEET_MAX as i64).into())])}
            </span>
        })}
    }
}

/// One service as the sheet shows it: read in the person's language, and in Italian for the
/// Italian half (its own texts, such as how to get access, differ).
#[derive(Clone)]
pub struct SheetEntry {
    pub person: ServiceDetail,
    pub italian: ServiceDetail,
}

/// The sheet's services, in its order, read again whenever the sheet, the language or the data
/// changes; `None` for one no longer in the directory (listed, to be taken off, not printed).
fn sheet_entries(sheet: Sheet) -> LocalResource<Vec<(ServiceRef, Option<SheetEntry>)>> {
    let lang = use_lang();
    let nav = use_nav();
    LocalResource::new(move || {
        nav.data_changed.track();
        let services = sheet.0.get();
        let code = lang.code();
        async move {
            let mut entries = Vec::new();
            for service in services {
                let (feed, id) = (&service.feed.0, &service.id.0);
                let person = ipc::service_detail(feed, id, code).await;
                let italian = match code == bussola_i18n::REFERENCE {
                    true => person.clone(),
                    false => ipc::service_detail(feed, id, bussola_i18n::REFERENCE).await,
                };
                let entry = match (person, italian) {
                    (Ok(person), Ok(italian)) => Some(SheetEntry { person, italian }),
                    _ => None,
                };
                entries.push((service, entry));
            }
            entries
        }
    })
}

#[component]
pub fn SheetScreen() -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let sheet = use_sheet();
    let entries = sheet_entries(sheet);
    // How the last save went, said in whatever language the person reads now.
    let said = RwSignal::new(None::<Result<ipc::Saved, String>>);
    let saving = RwSignal::new(false);
    let save = move |_| {
        let Some(listed) = entries.get_untracked() else {
            return;
        };
        let entries: Vec<SheetEntry> = listed.into_iter().filter_map(|(_, e)| e).collect();
        saving.set(true);
        said.set(None);
        leptos::task::spawn_local(async move {
            let person = lang.tr_untracked();
            let italian = lang.italian();
            let outcome = match crate::sheet_image::draw(&entries, &person, &italian).await {
                Ok(png) => {
                    let name = format!("bussola-{}.png", crate::results::today());
                    ipc::save_file(&name, "image/png", png).await
                }
                Err(e) => Err(e),
            };
            said.set(Some(outcome));
            saving.set(false);
        });
    };
    view! {
        <section class="sheet-screen" aria-labelledby="sheet-title">
            <h1 id="sheet-title" class="screen-title">{move || lang.t("sheet-title")}</h1>
            {move || (sheet.len() == 0).then(|| view! {
                <p class="hint" id="sheet-empty">{move || lang.t("sheet-empty")}</p>
                <button type="button" class="secondary" on:click=move |_| nav.switch(crate::Screen::Search)>
                    {icon("search")}<span>{move || lang.t("nav-search")}</span>
                </button>
            })}
            <Transition fallback=move || view! { <p class="count">{lang.t("detail-loading")}</p> }>
                {move || entries.get().map(|listed| {
                    let count = listed.len();
                    let missing = listed.iter().any(|(_, e)| e.is_none());
                    let rows = listed
                        .iter()
                        .enumerate()
                        .map(|(at, (service, entry))| sheet_row(at, count, service, entry.as_ref()))
                        .collect_view();
                    let entries: Vec<SheetEntry> = listed.into_iter().filter_map(|(_, e)| e).collect();
                    let any = !entries.is_empty();
                    view! {
                        {missing.then(|| view! {
                            <p class="error" role="alert" id="sheet-missing">{move || lang.t("sheet-missing")}</p>
                        })}
                        {(count > 0).then(|| view! {
                            <ol class="sheet-list" id="sheet-list">{rows}</ol>
                        })}
                        {any.then(|| view! {
                            <div class="actions sheet-tools">
                                <button type="button" id="sheet-print" class="primary"
                                    on:click=move |_| { let _ = window().print(); }>
                                    {icon("print")}<span>{move || lang.t("sheet-print")}</span>
                                </button>
                                <button type="button" id="sheet-save" class="secondary"
                                    disabled=move || saving.get() on:click=save>
                                    {icon("share")}<span>{move || lang.t("sheet-save")}</span>
                                </button>
                                <button type="button" id="sheet-clear" class="secondary"
                                    on:click=move |_| { said.set(None); sheet.clear(); }>
                                    {icon("close")}<span>{move || lang.t("sheet-clear")}</span>
                                </button>
                            </div>
                        })}
                        {move || said.get().and_then(|outcome| saved_sentence(&lang.tr(), outcome)).map(|(ok, text)| view! {
                            <p id="sheet-said" role="status" class:share-ok=ok class:error=!ok>{text}</p>
                        })}
                        {any.then(|| printed_sheet(&entries))}
                    }
                })}
            </Transition>
        </section>
    }
}

/// How saving the image went, in a sentence; nothing when the person closed the share sheet.
fn saved_sentence(tr: &Translator, outcome: Result<ipc::Saved, String>) -> Option<(bool, String)> {
    Some(match outcome {
        Ok(ipc::Saved::To(path)) => (
            true,
            tr.text_with("sheet-saved", &[("path", (&path).into())]),
        ),
        Ok(ipc::Saved::Downloaded) => (true, tr.text("sheet-downloaded")),
        Ok(ipc::Saved::Shared) => (true, tr.text("sheet-shared")),
        Ok(ipc::Saved::Cancelled) => return None,
        Err(reason) => (
            false,
            tr.text_with("sheet-save-failed", &[("reason", (&reason).into())]),
        ),
    })
}

/// A row of the list above the sheet: the name (or the id of a service no longer in the
/// directory), and buttons to move it or take it off.
fn sheet_row(
    at: usize,
    count: usize,
    service: &ServiceRef,
    entry: Option<&SheetEntry>,
) -> impl IntoView + use<> {
    let lang = use_lang();
    let sheet = use_sheet();
    let gone = entry.is_none();
    let name = entry.map_or_else(|| service.id.0.clone(), |e| e.person.name.text.clone());
    let (up, down, off) = (service.clone(), service.clone(), service.clone());
    view! {
        <li class="sheet-row" class:sheet-gone=gone>
            <span class="sheet-row-name" dir="auto">{name}</span>
            <span class="sheet-row-tools">
                <button type="button" class="secondary sheet-up" disabled=at == 0
                    aria-label=move || lang.t("sheet-up") title=move || lang.t("sheet-up")
                    on:click=move |_| sheet.shift(&up, -1)>"↑"</button>
                <button type="button" class="secondary sheet-down" disabled=at + 1 == count
                    aria-label=move || lang.t("sheet-down") title=move || lang.t("sheet-down")
                    on:click=move |_| sheet.shift(&down, 1)>"↓"</button>
                <button type="button" class="secondary sheet-remove"
                    aria-label=move || lang.t("sheet-remove") title=move || lang.t("sheet-remove")
                    on:click=move |_| sheet.remove(&off)>{icon("close")}</button>
            </span>
        </li>
    }
}

/// The sheet as it prints: a heading in both languages, then one block per service that a page
/// break never cuts.
fn printed_sheet(entries: &[SheetEntry]) -> impl IntoView + use<> {
    let lang = use_lang();
    let person = lang.tr();
    let italian = lang.italian();
    let both = person.locale.code != italian.locale.code;
    view! {
        <article class="sheet" id="sheet" class:two=both>
            <header class="sheet-head">
                <p lang=person.locale.code dir=if person.locale.rtl { "rtl" } else { "ltr" }>{person.text("sheet-heading")}</p>
                {both.then(|| view! { <p lang="it" dir="ltr">{italian.text("sheet-heading")}</p> })}
            </header>
            {entries.iter().enumerate().map(|(at, entry)| view! {
                <section class="sheet-entry" data-id=entry.person.id.0.clone()>
                    <p class="sheet-number">{at + 1}</p>
                    <div class="card-columns">
                        {half(&person, &entry.person, &entry.person.name.text, true)}
                        {both.then(|| half(&italian, &entry.italian, &entry.italian.name_it, true))}
                    </div>
                    {qr(&entry.italian, &person, None)}
                </section>
            }).collect_view()}
        </article>
    }
}
