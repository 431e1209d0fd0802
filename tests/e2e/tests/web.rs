//! The web app in a real browser: Debian's Chromium, headless, through chromedriver, on the
//! site `cargo xtask web` builds (target/web), served on loopback. The directory engine runs in
//! the page's worker with its database in the browser's private file system (OPFS).

use anyhow::{Context, Result, ensure};
use bussola_e2e::{App, Screen, copy_site, publish_umbria, requests_made, site_for_feed, web_site};
use bussola_i18n::Translator;
use loopback::Server;
use serde_json::json;

const QUESTURA: &str = "Questura di Perugia - Ufficio Immigrazione";

/// The site served with its own feed on loopback, one version newer than the bundled one: it
/// adds "Scuola di italiano Nuova".
struct FedSite {
    _feed: tempfile::TempDir,
    _site: tempfile::TempDir,
    feed_server: Server,
    site_server: Server,
}

impl FedSite {
    fn start() -> Result<FedSite> {
        let feed = tempfile::tempdir()?;
        let service = json!({"id": "cpia-nuovo", "name": "Scuola di italiano Nuova",
            "status": "active", "categories": ["language"],
            "service_at_locations": [{"location": {"latitude": 43.11, "longitude": 12.39}}]});
        publish_umbria(feed.path(), &[service])?;
        let feed_server = Server::start(feed.path().to_owned());
        let site = site_for_feed(feed_server.url())?;
        let site_server = Server::start_at(site.path().to_owned(), "/");
        feed_server.allow_origin(site_server.url().trim_end_matches('/'));
        Ok(FedSite {
            _feed: feed,
            _site: site,
            feed_server,
            site_server,
        })
    }
}

/// The site, served on loopback (it must have been built: `cargo xtask web`).
fn serve_site() -> Result<Server> {
    let site = web_site();
    ensure!(
        site.join("index.html").exists(),
        "{} has no web app: build it with `cargo xtask web`",
        site.display()
    );
    Ok(Server::start_at(site, "/"))
}

fn size(screen: Screen) -> &'static str {
    match screen {
        Screen::Phone => "360x740",
        Screen::Desktop => "1280x800",
    }
}

/// Opens `url` on `profile` at the size of `screen`, once the first visit's import has filled
/// the list with the bundled feed's 41 services.
async fn first_visit_to(url: &str, profile: &std::path::Path, screen: Screen) -> Result<App> {
    let app = App::browse(url, profile, screen).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await
        .context("the bundled feed's services, imported on the first visit")?;
    Ok(app)
}

