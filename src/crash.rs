//! What a reader sees if Lectern itself fails: a Rust panic is logged to the console (with its
//! location) and replaces the page with a plain message and a way to reload, instead of a page
//! that silently stops responding. The release build stops at a panic at once, without running
//! the hook (its panics carry no message code: a smaller wasm); what reaches the page there is
//! the WebAssembly trap, an uncaught `RuntimeError`, which [`listen_for_traps`] turns into the
//! same message. Built with the DOM directly: after a panic the app's own
//! rendering cannot be trusted, and with `panic = "abort"` nothing in the wasm runs afterwards,
//! so the reload is a plain link (a new query string forces a fresh load, also from disk).

use wasm_bindgen::JsCast;

/// The id of the crash message element.
pub const CRASH_ID: &str = "lectern-crash";

/// Installs the panic hook: console first, then the visible message.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let message = match info.payload().downcast_ref::<&str>() {
            Some(s) => s.to_string(),
            None => info.payload().downcast_ref::<String>().cloned().unwrap_or_default(),
        };
        show(&message);
    }));
}

/// Shows the crash message when the wasm traps: a panic in the release build, or any other
/// failure of the wasm itself. Errors of other scripts on the page are left alone.
pub fn listen_for_traps() {
    let Some(window) = web_sys::window() else { return };
    // An event handler's trap arrives as an `error` event; a trap in a future (they run as
    // promise callbacks) as an unhandled rejection.
    for (event, field) in [("error", "error"), ("unhandledrejection", "reason")] {
        gloo_events::EventListener::new(&window, event, move |event| {
            let error = js_sys::Reflect::get(event, &field.into()).unwrap_or_default();
            if error.is_instance_of::<js_sys::WebAssembly::RuntimeError>() {
                show(&String::from(js_sys::Error::from(error).to_string()));
            }
        })
        .forget();
    }
}

/// Shows the crash message with `detail`, once, over whatever the page showed.
pub fn show(detail: &str) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id(CRASH_ID).is_some() {
        return;
    }
    let make = |tag: &str| document.create_element(tag).ok();
    let (Some(panel), Some(title), Some(text), Some(link), Some(details)) =
        (make("div"), make("h1"), make("p"), make("a"), make("pre"))
    else {
        return;
    };
    panel.set_id(CRASH_ID);
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("class", "crash");
    title.set_text_content(Some("Lectern stopped working"));
    text.set_text_content(Some("Something went wrong inside Lectern. Reloading starts it again; the address keeps what you were looking at."));
    link.set_text_content(Some("Reload Lectern"));
    let _ = link.set_attribute("href", &reload_href(&window));
    let _ = link.set_attribute("data-reload", "");
    details.set_text_content(Some(detail));
    for child in [&title, &text, &link, &details] {
        let _ = panel.append_child(child);
    }
    if let Some(root) = document.get_element_by_id("lectern") {
        root.remove();
    }
    let _ = body.append_child(&panel);
    if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
        let _ = link.focus();
    }
}

/// This address with a fresh `reload` parameter, so following it loads the page anew.
fn reload_href(window: &web_sys::Window) -> String {
    let location = window.location();
    let href = location.href().unwrap_or_default();
    match web_sys::Url::new(&href) {
        Ok(url) => {
            // Whole milliseconds: formatting the f64 itself would pull float formatting into the wasm.
            url.search_params().set("reload", &(js_sys::Date::now() as u64).to_string());
            url.href()
        }
        Err(_) => href,
    }
}
