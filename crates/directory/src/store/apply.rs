//! The store's side of a sync: what the device holds for the feed core to plan from, and the
//! one transaction that applies a plan. This module is the only writer of a feed's state in its
//! row (version, manifest hash, ETag, times and last error), of its pinned keys and of its
//! sources; the records and their dictionary are written by the store's `write_services`.

use super::{Writer, delete_feed_data, delete_services, failure_name, rfc3339, write_services};
use crate::sync::{Outcome, Progress, Steps, Via};
use crate::{Error, Instant, Result, Store};
use bussola_feed::FeedKey;
use bussola_feed::contract::Snapshot;
use bussola_feed::records::Record;
use bussola_feed::session::{Device, Held, Plan, Verified};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

impl Store {
    /// What the device holds, for a sync of `source`: the feed the source is bound to, the ETag
    /// of its last manifest, and every feed's version, manifest hash and pinned keys.
    pub fn device(&self, source: &str) -> Result<Device> {
        let bound_feed = self.bound_feed(source)?;
        let mut held = Vec::new();
        let mut etag = None;
        let mut stmt = self
            .conn
            .prepare("SELECT feed, version, manifest_sha256, etag FROM feed ORDER BY feed")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)? as u64,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        for (feed, version, manifest_sha256, feed_etag) in rows {
            if bound_feed.as_deref() == Some(feed.as_str()) {
                etag = feed_etag;
            }
            held.push(Held {
                pinned: self.pinned_keys(&feed)?,
                feed,
                version,
                manifest_sha256,
            });
        }
        Ok(Device {
            bound_feed,
            etag,
            held,
        })
    }

    /// Keeps `files` as those that rebuild `feed`'s version when the device holds exactly the
    /// version whose manifest has `manifest_sha256` and keeps no files for it yet: a device
    /// that imported the bundled feed before it kept files gets them from the app itself.
    pub(crate) fn adopt_files(
        &mut self,
        feed: &str,
        version: u64,
        manifest_sha256: &str,
        files: &[(&str, &[u8])],
    ) -> Result<bool> {
        // Asked at every start: it reads, and writes (taking the lock) only to adopt.
        let tx = self.conn.transaction()?;
        let held: Option<(i64, Option<String>, i64)> = tx
            .query_row(
                "SELECT version, manifest_sha256,
                        (SELECT count(*) FROM feed_file WHERE feed_file.feed = feed.feed)
                 FROM feed WHERE feed = ?1",
                [feed],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let adopt = held.is_some_and(|(v, sha, kept)| {
            v as u64 == version && sha.as_deref() == Some(manifest_sha256) && kept == 0
        });
        if adopt {
            keep_files(&tx, feed, version, files.iter().copied())?;
            tx.commit()?;
        }
        Ok(adopt)
    }

    /// The signed files kept to rebuild `feed`'s version (`v12/manifest.json`…), by version,
    /// each folder's manifest and signature first.
    pub fn feed_files(&self, feed: &str) -> Result<Vec<bussola_feed::archive::Entry>> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, bytes FROM feed_file WHERE feed = ?1")?;
        let mut entries = stmt
            .query_map([feed], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
            })?
            .map(|row| {
                let (path, packed) = row?;
                let bytes =
                    zstd::bulk::decompress(&packed, bussola_feed::archive::ARCHIVE_CAP as usize)
                        .map_err(|e| Error::Storage(format!("{path} cannot be read back: {e}")))?;
                Ok(bussola_feed::archive::Entry { path, bytes })
            })
            .collect::<Result<Vec<_>>>()?;
        entries.sort_by_key(|e| {
            let (version, name) = bussola_feed::archive::split_path(&e.path).unwrap_or((0, ""));
            let rank = match name {
                "manifest.json" => 0,
                "manifest.json.minisig" => 1,
                _ => 2,
            };
            (version, rank, e.path.clone())
        });
        Ok(entries)
    }

    /// The feed `source` delivered before, if any: a source stays bound to it.
    fn bound_feed(&self, source: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT feed FROM feed_source WHERE source = ?1",
                [source],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The keys pinned for a feed.
    pub fn pinned_keys(&self, feed: &str) -> Result<Vec<FeedKey>> {
        let mut stmt = self
            .conn
            .prepare("SELECT public_key FROM feed_key WHERE feed = ?1 ORDER BY pinned_at")?;
        let keys = stmt
            .query_map([feed], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        keys.iter()
            .map(|k| {
                FeedKey::from_text(k).map_err(|e| {
                    Error::Storage(format!("a key pinned for the feed {feed} is damaged: {e}"))
                })
            })
            .collect()
    }

    /// Every source this device synced from, oldest first (built-in feeds are not synced from
    /// anywhere).
    pub fn sources(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT source FROM feed_source WHERE source NOT LIKE 'built-in:%'
             ORDER BY bound_at, source",
        )?;
        let sources = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(sources)
    }

    /// Applies a plan the feed core made for `source`, in one transaction with the feed's new
    /// state; on any error nothing is written. `files` are the signed files the plan came from
    /// (path as the manifest names it, bytes), kept to pass the directory on.
    pub fn apply(
        &mut self,
        source: &str,
        plan: Plan,
        files: Vec<(String, Vec<u8>)>,
        now: Instant,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Outcome> {
        let mut outcomes = self.apply_all(Some(source), vec![(plan, files)], now, progress)?;
        Ok(outcomes.pop().expect("one plan, one outcome"))
    }

    /// Applies plans in order, all in one transaction: a directory passed hand to hand can hold
    /// a snapshot and the deltas after it, and lands whole or not at all. `source` is `None`
    /// for a file: the feed keeps the source it syncs from, and the file binds nothing.
    pub(crate) fn apply_all(
        &mut self,
        source: Option<&str>,
        plans: Steps,
        now: Instant,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Vec<Outcome>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut outcomes = Vec::with_capacity(plans.len());
        for (plan, files) in plans {
            outcomes.push(apply_one(&tx, source, plan, files, now, progress)?);
        }
        tx.commit()?;
        if outcomes
            .iter()
            .any(|o| matches!(o, Outcome::Applied { .. }))
        {
            self.forget_catalogue();
            // A new version passes through the write-ahead log whole, and SQLite's own
            // checkpoints copy it into the database but leave the log file at its largest:
            // emptied now, the device keeps one copy of a big version rather than two. The
            // version is committed either way; a log not emptied now is emptied later.
            let _ = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
        Ok(outcomes)
    }

    /// A failed sync of `source`: its feed (if the source is bound to one) keeps its data and
    /// records the error, so `info` and the app can say what happened.
    pub fn record_failure(&mut self, source: &str, error: &Error, now: Instant) -> Result<()> {
        let Some(feed) = self.bound_feed(source)? else {
            return Ok(());
        };
        self.conn.execute(
            "UPDATE feed SET last_error = ?2, last_error_kind = ?3, last_error_at = ?4
             WHERE feed = ?1",
            params![
                feed,
                error.to_string(),
                failure_name(error.sync_failure()),
                rfc3339(now)
            ],
        )?;
        Ok(())
    }

    /// Replaces every service of a snapshot's feed with the snapshot's, in one transaction,
    /// without a manifest or a signature: for fixtures, benchmarks and measurements. The records
    /// go through the feed core's checks like any sync's; one bad record refuses them all.
    pub fn import_snapshot(&mut self, json: &str, source: &str) -> Result<u64> {
        let snapshot: Snapshot<'_> = serde_json::from_str(json)?;
        let records = bussola_feed::records::check_raw("the snapshot", &snapshot.services)?;
        self.replace_feed(&snapshot, &records.services, source)
    }

    /// As [`Store::import_snapshot`], but the records are only read, not checked: for tests
    /// that a record no feed may carry (markup, a `javascript:` link) is still shown safely
    /// should it ever reach the store. Never for data a person sees.
    #[doc(hidden)]
    pub fn import_unchecked_for_tests(&mut self, json: &str) -> Result<u64> {
        let snapshot: Snapshot<'_> = serde_json::from_str(json)?;
        let records = snapshot
            .services
            .iter()
            .map(|raw| {
                Ok(Record {
                    service: serde_json::from_str(raw.get())?,
                    json: raw.get().to_owned(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        self.replace_feed(&snapshot, &records, "test")
    }

    fn replace_feed(
        &mut self,
        snapshot: &Snapshot<'_>,
        records: &[Record],
        source: &str,
    ) -> Result<u64> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO feed (feed, version, source, last_sync) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (feed) DO UPDATE SET version = excluded.version,
                 source = excluded.source, last_sync = excluded.last_sync, last_error = NULL,
                 last_error_kind = NULL, last_error_at = NULL",
            params![
                snapshot.feed,
                snapshot.version as i64,
                source,
                rfc3339(crate::now())
            ],
        )?;
        write_services(&tx, &snapshot.feed, records)?;
        tx.commit()?;
        self.forget_catalogue();
        Ok(records.len() as u64)
    }

    /// Removes a feed and everything indexed from it (its pins and bindings too).
    pub fn remove_feed(&mut self, feed: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        delete_feed_data(&tx, feed)?;
        tx.execute("DELETE FROM feed WHERE feed = ?1", [feed])?;
        tx.execute("DELETE FROM feed_key WHERE feed = ?1", [feed])?;
        tx.execute("DELETE FROM feed_source WHERE feed = ?1", [feed])?;
        tx.execute("DELETE FROM feed_file WHERE feed = ?1", [feed])?;
        tx.commit()?;
        self.forget_catalogue();
        Ok(())
    }
}

/// One plan, inside the transaction [`Store::apply_all`] holds.
fn apply_one(
    tx: &Transaction<'_>,
    source: Option<&str>,
    plan: Plan,
    files: Vec<(String, Vec<u8>)>,
    now: Instant,
    progress: &mut dyn FnMut(Progress),
) -> Result<Outcome> {
    let version_held = |feed: &str| -> Result<Option<u64>> {
        Ok(tx
            .query_row("SELECT version FROM feed WHERE feed = ?1", [feed], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .map(|v| v as u64))
    };
    Ok(match plan {
        Plan::NotModified { feed, version } => {
            noted(tx, &feed, None, None, now)?;
            Outcome::UpToDate { feed, version }
        }
        Plan::UpToDate(verified) => {
            still_trusted(tx, &verified)?;
            let m = &verified.manifest;
            noted(
                tx,
                &m.feed,
                verified.etag.as_deref(),
                Some(&verified.manifest_sha256),
                now,
            )?;
            if let Some(source) = source {
                bind_source(tx, source, &m.feed, now)?;
            }
            pin_if_none(tx, &m.feed, &verified.pin, now)?;
            Outcome::UpToDate {
                feed: m.feed.clone(),
                version: m.version,
            }
        }
        Plan::Snapshot { verified, records } => {
            progress(Progress::Applying {
                services: records.services.len() as u64,
            });
            still_newer(tx, &verified)?;
            let before = version_held(&verified.manifest.feed)?;
            write_state(tx, &verified, source, now)?;
            write_services(tx, &verified.manifest.feed, &records.services)?;
            // A whole version: the files kept before it are no longer needed to rebuild it.
            tx.execute(
                "DELETE FROM feed_file WHERE feed = ?1",
                [&verified.manifest.feed],
            )?;
            let m = &verified.manifest;
            let kept = files.iter().map(|(p, b)| (p.as_str(), b.as_slice()));
            keep_files(tx, &m.feed, m.version, kept)?;
            applied(
                &verified,
                before,
                Via::Snapshot,
                records.services.len() as u64,
                records.warnings,
            )
        }
        Plan::Delta {
            verified,
            from,
            records,
            deletes,
        } => {
            progress(Progress::Applying {
                services: (records.services.len() + deletes.len()) as u64,
            });
            still_newer(tx, &verified)?;
            let feed = &verified.manifest.feed;
            let (base, dictionary): (i64, Option<Vec<u8>>) = tx.query_row(
                "SELECT version, dictionary FROM feed WHERE feed = ?1",
                [feed],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            // The plan was made from `from`: only another sync, meanwhile, can have moved it.
            if base as u64 != from {
                return Err(bussola_feed::FeedError::new(
                    bussola_feed::Kind::OlderVersion,
                    format!(
                        "the delta starts from version {from}, but another sync has brought \
                         this device to {base} meanwhile"
                    ),
                )
                .into());
            }
            let mut gone: Vec<&str> = deletes.iter().map(String::as_str).collect();
            gone.extend(records.services.iter().map(|r| r.service.id.as_str()));
            delete_services(tx, feed, &gone)?;
            let dictionary = match dictionary {
                Some(dictionary) => Some(dictionary),
                None => dictionary_for_growth(tx, feed, &records.services)?,
            };
            {
                let mut writer = Writer::new(tx, dictionary.as_deref())?;
                for record in &records.services {
                    writer.insert(feed, &record.service, &record.json)?;
                }
            }
            write_state(tx, &verified, source, now)?;
            let m = &verified.manifest;
            let kept = files.iter().map(|(p, b)| (p.as_str(), b.as_slice()));
            keep_files(tx, &m.feed, m.version, kept)?;
            let count: i64 = tx.query_row(
                "SELECT count(*) FROM service WHERE feed = ?1",
                [feed],
                |r| r.get(0),
            )?;
            applied(
                &verified,
                Some(from),
                Via::Delta,
                count as u64,
                records.warnings,
            )
        }
    })
}

/// Keeps the signed files of a version just applied, under the folder of its version.
fn keep_files<'f>(
    tx: &Transaction<'_>,
    feed: &str,
    version: u64,
    files: impl IntoIterator<Item = (&'f str, &'f [u8])>,
) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT OR REPLACE INTO feed_file (feed, path, bytes) VALUES (?1, ?2, ?3)",
    )?;
    for (path, bytes) in files {
        let packed = zstd::bulk::compress(bytes, 3)
            .map_err(|e| Error::Storage(format!("compressing {path}: {e}")))?;
        insert.execute(params![feed, format!("v{version}/{path}"), packed])?;
    }
    Ok(())
}

fn applied(
    verified: &Verified,
    from: Option<u64>,
    by: Via,
    services: u64,
    warnings: Vec<bussola_feed::records::Problem>,
) -> Outcome {
    Outcome::Applied {
        feed: verified.manifest.feed.clone(),
        from,
        version: verified.manifest.version,
        by,
        services,
        warnings: warnings.iter().map(ToString::to_string).collect(),
        expired: verified.expired,
    }
}

/// A check that changed nothing: the time, the ETag if a new one came, the manifest's hash for a
/// feed imported without one; the last error is cleared.
fn noted(
    tx: &Transaction<'_>,
    feed: &str,
    etag: Option<&str>,
    manifest_sha256: Option<&str>,
    now: Instant,
) -> Result<()> {
    tx.execute(
        "UPDATE feed SET last_sync = ?2, etag = coalesce(?3, etag), last_error = NULL,
                         last_error_kind = NULL, last_error_at = NULL,
                         manifest_sha256 = coalesce(manifest_sha256, ?4)
         WHERE feed = ?1",
        params![feed, rfc3339(now), etag, manifest_sha256],
    )?;
    Ok(())
}

/// The new state of a feed, written in the same transaction as its data.
fn write_state(
    tx: &Transaction<'_>,
    verified: &Verified,
    source: Option<&str>,
    now: Instant,
) -> Result<()> {
    let m = &verified.manifest;
    tx.execute(
        "INSERT INTO feed (feed, version, generated_at, expires_at, source, manifest_sha256,
                           etag, last_sync, notices)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (feed) DO UPDATE SET version = excluded.version,
             generated_at = excluded.generated_at, expires_at = excluded.expires_at,
             source = coalesce(excluded.source, feed.source),
             manifest_sha256 = excluded.manifest_sha256,
             etag = excluded.etag, last_sync = excluded.last_sync, last_error = NULL,
             last_error_kind = NULL, last_error_at = NULL, notices = excluded.notices",
        params![
            m.feed,
            m.version as i64,
            m.generated_at,
            m.expires_at,
            source,
            verified.manifest_sha256,
            verified.etag,
            rfc3339(now),
            // The manifest's notices replace the last ones: a notice the editors removed goes.
            (!m.notices.is_empty())
                .then(|| serde_json::to_string(&m.notices))
                .transpose()?
        ],
    )?;
    // A file passed hand to hand binds nothing: the feed goes on syncing from its own source.
    if let Some(source) = source {
        bind_source(tx, source, &m.feed, now)?;
    }
    pin_if_none(tx, &m.feed, &verified.pin, now)
}

/// Checked again inside the write transaction: another process may have applied this version,
/// or a newer one, since the plan was made, or pinned other keys for a feed that had none.
fn still_newer(tx: &Transaction<'_>, verified: &Verified) -> Result<()> {
    still_trusted(tx, verified)?;
    let feed = &verified.manifest.feed;
    let applied: Option<i64> = tx
        .query_row("SELECT version FROM feed WHERE feed = ?1", [feed], |r| {
            r.get(0)
        })
        .optional()?;
    match applied {
        Some(v) if v as u64 >= verified.manifest.version => Err(bussola_feed::FeedError::new(
            bussola_feed::Kind::OlderVersion,
            format!("version {v} of {feed} was applied meanwhile by another sync"),
        )
        .into()),
        _ => Ok(()),
    }
}

/// The key that signed the plan's manifest is among the keys pinned for its feed now, when any
/// are: a sync that pinned other keys since the plan was made wins.
fn still_trusted(tx: &Transaction<'_>, verified: &Verified) -> Result<()> {
    let feed = &verified.manifest.feed;
    let pinned: Vec<String> = tx
        .prepare("SELECT public_key FROM feed_key WHERE feed = ?1")?
        .query_map([feed], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if pinned.is_empty() || pinned.iter().any(|k| k == verified.signed_by.base64()) {
        return Ok(());
    }
    Err(bussola_feed::FeedError::new(
        bussola_feed::Kind::UnknownKey,
        format!(
            "the feed \"{feed}\" was pinned to another key by a sync that ran meanwhile; a \
             different key cannot replace its data"
        ),
    )
    .into())
}

/// The keys that verified a feed are pinned for it, the first time only.
fn pin_if_none(tx: &Transaction<'_>, feed: &str, keys: &[FeedKey], now: Instant) -> Result<()> {
    let pinned: i64 = tx.query_row(
        "SELECT count(*) FROM feed_key WHERE feed = ?1",
        [feed],
        |r| r.get(0),
    )?;
    if pinned == 0 {
        for key in keys {
            tx.execute(
                "INSERT OR IGNORE INTO feed_key (feed, public_key, pinned_at) VALUES (?1, ?2, ?3)",
                params![feed, key.base64(), rfc3339(now)],
            )?;
        }
    }
    Ok(())
}

/// A source stays bound to the feed it first delivered.
fn bind_source(tx: &Transaction<'_>, source: &str, feed: &str, now: Instant) -> Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO feed_source (source, feed, bound_at) VALUES (?1, ?2, ?3)",
        params![source, feed, rfc3339(now)],
    )?;
    Ok(())
}

/// A dictionary for a feed that had none (a small region's, which zstd cannot train on) when a
/// delta brings enough records to train one: without it, the delta's records would be kept
/// barely compressed, a first big version more than twice the size it is when it comes as a
/// snapshot (139 against 57 MB for 100k services). The records the feed keeps are packed
/// again with it, so that every record of a feed is read with the feed's one dictionary.
fn dictionary_for_growth(
    tx: &Transaction<'_>,
    feed: &str,
    incoming: &[Record],
) -> Result<Option<Vec<u8>>> {
    let jsons: Vec<&str> = incoming.iter().map(|r| r.json.as_str()).collect();
    let Some(dictionary) = crate::pack::train(&jsons)? else {
        return Ok(None);
    };
    let kept: Vec<(i64, Vec<u8>)> = tx
        .prepare("SELECT id, record FROM service WHERE feed = ?1")?
        .query_map([feed], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<std::result::Result<_, _>>()?;
    let mut unpacker = crate::pack::Unpacker::new(None)?;
    let mut packer = crate::pack::Packer::new(Some(&dictionary))?;
    let mut update = tx.prepare("UPDATE service SET record = ?2 WHERE id = ?1")?;
    for (id, packed) in kept {
        let json = unpacker.unpack(&packed)?;
        update.execute(params![id, packer.pack(&json)?])?;
    }
    tx.execute(
        "UPDATE feed SET dictionary = ?2 WHERE feed = ?1",
        params![feed, dictionary],
    )?;
    Ok(Some(dictionary))
}
