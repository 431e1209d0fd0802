//! Recovery: a database that cannot be used is moved aside, never deleted, and the app starts
//! again on a fresh one, with the person's own data carried over when it can still be read.
//!
//! Feed data can always be had again (the app carries a feed, and syncs); favourites, notes,
//! corrections not yet sent and settings cannot. So before a damaged file is moved, whatever of
//! those tables still reads is written to a JSON file beside it and then put into the fresh
//! store. The damaged file keeps its bytes under a new name, for whoever wants to look at it.
//!
//! Damage shows in two ways: the file does not open as Bussola's database at all (not SQLite, a
//! foreign file, a schema from a newer app, an unreadable header), which [`open_or_recover`]
//! sees at once; or pages inside it are broken, which only a full read finds. That read
//! ([`check`]) costs a pass over the file, so the app runs it beside the first screen rather
//! than before it.

use crate::store::now_rfc3339;
use crate::{Error, Result, Store};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What happened when a database could not be used.
#[derive(Debug, Clone)]
pub struct Recovered {
    /// Why the file could not be used, as the engine words it (for the details line).
    pub reason: String,
    /// Where the damaged file now is; `None` when it could not be moved either, in which case the
    /// app runs on a database in memory for this session.
    pub moved_to: Option<PathBuf>,
    /// Whether the person's tables could be read at all (when they could but were empty,
    /// `saved` is `None` and nothing was lost).
    pub user_data_read: bool,
    /// The person's data read out of the damaged file: where it was written, and how much.
    pub saved: Option<SavedUserData>,
}

/// The person's data rescued from a damaged file.
#[derive(Debug, Clone)]
pub struct SavedUserData {
    pub file: PathBuf,
    pub favourites: usize,
    pub notes: usize,
    pub settings: usize,
}

/// Favourites, notes, settings and corrections as they were read from a database, in a form that is plain
/// JSON on disk.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct UserData {
    pub favourites: Vec<Favourite>,
    pub notes: Vec<Note>,
    pub settings: Vec<Setting>,
    /// "My corrections", not yet sent (absent from files saved before they existed).
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Favourite {
    pub feed: String,
    pub service_id: String,
    pub added_at: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Note {
    pub feed: String,
    pub service_id: String,
    pub body: String,
    pub updated_at: String,
}

/// A row of `correction`, as stored.
#[derive(Debug, Serialize, Deserialize)]
pub struct Correction {
    pub feed: String,
    pub service_id: String,
    pub service_name: String,
    pub field: String,
    pub current: Option<String>,
    pub proposed: Option<String>,
    pub note: Option<String>,
    pub data_version: i64,
    pub created: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Setting {
    pub key: String,
    pub value: String,
}

impl UserData {
    fn is_empty(&self) -> bool {
        self.favourites.is_empty()
            && self.notes.is_empty()
            && self.settings.is_empty()
            && self.corrections.is_empty()
    }
}

/// Opens the database at `path`; if it cannot be used, recovers (see the module's text) and
/// returns the fresh store with what was done. Only a failure to create even a fresh store is
/// an error.
pub fn open_or_recover(path: &Path) -> Result<(Store, Option<Recovered>)> {
    match Store::open(path) {
        Ok(store) => Ok((store, None)),
        Err(error) => {
            let (store, recovered) = recover(path, &error.to_string())?;
            Ok((store, Some(recovered)))
        }
    }
}

/// Opens the database at `path` with the bundled feeds imported, as a shell does at start. A file
/// that opens but breaks while the bundled feed is checked or imported (a damaged page the first
/// read reaches) is recovered as one that does not open: the app starts either way.
pub fn open_with_bundled(path: &Path) -> Result<(Store, Option<Recovered>)> {
    let (mut store, recovered) = open_or_recover(path)?;
    match crate::bundled::import_bundled(&mut store) {
        Ok(_) => Ok((store, recovered)),
        Err(error) if recovered.is_none() && is_damage(&error) => {
            drop(store);
            let (mut store, recovered) = recover(path, &error.to_string())?;
            crate::bundled::import_bundled(&mut store)?;
            Ok((store, Some(recovered)))
        }
        Err(error) => Err(error),
    }
}

/// Whether an error says the file is damaged (rather than, say, the disk being full).
fn is_damage(error: &crate::Error) -> bool {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    match error {
        crate::Error::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
            matches!(e.code, DatabaseCorrupt | NotADatabase)
        }
        crate::Error::Storage(_) => true,
        _ => false,
    }
}

/// Reads every page of the database at `path` on a connection of its own and says whether it is
/// whole. `Err` carries what SQLite found.
pub fn check(path: &Path) -> std::result::Result<(), String> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| e.to_string())?;
    // quick_check reads every page and checks the b-trees' structure, without the index
    // cross-checks of integrity_check: damage on disk shows, at about half the cost.
    let mut stmt = conn
        .prepare("PRAGMA quick_check")
        .map_err(|e| e.to_string())?;
    let findings = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| e.to_string())?;
    match findings.as_slice() {
        [ok] if ok == "ok" => Ok(()),
        _ => Err(findings.join("; ")),
    }
}

