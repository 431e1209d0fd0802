//! `bussola-cli`: the directory from a terminal, for mediators' scripts, for tests, and for
//! anyone who wants to ask the data a question without opening the app.
//!
//! It opens the same database the app uses (or `--db PATH` / `BUSSOLA_DB`), imports the bundled
//! feed into a new one, and prints either plain text for people or `--json` for programs.

use anyhow::{Context, Result, bail};
use bussola_model::{Hit, LatLon, OpenFilter, OpenState, Place, SearchQuery};
use clap::{Parser, Subcommand};
use directory::Store;
use directory::feed::FeedKey;
use directory::feed::keys::SigningKey;
use directory::gazetteer::Gazetteer;
use directory::sync::{Outcome, Progress, Via};
use std::io::IsTerminal;
use std::path::PathBuf;

mod editors;

#[derive(Parser)]
#[command(
    name = "bussola-cli",
    version,
    about = "Bussola's offline directory of services for migrants"
)]
struct Cli {
    /// The database file (default: the app's own, in the platform's app-data folder).
    #[arg(long, global = true, env = "BUSSOLA_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Commands,
}

#[derive(Subcommand)]
enum Commands {
    /// The feeds on this device: version, dates, number of services, source, last sync and error.
    Info {
        #[arg(long)]
        json: bool,
    },
    /// Finds services by words, place, category, language and opening time.
    Search(SearchArgs),
    /// Everything the feed says about one service.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Comuni whose name starts with PREFIX, or with the postal code PREFIX.
    Comuni {
        prefix: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Brings a feed up to date from its URL or folder, verifying everything before applying.
    Sync {
        /// The feed's base URL (http or https) or a folder holding it (default: every source
        /// this device synced from before).
        #[arg(long, env = "BUSSOLA_FEED_URL", value_name = "URL_OR_DIR")]
        feed: Option<String>,
        /// The feed's minisign public key: its RW… line or a .pub file (needed once for a feed
        /// this device does not know yet; pinned afterwards).
        #[arg(long, env = "BUSSOLA_FEED_PUBKEY", value_name = "KEY")]
        pubkey: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Passes the directory hand to hand: one file with the signed feed, checked on load as a
    /// sync checks it.
    #[command(subcommand)]
    Share(ShareCommands),
    /// Tools for a region's editors: keys, building and checking a published feed.
    #[command(subcommand)]
    Feed(FeedCommands),
}

#[derive(Subcommand)]
enum ShareCommands {
    /// Writes the device's current signed feed (manifest, signature and the files that rebuild
    /// its version) into FILE, a .bussola archive.
    Export {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The feed to share, when the device holds several.
        #[arg(long, value_name = "ID")]
        feed: Option<String>,
    },
    /// Loads a .bussola file: every signature, hash and record checked as a sync checks them,
    /// applied in one transaction, or refused with the data unchanged.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The feed's public key, for a feed this device does not know yet (as a first sync).
        #[arg(long, value_name = "KEY")]
        pubkey: Option<String>,
    },
}

#[derive(Subcommand)]
enum FeedCommands {
    /// Makes a minisign key pair: NAME.key (secret, keep it offline) and NAME.pub.
    Keygen {
        #[arg(long, default_value = "feed")]
        name: String,
        /// The folder to write the two files into.
        #[arg(long, default_value = ".")]
        out: PathBuf,
    },
    /// Builds the next version of a feed from a source file of services into a folder:
    /// snapshot, deltas from recent versions, manifest and its signature.
    Build {
        /// The feed's id, such as "umbria".
        #[arg(long)]
        id: String,
        /// The services: a JSON array (or {"services": [...]}) in the feed's SERVICE shape, a
        /// .csv spreadsheet with one row per service location (see the README), or Open
        /// Referral HSDS 3.0: a tabular data package (its folder or its datapackage.json) or
        /// HSDS JSON (a list of services, an API page {"contents": [...]}, or one service; JSON
        /// is HSDS when its services lack Bussola's "categories" and carry HSDS's own fields).
        /// Repeat for several files; an id may be in only one. `editor_notes` is never
        /// published.
        #[arg(long, value_name = "FILE_OR_DIR", required = true)]
        source: Vec<PathBuf>,
        /// For HSDS sources: which Bussola category each taxonomy term is, as a .csv with the
        /// header term,category or a JSON {"<term>": "<category>"}; a term is matched by its
        /// code, id or name. A term whose code or name is a category code needs no line; a term
        /// mapped to "" is left out quietly.
        #[arg(long, value_name = "FILE")]
        taxonomy_map: Option<PathBuf>,
        /// The project's translations of the Italian texts: DIR/<lang>.json, each
        /// {"<service id>": {"name": "…", "description": "…"}}; published marked as translated
        /// from Italian.
        #[arg(long, value_name = "DIR")]
        translations: Option<PathBuf>,
        /// Notices for everyone who uses the feed, shown after the sync that brings them: a .csv
        /// (id, until, text_it, text_en…) or JSON [{"id", "text": {"it": …}, "until"}]. A JSON
        /// source may hold them too, as {"services": [...], "notices": [...]}.
        #[arg(long, value_name = "FILE")]
        notices: Option<PathBuf>,
        /// The published folder (the previous versions are read from it).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The minisign secret key; an encrypted one takes its password from
        /// BUSSOLA_KEY_PASSWORD.
        #[arg(long, value_name = "PATH")]
        key: PathBuf,
    },
    /// Writes a published feed's services as the spreadsheet `feed build` reads (one row per
    /// service location, every column it knows), to edit and build again, or (`--format
    /// hsds`) as an Open Referral HSDS 3.0 tabular data package in the folder --out. Refused,
    /// with the fields listed, when the output cannot carry something the feed holds.
    Export {
        /// The published folder (its manifest and the snapshot it names).
        #[arg(value_name = "FEED_DIR")]
        feed: PathBuf,
        #[arg(long, value_enum, default_value = "csv")]
        format: editors::ExportFormat,
        /// The sheet's file, or the package's folder (new, empty, or an earlier export).
        #[arg(long, value_name = "FILE|DIR")]
        out: PathBuf,
        /// Checks the folder first as a device would (signature, hashes, records) with this
        /// key, its RW… line or .pub file; without it the folder is read as it is, only the
        /// snapshot's sha256 checked against the manifest.
        #[arg(long, value_name = "KEY")]
        pubkey: Option<String>,
        /// Writes the sheet or package even without the fields it cannot carry (they are
        /// listed).
        #[arg(long)]
        allow_loss: bool,
        /// Replaces an existing --out sheet. Without it an existing file is refused: a sheet
        /// an editor works in holds editor_notes, which are never published and would be lost.
        #[arg(long)]
        force: bool,
    },
    /// Reviews the corrections mediators send (mail bodies saved as .txt/.eml, or .json
    /// packets) against a source file: grouped per service and field as <service>/<field>,
    /// with the source's value, the proposals, reports, data versions, dates and notes. On a
    /// terminal it asks about each group; accepted ones are written into the source with
    /// assured_date set to today, for the next `feed build`.
    Corrections {
        /// Mail bodies saved as .txt or .eml, or .json packets.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// The feed's id, such as "umbria": packets for another feed are set aside.
        #[arg(long)]
        id: String,
        /// The source the build reads (.json or .csv), where accepted changes are written.
        #[arg(long, value_name = "FILE")]
        source: PathBuf,
        /// Prints the groups and changes nothing (also what happens when not on a terminal).
        #[arg(long, conflicts_with = "accept")]
        report: bool,
        /// Prints the groups as JSON and changes nothing.
        #[arg(long, conflicts_with = "accept")]
        json: bool,
        /// Accepts these groups and writes them, asking nothing: ID as the report shows it,
        /// ID=N for its N-th proposal when the reports disagree.
        #[arg(long, value_name = "ID", num_args = 1..)]
        accept: Vec<String>,
    },
    /// Checks a published feed as a device would: signature, every file's hash, every record.
    Verify {
        #[arg(value_name = "DIR_OR_URL")]
        feed: String,
        #[arg(long, env = "BUSSOLA_FEED_PUBKEY", value_name = "KEY")]
        pubkey: String,
    },
}

#[derive(clap::Args)]
struct SearchArgs {
    /// Words to look for, in any language (each word matches as a prefix).
    text: Vec<String>,
    /// Search around this point, given as LAT,LON.
    #[arg(long, value_name = "LAT,LON", conflicts_with = "comune", value_parser = parse_point)]
    near: Option<LatLon>,
    /// Search around this comune (accents and case do not matter).
    #[arg(long, value_name = "NAME")]
    comune: Option<String>,
    /// Only services within this many kilometres of the place.
    #[arg(long, value_name = "N")]
    radius_km: Option<f64>,
    /// Only services of this category (repeat for several).
    #[arg(long = "category", value_name = "C")]
    categories: Vec<String>,
    /// Only offices that speak this language (repeat for several).
    #[arg(long = "lang", value_name = "L")]
    languages: Vec<String>,
    /// Only services open now.
    #[arg(long, conflicts_with = "open_at")]
    open_now: bool,
    /// Only services open at this RFC 3339 time, e.g. 2026-11-24T10:00:00+01:00.
    #[arg(long, value_name = "RFC3339")]
    open_at: Option<String>,
    #[arg(long, default_value_t = 20)]
    limit: u32,
    /// Names in this language when the feed has them.
    #[arg(long, default_value = "it", value_name = "LANG")]
    display_lang: String,
    #[arg(long)]
    json: bool,
}

fn parse_point(text: &str) -> Result<LatLon, String> {
    let (lat, lon) = text
        .split_once(',')
        .ok_or("expected LAT,LON, e.g. 43.11,12.39")?;
    let lat: f64 = lat
        .trim()
        .parse()
        .map_err(|_| format!("\"{lat}\" is not a latitude"))?;
    let lon: f64 = lon
        .trim()
        .parse()
        .map_err(|_| format!("\"{lon}\" is not a longitude"))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("{lat},{lon} is not a point on Earth"));
    }
    Ok(LatLon { lat, lon })
}

