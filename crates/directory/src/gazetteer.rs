//! The gazetteer: every Italian comune with its ISTAT code, province, region, postal codes and a
//! coordinate, carried in the binary so a place can be named with no network.
//!
//! Names are matched folded (case and accents ignored), so "citta di castello" is Città di
//! Castello. The list is small (7,899 rows): it is parsed once on first use and searched in
//! memory, which is faster than any index would be to open.

use crate::fold::fold;
use bussola_model::LatLon;
use geo::{Distance, Haversine, Point};
use std::sync::OnceLock;

const COMUNI_CSV: &str = include_str!("../../../data/comuni-italia.csv");
const UMBRIA_JSON: &str = include_str!("../../../data/comuni-umbria.json");

/// One comune.
#[derive(Debug, Clone, PartialEq)]
pub struct Comune {
    pub istat: String,
    pub name: String,
    /// Province sigla, such as `PG`.
    pub province: String,
    pub region: String,
    /// Postal codes; the national list has the first one, Umbria's file has them all.
    pub caps: Vec<String>,
    pub position: LatLon,
    folded: String,
}

/// The comuni of Italy, loaded once.
#[derive(Debug)]
pub struct Gazetteer {
    comuni: Vec<Comune>,
}

#[derive(serde::Deserialize)]
struct UmbriaComune {
    istat: String,
    cap: Vec<String>,
    pos_lat: f64,
    pos_lon: f64,
}

