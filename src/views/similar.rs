//! Passages worded like a given ¶, as the engine ranks them ([`similar_passages`]): each with
//! its place, its similarity, a snippet with the shared words marked, and one click to the
//! side-by-side view.

use leptos::prelude::*;
use lectern_engine::similar::{similar_passages, SimilarOptions};
use lectern_engine::snippet::{pieces, snippet_range};

use super::words::percent;
use super::{Marked, NotFound};
use crate::app::{Library, SearchIndex};
use crate::route::Route;

/// Characters of a similar passage shown.
const SNIPPET_CHARS: usize = 240;

#[component]
pub fn Similar(id: String, passage: usize) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let SearchIndex(index) = expect_context::<SearchIndex>();
    let Some(doc_index) = corpus.documents().iter().position(|d| d.id == id) else {
        return view! { <NotFound message=format!("There is no document “{id}” in this corpus.")/> }.into_any();
    };
    let doc = &corpus.documents()[doc_index];
    let Some(text) = doc.passage(passage) else {
        return view! { <NotFound message=format!("“{}” has no ¶{passage}.", doc.meta.title)/> }.into_any();
    };
    let source = super::quote::compare_item(&doc.id, passage, None);
    let ranked = move || Some(similar_passages(corpus, index.get()?, doc_index, passage, &SimilarOptions::default()));
    view! {
        <section class="similar" data-view="similar" aria-labelledby="similar-title">
            <h1 id="similar-title" tabindex="-1">{format!("Worded like ¶{passage} of “{}”", doc.meta.title)}</h1>
            <blockquote class="similar-source">{text}</blockquote>
            {move || match ranked() {
                None => view! { <p class="summary">"Preparing search…"</p> }.into_any(),
                Some(found) if found.is_empty() => view! { <p class="summary">"No other passage shares its wording."</p> }.into_any(),
                Some(found) => view! {
                    <ol class="similar-list">
                        {found.into_iter().map(|s| {
                            let other = &corpus.documents()[s.doc];
                            let n = s.passage;
                            let other_text = &other.passages[n - 1];
                            let range = snippet_range(other_text, &s.shared, SNIPPET_CHARS);
                            let (cut_start, cut_end) = (range.start > 0, range.end < other_text.len());
                            let shown: Vec<(String, bool)> =
                                pieces(other_text, range, &s.shared).into_iter().map(|p| (p.text.to_string(), p.marked)).collect();
                            let compare = Route::Compare { items: vec![source.clone(), super::quote::compare_item(&other.id, n, None)], strict: false };
                            view! {
                                <li data-doc-id=other.id.clone() data-passage=n>
                                    <a href=Route::passage(&other.id, n).to_hash()>{format!("{}, ¶{n}", other.meta.title)}</a>
                                    {format!(" — {}% similar · ", percent(s.similarity))}
                                    <a href=compare.to_hash() data-compare-link>"Side by side"</a>
                                    <p class="similar-snippet" data-similar-snippet>
                                        {cut_start.then_some("… ")}
                                        <Marked pieces=shown/>
                                        {cut_end.then_some(" …")}
                                    </p>
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
