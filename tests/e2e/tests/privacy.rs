//! Privacy, shown rather than promised: the app and the CLI, each run under `strace` while they
//! sync from a feed on loopback, search, open a service (whose page links to https sources) and
//! draw the map, try to reach no internet address but that loopback feed; the window can call
//! nothing but Bussola's own commands and fetch nothing at all; "Clear my data" forgets the
//! person's favourites and settings and says so.

use anyhow::{Context, Result, ensure};
use bussola_e2e::{App, Launch, cli_binary};
use fantoccini::Locator;
use loopback::Server;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The system calls through which a process can reach another machine.
const NETWORK_CALLS: &str = "trace=connect,sendto,sendmsg,sendmmsg";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundled Umbria feed, whose development key the app pins, at the root of a loopback
/// port (so the window's own `fetch` below aims at a file that is really there).
fn serve_bundled_feed() -> Server {
    Server::start_at(repo().join("data/umbria/feed"), "/")
}

/// Every internet destination (`address port`) the traced processes tried, from strace's
/// output: each `connect`, `sendto` or `sendmsg` with an AF_INET or AF_INET6 address.
fn internet_destinations(trace: &str) -> Vec<String> {
    trace
        .lines()
        .filter(|line| line.contains("sa_family=AF_INET"))
        .map(|line| {
            let between = |start: &str, end: char| {
                line.split_once(start)
                    .and_then(|(_, rest)| rest.split(end).next())
                    .unwrap_or("?")
                    .to_owned()
            };
            let port = between("port=htons(", ')');
            let address = if line.contains("AF_INET6") {
                between("inet_pton(AF_INET6, \"", '"')
            } else {
                between("inet_addr(\"", '"')
            };
            format!("{address} {port}")
        })
        .collect()
}

/// Destinations that are not this machine's loopback.
fn beyond_loopback(destinations: &[String]) -> Vec<&String> {
    destinations
        .iter()
        .filter(|d| {
            let address = d.split(' ').next().unwrap_or_default();
            !(address.starts_with("127.") || address == "::1" || address == "::ffff:127.0.0.1")
        })
        .collect()
}

/// A script that runs `program` under strace, writing every network call of it and of every
/// process it starts (WebKit's web and network processes) to `trace`.
fn traced(dir: &Path, program: &Path, trace: &Path) -> Result<PathBuf> {
    let script = dir.join("traced-bussola");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nexec strace -f -qq -s 0 -e {NETWORK_CALLS} -o '{}' -- '{}' \"$@\"\n",
            trace.display(),
            program.display()
        ),
    )?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))?;
    Ok(script)
}

/// Searches for the Questura of Perugia and opens its page.
async fn open_questura(app: &App) -> Result<()> {
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t.contains("Questura"))
        .await?;
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-name", |t| t.contains("Questura"))
        .await?;
    Ok(())
}

#[tokio::test]
async fn the_app_reaches_no_address_but_its_feed_on_loopback() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let trace = dir.path().join("app.trace");
    let program = traced(dir.path(), &bussola_e2e::app_binary(), &trace)?;
    let server = serve_bundled_feed();
    let port = server.port();
    let app = App::start_program(
        &Launch {
            db: dir.path().join("bussola.db"),
            screen: "1280x800",
            env: vec![("BUSSOLA_FEED_URL", server.url().to_owned())],
        },
        &program,
    )
    .await?;

    // Everything a person does in a visit: the sync at start, a search, a service's page with
    // its https sources and website, the map.
    let feed_port = format!("htons({port})");
    let started = Instant::now();
    while !std::fs::read_to_string(&trace)?.contains(&feed_port) {
        ensure!(
            started.elapsed() < Duration::from_secs(30),
            "the app never synced"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    open_questura(&app).await?;
    let sources = app.texts("#detail a[href^='https:']").await?;
    ensure!(!sources.is_empty(), "the page shows https links");
    app.click("#back").await?;
    app.click("#view-map").await?;
    app.wait_for_text("#map-hint", |t| !t.is_empty()).await?;

    // The window may call Bussola's commands and nothing of Tauri's or its plugins', and may
    // not fetch anything, not even from loopback.
    let refused = |script: &'static str| {
        let client = app.client.clone();
        async move {
            let outcome = client
                .execute_async(
                    &format!(
                        "const done = arguments[arguments.length - 1];
                         ({script}).then(() => done('allowed'), (e) => done('refused: ' + e));"
                    ),
                    vec![],
                )
                .await?;
            let outcome = outcome.as_str().unwrap_or_default().to_owned();
            ensure!(outcome.starts_with("refused"), "{script}: {outcome}");
            Ok::<_, anyhow::Error>(outcome)
        }
    };
    let allowed = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.__TAURI__.core.invoke('feeds', {}).then((f) => done(f.length), (e) => done(String(e)));",
            vec![],
        )
        .await?;
    ensure!(
        allowed.as_u64() == Some(1),
        "its own command answers: {allowed}"
    );
    refused("window.__TAURI__.core.invoke('plugin:app|version', {})").await?;
    refused(
        "window.__TAURI__.core.invoke('plugin:opener|open_url', {url: 'https://example.org/'})",
    )
    .await?;
    refused("window.__TAURI__.core.invoke('plugin:window|set_title', {value: 'x'})").await?;
    refused("fetch('https://example.org/')").await?;
    // A desktop has no position to give, and offers none.
    refused("window.__TAURI__.core.invoke('current_position', {})").await?;
    ensure!(app.texts("#place-use-location").await?.is_empty());
    let loopback = format!("fetch('http://127.0.0.1:{port}/manifest.json')");
    refused(Box::leak(loopback.into_boxed_str())).await?;
    app.stop().await?;

    let trace = std::fs::read_to_string(&trace)?;
    let destinations = internet_destinations(&trace);
    ensure!(
        destinations
            .iter()
            .any(|d| *d == format!("127.0.0.1 {port}")),
        "the trace shows the sync's own connection: {destinations:?}"
    );
    let beyond = beyond_loopback(&destinations);
    ensure!(beyond.is_empty(), "the app tried to reach {beyond:?}");
    Ok(())
}

