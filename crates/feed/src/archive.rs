//! A feed passed hand to hand: the signed files of one or more versions in one plain archive
//! (POSIX tar, which any system opens), one folder per version as the feed published it:
//!
//! ```text
//! v12/manifest.json  v12/manifest.json.minisig  v12/snapshot-12.json
//! v13/manifest.json  v13/manifest.json.minisig  v13/delta-12-13.json
//! ```
//!
//! Nothing here is trusted: each folder is read back exactly as a feed folder is synced, its
//! manifest's signature checked with the pinned keys and every file against the hash the
//! manifest gives. This module only packs and unpacks, within caps, with no I/O.

use crate::contract::FILE_CAP;
use crate::{FeedError, Kind, Result};

/// The largest share file read: a snapshot at its cap and the deltas after it.
pub const ARCHIVE_CAP: u64 = FILE_CAP + 64 * 1024 * 1024;
/// The most files a share file may hold: three per version, for 64 versions.
pub const MAX_ENTRIES: usize = 3 * 64;
/// What a share file's name ends with.
pub const EXTENSION: &str = "bussola";

const BLOCK: usize = 512;

/// One file of a share file: its path (`v12/manifest.json`) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The version folder of a path (`v12/snapshot-12.json` → 12) and the file's name in it.
pub fn split_path(path: &str) -> Option<(u64, &str)> {
    let (folder, name) = path.split_once('/')?;
    let version = folder.strip_prefix('v')?;
    // The paths a manifest may name (`snapshot-12.json`, `data/delta-11-12.json`): plain
    // segments, none hidden, none climbing out.
    let plain_name = name.split('/').all(|part| {
        !part.is_empty()
            && !part.starts_with('.')
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
    });
    let digits = !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit());
    (plain_name && digits)
        .then(|| version.parse().ok())
        .flatten()
        .map(|v| (v, name))
}

/// The entries as a tar archive (ustar), in the order given.
pub fn pack(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    for entry in entries {
        let mut header = [0u8; BLOCK];
        let name = entry.path.as_bytes();
        header[..name.len().min(100)].copy_from_slice(&name[..name.len().min(100)]);
        octal(&mut header[100..108], 0o644);
        octal(&mut header[108..116], 0);
        octal(&mut header[116..124], 0);
        octal(&mut header[124..136], entry.bytes.len() as u64);
        octal(&mut header[136..148], 0);
        header[156] = b'0';
        header[257..263].copy_from_slice(b"ustar\0");
        header[263..265].copy_from_slice(b"00");
        header[148..156].copy_from_slice(b"        ");
        let sum: u64 = header.iter().map(|&b| u64::from(b)).sum();
        octal(&mut header[148..155], sum);
        header[155] = b' ';
        out.extend_from_slice(&header);
        out.extend_from_slice(&entry.bytes);
        out.resize(out.len().next_multiple_of(BLOCK), 0);
    }
    // The end: two empty blocks.
    out.resize(out.len() + 2 * BLOCK, 0);
    out
}

/// `value` in octal, zero-padded, ending in NUL, filling `field`.
fn octal(field: &mut [u8], value: u64) {
    let digits = format!("{value:0width$o}", width = field.len() - 1);
    field[..digits.len()].copy_from_slice(digits.as_bytes());
    field[digits.len()] = 0;
}