fn main() {
    if let Err(error) = run(Cli::parse()) {
        eprintln!("bussola-cli: {error:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        Commands::Comuni { prefix, limit } => return comuni(prefix, *limit),
        Commands::Feed(command) => return feed_tools(command),
        _ => {}
    }
    let path = match cli.db {
        Some(path) => path,
        None => default_database()?,
    };
    let mut store = Store::open(&path)?;
    directory::bundled::import_bundled(&mut store)?;
    match cli.command {
        Commands::Info { json } => info(&store, json),
        Commands::Search(args) => search(&store, args),
        Commands::Show { id, json } => show(&store, &id, json),
        Commands::Sync { feed, pubkey, json } => sync(&mut store, feed, pubkey, json),
        Commands::Share(ShareCommands::Export { file, feed }) => {
            let shared = directory::share::export(&store, feed.as_deref())?;
            std::fs::write(&file, &shared.bytes)
                .with_context(|| format!("writing {}", file.display()))?;
            println!(
                "{} version {} written to {} ({} bytes)",
                shared.feed,
                shared.version,
                file.display(),
                shared.bytes.len()
            );
            Ok(())
        }
        Commands::Share(ShareCommands::Import { file, pubkey }) => {
            let keys = match &pubkey {
                Some(k) => vec![key_argument(k)?],
                None => Vec::new(),
            };
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let outcome = directory::share::import(
                &mut store,
                &bytes,
                &directory::sync::trust(keys),
                directory::now(),
                &mut |_| {},
            )
            .with_context(|| {
                format!(
                    "{} is refused; the data on this device is unchanged",
                    file.display()
                )
            })?;
            println!(
                "{}",
                describe_outcome(&file.display().to_string(), &outcome)
            );
            Ok(())
        }
        Commands::Comuni { .. } | Commands::Feed(_) => unreachable!("answered above"),
    }
}

/// The app's database: the same folder Tauri's `app_data_dir` gives for the app's identifier.
fn default_database() -> Result<PathBuf> {
    let dir = dirs::data_dir().context("this system has no data folder; use --db PATH")?;
    let dir = dir.join("org.bussola.app");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir.join("bussola.db"))
}

