//! Opening hours: whether a service is open at an instant, and when that next changes.
//!
//! Feeds write hours in OpenStreetMap's `opening_hours` syntax in the office's local time,
//! Europe/Rome. The `opening-hours` crate parses and evaluates them; this module gives it the
//! time zone (so the nights when clocks change are handled by chrono-tz, not by hand) and Italy's
//! national public holidays for `PH`, and the sun of the office's place for `sunrise` and the
//! like. Hours that do not parse are "unknown", never "closed": a person must not be told an
//! office is shut because the app cannot read its timetable.

use bussola_model::{DayHours, OpenState};
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Rome;
use chrono_tz::Tz;
use compact_calendar::CompactCalendar;
use opening_hours::localization::{Coordinates, TzLocation};
use opening_hours::{Context, ContextHolidays, OpeningHours, RuleKind};
use std::sync::{Arc, OnceLock};

/// How far ahead [`Hours::status`] looks for the next change, in days.
const HORIZON_DAYS: i64 = 366;

/// Parsed hours, ready to evaluate in Europe/Rome.
#[derive(Debug, Clone)]
pub struct Hours(OpeningHours<TzLocation<Tz>>);

/// What the hours say about one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    pub state: OpenState,
    /// The next instant the state changes, if it does within a year.
    pub next_change: Option<DateTime<Tz>>,
}

impl Status {
    pub const UNKNOWN: Status = Status {
        state: OpenState::Unknown,
        next_change: None,
    };
}

impl Hours {
    /// Parses OSM `opening_hours` text; `None` when it does not parse. Sun times (`sunrise`,
    /// `dusk`…) are taken at `place`, or as the crate's fixed guesses where there is none.
    pub fn parse(text: &str, place: Option<(f64, f64)>) -> Option<Hours> {
        let parsed = bussola_feed::hours::parse(text)?;
        let mut context = context();
        if let Some(coordinates) = place.and_then(|(lat, lon)| Coordinates::new(lat, lon)) {
            let location = context.locale.clone().with_coords(coordinates);
            context = context.with_locale(location);
        }
        Some(Hours(parsed.with_context(context)))
    }

    /// The state at `at`, and the next change after it.
    pub fn status(&self, at: DateTime<Utc>) -> Status {
        let local = at.with_timezone(&Rome);
        let state = if self.0.is_open(local) {
            OpenState::Open
        } else if self.0.is_closed(local) {
            OpenState::Closed
        } else {
            OpenState::Uncertain
        };
        // Looked for within the horizon only: the crate's `next_change` walks day by day up to
        // the year 9999, seconds for hours such as "1900 Mo 10:00-11:00". Hours such as "24/7"
        // never change.
        let horizon = local + chrono::Duration::days(HORIZON_DAYS);
        let next_change = self
            .0
            .iter_range(local, horizon)
            .next()
            .map(|range| range.range.end)
            .filter(|end| *end < horizon);
        Status { state, next_change }
    }

    /// Monday to Sunday of the week holding `now`: each day's open intervals in local time,
    /// whether it is today, a public holiday, or partly of unknown state.
    pub fn week(&self, now: DateTime<Utc>) -> Vec<DayHours> {
        let today = now.with_timezone(&Rome).date_naive();
        let monday =
            today - chrono::Duration::days(i64::from(today.weekday().num_days_from_monday()));
        (0..7)
            .map(|offset| {
                let date = monday + chrono::Duration::days(offset);
                let start = local_midnight(date);
                let end = local_midnight(date + chrono::Duration::days(1));
                let mut day = DayHours {
                    date: date.to_string(),
                    weekday: offset as u8,
                    today: date == today,
                    holiday: is_public_holiday(date),
                    open: Vec::new(),
                    uncertain: false,
                };
                for range in self.0.iter_range(start, end) {
                    match range.kind {
                        RuleKind::Open => {
                            let to = if range.range.end >= end {
                                "24:00".to_owned()
                            } else {
                                range.range.end.format("%H:%M").to_string()
                            };
                            day.open
                                .push((range.range.start.format("%H:%M").to_string(), to));
                        }
                        RuleKind::Unknown => day.uncertain = true,
                        RuleKind::Closed => {}
                    }
                }
                day
            })
            .collect()
    }
}

/// The first instant of `date` in Rome (midnight exists every day: clocks change at 02:00).
fn local_midnight(date: NaiveDate) -> DateTime<Tz> {
    Rome.from_local_datetime(&date.and_hms_opt(0, 0, 0).expect("midnight exists"))
        .earliest()
        .expect("midnight exists in Rome")
}

