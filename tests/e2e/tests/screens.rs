//! The screens people use, in the real window: search by words and by category, a service's
//! detail with its hours and phone, favourites that survive a restart, the map and its pins,
//! the referral card, and feed text that looks like markup shown as the text it is.

use anyhow::{Result, ensure};
use bussola_e2e::{App, Launch};
use directory::Store;
use fantoccini::Locator;
use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use serde_json::json;

const QUESTURA: &str = "Questura di Perugia - Ufficio Immigrazione";

fn launch(dir: &tempfile::TempDir, screen: &'static str) -> Launch {
    Launch {
        db: dir.path().join("bussola.db"),
        screen,
        env: Vec::new(),
    }
}

async fn attribute(app: &App, css: &str, name: &str) -> Result<Option<String>> {
    Ok(app.client.find(Locator::Css(css)).await?.attr(name).await?)
}

/// Opens the Questura of Perugia's detail from a search.
async fn open_questura(app: &App) -> Result<()> {
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-name", |t| t == QUESTURA).await?;
    Ok(())
}

#[tokio::test]
async fn search_by_words_and_by_category_then_read_a_service() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start(&launch(&dir, "1280x800")).await?;
    let everything = app
        .wait_for_text("#result-count", |t| t.ends_with("servizi"))
        .await?;

    // A category chip narrows the list to its services; pressing it again widens it back.
    app.click("#chip-permits").await?;
    let permits = app
        .wait_for_text("#result-count", |t| {
            t != everything && t.ends_with("servizi")
        })
        .await?;
    assert_eq!(
        attribute(&app, "#chip-permits", "aria-pressed")
            .await?
            .as_deref(),
        Some("true")
    );
    let names = app.texts("#results .name").await?;
    assert!(names.iter().any(|n| n == QUESTURA), "{names:?}");
    assert!(names.iter().any(|n| n.contains("Prefettura")), "{names:?}");
    // Words and a category together: permits in Terni.
    app.search("terni").await?;
    app.wait_for_text("#results li:first-child .name", |t| t.contains("Terni"))
        .await?;
    app.click("#chip-permits").await?;
    app.search("").await?;
    app.wait_for_text("#result-count", |t| t == everything)
        .await?;
    assert_ne!(permits, everything);

    // The detail: hours of the week with today marked, a tel: link, precision and sources.
    open_questura(&app).await?;
    let days = app.client.find_all(Locator::Css("#week tr")).await?;
    assert_eq!(days.len(), 7);
    assert_eq!(
        app.client
            .find_all(Locator::Css("#week tr[aria-current='date']"))
            .await?
            .len(),
        1
    );
    // Open on Wednesdays, unless this week's Wednesday is a public holiday.
    let wednesday_class = attribute(&app, "#week tr:nth-child(3)", "class").await?;
    if !wednesday_class.unwrap_or_default().contains("holiday") {
        let wednesday = app.texts("#week tr:nth-child(3) td").await?;
        assert_eq!(wednesday, ["15:00–18:00"]);
    }
    assert_eq!(
        attribute(&app, "#action-call", "href").await?.as_deref(),
        Some("tel:3283666748")
    );
    app.wait_for_text("#detail-precision", |t| t.contains("approssimativa"))
        .await?;
    let sources = app.texts("#detail-sources li").await?;
    ensure!(
        sources.iter().all(|s| s.starts_with("https://")),
        "{sources:?}"
    );
    app.wait_for_text("#detail-verified", |t| t.starts_with("Controllato il"))
        .await?;
    // "Report a problem" opens the correction form on the page (tested in fieldkit.rs).
    app.click("#action-report").await?;
    app.wait_for_text("#correction-form h2", |t| t == "Qualcosa non va")
        .await?;
    app.click("#action-report").await?;
    app.wait_until_gone("#correction-form").await?;
    app.screenshot("detail-1280x800").await?;

    // The referral card, in Italian only when the person reads Italian, with its QR code.
    app.click("#action-card").await?;
    app.wait_for_text("#card .card-name", |t| t == QUESTURA)
        .await?;
    assert_eq!(
        app.client.find_all(Locator::Css("#card-qr")).await?.len(),
        1
    );
    app.screenshot("card-1280x800").await?;

    // Back twice returns to the list.
    app.click("#back").await?;
    app.wait_for_text("#detail-name", |t| t == QUESTURA).await?;
    app.click("#back").await?;
    app.wait_for_text("#result-count", |t| {
        t.ends_with("servizio") || t.ends_with("servizi")
    })
    .await?;
    app.stop().await
}

