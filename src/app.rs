//! The application shell: provides the corpus, the index and the navigator, follows the route
//! and picks the view.
//!
//! Views are chosen from memos of the route, so moving between passages of the same document,
//! or typing into the search box, updates the view without rebuilding it. The index is decoded
//! after the first render, so the page shows at once and search follows a moment later.

use leptos::prelude::*;
use lectern_engine::{Corpus, Index};

use crate::hash::Navigator;
use crate::route::{Item, Route};
use crate::tray::Tray;
use crate::embed;
use crate::later;
use crate::views::{quoted, DocumentList, NotFound, SearchBox};

/// The narrow handle through which views reach the corpus: read-only and alive for the page.
#[derive(Clone, Copy)]
pub struct Library(pub &'static Corpus);

/// The search index once it is ready (`None` while it is being decoded).
#[derive(Clone, Copy)]
pub struct SearchIndex(pub ReadSignal<Option<&'static Index>>);

/// Which view the route asks for, without what a mounted view follows by itself (the passage,
/// the query).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Page {
    List,
    Search,
    Document(String),
    /// The quotes overview (`None`) or one document's quotes.
    Quotes(Option<String>),
    About,
    Compare,
    Check,
    Similar(String, usize),
    Quote,
    Kwic,
    Trends,
    Words,
    Unknown(String),
}

#[component]
pub fn App(
    corpus: &'static Corpus,
    /// The index to search with; when absent, the page's own is decoded after the first render.
    #[prop(default = None, into)]
    index: Option<&'static Index>,
) -> impl IntoView {
    provide_context(Library(corpus));
    provide_context(SearchIndex(index_loader(index)));
    let nav = Navigator::new();
    provide_context(nav);
    let tray = Tray::new();
    provide_context(tray);
    let route = nav.route();

    let page = Memo::new(move |_| match route.get() {
        Route::List { .. } => Page::List,
        Route::Search { .. } => Page::Search,
        Route::Document { id, .. } => Page::Document(id),
        Route::Quotes { doc, .. } => Page::Quotes(doc),
        Route::About => Page::About,
        Route::Compare { .. } => Page::Compare,
        Route::Check { .. } => Page::Check,
        Route::Similar { id, passage } => Page::Similar(id, passage),
        Route::Quote(_) => Page::Quote,
        Route::Kwic { .. } => Page::Kwic,
        Route::Trends { .. } => Page::Trends,
        Route::Words { .. } => Page::Words,
        Route::Unknown { hash } => Page::Unknown(hash),
    });
    let quote_selector = Memo::new(move |_| match route.get() {
        Route::Quote(selector) => selector,
        _ => Default::default(),
    });
    let compare_items = Memo::new(move |_| match route.get() {
        Route::Compare { items, .. } => items,
        _ => Vec::<Item>::new(),
    });
    let check_text = Memo::new(move |_| match route.get() {
        Route::Check { text } => text,
        _ => String::new(),
    });
    let embedded = embed::is_embedded();
    if embedded {
        embed::report_height();
        embed::listen_to_host(nav);
    }
    let passage = Memo::new(move |_| match route.get() {
        Route::Document { passage, .. } => passage,
        _ => None,
    });
    // The query the route carries; empty when it has none (the reader then marks nothing).
    let query = Memo::new(move |_| route.with(|r| r.query().unwrap_or_default().to_string()));
    let shown = Memo::new(move |_| match route.get() {
        Route::Search { shown, .. } => shown,
        _ => crate::route::RESULTS_SHOWN,
    });

    focus_new_view(page);
    // The title follows the address bar, which lags the view while a query is being typed.
    let address = nav.address();
    Effect::new(move |_| document().set_title(&address.with(|r| page_title(corpus, r))));

    view! {
        <SiteHeader embedded=embedded/>
        <p class="visually-hidden" role="status" aria-live="polite" data-tray-status>{move || tray.status().get()}</p>
        <main id="main" tabindex="-1">
            {move || match page.get() {
                Page::List => view! { <DocumentList/> }.into_any(),
                Page::Search => later::search_results(query, shown),
                Page::Document(id) => later::reader(id, passage, query),
                Page::Quotes(None) => later::quotes(),
                Page::Quotes(Some(id)) => later::document_quotes(id),
                Page::About => later::about(),
                Page::Compare => later::compare(compare_items),
                Page::Check => later::check(check_text),
                Page::Similar(id, passage) => later::similar(id, passage),
                Page::Quote => later::quote(quote_selector),
                Page::Kwic => later::kwic(),
                Page::Trends => later::trends(),
                Page::Words => later::words(),
                Page::Unknown(hash) => {
                    view! { <NotFound message=format!("Nothing is at “{hash}”.")/> }.into_any()
                }
            }}
        </main>
        {(!embedded).then(|| view! {
            <footer class="site-footer">
                <a href=Route::About.to_hash() data-nav="about">"About this copy"</a>
            </footer>
        })}
    }
}

/// The index as a signal: `given` at once, or else the page's own (see [`crate::data`]),
/// decoded after the first frame so the page shows before it (and after a second at the latest, because hidden pages
/// and frames get no animation frames).
fn index_loader(given: Option<&'static Index>) -> ReadSignal<Option<&'static Index>> {
    let (index, set_index) = signal(given);
    if given.is_none() {
        // The app may have been mounted anew (a reader's documents) before either fires.
        let load = move || {
            if index.try_get_untracked().is_some_and(|i| i.is_none()) {
                set_index.try_set(crate::data::index());
            }
        };
        request_animation_frame(load);
        set_timeout(load, std::time::Duration::from_secs(1));
    }
    index
}

/// The site header: skip link, brand, search box and the views' links; in embed mode compact,
/// with a link to the same state as a full page instead of the brand.
#[component]
fn SiteHeader(embedded: bool) -> impl IntoView {
    let nav = expect_context::<Navigator>();
    let tray_items = expect_context::<Tray>().items();
    let route = nav.route();
    view! {
        <header class="site-header" class:embedded=embedded>
            <a class="skip-link" href="#/" on:click=skip_to_main>"Skip to content"</a>
            {(!embedded).then(|| view! {
                <a class="brand" href="#/" data-nav="home">
                    <span class="brand-mark" aria-hidden="true">"¶"</span>
                    "Lectern"
                </a>
            })}
            <SearchBox/>
            <nav class="site-nav" aria-label="Views">
                {(!embedded).then(|| view! {
                    <a href=Route::quotes().to_hash()>"Quotes"</a>
                    <a href=Route::Words { doc: None, all: false }.to_hash() data-nav="words">"Words"</a>
                    <a href=Route::Check { text: String::new() }.to_hash()>"Check a quote"</a>
                })}
                <a href=move || Route::Compare { items: tray_items.get(), strict: false }.to_hash() data-tray
                    data-tray-count=move || tray_items.with(Vec::len)>
                    {move || format!("Compare ({})", tray_items.with(Vec::len))}
                </a>
                {embedded.then(|| view! {
                    <a href=move || embed::full_view_href(&route.get()) target="_blank" rel="noopener" data-open-full>
                        "Open in Lectern ↗"
                    </a>
                })}
            </nav>
        </header>
    }
}

/// The browser tab's title for a route: the document's title, or "Not found" for anything that
/// shows the not-found view (an unknown id, a ¶ the document lacks, an unknown hash).
fn page_title(corpus: &Corpus, route: &Route) -> String {
    match route {
        Route::List { .. } => "Lectern".to_string(),
        Route::Search { query, .. } if query.trim().is_empty() => "Search — Lectern".to_string(),
        Route::Search { query, .. } => format!("{} — Search — Lectern", quoted(query)),
        Route::Document { id, passage, .. } => match corpus.document(id) {
            Some(doc) if passage.is_none_or(|n| doc.passage(n).is_some()) => format!("{} — Lectern", doc.meta.title),
            _ => "Not found — Lectern".to_string(),
        },
        Route::Quotes { doc: None, .. } => "Quotes — Lectern".to_string(),
        Route::Quotes { doc: Some(id), .. } => match corpus.document(id) {
            Some(doc) => format!("Quotes in {} — Lectern", doc.meta.title),
            None => "Not found — Lectern".to_string(),
        },
        Route::About => "About this copy — Lectern".to_string(),
        Route::Compare { .. } => "Compare quotes — Lectern".to_string(),
        Route::Check { .. } => "Check a quote — Lectern".to_string(),
        Route::Similar { id, passage } => match corpus.excerpt(id, *passage, None) {
            Some(_) => format!("Similar to ¶{passage} — Lectern"),
            None => "Not found — Lectern".to_string(),
        },
        Route::Quote(_) => "Quote link — Lectern".to_string(),
        Route::Kwic { query, .. } if query.trim().is_empty() => "Concordance — Lectern".to_string(),
        Route::Kwic { query, .. } => format!("{} — Concordance — Lectern", quoted(query)),
        Route::Trends { terms, .. } => format!("{} — Trends — Lectern", quoted(terms)),
        Route::Words { doc: None, .. } => "Words — Lectern".to_string(),
        Route::Words { doc: Some(id), .. } => match corpus.document(id) {
            Some(doc) => format!("Words in {} — Lectern", doc.meta.title),
            None => "Not found — Lectern".to_string(),
        },
        Route::Unknown { .. } => "Not found — Lectern".to_string(),
    }
}

/// After a move to another view (a link, Back or Forward), focus goes to the new view's
/// heading, so a keyboard user goes on from there and a screen reader announces where they
/// are; before, it fell to the page's start. The reader places focus itself (at its ¶ or
/// title). Focus stays where it is while the reader types in a field (the search box opens the
/// results) and when the page itself is not focused (an embedding page's navigation must not
/// pull focus into the frame).
fn focus_new_view(page: Memo<Page>) {
    Effect::new(move |previous: Option<Page>| {
        let now = page.get();
        let typing = document().active_element().is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let moved = previous.is_some_and(|p| p != now) && !matches!(now, Page::Document(_));
        if moved && !typing && document().has_focus().unwrap_or(false) {
            focus_heading(document().active_element(), 60);
        }
        now
    });
}

/// Focuses the view's heading once it is there (a view loaded on first use comes a moment
/// later), trying `tries` more times 50 ms apart, unless focus has moved from `from` meanwhile.
pub(crate) fn focus_heading(from: Option<web_sys::Element>, tries: u32) {
    if document().active_element() != from {
        return;
    }
    const HEADING: &str = "main h1[tabindex=\"-1\"]";
    if !embed::focus_in_place_at(HEADING) {
        if tries > 0 {
            set_timeout(move || focus_heading(from, tries - 1), std::time::Duration::from_millis(50));
        }
        return;
    }
    // The new view keeps the old one's scroll position: a heading left above the window would
    // hold focus where no one sees it, so the view is shown from its start.
    let above = document().query_selector(HEADING).ok().flatten().is_some_and(|h| h.get_bounding_client_rect().top() < 0.0);
    if above {
        embed::scroll_to(0.0, web_sys::ScrollBehavior::Instant);
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
