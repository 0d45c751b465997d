//! What is loaded on first use: every view but the home view and "not found" — the reader and
//! the search results, which most visits show and which are therefore fetched ahead (beside the
//! main wasm when the page opens on them, see `LANDING` in scripts/split-wasm.mjs, or on a sign
//! of intent through their `prefetch()`), and the views a visitor may never open (comparison, quote check,
//! quote links, the quotes overview, similar passages, the reading tools, "About this copy"),
//! the panels a reader opens inside a view (the reader's "What this document is about", what the
//! selection bar offers, an opened Cite or Export, the list's messages about the reader's own
//! documents) and the work on the reader's own documents
//! (reading and indexing files, walking a dropped folder, restoring stored ones, saving as one
//! file; declared in `own.rs` with [`split_work!`]).
//!
//! With the Cargo feature `split` (the release build), each is a split point: the build's split
//! step (scripts/split-wasm.mjs) moves it, and the code only it needs, into its own wasm file,
//! which the page fetches the first time it is needed (from inline data in the single file, so
//! that still needs no network). Without the feature (component tests) they are ordinary
//! functions and run at once.
//!
//! Guarantees: a file that cannot be fetched (the host went offline) is said in the page, in
//! words, with a way to try again; it never panics. A view whose file is in shows at once, as any
//! other; the first time, a line (`data-view="loading"` for a view, `data-part="loading"` for a
//! panel; a status) says it is on its way. A page always has exactly one `[data-view]`.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
pub use leptos::wasm_split::SplitLoaderError;
use lectern_engine::anchor::Selector;

use crate::route::Item;
use lectern_engine::export::Format;
use lectern_engine::Document;
use crate::views::{Reader, SearchResults, About, OwnStatus, CiteFields, Selected, SelectionTools, Check, Compare, DocumentQuotes, ExportTools, Kwic, QuoteLink, QuotesOverview, Similar, Trends, WordLists, WordsView};

