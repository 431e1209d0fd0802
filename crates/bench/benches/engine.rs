//! The engine's figures on 100k synthetic services spread over Italy: import time and file
//! size, search latency (p50, p99) for the queries people make, the 10 nearest to a point, and
//! a naive baseline (load everything, filter and sort in Rust) to show what the indexes buy.
//!
//! Run with `cargo bench -p bench`; `BENCH_SERVICES` changes the size, and `BENCH_RUNS` the runs per
//! search, `BENCH_ONLY=word` runs only the searches whose name holds the word, for profiling one
//! case (the baseline runs with the common-word search it is compared with), and `BENCH_DB=path`
//! keeps the database there.

use bench::{Samples, ms};
use bussola_model::{LatLon, OpenFilter, Place, SearchQuery};
use chrono::{TimeZone, Utc};
use directory::Store;
use directory::fold::{fold, words};
use directory::gazetteer::Gazetteer;
use geo::{Distance, Haversine, Point};
use std::time::Instant;
use synthetic::Rng;

const SEED: u64 = 20_261_122;

/// A kind of search, made concrete at a random place.
type QueryAt = Box<dyn Fn(LatLon) -> SearchQuery>;

fn main() {
    let n: usize = std::env::var("BENCH_SERVICES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    // BENCH_DB keeps the database for a look afterwards.
    let path = std::env::var_os("BENCH_DB").map_or_else(|| dir.path().join("bench.db"), Into::into);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }

    // Import: parse the snapshot's bytes, insert, index.
    let bytes =
        serde_json::to_vec(&synthetic::snapshot("bench", 1, SEED, n)).expect("serialisable");
    let mut store = Store::open(&path).expect("a new database");
    let started = Instant::now();
    let text = std::str::from_utf8(&bytes).expect("JSON is text");
    store.import_snapshot(text, "bench").expect("imported");
    let import = started.elapsed();
    drop(store);
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", path.display())).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "services: {n}   snapshot: {:.1} MB",
        bytes.len() as f64 / 1e6
    );
    println!(
        "import (parse + insert + FTS + R*Tree + compress): {:.2} s   database: {:.1} MB",
        import.as_secs_f64(),
        size as f64 / 1e6
    );

    // A sync that replaces every service of the feed.
    let mut store = Store::open(&path).expect("reopened");
    let started = Instant::now();
    store.import_snapshot(text, "bench").expect("re-imported");
    println!(
        "re-import (the same 100k replace the old, one transaction): {:.2} s",
        started.elapsed().as_secs_f64()
    );
    drop(store);

    // Where the bytes go, largest first (SQLite's dbstat table).
    let conn = rusqlite::Connection::open(&path).expect("opened");
    let mut stmt = conn
        .prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8")
        .expect("dbstat is compiled in");
    let tables = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
        .expect("queried");
    for table in tables.flatten() {
        println!("  {:<36} {:>7.1} MB", table.0, table.1 as f64 / 1e6);
    }
    drop(stmt);

    let store = Store::open(&path).expect("reopened");
    let now = Rome::tuesday_morning();
    // The first search reads the catalogue (locations, categories, languages) into memory.
    let first = SearchQuery {
        place: Some(Place::Comune("Perugia".into())),
        limit: 10,
        ..SearchQuery::default()
    };
    let started = Instant::now();
    store.search(&first, now).expect("search");
    println!(
        "first search after opening (reads the catalogue into memory): {}",
        ms(started.elapsed())
    );
    let typed_wrong = SearchQuery {
        text: Some("consultrio".into()),
        limit: 20,
        ..SearchQuery::default()
    };
    let started = Instant::now();
    let corrected = store.answer(&typed_wrong, now).expect("search");
    assert_eq!(
        corrected.corrections.len(),
        1,
        "\"consultrio\" is read as a word it holds"
    );
    println!(
        "first search with a word typed wrong (reads the index's vocabulary into memory): {}",
        ms(started.elapsed())
    );
    let apart = SearchQuery {
        text: Some("mensa consultorio".into()),
        ..SearchQuery::default()
    };
    assert!(
        store.answer(&apart, now).expect("search").partial,
        "no generated service holds both \"mensa\" and \"consultorio\""
    );
    let comuni = Gazetteer::get().comuni();
    let mut rng = Rng::new(SEED);
    let mut random_point = || {
        let c = &comuni[rng.below(comuni.len())];
        LatLon {
            lat: c.position.lat,
            lon: c.position.lon,
        }
    };

    let cases: Vec<(&str, QueryAt)> = vec![
        (
            "text + place + category + open now",
            Box::new(|p| SearchQuery {
                text: Some("consultorio".into()),
                place: Some(Place::Point(p)),
                categories: vec!["health".into()],
                open: OpenFilter::Now,
                limit: 20,
                ..SearchQuery::default()
            }),
        ),
        (
            "common word (10% of services) + place",
            Box::new(|p| SearchQuery {
                text: Some("sportello".into()),
                place: Some(Place::Point(p)),
                limit: 20,
                ..SearchQuery::default()
            }),
        ),
        (
            "common word + place + radius 30 km + language",
            Box::new(|p| SearchQuery {
                text: Some("sportello immigrazione".into()),
                place: Some(Place::Point(p)),
                radius_km: Some(30.0),
                languages: vec!["ar".into()],
                limit: 20,
                ..SearchQuery::default()
            }),
        ),
        (
            "cross-language category word + place",
            Box::new(|p| SearchQuery {
                text: Some("permit".into()),
                place: Some(Place::Point(p)),
                limit: 20,
                ..SearchQuery::default()
            }),
        ),
        (
            "prefix of two letters, no place",
            Box::new(|_| SearchQuery {
                text: Some("co".into()),
                limit: 20,
                ..SearchQuery::default()
            }),
        ),
        (
            "a word typed wrong (one edit) + place",
            Box::new(|p| SearchQuery {
                text: Some("consultrio".into()),
                place: Some(Place::Point(p)),
                limit: 20,
                ..SearchQuery::default()
            }),
        ),
        (
            "two words, one typed wrong (two edits), no place",
            Box::new(|_| SearchQuery {
                text: Some("sprotelo immigrazione".into()),
                limit: 20,
                ..SearchQuery::default()
            }),
        ),
        (
            "everyday words for a need (thesaurus) + place",
            Box::new(|p| SearchQuery {
                text: Some("violenza sulle donne".into()),
                place: Some(Place::Point(p)),
                limit: 20,
                ..SearchQuery::default()
            }),
        ),
        (
            "two words no service holds together + place",
            Box::new(|p| SearchQuery {
                text: Some("mensa consultorio".into()),
                place: Some(Place::Point(p)),
                limit: 20,
                ..SearchQuery::default()
            }),
        ),
        (
            "two words no service holds together, no place",
            Box::new(|_| SearchQuery {
                text: Some("mensa consultorio".into()),
                limit: 20,
                ..SearchQuery::default()
            }),
        ),
        (
            "10 nearest to a point",
            Box::new(|p| SearchQuery {
                place: Some(Place::Point(p)),
                limit: 10,
                ..SearchQuery::default()
            }),
        ),
    ];

    println!(
        "\n{:<48} {:>12} {:>12} {:>12}",
        "search", "p50", "p99", "max"
    );
    let mut medians = Vec::new();
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let only = std::env::var("BENCH_ONLY").ok();
    let wanted = |name: &str| only.as_deref().is_none_or(|w| name.contains(w));
    for (name, make) in cases.iter().filter(|(name, _)| wanted(name)) {
        let mut samples = Samples::default();
        for _ in 0..runs {
            let query = make(random_point());
            let hits = samples.time(|| store.search(&query, now).expect("search"));
            std::hint::black_box(hits);
        }
        println!(
            "{name:<48} {:>12} {:>12} {:>12}",
            ms(samples.percentile(50.0)),
            ms(samples.percentile(99.0)),
            ms(samples.percentile(100.0))
        );
        medians.push((name, samples.percentile(50.0)));
    }

    if wanted("delta of 1k changes") {
        deltas(&path, n);
    }

    // The naive baseline: what a search costs without the indexes, compared with the same
    // search through the engine.
    let Some(&(_, engine)) = medians
        .iter()
        .find(|(name, _)| name.starts_with("common word (10%"))
    else {
        return;
    };
    let mut naive = Samples::default();
    for _ in 0..10 {
        let centre = random_point();
        let hits = naive.time(|| naive_search(&store, "sportello", centre, 20));
        std::hint::black_box(hits);
    }
    println!(
        "\nnaive baseline (load all, filter, sort in Rust), common word + place: p50 {}   engine p50 {}   ratio {:.0}x",
        ms(naive.percentile(50.0)),
        ms(engine),
        naive.percentile(50.0).as_secs_f64() / engine.as_secs_f64()
    );
}

