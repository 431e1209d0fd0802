//! The bridge to the shell, with the model's types on both sides: in the desktop window,
//! Tauri's `invoke` and `listen`; in the web app, the same two calls on `window.bussola`, which
//! the page's shell (web/main.js) answers from the engine's worker. The UI finds which one it
//! runs in once, at start.

use bussola_model::{
    CommandError, FeedStatus, LatLon, MapLayers, PlaceSuggestion, RecoveryNotice, SearchAnswer,
    SearchQuery, ServiceDetail, SharedDirectory, SpeechRequest, Storage, SyncReport, SyncStep,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `window.__TAURI__.core.invoke`, present because the shell sets `withGlobalTauri`.
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], catch)]
    async fn invoke(command: &str, args: JsValue) -> Result<JsValue, JsValue>;

    /// `window.__TAURI__.event.listen`: calls the handler with `{event, id, payload}`.
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "event"], catch)]
    async fn listen(event: &str, handler: &Closure<dyn FnMut(JsValue)>)
    -> Result<JsValue, JsValue>;

    /// `window.bussola.call`: the web app's `invoke`.
    #[wasm_bindgen(js_namespace = ["window", "bussola"], js_name = call, catch)]
    async fn web_call(command: &str, args: JsValue) -> Result<JsValue, JsValue>;

    /// `window.bussola.listen`: the web app's `listen`, with the same `{event, payload}`.
    #[wasm_bindgen(js_namespace = ["window", "bussola"], js_name = listen, catch)]
    async fn web_listen(
        event: &str,
        handler: &Closure<dyn FnMut(JsValue)>,
    ) -> Result<JsValue, JsValue>;
}

/// Which shell the UI runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    /// The desktop app's window.
    Tauri,
    /// The web app, in a browser.
    Web,
}

/// The shell, found once: the desktop window has `window.__TAURI__`.
pub fn shell() -> Shell {
    thread_local! {
        static SHELL: Shell = {
            let tauri = js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("__TAURI__"))
                .unwrap_or(false);
            if tauri { Shell::Tauri } else { Shell::Web }
        };
    }
    SHELL.with(|shell| *shell)
}

async fn shell_invoke(command: &str, args: JsValue) -> Result<JsValue, JsValue> {
    match shell() {
        Shell::Tauri => invoke(command, args).await,
        Shell::Web => web_call(command, args).await,
    }
}

async fn shell_listen(
    event: &str,
    handler: &Closure<dyn FnMut(JsValue)>,
) -> Result<JsValue, JsValue> {
    match shell() {
        Shell::Tauri => listen(event, handler).await,
        Shell::Web => web_listen(event, handler).await,
    }
}

/// Serialises to `{}`: Tauri wants an object even when a command takes nothing.
#[derive(Serialize)]
struct NoArgs {}

#[derive(Serialize)]
struct SearchArgs {
    query: SearchQuery,
}

#[derive(Serialize)]
struct ServiceArgs<'a> {
    feed: &'a str,
    id: &'a str,
    lang: &'a str,
}

#[derive(Serialize)]
struct FavouriteArgs<'a> {
    feed: &'a str,
    id: &'a str,
    favourite: bool,
}

#[derive(Serialize)]
struct TextArgs<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct SettingArgs<'a> {
    key: &'a str,
    value: Option<&'a str>,
}

#[derive(Serialize)]
struct LinkArgs<'a> {
    link: &'a str,
}

/// Runs a search in the engine. The error is a sentence to show.
pub async fn search(query: SearchQuery) -> Result<SearchAnswer, String> {
    call("search", &SearchArgs { query }).await
}

/// The feeds on the device and their state.
pub async fn feeds() -> Result<Vec<FeedStatus>, String> {
    call("feeds", &NoArgs {}).await
}

/// One service, its texts in `lang` where the feed translates them.
pub async fn service_detail(feed: &str, id: &str, lang: &str) -> Result<ServiceDetail, String> {
    call("service_detail", &ServiceArgs { feed, id, lang }).await
}

pub async fn set_favourite(feed: &str, id: &str, favourite: bool) -> Result<(), String> {
    call(
        "set_favourite",
        &FavouriteArgs {
            feed,
            id,
            favourite,
        },
    )
    .await
}

