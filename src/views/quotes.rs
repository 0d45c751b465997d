//! The quotes found in the corpus, paged per document so that a corpus with thousands of
//! quotations never renders them all at once:
//!
//! - `#/quotes`: the overview, every document that holds quotes with its quotation and term
//!   counts, filterable by title, author and date. The counts are computed in slices of a few
//!   milliseconds between which the browser may paint and answer input (no main-thread task
//!   near 50 ms, even on large corpora), then kept for the page's life.
//! - `#/quotes/<id>`: one document's quotations (three words or more) with their ¶ and an
//!   action to compare them, and its quoted terms (one or two words), filterable by the quotes'
//!   words, with a way back to the overview and to the previous and next document with quotes.
//!
//! Finding, counting and filtering are the engine's ([`lectern_engine::quotes`]).

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use lectern_engine::catalog::{Filter, SortKey};
use lectern_engine::quotes::{count_quotes, document_quotes, filter_quotes, tally, QuoteCounts, QuoteKind};
use lectern_engine::Corpus;

use super::list::catalog;
use super::meta::Byline;
use super::NotFound;
use super::words::plural;
use crate::app::Library;
use crate::hash::{History, Navigator};
use crate::route::Route;
use crate::tray::Tray;

/// How the overview's counting is sliced.
#[derive(Clone, Copy, Debug)]
pub struct CountingOptions {
    /// Counting yields to the browser once a slice has run this long.
    pub slice_ms: f64,
    /// At most this many documents are added to the overview per slice: each is a row to
    /// render, and with the counts known (an overview opened again) 250 rows at once took one
    /// task of 50 ms.
    pub rows_per_slice: usize,
}

impl Default for CountingOptions {
    fn default() -> Self {
        CountingOptions { slice_ms: 8.0, rows_per_slice: 50 }
    }
}

thread_local! {
    /// Counts per document (in corpus order) once computed, by corpus address: counting is done
    /// once per page, however often the overview is opened.
    static COUNTED: RefCell<Option<(usize, Rc<Vec<QuoteCounts>>)>> = const { RefCell::new(None) };
}

fn cached_counts(corpus: &'static Corpus) -> Option<Rc<Vec<QuoteCounts>>> {
    let key = corpus as *const Corpus as usize;
    COUNTED.with(|c| c.borrow().as_ref().filter(|(k, _)| *k == key).map(|(_, v)| v.clone()))
}

/// The counts of every document, filled in slices (from the cache when counted before);
/// `None` entries are not counted yet.
fn counts_in_slices(corpus: &'static Corpus, options: CountingOptions) -> RwSignal<Vec<Option<QuoteCounts>>> {
    type Cached = Option<Rc<Vec<QuoteCounts>>>;
    let counts = RwSignal::new(vec![None; corpus.documents().len()]);
    fn step(corpus: &'static Corpus, counts: RwSignal<Vec<Option<QuoteCounts>>>, from: usize, options: CountingOptions, cached: Cached) {
        let docs = corpus.documents();
        let start = js_sys::Date::now();
        let mut next = from;
        let mut slice = Vec::new();
        while next < docs.len() && slice.len() < options.rows_per_slice && (next == from || js_sys::Date::now() - start < options.slice_ms) {
            slice.push(cached.as_ref().map_or_else(|| count_quotes(&docs[next].passages), |c| c[next]));
            next += 1;
        }
        // The view may be gone (the reader moved on): the counting still finishes for the cache.
        let _ = counts.try_update(|c| {
            for (k, n) in slice.into_iter().enumerate() {
                c[from + k] = Some(n);
            }
        });
        if next < docs.len() {
            set_timeout(move || step(corpus, counts, next, options, cached), std::time::Duration::ZERO);
        } else if cached.is_none() {
            if let Some(all) = counts.try_with_untracked(|c| c.iter().map(|n| n.unwrap_or_default()).collect::<Vec<_>>()) {
                let key = corpus as *const Corpus as usize;
                COUNTED.with(|cache| *cache.borrow_mut() = Some((key, Rc::new(all))));
            }
        }
    }
    // The first slice after the view's first paint.
    let cached = cached_counts(corpus);
    request_animation_frame(move || step(corpus, counts, 0, options, cached));
    counts
}