/// A sync that brings 1k changed services, five times over: each version k is published from
/// k-1 with 1k services renamed, and the device (at version 1, as imported above) takes each
/// version's delta in turn from a copy of the folder as it stood then.
fn deltas(path: &std::path::Path, n: usize) {
    const CHANGES: usize = 1_000;
    const VERSIONS: u64 = 5;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (secret, _) = directory::feed::keys::generate().expect("a key pair");
    let key = directory::feed::keys::SigningKey::from_text(&secret, None).expect("key");
    let public = key.public().expect("public key");
    let trust = directory::sync::trust(vec![public]);
    let published = dir.path().join("feed");
    let mut services = synthetic::services(SEED, n);
    let now = chrono::Utc::now();
    directory::publish::build("bench", services.clone(), &published, &key, now).expect("v1");
    let mut folders = Vec::new();
    for version in 2..=VERSIONS + 1 {
        for (i, s) in services
            .iter_mut()
            .skip(version as usize * CHANGES)
            .take(CHANGES)
            .enumerate()
        {
            s["name"] = format!("Servizio rinnovato {version}-{i}").into();
        }
        directory::publish::build("bench", services.clone(), &published, &key, now).expect("built");
        let frozen = dir.path().join(format!("v{version}"));
        std::fs::create_dir(&frozen).expect("folder");
        for name in [
            "manifest.json",
            "manifest.json.minisig",
            &format!("delta-{}-{version}.json", version - 1),
        ] {
            std::fs::copy(published.join(name), frozen.join(name)).expect("copied");
        }
        folders.push(frozen);
    }
    let mut store = Store::open(path).expect("reopened");
    let mut samples = Samples::default();
    for folder in folders {
        let mut source = directory::sync::FolderSource::new(folder);
        let outcome = samples.time(|| {
            directory::sync::sync(
                &mut store,
                &mut source,
                &trust,
                directory::now(),
                &mut |_| {},
            )
            .expect("delta applied")
        });
        assert!(
            matches!(
                outcome,
                directory::sync::Outcome::Applied {
                    by: directory::sync::Via::Delta,
                    ..
                }
            ),
            "{outcome:?}"
        );
    }
    println!(
        "\nsync of a delta of 1k changes (verify, read, apply, {VERSIONS} versions): p50 {}   max {}",
        ms(samples.percentile(50.0)),
        ms(samples.percentile(100.0))
    );
}

