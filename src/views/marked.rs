//! Text with matched words marked: `<mark>` for the marked pieces, plain text for the rest.
//! The mark is bold and underlined as well as tinted, so it does not rely on colour.

use leptos::prelude::*;

#[component]
pub fn Marked(pieces: Vec<(String, bool)>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|(text, marked)| if marked { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() })
        .collect_view()
}