fn info(store: &Store, json: bool) -> Result<()> {
    let feeds = store.feeds()?;
    let total = store.service_count()?;
    if json {
        let value = serde_json::json!({ "services": total, "feeds": feeds });
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(());
    }
    println!("{} — {total} services", store.path().display());
    for f in feeds {
        println!(
            "\nfeed {} version {}: {} services",
            f.feed, f.version, f.services
        );
        let lines = [
            ("generated", f.generated_at),
            ("expires", f.expires_at),
            ("source", f.source),
            ("last sync", f.last_sync),
            (
                "last error",
                f.last_error.map(|e| match f.last_error_kind {
                    Some(kind) => format!("{e} ({})", directory::store::failure_name(kind)),
                    None => e,
                }),
            ),
        ];
        if f.expired {
            println!("  this feed is past its expiry date: the data may be out of date");
        }
        for (label, value) in lines {
            println!("  {label:<11}{}", value.as_deref().unwrap_or("—"));
        }
    }
    Ok(())
}

fn search(store: &Store, args: SearchArgs) -> Result<()> {
    let open = match (args.open_now, args.open_at) {
        (true, _) => OpenFilter::Now,
        (false, Some(at)) => OpenFilter::At(at),
        (false, None) => OpenFilter::Any,
    };
    let place = match (args.near, args.comune) {
        (Some(point), _) => Some(Place::Point(point)),
        (None, Some(name)) => Some(Place::Comune(name)),
        (None, None) => None,
    };
    if args.radius_km.is_some() && place.is_none() {
        bail!("--radius-km needs a place: add --near LAT,LON or --comune NAME");
    }
    if let Some(unknown) = args
        .categories
        .iter()
        .find(|c| directory::taxonomy::category(c).is_none())
    {
        let known: Vec<&str> = directory::taxonomy::CATEGORIES
            .iter()
            .map(|c| c.code)
            .collect();
        bail!(
            "unknown category \"{unknown}\"; the categories are: {}",
            known.join(", ")
        );
    }
    let text = args.text.join(" ");
    let query = SearchQuery {
        text: (!text.trim().is_empty()).then_some(text),
        place,
        radius_km: args.radius_km,
        categories: args.categories,
        languages: args.languages,
        open,
        limit: args.limit,
        display_lang: args.display_lang,
        favourites_only: false,
    };
    let answer = store.answer(&query, directory::now())?;
    for read in &answer.corrections {
        eprintln!("(read \"{}\" as \"{}\")", read.typed, read.meant);
    }
    for word in &answer.left_out {
        eprintln!("(no service mentions \"{word}\": left out)");
    }
    if answer.partial {
        eprintln!("(no service holds all the words: these hold the most of them)");
    }
    for office in &answer.handled_by {
        eprintln!("({office} handles this; the services below can help with it)");
    }
    let hits = answer.hits;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&hits)?);
    } else if hits.is_empty() {
        println!("No service found.");
    } else {
        for hit in &hits {
            println!("{}", describe(hit));
        }
    }
    Ok(())
}

