//! What every search asks of every service, held in memory: where its locations are, which
//! categories and languages it has, and its opening hours.
//!
//! FTS5 and the R*Tree find the candidates; the catalogue answers "is it allowed, how far, is
//! it open" for each of them without another query, which is what keeps a search in a couple of
//! milliseconds with 100k services. It is read from the store in one pass at the first search
//! and again whenever the data changed (an import here, or a commit by another process, which
//! SQLite's `data_version` reveals). Filters become bit sets over service rowids.

use crate::Result;
use crate::fold::fold;
use crate::hours::{self, Hours};
use crate::spelling::Vocabulary;
use crate::taxonomy::CATEGORIES;
use bussola_model::{STATUS_TEMPORARILY_CLOSED, STATUSES_WITHDRAWN};
use fixedbitset::FixedBitSet;
use rusqlite::Connection;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

/// A service rowid, as a bit index and an array index.
pub(crate) type ServiceKey = u32;
/// An index into [`Catalogue::spots`].
pub(crate) type SpotKey = u32;

/// One location of a service.
#[derive(Debug, Clone)]
pub(crate) struct Spot {
    /// The location's rowid, which is also its id in the R*Tree.
    pub location: i64,
    pub service: ServiceKey,
    pub lat: f64,
    pub lon: f64,
    pub approximate: bool,
    pub timetable: Option<u32>,
}

/// Opening hours as text, parsed the first time a search needs them: a feed repeats a few
/// timetables thousands of times, and most are never asked about. Hours that follow the sun
/// are one timetable per place (to a tenth of a degree, half a minute of sun), the others one
/// per text.
#[derive(Debug)]
struct Timetable {
    text: String,
    place: Option<(f64, f64)>,
    parsed: OnceCell<Option<Hours>>,
}

#[derive(Debug)]
pub(crate) struct Catalogue {
    /// The `PRAGMA data_version` it was read at.
    pub data_version: i64,
    /// Every location, grouped by service.
    pub spots: Vec<Spot>,
    /// `first_spot[s]..first_spot[s + 1]` are the spots of service `s`.
    first_spot: Vec<SpotKey>,
    /// Spot by location rowid (`u32::MAX` where there is none).
    spot_of_location: Vec<SpotKey>,
    categories: HashMap<String, FixedBitSet>,
    /// Each service's main category (its first), as an index into the taxonomy's
    /// [`CATEGORIES`]; `u8::MAX` for none the taxonomy knows.
    main_category: Vec<u8>,
    languages: HashMap<String, FixedBitSet>,
    /// Services with no location (helplines), with their service-wide hours.
    pub unlocated: Vec<(ServiceKey, Option<u32>)>,
    /// The services a search may show: all but those no longer offered (`inactive`,
    /// `defunct`); `None` when every service is offered.
    pub offered: Option<FixedBitSet>,
    /// Services closed for now (`temporarily closed`), each with the last day it is closed
    /// when the feed says.
    closures: HashMap<ServiceKey, Option<String>>,
    timetables: Vec<Timetable>,
    /// One more than the highest service rowid: the size of every bit set.
    capacity: usize,
    /// Services in alphabetical order, read the first time a search lists without a place.
    name_order: OnceCell<NameOrder>,
    /// The words searches are corrected to, read the first time a word matches nothing.
    vocabulary: OnceCell<Vocabulary>,
    /// Per category, the services whose name holds one of its words: asked by every search
    /// that reaches the category, the same until the data changes. (`Arc`: the store moves
    /// between the desktop shell's threads.)
    named_for: RefCell<HashMap<&'static str, Arc<FixedBitSet>>>,
}

/// Services sorted by their folded name, and each service's place in that order.
#[derive(Debug)]
pub(crate) struct NameOrder {
    pub order: Vec<ServiceKey>,
    rank: Vec<u32>,
}

impl NameOrder {
    pub fn rank(&self, service: ServiceKey) -> u32 {
        self.rank.get(service as usize).copied().unwrap_or(u32::MAX)
    }
}

