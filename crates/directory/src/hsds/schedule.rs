//! HSDS schedules as OSM `opening_hours`: the feed carries one hours text per place, HSDS a list
//! of RRULE-style rows (`freq`, `byday`, `opens_at`, `closes_at`, `valid_from`/`valid_to`…).
//!
//! The rows of one place are read together and become one text: the days that share the same
//! times are one rule, in week order (`Mo,We 09:00-12:00; Fr 14:00-17:00`). A monthly row by
//! weekday (`byday=1MO`) becomes OSM's `Mo[1]`, added to the weekly rules rather than replacing
//! them, as HSDS's rows add up.
//!
//! An overnight span (`Sa 22:00-02:00`) is cut at midnight, `Sa 22:00-24:00` and
//! `Su 00:00-02:00`: in OSM hours a later rule for Sunday replaces all of Sunday, the hours that
//! spill over from Saturday too, so a span kept whole would lose them.
//!
//! Three kinds of finding, never a guess:
//! - a value that cannot be true (a time that is no time, a timezone that is not Italy's) is an
//!   error: the source is refused;
//! - a row that is not in force today (its `valid_to` or `until` past, its `valid_from` to come)
//!   is left out and reported: yesterday's hours are not published as today's;
//! - a row that is true but beyond what OSM hours can say here (every other week, the 2nd of
//!   each month, a fixed number of occurrences, hours given only in words) leaves the place with
//!   no hours at all, reported: hours that miss one of the rows would show the office closed when
//!   it is open. So do days that contradict the rows' own description ("dal lunedì al venerdì"
//!   over rows for Monday to Saturday): one of the two is wrong, which is for the editor to say,
//!   and ordinary data words it loosely often enough that refusing the source would be too much.

use super::{At, number};
use chrono::{Datelike, NaiveDate};
use serde_json::Value;
use std::collections::BTreeMap;

/// What reading a place's schedules found that the editor should hear about.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Finding {
    /// The source cannot be published as it is.
    Error { at: At, message: String },
    /// Published, without what this says.
    Warning { at: At, message: String },
}

const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const RRULE_DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// Minutes since midnight; a closing time may be 24:00 (1440).
type Span = (u16, u16);

/// One row read: either weekly times on some days, or monthly times on the nth weekday.
#[derive(Debug, Default)]
struct Row {
    weekly: Vec<usize>,
    /// (weekday, nth: 1..=5 or -5..=-1)
    monthly: Vec<(usize, i8)>,
    span: Option<Span>,
}

/// The OSM opening hours for the schedule rows of one place, or `None` when the rows give none
/// that can be published (each reason is in the findings).
pub(crate) fn opening_hours(
    rows: &[(At, &Value)],
    today: NaiveDate,
) -> (Option<String>, Vec<Finding>) {
    let mut findings = Vec::new();
    // The current rows, by their index in `rows`.
    let mut read: Vec<(usize, Row)> = Vec::new();
    let mut blocked = false;
    for (i, (at, row)) in rows.iter().enumerate() {
        match read_row(at, row, today, &mut findings) {
            Reading::Current(row) => read.push((i, row)),
            Reading::NotCurrent => {}
            Reading::Blocked => blocked = true,
        }
    }
    // Rows that share a description describe one timetable: its words are checked against the
    // days of all of them together ("weekdays" over a Mo-We row and a Th-Fr row is right).
    // Every row counts, current or not: contradicting words are wrong in either.
    let mut by_description: BTreeMap<&str, (usize, [bool; 7])> = BTreeMap::new();
    for (i, (_, row)) in rows.iter().enumerate() {
        if let Some(description) = row["description"].as_str() {
            let entry = by_description.entry(description).or_insert((i, [false; 7]));
            for day in weekly_days(row) {
                entry.1[day] = true;
            }
        }
    }
    for (description, (first, days)) in &by_description {
        if let Some((words, claimed)) = described_days(description)
            && days.iter().any(|&d| d)
            && *days != claimed
        {
            blocked = true;
            findings.push(Finding::Warning {
                at: rows[*first].0.enter(rows[*first].1).field("byday"),
                message: format!(
                    "{} disagrees with the schedule's description, which says \"{words}\" ({}); \
                     the hours are left empty: correct whichever is wrong",
                    rrule_days(days),
                    days_text(&claimed)
                ),
            });
        }
    }
    if blocked || read.is_empty() {
        return (None, findings);
    }
    let text = hours_text(read.iter().map(|(_, row)| row));
    if text.is_empty() {
        return (None, findings);
    }
    // The feed's own reader decides: hours it would show as "unknown" are not published as
    // hours (this should not happen; if it does, the place is said to have none).
    if bussola_feed::hours::parse(&text).is_none() {
        let (at, row) = &rows[read[0].0];
        findings.push(Finding::Warning {
            at: at.enter(row),
            message: format!(
                "the schedules make \"{text}\", which the app cannot read as opening hours; \
                 the hours are left empty"
            ),
        });
        return (None, findings);
    }
    (Some(text), findings)
}

