//! The search box on every view: typing shows results as you type, `/` focuses it from
//! anywhere, ↓ moves into the results, Enter opens the best result, Esc clears. Focusing it
//! fetches the results view's file (loaded on first use), so the first keystroke finds it in.

use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::hash::{History, Navigator};
use crate::route::Route;

/// The id of the results list, which the box controls.
pub const RESULTS_ID: &str = "search-results";

#[component]
pub fn SearchBox() -> impl IntoView {
    let nav = expect_context::<Navigator>();
    let route = nav.route();
    let input = NodeRef::<Input>::new();
    let value = move || route.with(|r| r.query().unwrap_or_default().to_string());

    let focus_handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "/" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() && !typing_in_a_field(&ev) {
            if let Some(input) = input.get() {
                ev.prevent_default();
                let _ = input.focus();
                input.select();
            }
        }
    });
    on_cleanup(move || focus_handle.remove());

    let on_input = move |ev: leptos::ev::Event| {
        let query = event_target_value(&ev);
        nav.go(Route::search(query), typing_history(route));
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            if focus_result(0) {
                ev.prevent_default();
            }
        }
        "Enter" => {
            ev.prevent_default();
            if let Some(first) = results().first() {
                first.click();
            }
        }
        "Escape" => {
            ev.prevent_default();
            nav.go(Route::search(""), typing_history(route));
        }
        _ => {}
    };

    view! {
        <form role="search" class="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input" class="visually-hidden">"Search the corpus"</label>
            <input
                id="search-input"
                type="search"
                node_ref=input
                placeholder="Search…  ( / )"
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                aria-controls=move || route.with(|r| matches!(r, Route::Search { .. })).then_some(RESULTS_ID)
                aria-keyshortcuts="/"
                data-search-input
                prop:value=value
                on:input=on_input
                on:keydown=on_keydown
                on:focus=|_| crate::later::search_results::prefetch()
            />
        </form>
    }
}

/// True when a key press is meant for a text field, so `/` must type a slash there.
pub(crate) fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable())
}

/// The result links in page order: documents found by title, then passages.
pub fn results() -> Vec<web_sys::HtmlElement> {
    let selector = format!("#{RESULTS_ID} a[data-doc-result], #{RESULTS_ID} a[data-passage]");
    let Ok(list) = document().query_selector_all(&selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()).collect()
}

/// Focuses result `i`; false when there is none.
pub fn focus_result(i: usize) -> bool {
    results().get(i).map(|el| el.focus().is_ok()).unwrap_or(false)
}

/// Typing on the results page changes its entry in place (one Back leaves the search, not one
/// keystroke), written once the typing pauses; the first keystroke elsewhere opens the results
/// as a new entry.
fn typing_history(route: ReadSignal<Route>) -> History {
    if route.with_untracked(|r| matches!(r, Route::Search { .. })) { History::Typing } else { History::Push }
}

/// Moves focus back to the search box.
pub fn focus_box() {
    if let Some(input) = document().get_element_by_id("search-input").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = input.focus();
    }
}
