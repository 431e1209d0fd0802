//! A feed's snapshot file, checked as a sync checks it before writing anything: the feed
//! core's `session::check_snapshot` (JSON of a snapshot's shape, the feed and version the
//! manifest announces, then every record through the one pass of `records` that validates and
//! parses).
//!
//! Whatever the bytes, the check never panics and allocates within the fuzzer's limits; and
//! what it accepts has what validation promises: ids of a-z, 0-9 and -, no id twice,
//! coordinates inside Italy, no markup in any text, only http(s) links, and a stored record
//! that is still JSON.
#![no_main]

use bussola_feed::contract::Snapshot;
use bussola_feed::session;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let manifest = common::manifest();
    if let Ok(records) = session::check_snapshot(&manifest, data) {
        let snapshot: Snapshot<'_> = serde_json::from_slice(data).expect("an accepted snapshot parses");
        assert_eq!(snapshot.services.len(), records.services.len());
        common::check_accepted(&records);
    }
});
