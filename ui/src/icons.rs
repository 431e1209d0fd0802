//! Icons drawn as inline SVG: one stroke style, readable at chip size, and no font or file to
//! load. Category icons carry the meaning for people who read little; every icon is
//! `aria-hidden` because the control it sits in has its own label.

use leptos::prelude::*;

/// The categories of the taxonomy in the order the chips show them (DESIGN.md, "The feed").
pub const CATEGORIES: [&str; 15] = [
    "permits",
    "access-point",
    "mediation",
    "legal",
    "language",
    "health",
    "family",
    "work",
    "housing",
    "food-shelter",
    "education",
    "community",
    "helpline",
    "emergency",
    "town-hall",
];

/// The outline of an icon, in a 24×24 box.
fn path_of(name: &str) -> &'static str {
    match name {
        "permits" => {
            "M3 6h18v12H3z M7 9a1.8 1.8 0 1 1 0 3.6a1.8 1.8 0 1 1 0-3.6 M5 16c.6-1.6 1.4-2.2 2.6-2.2s2 .6 2.6 2.2 M13 10h5 M13 13.5h5"
        }
        "access-point" | "info" => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M12 11v6 M12 7.5v.5",
        "mediation" => "M3 4h11v8H8l-3 3v-3H3z M10 15v2h6l3 3v-3h2V9h-4",
        "legal" => "M12 4v16 M8 20h8 M5 7h14 M5 7l-3 6a3 3 0 0 0 6 0z M19 7l-3 6a3 3 0 0 0 6 0z",
        "language" => "M4 5c3-1 5-1 8 1c3-2 5-2 8-1v14c-3-1-5-1-8 1c-3-2-5-2-8-1z M12 6v14",
        "health" => "M9 3h6v6h6v6h-6v6H9v-6H3V9h6z",
        "family" => {
            "M8 3.5a2 2 0 1 1 0 4a2 2 0 1 1 0-4 M4 20v-6a4 4 0 0 1 8 0v6 M17 9.5a1.5 1.5 0 1 1 0 3a1.5 1.5 0 1 1 0-3 M14 20v-3.5a3 3 0 0 1 6 0V20"
        }
        "work" => "M3 8h18v11H3z M9 8V5h6v3 M3 13h18",
        "housing" => "M3 11l9-7 9 7 M5 10v10h14V10 M10 20v-6h4v6",
        "food-shelter" => {
            "M3 11h18a9 9 0 0 1-18 0z M8 8c0-1 1-1 1-2s-1-1-1-2 M12 8c0-1 1-1 1-2s-1-1-1-2 M16 8c0-1 1-1 1-2s-1-1-1-2"
        }
        "education" => "M2 9l10-5 10 5-10 5z M6 11v5c3 2 9 2 12 0v-5 M22 9v6",
        "community" => {
            "M12 4a2 2 0 1 1 0 4a2 2 0 1 1 0-4 M5 7.5a1.8 1.8 0 1 1 0 3.6a1.8 1.8 0 1 1 0-3.6 M19 7.5a1.8 1.8 0 1 1 0 3.6a1.8 1.8 0 1 1 0-3.6 M8 19v-3a4 4 0 0 1 8 0v3 M2 18v-1.5a3 3 0 0 1 5-2.2 M22 18v-1.5a3 3 0 0 0-5-2.2"
        }
        "helpline" | "phone" => {
            "M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2"
        }
        "emergency" => "M12 3l10 18H2z M12 10v5 M12 17.5v.5",
        // A public building: pediment, columns, steps.
        "town-hall" => "M3 9l9-5 9 5z M5 9v9 M9.5 9v9 M14.5 9v9 M19 9v9 M3 18h18 M2 21h20",
        "search" => "M10.5 4a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13 M15.5 15.5L21 21",
        "star" => "M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9z",
        "list" => "M8 6h13 M8 12h13 M8 18h13 M3.5 6h.01 M3.5 12h.01 M3.5 18h.01",
        "map" => "M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3z M9 3v15 M15 6v15",
        "directions" => "M12 2l10 10-10 10L2 12z M9 14v-3h6 M13 9l2 2-2 2",
        "card" => "M3 5h18v14H3z M7 9h10 M7 13h6",
        "report" => "M5 21V4 M5 4h11l-2 4 2 4H5",
        "back" => "M15 5l-7 7 7 7",
        "share" => {
            "M18 3a3 3 0 1 1 0 6a3 3 0 1 1 0-6 M6 9a3 3 0 1 1 0 6a3 3 0 1 1 0-6 M18 15a3 3 0 1 1 0 6a3 3 0 1 1 0-6 M8.6 10.5l6.8-3.5 M8.6 13.5l6.8 3.5"
        }
        "update" => "M20 12a8 8 0 1 1-2.3-5.7 M20 4v5h-5",
        "plus" => "M12 5v14 M5 12h14",
        "minus" => "M5 12h14",
        "home" => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8",
        "pin" => {
            "M12 21s-7-6-7-11a7 7 0 0 1 14 0c0 5-7 11-7 11z M12 7.5a2.5 2.5 0 1 1 0 5a2.5 2.5 0 1 1 0-5"
        }
        "print" => "M6 9V3h12v6 M6 17H3v-8h18v8h-3 M6 14h12v7H6z",
        "globe" | "web" => {
            "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M3 12h18 M12 3c3 3 3 15 0 18 M12 3c-3 3-3 15 0 18"
        }
        "mail" => "M3 6h18v12H3z M3 6l9 7 9-7",
        "clock" => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M12 7v5l3 2",
        "refresh" => "M20 4v5h-5 M20 9a8 8 0 1 0 1 6",
        "close" => "M6 6l12 12 M18 6L6 18",
        "speaker" => "M4 9h4l5-4v14l-5-4H4z M16.5 8.5a5 5 0 0 1 0 7 M19 6a8.5 8.5 0 0 1 0 12",
        "stop" => "M6 6h12v12H6z",
        _ => "M5 12h.01 M12 12h.01 M19 12h.01",
    }
}

/// An icon by name; `class` adds to `icon` (e.g. `icon-back`, mirrored right to left).
pub fn icon(name: &'static str) -> impl IntoView + use<> {
    view! {
        <svg class=format!("icon icon-{name}") viewBox="0 0 24 24" aria-hidden="true"
            focusable="false">
            <path d=path_of(name) />
        </svg>
    }
}

/// The icon of a category code; unknown codes get the "other" icon.
pub fn category_icon(code: &str) -> impl IntoView + use<> {
    let path = match CATEGORIES.contains(&code) {
        true => path_of(code),
        false => path_of("other"),
    };
    view! {
        <svg class="icon icon-category" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path />
        </svg>
    }
}
