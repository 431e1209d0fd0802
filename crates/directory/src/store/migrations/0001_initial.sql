-- Bussola's first schema. Append-only: never edit a migration once shipped, add the next one.

-- Feed data. Replaced only by an import or a sync, inside one transaction.

CREATE TABLE feed (
    feed            TEXT PRIMARY KEY,
    version         INTEGER NOT NULL,
    generated_at    TEXT,
    expires_at      TEXT,
    source          TEXT,
    manifest_sha256 TEXT,
    etag            TEXT,
    last_sync       TEXT,
    last_error      TEXT,
    last_error_at   TEXT
) STRICT;

CREATE TABLE service (
    id           INTEGER PRIMARY KEY,
    feed         TEXT NOT NULL REFERENCES feed (feed) ON DELETE CASCADE,
    service_id   TEXT NOT NULL,
    name         TEXT NOT NULL,
    organization TEXT,
    -- Hours of a service without a location (a helpline), OSM syntax.
    hours        TEXT,
    -- 0 for a service with no coordinates (a helpline): it answers from anywhere.
    located      INTEGER NOT NULL,
    -- The whole record as the feed delivered it, unknown fields included.
    record       TEXT NOT NULL,
    UNIQUE (feed, service_id)
) STRICT;
CREATE INDEX service_unlocated ON service (id) WHERE located = 0;
CREATE INDEX service_by_name ON service (name);

-- Names in other languages, for hits in the person's language.
CREATE TABLE service_name (
    service INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    lang    TEXT NOT NULL,
    name    TEXT NOT NULL,
    PRIMARY KEY (service, lang)
) STRICT, WITHOUT ROWID;

CREATE TABLE service_category (
    category TEXT NOT NULL,
    service  INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    PRIMARY KEY (category, service)
) STRICT, WITHOUT ROWID;
CREATE INDEX service_category_by_service ON service_category (service);

CREATE TABLE service_language (
    lang    TEXT NOT NULL,
    service INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    PRIMARY KEY (lang, service)
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
-- already folded (lower case, no diacritics) by the engine, plus one tag token per category
-- (`zzcatpermits`) so that a category's words in any locale become part of one MATCH. The
-- index keeps no copy of the text (contentless): the service table has it. rowid = service.id.
CREATE VIRTUAL TABLE service_text USING fts5 (
    names,
    body,
    tags,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);

-- User data. Imports and syncs never touch these tables.

CREATE TABLE favourite (
    feed       TEXT NOT NULL,
    service_id TEXT NOT NULL,
    added_at   TEXT NOT NULL,
    PRIMARY KEY (feed, service_id)
) STRICT;

CREATE TABLE note (
    feed       TEXT NOT NULL,
    service_id TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (feed, service_id)
) STRICT;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
