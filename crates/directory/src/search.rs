//! Search: one query type for the app and the CLI, answered from the local store.
//!
//! Words go to FTS5 as prefixes; a word that names a category in any locale also reaches that
//! category's services, so "permit" and "إقامة" find the Questura even when the feed is only in
//! Italian. A word that matches nothing at all is read as the nearest word the directory holds
//! (`spelling`: "permeso" as "permesso"), and the answer says so. Places go to the R*Tree. Filters, locations and hours come from the in-memory
//! [`Catalogue`], so a candidate costs a bit test and a distance, not a query.
//!
//! With a place, hits are ordered nearest first by haversine distance; within the same 250 m the
//! hit whose name holds more of the words comes first. The nearest services are found by walking
//! outwards from the place in growing boxes, so a search near Perugia never reads the services of
//! Sicily. Without a place, FTS5's bm25 orders the hits (names weigh more than descriptions).
//! Opening hours are evaluated lazily, in order, only until the page of hits is full.

use crate::catalogue::{Catalogue, ServiceKey, SpotKey};
use crate::fold::words;
use crate::gazetteer::Gazetteer;
use crate::hours::Status;
use crate::taxonomy::CATEGORIES;
use crate::{Error, Result, Store};
use bussola_model::{
    Correction, FeedId, Hit, LatLon, Meters, OpenFilter, OpenState, Place, SearchAnswer,
    SearchQuery, ServiceId, ServiceNotice,
};
use chrono::{DateTime, Utc};
use chrono_tz::Europe::Rome;
use fixedbitset::FixedBitSet;
use geo::{Distance, Haversine, Point};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

/// Hits closer than this to each other count as equally near, and the words decide.
const NEAR_TIE_M: f64 = 250.0;
/// The first box of the outward walk, and the largest (beyond it, all of Italy is inside).
const FIRST_RADIUS_M: f64 = 5_000.0;
const LAST_RADIUS_M: f64 = 1_600_000.0;
/// Below this many candidates from words or filters, measuring each one beats the walk.
const MEASURE_ALL_BELOW: usize = 2_000;
/// Words beyond this many add nothing a person means and only cost time.
const MAX_WORDS: usize = 8;
pub const MAX_LIMIT: u32 = 500;

/// A service on its way to becoming a hit: its nearest spot (or its first, without a place).
#[derive(Debug, Clone, Copy)]
struct Candidate {
    service: ServiceKey,
    distance: Option<f64>,
    spot: Option<SpotKey>,
}

/// The instant a search evaluates hours at, and whether only open services are wanted.
#[derive(Debug, Clone)]
struct When {
    at: DateTime<Utc>,
    /// The day of `at` in Rome, `YYYY-MM-DD`: whether a closure has ended.
    today: String,
    only_open: bool,
}

impl Store {
    /// Runs `query`, evaluating opening hours at `now` (or at the query's own instant).
    pub fn search(&self, query: &SearchQuery, now: DateTime<Utc>) -> Result<Vec<Hit>> {
        Ok(self.answer(query, now)?.hits)
    }

    /// [`Store::search`], with the typed words it read as others ("permeso" as "permesso").
    pub fn answer(&self, query: &SearchQuery, now: DateTime<Utc>) -> Result<SearchAnswer> {
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
        let when = When {
            at,
            today: at.with_timezone(&Rome).date_naive().to_string(),
            only_open: query.open != OpenFilter::Any,
        };
        let mut tokens = query_tokens(query.text.as_deref().unwrap_or(""));
        // One read snapshot for the whole search, catalogue included: a sync committing
        // meanwhile (the app syncs on another connection) is seen by the next search, whole.
        let _snapshot = self.conn.unchecked_transaction()?;
        let catalogue = self.catalogue()?;
        let Reading {
            corrections,
            left_out,
        } = self.read_words(&catalogue, &mut tokens)?;
        let mut filter = intersect(
            catalogue.in_categories(&query.categories),
            catalogue.speaking(&query.languages),
        );
        // Services no longer offered are never shown.
        filter = intersect(filter, catalogue.offered.clone());
        if query.favourites_only {
            filter = intersect(filter, Some(self.favourite_set(&catalogue)?));
        }
        let search = Search {
            store: self,
            catalogue: &catalogue,
            limit,
            when,
            statuses: RefCell::default(),
        };
        let mut words = Vec::new();
        let text = match tokens.is_empty() {
            true => None,
            false => Some(search.matching_keeping_words(&tokens, &mut words)?),
        };
        let mut allowed = intersect(text, filter.clone());
        // No service holds every word: those holding the most of them, rather than nothing.
        let mut partial = false;
        if tokens.len() > 1
            && allowed.as_ref().is_some_and(|a| a.is_clear())
            && let Some(most) = search.holding_most(&tokens, filter.as_ref(), words)?
        {
            allowed = Some(most);
            partial = true;
        }
        let page = match centre {
            Some(centre) => search.nearest(centre, allowed.as_ref(), query.radius_km, &tokens)?,
            None => search.ranked(&tokens, allowed)?,
        };
        let hits = page
            .into_iter()
            .map(|(c, status)| search.hit(c, status, &query.display_lang))
            .collect::<Result<_>>()?;
        let mut handled_by: Vec<String> = Vec::new();
        for need in crate::thesaurus::needs() {
            if need.asked_by(&tokens)
                && let Some(office) = need.handled_by_in(&query.display_lang)
                && !handled_by.iter().any(|o| o == office)
            {
                handled_by.push(office.to_owned());
            }
        }
        Ok(SearchAnswer {
            hits,
            corrections,
            handled_by,
            left_out,
            partial,
        })
    }

