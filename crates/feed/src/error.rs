//! What went wrong with a feed, as a kind a person can act on and a sentence an editor can.
//!
//! The kind is the model's [`SyncFailure`]: the app turns it into a sentence in the person's
//! language ("the data did not match its signature" is not "no connection"); the message keeps
//! the technical detail (which file, which service, which field) for the curious and for
//! editors. Transport drivers make the kinds a network has (unreachable, too slow, too large);
//! the trust rules make the others.

pub use bussola_model::SyncFailure as Kind;

use crate::records::Report;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct FeedError {
    pub kind: Kind,
    pub message: String,
    /// For [`Kind::InvalidRecords`]: every problem found, errors and warnings.
    pub report: Option<Report>,
    /// The host asked not to be asked again for this many seconds (HTTP `Retry-After`).
    pub retry_after: Option<u64>,
}

impl FeedError {
    pub fn new(kind: Kind, message: impl Into<String>) -> FeedError {
        FeedError {
            kind,
            message: message.into(),
            report: None,
            retry_after: None,
        }
    }

    /// The records broke the feed's rules; the message lists the first errors.
    pub fn records(report: Report) -> FeedError {
        FeedError {
            kind: Kind::InvalidRecords,
            message: report.error_summary(),
            report: Some(report),
            retry_after: None,
        }
    }

    pub fn malformed(message: impl Into<String>) -> FeedError {
        FeedError::new(Kind::Malformed, message)
    }
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FeedError {}

pub type Result<T, E = FeedError> = std::result::Result<T, E>;
