//! `cargo xtask opendata`: the services the bundled feed takes from official open data, written
//! to `data/umbria/opendata-services.json` for `bundle-feed` beside the researched ones.
//!
//! Every Umbrian comune's town hall (AgID's index of public administrations, IPA: address,
//! postal code, website, the comune's own e-mail and certified e-mail) and the ten public
//! hospitals the Istituto Superiore di Sanità lists for Umbria (its map of IVG services: name,
//! address, web page). Nothing else is claimed: no phone or hours (the
//! sources give none), positions are the comune's centre and marked so, the source's own
//! address text is kept. The texts for the person come from `data/umbria/opendata-texts.json`,
//! written in Italian and translated by the project in every language of the app, and are marked
//! as such (`translated_from`). The inputs and their licences: `data/opendata/PROVENANCE.md`.

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

const IPA_COMUNI: &str = "data/opendata/ipa-comuni-umbria.tsv";
const ISS_HOSPITALS: &str = "data/opendata/iss-ospedali-ivg-umbria.csv";
const COMUNI: &str = "data/comuni-italia.csv";
const TEXTS: &str = "data/umbria/opendata-texts.json";
pub const OUTPUT: &str = "data/umbria/opendata-services.json";

/// The local parts of a comune's own ordinary mailboxes, the most useful to a person first.
const OFFICE_MAILBOXES: &[&str] = &[
    "info",
    "urp",
    "comune",
    "protocollo",
    "segreteria",
    "municipio",
    "anagrafe",
    "demografici",
    "servizi.demografici",
];

/// The IPA file's date (AgID's data as of that day) and where it is published.
const IPA_DATE: &str = "2026-08-18";
const IPA_SOURCE: &str = "https://www.indicepa.gov.it/";
/// The ISS list as parsed by onData (CC BY 4.0), read on the day of its last change.
const ISS_DATE: &str = "2025-04-12";
const ISS_SOURCE: &str =
    "https://github.com/ondata/liberiamoli-tutti/tree/main/punti_ivg_regionali";

/// The hospitals by their row in the ISS list: the source's name (checked, so a new edition
/// that renames one is noticed), and the name and street as a person reads them (the source
/// writes them in capitals and abbreviations; the words are its own).
const HOSPITALS: &[(&str, &str, &str, &str)] = &[
    (
        "308",
        "OSPEDALE DI CITTA` DI CASTELLO",
        "Ospedale di Città di Castello",
        "Via Luigi Angelini 10",
    ),
    (
        "309",
        "OSPEDALE DI UMBERTIDE",
        "Ospedale di Umbertide",
        "Via Camillo B. Cavour 40",
    ),
    (
        "310",
        "STAB. OSPEDALIERO MEDIA VALLE DEL TEVERE",
        "Ospedale della Media Valle del Tevere",
        "Via Buda, Pantalla",
    ),
    (
        "311",
        "OSPEDALE CIVILE SAN MATTEO DEGLI INFERMI",
        "Ospedale San Matteo degli Infermi",
        "Via Loreto 3",
    ),
    (
        "312",
        "SANTA MARIA DELLA STELLA",
        "Ospedale Santa Maria della Stella",
        "Località Ciconia",
    ),
    (
        "313",
        "STABILIMENTO OSPEDALIERO DI NARNI",
        "Ospedale di Narni",
        "Via Cappuccini Nuovi 3",
    ),
    (
        "314",
        "OSPEDALE SAN GIOVANNI BATTISTA FOLIGNO",
        "Ospedale San Giovanni Battista di Foligno",
        "Via Arcamone",
    ),
    (
        "315",
        "PRESIDIO OSPEDALIERO GUBBIO E G.TADINO",
        "Ospedale di Gubbio e Gualdo Tadino",
        "Largo Unità d'Italia, località Branca",
    ),
    (
        "316",
        "AZIENDA OSPEDALIERA DI PERUGIA",
        "Azienda Ospedaliera di Perugia",
        "Piazzale Giorgio Menghini 8/9",
    ),
    (
        "317",
        "AZIENDA OSPEDALIERA 'S. MARIA'",
        "Azienda Ospedaliera Santa Maria di Terni",
        "Via Tristano di Joannuccio",
    ),
];

/// A comune of the gazetteer: its name as ISTAT writes it, and its centre.
struct Comune {
    istat: String,
    name: String,
    lat: f64,
    lon: f64,
}

