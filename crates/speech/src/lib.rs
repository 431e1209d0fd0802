//! What Bussola says aloud, and how.
//!
//! Some of the people Bussola is for cannot read well, in Italian or in their own language.
//! [`spoken`] turns a service's essentials (name, open or closed and until when, address,
//! phone, how to get access) into sentences written to be heard, from the app's Fluent
//! messages, each stretch tagged with the language it must be read in. It is plain Rust with no
//! clock and no I/O, shared by the wasm UI (which sends the sentences to its shell) and the
//! tests. [`espeak`] is the desktop shell's voice: espeak-ng, on the device, in all eleven
//! languages. The web app uses the browser's own voices instead (web/main.js).
//!
//! Whatever the UI asks a shell to say passes through [`checked`] first: only the app's
//! languages, plain text without control characters, and a bounded length, so the speech
//! command can say nothing but short plain sentences.

pub mod spoken;

#[cfg(not(target_arch = "wasm32"))]
pub mod espeak;

use bussola_model::{SpeechRequest, Utterance};

/// The longest stretch of speech one request may hold, in characters: a service's essentials
/// with a long "how to get access" fit well inside it.
pub const MAX_CHARS: usize = 2_000;

/// The most stretches one request may hold.
pub const MAX_PARTS: usize = 32;

/// Why a request was not spoken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// A language the app does not speak.
    UnknownLanguage(String),
    /// Nothing left to say once cleaned.
    Empty,
    /// More text than a request may hold.
    TooLong,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::UnknownLanguage(code) => write!(f, "no voice for the language {code:?}"),
            Refused::Empty => f.write_str("nothing to say"),
            Refused::TooLong => write!(
                f,
                "more than {MAX_PARTS} parts or {MAX_CHARS} characters to say"
            ),
        }
    }
}

impl std::error::Error for Refused {}

/// The request as a shell may speak it: every part in one of the app's languages, its text
/// stripped of control characters and bidi marks (invisible on screen, noise to a
/// synthesizer), empty parts dropped; refused when too long rather than cut mid-sentence.
pub fn checked(request: SpeechRequest) -> Result<SpeechRequest, Refused> {
    if request.parts.len() > MAX_PARTS {
        return Err(Refused::TooLong);
    }
    let mut parts = Vec::with_capacity(request.parts.len());
    let mut total = 0;
    for part in request.parts {
        let Some(locale) = bussola_i18n::find(&part.lang) else {
            return Err(Refused::UnknownLanguage(part.lang));
        };
        let text = plain(&part.text);
        total += text.chars().count();
        if total > MAX_CHARS {
            return Err(Refused::TooLong);
        }
        if !text.is_empty() {
            parts.push(Utterance {
                text,
                lang: locale.code.to_owned(),
            });
        }
    }
    if parts.is_empty() {
        return Err(Refused::Empty);
    }
    Ok(SpeechRequest {
        parts,
        pace: request.pace,
    })
}

/// Text with control characters turned to spaces, bidi marks and isolates removed, and runs
/// of white space made one. Ukrainian's apostrophe (U+02BC, "пʼятниця") becomes the plain one,
/// which espeak-ng reads as the pause it is; the other it reads as a letter's name. Double
/// brackets are parted: espeak-ng reads `[[…]]` as phoneme codes, and feed text is words.
fn plain(text: &str) -> String {
    let is_bidi_mark = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let cleaned: String = text
        .chars()
        .filter(|c| !is_bidi_mark(*c))
        .map(|c| match c {
            '\u{02BC}' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let cleaned = cleaned.replace("[[", "[ [").replace("]]", "] ]");
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use bussola_model::SpeechPace;

    fn request(parts: &[(&str, &str)]) -> SpeechRequest {
        SpeechRequest {
            parts: parts
                .iter()
                .map(|(text, lang)| Utterance {
                    text: (*text).to_owned(),
                    lang: (*lang).to_owned(),
                })
                .collect(),
            pace: SpeechPace::Slow,
        }
    }

    #[test]
    fn only_plain_text_in_the_apps_languages_is_spoken() {
        let spoken = checked(request(&[
            ("Apre\u{0007} alle \u{2068}9\u{2069}.\n", "it"),
            ("у пʼятницю [[h@'l@U]]", "uk"),
            ("   ", "ar"),
            ("يفتح", "ar"),
        ]))
        .unwrap();
        assert_eq!(
            spoken.parts,
            request(&[
                ("Apre alle 9.", "it"),
                ("у п'ятницю [ [h@'l@U] ]", "uk"),
                ("يفتح", "ar")
            ])
            .parts
        );
        assert_eq!(
            checked(request(&[("hello", "xx")])),
            Err(Refused::UnknownLanguage("xx".into()))
        );
        assert_eq!(checked(request(&[(" ", "it")])), Err(Refused::Empty));
        let long = "a".repeat(MAX_CHARS + 1);
        assert_eq!(checked(request(&[(&long, "it")])), Err(Refused::TooLong));
    }
}
