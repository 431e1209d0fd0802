//! The window keeps its data fresh: it syncs a feed served on loopback once its first screen is
//! drawn, shows the new data, and says in plain words when "Update now" cannot reach the feed.

use anyhow::{Result, ensure};
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

#[tokio::test]
async fn a_closed_service_and_the_feeds_notice_come_first_in_both_languages() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let (secret, _) = keys::generate()?;
    let key = SigningKey::from_text(&secret, None)?;
    let service = |id: &str, name: &str| {
        json!({"id": id, "name": name, "status": "active", "categories": ["permits"],
               "service_at_locations": [{"location": {"latitude": 45.45, "longitude": 8.62},
                                         "opening_hours": "24/7"}]})
    };
    let mut questura = service("questura-novara", "Questura di Novara");
    questura["status"] = "temporarily closed".into();
    questura["closed_until"] = "2099-12-12".into();
    questura["alert"] = "Le pratiche si fanno alla Prefettura.".into();
    questura["translations"] =
        json!({"ar": {"alert": "تُقدَّم الطلبات في المحافظة.", "name": "مقر شرطة نوفارا"}});
    let notice = bussola_model::FeedNotice {
        id: "questura-chiusa".into(),
        text: [
            (
                "it".to_owned(),
                "La Questura di Novara è chiusa per lavori.".to_owned(),
            ),
            (
                "ar".to_owned(),
                "مقر شرطة نوفارا مغلق بسبب أعمال.".to_owned(),
            ),
        ]
        .into(),
        until: Some("2099-12-12".into()),
    };
    let feed = dir.path().join("feed");
    directory::publish::build_from(
        "the test",
        "piemonte",
        vec![
            questura,
            service("prefettura-novara", "Prefettura di Novara"),
        ],
        vec![notice],
        &feed,
        &key,
        chrono::Utc::now(),
    )?;
    let server = Server::start_at(&feed, "/");
    let launch = |screen| Launch {
        db: dir.path().join("bussola.db"),
        screen,
        env: vec![
            ("BUSSOLA_FEED_URL", server.url().to_owned()),
            (
                "BUSSOLA_FEED_PUBKEY",
                key.public().unwrap().base64().to_owned(),
            ),
        ],
    };
    let app = App::start(&launch("360x740")).await?;
    app.client.set_window_size(360, 740).await?;

    // The sync brings the notice, at the top of the screen.
    app.wait_for_text("#notice-questura-chiusa", |t| {
        t.contains("La Questura di Novara è chiusa per lavori.")
    })
    .await?;
    app.search("novara").await?;
    app.wait_for_text("#results li[data-id='questura-novara'] .closure", |t| {
        t == "Chiuso temporaneamente fino al 12/12/2099"
    })
    .await?;
    app.wait_for_text(
        "#results li[data-id='questura-novara'] .service-alert",
        |t| t == "Le pratiche si fanno alla Prefettura.",
    )
    .await?;
    app.screenshot("closed-list-it-360x740").await?;

    // Open all day and night, yet not "open now" while closed.
    app.click("#open-now").await?;
    app.wait_for_text("#result-count", |t| t == "1 servizio")
        .await?;
    let names = app.texts("#results .name").await?;
    assert_eq!(names, ["Prefettura di Novara"]);
    app.click("#open-now").await?;
    app.wait_for_text("#result-count", |t| t == "2 servizi")
        .await?;

    // Its page says it first, and in Arabic the alert is the editors' Arabic.
    app.click("#results li[data-id='questura-novara'] .hit-open")
        .await?;
    app.wait_for_text("#detail-closed", |t| {
        t == "Chiuso temporaneamente fino al 12/12/2099"
    })
    .await?;
    app.choose_language("ar").await?;
    app.wait_for_text("#detail-alert", |t| t.contains("تُقدَّم الطلبات في المحافظة."))
        .await?;
    app.wait_for_text("#notice-questura-chiusa", |t| {
        t.contains("مقر شرطة نوفارا مغلق بسبب أعمال.")
    })
    .await?;
    app.screenshot("closed-detail-ar-360x740").await?;

    // Closed once, the notice stays closed, after a restart too.
    app.click("#notice-questura-chiusa .notice-close").await?;
    app.wait_until_gone("#notice-questura-chiusa").await?;
    app.stop().await?;
    let app = App::start(&launch("1280x800")).await?;
    // The feeds are read (the footer shows them, in Arabic now), and a moment later still no
    // notice.
    app.wait_for_text("#data-status", |t| t.contains("piemonte"))
        .await?;
    app.search("novara").await?;
    app.wait_for_text("#results li[data-id='questura-novara'] .closure", |t| {
        !t.is_empty()
    })
    .await?;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(app.texts("#notice-questura-chiusa").await?.is_empty());
    app.screenshot("closed-list-ar-1280x800").await?;
    app.stop().await
}