fn counts_text(c: QuoteCounts) -> String {
    format!("{} · {}", plural(c.quotations, "quotation"), plural(c.terms, "term"))
}

/// The filter box shared by both views; typing replaces the history entry.
#[component]
fn QuoteFilter(label: &'static str, value: Memo<String>, on_input: impl Fn(String) + 'static) -> impl IntoView {
    view! {
        <div class="list-tools" role="search" aria-label=label>
            <label class="field">
                <span>{label}</span>
                <input type="search" data-quotes-filter autocomplete="off" spellcheck="false"
                    prop:value=value on:input=move |ev| on_input(event_target_value(&ev))/>
            </label>
        </div>
    }
}

fn route_filter(nav: Navigator) -> Memo<String> {
    let route = nav.route();
    Memo::new(move |_| match route.get() {
        Route::Quotes { filter, .. } => filter,
        _ => String::new(),
    })
}

#[component]
pub fn QuotesOverview() -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let nav = expect_context::<Navigator>();
    let filter = route_filter(nav);
    let docs = corpus.documents();
    let counts = counts_in_slices(corpus, CountingOptions::default());
    let catalog = catalog(corpus);
    let order = catalog.browse("", SortKey::Title);
    let counted = Memo::new(move |_| counts.with(|c| c.iter().filter(|n| n.is_some()).count()));
    let with_quotes = Memo::new(move |_| {
        counts.with(|c| order.iter().copied().filter(|&i| c[i].is_some_and(|n| n.quotations + n.terms > 0)).collect::<Vec<_>>())
    });
    let shown = Memo::new(move |_| {
        let filter = Filter::new(&filter.get());
        with_quotes.get().into_iter().filter(|&i| catalog.matches(i, &filter)).collect::<Vec<_>>()
    });
    let summary = move || {
        let (done, total) = (counted.get(), docs.len());
        let totals = counts.with(|c| {
            c.iter().flatten().fold(QuoteCounts::default(), |a, n| QuoteCounts { quotations: a.quotations + n.quotations, terms: a.terms + n.terms })
        });
        let (n, of) = (shown.with(Vec::len), with_quotes.with(Vec::len));
        let found = format!("{} in {}", counts_text(totals), plural(of, "document"));
        let shown = if n == of { String::new() } else { format!(" · {n} shown") };
        let progress = if done < total { format!(" · counting, {done} of {total} documents read…") } else { String::new() };
        format!("{found}{shown}{progress}")
    };
    view! {
        <section class="quotes" data-view="quotes" data-quotes="overview" aria-labelledby="quotes-title" aria-busy=move || (counted.get() < docs.len()).to_string()>
            <h1 id="quotes-title" tabindex="-1">"Quotes"</h1>
            <p>"Text in quotation marks, by document. One or two quoted words are counted as terms."</p>
            <QuoteFilter label="Filter documents by title, author or date" value=filter
                on_input=move |filter| nav.go(Route::Quotes { doc: None, filter }, History::Replace)/>
            <p class="summary" role="status" aria-live="polite" data-quotes-count>{summary}</p>
            <ul class="quote-docs">
                <For each=move || shown.get() key=|i| *i let:i>
                    {
                        let doc = &docs[i];
                        let n = counts.with_untracked(|c| c[i].unwrap_or_default());
                        view! {
                            <li data-doc-id=doc.id.clone() data-quotations=n.quotations data-terms=n.terms>
                                <a href=Route::Quotes { doc: Some(doc.id.clone()), filter: String::new() }.to_hash()>{doc.meta.title.clone()}</a>
                                <span class="quote-counts">{counts_text(n)}</span>
                            </li>
                        }
                    }
                </For>
            </ul>
        </section>
    }
}