    /// Replaces each word that matches nothing the directory holds (no service's text, no
    /// category word begins with it) by the beginning of the nearest word that does, and says
    /// which were read so. Words that match something are left as typed: an exact match always
    /// comes before a corrected one. A word that matches nothing and is near nothing
    /// ("gratis", "marito") is left out of the search, and said so, when other words remain:
    /// every word must match, and one word nobody wrote would otherwise empty the answer.
    fn read_words(&self, catalogue: &Catalogue, tokens: &mut Vec<String>) -> Result<Reading> {
        let mut corrections = Vec::new();
        let mut unknown = Vec::new();
        // A category word, or a word of a thesaurus phrase the words spell out whole.
        let reached = categories_reached(tokens);
        for (index, token) in tokens.iter_mut().enumerate() {
            if too_short(token) || !reached[index].is_empty() || self.holds(token)? {
                continue;
            }
            let vocabulary = catalogue.vocabulary(&self.conn, || {
                // A word of a longer thesaurus phrase finds nothing alone: only whole one-word
                // phrases ("dottore", "документи") are worth correcting to.
                let needs = crate::thesaurus::needs().iter();
                let one_word = needs.flat_map(|n| n.phrases().filter(|p| p.len() == 1).flatten());
                let categories = vocabulary().iter().flat_map(|(_, ws)| ws.iter());
                categories.chain(one_word).cloned().collect()
            })?;
            match vocabulary.correct(token) {
                Some(reading) => corrections.push(Correction {
                    typed: std::mem::replace(token, reading.prefix),
                    meant: reading.word,
                }),
                None => unknown.push(index),
            }
        }
        let mut left_out = Vec::new();
        // Only while a word that can tell something remains: "di gratis" must not become a
        // search for every text holding "di".
        let remains = (0..tokens.len()).any(|i| !unknown.contains(&i) && !too_short(&tokens[i]));
        if remains {
            for index in unknown.into_iter().rev() {
                left_out.insert(0, tokens.remove(index));
            }
        }
        Ok(Reading {
            corrections,
            left_out,
        })
    }

    /// Whether some service's text holds a word beginning with `token`.
    fn holds(&self, token: &str) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM service_text WHERE service_text MATCH ?1)",
        )?;
        Ok(stmt.query_row([prefix_term(token)], |r| r.get(0))?)
    }

    /// The services marked as favourites that the data holds now (a favourite whose service a
    /// sync removed is kept, and comes back if the service does).
    fn favourite_set(&self, catalogue: &Catalogue) -> Result<FixedBitSet> {
        let mut set = catalogue.empty_set();
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id FROM favourite f JOIN service s
                 ON s.feed = f.feed AND s.service_id = f.service_id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key: i64 = row.get(0)?;
            if let Ok(key) = usize::try_from(key)
                && key < set.len()
            {
                set.insert(key);
            }
        }
        Ok(set)
    }
}

/// How the typed words were read before searching.
struct Reading {
    /// Words read as others.
    corrections: Vec<Correction>,
    /// Words that matched nothing and were left out.
    left_out: Vec<String>,
}

/// One search under way: the store, what it knows in memory, and the query's bounds.
struct Search<'s> {
    store: &'s Store,
    catalogue: &'s Catalogue,
    limit: usize,
    when: When,
    /// Each timetable's status at the search's instant, worked out once: thousands of
    /// services share a handful of timetables.
    statuses: RefCell<HashMap<u32, Status>>,
}