/// Asks `probe` every 100 ms until it answers, for at most `seconds`.
async fn wait_until<T>(
    seconds: u64,
    what: &str,
    mut probe: impl AsyncFnMut() -> Result<Option<T>>,
) -> Result<T> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    loop {
        if let Some(answer) = probe().await? {
            return Ok(answer);
        }
        ensure!(std::time::Instant::now() < deadline, "{what}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Opens the site on a new profile at the size of `screen`, once the first visit's import has
/// filled the list, and then the Questura of Perugia's page from a search.
async fn open_questura_on_a_first_visit(
    server: &Server,
    profile: &std::path::Path,
    screen: Screen,
) -> Result<App> {
    let app = first_visit_to(server.url(), profile, screen).await?;
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-name", |t| t == QUESTURA).await?;
    Ok(app)
}

/// The first visit imports the bundled feed in the worker, and searches answer from it: by
/// words, by category, by comune; a service's page opens; Arabic lays out right to left.
async fn first_visit(screen: Screen) -> Result<()> {
    let server = serve_site()?;
    let profile = tempfile::tempdir()?;
    let app = first_visit_to(server.url(), profile.path(), screen).await?;
    // By category: the chip narrows the list.
    app.click("#chip-permits").await?;
    app.wait_for_text("#result-count", |t| {
        t != bussola_e2e::all_bundled() && t.ends_with("servizi")
    })
    .await?;
    let names = app.texts("#results .name").await?;
    ensure!(names.iter().any(|n| n == QUESTURA), "{names:?}");
    app.click("#chip-permits").await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    // By words, then the service's page.
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    app.screenshot(&format!("web-search-it-{}", size(screen)))
        .await?;
    // A word typed wrong is read as the directory's own, and the screen says so.
    app.search("questra perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    let italian = Translator::new("it");
    let read_as = italian.text_with(
        "search-read-as",
        &[("meant", "questura".into()), ("typed", "questra".into())],
    );
    app.wait_for_text("#read-as", |t| t == read_as).await?;
    app.screenshot(&format!("web-search-typo-it-{}", size(screen)))
        .await?;
    // A word that nothing holds is left out, and said so; the others still answer.
    app.search("questura perugia zzzqqq").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    let left_out = italian.text_with("search-left-out", &[("words", "zzzqqq".into())]);
    app.wait_for_text("#left-out", |t| t == left_out).await?;
    // A need handled by an office the directory does not list: the services that help, and
    // the office named.
    app.search("codice fiscale").await?;
    let handled_by = italian.text_with(
        "search-handled-by",
        &[("office", "l'Agenzia delle Entrate".into())],
    );
    app.wait_for_text(".handled-by", |t| t == handled_by)
        .await?;
    ensure!(!app.texts("#results .name").await?.is_empty());
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    ensure!(
        app.texts("#read-as").await?.is_empty(),
        "nothing to say of words typed right"
    );
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-name", |t| t == QUESTURA).await?;
    app.screenshot(&format!("web-detail-it-{}", size(screen)))
        .await?;
    // Arabic, right to left, on the same screen.
    app.choose_language("ar").await?;
    let arabic = Translator::new("ar");
    app.wait_for_text("#hours-title", |t| t == arabic.text("detail-hours"))
        .await?;
    let direction = app
        .client
        .execute(
            "return [document.documentElement.lang, document.documentElement.dir]",
            vec![],
        )
        .await?;
    ensure!(direction == json!(["ar", "rtl"]), "{direction}");
    // Installed from here, the app is named and laid out in Arabic.
    let manifest = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(document.querySelector('link[rel=manifest]').href)
                 .then((r) => r.json()).then((m) => done([m.lang, m.dir, m.description]));",
            vec![],
        )
        .await?;
    ensure!(
        manifest == json!(["ar", "rtl", arabic.text("app-tagline")]),
        "{manifest}"
    );
    // Debian's Chromium has no voice of its own (it would speak through speech-dispatcher,
    // which this machine lacks): "listen" says so instead of reading Arabic with another voice.
    app.wait_for_text("#speech-no-voice", |t| t == arabic.text("speech-no-voice"))
        .await?;
    app.screenshot(&format!("web-detail-ar-{}", size(screen)))
        .await?;
    app.click("#back").await?;
    app.wait_for_text("#search-label", |t| t == arabic.text("search-label"))
        .await?;
    app.screenshot(&format!("web-search-ar-{}", size(screen)))
        .await?;
    app.stop().await
}

#[tokio::test]
async fn on_a_phone_the_first_visit_imports_the_bundled_feed_and_searches_answer() -> Result<()> {
    first_visit(Screen::Phone).await
}

#[tokio::test]
async fn on_a_laptop_the_first_visit_imports_the_bundled_feed_and_searches_answer() -> Result<()> {
    first_visit(Screen::Desktop).await
}

/// What the person chose is kept on the device, in the directory's database in OPFS: after a
/// reload, and after the browser is closed and opened again on the same profile.
#[tokio::test]
async fn a_favourite_and_the_language_survive_a_reload_and_a_browser_restart() -> Result<()> {
    let server = serve_site()?;
    let profile = tempfile::tempdir()?;
    let app = open_questura_on_a_first_visit(&server, profile.path(), Screen::Phone).await?;
    app.click("#favourite").await?;
    app.wait_for_text("#favourite", |t| t == "Togli dai preferiti")
        .await?;
    app.choose_language("uk").await?;
    let ukrainian = Translator::new("uk");
    app.wait_for_text("#favourite", |t| t == ukrainian.text("favourite-remove"))
        .await?;

    // A reload stays on the service's page, in the language chosen.
    app.client.refresh().await?;
    app.wait_for_text("#favourite", |t| t == ukrainian.text("favourite-remove"))
        .await
        .context("the language and the favourite, after a reload")?;
    app.stop().await?;

    let app = App::browse(server.url(), profile.path(), Screen::Phone).await?;
    app.wait_for_text("#search-label", |t| t == ukrainian.text("search-label"))
        .await
        .context("the language, after the browser was closed and opened again")?;
    app.click("#nav-favourites").await?;
    // In Ukrainian: the project's translation keeps the office's Italian name.
    app.wait_for_text("#results li:first-child .name", |t| {
        t.starts_with("Questura di Perugia") && t != QUESTURA
    })
    .await
    .context("the favourite, after the browser was closed and opened again")?;
    ensure!(app.texts("#results .name").await?.len() == 1);
    app.stop().await
}
/// After the first visit the service worker holds the app: with the site's server gone, a
/// reload still opens it, and searches answer from the directory kept on the device.
#[tokio::test]
async fn with_the_server_stopped_a_reload_opens_the_app_and_searches_answer() -> Result<()> {
    let server = serve_site()?;
    let profile = tempfile::tempdir()?;
    let app = first_visit_to(server.url(), profile.path(), Screen::Phone).await?;
    app.wait_for_offline_copy().await?;
    drop(server);
    app.client.refresh().await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await
        .context("the app, opened again with no server")?;
    // From the directory kept on the device: the reloaded page's worker got its files back
    // from the one before it.
    let storage = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.bussola.call('storage').then(done);",
            vec![],
        )
        .await?;
    ensure!(storage == json!("device"), "{storage}");
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    app.stop().await
}

/// The page syncs through `fetch` with the same checks as the desktop: a new version adds its
/// service; a version whose file was tampered with on the way is refused, the data stays as it
/// was, and the person reads why in their language.
#[tokio::test]
async fn a_sync_adds_a_service_and_a_tampered_feed_is_refused_with_the_data_intact() -> Result<()> {
    let feed = tempfile::tempdir()?;
    let service = |id: &str, name: &str| {
        json!({"id": id, "name": name, "status": "active", "categories": ["language"],
               "service_at_locations": [{"location": {"latitude": 43.11, "longitude": 12.39}}]})
    };
    publish_umbria(
        feed.path(),
        &[service("cpia-nuovo", "Scuola di italiano Nuova")],
    )?;
    let feed_server = Server::start(feed.path().to_owned());
    let site = site_for_feed(feed_server.url())?;
    let site_server = Server::start_at(site.path().to_owned(), "/");
    feed_server.allow_origin(site_server.url().trim_end_matches('/'));
    let profile = tempfile::tempdir()?;
    let app = App::browse(site_server.url(), profile.path(), Screen::Desktop).await?;
    // Nobody pressed anything: the sync ran after the first screen, and the list (asked again
    // when the data changes) finds the new version's service.
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    app.search("nuova").await?;
    app.wait_for_text("#results li:first-child .name", |t| {
        t == "Scuola di italiano Nuova"
    })
    .await
    .context("the new version's service, after the sync at start")?;

    // The next version's delta is altered on the way: refused, and said so.
    publish_umbria(feed.path(), &[service("falso", "Sportello Falso")])?;
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(feed.path().join("manifest.json"))?)?;
    let version = manifest["version"].as_u64().unwrap_or_default();
    let delta_name = format!("delta-{}-{version}.json", version - 1);
    let delta = std::fs::read(feed.path().join(&delta_name))?;
    let altered = String::from_utf8(delta)?.replace("Sportello Falso", "Sportello Finto");
    feed_server.fail(&delta_name, loopback::Fault::Replace(altered.into_bytes()));
    app.click("#update-now").await?;
    app.wait_for_text("#sync-state", |t| {
        t.starts_with(
            "Aggiornamento rifiutato: un file scaricato non corrisponde all'elenco firmato",
        )
    })
    .await?;
    let kept = format!("umbria: versione {}", version - 1);
    app.wait_for_text("#data-status", |t| t.contains(&kept))
        .await
        .context("the data as it was before the refused sync")?;
    app.search("nuova").await?;
    app.wait_for_text("#results li:first-child .name", |t| {
        t == "Scuola di italiano Nuova"
    })
    .await?;
    app.screenshot("web-sync-refused-1280x800").await?;
    app.stop().await
}

