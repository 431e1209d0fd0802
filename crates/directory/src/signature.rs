//! Minisign signatures over a feed's manifest: the region signs, the device verifies against
//! keys it has pinned.
//!
//! The format is standard minisign (Ed25519), so a region can sign with the `minisign` tool it
//! already has and anyone can check Bussola's signatures with it. Both of minisign's forms are
//! accepted: the prehashed one (BLAKE2b-512 of the file, what the tool makes by default) and the
//! legacy one over the bytes themselves.

use crate::{Error, Result};
use std::io::Cursor;
use std::path::Path;

/// A public key that may sign a feed.
#[derive(Clone)]
pub struct FeedKey {
    key: minisign::PublicKey,
}

impl std::fmt::Debug for FeedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FeedKey({})", self.base64())
    }
}

impl PartialEq for FeedKey {
    fn eq(&self, other: &Self) -> bool {
        self.base64() == other.base64()
    }
}

impl FeedKey {
    /// A key given as minisign prints it (the `RW…` line), or the path of a `.pub` file.
    pub fn parse(text_or_path: &str) -> Result<FeedKey> {
        let text = text_or_path.trim();
        let bad = |why: String| Error::BadKey(format!("\"{text}\" {why}"));
        if let Ok(key) = minisign::PublicKey::from_base64(text) {
            return Ok(FeedKey { key });
        }
        let path = Path::new(text);
        if path.is_file() {
            let contents =
                std::fs::read_to_string(path).map_err(|e| bad(format!("cannot be read: {e}")))?;
            // A .pub file: an "untrusted comment:" line, then the key.
            let line = contents
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with("untrusted comment:"))
                .unwrap_or("");
            return minisign::PublicKey::from_base64(line)
                .map(|key| FeedKey { key })
                .map_err(|_| bad("holds no minisign public key".into()));
        }
        Err(bad(
            "is neither a minisign public key (RW…) nor a .pub file".into(),
        ))
    }

    /// The key as one base64 line, `RW…`, as stored and shown.
    pub fn base64(&self) -> String {
        self.key.to_base64()
    }
}

/// Checks `signature` (a `.minisig` file's text) over `data` against each key in turn, and
/// returns the index of the key that made it.
pub fn verify(data: &[u8], signature: &str, keys: &[FeedKey]) -> Result<usize> {
    if keys.is_empty() {
        return Err(Error::Signature(
            "no public key is known for this feed; give one with --pubkey".into(),
        ));
    }
    let text = signature;
    let signature = minisign::SignatureBox::from_string(text)
        .map_err(|e| Error::Signature(format!("the signature file is not minisign: {e}")))?;
    // minisign 0.8 takes the global signature (the fourth line, over the trusted comment) as 64
    // bytes without checking, and panics on a shorter one after the first signature matched:
    // anyone could crash a sync by cutting that line of a feed's real signature file. Parsed,
    // the line is base64, and 64 bytes are exactly 88 characters ending in "==".
    let global = text.lines().nth(3).unwrap_or_default().trim();
    if global.len() != 88 || !global.ends_with("==") {
        return Err(Error::Signature(
            "the signature file is not minisign: its last signature is not 64 bytes".into(),
        ));
    }
    for (i, key) in keys.iter().enumerate() {
        let checked = minisign::verify(&key.key, &signature, Cursor::new(data), true, false, true);
        if checked.is_ok() {
            return Ok(i);
        }
    }
    Err(Error::Signature(
        "the manifest's signature does not match the feed's key: it was changed after signing, \
         or signed by someone else"
            .into(),
    ))
}

/// A secret key, kept by the region's editors and never by the app.
pub struct SigningKey {
    key: minisign::SecretKey,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey(…)")
    }
}

/// A new key pair as the texts of minisign's two files: (secret key, public key).
/// The secret key is not encrypted: keep it offline, or encrypt it with `minisign -C`.
pub fn generate() -> Result<(String, String)> {
    let minisign::KeyPair { pk, sk } = minisign::KeyPair::generate_unencrypted_keypair()
        .map_err(|e| Error::Signature(format!("cannot make a key pair: {e}")))?;
    let secret = sk
        .to_box(Some("Bussola feed secret key"))
        .map_err(|e| Error::Signature(e.to_string()))?
        .to_string();
    let public = pk
        .to_box()
        .map_err(|e| Error::Signature(e.to_string()))?
        .to_string();
    Ok((secret, public))
}