/// The documents before and after `id` in the overview's order that hold quotes.
fn neighbours(corpus: &'static Corpus, id: &str) -> (Option<usize>, Option<usize>) {
    let docs = corpus.documents();
    let order = catalog(corpus).browse("", SortKey::Title);
    let cached = cached_counts(corpus);
    let has_quotes = |i: usize| {
        let n = cached.as_ref().map(|c| c[i]).unwrap_or_else(|| count_quotes(&docs[i].passages));
        n.quotations + n.terms > 0
    };
    let Some(at) = order.iter().position(|&i| docs[i].id == id) else { return (None, None) };
    let previous = order[..at].iter().rev().copied().find(|&i| has_quotes(i));
    let next = order[at + 1..].iter().copied().find(|&i| has_quotes(i));
    (previous, next)
}

#[component]
pub fn DocumentQuotes(id: String) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let nav = expect_context::<Navigator>();
    let tray = expect_context::<Tray>();
    let Some(doc) = corpus.document(&id) else {
        return view! {
            <NotFound message=format!("There is no document “{id}” in this corpus.")
                alternative=(Route::quotes().to_hash(), "All quotes".to_string())/>
        }
        .into_any();
    };
    let filter = route_filter(nav);
    let all = document_quotes(&doc.passages);
    let total = tally(&all);
    let shown = Memo::new(move |_| filter_quotes(&doc.passages, all.clone(), &filter.get()));
    let summary = move || {
        let now = shown.with(|s| tally(s));
        let (n, t) = (now.quotations, now.terms);
        if now == total {
            counts_text(total)
        } else {
            format!("{n} of {} · {t} of {}", plural(total.quotations, "quotation"), plural(total.terms, "term"))
        }
    };
    let (previous, next) = neighbours(corpus, &doc.id);
    let doc_link = |i: usize, rel: &'static str| {
        let other = &corpus.documents()[i];
        let label = if rel == "prev" { format!("← Previous: {}", other.meta.title) } else { format!("Next: {} →", other.meta.title) };
        view! {
            <a href=Route::Quotes { doc: Some(other.id.clone()), filter: String::new() }.to_hash() rel=rel data-quotes-nav=rel>
                {label}
            </a>
        }
    };
    view! {
        <section class="quotes" data-view="quotes" data-quotes="document" data-doc-id=doc.id.clone() aria-labelledby="quotes-title">
            <p class="back"><a href=Route::quotes().to_hash() data-quotes-overview>"← All quotes"</a></p>
            <h1 id="quotes-title" tabindex="-1">{format!("Quotes in “{}”", doc.meta.title)}</h1>
            <Byline doc=doc/>
            <p><a href=Route::document(&doc.id).to_hash()>"Read the document"</a></p>
            <QuoteFilter label="Filter these quotes by their words" value=filter
                on_input=move |filter| nav.go(Route::Quotes { doc: Some(doc.id.clone()), filter }, History::Replace)/>
            <p class="summary" role="status" aria-live="polite" data-quotes-count>{summary}</p>
            {move || {
                let (quotations, terms): (Vec<_>, Vec<_>) = shown.get().into_iter().partition(|q| q.quote.kind == QuoteKind::Quotation);
                view! {
                    <ul class="quote-list">
                        {quotations.into_iter().map(|q| {
                            let (n, span) = (q.passage, q.quote.span);
                            let text = doc.passages[n - 1][span.clone()].to_string();
                            let item = super::quote::compare_item(&doc.id, n, Some((span.start, span.end)));
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
                            {terms.into_iter().enumerate().map(|(k, q)| {
                                let n = q.passage;
                                let term = q.quote.term(&doc.passages[n - 1]).to_string();
                                view! {
                                    {(k > 0).then_some(", ")}
                                    <a href=Route::passage(&doc.id, n).to_hash() data-quote-kind="term" data-passage=n>
                                        {format!("“{term}” (¶{n})")}
                                    </a>
                                }
                            }).collect_view()}
                        </p>
                    })}
                }
            }}
            <nav class="doc-pager" aria-label="Quotes in other documents">
                {previous.map(|i| doc_link(i, "prev"))}
                {next.map(|i| doc_link(i, "next"))}
            </nav>
        </section>
    }
    .into_any()
}
