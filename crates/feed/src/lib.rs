//! Bussola's feed core: the feed contract and every rule that decides whether a feed is
//! trusted, in one pure place shared by devices, editors and the web app.
//!
//! It does no I/O: no SQLite, no HTTP, no files, and it reads no clock (time is passed in). It
//! builds for `wasm32-unknown-unknown` as well as natively. The flow, module by module:
//!
//! - [`contract`]: the feed's files as types (manifest, snapshot, delta, service) and its caps;
//! - [`keys`]: minisign public keys from text and signature checks (with the `signing`
//!   feature, key generation and signing for editors);
//! - [`records`]: one pass that checks every record and gives its typed form, with a
//!   [`records::Report`] naming file, service and field;
//! - [`hours`]: which opening hours a feed may carry;
//! - [`session`]: a sync as a state machine from the device's state to a [`session::Plan`],
//!   and `feed verify` as another;
//! - [`error`]: what went wrong, as a kind a person can act on.
//!
//! The engine (`directory`) keeps the drivers that answer a session's requests (HTTP, a folder,
//! the files built into the app) and the store that applies a plan in one transaction.

pub mod archive;
pub mod contract;
pub mod error;
pub mod hours;
pub mod keys;
pub mod records;
pub mod session;

pub use error::{FeedError, Kind, Result};
pub use keys::FeedKey;
