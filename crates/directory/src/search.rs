//! Search: one query type for the app and the CLI, answered from the local store.
//!
//! Words go to FTS5 as one MATCH: each word is a prefix, OR-ed with the tag of every category
//! whose name in any locale starts with it, so "permit" and "إقامة" reach the Questura even
//! when the feed is only in Italian. Places go to the R*Tree.
//!
//! With a place, hits are ordered nearest first by haversine distance; within the same 250 m the
//! hit whose name holds more of the words comes first. The nearest services are found by walking
//! outwards from the place in growing boxes, so a search near Perugia never reads the services of
//! Sicily. Without a place, FTS5's bm25 orders the hits (names weigh more than descriptions).
//! Opening hours are evaluated lazily, in order, only until the page of hits is full.

use crate::fold::{fold, words};
use crate::gazetteer::Gazetteer;
use crate::hours::{Hours, Status};
use crate::taxonomy::CATEGORIES;
use crate::{Error, Result, Store};
use bussola_model::{
    FeedId, Hit, LatLon, Meters, OpenFilter, OpenState, Place, SearchQuery, ServiceId,
};
use chrono::{DateTime, Utc};
use geo::{Distance, Haversine, Point};
use rusqlite::OptionalExtension;
use rusqlite::types::Value;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::OnceLock;

/// Hits closer than this to each other count as equally near, and the words decide.
const NEAR_TIE_M: f64 = 250.0;
/// The first box of the outward walk, and the largest (beyond it, all of Italy is inside).
const FIRST_RADIUS_M: f64 = 5_000.0;
const LAST_RADIUS_M: f64 = 1_600_000.0;
/// Below this many candidates from words or filters, reading all their locations beats the walk.
const FETCH_ALL_BELOW: usize = 2_000;
/// Words beyond this many add nothing a person means and only cost time.
const MAX_WORDS: usize = 8;
pub const MAX_LIMIT: u32 = 500;

/// One location of a candidate service, as read from the store.
#[derive(Debug, Clone)]
struct Spot {
    service: i64,
    lat: f64,
    lon: f64,
    approximate: bool,
    city: Option<String>,
    hours: Option<String>,
}

/// A service on its way to becoming a hit.
#[derive(Debug)]
struct Candidate {
    service: i64,
    distance: Option<f64>,
    spot: Option<Spot>,
}

/// The instant a search evaluates hours at, and whether only open services are wanted.
#[derive(Debug, Clone, Copy)]
struct When {
    at: DateTime<Utc>,
    only_open: bool,
}

impl Store {
    /// Runs `query`, evaluating opening hours at `now` (or at the query's own instant).
    pub fn search(&self, query: &SearchQuery, now: DateTime<Utc>) -> Result<Vec<Hit>> {
        let limit = query.limit.clamp(1, MAX_LIMIT) as usize;
        let centre = match &query.place {
            None => None,
            Some(Place::Point(p)) => Some(check_point(*p)?),
            Some(Place::Comune(name)) => Some(resolve_comune(name)?),
        };
        if let Some(r) = query.radius_km
            && !(r.is_finite() && r > 0.0)
        {
            return Err(Error::BadQuery(format!(
                "the radius must be a positive number, not {r}"
            )));
        }
        let when = When {
            at: match &query.open {
                OpenFilter::Any | OpenFilter::Now => now,
                OpenFilter::At(text) => DateTime::parse_from_rfc3339(text)
                    .map_err(|e| {
                        Error::BadQuery(format!("\"{text}\" is not an RFC 3339 time: {e}"))
                    })?
                    .with_timezone(&Utc),
            },
            only_open: query.open != OpenFilter::Any,
        };
        let tokens = query_tokens(query.text.as_deref().unwrap_or(""));
        let fts = fts_query(&tokens);
        let filter = self.filter_set(query)?;

        let page = match centre {
            Some(centre) => {
                let text = match &fts {
                    Some(q) => Some(self.fts_rowids(q)?),
                    None => None,
                };
                let allowed = intersect(text, filter);
                self.nearest(
                    centre,
                    allowed.as_ref(),
                    query.radius_km,
                    limit,
                    &tokens,
                    when,
                )?
            }
            None => self.ranked(fts.as_deref(), filter.as_ref(), limit, when)?,
        };
        page.into_iter()
            .map(|(c, status)| self.hit(c, status, &query.display_lang))
            .collect()
    }

