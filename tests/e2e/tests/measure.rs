//! Measurements of the real window, not tests: they assert nothing about time and are ignored
//! by `cargo test`. Run them on a release build with `cargo xtask measure`, which prints the
//! figures quoted in the issues' notes:
//!
//! - keypress to results drawn (the UI notes each keystroke and, on the next frame after the
//!   list is drawn, how long it took), on the bundled data and on 100k services;
//! - cold start: process start to first results on screen, as the shell reports it with
//!   `BUSSOLA_STARTUP_TRACE`;
//! - idle memory: the sum of PSS (`/proc/PID/smaps_rollup`) over the app and every process it
//!   started (WebKit's web and network processes), beside the same figure for an empty Tauri 2
//!   window (`tests/empty-window`) measured the same way;
//! - the web app in headless Chromium: first visit's transfer, offline start, keypress to
//!   results, and a 100k-service feed synced in the browser ([`measure_the_web_app`]);
//! - the editors' path on 100k services with `bussola-cli`: build, export as a spreadsheet and
//!   as HSDS, and build again from each ([`measure_the_editors_path`]).

use anyhow::{Context, Result, bail};
use bussola_e2e::{App, Display, Launch, Spawned, app_binary};
use directory::Store;
use fantoccini::Locator;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// The database with the bundled data, or with `n` synthetic services over all of Italy.
fn database(dir: &Path, services: usize) -> Result<PathBuf> {
    let path = dir.join(format!("measure-{services}.db"));
    let mut store = Store::open(&path)?;
    if services == 0 {
        directory::bundled::import_bundled(&mut store)?;
    } else {
        let snapshot = synthetic::snapshot("italia", 1, 7, services).to_string();
        store.import_snapshot(&snapshot, "synthetic")?;
    }
    Ok(path)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

async fn drawn_count(app: &App) -> Result<usize> {
    let value = app
        .client
        .execute("return (window.__bussolaDrawMs || []).length", vec![])
        .await?;
    Ok(value.as_u64().unwrap_or(0) as usize)
}

/// Types words one key at a time, each key after the previous one's results were drawn.
async fn keypress_to_results(db: PathBuf, label: &str) -> Result<()> {
    let app = App::start(&Launch {
        db,
        screen: "1280x800",
        env: Vec::new(),
    })
    .await?;
    app.wait_for_text("#result-count", |t| !t.is_empty())
        .await?;
    type_and_time(&app, label).await?;
    app.stop().await
}

/// Types words into the search one key at a time, each key after the previous one's results
/// were drawn, and prints how long each took from keypress to results drawn.
async fn type_and_time(app: &App, label: &str) -> Result<()> {
    // Only this run's keys: the page may have timed others before.
    app.client
        .execute("window.__bussolaDrawMs = []", vec![])
        .await?;
    let search = app.client.find(Locator::Css("#search")).await?;
    let mut keys = Vec::new();
    for word in ["permesso", "centro", "mediazione", "lavoro", "sportello"] {
        for _ in 0..4 {
            keys.extend(word.chars().map(String::from));
            keys.extend(std::iter::repeat_n("\u{E003}".to_owned(), word.len())); // backspace
        }
    }
    for key in &keys {
        let before = drawn_count(app).await?;
        search.send_keys(key).await?;
        // The page itself waits for the drawing, in one WebDriver call: polling from here
        // every few milliseconds would run a script on the page's thread each time, in the
        // way of the very drawing being timed.
        app.client
            .execute_async(
                "const [before, done] = arguments;
                 const check = () => (window.__bussolaDrawMs || []).length > before
                     ? done(null) : setTimeout(check, 5);
                 check();",
                vec![before.into()],
            )
            .await
            .with_context(|| format!("no results drawn after {key:?}"))?;
    }
    let times = app
        .client
        .execute("return window.__bussolaDrawMs", vec![])
        .await?;
    let mut times: Vec<f64> = times
        .as_array()
        .context("an array")?
        .iter()
        .filter_map(|v| v.as_f64())
        .collect();
    // The slowest keys, with what the box held after each: where to look next.
    let mut typed = String::new();
    let mut after_each = Vec::new();
    for key in &keys {
        match key.as_str() {
            "\u{E003}" => {
                typed.pop();
            }
            letter => typed.push_str(letter),
        }
        after_each.push(typed.clone());
    }
    let mut slowest: Vec<(f64, &String)> = times.iter().copied().zip(&after_each).collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slowest: Vec<String> = slowest
        .iter()
        .take(5)
        .map(|(ms, text)| format!("{ms:.0} ms \"{text}\""))
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "keypress to results drawn, {label}: {} keys, p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.9),
        percentile(&times, 0.99),
        times.last().copied().unwrap_or(0.0)
    );
    println!("  slowest: {}", slowest.join(", "));
    Ok(())
}

