//! A feed's snapshot file, checked as a sync checks it before writing anything
//! (`sync::check_snapshot`: JSON of a snapshot's shape, the feed and version the manifest
//! announces, `validate::services` on every record, each record parsed as a `Service`).
//!
//! Whatever the bytes, the check never panics and allocates within the fuzzer's limits; and
//! what it accepts has what validation promises: ids of a-z, 0-9 and -, no id twice,
//! coordinates inside Italy, no markup in any text, only http(s) links, and a stored record
//! that is still JSON.
#![no_main]

use directory::sync;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let manifest = common::manifest();
    if let Ok((snapshot, records)) = sync::check_snapshot(&manifest, data) {
        assert_eq!(snapshot.services.len(), records.services.len());
        common::check_accepted(&records);
    }
});
