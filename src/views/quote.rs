//! A quote link opened (`#/quote?exact=…`): the quote found again in this version of the corpus
//! by [`lectern_engine::anchor`], with a verdict above it — quoted exactly, moved, changed (with
//! the word-level difference), in several places (all listed), or not in this version (with the
//! nearest passages) — and the quote marked in its ¶, one link away from the reader. Also the
//! one way every other view makes a quote link ([`quote_link`]) and a comparison item
//! ([`compare_item`]).

use leptos::prelude::*;
use lectern_engine::anchor::{anchor, quoted_text, selector, version, AnchorOptions, Location, Selector, Verdict};
use lectern_engine::check::SpanMatch;
use lectern_engine::Corpus;

use super::cite::permalink;
use super::diffed::SideBySide;
use super::words::percent;
use super::Marked;
use crate::app::{Library, SearchIndex};
use crate::route::{Item, Route};

/// This copy's corpus version, as quote links carry it (`v`).
pub fn current_version() -> String {
    version(&crate::data::stamp().sha256)
}

/// The quote link of the byte range `span` of ¶`passage` of document `id`, or `None` when that
/// text does not exist.
pub fn quote_route(corpus: &Corpus, id: &str, passage: usize, span: std::ops::Range<usize>) -> Option<Route> {
    let doc = corpus.documents().iter().position(|d| d.id == id)?;
    let s = selector(corpus, doc, passage, span, Some(&current_version()), &AnchorOptions::default())?;
    Some(Route::Quote(s))
}

/// [`quote_route`] as an absolute address, to copy and share; none in a copy opened from disk,
/// whose `file://` address would only look shareable, nor for the reader's own documents.
pub fn quote_link(corpus: &Corpus, id: &str, passage: usize, span: std::ops::Range<usize>) -> Option<String> {
    if super::cite::yours(id) {
        return None;
    }
    share_link(&quote_route(corpus, id, passage, span)?)
}

/// `route` as an absolute address to share; none from disk, as above.
pub fn share_link(route: &Route) -> Option<String> {
    (!super::cite::saved_copy()).then(|| permalink(route))
}

/// The comparison item of the byte range `span` of ¶`passage` of document `id`: its quote
/// selector, so a shared comparison finds its quotes again after the corpus is edited (the
/// plain ¶ and span when the span is not text of that ¶, as before).
pub fn compare_item(id: &str, passage: usize, span: Option<(usize, usize)>) -> Item {
    let Some(Library(corpus)) = use_context::<Library>() else {
        return Item::Passage { id: id.to_string(), passage, span };
    };
    let range = span.map(|(s, e)| s..e).or_else(|| Some(0..corpus.document(id)?.passage(passage)?.len()));
    match range.and_then(|r| quote_route(corpus, id, passage, r)) {
        Some(Route::Quote(s)) => Item::Quote(s),
        _ => Item::Passage { id: id.to_string(), passage, span },
    }
}

/// The quote link of a selection in the reader, as a link in the page (the selection bar).
pub fn selection_quote_href(id: &str, passage: usize, span: (usize, usize)) -> Option<String> {
    let Library(corpus) = use_context::<Library>()?;
    quote_route(corpus, id, passage, span.0..span.1).map(|r| r.to_hash())
}

/// Where `quote` stands in ¶`passage` of `doc`: its first occurrence there, or the whole ¶ when
/// it is not found as is (views that hold the text but not the span).
fn span_of(doc: &lectern_engine::Document, passage: usize, quote: &str) -> Option<std::ops::Range<usize>> {
    let text = doc.passage(passage)?;
    Some(text.find(quote.trim()).map_or(0..text.len(), |at| at..at + quote.trim().len()))
}

/// The quote link of `quote` in ¶`passage` of `doc` (see [`span_of`]).
pub fn quote_link_of(doc: &lectern_engine::Document, passage: usize, quote: &str) -> Option<String> {
    let Library(corpus) = use_context::<Library>()?;
    quote_link(corpus, &doc.id, passage, span_of(doc, passage, quote)?)
}

/// `quote` in ¶`passage` of `doc` as the one item Cite exports.
pub fn cite_items(doc: &lectern_engine::Document, passage: usize, quote: &str) -> Signal<Vec<crate::route::Item>> {
    let span = span_of(doc, passage, quote).map(|r| (r.start, r.end));
    Signal::stored(vec![crate::route::Item::Passage { id: doc.id.clone(), passage, span }])
}

#[component]
pub fn QuoteLink(selector: Memo<Selector>) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let SearchIndex(index) = expect_context::<SearchIndex>();
    let current = current_version();
    let verdict = {
        let current = current.clone();
        Memo::new(move |_| {
            let index = index.get()?;
            Some(selector.with(|s| anchor(corpus, index, s, &current, &AnchorOptions::default())))
        })
    };
    view! {
        <section class="quote-link" data-view="quote" aria-labelledby="quote-title">
            <h1 id="quote-title" tabindex="-1">"Quote link"</h1>
            <div role="status" aria-live="polite" aria-atomic="true" class="verdict-region">
                {move || match verdict.get() {
                    None => view! { <p class="summary">"Finding the quote…"</p> }.into_any(),
                    Some(v) => {
                        // A link cut short when it was copied holds no words to look for: say so,
                        // rather than that the quote has left the corpus.
                        let text = if selector.with(|s| s.exact.trim().is_empty()) {
                            "This link holds no quoted words (it may have been cut short when it was copied)".to_string()
                        } else {
                            verdict_text(Some(corpus), &v)
                        };
                        view! { <p class="verdict" data-quote-verdict=v.kind()><strong>{text}</strong></p> }.into_any()
                    }
                }}
            </div>
            {move || selector.with(|s| {
                let other = s.v.as_deref().filter(|v| !v.eq_ignore_ascii_case(&current));
                other.map(|v| view! {
                    <p class="summary" data-quote-version>
                        {format!("The link was made from corpus version {v}; this copy is {}.", current)}
                    </p>
                })
            })}
            {move || selector.with(|s| {
                let unknown = s.doc.clone().filter(|id| corpus.document(id).is_none());
                unknown.map(|id| view! {
                    <p class="summary" data-quote-unknown-doc>
                        {format!("This copy has no document “{id}”, the one the link names, so the quote was looked for in every document.")}
                    </p>
                })
            })}
            {move || verdict.get().map(|v| view! { <Detail verdict=v quote=selector.with(quoted_text)/> })}
        </section>
    }
}

