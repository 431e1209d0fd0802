//! The referral sheet: the few services a mediator chose for one person (renew the permit, a
//! doctor, an Italian course), each in the person's language beside Italian with this week's
//! hours, what to bring and a QR code, to print on A4 or to save as one image for a messenger.
//!
//! The sheet lives only in the page's memory: nothing about the person is asked, and nothing of
//! it is written to the device; "clear" (or closing the app) forgets it.

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

    /// Moves the service at `at` one place earlier (`-1`) or later (`1`).
    fn shift(&self, at: usize, by: isize) {
        self.0.update(|s| {
            if let Some(to) = at.checked_add_signed(by).filter(|to| *to < s.len()) {
                s.swap(at, to);
            }
        });
    }

    fn remove(&self, at: usize) {
        self.0.update(|s| {
            if at < s.len() {
                s.remove(at);
            }
        });
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

/// The sheet's services read again whenever the sheet, the language or the data changes; a
/// service no longer in the directory is counted, not shown.
fn sheet_entries(sheet: Sheet) -> LocalResource<(Vec<SheetEntry>, usize)> {
    let lang = use_lang();
    let nav = use_nav();
    LocalResource::new(move || {
        nav.data_changed.track();
        let services = sheet.0.get();
        let code = lang.code();
        async move {
            let mut entries = Vec::new();
            let mut missing = 0;
            for service in services {
                let (feed, id) = (&service.feed.0, &service.id.0);
                let person = ipc::service_detail(feed, id, code).await;
                let italian = match code == bussola_i18n::REFERENCE {
                    true => person.clone(),
                    false => ipc::service_detail(feed, id, bussola_i18n::REFERENCE).await,
                };
                match (person, italian) {
                    (Ok(person), Ok(italian)) => entries.push(SheetEntry { person, italian }),
                    _ => missing += 1,
                }
            }
            (entries, missing)
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
        let Some((entries, _)) = entries.get_untracked() else {
            return;
        };
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
                {move || entries.get().map(|(entries, missing)| {
                    let any = !entries.is_empty();
                    view! {
                        {(missing > 0).then(|| view! {
                            <p class="error" role="alert" id="sheet-missing">{move || lang.t("sheet-missing")}</p>
                        })}
                        {any.then(|| view! {
                            <ol class="sheet-list" id="sheet-list">
                                {entries.iter().enumerate().map(|(at, entry)| sheet_row(at, entries.len(), entry)).collect_view()}
                            </ol>
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

/// A row of the list above the sheet: the name, and buttons to move it or take it off.
fn sheet_row(at: usize, count: usize, entry: &SheetEntry) -> impl IntoView + use<> {
    let lang = use_lang();
    let sheet = use_sheet();
    let name = entry.person.name.text.clone();
    view! {
        <li class="sheet-row">
            <span class="sheet-row-name" dir="auto">{name}</span>
            <span class="sheet-row-tools">
                <button type="button" class="secondary sheet-up" disabled=at == 0
                    aria-label=move || lang.t("sheet-up") title=move || lang.t("sheet-up")
                    on:click=move |_| sheet.shift(at, -1)>"↑"</button>
                <button type="button" class="secondary sheet-down" disabled=at + 1 == count
                    aria-label=move || lang.t("sheet-down") title=move || lang.t("sheet-down")
                    on:click=move |_| sheet.shift(at, 1)>"↓"</button>
                <button type="button" class="secondary sheet-remove"
                    aria-label=move || lang.t("sheet-remove") title=move || lang.t("sheet-remove")
                    on:click=move |_| sheet.remove(at)>{icon("close")}</button>
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
