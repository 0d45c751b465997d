//! The friendly dead end: says what was not found and offers the way back.

use leptos::prelude::*;

#[component]
pub fn NotFound(
    /// What was asked for and not found, in a sentence.
    message: String,
    /// An extra way forward (a link to the document, say), shown before the way home.
    #[prop(optional)]
    alternative: Option<(String, String)>,
) -> impl IntoView {
    view! {
        <section class="not-found" data-view="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title" tabindex="-1">"Not found"</h1>
            <p>{message}</p>
            <ul class="ways-back">
                {alternative.map(|(href, label)| view! { <li><a href=href>{label}</a></li> })}
                <li><a href="#/" data-nav="home">"← All documents"</a></li>
            </ul>
        </section>
    }
}
