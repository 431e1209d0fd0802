//! The window's voice: the UI composes what to say (its own words in the person's language,
//! the feed's Italian texts in Italian) and these commands only speak it, through espeak-ng on
//! the device. The request is checked first (the app's languages only, plain text, bounded
//! length), so the webview can make the app say short plain sentences and nothing else.
//! Nothing is sent anywhere. `BUSSOLA_SPEECH_WAV=DIR` writes the speech to WAV files instead
//! (see [`bussola_speech::espeak`]).

use bussola_model::{CommandError, ErrorCode, SpeechRequest};
use bussola_speech::espeak::{self, Sink, Speaker};
use tauri::{Emitter, State};

/// The event sent when a request was said to the end (not when it was stopped), with its
/// number: the UI knows which of its requests ended.
pub const ENDED_EVENT: &str = "speech-ended";

/// What [`ENDED_EVENT`] carries.
#[derive(Clone, serde::Serialize)]
struct Ended {
    id: u64,
    ok: bool,
}

/// The one voice of the app: a new request cuts the one being said.
pub struct Voice(Speaker);

impl Voice {
    pub fn from_env() -> Voice {
        Voice(Speaker::new(Sink::from_env()))
    }

    /// Silences the app (it is closing): no espeak-ng outlives it.
    pub fn silence(&self) {
        self.0.stop();
    }
}

/// Whether this device can speak `lang` (espeak-ng is installed and has its voice).
#[tauri::command]
pub async fn can_speak(lang: String) -> bool {
    tauri::async_runtime::spawn_blocking(move || espeak::can_speak(&lang))
        .await
        .unwrap_or(false)
}

/// Says `request`, cutting what was being said, and returns its number; `speech-ended` with
/// that number follows when all was said.
#[tauri::command]
pub fn speak(
    app: tauri::AppHandle,
    voice: State<'_, Voice>,
    request: SpeechRequest,
) -> Result<u64, CommandError> {
    let request = bussola_speech::checked(request).map_err(|refused| CommandError {
        code: ErrorCode::BadQuery,
        message: refused.to_string(),
    })?;
    Ok(voice.0.speak(request, move |id, said| {
        if let Err(e) = &said {
            eprintln!("bussola: speech failed: {e}");
        }
        let _ = app.emit(
            ENDED_EVENT,
            Ended {
                id,
                ok: said.is_ok(),
            },
        );
    }))
}

/// Stops request `id` if it is still being said (a stop that arrives after a newer request
/// leaves that one alone), or whatever is being said when no `id` is given.
#[tauri::command]
pub fn stop_speaking(voice: State<'_, Voice>, id: Option<u64>) {
    match id {
        Some(id) => voice.0.stop_request(id),
        None => voice.0.stop(),
    }
}
