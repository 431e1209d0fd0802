//! The web app's engine: Bussola's directory engine running in a dedicated Web Worker, so
//! nothing heavy runs on the page's thread. Its database lives in the browser's Origin Private
//! File System (the `opfs-sahpool` VFS: sync access handles, which only a dedicated worker may
//! hold), so the directory survives reloads, restarts and going offline; where the browser has
//! no OPFS (an old browser, some private windows) it runs from memory and says so.
//!
//! The page posts `{id, command, args}`; the worker answers `{id, ok}` or `{id, error}` with the
//! same model types and the same commands as the desktop shell, and posts `{event, payload}`
//! for a sync's progress. On the first visit the bundled, signed Umbria feed is verified with
//! the pinned key and imported, exactly as the desktop does on its first start.

#![cfg(target_arch = "wasm32")]

mod fetch;

use bussola_model::{CommandError, ErrorCode, NewCorrection, SearchQuery, Storage, SyncReport};
use directory::Store;
use directory::sync::Progress;
use serde::Deserialize;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The database's name inside the worker's OPFS pool.
const DATABASE: &str = "bussola.db";

/// One request from the page.
#[derive(Deserialize)]
struct Message {
    id: u32,
    command: String,
    #[serde(default)]
    args: serde_json::Value,
    /// A file's bytes (`args.bytes` when the page sent a Uint8Array), taken out before the
    /// rest is read as JSON: a region's file as a list of numbers would cost many times its size.
    #[serde(skip)]
    file: Option<Vec<u8>>,
}

/// Takes `args.bytes` out of a message when it is a Uint8Array, leaving the rest.
fn take_file_bytes(message: &JsValue) -> Option<Vec<u8>> {
    let args = js_sys::Reflect::get(message, &"args".into()).ok()?;
    let bytes = js_sys::Reflect::get(&args, &"bytes".into())
        .ok()?
        .dyn_into::<js_sys::Uint8Array>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(&args.into(), &"bytes".into());
    Some(bytes.to_vec())
}

/// The engine, as the worker's script holds it.
#[wasm_bindgen]
pub struct Engine {
    store: Rc<RefCell<Store>>,
    /// `postMessage` of the worker's global scope.
    post: js_sys::Function,
    /// Where the directory is kept: OPFS, or memory for this visit only.
    storage: Storage,
    syncing: Rc<Cell<bool>>,
}

#[wasm_bindgen]
impl Engine {
    /// Opens the directory (OPFS, else memory) and, on the first visit, imports the bundled
    /// feed. `post` sends a message to the page.
    pub async fn start(post: js_sys::Function) -> Result<Engine, JsValue> {
        let storage = open_private_files().await;
        let opened = match storage {
            Storage::Device => Store::open(DATABASE.as_ref()),
            Storage::MemoryUnsupported | Storage::MemoryInUse => Store::open_in_memory(),
        };
        let mut store = opened.map_err(error_value)?;
        directory::bundled::import_bundled(&mut store).map_err(error_value)?;
        Ok(Engine {
            store: Rc::new(RefCell::new(store)),
            post,
            storage,
            syncing: Rc::default(),
        })
    }

    /// Answers one request from the page, by posting `{id, ok}` or `{id, error}`.
    pub fn handle(&self, message: JsValue) {
        let file = take_file_bytes(&message);
        let message: Message = match serde_wasm_bindgen::from_value(message) {
            Ok(message) => Message { file, ..message },
            Err(e) => {
                web_sys_log(&format!("bussola: a message the worker cannot read: {e}"));
                return;
            }
        };
        let (store, post, syncing) = (self.store.clone(), self.post.clone(), self.syncing.clone());
        let storage = self.storage;
        wasm_bindgen_futures::spawn_local(async move {
            let answer = answer(&store, &post, &syncing, storage, &message).await;
            let reply = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&reply, &"id".into(), &message.id.into());
            let (key, value) = match answer {
                Ok(value) => ("ok", value),
                Err(error) => ("error", to_js(&error)),
            };
            let _ = js_sys::Reflect::set(&reply, &key.into(), &value);
            let _ = post.call1(&JsValue::NULL, &reply);
        });
    }
}

/// How many times, 200 ms apart, the worker asks for the directory's files when another
/// holds them: a reload's new worker can start before the old one has let them go.
const ATTEMPTS_WHILE_HELD: u32 = 10;

/// Installs the OPFS pool that holds the database, and says where the directory will be kept.
/// Only one worker at a time may hold the pool's files: a second tab of the app finds them
/// taken, and runs from memory rather than not at all.
async fn open_private_files() -> Storage {
    use sqlite_wasm_vfs::sahpool::{OpfsSAHError, OpfsSAHPoolCfg, install};
    for attempt in 1..=ATTEMPTS_WHILE_HELD {
        match install::<sqlite_wasm_rs::WasmOsCallback>(&OpfsSAHPoolCfg::default(), true).await {
            Ok(_) => return Storage::Device,
            Err(OpfsSAHError::Opfs { message, .. })
                if message.contains("NoModificationAllowed") =>
            {
                if attempt < ATTEMPTS_WHILE_HELD {
                    sleep_ms(200).await;
                }
            }
            Err(error) => {
                web_sys_log(&format!(
                    "bussola: no private file system, running from memory: {error}"
                ));
                return Storage::MemoryUnsupported;
            }
        }
    }
    Storage::MemoryInUse
}

