//! The person's corrections of services' entries ("My corrections"): their own data, kept in a
//! table beside favourites and notes that no import touches and "Clear my data" empties. Each
//! keeps what the entry said when it was made, read from the stored record as the detail screen
//! reads it, and the version of the data, so the feed's editors know what the person saw even
//! after a sync changed it. Nothing here sends anything: the person chooses when a correction
//! leaves the device, as a mail or a file the UI writes from its packet.

use crate::detail::shown_value;
use crate::{Error, Result, Store, pack};
use bussola_model::{
    CORRECTION_TEXT_MAX_CHARS, CorrectionField, FeedId, FeedVersion, NewCorrection,
    ServiceCorrection, ServiceId,
};
use rusqlite::{OptionalExtension, params};

impl Store {
    /// Keeps a correction made on `today` (`YYYY-MM-DD`), its texts trimmed and cut to
    /// [`CORRECTION_TEXT_MAX_CHARS`], with the service's Italian name, what its entry says of
    /// the field and the version of the data. Refused for a service the device does not hold,
    /// and when it says neither the right value nor anything in a note (only "closed for good"
    /// needs no words). Its `feed_contact` is left for the caller, who knows the feeds.
    pub fn add_correction(&self, new: &NewCorrection, today: &str) -> Result<ServiceCorrection> {
        let proposed = tidy(new.proposed.as_deref());
        let note = tidy(new.note.as_deref());
        if proposed.is_none() && note.is_none() && !new.field.says_enough_alone() {
            return Err(Error::BadCorrection(
                "it says neither the right value nor what is wrong in a note".to_owned(),
            ));
        }
        if bussola_model::valid_date(today).is_none() {
            return Err(Error::BadCorrection(format!(
                "its day \"{today}\" is not written YYYY-MM-DD"
            )));
        }
        let (feed, service) = (&new.feed.0, &new.service.0);
        let row: Option<(Vec<u8>, Option<Vec<u8>>, i64)> = self
            .conn
            .query_row(
                "SELECT s.record, f.dictionary, f.version FROM service s JOIN feed f USING (feed)
                 WHERE s.feed = ?1 AND s.service_id = ?2",
                [feed, service],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (packed, dictionary, version) =
            row.ok_or_else(|| Error::NotFound(format!("{feed}/{service}")))?;
        let record: serde_json::Value =
            serde_json::from_str(&pack::unpack(&packed, dictionary.as_deref())?)?;
        let service_name = record["name"]
            .as_str()
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .unwrap_or(service)
            .to_owned();
        let current = shown_value(&record, new.field);
        self.conn.execute(
            "INSERT INTO correction (feed, service_id, service_name, field, current, proposed,
                                     note, data_version, created)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                feed,
                service,
                service_name,
                new.field.code(),
                current,
                proposed,
                note,
                version,
                today
            ],
        )?;
        Ok(ServiceCorrection {
            id: self.conn.last_insert_rowid(),
            feed: new.feed.clone(),
            service: new.service.clone(),
            service_name,
            field: new.field,
            current,
            proposed,
            note,
            data_version: FeedVersion(version as u64),
            created: today.to_owned(),
            feed_contact: None,
        })
    }

    /// The corrections kept on the device, the newest first (no `feed_contact`: see
    /// [`crate::commands::corrections`]).
    pub fn corrections(&self) -> Result<Vec<ServiceCorrection>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, feed, service_id, service_name, field, current, proposed, note,
                    data_version, created
             FROM correction ORDER BY id DESC",
        )?;
        let corrections = stmt
            .query_map([], |r| {
                // A field this app does not know (a row from a newer app, a restored file) is
                // shown as "other", its words kept, rather than hiding every correction.
                let code: String = r.get(4)?;
                let field = CorrectionField::parse(&code).unwrap_or(CorrectionField::Other);
                Ok(ServiceCorrection {
                    id: r.get(0)?,
                    feed: FeedId(r.get(1)?),
                    service: ServiceId(r.get(2)?),
                    service_name: r.get(3)?,
                    field,
                    current: r.get(5)?,
                    proposed: r.get(6)?,
                    note: r.get(7)?,
                    data_version: FeedVersion(r.get::<_, i64>(8)? as u64),
                    created: r.get(9)?,
                    feed_contact: None,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(corrections)
    }

    /// Forgets one correction (sent, or no longer wanted); one already gone is no error.
    pub fn remove_correction(&self, id: i64) -> Result<()> {
        // The note is the person's words: overwritten, not only unlinked, and out of the log
        // too, as "Clear my data" does.
        self.conn.execute_batch("PRAGMA secure_delete = ON")?;
        let deleted = self
            .conn
            .execute("DELETE FROM correction WHERE id = ?1", [id]);
        self.conn.execute_batch("PRAGMA secure_delete = OFF")?;
        deleted?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// A person's text as kept: trimmed, cut to [`CORRECTION_TEXT_MAX_CHARS`]; blank is none.
fn tidy(text: Option<&str>) -> Option<String> {
    let cut: String = text?
        .trim()
        .chars()
        .take(CORRECTION_TEXT_MAX_CHARS)
        .collect();
    let cut = cut.trim_end();
    (!cut.is_empty()).then(|| cut.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;
    use bussola_model::CorrectionField::{ClosedForGood, Hours, Moved, Other, Phone};

    const TODAY: &str = "2026-11-30";

    fn store() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        bundled::import_bundled(&mut store).unwrap();
        store
    }

    fn new(service: &str, field: CorrectionField, proposed: Option<&str>) -> NewCorrection {
        NewCorrection {
            feed: FeedId("umbria".into()),
            service: ServiceId(service.into()),
            field,
            proposed: proposed.map(str::to_owned),
            note: None,
        }
    }

    #[test]
    fn a_correction_keeps_what_the_entry_showed_and_lists_newest_first() {
        let store = store();
        let version = store.feeds().unwrap()[0].version;
        let shown = |id: &str| {
            store
                .service_detail("umbria", id, "it", crate::now())
                .unwrap()
        };

        let phone = store
            .add_correction(
                &NewCorrection {
                    note: Some("  Risponde solo la mattina.  ".into()),
                    ..new(
                        "orvieto-sportello-immigrazione",
                        Phone,
                        Some(" 0763 000000 "),
                    )
                },
                TODAY,
            )
            .unwrap();
        let detail = shown("orvieto-sportello-immigrazione");
        assert_eq!(phone.current, Some(detail.phones[0].number.clone()));
        assert_eq!(phone.proposed.as_deref(), Some("0763 000000"));
        assert_eq!(phone.note.as_deref(), Some("Risponde solo la mattina."));
        assert_eq!(phone.service_name, detail.name_it);
        assert_eq!(
            (phone.data_version, phone.created.as_str()),
            (version, TODAY)
        );

        // A location's hours first; a helpline's own when it has no location.
        let hours = store
            .add_correction(
                &new("orvieto-sportello-immigrazione", Hours, Some("Mo 9-12")),
                TODAY,
            )
            .unwrap();
        let at_location = detail.locations[0].hours.as_ref().unwrap().raw.clone();
        assert_eq!(hours.current, Some(at_location));
        let helpline = store
            .add_correction(&new("numero-verde-antitratta", Hours, Some("Mo-Fr")), TODAY)
            .unwrap();
        let own = shown("numero-verde-antitratta").hours.unwrap().raw;
        assert_eq!(helpline.current, Some(own));

        let moved = store
            .add_correction(&new("prefettura-tr", Moved, Some("Via Roma 1")), TODAY)
            .unwrap();
        let address = shown("prefettura-tr").locations[0].address_line(true);
        assert!(address.is_some());
        assert_eq!(moved.current, address);

        let closed = store
            .add_correction(&new("prefettura-tr", ClosedForGood, None), TODAY)
            .unwrap();
        assert_eq!((closed.current, closed.proposed), (None, None));

        let listed = store.corrections().unwrap();
        let ids: Vec<i64> = listed.iter().map(|c| c.id).collect();
        assert_eq!(ids.len(), 5);
        assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first: {ids:?}");
        assert_eq!(listed[4], phone);
    }

    #[test]
    fn a_correction_of_a_service_not_held_or_that_says_nothing_is_refused() {
        let store = store();
        let unknown = store.add_correction(&new("no-such-service", Phone, Some("1")), TODAY);
        assert!(matches!(unknown, Err(Error::NotFound(_))), "{unknown:?}");
        let blank = NewCorrection {
            note: Some(" \n ".into()),
            ..new("prefettura-tr", Other, Some("  "))
        };
        let refused = store.add_correction(&blank, TODAY).unwrap_err();
        assert!(matches!(refused, Error::BadCorrection(_)), "{refused}");
        assert_eq!(refused.code(), bussola_model::ErrorCode::BadQuery);
        assert!(store.corrections().unwrap().is_empty());
    }

    #[test]
    fn a_long_text_is_cut_to_the_limit() {
        let store = store();
        let long = "é".repeat(CORRECTION_TEXT_MAX_CHARS + 50);
        let kept = store
            .add_correction(&new("prefettura-tr", Other, Some(&long)), TODAY)
            .unwrap();
        assert_eq!(
            kept.proposed.unwrap().chars().count(),
            CORRECTION_TEXT_MAX_CHARS
        );
    }

    #[test]
    fn corrections_survive_a_reimport_of_their_feed_and_can_be_removed() {
        let mut store = store();
        let first = store
            .add_correction(&new("prefettura-tr", Phone, Some("0744 000")), TODAY)
            .unwrap();
        let second = store
            .add_correction(&new("cpia-terni", ClosedForGood, None), TODAY)
            .unwrap();
        let snapshot: bussola_feed::contract::Snapshot<'_> =
            serde_json::from_str(bundled::UMBRIA_SNAPSHOT).unwrap();
        let records = bussola_feed::records::check_raw("snapshot", &snapshot.services).unwrap();
        let tx = store.conn.transaction().unwrap();
        crate::store::write_services(&tx, "umbria", &records.services).unwrap();
        tx.commit().unwrap();
        store.forget_catalogue();
        assert_eq!(
            store.corrections().unwrap(),
            [second.clone(), first.clone()]
        );

        store.remove_correction(first.id).unwrap();
        assert_eq!(store.corrections().unwrap(), [second]);
        store.remove_correction(first.id).unwrap();
    }
}
