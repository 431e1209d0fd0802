-- The day each service was last checked by the feed's editors (`assured_date`, YYYY-MM-DD), as a
-- column: a result row flags data older than a year, and About counts it, without unpacking
-- records. Filled from the stored records right after this step (`backfill_checked`).
ALTER TABLE service ADD COLUMN checked TEXT;
