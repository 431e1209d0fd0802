//! A damaged database does not stop the app: whether the damage shows when the file is opened or
//! only when it is read through, the window comes up on the bundled feed, the person's favourite
//! comes back, the damaged file is kept beside the new one, and the window says what happened.

use anyhow::{Result, ensure};
use bussola_e2e::{App, Launch};
use std::path::Path;

/// Files in `dir` whose name starts with `bussola.db.<kind>`, their SQLite journals aside.
fn kept(dir: &Path, kind: &str) -> Result<Vec<String>> {
    let prefix = format!("bussola.db.{kind}");
    Ok(std::fs::read_dir(dir)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| {
            name.starts_with(&prefix) && !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .collect())
}

/// The window shows the notice and the whole bundled feed, in the language `code`.
async fn shows_the_bundled_feed_and_the_notice(app: &App, notice: &str, code: &str) -> Result<()> {
    app.wait_for_text("#data-notice", |t| t.contains(notice))
        .await?;
    let all = bussola_e2e::all_bundled_in(code);
    app.wait_for_text("#result-count", |t| t == all).await?;
    Ok(())
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_put_aside_at_start() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("bussola.db");
    let garbage = b"half a download, not SQLite".repeat(300);
    std::fs::write(&db, &garbage)?;

    let app = App::start(&Launch {
        db: db.clone(),
        screen: "360x740",
        env: vec![],
    })
    .await?;
    app.client.set_window_size(360, 740).await?;
    shows_the_bundled_feed_and_the_notice(&app, "erano danneggiati", "it").await?;
    // Nothing of the person's could be read from it, and the notice says so.
    app.wait_for_text("#data-notice", |t| {
        t.contains("Non è stato possibile leggere")
    })
    .await?;
    app.screenshot("recovered-it-360x740").await?;
    app.stop().await?;

    let aside = kept(dir.path(), "damaged-")?;
    ensure!(aside.len() == 1, "one damaged file kept: {aside:?}");
    ensure!(std::fs::read(dir.path().join(&aside[0]))? == garbage);
    Ok(())
}

#[tokio::test]
async fn broken_pages_found_after_start_are_recovered_with_the_favourites() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("bussola.db");
    {
        let mut store = directory::Store::open(&db)?;
        directory::bundled::import_bundled(&mut store)?;
        store.add_favourite("umbria", "questura-pg-immigrazione")?;
        store.set_setting("locale", Some("ar"))?;
    }
    // Break the last pages of the feed's records (SQLite's dbstat says which): the file still
    // opens, and only a read through it finds the damage.
    let pages: Vec<i64> = {
        let conn = rusqlite::Connection::open(&db)?;
        let mut stmt =
            conn.prepare("SELECT pageno FROM dbstat WHERE name = 'service' ORDER BY pageno")?;
        stmt.query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?
    };
    let mut bytes = std::fs::read(&db)?;
    for page in &pages[pages.len() - 8..] {
        let start = (*page as usize - 1) * 4096;
        bytes[start..start + 4096].fill(0x5A);
    }
    std::fs::write(&db, &bytes)?;

    let app = App::start(&Launch {
        db: db.clone(),
        screen: "1280x800",
        env: vec![],
    })
    .await?;
    // The language came back with the settings: the notice is in Arabic.
    let tr = bussola_i18n::Translator::new("ar");
    shows_the_bundled_feed_and_the_notice(&app, &tr.text("recovered-kept"), "ar").await?;
    app.screenshot("recovered-ar-1280x800").await?;
    app.click("#nav-favourites").await?;
    app.wait_for_text("#main", |t| t.contains("Questura"))
        .await?;
    app.click("#data-notice button").await?;
    ensure!(
        app.texts("#data-notice").await?.is_empty(),
        "the notice closes"
    );
    app.stop().await?;

    ensure!(kept(dir.path(), "damaged-")?.len() == 1);
    ensure!(kept(dir.path(), "user-data-")?.len() == 1);
    directory::recovery::check(&db).map_err(anyhow::Error::msg)?;
    Ok(())
}