/// Whether hours depend on where the sun is (`sunrise`, `sunset`, `dawn`, `dusk`).
pub fn follows_the_sun(text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    ["sunrise", "sunset", "dawn", "dusk"]
        .iter()
        .any(|event| text.contains(event))
}

/// The status of hours given as text: unknown when absent or unreadable.
pub fn status_of(text: Option<&str>, at: DateTime<Utc>) -> Status {
    text.and_then(|text| Hours::parse(text, None))
        .map_or(Status::UNKNOWN, |h| h.status(at))
}

fn context() -> Context<TzLocation<Tz>> {
    static HOLIDAYS: OnceLock<ContextHolidays> = OnceLock::new();
    let holidays = HOLIDAYS
        .get_or_init(|| ContextHolidays::new(Arc::new(italian_public_holidays()), Arc::default()));
    Context::default()
        .with_holidays(holidays.clone())
        .with_locale(TzLocation::new(Rome))
}

/// Italy's national public holidays (the `PH` of a timetable) from 2000 to 2100. Patron saints'
/// days differ by comune and are left to each feed to write as dates.
pub fn italian_public_holidays() -> CompactCalendar {
    let mut calendar = CompactCalendar::default();
    for year in 2000..=2100 {
        let fixed = [
            (1, 1),
            (1, 6),
            (4, 25),
            (5, 1),
            (6, 2),
            (8, 15),
            (11, 1),
            (12, 8),
            (12, 25),
        ];
        for (month, day) in fixed.into_iter().chain([(12, 26)]) {
            calendar.insert(ymd(year, month, day));
        }
        // Saint Francis, patron of Italy, is a national holiday again from 2026 (law 151/2025).
        if year >= 2026 {
            calendar.insert(ymd(year, 10, 4));
        }
        let easter = easter_sunday(year);
        calendar.insert(easter);
        calendar.insert(easter.succ_opt().expect("Easter Monday exists"));
    }
    calendar
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid calendar date")
}

/// Gregorian Easter by the anonymous ("Meeus/Jones/Butcher") algorithm.
fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, month as u32, day as u32)
}

