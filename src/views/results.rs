//! Search results as you type: documents whose title or id the query matches, then ranked
//! passages grouped by document, each a link to its permalink with the query, with a snippet
//! whose matched words are marked. The count (or the "did you mean") is announced through a
//! live region. ↑/↓ move between results. "Show more" lists the next results, keeps how many
//! are shown in the route (so Back returns to them) and moves focus to the first new one. Like
//! the list, the results fetch the reader's file ahead of the click.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use lectern_engine::snippet::{pieces, snippet_range};
use lectern_engine::titles::Titles;
use lectern_engine::query::unquoted;
use lectern_engine::{SearchResults as Found, Searcher};

use super::search_box::{focus_box, focus_result, results, RESULTS_ID};
use super::words::{plural, quoted};
use super::Marked;
use crate::app::{Library, SearchIndex};
use crate::hash::{History, Navigator};
use crate::route::{Route, RESULTS_SHOWN};

/// Characters of a passage shown in a result.
const SNIPPET_CHARS: usize = 240;
/// Documents listed at most above the passages, when their title or id matches.
const DOCUMENT_RESULTS: usize = 5;

#[component]
pub fn SearchResults(query: Memo<String>, shown: Memo<usize>) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let SearchIndex(index) = expect_context::<SearchIndex>();
    let nav = expect_context::<Navigator>();
    let found = Memo::new(move |_| {
        let index = index.get()?;
        let query = query.get();
        (!query.trim().is_empty()).then(|| Searcher::new(corpus, index).search(&query, shown.get()))
    });
    let titles = Arc::new(Titles::new(corpus));
    let documents = move || {
        let found = titles.find(&query.get());
        let more = found.len().saturating_sub(DOCUMENT_RESULTS);
        (found.into_iter().take(DOCUMENT_RESULTS).map(|m| m.doc).collect::<Vec<_>>(), more)
    };
    let more_available = move || found.with(|f| f.as_ref().is_some_and(|f| f.more));
    // The rank of the first result that "Show more" adds, to focus once it is shown.
    // (0: none; a plain shared cell, not a signal: nothing renders from it.)
    let focus_rank = Arc::new(AtomicUsize::new(0));
    let pending = focus_rank.clone();
    Effect::new(move |_| {
        found.track();
        let rank = pending.swap(0, Ordering::Relaxed);
        if rank > 0 {
            request_animation_frame(move || focus_ranked(rank));
        }
    });
    let show_more = move |_| {
        let n = shown.get_untracked();
        focus_rank.store(n + 1, Ordering::Relaxed);
        nav.go(Route::Search { query: query.get_untracked(), shown: n + RESULTS_SHOWN }, History::Replace);
    };
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
        <section class="search-results" data-view="search" aria-labelledby="search-title"
            on:pointerover=|_| crate::later::reader::prefetch() on:focusin=|_| crate::later::reader::prefetch()>
            <h1 id="search-title" class="visually-hidden" tabindex="-1">"Search results"</h1>
            // Busy while the reader types (the address lags the view until typing pauses), so a
            // screen reader announces the count once, not at every keystroke.
            <p id="search-status" class="summary" role="status" aria-live="polite" aria-atomic="true"
                aria-busy=move || nav.address().with(|a| nav.route().with(|r| a != r)).to_string()
                data-result-count=move || found.get().map(|f| stated_count(&f).to_string())>
                {status}
            </p>
            {move || found.get().map(|f| view! { <Suggestions found=f query=query.get()/> })}
            {move || found.with(|f| f.as_ref().is_some_and(|f| f.total > 0)).then(|| {
                let q = query.get().trim().to_string();
                // The concordance and trends take several words as one phrase, fewer places
                // than the passages with every word that search counts: the links say so.
                let phrase = q.split_whitespace().nth(1).is_some();
                view! {
                    <p class="reading-links" data-reading-links>
                        <a href=Route::kwic(q.clone()).to_hash() data-results-kwic>
                            {if phrase { "Every occurrence of the phrase (concordance)" } else { "Every occurrence (concordance)" }}
                        </a>
                        " · "
                        <a href=Route::trends(q).to_hash() data-results-trends>
                            {if phrase { "Where the phrase occurs (trends)" } else { "Where it occurs (trends)" }}
                        </a>
                    </p>
                }
            })}
            <ol id=RESULTS_ID class="result-groups" on:keydown=on_keydown>
                {move || {
                    let (docs, more) = documents();
                    (!docs.is_empty()).then(|| document_results(corpus, &docs, more, &query.get(), shown.get()))
                }}
                {move || found.get().map(|f| groups(corpus, &f, &query.get(), shown.get()))}
            </ol>
            {move || more_available().then(|| {
                let show_more = show_more.clone();
                view! { <button type="button" class="show-more" data-show-more on:click=show_more>"Show more"</button> }
            })}
        </section>
    }
}