impl SigningKey {
    /// Reads a minisign secret key file; `password` opens an encrypted one.
    pub fn load(path: &Path, password: Option<String>) -> Result<SigningKey> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::BadKey(format!(
                "cannot read the secret key {}: {e}",
                path.display()
            ))
        })?;
        let boxed = minisign::SecretKeyBox::from_string(&text).map_err(|e| {
            Error::BadKey(format!(
                "{} is not a minisign secret key: {e}",
                path.display()
            ))
        })?;
        let key = match password {
            Some(password) => minisign::SecretKey::from_box(boxed, Some(password)),
            None => minisign::SecretKey::from_unencrypted_box(boxed),
        }
        .map_err(|e| {
            Error::BadKey(format!(
                "cannot open the secret key {} ({e}); an encrypted key needs its password in \
                 BUSSOLA_KEY_PASSWORD",
                path.display()
            ))
        })?;
        Ok(SigningKey { key })
    }

    /// The public key that verifies this key's signatures.
    pub fn public(&self) -> Result<FeedKey> {
        minisign::PublicKey::from_secret_key(&self.key)
            .map(|key| FeedKey { key })
            .map_err(|e| Error::BadKey(e.to_string()))
    }

    /// A prehashed minisign signature over `data`, as the text of a `.minisig` file.
    pub fn sign(&self, data: &[u8], trusted_comment: &str) -> Result<String> {
        let public = self.public()?;
        minisign::sign(
            Some(&public.key),
            &self.key,
            Cursor::new(data),
            Some(trusted_comment),
            None,
        )
        .map(|signature| signature.to_string())
        .map_err(|e| Error::Signature(format!("cannot sign: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_pair(dir: &Path) -> (SigningKey, FeedKey) {
        let (secret, public) = generate().unwrap();
        let path = dir.join("test.key");
        std::fs::write(&path, secret).unwrap();
        let pub_path = dir.join("test.pub");
        std::fs::write(&pub_path, public).unwrap();
        let signing = SigningKey::load(&path, None).unwrap();
        let from_file = FeedKey::parse(pub_path.to_str().unwrap()).unwrap();
        assert_eq!(signing.public().unwrap(), from_file);
        (signing, from_file)
    }

    #[test]
    fn a_signature_verifies_with_its_key_and_no_other() {
        let dir = tempfile::tempdir().unwrap();
        let (signing, public) = key_pair(dir.path());
        let other = FeedKey::parse(&key_pair(dir.path()).1.base64()).unwrap();
        let signature = signing.sign(b"{\"feed\":\"umbria\"}", "umbria 1").unwrap();
        assert_eq!(
            verify(
                b"{\"feed\":\"umbria\"}",
                &signature,
                &[other.clone(), public.clone()]
            )
            .unwrap(),
            1
        );
        assert!(verify(b"{\"feed\":\"umbria\"}", &signature, &[other]).is_err());
        let tampered = verify(b"{\"feed\":\"umbrie\"}", &signature, &[public]).unwrap_err();
        assert!(
            tampered.to_string().contains("changed after signing"),
            "{tampered}"
        );
    }

    #[test]
    fn a_global_signature_of_the_wrong_length_is_refused_not_a_panic() {
        // Found by the manifest fuzz target: a real signature whose fourth line was cut.
        let dir = tempfile::tempdir().unwrap();
        let (signing, public) = key_pair(dir.path());
        let signature = signing.sign(b"{}", "umbria 1").unwrap();
        let mut lines: Vec<&str> = signature.lines().collect();
        assert_eq!(lines[3].len(), 88);
        for global in ["e7trW6AyHc8oUUDFT3d3RptP", "AAAA", &"A".repeat(92)] {
            lines[3] = global;
            let cut = lines.join("\n");
            let err = verify(b"{}", &cut, std::slice::from_ref(&public)).unwrap_err();
            assert!(err.to_string().contains("not 64 bytes"), "{global}: {err}");
        }
    }

    #[test]
    fn keys_are_read_from_their_line_or_their_file_and_nonsense_is_named() {
        let err = FeedKey::parse("RWnotakey").unwrap_err();
        assert!(err.to_string().contains("RWnotakey"), "{err}");
    }
}