/// Moves the database at `path` aside and opens a fresh one in its place, carrying over the
/// person's data that still reads. The caller must have closed every connection to `path`.
pub fn recover(path: &Path, reason: &str) -> Result<(Store, Recovered)> {
    let stamp = now_rfc3339().replace([':', '-'], "");
    let data = read_user_data(path);
    let saved = match &data {
        Some(data) if !data.is_empty() => {
            let file = sibling(path, &format!("user-data-{stamp}.json"));
            serde_json::to_vec_pretty(data)
                .ok()
                .and_then(|json| std::fs::write(&file, json).ok())
                .map(|()| SavedUserData {
                    file,
                    favourites: data.favourites.len(),
                    notes: data.notes.len(),
                    settings: data.settings.len(),
                })
        }
        _ => None,
    };
    let aside = sibling(path, &format!("damaged-{stamp}"));
    let moved_to = match std::fs::rename(path, &aside) {
        Ok(()) => {
            // The journal files belong to the damaged file: left in place, SQLite would try to
            // replay them into the fresh one.
            for suffix in ["-wal", "-shm", "-journal"] {
                let from = PathBuf::from(format!("{}{suffix}", path.display()));
                if from.exists() {
                    let _ = std::fs::rename(&from, format!("{}{suffix}", aside.display()));
                }
            }
            Some(aside)
        }
        Err(_) => None,
    };
    let store = match &moved_to {
        Some(_) => Store::open(path)?,
        // The file could not even be moved (a read-only folder, a directory in the way): this
        // session runs in memory, and the next start tries again.
        None => Store::open_in_memory()?,
    };
    if let Some(data) = &data {
        restore(&store, data)?;
    }
    Ok((
        store,
        Recovered {
            reason: reason.to_owned(),
            moved_to,
            user_data_read: data.is_some(),
            saved,
        },
    ))
}

/// Whatever of the person's tables reads from a database that may be damaged; `None` when the
/// file does not open as SQLite at all.
pub fn read_user_data(path: &Path) -> Option<UserData> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    // Each table on its own: a broken page in one must not lose the others.
    let favourites = rows(
        &conn,
        "SELECT feed, service_id, added_at FROM favourite",
        |r| {
            Ok(Favourite {
                feed: r.get(0)?,
                service_id: r.get(1)?,
                added_at: r.get(2)?,
            })
        },
    );
    let notes = rows(
        &conn,
        "SELECT feed, service_id, body, updated_at FROM note",
        |r| {
            Ok(Note {
                feed: r.get(0)?,
                service_id: r.get(1)?,
                body: r.get(2)?,
                updated_at: r.get(3)?,
            })
        },
    );
    let settings = rows(&conn, "SELECT key, value FROM setting", |r| {
        Ok(Setting {
            key: r.get(0)?,
            value: r.get(1)?,
        })
    });
    let corrections = rows(
        &conn,
        "SELECT feed, service_id, service_name, field, current, proposed, note, data_version,
                created
         FROM correction ORDER BY id",
        |r| {
            Ok(Correction {
                feed: r.get(0)?,
                service_id: r.get(1)?,
                service_name: r.get(2)?,
                field: r.get(3)?,
                current: r.get(4)?,
                proposed: r.get(5)?,
                note: r.get(6)?,
                data_version: r.get(7)?,
                created: r.get(8)?,
            })
        },
    );
    if favourites.is_none() && notes.is_none() && settings.is_none() && corrections.is_none() {
        return None;
    }
    Some(UserData {
        favourites: favourites.unwrap_or_default(),
        notes: notes.unwrap_or_default(),
        settings: settings.unwrap_or_default(),
        corrections: corrections.unwrap_or_default(),
    })
}

fn rows<T>(
    conn: &Connection,
    sql: &str,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Option<Vec<T>> {
    let mut stmt = conn.prepare(sql).ok()?;
    stmt.query_map([], row)
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .ok()
}

/// Puts rescued data into a fresh store.
fn restore(store: &Store, data: &UserData) -> Result<()> {
    let tx = store.conn.unchecked_transaction()?;
    for f in &data.favourites {
        tx.execute(
            "INSERT OR IGNORE INTO favourite (feed, service_id, added_at) VALUES (?1, ?2, ?3)",
            (&f.feed, &f.service_id, &f.added_at),
        )?;
    }
    for n in &data.notes {
        tx.execute(
            "INSERT OR IGNORE INTO note (feed, service_id, body, updated_at)
             VALUES (?1, ?2, ?3, ?4)",
            (&n.feed, &n.service_id, &n.body, &n.updated_at),
        )?;
    }
    for s in &data.settings {
        tx.execute(
            "INSERT OR IGNORE INTO setting (key, value) VALUES (?1, ?2)",
            (&s.key, &s.value),
        )?;
    }
    for c in &data.corrections {
        tx.execute(
            "INSERT INTO correction (feed, service_id, service_name, field, current, proposed,
                                     note, data_version, created)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            rusqlite::params![
                c.feed,
                c.service_id,
                c.service_name,
                c.field,
                c.current,
                c.proposed,
                c.note,
                c.data_version,
                c.created
            ],
        )?;
    }
    tx.commit().map_err(Error::from)
}

/// `bussola.db` -> `bussola.db.<suffix>`, in the same folder.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{suffix}"));
    path.with_file_name(name)
}
