//! Which opening hours a feed may carry: OSM `opening_hours` text that the `opening-hours`
//! crate reads without trouble. Unreadable hours are a warning, never an error: a device shows
//! them as "hours unknown". The engine evaluates the hours this returns.

use opening_hours::OpeningHours;

/// Parses OSM `opening_hours` text; `None` when it does not parse or is beyond the crate.
pub fn parse(text: &str) -> Option<OpeningHours> {
    let text = text.trim();
    if beyond_the_crate(text) {
        return None;
    }
    text.parse().ok()
}

/// How much later than a sun event (`(sunset+01:00)`) hours may say, in minutes.
const MAX_SUN_OFFSET_MINUTES: u32 = 120;

/// Whether `text` holds what `opening-hours` 2.1.4 cannot handle (each found by the
/// opening_hours fuzz target), refused before it sees it:
///
/// - "24:00" as a repeat period ("10:00-17:30/24:00"), which the grammar allows but the parser
///   cannot build: it reports an error of its own implementation behind a `debug_assert!`, a
///   panic in debug builds (`cargo xtask run`, the tests, the CLI);
/// - a sun time pushed past midnight ("(dusk+05:00)-00:30"): a span that starts after midnight
///   and after its end trips an assertion in debug builds, and overflows an `expect` in release
///   builds too ("(dusk+24:00)-(dusk+05:00)"). Two hours keep every sun time before midnight:
///   without coordinates dusk is 20:00, and with them it comes before 22:00 anywhere in Italy.
///
/// Release builds read the first as unreadable anyway, and nobody opens five hours after dusk:
/// both are "hours unknown".
fn beyond_the_crate(text: &str) -> bool {
    let repeat_24h = text
        .match_indices("24:00")
        .any(|(at, _)| text[..at].trim_end().ends_with('/'));
    let bytes = text.as_bytes();
    let late_sun = text.match_indices('+').any(|(at, _)| {
        let before = &bytes[..at];
        let after_event = ["dawn", "sunrise", "sunset", "dusk"].iter().any(|event| {
            let event = format!("({event}");
            before.len() >= event.len()
                && before[before.len() - event.len()..].eq_ignore_ascii_case(event.as_bytes())
        });
        after_event && offset_minutes(&bytes[at + 1..]).is_some_and(|m| m > MAX_SUN_OFFSET_MINUTES)
    });
    repeat_24h || late_sun
}

/// The minutes of an `H:MM` or `HH:MM` at the start of `text`.
fn offset_minutes(text: &[u8]) -> Option<u32> {
    let colon = text.iter().take(3).position(|&b| b == b':')?;
    let (hours, minutes) = (&text[..colon], text.get(colon + 1..colon + 3)?);
    let number = |digits: &[u8]| -> Option<u32> {
        (!digits.is_empty() && digits.iter().all(u8::is_ascii_digit))
            .then(|| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    Some(number(hours)? * 60 + number(minutes)?)
}
