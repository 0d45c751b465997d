//! Lectern's browser app (Leptos, client-side rendered): renders the bundled corpus and wires
//! the views to the engine. It holds no corpus or search logic of its own.
//!
//! - [`data`]: the corpus bundled at build time.
//! - [`route`]: the view state as it is written in the URL hash, parsed and formatted.
//! - [`hash`]: the route as a signal, kept in step with `location.hash`.
//! - [`tray`]: the quotes collected for comparison, kept in storage when allowed.
//! - [`app`] and [`views`]: the components.

pub mod app;
pub mod data;
pub mod hash;
pub mod route;
pub mod tray;
pub mod views;

pub use app::App;

/// Mounts the explorer on the page's body, reading the bundled corpus.
pub fn mount() {
    let corpus = data::bundled();
    leptos::mount::mount_to_body(move || leptos::view! { <App corpus=corpus/> });
}

/// Searches the bundled corpus from JavaScript (`window.wasmBindings.search(query, limit)` in
/// the built page), for embedding sites and the in-browser benchmark. Returns an array of
/// `{ docId, passage, score }`, best first; the same ranking the search view shows.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = search)]
pub fn search_api(query: &str, limit: usize) -> js_sys::Array {
    let corpus = data::bundled();
    let results = lectern_engine::Searcher::new(corpus, data::bundled_index()).search(query, limit);
    results
        .hits
        .iter()
        .map(|hit| {
            let entry = js_sys::Object::new();
            let set = |key: &str, value: wasm_bindgen::JsValue| js_sys::Reflect::set(&entry, &key.into(), &value);
            let _ = set("docId", corpus.documents()[hit.doc].id.as_str().into());
            let _ = set("passage", (hit.passage as u32).into());
            let _ = set("score", hit.score.into());
            wasm_bindgen::JsValue::from(entry)
        })
        .collect()
}