/// Chooses `file` in About's "Load from a file", as the file picker does.
async fn load_file(app: &App, file: &std::path::Path) -> Result<()> {
    app.click("#nav-about").await?;
    app.client
        .find(Locator::Css("#share-import"))
        .await?
        .send_keys(&file.display().to_string())
        .await?;
    Ok(())
}

#[tokio::test]
async fn the_directory_goes_hand_to_hand_in_a_file_and_an_altered_file_is_refused() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let it = bussola_i18n::Translator::new("it");
    // A newer Umbria than the bundled one, in a folder the first device syncs from.
    let online = dir.path().join("online");
    std::fs::create_dir(&online)?;
    let desk = json!({"id": "sportello-nuovo", "name": "Sportello Nuovissimo", "status": "active",
                      "categories": ["access-point"],
                      "service_at_locations": [{"location": {"latitude": 43.11, "longitude": 12.39}}]});
    bussola_e2e::publish_umbria(&online, &[desk])?;
    // The files go to the home folder the test gives (it has no Downloads folder).
    let home = dir.path().join("home");
    std::fs::create_dir(&home)?;
    let launch = |db: &str, feed: Option<&std::path::Path>| {
        let mut env = vec![
            ("HOME", home.display().to_string()),
            (
                "XDG_CONFIG_HOME",
                home.join(".config").display().to_string(),
            ),
        ];
        if let Some(feed) = feed {
            env.push(("BUSSOLA_FEED_URL", feed.display().to_string()));
        }
        Launch {
            db: dir.path().join(db),
            screen: "1280x800",
            env,
        }
    };

    // The mediator's device, updated in town.
    let app = App::start(&launch("mediator.db", Some(&online))).await?;
    app.wait_for_text("#data-status", |t| t.contains("145 servizi"))
        .await?;
    app.click("#nav-about").await?;
    app.click("#share-export").await?;
    let said = app
        .wait_for_text("#share-said", |t| t.starts_with("Salvato in "))
        .await?;
    let saved = std::path::PathBuf::from(said.trim_start_matches("Salvato in "));
    assert!(saved.starts_with(&home), "{}", saved.display());
    assert!(saved.to_string_lossy().ends_with(".bussola"));
    app.client
        .execute(
            "document.getElementById('share-said').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await?;
    app.screenshot("share-saved-1280x800").await?;
    app.stop().await?;

    // A colleague's device, with no network: loads the file and finds the new desk.
    let app = App::start(&launch("colleague.db", None)).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    load_file(&app, &saved).await?;
    app.wait_for_text("#share-said", |t| {
        t.starts_with("Dati aggiornati dal file: umbria")
    })
    .await?;
    app.wait_for_text("#data-status", |t| t.contains("145 servizi"))
        .await?;
    app.click("#nav-search").await?;
    app.search("Nuovissimo").await?;
    app.wait_for_text("#result-count", |t| t == "1 servizio")
        .await?;
    app.stop().await?;

    // One byte changed in the file: refused in plain words, the data as it was.
    let mut altered = std::fs::read(&saved)?;
    let at = altered
        .windows(7)
        .position(|w| w == b"Questur")
        .expect("a Questura in the snapshot");
    altered[at] = b'q';
    let altered_path = home.join("altered.bussola");
    std::fs::write(&altered_path, altered)?;
    let app = App::start(&launch("third.db", None)).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    load_file(&app, &altered_path).await?;
    app.wait_for_text("#share-said", |t| t == it.text("sync-failed-mismatch"))
        .await?;
    app.client
        .execute(
            "document.getElementById('share-said').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await?;
    app.screenshot("share-refused-1280x800").await?;
    app.wait_for_text("#data-status", |t| t.contains("144 servizi"))
        .await?;
    app.stop().await?;

    // Files given on the command line ("Open with Bussola"), the altered one and the good one:
    // each said above the screen, the good one loaded.
    let app = App::start_opening(&launch("fourth.db", None), &[&altered_path, &saved]).await?;
    let said = app
        .wait_for_text("#opened-files", |t| t.contains("Dati aggiornati dal file"))
        .await?;
    ensure!(
        said.contains("altered.bussola") && said.contains(&it.text("sync-failed-mismatch")),
        "{said}"
    );
    app.wait_for_text("#data-status", |t| t.contains("145 servizi"))
        .await?;
    app.screenshot("share-opened-1280x800").await?;
    app.click("#opened-files .notice-close").await?;
    app.wait_until_gone("#opened-files").await?;
    app.stop().await
}
