//! The quotes found in the corpus, per document: quotations (three words or more) with their
//! ¶ and an action to compare them, and the quoted terms (one or two words) listed compactly.

use leptos::prelude::*;
use lectern_engine::quotes::{find_quotes, QuoteKind};

use crate::app::Library;
use crate::route::{Item, Route};
use crate::tray::Tray;

#[component]
pub fn Quotes() -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let tray = expect_context::<Tray>();
    let docs = corpus.documents().iter().filter_map(|doc| {
        let found: Vec<(usize, std::ops::Range<usize>, QuoteKind)> = doc
            .passages
            .iter()
            .enumerate()
            .flat_map(|(i, p)| find_quotes(p).into_iter().map(move |q| (i + 1, q.span, q.kind)))
            .collect();
        (!found.is_empty()).then_some((doc, found))
    });
    view! {
        <section class="quotes" data-view="quotes" aria-labelledby="quotes-title">
            <h1 id="quotes-title" tabindex="-1">"Quotes"</h1>
            <p class="summary">"Text in quotation marks, found in each document. One or two quoted words are listed as terms."</p>
            {docs.map(|(doc, found)| {
                let (quotations, terms): (Vec<_>, Vec<_>) = found.into_iter().partition(|q| q.2 == QuoteKind::Quotation);
                view! {
                    <section class="quote-doc" data-doc-id=doc.id.clone()>
                        <h2><a href=Route::document(&doc.id).to_hash()>{doc.meta.title.clone()}</a></h2>
                        <ul class="quote-list">
                            {quotations.into_iter().map(|(n, span, _)| {
                                let text = doc.passages[n - 1][span.clone()].to_string();
                                let item = Item::Passage { id: doc.id.clone(), passage: n, span: Some((span.start, span.end)) };
                                view! {
                                    <li data-quote-kind="quotation" data-passage=n>
                                        <blockquote>{format!("“{}”", text.trim())}</blockquote>
                                        <p class="quote-meta">
                                            <a href=Route::passage(&doc.id, n).to_hash()>{format!("¶{n}")}</a>
                                            " · "
                                            <button type="button" class="link-button" data-compare
                                                on:click=move |_| tray.add(item.clone())>"Compare"</button>
                                            " · "
                                            <a href=Route::search(text.clone()).to_hash()>"Similar wording"</a>
                                        </p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        {(!terms.is_empty()).then(|| view! {
                            <p class="quote-terms">
                                "Quoted terms: "
                                {terms.into_iter().enumerate().map(|(k, (n, span, _))| {
                                    let term = doc.passages[n - 1][span].trim_end_matches([',', '.', ';', ':']).to_string();
                                    view! {
                                        {(k > 0).then_some(", ")}
                                        <a href=Route::passage(&doc.id, n).to_hash() data-quote-kind="term" data-passage=n>
                                            {format!("“{term}” (¶{n})")}
                                        </a>
                                    }
                                }).collect_view()}
                            </p>
                        })}
                    </section>
                }
            }).collect_view()}
        </section>
    }
}