/// Writes the services generated from open data.
pub fn generate(root: &Path) -> Result<()> {
    let texts: Value = serde_json::from_str(&read(root, TEXTS)?)?;
    let comuni = gazetteer(root)?;
    let mut services = town_halls(root, &texts, &comuni)?;
    services.extend(hospitals(root, &texts, &comuni)?);
    let mut out = serde_json::to_string_pretty(&services)?;
    out.push('\n');
    std::fs::write(root.join(OUTPUT), out)?;
    eprintln!("{OUTPUT}: {} services from open data", services.len());
    Ok(())
}

fn read(root: &Path, path: &str) -> Result<String> {
    std::fs::read_to_string(root.join(path)).with_context(|| format!("reading {path}"))
}

/// The comuni by (name folded to lower case, province code).
fn gazetteer(root: &Path) -> Result<BTreeMap<(String, String), Comune>> {
    let text = read(root, COMUNI)?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut comuni = BTreeMap::new();
    for row in reader.records() {
        let row = row?;
        let field = |i: usize| row.get(i).unwrap_or_default().to_owned();
        let comune = Comune {
            istat: field(0),
            name: field(1),
            lat: field(4).parse()?,
            lon: field(5).parse()?,
        };
        comuni.insert((comune.name.to_lowercase(), field(2)), comune);
    }
    Ok(comuni)
}

fn find<'c>(
    comuni: &'c BTreeMap<(String, String), Comune>,
    name: &str,
    province: &str,
) -> Result<&'c Comune> {
    comuni
        .get(&(name.to_lowercase(), province.to_owned()))
        .with_context(|| format!("{name} ({province}) is not in {COMUNI}"))
}

/// The cell of `row` under the column `name`, trimmed.
fn cell<'r>(
    headers: &csv::StringRecord,
    row: &'r csv::StringRecord,
    name: &str,
) -> Option<&'r str> {
    let column = headers.iter().position(|h| h == name)?;
    row.get(column).map(str::trim)
}

/// The project's translations of a template for every language, `{comune}` filled in.
fn translations(template: &Value, comune: &str) -> Value {
    let mut all = serde_json::Map::new();
    for (lang, texts) in template.as_object().into_iter().flatten() {
        if lang == "it" {
            continue;
        }
        let mut translation = serde_json::Map::new();
        for (field, text) in texts.as_object().into_iter().flatten() {
            let text = text
                .as_str()
                .unwrap_or_default()
                .replace("{comune}", comune);
            translation.insert(field.clone(), Value::String(text));
        }
        translation.insert("translated_from".into(), "it".into());
        all.insert(lang.clone(), Value::Object(translation));
    }
    Value::Object(all)
}

fn italian(template: &Value, field: &str, comune: &str) -> Result<String> {
    Ok(template["it"][field]
        .as_str()
        .with_context(|| format!("{TEXTS} has no Italian {field}"))?
        .replace("{comune}", comune))
}

/// Every comune's town hall, from the IPA.
fn town_halls(
    root: &Path,
    texts: &Value,
    comuni: &BTreeMap<(String, String), Comune>,
) -> Result<Vec<Value>> {
    let template = &texts["town_hall"];
    let text = read(root, IPA_COMUNI)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .from_reader(text.as_bytes());
    let headers = reader.headers()?.clone();
    let mut services = Vec::new();
    for row in reader.records() {
        let row = row?;
        // The IPA writes "null" for an empty cell.
        let field = |name: &str| {
            cell(&headers, &row, name)
                .filter(|v| !v.is_empty() && *v != "null")
                .map(str::to_owned)
        };
        let (Some(name), Some(province)) = (field("Comune"), field("Provincia")) else {
            bail!("{IPA_COMUNI}: a row without a comune or a province");
        };
        let comune = find(comuni, &name, &province)?;
        // The comune's own boxes only: the IPA's mail columns also hold work addresses of
        // officials (first.last@) and of back offices, which are nobody's door.
        let mails: Vec<(String, String)> = (1..=5)
            .filter_map(|i| {
                Some((
                    field(&format!("mail{i}"))?,
                    field(&format!("tipo_mail{i}"))?,
                ))
            })
            .collect();
        let ordinary_mail = OFFICE_MAILBOXES.iter().find_map(|office| {
            mails.iter().find_map(|(mail, kind)| {
                let local = mail.split('@').next()?.to_lowercase();
                (kind != "Pec" && local == *office).then(|| mail.clone())
            })
        });
        // The comune's certified address (domicilio digitale), which the IPA lists first.
        let certified_mail = mails
            .first()
            .filter(|(_, kind)| kind == "Pec")
            .map(|(mail, _)| mail.clone());
        let website = field("sito_istituzionale").map(|site| match site.starts_with("http") {
            true => site,
            false => format!("https://{site}"),
        });
        let mut notes = format!(
            "Generato da {IPA_COMUNI} (AgID IPA, dati al {IPA_DATE}, codice {}): sede legale del \
             Comune. Nessun telefono né orario nella fonte; posizione al centro del comune.",
            field("cod_amm").unwrap_or_default()
        );
        if ordinary_mail.is_none() {
            notes.push_str(" Nessuna casella ordinaria del Comune nella fonte: solo la PEC.");
        }
        services.push(json!({
            "id": format!("comune-{}", comune.istat),
            "name": italian(template, "name", &comune.name)?,
            "status": "active",
            "description": italian(template, "description", &comune.name)?,
            "editor_notes": notes,
            "categories": ["town-hall"],
            "email": ordinary_mail,
            "certified_email": certified_mail,
            "url": website,
            "assured_date": IPA_DATE,
            "sources": [IPA_SOURCE],
            "translations": translations(template, &comune.name),
            "service_at_locations": [{
                "location": {
                    "id": format!("loc-comune-{}", comune.istat),
                    "name": comune.name,
                    "latitude": comune.lat,
                    "longitude": comune.lon,
                    "geo_precision": "comune",
                    "addresses": [{
                        "address_1": field("Indirizzo"),
                        "city": comune.name,
                        "postal_code": field("Cap"),
                        "state_province": province,
                        "country": "IT",
                    }],
                },
            }],
        }));
    }
    if services.len() != 92 {
        bail!(
            "{IPA_COMUNI} gives {} comuni; Umbria has 92",
            services.len()
        );
    }
    Ok(services)
}