impl Search<'_> {
    /// Services whose text holds every word (as a prefix) or whose category a word names.
    ///
    /// Words that name no category go to FTS5 in one MATCH, which intersects their lists
    /// itself. A word that names a category is a MATCH of its own, joined with that category's
    /// services from memory: asking FTS5 for the category's tag instead would return every one
    /// of those services through SQLite, several times slower.
    fn matching(&self, tokens: &[String]) -> Result<FixedBitSet> {
        self.matching_keeping_words(tokens, &mut Vec::new())
    }

    /// [`Search::matching`], keeping in `words` the set of each word it had to read alone
    /// (by the word's index), for [`Search::holding_most`] to use again.
    fn matching_keeping_words(
        &self,
        tokens: &[String],
        words: &mut Vec<(usize, FixedBitSet)>,
    ) -> Result<FixedBitSet> {
        // The whole query names a category, as a chip's label does ("Cibo e accoglienza",
        // "Food and shelter"): its services, and whatever holds all the words.
        let mut named = categories_named_by_all(tokens);
        if !named.is_empty() {
            // And the needs the words spell out: "residenza" names housing, and is also the
            // registration that the access points help with.
            for need in crate::thesaurus::needs() {
                if need.asked_by(tokens) {
                    named.extend(need.categories.iter().map(String::as_str));
                }
            }
            named.sort_unstable();
            named.dedup();
            return self.holding_all_or_in(tokens.iter(), named);
        }
        let (naming, plain): (Vec<_>, Vec<_>) = tokens
            .iter()
            .enumerate()
            .zip(categories_reached(tokens))
            .partition(|(_, codes)| !codes.is_empty());
        let mut sets = Vec::new();
        if let [((index, _), _)] = plain[..] {
            let set = self.holding_all_or_in(plain.iter().map(|((_, t), _)| *t), Vec::new())?;
            words.push((index, set.clone()));
            sets.push(set);
        } else if !plain.is_empty() {
            sets.push(self.holding_all_or_in(plain.into_iter().map(|((_, t), _)| t), Vec::new())?);
        }
        for ((index, token), codes) in naming {
            let set = self.holding_all_or_in(std::iter::once(token), codes)?;
            words.push((index, set.clone()));
            sets.push(set);
        }
        let mut sets = sets.into_iter();
        let mut all = sets.next().unwrap_or_else(|| self.catalogue.empty_set());
        for set in sets {
            all.intersect_with(&set);
        }
        Ok(all)
    }

    /// The services (within `filter`) that hold the most of `tokens` when none holds them all,
    /// each word read as [`Search::matching`] reads it alone (or as `words` already holds it);
    /// `None` when none holds any. A word that asks for a category counts twice: "free food"
    /// is food first, not the toll-free numbers whose text says "free".
    fn holding_most(
        &self,
        tokens: &[String],
        filter: Option<&FixedBitSet>,
        mut words: Vec<(usize, FixedBitSet)>,
    ) -> Result<Option<FixedBitSet>> {
        let mut held = vec![0u8; self.catalogue.empty_set().len()];
        for (index, (token, reached)) in tokens.iter().zip(categories_reached(tokens)).enumerate() {
            let weight = if reached.is_empty() { 1 } else { 2 };
            let mut set = match words.iter().position(|(i, _)| *i == index) {
                Some(at) => words.swap_remove(at).1,
                None => self.matching(std::slice::from_ref(token))?,
            };
            if let Some(filter) = filter {
                set.intersect_with(filter);
            }
            for s in set.ones() {
                held[s] = held[s].saturating_add(weight);
            }
        }
        let most = held.iter().copied().max().unwrap_or(0);
        if most == 0 {
            return Ok(None);
        }
        let mut set = self.catalogue.empty_set();
        for (s, &count) in held.iter().enumerate() {
            if count == most {
                set.insert(s);
            }
        }
        Ok(Some(set))
    }

    /// The services whose text holds every one of `tokens` (as prefixes, one FTS5 MATCH), and
    /// every service of the categories `codes`.
    fn holding_all_or_in<'t>(
        &self,
        tokens: impl Iterator<Item = &'t String>,
        codes: Vec<&'static str>,
    ) -> Result<FixedBitSet> {
        let terms: Vec<String> = tokens.map(|t| prefix_term(t)).collect();
        let mut set = self.fts_set(&terms.join(" AND "))?;
        let codes: Vec<String> = codes.into_iter().map(str::to_owned).collect();
        if let Some(in_categories) = self.catalogue.in_categories(&codes) {
            set.union_with(&in_categories);
        }
        Ok(set)
    }

    /// The services an FTS5 expression matches.
    fn fts_set(&self, fts: &str) -> Result<FixedBitSet> {
        let mut stmt = self
            .store
            .conn
            .prepare_cached("SELECT rowid FROM service_text WHERE service_text MATCH ?1")?;
        let mut set = self.catalogue.empty_set();
        let mut rows = stmt.query([fts])?;
        while let Some(row) = rows.next()? {
            let rowid: i64 = row.get(0)?;
            // A service added by another process since the catalogue was read is left out.
            if let Ok(i) = usize::try_from(rowid)
                && i < set.len()
            {
                set.insert(i);
            }
        }
        Ok(set)
    }

    /// Nearest first: candidates from the allowed set or the outward walk, sorted by distance
    /// with near ties broken by the words in the name, then opened lazily.
    fn nearest(
        &self,
        centre: LatLon,
        allowed: Option<&FixedBitSet>,
        radius_km: Option<f64>,
        tokens: &[String],
    ) -> Result<Vec<(Candidate, Status)>> {
        let radius_m = radius_km.map(|km| km * 1000.0);
        let spots: Vec<SpotKey> = match allowed {
            Some(a) if a.count_ones(..) < MEASURE_ALL_BELOW => a
                .ones()
                .flat_map(|s| self.catalogue.spots_of(s as ServiceKey))
                .map(|i| i as SpotKey)
                .collect(),
            _ => self.spots_near(centre, allowed, radius_m)?,
        };
        let mut candidates = self.nearest_per_service(centre, spots, radius_m);
        if self.when.only_open {
            candidates.retain(|c| self.status_of(c).state == OpenState::Open);
        }
        candidates.sort_by(|a, b| {
            distance(a)
                .total_cmp(&distance(b))
                .then(a.service.cmp(&b.service))
        });
        if !tokens.is_empty() {
            self.break_near_ties(&mut candidates, tokens)?;
        }
        // Services without a location (helplines) answer from anywhere: they follow the
        // located ones, unless the search keeps to a radius.
        if radius_m.is_none() {
            for &(service, _) in &self.catalogue.unlocated {
                if allowed.is_none_or(|a| a.contains(service as usize)) {
                    candidates.push(Candidate {
                        service,
                        distance: None,
                        spot: None,
                    });
                }
            }
        }
        self.open_page(candidates.into_iter().map(Ok))
    }

    /// Among hits within the same [`NEAR_TIE_M`] of distance, the best answer comes first, as
    /// without a place: the one whose name holds more of the words, then one whose name says
    /// it is what was asked, then by main category, then one a person can act on. Many
    /// services share their comune's centre, so ties are common. Only the groups that reach
    /// the page are looked at, and only groups of two or more need the names.
    fn break_near_ties(&self, by_distance: &mut [Candidate], tokens: &[String]) -> Result<()> {
        let bucket = |c: &Candidate| (distance(c) / NEAR_TIE_M) as u64;
        let mut relevance = None;
        let mut start = 0;
        while start < self.limit.min(by_distance.len()) {
            let group = bucket(&by_distance[start]);
            let len = by_distance[start..]
                .iter()
                .take_while(|c| bucket(c) == group)
                .count();
            let ties = &mut by_distance[start..start + len];
            if len > 1 {
                let names = self.folded_names(ties.iter().map(|c| c.service))?;
                let words_in_name = |c: &Candidate| -> usize {
                    names.get(&c.service).map_or(0, |name| {
                        tokens
                            .iter()
                            .filter(|t| name.split(' ').any(|w| w.starts_with(t.as_str())))
                            .count()
                    })
                };
                if relevance.is_none() {
                    relevance = Some(self.relevance(tokens)?);
                }
                let relevance = relevance.as_ref().expect("set above");
                // Stable: equals keep their distance order.
                ties.sort_by_key(|c| {
                    (
                        std::cmp::Reverse(words_in_name(c)),
                        relevance.key(self.catalogue, c.service),
                    )
                });
            }
            start += len;
        }
        Ok(())
    }

    /// Without a place, the best answer first: the services holding more of the typed words in
    /// their name; then those whose name is one of the words of a category the words ask for
    /// (the Questura, for "permesso"), the category the words reach first before the others;
    /// then those whose main category it is, in the same order; then those a person can act on
    /// (known hours, an address); then by name. Filters and hours are applied
    /// in that order until the page is full. `allowed` are the services the words and filters
    /// let through (`None`: every one).
    fn ranked(
        &self,
        tokens: &[String],
        allowed: Option<FixedBitSet>,
    ) -> Result<Vec<(Candidate, Status)>> {
        let name_order = self.catalogue.name_order(&self.store.conn)?;
        let in_order: Vec<ServiceKey> = match allowed {
            None => name_order.order.clone(),
            Some(allowed) if tokens.is_empty() => name_order
                .order
                .iter()
                .copied()
                .filter(|&s| allowed.contains(s as usize))
                .collect(),
            Some(found) => {
                let mut words_in_name = vec![0u8; found.len()];
                for token in tokens {
                    let in_names = self.fts_set(&format!("names : {}", prefix_term(token)))?;
                    for s in in_names.intersection(&found) {
                        words_in_name[s] += 1;
                    }
                }
                let relevance = self.relevance(tokens)?;
                // Each key is worked out once: thousands of services can hold a common word.
                let rank = |s: ServiceKey| {
                    (
                        std::cmp::Reverse(words_in_name[s as usize]),
                        relevance.key(self.catalogue, s),
                        name_order.rank(s),
                    )
                };
                let mut ranked: Vec<_> = found.ones().map(|s| (rank(s as ServiceKey), s)).collect();
                // Only the page needs an order when every candidate will be shown as it comes (no
                // "open now" to skip some): the best `limit` are picked out, then sorted. A word
                // being typed ("per") can hold nearly every service of a big directory.
                if !self.when.only_open && ranked.len() > self.limit {
                    ranked.select_nth_unstable(self.limit - 1);
                    ranked.truncate(self.limit);
                }
                ranked.sort_unstable();
                ranked.into_iter().map(|(_, s)| s as ServiceKey).collect()
            }
        };
        let candidates = in_order.into_iter().map(|service| {
            Ok(Candidate {
                service,
                distance: None,
                spot: self
                    .catalogue
                    .spots_of(service)
                    .next()
                    .map(|i| i as SpotKey),
            })
        });
        self.open_page(candidates)
    }

    /// What the words ask for, for ranking: the categories they reach, the most telling first,
    /// and for each the services whose name says they are that ("permesso" asks for permits,
    /// and "Questura" is one of that category's words).
    fn relevance(&self, tokens: &[String]) -> Result<Relevance> {
        let reached = reached_categories(tokens);
        let named_for = reached
            .iter()
            .map(|&code| self.catalogue.named_for(code, || self.named_for(code)))
            .collect::<Result<_>>()?;
        Ok(Relevance { reached, named_for })
    }

    /// The services whose own name holds one of the taxonomy's words for `category` (in any
    /// language) as a whole word. The feed's name decides, not a translation of it: translated
    /// names gloss the Italian ("Police station … immigration desk" for a Commissariato's
    /// "sportello immigrazione"), and the taxonomy's word lists are not word for word alike.
    fn named_for(&self, category: &str) -> Result<FixedBitSet> {
        let terms: HashSet<&str> = vocabulary()
            .iter()
            .filter(|(code, _)| *code == category)
            .flat_map(|(_, words)| words.iter())
            .filter(|w| !too_short(w))
            .map(String::as_str)
            .collect();
        let mut named = self.catalogue.empty_set();
        if terms.is_empty() {
            return Ok(named);
        }
        let mut quoted: Vec<String> = terms.iter().map(|w| format!("\"{w}\"")).collect();
        quoted.sort_unstable();
        // The index finds the names in any language holding a word; the service's own name
        // is then read for it.
        let mut stmt = self.store.conn.prepare_cached(
            "SELECT s.id, s.name FROM service_text t JOIN service s ON s.id = t.rowid
             WHERE service_text MATCH ?1",
        )?;
        let mut rows = stmt.query([format!("names : ({})", quoted.join(" OR "))])?;
        while let Some(row) = rows.next()? {
            let (rowid, name): (i64, String) = (row.get(0)?, row.get(1)?);
            if words(&name).iter().any(|w| terms.contains(w.as_str()))
                && let Ok(key) = usize::try_from(rowid)
                && key < named.len()
            {
                named.insert(key);
            }
        }
        Ok(named)
    }

    /// Evaluates hours in order, keeping the open ones when asked, until the page is full.
    fn open_page(
        &self,
        candidates: impl IntoIterator<Item = Result<Candidate>>,
    ) -> Result<Vec<(Candidate, Status)>> {
        let mut page = Vec::with_capacity(self.limit);
        for candidate in candidates {
            let candidate = candidate?;
            let status = self.status_of(&candidate);
            if self.when.only_open && status.state != OpenState::Open {
                continue;
            }
            page.push((candidate, status));
            if page.len() == self.limit {
                break;
            }
        }
        Ok(page)
    }

    /// The open state at the search's instant of a candidate's spot, or of the service when
    /// it has none.
    fn status_of(&self, c: &Candidate) -> Status {
        if let Some(closed) = self.closure_status(c.service) {
            return closed;
        }
        let timetable = match c.spot {
            Some(spot) => self.catalogue.spots[spot as usize].timetable,
            None => self
                .catalogue
                .unlocated
                .binary_search_by_key(&c.service, |(s, _)| *s)
                .ok()
                .and_then(|i| self.catalogue.unlocated[i].1),
        };
        timetable.map_or(Status::UNKNOWN, |t| self.timetable_status(t))
    }

    fn timetable_status(&self, timetable: u32) -> Status {
        *self
            .statuses
            .borrow_mut()
            .entry(timetable)
            .or_insert_with(|| {
                self.catalogue
                    .hours(timetable)
                    .map_or(Status::UNKNOWN, |h| h.status(self.when.at))
            })
    }

    fn is_open(&self, spot: SpotKey) -> bool {
        let spot = &self.catalogue.spots[spot as usize];
        self.closure_status(spot.service).is_none()
            && spot
                .timetable
                .is_some_and(|t| self.timetable_status(t).state == OpenState::Open)
    }

    /// Closed, whatever its hours say, while the feed marks a service temporarily closed.
    fn closure_status(&self, service: ServiceKey) -> Option<Status> {
        let until = self.catalogue.closure(service)?;
        if !bussola_model::still_closed(until, &self.when.today) {
            return None;
        }
        // No next change: the hours after the closure are the hours, and the notice says
        // until when ("opens Sunday at 00:00" would send no one to the right door).
        Some(Status {
            state: OpenState::Closed,
            next_change: None,
        })
    }

    /// Spots near `centre`, walking outwards in growing boxes until `limit` services (allowed,
    /// and open when asked) lie within the box's inscribed circle, or `radius_m` is reached.
    fn spots_near(
        &self,
        centre: LatLon,
        allowed: Option<&FixedBitSet>,
        radius_m: Option<f64>,
    ) -> Result<Vec<SpotKey>> {
        let mut stmt = self.store.conn.prepare_cached(
            "SELECT id FROM location_box
             WHERE min_lat >= ?1 AND max_lat <= ?2 AND min_lon >= ?3 AND max_lon <= ?4",
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
            let mut rows = stmt.query(bounds)?;
            while let Some(row) = rows.next()? {
                let Some(spot) = self.catalogue.spot_of_location(row.get(0)?) else {
                    continue;
                };
                let service = self.catalogue.spots[spot as usize].service;
                if allowed.is_none_or(|a| a.contains(service as usize)) {
                    spots.push(spot);
                }
            }
            if radius_m.is_some() || r >= LAST_RADIUS_M {
                return Ok(spots);
            }
            let mut within: Vec<ServiceKey> = spots
                .iter()
                .filter(|&&spot| {
                    let s = &self.catalogue.spots[spot as usize];
                    distance_m(centre, s.lat, s.lon) <= r
                        && (!self.when.only_open || self.is_open(spot))
                })
                .map(|&spot| self.catalogue.spots[spot as usize].service)
                .collect();
            within.sort_unstable();
            within.dedup();
            if within.len() >= self.limit {
                return Ok(spots);
            }
            r *= 2.0;
        }
    }

    /// Keeps each service's nearest spot (within `radius_m` when given).
    fn nearest_per_service(
        &self,
        centre: LatLon,
        spots: Vec<SpotKey>,
        radius_m: Option<f64>,
    ) -> Vec<Candidate> {
        let mut best: HashMap<ServiceKey, Candidate> = HashMap::with_capacity(spots.len());
        for spot in spots {
            let s = &self.catalogue.spots[spot as usize];
            let d = distance_m(centre, s.lat, s.lon);
            if radius_m.is_some_and(|r| d > r) {
                continue;
            }
            let candidate = Candidate {
                service: s.service,
                distance: Some(d),
                spot: Some(spot),
            };
            best.entry(s.service)
                .and_modify(|known| {
                    if d < distance(known) {
                        *known = candidate;
                    }
                })
                .or_insert(candidate);
        }
        best.into_values().collect()
    }

    /// Folded Italian and translated names of the given services, joined per service.
    fn folded_names(
        &self,
        services: impl Iterator<Item = ServiceKey>,
    ) -> Result<HashMap<ServiceKey, String>> {
        let mut stmt = self.store.conn.prepare_cached(
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

    /// A service's alert in `lang`, else in Italian, with the language it is in: read from the
    /// stored record, only for the few hits on a page that have one.
    fn alert_of(&self, service: ServiceKey, lang: &str) -> Result<Option<(String, String)>> {
        let mut stmt = self.store.conn.prepare_cached(
            "SELECT s.record, f.dictionary FROM service s JOIN feed f ON f.feed = s.feed
             WHERE s.id = ?1",
        )?;
        let (packed, dictionary): (Vec<u8>, Option<Vec<u8>>) =
            stmt.query_row([service], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let record: serde_json::Value =
            serde_json::from_str(&crate::pack::unpack(&packed, dictionary.as_deref())?)?;
        let text = |value: &serde_json::Value| {
            value
                .as_str()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        Ok(text(&record["translations"][lang]["alert"])
            .filter(|_| lang != "it")
            .map(|alert| (alert, lang.to_owned()))
            .or_else(|| text(&record["alert"]).map(|alert| (alert, "it".to_owned()))))
    }

    /// Reads what a hit shows of a service.
    fn hit(&self, c: Candidate, status: Status, lang: &str) -> Result<Hit> {
        let mut stmt = self.store.conn.prepare_cached(
            "SELECT s.feed, s.service_id, s.name, s.organization, s.categories,
                    (SELECT n.name FROM service_name n WHERE n.service = s.id AND n.lang = ?2),
                    (SELECT city FROM location WHERE id = ?3), s.checked, s.alert
             FROM service s WHERE s.id = ?1",
        )?;
        let spot = c.spot.map(|s| &self.catalogue.spots[s as usize]);
        type Row = (
            String,
            String,
            String,
            Option<String>,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            bool,
        );
        let (feed, id, italian, organization, categories, translated, city, checked, alert): Row =
            stmt.query_row(
                rusqlite::params![c.service, lang, spot.map(|s| s.location)],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                    ))
                },
            )?;
        let closed_until = self.catalogue.closure(c.service).and_then(|until| {
            bussola_model::still_closed(until, &self.when.today).then(|| until.map(str::to_owned))
        });
        let alert = match alert {
            true => self.alert_of(c.service, lang)?,
            false => None,
        };
        let notice = (closed_until.is_some() || alert.is_some()).then(|| {
            let (alert, alert_lang) = alert.unzip();
            ServiceNotice {
                closed: closed_until.is_some(),
                closed_until: closed_until.flatten(),
                alert,
                alert_lang,
            }
        });
        let (name, name_lang, name_is_fallback) = match translated {
            Some(t) if lang != "it" => (t, lang.to_owned(), false),
            _ => (italian, "it".to_owned(), lang != "it"),
        };
        let open = match status.state {
            OpenState::Open => Some(true),
            OpenState::Closed => Some(false),
            OpenState::Uncertain | OpenState::Unknown => None,
        };
        Ok(Hit {
            id: ServiceId(id),
            feed: FeedId(feed),
            name,
            name_lang,
            name_is_fallback,
            categories: categories
                .split(' ')
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect(),
            organization,
            city,
            distance_m: c.distance.map(Meters),
            open,
            open_state: status.state,
            next_change: status.next_change.map(|t| t.to_rfc3339()),
            approximate: spot.is_some_and(|s| s.approximate),
            location: spot.map(|s| LatLon {
                lat: s.lat,
                lon: s.lon,
            }),
            checked,
            notice,
        })
    }
}

