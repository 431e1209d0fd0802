//! A feed in a folder on this device (a feed copied to a USB stick, or a region's build).

use super::Source;
use bussola_feed::session::{Answer, Request};
use bussola_feed::{FeedError, Kind};
use std::io::Read;
use std::path::PathBuf;

#[derive(Debug)]
pub struct FolderSource {
    dir: PathBuf,
}

impl FolderSource {
    pub fn new(dir: impl Into<PathBuf>) -> FolderSource {
        FolderSource { dir: dir.into() }
    }
}

impl Source for FolderSource {
    fn name(&self) -> String {
        std::fs::canonicalize(&self.dir)
            .unwrap_or_else(|_| self.dir.clone())
            .display()
            .to_string()
    }

    fn fetch(&mut self, request: &Request) -> Result<Answer, FeedError> {
        let file = self.dir.join(&request.path);
        let unreadable = |e: std::io::Error| {
            FeedError::new(
                Kind::Unreachable,
                format!("cannot read {}: {e}", file.display()),
            )
        };
        // A regular file only: a FIFO or a link to /dev/zero would never end.
        if !std::fs::metadata(&file).map_err(unreadable)?.is_file() {
            return Err(FeedError::new(
                Kind::Unreachable,
                format!("{} is not a regular file", file.display()),
            ));
        }
        let mut bytes = Vec::new();
        std::fs::File::open(&file)
            .map_err(unreadable)?
            .take(request.cap + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        if bytes.len() as u64 > request.cap {
            return Err(super::too_large(&request.path, request.cap));
        }
        Ok(Answer::Body { bytes, etag: None })
    }
}
