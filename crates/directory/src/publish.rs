//! The editors' side of a feed: from the services they keep to a signed folder any web host
//! can serve.
//!
//! A build validates the services, writes the next version's snapshot, a delta from each of
//! the last few versions still in the folder (so a device a few versions behind downloads only
//! what changed), the manifest with every file's sha256 and size, and the manifest's minisign
//! signature. Every file goes in under a temporary name and is renamed into place, the
//! manifest last: a device that syncs during a build sees the previous version whole, or, in
//! the instant between the signature's rename and the manifest's, a signature that does not
//! match, which it refuses and retries at its next sync.

use crate::{Error, Result};
use bussola_feed::contract::{DeltaRef, FileRef, MANIFEST, Manifest, SIGNATURE, sha256_hex};
use bussola_feed::keys::SigningKey;
use bussola_model::FeedNotice;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Deltas are offered from this many earlier versions.
pub const DELTAS_FROM: u64 = 5;
/// A feed not rebuilt within this many days is marked expired on devices.
pub const VALID_DAYS: i64 = 90;

/// What a build wrote, and what validation had to say.
#[derive(Debug)]
pub struct Built {
    pub manifest: Manifest,
    pub warnings: Vec<String>,
}

/// Builds version N+1 of `feed` into `dir` (N being the version already there, or 0).
pub fn build(
    feed: &str,
    services: Vec<Value>,
    dir: &Path,
    key: &SigningKey,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Built> {
    build_from("the source file", feed, services, Vec::new(), dir, key, now)
}

/// [`build`], with problems named after `source`, the file the services were read from, and
/// the feed's notices in the manifest.
pub fn build_from(
    source: &str,
    feed: &str,
    mut services: Vec<Value>,
    notices: Vec<FeedNotice>,
    dir: &Path,
    key: &SigningKey,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Built> {
    // The editors' notes are theirs: never published, whatever path the services came by.
    without_editors_notes(&mut services);
    // The very pass a device makes: a source a device would refuse cannot be signed.
    let checked = bussola_feed::records::check_values(source, &services)?;
    let warnings = checked.warnings.iter().map(ToString::to_string).collect();
    drop(checked);
    bussola_feed::session::check_notices(&notices)?;
    std::fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?;
    let previous = read_manifest(dir)?;
    if let Some(p) = &previous
        && p.feed != feed
    {
        return Err(Error::InvalidFeed(format!(
            "{} holds the feed \"{}\", not \"{feed}\"",
            dir.display(),
            p.feed
        )));
    }
    let version = previous.as_ref().map_or(1, |p| p.version + 1);

    let snapshot_name = format!("snapshot-{version}.json");
    let snapshot = json!({"feed": feed, "version": version, "services": services});
    let snapshot_ref = write_json(dir, &snapshot_name, &snapshot)?;

    let now_by_id = by_id(&services);
    let mut deltas = Vec::new();
    for from in version.saturating_sub(DELTAS_FROM).max(1)..version {
        let Some(old) = read_snapshot(dir, from)? else {
            continue;
        };
        let then_by_id = by_id(&old);
        let upserts: Vec<&Value> = now_by_id
            .iter()
            .filter(|(id, s)| then_by_id.get(*id) != Some(*s))
            .map(|(_, s)| *s)
            .collect();
        let deletes: Vec<&str> = then_by_id
            .keys()
            .filter(|id| !now_by_id.contains_key(*id))
            .copied()
            .collect();
        let name = format!("delta-{from}-{version}.json");
        let delta = json!({"feed": feed, "from": from, "version": version,
                           "upserts": upserts, "deletes": deletes});
        deltas.push(DeltaRef {
            from,
            file: write_json(dir, &name, &delta)?,
        });
    }

    let manifest = Manifest {
        feed: feed.to_owned(),
        version,
        generated_at: rfc3339(now),
        expires_at: Some(rfc3339(now + chrono::Duration::days(VALID_DAYS))),
        snapshot: snapshot_ref,
        deltas,
        notices,
    };
    let bytes = serde_json::to_vec_pretty(&manifest)?;
    let signature = key.sign(&bytes, &format!("feed:{feed}\tversion:{version}"))?;
    write_file(dir, &format!("{MANIFEST}.next"), &bytes)?;
    write_file(dir, SIGNATURE, signature.as_bytes())?;
    std::fs::rename(dir.join(format!("{MANIFEST}.next")), dir.join(MANIFEST))
        .map_err(|e| write_error(dir, e))?;
    Ok(Built { manifest, warnings })
}

/// The manifest in a feed folder, if there is one.
pub fn read_manifest(dir: &Path) -> Result<Option<Manifest>> {
    match std::fs::read(dir.join(MANIFEST)) {
        Ok(bytes) => Ok(Some(serde_json::from_slice(&bytes).map_err(|e| {
            Error::InvalidFeed(format!("{}: {e}", dir.join(MANIFEST).display()))
        })?)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(write_error(dir, e)),
    }
}

fn read_snapshot(dir: &Path, version: u64) -> Result<Option<Vec<Value>>> {
    let path = dir.join(format!("snapshot-{version}.json"));
    match std::fs::read(&path) {
        Ok(bytes) => {
            let mut snapshot: Value = serde_json::from_slice(&bytes)
                .map_err(|e| Error::InvalidFeed(format!("{}: {e}", path.display())))?;
            Ok(Some(match snapshot["services"].take() {
                Value::Array(services) => services,
                _ => Vec::new(),
            }))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(write_error(dir, e)),
    }
}

fn by_id(services: &[Value]) -> BTreeMap<&str, &Value> {
    services
        .iter()
        .filter_map(|s| Some((s["id"].as_str()?, s)))
        .collect()
}

fn write_json(dir: &Path, name: &str, value: &Value) -> Result<FileRef> {
    let bytes = serde_json::to_vec(value)?;
    write_file(dir, name, &bytes)?;
    Ok(FileRef {
        url: name.to_owned(),
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
    })
}

/// Writes through a temporary name, so a reader never sees half a file.
fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    replace_file(&dir.join(name), bytes).map_err(|e| write_error(dir, e))
}

/// Writes `path` in one rename, from a temporary file beside it (`.NAME.partial`): a reader
/// never sees half a file, and a failure halfway leaves the old one whole and no temporary
/// behind. Every file the editors' tools write (feed files, sources, sheets) goes this way.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let temporary = path.with_file_name(format!(".{name}.partial"));
    let written =
        std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

fn write_error(dir: &Path, e: std::io::Error) -> Error {
    Error::Storage(format!("cannot write the feed in {}: {e}", dir.display()))
}

fn rfc3339(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Fields an editors' source may hold that are never published: their notes (what the sources
/// lacked, which year the hours come from) stay beside the facts they explain but never reach a
/// person's screen.
pub const EDITORS_ONLY: &[&str] = &["editor_notes"];

/// The texts of a service that may be translated.
pub const TRANSLATABLE: &[&str] = &[
    "name",
    "description",
    "application_process",
    "fees_description",
    "eligibility_description",
    "alert",
];

/// What the editors' source files hold: the services, and the notices for everyone who uses
/// the feed ("Questura di Perugia closed 8–12 December").
#[derive(Debug, Default)]
pub struct Sources {
    pub services: Vec<Value>,
    pub notices: Vec<FeedNotice>,
    /// What reading left out or cleaned up (HSDS sources), one line each: the build goes on.
    pub warnings: Vec<String>,
}

/// One source file: a JSON array of services (or `{"services": [...], "notices": [...]}`) in the
/// feed's SERVICE shape, or a `.csv` spreadsheet of services ([`services_from_csv`]), or
/// Open Referral HSDS 3.0 ([`crate::hsds`]: a data package's folder or `datapackage.json`, or
/// HSDS JSON), read with no taxonomy map.
pub fn read_source(path: &Path) -> Result<Sources> {
    read_source_with(path, &crate::hsds::Options::default())
}

/// [`read_source`], an HSDS source read with `hsds`'s taxonomy map and day. A page of an HSDS
/// API list, read alone, holds only that page's services, and a warning says so.
pub fn read_source_with(path: &Path, hsds: &crate::hsds::Options) -> Result<Sources> {
    let (mut sources, page) = read_one(path, hsds)?;
    if let Some(crate::hsds::Page { number, of }) = page {
        sources.warnings.push(format!(
            "warning: {}: is page {number} of {of} of an HSDS list; only this page's services \
             are read",
            path.display()
        ));
    }
    Ok(sources)
}

/// One source, and which page of an HSDS API list it is, if it is one.
fn read_one(
    path: &Path,
    hsds: &crate::hsds::Options,
) -> Result<(Sources, Option<crate::hsds::Page>)> {
    let name = path.display().to_string();
    if crate::hsds::is_package(path) {
        let imported = crate::hsds::read_package(path, hsds)?;
        let sources = Sources {
            services: imported.services,
            notices: Vec::new(),
            warnings: imported.warnings,
        };
        return Ok((sources, None));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::InvalidFeed(format!("cannot read {name}: {e}")))?;
    if name.to_ascii_lowercase().ends_with(".csv") {
        let sources = Sources {
            services: services_from_csv(&name, &text)?,
            ..Sources::default()
        };
        return Ok((sources, None));
    }
    let value: Value = serde_json::from_str(&text)
        .map_err(|e| Error::InvalidFeed(format!("{name} is not JSON: {e}")))?;
    if crate::hsds::is_hsds_json(&value) {
        let imported = crate::hsds::from_json(&name, value, hsds)?;
        let sources = Sources {
            services: imported.services,
            notices: Vec::new(),
            warnings: imported.warnings,
        };
        return Ok((sources, imported.page));
    }
    let sources = match value {
        Value::Array(services) => Ok(Sources {
            services,
            ..Sources::default()
        }),
        mut object => match object["services"].take() {
            Value::Array(services) => Ok(Sources {
                services,
                notices: notices_from_json(&name, object["notices"].take())?,
                warnings: Vec::new(),
            }),
            _ => Err(Error::InvalidFeed(format!(
                "{name} holds neither an array of services nor {{\"services\": [...]}}"
            ))),
        },
    }?;
    Ok((sources, None))
}

/// A file of notices alone (`feed build --notices`): a JSON array (or `{"notices": [...]}`) of
/// `{"id", "text": {"it": …, "en": …}, "until"}`, or a `.csv` with the columns `id`, `until`
/// and `text_it`, `text_en`… (one row per notice; an empty cell is no text in that language).
pub fn read_notices(path: &Path) -> Result<Vec<FeedNotice>> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::InvalidFeed(format!("cannot read {name}: {e}")))?;
    if !name.to_ascii_lowercase().ends_with(".csv") {
        let value: Value = serde_json::from_str(&text)
            .map_err(|e| Error::InvalidFeed(format!("{name} is not JSON: {e}")))?;
        return match value {
            Value::Array(_) => notices_from_json(&name, value),
            mut object => notices_from_json(&name, object["notices"].take()),
        };
    }
    let table = crate::spreadsheet::read_table(&name, &text)?;
    let headers = table.headers;
    for h in &headers {
        if !matches!(h.as_str(), "id" | "until") && !h.starts_with("text_") {
            return Err(Error::InvalidFeed(format!(
                "{name}: unknown column \"{h}\""
            )));
        }
    }
    let mut notices = Vec::new();
    for (number, row) in table.rows {
        let row = row.map_err(|e| Error::InvalidFeed(format!("{name}, row {number}: {e}")))?;
        let cell = |column: &str| {
            headers
                .iter()
                .position(|h| h == column)
                .and_then(|i| row.get(i))
                .filter(|v| !v.is_empty())
        };
        let text = headers
            .iter()
            .filter_map(|h| h.strip_prefix("text_"))
            .filter_map(|lang| Some((lang.to_owned(), cell(&format!("text_{lang}"))?.to_owned())))
            .collect();
        notices.push(FeedNotice {
            id: cell("id").unwrap_or_default().to_owned(),
            text,
            until: cell("until").map(str::to_owned),
        });
    }
    Ok(notices)
}

fn notices_from_json(name: &str, value: Value) -> Result<Vec<FeedNotice>> {
    if value.is_null() {
        return Ok(Vec::new());
    }
    serde_json::from_value(value)
        .map_err(|e| Error::InvalidFeed(format!("{name}: the notices: {e}")))
}

/// The services and notices of every source file, in order: a region may keep its researched
/// services and those generated from open data apart. One id in two files is an error naming
/// both.
pub fn read_sources(paths: &[PathBuf]) -> Result<Sources> {
    read_sources_with(paths, &crate::hsds::Options::default())
}

/// [`read_sources`], HSDS sources read with `hsds`'s taxonomy map and day.
pub fn read_sources_with(paths: &[PathBuf], hsds: &crate::hsds::Options) -> Result<Sources> {
    let mut services = Vec::new();
    let mut notices = Vec::new();
    let mut warnings = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    // The pages of an HSDS API list among the sources: (page, of how many, file).
    let mut pages: Vec<(u64, u64, String)> = Vec::new();
    for path in paths {
        let file = path.display().to_string();
        let (source, page) = read_one(path, hsds)?;
        if let Some(page) = page {
            pages.push((page.number, page.of, file.clone()));
        }
        notices.extend(source.notices);
        warnings.extend(source.warnings);
        for service in source.services {
            if let Some(id) = service["id"].as_str()
                && let Some(first) = seen.insert(id.to_owned(), file.clone())
                && first != file
            {
                return Err(Error::InvalidFeed(format!(
                    "the service \"{id}\" is in both {first} and {file}"
                )));
            }
            services.push(service);
        }
    }
    // A page alone would publish a feed without every other page's services: a build drops
    // from the feed what its sources do not hold. So every page, or none.
    for (number, of, file) in &pages {
        let missing: Vec<String> = (1..=*of)
            .filter(|p| !pages.iter().any(|(n, o, _)| n == p && o == of))
            .map(|p| p.to_string())
            .collect();
        if !missing.is_empty() {
            return Err(Error::InvalidFeed(format!(
                "{file} is page {number} of {of} of an HSDS list, and page{} {} {} not among \
                 the sources: a feed built from it would lack those pages' services; give every \
                 page as a --source",
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", "),
                if missing.len() == 1 { "is" } else { "are" },
            )));
        }
    }
    Ok(Sources {
        services,
        notices,
        warnings,
    })
}

/// Adds the project's translations, kept beside the sources one file per language,
/// `DIR/<lang>.json`: `{"<service id>": {"name": "…", "description": "…"}}`. Each becomes the
/// service's `translations.<lang>`, marked `"translated_from": "it"`: the project translated the
/// Italian, these are not the office's own words (the app says so). A file for a language the
/// app does not speak, a service no source has, a field that is not a text of the service, or a
/// language the source already translates the service into (the office's own words are not
/// mixed with the project's), is an error: nothing is dropped or overwritten quietly.
pub fn add_translations(services: &mut [Value], dir: &Path) -> Result<()> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::InvalidFeed(format!("cannot read {}: {e}", dir.display())))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let index: HashMap<String, usize> = services
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((s["id"].as_str()?.to_owned(), i)))
        .collect();
    for file in files {
        let name = file.display().to_string();
        let lang = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if lang == "it" || !crate::taxonomy::LOCALES.contains(&lang) {
            return Err(Error::InvalidFeed(format!(
                "{name}: \"{lang}\" is not a language the app translates into"
            )));
        }
        let text = std::fs::read_to_string(&file)
            .map_err(|e| Error::InvalidFeed(format!("cannot read {name}: {e}")))?;
        let by_service: BTreeMap<String, BTreeMap<String, String>> = serde_json::from_str(&text)
            .map_err(|e| {
                Error::InvalidFeed(format!(
                    "{name}: expected {{\"<service id>\": {{\"<field>\": \"<text>\"}}}}: {e}"
                ))
            })?;
        for (id, fields) in by_service {
            let Some(&at) = index.get(&id) else {
                return Err(Error::InvalidFeed(format!(
                    "{name}: no source has the service \"{id}\""
                )));
            };
            if !(services[at]["translations"].is_object() || services[at]["translations"].is_null())
            {
                return Err(Error::InvalidFeed(format!(
                    "{name}: the source's \"translations\" of \"{id}\" is not an object"
                )));
            }
            let translation = &mut services[at]["translations"][lang];
            if !translation.is_null() {
                return Err(Error::InvalidFeed(format!(
                    "{name}: the source already translates \"{id}\" into {lang}"
                )));
            }
            for (field, text) in fields {
                if !TRANSLATABLE.contains(&field.as_str()) {
                    return Err(Error::InvalidFeed(format!(
                        "{name}: {id}.{field} is not a text of a service ({})",
                        TRANSLATABLE.join(", ")
                    )));
                }
                translation[&field] = Value::String(text);
            }
            translation["translated_from"] = Value::String("it".to_owned());
        }
    }
    Ok(())
}