enum Reading {
    Current(Row),
    /// Not in force today: left out, reported.
    NotCurrent,
    /// An error, or a row the hours cannot express: the place gets no hours.
    Blocked,
}

fn read_row(at: &At, row: &Value, today: NaiveDate, findings: &mut Vec<Finding>) -> Reading {
    let at = at.enter(row);
    let errors_before = findings.len();
    let mut error = |field: &str, message: String| {
        findings.push(Finding::Error {
            at: at.field(field),
            message,
        })
    };

    // Italy's hours are written in Italian time; HSDS gives the timezone as a UTC offset.
    match number(&row["timezone"]) {
        Ok(None) => {}
        Ok(Some(offset)) if offset == 1.0 || offset == 2.0 => {}
        Ok(Some(offset)) => error(
            "timezone",
            format!(
                "{offset} (UTC{offset:+}) is not Italian time: the feed's hours are local time in \
                 Italy (UTC+1, UTC+2 in summer); give the times in Italian time and the timezone \
                 1, 2 or nothing"
            ),
        ),
        Err(text) => error(
            "timezone",
            format!("\"{text}\" is not a UTC offset such as 1"),
        ),
    }
    let mut date = |field: &str| -> Option<NaiveDate> {
        let text = row[field]
            .as_str()
            .map(str::trim)
            .filter(|t| !t.is_empty())?;
        // A timestamp's day is its first ten characters ("2025-01-01T00:00:00Z").
        let day = text.get(..10).unwrap_or(text);
        match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                error(field, format!("\"{text}\" is not a date YYYY-MM-DD"));
                None
            }
        }
    };
    let valid_from = date("valid_from");
    let valid_to = date("valid_to");
    let until = date("until");
    let dtstart = date("dtstart");
    if let (Some(from), Some(to)) = (valid_from, valid_to)
        && from > to
    {
        error(
            "valid_to",
            format!("{to} is before valid_from {from}: the schedule is never valid"),
        );
    }

    let opens = time(&row["opens_at"]);
    let closes = time(&row["closes_at"]);
    let mut span = None;
    match (&opens, &closes) {
        (Ok(Some(o)), Ok(Some(c))) if o.minutes == c.minutes => error(
            "closes_at",
            format!(
                "\"{}\" is the opening time too: the schedule is open for no time at all",
                c.text
            ),
        ),
        (Ok(Some(o)), Ok(Some(c))) => span = Some((o.minutes, c.minutes)),
        _ => {}
    }
    for (field, read) in [("opens_at", &opens), ("closes_at", &closes)] {
        match read {
            Err(TimeProblem::NotATime(text)) => {
                error(field, format!("\"{text}\" is not a time HH:MM"))
            }
            Err(TimeProblem::Foreign(text)) => error(
                field,
                format!(
                    "\"{text}\" is given in another timezone than Italy's; the feed's hours are \
                     local time in Italy"
                ),
            ),
            Ok(Some(t)) if field == "opens_at" && t.minutes >= 24 * 60 => error(
                field,
                format!("\"{}\": nothing opens at midnight's end", t.text),
            ),
            _ => {}
        }
    }

    let freq = row["freq"]
        .as_str()
        .map(|f| f.trim().to_ascii_uppercase())
        .filter(|f| !f.is_empty());
    let monthly = match freq.as_deref() {
        None | Some("WEEKLY") => false,
        Some("MONTHLY") => true,
        Some(other) => {
            error(
                "freq",
                format!("\"{other}\" is not a frequency HSDS knows (WEEKLY or MONTHLY)"),
            );
            false
        }
    };
    let interval = match number(&row["interval"]) {
        Ok(None) => 1.0,
        Ok(Some(n)) if n >= 1.0 && n.fract() == 0.0 => n,
        Ok(Some(n)) => {
            error(
                "interval",
                format!("{n} is not a whole number of 1 or more"),
            );
            1.0
        }
        Err(text) => {
            error("interval", format!("\"{text}\" is not a number"));
            1.0
        }
    };
    let mut parsed = Row {
        span,
        ..Row::default()
    };
    let byday = row["byday"].as_str().map(str::trim).unwrap_or_default();
    for token in byday.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let upper = token.to_ascii_uppercase();
        // The day is the last two characters, cut at a character's boundary: a token such as
        // "SàB" is no day, and must not be cut inside its "à".
        let day_at = upper.char_indices().rev().nth(1).map(|(at, _)| at);
        let parts = day_at.map(|at| upper.split_at(at));
        let Some((nth, day)) =
            parts.and_then(|(nth, day)| Some((nth, RRULE_DAYS.iter().position(|d| *d == day)?)))
        else {
            error(
                "byday",
                format!("\"{token}\" is not a day (MO, TU, WE, TH, FR, SA, SU)"),
            );
            continue;
        };
        if nth.is_empty() {
            parsed.weekly.push(day);
            continue;
        }
        match nth.parse::<i8>() {
            Ok(n) if monthly && (1..=5).contains(&n.abs()) => parsed.monthly.push((day, n)),
            Ok(_) if !monthly => error(
                "byday",
                format!("\"{token}\" counts weeks of the month, which only a MONTHLY schedule can"),
            ),
            _ => error(
                "byday",
                format!("\"{token}\": a month has no such week (1 to 5, or -1 to -5 from its end)"),
            ),
        }
    }
    if findings.len() > errors_before {
        return Reading::Blocked;
    }

    let mut warning = |field: &str, message: String| {
        findings.push(Finding::Warning {
            at: at.field(field),
            message,
        })
    };
    let ended = [("valid_to", valid_to), ("until", until)]
        .into_iter()
        .find(|(_, d)| d.is_some_and(|d| d < today));
    if let Some((field, Some(day))) = ended {
        warning(
            field,
            format!("the schedule ended on {day}: it is not published as the current hours"),
        );
        return Reading::NotCurrent;
    }
    if let Some(from) = valid_from.filter(|&from| from > today) {
        warning(
            "valid_from",
            format!(
                "the schedule starts on {from}: it is not published as the current hours (build \
                 the feed again from that day)"
            ),
        );
        return Reading::NotCurrent;
    }

    let mut beyond = |field: &str, what: String| {
        findings.push(Finding::Warning {
            at: at.field(field),
            message: format!("{what} cannot be written as opening hours; the hours are left empty"),
        });
        Reading::Blocked
    };
    let given = |field: &str| match &row[field] {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.trim().to_owned()),
        other => Some(other.to_string()),
    };
    for (field, what) in [
        ("bymonthday", "days of the month"),
        ("byweekno", "weeks of the year"),
        ("byyearday", "days of the year"),
    ] {
        if let Some(value) = given(field) {
            return beyond(field, format!("a schedule on {what} ({field} {value})"));
        }
    }
    if let Some(count) = given("count") {
        return beyond(
            "count",
            format!("a schedule that ends after {count} occurrences"),
        );
    }
    if interval > 1.0 {
        return beyond(
            "interval",
            format!("a schedule every {interval} weeks or months"),
        );
    }
    if parsed.span.is_none() {
        let words = given("description").map_or_else(String::new, |d| format!(": \"{d}\""));
        let field = if opens.as_ref().is_ok_and(Option::is_some) {
            "closes_at"
        } else {
            "opens_at"
        };
        return beyond(
            field,
            format!("a schedule without both opening and closing times{words}"),
        );
    }
    if parsed.weekly.is_empty() && parsed.monthly.is_empty() {
        // RRULE: a weekly rule without BYDAY repeats on the weekday of its start.
        match dtstart {
            Some(start) if !monthly => parsed
                .weekly
                .push(start.weekday().num_days_from_monday() as usize),
            _ => {
                return beyond(
                    "byday",
                    "a schedule that does not say on which days".to_owned(),
                );
            }
        }
    }
    Reading::Current(parsed)
}

