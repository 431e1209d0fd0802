//! A feed's `manifest.json` and its minisign signature, checked as a sync checks them.
//!
//! The input is the manifest's bytes, optionally followed by a line `#minisig` and the text of a
//! `.minisig` file. Without one, the target signs each manifest that parses with the development
//! key (data/umbria/dev-key), so it reaches past the signature to what a sync does with a
//! verified manifest; with one, the fuzzed signature is parsed and checked instead, over any
//! bytes. In both cases:
//!
//! - `sync::parse_manifest` (which a sync runs before the signature, to choose the keys) and
//!   `signature::verify` never panic, whatever the bytes;
//! - a signature the target made itself verifies with the development key, and with no other;
//! - a parsed manifest survives a JSON round trip unchanged;
//! - the checks on a verified manifest (`FileRef::checked_path` for every file it names,
//!   `feed::is_past` on `expires_at`) never panic, and an accepted path is a plain relative one.
#![no_main]

use directory::feed::{self, Manifest};
use directory::signature::{self, FeedKey, SigningKey};
use directory::sync;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const SEPARATOR: &[u8] = b"\n#minisig\n";
/// A key that signed nothing here: checked first, so `verify` tries a wrong key every time.
const OTHER_KEY: &str = "RWQBAgMEBQYHCOVHaHRlStb97OGHkxIg3HUywXxOu4MpgT/Ff3ImWH2e";
/// What a source may send (sync.rs: `SIGNATURE_CAP`); larger signatures never reach `verify`.
const SIGNATURE_CAP: usize = 4 * 1024;

struct Keys {
    signing: SigningKey,
    /// The other key, then the development key's public half.
    trusted: Vec<FeedKey>,
}

fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../data/umbria/dev-key/DEVELOPMENT-ONLY.key"
        );
        let signing = SigningKey::load(path.as_ref(), None).expect("the development key loads");
        let trusted = vec![
            FeedKey::parse(OTHER_KEY).expect("the other key parses"),
            signing
                .public()
                .expect("the development key has a public half"),
        ];
        Keys { signing, trusted }
    })
}

fn split(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
        Some(at) => (&data[..at], Some(&data[at + SEPARATOR.len()..])),
        None => (data, None),
    }
}

fuzz_target!(|data: &[u8]| {
    let keys = keys();
    let (manifest_bytes, given) = split(data);
    // A sync reads the manifest first, to know which feed's keys to check it against.
    let parsed = sync::parse_manifest(manifest_bytes);
    let verified = match given {
        Some(signature) => {
            if signature.len() > SIGNATURE_CAP {
                return;
            }
            // A signature that is not text is refused before `verify` (sync.rs: fetch_signature).
            let Ok(signature) = std::str::from_utf8(signature) else {
                return;
            };
            // Whatever the manifest: `inspect` checks the signature before parsing.
            signature::verify(manifest_bytes, signature, &keys.trusted).is_ok()
        }
        // A sync stops at a manifest that does not parse, before the signature; signing only
        // what parses keeps the costly part for the inputs that go further.
        None if parsed.is_err() => return,
        None => {
            let signature = keys
                .signing
                .sign(manifest_bytes, "feed:fuzz\tversion:0")
                .expect("the development key signs anything");
            assert_eq!(
                signature::verify(manifest_bytes, &signature, &keys.trusted).ok(),
                Some(1),
                "a signature the development key made does not verify with it"
            );
            assert!(
                signature::verify(manifest_bytes, &signature, &keys.trusted[..1]).is_err(),
                "a signature verifies with a key that did not make it"
            );
            true
        }
    };
    let Ok(manifest) = parsed else {
        return;
    };
    let again: Manifest = sync::parse_manifest(&serde_json::to_vec(&manifest).unwrap())
        .expect("a parsed manifest serialises to one that parses");
    assert_eq!(again, manifest, "a manifest changed in a JSON round trip");
    if !verified {
        return;
    }
    // What a sync does with a verified manifest before fetching anything.
    let now = chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap();
    let _ = feed::is_past(manifest.expires_at.as_deref(), now);
    // The delta a device holding version 1 would take.
    let _ = manifest.deltas.iter().find(|d| d.from == 1);
    let files = std::iter::once(&manifest.snapshot).chain(manifest.deltas.iter().map(|d| &d.file));
    for file in files {
        if let Ok(path) = file.checked_path() {
            assert!(
                !path.is_empty()
                    && !path.starts_with('/')
                    && !path
                        .split('/')
                        .any(|p| p.is_empty() || p == "." || p == "..")
                    && path
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b)),
                "an unsafe path was accepted: {path:?}"
            );
        }
        let _ = file.bytes.min(sync::FILE_CAP);
    }
});