/// Comuni by name prefix or postal code.
pub async fn places(text: &str) -> Result<Vec<PlaceSuggestion>, String> {
    call("places", &TextArgs { text }).await
}

pub async fn map_layers() -> Result<MapLayers, String> {
    call("map_layers", &NoArgs {}).await
}

pub async fn setting(key: &str) -> Result<Option<String>, String> {
    #[derive(Serialize)]
    struct Key<'a> {
        key: &'a str,
    }
    call("setting", &Key { key }).await
}

pub async fn set_setting(key: &str, value: Option<&str>) -> Result<(), String> {
    call("set_setting", &SettingArgs { key, value }).await
}

/// Hands a link to the system's browser, dialer, mail or map app.
pub async fn open_link(link: &str) -> Result<(), String> {
    call("open_link", &LinkArgs { link }).await
}

/// The system's preferred languages, best first.
pub async fn system_languages() -> Result<Vec<String>, String> {
    call("system_languages", &NoArgs {}).await
}

/// Tells the shell the first results are on screen (for its start-up measurement).
pub async fn first_results_drawn() {
    let _ = call::<_, ()>("first_results_drawn", &NoArgs {}).await;
}

/// The directory in one file to pass on: saved by the desktop (it says where), or its bytes
/// for the page to save (the web app).
pub async fn share_directory() -> Result<SharedDirectory, String> {
    call("share_directory", &NoArgs {}).await
}

/// Loads a directory file the person chose; the report says how it went.
pub async fn load_directory(file_name: &str, bytes: Vec<u8>) -> Result<SyncReport, String> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct FileArgs<'a> {
        file_name: &'a str,
        bytes: Vec<u8>,
    }
    match shell() {
        Shell::Tauri => call("load_directory", &FileArgs { file_name, bytes }).await,
        // To the worker as one Uint8Array, not a list of numbers (see the worker's `Message`).
        Shell::Web => {
            let args = file_args(&[("fileName", file_name)], &bytes);
            let answer = web_call("load_directory", args)
                .await
                .map_err(command_error_text)?;
            serde_wasm_bindgen::from_value(answer).map_err(|e| e.to_string())
        }
    }
}

/// Keeps on the device what the person says is wrong with a service's entry; the correction
/// as kept (with what the entry said, and where to send it).
pub async fn suggest_correction(
    new: &bussola_model::NewCorrection,
) -> Result<bussola_model::ServiceCorrection, String> {
    #[derive(Serialize)]
    struct CorrectionArgs<'a> {
        new: &'a bussola_model::NewCorrection,
    }
    call("suggest_correction", &CorrectionArgs { new }).await
}

/// The person's corrections kept on the device, newest first.
pub async fn corrections() -> Result<Vec<bussola_model::ServiceCorrection>, String> {
    call("corrections", &NoArgs {}).await
}

/// Forgets one of the person's corrections.
pub async fn remove_correction(id: i64) -> Result<(), String> {
    #[derive(Serialize)]
    struct IdArgs {
        id: i64,
    }
    call("remove_correction", &IdArgs { id }).await
}

/// Syncs every feed source now; how each ended.
pub async fn sync_now() -> Result<Vec<SyncReport>, String> {
    call("sync_now", &NoArgs {}).await
}

/// Calls `on_step` with every step of every sync, for as long as the window lives.
pub async fn on_sync_progress(mut on_step: impl FnMut(SyncStep) + 'static) {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let payload =
            js_sys::Reflect::get(&event, &JsValue::from_str("payload")).unwrap_or(JsValue::NULL);
        if let Ok(step) = serde_wasm_bindgen::from_value(payload) {
            on_step(step);
        }
    });
    if shell_listen("sync-progress", &handler).await.is_ok() {
        // The window listens until it closes.
        handler.forget();
    }
}

/// Whether the device can tell where it is (phones).
pub async fn can_locate() -> bool {
    call("can_locate", &NoArgs {}).await.unwrap_or(false)
}