/// One line a hit: distance, name, place, categories, open state.
fn describe(hit: &Hit) -> String {
    let distance = hit.distance_m.map_or(String::new(), |d| {
        if d.0 < 1000.0 {
            format!("{:>6.0} m  ", d.0)
        } else {
            format!("{:>6.1} km ", d.0 / 1000.0)
        }
    });
    let open = match hit.open_state {
        OpenState::Open => "open",
        OpenState::Closed => "closed",
        OpenState::Uncertain => "hours uncertain: call first",
        OpenState::Unknown => "hours unknown",
    };
    // What must be known first: closed for now, and the feed's alert.
    let mut notice = String::new();
    if let Some(n) = &hit.notice {
        if n.closed {
            notice.push_str("\n         TEMPORARILY CLOSED");
            if let Some(until) = &n.closed_until {
                notice.push_str(&format!(" until {until} (included)"));
            }
        }
        if let Some(alert) = &n.alert {
            notice.push_str(&format!("\n         alert: {alert}"));
        }
    }
    let next = hit
        .next_change
        .as_deref()
        .map_or(String::new(), |t| format!(" until {t}"));
    let approx = if hit.approximate {
        " (approximate location)"
    } else {
        ""
    };
    format!(
        "{distance}{}  [{}]{notice}\n         {} · {}{}{} · {}",
        hit.name,
        hit.id,
        hit.city.as_deref().unwrap_or("anywhere"),
        open,
        next,
        approx,
        hit.categories.join(", ")
    )
}

