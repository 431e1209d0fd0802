-- What the person said is wrong with a service's entry ("My corrections"): their own data, like
-- `favourite` and `note`, so no import touches it and "Clear my data" deletes it. Each row keeps
-- what the entry said and the version of the feed it was read from, so that the editors know
-- which data the person saw even after a sync changed it; the service's name is kept for the
-- same reason (the feed may drop the service). `field` is the model's `CorrectionField` code.
CREATE TABLE correction (
    id           INTEGER PRIMARY KEY,
    feed         TEXT NOT NULL,
    service_id   TEXT NOT NULL,
    service_name TEXT NOT NULL,
    field        TEXT NOT NULL,
    current      TEXT,
    proposed     TEXT,
    note         TEXT,
    data_version INTEGER NOT NULL,
    created      TEXT NOT NULL
) STRICT;
