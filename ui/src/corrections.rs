//! Corrections from the field: on a service's page, "something is wrong" (closed for good,
//! moved, hours, phone, e-mail, website, other) with the right value or a note; kept on the
//! device with the person's own data, listed in "My corrections", and sent only when the person
//! chooses: a mail to the feed's editors whose body carries the machine-readable packet, or the
//! packet as a `.json` file to hand over.

use crate::i18n::use_lang;
use crate::icons::icon;
use crate::{ipc, use_nav};
use bussola_model::{CorrectionField, NewCorrection, ServiceCorrection, ServiceDetail};
use leptos::prelude::*;

/// What the person is writing in "something is wrong", held by the service's screen rather than
/// by its page: a sync or a change of language draws the page again, and loses nothing typed.
#[derive(Clone, Copy)]
pub struct CorrectionDraft {
    pub open: RwSignal<bool>,
    field: RwSignal<CorrectionField>,
    value: RwSignal<String>,
    note: RwSignal<String>,
    saved: RwSignal<Option<Result<ServiceCorrection, String>>>,
}

impl CorrectionDraft {
    pub fn new() -> CorrectionDraft {
        CorrectionDraft {
            open: RwSignal::new(false),
            field: RwSignal::new(CorrectionField::Phone),
            value: RwSignal::new(String::new()),
            note: RwSignal::new(String::new()),
            saved: RwSignal::new(None),
        }
    }
}

/// The form on a service's page, opened by "Report a problem".
#[component]
pub fn CorrectionForm(detail: ServiceDetail, draft: CorrectionDraft) -> impl IntoView {
    let lang = use_lang();
    let CorrectionDraft {
        open,
        field,
        value,
        note,
        saved,
    } = draft;
    let (feed, service) = (detail.feed.clone(), detail.id.clone());
    // Enough to act on: "closed for good" alone, else a right value or a note.
    let enough = move || {
        field.get().says_enough_alone()
            || !value.with(|v| v.trim().is_empty())
            || !note.with(|n| n.trim().is_empty())
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !enough() {
            return;
        }
        let text = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_owned()).filter(|s| !s.is_empty())
        };
        let new = NewCorrection {
            feed: feed.clone(),
            service: service.clone(),
            field: field.get_untracked(),
            proposed: text(value).filter(|_| !field.get_untracked().says_enough_alone()),
            note: text(note),
        };
        leptos::task::spawn_local(async move {
            let outcome = ipc::suggest_correction(&new).await;
            // The page is not asked to draw again (that would close this form): "My
            // corrections" reads the list afresh whenever it is opened.
            if outcome.is_ok() {
                value.set(String::new());
                note.set(String::new());
            }
            saved.set(Some(outcome));
        });
    };
    view! {
        {move || open.get().then(|| view! {
            <form class="correction" id="correction-form" on:submit=submit.clone()>
                <h2>{move || lang.t("correction-title")}</h2>
                <label class="field">
                    <span>{move || lang.t("correction-what")}</span>
                    <select id="correction-field"
                        on:change=move |ev| {
                            if let Some(f) = CorrectionField::parse(&event_target_value(&ev)) {
                                field.set(f);
                            }
                        }
                        prop:value=move || field.get().code()>
                        {CorrectionField::ALL.into_iter().map(|f| view! {
                            <option value=f.code() selected=move || field.get() == f>{move || lang.t(&format!("correction-field-{}", f.code()))}</option>
                        }).collect_view()}
                    </select>
                </label>
                {move || (!field.get().says_enough_alone()).then(|| view! {
                    <label class="field">
                        <span>{move || lang.t("correction-value")}</span>
                        <input id="correction-value" type="text" dir="auto" maxlength="1000"
                            prop:value=move || value.get()
                            on:input=move |ev| value.set(event_target_value(&ev)) />
                    </label>
                })}
                <label class="field">
                    <span>{move || lang.t("correction-note")}</span>
                    <textarea id="correction-note" rows="3" dir="auto" maxlength="1000"
                        prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </label>
                <p class="hint">{move || lang.t("correction-private")}</p>
                <button type="submit" class="primary" id="correction-save" disabled=move || !enough()>
                    {icon("report")}<span>{move || lang.t("correction-save")}</span>
                </button>
                {move || saved.get().map(|outcome| match outcome {
                    Ok(correction) => view! {
                        <div id="correction-said" role="status" class="share-ok">
                            <p>{move || lang.t("correction-saved")}</p>
                            <CorrectionActions correction />
                        </div>
                    }.into_any(),
                    Err(reason) => view! {
                        <p id="correction-said" role="alert" class="error">
                            {move || lang.t_with("correction-failed", &[("reason", (&reason).into())])}
                        </p>
                    }.into_any(),
                })}
            </form>
        })}
    }
}

