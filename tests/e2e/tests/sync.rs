//! The window keeps its data fresh: it syncs a feed served on loopback once its first screen is
//! drawn, shows the new data, and says in plain words when "Update now" cannot reach the feed.

use anyhow::Result;
use bussola_e2e::{App, Launch};
use directory::feed::keys::{self, SigningKey};
use fantoccini::Locator;
use loopback::Server;
use serde_json::json;

#[tokio::test]
async fn the_window_syncs_a_feed_and_says_when_it_cannot() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let (secret, _) = keys::generate()?;
    let key = SigningKey::from_text(&secret, None)?;
    let service = |id: &str, name: &str| {
        json!({"id": id, "name": name, "status": "active", "categories": ["language"],
               "service_at_locations": [{"location": {"latitude": 45.45, "longitude": 8.62}}]})
    };
    let feed = dir.path().join("feed");
    directory::publish::build(
        "piemonte",
        vec![
            service("cpia-novara", "CPIA Novara"),
            service("cpia-biella", "CPIA Biella"),
        ],
        &feed,
        &key,
        chrono::Utc::now(),
    )?;
    let server = Server::start_at(&feed, "/");
    let app = App::start(&Launch {
        db: dir.path().join("bussola.db"),
        screen: "1280x800",
        env: vec![
            ("BUSSOLA_FEED_URL", server.url().to_owned()),
            ("BUSSOLA_FEED_PUBKEY", key.public()?.base64().to_owned()),
        ],
    })
    .await?;

    // Nobody pressed anything: the sync ran after the first screen, and searches find its data.
    app.wait_for_text("#data-status", |t| {
        t.contains("piemonte: versione 1, 2 servizi")
    })
    .await?;
    app.search("novara").await?;
    app.wait_for_text("#result-count", |t| t == "1 servizio")
        .await?;

    // The feed's server goes away; "Update now" says so and the data stays.
    drop(server);
    app.client
        .find(Locator::Css("#update-now"))
        .await?
        .click()
        .await?;
    app.wait_for_text("#sync-state", |t| {
        t.starts_with("Aggiornamento non riuscito: il server dei dati non risponde")
    })
    .await?;
    // The engine's own words stay at hand, folded under "Technical details".
    app.wait_for_text("#sync-state details summary", |t| t == "Dettagli tecnici")
        .await?;
    app.wait_for_text("#data-status", |t| {
        t.contains("piemonte: versione 1, 2 servizi")
            && t.contains("L'ultimo aggiornamento non è riuscito")
    })
    .await?;
    app.screenshot("sync-failed-1280x800").await?;
    app.stop().await
}