#[tokio::test]
async fn a_favourite_is_there_after_a_restart() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start(&launch(&dir, "1280x800")).await?;
    // The About screen credits the map's and the comuni's data, and the open data the town halls
    // and hospitals come from.
    app.click("#nav-about").await?;
    app.wait_for_text("#attribution", |t| {
        t.contains("openpolis / ISTAT (CC-BY-4.0)")
            && t.contains("AgID – IPA")
            && t.contains("onData (CC BY 4.0)")
    })
    .await?;
    app.click("#nav-favourites").await?;
    app.wait_for_text("#favourites-empty", |t| !t.is_empty())
        .await?;
    app.click("#nav-search").await?;
    open_questura(&app).await?;
    app.click("#favourite").await?;
    app.wait_for_text("#favourite", |t| t == "Togli dai preferiti")
        .await?;
    app.stop().await?;

    let app = App::start(&launch(&dir, "1280x800")).await?;
    app.click("#nav-favourites").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    assert_eq!(app.texts("#results .name").await?.len(), 1);
    app.stop().await
}

#[tokio::test]
async fn the_map_draws_pins_and_a_pin_opens_its_service() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start(&launch(&dir, "1280x800")).await?;
    app.wait_for_text("#result-count", |t| t.ends_with("servizi"))
        .await?;
    app.search("questura perugia").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    app.click("#view-map").await?;
    let pin = "#map .pin[data-ids~='questura-pg-immigrazione']";
    let started = std::time::Instant::now();
    while app.client.find_all(Locator::Css(pin)).await?.is_empty() {
        ensure!(started.elapsed().as_secs() < 15, "the pin never appeared");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // The boundaries are drawn: Umbria's 92 comuni among them.
    assert!(
        app.client
            .find_all(Locator::Css("#map path.comune"))
            .await?
            .len()
            >= 92
    );

    // Zooming in narrows the view box.
    let width = |view_box: Option<String>| -> f64 {
        view_box
            .and_then(|v| v.split(' ').nth(2).and_then(|w| w.parse().ok()))
            .unwrap_or(0.0)
    };
    let before = width(attribute(&app, "#map", "viewBox").await?);
    app.click("#map-zoom-in").await?;
    let after = width(attribute(&app, "#map", "viewBox").await?);
    assert!(after < before, "zoom in: {before} → {after}");
    app.screenshot("map-1280x800").await?;

    // The comuni's names where they fit, none over another, Perugia's among them.
    let labels = app
        .client
        .execute(
            "return [...document.querySelectorAll('#map .comune-label')].map(t => {
                 const r = t.getBoundingClientRect();
                 return [t.textContent, r.left, r.top, r.right, r.bottom];
             });",
            vec![],
        )
        .await?;
    let labels: Vec<(String, f64, f64, f64, f64)> = serde_json::from_value(labels)?;
    ensure!(
        labels.iter().any(|l| l.0 == "Perugia"),
        "no Perugia among {labels:?}"
    );
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            // A pixel of slack: the halo's stroke reaches past the letters.
            let apart =
                a.3 <= b.1 + 1.0 || b.3 <= a.1 + 1.0 || a.4 <= b.2 + 1.0 || b.4 <= a.2 + 1.0;
            ensure!(apart, "{} and {} overlap", a.0, b.0);
        }
    }

    // Choosing a pin shows its service, and the card leads to the detail.
    // A real pointer's press and release on the pin, as a mouse or a finger gives them, at the
    // pin's centre on screen.
    let centre = app
        .client
        .execute(
            "const r = document.querySelector(arguments[0] + ' .pin-dot').getBoundingClientRect();
             return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![json!(pin)],
        )
        .await?;
    let tap = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: centre[0].as_f64().unwrap_or(0.0).round(),
            y: centre[1].as_f64().unwrap_or(0.0).round(),
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    app.client.perform_actions(tap).await?;
    // Services known only by their comune share its centre: the pin lists them all.
    app.wait_for_text("#pin-card", |t| t.contains(QUESTURA))
        .await?;
    app.click("#pin-card .pin-open[data-id='questura-pg-immigrazione']")
        .await?;
    app.wait_for_text("#detail-name", |t| t == QUESTURA).await?;

    // Back on the map, the same services as a list are one step away.
    app.click("#back").await?;
    app.wait_for_text("#map-as-list", |t| t.contains("come elenco"))
        .await?;
    app.click("#map-as-list").await?;
    app.wait_for_text("#results li:first-child .name", |t| t == QUESTURA)
        .await?;
    app.stop().await
}