impl Gazetteer {
    /// The bundled gazetteer.
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| Gazetteer::parse(COMUNI_CSV, UMBRIA_JSON))
    }

    fn parse(csv: &str, umbria_json: &str) -> Gazetteer {
        let umbria: Vec<UmbriaComune> =
            serde_json::from_str(umbria_json).expect("the bundled Umbria comuni are valid JSON");
        let comuni = csv
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut f = line.split(',');
                let (istat, name, province, region, lat, lon, cap) = (
                    f.next()?,
                    f.next()?,
                    f.next()?,
                    f.next()?,
                    f.next()?,
                    f.next()?,
                    f.next()?,
                );
                let mut comune = Comune {
                    istat: istat.to_owned(),
                    name: name.to_owned(),
                    province: province.to_owned(),
                    region: region.to_owned(),
                    caps: vec![cap.to_owned()],
                    position: LatLon {
                        lat: lat.parse().ok()?,
                        lon: lon.parse().ok()?,
                    },
                    folded: fold(name),
                };
                // Umbria's file lists every postal code of a comune and a point certainly inside
                // it (the centroid of a crescent-shaped comune can fall outside).
                if let Some(u) = umbria.iter().find(|u| u.istat == istat) {
                    comune.caps.clone_from(&u.cap);
                    comune.position = LatLon {
                        lat: u.pos_lat,
                        lon: u.pos_lon,
                    };
                }
                Some(comune)
            })
            .collect();
        Gazetteer { comuni }
    }

    /// Every comune, in ISTAT order.
    pub fn comuni(&self) -> &[Comune] {
        &self.comuni
    }

    pub fn len(&self) -> usize {
        self.comuni.len()
    }

    pub fn is_empty(&self) -> bool {
        self.comuni.is_empty()
    }

    /// The comune with exactly this name, case and accents ignored. Where two comuni share a
    /// name (a handful do, in different provinces), the first by ISTAT code is taken.
    pub fn by_name(&self, name: &str) -> Option<&Comune> {
        let wanted = fold(name.trim());
        self.comuni.iter().find(|c| c.folded == wanted)
    }

    /// Comuni whose name starts with `prefix` (or whose words do), exact matches first, then
    /// alphabetical; at most `limit`.
    pub fn by_prefix(&self, prefix: &str, limit: usize) -> Vec<&Comune> {
        let wanted = fold(prefix.trim());
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(u8, &Comune)> = self
            .comuni
            .iter()
            .filter_map(|c| {
                if c.folded == wanted {
                    Some((0, c))
                } else if c.folded.starts_with(&wanted) {
                    Some((1, c))
                } else if c
                    .folded
                    .split([' ', '-', '\''])
                    .any(|w| w.starts_with(&wanted))
                {
                    Some((2, c))
                } else {
                    None
                }
            })
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.folded.cmp(&b.1.folded)));
        found.into_iter().take(limit).map(|(_, c)| c).collect()
    }

    /// Comuni with this postal code.
    pub fn by_cap(&self, cap: &str) -> Vec<&Comune> {
        let cap = cap.trim();
        self.comuni
            .iter()
            .filter(|c| c.caps.iter().any(|k| k == cap))
            .collect()
    }

    /// A name, or a postal code when `query` is five digits.
    pub fn lookup(&self, query: &str, limit: usize) -> Vec<&Comune> {
        let q = query.trim();
        if q.len() == 5 && q.bytes().all(|b| b.is_ascii_digit()) {
            let mut found = self.by_cap(q);
            found.truncate(limit);
            found
        } else {
            self.by_prefix(q, limit)
        }
    }

    /// The comune whose coordinate is nearest to `point`.
    pub fn nearest(&self, point: LatLon) -> Option<&Comune> {
        let here = Point::new(point.lon, point.lat);
        self.comuni.iter().min_by(|a, b| {
            let da = Haversine.distance(here, Point::new(a.position.lon, a.position.lat));
            let db = Haversine.distance(here, Point::new(b.position.lon, b.position.lat));
            da.total_cmp(&db)
        })
    }

    /// Names close to a misspelt one, for "did you mean" messages: comuni sharing the longest
    /// prefix with it, then the fewest edits.
    pub fn suggestions(&self, name: &str, limit: usize) -> Vec<&Comune> {
        let wanted = fold(name.trim());
        let mut scored: Vec<(usize, &Comune)> = self
            .comuni
            .iter()
            .map(|c| (edit_distance(&wanted, &c.folded), c))
            .collect();
        scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.folded.cmp(&b.1.folded)));
        scored.into_iter().take(limit).map(|(_, c)| c).collect()
    }
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carries_every_italian_comune() {
        assert_eq!(Gazetteer::get().len(), 7_899);
    }

    #[test]
    fn names_match_without_case_or_accents() {
        let g = Gazetteer::get();
        let cdc = g.by_name("citta di castello").unwrap();
        assert_eq!(cdc.name, "Città di Castello");
        assert_eq!(cdc.province, "PG");
        assert_eq!(cdc.region, "Umbria");
        assert_eq!(cdc.istat, "054013");
        assert_eq!(g.by_name("  PERUGIA ").unwrap().istat, "054039");
        assert!(g.by_name("Atlantide").is_none());
    }

    #[test]
    fn prefixes_list_exact_matches_first() {
        let g = Gazetteer::get();
        let terni = g.by_prefix("terni", 5);
        assert_eq!(terni[0].name, "Terni");
        let fol: Vec<&str> = g
            .by_prefix("Folig", 5)
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(fol, ["Folignano", "Foligno"]);
        // A word inside the name counts too.
        assert!(
            g.by_prefix("castello", 500)
                .iter()
                .any(|c| c.name == "Città di Castello")
        );
    }

    #[test]
    fn postal_codes_find_their_comuni() {
        let g = Gazetteer::get();
        // Perugia has many CAPs in Umbria's file; 06124 is one of the city's.
        assert!(g.by_cap("06124").iter().any(|c| c.name == "Perugia"));
        assert_eq!(g.lookup("05018", 3)[0].name, "Orvieto");
        assert!(g.by_cap("99999").is_empty());
    }

    #[test]
    fn the_nearest_comune_to_a_point() {
        let g = Gazetteer::get();
        // Piazza IV Novembre, Perugia.
        let near = g
            .nearest(LatLon {
                lat: 43.1122,
                lon: 12.3888,
            })
            .unwrap();
        assert_eq!(near.name, "Perugia");
        // The Colosseum.
        assert_eq!(
            g.nearest(LatLon {
                lat: 41.8902,
                lon: 12.4922
            })
            .unwrap()
            .name,
            "Roma"
        );
    }

    #[test]
    fn misspelt_names_get_suggestions() {
        let names: Vec<String> = Gazetteer::get()
            .suggestions("Spoletto", 3)
            .iter()
            .map(|c| c.name.clone())
            .collect();
        assert_eq!(names[0], "Spoleto");
    }
}
