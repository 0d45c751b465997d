//! The corpus overview: every document with its title, author, date, source and ¶ count, with a
//! filter box (titles, authors, dates, as the reader types) and a sort control. Both live in the
//! route (`#/?filter=…&sort=date`), so Back and a shared link restore the list as it was; the
//! filtering and ordering themselves are the engine's ([`Catalog`]), built once per page. A
//! pointer over the list, or focus in it, fetches the reader's file (loaded on first use) ahead
//! of the click.

use std::cell::Cell;

use leptos::prelude::*;
use lectern_engine::catalog::{Catalog, SortKey};
use lectern_engine::Corpus;

use super::meta::Byline;
use super::words::{noun_for, plural};
use crate::app::Library;
use crate::hash::{History, Navigator};
use crate::own::Own;
use crate::route::Route;

#[component]
pub fn DocumentList() -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let nav = expect_context::<Navigator>();
    let route = nav.route();
    let docs = corpus.documents();
    let state = Memo::new(move |_| match route.get() {
        Route::List { filter, sort } => (filter, sort),
        _ => (String::new(), SortKey::default()),
    });
    let filter = Memo::new(move |_| state.get().0);
    let sort = Memo::new(move |_| state.get().1);
    let catalog = catalog(corpus);
    let shown = Memo::new(move |_| catalog.browse(&filter.get(), sort.get()));
    // A long list renders a slice per task, so opening it (or the page mounted anew over a
    // reader's documents) never holds the main thread for the whole list.
    let rendered = RwSignal::new(CARDS_PER_TASK);
    grow(rendered, docs.len());
    // Typing and sorting replace the history entry: Back leaves the list rather than undoing
    // each keystroke.
    let set_filter = move |filter: String| nav.go(Route::List { filter, sort: sort.get_untracked() }, History::Replace);
    let set_sort = move |name: String| {
        let sort = SortKey::parse(&name).unwrap_or_default();
        nav.go(Route::List { filter: filter.get_untracked(), sort }, History::Replace);
    };
    let own = use_context::<Own>();
    let yours = move |id: &str| own.is_some_and(|own| own.is_yours(id));
    let total = docs.len();
    let paragraphs = corpus.passage_count();
    let count = move || {
        let n = shown.with(Vec::len);
        if n == total {
            format!("{} · {}", plural(total, "document"), plural(paragraphs, "paragraph"))
        } else {
            format!("{n} of {total} {}", noun_for(total, "document"))
        }
    };
    view! {
        <section class="doc-list" data-view="list" aria-labelledby="list-title"
            on:pointerover=|_| crate::later::reader::prefetch() on:focusin=|_| crate::later::reader::prefetch()>
            <h1 id="list-title" tabindex="-1">"Documents"</h1>
            <div class="list-tools" role="search" aria-label="Filter and sort the documents">
                <label class="field">
                    <span>"Filter by title, author or date"</span>
                    <input type="search" data-list-filter autocomplete="off" spellcheck="false"
                        prop:value=filter on:input=move |ev| set_filter(event_target_value(&ev))/>
                </label>
                <label class="field">
                    <span>"Sort by"</span>
                    <select data-list-sort on:change=move |ev| set_sort(event_target_value(&ev)) prop:value=move || sort.get().name()>
                        {SortKey::ALL.into_iter().map(|key| view! {
                            <option value=key.name() selected=move || sort.get() == key>{key.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            {own.map(|own| view! { <super::own::OwnDocuments own=own/> })}
            <p class="summary" role="status" aria-live="polite" data-list-count>{count}</p>
            {move || shown.with(Vec::is_empty).then(|| view! {
                <p class="empty" data-list-empty>
                    "No document matches. "
                    <button type="button" class="link-button" on:click=move |_| set_filter(String::new())>"Clear the filter"</button>
                </p>
            })}
            <ul class="cards" aria-busy=move || (rendered.get() < shown.with(Vec::len)).to_string() data-list-cards>
                <For each=move || shown.with(|s| s.iter().copied().take(rendered.get()).collect::<Vec<_>>()) key=|i| *i let:i>
                    {
                        let doc = &docs[i];
                        let mine = yours(&doc.id);
                        view! {
                            <li class="card" data-doc-id=doc.id.clone() data-origin=if mine { "yours" } else { "page" }>
                                <h2>
                                    <a href=Route::document(&doc.id).to_hash()>{doc.meta.title.clone()}</a>
                                    {mine.then(|| view! { " " <span class="badge" data-yours>"Yours"</span> })}
                                </h2>
                                <Byline doc=doc/>
                            </li>
                        }
                    }
                </For>
            </ul>
        </section>
    }
}

/// How many cards a task renders: the first ones at once, then as many again per task.
const CARDS_PER_TASK: usize = 60;

/// Raises `rendered` by a slice per task until it covers `total` cards.
fn grow(rendered: RwSignal<usize>, total: usize) {
    if rendered.get_untracked() >= total {
        return;
    }
    set_timeout(
        move || {
            if rendered.try_update(|n| *n += CARDS_PER_TASK).is_some() {
                grow(rendered, total);
            }
        },
        std::time::Duration::ZERO,
    );
}

thread_local! {
    /// The catalog of the corpus it was built for (by address). Both live as long as the page.
    static CATALOG: Cell<Option<(usize, &'static Catalog)>> = const { Cell::new(None) };
}

/// The catalog of `corpus`: its documents folded and measured once, for every list of them.
pub fn catalog(corpus: &'static Corpus) -> &'static Catalog {
    let key = corpus as *const Corpus as usize;
    CATALOG.with(|cell| match cell.get() {
        Some((k, catalog)) if k == key => catalog,
        _ => {
            let catalog: &'static Catalog = Box::leak(Box::new(Catalog::new(corpus.documents())));
            cell.set(Some((key, catalog)));
            catalog
        }
    })
}
