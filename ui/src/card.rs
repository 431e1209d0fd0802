//! The referral card: a service's essentials in the person's language and in Italian side by
//! side, in large type, to show at the desk or print, with a QR code of the address and phone
//! that a clerk or a friend can scan. The referral sheet ([`crate::sheet`]) is the same halves
//! for several services, with what to bring.

use crate::i18n::use_lang;
use crate::icons::icon;
use crate::{BackButton, ServiceRef};
use bussola_i18n::Translator;
use bussola_model::{DayHours, ServiceDetail};
use leptos::prelude::*;
use qrcode::{Color, QrCode};
use std::fmt::Write;

#[component]
pub fn CardScreen(service: ServiceRef) -> impl IntoView {
    let lang = use_lang();
    let detail = crate::detail::service_detail(service);
    view! {
        <div class="card-tools">
            <BackButton />
            <button type="button" id="card-print" class="primary"
                on:click=move |_| { let _ = window().print(); }>
                {icon("print")}<span>{move || lang.t("card-print")}</span>
            </button>
        </div>
        <Transition fallback=move || view! { <p class="count">{lang.t("detail-loading")}</p> }>
            {move || detail.get().map(|answer| match answer {
                Ok(detail) => {
                    let person = lang.tr();
                    let italian = lang.italian();
                    let both = person.locale.code != italian.locale.code;
                    view! {
                        <div class="card-tools">
                            <crate::speech::ListenButton detail=detail.clone() />
                        </div>
                        <article class="card" id="card" class:two=both>
                            <p class="card-show">{person.text("card-show")}</p>
                            <div class="card-columns">
                                {half(&person, &detail, &detail.name.text, false)}
                                {both.then(|| half(&italian, &detail, &detail.name_it, false))}
                            </div>
                            {qr(&detail, &person, Some("card-qr"))}
                        </article>
                    }.into_any()
                }
                Err(_) => view! { <p class="error" role="alert">{lang.t("detail-not-found")}</p> }.into_any(),
            })}
        </Transition>
    }
}

/// The service as one language reads it: `detail` as read in that language, `name` the name to
/// show in it. With `access`, also the languages spoken, how to get access and what to bring
/// (the sheet's longer entry); a text the feed has only in Italian is left to the Italian half.
pub fn half(
    tr: &Translator,
    detail: &ServiceDetail,
    name: &str,
    access: bool,
) -> impl IntoView + use<> {
    let code = tr.locale.code;
    let dir = if tr.locale.rtl { "rtl" } else { "ltr" };
    let name = name.to_owned();
    let address = address_line(detail);
    let phone = detail.phones.first().map(|p| p.number.clone());
    let hours = this_week(tr, detail);
    let languages = (access && !detail.languages.is_empty()).then(|| {
        detail
            .languages
            .iter()
            .map(|c| tr.language(c))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let application = access
        .then_some(detail.application_process.as_ref())
        .flatten()
        .filter(|t| !t.is_fallback || code == bussola_i18n::REFERENCE)
        .map(|t| t.text.clone());
    let documents = access
        .then(|| detail.required_documents.clone())
        .filter(|d| !d.is_empty());
    view! {
        <section class="card-half" lang=code dir=dir>
            <p class="card-need">{tr.text("card-need")}</p>
            <h2 class="card-name" dir="auto">{name}</h2>
            <p class="card-categories">
                {detail.categories.iter().map(|c| tr.category(c)).collect::<Vec<_>>().join(" · ")}
            </p>
            {address.map(|a| view! {
                <p><span class="card-label">{tr.text("card-address")}</span><br/>
                   <span dir="auto">{a}</span></p>
            })}
            {phone.map(|p| view! {
                <p><span class="card-label">{tr.text("card-phone")}</span><br/>
                   <span class="card-phone" dir="ltr">{p}</span></p>
            })}
            {hours.map(|lines| view! {
                <div><span class="card-label">{tr.text("card-hours")}</span>
                    <ul class="card-hours">{lines.into_iter().map(|(day, times)| view! {
                        // Times read left to right inside Arabic and Urdu too.
                        <li>{day} " " <bdi dir="ltr">{times}</bdi></li>
                    }).collect_view()}</ul>
                </div>
            })}
            {languages.map(|l| view! {
                <p><span class="card-label">{tr.text("sheet-languages")}</span><br/>{l}</p>
            })}
            {application.map(|a| view! {
                <p><span class="card-label">{tr.text("sheet-access")}</span><br/>
                   <span dir="auto">{a}</span></p>
            })}
            {documents.map(|d| view! {
                <div><span class="card-label">{tr.text("sheet-documents")}</span>
                    <ul class="card-documents">{d.into_iter().map(|d| view! { <li lang="it" dir="auto">{d}</li> }).collect_view()}</ul>
                </div>
            })}
        </section>
    }
}

/// This week's open days and times, when the hours can be read.
pub fn this_week(tr: &Translator, detail: &ServiceDetail) -> Option<Vec<(String, String)>> {
    detail
        .locations
        .iter()
        .find_map(|l| l.hours.as_ref())
        .or(detail.hours.as_ref())
        .filter(|h| h.readable)
        .map(|h| week_lines(tr, &h.week))
}

/// The first location's address on one line.
pub fn address_line(detail: &ServiceDetail) -> Option<String> {
    detail.locations.first()?.address_line(false)
}

/// Open days only, one line each: the day's name and its times ("lunedì", "09:00–12:00").
fn week_lines(tr: &Translator, week: &[DayHours]) -> Vec<(String, String)> {
    week.iter()
        .filter(|d| !d.open.is_empty())
        .map(|d| (tr.weekday(d.weekday), d.times()))
        .collect()
}

/// The QR code's modules, row by row (`true` dark), and its width: the name, address and phone
/// as plain text, which any phone's camera reads with no network.
pub fn qr_modules(detail: &ServiceDetail) -> Option<(usize, Vec<bool>)> {
    let mut text = detail.name_it.clone();
    if let Some(address) = address_line(detail) {
        let _ = write!(text, "\n{address}");
    }
    if let Some(phone) = detail.phones.first() {
        let _ = write!(text, "\n{}", phone.number);
    }
    let code = QrCode::new(text.as_bytes()).ok()?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some((code.width(), dark))
}

/// The QR code drawn as one SVG path, with its quiet zone.
pub fn qr(
    detail: &ServiceDetail,
    tr: &Translator,
    id: Option<&'static str>,
) -> Option<impl IntoView + use<>> {
    let (width, dark) = qr_modules(detail)?;
    let mut path = String::new();
    for (i, _) in dark.iter().enumerate().filter(|(_, dark)| **dark) {
        let _ = write!(path, "M{} {}h1v1h-1z", i % width + 4, i / width + 4);
    }
    let size = width + 8;
    Some(view! {
        <figure class="card-qr">
            <svg id=id class="qr" viewBox=format!("0 0 {size} {size}") role="img"
                aria-label=tr.text("card-qr") shape-rendering="crispEdges">
                <rect width=size height=size fill="#fff" />
                <path d=path fill="#000" />
            </svg>
        </figure>
    })
}
