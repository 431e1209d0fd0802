//! Each of the eleven languages is spoken with its own voice: a service's essentials, composed
//! from the spoken Fluent messages, are synthesised by espeak-ng to WAV (the test's sink instead
//! of the sound card), and each stretch is sound, not silence, as long as its text calls for.
//! A [`Speaker`] writing to the WAV hook says a request through, or stops when told.

use bussola_i18n::{LOCALES, Translator};
use bussola_model::{
    FeedId, FeedVersion, Localized, LocationDetail, OpenState, Phone, ServiceDetail, ServiceId,
    SpeechPace, SpeechRequest, Timetable, Utterance,
};
use bussola_speech::espeak::{self, Sink, Speaker, Wav};
use bussola_speech::{checked, spoken};
use std::sync::mpsc;
use std::time::Duration;

const TODAY: &str = "2026-11-30";

fn italian(text: &str, person: &str) -> Localized {
    Localized {
        text: text.to_owned(),
        lang: "it".to_owned(),
        is_fallback: person != "it",
        translated: false,
    }
}

/// An office as the engine gives it to a person reading `lang`: the feed has its texts only in
/// Italian; closed now, it opens tomorrow at 8:30.
fn office(lang: &str) -> ServiceDetail {
    ServiceDetail {
        id: ServiceId("questura-tr-immigrazione".into()),
        feed: FeedId("umbria".into()),
        name: italian("Questura di Terni, Ufficio Immigrazione", lang),
        name_it: "Questura di Terni, Ufficio Immigrazione".into(),
        description: None,
        description_it: None,
        categories: vec!["permits".into()],
        organization: None,
        phones: vec![Phone {
            number: "0744 480111".into(),
            dial: "+390744480111".into(),
            kind: Some("voice".into()),
            description: None,
        }],
        email: None,
        certified_email: None,
        url: None,
        languages: vec![],
        application_process: Some(italian(
            "Su appuntamento, con passaporto e ricevuta della domanda.",
            lang,
        )),
        required_documents: vec![],
        fees: None,
        eligibility: None,
        alert: None,
        closed: false,
        closed_until: None,
        withdrawn: false,
        assured_date: Some("2025-10-01".into()),
        sources: vec![],
        locations: vec![LocationDetail {
            name: None,
            street: Some("Viale Guglielmo Marconi 6".into()),
            postal_code: Some("05100".into()),
            city: Some("Terni".into()),
            province: Some("TR".into()),
            point: None,
            precision: Some("building".into()),
            approximate: false,
            hours: Some(Timetable {
                raw: "Mo-Fr 08:30-12:30".into(),
                readable: true,
                state: OpenState::Closed,
                next_change: Some("2026-12-01T08:30:00+01:00".into()),
                week: vec![],
            }),
            accessibility: vec![],
        }],
        hours: None,
        favourite: false,
        feed_version: FeedVersion(1),
        feed_generated_at: None,
        feed_contact: None,
    }
}

#[test]
fn a_service_is_said_in_the_persons_language_with_italian_texts_in_italian() {
    let ar = Translator::new("ar");
    let parts = spoken::essentials(&office("ar"), &ar, TODAY);
    let langs: Vec<&str> = parts.iter().map(|p| p.lang.as_str()).collect();
    // Name (Italian), state and "address:" (Arabic), the address (Italian), phone and "how to
    // get access:" (Arabic), the Italian text of how to get access.
    assert_eq!(langs, ["it", "ar", "it", "ar", "it"]);
    assert!(parts[1].text.contains(&ar.text("speak-closed-now")));
    assert!(
        parts[1].text.contains(&ar.weekday_in_sentence(1)),
        "tomorrow is Tuesday: {}",
        parts[1].text
    );
    assert!(parts[3].text.contains("0 7 4 4, 4 8 0, 1 1 1"));
    let it = Translator::new("it");
    let italian_parts = spoken::essentials(&office("it"), &it, TODAY);
    assert_eq!(italian_parts.len(), 1, "all Italian is one stretch");
    assert!(
        italian_parts[0]
            .text
            .contains("Adesso è chiuso. Apre martedì alle 8 e 30."),
        "{}",
        italian_parts[0].text
    );
}

