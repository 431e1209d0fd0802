//! The mediator's field kit in the real window: a referral sheet of several services, in the
//! person's language beside Italian with a QR code each, saved as an image; corrections kept on
//! the device until the person sends them.

use anyhow::{Context, Result, ensure};
use bussola_e2e::{App, Launch};
use bussola_i18n::Translator;

/// A window on a fresh database whose files go to a home folder of the test's own.
fn launch(dir: &tempfile::TempDir, screen: &'static str) -> Launch {
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).expect("a home folder");
    Launch {
        db: dir.path().join("bussola.db"),
        screen,
        env: vec![
            ("HOME", home.display().to_string()),
            (
                "XDG_CONFIG_HOME",
                home.join(".config").display().to_string(),
            ),
        ],
    }
}

#[tokio::test]
async fn a_sheet_of_three_services_in_arabic_beside_italian_saved_as_an_image() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let ar = Translator::new("ar");
    let app = App::start(&launch(&dir, "1280x800")).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    app.choose_language("ar").await?;
    app.search("questura").await?;
    // Three services from the list, each with its row's own button.
    let mut names = Vec::new();
    for row in 1..=3 {
        let css = format!("#results li:nth-child({row})");
        names.push(app.texts(&format!("{css} .hit-open")).await?.remove(0));
        app.click(&format!("{css} .sheet-toggle")).await?;
    }
    app.wait_for_text("#nav-sheet .nav-count", |t| t == "3")
        .await?;
    app.click("#nav-sheet").await?;
    app.wait_for_text("#sheet-title", |t| t == ar.text("sheet-title"))
        .await?;
    app.wait_for_text("#sheet-list li:nth-child(3) .sheet-row-name", |t| {
        t == names[2]
    })
    .await?;
    let listed = app.texts("#sheet-list .sheet-row-name").await?;
    ensure!(listed == names, "{listed:?} ≠ {names:?}");
    // Each service: its Arabic half, its Italian half, its QR code.
    ensure!(app.texts("#sheet .sheet-entry").await?.len() == 3);
    ensure!(
        app.texts("#sheet .sheet-entry .card-half[lang='ar']")
            .await?
            .len()
            == 3
    );
    ensure!(
        app.texts("#sheet .sheet-entry .card-half[lang='it']")
            .await?
            .len()
            == 3
    );
    ensure!(app.texts("#sheet .sheet-entry svg.qr").await?.len() == 3);
    let labels = app
        .texts("#sheet .card-half[lang='it'] .card-label")
        .await?;
    ensure!(labels.iter().any(|l| l == "Indirizzo"), "{labels:?}");
    app.screenshot("sheet-ar-1280x800").await?;

    // The second goes first, the third is taken off.
    app.click("#sheet-list li:nth-child(2) .sheet-up").await?;
    app.wait_for_text("#sheet-list li:first-child .sheet-row-name", |t| {
        t == names[1]
    })
    .await?;
    app.click("#sheet-list li:nth-child(3) .sheet-remove")
        .await?;
    app.wait_for_text("#nav-sheet .nav-count", |t| t == "2")
        .await?;
    app.wait_until_gone("#sheet-list li:nth-child(3)").await?;
    let left = app.texts("#sheet-list .sheet-row-name").await?;
    ensure!(left == [names[1].clone(), names[0].clone()], "{left:?}");
    ensure!(app.texts("#sheet .sheet-entry").await?.len() == 2);

    // Saved as one image in the Downloads folder (here the test's home), a whole PNG as wide
    // as an A4 page at 150 dpi and as tall as its two services.
    app.click("#sheet-save").await?;
    // Arabic isolates the path (it reads left to right) with invisible marks: left out here.
    let plain = |t: &str| t.replace(['\u{2068}', '\u{2069}'], "");
    let saved_in = plain(&ar.text_with("sheet-saved", &[("path", "".into())]));
    let said = plain(
        &app.wait_for_text("#sheet-said", |t| plain(t).starts_with(&saved_in))
            .await?,
    );
    let path = &said[saved_in.len()..];
    ensure!(path.ends_with(".png"), "{said}");
    let image = std::fs::read(path).with_context(|| format!("the saved image {path}"))?;
    let (width, height) = bussola_e2e::png_size(&image)?;
    ensure!(width == 1240 && height > 600, "{width}×{height}");
    let copy = bussola_e2e::screenshot_dir().join("sheet-image-ar.png");
    std::fs::write(&copy, &image)?;

    // In Italian alone, one column a service.
    app.choose_language("it").await?;
    app.wait_for_text("#sheet-title", |t| t == "Foglio dei servizi")
        .await?;
    app.screenshot("sheet-it-1280x800").await?;
    app.choose_language("ar").await?;
    app.wait_for_text("#sheet-title", |t| t == ar.text("sheet-title"))
        .await?;

    // "Clear" forgets the sheet.
    app.click("#sheet-clear").await?;
    app.wait_for_text("#sheet-empty", |t| t == ar.text("sheet-empty"))
        .await?;
    app.wait_until_gone("#nav-sheet .nav-count").await?;
    app.stop().await
}

