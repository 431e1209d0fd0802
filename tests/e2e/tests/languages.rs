//! The window speaks the person's language: the system's language on first start (Arabic here,
//! right to left), any of the eleven from the picker on any screen, remembered across restarts.

use anyhow::{Result, ensure};
use bussola_e2e::{App, Launch};
use bussola_i18n::Translator;
use fantoccini::Locator;
use serde_json::json;

fn launch(dir: &tempfile::TempDir, screen: &'static str, system: &str) -> Launch {
    Launch {
        db: dir.path().join("bussola.db"),
        screen,
        // WebKit reports the system's languages from the usual locale variables.
        env: vec![
            ("LANGUAGE", system.to_owned()),
            ("LANG", format!("{system}.UTF-8")),
        ],
    }
}

async fn document_direction(app: &App) -> Result<(String, String)> {
    let value = app
        .client
        .execute(
            "return [document.documentElement.lang, document.documentElement.dir]",
            vec![],
        )
        .await?;
    Ok((
        value[0].as_str().unwrap_or_default().to_owned(),
        value[1].as_str().unwrap_or_default().to_owned(),
    ))
}

async fn open_first_service(app: &App) -> Result<()> {
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t.contains("Questura"))
        .await?;
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-name", |t| t.contains("Questura"))
        .await?;
    Ok(())
}

#[tokio::test]
async fn an_arabic_system_gets_arabic_right_to_left() -> Result<()> {
    let arabic = Translator::new("ar");
    for screen in ["1280x800", "360x740"] {
        let dir = tempfile::tempdir()?;
        let app = App::start(&launch(&dir, screen, "ar_MA")).await?;
        if screen == "360x740" {
            app.client.set_window_size(360, 740).await?;
        }
        app.wait_for_text("#search-label", |t| t == arabic.text("search-label"))
            .await?;
        assert_eq!(
            document_direction(&app).await?,
            ("ar".to_owned(), "rtl".to_owned())
        );
        app.wait_for_text("#chip-permits", |t| t == arabic.category("permits"))
            .await?;
        // A first start asks where the person is, in their language.
        app.wait_for_text("#where-title", |t| t == arabic.text("where-title"))
            .await?;
        // Every name has the project's Arabic translation.
        let first = app
            .client
            .find(Locator::Css("#results li:first-child .hit-open"))
            .await?;
        assert_eq!(first.attr("lang").await?.as_deref(), Some("ar"));
        app.screenshot(&format!("search-ar-{screen}")).await?;
        open_first_service(&app).await?;
        // The name is the project's translation of the Italian, and says so.
        let marker = app.texts("#detail-name .translated").await?;
        assert_eq!(marker, [arabic.text("translated-from-italian")]);
        app.screenshot(&format!("detail-ar-{screen}")).await?;
        app.client
            .find(Locator::Css("#action-card"))
            .await?
            .click()
            .await?;
        app.wait_for_text("#card .card-show", |t| t == arabic.text("card-show"))
            .await?;
        app.screenshot(&format!("card-ar-{screen}")).await?;
        app.stop().await?;
    }
    Ok(())
}

#[tokio::test]
async fn the_language_switches_from_any_screen_and_is_remembered() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let launch = launch(&dir, "1280x800", "pt_BR");
    let app = App::start(&launch).await?;
    // Portuguese is not one of ours: Italian.
    app.wait_for_text("#search-label", |t| t == "Cerca un servizio")
        .await?;
    open_first_service(&app).await?;
    // Switch on the detail screen: the screen stays, its words change.
    app.choose_language("uk").await?;
    let ukrainian = Translator::new("uk");
    app.wait_for_text("#hours-title", |t| t == ukrainian.text("detail-hours"))
        .await?;
    assert_eq!(
        document_direction(&app).await?,
        ("uk".to_owned(), "ltr".to_owned())
    );
    app.screenshot("detail-uk-1280x800").await?;
    // Back on the list, the rows were drawn again in Ukrainian.
    app.click("#back").await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        // The list is drawn again after "back": its first row may not be there yet.
        if let Ok(first) = app
            .client
            .find(Locator::Css("#results li:first-child .hit-open"))
            .await
            && first.attr("lang").await.ok().flatten().as_deref() == Some("uk")
        {
            break;
        }
        ensure!(
            std::time::Instant::now() < deadline,
            "the list was not drawn again in Ukrainian"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.stop().await?;

    let app = App::start(&launch).await?;
    app.wait_for_text("#search-label", |t| t == ukrainian.text("search-label"))
        .await?;
    let chosen = app
        .client
        .execute("return document.getElementById('language').value", vec![])
        .await?;
    ensure!(
        chosen == json!("uk"),
        "the picker shows the remembered language: {chosen}"
    );
    app.screenshot("search-uk-1280x800").await?;
    app.client.set_window_size(360, 740).await?;
    app.screenshot("search-uk-360x740").await?;
    app.stop().await
}

/// The flag a service checked on `checked` carries today, in `tr`'s words.
fn stale_flag(tr: &Translator, checked: &str) -> String {
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    match bussola_model::data_age(Some(checked), &today) {
        bussola_model::DataAge::YearsOld(years) => {
            tr.text_with("data-checked-years-ago", &[("years", years.into())])
        }
        age => panic!("{checked} is not old data today: {age:?}"),
    }
}

#[tokio::test]
async fn old_data_is_flagged_in_the_list_on_its_page_and_in_about() -> Result<()> {
    // The 1522 helpline's sources are years old.
    let mut store = directory::Store::open_in_memory()?;
    directory::bundled::import_bundled(&mut store)?;
    let (_, record) = store.service_record("numero-1522")?;
    let checked = record["assured_date"].as_str().expect("dated").to_owned();
    let (italian, arabic) = (Translator::new("it"), Translator::new("ar"));

    let dir = tempfile::tempdir()?;
    let app = App::start(&launch(&dir, "360x740", "C")).await?;
    app.client.set_window_size(360, 740).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    app.search("1522").await?;
    let flag = stale_flag(&italian, &checked);
    app.wait_for_text("#results li:first-child .stale", |t| t == flag)
        .await?;
    app.screenshot("stale-list-it-360x740").await?;
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-stale", |t| t == flag).await?;
    app.screenshot("stale-detail-it-360x740").await?;

    // In Arabic, on the same page.
    app.choose_language("ar").await?;
    let flag = stale_flag(&arabic, &checked);
    app.wait_for_text("#detail-stale", |t| t == flag).await?;
    app.screenshot("stale-detail-ar-360x740").await?;

    // About says how much of the directory is that old.
    let stale = store.feeds()?[0].stale_services;
    let total = directory::bundled::BUNDLED_SERVICES;
    let share = arabic.text_with(
        "about-stale",
        &[("stale", stale.into()), ("total", total.into())],
    );
    app.click("#nav-about").await?;
    app.wait_for_text("#about-stale", |t| t == share).await?;
    app.screenshot("stale-about-ar-360x740").await?;

    // A town hall known only to its comune's centre, but with its street: directions hand the
    // maps app the address, to find the door rather than the middle of town.
    app.click("#nav-search").await?;
    app.search("Preci").await?;
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-name", |t| t.contains("Preci"))
        .await?;
    let directions = app
        .client
        .find(Locator::Css("#action-directions"))
        .await?
        .attr("href")
        .await?
        .unwrap_or_default();
    assert!(
        directions.starts_with("geo:0,0?q=") && directions.contains("Preci"),
        "{directions}"
    );
    app.stop().await
}