/// The public hospitals the ISS lists for Umbria (its map of IVG services).
fn hospitals(
    root: &Path,
    texts: &Value,
    comuni: &BTreeMap<(String, String), Comune>,
) -> Result<Vec<Value>> {
    let template = &texts["hospital"];
    let text = read(root, ISS_HOSPITALS)?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers()?.clone();
    let by_istat: BTreeMap<&str, &Comune> =
        comuni.values().map(|c| (c.istat.as_str(), c)).collect();
    let mut services = Vec::new();
    for row in reader.records() {
        let row = row?;
        let field = |name: &str| cell(&headers, &row, name).unwrap_or_default().to_owned();
        let number = field("n");
        let Some(&(_, source_name, name, street)) = HOSPITALS.iter().find(|h| h.0 == number) else {
            bail!(
                "{ISS_HOSPITALS}: row {number} ({}) is new: add it to HOSPITALS",
                field("struttura_nome")
            );
        };
        if field("struttura_nome") != source_name {
            bail!(
                "{ISS_HOSPITALS}: row {number} is now \"{}\", not \"{source_name}\"",
                field("struttura_nome")
            );
        }
        let istat = field("comune_codice_istat");
        let comune = by_istat
            .get(istat.as_str())
            .with_context(|| format!("{ISS_HOSPITALS}: row {number}: no comune {istat}"))?;
        let url =
            Some(field("url")).filter(|u| u.starts_with("https://") || u.starts_with("http://"));
        services.push(json!({
            "id": format!("ospedale-{}-{number}", comune.istat),
            "name": name,
            "status": "active",
            "description": italian(template, "description", &comune.name)?,
            "editor_notes": format!(
                "Generato da {ISS_HOSPITALS} (ISS, mappa dei punti IVG, dati {}; letto da onData il \
                 {ISS_DATE}): la fonte dà nome, indirizzo e pagina web, nient'altro. Nome e via \
                 riscritti in minuscolo dalla fonte \"{source_name}\", \"{}\".",
                field("anno"),
                field("indirizzo")
            ),
            "categories": ["health"],
            "url": url,
            "assured_date": ISS_DATE,
            "sources": [ISS_SOURCE],
            "translations": translations(template, &comune.name),
            "service_at_locations": [{
                "location": {
                    "id": format!("loc-ospedale-{number}"),
                    "name": comune.name,
                    "latitude": comune.lat,
                    "longitude": comune.lon,
                    "geo_precision": "comune",
                    "addresses": [{
                        "address_1": street,
                        "city": comune.name,
                        "postal_code": field("cap"),
                        "state_province": field("provincia"),
                        "country": "IT",
                    }],
                },
            }],
        }));
    }
    if services.len() != HOSPITALS.len() {
        bail!("{ISS_HOSPITALS} lacks some of the hospitals it had");
    }
    Ok(services)
}