/// Waits `ms` milliseconds without blocking the worker.
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let set_timeout = js_sys::Reflect::get(&js_sys::global(), &"setTimeout".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match set_timeout {
            Some(set_timeout) => {
                let _ = set_timeout.call2(&JsValue::NULL, &resolve, &ms.into());
            }
            None => {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs one command. The arguments are the desktop shell's, by the same names.
async fn answer(
    store: &Rc<RefCell<Store>>,
    post: &js_sys::Function,
    syncing: &Rc<Cell<bool>>,
    storage: Storage,
    message: &Message,
) -> Result<JsValue, CommandError> {
    let now = directory::now();
    let args = &message.args;
    let text = |name: &str| -> Result<String, CommandError> {
        args[name]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| bad_request(&format!("\"{name}\" is missing")))
    };
    let store_ref = || store.borrow();
    match message.command.as_str() {
        "search" => {
            let query: SearchQuery = serde_json::from_value(args["query"].clone())
                .map_err(|e| bad_request(&e.to_string()))?;
            reply(store_ref().answer(&query, now))
        }
        "feeds" => reply(store_ref().feeds()),
        "service_detail" => reply(directory::commands::service_detail(
            &store_ref(),
            &text("feed")?,
            &text("id")?,
            &text("lang")?,
            now,
        )),
        "set_favourite" => {
            let (feed, id) = (text("feed")?, text("id")?);
            let store = store_ref();
            reply(match args["favourite"].as_bool() {
                Some(true) => store.add_favourite(&feed, &id),
                _ => store.remove_favourite(&feed, &id),
            })
        }
        "places" => Ok(to_js(&directory::commands::place_suggestions(&text(
            "text",
        )?))),
        "map_layers" => Ok(to_js(directory::map::layers())),
        "setting" => reply(store_ref().setting(&text("key")?)),
        "set_setting" => {
            let value = args["value"].as_str();
            reply(store_ref().set_setting(&text("key")?, value))
        }
        "clear_personal_data" => reply(store_ref().clear_personal_data()),
        // The page saves the file (a download, or the share sheet).
        "share_directory" => reply(directory::commands::share_directory(&store_ref())),
        "load_directory" => {
            let listed: Vec<u8>;
            let bytes: &[u8] = match &message.file {
                Some(bytes) => bytes,
                None => {
                    listed = serde_json::from_value(args["bytes"].clone())
                        .map_err(|e| bad_request(&e.to_string()))?;
                    &listed
                }
            };
            let report = directory::commands::load_directory(
                &mut store.borrow_mut(),
                &text("fileName")?,
                bytes,
                now,
            );
            Ok(to_js(&report))
        }
        "suggest_correction" => {
            let new: NewCorrection = serde_json::from_value(args["new"].clone())
                .map_err(|e| bad_request(&e.to_string()))?;
            reply(directory::commands::suggest_correction(
                &store_ref(),
                &new,
                now,
            ))
        }
        "corrections" => reply(directory::commands::corrections(&store_ref())),
        "remove_correction" => {
            let id = args["id"]
                .as_i64()
                .ok_or_else(|| bad_request("\"id\" is missing"))?;
            reply(directory::commands::remove_correction(&store_ref(), id))
        }
        // The web app replaces no damaged database yet: there is never anything to tell.
        "take_recovery_notice" => Ok(JsValue::NULL),
        "storage" => Ok(to_js(&storage)),
        "sync_now" => {
            if syncing.replace(true) {
                return Err(CommandError {
                    code: ErrorCode::Feed,
                    message: "an update is already running".into(),
                });
            }
            let source = fetch::site_feed().await;
            let reports = sync_all(store, post, source.as_deref()).await;
            syncing.set(false);
            Ok(to_js(&reports))
        }
        other => Err(bad_request(&format!(
            "the web app has no command \"{other}\""
        ))),
    }
}

/// Syncs the site's feed (`source`, from the site's config.json) or else every configured feed with a
/// URL and every source synced before, in turn, through `fetch`, as the desktop does; progress
/// goes to the page as `sync-progress` events, as the desktop shell emits them.
async fn sync_all(
    store: &Rc<RefCell<Store>>,
    post: &js_sys::Function,
    source: Option<&str>,
) -> Vec<SyncReport> {
    let mut reports = Vec::new();
    let trust = directory::sync::trust(Vec::new());
    let sources = match directory::sync::sources_to_sync(&store.borrow(), source) {
        Ok(sources) => sources,
        Err(error) => {
            return vec![directory::sync::report("", Err(error))];
        }
    };
    for source in sources {
        let progress = |p: Progress| {
            let step = directory::sync::step(&source, p);
            let event = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&event, &"event".into(), &"sync-progress".into());
            let _ = js_sys::Reflect::set(&event, &"payload".into(), &to_js(&step));
            let _ = post.call1(&JsValue::NULL, &event);
        };
        let outcome = fetch::sync_source(store, &source, &trust, &progress).await;
        reports.push(directory::sync::report(&source, outcome));
    }
    reports
}

fn reply<T: serde::Serialize>(result: directory::Result<T>) -> Result<JsValue, CommandError> {
    result
        .map(|value| to_js(&value))
        .map_err(CommandError::from)
}

fn bad_request(message: &str) -> CommandError {
    CommandError {
        code: ErrorCode::BadQuery,
        message: message.to_owned(),
    }
}

/// A value as the page reads it: plain objects, not maps.
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

fn error_value(error: directory::Error) -> JsValue {
    to_js(&CommandError::from(error))
}

/// `console.error`, for what only a developer can act on.
fn web_sys_log(text: &str) {
    let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).unwrap_or_default();
    if let Ok(error) = js_sys::Reflect::get(&console, &"error".into())
        && let Ok(error) = error.dyn_into::<js_sys::Function>()
    {
        let _ = error.call1(&console, &text.into());
    }
}