/// Where the device is, after the system asked the person; it goes nowhere but this window.
pub async fn current_position() -> Result<LatLon, String> {
    call("current_position", &NoArgs {}).await
}

/// Forgets the person's favourites, notes and settings on this device.
pub async fn clear_personal_data() -> Result<(), String> {
    call("clear_personal_data", &NoArgs {}).await
}

/// What the app did about a damaged database, if it did anything since it was last asked.
pub async fn take_recovery_notice() -> Option<RecoveryNotice> {
    call::<_, Option<RecoveryNotice>>("take_recovery_notice", &NoArgs {})
        .await
        .ok()
        .flatten()
}

/// Calls `on_recovered` each time the shell replaces a damaged database while the window is
/// open, for as long as the window lives.
pub async fn on_data_recovered(on_recovered: impl Fn() + 'static) {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |_event: JsValue| on_recovered());
    if shell_listen("data-recovered", &handler).await.is_ok() {
        handler.forget();
    }
}

/// How the directory files handed to the desktop app (on its command line, or dropped on its
/// window) went, since the window last asked; the web app is never handed one.
pub async fn take_opened_files() -> Vec<SyncReport> {
    match shell() {
        Shell::Tauri => call("take_opened_files", &NoArgs {})
            .await
            .unwrap_or_default(),
        Shell::Web => Vec::new(),
    }
}

/// Calls `on_opened` each time the desktop app has loaded a file handed to it, for as long as
/// the window lives.
pub async fn on_directory_opened(on_opened: impl Fn() + 'static) {
    if shell() == Shell::Web {
        return;
    }
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |_event: JsValue| on_opened());
    if shell_listen("directory-opened", &handler).await.is_ok() {
        handler.forget();
    }
}

/// Where the web app keeps the directory (the desktop always keeps it on the device).
pub async fn storage() -> Storage {
    match shell() {
        Shell::Tauri => Storage::Device,
        Shell::Web => call("storage", &NoArgs {}).await.unwrap_or(Storage::Device),
    }
}

/// Whether a new version of the web app is installed and waiting for the next start.
pub async fn update_ready() -> bool {
    shell() == Shell::Web && call("update_ready", &NoArgs {}).await.unwrap_or(false)
}

/// Calls `on_ready` when a new version of the web app has been installed while it is open.
pub async fn on_update_ready(on_ready: impl Fn() + 'static) {
    if shell() != Shell::Web {
        return;
    }
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |_event: JsValue| on_ready());
    if shell_listen("update-ready", &handler).await.is_ok() {
        handler.forget();
    }
}

/// Starts the waiting version now: the page opens again in it.
pub async fn apply_update() -> Result<(), String> {
    call("apply_update", &NoArgs {}).await
}

/// Whether the app can pass a text to another app (the web app: the share sheet, else the
/// clipboard; the desktop has neither yet).
pub async fn can_share() -> bool {
    shell() == Shell::Web && call("can_share", &NoArgs {}).await.unwrap_or(false)
}

/// How a share ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareOutcome {
    /// Handed to the system's share sheet.
    Shared,
    /// The person closed the share sheet.
    Cancelled,
    /// No share sheet: the text is on the clipboard, to paste.
    Copied,
}

/// Hands a title, a text and a link to the system's share sheet (or the clipboard).
pub async fn share(title: &str, text: &str, url: &str) -> Result<ShareOutcome, String> {
    #[derive(Serialize)]
    struct ShareArgs<'a> {
        title: &'a str,
        text: &'a str,
        url: &'a str,
    }
    call("share", &ShareArgs { title, text, url }).await
}

/// The full address of one of the site's screens (`#/service/umbria/x`), which opens that
/// screen in the web app on any device.
pub async fn site_link(path: &str) -> Result<String, String> {
    #[derive(Serialize)]
    struct PathArgs<'a> {
        path: &'a str,
    }
    call("site_link", &PathArgs { path }).await
}

/// Whether the device has a voice for `lang` (espeak-ng's on the desktop, the browser's on the
/// web).
pub async fn can_speak(lang: &str) -> bool {
    #[derive(Serialize)]
    struct LangArgs<'a> {
        lang: &'a str,
    }
    call("can_speak", &LangArgs { lang }).await.unwrap_or(false)
}