    /// Nearest first: candidates from the allowed set or the outward walk, sorted by distance
    /// with near ties broken by the words in the name, then opened lazily.
    fn nearest(
        &self,
        centre: LatLon,
        allowed: Option<&HashSet<i64>>,
        radius_km: Option<f64>,
        limit: usize,
        tokens: &[String],
        when: When,
    ) -> Result<Vec<(Candidate, Status)>> {
        let radius_m = radius_km.map(|km| km * 1000.0);
        let spots = match allowed {
            Some(a) if a.len() < FETCH_ALL_BELOW => self.spots_of(a)?,
            _ => self.spots_near(centre, allowed, radius_m, limit, when)?,
        };
        let mut candidates = nearest_per_service(centre, spots, radius_m);
        // Ties need the names only of what may reach the page.
        candidates.sort_by(|a, b| {
            a.distance
                .unwrap_or(0.0)
                .total_cmp(&b.distance.unwrap_or(0.0))
        });
        let names = self.folded_names(candidates.iter().take(limit * 4).map(|c| c.service))?;
        let words_in_name = |c: &Candidate| -> usize {
            names.get(&c.service).map_or(0, |name| {
                tokens
                    .iter()
                    .filter(|t| name.split(' ').any(|w| w.starts_with(t.as_str())))
                    .count()
            })
        };
        candidates.sort_by(|a, b| {
            let bucket = |c: &Candidate| (c.distance.unwrap_or(0.0) / NEAR_TIE_M) as u64;
            bucket(a)
                .cmp(&bucket(b))
                .then(words_in_name(b).cmp(&words_in_name(a)))
                .then(
                    a.distance
                        .unwrap_or(0.0)
                        .total_cmp(&b.distance.unwrap_or(0.0)),
                )
                .then(a.service.cmp(&b.service))
        });
        // Services without a location (helplines) answer from anywhere: they follow the
        // located ones, unless the search keeps to a radius.
        if radius_m.is_none() {
            for service in self.unlocated_services()? {
                if allowed.is_none_or(|a| a.contains(&service)) {
                    candidates.push(Candidate {
                        service,
                        distance: None,
                        spot: None,
                    });
                }
            }
        }
        self.open_page(candidates.into_iter().map(Ok), limit, when)
    }

    /// Without a place: by bm25 when there are words, else by name; filters and hours applied
    /// in that order until the page is full.
    fn ranked(
        &self,
        fts: Option<&str>,
        filter: Option<&HashSet<i64>>,
        limit: usize,
        when: When,
    ) -> Result<Vec<(Candidate, Status)>> {
        let mut stmt = match fts {
            Some(_) => self.conn.prepare_cached(
                "SELECT rowid FROM service_text WHERE service_text MATCH ?1
                 ORDER BY bm25(service_text, 4.0, 1.0, 0.5)",
            )?,
            None => self
                .conn
                .prepare_cached("SELECT id FROM service ORDER BY name, id")?,
        };
        let mut rows = match fts {
            Some(q) => stmt.query([q])?,
            None => stmt.query([])?,
        };
        let mut first_spot = self.conn.prepare_cached(
            "SELECT service, lat, lon, approximate, city, hours FROM location WHERE service = ?1
             ORDER BY id LIMIT 1",
        )?;
        let candidates = std::iter::from_fn(|| {
            next_allowed(&mut rows, filter).transpose().map(|service| {
                let service = service?;
                let spot = first_spot.query_row([service], spot_from_row).optional()?;
                Ok(Candidate {
                    service,
                    distance: None,
                    spot,
                })
            })
        });
        self.open_page(candidates, limit, when)
    }

    /// Evaluates hours in order, keeping the open ones when asked, until `limit` are kept.
    fn open_page(
        &self,
        candidates: impl IntoIterator<Item = Result<Candidate>>,
        limit: usize,
        when: When,
    ) -> Result<Vec<(Candidate, Status)>> {
        let mut page = Vec::with_capacity(limit);
        for candidate in candidates {
            let candidate = candidate?;
            let status = self.status_of(&candidate, when.at)?;
            if when.only_open && status.state != OpenState::Open {
                continue;
            }
            page.push((candidate, status));
            if page.len() == limit {
                break;
            }
        }
        Ok(page)
    }