fn show(store: &Store, id: &str, json: bool) -> Result<()> {
    let (feed, record) = store.service_record(id)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&record)?);
    } else {
        println!("feed: {feed}");
        println!(
            "{}",
            checked_line(record["assured_date"].as_str(), &today())
        );
        print_value(&record, 0);
    }
    Ok(())
}

/// How old the entry's data is, by the app's rule: past a year (or undated), call first.
fn checked_line(checked: Option<&str>, today: &str) -> String {
    use bussola_model::DataAge;
    let date = checked.unwrap_or("never");
    match bussola_model::data_age(checked, today) {
        DataAge::Recent => format!("checked: {date}"),
        DataAge::YearsOld(1) => format!("checked: {date} — over a year ago: call before you go"),
        DataAge::YearsOld(years) => {
            format!("checked: {date} — {years} years ago: call before you go")
        }
        DataAge::Undated => "checked: no date — call before you go".to_owned(),
    }
}

/// Today's date on this device, `YYYY-MM-DD`.
fn today() -> String {
    directory::now().format("%Y-%m-%d").to_string()
}

/// Prints a JSON record as indented "key: value" lines, leaving out empty values.
fn print_value(value: &serde_json::Value, depth: usize) {
    use serde_json::Value;
    let pad = "  ".repeat(depth);
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match v {
                    Value::Null => {}
                    Value::Array(a) if a.is_empty() => {}
                    Value::Object(_) | Value::Array(_) => {
                        println!("{pad}{key}:");
                        print_value(v, depth + 1);
                    }
                    _ => println!("{pad}{key}: {}", scalar(v)),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(_) | Value::Array(_) => {
                        println!("{pad}-");
                        print_value(item, depth + 1);
                    }
                    _ => println!("{pad}- {}", scalar(item)),
                }
            }
        }
        other => println!("{pad}{}", scalar(other)),
    }
}

fn scalar(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn comuni(prefix: &str, limit: usize) -> Result<()> {
    let found = Gazetteer::get().lookup(prefix, limit);
    if found.is_empty() {
        let near: Vec<String> = Gazetteer::get()
            .suggestions(prefix, 3)
            .iter()
            .map(|c| c.name.clone())
            .collect();
        bail!(
            "no comune starts with \"{prefix}\"; did you mean {}?",
            near.join(", ")
        );
    }
    for c in found {
        println!(
            "{:<32} {} {:<22} {} CAP {}  {:.5},{:.5}",
            c.name,
            c.province,
            c.region,
            c.istat,
            c.caps.join(" "),
            c.position.lat,
            c.position.lon
        );
    }
    Ok(())
}

/// A key argument at the CLI's edge: the key itself (`RW…`), or the path of a `.pub` file,
/// whose text the feed core reads. Nothing else ever turns a key into a path.
fn key_argument(text: &str) -> Result<FeedKey> {
    if let Ok(key) = FeedKey::from_text(text) {
        return Ok(key);
    }
    let path = std::path::Path::new(text.trim());
    if !path.is_file() {
        bail!("\"{text}\" is neither a minisign public key (RW…) nor a .pub file");
    }
    let contents =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    // Not the file's text in the message: it might be anything.
    FeedKey::from_text(&contents)
        .map_err(|_| anyhow::anyhow!("{} holds no minisign public key", path.display()))
}

fn sync(store: &mut Store, feed: Option<String>, pubkey: Option<String>, json: bool) -> Result<()> {
    let keys = match &pubkey {
        Some(k) => vec![key_argument(k)?],
        None => Vec::new(),
    };
    if feed.is_none() && directory::sync::sources_to_sync(store, None)?.is_empty() {
        bail!("no feed source is known yet; give one with --feed URL_OR_DIR");
    }
    // A progress line on a terminal; nothing extra when piped or with --json.
    let show_progress = !json && std::io::stderr().is_terminal();
    let mut progress = |source: &str, p: Progress| {
        if show_progress {
            let line = match p {
                Progress::Checking => format!("checking {source}"),
                Progress::Downloading { file, bytes } => {
                    format!("downloading {file} ({:.1} MB)", bytes as f64 / 1e6)
                }
                Progress::Applying { services } => format!("applying {services} services"),
            };
            eprint!("\r\x1b[2K{line}");
        }
    };
    let results = directory::sync::sync_sources(
        store,
        feed.as_deref(),
        keys,
        &Default::default(),
        directory::now(),
        &mut progress,
    )?;
    if show_progress {
        eprint!("\r\x1b[2K");
    }
    let mut outcomes = Vec::new();
    let mut failed = false;
    for (source, result) in results {
        match result {
            Ok(outcome) => {
                if !json {
                    println!("{}", describe_outcome(&source, &outcome));
                }
                outcomes.push(outcome_json(&source, Ok(&outcome)));
            }
            Err(error) => {
                failed = true;
                if !json {
                    eprintln!("bussola-cli: {source}: {error}");
                }
                outcomes.push(outcome_json(&source, Err(&error)));
            }
        }
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&outcomes)?);
    }
    if failed {
        std::process::exit(1);
    }
    Ok(())
}