/// Whether `date` is a national public holiday.
pub fn is_public_holiday(date: NaiveDate) -> bool {
    static CALENDAR: OnceLock<CompactCalendar> = OnceLock::new();
    (2000..=2100).contains(&date.year())
        && CALENDAR.get_or_init(italian_public_holidays).contains(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn rome(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Rome.with_ymd_and_hms(y, mo, d, h, mi, 0)
            .single()
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn easter_falls_on_known_dates() {
        assert_eq!(easter_sunday(2024), ymd(2024, 3, 31));
        assert_eq!(easter_sunday(2026), ymd(2026, 4, 5));
        assert_eq!(easter_sunday(2027), ymd(2027, 3, 28));
        assert!(is_public_holiday(ymd(2026, 4, 6)), "Easter Monday");
        assert!(
            is_public_holiday(ymd(2026, 10, 4)),
            "San Francesco from 2026"
        );
        assert!(!is_public_holiday(ymd(2025, 10, 4)));
        assert!(!is_public_holiday(ymd(2026, 11, 24)));
    }

    #[test]
    fn open_until_the_closing_minute_and_closed_from_it() {
        let hours = Hours::parse("Tu,Th 09:00-12:00", None).unwrap();
        // Tuesday 24 November 2026.
        assert_eq!(
            hours.status(rome(2026, 11, 24, 8, 59)).state,
            OpenState::Closed
        );
        assert_eq!(
            hours.status(rome(2026, 11, 24, 9, 0)).state,
            OpenState::Open
        );
        let last_minute = hours.status(rome(2026, 11, 24, 11, 59));
        assert_eq!(last_minute.state, OpenState::Open);
        assert_eq!(
            last_minute.next_change.unwrap().with_timezone(&Utc),
            rome(2026, 11, 24, 12, 0)
        );
        let closed = hours.status(rome(2026, 11, 24, 12, 0));
        assert_eq!(closed.state, OpenState::Closed);
        // Next opening: Thursday 09:00.
        assert_eq!(
            closed.next_change.unwrap().with_timezone(&Utc),
            rome(2026, 11, 26, 9, 0)
        );
    }

    #[test]
    fn public_holidays_close_offices_that_say_ph_off() {
        let hours = Hours::parse("Mo-Fr 09:00-13:00; PH off", None).unwrap();
        // Tuesday 8 December 2026 is the Immacolata; Wednesday 9 is an ordinary day.
        assert_eq!(
            hours.status(rome(2026, 12, 8, 10, 0)).state,
            OpenState::Closed
        );
        assert_eq!(
            hours.status(rome(2026, 12, 9, 10, 0)).state,
            OpenState::Open
        );
        // Easter Monday 2027.
        assert_eq!(
            hours.status(rome(2027, 3, 29, 10, 0)).state,
            OpenState::Closed
        );
    }

    #[test]
    fn hours_follow_local_time_across_the_nights_clocks_change() {
        // A night shelter open 20:00-08:00 every day. On 29 March 2026 clocks go from 02:00 to
        // 03:00 in Rome; on 25 October 2026 from 03:00 back to 02:00.
        let hours = Hours::parse("Mo-Su 20:00-08:00", None).unwrap();
        let spring = Utc.with_ymd_and_hms(2026, 3, 29, 1, 30, 0).unwrap(); // 03:30 CEST
        assert_eq!(hours.status(spring).state, OpenState::Open);
        let closes = hours.status(spring).next_change.unwrap();
        assert_eq!(
            closes.with_timezone(&Utc),
            Utc.with_ymd_and_hms(2026, 3, 29, 6, 0, 0).unwrap()
        );
        let autumn = Utc.with_ymd_and_hms(2026, 10, 25, 1, 30, 0).unwrap(); // 02:30 CEST
        assert_eq!(hours.status(autumn).state, OpenState::Open);
        // 08:00 CET is 07:00 UTC after the change.
        let closes = hours.status(autumn).next_change.unwrap();
        assert_eq!(
            closes.with_timezone(&Utc),
            Utc.with_ymd_and_hms(2026, 10, 25, 7, 0, 0).unwrap()
        );
        // A daytime office on the autumn Sunday opens at 09:00 CET = 08:00 UTC.
        let sunday = Hours::parse("Su 09:00-12:00", None).unwrap();
        let before = sunday.status(Utc.with_ymd_and_hms(2026, 10, 25, 7, 59, 0).unwrap());
        assert_eq!(before.state, OpenState::Closed);
        let at = sunday.status(Utc.with_ymd_and_hms(2026, 10, 25, 8, 0, 0).unwrap());
        assert_eq!(at.state, OpenState::Open);
    }

    #[test]
    fn the_next_change_is_looked_for_within_a_year_only() {
        // Found by the opening_hours fuzz target: without a horizon each of these took seconds,
        // walked day by day to the year 9999, for every search hit that showed it.
        let at = rome(2026, 11, 24, 10, 0);
        for far in ["9999 Mo 10:00-11:00", "1900 Mo 10:00-11:00"] {
            let status = Hours::parse(far, None).unwrap().status(at);
            assert_eq!(
                status,
                Status {
                    state: OpenState::Closed,
                    next_change: None
                },
                "{far}"
            );
        }
        let near = Hours::parse("2027 Jan 04 10:00-11:00", None)
            .unwrap()
            .status(at);
        assert_eq!(
            near.next_change.unwrap().with_timezone(&Utc),
            rome(2027, 1, 4, 10, 0)
        );
        assert_eq!(status_of(Some("24/7"), at).next_change, None);
    }

    #[test]
    fn hours_the_crate_cannot_handle_are_unknown_not_a_panic() {
        // Found by the opening_hours fuzz target: each of these panicked in a debug build, and
        // the last two in a release build too, when evaluated.
        for text in [
            "Mo-Fr 03:00-17:30/24:00 ",
            "Mo 10:00-17:00 / 24:00",
            "Mo (sunrise+24:00)-(sunset-16:00)",
            "Mo (DUSK+05:00)-00:30",
            "Mo (dusk+24:00)-(dusk+05:00)",
            "Mo (dusk+24:00)-30:00",
        ] {
            assert!(Hours::parse(text, None).is_none(), "{text}");
        }
        // "24:00" and sun offsets where the crate handles them stay readable.
        let at = rome(2026, 11, 24, 10, 0);
        for text in [
            "Mo-Su 00:00-24:00",
            "Mo sunset-24:00",
            "Mo 10:00-17:00/01:30",
            "Mo (sunset+02:00)-01:00",
            "Mo (sunrise-08:00)-(sunset-01:30)",
        ] {
            let hours = Hours::parse(text, None).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(hours.week(at).len(), 7);
        }
    }

    #[test]
    fn unreadable_or_missing_hours_are_unknown_not_closed() {
        let at = rome(2026, 11, 24, 10, 0);
        assert_eq!(status_of(Some("su appuntamento"), at), Status::UNKNOWN);
        assert_eq!(status_of(None, at), Status::UNKNOWN);
        assert_eq!(status_of(Some("24/7"), at).state, OpenState::Open);
    }
}