/// Declares views, and panels inside views, loaded on first use (`View fn` / `Panel fn`, see
/// [`Place`]). Each becomes a function that shows the view, fetching
/// its file first the first time (with the `split` feature); the view's own code is only named
/// from the split point, so the split step moves it out of the main wasm.
macro_rules! split_points {
    ($($(#[$doc:meta])* $place:ident fn $name:ident($($arg:ident: $ty:ty),*) $body:block)*) => {$(
        $(#[$doc])*
        pub fn $name($($arg: $ty),*) -> AnyView {
            later(Place::$place, $name::ready(), $name::fetch, Box::new(move || $name::made($(Clone::clone(&$arg)),*)))
        }
        /// Its file: whether it is in, and fetching it ahead of need.
        pub mod $name {
            use super::*;
            type Make = fn($($ty),*) -> AnyView;
            fn make($($arg: $ty),*) -> AnyView {
                $body.into_any()
            }
            #[cfg_attr(feature = "split", leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible))]
            fn load() -> Result<Make, SplitLoaderError> {
                Ok(make)
            }
            thread_local!(static READY: Cell<Option<Make>> = const { Cell::new(None) });
            /// True once the file is in (at once without the `split` feature).
            pub(super) fn ready() -> bool {
                #[cfg(not(feature = "split"))]
                READY.set(load().ok());
                READY.get().is_some()
            }
            /// Fetches the file and keeps its maker for every later showing.
            pub(super) fn fetch() -> Fetch {
                Box::pin(async {
                    #[cfg(feature = "split")]
                    READY.set(Some(load().await?));
                    Ok(())
                })
            }
            /// The view, if its file is in (else nothing: `later` shows it only once it is).
            pub(super) fn made($($arg: $ty),*) -> AnyView {
                READY.get().map_or_else(|| ().into_any(), |make| make($($arg),*))
            }
            thread_local!(static ASKED: Cell<bool> = const { Cell::new(false) });
            /// Starts fetching the file before it is needed (a reader about to search, or to
            /// open a result), so that showing it waits for nothing. Once a page: the signs of
            /// intent come with every pointer move, and a failure is left to the showing, which
            /// says so and tries again.
            #[allow(dead_code)]
            pub fn prefetch() {
                if !ready() && !ASKED.replace(true) {
                    spawn_local(async {
                        let _ = fetch().await;
                    });
                }
            }
        }
    )*};
}

split_points! {
    /// A document, its ¶s numbered (the view of a permalink). The hosted page fetches its file
    /// beside the main wasm when it opens on a permalink (scripts/split-wasm.mjs, `LANDING`).
    View fn reader(id: String, passage: Memo<Option<usize>>, query: Memo<String>) {
        view! { <Reader id=id passage=passage query=query/> }
    }
    /// Search results as you type; fetched when the search box gets focus, or beside the main
    /// wasm when the page opens on a search.
    View fn search_results(query: Memo<String>, shown: Memo<usize>) { view! { <SearchResults query=query shown=shown/> } }
    View fn compare(items: Memo<Vec<Item>>) { view! { <Compare items=items/> } }
    View fn check(text: Memo<String>) { view! { <Check text=text/> } }
    View fn similar(id: String, passage: usize) { view! { <Similar id=id passage=passage/> } }
    View fn quote(selector: Memo<Selector>) { view! { <QuoteLink selector=selector/> } }
    View fn kwic() { view! { <Kwic/> } }
    View fn trends() { view! { <Trends/> } }
    View fn words() { view! { <WordsView/> } }
    View fn about() { view! { <About/> } }
    View fn quotes() { view! { <QuotesOverview/> } }
    View fn document_quotes(id: String) { view! { <DocumentQuotes id=id/> } }
    /// The reader's "What this document is about".
    Panel fn document_words(doc: Option<usize>) { view! { <WordLists doc=doc all=false/> } }
    /// What the reader's selection bar offers for a selection.
    Panel fn selection_tools(doc: &'static Document, selected: Selected, added: RwSignal<bool>, citing: RwSignal<bool>) {
        view! { <SelectionTools doc=doc s=selected added=added citing=citing/> }
    }
    /// An opened "Cite": the citation of `quote` in ¶`passage`, as text, Markdown and quote link.
    Panel fn cite_fields(doc: &'static Document, passage: usize, quote: String) {
        view! { <CiteFields doc=doc passage=passage quote=quote/> }
    }
    /// What the list's "Your documents" has to say: a load's progress, a save, where the
    /// documents are kept.
    Panel fn own_status(own: crate::own::Own, saving: ReadSignal<Option<String>>) { view! { <OwnStatus own=own saving=saving/> } }
    /// An opened "Export": the quotes resolved and rendered in the chosen format. Resolving
    /// quotes (anchoring, checking, aligning) is code only the comparison needs otherwise.
    Panel fn export_tools(items: Signal<Vec<Item>>, format: RwSignal<Format>, status: RwSignal<String>) {
        view! { <ExportTools items=items format=format status=status/> }
    }
}

/// Declares work loaded on first use (reading the reader's own files, say): each becomes an
/// async function that fetches the work's file the first time (with the `split` feature), then
/// runs it; `Err` when the file does not arrive. The work's code is only named from the split
/// point, so the split step moves it out of the main wasm.
macro_rules! split_work {
    ($($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block)*) => {$(
        $(#[$doc])*
        pub async fn $name($($arg: $ty),*) -> Result<$out, $crate::later::SplitLoaderError> {
            type Work = std::pin::Pin<Box<dyn std::future::Future<Output = $out>>>;
            #[cfg_attr(feature = "split", leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible))]
            fn start($($arg: $ty),*) -> Result<Work, $crate::later::SplitLoaderError> {
                Ok(Box::pin(async move $body))
            }
            #[cfg(feature = "split")]
            let work = start($($arg),*).await?;
            #[cfg(not(feature = "split"))]
            let work = start($($arg),*)?;
            Ok(work.await)
        }
    )*};
}
pub(crate) use split_work;

/// The loading of a view's file, as [`later`] starts it.
type Fetch = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), SplitLoaderError>>>>;

/// What a part fills: a whole view (its loading line and failure are the page's view, marked
/// `data-view`), or a panel inside a view (marked `data-part`, so the page keeps one
/// `[data-view]`, the view's own).
#[derive(Clone, Copy)]
enum Place {
    View,
    Panel,
}

/// Where a view loaded on first use stands.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Loading,
    Ready,
    Failed,
}

/// Shows a view loaded on first use: at once when its file is in (`ready`), else a line saying
/// it is loading while `fetch` loads it, then the view (`show`); if the file does not arrive,
/// says so and offers to try again. One function for every view, not one per view's type: `show`
/// is boxed, as a generic `show` compiled this function (2 KB) again for every split point.
fn later(place: Place, ready: bool, fetch: fn() -> Fetch, show: Box<dyn Fn() -> AnyView + Send + Sync>) -> AnyView {
    let state = RwSignal::new(if ready { State::Ready } else { State::Loading });
    let start = move || {
        state.set(State::Loading);
        spawn_local(async move {
            let loaded = fetch().await;
            // The reader may have gone on to another view meanwhile.
            let _ = state.try_set(if loaded.is_ok() { State::Ready } else { State::Failed });
        });
    };
    if !ready {
        start();
    }
    (move || match (state.get(), place) {
        (State::Ready, _) => show(),
        (State::Loading, Place::View) => view! {
            <p class="loading" data-view="loading" role="status">"Loading this view…"</p>
        }
        .into_any(),
        (State::Loading, Place::Panel) => view! {
            <p class="loading" data-part="loading" role="status">"Loading…"</p>
        }
        .into_any(),
        (State::Failed, Place::View) => view! {
            <section class="not-found" data-view="load-failed" aria-labelledby="load-failed-title">
                <h1 id="load-failed-title" tabindex="-1">"This view could not be loaded"</h1>
                <p>{NOT_ARRIVED}</p>
                <button type="button" on:click=move |_| start()>"Try again"</button>
            </section>
        }
        .into_any(),
        (State::Failed, Place::Panel) => view! {
            <p class="load-failed" data-part="load-failed" role="alert">"This could not be loaded. " {NOT_ARRIVED} " "
                <button type="button" on:click=move |_| start()>"Try again"</button>
            </p>
        }
        .into_any(),
    })
    .into_any()
}

/// Why a part is missing, and what to do.
const NOT_ARRIVED: &str = "Its file did not arrive: the connection may be down, or the site was updated since this page opened. Try again, or reload the page.";
