//! A feed's `manifest.json` and its minisign signature, checked as a sync checks them.
//!
//! The input is the manifest's bytes, optionally followed by a line `#minisig` and the text of a
//! `.minisig` file. Without one, the target signs each manifest that parses with the development
//! key (data/umbria/dev-key), so it reaches past the signature to what a sync does with a
//! verified manifest; with one, the fuzzed signature is parsed and checked instead, over any
//! bytes. In both cases:
//!
//! - the feed core's `session::parse_manifest` (which a sync runs before the signature, to
//!   choose the keys) and `keys::verify` never panic, whatever the bytes;
//! - a signature the target made itself verifies with the development key, and with no other;
//! - a parsed manifest survives a JSON round trip unchanged;
//! - a sync session given the manifest and its signature never panics; it either refuses them
//!   or asks for a file, and the file it asks for is a plain relative path within the caps. A
//!   manifest the development key signed is never refused for its signature or its key.
#![no_main]

use bussola_feed::contract::{FILE_CAP, Manifest};
use bussola_feed::keys::{self as signature, SigningKey};
use bussola_feed::session::{self as sync, Answer, Device, Session, Step, Trust};
use bussola_feed::{FeedKey, Kind};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const SEPARATOR: &[u8] = b"\n#minisig\n";
/// A key that signed nothing here: checked first, so `verify` tries a wrong key every time.
const OTHER_KEY: &str = "RWQBAgMEBQYHCOVHaHRlStb97OGHkxIg3HUywXxOu4MpgT/Ff3ImWH2e";
/// What a source may send; larger signatures never reach `verify`.
const SIGNATURE_CAP: usize = bussola_feed::contract::SIGNATURE_CAP as usize;

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
        let text = std::fs::read_to_string(path).expect("the development key is there");
        let signing = SigningKey::from_text(&text, None).expect("the development key loads");
        let trusted = vec![
            FeedKey::from_text(OTHER_KEY).expect("the other key parses"),
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
    match given {
        Some(signature) => {
            if signature.len() > SIGNATURE_CAP {
                return;
            }
            // The session itself, as a device meets them.
            let _ = session(manifest_bytes, signature);
            // A signature that is not text is refused before `verify`.
            let Ok(signature) = std::str::from_utf8(signature) else {
                return;
            };
            // Whatever the manifest: `feed verify` checks the signature before parsing.
            let _ = signature::verify(manifest_bytes, signature, &keys.trusted);
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
            if let Err(e) = session(manifest_bytes, signature.as_bytes()) {
                assert!(
                    !matches!(e.kind, Kind::BadSignature | Kind::UnknownKey),
                    "a manifest the trusted key signed was refused for its signature: {e}"
                );
            }
        }
    }
    let Ok(manifest) = parsed else {
        return;
    };
    let again: Manifest = sync::parse_manifest(&serde_json::to_vec(&manifest).unwrap())
        .expect("a parsed manifest serialises to one that parses");
    assert_eq!(again, manifest, "a manifest changed in a JSON round trip");
});

/// A device's sync session given the manifest and the signature: what it asks for next.
fn session(manifest: &[u8], signature: &[u8]) -> Result<(), bussola_feed::FeedError> {
    let trust = Trust {
        given: keys().trusted.clone(),
        configured: Vec::new(),
    };
    let now = chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap();
    let (mut session, _) = Session::start(Device::default(), trust, now);
    let body = |bytes: &[u8]| Answer::Body {
        bytes: bytes.to_vec(),
        etag: None,
    };
    let Step::Fetch(_) = session.answer(body(manifest))? else {
        panic!("a session ended at the manifest, before its signature");
    };
    match session.answer(body(signature))? {
        Step::Fetch(request) => {
            let path = &request.path;
            assert!(
                !path.is_empty()
                    && !path.starts_with('/')
                    && !path
                        .split('/')
                        .any(|p| p.is_empty() || p == "." || p == "..")
                    && path
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b)),
                "an unsafe path was asked for: {path:?}"
            );
            assert!(request.cap <= FILE_CAP, "a file over the cap was asked for");
        }
        Step::Done(plan) => panic!("a device holding nothing was told {plan:?}"),
    }
    Ok(())
}