/// The count the status line states first: the passages with every word of the query, or,
/// when none has them all, the passages with some of them that can be listed (a quoted phrase
/// lists only those that hold it).
fn stated_count(found: &Found) -> usize {
    match (found.total, found.hits.len(), found.more) {
        (0, 0, _) | (1.., _, _) => found.total,
        (0, _, true) => found.matching_some,
        (0, shown, false) => shown,
    }
}

/// "31 passages in 12 documents, the best 20 shown.": counts over every match, with what is
/// left out.
fn status_line(found: &Found, query: &str) -> String {
    if found.hits.is_empty() {
        return format!("No passages match {}.", quoted(query));
    }
    let shown = found.hits.len();
    let (at_least, at_least_in) = if found.total_is_lower_bound { ("At least ", "at least ") } else { ("", "") };
    let mut line = if found.total == 0 && found.more {
        format!("No passage has every word; the best {shown} of {} with some of them shown", plural(found.matching_some, "passage"))
    } else if found.total == 0 {
        format!("No passage has every word; {} with some of them shown", plural(shown, "passage"))
    } else {
        // Past the phrase-check limit both counts are of the passages checked: lower bounds.
        let mut line = format!("{at_least}{} in {at_least_in}{}", plural(found.total, "passage"), plural(found.documents, "document"));
        if shown < found.total {
            line.push_str(&format!(", the best {shown} shown"));
        } else if shown > found.total {
            let verb = if found.total == 1 { "has" } else { "have" };
            line.push_str(&format!(" {verb} every word; {} more with some of them shown", shown - found.total));
        }
        line
    };
    line.push('.');
    if found.truncated {
        line.push_str(" Only the start of this long query was used.");
    }
    line
}


/// What to try when nothing matched: for a quoted phrase, its words without the quote marks
/// (search puts that first), then corrections of unknown words as "Did you mean".
#[component]
fn Suggestions(found: Found, query: String) -> impl IntoView {
    let loose = unquoted(&query).is_some_and(|l| found.suggestions.first() == Some(&l));
    let before = move |i: usize| match (i, loose) {
        (0, true) => "No passage has these words as the exact phrase. Without the quote marks: ",
        (1, true) => ". Did you mean ",
        (0, false) => "Did you mean ",
        _ => ", ",
    };
    let end = if loose && found.suggestions.len() == 1 { "." } else { "?" };
    (!found.suggestions.is_empty()).then(|| {
        view! {
            <p class="suggestions" data-suggestions>
                {found
                    .suggestions
                    .iter()
                    .enumerate()
                    .map(|(i, s)| view! { {before(i)} <a href=Route::search(s.clone()).to_hash()>{s.clone()}</a> })
                    .collect_view()}
                {end}
            </p>
        }
    })
}

