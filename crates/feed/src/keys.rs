//! Minisign keys and signatures over a feed's manifest: the region signs, the device verifies
//! against keys it has pinned.
//!
//! The format is standard minisign (Ed25519), so a region can sign with the `minisign` tool it
//! already has and anyone can check Bussola's signatures with it. Both of minisign's forms are
//! accepted: the prehashed one (BLAKE2b-512 of the file, the tool's default) and the legacy one
//! over the bytes themselves. Keys come in as TEXT only: reading a `.pub` file is the CLI's
//! business, at its edge, so a key argument or a stored key is never taken for a path.

use crate::error::{FeedError, Kind, Result};

/// A public key that may sign a feed.
#[derive(Clone)]
pub struct FeedKey {
    key: minisign_verify::PublicKey,
    /// The `RW…` line, as stored, shown and compared.
    base64: String,
}

impl std::fmt::Debug for FeedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FeedKey({})", self.base64)
    }
}

impl PartialEq for FeedKey {
    fn eq(&self, other: &Self) -> bool {
        self.base64 == other.base64
    }
}

impl FeedKey {
    /// A key as minisign prints it (the `RW…` line), or the whole text of a `.pub` file (an
    /// "untrusted comment:" line, then the key).
    pub fn from_text(text: &str) -> Result<FeedKey> {
        let line = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with("untrusted comment:"))
            .unwrap_or("");
        minisign_verify::PublicKey::from_base64(line)
            .map(|key| FeedKey {
                key,
                base64: line.to_owned(),
            })
            .map_err(|_| {
                // A short line is echoed so a typo can be seen; longer text is not repeated.
                let text = text.trim();
                let what = match text.lines().count() <= 1 && text.chars().count() <= 80 {
                    true => format!("\"{text}\""),
                    false => "this text".to_owned(),
                };
                FeedKey::bad(format!(
                    "{what} is not a minisign public key (a line of 56 characters that starts \
                     with RW)"
                ))
            })
    }

    /// The key as one base64 line, `RW…`, as stored and shown.
    pub fn base64(&self) -> &str {
        &self.base64
    }

    fn bad(message: String) -> FeedError {
        FeedError::new(Kind::UnknownKey, message)
    }
}

/// Checks `signature` (a `.minisig` file's text) over `data` against each key in turn, and
/// returns the index of the key that made it.
pub fn verify(data: &[u8], signature: &str, keys: &[FeedKey]) -> Result<usize> {
    if keys.is_empty() {
        return Err(FeedError::new(
            Kind::UnknownKey,
            "no public key is known for this feed; give one with --pubkey",
        ));
    }
    // minisign-verify also insists on a 64-byte global signature, the line whose cut once
    // crashed a sync through the `minisign` crate (found by the manifest fuzz target).
    let signature = minisign_verify::Signature::decode(signature).map_err(|e| {
        FeedError::new(
            Kind::BadSignature,
            format!("the signature file is not minisign: {e}"),
        )
    })?;
    keys.iter()
        .position(|key| key.key.verify(data, &signature, true).is_ok())
        .ok_or_else(|| {
            FeedError::new(
                Kind::BadSignature,
                "the manifest's signature does not match the feed's key: it was changed after \
                 signing, or signed by someone else",
            )
        })
}

#[cfg(feature = "signing")]
pub use signing::{SigningKey, generate};

/// Making keys and signatures, for editors (not built for the web).
#[cfg(feature = "signing")]
mod signing {
    use super::FeedKey;
    use crate::error::{FeedError, Kind, Result};
    use std::io::Cursor;

    /// A secret key, kept by the region's editors and never by the app.
    pub struct SigningKey {
        key: minisign::SecretKey,
    }

