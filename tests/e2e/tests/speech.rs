//! "Listen" in the real window. With `BUSSOLA_SPEECH_WAV` naming a folder, the app writes what
//! it would say to WAV files there (each with its text beside it), taking as long as saying it
//! would: a service's essentials are said in Italian, and in Arabic with the feed's Italian
//! texts in an Italian voice; "stop" stops them; the read-aloud mode says the name of what is
//! tapped; the pace is chosen in About and remembered.

use anyhow::{Result, bail};
use bussola_e2e::{App, Launch};
use bussola_i18n::Translator;
use bussola_speech::espeak::{Said, said_in as said};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn launch(dir: &tempfile::TempDir) -> Launch {
    Launch {
        db: dir.path().join("bussola.db"),
        screen: "1280x800",
        env: vec![("BUSSOLA_SPEECH_WAV", speech_dir(dir).display().to_string())],
    }
}

fn speech_dir(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("speech")
}

/// Waits until the app has said at least `count` stretches.
async fn wait_for_said(dir: &Path, count: usize) -> Result<Vec<Said>> {
    wait_until_said(dir, |said| said.len() >= count).await
}

/// Waits until what the app has said satisfies `check`.
async fn wait_until_said(dir: &Path, check: impl Fn(&[Said]) -> bool) -> Result<Vec<Said>> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let now = said(dir);
        if check(&now) {
            return Ok(now);
        }
        if Instant::now() > deadline {
            bail!("the app never said what was expected; it said {now:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits (longer than the page's usual wait: speech takes the time it takes) until the
/// "listen" button reads `text`.
async fn wait_for_listen_button(app: &App, text: &str, within: Duration) -> Result<()> {
    let deadline = Instant::now() + within;
    let mut last = String::new();
    while Instant::now() < deadline {
        if let Ok(found) = app.texts("#action-listen").await
            && let Some(first) = found.first()
        {
            last = first.clone();
            if last == text {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    bail!("the listen button never read {text:?}; last {last:?}")
}

/// Opens the national anti-violence helpline, which has a number to call.
async fn open_helpline(app: &App) -> Result<()> {
    app.wait_for_text("#result-count", |t| t.ends_with("servizi"))
        .await?;
    app.search("1522").await?;
    app.wait_for_text("#results li:first-child .name", |t| t.contains("1522"))
        .await?;
    app.click("#results li:first-child .hit-open").await?;
    app.wait_for_text("#detail-name", |t| t.contains("1522"))
        .await?;
    Ok(())
}

#[tokio::test]
async fn listen_says_a_service_in_the_persons_language_and_stop_stops_it() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let voice_dir = speech_dir(&dir);
    let app = App::start(&launch(&dir)).await?;
    let (it, ar) = (Translator::new("it"), Translator::new("ar"));
    open_helpline(&app).await?;

    // In Italian: all of it one stretch in the Italian voice, the number digit by digit; the
    // button offers "stop" while it is said and "listen" again once it was said to the end.
    app.click("#action-listen").await?;
    wait_for_listen_button(
        &app,
        &it.text("action-stop-listening"),
        Duration::from_secs(10),
    )
    .await?;
    let first = wait_for_said(&voice_dir, 1).await?;
    assert_eq!(first[0].lang, "it", "{first:?}");
    assert!(
        first[0].text.contains("1522"),
        "the name: {}",
        first[0].text
    );
    assert!(
        first[0].text.contains("1 5 2 2"),
        "the number: {}",
        first[0].text
    );
    assert!(
        first[0].text.contains("Numero di telefono"),
        "{}",
        first[0].text
    );
    let length = Duration::from_secs_f64(first[0].length.as_secs_f64() + 10.0);
    wait_for_listen_button(&app, &it.text("action-listen"), length).await?;

    // In Arabic, the regional office (an address and a phone): the app's words in the Arabic
    // voice, the Italian address in the Italian one.
    app.choose_language("ar").await?;
    app.click("#back").await?;
    app.search("Angeloni").await?;
    app.click("#results li:first-child .hit-open").await?;
    wait_for_listen_button(&app, &ar.text("action-listen"), Duration::from_secs(10)).await?;
    let before = said(&voice_dir).len();
    app.click("#action-listen").await?;
    let arabic = wait_until_said(&voice_dir, |said| {
        said[before..].iter().any(|s| s.text.contains("Angeloni"))
    })
    .await?;
    let request = &arabic[before..];
    let address = request
        .iter()
        .position(|s| s.text.contains("Angeloni"))
        .expect("waited for");
    assert_eq!(request[address].lang, "it", "{request:?}");
    assert!(
        request[..address]
            .iter()
            .any(|s| s.lang == "ar" && s.text.contains(&ar.text("speak-address"))),
        "{request:?}"
    );
    app.screenshot("listen-ar-1280x800").await?;

    // "Stop" while the address is being said: the phone number after it is never said.
    wait_for_listen_button(
        &app,
        &ar.text("action-stop-listening"),
        Duration::from_secs(1),
    )
    .await?;
    app.click("#action-listen").await?;
    wait_for_listen_button(&app, &ar.text("action-listen"), Duration::from_secs(5)).await?;
    let stopped_at = said(&voice_dir).len();
    tokio::time::sleep(request[address].length + Duration::from_secs(3)).await;
    let after = said(&voice_dir);
    assert_eq!(
        after.len(),
        stopped_at,
        "speech went on after stop: {after:?}"
    );
    assert!(!after.iter().any(|s| s.text.contains("0 7 5")), "{after:?}");
    app.stop().await
}

#[tokio::test]
async fn the_read_aloud_mode_says_what_is_tapped_at_the_chosen_pace() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let voice_dir = speech_dir(&dir);
    let it = Translator::new("it");
    let app = App::start(&launch(&dir)).await?;
    app.wait_for_text("#result-count", |t| t.ends_with("servizi"))
        .await?;

    // Switched on, the mode says what it does; a category chip tapped says its name.
    app.click("#read-aloud").await?;
    let on = wait_for_said(&voice_dir, 1).await?;
    assert_eq!(on[0].text, it.text("read-aloud-on"));
    app.click("#chip-health").await?;
    let chip = wait_for_said(&voice_dir, 2).await?;
    assert_eq!(chip[1].text, it.category("health"));
    assert_eq!(chip[1].lang, "it");

    // The pace: "normal" in About says the same words faster than the default "slow".
    app.click("#nav-about").await?;
    app.click("#speech-pace-normal").await?;
    app.click("#read-aloud").await?; // off
    app.click("#read-aloud").await?; // on again, at the new pace
    let again = wait_until_said(&voice_dir, |said| {
        said[2..].iter().any(|s| s.text == it.text("read-aloud-on"))
    })
    .await?;
    let slow = on[0].clone();
    let normal = again[2..]
        .iter()
        .find(|s| s.text == slow.text)
        .expect("said")
        .clone();
    assert!(
        normal.length.as_secs_f64() < slow.length.as_secs_f64() * 0.9,
        "normal pace {:?}, slow {:?}",
        normal.length,
        slow.length
    );
    app.screenshot("read-aloud-1280x800").await?;
    app.stop().await?;

    // Both are remembered like the language.
    let app = App::start(&launch(&dir)).await?;
    app.wait_for_text("#result-count", |t| t.ends_with("servizi"))
        .await?;
    // The remembered settings are read as the window starts: waited for, not assumed.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let pressed = app
            .client
            .execute(
                "return document.getElementById('read-aloud').getAttribute('aria-pressed')",
                vec![],
            )
            .await?;
        if pressed == "true" {
            break;
        }
        if Instant::now() > deadline {
            bail!("the read-aloud mode was not remembered: {pressed}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.click("#nav-about").await?;
    let normal_chosen = app
        .client
        .execute(
            "return document.getElementById('speech-pace-normal').checked",
            vec![],
        )
        .await?;
    assert_eq!(normal_chosen, true);
    app.stop().await
}
