//! Records kept small: each service's JSON is stored compressed with zstd under a dictionary
//! trained on its own feed's records.
//!
//! A record is a few hundred bytes of JSON whose keys and phrasing repeat across the feed:
//! alone it barely compresses, but against a dictionary of what its neighbours share it shrinks
//! several times over. The dictionary is stored with the feed, so every record can be read back
//! exactly as it was delivered.

use crate::{Error, Result};
/// Small feeds (the bundled region) do not need a dictionary, and zstd cannot train on a few
/// dozen samples anyway.
const TRAIN_FROM: usize = 200;
/// Records sampled for training: more adds time and hardly any ratio.
const TRAINING_SAMPLES: usize = 4_000;
const DICTIONARY_BYTES: usize = 64 * 1024;
/// Level 3 is zstd's default; higher levels slow an import and gain little on small records.
const LEVEL: i32 = 3;
/// A record that expands past this is refused rather than read into memory.
const MAX_RECORD_BYTES: u64 = 4 * 1024 * 1024;

/// Trains a dictionary on a spread-out sample of a feed's records, or `None` when the feed is
/// too small to need one.
pub fn train(records: &[&str]) -> Result<Option<Vec<u8>>> {
    if records.len() < TRAIN_FROM {
        return Ok(None);
    }
    let step = records.len().div_ceil(TRAINING_SAMPLES);
    let samples: Vec<&[u8]> = records.iter().step_by(step).map(|r| r.as_bytes()).collect();
    match zstd::dict::from_samples(&samples, DICTIONARY_BYTES) {
        Ok(dictionary) => Ok(Some(dictionary)),
        // Training fails on samples too alike or too few to learn from: the records are then
        // stored compressed without a dictionary, which is only less small.
        Err(_) => Ok(None),
    }
}

/// Compresses many records with one dictionary.
pub struct Packer {
    compressor: zstd::bulk::Compressor<'static>,
}

impl Packer {
    pub fn new(dictionary: Option<&[u8]>) -> Result<Packer> {
        let compressor = match dictionary {
            Some(d) => zstd::bulk::Compressor::with_dictionary(LEVEL, d),
            None => zstd::bulk::Compressor::new(LEVEL),
        }
        .map_err(|e| Error::Storage(format!("cannot start compressing records: {e}")))?;
        Ok(Packer { compressor })
    }

    pub fn pack(&mut self, record: &str) -> Result<Vec<u8>> {
        self.compressor
            .compress(record.as_bytes())
            .map_err(|e| Error::Storage(format!("cannot compress a record: {e}")))
    }
}

/// The record's JSON text back from its packed bytes.
pub fn unpack(packed: &[u8], dictionary: Option<&[u8]>) -> Result<String> {
    Unpacker::new(dictionary)?.unpack(packed)
}

/// Decompresses many records with one dictionary (loading a dictionary costs more than
/// decompressing a record, so it is loaded once).
pub struct Unpacker {
    decompressor: zstd::bulk::Decompressor<'static>,
}

impl Unpacker {
    pub fn new(dictionary: Option<&[u8]>) -> Result<Unpacker> {
        let decompressor = match dictionary {
            Some(d) => zstd::bulk::Decompressor::with_dictionary(d),
            None => zstd::bulk::Decompressor::new(),
        }
        .map_err(|e| Error::Storage(format!("cannot start reading records: {e}")))?;
        Ok(Unpacker { decompressor })
    }

    pub fn unpack(&mut self, packed: &[u8]) -> Result<String> {
        let damaged = |why: String| Error::Storage(format!("a stored record is damaged ({why})"));
        // Every record is packed whole, so its frame states its size.
        let size = match zstd::zstd_safe::get_frame_content_size(packed) {
            Ok(Some(size)) if size <= MAX_RECORD_BYTES => size as usize,
            Ok(Some(size)) => return Err(damaged(format!("it claims {size} bytes"))),
            Ok(None) | Err(_) => return Err(damaged("no zstd frame".into())),
        };
        let bytes = self
            .decompressor
            .decompress(packed, size)
            .map_err(|e| damaged(e.to_string()))?;
        String::from_utf8(bytes).map_err(|e| damaged(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                format!(
                    r#"{{"id":"s-{i}","name":"Sportello Immigrazione {i}","status":"active","categories":["access-point","permits"],"description":"Informazioni e pratiche per cittadini stranieri del comune numero {}."}}"#,
                    i * 7919 % 1000
                )
            })
            .collect()
    }

    #[test]
    fn records_come_back_exactly_with_and_without_a_dictionary() {
        let many = records(1_000);
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let dictionary = train(&refs).unwrap();
        assert!(
            dictionary.is_some(),
            "a thousand records train a dictionary"
        );
        assert_eq!(train(&refs[..10]).unwrap(), None, "ten do not");
        for d in [dictionary.as_deref(), None] {
            let mut packer = Packer::new(d).unwrap();
            for r in &refs[..50] {
                let packed = packer.pack(r).unwrap();
                assert_eq!(unpack(&packed, d).unwrap(), *r);
            }
        }
    }

    #[test]
    fn the_dictionary_makes_records_several_times_smaller() {
        let many = records(2_000);
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let dictionary = train(&refs).unwrap().unwrap();
        let mut with = Packer::new(Some(&dictionary)).unwrap();
        let mut without = Packer::new(None).unwrap();
        let plain: usize = refs.iter().map(|r| r.len()).sum();
        let packed: usize = refs.iter().map(|r| with.pack(r).unwrap().len()).sum();
        let alone: usize = refs.iter().map(|r| without.pack(r).unwrap().len()).sum();
        assert!(packed * 4 < plain, "{packed} packed of {plain}");
        assert!(
            packed * 2 < alone,
            "{packed} with a dictionary, {alone} without"
        );
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let err = unpack(b"not zstd at all", None).unwrap_err();
        assert!(err.to_string().contains("damaged"), "{err}");
    }
}
