//! The local SQLite store: one file, opened once, migrated on open.
//!
//! Feed data (services, their locations, names, categories, languages, the full-text index and
//! the R*Tree) is written only by [`Store::apply`] ([`apply`]), inside one transaction together
//! with the feed's state, so a reader sees the old feed or the new one and never a mix. User data
//! (favourites, notes, settings, corrections) lives in tables an import never touches, keyed by
//! the feed's own service ids so it survives every replacement of the feed.

mod apply;
mod corrections;

use crate::catalogue::Catalogue;
use crate::fold::fold;
use crate::pack::{self, Packer, Unpacker};
use crate::{Error, Result};
use bussola_feed::contract::Service;
use bussola_feed::records::Record;
use bussola_model::{FeedId, FeedStatus, FeedVersion, SyncFailure};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, params};
use serde_json::value::RawValue;
use std::cell::{Ref, RefCell};
use std::path::{Path, PathBuf};

/// "BUSS": marks the file as Bussola's, so a foreign SQLite file is refused, not migrated.
const APPLICATION_ID: i64 = 0x4255_5353;

/// Numbered migrations, applied in order; `PRAGMA user_version` records the last one applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_packed_records.sql"),
    include_str!("migrations/0003_feed_trust.sql"),
    include_str!("migrations/0004_last_error_kind.sql"),
    include_str!("migrations/0005_checked_date.sql"),
    include_str!("migrations/0006_status_and_notices.sql"),
    include_str!("migrations/0007_feed_files.sql"),
    include_str!("migrations/0008_corrections.sql"),
];

/// The local database.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// What searches read of every service; `None` until the first search after a change.
    catalogue: RefCell<Option<Catalogue>>,
}

