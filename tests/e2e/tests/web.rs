//! The web app in a real browser: Debian's Chromium, headless, through chromedriver, on the
//! site `cargo xtask web` builds (target/web), served on loopback. The directory engine runs in
//! the page's worker with its database in the browser's private file system (OPFS).

use anyhow::{Context, Result, ensure};
use bussola_e2e::{App, Screen, web_site};
use bussola_i18n::Translator;
use loopback::Server;
use serde_json::json;

const QUESTURA: &str = "Questura di Perugia - Ufficio Immigrazione";

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

/// Opens the site on a new profile at the size of `screen`, once the first visit's import has
/// filled the list, and then the Questura of Perugia's page from a search.
async fn open_questura_on_a_first_visit(
    server: &Server,
    profile: &std::path::Path,
    screen: Screen,
) -> Result<App> {
    let app = App::browse(server.url(), profile, screen).await?;
    app.wait_for_text("#result-count", |t| t == "41 servizi")
        .await
        .context("the bundled feed's 41 services, imported on the first visit")?;
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-name", |t| t == QUESTURA).await?;
    Ok(app)
}

/// Chooses `code` in the language picker, as a person does.
async fn choose_language(app: &App, code: &str) -> Result<()> {
    app.client
        .execute(
            "const s = document.getElementById('language'); s.value = arguments[0];
             s.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![json!(code)],
        )
        .await?;
    Ok(())
}

/// The first visit imports the bundled feed in the worker, and searches answer from it: by
/// words, by category, by comune; a service's page opens; Arabic lays out right to left.
async fn first_visit(screen: Screen) -> Result<()> {
    let server = serve_site()?;
    let profile = tempfile::tempdir()?;
    let app = App::browse(server.url(), profile.path(), screen).await?;
    app.wait_for_text("#result-count", |t| t == "41 servizi")
        .await
        .context("the bundled feed's 41 services, imported on the first visit")?;
    // By category: the chip narrows the list.
    app.click("#chip-permits").await?;
    app.wait_for_text("#result-count", |t| {
        t != "41 servizi" && t.ends_with("servizi")
    })
    .await?;
    let names = app.texts("#results .name").await?;
    ensure!(names.iter().any(|n| n == QUESTURA), "{names:?}");
    app.click("#chip-permits").await?;
    app.wait_for_text("#result-count", |t| t == "41 servizi")
        .await?;
    // By words, then the service's page.
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    app.screenshot(&format!("web-search-it-{}", size(screen)))
        .await?;
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-name", |t| t == QUESTURA).await?;
    app.screenshot(&format!("web-detail-it-{}", size(screen)))
        .await?;
    // Arabic, right to left, on the same screen.
    choose_language(&app, "ar").await?;
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
    choose_language(&app, "uk").await?;
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
    // In Ukrainian, the name the feed has only in Italian says so after it.
    app.wait_for_text("#results li:first-child .name", |t| t.starts_with(QUESTURA))
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
    let app = App::browse(server.url(), profile.path(), Screen::Phone).await?;
    app.wait_for_text("#result-count", |t| t == "41 servizi")
        .await?;
    // The offline copy is complete once the service worker is active.
    app.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             navigator.serviceWorker.ready.then(() => done(true));",
            vec![],
        )
        .await?;
    drop(server);
    app.client.refresh().await?;
    app.wait_for_text("#result-count", |t| t == "41 servizi")
        .await
        .context("the app, opened again with no server")?;
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    app.stop().await
}

/// A copy of the site whose config.json points at `feed` and whose CSP lets the page reach it,
/// as `cargo xtask web --feed-url` writes them.
fn site_for_feed(feed: &Server) -> Result<tempfile::TempDir> {
    let copy = tempfile::tempdir()?;
    let mut folders = vec![web_site()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            let target = copy.path().join(path.strip_prefix(web_site())?);
            if path.is_dir() {
                std::fs::create_dir_all(&target)?;
                folders.push(path);
            } else {
                std::fs::copy(&path, &target)?;
            }
        }
    }
    let origin = feed.url().trim_end_matches('/').trim_end_matches("/feed");
    std::fs::write(
        copy.path().join("config.json"),
        json!({ "feed_url": feed.url() }).to_string(),
    )?;
    let page = std::fs::read_to_string(copy.path().join("index.html"))?.replace(
        "connect-src 'self'",
        &format!("connect-src 'self' {origin}"),
    );
    std::fs::write(copy.path().join("index.html"), page)?;
    Ok(copy)
}

/// The next version of the Umbria feed, signed with the development key the app pins, into
/// `dir` with a delta from the version there (the bundled one, copied in when `dir` is empty):
/// that version's services and `extra`.
fn publish_umbria(dir: &std::path::Path, extra: &[serde_json::Value]) -> Result<()> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !dir.join("manifest.json").exists() {
        for file in std::fs::read_dir(root.join("data/umbria/feed"))? {
            let file = file?;
            std::fs::copy(file.path(), dir.join(file.file_name()))?;
        }
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json"))?)?;
    let snapshot = dir.join(manifest["snapshot"]["url"].as_str().unwrap_or_default());
    let mut snapshot: serde_json::Value = serde_json::from_slice(&std::fs::read(snapshot)?)?;
    let mut services = match snapshot["services"].take() {
        serde_json::Value::Array(services) => services,
        _ => Vec::new(),
    };
    services.extend(extra.iter().cloned());
    let secret = std::fs::read_to_string(root.join("data/umbria/dev-key/DEVELOPMENT-ONLY.key"))?;
    let key = directory::feed::keys::SigningKey::from_text(&secret, None)?;
    directory::publish::build("umbria", services, dir, &key, chrono::Utc::now())?;
    Ok(())
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
    let site = site_for_feed(&feed_server)?;
    let site_server = Server::start_at(site.path().to_owned(), "/");
    feed_server.allow_origin(site_server.url().trim_end_matches('/'));
    let profile = tempfile::tempdir()?;
    let app = App::browse(site_server.url(), profile.path(), Screen::Desktop).await?;
    // Nobody pressed anything: the sync ran after the first screen and the list grew.
    app.wait_for_text("#result-count", |t| t == "42 servizi")
        .await
        .context("the new version's service, after the sync at start")?;
    app.search("nuova").await?;
    app.wait_for_text("#results li:first-child .name", |t| {
        t == "Scuola di italiano Nuova"
    })
    .await?;

    // The next version's delta is altered on the way: refused, and said so.
    publish_umbria(feed.path(), &[service("falso", "Sportello Falso")])?;
    let delta = std::fs::read(feed.path().join("delta-3-4.json"))?;
    let altered = String::from_utf8(delta)?.replace("Sportello Falso", "Sportello Finto");
    feed_server.fail(
        "delta-3-4.json",
        loopback::Fault::Replace(altered.into_bytes()),
    );
    app.click("#update-now").await?;
    app.wait_for_text("#sync-state", |t| {
        t.starts_with(
            "Aggiornamento rifiutato: un file scaricato non corrisponde all'elenco firmato",
        )
    })
    .await?;
    app.search("").await?;
    app.wait_for_text("#result-count", |t| t == "42 servizi")
        .await
        .context("the data as it was before the refused sync")?;
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
    let app = App::browse(server.url(), profile.path(), Screen::Desktop).await?;
    app.wait_for_text("#result-count", |t| t == "41 servizi")
        .await?;
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