/// "My corrections": what the person noted, with the data version each is about, to send or
/// remove. Nothing shows while there are none.
#[component]
pub fn MyCorrections() -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let corrections = LocalResource::new(move || {
        nav.data_changed.track();
        ipc::corrections()
    });
    view! {
        <Transition fallback=|| ()>
            {move || corrections.get().map(|answer| match answer {
                Ok(list) if !list.is_empty() => view! {
                    <section class="my-corrections" id="my-corrections" aria-labelledby="corrections-title">
                        <h2 id="corrections-title">{move || lang.t("corrections-title")}</h2>
                        <p class="hint">{move || lang.t("correction-private")}</p>
                        <ul class="corrections">
                            {list.into_iter().map(|correction| view! { <CorrectionItem correction /> }).collect_view()}
                        </ul>
                    </section>
                }.into_any(),
                // Read, and none: marked for whoever checks that there are none.
                Ok(_) => view! { <div id="no-corrections" hidden></div> }.into_any(),
                Err(error) => crate::results::error_line(lang, &error).into_any(),
            })}
        </Transition>
    }
}

#[component]
fn CorrectionItem(correction: ServiceCorrection) -> impl IntoView {
    let lang = use_lang();
    let field = format!("correction-field-{}", correction.field.code());
    let about = {
        let (version, date) = (correction.data_version.0 as i64, correction.created.clone());
        move || {
            lang.t_with(
                "correction-about",
                &[
                    ("version", version.into()),
                    ("date", (&lang.tr().date(&date)).into()),
                ],
            )
        }
    };
    let old = correction.current.clone();
    let proposed = correction.proposed.clone();
    let note = correction.note.clone();
    let (id, name) = (correction.id.to_string(), correction.service_name.clone());
    view! {
        <li class="correction-item" data-id=id>
            <p class="correction-service" dir="auto"><strong>{name}</strong></p>
            <p class="correction-field">{move || lang.t(&field)}</p>
            {old.map(|old| view! {
                <p class="correction-old">{move || lang.t("correction-old")} ": " <span dir="auto">{old.clone()}</span></p>
            })}
            {proposed.map(|p| view! {
                <p class="correction-proposed">{move || lang.t("correction-value")} ": " <strong dir="auto">{p.clone()}</strong></p>
            })}
            {note.map(|n| view! { <p class="correction-note" dir="auto">{n}</p> })}
            <p class="correction-about">{about}</p>
            <CorrectionActions correction removable=true />
        </li>
    }
}

/// Send by mail, save as a file, and (in the list) remove.
#[component]
fn CorrectionActions(
    correction: ServiceCorrection,
    #[prop(optional)] removable: bool,
) -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    // How saving the file went, said in whatever language the person reads now.
    let said = RwSignal::new(None::<Result<ipc::Saved, String>>);
    // With no address from the feed, the mail opens with the recipient left for the person to
    // write (a colleague, the region's office); the hint says so.
    let mail = mail_link(&correction, &lang.italian());
    let packet = correction.packet();
    let file_name = format!(
        "bussola-correction-{}-{}.json",
        correction.service.0, correction.id
    );
    let file_name_shown = file_name.clone();
    let save = move |_| {
        let (file_name, packet) = (file_name.clone(), packet.clone());
        leptos::task::spawn_local(async move {
            let json = serde_json::to_vec_pretty(&packet).unwrap_or_default();
            said.set(Some(
                ipc::save_file(&file_name, "application/json", json).await,
            ));
        });
    };
    let id = correction.id;
    let remove = move |_| {
        leptos::task::spawn_local(async move {
            if ipc::remove_correction(id).await.is_ok() {
                nav.touch_data();
            }
        });
    };
    let no_contact = correction.feed_contact.is_none();
    view! {
        <div class="actions correction-actions">
            <a class="action correction-send" href=mail.clone() on:click=crate::detail::open_link(mail)>
                {icon("mail")}<span>{move || lang.t("correction-send")}</span>
            </a>
            <button type="button" class="secondary correction-file" on:click=save>
                {icon("share")}<span>{move || lang.t("correction-file")}</span>
            </button>
            {removable.then(|| view! {
                <button type="button" class="secondary correction-remove" on:click=remove>
                    {icon("close")}<span>{move || lang.t("correction-remove")}</span>
                </button>
            })}
        </div>
        {no_contact.then(|| view! { <p class="hint">{move || lang.t("correction-no-contact")}</p> })}
        {move || said.get().and_then(|outcome| {
            crate::about::file_saved_sentence(&lang.tr(), &outcome, &file_name_shown)
        }).map(|(_, s)| view! { <p class="correction-file-said" role="status">{s}</p> })}
    }
}

/// A mail to the feed's editors: a few lines in Italian, their language, then the packet their
/// tools read (`bussola-cli feed corrections`).
pub fn mail_link(correction: &ServiceCorrection, italian: &bussola_i18n::Translator) -> String {
    let subject = format!("Bussola: correzione per {}", correction.service);
    let mut body = format!(
        "Servizio: {} ({})\nFeed: {} versione {}\nCosa: {}\n",
        correction.service_name,
        correction.service,
        correction.feed,
        correction.data_version,
        italian.text(&format!("correction-field-{}", correction.field.code())),
    );
    if let Some(proposed) = &correction.proposed {
        body.push_str(&format!("Valore giusto: {proposed}\n"));
    }
    body.push('\n');
    body.push_str(&correction.packet().block());
    format!(
        "mailto:{}?subject={}&body={}",
        correction
            .feed_contact
            .as_deref()
            .map(encode)
            .unwrap_or_default(),
        encode(&subject),
        encode(&body)
    )
}

fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}