impl Store {
    /// Opens (creating it if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|source| Error::Open {
            path: path.to_owned(),
            source,
        })?;
        Store::init(conn, path.to_owned())
    }

    /// A private database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn init(conn: Connection, path: PathBuf) -> Result<Store> {
        // Reading the header is the first thing that fails on a file that is not SQLite at all.
        let application_id: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|source| match source.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => {
                    Error::ForeignDatabase { path: path.clone() }
                }
                _ => Error::Open {
                    path: path.clone(),
                    source,
                },
            })?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if application_id != APPLICATION_ID && (application_id != 0 || tables > 0) {
            return Err(Error::ForeignDatabase { path });
        }
        // Refused before anything is written, journal mode included: the newer app that owns
        // the file must find it as it left it.
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(Error::NewerSchema {
                path,
                found: version,
                known,
            });
        }
        // A 4 MB page cache: searches read from the in-memory catalogue and small FTS lists,
        // and the operating system caches the file anyway; a larger cache only grows the app's
        // memory on a phone.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;
             PRAGMA cache_size = -4096;",
        )?;
        // `rarray()` lets a search pass a set of ids as one bound parameter.
        rusqlite::vtab::array::load_module(&conn)?;
        let mut store = Store {
            conn,
            path,
            catalogue: RefCell::default(),
        };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let current: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            // Columns a migration added are filled from the records already stored.
            backfill(&tx, index + 1)?;
            // PRAGMA takes no bound parameters; the value is our own integer.
            tx.execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};",
                index + 1
            ))?;
            tx.commit()?;
        }
        // Records a migration left waiting are indexed once the schema is whole: this version's
        // code writes this version's tables (and a file left half-way is finished here).
        let tx = self.conn.transaction()?;
        reindex_pending(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// The schema version the file is at.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every feed on the device with its state and number of services.
    pub fn feeds(&self) -> Result<Vec<FeedStatus>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.feed, f.version, f.generated_at, f.expires_at, f.source, f.last_sync,
                    f.last_error, (SELECT count(*) FROM service s WHERE s.feed = f.feed),
                    f.last_error_at, f.last_error_kind,
                    (SELECT count(*) FROM service s
                     WHERE s.feed = f.feed AND (s.checked IS NULL OR s.checked <= ?1)),
                    f.notices
             FROM feed f ORDER BY f.feed",
        )?;
        let now = chrono::Utc::now();
        let today = now.format("%Y-%m-%d").to_string();
        let stale_before = bussola_model::stale_before(&today).unwrap_or_default();
        let feeds = stmt
            .query_map([&stale_before], |r| {
                Ok(FeedStatus {
                    feed: FeedId(r.get(0)?),
                    version: FeedVersion(r.get::<_, i64>(1)? as u64),
                    generated_at: r.get(2)?,
                    expires_at: r.get(3)?,
                    source: r.get(4)?,
                    last_sync: r.get(5)?,
                    last_error: r.get(6)?,
                    services: r.get::<_, i64>(7)? as u64,
                    last_error_at: r.get(8)?,
                    last_error_kind: r
                        .get::<_, Option<String>>(9)?
                        .and_then(|kind| failure_from_name(&kind)),
                    expired: false,
                    stale_services: r.get::<_, i64>(10)? as u64,
                    // Written by this engine from a checked manifest; unreadable is none.
                    notices: r
                        .get::<_, Option<String>>(11)?
                        .and_then(|json| serde_json::from_str(&json).ok())
                        .unwrap_or_default(),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(feeds
            .into_iter()
            .map(|mut f| {
                f.expired = bussola_feed::contract::is_past(f.expires_at.as_deref(), now);
                f
            })
            .collect())
    }

    /// Number of services across all feeds.
    pub fn service_count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM service", [], |r| r.get::<_, i64>(0))?
            as u64)
    }

    /// The stored record of a service, as its feed delivered it.
    pub fn service_record(&self, id: &str) -> Result<(FeedId, serde_json::Value)> {
        let row: Option<(String, Vec<u8>, Option<Vec<u8>>)> = self
            .conn
            .query_row(
                "SELECT s.feed, s.record, f.dictionary FROM service s JOIN feed f USING (feed)
                 WHERE s.service_id = ?1 ORDER BY s.feed LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (feed, packed, dictionary) = row.ok_or_else(|| Error::NotFound(id.to_owned()))?;
        let record = pack::unpack(&packed, dictionary.as_deref())?;
        Ok((FeedId(feed), serde_json::from_str(&record)?))
    }

    /// Every stored record with its feed, as delivered: for exports, and for the benchmark's
    /// baseline of a program that reads everything.
    pub fn records(&self) -> Result<Vec<(FeedId, String)>> {
        let mut records = Vec::new();
        let mut feeds = self
            .conn
            .prepare("SELECT feed, dictionary FROM feed ORDER BY feed")?;
        let mut in_feed = self
            .conn
            .prepare("SELECT record FROM service WHERE feed = ?1 ORDER BY id")?;
        let mut feed_rows = feeds.query([])?;
        while let Some(feed_row) = feed_rows.next()? {
            let feed: String = feed_row.get(0)?;
            let dictionary: Option<Vec<u8>> = feed_row.get(1)?;
            let mut unpacker = Unpacker::new(dictionary.as_deref())?;
            let mut rows = in_feed.query([&feed])?;
            while let Some(row) = rows.next()? {
                let packed = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
                records.push((FeedId(feed.clone()), unpacker.unpack(packed)?));
            }
        }
        Ok(records)
    }

    /// Drops the catalogue after this connection changed the data (its own commits do not move
    /// `data_version`).
    pub(crate) fn forget_catalogue(&mut self) {
        self.catalogue.take();
    }

    /// What searches read of every service, loaded again when the data changed since. Called
    /// inside the search's read transaction, before its first read: `data_version` is then
    /// never newer than the snapshot the catalogue is read from.
    pub(crate) fn catalogue(&self) -> Result<Ref<'_, Catalogue>> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        let fresh = self
            .catalogue
            .borrow()
            .as_ref()
            .is_some_and(|c| c.data_version == version);
        if !fresh {
            // Dropped first: the old and the new one need not both fit in memory.
            self.catalogue.borrow_mut().take();
            let loaded = Catalogue::load(&self.conn, version)?;
            *self.catalogue.borrow_mut() = Some(loaded);
            // Loading read every service once; those pages are not what searches read next,
            // so the page cache gives them back rather than holding them for the app's life.
            self.conn.execute_batch("PRAGMA shrink_memory")?;
        }
        Ok(Ref::map(self.catalogue.borrow(), |c| {
            c.as_ref().expect("loaded just above")
        }))
    }

    /// A setting the person chose (language, last place, filters), as the UI wrote it.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Remembers a setting; `None` forgets it.
    pub fn set_setting(&self, key: &str, value: Option<&str>) -> Result<()> {
        match value {
            Some(value) => self.conn.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?,
            None => self
                .conn
                .execute("DELETE FROM setting WHERE key = ?1", [key])?,
        };
        Ok(())
    }

    /// Forgets everything the person put on this device (favourites, notes, corrections,
    /// settings such as the language and the last place), leaving the feeds' data. The rows are overwritten, not
    /// only unlinked, and the write-ahead log is emptied, so no copy stays in the file.
    pub fn clear_personal_data(&self) -> Result<()> {
        self.conn.execute_batch(
            "PRAGMA secure_delete = ON;
             BEGIN;
             DELETE FROM favourite;
             DELETE FROM note;
             DELETE FROM correction;
             DELETE FROM setting;
             COMMIT;
             PRAGMA secure_delete = OFF;",
        )?;
        // The log still holds the pages as they were before the delete until it is checkpointed.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Marks a service as a favourite (kept across syncs).
    pub fn add_favourite(&self, feed: &str, service_id: &str) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO favourite (feed, service_id, added_at) VALUES (?1, ?2, ?3)",
            params![feed, service_id, now_rfc3339()],
        )?;
        Ok(())
    }

    pub fn remove_favourite(&self, feed: &str, service_id: &str) -> Result<()> {
        self.conn.execute(
            "DELETE FROM favourite WHERE feed = ?1 AND service_id = ?2",
            params![feed, service_id],
        )?;
        Ok(())
    }

    /// Favourites as (feed, service id), most recent first.
    pub fn favourites(&self) -> Result<Vec<(FeedId, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT feed, service_id FROM favourite ORDER BY added_at DESC")?;
        let rows = stmt
            .query_map([], |r| Ok((FeedId(r.get(0)?), r.get(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}

pub(crate) fn now_rfc3339() -> String {
    rfc3339(chrono::Utc::now())
}

/// An instant as the store keeps it: RFC 3339 in UTC, to the second.
pub(crate) fn rfc3339(at: crate::Instant) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The model's failure kind from its stored name (`serde`'s snake case).
fn failure_from_name(name: &str) -> Option<SyncFailure> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

/// A failure kind's name, as the store keeps it and `--json` spells it (`serde`'s snake case).
pub fn failure_name(kind: SyncFailure) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Replaces a feed's services (and everything indexed from them) with `services`, training the
/// feed's record dictionary afresh. The feed's row must exist; its state is left as it is.
pub(crate) fn write_services(tx: &Transaction<'_>, feed: &str, services: &[Record]) -> Result<()> {
    delete_feed_data(tx, feed)?;
    let records: Vec<&str> = services.iter().map(|r| r.json.as_str()).collect();
    let dictionary = pack::train(&records)?;
    tx.execute(
        "UPDATE feed SET dictionary = ?2 WHERE feed = ?1",
        params![feed, dictionary],
    )?;
    let mut writer = Writer::new(tx, dictionary.as_deref())?;
    for record in services {
        writer.insert(feed, &record.service, &record.json)?;
    }
    Ok(())
}

/// The migrations that added columns the stored records fill: the `checked` day
/// (0005_checked_date.sql), and the status, the closure's last day and the alert
/// (0006_status_and_notices.sql).
const CHECKED_DATE_MIGRATION: usize = 5;
const STATUS_MIGRATION: usize = 6;

/// Fills the columns `migration` added from each stored record, read as the feed core reads a
/// record arriving (a date that is not a day is none).
fn backfill(tx: &Transaction<'_>, migration: usize) -> Result<()> {
    let sql = match migration {
        CHECKED_DATE_MIGRATION => "UPDATE service SET checked = ?2 WHERE id = ?1",
        STATUS_MIGRATION => {
            "UPDATE service SET status = ?2, closed_until = ?3, alert = ?4 WHERE id = ?1"
        }
        _ => return Ok(()),
    };
    let feeds: Vec<(String, Option<Vec<u8>>)> = tx
        .prepare("SELECT feed, dictionary FROM feed")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut update = tx.prepare(sql)?;
    for (feed, dictionary) in feeds {
        let mut rows = tx.prepare("SELECT id, record FROM service WHERE feed = ?1")?;
        let mut rows = rows.query([&feed])?;
        while let Some(row) = rows.next()? {
            let (id, packed): (i64, Vec<u8>) = (row.get(0)?, row.get(1)?);
            let record = crate::pack::unpack(&packed, dictionary.as_deref())?;
            let service: Service = serde_json::from_str(&record)?;
            match migration {
                CHECKED_DATE_MIGRATION => update.execute(params![id, service.assured_date])?,
                _ => update.execute(params![
                    id,
                    service.status,
                    service.closed_until,
                    has_alert(&service)
                ])?,
            };
        }
    }
    Ok(())
}

/// Whether a service carries an alert in any language.
fn has_alert(service: &Service) -> bool {
    service.alert.is_some() || service.translations.values().any(|t| t.alert.is_some())
}

/// Indexes the records a migration left waiting, feed by feed, with this version's code.
fn reindex_pending(tx: &Transaction<'_>) -> Result<()> {
    let pending: bool = tx.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE name = 'reindex_pending'",
        [],
        |r| r.get(0),
    )?;
    if !pending {
        return Ok(());
    }
    let feeds: Vec<String> = tx
        .prepare("SELECT DISTINCT feed FROM reindex_pending")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for feed in feeds {
        let records: Vec<String> = tx
            .prepare("SELECT record FROM reindex_pending WHERE feed = ?1 ORDER BY rowid")?
            .query_map([&feed], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        // Stored records passed the feed's checks when they arrived; they go through the same
        // pass again, so what is indexed is read exactly as a sync reads it.
        let unreadable = |e: String| {
            Error::Storage(format!(
                "a stored service of feed {feed} cannot be read: {e}"
            ))
        };
        let raw = records
            .iter()
            .map(|r| serde_json::from_str::<&RawValue>(r).map_err(|e| unreadable(e.to_string())))
            .collect::<Result<Vec<_>>>()?;
        let services = bussola_feed::records::check_raw("the stored records", &raw)
            .map_err(|e| unreadable(e.to_string()))?;
        write_services(tx, &feed, &services.services)?;
        tx.execute("DELETE FROM reindex_pending WHERE feed = ?1", [&feed])?;
    }
    Ok(())
}

/// Removes a feed's services and everything indexed from them (the virtual tables have no
/// foreign keys, so they are cleared by hand before the cascade).
pub(crate) fn delete_feed_data(tx: &Transaction<'_>, feed: &str) -> Result<()> {
    tx.execute(
        "DELETE FROM location_box WHERE id IN
           (SELECT l.id FROM location l JOIN service s ON s.id = l.service WHERE s.feed = ?1)",
        [feed],
    )?;
    tx.execute(
        "DELETE FROM service_text WHERE rowid IN (SELECT id FROM service WHERE feed = ?1)",
        [feed],
    )?;
    tx.execute("DELETE FROM service WHERE feed = ?1", [feed])?;
    Ok(())
}

/// Removes some of a feed's services, by their ids, with everything indexed from them.
pub(crate) fn delete_services(tx: &Transaction<'_>, feed: &str, ids: &[&str]) -> Result<()> {
    let mut rowid =
        tx.prepare_cached("SELECT id FROM service WHERE feed = ?1 AND service_id = ?2")?;
    let mut boxes = tx.prepare_cached(
        "DELETE FROM location_box WHERE id IN (SELECT id FROM location WHERE service = ?1)",
    )?;
    let mut text = tx.prepare_cached("DELETE FROM service_text WHERE rowid = ?1")?;
    let mut service = tx.prepare_cached("DELETE FROM service WHERE id = ?1")?;
    for id in ids {
        let Some(found): Option<i64> = rowid
            .query_row(params![feed, id], |r| r.get(0))
            .optional()?
        else {
            continue;
        };
        boxes.execute([found])?;
        text.execute([found])?;
        service.execute([found])?;
    }
    Ok(())
}

/// Prepared statements for writing many services in one transaction.
pub(crate) struct Writer<'t> {
    service: rusqlite::CachedStatement<'t>,
    name: rusqlite::CachedStatement<'t>,
    location: rusqlite::CachedStatement<'t>,
    location_box: rusqlite::CachedStatement<'t>,
    text: rusqlite::CachedStatement<'t>,
    packer: Packer,
}

impl<'t> Writer<'t> {
    pub(crate) fn new(tx: &'t Transaction<'_>, dictionary: Option<&[u8]>) -> Result<Self> {
        Ok(Writer {
            service: tx.prepare_cached(
                "INSERT INTO service (feed, service_id, name, organization, categories,
                                      languages, hours, record, checked, status, closed_until,
                                      alert)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?,
            name: tx.prepare_cached(
                "INSERT OR REPLACE INTO service_name (service, lang, name) VALUES (?1, ?2, ?3)",
            )?,
            location: tx.prepare_cached(
                "INSERT INTO location (service, lat, lon, approximate, city, hours)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            location_box: tx.prepare_cached(
                "INSERT INTO location_box (id, min_lat, max_lat, min_lon, max_lon)
                 VALUES (?1, ?2, ?2, ?3, ?3)",
            )?,
            text: tx.prepare_cached(
                "INSERT INTO service_text (rowid, names, body) VALUES (?1, ?2, ?3)",
            )?,
            packer: Packer::new(dictionary)?,
        })
    }

    pub(crate) fn insert(&mut self, feed: &str, s: &Service, record: &str) -> Result<()> {
        let organization = s.organization.as_ref().and_then(|o| o.name.as_deref());
        let mut categories: Vec<&str> = s.categories.iter().map(String::as_str).collect();
        categories.sort_unstable();
        categories.dedup();
        let mut languages: Vec<&str> = s.languages.iter().map(|l| l.code.as_str()).collect();
        languages.sort_unstable();
        languages.dedup();
        let rowid = self.service.insert(params![
            feed,
            s.id,
            s.name,
            organization,
            categories.join(" "),
            languages.join(" "),
            s.opening_hours,
            self.packer.pack(record)?,
            s.assured_date,
            s.status,
            s.closed_until,
            has_alert(s)
        ])?;
        let mut names = vec![s.name.as_str()];
        let mut body: Vec<&str> = s.description.iter().map(String::as_str).collect();
        body.extend(organization);
        for (lang, t) in &s.translations {
            if let Some(name) = &t.name {
                self.name.execute(params![rowid, lang, name])?;
                names.push(name);
            }
            body.extend(t.description.as_deref());
        }
        for at in &s.service_at_locations {
            let l = &at.location;
            let address = l.addresses.first();
            let city = address.and_then(|a| a.city.as_deref());
            for a in &l.addresses {
                body.extend(a.address_1.as_deref());
                body.extend(a.city.as_deref());
                body.extend(a.postal_code.as_deref());
            }
            body.extend(l.name.as_deref());
            if let (Some(lat), Some(lon)) = (l.latitude, l.longitude) {
                let hours = at.opening_hours.as_deref().or(s.opening_hours.as_deref());
                let id = self.location.insert(params![
                    rowid,
                    lat,
                    lon,
                    l.is_approximate(),
                    city,
                    hours
                ])?;
                self.location_box.execute(params![id, lat, lon])?;
            }
        }
        self.text.execute(params![
            rowid,
            fold(&names.join(" ")),
            fold(&body.join(" "))
        ])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn a_new_file_gets_the_whole_schema_and_the_bundled_feed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bussola.db");
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
        assert!(bundled::import_bundled(&mut store).unwrap());
        assert!(
            !bundled::import_bundled(&mut store).unwrap(),
            "imports only once"
        );
        let feeds = store.feeds().unwrap();
        assert_eq!(feeds.len(), 1);
        assert_eq!(feeds[0].feed.0, "umbria");
        assert_eq!(feeds[0].services, bundled::BUNDLED_SERVICES);
        drop(store);
        // Reopening migrates nothing and keeps the data.
        let store = Store::open(&path).unwrap();
        assert_eq!(store.service_count().unwrap(), bundled::BUNDLED_SERVICES);
    }

    #[test]
    fn a_store_from_before_the_checked_dates_and_statuses_gets_them_from_its_records() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bussola.db");
        let mut store = Store::open(&path).unwrap();
        bundled::import_bundled(&mut store).unwrap();
        let dated = |store: &Store| -> i64 {
            store
                .conn
                .query_row("SELECT count(checked) FROM service", [], |r| r.get(0))
                .unwrap()
        };
        let expected = dated(&store);
        assert!(expected > 0);
        // The file as a version from before migration 5 left it.
        store
            .conn
            .execute_batch(
                "ALTER TABLE service DROP COLUMN checked;
                 ALTER TABLE service DROP COLUMN status;
                 ALTER TABLE service DROP COLUMN closed_until;
                 ALTER TABLE service DROP COLUMN alert;
                 ALTER TABLE feed DROP COLUMN notices;
                 DROP TABLE feed_file;
                 DROP TABLE correction;
                 PRAGMA user_version = 4;",
            )
            .unwrap();
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
        assert_eq!(dated(&store), expected);
        // Every bundled record says its status, and migration 6 read it.
        let with_status: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM service WHERE status = 'active'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(with_status as u64, bundled::BUNDLED_SERVICES);
    }

    #[test]
    fn a_foreign_sqlite_file_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        let before = std::fs::read(&path).unwrap();
        assert!(matches!(
            Store::open(&path),
            Err(Error::ForeignDatabase { .. })
        ));
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_file_that_is_not_sqlite_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "x".repeat(4096)).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, Error::ForeignDatabase { .. }), "{err}");
    }

    #[test]
    fn favourites_survive_a_reimport_of_their_feed() {
        let mut store = Store::open_in_memory().unwrap();
        bundled::import_bundled(&mut store).unwrap();
        store.add_favourite("umbria", "cpia-terni").unwrap();
        let snapshot: bussola_feed::contract::Snapshot<'_> =
            serde_json::from_str(bundled::UMBRIA_SNAPSHOT).unwrap();
        let records = bussola_feed::records::check_raw("snapshot", &snapshot.services).unwrap();
        let tx = store.conn.transaction().unwrap();
        write_services(&tx, "umbria", &records.services).unwrap();
        tx.commit().unwrap();
        store.forget_catalogue();
        assert_eq!(
            store.favourites().unwrap(),
            [(FeedId("umbria".into()), "cpia-terni".into())]
        );
        assert_eq!(store.service_count().unwrap(), bundled::BUNDLED_SERVICES);
    }
}
