//! The current [`Route`], kept in step with `location.hash`, and the one way to change it.
//!
//! Links are plain `<a href="#/…">`: the browser keeps history (back/forward) and the
//! `hashchange` listener updates the signal. Typing a query replaces the current history entry
//! instead of adding one per keystroke ([`Navigator::go`] with [`History::Typing`]), and only
//! once the typing pauses: the view follows every keystroke at once, while the address bar and
//! the tab's title (both cost a millisecond or more in the browser) follow the last one. A
//! pending address is written before anything else can use it (a click, a new entry, leaving
//! the page) and dropped when the reader goes elsewhere first (Back). Nothing here needs a
//! server or a router, so the app works on any host, under any path and from disk.
//!
//! Returning from a document to the view it was opened from (Back, "Back to results", or any
//! link to that same view) puts focus back on the link that was followed, in view: the reader
//! picks up the results or the list where they left it, and a keyboard or screen-reader user
//! is not sent back to the top of the page.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::route::Route;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// What a change of route does to the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// A new entry: Back returns to the view before (following a link, opening a result).
    Push,
    /// The current entry changes: filtering, editing a comparison.
    Replace,
    /// As `Replace`, written once the typing pauses ([`TYPING_PAUSE`]): typing a query.
    Typing,
}

/// How long typing must pause before the address bar follows it.
pub const TYPING_PAUSE: Duration = Duration::from_millis(250);

/// The narrow handle views use to read and change the route.
#[derive(Clone, Copy)]
pub struct Navigator {
    route: ReadSignal<Route>,
    set_route: WriteSignal<Route>,
    /// The route the address bar holds (it lags `route` while typing).
    address: RwSignal<Route>,
    /// The `History::Typing` change not yet written, and the timer that will write it.
    pending: StoredValue<Option<(Route, TimeoutHandle)>>,
    /// The hash this navigator last wrote, to know the `hashchange` of its own new entry.
    written: StoredValue<String>,
    /// While a document is shown: the hash of the view it was opened from, and the link that
    /// opened it (both empty otherwise; hashes, as the type already kept, for a smaller wasm).
    opened_from: StoredValue<String>,
    opened_by: StoredValue<String>,
}