/// The plain weekdays of a row's `byday` (`MO,TU`), leaving out what is not one.
fn weekly_days(row: &Value) -> Vec<usize> {
    let byday = row["byday"].as_str().unwrap_or_default();
    byday
        .split(',')
        .filter_map(|token| {
            let token = token.trim().to_ascii_uppercase();
            RRULE_DAYS.iter().position(|d| *d == token)
        })
        .collect()
}

/// `Mo-Fr 09:00-12:00; Sa 09:00-13:00`, then the monthly rules (`Mo[1] 15:00-17:00`) added.
fn hours_text<'r>(rows: impl Iterator<Item = &'r Row>) -> String {
    let mut week: [Vec<Span>; 7] = Default::default();
    let mut months: BTreeMap<(usize, i8), Vec<Span>> = BTreeMap::new();
    for row in rows {
        let span = row.span.expect("rows without times are not current");
        for &day in &row.weekly {
            // Overnight: until midnight on the day, and on from midnight the next (Sunday's
            // night ends on Monday).
            let (open, close) = span;
            if close < open {
                week[day].push((open, 24 * 60));
                if close > 0 {
                    week[(day + 1) % 7].push((0, close));
                }
            } else {
                week[day].push(span);
            }
        }
        for &nth in &row.monthly {
            months.entry(nth).or_default().push(span);
        }
    }
    week.iter_mut().for_each(tidy);
    months.values_mut().for_each(tidy);
    // Every day all day is OSM's own `24/7` (as a feed writes it, and `export` reads it).
    if months.is_empty() && week.iter().all(|spans| spans.as_slice() == [(0, 24 * 60)]) {
        return "24/7".to_owned();
    }

    // Days with the same times make one rule, placed at its first day.
    let mut rules: Vec<([bool; 7], &Vec<Span>)> = Vec::new();
    for (day, spans) in week.iter().enumerate().filter(|(_, s)| !s.is_empty()) {
        match rules.iter_mut().find(|(_, s)| *s == spans) {
            Some((days, _)) => days[day] = true,
            None => {
                let mut days = [false; 7];
                days[day] = true;
                rules.push((days, spans));
            }
        }
    }
    let mut text: Vec<String> = rules
        .iter()
        .map(|(days, spans)| format!("{} {}", days_text(days), spans_text(spans)))
        .collect::<Vec<_>>();
    let weekly = text.join("; ");

    // Nth weekdays with the same times: `Mo[1,3] 09:00-12:00`.
    let mut monthly: Vec<(usize, Vec<i8>, &Vec<Span>)> = Vec::new();
    for ((day, nth), spans) in &months {
        match monthly.iter_mut().find(|(d, _, s)| d == day && *s == spans) {
            Some((_, nths, _)) => nths.push(*nth),
            None => monthly.push((*day, vec![*nth], spans)),
        }
    }
    text = monthly
        .iter()
        .map(|(day, nths, spans)| {
            let nths: Vec<String> = nths.iter().map(ToString::to_string).collect();
            format!("{}[{}] {}", DAYS[*day], nths.join(","), spans_text(spans))
        })
        .collect();
    // An additional rule (", ") adds to the days before it; a plain one (";") would replace
    // a Monday's weekly hours on the first Monday.
    match (weekly.is_empty(), text.is_empty()) {
        (_, true) => weekly,
        (true, false) => text.join(", "),
        (false, false) => format!("{weekly}, {}", text.join(", ")),
    }
}

