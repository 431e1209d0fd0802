//! Synthetic feeds: a seeded generator of services spread over all of Italy, for benchmarks and
//! load tests. Everything here is invented and says so (`"synthetic": true` on every record,
//! ids starting `syn-`, example.invalid links); it never mixes with the real data in data/.
//!
//! The shape is realistic where it matters to the engine's speed: names built from the words
//! real directories use (so a word like "sportello" is in about 10% of services, the worst case
//! a text search meets), several categories, hours in OSM syntax (some unreadable), translations
//! on a third of the services, one to three locations, some only as precise as the comune.

use directory::gazetteer::Gazetteer;
use serde_json::{Value, json};

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same feed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A value in `-1.0..1.0`.
    fn signed_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }
}

/// Kinds of service: a name pattern, its categories, and the English and Arabic names.
const KINDS: &[(&str, &[&str], &str, &str)] = &[
    (
        "Sportello Immigrazione",
        &["access-point", "permits"],
        "Immigration desk",
        "مكتب الهجرة",
    ),
    (
        "Ufficio Immigrazione della Questura",
        &["permits"],
        "Police immigration office",
        "مكتب الهجرة في الشرطة",
    ),
    (
        "Centro per l'impiego",
        &["work"],
        "Job centre",
        "مركز التوظيف",
    ),
    (
        "CPIA - corsi di italiano",
        &["language", "education"],
        "Italian courses for adults",
        "دورات اللغة الإيطالية",
    ),
    (
        "Consultorio familiare",
        &["family", "health"],
        "Family health centre",
        "مركز صحة الأسرة",
    ),
    (
        "Ambulatorio per stranieri",
        &["health"],
        "Clinic for foreign citizens",
        "عيادة للأجانب",
    ),
    (
        "Servizio di mediazione culturale",
        &["mediation"],
        "Cultural mediation",
        "الوساطة الثقافية",
    ),
    (
        "Consulenza legale e asilo",
        &["legal"],
        "Legal advice and asylum",
        "استشارة قانونية ولجوء",
    ),
    (
        "Mensa sociale",
        &["food-shelter"],
        "Soup kitchen",
        "مطعم خيري",
    ),
    (
        "Accoglienza notturna",
        &["food-shelter", "housing"],
        "Night shelter",
        "مأوى ليلي",
    ),
    (
        "Punto unico di accesso",
        &["access-point"],
        "Single access point",
        "نقطة الوصول الموحدة",
    ),
    (
        "Associazione interculturale",
        &["community"],
        "Intercultural association",
        "جمعية متعددة الثقافات",
    ),
    (
        "Ufficio scuola e università",
        &["education"],
        "Schools and university office",
        "مكتب المدارس والجامعات",
    ),
    (
        "Agenzia per la casa",
        &["housing"],
        "Housing agency",
        "وكالة السكن",
    ),
];

/// Kinds whose name carries "Sportello": about 10% of services, the common-word worst case.
const SPORTELLO_SHARE: f64 = 0.10;

const HOURS: &[&str] = &[
    "Mo-Fr 09:00-13:00",
    "Mo-Fr 08:30-12:30; Tu,Th 08:30-12:30,14:30-17:00; PH off",
    "Mo,We,Fr 09:00-12:00",
    "Tu,Th 15:00-18:00",
    "Mo-Sa 12:00-14:00",
    "Mo-Su 19:00-08:00",
    "24/7",
    "Mo-Fr 09:00-17:00; PH off",
    "We 10:00-12:00; Sa 09:00-13:00",
    "su appuntamento",
];

const LANGUAGES: &[&str] = &[
    "it", "en", "fr", "ar", "uk", "ro", "sq", "es", "zh", "bn", "ur",
];

/// `n` services as feed SERVICE records, from `seed`.
pub fn services(seed: u64, n: usize) -> Vec<Value> {
    let comuni = Gazetteer::get().comuni();
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let comune = rng.pick(comuni);
            let (kind, categories, en, ar) = if rng.chance(SPORTELLO_SHARE) {
                KINDS[0]
            } else {
                KINDS[1 + rng.below(KINDS.len() - 1)]
            };
            let name = format!("{kind} {} #{i}", comune.name);
            let mut languages = vec![json!({"code": "it"})];
            for _ in 0..rng.below(3) {
                languages.push(json!({"code": rng.pick(LANGUAGES)}));
            }
            let mut service = json!({
                "id": format!("syn-{i}"),
                "name": name,
                "status": "active",
                "synthetic": true,
                "description": format!(
                    "Servizio di prova generato per i test di carico, zona di {} ({}).",
                    comune.name, comune.province
                ),
                "categories": categories,
                "organization": {"id": format!("syn-org-{}", i / 7), "name": format!("Ente di prova {}", i / 7)},
                "phones": [{"number": format!("+39 0{} {:06}", 10 + rng.below(89), rng.below(1_000_000)), "type": "voice"}],
                "url": format!("https://example.invalid/syn-{i}"),
                "languages": languages,
                "assured_date": "2026-01-15",
                "service_at_locations": locations(&mut rng, comune, i),
            });
            if rng.chance(0.33) {
                service["translations"] = json!({
                    "en": {"name": format!("{en} {}", comune.name)},
                    "ar": {"name": format!("{ar} {}", comune.name)},
                });
            }
            service
        })
        .collect()
}

fn locations(rng: &mut Rng, comune: &directory::gazetteer::Comune, i: usize) -> Vec<Value> {
    let count = 1 + usize::from(rng.chance(0.2)) + usize::from(rng.chance(0.05));
    (0..count)
        .map(|k| {
            let precise = rng.chance(0.7);
            // Within about 3 km of the comune's point; comune-level ones sit on it.
            let (lat, lon) = if precise {
                (
                    comune.position.lat + rng.signed_unit() * 0.03,
                    comune.position.lon + rng.signed_unit() * 0.03,
                )
            } else {
                (comune.position.lat, comune.position.lon)
            };
            json!({
                "location": {
                    "id": format!("syn-{i}-{k}"),
                    "latitude": (lat * 1e5).round() / 1e5,
                    "longitude": (lon * 1e5).round() / 1e5,
                    "geo_precision": if precise { "building" } else { "comune" },
                    "addresses": [{
                        "address_1": format!("Via di prova {}", 1 + rng.below(200)),
                        "city": comune.name,
                        "state_province": comune.province,
                        "postal_code": comune.caps[0],
                        "country": "IT"
                    }]
                },
                "opening_hours": rng.pick(HOURS),
            })
        })
        .collect()
}

/// A whole snapshot file's JSON.
pub fn snapshot(feed: &str, version: u64, seed: u64, n: usize) -> Value {
    json!({"feed": feed, "version": version, "services": services(seed, n)})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_feed() {
        assert_eq!(services(7, 50), services(7, 50));
        assert_ne!(services(7, 50), services(8, 50));
    }

    #[test]
    fn about_a_tenth_of_services_are_sportelli() {
        let all = services(1, 10_000);
        let sportelli = all
            .iter()
            .filter(|s| s["name"].as_str().unwrap().starts_with("Sportello"))
            .count();
        assert!((800..1200).contains(&sportelli), "{sportelli}");
        assert!(all.iter().all(|s| s["synthetic"] == true));
    }
}
