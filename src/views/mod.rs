//! The views: small components over the corpus handle and the route.
//!
//! Every view marks itself with `data-view` and its items with `data-doc-id` / `data-passage`,
//! the hooks that tests and embedding sites rely on.

use leptos::prelude::{RwSignal, Set};

mod about;
mod check;
mod cite;
mod compare;
mod diffed;
mod export;
mod kwic;
mod list;
mod marked;
mod meta;
mod not_found;
mod own;
mod reader;
mod quote;
mod quotes;
mod results;
mod search_box;
mod selection;
mod similar;
mod trends;
mod vocabulary;
mod words;

pub use about::About;
pub use cite::CiteFields;
pub use selection::{Selected, SelectionTools};
pub use export::{save as save_file, ExportTools};
pub use check::Check;
pub use compare::Compare;
pub use list::DocumentList;
pub use marked::Marked;
pub use meta::{format_date, safe_url};
pub use not_found::NotFound;
pub use own::OwnStatus;
pub use words::quoted;
pub use quote::{quote_link, QuoteLink};
pub use quotes::{DocumentQuotes, QuotesOverview};
pub use reader::Reader;
pub use similar::Similar;
pub use kwic::Kwic;
pub use trends::Trends;
pub use vocabulary::{WordLists, WordsView};
pub use results::SearchResults;
pub use search_box::SearchBox;

/// A `<details>` element's `toggle` handler that keeps `open` in step with it, so its contents
/// are made only while it is open.
fn toggled(open: RwSignal<bool>) -> impl FnMut(leptos::ev::Event) + 'static {
    move |ev| open.set(leptos::prelude::event_target::<web_sys::Element>(&ev).has_attribute("open"))
}

/// What a view reached by a link to document `id`, which this corpus lacks, says before it
/// shows every document instead.
pub fn no_such_document(id: &str) -> String {
    format!("There is no document “{id}” in this corpus; every document is counted. ")
}