    /// The open state of a candidate's location, or of the service when it has none.
    fn status_of(&self, c: &Candidate, at: DateTime<Utc>) -> Result<Status> {
        let text = match &c.spot {
            Some(spot) => spot.hours.clone(),
            None => {
                let mut stmt = self
                    .conn
                    .prepare_cached("SELECT hours FROM service WHERE id = ?1")?;
                stmt.query_row([c.service], |r| r.get(0))?
            }
        };
        Ok(text.map_or(Status::UNKNOWN, |t| {
            self.hours(&t).map_or(Status::UNKNOWN, |h| h.status(at))
        }))
    }

    /// Parsed hours, cached by their text: feeds repeat a few timetables many times over.
    fn hours(&self, text: &str) -> Option<Hours> {
        let mut cache = self.hours_cache.borrow_mut();
        if let Some(parsed) = cache.get(text) {
            return parsed.clone();
        }
        let parsed = Hours::parse(text);
        // Bounded: a hostile feed of unique timetables must not grow memory without end.
        if cache.len() > 10_000 {
            cache.clear();
        }
        cache.insert(text.to_owned(), parsed.clone());
        parsed
    }

    /// Rowids of the services matching an FTS query.
    fn fts_rowids(&self, fts: &str) -> Result<HashSet<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT rowid FROM service_text WHERE service_text MATCH ?1")?;
        let ids = stmt
            .query_map([fts], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Services allowed by the category and language filters; `None` when there are none.
    fn filter_set(&self, query: &SearchQuery) -> Result<Option<HashSet<i64>>> {
        let mut set: Option<HashSet<i64>> = None;
        let filters = [
            (
                "SELECT service FROM service_category WHERE category = ?1",
                &query.categories,
            ),
            (
                "SELECT service FROM service_language WHERE lang = ?1",
                &query.languages,
            ),
        ];
        for (sql, codes) in filters {
            if codes.is_empty() {
                continue;
            }
            let mut stmt = self.conn.prepare_cached(sql)?;
            let mut any = HashSet::new();
            for code in codes {
                for service in stmt.query_map([code], |r| r.get::<_, i64>(0))? {
                    any.insert(service?);
                }
            }
            set = intersect(set, Some(any));
        }
        Ok(set)
    }

    /// Every location of the given services.
    fn spots_of(&self, services: &HashSet<i64>) -> Result<Vec<Spot>> {
        let ids: Rc<Vec<Value>> = Rc::new(services.iter().map(|s| Value::Integer(*s)).collect());
        let mut stmt = self.conn.prepare_cached(
            "SELECT service, lat, lon, approximate, city, hours FROM location
             WHERE service IN rarray(?1)",
        )?;
        let spots = stmt
            .query_map([ids], spot_from_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(spots)
    }

    /// Locations near `centre`, walking outwards until `limit` services (allowed, and open
    /// when asked) lie within the box's inscribed circle, or `radius_m` is reached.
    fn spots_near(
        &self,
        centre: LatLon,
        allowed: Option<&HashSet<i64>>,
        radius_m: Option<f64>,
        limit: usize,
        when: When,
    ) -> Result<Vec<Spot>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.service, l.lat, l.lon, l.approximate, l.city, l.hours
             FROM location_box b JOIN location l ON l.id = b.id
             WHERE b.min_lat >= ?1 AND b.max_lat <= ?2 AND b.min_lon >= ?3 AND b.max_lon <= ?4",
        )?;
        let mut r = radius_m.map_or(FIRST_RADIUS_M, |m| m.min(LAST_RADIUS_M));
        loop {
            let (dlat, dlon) = box_half_size(centre, r);
            let bounds = [
                centre.lat - dlat,
                centre.lat + dlat,
                centre.lon - dlon,
                centre.lon + dlon,
            ];
            let mut spots = Vec::new();
            for spot in stmt.query_map(bounds, spot_from_row)? {
                let spot = spot?;
                if allowed.is_none_or(|a| a.contains(&spot.service)) {
                    spots.push(spot);
                }
            }
            if radius_m.is_some() || r >= LAST_RADIUS_M {
                return Ok(spots);
            }
            let mut within = HashSet::new();
            for s in spots
                .iter()
                .filter(|s| distance_m(centre, s.lat, s.lon) <= r)
            {
                let open = || {
                    let hours = s.hours.as_deref().and_then(|t| self.hours(t));
                    hours.is_some_and(|h| h.status(when.at).state == OpenState::Open)
                };
                if !when.only_open || open() {
                    within.insert(s.service);
                }
            }
            if within.len() >= limit {
                return Ok(spots);
            }
            r *= 2.0;
        }
    }