/// The screens are in the browser's history: a reload stays on the screen it was on, and the
/// phone's back button goes back one screen, as the app's own "back" does.
#[tokio::test]
async fn a_reload_stays_on_its_screen_and_the_back_button_goes_back_one_screen() -> Result<()> {
    let server = serve_site()?;
    let profile = tempfile::tempdir()?;
    let app = open_questura_on_a_first_visit(&server, profile.path(), Screen::Phone).await?;
    app.client.refresh().await?;
    app.wait_for_text("#detail-name", |t| t == QUESTURA)
        .await
        .context("the service's page, after a reload")?;
    app.client.back().await?;
    app.wait_for_text("#search-label", |t| t == "Cerca un servizio")
        .await
        .context("the search, one screen back")?;
    app.click("#nav-about").await?;
    app.wait_for_text("#attribution", |t| t.contains("openpolis"))
        .await?;
    app.client.back().await?;
    app.wait_for_text("#search-label", |t| t == "Cerca un servizio")
        .await
        .context("the search, back from About")?;
    app.stop().await
}

/// The page's Content-Security-Policy is in force: a request from the page to an origin that
/// is neither the site's nor a feed's is refused by the browser before it leaves, and the
/// refusal is reported as a violation of `connect-src`.
#[tokio::test]
async fn the_content_security_policy_keeps_the_page_from_any_other_origin() -> Result<()> {
    let server = serve_site()?;
    let elsewhere_dir = tempfile::tempdir()?;
    std::fs::write(elsewhere_dir.path().join("track.json"), "{}")?;
    let elsewhere = Server::start_at(elsewhere_dir.path().to_owned(), "/");
    elsewhere.allow_origin(server.url().trim_end_matches('/'));
    let profile = tempfile::tempdir()?;
    let app = first_visit_to(server.url(), profile.path(), Screen::Desktop).await?;
    let outcome = app
        .client
        .execute_async(
            "const [url, done] = [arguments[0], arguments[arguments.length - 1]];
             let violated = null;
             document.addEventListener('securitypolicyviolation',
                 (e) => { violated = e.effectiveDirective; });
             fetch(url).then(() => done(['fetched', violated]),
                             () => setTimeout(() => done(['refused', violated]), 100));",
            vec![json!(format!("{}track.json", elsewhere.url()))],
        )
        .await?;
    ensure!(outcome == json!(["refused", "connect-src"]), "{outcome}");
    ensure!(
        elsewhere.log().requests.is_empty(),
        "a request reached the other origin: {:?}",
        elsewhere.log().requests
    );
    app.stop().await
}

