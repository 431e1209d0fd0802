//! Bussola's words in every language it speaks.
//!
//! The UI's strings live in Fluent files, one folder per locale under `i18n/`, compiled into
//! the binary (the app works offline, so nothing is fetched). Italian is the reference: every
//! locale has exactly its messages (tested). This crate is plain Rust with no UI in it, so the
//! same bundles are checked by native tests and used by the wasm UI.
//!
//! Numbers, dates and distances are written here rather than by Fluent's built-ins, which do
//! not know each locale's decimal comma or date order without pulling in all of ICU.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

include!(concat!(env!("OUT_DIR"), "/ftl.rs"));

/// A language the app is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    pub code: &'static str,
    /// The language's name in itself, for the language picker.
    pub name: &'static str,
    /// Written right to left.
    pub rtl: bool,
}

/// The reference locale, and the one chosen when the system's language is none of ours.
pub const REFERENCE: &str = "it";

/// The main languages of migrants in Umbria, Italian first.
pub const LOCALES: [Locale; 11] = [
    locale("it", "Italiano", false),
    locale("en", "English", false),
    locale("fr", "Français", false),
    locale("ar", "العربية", true),
    locale("uk", "Українська", false),
    locale("ro", "Română", false),
    locale("sq", "Shqip", false),
    locale("es", "Español", false),
    locale("zh", "中文（简体）", false),
    locale("bn", "বাংলা", false),
    locale("ur", "اردو", true),
];

const fn locale(code: &'static str, name: &'static str, rtl: bool) -> Locale {
    Locale { code, name, rtl }
}

/// The locale with this code, if the app has it.
pub fn find(code: &str) -> Option<&'static Locale> {
    LOCALES.iter().find(|l| l.code == code)
}

/// The best of our locales for the system's preferred languages (BCP 47 tags, best first),
/// Italian when none matches: "ar-MA" gets Arabic, "pt-BR" Italian.
pub fn negotiate(requested: &[String]) -> &'static str {
    let requested: Vec<LanguageIdentifier> = requested
        .iter()
        .filter_map(|tag| tag.parse().ok())
        .collect();
    let available: Vec<LanguageIdentifier> = LOCALES
        .iter()
        .map(|l| l.code.parse().expect("our codes are valid tags"))
        .collect();
    let default: LanguageIdentifier = REFERENCE.parse().expect("a valid tag");
    let chosen = fluent_langneg::negotiate_languages(
        &requested,
        &available,
        Some(&default),
        fluent_langneg::NegotiationStrategy::Lookup,
    );
    let code = chosen
        .first()
        .map(|l| l.language.as_str())
        .unwrap_or(REFERENCE);
    find(code).map_or(REFERENCE, |l| l.code)
}

/// The Fluent text of a locale, if the app carries it.
pub fn ftl(code: &str) -> Option<&'static str> {
    FTL.iter().find(|(c, _)| *c == code).map(|(_, text)| *text)
}

/// A value passed to a message: numbers choose plural forms, text is inserted as is.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Number(i64),
    Text(&'a str),
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

/// One locale's messages, with Italian behind them for any message the locale lacks (a release
/// never lacks one: the tests fail first; this only keeps a screen readable meanwhile).
pub struct Translator {
    pub locale: &'static Locale,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<Box<Translator>>,
}

impl std::fmt::Debug for Translator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translator")
            .field("locale", &self.locale.code)
            .finish()
    }
}

