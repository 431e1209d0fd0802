//! Which opening hours a feed may carry: OSM `opening_hours` text that the `opening-hours`
//! crate reads without trouble. Unreadable hours are a warning, never an error: a device shows
//! them as "hours unknown". The engine evaluates the hours this returns.
//!
//! Two things the crate reads as "open" the specification (and opening_hours.js, the evaluator
//! OpenStreetMap's editors use) reads as "unknown", and so does Bussola: a person must not be
//! sent to a door on a guess.
//! - A rule whose only state is a comment (`"by appointment"`, `Sa 10:00-12:00 "maybe, call"`):
//!   only a written `open` makes a commented rule open.
//! - An open end (`17:00+`, `sunrise+`, `13:00-17:00+`): from the start of `17:00+`, and from the
//!   end of `13:00-17:00+`, the office may or may not be open until midnight.

use opening_hours::OpeningHours;
use opening_hours_syntax::extended_time::ExtendedTime;
use opening_hours_syntax::rules::time::{Time, TimeSelector, TimeSpan};
use opening_hours_syntax::rules::{OpeningHoursExpression, RuleKind, RuleOperator, RuleSequence};

/// Parses OSM `opening_hours` text; `None` when it does not parse or is beyond the crate.
pub fn parse(text: &str) -> Option<OpeningHours> {
    let text = text.trim();
    if beyond_the_crate(text) {
        return None;
    }
    let parsed: OpeningHours = text.parse().ok()?;
    let expression = parsed.get_expression();
    match honest(&expression, text) {
        // Written out and read again: the crate builds its evaluator only from text. The
        // crate's writer is used only for hours that change, so those read as they are keep
        // exactly the crate's reading.
        Some(rewritten) => rewritten.to_string().parse().ok(),
        None => Some(parsed),
    }
}

/// The expression with commented rules and open ends made "unknown", or `None` when it has
/// neither.
fn honest(expression: &OpeningHoursExpression, text: &str) -> Option<OpeningHoursExpression> {
    let comments = comments(text);
    let mut next_comment = 0;
    let mut changed = false;
    let mut rules = Vec::with_capacity(expression.rules.len());
    for rule in &expression.rules {
        let mut rule = rule.clone();
        // Rules hold their comments in the order the text does.
        let written_open = if rule.comment.is_empty() {
            false
        } else {
            let found = comments[next_comment..]
                .iter()
                .position(|(comment, _)| **comment == *rule.comment);
            found.is_some_and(|at| {
                next_comment += at + 1;
                comments[next_comment - 1].1
            })
        };
        if rule.kind == RuleKind::Open && !rule.comment.is_empty() && !written_open {
            rule.kind = RuleKind::Unknown;
            changed = true;
        }
        if rule.kind == RuleKind::Open && rule.time_selector.spans.iter().any(|s| s.open_end) {
            changed = true;
            rules.extend(split_open_ends(rule));
        } else {
            rules.push(rule);
        }
    }
    changed.then_some(OpeningHoursExpression { rules })
}

/// An open rule with open ends as two: the times that may be open ("unknown"), then, added to
/// them, the times that surely are.
fn split_open_ends(rule: RuleSequence) -> Vec<RuleSequence> {
    let midnight = Time::Fixed(ExtendedTime::MIDNIGHT_24);
    let (mut uncertain, mut certain) = (Vec::new(), Vec::new());
    for span in &rule.time_selector.spans {
        if !span.open_end {
            certain.push(span.clone());
        } else if span.range.end == midnight {
            // `17:00+` (the crate gives it midnight as its end): unknown from its start.
            uncertain.push(plain_span(span.range.start, midnight));
        } else {
            certain.push(plain_span(span.range.start, span.range.end));
            // Past midnight (`22:00-04:00+`) the tail would be in tomorrow: left closed.
            if span.range.end < midnight {
                uncertain.push(plain_span(span.range.end, midnight));
            }
        }
    }
    let with = |spans: Vec<TimeSpan>, kind, operator| RuleSequence {
        day_selector: rule.day_selector.clone(),
        time_selector: TimeSelector::new(spans),
        kind,
        operator,
        comment: rule.comment.clone(),
    };
    match (uncertain.is_empty(), certain.is_empty()) {
        (true, _) => vec![with(certain, RuleKind::Open, rule.operator)],
        (false, true) => vec![with(uncertain, RuleKind::Unknown, rule.operator)],
        (false, false) => vec![
            with(uncertain, RuleKind::Unknown, rule.operator),
            with(certain, RuleKind::Open, RuleOperator::Additional),
        ],
    }
}