/// Only one tab at a time can hold the directory's files in the browser's private file system:
/// a second tab of the app runs from memory, says so in plain words, and still answers.
#[tokio::test]
async fn a_second_tab_runs_from_memory_and_says_so() -> Result<()> {
    let server = serve_site()?;
    let profile = tempfile::tempdir()?;
    let app = first_visit_to(server.url(), profile.path(), Screen::Phone).await?;
    let first = app.client.window().await?;
    let second = app.client.new_window(true).await?;
    app.client.switch_to_window(second.handle).await?;
    app.client.goto(server.url()).await?;
    let italian = Translator::new("it");
    app.wait_for_text("#storage-notice p", |t| {
        t == italian.text("storage-memory-in-use")
    })
    .await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await
        .context("the second tab answers from memory")?;
    app.screenshot("web-second-tab-it-360x740").await?;
    // The first tab keeps the directory on the device, and says nothing.
    app.client.switch_to_window(first).await?;
    ensure!(app.texts("#storage-notice").await?.is_empty());
    app.stop().await
}

/// The names of the service worker's caches, one per version of the app.
async fn cache_names(app: &App) -> Result<Vec<String>> {
    let names = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             caches.keys().then(done);",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(names)?)
}

/// When the host publishes a new version of the app, it is installed beside the one in use and
/// the person is told "a new version is ready"; it takes over when they ask (or at the next
/// start), never by itself in the middle of a search.
#[tokio::test]
async fn a_new_version_is_announced_and_takes_over_when_the_person_asks() -> Result<()> {
    let site = copy_site()?;
    let server = Server::start_at(site.path().to_owned(), "/");
    let profile = tempfile::tempdir()?;
    let app = first_visit_to(server.url(), profile.path(), Screen::Phone).await?;
    app.wait_for_offline_copy().await?;
    let before = cache_names(&app).await?;
    ensure!(before.len() == 1, "{before:?}");
    // The host puts a new version up: another service worker, with another version.
    let worker = std::fs::read_to_string(site.path().join("sw.js"))?;
    let version = worker
        .split("const VERSION = '")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .context("sw.js names its version")?
        .to_owned();
    std::fs::write(
        site.path().join("sw.js"),
        worker.replace(&version, "a-newer-version"),
    )?;
    app.client.refresh().await?;
    let italian = Translator::new("it");
    app.wait_for_text("#update-notice p", |t| {
        t == italian.text("app-update-ready")
    })
    .await?;
    app.screenshot("web-update-ready-it-360x740").await?;
    // Until the person asks, the version in use is the one that answers.
    ensure!(
        cache_names(&app)
            .await?
            .iter()
            .any(|n| n.ends_with(&version))
    );
    app.click("#start-new-version").await?;
    wait_until(20, "the new version never took over", async || {
        let names = cache_names(&app).await.unwrap_or_default();
        Ok((names.len() == 1 && names[0].ends_with("a-newer-version")).then_some(()))
    })
    .await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await
        .context("the app, opened again in the new version")?;
    ensure!(app.texts("#update-notice").await?.is_empty());
    app.stop().await
}

