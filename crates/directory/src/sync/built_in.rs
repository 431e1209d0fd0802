//! Feed files held in memory: the feeds built into the app.

use super::Source;
use bussola_feed::session::{Answer, Request};
use bussola_feed::{FeedError, Kind};

#[derive(Debug)]
pub struct StaticSource {
    pub name: &'static str,
    pub files: &'static [(&'static str, &'static [u8])],
}

impl Source for StaticSource {
    fn name(&self) -> String {
        self.name.to_owned()
    }

    fn fetch(&mut self, request: &Request) -> Result<Answer, FeedError> {
        let path = &request.path;
        let (_, bytes) = self
            .files
            .iter()
            .find(|(name, _)| name == path)
            .ok_or_else(|| {
                FeedError::new(
                    Kind::Unreachable,
                    format!("{path} is not among the built-in files"),
                )
            })?;
        if bytes.len() as u64 > request.cap {
            return Err(super::too_large(path, request.cap));
        }
        Ok(Answer::Body {
            bytes: bytes.to_vec(),
            etag: None,
        })
    }
}
