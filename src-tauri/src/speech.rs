//! The window's voice: the UI composes what to say (its own words in the person's language,
//! the feed's Italian texts in Italian) and these commands only speak it, through espeak-ng on
//! the device. The request is checked first (the app's languages only, plain text, bounded
//! length), so the webview can make the app say short plain sentences and nothing else.
//! Nothing is sent anywhere. `BUSSOLA_SPEECH_WAV=DIR` writes the speech to WAV files instead
//! (see [`bussola_speech::espeak`]).

use bussola_model::{CommandError, ErrorCode, SpeechRequest};
use bussola_speech::espeak::{self, Sink, Speaker};
use tauri::{Emitter, State};

/// The event sent when a request was said to the end (not when it was stopped).
pub const ENDED_EVENT: &str = "speech-ended";

/// The one voice of the app: a new request cuts the one being said.
pub struct Voice(Speaker);

impl Voice {
    pub fn from_env() -> Voice {
        Voice(Speaker::new(Sink::from_env()))
    }
}

/// Whether this device can speak `lang` (espeak-ng is installed and has its voice).
#[tauri::command]
pub async fn can_speak(lang: String) -> bool {
    tauri::async_runtime::spawn_blocking(move || espeak::can_speak(&lang))
        .await
        .unwrap_or(false)
}

/// Says `request`, cutting what was being said; `speech-ended` follows when all was said.
#[tauri::command]
pub fn speak(
    app: tauri::AppHandle,
    voice: State<'_, Voice>,
    request: SpeechRequest,
) -> Result<(), CommandError> {
    let request = bussola_speech::checked(request).map_err(|refused| CommandError {
        code: ErrorCode::BadQuery,
        message: refused.to_string(),
    })?;
    voice.0.speak(request, move |said| {
        if let Err(e) = &said {
            eprintln!("bussola: speech failed: {e}");
        }
        let _ = app.emit(ENDED_EVENT, said.is_ok());
    });
    Ok(())
}

/// Stops what is being said.
#[tauri::command]
pub fn stop_speaking(voice: State<'_, Voice>) {
    voice.0.stop();
}