/// Sorted, without repeats, overlapping spans joined (an overnight span, which only a monthly
/// rule still has, stays as it is).
fn tidy(spans: &mut Vec<Span>) {
    spans.sort_unstable();
    spans.dedup();
    let mut joined: Vec<Span> = Vec::with_capacity(spans.len());
    for &(open, close) in spans.iter() {
        match joined.last_mut() {
            Some(last) if last.0 < last.1 && open < close && open <= last.1 => {
                last.1 = last.1.max(close)
            }
            _ => joined.push((open, close)),
        }
    }
    *spans = joined;
}

fn spans_text(spans: &[Span]) -> String {
    let clock = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
    spans
        .iter()
        .map(|&(open, close)| format!("{}-{}", clock(open), clock(close)))
        .collect::<Vec<_>>()
        .join(",")
}

/// `Mo-We,Fr`: three or more days in a row as a range.
fn days_text(days: &[bool; 7]) -> String {
    let mut parts = Vec::new();
    let mut day = 0;
    while day < 7 {
        if !days[day] {
            day += 1;
            continue;
        }
        let start = day;
        while day + 1 < 7 && days[day + 1] {
            day += 1;
        }
        match day - start {
            0 => parts.push(DAYS[start].to_owned()),
            1 => parts.push(format!("{},{}", DAYS[start], DAYS[day])),
            _ => parts.push(format!("{}-{}", DAYS[start], DAYS[day])),
        }
        day += 1;
    }
    parts.join(",")
}