fn describe_outcome(feed: &str, outcome: &Outcome) -> String {
    match outcome {
        Outcome::UpToDate { feed: id, version } => {
            format!("{id} is up to date (version {version}) at {feed}")
        }
        Outcome::Applied {
            feed: id,
            from,
            version,
            by,
            services,
            warnings,
            expired,
        } => {
            let how = match by {
                Via::Snapshot => "whole snapshot",
                Via::Delta => "delta",
            };
            let from = from.map_or("nothing".to_owned(), |v| format!("version {v}"));
            let mut text =
                format!("{id}: from {from} to version {version} by {how}, {services} services");
            for w in warnings {
                text.push_str(&format!("\n  {w}"));
            }
            if *expired {
                text.push_str("\n  this feed is past its expiry date: the data may be out of date");
            }
            text
        }
    }
}

/// `{"source": …, "result": "applied" | "up_to_date", …}` or `{"source": …, "error": …}`.
fn outcome_json(feed: &str, outcome: Result<&Outcome, &directory::Error>) -> serde_json::Value {
    let mut value = match outcome {
        Ok(outcome) => serde_json::to_value(outcome).unwrap_or_default(),
        Err(error) => serde_json::json!({
            "result": "error",
            "kind": directory::store::failure_name(error.sync_failure()),
            "error": error.to_string(),
        }),
    };
    value["source"] = feed.into();
    value
}