fn plain_span(start: Time, end: Time) -> TimeSpan {
    TimeSpan {
        range: start..end,
        open_end: false,
        repeats: None,
    }
}

/// The comments of `text` in order, each with whether it follows a written `open`
/// (`Mo 10:00-12:00 open "by the side door"`). Comments hold no quote, so each is the text
/// between two quotes.
fn comments(text: &str) -> Vec<(&str, bool)> {
    let mut comments = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('"') {
        let before = rest[..start].trim_end();
        let Some(length) = rest[start + 1..].find('"') else {
            break;
        };
        let comment = &rest[start + 1..start + 1 + length];
        let word_before = before
            .rsplit(|c: char| c.is_whitespace() || c == ';' || c == ',' || c == '|')
            .next()
            .unwrap_or("");
        comments.push((comment, word_before.eq_ignore_ascii_case("open")));
        rest = &rest[start + 2 + length..];
    }
    comments
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveDateTime};

    /// 7 December 2026 was a Monday.
    fn monday(hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 7)
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
    }

    fn state(text: &str, at: NaiveDateTime) -> RuleKind {
        parse(text).unwrap().state(at).0
    }

    #[test]
    fn a_rule_that_is_only_a_comment_is_unknown() {
        assert_eq!(state("\"by appointment\"", monday(10)), RuleKind::Unknown);
        assert_eq!(
            state("Mo-Fr 09:00-12:00 \"call first\"", monday(10)),
            RuleKind::Unknown
        );
        assert_eq!(
            state("Mo-Fr 09:00-12:00 \"call first\"", monday(13)),
            RuleKind::Closed
        );
        // Only a written `open` makes a commented rule open, even where the same words recur.
        let written = "Mo 09:00-12:00 open \"side door\"; Tu 09:00-12:00 \"side door\"";
        assert_eq!(state(written, monday(10)), RuleKind::Open);
        let tuesday = monday(10) + chrono::Duration::days(1);
        assert_eq!(state(written, tuesday), RuleKind::Unknown);
        assert_eq!(
            state("Mo 09:00-12:00 open \"side door\"", monday(10)),
            RuleKind::Open
        );
    }

    #[test]
    fn an_open_end_is_unknown_until_midnight() {
        assert_eq!(state("Mo-Fr 07:00+", monday(6)), RuleKind::Closed);
        assert_eq!(state("Mo-Fr 07:00+", monday(10)), RuleKind::Unknown);
        assert_eq!(state("Mo-Fr 07:00+", monday(23)), RuleKind::Unknown);
        let open_then_maybe = "Mo-Fr 08:00-12:00+";
        assert_eq!(state(open_then_maybe, monday(10)), RuleKind::Open);
        assert_eq!(state(open_then_maybe, monday(13)), RuleKind::Unknown);
        // Other times of the rule stay as written.
        assert_eq!(state("07:00+,12:00-16:00", monday(13)), RuleKind::Open);
        assert_eq!(state("07:00+,12:00-16:00", monday(9)), RuleKind::Unknown);
        assert_eq!(state("07:00+,12:00-16:00", monday(5)), RuleKind::Closed);
        // A later rule still overrides it.
        assert_eq!(state("Mo-Fr 07:00+; Mo off", monday(10)), RuleKind::Closed);
    }

    /// Made "unknown" and written out again, hours still read: on every real value the crate
    /// reads, Bussola reads one too.
    #[test]
    fn what_the_crate_reads_stays_readable() {
        let values = include_str!("../../../data/opening-hours/real-values.txt");
        let mut rewritten = 0;
        for text in values.lines() {
            let Ok(crates) = text.trim().parse::<OpeningHours>() else {
                continue;
            };
            if beyond_the_crate(text.trim()) {
                continue;
            }
            let ours = parse(text).unwrap_or_else(|| panic!("no longer read: {text:?}"));
            rewritten += usize::from(ours.to_string() != crates.to_string());
        }
        assert!(rewritten > 50, "only {rewritten} values made uncertain");
    }

    #[test]
    fn hours_with_neither_are_the_crates_own_reading() {
        for text in [
            "Mo-Fr 09:00-13:00; PH off",
            "Mo 09:00-12:00 open \"side door\"",
            "24/7",
            "Mo-Fr 08:00-12:00 || closed \"on appointment\"",
        ] {
            let ours = parse(text).unwrap();
            let crates: OpeningHours = text.parse().unwrap();
            assert_eq!(ours.to_string(), crates.to_string(), "{text}");
        }
    }
}
