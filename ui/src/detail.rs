//! A service's detail: what it is, where, when it is open this week, how to reach it, who
//! speaks which language, how to get access, and how sure the data is (verified date, sources,
//! approximate location). Every string from the feed is shown as text; a link is made only
//! for the schemes the app opens, and handed to the system rather than opened in the window.

use crate::i18n::{Lang, use_lang};
use crate::icons::{category_icon, icon};
use crate::results::open_text;
use crate::{BackButton, Screen, ServiceRef, ipc, use_nav};
use bussola_model::{Localized, LocationDetail, ServiceDetail, Timetable, safe_link};
use leptos::prelude::*;

#[component]
pub fn DetailScreen(service: ServiceRef) -> impl IntoView {
    let lang = use_lang();
    let detail = service_detail(service);
    let draft = crate::corrections::CorrectionDraft::new();
    view! {
        <BackButton />
        <Transition fallback=move || view! { <p class="count">{lang.t("detail-loading")}</p> }>
            {move || detail.get().map(|answer| match answer {
                Ok(detail) => view! { <Detail detail draft /> }.into_any(),
                Err(_) => view! {
                    <p class="error" role="alert">{lang.t("detail-not-found")}</p>
                }.into_any(),
            })}
        </Transition>
    }
}

/// A service's detail in the person's language, asked again when the language or the data
/// changes (a sync, a favourite marked here).
pub fn service_detail(service: ServiceRef) -> LocalResource<Result<ServiceDetail, String>> {
    let lang = use_lang();
    let nav = use_nav();
    LocalResource::new(move || {
        nav.data_changed.track();
        let (feed, id, code) = (service.feed.0.clone(), service.id.0.clone(), lang.code());
        async move { ipc::service_detail(&feed, &id, code).await }
    })
}

/// "Share" where the shell can pass a text on (the web app), and the sentence saying the text
/// went to the clipboard when there was no share sheet to take it.
struct ShareAction {
    button: AnyView,
    copied: AnyView,
}

/// The service's name, address and phone, with the link that opens its page in the web app:
/// what a person sends a friend. Nothing about the person goes with it.
fn share_action(detail: &ServiceDetail, service: &ServiceRef) -> ShareAction {
    let lang = use_lang();
    let available = LocalResource::new(ipc::can_share);
    let copied = RwSignal::new(false);
    let title = detail.name.text.clone();
    let mut text = vec![detail.name.text.clone()];
    if detail.name.text != detail.name_it {
        text.push(detail.name_it.clone());
    }
    text.extend(detail.locations.first().and_then(|l| l.address_line(false)));
    text.extend(detail.phones.first().map(|p| p.number.clone()));
    let text = text.join("\n");
    let path = crate::history::path(&Screen::Detail(service.clone()));
    let share = move |_| {
        let (title, text, path) = (title.clone(), text.clone(), path.clone());
        leptos::task::spawn_local(async move {
            let Ok(url) = ipc::site_link(&path).await else {
                return;
            };
            copied.set(ipc::share(&title, &text, &url).await == Ok(ipc::ShareOutcome::Copied));
        });
    };
    ShareAction {
        button: (move || {
            available.get().unwrap_or(false).then(|| {
                view! {
                    <button type="button" class="action" id="action-share" on:click=share.clone()>
                        {icon("share")}<span>{move || lang.t("action-share")}</span>
                    </button>
                }
            })
        })
        .into_any(),
        copied: (move || {
            copied.get().then(|| {
                view! { <p class="share-copied" role="status" id="share-copied">{move || lang.t("share-copied")}</p> }
            })
        })
        .into_any(),
    }
}

/// Opens a link through the shell (browser, dialer, mail, map app).
pub fn open_link(link: String) -> impl Fn(leptos::ev::MouseEvent) + Clone {
    move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let link = link.clone();
        leptos::task::spawn_local(async move {
            let _ = ipc::open_link(&link).await;
        });
    }
}

/// A link for a feed string, or plain text when its scheme is not one the app opens.
fn link(href: String, text: String, class: &'static str) -> AnyView {
    match safe_link(&href).map(str::to_owned) {
        Some(href) => view! {
            <a class=class href=href.clone() on:click=open_link(href) dir="auto">{text}</a>
        }
        .into_any(),
        None => view! { <span class=class>{text}</span> }.into_any(),
    }
}

