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
        // Names the feed has only in Italian say so in the list too.
        app.wait_for_text("#results li:first-child .in-italian", |t| {
            t == arabic.text("in-italian")
        })
        .await?;
        app.screenshot(&format!("search-ar-{screen}")).await?;
        open_first_service(&app).await?;
        // The Italian name is marked as Italian inside the Arabic page.
        let marker = app.texts("#detail-name .in-italian").await?;
        assert_eq!(marker, [arabic.text("in-italian")]);
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
    app.client
        .execute(
            "const s = document.getElementById('language'); s.value = 'uk';
             s.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![],
        )
        .await?;
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
    app.wait_for_text("#results .in-italian", |t| {
        t == ukrainian.text("in-italian")
    })
    .await?;
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