impl Catalogue {
    pub fn load(conn: &Connection, data_version: i64) -> Result<Catalogue> {
        // Rows are read in place (text borrowed from SQLite, never collected): with 100k
        // services a collected copy costs tens of thousands of short-lived strings, whose freed
        // memory the allocator keeps for the rest of the app's life.
        let mut timetables = Vec::new();
        // By text (found without allocating: most spots repeat a text already seen), with
        // whether it follows the sun, asked once per text; those that do, also by place.
        let mut by_text: HashMap<String, (u32, bool)> = HashMap::new();
        let mut by_place: HashMap<(u32, (i32, i32)), u32> = HashMap::new();
        let mut timetable = |text: Option<&str>, place: Option<(f64, f64)>| {
            let text = text?;
            let (first, sun) = match by_text.get(text) {
                Some(&found) => found,
                None => {
                    let id = timetables.len() as u32;
                    timetables.push(Timetable {
                        text: text.to_owned(),
                        place: None,
                        parsed: OnceCell::new(),
                    });
                    let sun = hours::follows_the_sun(text);
                    by_text.insert(text.to_owned(), (id, sun));
                    (id, sun)
                }
            };
            let Some((lat, lon)) = place.filter(|_| sun) else {
                return Some(first);
            };
            let tenths = ((lat * 10.0) as i32, (lon * 10.0) as i32);
            let id = *by_place.entry((first, tenths)).or_insert_with(|| {
                timetables.push(Timetable {
                    text: text.to_owned(),
                    place: Some((lat, lon)),
                    parsed: OnceCell::new(),
                });
                timetables.len() as u32 - 1
            });
            Some(id)
        };

        let capacity: i64 =
            conn.query_row("SELECT coalesce(max(id) + 1, 0) FROM service", [], |r| {
                r.get(0)
            })?;
        let capacity = usize::try_from(capacity).unwrap_or(0);

        let locations: i64 = conn.query_row("SELECT count(*) FROM location", [], |r| r.get(0))?;
        let mut spots = Vec::with_capacity(usize::try_from(locations).unwrap_or(0));
        let mut stmt =
            conn.prepare("SELECT id, service, lat, lon, approximate, hours FROM location")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let service = key(r.get(1)?);
            // Read in one snapshot with the services (see `Store::search`), so every spot's
            // service is among them; anything else is left out rather than trusted.
            if service as usize >= capacity {
                continue;
            }
            let (lat, lon) = (r.get(2)?, r.get(3)?);
            spots.push(Spot {
                location: r.get(0)?,
                service,
                lat,
                lon,
                approximate: r.get(4)?,
                timetable: timetable(text(r, 5)?, Some((lat, lon))),
            });
        }
        spots.sort_unstable_by_key(|s| (s.service, s.location));

        let mut first_spot = vec![0 as SpotKey; capacity + 1];
        for spot in &spots {
            first_spot[spot.service as usize + 1] += 1;
        }
        for s in 1..first_spot.len() {
            first_spot[s] += first_spot[s - 1];
        }
        let last_location = spots.iter().map(|s| s.location).max().unwrap_or(0);
        let mut spot_of_location = vec![SpotKey::MAX; last_location as usize + 1];
        for (i, spot) in spots.iter().enumerate() {
            spot_of_location[spot.location as usize] = i as SpotKey;
        }

