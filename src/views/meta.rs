//! Presenting document metadata: the byline pieces, dates and links.
//!
//! Guarantee: only http(s) addresses ever become links; anything else stays text.

use leptos::prelude::*;
use lectern_engine::Document;

/// Dates are shown as the engine formats them, so the list's filter finds what it shows.
pub use lectern_engine::catalog::format_date;

/// The address if it is an http(s) URL, the only kind Lectern links to.
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.trim())
}

/// Author, date, source and paragraph count, separated by middle dots; parts that are missing
/// are left out.
#[component]
pub fn Byline(doc: &'static Document) -> impl IntoView {
    let meta = &doc.meta;
    let count = doc.passages.len();
    view! {
        <p class="byline">
            {meta.author.as_ref().map(|a| view! { <span class="author" data-meta="author">{format!("by {a}")}</span> })}
            {meta.date.as_ref().map(|d| view! { <time class="date" datetime=d.clone() data-meta="date">{format_date(d)}</time> })}
            {meta.source.as_ref().map(|s| view! { <span class="source" data-meta="source">{s.clone()}</span> })}
            <span class="count" data-meta="passages">{format!("{count} ¶")}</span>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_are_links() {
        assert_eq!(safe_url("https://example.org/a"), Some("https://example.org/a"));
        assert_eq!(safe_url(" HTTP://x.y "), Some("HTTP://x.y"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
        assert_eq!(safe_url("//evil.example"), None);
    }
}
