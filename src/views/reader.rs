//! The reader: a document's metadata and its passages, numbered ¶1, ¶2, … with permalinks.
//!
//! The route's passage is followed reactively: the passage is highlighted, scrolled into view
//! and focused, without rebuilding the document (opening a document jumps there at once; moving
//! within it glides, unless the reader prefers reduced motion). A ¶ the document lacks shows the not-found
//! view with a link to the document itself. A query in the route marks its words in every
//! passage, as search found them; quotations found in the text are marked too. Under each ¶:
//! compare it, find passages worded like it, cite it. Selecting text shows a bar to compare or
//! check the selection. A bar that stays at the top while reading keeps the document's title
//! in view, leads back to the search results the document was opened from, and to the
//! previous and next documents in corpus order.

use std::sync::Arc;

use leptos::prelude::*;
use lectern_engine::search::Plan;
use lectern_engine::quotes::find_quotes;
use lectern_engine::snippet::layered;
use lectern_engine::{Document, Searcher};
use wasm_bindgen::JsCast;
use web_sys::ScrollBehavior;

use super::cite::Cite;
use super::meta::{safe_url, Byline};
use super::selection::SelectionBar;
use super::NotFound;
use crate::app::{Library, SearchIndex};
use crate::hash::Navigator;
use crate::route::Route;
use crate::tray::Tray;

/// The query's plan for marking words, compared by the query it was made from.
#[derive(Clone)]
struct Highlighter {
    query: Option<String>,
    plan: Option<Arc<Plan>>,
}

impl PartialEq for Highlighter {
    fn eq(&self, other: &Self) -> bool {
        self.query == other.query && self.plan.is_some() == other.plan.is_some()
    }
}

#[component]
pub fn Reader(id: String, passage: Memo<Option<usize>>, query: Memo<String>) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let SearchIndex(index) = expect_context::<SearchIndex>();
    let highlighter = Memo::new(move |_| {
        let query = Some(query.get()).filter(|q| !q.trim().is_empty());
        let plan = match (&query, index.get()) {
            (Some(q), Some(index)) => Some(Arc::new(Searcher::new(corpus, index).plan(q))),
            _ => None,
        };
        Highlighter { query, plan }
    });
    let Some(doc) = corpus.document(&id) else {
        return view! { <NotFound message=format!("There is no document “{id}” in this corpus.")/> }.into_any();
    };
    let count = doc.passages.len();
    let missing = Memo::new(move |_| passage.get().filter(|&n| doc.passage(n).is_none()));

    // Opening the document jumps straight to where the link points: gliding there from wherever
    // the previous view was scrolled would show text the reader never asked for, and would move
    // the bar's links under a pointer about to click them. Moving within the document glides.
    Effect::new(move |opened: Option<()>| {
        let target = passage.get();
        if missing.get().is_none() {
            let behavior = if opened.is_some() { ScrollBehavior::Auto } else { ScrollBehavior::Instant };
            request_animation_frame(move || bring_into_view(target, behavior));
        }
    });

    (move || match missing.get() {
        Some(n) => view! {
            <NotFound
                message=format!("“{}” has no ¶{n}; it has ¶1 to ¶{count}.", doc.meta.title)
                alternative=(Route::document(&doc.id).to_hash(), format!("Read “{}” from the start", doc.meta.title))
            />
        }
        .into_any(),
        None => view! { <Article doc=doc passage=passage highlighter=highlighter/> }.into_any(),
    })
    .into_any()
}

