//! The window keeps its data fresh: it syncs a feed served on loopback once its first screen is
//! drawn, shows the new data, and says in plain words when "Update now" cannot reach the feed.

use anyhow::Result;
use bussola_e2e::{App, Launch};
use directory::signature::{self, SigningKey};
use fantoccini::Locator;
use serde_json::json;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `python3 -m http.server` on a free loopback port, stopped on drop.
struct Server(Child);

impl Server {
    fn serve(dir: &std::path::Path) -> Result<(Server, u16)> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let child = Command::new("python3")
            .args([
                "-m",
                "http.server",
                "--bind",
                "127.0.0.1",
                &port.to_string(),
            ])
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            anyhow::ensure!(started.elapsed() < Duration::from_secs(10), "no server");
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok((Server(child), port))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_window_syncs_a_feed_and_says_when_it_cannot() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let (secret, _) = signature::generate()?;
    std::fs::write(dir.path().join("k.key"), secret)?;
    let key = SigningKey::load(&dir.path().join("k.key"), None)?;
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
    let (server, port) = Server::serve(&feed)?;
    let app = App::start(&Launch {
        db: dir.path().join("bussola.db"),
        screen: "1280x800",
        env: vec![
            ("BUSSOLA_FEED_URL", format!("http://127.0.0.1:{port}/")),
            ("BUSSOLA_FEED_PUBKEY", key.public()?.base64()),
        ],
    })
    .await?;

    // Nobody pressed anything: the sync ran after the first screen and the list grew.
    app.wait_for_text("#data-status", |t| {
        t.contains("piemonte: versione 1, 2 servizi")
    })
    .await?;
    app.wait_for_text("#result-count", |t| t == "43 servizi")
        .await?;
    let search = app.client.find(Locator::Css("#search")).await?;
    search.send_keys("novara").await?;
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