    fn unlocated_services(&self) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM service WHERE located = 0")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Folded Italian and translated names of the given services, joined per service.
    fn folded_names(&self, services: impl Iterator<Item = i64>) -> Result<HashMap<i64, String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.name, (SELECT group_concat(n.name, ' ') FROM service_name n
                             WHERE n.service = s.id)
             FROM service s WHERE s.id = ?1",
        )?;
        let mut names = HashMap::new();
        for service in services {
            let (name, others): (String, Option<String>) =
                stmt.query_row([service], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let all = match others {
                Some(o) => format!("{name} {o}"),
                None => name,
            };
            names.insert(service, words(&all).join(" "));
        }
        Ok(names)
    }

    /// Reads what a hit shows of a service.
    fn hit(&self, c: Candidate, status: Status, lang: &str) -> Result<Hit> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.feed, s.service_id, s.name, s.organization,
                    (SELECT n.name FROM service_name n WHERE n.service = s.id AND n.lang = ?2),
                    (SELECT group_concat(category, ' ') FROM
                        (SELECT category FROM service_category WHERE service = s.id
                         ORDER BY category))
             FROM service s WHERE s.id = ?1",
        )?;
        type Row = (
            String,
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let (feed, id, italian, organization, translated, categories): Row =
            stmt.query_row(rusqlite::params![c.service, lang], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?;
        let (name, name_lang, name_is_fallback) = match translated {
            Some(t) if lang != "it" => (t, lang.to_owned(), false),
            _ => (italian, "it".to_owned(), lang != "it"),
        };
        let open = match status.state {
            OpenState::Open => Some(true),
            OpenState::Closed => Some(false),
            OpenState::Unknown => None,
        };
        Ok(Hit {
            id: ServiceId(id),
            feed: FeedId(feed),
            name,
            name_lang,
            name_is_fallback,
            categories: categories
                .map(|c| c.split(' ').map(str::to_owned).collect())
                .unwrap_or_default(),
            organization,
            city: c.spot.as_ref().and_then(|s| s.city.clone()),
            distance_m: c.distance.map(Meters),
            open,
            open_state: status.state,
            next_change: status.next_change.map(|t| t.to_rfc3339()),
            approximate: c.spot.as_ref().is_some_and(|s| s.approximate),
            location: c.spot.as_ref().map(|s| LatLon {
                lat: s.lat,
                lon: s.lon,
            }),
        })
    }
}

/// The next service id from `rows` that `filter` allows.
fn next_allowed(
    rows: &mut rusqlite::Rows<'_>,
    filter: Option<&HashSet<i64>>,
) -> Result<Option<i64>> {
    while let Some(row) = rows.next()? {
        let service: i64 = row.get(0)?;
        if filter.is_none_or(|f| f.contains(&service)) {
            return Ok(Some(service));
        }
    }
    Ok(None)
}

fn intersect(a: Option<HashSet<i64>>, b: Option<HashSet<i64>>) -> Option<HashSet<i64>> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(a), Some(b)) => {
            let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
            Some(small.into_iter().filter(|s| large.contains(s)).collect())
        }
    }
}

fn spot_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Spot> {
    Ok(Spot {
        service: r.get(0)?,
        lat: r.get(1)?,
        lon: r.get(2)?,
        approximate: r.get(3)?,
        city: r.get(4)?,
        hours: r.get(5)?,
    })
}

/// Keeps each service's nearest location (within `radius_m` when given).
fn nearest_per_service(centre: LatLon, spots: Vec<Spot>, radius_m: Option<f64>) -> Vec<Candidate> {
    let mut best: HashMap<i64, (f64, Spot)> = HashMap::new();
    for spot in spots {
        let d = distance_m(centre, spot.lat, spot.lon);
        if radius_m.is_some_and(|r| d > r) {
            continue;
        }
        match best.get(&spot.service) {
            Some((known, _)) if *known <= d => {}
            _ => {
                best.insert(spot.service, (d, spot));
            }
        }
    }
    best.into_iter()
        .map(|(service, (d, spot))| Candidate {
            service,
            distance: Some(d),
            spot: Some(spot),
        })
        .collect()
}

