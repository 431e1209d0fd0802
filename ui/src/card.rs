//! The referral card: a service's essentials in the person's language and in Italian side by
//! side, in large type, to show at the desk or print, with a QR code of the address and phone
//! that a clerk or a friend can scan.

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
                                {half(&person, &detail, false)}
                                {both.then(|| half(&italian, &detail, true))}
                            </div>
                            {qr(&detail, &person)}
                        </article>
                    }.into_any()
                }
                Err(_) => view! { <p class="error" role="alert">{lang.t("detail-not-found")}</p> }.into_any(),
            })}
        </Transition>
    }
}

/// The service as one language reads it.
fn half(tr: &Translator, detail: &ServiceDetail, italian: bool) -> impl IntoView {
    let code = tr.locale.code;
    let dir = if tr.locale.rtl { "rtl" } else { "ltr" };
    let name = match italian {
        true => detail.name_it.clone(),
        false => detail.name.text.clone(),
    };
    let address = address_line(detail);
    let phone = detail.phones.first().map(|p| p.number.clone());
    let hours = detail
        .locations
        .iter()
        .find_map(|l| l.hours.as_ref())
        .or(detail.hours.as_ref())
        .filter(|h| h.readable)
        .map(|h| week_lines(tr, &h.week));
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
        </section>
    }
}

/// The first location's address on one line.
fn address_line(detail: &ServiceDetail) -> Option<String> {
    detail.locations.first()?.address_line(false)
}

/// Open days only, one line each: the day's name and its times ("lunedì", "09:00–12:00").
fn week_lines(tr: &Translator, week: &[DayHours]) -> Vec<(String, String)> {
    week.iter()
        .filter(|d| !d.open.is_empty())
        .map(|d| (tr.weekday(d.weekday), d.times()))
        .collect()
}

/// A QR code holding the name, address and phone as plain text, drawn as one SVG path.
fn qr(detail: &ServiceDetail, tr: &Translator) -> Option<impl IntoView + use<>> {
    let mut text = detail.name_it.clone();
    if let Some(address) = address_line(detail) {
        let _ = write!(text, "\n{address}");
    }
    if let Some(phone) = detail.phones.first() {
        let _ = write!(text, "\n{}", phone.number);
    }
    let code = QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let _ = write!(path, "M{} {}h1v1h-1z", i % width + 4, i / width + 4);
        }
    }
    let size = width + 8;
    Some(view! {
        <figure class="card-qr">
            <svg id="card-qr" viewBox=format!("0 0 {size} {size}") role="img"
                aria-label=tr.text("card-qr") shape-rendering="crispEdges">
                <rect width=size height=size fill="#fff" />
                <path d=path fill="#000" />
            </svg>
        </figure>
    })
}