fn feed_tools(command: &FeedCommands) -> Result<()> {
    match command {
        FeedCommands::Keygen { name, out } => {
            let (secret, public) = directory::feed::keys::generate()?;
            std::fs::create_dir_all(out)
                .with_context(|| format!("creating the folder {}", out.display()))?;
            let secret_path = out.join(format!("{name}.key"));
            let public_path = out.join(format!("{name}.pub"));
            for path in [&secret_path, &public_path] {
                if path.exists() {
                    bail!("{} exists already; it is not overwritten", path.display());
                }
            }
            write_private(&secret_path, &secret)?;
            std::fs::write(&public_path, &public)
                .with_context(|| format!("writing {}", public_path.display()))?;
            let key = FeedKey::from_text(&public)?;
            println!("secret key: {} (keep it offline)", secret_path.display());
            println!("public key: {}", public_path.display());
            println!("{}", key.base64());
            Ok(())
        }
        FeedCommands::Build {
            id,
            source,
            taxonomy_map,
            translations,
            notices,
            out,
            key,
        } => {
            let name = source
                .iter()
                .map(|s| s.display().to_string())
                .collect::<Vec<_>>()
                .join(" + ");
            // A large source (100k services, an HSDS package) takes seconds: on a terminal the
            // editor sees which step it is at; a script's stderr stays for warnings and errors.
            let on_terminal = std::io::stderr().is_terminal();
            let step = |what: String| {
                if on_terminal {
                    eprintln!("{what}");
                }
            };
            let started = std::time::Instant::now();
            step(format!("reading {name}…"));
            let mut hsds = directory::hsds::Options::default();
            if let Some(path) = taxonomy_map {
                hsds.taxonomy = directory::hsds::TaxonomyMap::read(path)?;
            }
            let directory::publish::Sources {
                mut services,
                notices: mut feed_notices,
                warnings: read_warnings,
            } = match directory::publish::read_sources_with(source, &hsds) {
                Ok(sources) => sources,
                Err(directory::Error::Feed(refused)) if refused.report.is_some() => {
                    return Err(every_error(&name, refused));
                }
                Err(e) => return Err(e.into()),
            };
            // What reading left out or cleaned up (an HSDS source's unmapped terms, hours it
            // cannot say): the build goes on, and the editor hears it on stderr.
            for w in &read_warnings {
                eprintln!("  {w}");
            }
            if !read_warnings.is_empty() {
                eprintln!(
                    "{name}: {} warnings reading the sources (above); the build goes on",
                    read_warnings.len()
                );
            }
            if let Some(path) = notices {
                feed_notices.extend(directory::publish::read_notices(path)?);
            }
            if let Some(dir) = translations {
                directory::publish::add_translations(&mut services, dir)?;
            }
            step(format!(
                "{} services read in {:.1} s; checking each as a device would, then writing \
                 and signing…",
                services.len(),
                started.elapsed().as_secs_f64()
            ));
            let password = std::env::var("BUSSOLA_KEY_PASSWORD").ok();
            let key_text = std::fs::read_to_string(key)
                .with_context(|| format!("reading the secret key {}", key.display()))?;
            let key = SigningKey::from_text(&key_text, password)
                .with_context(|| format!("the secret key {}", key.display()))?;
            let built = match directory::publish::build_from(
                &name,
                id,
                services,
                feed_notices,
                out,
                &key,
                directory::now(),
            ) {
                Ok(built) => built,
                Err(directory::Error::Feed(refused)) if refused.report.is_some() => {
                    return Err(every_error(&name, refused));
                }
                Err(e) => return Err(e.into()),
            };
            let m = &built.manifest;
            println!(
                "{} version {} in {}: {} ({} bytes), {} deltas, signed by {}",
                m.feed,
                m.version,
                out.display(),
                m.snapshot.url,
                m.snapshot.bytes,
                m.deltas.len(),
                key.public()?.base64()
            );
            for w in &built.warnings {
                println!("  {w}");
            }
            Ok(())
        }
        FeedCommands::Export {
            feed,
            format,
            out,
            pubkey,
            allow_loss,
            force,
        } => editors::export(feed, *format, out, pubkey.as_deref(), *allow_loss, *force),
        FeedCommands::Corrections {
            files,
            id,
            source,
            report,
            json,
            accept,
        } => editors::corrections(editors::CorrectionsArgs {
            files,
            feed: id,
            source,
            report: *report,
            accept,
            json: *json,
        }),
        FeedCommands::Verify { feed, pubkey } => {
            let key = key_argument(pubkey)?;
            let mut source = directory::sync::source_for(feed, Default::default())?;
            let found = directory::sync::inspect(source.as_mut(), &[key])?;
            let m = &found.manifest;
            println!(
                "{} version {}: signature good ({}), generated {}, expires {}",
                m.feed,
                m.version,
                found.key.base64(),
                m.generated_at,
                m.expires_at.as_deref().unwrap_or("never")
            );
            for (file, bytes) in &found.files {
                println!("  {file}: {bytes} bytes, sha256 good");
            }
            println!("  {} services, all valid", found.services);
            for w in &found.warnings {
                println!("  {w}");
            }
            Ok(())
        }
    }
}

/// A source refused for its records: every error, one per line on stderr, so an editor fixes
/// them all in one go.
fn every_error(name: &str, refused: directory::feed::FeedError) -> anyhow::Error {
    let report = refused.report.unwrap_or_default();
    // The warnings too: a source put right for its errors alone would come back with them.
    for problem in &report.problems {
        eprintln!("  {problem}");
    }
    anyhow::anyhow!(
        "{name}: {} errors; nothing was built or signed",
        report.errors().count()
    )
}

/// A secret written readable by its owner only.
fn write_private(path: &std::path::Path, text: &str) -> Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("writing {}", path.display()))
}