/// The categories a search's words reach and the services named for each ([`Search::relevance`]).
struct Relevance {
    reached: Vec<&'static str>,
    named_for: Vec<Arc<FixedBitSet>>,
}

impl Relevance {
    /// How well `s` answers, after the words in its name (smaller is better): named for the
    /// first category reached, then its main category among those reached, then what a person
    /// can act on (known hours, an address).
    fn key(&self, catalogue: &Catalogue, s: ServiceKey) -> (usize, usize, std::cmp::Reverse<u8>) {
        let unranked = self.reached.len();
        let main = catalogue.main_category(s);
        (
            self.named_for
                .iter()
                .position(|set| set.contains(s as usize))
                .unwrap_or(unranked),
            main.and_then(|m| self.reached.iter().position(|&r| r == m))
                .unwrap_or(unranked),
            std::cmp::Reverse(catalogue.completeness(s)),
        )
    }
}

fn distance(c: &Candidate) -> f64 {
    c.distance.unwrap_or(0.0)
}

fn intersect(a: Option<FixedBitSet>, b: Option<FixedBitSet>) -> Option<FixedBitSet> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(mut a), Some(b)) => {
            a.intersect_with(&b);
            Some(a)
        }
    }
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

/// The folded words of the query, at most [`MAX_WORDS`]. A lone letter of an alphabet ("p" as
/// the first key of a word, "e" between two) says nothing yet: it is left out, rather than
/// asking for every word that starts with it. A Chinese character is a word and stays.
fn query_tokens(text: &str) -> Vec<String> {
    let mut tokens = words(text);
    tokens.retain(|t| {
        let mut chars = t.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => !(c.is_alphabetic() && c.len_utf8() < 3),
            _ => true,
        }
    });
    tokens.truncate(MAX_WORDS);
    tokens
}