        let mut categories: HashMap<String, FixedBitSet> = HashMap::new();
        let mut main_category = vec![u8::MAX; capacity];
        let mut languages: HashMap<String, FixedBitSet> = HashMap::new();
        let mut unlocated = Vec::new();
        let mut withdrawn = Vec::new();
        let mut closures = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT id, categories, languages, hours, status, closed_until FROM service",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id = key(r.get(0)?);
            let s = id as usize;
            if s >= capacity {
                continue;
            }
            let main = text(r, 1)?.and_then(|codes| codes.split(' ').next());
            if let Some(index) = main.and_then(|m| CATEGORIES.iter().position(|c| c.code == m)) {
                main_category[s] = index as u8;
            }
            for (column, sets) in [(1, &mut categories), (2, &mut languages)] {
                for code in text(r, column)?.unwrap_or_default().split(' ') {
                    if code.is_empty() {
                        continue;
                    }
                    match sets.get_mut(code) {
                        Some(set) => set.insert(s),
                        None => {
                            let mut set = FixedBitSet::with_capacity(capacity);
                            set.insert(s);
                            sets.insert(code.to_owned(), set);
                        }
                    }
                }
            }
            if first_spot[s] == first_spot[s + 1] {
                unlocated.push((id, timetable(text(r, 3)?, None)));
            }
            match text(r, 4)? {
                Some(STATUS_TEMPORARILY_CLOSED) => {
                    closures.insert(id, text(r, 5)?.map(str::to_owned));
                }
                Some(status) if STATUSES_WITHDRAWN.contains(&status) => withdrawn.push(s),
                _ => {}
            }
        }
        unlocated.sort_unstable();
        let offered = (!withdrawn.is_empty()).then(|| {
            let mut offered = FixedBitSet::with_capacity(capacity);
            offered.insert_range(..);
            for s in withdrawn {
                offered.remove(s);
            }
            offered
        });

        Ok(Catalogue {
            data_version,
            spots,
            first_spot,
            spot_of_location,
            categories,
            main_category,
            languages,
            unlocated,
            offered,
            closures,
            timetables,
            capacity,
            name_order: OnceCell::new(),
            vocabulary: OnceCell::new(),
            named_for: RefCell::default(),
        })
    }

    /// Services in alphabetical order (case and accents ignored).
    pub fn name_order(&self, conn: &Connection) -> Result<&NameOrder> {
        if let Some(order) = self.name_order.get() {
            return Ok(order);
        }
        let mut stmt = conn.prepare("SELECT id, name FROM service")?;
        let mut named = stmt
            .query_map([], |r| Ok((fold(&r.get::<_, String>(1)?), key(r.get(0)?))))?
            .collect::<Result<Vec<_>, _>>()?;
        named.sort_unstable();
        let order: Vec<ServiceKey> = named.into_iter().map(|(_, s)| s).collect();
        let mut rank = vec![u32::MAX; self.capacity];
        for (i, &s) in order.iter().enumerate() {
            if let Some(r) = rank.get_mut(s as usize) {
                *r = i as u32;
            }
        }
        // As after loading the catalogue: every service's page was read once, and searches
        // will not read them again, so the page cache gives them back.
        conn.execute_batch("PRAGMA shrink_memory")?;
        Ok(self.name_order.get_or_init(|| NameOrder { order, rank }))
    }

    /// The directory's words, for correcting a typed word that matches none of them; the
    /// taxonomy's `category_words` (folded) are among them.
    pub fn vocabulary(
        &self,
        conn: &Connection,
        category_words: impl FnOnce() -> Vec<String>,
    ) -> Result<&Vocabulary> {
        if let Some(vocabulary) = self.vocabulary.get() {
            return Ok(vocabulary);
        }
        let loaded = Vocabulary::load(conn, &category_words())?;
        Ok(self.vocabulary.get_or_init(|| loaded))
    }

    /// The services whose name holds one of `category`'s words, worked out by `find` the first
    /// time it is asked for.
    pub fn named_for(
        &self,
        category: &'static str,
        find: impl FnOnce() -> Result<FixedBitSet>,
    ) -> Result<Arc<FixedBitSet>> {
        if let Some(set) = self.named_for.borrow().get(category) {
            return Ok(set.clone());
        }
        let set = Arc::new(find()?);
        self.named_for.borrow_mut().insert(category, set.clone());
        Ok(set)
    }

    /// An empty set the size of the catalogue's services.
    pub fn empty_set(&self) -> FixedBitSet {
        FixedBitSet::with_capacity(self.capacity)
    }

    /// `Some(last day)` for a service closed for now (`Some(None)`: no end given).
    pub fn closure(&self, service: ServiceKey) -> Option<Option<&str>> {
        self.closures.get(&service).map(Option::as_deref)
    }

    /// The services in any of the categories, or `None` when no category is asked for.
    pub fn in_categories(&self, codes: &[String]) -> Option<FixedBitSet> {
        self.any_of(&self.categories, codes)
    }

    /// The services where any of the languages is spoken, or `None` when none is asked for.
    pub fn speaking(&self, codes: &[String]) -> Option<FixedBitSet> {
        self.any_of(&self.languages, codes)
    }

    fn any_of(&self, sets: &HashMap<String, FixedBitSet>, codes: &[String]) -> Option<FixedBitSet> {
        if codes.is_empty() {
            return None;
        }
        let mut any = self.empty_set();
        for set in codes.iter().filter_map(|c| sets.get(c)) {
            any.union_with(set);
        }
        Some(any)
    }

    /// The spots of one service, nearest-first order not implied.
    pub fn spots_of(&self, service: ServiceKey) -> std::ops::Range<usize> {
        let s = service as usize;
        match (self.first_spot.get(s), self.first_spot.get(s + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    /// The code of a service's main category, if the taxonomy knows it.
    pub fn main_category(&self, service: ServiceKey) -> Option<&'static str> {
        let index = *self.main_category.get(service as usize)?;
        CATEGORIES.get(index as usize).map(|c| c.code)
    }

    /// How much a person can act on a service's record: one for known hours, one for a
    /// position better than the comune's centre (an address to go to).
    pub fn completeness(&self, service: ServiceKey) -> u8 {
        let spots = &self.spots[self.spots_of(service)];
        let hours = spots.iter().any(|s| s.timetable.is_some())
            || self
                .unlocated
                .binary_search_by_key(&service, |&(s, _)| s)
                .is_ok_and(|i| self.unlocated[i].1.is_some());
        let placed = spots.iter().any(|s| !s.approximate);
        u8::from(hours) + u8::from(placed)
    }

    /// The spot of a location the R*Tree returned.
    pub fn spot_of_location(&self, location: i64) -> Option<SpotKey> {
        let spot = *self.spot_of_location.get(usize::try_from(location).ok()?)?;
        (spot != SpotKey::MAX).then_some(spot)
    }

    /// A timetable's parsed hours (`None` when its text does not parse), and its text.
    pub fn hours(&self, timetable: u32) -> Option<&Hours> {
        let t = self.timetables.get(timetable as usize)?;
        t.parsed
            .get_or_init(|| Hours::parse(&t.text, t.place))
            .as_ref()
    }
}

/// A text column as SQLite holds it, borrowed for the row's lifetime.
fn text<'r>(row: &'r rusqlite::Row<'_>, column: usize) -> rusqlite::Result<Option<&'r str>> {
    row.get_ref(column)?.as_str_or_null().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, e.into())
    })
}

/// Rowids are positive and, for one device's feeds, far below `u32::MAX`.
fn key(rowid: i64) -> ServiceKey {
    ServiceKey::try_from(rowid).unwrap_or(ServiceKey::MAX)
}