/// A feed text, with "in Italian" beside it when the person reads another language, or
/// "translated from Italian" when the feed's editors translated it (not the office's words).
fn localized(lang: Lang, text: Localized) -> impl IntoView {
    view! {
        <span lang=text.lang.clone() dir="auto">{text.text}</span>
        {text.is_fallback.then(|| view! { " " <span class="in-italian">{lang.t("in-italian")}</span> })}
        {text.translated.then(|| view! {
            " " <span class="in-italian translated">{lang.t("translated-from-italian")}</span>
        })}
    }
}

#[component]
fn Detail(detail: ServiceDetail, draft: crate::corrections::CorrectionDraft) -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let service = ServiceRef {
        feed: detail.feed.clone(),
        id: detail.id.clone(),
    };
    let first_point = detail
        .locations
        .iter()
        .find_map(|l| l.point.map(|p| (p, l)));
    let hours = detail
        .locations
        .iter()
        .find_map(|l| l.hours.clone())
        .or_else(|| detail.hours.clone());
    let favourite = detail.favourite;
    let toggle_favourite = {
        let (feed, id) = (detail.feed.0.clone(), detail.id.0.clone());
        move |_| {
            let (feed, id) = (feed.clone(), id.clone());
            leptos::task::spawn_local(async move {
                // The data changed: this page and every list ask again.
                if ipc::set_favourite(&feed, &id, !favourite).await.is_ok() {
                    nav.touch_data();
                }
            });
        }
    };
    let call = detail
        .phones
        .iter()
        .find(|p| p.kind.as_deref() != Some("fax"))
        .cloned();
    // Where the point is only the comune's centre but the street is known, the maps app is
    // handed the address to find the door, not the middle of town.
    let street_address = first_point
        .filter(|(_, l)| l.approximate && l.street.is_some())
        .and_then(|(_, l)| l.address_line(false));
    let directions = match &street_address {
        Some(address) => Some(format!("geo:0,0?q={}", encode(address))),
        None => first_point.map(|(p, _)| {
            let label = detail.name_it.replace(['(', ')'], " ");
            format!(
                "geo:{:.6},{:.6}?q={:.6},{:.6}({})",
                p.lat,
                p.lon,
                p.lat,
                p.lon,
                encode(&label)
            )
        }),
    };
    let osm = match &street_address {
        Some(address) => Some(format!(
            "https://www.openstreetmap.org/search?query={}",
            encode(address)
        )),
        None => first_point.map(|(p, _)| {
            format!(
                "https://www.openstreetmap.org/?mlat={:.5}&mlon={:.5}#map=16/{:.5}/{:.5}",
                p.lat, p.lon, p.lat, p.lon
            )
        }),
    };
    let stale = crate::results::stale_text(&lang.tr_untracked(), detail.assured_date.as_deref());
    let correcting = draft.open;
    let share = share_action(&detail, &service);
    let card_service = service.clone();
    let closure = detail.closed.then(|| detail.closed_until.clone());
    let withdrawn = detail.withdrawn;
    let has_access = detail.application_process.is_some()
        || detail.fees.is_some()
        || detail.eligibility.is_some();
    view! {
        <article class="detail" id="detail" data-id=detail.id.0.clone()>
            <header class="detail-head">
                <div class="hit-icons" aria-hidden="true">
                    {detail.categories.iter().map(|c| category_icon(c)).collect_view()}
                </div>
                <h1 id="detail-name">{localized(lang, detail.name.clone())}</h1>
                // What a person must know before going comes first.
                {closure.map(|until| view! {
                    <p class="closure" id="detail-closed" role="note">{icon("emergency")}
                        <strong>{move || crate::results::closure_text(&lang.tr(), until.as_deref())}</strong>
                    </p>
                })}
                {withdrawn.then(|| view! {
                    <p class="closure" id="detail-withdrawn" role="note">{icon("emergency")}
                        <strong>{move || lang.t("service-withdrawn")}</strong>
                    </p>
                })}
                {detail.alert.clone().map(|alert| view! {
                    <aside class="alert" id="detail-alert" role="note">
                        <strong>{move || lang.t("detail-alert")} ": "</strong>{localized(lang, alert)}
                    </aside>
                })}
                <p class="categories">
                    {detail.categories.iter().map(|c| {
                        let c = c.clone();
                        view! { <span class="category">{move || lang.tr().category(&c)}</span> }
                    }).collect_view()}
                </p>
                {detail.organization.clone().map(|o| view! {
                    <p class="organization">{move || lang.t("detail-organization")} ": "
                        <span dir="auto">{o.clone()}</span></p>
                })}
                {hours.clone().map(|h| view! {
                    <p class="state" id="detail-state">{move || {
                        let (class, text) = open_text(&lang.tr(), h.state, h.next_change.as_deref());
                        view! { <span class=class>{text}</span> }
                    }}</p>
                })}
                {stale.map(|_| {
                    let date = detail.assured_date.clone();
                    view! {
                        <p class="stale" id="detail-stale">{icon("clock")}
                            <span>{move || crate::results::stale_text(&lang.tr(), date.as_deref())}</span>
                        </p>
                    }
                })}
                <button type="button" id="favourite" class="favourite"
                    aria-pressed=favourite.to_string() on:click=toggle_favourite>
                    {icon("star")}
                    <span>{move || lang.t(if favourite { "favourite-remove" } else { "favourite-add" })}</span>
                </button>
            </header>
            <nav class="actions" aria-label=move || lang.t("detail-contacts")>
                {call.map(|p| view! {
                    <a class="action" id="action-call" href=format!("tel:{}", p.dial)
                        on:click=open_link(format!("tel:{}", p.dial))>
                        {icon("phone")}<span>{move || lang.t("action-call")}</span>
                    </a>
                })}
                {directions.map(|geo| view! {
                    <a class="action" id="action-directions" href=geo.clone() on:click=open_link(geo)>
                        {icon("directions")}<span>{move || lang.t("action-directions")}</span>
                    </a>
                })}
                <button type="button" class="action" id="action-card"
                    on:click=move |_| nav.open(Screen::Card(card_service.clone()))>
                    {icon("card")}<span>{move || lang.t("action-card")}</span>
                </button>
                <crate::sheet::SheetToggle service=service.clone() />
                <crate::speech::ListenButton detail=detail.clone() />
                {share.button}
                <button type="button" class="action" id="action-report"
                    aria-expanded=move || correcting.get().to_string()
                    aria-controls="correction-form"
                    on:click=move |_| correcting.update(|open| *open = !*open)>
                    {icon("report")}<span>{move || lang.t("action-report")}</span>
                </button>
            </nav>
            {share.copied}
            <crate::corrections::CorrectionForm detail=detail.clone() draft />
            {detail.description.clone().map(|d| view! {
                <p class="description" id="detail-description">{localized(lang, d)}</p>
            })}
            <section aria-labelledby="where-title">
                <h2 id="where-title">{move || lang.t("detail-where")}</h2>
                {detail.locations.iter().cloned().map(|l| location(lang, l)).collect_view()}
                {osm.map(|href| link(href, lang.t("action-osm"), "osm"))}
            </section>
            <section aria-labelledby="hours-title">
                <h2 id="hours-title">{move || lang.t("detail-hours")}</h2>
                {match hours {
                    Some(h) => week(lang, h).into_any(),
                    None => view! { <p class="unknown">{move || lang.t("detail-hours-unknown")}</p> }.into_any(),
                }}
            </section>
            <section aria-labelledby="contacts-title">
                <h2 id="contacts-title">{move || lang.t("detail-contacts")}</h2>
                <ul class="contacts">
                    {detail.phones.clone().into_iter().map(|p| {
                        let text_only = p.kind.as_deref() == Some("text");
                        view! {
                            <li class="phone">
                                {icon("phone")}
                                {link(format!("tel:{}", p.dial), p.number.clone(), "tel")}
                                {text_only.then(|| view! { " (" {move || lang.t("phone-text-only")} ")" })}
                                {p.description.clone().map(|d| view! { " — " <span dir="auto">{d}</span> })}
                            </li>
                        }
                    }).collect_view()}
                    {detail.email.clone().map(|e| view! {
                        <li class="email">{icon("mail")}{link(format!("mailto:{e}"), e.clone(), "mail")}</li>
                    })}
                    {detail.certified_email.clone().map(|e| view! {
                        <li class="email certified" id="detail-certified-email">
                            {icon("mail")}{link(format!("mailto:{e}"), e.clone(), "mail")}
                            <span class="certified-note">{move || lang.t("email-certified")}</span>
                        </li>
                    })}
                    {detail.url.clone().map(|u| view! {
                        <li class="website">{icon("web")}{link(u.clone(), u, "web")}</li>
                    })}
                </ul>
            </section>
            {(!detail.languages.is_empty()).then(|| {
                let codes = detail.languages.clone();
                view! {
                    <section aria-labelledby="languages-title">
                        <h2 id="languages-title">{move || lang.t("detail-languages")}</h2>
                        <p class="languages">{move || codes.iter().map(|c| lang.tr().language(c)).collect::<Vec<_>>().join(", ")}</p>
                    </section>
                }
            })}
            {has_access.then(|| view! {
                <section aria-labelledby="access-title">
                    <h2 id="access-title">{move || lang.t("detail-access")}</h2>
                    <dl class="access">
                        {detail.application_process.clone().map(|t| view! {
                            <dt>{move || lang.t("detail-application")}</dt><dd>{localized(lang, t)}</dd>
                        })}
                        {detail.eligibility.clone().map(|t| view! {
                            <dt>{move || lang.t("detail-eligibility")}</dt><dd>{localized(lang, t)}</dd>
                        })}
                        {detail.fees.clone().map(|t| view! {
                            <dt>{move || lang.t("detail-fees")}</dt><dd>{localized(lang, t)}</dd>
                        })}
                    </dl>
                </section>
            })}
            <section class="provenance" aria-labelledby="sources-title">
                <h2 id="sources-title">{move || lang.t("detail-sources")}</h2>
                <p id="detail-verified">{
                    let date = detail.assured_date.clone();
                    move || match &date {
                        Some(d) => lang.t_with("detail-verified", &[("date", (&lang.tr().date(d)).into())]),
                        None => lang.t("detail-not-verified"),
                    }
                }</p>
                <ul class="sources" id="detail-sources">
                    {detail.sources.iter().cloned().map(|s| view! { <li>{link(s.clone(), s, "source")}</li> }).collect_view()}
                </ul>
                <p class="data-version">{
                    let (feed, version) = (detail.feed.0.clone(), detail.feed_version.0);
                    move || lang.t_with("detail-data", &[("feed", (&feed).into()), ("version", version.into())])
                }</p>
            </section>
        </article>
    }
}