/// The text a `mailto:` link puts in the mail's body.
fn mail_body(link: &str) -> String {
    let query = link.split_once('?').map_or("", |(_, q)| q);
    let body = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("body="))
        .unwrap_or_default();
    percent_decode(body)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        match (bytes[at], text.get(at + 1..at + 3)) {
            (b'%', Some(hex)) if u8::from_str_radix(hex, 16).is_ok() => {
                out.push(u8::from_str_radix(hex, 16).unwrap_or_default());
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test]
async fn a_correction_is_kept_listed_sent_as_a_packet_and_gone_after_clear_my_data() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let it = Translator::new("it");
    let app = App::start(&launch(&dir, "1280x800")).await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    app.search("questura perugia").await?;
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-name", |t| t.starts_with("Questura di Perugia"))
        .await?;
    let service = app
        .client
        .find(fantoccini::Locator::Css("#detail"))
        .await?
        .attr("data-id")
        .await?
        .context("the service's id")?;

    // Nothing to save until the person says what is right.
    app.click("#action-report").await?;
    app.wait_for_text("#correction-form h2", |t| t == it.text("correction-title"))
        .await?;
    let save = app
        .client
        .find(fantoccini::Locator::Css("#correction-save"))
        .await?;
    ensure!(
        !save.is_enabled().await?,
        "an empty correction can be saved"
    );
    app.type_into("#correction-value", "075 5062111").await?;
    app.type_into(
        "#correction-note",
        "Il numero sul sito della Questura è questo.",
    )
    .await?;
    // Marking it a favourite draws the page again (the data changed): what was typed stays.
    app.click("#favourite").await?;
    app.wait_for_text("#favourite", |t| t == it.text("favourite-remove"))
        .await?;
    let typed = app
        .client
        .find(fantoccini::Locator::Css("#correction-value"))
        .await?
        .prop("value")
        .await?;
    ensure!(typed.as_deref() == Some("075 5062111"), "{typed:?}");
    app.click("#correction-save").await?;
    app.wait_for_text("#correction-said p", |t| t == it.text("correction-saved"))
        .await?;
    app.screenshot("correction-saved-1280x800").await?;

    // The mail carries the machine-readable packet: the service, the field, what the data
    // said, what is right, the data's version.
    let link = app
        .client
        .find(fantoccini::Locator::Css(
            "#correction-said .correction-send",
        ))
        .await?
        .attr("href")
        .await?
        .unwrap_or_default();
    ensure!(link.starts_with("mailto:"), "{link}");
    let body = mail_body(&link);
    let packets = bussola_model::read_correction_packets(&body);
    ensure!(packets.len() == 1, "{body}");
    let packet = packets[0].clone().map_err(anyhow::Error::msg)?;
    ensure!(
        packet.service == service && packet.feed == "umbria",
        "{packet:?}"
    );
    ensure!(packet.field == bussola_model::CorrectionField::Phone);
    ensure!(
        packet.proposed.as_deref() == Some("075 5062111"),
        "{packet:?}"
    );
    ensure!(packet.old.as_deref() == Some("328 3666748"), "{packet:?}");
    ensure!(packet.data_version >= 1, "{packet:?}");

    // Listed in "My corrections", saved as a file that reads back as the same packet.
    app.click("#nav-favourites").await?;
    app.wait_for_text("#my-corrections .correction-proposed", |t| {
        t.contains("075 5062111")
    })
    .await?;
    app.screenshot("my-corrections-1280x800").await?;
    app.click("#my-corrections .correction-file").await?;
    let said = app
        .wait_for_text("#my-corrections .correction-file-said", |t| {
            t.starts_with("Salvato in ")
        })
        .await?;
    let file = std::fs::read_to_string(said.trim_start_matches("Salvato in "))?;
    let from_file = bussola_model::read_correction_packets(&file);
    ensure!(from_file == vec![Ok(packet)], "{file}");

    // "Clear my data" takes it away with the rest of the person's data.
    app.click("#nav-about").await?;
    app.click("#clear-data").await?;
    app.click("#clear-confirm").await?;
    app.wait_for_text("#result-count", |t| t == bussola_e2e::all_bundled())
        .await?;
    app.click("#nav-favourites").await?;
    app.wait_for_text("#favourites-empty", |_| true).await?;
    app.wait_for_text("#no-corrections", |_| true).await?;
    ensure!(
        app.texts("#my-corrections").await?.is_empty(),
        "corrections after clearing"
    );
    app.stop().await
}