fn rrule_days(days: &[bool; 7]) -> String {
    (0..7)
        .filter(|&d| days[d])
        .map(|d| RRULE_DAYS[d])
        .collect::<Vec<_>>()
        .join(",")
}

/// The days a schedule's description names as a whole ("weekdays", "dal lunedì al venerdì"),
/// in English and Italian, with the words found; `None` when it names none. Only these plain
/// claims are read: the words are there to catch a row that contradicts them, not to make
/// hours from prose.
fn described_days(description: &str) -> Option<(String, [bool; 7])> {
    const WEEKDAYS: &[&str] = &[
        "weekday",
        "monday to friday",
        "monday-friday",
        "monday through friday",
        "mon-fri",
        "dal lunedì al venerdì",
        "dal lunedi al venerdi",
        "lunedì-venerdì",
        "lun-ven",
    ];
    const WEEKEND: &[&str] = &["weekend", "saturday and sunday", "sabato e domenica"];
    // "Closed at weekends", "non il weekend": days named to be excluded claim nothing.
    const DENIALS: &[&str] = &[
        "not", "closed", "except", "non", "chius", "tranne", "escluso",
    ];
    let lower = description.to_lowercase();
    let mut days = [false; 7];
    let mut words = Vec::new();
    for (phrases, range) in [(WEEKDAYS, 0..5), (WEEKEND, 5..7)] {
        for phrase in phrases {
            let Some(at) = lower.find(phrase) else {
                continue;
            };
            let before = &lower[..at];
            let near: Vec<&str> = before.split_whitespace().rev().take(3).collect();
            if near
                .iter()
                .any(|w| DENIALS.iter().any(|d| w.starts_with(d)))
            {
                continue;
            }
            let end = lower[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == ' '))
                .map_or(lower.len(), |e| at + e);
            let found = lower[at..end]
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>();
            words.push(found.join(" "));
            range.clone().for_each(|d| days[d] = true);
            break;
        }
    }
    days.iter().any(|&d| d).then(|| (words.join(", "), days))
}

#[derive(Debug)]
struct Clock {
    text: String,
    minutes: u16,
}

#[derive(Debug)]
enum TimeProblem {
    NotATime(String),
    /// A time with an offset that is not Italy's (`Z`, `+03:00`).
    Foreign(String),
}