/// One location: address, precision, accessibility.
fn location(lang: Lang, l: LocationDetail) -> impl IntoView {
    let line = l.address_line(true);
    let precision = match (l.approximate, l.precision.as_deref()) {
        (true, _) => Some("detail-approximate"),
        (false, Some("street")) => Some("detail-precision-street"),
        (false, Some("building")) => Some("detail-precision-building"),
        _ => None,
    };
    view! {
        <div class="location">
            {l.name.clone().filter(|n| Some(n) != l.city.as_ref()).map(|n| view! { <p class="location-name" dir="auto">{n}</p> })}
            {line.map(|line| view! { <p class="address" dir="auto">{icon("pin")}{line}</p> })}
            {precision.map(|id| view! {
                <p class=if l.approximate { "approximate precision" } else { "precision" } id="detail-precision">
                    {move || lang.t(id)}
                </p>
            })}
            {(!l.accessibility.is_empty()).then(|| view! {
                <p class="accessibility">{move || lang.t("detail-accessibility")} ": "
                    <span dir="auto">{l.accessibility.join("; ")}</span></p>
            })}
        </div>
    }
}

/// The week's hours, today highlighted, holidays marked; the raw text when unreadable.
fn week(lang: Lang, hours: Timetable) -> impl IntoView {
    if !hours.readable {
        return view! {
            <p class="unknown">{move || lang.t("detail-hours-unreadable")}</p>
            <p class="raw-hours" dir="ltr">{hours.raw.clone()}</p>
        }
        .into_any();
    }
    view! {
        <table class="week" id="week">
            <tbody>
                {hours.week.into_iter().map(|day| {
                    let intervals = day.times();
                    let closed = day.open.is_empty();
                    view! {
                        <tr class:today=day.today class:holiday=day.holiday
                            aria-current=day.today.then_some("date")>
                            <th scope="row">
                                {move || lang.tr().weekday(day.weekday)}
                                " "
                                <span class="date">{move || lang.tr().date(&day.date)}</span>
                                {day.today.then(|| view! { " · " <strong>{move || lang.t("detail-today")}</strong> })}
                                {day.holiday.then(|| view! { " · " <span>{move || lang.t("detail-holiday")}</span> })}
                            </th>
                            <td dir="ltr">
                                {match closed {
                                    true => view! { <span class="closed-day">{move || lang.t("detail-closed-day")}</span> }.into_any(),
                                    false => view! { <span>{intervals.clone()}</span> }.into_any(),
                                }}
                                {day.uncertain.then(|| view! { " " <em>{move || lang.t("detail-hours-uncertain")}</em> })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Percent-encodes a URI component.
fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}
