//! Lectern's browser app (Leptos, client-side rendered): renders the bundled corpus and wires
//! the views to the engine. It holds no corpus or search logic of its own.
//!
//! - [`crash`]: a visible message with a reload link when the app panics.
//! - [`data`]: the corpus and index this page carries, loaded at start.
//! - [`route`]: the view state as it is written in the URL hash, parsed and formatted.
//! - [`hash`]: the route as a signal, kept in step with `location.hash`.
//! - [`embed`]: embed mode: compact chrome, height messages to the host, host navigation.
//! - [`tray`]: the quotes collected for comparison, kept in storage when allowed.
//! - [`own`]: the reader's own documents, opened or dropped on the page (HTML read by `html`,
//!   kept in IndexedDB by `store`).
//! - [`app`] and [`views`]: the components.

pub mod app;
pub mod crash;
pub mod data;
pub mod embed;
pub mod hash;
mod later;
mod html;
pub mod own;
pub mod route;
mod store;
pub mod tray;
pub mod views;

pub use app::App;

/// The id of the element the app renders into.
const ROOT_ID: &str = "lectern";

/// Loads the page's corpus and mounts the explorer (or shows why the corpus could not be
/// loaded). Idempotent: running it twice in one page
/// mounts once, and a page saved with a rendered app in it (the browser's "Save page as…,
/// complete") has that stale copy replaced rather than a second app added beside it.
pub fn mount() {
    use wasm_bindgen::JsCast;
    let window = leptos::prelude::window();
    let flag = wasm_bindgen::JsValue::from_str("__lecternMounted");
    if js_sys::Reflect::get(&window, &flag).is_ok_and(|v| v.is_truthy()) {
        return;
    }
    let _ = js_sys::Reflect::set(&window, &flag, &wasm_bindgen::JsValue::TRUE);
    let document = leptos::prelude::document();
    let Some(body) = document.body() else { return };
    if let Some(stale) = document.get_element_by_id(ROOT_ID) {
        stale.remove();
    }
    wasm_bindgen_futures::spawn_local(async move {
        let corpus = match data::load().await {
            Ok(corpus) => corpus,
            Err(e) => return crash::show(&e.to_string()),
        };
        let Ok(root) = document.create_element("div") else { return };
        root.set_id(ROOT_ID);
        let _ = body.append_child(&root);
        let root: web_sys::HtmlElement = root.unchecked_into();
        leptos::mount::mount_to(root, move || leptos::view! { <Root corpus=corpus/> }).forget();
    });
}

/// The page: the reader's documents handle, and the app over the corpus it shows — mounted anew
/// when the reader's documents change it, so every view sees one corpus for its whole life.
#[leptos::component]
fn Root(corpus: &'static lectern_engine::Corpus) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let own = own::Own::new(corpus);
    provide_context(own);
    own::accept_drops(own);
    move || {
        let shown = own.shown();
        leptos::view! { <App corpus=shown.corpus index=shown.index/> }
    }
}

/// Searches the page's corpus from JavaScript (`window.wasmBindings.search(query, limit)` in
/// the built page), for embedding sites and the in-browser benchmark. Returns an array of
/// `{ docId, passage, score }`, best first; the same ranking the search view shows. Until the
/// corpus has loaded (the page shows its first view), the array is empty.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = search)]
pub fn search_api(query: &str, limit: usize) -> js_sys::Array {
    let (Some(corpus), Some(index)) = (data::corpus(), data::index()) else { return js_sys::Array::new() };
    let results = lectern_engine::Searcher::new(corpus, index).search(query, limit);
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