/// A word as an FTS5 prefix term.
fn prefix_term(token: &str) -> String {
    format!("\"{token}\"*")
}

/// Each category's vocabulary, folded: the taxonomy's everyday words in every locale, and the
/// name the app shows on its chip in every locale (so what a person reads, they can type).
fn vocabulary() -> &'static [(&'static str, Vec<String>)] {
    static WORDS: OnceLock<Vec<(&'static str, Vec<String>)>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let translators: Vec<bussola_i18n::Translator> = bussola_i18n::LOCALES
            .iter()
            .map(|l| bussola_i18n::Translator::new(l.code))
            .collect();
        CATEGORIES
            .iter()
            .map(|c| {
                let mut vocabulary: Vec<String> = c.words.iter().flat_map(|w| words(w)).collect();
                for tr in &translators {
                    vocabulary.extend(words(&tr.category(c.code)));
                }
                vocabulary.sort();
                vocabulary.dedup();
                (c.code, vocabulary)
            })
            .collect()
    })
}

/// Whether a word is too short to name a category on its own: one letter ("e", "و"), or two
/// Latin ones ("de", "di", "et"). Two Chinese characters ("居留") are a whole word.
fn too_short(token: &str) -> bool {
    let letters = token.chars().count();
    letters < 2 || (letters == 2 && token.is_ascii())
}