/// Reads every record, keeps those whose folded text contains every word, orders them by the
/// distance of their nearest location: the search a program without indexes would do.
fn naive_search(store: &Store, text: &str, centre: LatLon, limit: usize) -> Vec<(f64, String)> {
    let wanted = words(text);
    let here = Point::new(centre.lon, centre.lat);
    let mut found: Vec<(f64, String)> = store
        .records()
        .expect("records")
        .into_iter()
        .filter(|(_, record)| {
            let folded = fold(record);
            wanted.iter().all(|w| folded.contains(w.as_str()))
        })
        .filter_map(|(_, record)| {
            let service: serde_json::Value = serde_json::from_str(&record).ok()?;
            let nearest = service["service_at_locations"]
                .as_array()?
                .iter()
                .filter_map(|at| {
                    let l = &at["location"];
                    let there = Point::new(l["longitude"].as_f64()?, l["latitude"].as_f64()?);
                    Some(Haversine.distance(here, there))
                })
                .min_by(f64::total_cmp)?;
            Some((nearest, service["id"].as_str()?.to_owned()))
        })
        .collect();
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found.truncate(limit);
    found
}

/// A fixed instant, so "open now" means the same in every run.
struct Rome;

impl Rome {
    /// Tuesday 24 November 2026, 10:00 in Rome (09:00 UTC).
    fn tuesday_morning() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
            .single()
            .expect("a valid instant")
    }
}
