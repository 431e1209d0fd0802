//! A feed's delta file, checked as a sync checks it before writing anything
//! (`sync::check_delta`: JSON of a delta's shape, the feed and version the manifest announces,
//! `validate::services` on every upsert, each upsert parsed as a `Service`).
//!
//! Whatever the bytes, the check never panics and allocates within the fuzzer's limits; and
//! the upserts it accepts have what validation promises (see the snapshot target).
#![no_main]

use directory::sync;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let manifest = common::manifest();
    if let Ok((delta, records)) = sync::check_delta(&manifest, "delta-1-2.json", data) {
        assert_eq!(delta.upserts.len(), records.services.len());
        common::check_accepted(&records);
    }
});
