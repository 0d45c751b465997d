//! The corpus overview: every document with its title, author, date, source and ¶ count.

use leptos::prelude::*;

use super::meta::Byline;
use crate::app::Library;
use crate::route::Route;

#[component]
pub fn DocumentList() -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let docs = corpus.documents();
    let summary = format!(
        "{} {} · {} paragraphs",
        docs.len(),
        if docs.len() == 1 { "document" } else { "documents" },
        corpus.passage_count()
    );
    view! {
        <section class="doc-list" data-view="list" aria-labelledby="list-title">
            <h1 id="list-title" tabindex="-1">"Documents"</h1>
            <p class="summary">{summary}</p>
            <ul class="cards">
                {docs
                    .iter()
                    .map(|doc| {
                        view! {
                            <li class="card" data-doc-id=doc.id.clone()>
                                <h2>
                                    <a href=Route::document(&doc.id).to_hash()>{doc.meta.title.clone()}</a>
                                </h2>
                                <Byline doc=doc/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