/// Great-circle distance in metres. Haversine on a sphere errs by under 0.5% against the
/// ellipsoid: far below what "the nearest office" needs, and cheaper than geodesic.
pub fn distance_m(a: LatLon, lat: f64, lon: f64) -> f64 {
    Haversine.distance(Point::new(a.lon, a.lat), Point::new(lon, lat))
}

/// Half-sizes in degrees of a box that contains the circle of `r` metres around `centre`.
fn box_half_size(centre: LatLon, r: f64) -> (f64, f64) {
    const METRES_PER_DEGREE: f64 = 111_195.0;
    let dlat = r / METRES_PER_DEGREE;
    // Use the latitude of the box's edge nearest the pole: a degree of longitude is shortest
    // there, so the box is wide enough everywhere.
    let edge = (centre.lat.abs() + dlat).min(89.0).to_radians();
    (dlat, (r / (METRES_PER_DEGREE * edge.cos())).min(180.0))
}

fn check_point(p: LatLon) -> Result<LatLon> {
    if (-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon) {
        Ok(p)
    } else {
        Err(Error::BadQuery(format!(
            "{},{} is not a point on Earth",
            p.lat, p.lon
        )))
    }
}

fn resolve_comune(name: &str) -> Result<LatLon> {
    let gazetteer = Gazetteer::get();
    if let Some(c) = gazetteer.by_name(name) {
        return Ok(c.position);
    }
    // A unique prefix is as good as the name ("citta di cast").
    let prefixed = gazetteer.by_prefix(name, 2);
    if prefixed.len() == 1 {
        return Ok(prefixed[0].position);
    }
    Err(Error::UnknownComune {
        name: name.to_owned(),
        suggestions: gazetteer
            .suggestions(name, 3)
            .iter()
            .map(|c| c.name.clone())
            .collect(),
    })
}

/// The folded words of the query, at most [`MAX_WORDS`].
fn query_tokens(text: &str) -> Vec<String> {
    let mut tokens = words(text);
    tokens.truncate(MAX_WORDS);
    tokens
}

/// The FTS5 MATCH expression for the words: every word as a prefix, or a category it names.
/// Tokens hold letters and digits only (see [`words`]), so quoting them is safe.
fn fts_query(tokens: &[String]) -> Option<String> {
    if tokens.is_empty() {
        return None;
    }
    let terms: Vec<String> = tokens
        .iter()
        .map(|token| {
            let mut alternatives = vec![format!("\"{token}\"*")];
            alternatives.extend(categories_matching(token).into_iter().map(category_tag));
            format!("({})", alternatives.join(" OR "))
        })
        .collect();
    Some(terms.join(" AND "))
}

/// The token that stands for a category in the full-text index: `access-point` becomes
/// `zzcataccesspoint` (letters only, so the tokenizer keeps it whole and no word collides).
pub fn category_tag(code: &str) -> String {
    let letters: String = fold(code)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!("zzcat{letters}")
}

/// The category codes one of whose words (in any locale) starts with `token`.
fn categories_matching(token: &str) -> Vec<&'static str> {
    static WORDS: OnceLock<Vec<(&'static str, Vec<String>)>> = OnceLock::new();
    let table = WORDS.get_or_init(|| {
        CATEGORIES
            .iter()
            .map(|c| (c.code, c.words.iter().flat_map(|w| words(w)).collect()))
            .collect()
    });
    table
        .iter()
        .filter(|(_, ws)| ws.iter().any(|w| w.starts_with(token)))
        .map(|(code, _)| *code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_is_a_prefix_or_the_categories_it_names() {
        let tokens = query_tokens("Permesso, Terni!");
        assert_eq!(
            fts_query(&tokens).unwrap(),
            "(\"permesso\"* OR zzcatpermits) AND (\"terni\"*)"
        );
        assert_eq!(fts_query(&query_tokens(" -- ")), None);
        assert_eq!(category_tag("food-shelter"), "zzcatfoodshelter");
    }
}