#[component]
fn Article(doc: &'static Document, passage: Memo<Option<usize>>, highlighter: Memo<Highlighter>) -> impl IntoView {
    let meta = &doc.meta;
    let tray = expect_context::<Tray>();
    view! {
        <article class="reader" data-view="reader" data-doc-id=doc.id.clone() aria-labelledby="doc-title">
            <DocBar doc=doc/>
            <header class="doc-header">
                <h1 id="doc-title" tabindex="-1">{meta.title.clone()}</h1>
                <Byline doc=doc/>
                {meta.url.as_deref().map(|url| match safe_url(url) {
                    Some(href) => view! {
                        <p class="origin"><a href=href.to_string() rel="noopener noreferrer" target="_blank">"Original publication"</a></p>
                    }.into_any(),
                    None => view! { <p class="origin">{url.to_string()}</p> }.into_any(),
                })}
                {meta.attribution.clone().map(|a| view! { <p class="attribution" data-meta="attribution">{a}</p> })}
                <AboutWords doc=doc/>
            </header>
            <ol class="passages">
                {doc.passages
                    .iter()
                    .enumerate()
                    .map(|(i, text)| {
                        let n = i + 1;
                        view! {
                            <li
                                id=format!("p-{n}")
                                class="passage"
                                class:is-target=move || passage.get() == Some(n)
                                data-passage=n
                                tabindex="-1"
                            >
                                <a
                                    class="pilcrow"
                                    href=Route::passage(&doc.id, n).to_hash()
                                    aria-label=format!("Permalink to paragraph {n}")
                                >
                                    {format!("¶{n}")}
                                </a>
                                <p data-passage-text=n>
                                    {move || highlighter.with(|h| passage_text(text, h))}
                                </p>
                                <div class="passage-actions">
                                    <button type="button" class="link-button" data-compare-passage=n
                                        aria-label=format!("Compare paragraph {n}")
                                        on:click=move |_| tray.add(super::quote::compare_item(&doc.id, n, None))>
                                        "Compare"
                                    </button>
                                    <a href=Route::Similar { id: doc.id.clone(), passage: n }.to_hash()
                                        aria-label=format!("Similar to paragraph {n}")>"Similar"</a>
                                    <Cite doc=doc passage=n quote=text.clone()/>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <SelectionBar doc=doc/>
        </article>
    }
}

/// "What this document is about": its word lists, collapsed, built only once opened.
#[component]
fn AboutWords(doc: &'static Document) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let at = corpus.documents().iter().position(|d| d.id == doc.id);
    let open = RwSignal::new(false);
    view! {
        <details class="doc-words" data-reader-words on:toggle=super::toggled(open)>
            <summary>"What this document is about"</summary>
            {move || open.get().then(|| view! {
                {crate::later::document_words(at)}
                <p><a href=Route::Words { doc: Some(doc.id.clone()), all: false }.to_hash()>"Word lists on their own page"</a></p>
            })}
        </details>
    }
}

/// The bar kept at the top of the reader: back to the results, the title (a link to the top of
/// the document, keeping the query), and the previous and next documents in corpus order.
#[component]
fn DocBar(doc: &'static Document) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    // The search this document was opened from, if it was (the route carries its query), or
    // the concordance, whose rows carry their word too but are no search's results.
    let nav = expect_context::<Navigator>();
    let route = nav.route();
    let concordance = nav.opened_from().filter(|r| matches!(r, Route::Kwic { .. }));
    let results = move || route.with(Route::back_to_results);
    let back = move || concordance.clone().or_else(results);
    let documents = corpus.documents();
    let at = documents.iter().position(|d| d.id == doc.id).unwrap_or(0);
    let neighbour = |other: Option<&'static Document>, rel: &'static str, label: &'static str, text: &'static str| {
        other.map(|d| {
            view! {
                <a class="doc-bar-step" rel=rel href=Route::document(&d.id).to_hash()
                    aria-label=format!("{label} document: {}", d.meta.title) data-doc-step=rel>{text}</a>
            }
        })
    };
    let top = move || {
        let shown = results();
        match &shown {
            Some(Route::Search { query, shown }) => {
                Route::Document { id: doc.id.clone(), passage: None, query: Some(query.clone()), shown: *shown }
            }
            _ => Route::document(&doc.id),
        }
        .to_hash()
    };
    view! {
        <nav class="doc-bar" aria-label="Document" data-doc-bar data-sticky>
            {move || back().map(|r| {
                let to = if matches!(r, Route::Kwic { .. }) { "Back to the concordance" } else { "Back to results" };
                view! { <a class="doc-bar-back" href=r.to_hash() data-back-to-results><span aria-hidden="true">"← "</span>{to}</a> }
            })}
            <a class="doc-bar-title" href=top data-doc-bar-title>{doc.meta.title.clone()}</a>
            <span class="doc-bar-steps">
                {neighbour(at.checked_sub(1).map(|i| &documents[i]), "prev", "Previous", "← Previous")}
                {neighbour(documents.get(at + 1), "next", "Next", "Next →")}
            </span>
        </nav>
    }
}

/// A passage's text with its quotations and the query's words marked.
fn passage_text(text: &str, highlighter: &Highlighter) -> impl IntoView {
    let marks = highlighter.plan.as_ref().map(|p| p.highlights(text)).unwrap_or_default();
    let quotes: Vec<std::ops::Range<usize>> = find_quotes(text).into_iter().map(|q| q.span).collect();
    layered(text, 0..text.len(), &[&quotes, &marks])
        .into_iter()
        .map(|(range, flags)| {
            let piece = text[range].to_string();
            let inner = if flags & 2 != 0 { view! { <mark>{piece}</mark> }.into_any() } else { piece.into_any() };
            if flags & 1 != 0 { view! { <span class="quoted" data-quoted>{inner}</span> }.into_any() } else { inner }
        })
        .collect_view()
}

/// Scrolls to and focuses ¶`target`, or the top of the document when there is none, so that
/// keyboard and screen-reader users land where the link pointed.
fn bring_into_view(target: Option<usize>, behavior: ScrollBehavior) {
    let document = document();
    let element = match target {
        Some(n) => document.get_element_by_id(&format!("p-{n}")),
        None => document.get_element_by_id("doc-title"),
    };
    let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    if target.is_some() {
        // A ¶ longer than the window, opened from a search, shows the first matched words,
        // which may be pages below its first lines (the ¶'s own quotations are no match).
        let first = element.query_selector("mark").ok().flatten();
        let top = element.get_bounding_client_rect().top();
        let shown = match first {
            Some(first) if first.get_bounding_client_rect().bottom() - top > crate::embed::free_height() => first,
            _ => element.clone().into(),
        };
        crate::embed::scroll_into_view(&shown, behavior);
    } else {
        crate::embed::scroll_to(0.0, behavior);
    }
    if crate::embed::may_take_focus() {
        crate::embed::focus_in_place(&element);
    }
}