/// The categories each token reaches (in the tokens' order): those one of whose words starts
/// with it, and those of every need one of whose phrases the tokens spell out ("codice
/// fiscale", "doc" for "documenti"), each word of the phrase begun by one of them.
fn categories_reached(tokens: &[String]) -> Vec<Vec<&'static str>> {
    let mut reached: Vec<Vec<&'static str>> =
        tokens.iter().map(|t| categories_matching(t)).collect();
    let last = tokens.len().saturating_sub(1);
    let telling: Vec<usize> = (0..tokens.len())
        .filter(|&i| !crate::thesaurus::joining(&tokens[i]))
        .collect();
    let begins = |i: usize, w: &String| crate::thesaurus::stands_for(&tokens[i], w, i == last);
    let mut spelled_out: Vec<&'static str> = Vec::new();
    for need in crate::thesaurus::needs() {
        for phrase in need.phrases() {
            if !phrase.iter().all(|w| telling.iter().any(|&i| begins(i, w))) {
                continue;
            }
            // Every token that begins a word of the phrase ("নর" begins both words of "নারী
            // নির্যাতন" once folded) reaches the need.
            let spelling: Vec<usize> = telling
                .iter()
                .copied()
                .filter(|&i| phrase.iter().any(|w| begins(i, w)))
                .collect();
            for code in need.categories.iter().map(String::as_str) {
                for &i in &spelling {
                    if !reached[i].contains(&code) {
                        reached[i].push(code);
                    }
                }
                if !spelled_out.contains(&code) {
                    spelled_out.push(code);
                }
            }
        }
    }
    // The short and joining words of a phrase ("di" in "medico di base", "fără" in "fără
    // adăpost") tell nothing by themselves: beside a need spelled out, they reach what it reaches instead of
    // narrowing the answer to texts that happen to hold them.
    let short = |t: &str| {
        t.chars().count() < 3 || (t.is_ascii() && t.len() <= 3) || crate::thesaurus::joining(t)
    };
    for (token, codes) in tokens.iter().zip(&mut reached) {
        if short(token) {
            for code in &spelled_out {
                if !codes.contains(code) {
                    codes.push(code);
                }
            }
        }
    }
    reached
}

