-- What a device trusts about each feed, written only by a sync that verified the feed.

-- The public keys pinned for a feed: a manifest must be signed by one of them.
CREATE TABLE feed_key (
    feed       TEXT NOT NULL,
    public_key TEXT NOT NULL,
    pinned_at  TEXT NOT NULL,
    PRIMARY KEY (feed, public_key)
) STRICT;

-- A source (URL or folder) stays bound to the feed id it first delivered.
CREATE TABLE feed_source (
    source   TEXT PRIMARY KEY,
    feed     TEXT NOT NULL,
    bound_at TEXT NOT NULL
) STRICT;
