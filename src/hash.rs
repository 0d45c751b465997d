//! The current [`Route`], kept in step with `location.hash`, and the one way to change it.
//!
//! Links are plain `<a href="#/…">`: the browser keeps history (back/forward) and the
//! `hashchange` listener updates the signal. Typing a query replaces the current history entry
//! instead of adding one per keystroke ([`Navigator::go`] with [`History::Replace`]). Nothing here needs a
//! server or a router, so the app works on any host, under any path and from disk.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::route::Route;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// What a change of route does to the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// A new entry: Back returns to the view before (following a link, opening a result).
    Push,
    /// The current entry changes: typing a query, filtering, editing a comparison.
    Replace,
}

/// The narrow handle views use to read and change the route.
#[derive(Clone, Copy)]
pub struct Navigator {
    route: ReadSignal<Route>,
    set_route: WriteSignal<Route>,
}

impl Navigator {
    /// A navigator following `location.hash` for as long as the calling owner lives.
    pub fn new() -> Navigator {
        let (route, set_route) = signal(Route::parse(&current_hash()));
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            let parsed = Route::parse(&current_hash());
            if route.with_untracked(|r| *r != parsed) {
                set_route.set(parsed);
            }
        });
        on_cleanup(move || handle.remove());
        Navigator { route, set_route }
    }

    pub fn route(&self) -> ReadSignal<Route> {
        self.route
    }

    /// Shows `route`, as a new history entry or in place of the current one.
    pub fn go(&self, route: Route, history: History) {
        let hash = route.to_hash();
        let written = match history {
            History::Replace => window().history().and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&hash))),
            History::Push => window().location().set_hash(&hash),
        };
        if written.is_err() {
            // Some sandboxed frames refuse history changes; the view still follows the reader.
            leptos::logging::warn!("could not write the address bar; the view changes without it");
        }
        self.set_route.set(route);
    }
}
