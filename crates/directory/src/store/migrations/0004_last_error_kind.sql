-- The kind of a feed's last failed sync (unreachable, bad_signature, mismatch…), beside its
-- message: the app says each kind in the person's language, `info --json` shows it.
ALTER TABLE feed ADD COLUMN last_error_kind TEXT;
