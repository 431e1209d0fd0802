//! What only the web app has to say about itself, above every screen: that the browser did not
//! let it keep the directory on the device (so this visit's favourites and settings go when it
//! closes), and that a new version has been installed and will open at the next start. The
//! desktop window never shows either.

use crate::i18n::use_lang;
use crate::icons::icon;
use crate::ipc;
use bussola_model::Storage;
use leptos::prelude::*;

/// "Running from memory", with the reason, until the person closes it.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let lang = use_lang();
    let storage = RwSignal::new(Storage::Device);
    leptos::task::spawn_local(async move { storage.set(ipc::storage().await) });
    move || {
        let message = match storage.get() {
            Storage::Device => return None,
            Storage::MemoryUnsupported => "storage-memory-unsupported",
            Storage::MemoryInUse => "storage-memory-in-use",
        };
        Some(view! {
            <div class="notice" role="status" id="storage-notice">
                <p>{move || lang.t(message)}</p>
                <button type="button" class="secondary" on:click=move |_| storage.set(Storage::Device)>
                    {move || lang.t("notice-close")}
                </button>
            </div>
        })
    }
}

/// "A new version is ready": it opens at the next start, or now if the person asks.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let lang = use_lang();
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        // Listening first, then asking: an update that finishes in between is not missed.
        ipc::on_update_ready(move || ready.set(true)).await;
        if ipc::update_ready().await {
            ready.set(true);
        }
    });
    let start_new_version = move |_| {
        leptos::task::spawn_local(async move {
            let _ = ipc::apply_update().await;
        })
    };
    move || {
        ready.get().then(|| {
            view! {
                <div class="notice" role="status" id="update-notice">
                    <p>{move || lang.t("app-update-ready")}</p>
                    <div class="notice-actions">
                        <button type="button" class="primary" id="start-new-version" on:click=start_new_version>
                            {icon("update")}<span>{move || lang.t("app-update-start")}</span>
                        </button>
                        <button type="button" class="secondary" on:click=move |_| ready.set(false)>
                            {move || lang.t("notice-close")}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
