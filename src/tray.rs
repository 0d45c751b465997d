//! The comparison tray: the quotes a reader has collected, in order, shared by every view.
//!
//! It is kept in localStorage when the browser allows it, so a collection survives a reload;
//! where storage is missing or throws (sandboxed frames, private modes, opaque origins) the tray
//! simply lives as long as the page. The compare view's URL carries its items, so a comparison
//! is shared by its link, not by storage — and opening such a link never changes the tray by
//! itself: the reader chooses to add it ([`Tray::add_all`]) or to replace theirs ([`Tray::set`]).
//! New items are quote selectors; a tray saved before them (`p:` and `t:` items) loads as it was,
//! since it is read as a compare hash and those items still parse.

use leptos::prelude::*;

use crate::route::{Item, Route};

/// The storage key; the value is the compare route's hash, which already encodes a list.
const STORAGE_KEY: &str = "lectern:tray";

/// The narrow handle to the tray.
#[derive(Clone, Copy)]
pub struct Tray {
    items: RwSignal<Vec<Item>>,
    /// What the last addition did, in words, for the live region that announces it.
    status: RwSignal<String>,
}

impl Tray {
    /// A tray restored from storage (when there is any) and saved back on every change.
    pub fn new() -> Tray {
        let items = RwSignal::new(load());
        Effect::new(move |_| items.with(|items| save(items)));
        Tray { items, status: RwSignal::new(String::new()) }
    }

    /// The announcement of the last addition ("Added to the comparison: 2 quotes.").
    pub fn status(&self) -> Signal<String> {
        self.status.into()
    }

    pub fn items(&self) -> Signal<Vec<Item>> {
        self.items.into()
    }

    /// Adds `item` at the end, unless it is already there.
    pub fn add(&self, item: Item) {
        self.add_all(vec![item]);
    }

    /// Adds each of `items` at the end, in order, skipping those already there.
    pub fn add_all(&self, items: Vec<Item>) {
        let mut added = false;
        self.items.update(|current| {
            for item in items {
                if !current.contains(&item) {
                    current.push(item);
                    added = true;
                }
            }
        });
        self.status.set(if added {
            format!("Added to the comparison: {}.", self.count_text())
        } else {
            format!("Already in the comparison: {}.", self.count_text())
        });
    }

    /// Replaces the whole collection (the reader chose "Replace mine", or edited their own).
    pub fn set(&self, items: Vec<Item>) {
        if self.items.with_untracked(|current| *current != items) {
            self.items.set(items);
            self.status.set(format!("Your comparison now has {}.", self.count_text()));
        }
    }

    fn count_text(&self) -> String {
        let n = self.items.with_untracked(Vec::len);
        if n == 1 { "1 quote".to_string() } else { format!("{n} quotes") }
    }

    /// The compare view of the current collection.
    pub fn route(&self) -> Route {
        Route::Compare { items: self.items.get_untracked(), strict: false }
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn load() -> Vec<Item> {
    let saved = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    match saved.map(|hash| Route::parse(&hash)) {
        Some(Route::Compare { items, .. }) => items,
        _ => Vec::new(),
    }
}

fn save(items: &[Item]) {
    if let Some(storage) = storage() {
        // A full or refusing storage only costs persistence, never the tray itself.
        let _ = storage.set_item(STORAGE_KEY, &Route::Compare { items: items.to_vec(), strict: false }.to_hash());
    }
}