/// The verdict in the words; a moved quote names its document unless `corpus` is
/// `None` (a compare column names it just above).
pub(super) fn verdict_text(corpus: Option<&Corpus>, verdict: &Verdict) -> String {
    match verdict {
        Verdict::QuotedExactly(at) => format!("Quoted exactly (¶{})", at.first_passage()),
        Verdict::Moved { from, to } => {
            format!("Found at ¶{} (was ¶{from}){}", to.first_passage(), corpus.map(|c| in_doc(c, to.doc)).unwrap_or_default())
        }
        Verdict::Changed { words, middle, .. } => {
            let differ = if *words == 1 { "1 word differs".to_string() } else { format!("{words} words differ") };
            match (words, middle) {
                (0, true) => "The text has changed since this link was made: the middle of the quote differs".to_string(),
                (_, true) => format!("The text has changed since this link was made: {differ}, and the middle of the quote differs"),
                _ => format!("The text has changed since this link was made: {differ}"),
            }
        }
        Verdict::Ambiguous { total, .. } => {
            format!("The quoted text occurs in {total} places, and the link cannot tell which one it means")
        }
        Verdict::NotFound(_) => "Not in this version of the corpus".to_string(),
    }
}

/// " in “Title”", to say which document a moved quote is now in.
fn in_doc(corpus: &Corpus, doc: usize) -> String {
    format!(" in “{}”", corpus.documents()[doc].meta.title)
}

#[component]
fn Detail(verdict: Verdict, quote: String) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    match verdict {
        Verdict::QuotedExactly(at) | Verdict::Moved { to: at, .. } => view! { <Place corpus=corpus at=at/> }.into_any(),
        Verdict::Changed { now, .. } => {
            let at = Location { doc: now.doc, parts: now.parts.clone() };
            view! {
                <SideBySide left=("Quoted in the link", "the link") right=("In the corpus now", "the corpus now")
                    left_text=quote right_text=now.text.clone() alignment=now.alignment/>
                <h2>"Where it is now"</h2>
                <Place corpus=corpus at=at/>
            }
            .into_any()
        }
        Verdict::Ambiguous { places, total } => view! {
            <h2>"Where it occurs"</h2>
            <ol class="nearest" data-places>
                {places.into_iter().map(|at| view! { <li><Place corpus=corpus at=at/></li> }).collect_view()}
            </ol>
            {(total > 0).then(|| view! { <p class="summary">{format!("{total} places in all.")}</p> })}
        }
        .into_any(),
        Verdict::NotFound(nearest) => view! {
            <blockquote class="column-text" data-quote-text>{quote}</blockquote>
            {(!nearest.is_empty()).then(|| view! {
                <h2>"Nearest passages"</h2>
                <ul class="nearest" data-nearest>
                    {nearest.into_iter().take(5).map(|m| nearest_item(corpus, m)).collect_view()}
                </ul>
            })}
        }
        .into_any(),
    }
}

fn nearest_item(corpus: &'static Corpus, m: SpanMatch) -> impl IntoView {
    let doc = &corpus.documents()[m.doc];
    let n = m.first_passage();
    view! {
        <li>
            <a href=Route::passage(&doc.id, n).to_hash() data-doc-id=doc.id.clone() data-passage=n>
                {format!("{}, ¶{n}", doc.meta.title)}
            </a>
            {format!(" — {}% similar", percent(m.alignment.similarity))}
            <blockquote class="nearest-text">{m.text}</blockquote>
        </li>
    }
}

/// The ¶s of `at` with the quote marked, and a link to read them in context.
#[component]
fn Place(corpus: &'static Corpus, at: Location) -> impl IntoView {
    let doc = &corpus.documents()[at.doc];
    let n = at.first_passage();
    view! {
        <figure class="quote-place" data-doc-id=doc.id.clone() data-passage=n>
            <figcaption>
                <a href=Route::passage(&doc.id, n).to_hash() data-read-in-context>
                    {format!("{}, ¶{n}", doc.meta.title)}
                </a>
            </figcaption>
            {at.parts.into_iter().map(|part| {
                let text = &doc.passages[part.passage - 1];
                let pieces = vec![
                    (text[..part.span.start].to_string(), false),
                    (text[part.span.clone()].to_string(), true),
                    (text[part.span.end..].to_string(), false),
                ];
                view! { <blockquote class="quote-passage" data-quote-text><Marked pieces=pieces/></blockquote> }
            }).collect_view()}
        </figure>
    }
}
