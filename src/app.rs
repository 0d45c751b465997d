//! The application shell: provides the corpus, follows the route and picks the view.
//!
//! Views are chosen from memos of the route, so moving between passages of the same document
//! re-highlights and scrolls without rebuilding the document.

use leptos::prelude::*;
use lectern_engine::Corpus;

use crate::hash::use_route;
use crate::route::Route;
use crate::views::{DocumentList, NotFound, Reader};

/// The narrow handle through which views reach the corpus: read-only and alive for the page.
#[derive(Clone, Copy)]
pub struct Library(pub &'static Corpus);

/// Which view the route asks for, without the passage (which a mounted reader follows itself).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Page {
    List,
    Document(String),
    Unknown(String),
}

#[component]
pub fn App(corpus: &'static Corpus) -> impl IntoView {
    provide_context(Library(corpus));
    let route = use_route();
    let page = Memo::new(move |_| match route.get() {
        Route::List => Page::List,
        Route::Document { id, .. } => Page::Document(id),
        Route::Unknown { hash } => Page::Unknown(hash),
    });
    let passage = Memo::new(move |_| match route.get() {
        Route::Document { passage, .. } => passage,
        _ => None,
    });

    Effect::new(move |_| document().set_title(&page_title(corpus, &route.get())));

    view! {
        <a class="skip-link" href="#/" on:click=skip_to_main>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="#/" data-nav="home">
                <span class="brand-mark" aria-hidden="true">"¶"</span>
                "Lectern"
            </a>
        </header>
        <main id="main" tabindex="-1">
            {move || match page.get() {
                Page::List => view! { <DocumentList/> }.into_any(),
                Page::Document(id) => view! { <Reader id=id passage=passage/> }.into_any(),
                Page::Unknown(hash) => {
                    view! { <NotFound message=format!("Nothing is at “{hash}”.")/> }.into_any()
                }
            }}
        </main>
    }
}

/// The browser tab's title for a route: the document's title, or "Not found" for anything that
/// shows the not-found view (an unknown id, a ¶ the document lacks, an unknown hash).
fn page_title(corpus: &Corpus, route: &Route) -> String {
    match route {
        Route::List => "Lectern".to_string(),
        Route::Document { id, passage } => match corpus.document(id) {
            Some(doc) if passage.is_none_or(|n| doc.passage(n).is_some()) => format!("{} — Lectern", doc.meta.title),
            _ => "Not found — Lectern".to_string(),
        },
        Route::Unknown { .. } => "Not found — Lectern".to_string(),
    }
}

/// The skip link moves focus to the main region instead of following its href, because a
/// fragment link would replace the route held in the hash.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}