#[tokio::test]
async fn names_that_look_like_markup_are_shown_as_text() -> Result<()> {
    // Syncs refuse markup (validate.rs); this store is written directly, as an older or buggy
    // version might have left it, to prove the window never renders feed text as HTML.
    let dir = tempfile::tempdir()?;
    let launch = launch(&dir, "1280x800");
    let script = "<script>window.__bussolaPwned = 1</script>Sportello";
    let image = "<img src=x onerror=\"window.__bussolaPwned = 2\">Mensa";
    let services: Vec<serde_json::Value> = [script, image]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            json!({
                "id": format!("s{i}"), "name": name, "status": "active",
                "categories": ["access-point"], "description": name,
                "service_at_locations": [{"location": {"latitude": 43.1, "longitude": 12.4,
                    "addresses": [{"city": "<b>Perugia</b>"}]}}]
            })
        })
        .collect();
    // Markup no feed may carry, stored as it is: the screens must still show it as text.
    let snapshot = json!({"feed": "umbria", "version": 1, "services": services}).to_string();
    Store::open(&launch.db)?.import_unchecked_for_tests(&snapshot)?;

    let app = App::start(&launch).await?;
    app.wait_for_text("#result-count", |t| t == "2 servizi")
        .await?;
    let mut names = app.texts("#results .name").await?;
    names.sort();
    assert_eq!(names, [image, script]);
    assert!(
        app.client
            .find_all(Locator::Css("#results img, #results script, #results b"))
            .await?
            .is_empty()
    );
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-description", |t| t == image || t == script)
        .await?;
    assert!(
        app.client
            .find_all(Locator::Css("#detail img, #detail script, #detail b"))
            .await?
            .is_empty()
    );
    let pwned = app
        .client
        .execute("return window.__bussolaPwned === undefined", vec![])
        .await?;
    assert_eq!(pwned, json!(true), "no feed text ran as script");
    app.stop().await
}

#[tokio::test]
async fn the_screens_fit_a_phone() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start(&launch(&dir, "360x740")).await?;
    app.client.set_window_size(360, 740).await?;
    app.wait_for_text("#result-count", |t| t.ends_with("servizi"))
        .await?;
    let fits = async || -> Result<()> {
        let (page, window) = app.page_and_window_widths().await?;
        ensure!(
            page <= window,
            "the page is {page} px wide in a {window} px window"
        );
        Ok(())
    };
    fits().await?;
    app.screenshot("search-360x740").await?;
    open_questura(&app).await?;
    fits().await?;
    app.screenshot("detail-360x740").await?;
    app.click("#action-card").await?;
    app.wait_for_text("#card .card-name", |t| t == QUESTURA)
        .await?;
    fits().await?;
    app.screenshot("card-360x740").await?;
    app.click("#back").await?;
    app.click("#back").await?;
    app.click("#view-map").await?;
    app.wait_for_text("#map-hint", |t| !t.is_empty()).await?;
    fits().await?;
    app.screenshot("map-360x740").await?;
    app.click("#view-list").await?;
    app.stop().await
}
