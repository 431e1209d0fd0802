//! Bussola's directory engine: everything the app does offline, as a plain Rust library.
//!
//! The app's shell, the CLI, the tests and the benchmarks all use this crate and nothing else to
//! reach the data: the local SQLite store ([`store`]), the search over it ([`search`]), the
//! gazetteer of comuni ([`gazetteer`]), opening hours ([`hours`]), the taxonomy of categories
//! ([`taxonomy`]) and the feed's file formats ([`feed`]). It knows nothing of Tauri or Leptos.

pub mod bundled;
mod catalogue;
pub mod detail;
pub mod feed;
pub mod fold;
pub mod gazetteer;
pub mod hours;
pub mod http;
pub mod map;
mod pack;
pub mod publish;
pub mod recovery;
pub mod search;
pub mod signature;
pub mod store;
pub mod sync;
pub mod taxonomy;
pub mod validate;

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
    #[error("download failed: {0}")]
    Fetch(String),
    #[error("signature refused: {0}")]
    Signature(String),
    #[error("bad key: {0}")]
    BadKey(String),
    #[error("the feed is not valid JSON: {0}")]
    FeedJson(#[from] serde_json::Error),
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
            Error::Fetch(_) => SyncFailure::Unreachable,
            Error::Signature(_) | Error::BadKey(_) => SyncFailure::Refused,
            Error::FeedJson(_) | Error::InvalidFeed(_) => SyncFailure::Invalid,
            Error::Open { .. }
            | Error::ForeignDatabase { .. }
            | Error::NewerSchema { .. }
            | Error::Sqlite(_)
            | Error::Storage(_) => SyncFailure::Storage,
            Error::UnknownComune { .. } | Error::BadQuery(_) | Error::NotFound(_) => {
                SyncFailure::Invalid
            }
        }
    }

    /// The stable code the UI turns into a sentence in the person's language.
    pub fn code(&self) -> bussola_model::ErrorCode {
        use bussola_model::ErrorCode;
        match self {
            Error::UnknownComune { .. } => ErrorCode::UnknownComune,
            Error::BadQuery(_) => ErrorCode::BadQuery,
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::FeedJson(_) | Error::InvalidFeed(_) => ErrorCode::Feed,
            Error::Signature(_) | Error::BadKey(_) | Error::Fetch(_) => ErrorCode::Feed,
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
