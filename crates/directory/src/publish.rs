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
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

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
    build_from("the source file", feed, services, dir, key, now)
}

/// [`build`], with problems named after `source`, the file the services were read from.
pub fn build_from(
    source: &str,
    feed: &str,
    services: Vec<Value>,
    dir: &Path,
    key: &SigningKey,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Built> {
    // The very pass a device makes: a source a device would refuse cannot be signed.
    let checked = bussola_feed::records::check_values(source, &services)?;
    let warnings = checked.warnings.iter().map(ToString::to_string).collect();
    drop(checked);
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
    let temporary = dir.join(format!(".{name}.partial"));
    std::fs::write(&temporary, bytes).map_err(|e| write_error(dir, e))?;
    std::fs::rename(&temporary, dir.join(name)).map_err(|e| write_error(dir, e))
}

fn write_error(dir: &Path, e: std::io::Error) -> Error {
    Error::Storage(format!("cannot write the feed in {}: {e}", dir.display()))
}

fn rfc3339(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Services from an editors' spreadsheet saved as CSV: one row per service location, the
/// service's own columns repeated (or left empty) on its further rows.
///
/// Columns, by header name: `id`, `name`, `status` (default `active`), `categories` and
/// `languages` (codes separated by `;`), `description`, `organization`, `phone`, `email`,
/// `url`, `sources` (`;`), `assured_date`, and per location `location_name`, `address`, `city`,
/// `postal_code`, `province`, `latitude`, `longitude`, `geo_precision`, `opening_hours`.
/// `name_en`, `description_ar` and the like are translations. Unknown columns are an error, so
/// a misspelt header is caught rather than silently dropped.
pub fn services_from_csv(file: &str, text: &str) -> Result<Vec<Value>> {
    const KNOWN: &[&str] = &[
        "id",
        "name",
        "status",
        "categories",
        "languages",
        "description",
        "organization",
        "phone",
        "email",
        "url",
        "sources",
        "assured_date",
        "location_name",
        "address",
        "city",
        "postal_code",
        "province",
        "latitude",
        "longitude",
        "geo_precision",
        "opening_hours",
    ];
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Error::InvalidFeed(format!("{file}: {e}")))?
        .iter()
        .map(str::to_owned)
        .collect();
    for h in &headers {
        let translation = h.split_once('_').is_some_and(|(field, lang)| {
            matches!(field, "name" | "description")
                && lang.len() == 2
                && !KNOWN.contains(&h.as_str())
        });
        if !KNOWN.contains(&h.as_str()) && !translation {
            return Err(Error::InvalidFeed(format!(
                "{file}: unknown column \"{h}\""
            )));
        }
    }
    let mut services: Vec<Value> = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row_number = i + 2; // the header is row 1
        let row = row.map_err(|e| Error::InvalidFeed(format!("{file}, row {row_number}: {e}")))?;
        let cell = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| row.get(i))
                .filter(|v| !v.is_empty())
        };
        let list = |name: &str| -> Vec<String> {
            cell(name)
                .map(|v| {
                    v.split(';')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        let number = |name: &str| -> Result<Option<f64>> {
            cell(name)
                .map(|v| {
                    v.parse::<f64>().map_err(|_| {
                        Error::InvalidFeed(format!(
                            "{file}, row {row_number}: {name} \"{v}\" is not a number (use a point: 43.11)"
                        ))
                    })
                })
                .transpose()
        };
        let Some(id) = cell("id") else {
            return Err(Error::InvalidFeed(format!(
                "{file}, row {row_number}: no id"
            )));
        };
        let mut location = json!({});
        for (column, field) in [
            ("location_name", "name"),
            ("geo_precision", "geo_precision"),
        ] {
            if let Some(v) = cell(column) {
                location[field] = v.into();
            }
        }
        if let Some(lat) = number("latitude")? {
            location["latitude"] = lat.into();
        }
        if let Some(lon) = number("longitude")? {
            location["longitude"] = lon.into();
        }
        let mut address = json!({"country": "IT"});
        for (column, field) in [
            ("address", "address_1"),
            ("city", "city"),
            ("postal_code", "postal_code"),
            ("province", "state_province"),
        ] {
            if let Some(v) = cell(column) {
                address[field] = v.into();
            }
        }
        if address.as_object().is_some_and(|a| a.len() > 1) {
            location["addresses"] = json!([address]);
        }
        let mut at = json!({"location": location});
        if let Some(hours) = cell("opening_hours") {
            at["opening_hours"] = hours.into();
        }
        let has_location = at["location"].as_object().is_some_and(|l| !l.is_empty());
        if let Some(service) = services.iter_mut().find(|s| s["id"] == id) {
            if has_location {
                service["service_at_locations"]
                    .as_array_mut()
                    .expect("made below")
                    .push(at);
            }
            continue;
        }
        let mut service = json!({"id": id, "status": cell("status").unwrap_or("active"),
                                 "categories": list("categories"), "service_at_locations": []});
        for field in ["name", "description", "email", "url", "assured_date"] {
            if let Some(v) = cell(field) {
                service[field] = v.into();
            }
        }
        if let Some(org) = cell("organization") {
            service["organization"] = json!({"name": org});
        }
        if let Some(phone) = cell("phone") {
            service["phones"] = json!([{"number": phone, "type": "voice"}]);
        }
        let languages = list("languages");
        if !languages.is_empty() {
            service["languages"] = languages.iter().map(|code| json!({"code": code})).collect();
        }
        let sources = list("sources");
        if !sources.is_empty() {
            service["sources"] = sources.into();
        }
        for h in &headers {
            if let Some((field, lang)) = h.split_once('_')
                && matches!(field, "name" | "description")
                && lang.len() == 2
                && let Some(v) = cell(h)
            {
                service["translations"][lang][field] = v.into();
            }
        }
        if has_location {
            service["service_at_locations"]
                .as_array_mut()
                .expect("made above")
                .push(at);
        } else if let Some(hours) = cell("opening_hours") {
            // A service with no place (a helpline) keeps its hours for itself.
            service["opening_hours"] = hours.into();
        }
        services.push(service);
    }
    Ok(services)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
