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
//!   window (`tests/empty-window`) measured the same way.

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
    let search = app.client.find(Locator::Css("#search")).await?;
    let mut keys = Vec::new();
    for word in ["permesso", "centro", "mediazione", "lavoro", "sportello"] {
        for _ in 0..4 {
            keys.extend(word.chars().map(String::from));
            keys.extend(std::iter::repeat_n("\u{E003}".to_owned(), word.len())); // backspace
        }
    }
    for key in &keys {
        let before = drawn_count(&app).await?;
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
    times.sort_by(f64::total_cmp);
    println!(
        "keypress to results drawn, {label}: {} keys, p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.9),
        percentile(&times, 0.99),
        times.last().copied().unwrap_or(0.0)
    );
    app.stop().await
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