/// Every category the tokens reach, once each, in the order first reached.
fn reached_categories(tokens: &[String]) -> Vec<&'static str> {
    let mut all: Vec<&'static str> = Vec::new();
    for code in categories_reached(tokens).into_iter().flatten() {
        if !all.contains(&code) {
            all.push(code);
        }
    }
    all
}

/// The category codes one of whose words (in any locale) starts with `token`.
fn categories_matching(token: &str) -> Vec<&'static str> {
    if too_short(token) {
        return Vec::new();
    }
    vocabulary()
        .iter()
        .filter(|(_, ws)| ws.iter().any(|w| w.starts_with(token)))
        .map(|(code, _)| *code)
        .collect()
}

/// The categories whose vocabulary holds every token (each as a prefix of one of its words),
/// when at least one token is long enough to name something.
fn categories_named_by_all(tokens: &[String]) -> Vec<&'static str> {
    if tokens.iter().all(|t| too_short(t)) {
        return Vec::new();
    }
    vocabulary()
        .iter()
        .filter(|(_, ws)| {
            tokens
                .iter()
                .all(|t| ws.iter().any(|w| w.starts_with(t.as_str())))
        })
        .map(|(code, _)| *code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_prefixes_and_category_names_are_known_in_every_locale() {
        let tokens = query_tokens("Permesso, Terni!");
        assert_eq!(tokens, ["permesso", "terni"]);
        assert_eq!(prefix_term(&tokens[1]), "\"terni\"*");
        assert!(query_tokens(" -- ").is_empty());
        assert_eq!(query_tokens("p"), Vec::<String>::new());
        assert_eq!(query_tokens("cibo e accoglienza"), ["cibo", "accoglienza"]);
        assert_eq!(query_tokens("医"), ["医"]);
        assert_eq!(query_tokens("8 marzo"), ["8", "marzo"]);
        assert_eq!(categories_matching("permesso"), ["permits"]);
        assert_eq!(categories_matching(&query_tokens("إقامة")[0]), ["permits"]);
        assert!(categories_matching("terni").is_empty());
    }
}
