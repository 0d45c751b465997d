//! Passages worded like a given ¶: the corpus searched with the passage's own text, ranked by
//! word-by-word similarity, each one click from the side-by-side view. Unlike a typed query,
//! every word of the passage takes part in finding candidates (text reuse shows in common
//! words too), which costs more but runs once per view, not per keystroke.

use leptos::prelude::*;
use lectern_engine::align::align;
use lectern_engine::{SearchOptions, Searcher};

use super::NotFound;
use crate::app::{Library, SearchIndex};
use crate::route::{Item, Route};

/// How many similar passages are listed.
const SIMILAR_LIMIT: usize = 10;

#[component]
pub fn Similar(id: String, passage: usize) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let SearchIndex(index) = expect_context::<SearchIndex>();
    let Some(doc) = corpus.document(&id) else {
        return view! { <NotFound message=format!("There is no document “{id}” in this corpus.")/> }.into_any();
    };
    let Some(text) = doc.passage(passage) else {
        return view! { <NotFound message=format!("“{}” has no ¶{passage}.", doc.meta.title)/> }.into_any();
    };
    let source = Item::Passage { id: doc.id.clone(), passage, span: None };
    let ranked = move || {
        let index = index.get()?;
        let options = SearchOptions { max_scoring_terms: 256, rerank_min_ratio: 0.0, ..SearchOptions::default() };
        let mut found: Vec<(usize, usize, f32)> = Searcher::with_options(corpus, index, options)
            .search(text, SIMILAR_LIMIT + 1)
            .hits
            .into_iter()
            .filter(|h| !(corpus.documents()[h.doc].id == doc.id && h.passage == passage))
            .map(|h| (h.doc, h.passage, align(text, &corpus.documents()[h.doc].passages[h.passage - 1], false).similarity))
            .filter(|&(_, _, similarity)| similarity > 0.0)
            .collect();
        found.sort_by(|a, b| b.2.total_cmp(&a.2));
        found.truncate(SIMILAR_LIMIT);
        Some(found)
    };
    view! {
        <section class="similar" data-view="similar" aria-labelledby="similar-title">
            <h1 id="similar-title" tabindex="-1">{format!("Worded like ¶{passage} of “{}”", doc.meta.title)}</h1>
            <blockquote class="similar-source">{text}</blockquote>
            {move || match ranked() {
                None => view! { <p class="summary">"Preparing search…"</p> }.into_any(),
                Some(found) if found.is_empty() => view! { <p class="summary">"No other passage shares its wording."</p> }.into_any(),
                Some(found) => view! {
                    <ol class="similar-list">
                        {found.into_iter().map(|(d, n, similarity)| {
                            let other = &corpus.documents()[d];
                            let compare = Route::Compare { items: vec![source.clone(), Item::Passage { id: other.id.clone(), passage: n, span: None }] };
                            view! {
                                <li data-doc-id=other.id.clone() data-passage=n>
                                    <a href=Route::passage(&other.id, n).to_hash()>{format!("{}, ¶{n}", other.meta.title)}</a>
                                    {format!(" — {:.0}% similar · ", similarity * 100.0)}
                                    <a href=compare.to_hash() data-compare-link>"Side by side"</a>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any(),
            }}
        </section>
    }
    .into_any()
}
