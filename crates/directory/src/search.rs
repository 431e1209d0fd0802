//! Search: one query type for the app and the CLI, answered from the local store.
//!
//! Candidates come from two indexes: FTS5 for words (every word a prefix, in any language the
//! feed or the taxonomy has) and the R*Tree for places. With a place, hits are ordered nearest
//! first by haversine distance, and the text rank orders hits within the same 250 m; without a
//! place, by text rank. Without text, the nearest services are found by walking outwards from the
//! place in growing boxes, so a query near Perugia never reads the services of Sicily.

use crate::fold::words;
use crate::gazetteer::Gazetteer;
use crate::hours::{self, Status};
use crate::taxonomy::CATEGORIES;
use crate::{Error, Result, Store};
use bussola_model::{
    FeedId, Hit, LatLon, Meters, OpenFilter, OpenState, Place, SearchQuery, ServiceId,
};
use chrono::{DateTime, Utc};
use geo::{Distance, Haversine, Point};
use rusqlite::types::Value;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::OnceLock;

/// Hits closer than this to each other count as equally near, and their text rank decides.
const NEAR_TIE_M: f64 = 250.0;
/// The first box of the outward walk, and the largest (beyond it, all of Italy is inside).
const FIRST_RADIUS_M: f64 = 5_000.0;
const LAST_RADIUS_M: f64 = 1_600_000.0;
/// Above this many text or filter candidates, the outward walk beats fetching them all.
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
    score: f64,
    distance: Option<f64>,
    spot: Option<Spot>,
    status: Status,
}