/// Documents whose title or id the query matches, as the first group of results.
fn document_results(corpus: &'static lectern_engine::Corpus, docs: &[usize], more: usize, query: &str, shown: usize) -> impl IntoView {
    view! {
        <li class="doc-results" data-doc-results>
            <h2 class="result-doc">{if docs.len() == 1 { "Document" } else { "Documents" }}</h2>
            <ol class="result-list">
                {docs
                    .iter()
                    .map(|&i| {
                        let doc = &corpus.documents()[i];
                        let href = Route::Document { id: doc.id.clone(), passage: None, query: Some(query.to_string()), shown }.to_hash();
                        view! {
                            <li>
                                <a class="doc-result" href=href data-doc-result data-doc-id=doc.id.clone()>
                                    <span class="doc-result-title">{doc.meta.title.clone()}</span>
                                    <span class="result-where">{doc.id.clone()}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {(more > 0).then(|| view! { <p class="summary">{format!("…and {} whose title or id matches.", plural(more, "more document"))}</p> })}
        </li>
    }
}

/// Focuses the first result, in the order they are listed, ranked `rank` (1-based) or lower, or
/// else "Show more". Results are grouped by document, so those "Show more" adds can land in a
/// group above the last one shown: focus goes to the first of them on the page, and moving on
/// from there passes every one.
fn focus_ranked(rank: usize) {
    use wasm_bindgen::JsCast;
    let listed = document().query_selector_all(&format!("#{RESULTS_ID} a[data-rank]")).ok();
    let new = listed.and_then(|list| {
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<web_sys::Element>().ok()).find(|e| {
            e.get_attribute("data-rank").and_then(|r| r.parse::<usize>().ok()).is_some_and(|r| r >= rank)
        })
    });
    let target = new.or_else(|| document().query_selector("[data-show-more]").ok().flatten());
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Hits grouped by document, groups in the order of their best hit.
fn groups(corpus: &'static lectern_engine::Corpus, found: &Found, query: &str, listed: usize) -> impl IntoView {
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
            let hits: Vec<(usize, lectern_engine::Hit)> =
                found.hits.iter().enumerate().filter(|(_, h)| h.doc == doc_index).map(|(rank, h)| (rank + 1, h.clone())).collect();
            let query = query.to_string();
            view! {
                <li class="result-group" data-doc-id=doc.id.clone()>
                    <h2 class="result-doc">{doc.meta.title.clone()}</h2>
                    <ol class="result-list">
                        {hits
                            .into_iter()
                            .map(|(rank, hit)| {
                                let text = &doc.passages[hit.passage - 1];
                                let range = snippet_range(text, &hit.highlights, SNIPPET_CHARS);
                                let (start, end) = (range.start > 0, range.end < text.len());
                                let shown: Vec<(String, bool)> =
                                    pieces(text, range, &hit.highlights).into_iter().map(|p| (p.text.to_string(), p.marked)).collect();
                                let href = Route::Document { id: doc.id.clone(), passage: Some(hit.passage), query: Some(query.clone()), shown: listed }.to_hash();
                                view! {
                                    <li>
                                        <a class="result" href=href data-doc-id=doc.id.clone() data-passage=hit.passage data-rank=rank>
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

#[cfg(test)]
mod tests {
    use super::*;
    use lectern_engine::Hit;

    /// The status line and `data-result-count` for `shown` hits, the counts (total,
    /// documents, matching some word) and whether there are more to list.
    fn check(shown: usize, counts: (usize, usize, usize), more: bool, line: &str, stated: usize) {
        let hit = Hit { doc: 0, passage: 1, score: 1.0, highlights: Vec::new() };
        let found = Found { hits: vec![hit; shown], total: counts.0, documents: counts.1, matching_some: counts.2, more, ..Found::default() };
        assert_eq!(status_line(&found, " q "), line);
        assert_eq!(stated_count(&found), stated, "{line}");
    }

    #[test]
    fn status_lines_state_true_counts() {
        check(20, (31, 12, 31), true, "31 passages in 12 documents, the best 20 shown.", 31);
        check(31, (31, 12, 31), false, "31 passages in 12 documents.", 31);
        check(1, (1, 1, 1), false, "1 passage in 1 document.", 1);
        check(20, (3, 2, 900), true, "3 passages in 2 documents have every word; 17 more with some of them shown.", 3);
        check(20, (1, 1, 900), true, "1 passage in 1 document has every word; 19 more with some of them shown.", 1);
        check(20, (0, 0, 900), true, "No passage has every word; the best 20 of 900 passages with some of them shown.", 900);
        // A quoted phrase lists only the passages that hold it (its words forgiven a typo each):
        // the passages with some of its words are not counted as if they could be shown.
        check(1, (0, 0, 747), false, "No passage has every word; 1 passage with some of them shown.", 1);
        check(0, (0, 0, 0), false, "No passages match “q”.", 0);
        // Past the phrase-check limit both counts are lower bounds.
        let hit = Hit { doc: 0, passage: 1, score: 1.0, highlights: Vec::new() };
        let found = Found { hits: vec![hit; 20], total: 834, documents: 96, matching_some: 2500, total_is_lower_bound: true, ..Found::default() };
        assert_eq!(status_line(&found, "q"), "At least 834 passages in at least 96 documents, the best 20 shown.");
    }
}