#[tokio::test]
#[ignore = "a measurement: run with `cargo xtask measure`"]
async fn measure_keypress_to_results() -> Result<()> {
    let dir = tempfile::tempdir()?;
    keypress_to_results(database(dir.path(), 0)?, "bundled data").await?;
    keypress_to_results(database(dir.path(), 100_000)?, "100k services").await
}

/// The PSS in kB of a process and all its descendants.
fn pss_of_tree(root: u32) -> Result<(u64, u64)> {
    let mut parents = Vec::new();
    for entry in std::fs::read_dir("/proc")? {
        let name = entry?.file_name();
        let Ok(pid) = name.to_string_lossy().parse::<u32>() else {
            continue;
        };
        // The parent pid is the fourth field, after the parenthesised command name.
        if let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat"))
            && let Some(after) = stat.rsplit_once(") ").map(|(_, rest)| rest)
            && let Some(ppid) = after.split(' ').nth(1).and_then(|p| p.parse::<u32>().ok())
        {
            parents.push((pid, ppid));
        }
    }
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(c, _)| *c),
        );
        i += 1;
    }
    let pss = |pid: u32| -> u64 {
        std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
            .ok()
            .and_then(|text| {
                text.lines()
                    .find(|l| l.starts_with("Pss:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse().ok())
            })
            .unwrap_or(0)
    };
    Ok((tree.iter().map(|&p| pss(p)).sum(), pss(root)))
}

/// `program` on `display`, as the measurements start every window.
fn window_on(display: &Display, program: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .env("DISPLAY", format!(":{}", display.number))
        .env("NO_AT_BRIDGE", "1")
        .env("LANG", "C.UTF-8")
        .stdout(Stdio::null());
    command
}

/// How long a window is left alone before its memory is read: the first sync (no URL is
/// configured) and any lazy work are over by then.
const IDLE: Duration = Duration::from_secs(8);

/// The median of the runs' (total, shell) PSS, by total.
fn median_memory(mut memory: Vec<(u64, u64)>) -> (f64, f64) {
    memory.sort_unstable();
    let (total, shell) = memory[memory.len() / 2];
    (total as f64 / 1024.0, shell as f64 / 1024.0)
}

/// Starts the app on `db`, waits for its first results, idles, and reports.
fn cold_start(db: &Path, label: &str, runs: usize) -> Result<()> {
    let display = Display::start("1280x800")?;
    let mut starts = Vec::new();
    let mut memory = Vec::new();
    for _ in 0..runs {
        let mut app = Spawned::spawn(
            window_on(&display, &app_binary())
                .env("BUSSOLA_DB", db)
                .env("BUSSOLA_STARTUP_TRACE", "1")
                .stderr(Stdio::piped()),
        )?;
        let stderr = app.child().stderr.take().context("the app's stderr")?;
        let mut ms = None;
        for line in BufReader::new(stderr).lines() {
            let line = line?;
            if let Some(rest) = line.strip_prefix("bussola: first results drawn ") {
                ms = rest.split(' ').next().and_then(|n| n.parse::<f64>().ok());
                break;
            }
        }
        starts.push(ms.context("the app never reported its first results")?);
        std::thread::sleep(IDLE);
        memory.push(pss_of_tree(app.child().id())?);
    }
    starts.sort_by(f64::total_cmp);
    let median = percentile(&starts, 0.5);
    let (total, shell) = median_memory(memory);
    println!(
        "cold start to first results, {label}: median {median:.0} ms (runs: {starts:?}); \
         idle PSS: app and WebKit {total:.0} MB, shell process {shell:.0} MB"
    );
    Ok(())
}

/// The empty Tauri window's idle memory, read as the app's is; `drawing` is added to its
/// environment and named in the report.
fn empty_window(runs: usize, drawing: Option<(&str, &str)>) -> Result<()> {
    let program = app_binary().with_file_name("empty-window");
    if !program.exists() {
        bail!(
            "{} is missing: `cargo xtask measure` builds it",
            program.display()
        );
    }
    let display = Display::start("1280x800")?;
    let mut memory = Vec::new();
    for _ in 0..runs {
        let mut command = window_on(&display, &program);
        command.envs(drawing).stderr(Stdio::null());
        let mut window = Spawned::spawn(&mut command)?;
        // No first-results signal to wait for: its one line of text is drawn well within this.
        std::thread::sleep(Duration::from_secs(2) + IDLE);
        memory.push(pss_of_tree(window.child().id())?);
    }
    let (total, shell) = median_memory(memory);
    let how = match drawing {
        None => "as Tauri opens it".to_owned(),
        Some((name, value)) => format!("with {name}={value}"),
    };
    println!(
        "idle PSS, an empty Tauri 2 window {how}: window and WebKit {total:.0} MB, shell process {shell:.0} MB"
    );
    Ok(())
}

#[test]
#[ignore = "a measurement: run with `cargo xtask measure`"]
fn measure_cold_start_and_memory() -> Result<()> {
    empty_window(5, None)?;
    // The app draws without GPU compositing (`src-tauri/src/webview.rs`); the same empty window
    // drawn that way shows how much of the difference is the app's own.
    empty_window(5, Some(("WEBKIT_DISABLE_COMPOSITING_MODE", "1")))?;
    let dir = tempfile::tempdir()?;
    let bundled = database(dir.path(), 0)?;
    cold_start(&bundled, "bundled data", 5)?;
    let large = database(dir.path(), 100_000)?;
    cold_start(&large, "100k services", 5)
}

/// Asks the page `script` (which returns a number or null) every 100 ms until it answers a
/// number, for at most `seconds`.
async fn page_number(app: &App, script: &str, seconds: u64) -> Result<f64> {
    let deadline = std::time::Instant::now() + Duration::from_secs(seconds);
    loop {
        if let Some(number) = app.client.execute(script, vec![]).await?.as_f64() {
            return Ok(number);
        }
        if std::time::Instant::now() > deadline {
            bail!("the page never answered {script}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// What the browser says the site keeps on the device, in MB: the private file system (the
/// directory's database) and the service worker's caches (the app's files).
async fn stored_mb(app: &App) -> Result<(f64, f64)> {
    let usage = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             navigator.storage.estimate().then((e) => done(e.usageDetails || {}));",
            vec![],
        )
        .await?;
    let mb = |key: &str| usage[key].as_f64().unwrap_or(0.0) / 1e6;
    Ok((mb("fileSystem"), mb("caches")))
}

/// The web app in Debian's headless Chromium, on the site `cargo xtask web` built, served on
/// loopback with gzip as a static host would:
///
/// - the first visit's transfer, counted by the site's server: everything the service worker
///   keeps, the bundled feed inside the engine's wasm;
/// - an offline start: the page reloaded with the server gone, from navigation to the first
///   results drawn (the page's own clock), nine times;
/// - keypress to results drawn, on the bundled data and on 100k services;
/// - a feed of 100k services (86 MB) synced into a first visit's browser: downloaded, verified
///   and imported by the engine's worker, from the first results to the list holding them,
///   three times; and the database's size in the private file system.
#[tokio::test]
#[ignore = "a measurement: run with `cargo xtask measure`"]
async fn measure_the_web_app() -> Result<()> {
    use bussola_e2e::{Screen, publish_umbria, site_for_feed, web_site};
    use loopback::Server;
    anyhow::ensure!(
        web_site().join("index.html").exists(),
        "no web app in {}: build it with `cargo xtask web`",
        web_site().display()
    );
    let server = Server::start_at(web_site(), "/");
    let profile = tempfile::tempdir()?;
    let app = App::browse(server.url(), profile.path(), Screen::Desktop).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    app.wait_for_offline_copy().await?;
    let log = server.log();
    println!(
        "web app, first visit: {} requests, {:.2} MB over the wire (gzip)",
        log.requests.len(),
        log.bytes.iter().sum::<usize>() as f64 / 1e6
    );
    type_and_time(&app, "web app, bundled data").await?;

    drop(server);
    let mut starts = Vec::new();
    for _ in 0..9 {
        app.client.refresh().await?;
        starts.push(page_number(&app, "return window.__bussolaFirstResultsMs ?? null", 30).await?);
    }
    let storage = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.bussola.call('storage').then(done, (e) => done(String(e.message)));",
            vec![],
        )
        .await?;
    starts.sort_by(f64::total_cmp);
    println!(
        "web app, offline start (reload, no server) to first results: median {:.0} ms, min {:.0}, max {:.0}, 9 runs; directory kept in: {storage}",
        percentile(&starts, 0.5),
        starts[0],
        starts[starts.len() - 1]
    );
    app.stop().await?;

    let feed = tempfile::tempdir()?;
    publish_umbria(feed.path(), &synthetic::services(7, 100_000))?;
    let feed_bytes: u64 = std::fs::read_dir(feed.path())?
        .filter_map(|f| f.ok()?.metadata().ok())
        .map(|m| m.len())
        .max()
        .unwrap_or(0);
    let feed_server = Server::start(feed.path().to_owned());
    let site = site_for_feed(feed_server.url())?;
    let site_server = Server::start_at(site.path().to_owned(), "/");
    feed_server.allow_origin(site_server.url().trim_end_matches('/'));
    let mut imports = Vec::new();
    for run in 1..=3 {
        let profile = tempfile::tempdir()?;
        let app = App::browse(site_server.url(), profile.path(), Screen::Desktop).await?;
        app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
            .await?;
        let started = page_number(&app, "return performance.now()", 5).await?;
        if run == 1 {
            tokio::time::sleep(Duration::from_secs(2)).await;
            app.screenshot("web-import-100k-1280x800").await?;
        }
        let finished = page_number(
            &app,
            &format!(
                "const t = document.getElementById('result-count').textContent;
                 return t === '{}' || !t.endsWith('servizi') ? null : performance.now();",
                bussola_e2e::all_bundled()
            ),
            300,
        )
        .await?;
        imports.push((finished - started) / 1000.0);
        let (database, caches) = stored_mb(&app).await?;
        println!(
            "web app, 100k services ({:.0} MB file) synced on a first visit, run {run}: {:.1} s; private file system {database:.0} MB, app's files {caches:.1} MB",
            feed_bytes as f64 / 1e6,
            imports[run - 1]
        );
        if run == 3 {
            type_and_time(&app, "web app, 100k services").await?;
        }
        app.stop().await?;
    }
    imports.sort_by(f64::total_cmp);
    println!(
        "web app, 100k services synced on a first visit: median {:.1} s over 3 runs",
        percentile(&imports, 0.5)
    );
    Ok(())
}

/// Runs `bussola-cli` with `args`, failing with what it said; the seconds it took.
fn timed_cli(args: &[&str]) -> Result<f64> {
    let started = std::time::Instant::now();
    let output = Command::new(bussola_e2e::cli_binary())
        .args(args)
        .env_remove("BUSSOLA_FEED_URL")
        .env_remove("BUSSOLA_FEED_PUBKEY")
        .stdin(Stdio::null())
        .output()?;
    if !output.status.success() {
        bail!(
            "bussola-cli {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(started.elapsed().as_secs_f64())
}

/// The size of a file, or of a folder's files, in MB.
fn megabytes(path: &Path) -> f64 {
    let bytes: u64 = match std::fs::read_dir(path) {
        Ok(files) => files
            .filter_map(|f| f.ok()?.metadata().ok())
            .map(|m| m.len())
            .sum(),
        Err(_) => std::fs::metadata(path).map_or(0, |m| m.len()),
    };
    bytes as f64 / 1e6
}

#[test]
#[ignore = "a measurement: run with `cargo xtask measure`"]
fn measure_the_editors_path() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let at = |name: &str| dir.path().join(name).display().to_string();
    let services = synthetic::services(7, 100_000);
    std::fs::write(at("source.json"), serde_json::to_vec(&services)?)?;
    timed_cli(&["feed", "keygen", "--name", "k", "--out", &at("")])?;
    let key = at("k.key");
    let build = |source: &str, out: &str| -> Result<f64> {
        timed_cli(&[
            "feed",
            "build",
            "--id",
            "synthetic",
            "--source",
            source,
            "--out",
            out,
            "--key",
            &key,
        ])
    };
    let from_json = build(&at("source.json"), &at("published"))?;
    let to_csv = timed_cli(&[
        "feed",
        "export",
        &at("published"),
        "--format",
        "csv",
        "--out",
        &at("sheet.csv"),
        "--allow-loss",
    ])?;
    let from_csv = build(&at("sheet.csv"), &at("from-csv"))?;
    let to_hsds = timed_cli(&[
        "feed",
        "export",
        &at("published"),
        "--format",
        "hsds",
        "--out",
        &at("hsds"),
        "--allow-loss",
    ])?;
    let from_hsds = build(&at("hsds"), &at("from-hsds"))?;
    println!(
        "editors' path, 100k services, one run each: build from JSON ({:.0} MB) {from_json:.1} s; \
         export as CSV ({:.0} MB) {to_csv:.1} s, build from it {from_csv:.1} s; \
         export as HSDS ({:.0} MB) {to_hsds:.1} s, build from it {from_hsds:.1} s",
        megabytes(&dir.path().join("source.json")),
        megabytes(&dir.path().join("sheet.csv")),
        megabytes(&dir.path().join("hsds")),
    );
    Ok(())
}