/// `HH:MM`, `HH:MM:SS`, with Italy's offset (`+01:00`, `+02:00`) allowed.
fn time(value: &Value) -> Result<Option<Clock>, TimeProblem> {
    let Some(text) = value.as_str().map(str::trim).filter(|t| !t.is_empty()) else {
        return match value {
            Value::Null => Ok(None),
            Value::String(_) => Ok(None),
            other => Err(TimeProblem::NotATime(other.to_string())),
        };
    };
    let not_a_time = || TimeProblem::NotATime(text.to_owned());
    let (clock, offset) = match text.find(['Z', 'z', '+', '-']) {
        Some(at) => text.split_at(at),
        None => (text, ""),
    };
    if !matches!(
        offset,
        "" | "+01:00" | "+02:00" | "+0100" | "+0200" | "+01" | "+02"
    ) {
        return Err(TimeProblem::Foreign(text.to_owned()));
    }
    let parts: Vec<&str> = clock.split(':').collect();
    let number = |part: &str| -> Option<u16> {
        (!part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (hours, minutes, seconds) = match parts.as_slice() {
        [h, m] => (number(h), number(m), Some(0)),
        [h, m, s] => (number(h), number(m), number(s)),
        _ => return Err(not_a_time()),
    };
    let (Some(hours), Some(minutes), Some(seconds)) = (hours, minutes, seconds) else {
        return Err(not_a_time());
    };
    // 24:00 closes at midnight; seconds within a minute do not fit OSM hours and no office
    // keeps them, so only :00 is taken.
    let fits = (hours < 24 && minutes < 60 || hours == 24 && minutes == 0) && seconds == 0;
    if !fits {
        return Err(not_a_time());
    }
    Ok(Some(Clock {
        text: text.to_owned(),
        minutes: hours * 60 + minutes,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    /// The hours and the findings' messages for rows given as JSON.
    fn hours(rows: Value) -> (Option<String>, Vec<String>) {
        let rows: Vec<Value> = serde_json::from_value(rows).unwrap();
        let at = At::json("s.json");
        let pairs: Vec<(At, &Value)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (at.field("schedules").item(i), r))
            .collect();
        let (text, findings) = opening_hours(&pairs, today());
        if let Some(text) = &text {
            assert!(bussola_feed::hours::parse(text).is_some(), "{text}");
        }
        let messages = findings
            .iter()
            .map(|f| match f {
                Finding::Error { at, message } => format!("error {}: {message}", at.path),
                Finding::Warning { at, message } => format!("warning {}: {message}", at.path),
            })
            .collect();
        (text, messages)
    }

    #[test]
    fn weekly_rows_become_one_rule_per_timetable_in_week_order() {
        let (text, findings) = hours(json!([
            {"freq": "WEEKLY", "byday": "FR", "opens_at": "14:00", "closes_at": "17:00"},
            {"freq": "WEEKLY", "byday": "MO,WE", "opens_at": "09:00:00", "closes_at": "12:00:00"},
        ]));
        assert_eq!(text.as_deref(), Some("Mo,We 09:00-12:00; Fr 14:00-17:00"));
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn runs_of_days_are_ranges_and_a_day_keeps_all_its_spans() {
        let (text, _) = hours(json!([
            {"byday": "MO,TU,WE,TH,FR", "opens_at": "09:00", "closes_at": "13:00", "timezone": 1},
            {"byday": "TU,TH", "opens_at": "15:00+01:00", "closes_at": "18:00+01:00"},
            {"byday": "SA", "opens_at": "09:00", "closes_at": "12:00"},
        ]));
        assert_eq!(
            text.as_deref(),
            Some("Mo,We,Fr 09:00-13:00; Tu,Th 09:00-13:00,15:00-18:00; Sa 09:00-12:00")
        );
    }

    #[test]
    fn a_weekly_row_without_days_repeats_on_its_start_day() {
        // 2026-03-04 is a Wednesday.
        let (text, _) = hours(json!([
            {"freq": "WEEKLY", "dtstart": "2026-03-04", "opens_at": "10:00", "closes_at": "24:00"}
        ]));
        assert_eq!(text.as_deref(), Some("We 10:00-24:00"));
    }

    #[test]
    fn monthly_rows_by_weekday_add_to_the_weekly_ones() {
        let (text, findings) = hours(json!([
            {"freq": "WEEKLY", "byday": "MO", "opens_at": "09:00", "closes_at": "12:00"},
            {"freq": "MONTHLY", "byday": "1MO,3MO", "opens_at": "15:00", "closes_at": "17:00"},
            {"freq": "MONTHLY", "byday": "-1FR", "opens_at": "15:00", "closes_at": "17:00"},
        ]));
        assert_eq!(
            text.as_deref(),
            Some("Mo 09:00-12:00, Mo[1,3] 15:00-17:00, Fr[-1] 15:00-17:00")
        );
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn what_hours_cannot_say_leaves_the_place_without_hours_and_says_why() {
        for (row, said) in [
            (
                json!({"freq": "MONTHLY", "bymonthday": "2", "opens_at": "09:00", "closes_at": "12:00"}),
                "bymonthday",
            ),
            (
                json!({"byday": "MO", "interval": 2, "opens_at": "09:00", "closes_at": "12:00"}),
                "every 2 weeks",
            ),
            (
                json!({"byday": "MO", "count": 3, "opens_at": "09:00", "closes_at": "12:00"}),
                "after 3 occurrences",
            ),
            (
                json!({"description": "Su appuntamento"}),
                "\"Su appuntamento\"",
            ),
            (
                json!({"opens_at": "09:00", "closes_at": "12:00"}),
                "on which days",
            ),
        ] {
            // A readable row beside it is not published alone: it would show the office closed
            // on the days of the row that cannot be said.
            let (text, findings) = hours(json!([
                {"byday": "TU", "opens_at": "09:00", "closes_at": "12:00"},
                row
            ]));
            assert_eq!(text, None, "{row}");
            assert_eq!(findings.len(), 1, "{findings:?}");
            assert!(
                findings[0].starts_with("warning schedules[1]."),
                "{findings:?}"
            );
            assert!(findings[0].contains(said), "{findings:?}");
            assert!(findings[0].contains("left empty"), "{findings:?}");
        }
    }

    /// Whether `text` says open at `day` (in March 2026) `hour`:`minute`, Italian time, by the
    /// app's own evaluator.
    fn open_at(text: &str, day: u32, hour: u32, minute: u32) -> bool {
        use chrono::TimeZone;
        let at = chrono_tz::Europe::Rome
            .with_ymd_and_hms(2026, 3, day, hour, minute, 0)
            .unwrap()
            .with_timezone(&chrono::Utc);
        let hours = crate::hours::Hours::parse(text, None).unwrap();
        hours.status(at).state == bussola_model::OpenState::Open
    }

    #[test]
    fn an_overnight_span_is_cut_at_midnight_so_the_next_days_rule_keeps_it() {
        // In OSM hours `Sa 22:00-02:00; Su 10:00-12:00` closes Sunday 00:00-02:00: the Sunday
        // rule replaces the whole of Sunday.
        let (text, findings) = hours(json!([
            {"byday": "SA", "opens_at": "22:00", "closes_at": "02:00"},
            {"byday": "SU", "opens_at": "10:00", "closes_at": "12:00"},
            {"byday": "SU", "opens_at": "23:00", "closes_at": "01:00"},
        ]));
        assert!(findings.is_empty(), "{findings:?}");
        let text = text.unwrap();
        assert_eq!(
            text,
            "Mo 00:00-01:00; Sa 22:00-24:00; Su 00:00-02:00,10:00-12:00,23:00-24:00"
        );
        // 2026-03-07 is a Saturday, the 8th a Sunday, the 9th a Monday.
        assert!(open_at(&text, 7, 23, 0), "{text}");
        assert!(open_at(&text, 8, 1, 0), "{text}");
        assert!(!open_at(&text, 8, 3, 0), "{text}");
        assert!(open_at(&text, 8, 11, 0), "{text}");
        assert!(
            open_at(&text, 9, 0, 30),
            "Sunday night ends on Monday: {text}"
        );
    }

    #[test]
    fn a_day_with_a_letter_beyond_ascii_is_no_day_and_no_panic() {
        let (text, findings) = hours(json!([
            {"byday": "SàB,à", "opens_at": "09:00", "closes_at": "12:00"}
        ]));
        assert_eq!(text, None);
        assert_eq!(
            findings,
            [
                "error schedules[0].byday: \"SàB\" is not a day (MO, TU, WE, TH, FR, SA, SU)",
                "error schedules[0].byday: \"à\" is not a day (MO, TU, WE, TH, FR, SA, SU)"
            ]
        );
    }

    #[test]
    fn days_beside_a_description_that_says_fewer_leave_the_place_without_hours_as_a_warning() {
        // Ordinary Italian data: one description for the week, Saturday's hours in its words
        // but not in the words read as days.
        let words = "dal lunedì al venerdì 9-13, sabato 9-12";
        let (text, findings) = hours(json!([
            {"byday": "MO,TU,WE,TH,FR", "opens_at": "09:00", "closes_at": "13:00",
             "description": words},
            {"byday": "SA", "opens_at": "09:00", "closes_at": "12:00", "description": words},
        ]));
        assert_eq!(text, None);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].starts_with(
                "warning schedules[0].byday: MO,TU,WE,TH,FR,SA disagrees with the schedule's \
                 description, which says \"dal lunedì al venerdì"
            ),
            "{findings:?}"
        );
        assert!(
            findings[0].contains("the hours are left empty"),
            "{findings:?}"
        );
    }

    #[test]
    fn a_schedule_no_longer_or_not_yet_valid_is_not_the_current_hours() {
        let (text, findings) = hours(json!([
            {"byday": "MO", "opens_at": "09:00", "closes_at": "12:00", "valid_to": "2025-12-31"},
            {"byday": "TU", "opens_at": "09:00", "closes_at": "12:00", "valid_from": "2026-01-01"},
            {"byday": "WE", "opens_at": "09:00", "closes_at": "12:00", "valid_from": "2026-09-01"},
        ]));
        assert_eq!(text.as_deref(), Some("Tu 09:00-12:00"));
        assert_eq!(findings.len(), 2, "{findings:?}");
        assert!(findings[0].contains("schedules[0].valid_to: the schedule ended on 2025-12-31"));
        assert!(findings[1].contains("schedules[2].valid_from: the schedule starts on 2026-09-01"));
    }

    #[test]
    fn impossible_values_are_errors_naming_the_field() {
        let (text, findings) = hours(json!([
            {"byday": "TH,FR", "opens_at": "10:00:00", "closes_at": "18:00:00", "timezone": 3,
             "description": "The service is available from 10 am to 6pm weekdays."},
            {"byday": "XX", "opens_at": "25:00", "closes_at": "10:00Z"},
            {"byday": "MO", "opens_at": "09:00", "closes_at": "09:00", "freq": "DAILY"},
            {"byday": "2MO", "opens_at": "09:00", "closes_at": "12:00", "valid_from": "2026-02-30"},
        ]));
        assert_eq!(text, None);
        let expected = [
            "error schedules[0].timezone: 3 (UTC+3) is not Italian time",
            "error schedules[1].opens_at: \"25:00\" is not a time",
            "error schedules[1].closes_at: \"10:00Z\" is given in another timezone",
            "error schedules[1].byday: \"XX\" is not a day",
            "error schedules[2].closes_at: \"09:00\" is the opening time too",
            "error schedules[2].freq: \"DAILY\" is not a frequency",
            "error schedules[3].valid_from: \"2026-02-30\" is not a date",
            "error schedules[3].byday: \"2MO\" counts weeks of the month",
        ];
        for e in expected {
            assert!(
                findings.iter().any(|f| f.starts_with(e)),
                "{e} in {findings:#?}"
            );
        }
        // The days the description claims, checked over the rows that share it.
        let (_, findings) = hours(json!([
            {"byday": "TH,FR", "opens_at": "10:00", "closes_at": "18:00",
             "description": "The service is available from 10 am to 6pm weekdays."}
        ]));
        assert_eq!(
            findings,
            [
                "warning schedules[0].byday: TH,FR disagrees with the schedule's description, \
                 which says \"weekdays\" (Mo-Fr); the hours are left empty: correct whichever \
                 is wrong"
            ]
        );
        let (text, findings) = hours(json!([
            {"byday": "MO,TU,WE", "opens_at": "09:00", "closes_at": "12:00",
             "description": "Aperto dal lunedì al venerdì, chiuso il weekend"},
            {"byday": "TH,FR", "opens_at": "14:00", "closes_at": "17:00",
             "description": "Aperto dal lunedì al venerdì, chiuso il weekend"},
        ]));
        assert_eq!(
            text.as_deref(),
            Some("Mo-We 09:00-12:00; Th,Fr 14:00-17:00")
        );
        assert!(findings.is_empty(), "{findings:?}");
    }
}