#[test]
fn the_cli_reaches_no_address_but_its_feed_on_loopback() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let server = serve_bundled_feed();
    let port = server.port();
    let db = dir.path().join("bussola.db");
    let key = std::fs::read_to_string(repo().join("data/umbria/dev-key/DEVELOPMENT-ONLY.pub"))?;
    let key = key.lines().last().context("a key line")?.to_owned();
    let mut trace = String::new();
    let feed = server.url().to_owned();
    let runs: [&[&str]; 4] = [
        &["sync", "--feed", &feed, "--pubkey", &key],
        &["search", "permesso", "--comune", "Terni"],
        &["show", "questura-pg-immigrazione"],
        &["comuni", "Foli"],
    ];
    for (index, args) in runs.iter().enumerate() {
        let file = dir.path().join(format!("cli-{index}.trace"));
        let output = Command::new("strace")
            .args(["-f", "-qq", "-s", "0", "-e", NETWORK_CALLS, "-o"])
            .arg(&file)
            .arg("--")
            .arg(cli_binary())
            .arg("--db")
            .arg(&db)
            .args(*args)
            .output()
            .context("strace runs (it is installed by `cargo xtask setup`)")?;
        ensure!(
            output.status.success(),
            "bussola-cli {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        trace.push_str(&std::fs::read_to_string(&file)?);
    }
    let destinations = internet_destinations(&trace);
    ensure!(
        destinations.contains(&format!("127.0.0.1 {port}")),
        "the trace shows the sync's connection: {destinations:?}"
    );
    let beyond = beyond_loopback(&destinations);
    ensure!(beyond.is_empty(), "the CLI tried to reach {beyond:?}");
    Ok(())
}

#[test]
fn the_trace_reader_sees_every_kind_of_destination() {
    // What strace prints, so that a change in its format cannot silently pass the tests above.
    let trace = r#"
101 connect(5, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
102 connect(7, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2a00:1450::1", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH
103 sendto(9, ""..., 40, MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("192.168.1.1")}, 16) = 40
104 connect(3, {sa_family=AF_UNIX, sun_path="/tmp/.X11-unix/X99"}, 110) = 0
"#;
    let destinations = internet_destinations(trace);
    assert_eq!(
        destinations,
        ["127.0.0.1 8080", "2a00:1450::1 443", "192.168.1.1 53"]
    );
    assert_eq!(
        beyond_loopback(&destinations),
        [&destinations[1], &destinations[2]]
    );
}

#[tokio::test]
async fn clear_my_data_forgets_favourites_and_settings() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let launch = Launch {
        db: dir.path().join("bussola.db"),
        screen: "1280x800",
        env: vec![],
    };
    let app = App::start(&launch).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    // A favourite and a chosen language.
    open_questura(&app).await?;
    app.click("#favourite")
        .await
        .context("the favourite button")?;
    app.wait_for_text("#favourite[aria-pressed='true']", |_| true)
        .await?;
    app.client
        .find(Locator::Css("#language"))
        .await?
        .select_by_value("en")
        .await
        .context("choosing English")?;
    app.wait_for_text("#nav-about", |t| t.contains("About"))
        .await?;

    app.click("#nav-about").await?;
    app.click("#clear-data").await?;
    // One press only asks; cancelling keeps everything.
    app.wait_for_text("#clear-question", |t| t.contains("Remove favourites"))
        .await?;
    app.click("#clear-cancel").await?;
    app.click("#clear-data").await?;
    app.click("#clear-confirm").await?;

    // The window starts again as on a first start: Italian (the system's language here), no
    // favourites, and says what happened.
    app.wait_for_text("#data-notice", |t| t.contains("cancellati"))
        .await?;
    app.click("#nav-favourites").await?;
    app.wait_for_text("#main", |t| t.contains("Non hai ancora preferiti"))
        .await?;
    app.screenshot("cleared-it-1280x800").await?;
    app.stop().await?;

    let store = directory::Store::open(&launch.db)?;
    ensure!(store.favourites()?.is_empty());
    ensure!(store.setting("locale")?.is_none());
    ensure!(
        store.service_count()? == directory::bundled::BUNDLED_SERVICES,
        "the directory stays"
    );
    Ok(())
}