/// Takes out what is only for the editors ([`EDITORS_ONLY`]), from the services and from their
/// translations.
pub fn without_editors_notes(services: &mut [Value]) {
    fn strip(value: &mut Value) {
        if let Value::Object(fields) = value {
            for field in EDITORS_ONLY {
                fields.remove(*field);
            }
        }
    }
    for service in services {
        strip(service);
        if let Some(Value::Object(translations)) = service.get_mut("translations") {
            translations.values_mut().for_each(strip);
        }
    }
}

/// The editors' spreadsheet reader, kept beside its writer in [`crate::spreadsheet`] so the
/// two share one list of columns.
pub use crate::spreadsheet::services_from_csv;

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn sources_are_joined_and_an_id_in_two_files_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let researched = write(dir.path(), "a.json", r#"[{"id": "x", "name": "X"}]"#);
        let opendata = write(
            dir.path(),
            "b.json",
            r#"{"services": [{"id": "y", "name": "Y"}]}"#,
        );
        let again = write(dir.path(), "c.json", r#"[{"id": "x", "name": "X again"}]"#);
        let both = read_sources(&[researched.clone(), opendata]).unwrap();
        assert_eq!(both.services.len(), 2);
        let error = read_sources(&[researched, again]).unwrap_err().to_string();
        assert!(error.contains("\"x\" is in both"), "{error}");
    }

    #[test]
    fn the_projects_translations_are_added_marked_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let mut services = vec![
            json!({"id": "q", "name": "Questura", "description": "Permessi.", "editor_notes": "orari 2022"}),
            json!({"id": "own", "name": "Sportello", "translations": {"ar": {"name": "مكتب"}}}),
        ];
        write(
            dir.path(),
            "ar.json",
            r#"{"q": {"name": "الشرطة", "description": "تصاريح."}}"#,
        );
        write(
            dir.path(),
            "en.json",
            r#"{"q": {"description": "Permits."}}"#,
        );
        add_translations(&mut services, dir.path()).unwrap();
        assert_eq!(services[0]["translations"]["ar"]["name"], "الشرطة");
        assert_eq!(services[0]["translations"]["ar"]["translated_from"], "it");
        assert_eq!(services[0]["translations"]["en"]["description"], "Permits.");
        assert!(services[1]["translations"]["en"].is_null());
        without_editors_notes(&mut services);
        assert!(services[0].get("editor_notes").is_none());

        // What an editor can get wrong is said, and nothing is half-added.
        let refused = |file: &str, text: &str| {
            let dir = tempfile::tempdir().unwrap();
            write(dir.path(), file, text);
            let mut fresh =
                vec![json!({"id": "own", "name": "S", "translations": {"ar": {"name": "م"}}})];
            add_translations(&mut fresh, dir.path())
                .unwrap_err()
                .to_string()
        };
        assert!(refused("de.json", "{}").contains("not a language"));
        assert!(refused("en.json", r#"{"nobody": {"name": "N"}}"#).contains("no source has"));
        assert!(refused("en.json", r#"{"own": {"phone": "1"}}"#).contains("not a text"));
        assert!(refused("ar.json", r#"{"own": {"name": "x"}}"#).contains("already translates"));
    }

    #[test]
    fn a_spreadsheet_row_per_location_becomes_services() {
        let csv = "id,name,categories,languages,phone,city,latitude,longitude,opening_hours,name_en\n\
                   cpia-pg,CPIA Perugia,language;education,it;en,+39 075 000,Perugia,43.11,12.39,Mo-Fr 09:00-13:00,Adult school\n\
                   cpia-pg,,,,,Foligno,42.95,12.70,,\n\
                   line-1522,Antiviolenza 1522,helpline,,1522,,,,24/7,\n";
        let services = services_from_csv("s.csv", csv).unwrap();
        assert_eq!(services.len(), 2);
        let cpia = &services[0];
        assert_eq!(cpia["categories"], json!(["language", "education"]));
        assert_eq!(cpia["translations"]["en"]["name"], "Adult school");
        assert_eq!(cpia["service_at_locations"].as_array().unwrap().len(), 2);
        assert_eq!(
            cpia["service_at_locations"][1]["location"]["addresses"][0]["city"],
            "Foligno"
        );
        assert_eq!(services[1]["service_at_locations"], json!([]));
        assert_eq!(services[1]["opening_hours"], "24/7");
        assert!(bussola_feed::records::check_values("s.csv", &services).is_ok());

        let bad = "id,name,latitude\nx,X,\"43,11\"\n";
        let err = services_from_csv("s.csv", bad).unwrap_err().to_string();
        assert!(
            err.contains("row 2: latitude \"43,11\" is not a number"),
            "{err}"
        );
        let typo = "id,nmae\nx,X\n";
        assert!(
            services_from_csv("s.csv", typo)
                .unwrap_err()
                .to_string()
                .contains("unknown column \"nmae\"")
        );
    }

    #[test]
    fn a_spreadsheet_marks_closures_and_alerts_in_every_language() {
        let csv = "id,name,status,closed_until,alert,alert_uk,categories,latitude,longitude\n\
                   q,Questura,temporarily closed,2026-12-12,Chiusa per lavori.,Зачинено на ремонт.,permits,43.1,12.4\n";
        let services = services_from_csv("s.csv", csv).unwrap();
        let q = &services[0];
        assert_eq!(q["status"], "temporarily closed");
        assert_eq!(q["closed_until"], "2026-12-12");
        assert_eq!(q["alert"], "Chiusa per lavori.");
        assert_eq!(q["translations"]["uk"]["alert"], "Зачинено на ремонт.");
        assert!(bussola_feed::records::check_values("s.csv", &services).is_ok());
    }

    #[test]
    fn notices_come_from_a_json_source_or_their_own_file_and_are_checked_before_signing() {
        let dir = tempfile::tempdir().unwrap();
        let source = write(
            dir.path(),
            "services.json",
            r#"{"services": [{"id": "x", "name": "X"}],
                "notices": [{"id": "dicembre", "text": {"it": "Chiuso l'8 dicembre."}, "until": "2026-12-08"}]}"#,
        );
        let read = read_sources(&[source]).unwrap();
        assert_eq!(read.notices.len(), 1);
        assert_eq!(read.notices[0].until.as_deref(), Some("2026-12-08"));
        let csv = write(
            dir.path(),
            "notices.csv",
            "id,until,text_it,text_en\nferie,,Chiuso ad agosto.,Closed in August.\nsolo,,Solo italiano.,\n",
        );
        let notices = read_notices(&csv).unwrap();
        assert_eq!(notices.len(), 2);
        assert_eq!(notices[0].text.len(), 2);
        assert_eq!(notices[0].until, None);
        // An empty cell is no text in that language.
        assert_eq!(notices[1].text.keys().collect::<Vec<_>>(), ["it"]);
        let misspelt = write(dir.path(), "bad.csv", "id,txt_it\na,Chiuso.\n");
        assert!(
            read_notices(&misspelt)
                .unwrap_err()
                .to_string()
                .contains("txt_it")
        );

        // A notice a device would refuse is never signed: nothing is written.
        let (secret, _) = bussola_feed::keys::generate().unwrap();
        let key = SigningKey::from_text(&secret, None).unwrap();
        let out = dir.path().join("feed");
        let italianless = vec![FeedNotice {
            id: "a".into(),
            text: [("en".to_owned(), "Closed.".to_owned())].into(),
            until: None,
        }];
        let service =
            json!({"id": "x", "name": "X", "status": "active", "categories": ["helpline"]});
        let error = build_from(
            "s",
            "t",
            vec![service.clone()],
            italianless,
            &out,
            &key,
            chrono::Utc::now(),
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("no Italian text"), "{error}");
        assert!(!out.join(MANIFEST).exists());
        let built = build_from(
            "s",
            "t",
            vec![service],
            notices,
            &out,
            &key,
            chrono::Utc::now(),
        )
        .unwrap();
        let published =
            bussola_feed::session::parse_manifest(&std::fs::read(out.join(MANIFEST)).unwrap())
                .unwrap();
        assert_eq!(published.notices, built.manifest.notices);
    }
}
