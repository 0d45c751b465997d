//! Search results as you type: ranked passages grouped by document, each a link to its
//! permalink with the query, with a snippet whose matched words are marked. The count (or the
//! "did you mean") is announced through a live region. ↑/↓ move between results.

use leptos::prelude::*;
use lectern_engine::snippet::{pieces, snippet_range};
use lectern_engine::{SearchResults as Found, Searcher};

use super::search_box::{focus_box, focus_result, results, RESULTS_ID};
use super::Marked;
use crate::app::{Library, SearchIndex};
use crate::route::Route;

/// How many passages are listed at most.
const RESULT_LIMIT: usize = 20;
/// Characters of a passage shown in a result.
const SNIPPET_CHARS: usize = 240;

#[component]
pub fn SearchResults(query: Memo<String>) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let SearchIndex(index) = expect_context::<SearchIndex>();
    let found = Memo::new(move |_| {
        let index = index.get()?;
        let query = query.get();
        (!query.trim().is_empty()).then(|| Searcher::new(corpus, index).search(&query, RESULT_LIMIT))
    });
    let status = move || match (index.get(), found.get()) {
        (None, _) => "Preparing search…".to_string(),
        (Some(_), None) => format!("Type to search {} passages in {}.", corpus.passage_count(), plural(corpus.documents().len(), "document")),
        (Some(_), Some(f)) => status_line(&f, &query.get()),
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let links = results();
        let current = links.iter().position(|l| document().active_element().is_some_and(|a| &a == l.as_ref() as &web_sys::Element));
        match (ev.key().as_str(), current) {
            ("ArrowDown", Some(i)) => {
                ev.prevent_default();
                focus_result((i + 1).min(links.len().saturating_sub(1)));
            }
            ("ArrowUp", Some(0)) | ("Escape", _) => {
                ev.prevent_default();
                focus_box();
            }
            ("ArrowUp", Some(i)) => {
                ev.prevent_default();
                focus_result(i - 1);
            }
            _ => {}
        }
    };

    view! {
        <section class="search-results" data-view="search" aria-labelledby="search-title">
            <h1 id="search-title" class="visually-hidden">"Search results"</h1>
            <p id="search-status" class="summary" role="status" aria-live="polite" aria-atomic="true"
                data-result-count=move || found.get().map(|f| f.total.to_string())>
                {status}
            </p>
            {move || found.get().map(|f| view! { <Suggestions found=f/> })}
            <ol id=RESULTS_ID class="result-groups" on:keydown=on_keydown>
                {move || found.get().map(|f| groups(corpus, &f, &query.get()))}
            </ol>
        </section>
    }
}

/// "12 passages in 3 documents", with what was left out.
fn status_line(found: &Found, query: &str) -> String {
    if found.hits.is_empty() {
        return format!("No passages match “{}”.", query.trim());
    }
    let mut docs: Vec<usize> = found.hits.iter().map(|h| h.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    let mut line = format!("{} in {}", plural(found.total, "passage"), plural(docs.len(), "document"));
    if found.total > found.hits.len() {
        line.push_str(&format!(", the best {} shown", found.hits.len()));
    }
    line.push('.');
    if found.truncated {
        line.push_str(" Only the start of this long query was used.");
    }
    line
}

fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

#[component]
fn Suggestions(found: Found) -> impl IntoView {
    (!found.suggestions.is_empty()).then(|| {
        view! {
            <p class="suggestions" data-suggestions>
                "Did you mean "
                {found
                    .suggestions
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        view! {
                            {(i > 0).then_some(", ")}
                            <a href=Route::Search { query: s.clone() }.to_hash()>{s.clone()}</a>
                        }
                    })
                    .collect_view()}
                "?"
            </p>
        }
    })
}

/// Hits grouped by document, groups in the order of their best hit.
fn groups(corpus: &'static lectern_engine::Corpus, found: &Found, query: &str) -> impl IntoView {
    let mut order: Vec<usize> = Vec::new();
    for hit in &found.hits {
        if !order.contains(&hit.doc) {
            order.push(hit.doc);
        }
    }
    order
        .into_iter()
        .map(|doc_index| {
            let doc = &corpus.documents()[doc_index];
            let hits: Vec<_> = found.hits.iter().filter(|h| h.doc == doc_index).cloned().collect();
            let query = query.to_string();
            view! {
                <li class="result-group" data-doc-id=doc.id.clone()>
                    <h2 class="result-doc">{doc.meta.title.clone()}</h2>
                    <ol class="result-list">
                        {hits
                            .into_iter()
                            .map(|hit| {
                                let text = &doc.passages[hit.passage - 1];
                                let range = snippet_range(text, &hit.highlights, SNIPPET_CHARS);
                                let (start, end) = (range.start > 0, range.end < text.len());
                                let shown: Vec<(String, bool)> =
                                    pieces(text, range, &hit.highlights).into_iter().map(|p| (p.text.to_string(), p.marked)).collect();
                                let href = Route::Document { id: doc.id.clone(), passage: Some(hit.passage), query: Some(query.clone()) }.to_hash();
                                view! {
                                    <li>
                                        <a class="result" href=href data-doc-id=doc.id.clone() data-passage=hit.passage>
                                            <span class="result-where">{format!("¶{}", hit.passage)}</span>
                                            <span class="result-snippet">
                                                {start.then_some("… ")}
                                                <Marked pieces=shown/>
                                                {end.then_some(" …")}
                                            </span>
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                </li>
            }
        })
        .collect_view()
}
