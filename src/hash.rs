//! The current [`Route`] as a signal that follows `location.hash`.
//!
//! Navigation is plain links to `#/…`: the browser keeps history (back/forward) and the
//! `hashchange` listener updates the signal. Nothing here needs a server or a router, so the app
//! works on any host, under any path and from disk.

use leptos::prelude::*;

use crate::route::Route;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// A signal of the current route, updated on every `hashchange` for as long as the calling
/// owner lives.
pub fn use_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::parse(&current_hash()));
    });
    on_cleanup(move || handle.remove());
    route
}