/// "Share" hands the system's share sheet the service's name, address and phone, and a link
/// that opens the service's page in the web app on another device.
#[tokio::test]
async fn share_hands_over_the_service_and_a_link_that_opens_its_page() -> Result<()> {
    let server = serve_site()?;
    let profile = tempfile::tempdir()?;
    let app = first_visit_to(server.url(), profile.path(), Screen::Phone).await?;
    // Headless Chromium has no share sheet to tap through: the test stands in for it and keeps
    // what the app handed over.
    app.client
        .execute(
            "Object.defineProperty(navigator, 'share', { configurable: true,
                 value: async (data) => { window.handedToTheShareSheet = data; } });",
            vec![],
        )
        .await?;
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-name", |t| t == QUESTURA).await?;
    app.click("#action-share").await?;
    let shared = wait_until(10, "nothing was shared", async || {
        let shared = app
            .client
            .execute("return window.handedToTheShareSheet || null", vec![])
            .await?;
        Ok((!shared.is_null()).then_some(shared))
    })
    .await?;
    ensure!(shared["title"] == QUESTURA, "{shared}");
    let text = shared["text"].as_str().unwrap_or_default();
    ensure!(
        text.starts_with(QUESTURA) && text.contains("Perugia"),
        "{text}"
    );
    let link = shared["url"].as_str().unwrap_or_default().to_owned();
    ensure!(
        link.starts_with(server.url()) && link.contains("#/service/umbria/"),
        "{link}"
    );
    app.stop().await?;

    let elsewhere = tempfile::tempdir()?;
    let other = App::browse(&link, elsewhere.path(), Screen::Desktop).await?;
    other
        .wait_for_text("#detail-name", |t| t == QUESTURA)
        .await
        .context("the shared link, opened on another device")?;
    other.stop().await
}

/// Nothing leaves for any origin but the site's and the feed's, whatever the person does: the
/// browser's own network log (every request, the page's, the engine's worker's, the service
/// worker's and the browser's own) is read after a first visit with a sync, a search, a service's page and its card, the map of
/// comuni and the about screen.
#[tokio::test]
async fn every_request_goes_to_the_site_or_the_feed_and_nowhere_else() -> Result<()> {
    let fed = FedSite::start()?;
    let profile = tempfile::tempdir()?;
    let app = App::browse(fed.site_server.url(), profile.path(), Screen::Desktop).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    app.search("nuova").await?;
    app.wait_for_text("#results li:first-child .name", |t| {
        t == "Scuola di italiano Nuova"
    })
    .await
    .context("the feed's new version, synced at start")?;
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-name", |t| t == QUESTURA).await?;
    app.click("#action-card").await?;
    app.wait_for_text("#card .card-name", |t| t == QUESTURA)
        .await?;
    app.click("#back").await?;
    app.click("#back").await?;
    app.click("#view-map").await?;
    app.wait_for_text("#map-zoom-in", |_| true)
        .await
        .context("the map of comuni, drawn from the app's own geometry")?;
    app.click("#nav-about").await?;
    app.wait_for_text("#attribution", |t| t.contains("openpolis"))
        .await?;

    app.stop().await?;
    let requests = requests_made(profile.path())?;
    let origin = |server: &Server| {
        server
            .url()
            .split('/')
            .take(3)
            .collect::<Vec<_>>()
            .join("/")
    };
    let (site, feed) = (origin(&fed.site_server), origin(&fed.feed_server));
    // What the app asked for: every request a page, worker or service worker of the site made.
    // Chromium's own traffic (its updates, account checks, autofill) has no initiator: it is
    // the browser's, made with or without Bussola, and is no part of this test.
    let by_the_app: Vec<&str> = requests
        .iter()
        .filter(|r| r.initiator.as_deref() == Some(site.as_str()))
        .map(|r| r.url.as_str())
        .collect();
    let elsewhere: Vec<&&str> = by_the_app
        .iter()
        .filter(|u| !u.starts_with(&format!("{site}/")) && !u.starts_with(&format!("{feed}/")))
        .collect();
    ensure!(
        elsewhere.is_empty(),
        "requests to other origins: {elsewhere:?}"
    );
    // The log is the whole story: it holds the engine worker's own requests (its wasm, and the
    // feed's manifest fetched by the sync), not only the page's.
    ensure!(
        by_the_app
            .iter()
            .any(|u| u.ends_with("/bussola_web_bg.wasm")),
        "{by_the_app:?}"
    );
    ensure!(
        by_the_app.contains(&format!("{feed}/feed/manifest.json").as_str()),
        "{by_the_app:?}"
    );
    Ok(())
}

