//! The real window, driven through WebDriver: the UI reaches the engine over the IPC and shows
//! the bundled services.

use anyhow::Result;
use bussola_e2e::{App, Launch};

fn launch(dir: &tempfile::TempDir) -> Launch {
    Launch {
        db: dir.path().join("bussola.db"),
        screen: "1280x800",
        env: Vec::new(),
    }
}

#[tokio::test]
async fn the_window_lists_the_bundled_services_and_searches_them() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start(&launch(&dir)).await?;
    assert_eq!(app.client.title().await?, "Bussola");

    // With an empty box, the whole bundled directory (41 services) is listed.
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    app.screenshot("window-1280x800").await?;

    app.search("Questura Terni").await?;
    // The Questura itself first (its name has both words), then Terni's other permit offices,
    // the Prefettura and the comune's desk (reached through the category's word "questura").
    app.wait_for_text("#result-count", |t| t == "3 servizi")
        .await?;
    let names = app.texts("#results .name").await?;
    assert_eq!(names[0], "Questura di Terni - Ufficio Immigrazione");

    // Accents and case do not matter, and the words of the taxonomy reach their category.
    app.search("CITTÀ DI CASTELLO lavoro").await?;
    // Every job centre's description names the five comuni with one; the one whose own name
    // has the words ranks first.
    app.wait_for_text("#results li:first-child .name", |t| {
        t == "ARPAL Umbria - Centro per l'impiego di Città di Castello"
    })
    .await?;

    app.search("spoleto sportello").await?;
    app.wait_for_text("#result-count", |t| t == "1 servizio")
        .await?;
    let names = app.texts("#results .name").await?;
    assert_eq!(
        names,
        ["Commissariato di P.S. di Spoleto (sportello immigrazione)"]
    );

    // No service holds both words: those holding the most of them, and the list says so.
    app.search("cibo gratuito").await?;
    app.wait_for_text("#partial", |t| {
        t == "Nessun servizio contiene tutte le parole: ecco quelli che ne contengono di più."
    })
    .await?;
    let names = app.texts("#results .name").await?;
    assert!(names[0].starts_with("Caritas Terni - Mensa") || names[0].starts_with("Mensa"));

    app.search("zzzqqq").await?;
    app.wait_for_text("#result-count", |t| t == "Nessun servizio trovato")
        .await?;

    app.stop().await
}

#[tokio::test]
async fn the_list_fits_a_phone_sized_window() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start(&Launch {
        screen: "360x740",
        ..launch(&dir)
    })
    .await?;
    app.client.set_window_size(360, 740).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    // Nothing overflows sideways: the page is no wider than the window.
    let (scroll, inner) = app.page_and_window_widths().await?;
    assert_eq!(inner, 360.0, "the window took the phone size");
    assert!(
        scroll <= inner,
        "the page is {scroll} px wide in a {inner} px window"
    );
    app.screenshot("window-360x740").await?;
    app.stop().await
}

#[tokio::test]
async fn the_window_keeps_its_database_where_bussola_db_says() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let launch = launch(&dir);
    let app = App::start(&launch).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    app.stop().await?;
    assert!(
        launch.db.exists(),
        "the app wrote its database at BUSSOLA_DB"
    );
    Ok(())
}

#[tokio::test]
async fn the_first_start_asks_where_the_person_is_and_remembers_the_answer() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start(&launch(&dir)).await?;
    app.wait_for_text("#where-title", |t| t == "Dove sei?")
        .await?;
    app.screenshot("where-am-i-1280x800").await?;
    // Foligno by its postal code: the question is answered, and the nearest come first.
    app.type_into("#place", "06034").await?;
    app.click("#place-options .suggestion").await?;
    app.wait_for_text("#place-chosen", |t| t == "Foligno (PG)")
        .await?;
    app.wait_until_gone("#where-am-i").await?;
    app.search("lavoro").await?;
    app.wait_for_text("#results li:first-child .name", |t| {
        t == "ARPAL Umbria - Centro per l'impiego di Foligno"
    })
    .await?;
    app.stop().await?;

    // The place is remembered, so the question is not asked again.
    let app = App::start(&launch(&dir)).await?;
    app.wait_for_text("#place-chosen", |t| t == "Foligno (PG)")
        .await?;
    assert!(app.texts("#where-am-i").await?.is_empty());
    app.stop().await?;

    // "Not now" is remembered too.
    let other = tempfile::tempdir()?;
    let app = App::start(&launch(&other)).await?;
    app.click("#where-later").await?;
    app.wait_until_gone("#where-am-i").await?;
    app.stop().await?;
    let app = App::start(&launch(&other)).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    assert!(app.texts("#where-am-i").await?.is_empty());
    app.stop().await
}
