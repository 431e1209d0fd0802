-- A store a tenth of the size, re-indexed from the records it already holds.
--
-- Records are kept compressed (zstd, with a dictionary trained on each feed's own records);
-- categories and languages become columns of the service, read into memory by searches; the
-- full-text index keeps which column a word is in but not its position, no prefix indexes and
-- no category tags.
-- The feed's records wait in `reindex_pending` and the engine indexes them with its current code
-- in this same transaction (the rows are there only until then, so a file left half-way is
-- finished on the next open).

CREATE TABLE reindex_pending (
    feed   TEXT NOT NULL,
    record TEXT NOT NULL
) STRICT;
INSERT INTO reindex_pending (feed, record) SELECT feed, record FROM service ORDER BY id;

DROP TABLE service_text;
DROP TABLE location_box;
DROP TABLE location;
DROP TABLE service_name;
DROP TABLE service_category;
DROP TABLE service_language;
DROP TABLE service;

-- The zstd dictionary the feed's records are compressed with (NULL: compressed without one).
ALTER TABLE feed ADD COLUMN dictionary BLOB;

CREATE TABLE service (
    id           INTEGER PRIMARY KEY,
    feed         TEXT NOT NULL REFERENCES feed (feed) ON DELETE CASCADE,
    service_id   TEXT NOT NULL,
    name         TEXT NOT NULL,
    organization TEXT,
    -- Category codes and the languages spoken at the office, space-separated.
    categories   TEXT NOT NULL,
    languages    TEXT NOT NULL,
    -- Hours of a service without a location (a helpline), OSM syntax.
    hours        TEXT,
    -- The whole record as the feed delivered it (minified, unknown fields included), zstd.
    record       BLOB NOT NULL,
    UNIQUE (feed, service_id)
) STRICT;

-- Names in other languages, for hits in the person's language.
CREATE TABLE service_name (
    service INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    lang    TEXT NOT NULL,
    name    TEXT NOT NULL,
    PRIMARY KEY (service, lang)
) STRICT, WITHOUT ROWID;

CREATE TABLE location (
    id          INTEGER PRIMARY KEY,
    service     INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    lat         REAL NOT NULL,
    lon         REAL NOT NULL,
    approximate INTEGER NOT NULL,
    city        TEXT,
    hours       TEXT
) STRICT;
CREATE INDEX location_by_service ON location (service);

-- One box per location (a point), for the nearest-first walk and radius filters.
CREATE VIRTUAL TABLE location_box USING rtree (id, min_lat, max_lat, min_lon, max_lon);

-- Full text over every language's names and descriptions, organisation and address, written
-- already folded by the engine. Categories are searched through the catalogue in memory.
-- Contentless: the records hold the text. rowid = service.id.
CREATE VIRTUAL TABLE service_text USING fts5 (
    names,
    body,
    content = '',
    contentless_delete = 1,
    detail = column,
    tokenize = 'unicode61 remove_diacritics 0'
);