/// In the web app, "Save to a file" downloads the directory, and another browser with no feed
/// loads it from the file picker and has the newer data.
#[tokio::test]
async fn the_directory_is_saved_as_a_download_and_loaded_in_another_browser() -> Result<()> {
    let fed = FedSite::start()?;
    let profile = tempfile::tempdir()?;
    let app = App::browse(fed.site_server.url(), profile.path(), Screen::Phone).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    app.search("nuova").await?;
    app.wait_for_text("#results li:first-child .name", |t| {
        t == "Scuola di italiano Nuova"
    })
    .await?;
    app.click("#nav-about").await?;
    app.click("#share-export").await?;
    let said = app
        .wait_for_text("#share-said", |t| t.starts_with("Scaricato come umbria-v"))
        .await?;
    let name = said.trim_start_matches("Scaricato come ").to_owned();
    let file = bussola_e2e::downloads_of(profile.path()).join(&name);
    let started = std::time::Instant::now();
    while !file.exists() {
        ensure!(
            started.elapsed().as_secs() < 15,
            "{} never arrived",
            file.display()
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.screenshot("web-share-saved-360x740").await?;
    app.stop().await?;

    // Another browser, its site with no feed at all: the file brings the newer version.
    let plain = serve_site()?;
    let other = tempfile::tempdir()?;
    let app = App::browse(plain.url(), other.path(), Screen::Desktop).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    app.click("#nav-about").await?;
    app.client
        .find(fantoccini::Locator::Css("#share-import"))
        .await?
        .send_keys(&file.display().to_string())
        .await?;
    app.wait_for_text("#share-said", |t| {
        t.starts_with("Dati aggiornati dal file: umbria")
    })
    .await?;
    app.click("#nav-search").await?;
    app.search("nuova").await?;
    app.wait_for_text("#results li:first-child .name", |t| {
        t == "Scuola di italiano Nuova"
    })
    .await?;
    app.stop().await
}

/// On a phone, a sheet of three services prints on A4 pages and is saved as one image, which
/// the browser downloads (Chromium on Linux has no share sheet for files).
#[tokio::test]
async fn a_sheet_of_three_services_prints_on_a4_and_downloads_as_an_image() -> Result<()> {
    let server = serve_site()?;
    let profile = tempfile::tempdir()?;
    let app = first_visit_to(server.url(), profile.path(), Screen::Phone).await?;
    app.search("questura").await?;
    for row in 1..=3 {
        app.click(&format!("#results li:nth-child({row}) .sheet-toggle"))
            .await?;
    }
    app.wait_for_text("#nav-sheet .nav-count", |t| t == "3")
        .await?;
    app.click("#nav-sheet").await?;
    app.wait_for_text("#sheet-title", |t| t == "Foglio dei servizi")
        .await?;
    app.wait_for_text("#sheet .sheet-entry:nth-of-type(3) .card-name", |t| {
        !t.is_empty()
    })
    .await?;
    ensure!(app.texts("#sheet .sheet-entry svg.qr").await?.len() == 3);
    let (page, window) = app.page_and_window_widths().await?;
    ensure!(
        page <= window,
        "the sheet is wider than the phone: {page} > {window}"
    );
    app.screenshot("web-sheet-it-360x740").await?;
    // The same sheet for a person who reads Arabic: their half first, Italian beside it.
    app.choose_language("ar").await?;
    app.wait_for_text("#sheet-title", |t| {
        t == Translator::new("ar").text("sheet-title")
    })
    .await?;
    app.wait_for_text(
        "#sheet .sheet-entry:nth-of-type(3) .card-half[lang='ar'] .card-name",
        |t| !t.is_empty(),
    )
    .await?;
    app.client
        .execute("document.querySelector('#sheet').scrollIntoView()", vec![])
        .await?;
    app.screenshot("web-sheet-ar-360x740").await?;
    app.choose_language("it").await?;
    app.wait_for_text("#sheet-title", |t| t == "Foglio dei servizi")
        .await?;

    // Printed on A4 as the print style lays it out, never scaled down to fit.
    let a4 = fantoccini::wd::PrintConfiguration::builder()
        .size(fantoccini::wd::PrintSize::A4)
        .shrink_to_fit(false)
        .background(true)
        .build()
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let pdf = app.client.print(a4).await?;
    ensure!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let text = String::from_utf8_lossy(&pdf);
    // Each page is an object `/Type /Page` (the tree above them is `/Type /Pages`).
    let pages = text
        .match_indices("/Type /Page")
        .filter(|(at, found)| !text[at + found.len()..].starts_with('s'))
        .count();
    ensure!((1..=3).contains(&pages), "{pages} pages for three services");
    let pdf_copy = bussola_e2e::screenshot_dir().join("web-sheet-it-a4.pdf");
    std::fs::write(&pdf_copy, &pdf)?;

    app.click("#sheet-save").await?;
    app.wait_for_text("#sheet-said", |t| t == "Immagine scaricata.")
        .await?;
    let downloads = bussola_e2e::downloads_of(profile.path());
    let image = wait_until(20, "the downloaded image", async || {
        let found = std::fs::read_dir(&downloads).ok().and_then(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .find(|p| p.extension().is_some_and(|x| x == "png"))
        });
        Ok(found.and_then(|p| std::fs::read(p).ok()))
    })
    .await?;
    let (width, height) = bussola_e2e::png_size(&image)?;
    ensure!(width == 1240 && height > 900, "{width}×{height}");
    std::fs::write(
        bussola_e2e::screenshot_dir().join("web-sheet-image-it.png"),
        &image,
    )?;
    app.stop().await
}

/// On a phone, in Arabic: "something is wrong" is kept by the worker's engine in the browser's
/// own database, listed under the favourites, and saved as a `.json` packet by a download.
#[tokio::test]
async fn a_correction_made_on_a_phone_in_arabic_is_kept_and_saved_as_a_packet() -> Result<()> {
    let server = serve_site()?;
    let profile = tempfile::tempdir()?;
    let ar = Translator::new("ar");
    let app = open_questura_on_a_first_visit(&server, profile.path(), Screen::Phone).await?;
    app.choose_language("ar").await?;
    app.click("#action-report").await?;
    app.wait_for_text("#correction-form h2", |t| t == ar.text("correction-title"))
        .await?;
    app.type_into("#correction-value", "075 5062111").await?;
    app.click("#correction-save").await?;
    app.wait_for_text("#correction-said p", |t| t == ar.text("correction-saved"))
        .await?;
    app.screenshot("web-correction-ar-360x740").await?;

    app.click("#nav-favourites").await?;
    app.wait_for_text("#my-corrections .correction-proposed", |t| {
        t.contains("075 5062111")
    })
    .await?;
    app.click("#my-corrections .correction-file").await?;
    let downloads = bussola_e2e::downloads_of(profile.path());
    let packet = wait_until(20, "the downloaded packet", async || {
        let found = std::fs::read_dir(&downloads).ok().and_then(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .find(|p| p.extension().is_some_and(|x| x == "json"))
        });
        Ok(found.and_then(|p| std::fs::read_to_string(p).ok()))
    })
    .await?;
    let read = bussola_model::read_correction_packets(&packet);
    ensure!(read.len() == 1, "{packet}");
    let packet = read[0].clone().map_err(anyhow::Error::msg)?;
    ensure!(
        packet.service == "questura-pg-immigrazione"
            && packet.proposed.as_deref() == Some("075 5062111"),
        "{packet:?}"
    );
    app.screenshot("web-my-corrections-ar-360x740").await?;
    app.stop().await
}