impl Navigator {
    /// A navigator following `location.hash` for as long as the calling owner lives.
    pub fn new() -> Navigator {
        let (route, set_route) = signal(Route::parse(&current_hash()));
        let address = RwSignal::new(route.get_untracked());
        let pending = StoredValue::new(None);
        let written = StoredValue::new(String::new());
        let opened_from = StoredValue::new(String::new());
        let opened_by = StoredValue::new(String::new());
        let nav = Navigator { route, set_route, address, pending, written, opened_from, opened_by };
        let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
            let hash = current_hash();
            // Our own new entry, announced after the reader typed on: the view is already ahead.
            // (Once: a later visit to the same address, by Back, is the reader's.)
            if written.try_update_value(|w| std::mem::take(w) == hash).unwrap_or(false) {
                return;
            }
            // The reader went elsewhere (Back, a link): a pending write would overwrite that entry.
            nav.cancel_pending();
            let parsed = Route::parse(&hash);
            if address.with_untracked(|a| *a != parsed) {
                address.set(parsed.clone());
            }
            if route.with_untracked(|r| *r != parsed) {
                match nav.follow(&parsed) {
                    Some(link) => return_to(link, RETURN_FRAMES),
                    None => keep_focus(&parsed),
                }
                set_route.set(parsed);
            }
        });
        // Capturing, so the address is written before a link's default action adds an entry.
        let options = gloo_events::EventListenerOptions::run_in_capture_phase();
        let on_click = gloo_events::EventListener::new_with_options(&window(), "click", options, move |_| nav.flush());
        let on_click = send_wrapper::SendWrapper::new(on_click);
        let on_leave = window_event_listener(leptos::ev::pagehide, move |_| nav.flush());
        on_cleanup(move || {
            on_hash.remove();
            drop(on_click);
            on_leave.remove();
        });
        nav
    }

    pub fn route(&self) -> ReadSignal<Route> {
        self.route
    }

    /// While a document is shown, the view it was opened from in this page, if any.
    pub fn opened_from(&self) -> Option<Route> {
        let from = self.opened_from.get_value();
        (!from.is_empty()).then(|| Route::parse(&from))
    }

    /// The route the address bar holds: the view's route, except while typing a query, when it
    /// follows once the typing pauses (the tab's title follows this one).
    pub fn address(&self) -> ReadSignal<Route> {
        self.address.read_only()
    }

    /// Shows `route`, as a new history entry or in place of the current one.
    pub fn go(&self, route: Route, history: History) {
        match history {
            History::Typing => {
                let nav = *self;
                self.cancel_pending();
                if let Ok(timer) = set_timeout_with_handle(move || nav.flush(), TYPING_PAUSE) {
                    self.pending.set_value(Some((route.clone(), timer)));
                } else {
                    self.write(&route, History::Replace);
                }
            }
            History::Replace => {
                self.cancel_pending();
                self.write(&route, history);
            }
            History::Push => {
                // The entry being left keeps what was typed in it.
                self.flush();
                self.write(&route, history);
            }
        }
        // A change the app makes itself (typing a query) is not a return: focus stays put.
        self.follow(&route);
        keep_focus(&route);
        self.set_route.set(route);
    }

    /// Notes which view a document is opened from as the route moves to `next`, and returns the
    /// link to focus when `next` goes back to that view from the document.
    fn follow(&self, next: &Route) -> Option<String> {
        let is_document = |r: &Route| matches!(r, Route::Document { .. });
        let current = self.route.get_untracked();
        let take = |kept: StoredValue<String>| kept.try_update_value(std::mem::take).unwrap_or_default();
        match (is_document(&current), is_document(next)) {
            (false, true) => {
                self.opened_from.set_value(current.to_hash());
                self.opened_by.set_value(next.to_hash());
            }
            // Moving within the document, or to its neighbours, keeps the way back.
            (true, true) => {}
            (_, false) => {
                let (from, link) = (take(self.opened_from), take(self.opened_by));
                return (!from.is_empty() && from == next.to_hash()).then_some(link);
            }
        }
        None
    }

    /// Writes the pending typed route now, if there is one.
    fn flush(&self) {
        if let Some((route, timer)) = self.pending.try_update_value(Option::take).flatten() {
            timer.clear();
            self.write(&route, History::Replace);
        }
    }

    fn cancel_pending(&self) {
        if let Some((_, timer)) = self.pending.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    }

    fn write(&self, route: &Route, history: History) {
        let hash = route.to_hash();
        self.written.set_value(hash.clone());
        let written = match history {
            History::Push => window().location().set_hash(&hash),
            History::Replace | History::Typing => {
                window().history().and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&hash)))
            }
        };
        if written.is_err() {
            // Some sandboxed frames refuse history changes; the view still follows the reader.
            leptos::logging::warn!("could not write the address bar; the view changes without it");
        }
        if self.address.with_untracked(|a| a != route) {
            self.address.set(route.clone());
        }
    }
}

/// Frames to wait at most for the view returned to to show the link (about two seconds): a view
/// loaded on first use, or a list rendered a slice at a time, may take a few.
const RETURN_FRAMES: u32 = 120;

/// Focuses the link to `href` in the main view once it is there, scrolling it into view first
/// when it is outside the window.
fn return_to(href: String, frames_left: u32) {
    request_animation_frame(move || match link_to(&href) {
        Some(link) => {
            let rect = link.get_bounding_client_rect();
            if rect.top() < 0.0 || rect.bottom() > crate::embed::viewport_height() {
                crate::embed::scroll_into_view(&link, web_sys::ScrollBehavior::Instant);
            }
            crate::embed::focus_in_place(&link);
        }
        None if frames_left > 0 => return_to(href, frames_left - 1),
        None => {}
    });
}

/// A link or button that changes the route within a view can go away with the change, or be
/// drawn anew (a suggestion followed, a document picked in a table), and focus would fall to the
/// page's start. It goes to the view's heading instead, as on arriving at a view. A document
/// places focus itself, and a view that moves focus on its own (to new results) has done so by
/// the second frame.
fn keep_focus(next: &Route) {
    let held = document().active_element();
    if matches!(next, Route::Document { .. }) || held == document().body().map(Into::into) {
        return;
    }
    request_animation_frame(move || {
        request_animation_frame(move || {
            let lost = held.is_some_and(|e| !e.is_connected());
            if lost && crate::embed::may_take_focus() {
                crate::app::focus_heading(document().body().map(Into::into), 0);
            }
        })
    });
}

/// The first link in the main view whose `href` is exactly `href`.
fn link_to(href: &str) -> Option<web_sys::HtmlElement> {
    let links = document().query_selector_all("#main a[href]").ok()?;
    (0..links.length())
        .filter_map(|i| links.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|a| a.get_attribute("href").as_deref() == Some(href))
}