#[test]
fn every_locale_is_spoken_with_its_own_voice_and_makes_sound_as_long_as_its_text() {
    for locale in LOCALES {
        assert!(
            espeak::can_speak(locale.code),
            "espeak-ng has no voice {:?} for {}",
            espeak::voice(locale.code),
            locale.code
        );
        let tr = Translator::new(locale.code);
        let request = checked(SpeechRequest {
            parts: spoken::essentials(&office(locale.code), &tr, TODAY),
            pace: SpeechPace::Slow,
        })
        .unwrap();
        let own: Vec<&Utterance> = request
            .parts
            .iter()
            .filter(|p| p.lang == locale.code)
            .collect();
        assert!(
            !own.is_empty(),
            "{}: nothing said in the person's language",
            locale.code
        );
        assert!(
            tr.has("speak-closed-now"),
            "{}: the spoken words fall back to Italian",
            locale.code
        );
        for part in &request.parts {
            let wav = Wav::read(&espeak::synthesise(part, request.pace).unwrap()).unwrap();
            let seconds = wav.duration().as_secs_f64();
            let letters = part.text.chars().filter(|c| c.is_alphanumeric()).count() as f64;
            println!(
                "{} [{}] {:.2} s, {letters} letters, loudness {:.0}: {}",
                locale.code,
                part.lang,
                seconds,
                wav.loudness(),
                part.text
            );
            assert!(
                wav.loudness() > 500.0,
                "{}: silent: {}",
                locale.code,
                part.text
            );
            // A slow voice says from about 4 to 25 letters a second, and 2 or 3 Chinese
            // characters (each a syllable); far outside means it skipped text or read symbols.
            let rate = letters / seconds;
            assert!(
                (1.5..30.0).contains(&rate),
                "{} [{}]: {letters} letters in {seconds:.2} s: {}",
                locale.code,
                part.lang,
                part.text
            );
        }
    }
}

#[test]
fn the_wav_hook_writes_each_stretch_named_by_time_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let speaker = Speaker::new(Sink::WavFiles(dir.path().to_owned()));
    let tr = Translator::new("ar");
    let request = SpeechRequest {
        parts: spoken::essentials(&office("ar"), &tr, TODAY),
        pace: SpeechPace::Normal,
    };
    let (done, finished) = mpsc::channel();
    speaker.speak(request, move |_, said| done.send(said.is_ok()).unwrap());
    assert!(finished.recv_timeout(Duration::from_secs(120)).unwrap());
    let said = espeak::said_in(dir.path());
    let langs: Vec<&str> = said.iter().map(|s| s.lang.as_str()).collect();
    assert_eq!(langs, ["it", "ar", "it", "ar", "it"], "{said:?}");
    assert!(said[3].text.contains("0 7 4 4, 4 8 0, 1 1 1"), "{said:?}");
    assert!(
        said.iter().all(|s| s.length > Duration::from_millis(500)),
        "{said:?}"
    );
}

/// A request of five short stretches, about a second each.
fn five_short_stretches() -> SpeechRequest {
    SpeechRequest {
        parts: ["Uno.", "Due.", "Tre.", "Quattro.", "Cinque."]
            .iter()
            .map(|text| Utterance {
                text: (*text).to_owned(),
                lang: "it".into(),
            })
            .collect(),
        pace: SpeechPace::Slow,
    }
}

#[test]
fn stop_cuts_what_is_being_said_and_the_next_request_is_said_whole() {
    let dir = tempfile::tempdir().unwrap();
    let speaker = Speaker::new(Sink::WavFiles(dir.path().to_owned()));
    let (done, finished) = mpsc::channel();
    let first_done = done.clone();
    let first = speaker.speak(five_short_stretches(), move |n, _| {
        first_done.send(n).unwrap()
    });
    while espeak::said_in(dir.path()).is_empty() {
        std::thread::sleep(Duration::from_millis(10));
    }
    speaker.stop();
    // Had it gone on, the four other stretches would all have been said by now.
    let whole: Duration = espeak::said_in(dir.path())[0].length * 5;
    std::thread::sleep(whole + Duration::from_secs(1));
    assert_eq!(
        espeak::said_in(dir.path()).len(),
        1,
        "nothing more after stop"
    );
    assert!(
        finished.try_recv().is_err(),
        "a cut request is not 'finished'"
    );

    // The speaker goes on with the next request, and a late stop of the first cuts nothing.
    let second = speaker.speak(five_short_stretches(), move |n, _| done.send(n).unwrap());
    assert_ne!(first, second);
    speaker.stop_request(first);
    assert_eq!(finished.recv_timeout(whole * 3).unwrap(), second);
    assert_eq!(espeak::said_in(dir.path()).len(), 6);
}