/// The entries of a share file. Refused, with the reason: anything larger than
/// [`ARCHIVE_CAP`] or with more than [`MAX_ENTRIES`] files, a header whose checksum fails (a
/// damaged or altered file), a file cut short, anything but plain files, a path outside the
/// `v<version>/<name>` layout, and a path given twice.
pub fn unpack(bytes: &[u8]) -> Result<Vec<Entry>> {
    let refuse = |what: String| Err(FeedError::new(Kind::Malformed, what));
    if bytes.len() as u64 > ARCHIVE_CAP {
        return Err(FeedError::new(
            Kind::TooLarge,
            format!(
                "the file is {} bytes; a directory file is at most {ARCHIVE_CAP}",
                bytes.len()
            ),
        ));
    }
    let mut entries: Vec<Entry> = Vec::new();
    let mut at = 0;
    loop {
        let Some(header) = bytes.get(at..at + BLOCK) else {
            return refuse("the file is cut short: it is not a whole directory file".into());
        };
        if header.iter().all(|&b| b == 0) {
            break;
        }
        if &header[257..262] != b"ustar" {
            return refuse("this is not a directory file (.bussola)".into());
        }
        let stored = read_octal(&header[148..156]);
        let sum: u64 = header
            .iter()
            .enumerate()
            .map(|(i, &b)| u64::from(if (148..156).contains(&i) { b' ' } else { b }))
            .sum();
        if stored != Some(sum) {
            return refuse("the file is damaged or was changed: a header does not add up".into());
        }
        if !matches!(header[156], b'0' | 0) {
            return refuse("the file holds something other than plain files".into());
        }
        let text = |field: &[u8]| {
            let end = field.iter().position(|&b| b == 0).unwrap_or(field.len());
            String::from_utf8(field[..end].to_vec()).ok()
        };
        let path = match (text(&header[345..500]), text(&header[..100])) {
            (Some(prefix), Some(name)) if prefix.is_empty() => name,
            (Some(prefix), Some(name)) => format!("{prefix}/{name}"),
            _ => return refuse("a file's name is not text".into()),
        };
        if split_path(&path).is_none() {
            return refuse(format!(
                "\"{}\" is not where a directory file keeps its files",
                path.chars().take(80).collect::<String>()
            ));
        }
        let Some(size) = read_octal(&header[124..136]) else {
            return refuse(format!("{path}: its size cannot be read"));
        };
        let start = at + BLOCK;
        let Some(data) = usize::try_from(size)
            .ok()
            .and_then(|size| bytes.get(start..start.checked_add(size)?))
        else {
            return refuse(format!("{path} is cut short: the file is not whole"));
        };
        if entries.iter().any(|e| e.path == path) {
            return refuse(format!("{path} is in the file twice"));
        }
        if entries.len() == MAX_ENTRIES {
            return refuse(format!("the file holds more than {MAX_ENTRIES} files"));
        }
        entries.push(Entry {
            path,
            bytes: data.to_vec(),
        });
        at = (start + data.len()).next_multiple_of(BLOCK);
    }
    if entries.is_empty() {
        return refuse("the file holds no feed".into());
    }
    Ok(entries)
}

/// An octal number as tar writes it (spaces and NULs around the digits).
fn read_octal(field: &[u8]) -> Option<u64> {
    let text = std::str::from_utf8(field).ok()?;
    let digits = text.trim_matches(|c: char| c == '\0' || c == ' ');
    if digits.is_empty() || !digits.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        return None;
    }
    u64::from_str_radix(digits, 8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<Entry> {
        vec![
            Entry {
                path: "v12/manifest.json".into(),
                bytes: br#"{"feed":"umbria"}"#.to_vec(),
            },
            Entry {
                path: "v12/snapshot-12.json".into(),
                bytes: vec![b'x'; 1300],
            },
            Entry {
                path: "v13/delta-12-13.json".into(),
                bytes: Vec::new(),
            },
        ]
    }

    #[test]
    fn what_is_packed_unpacks_the_same() {
        let packed = pack(&entries());
        assert_eq!(packed.len() % BLOCK, 0);
        assert_eq!(unpack(&packed).unwrap(), entries());
    }

    #[test]
    fn a_damaged_or_cut_or_strange_file_is_refused_with_its_reason() {
        let packed = pack(&entries());
        let says = |bytes: &[u8], words: &str| {
            let error = unpack(bytes).unwrap_err().to_string();
            assert!(error.contains(words), "{words}: {error}");
        };
        // A byte of a header changed: its checksum no longer adds up.
        let mut altered = packed.clone();
        altered[3] ^= 1;
        says(&altered, "damaged or was changed");
        says(&packed[..700], "cut short");
        says(&packed[..BLOCK + 10], "cut short");
        says(
            b"not a tar file at all, but long enough to have a header, or nearly",
            "cut short",
        );
        says(&[1u8; 1024], "not a directory file");
        let strange = |path: &str| {
            pack(&[Entry {
                path: path.into(),
                bytes: b"{}".to_vec(),
            }])
        };
        says(&strange("../etc/passwd"), "is not where");
        says(&strange("v12/../../x"), "is not where");
        says(&strange("manifest.json"), "is not where");
        says(&strange("vX/manifest.json"), "is not where");
        let mut twice = entries();
        twice.push(twice[0].clone());
        says(&pack(&twice), "twice");
        says(&pack(&[]), "no feed");
    }

    #[test]
    fn paths_name_their_version() {
        assert_eq!(
            split_path("v12/snapshot-12.json"),
            Some((12, "snapshot-12.json"))
        );
        assert_eq!(split_path("v1/manifest.json.minisig").map(|p| p.0), Some(1));
        assert_eq!(split_path("v/manifest.json"), None);
        assert_eq!(split_path("v1/.hidden"), None);
        assert_eq!(
            split_path("v1/data/delta-1-2.json").map(|p| p.1),
            Some("data/delta-1-2.json")
        );
        assert_eq!(split_path("v1/a//b"), None);
    }
}