    impl std::fmt::Debug for SigningKey {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("SigningKey(…)")
        }
    }

    fn bad(message: String) -> FeedError {
        FeedError::new(Kind::UnknownKey, message)
    }

    /// A new key pair as the texts of minisign's two files: (secret key, public key).
    /// The secret key is not encrypted: keep it offline, or encrypt it with `minisign -C`.
    pub fn generate() -> Result<(String, String)> {
        let minisign::KeyPair { pk, sk } = minisign::KeyPair::generate_unencrypted_keypair()
            .map_err(|e| bad(format!("cannot make a key pair: {e}")))?;
        let secret = sk
            .to_box(Some("Bussola feed secret key"))
            .map_err(|e| bad(e.to_string()))?
            .to_string();
        let public = pk.to_box().map_err(|e| bad(e.to_string()))?.to_string();
        Ok((secret, public))
    }

    impl SigningKey {
        /// A minisign secret key file's text; `password` opens an encrypted one.
        pub fn from_text(text: &str, password: Option<String>) -> Result<SigningKey> {
            let boxed = minisign::SecretKeyBox::from_string(text)
                .map_err(|e| bad(format!("this is not a minisign secret key: {e}")))?;
            let key = match password {
                Some(password) => minisign::SecretKey::from_box(boxed, Some(password)),
                None => minisign::SecretKey::from_unencrypted_box(boxed),
            }
            .map_err(|e| {
                bad(format!(
                    "cannot open the secret key ({e}); an encrypted key needs its password in \
                     BUSSOLA_KEY_PASSWORD"
                ))
            })?;
            Ok(SigningKey { key })
        }

        /// The public key that verifies this key's signatures.
        pub fn public(&self) -> Result<FeedKey> {
            let public =
                minisign::PublicKey::from_secret_key(&self.key).map_err(|e| bad(e.to_string()))?;
            FeedKey::from_text(&public.to_base64())
        }

        /// A prehashed minisign signature over `data`, as the text of a `.minisig` file.
        pub fn sign(&self, data: &[u8], trusted_comment: &str) -> Result<String> {
            let public =
                minisign::PublicKey::from_secret_key(&self.key).map_err(|e| bad(e.to_string()))?;
            minisign::sign(
                Some(&public),
                &self.key,
                Cursor::new(data),
                Some(trusted_comment),
                None,
            )
            .map(|signature| signature.to_string())
            .map_err(|e| bad(format!("cannot sign: {e}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_pair() -> (SigningKey, FeedKey) {
        let (secret, public) = generate().unwrap();
        let signing = SigningKey::from_text(&secret, None).unwrap();
        let from_file_text = FeedKey::from_text(&public).unwrap();
        assert_eq!(signing.public().unwrap(), from_file_text);
        (signing, from_file_text)
    }

    #[test]
    fn a_signature_verifies_with_its_key_and_no_other() {
        let (signing, public) = key_pair();
        let other = key_pair().1;
        let signature = signing.sign(b"{\"feed\":\"umbria\"}", "umbria 1").unwrap();
        let keys = [other.clone(), public.clone()];
        assert_eq!(
            verify(b"{\"feed\":\"umbria\"}", &signature, &keys).unwrap(),
            1
        );
        assert!(verify(b"{\"feed\":\"umbria\"}", &signature, &[other]).is_err());
        let tampered = verify(b"{\"feed\":\"umbrie\"}", &signature, &[public]).unwrap_err();
        assert_eq!(tampered.kind, Kind::BadSignature);
        assert!(
            tampered.message.contains("changed after signing"),
            "{tampered}"
        );
    }

    #[test]
    fn a_global_signature_of_the_wrong_length_is_refused_not_a_panic() {
        // Found by the manifest fuzz target: a real signature whose fourth line was cut.
        let (signing, public) = key_pair();
        let signature = signing.sign(b"{}", "umbria 1").unwrap();
        let mut lines: Vec<&str> = signature.lines().collect();
        assert_eq!(lines[3].len(), 88);
        for global in ["e7trW6AyHc8oUUDFT3d3RptP", "AAAA", &"A".repeat(92)] {
            lines[3] = global;
            let cut = lines.join("\n");
            let err = verify(b"{}", &cut, std::slice::from_ref(&public)).unwrap_err();
            assert_eq!(err.kind, Kind::BadSignature, "{global}: {err}");
        }
    }

    #[test]
    fn a_key_argument_that_is_not_a_key_is_not_read_as_a_file() {
        // Once, text that was not a key was tried as a path: "/etc/passwd" was read.
        for text in ["RWnotakey", "/etc/passwd", "Cargo.toml", ""] {
            let err = FeedKey::from_text(text).unwrap_err();
            assert_eq!(err.kind, Kind::UnknownKey);
            assert!(
                err.message.contains("is not a minisign public key"),
                "{err}"
            );
            assert!(!err.message.contains("root:"), "{err}");
        }
    }
}