impl Translator {
    /// The translator for `code`, or Italian's when the app has no such locale.
    pub fn new(code: &str) -> Translator {
        let locale = find(code)
            .filter(|l| ftl(l.code).is_some())
            .unwrap_or(&LOCALES[0]);
        let lang: LanguageIdentifier = locale.code.parse().expect("our codes are valid tags");
        let mut bundle = FluentBundle::new(vec![lang]);
        // Variables are wrapped in bidi isolation marks only in right-to-left text, where a
        // phone number, a time or an Italian name must keep its own direction; elsewhere the
        // invisible marks would only get in the way of copying text.
        bundle.set_use_isolating(locale.rtl);
        let text = ftl(locale.code).unwrap_or_default();
        let resource =
            FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, _)| partial);
        // A message that does not parse is left out (and reported by the tests).
        let _ = bundle.add_resource(resource);
        let fallback = (locale.code != REFERENCE).then(|| Box::new(Translator::new(REFERENCE)));
        Translator {
            locale,
            bundle,
            fallback,
        }
    }

    /// The message `id` without variables.
    pub fn text(&self, id: &str) -> String {
        self.text_with(id, &[])
    }

    /// The message `id` with its variables.
    pub fn text_with(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return match &self.fallback {
                Some(italian) => italian.text_with(id, args),
                None => id.to_owned(),
            };
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(t) => FluentValue::from(*t),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// Whether this locale has its own message `id` (not Italian's in its place).
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A number with one decimal, with the locale's decimal mark: 1.5 → "1,5" in Italian.
    pub fn decimal(&self, value: f64) -> String {
        let text = format!("{value:.1}");
        match self.locale.code {
            "en" | "zh" | "bn" | "ur" | "ar" => text,
            _ => text.replace('.', ","),
        }
    }

    /// A distance as a person reads it: metres below a kilometre, one decimal below ten.
    pub fn distance(&self, meters: f64) -> String {
        if meters < 950.0 {
            let rounded = ((meters / 50.0).round() * 50.0).max(50.0);
            format!("{rounded:.0} m")
        } else if meters < 9_950.0 {
            format!("{} km", self.decimal(meters / 1000.0))
        } else {
            format!("{:.0} km", meters / 1000.0)
        }
    }

    /// A `YYYY-MM-DD` date in the locale's order (day first in most, year first in Chinese).
    pub fn date(&self, iso: &str) -> String {
        let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
        let [year, month, day] = parts[..] else {
            return iso.to_owned();
        };
        match self.locale.code {
            "zh" => format!(
                "{year}年{}月{}日",
                month.trim_start_matches('0'),
                day.trim_start_matches('0')
            ),
            "uk" | "ro" | "sq" => format!("{day}.{month}.{year}"),
            _ => format!("{day}/{month}/{year}"),
        }
    }

    /// The name of a weekday on its own (a row of a timetable), 0 being Monday.
    pub fn weekday(&self, day: u8) -> String {
        self.text(&format!("weekday-{}", day % 7))
    }

    /// A weekday as it reads inside "opens on … at …": some languages change its form there
    /// (Ukrainian "у середу", Albanian "të mërkurën").
    pub fn weekday_in_sentence(&self, day: u8) -> String {
        self.text(&format!("weekday-on-{}", day % 7))
    }

    /// The name of a category of the taxonomy; "other" for a code this version does not know.
    pub fn category(&self, code: &str) -> String {
        let id = format!("cat-{code}");
        match self.has(&id) || self.fallback.as_ref().is_some_and(|f| f.has(&id)) {
            true => self.text(&id),
            false => self.text("cat-other"),
        }
    }

    /// The name of a language spoken at an office, in this locale.
    pub fn language(&self, code: &str) -> String {
        let id = format!("lang-{code}");
        match self.has(&id) || self.fallback.as_ref().is_some_and(|f| f.has(&id)) {
            true => self.text(&id),
            false => self.text_with("lang-other", &[("code", code.into())]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_language_picks_the_locale_else_italian() {
        let tags = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(negotiate(&tags(&["ar-MA", "fr-FR"])), "ar");
        assert_eq!(negotiate(&tags(&["uk-UA"])), "uk");
        assert_eq!(negotiate(&tags(&["pt-BR", "en-US"])), "en");
        assert_eq!(negotiate(&tags(&["pt-BR"])), "it");
        assert_eq!(negotiate(&tags(&["zh-CN"])), "zh");
        assert_eq!(negotiate(&[]), "it");
    }

    #[test]
    fn numbers_dates_and_distances_follow_the_locale() {
        let it = Translator::new("it");
        assert_eq!(it.distance(1234.0), "1,2 km");
        assert_eq!(it.distance(420.0), "400 m");
        assert_eq!(it.distance(12_600.0), "13 km");
        assert_eq!(it.date("2026-11-22"), "22/11/2026");
        assert_eq!(
            it.text_with("results-count", &[("count", 0i64.into())]),
            "Nessun servizio trovato"
        );
        assert_eq!(
            it.text_with("results-count", &[("count", 1i64.into())]),
            "1 servizio"
        );
        assert_eq!(
            it.text_with("results-count", &[("count", 7i64.into())]),
            "7 servizi"
        );
        assert_eq!(it.category("permits"), "Permesso di soggiorno");
        assert_eq!(it.category("teleportation"), "Altro");
        assert_eq!(it.language("wo"), "wolof");
        assert_eq!(it.language("xx"), "altra lingua (xx)");
    }
}
