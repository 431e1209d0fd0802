//! Opening hours as a feed writes them (OSM `opening_hours`), parsed and evaluated as the app
//! does for every service it shows.
//!
//! Any text (invalid UTF-8 replaced, as JSON strings cannot carry it) goes to `Hours::parse`,
//! without a place and at Perugia (where sun times are worked out), which must read it alike;
//! hours that parse are evaluated with `status` and `week` at fixed instants chosen for their
//! edges (an ordinary weekday, the nights clocks change in Rome, New Year's Eve, Easter Monday,
//! the last year of the holiday calendar and the first after it). Nothing may panic or allocate
//! beyond the fuzzer's limits; `status_of` agrees with `parse` + `status`; a week has seven days,
//! Monday first, each interval inside its day; and the next change lies after the instant asked.
#![no_main]

use chrono::{DateTime, TimeZone, Utc};
use directory::hours::{self, Hours};
use libfuzzer_sys::fuzz_target;

fn instants() -> [DateTime<Utc>; 7] {
    let at = |y, mo, d, h, mi| Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap();
    [
        at(2026, 11, 24, 9, 0),   // Tuesday 10:00 in Rome
        at(2026, 3, 29, 1, 30),   // 03:30 CEST, just after clocks go forward
        at(2026, 10, 25, 0, 30),  // 02:30 CEST, the hour that happens twice
        at(2026, 12, 31, 22, 59), // 23:59 on New Year's Eve
        at(2027, 3, 29, 8, 0),    // Easter Monday
        at(2100, 12, 31, 12, 0),  // the holiday calendar's last year
        at(2101, 1, 3, 12, 0),    // past it
    ]
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = Hours::parse(&text, None);
    let at_place = Hours::parse(&text, Some((43.1107, 12.3908)));
    assert_eq!(parsed.is_some(), at_place.is_some());
    let instants = instants();
    if let Some(at_place) = at_place {
        let status = at_place.status(instants[0]);
        assert!(status.next_change.is_none_or(|next| next > instants[0]));
        assert_eq!(at_place.week(instants[0]).len(), 7);
    }
    let Some(hours) = parsed else {
        assert_eq!(
            hours::status_of(Some(&text), instants[0]),
            hours::Status::UNKNOWN
        );
        return;
    };
    for (i, at) in instants.into_iter().enumerate() {
        let status = hours.status(at);
        assert_eq!(hours::status_of(Some(&text), at), status);
        if let Some(next) = status.next_change {
            assert!(next > at, "the next change {next} is not after {at}");
        }
        // A week is the costliest evaluation: three of the instants are enough.
        if i % 3 == 0 {
            let week = hours.week(at);
            assert_eq!(week.len(), 7);
            for (offset, day) in week.iter().enumerate() {
                assert_eq!(usize::from(day.weekday), offset);
                for (from, to) in &day.open {
                    assert!(from.len() == 5 && to.len() == 5, "{from}-{to}");
                    assert!(from <= to, "an interval ends before it starts: {from}-{to}");
                }
            }
        }
    }
});