/// The services that match the words, with their text score (higher is better); `None` when
/// the query has no words.
type TextMatches = Option<HashMap<i64, f64>>;

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
        let at = match &query.open {
            OpenFilter::Any | OpenFilter::Now => now,
            OpenFilter::At(text) => DateTime::parse_from_rfc3339(text)
                .map_err(|e| Error::BadQuery(format!("\"{text}\" is not an RFC 3339 time: {e}")))?
                .with_timezone(&Utc),
        };
        let only_open = query.open != OpenFilter::Any;

        let text = self.text_matches(query.text.as_deref().unwrap_or(""))?;
        let filter = self.filter_set(query)?;
        // The services allowed by words and filters together; `None` means all.
        let allowed: Option<HashSet<i64>> = match (&text, filter) {
            (None, None) => None,
            (Some(t), None) => Some(t.keys().copied().collect()),
            (None, Some(f)) => Some(f),
            (Some(t), Some(f)) => Some(f.into_iter().filter(|s| t.contains_key(s)).collect()),
        };
        let score = |service: i64| {
            text.as_ref()
                .and_then(|t| t.get(&service))
                .copied()
                .unwrap_or(0.0)
        };

        let mut hits = match centre {
            Some(centre) => {
                let radius_m = query.radius_km.map(|km| km * 1000.0);
                let spots = match &allowed {
                    Some(a) if a.len() < FETCH_ALL_BELOW => self.spots_of(a)?,
                    _ => {
                        self.spots_near(centre, allowed.as_ref(), radius_m, limit, only_open, at)?
                    }
                };
                let mut candidates = nearest_per_service(centre, spots, radius_m);
                for c in &mut candidates {
                    c.score = score(c.service);
                    c.status =
                        hours::status_of(c.spot.as_ref().and_then(|s| s.hours.as_deref()), at);
                }
                // Services without a location (helplines) answer from anywhere: they follow
                // the located ones, unless the search keeps to a radius.
                if radius_m.is_none() {
                    for service in self.unlocated_services()? {
                        if allowed.as_ref().is_none_or(|a| a.contains(&service)) {
                            let status =
                                hours::status_of(self.service_hours(service)?.as_deref(), at);
                            let score = score(service);
                            let distance = None;
                            candidates.push(Candidate {
                                service,
                                score,
                                distance,
                                spot: None,
                                status,
                            });
                        }
                    }
                }
                candidates.retain(|c| !only_open || c.status.state == OpenState::Open);
                candidates.sort_by(|a, b| {
                    let bucket =
                        |c: &Candidate| c.distance.map_or(u64::MAX, |d| (d / NEAR_TIE_M) as u64);
                    bucket(a)
                        .cmp(&bucket(b))
                        .then(b.score.total_cmp(&a.score))
                        .then(
                            a.distance
                                .unwrap_or(f64::MAX)
                                .total_cmp(&b.distance.unwrap_or(f64::MAX)),
                        )
                        .then(a.service.cmp(&b.service))
                });
                candidates.truncate(limit);
                candidates
            }
            None => self.ranked_without_place(allowed, &score, limit, only_open, at)?,
        };
        hits.truncate(limit);
        hits.into_iter()
            .map(|c| self.hit(c, &query.display_lang))
            .collect()
    }

    /// Services matching every word, each word either in the service's own text or in the name
    /// of one of its categories (in any locale).
    fn text_matches(&self, text: &str) -> Result<TextMatches> {
        let mut tokens = words(text);
        tokens.truncate(MAX_WORDS);
        if tokens.is_empty() {
            return Ok(None);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, bm25(service_text, 4.0, 1.0) FROM service_text WHERE service_text MATCH ?1",
        )?;
        let mut by_category = self
            .conn
            .prepare_cached("SELECT service FROM service_category WHERE category = ?1")?;
        let mut result: Option<HashMap<i64, f64>> = None;
        for token in &tokens {
            // Tokens hold letters and digits only (see `words`), so quoting them is safe.
            let mut matches: HashMap<i64, f64> = stmt
                .query_map([format!("\"{token}\"*")], |r| {
                    Ok((r.get(0)?, -r.get::<_, f64>(1)?))
                })?
                .collect::<Result<_, _>>()?;
            for code in categories_matching(token) {
                for service in by_category.query_map([code], |r| r.get::<_, i64>(0))? {
                    *matches.entry(service?).or_insert(0.0) += 1.0;
                }
            }
            result = Some(match result {
                None => matches,
                Some(previous) => previous
                    .into_iter()
                    .filter_map(|(s, score)| matches.get(&s).map(|m| (s, score + m)))
                    .collect(),
            });
        }
        Ok(result)
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
            set = Some(match set {
                None => any,
                Some(previous) => previous.intersection(&any).copied().collect(),
            });
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

    /// Locations near `centre`, walking outwards until `limit` services (that pass `allowed`,
    /// and are open when asked) lie within the box's inscribed circle, or `radius_m` is reached.
    fn spots_near(
        &self,
        centre: LatLon,
        allowed: Option<&HashSet<i64>>,
        radius_m: Option<f64>,
        limit: usize,
        only_open: bool,
        at: DateTime<Utc>,
    ) -> Result<Vec<Spot>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.service, l.lat, l.lon, l.approximate, l.city, l.hours
             FROM location_box b JOIN location l ON l.id = b.id
             WHERE b.min_lat >= ?1 AND b.max_lat <= ?2 AND b.min_lon >= ?3 AND b.max_lon <= ?4",
        )?;
        let mut r = radius_m.map_or(FIRST_RADIUS_M, |m| m.min(LAST_RADIUS_M));
        loop {
            let (dlat, dlon) = box_half_size(centre, r);
            let spots: Vec<Spot> = stmt
                .query_map(
                    [
                        centre.lat - dlat,
                        centre.lat + dlat,
                        centre.lon - dlon,
                        centre.lon + dlon,
                    ],
                    spot_from_row,
                )?
                .filter(|s| {
                    s.as_ref()
                        .map_or(true, |s| allowed.is_none_or(|a| a.contains(&s.service)))
                })
                .collect::<Result<_, _>>()?;
            if radius_m.is_some() || r >= LAST_RADIUS_M {
                return Ok(spots);
            }
            let within: HashSet<i64> = spots
                .iter()
                .filter(|s| distance_m(centre, s.lat, s.lon) <= r)
                .filter(|s| {
                    !only_open || hours::status_of(s.hours.as_deref(), at).state == OpenState::Open
                })
                .map(|s| s.service)
                .collect();
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

    fn service_hours(&self, service: i64) -> Result<Option<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT hours FROM service WHERE id = ?1")?;
        Ok(stmt.query_row([service], |r| r.get(0))?)
    }

    /// Without a place: by text score, then by name; the first `limit` that pass the filters.
    fn ranked_without_place(
        &self,
        allowed: Option<HashSet<i64>>,
        score: &dyn Fn(i64) -> f64,
        limit: usize,
        only_open: bool,
        at: DateTime<Utc>,
    ) -> Result<Vec<Candidate>> {
        let mut by_name = self
            .conn
            .prepare_cached("SELECT id, name FROM service ORDER BY name, id")?;
        let ordered: Vec<i64> = match allowed {
            None => by_name
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?,
            Some(allowed) => {
                let mut names: HashMap<i64, String> = HashMap::new();
                let mut stmt = self
                    .conn
                    .prepare_cached("SELECT name FROM service WHERE id = ?1")?;
                for s in &allowed {
                    names.insert(*s, stmt.query_row([s], |r| r.get(0))?);
                }
                let mut ids: Vec<i64> = allowed.into_iter().collect();
                ids.sort_by(|a, b| {
                    score(*b)
                        .total_cmp(&score(*a))
                        .then_with(|| names[a].cmp(&names[b]))
                });
                ids
            }
        };
        let mut first_spot = self.conn.prepare_cached(
            "SELECT service, lat, lon, approximate, city, hours FROM location WHERE service = ?1
             ORDER BY id LIMIT 1",
        )?;
        let mut out = Vec::with_capacity(limit);
        for service in ordered {
            let spot = first_spot.query_row([service], spot_from_row).ok();
            let hours_text = match &spot {
                Some(s) => s.hours.clone(),
                None => self.service_hours(service)?,
            };
            let status = hours::status_of(hours_text.as_deref(), at);
            if only_open && status.state != OpenState::Open {
                continue;
            }
            out.push(Candidate {
                service,
                score: score(service),
                distance: None,
                spot,
                status,
            });
            if out.len() == limit {
                break;
            }
        }
        Ok(out)
    }

    /// Reads what a hit shows of a service.
    fn hit(&self, c: Candidate, lang: &str) -> Result<Hit> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.feed, s.service_id, s.name, s.organization,
                    (SELECT n.name FROM service_name n WHERE n.service = s.id AND n.lang = ?2),
                    (SELECT group_concat(category, ' ') FROM
                        (SELECT category FROM service_category WHERE service = s.id ORDER BY category))
             FROM service s WHERE s.id = ?1",
        )?;
        let (feed, id, italian, organization, translated, categories): (
            String,
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
        ) = stmt.query_row(rusqlite::params![c.service, lang], |r| {
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
        let open = match c.status.state {
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
            open_state: c.status.state,
            next_change: c.status.next_change.map(|t| t.to_rfc3339()),
            approximate: c.spot.as_ref().is_some_and(|s| s.approximate),
            location: c.spot.as_ref().map(|s| LatLon {
                lat: s.lat,
                lon: s.lon,
            }),
        })
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
            score: 0.0,
            distance: Some(d),
            spot: Some(spot),
            status: Status::UNKNOWN,
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
