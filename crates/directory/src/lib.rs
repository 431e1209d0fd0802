//! Bussola's directory engine: everything the app does offline, as a plain Rust library. It
//! knows nothing of Tauri or Leptos; the app's shell, the CLI, the tests and the benchmarks all
//! reach the data through it.
//!
//! The flow, module by module:
//! - the feed contract and every trust rule are the feed core's ([`bussola_feed`], no I/O);
//! - [`sync`]: the drivers that answer the core's requests (HTTP, a folder, the files built into
//!   the app) and the one sync entry point; [`bundled`]: the feeds the app ships and knows;
//!   [`publish`]: the editors' side, a signed feed folder from the services they keep, with
//!   [`spreadsheet`], their CSV both ways, [`hsds`], sources in Open Referral's HSDS 3.0, and
//!   [`review`], the corrections mediators send;
//! - [`store`]: the local SQLite file, applying a sync's plan in one transaction, favourites,
//!   settings and the person's corrections; [`recovery`]: a damaged database put aside; `pack`
//!   and `catalogue` (private): records compressed with the feed's dictionary, and what
//!   searches read of every service;
//! - [`commands`]: what the UI asks for, answered the same by every shell;
//! - [`search`] over it, with [`fold`] for the words, `spelling` (private) for the words typed
//!   wrong, [`taxonomy`] for categories, [`thesaurus`] for the everyday words of needs and
//!   [`gazetteer`] for comuni; [`detail`] of one service with its [`hours`]; [`map`] geometry.

pub mod bundled;
mod catalogue;
pub mod commands;
pub mod detail;
pub mod fold;
pub mod gazetteer;
pub mod hours;
#[cfg(not(target_arch = "wasm32"))]
pub mod hsds;
pub mod map;
mod pack;
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
pub mod recovery;
#[cfg(not(target_arch = "wasm32"))]
pub mod review;
pub mod search;
pub mod share;
mod spelling;
#[cfg(not(target_arch = "wasm32"))]
pub mod spreadsheet;
pub mod store;
pub mod sync;
pub mod taxonomy;
pub mod thesaurus;

pub use bussola_feed as feed;
pub use store::Store;

/// An instant in UTC, as the engine takes "now" (re-exported so callers need no chrono).
pub type Instant = chrono::DateTime<chrono::Utc>;

/// The current instant.
pub fn now() -> Instant {
    chrono::Utc::now()
}

use std::path::PathBuf;

/// Everything that can go wrong in the engine, each with a message that tells the person what
/// happened and, where there is something to do, what to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("cannot open the database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "{path} is not a Bussola database (it belongs to another program); \
         choose another file with --db or BUSSOLA_DB"
    )]
    ForeignDatabase { path: PathBuf },
    #[error(
        "the database {path} was written by a newer Bussola (schema {found}, this one knows up \
         to {known}); update the app"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the local data could not be read or written: {0}")]
    Storage(String),
    /// A feed refused by the feed core, or a driver that could not fetch it.
    #[error("{0}")]
    Feed(#[from] bussola_feed::FeedError),
    #[error("the feed is not valid JSON: {0}")]
    FeedJson(#[from] serde_json::Error),
    /// An editor's source or feed folder that cannot be built from.
    #[error("the feed is not valid: {0}")]
    InvalidFeed(String),
    #[error("no comune is called \"{name}\"{}", did_you_mean(.suggestions))]
    UnknownComune {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("bad search: {0}")]
    BadQuery(String),
    #[error("no service with id \"{0}\"")]
    NotFound(String),
    /// A correction that cannot be kept as it was asked.
    #[error("the correction cannot be kept: {0}")]
    BadCorrection(String),
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

impl Error {
    /// For a failed sync: what kind of trouble it was, in terms a person can act on.
    pub fn sync_failure(&self) -> bussola_model::SyncFailure {
        use bussola_model::SyncFailure;
        match self {
            Error::Feed(e) => e.kind,
            Error::FeedJson(_) | Error::InvalidFeed(_) => SyncFailure::Malformed,
            Error::Open { .. }
            | Error::ForeignDatabase { .. }
            | Error::NewerSchema { .. }
            | Error::Sqlite(_)
            | Error::Storage(_) => SyncFailure::Storage,
            Error::UnknownComune { .. }
            | Error::BadQuery(_)
            | Error::NotFound(_)
            | Error::BadCorrection(_) => SyncFailure::Malformed,
        }
    }

    /// How long the feed's host asked not to be asked again, in seconds (`Retry-After`).
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            Error::Feed(e) => e.retry_after,
            _ => None,
        }
    }

    /// The stable code the UI turns into a sentence in the person's language.
    pub fn code(&self) -> bussola_model::ErrorCode {
        use bussola_model::ErrorCode;
        match self {
            Error::UnknownComune { .. } => ErrorCode::UnknownComune,
            // A request the engine refuses as asked, as a search it cannot read.
            Error::BadQuery(_) | Error::BadCorrection(_) => ErrorCode::BadQuery,
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Feed(_) | Error::FeedJson(_) | Error::InvalidFeed(_) => ErrorCode::Feed,
            Error::Open { .. }
            | Error::ForeignDatabase { .. }
            | Error::NewerSchema { .. }
            | Error::Sqlite(_)
            | Error::Storage(_) => ErrorCode::Database,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Error> for bussola_model::CommandError {
    fn from(error: Error) -> Self {
        bussola_model::CommandError {
            code: error.code(),
            message: error.to_string(),
        }
    }
}
