-- Whether each service is offered now, as its feed says, as columns read into memory by
-- searches: HSDS's `status` ("temporarily closed", "inactive", "defunct"; NULL or "active": as
-- usual), the last day of a temporary closure (`closed_until`, YYYY-MM-DD), and whether the
-- feed carries an alert for it in any language (the text stays in the record). Filled from the
-- stored records right after this step.
ALTER TABLE service ADD COLUMN status TEXT;
ALTER TABLE service ADD COLUMN closed_until TEXT;
ALTER TABLE service ADD COLUMN alert INTEGER NOT NULL DEFAULT 0;

-- The notices of the manifest last applied, as JSON (NULL: none).
ALTER TABLE feed ADD COLUMN notices TEXT;
