-- The signed files that rebuild each feed's version from nothing, kept so that the directory
-- can be passed hand to hand (`share`): the manifest, its signature and the snapshot of the
-- last version applied whole, then, for each version a delta brought since, its manifest,
-- signature and delta. Each is kept under the folder of its version (`v12/manifest.json`,
-- `v12/snapshot-12.json`), compressed with zstd. Written in the transaction that applies the
-- version; a receiving device checks every one of them again.
CREATE TABLE feed_file (
    feed  TEXT NOT NULL REFERENCES feed (feed) ON DELETE CASCADE,
    path  TEXT NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (feed, path)
) STRICT;
