//! A feed's delta file, checked as a sync checks it before writing anything: the feed core's
//! `session::check_delta` (JSON of a delta's shape, the feed, version and base the manifest
//! announces, then every upsert through the one pass of `records`).
//!
//! Whatever the bytes, the check never panics and allocates within the fuzzer's limits; and
//! the upserts it accepts have what validation promises (see the snapshot target).
#![no_main]

use bussola_feed::contract::Delta;
use bussola_feed::session;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let manifest = common::manifest();
    let entry = &manifest.deltas[0];
    if let Ok((from, deletes, records)) = session::check_delta(&manifest, entry, data) {
        let delta: Delta<'_> = serde_json::from_slice(data).expect("an accepted delta parses");
        assert_eq!(from, entry.from);
        assert_eq!(delta.deletes, deletes);
        assert_eq!(delta.upserts.len(), records.services.len());
        common::check_accepted(&records);
    }
});
