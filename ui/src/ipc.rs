//! The bridge to the shell: Tauri's `invoke` from wasm, with the model's types on both sides.

use bussola_model::{CommandError, Hit, SearchQuery};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `window.__TAURI__.core.invoke`, present because the shell sets `withGlobalTauri`.
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], catch)]
    async fn invoke(command: &str, args: JsValue) -> Result<JsValue, JsValue>;
}

#[derive(Serialize)]
struct SearchArgs {
    query: SearchQuery,
}

/// Runs a search in the engine. The error is a sentence to show.
pub async fn search(query: SearchQuery) -> Result<Vec<Hit>, String> {
    call("search", &SearchArgs { query }).await
}

async fn call<A: Serialize, T: serde::de::DeserializeOwned>(
    command: &str,
    args: &A,
) -> Result<T, String> {
    let args = serde_wasm_bindgen::to_value(args).map_err(|e| e.to_string())?;
    match invoke(command, args).await {
        Ok(value) => serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string()),
        Err(error) => Err(
            match serde_wasm_bindgen::from_value::<CommandError>(error.clone()) {
                Ok(error) => error.message,
                Err(_) => format!("{error:?}"),
            },
        ),
    }
}