/// Says the request aloud, cutting whatever was being said; its number, which the end of it
/// ([`on_speech_ended`]) and [`stop_speaking`] name.
pub async fn speak(request: &SpeechRequest) -> Result<u64, String> {
    #[derive(Serialize)]
    struct SpeakArgs<'a> {
        request: &'a SpeechRequest,
    }
    call("speak", &SpeakArgs { request }).await
}

/// Stops request `id`, if it is still being said.
pub async fn stop_speaking(id: u64) {
    #[derive(Serialize)]
    struct IdArgs {
        id: u64,
    }
    let _ = call::<_, ()>("stop_speaking", &IdArgs { id }).await;
}

/// Calls `on_ended` with a request's number each time one was said to the end, for as long as
/// the window lives.
pub async fn on_speech_ended(on_ended: impl Fn(u64) + 'static) {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let payload =
            js_sys::Reflect::get(&event, &JsValue::from_str("payload")).unwrap_or(JsValue::NULL);
        let id = js_sys::Reflect::get(&payload, &JsValue::from_str("id"))
            .ok()
            .and_then(|id| id.as_f64());
        if let Some(id) = id {
            on_ended(id as u64);
        }
    });
    if shell_listen("speech-ended", &handler).await.is_ok() {
        handler.forget();
    }
}

/// Where a file the app made went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Written on the device (the desktop's Downloads folder), at this path.
    To(String),
    /// Handed to the browser as a download.
    Downloaded,
    /// Handed to the phone's share sheet (a messenger, Bluetooth, Files).
    Shared,
    /// The person closed the share sheet.
    Cancelled,
}

/// Saves a file the app made (the referral sheet's image, a correction's packet, the directory
/// file): on the desktop into the Downloads folder; in the web app through the phone's share
/// sheet where the browser shares that kind of file (Android's Chrome shares images, not every
/// type), else as a download.
pub async fn save_file(file_name: &str, mime: &str, bytes: Vec<u8>) -> Result<Saved, String> {
    match shell() {
        Shell::Tauri => {
            #[derive(Serialize)]
            #[serde(rename_all = "camelCase")]
            struct SaveArgs<'a> {
                file_name: &'a str,
                bytes: Vec<u8>,
            }
            call("save_file", &SaveArgs { file_name, bytes })
                .await
                .map(Saved::To)
        }
        Shell::Web => {
            let args = file_args(&[("fileName", file_name), ("type", mime)], &bytes);
            let answer = web_call("save_file", args)
                .await
                .map_err(command_error_text)?;
            Ok(match answer.as_string().as_deref() {
                Some("shared") => Saved::Shared,
                Some("cancelled") => Saved::Cancelled,
                _ => Saved::Downloaded,
            })
        }
    }
}

/// A web command's arguments carrying a file: `texts` as strings and the file as `bytes`, one
/// Uint8Array (the page and its worker pass it on as it is, not as a list of numbers).
fn file_args(texts: &[(&str, &str)], bytes: &[u8]) -> JsValue {
    let args = js_sys::Object::new();
    for (key, value) in texts {
        let _ = js_sys::Reflect::set(&args, &(*key).into(), &(*value).into());
    }
    let _ = js_sys::Reflect::set(
        &args,
        &"bytes".into(),
        &js_sys::Uint8Array::from(bytes).into(),
    );
    args.into()
}

async fn call<A: Serialize, T: serde::de::DeserializeOwned>(
    command: &str,
    args: &A,
) -> Result<T, String> {
    let args = serde_wasm_bindgen::to_value(args).map_err(|e| e.to_string())?;
    match shell_invoke(command, args).await {
        Ok(value) => serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string()),
        Err(error) => Err(command_error_text(error)),
    }
}

/// A shell's refusal as the sentence it carries (a [`CommandError`]'s message), or as whatever
/// came when it is not one.
fn command_error_text(error: JsValue) -> String {
    match serde_wasm_bindgen::from_value::<CommandError>(error.clone()) {
        Ok(error) => error.message,
        Err(_) => format!("{error:?}"),
    }
}
