//! Embedding in someone else's page through an iframe.
//!
//! `?embed=1` in the page's address (before the hash) selects compact chrome. The embedded page
//! tells its host its content height with `postMessage({ type: "lectern:height", height })`
//! whenever it changes (the host script `embed.js` resizes the iframe), and accepts one message
//! from its host, `{ type: "lectern:navigate", hash: "#/…" }`, which is checked for shape, size
//! and sender and then parsed like any address: it can only ever select a view. The host caps
//! the frame's height (`embed.js`, 800 px unless `data-max-height` says otherwise); the page then
//! scrolls inside the frame, and [`scroll_into_view`] keeps it from scrolling the host.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::hash::{History, Navigator};
use crate::route::Route;

/// The longest hash a host may send.
const MAX_HASH_CHARS: usize = 4_000;

/// Whether this page was opened in embed mode (`?embed=1` or `?embed`).
pub fn is_embedded() -> bool {
    let search = window().location().search().unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("embed"))
        .is_some_and(|v| v != "0" && v != "false")
}

/// The same view as a full page: this address without `embed`, with the route's hash.
pub fn full_view_href(route: &Route) -> String {
    let location = window().location();
    let href = location.href().unwrap_or_default();
    let Ok(url) = web_sys::Url::new(&href) else { return route.to_hash() };
    url.search_params().delete("embed");
    url.set_hash(&route.to_hash());
    url.href()
}

/// This page's address without its hash, nor `embed`: what a link to share starts with, so that
/// a citation made in an embedded copy opens the full page.
pub fn shared_base() -> String {
    let href = window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default().to_string();
    match web_sys::Url::new(&base) {
        Ok(url) if url.search_params().has("embed") => {
            url.search_params().delete("embed");
            url.href()
        }
        _ => base,
    }
}

/// Scrolls so that `element` is centred in the part of the window the sticky bar (an element
/// marked `data-sticky`, pinned to the top) leaves free, or, when it is taller than that part,
/// so that its start sits just below the bar: a long ¶ on a phone shows its number and its
/// first lines, not its middle. Glides or jumps as `behavior` says (`Auto` follows the style
/// sheet, which glides unless the reader asked for less motion). Only the page's own document
/// scrolls: `scrollIntoView` inside a frame scrolls every scrollable ancestor, the host page
/// included, and an embed must never move the page around it.
pub fn scroll_into_view(element: &web_sys::Element, behavior: web_sys::ScrollBehavior) {
    let covered = covered_height();
    let free = viewport_height() - covered;
    let rect = element.get_bounding_client_rect();
    // A little room above a ¶ that starts just below the bar.
    let gap = 8.0;
    let above = if rect.height() + 2.0 * gap > free { gap } else { (free - rect.height()) / 2.0 };
    let top = window().scroll_y().unwrap_or_default() + rect.top() - covered - above;
    scroll_to(top.max(0.0), behavior);
}

/// The height of the sticky bar at the window's top (an element marked `data-sticky`).
fn covered_height() -> f64 {
    document().query_selector("[data-sticky]").ok().flatten().map_or(0.0, |bar| bar.get_bounding_client_rect().height())
}

/// The height of the window the sticky bar leaves free, in CSS pixels.
pub fn free_height() -> f64 {
    viewport_height() - covered_height()
}

/// The height of the window (of the frame, embedded) in CSS pixels.
pub fn viewport_height() -> f64 {
    window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or_default()
}

/// Focuses `element` where it stands, without the browser's scrolling to it: the caller has
/// placed it already (or it is in view), and inside a frame that scrolling would move the host
/// page too.
pub fn focus_in_place(element: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// [`focus_in_place`] for the first element `selector` matches; false when there is none.
pub fn focus_in_place_at(selector: &str) -> bool {
    let found = document().query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    found.map(|element| focus_in_place(&element)).is_some()
}

/// Scrolls the page to `top`, gliding or jumping as `behavior` says.
pub fn scroll_to(top: f64, behavior: web_sys::ScrollBehavior) {
    let options = web_sys::ScrollToOptions::new();
    options.set_top(top);
    options.set_behavior(behavior);
    window().scroll_to_with_scroll_to_options(&options);
}

/// Reports the content height to the host now and whenever it changes. The observer lives as
/// long as the page.
pub fn report_height() {
    let Some(parent) = host() else { return };
    let send = move || {
        let Some(body) = document().body() else { return };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"lectern:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(body.offset_height()));
        // The height is no secret, and the host's origin is unknown (opaque when sandboxed).
        let _ = parent.post_message(&message, "*");
    };
    send();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| send());
    if let (Ok(observer), Some(body)) = (web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()), document().body()) {
        observer.observe(&body);
        std::mem::forget(observer);
    }
    callback.forget();
}

/// Follows `lectern:navigate` messages from the host page, and nothing else.
pub fn listen_to_host(nav: Navigator) {
    let Some(parent) = host() else { return };
    let handle = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        // Compared as values: a cross-origin parent is no `instanceof Window` in this realm.
        let from_host = ev.source().is_some_and(|s| JsValue::from(s) == JsValue::from(&parent));
        if !from_host {
            return;
        }
        let data = ev.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok().and_then(|v| v.as_string());
        if field("type").as_deref() != Some("lectern:navigate") {
            return;
        }
        if let Some(hash) = field("hash").filter(|h| h.starts_with("#/") && h.chars().count() <= MAX_HASH_CHARS) {
            nav.go(Route::parse(&hash), History::Push);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Whether the app may move focus by itself (to a linked ¶, say): always on its own page, and
/// in a frame only while the frame has focus — a host page's navigation (`lectern:navigate`),
/// or its loading the frame, must not pull focus away from what the reader is doing there.
pub fn may_take_focus() -> bool {
    host().is_none() || document().has_focus().unwrap_or(false)
}

/// Whether this page is framed by another. There, a download may be blocked without a word to
/// the page (a sandbox without `allow-downloads`), so the page cannot say it was saved.
pub fn framed() -> bool {
    host().is_some()
}

/// The host window when this page is framed.
fn host() -> Option<web_sys::Window> {
    let parent = window().parent().ok().flatten()?;
    (parent != window()).then_some(parent)
}
