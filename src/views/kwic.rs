//! The concordance, `#/kwic?q=<word or phrase>`: every occurrence, one row each, aligned on
//! the keyword, with its document and ¶ (a link to the ¶ with the word marked).
//!
//! The list carries `data-total`, the exact count, and `data-sort`, the order its rows are in
//! once sorted; each row `data-doc-id` and `data-passage`.
//! Rows are listed a page at a time ("Show more" keeps the count in the route): the first page
//! of the most common word reads only the passages it shows. Sorting by context words reads
//! every passage holding the word once per order. j/k or ↓/↑ move between rows, Enter opens
//! one. "Download CSV" exports every row in the order shown. Counting, sorting and CSV are the
//! engine's ([`lectern_engine::concordance`]).

use std::sync::Arc;

use leptos::prelude::*;
use lectern_engine::concordance::{csv, Concordance, Occurrence, Sort};
use wasm_bindgen::JsCast;

use super::export::save;
use super::search_box::typing_in_a_field;
use super::words::{plural, quoted};
use crate::app::{Library, SearchIndex};
use crate::hash::{History, Navigator};
use crate::route::{Route, KWIC_SHOWN};

/// The concordance of one query in one scope, compared by what it was made from.
#[derive(Clone)]
struct Found {
    key: (String, Option<usize>),
    k: Arc<Concordance<'static>>,
}

impl PartialEq for Found {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

/// Every occurrence in a sorted order, compared by the concordance and the order.
#[derive(Clone)]
struct Sorted {
    key: (String, Option<usize>, Sort),
    order: Option<Arc<Vec<Occurrence>>>,
}

impl PartialEq for Sorted {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

#[component]
pub fn Kwic() -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let SearchIndex(index) = expect_context::<SearchIndex>();
    let nav = expect_context::<Navigator>();
    let route = nav.route();
    let state = Memo::new(move |_| match route.get() {
        Route::Kwic { query, sort, doc, shown } => (query, sort, doc, shown),
        _ => (String::new(), Sort::default(), None, KWIC_SHOWN),
    });
    let go = move |f: &dyn Fn(&mut (String, Sort, Option<String>, usize)), history: History| {
        let mut s = state.get_untracked();
        f(&mut s);
        nav.go(Route::Kwic { query: s.0, sort: s.1, doc: s.2, shown: s.3 }, history);
    };
    let doc_index = move |id: &Option<String>| id.as_deref().and_then(|id| corpus.documents().iter().position(|d| d.id == id));
    // What the rows are of, apart from their order and count: "Show more" and sorting reuse it.
    let scope = Memo::new(move |_| state.with(|s| (s.0.clone(), s.2.clone())));
    let order_by = Memo::new(move |_| state.with(|s| s.1));
    let found = Memo::new(move |_| {
        let index = index.get()?;
        let (query, doc) = scope.get();
        let doc = doc_index(&doc);
        let k = Concordance::new(corpus, index, &query, doc);
        Some(Found { key: (query, doc), k: Arc::new(k) })
    });
    let sorted = Memo::new(move |_| {
        let f = found.get()?;
        let sort = order_by.get();
        let order = (sort != Sort::Document).then(|| Arc::new(f.k.order(sort)));
        Some(Sorted { key: (f.key.0, f.key.1, sort), order })
    });
    let rows = move |count: usize| {
        let f = found.get()?;
        let s = sorted.get()?;
        Some(match &s.order {
            None => f.k.rows(0, count),
            Some(order) => f.k.rows_of(&order[..count.min(order.len())]),
        })
    };
    let total = move || found.with(|f| f.as_ref().map_or(0, |f| f.k.total()));
    let status = move || {
        let (query, _, doc, shown) = state.get();
        if query.trim().is_empty() {
            return "Type a word or a phrase to see every place it occurs.".to_string();
        }
        let Some(f) = found.get() else { return "Preparing the index…".to_string() };
        let n = f.k.total();
        // A link to a document this corpus lacks counts in all of them, and says so.
        let (known, unknown) = match doc {
            Some(id) if doc_index(&Some(id.clone())).is_none() => (false, super::no_such_document(&id)),
            doc => (doc.is_some(), String::new()),
        };
        if n == 0 {
            return format!("{unknown}{} does not occur {}.", quoted(&query), if known { "in this document" } else { "in this corpus" });
        }
        let docs = f.k.per_document().len();
        let listed = if n > shown { format!(", the first {shown} listed") } else { String::new() };
        format!("{unknown}{} in {}{listed}.", plural(n, "occurrence"), plural(docs, "document"))
    };
    let suggestions = move || {
        let f = found.get()?;
        let query = state.with(|s| s.0.clone());
        let words = f.k.suggestions(&query);
        (!words.is_empty()).then(|| view! {
            <p data-suggestions>"Did you mean: "
                {words.into_iter().enumerate().map(|(i, w)| {
                    let href = Route::kwic(w.clone()).to_hash();
                    view! {
                        {(i > 0).then_some(", ")}
                        <a href=href>{w}</a>
                    }
                }).collect_view()}
                "?"
            </p>
        })
    };

    // j/k and ↓/↑ move between rows wherever the focus is, except while typing in a field.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing_in_a_field(&ev) {
            return;
        }
        let step: isize = match ev.key().as_str() {
            "j" | "ArrowDown" => 1,
            "k" | "ArrowUp" => -1,
            _ => return,
        };
        let links = row_links();
        if links.is_empty() {
            return;
        }
        let active = document().active_element();
        let at = links.iter().position(|l| active.as_ref().is_some_and(|a| a == l.unchecked_ref::<web_sys::Element>()));
        let next = match at {
            Some(i) => (i as isize + step).clamp(0, links.len() as isize - 1) as usize,
            None if step > 0 => 0,
            None => return,
        };
        ev.prevent_default();
        let _ = links[next].focus();
    });
    on_cleanup(move || keys.remove());

    let download = move |_| {
        let (Some(f), Some(s)) = (found.get_untracked(), sorted.get_untracked()) else { return };
        let all = match &s.order {
            None => f.k.rows(0, f.k.total()),
            Some(order) => f.k.rows_of(order),
        };
        let _ = save(&csv(corpus, &all), "text/csv", "lectern-concordance.csv");
    };
    let docs = corpus.documents();

    view! {
        <section class="kwic" data-view="kwic" aria-labelledby="kwic-title">
            <h1 id="kwic-title" tabindex="-1">"Concordance"</h1>
            <QueryForm name="Concordance" label="Word or phrase" value=Signal::derive(move || state.with(|s| s.0.clone()))
                on_submit=move |value| go(&|s| { s.0 = value.clone(); s.3 = KWIC_SHOWN; }, History::Push)>
                <label class="field">
                    <span>"Sort by"</span>
                    <select data-kwic-sort on:change=move |ev| {
                        let sort = Sort::parse(&event_target_value(&ev)).unwrap_or_default();
                        go(&|s| s.1 = sort, History::Replace);
                    }>
                        {Sort::ALL.into_iter().map(|s| view! {
                            <option value=s.name() selected=move || state.with(|st| st.1 == s)>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>"In document"</span>
                    <select data-kwic-doc on:change=move |ev| {
                        let id = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
                        go(&|s| { s.2 = id.clone(); s.3 = KWIC_SHOWN; }, History::Replace);
                    }>
                        <option value="">"All documents"</option>
                        {docs.iter().map(|d| {
                            let id = d.id.clone();
                            view! { <option value=d.id.clone() selected=move || state.with(|s| s.2.as_deref() == Some(id.as_str()))>{d.meta.title.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </QueryForm>
            <p class="summary" role="status" aria-live="polite" data-kwic-count>{status}</p>
            {suggestions}
            {move || (total() > 0).then(|| {
                let (query, ..) = state.get();
                view! {
                    <p class="kwic-tools">
                        <a href=Route::trends(query.clone()).to_hash() data-kwic-trends>"Where it occurs (trends)"</a>
                        " · "
                        <button type="button" class="link-button" data-kwic-csv on:click=download>"Download CSV"</button>
                    </p>
                }
            })}
            <ol class="kwic-rows" data-kwic data-total=move || total().to_string() aria-label="Occurrences"
                data-sort=move || sorted.with(|s| s.as_ref().map_or("", |s| s.key.2.name()))>
                {move || {
                    let (query, _, _, shown) = state.get();
                    rows(shown).unwrap_or_default().into_iter().map(|r| {
                        let doc = &docs[r.doc];
                        let href = Route::Document { id: doc.id.clone(), passage: Some(r.passage), query: Some(query.clone()), shown: crate::route::RESULTS_SHOWN }.to_hash();
                        view! {
                            <li data-doc-id=doc.id.clone() data-passage=r.passage>
                                <a class="kwic-row" href=href dir="auto">
                                    <span class="kwic-left">{r.left}</span>
                                    <mark class="kwic-key">{r.keyword}</mark>
                                    <span class="kwic-right">{r.right}</span>
                                </a>
                                <span class="kwic-source">{format!("{} ¶{}", doc.meta.title, r.passage)}</span>
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
            {move || (total() > state.with(|s| s.3)).then(|| view! {
                <button type="button" data-kwic-more on:click=move |_| {
                    let first_new = state.with_untracked(|s| s.3);
                    go(&|s| s.3 += KWIC_SHOWN, History::Replace);
                    // The button is drawn anew below the new rows: focus goes on to the first of them.
                    request_animation_frame(move || {
                        if let Some(row) = row_links().get(first_new) {
                            let _ = row.focus();
                        }
                    });
                }>
                    {format!("Show {} more", KWIC_SHOWN.min(total() - state.with(|s| s.3)))}
                </button>
            })}
        </section>
    }
    .into_any()
}

/// The box a reading tool takes its words in, with a "Show" button and any other controls
/// (`children`); submitting hands the box's text to `on_submit`.
#[component]
pub(super) fn QueryForm(name: &'static str, label: &'static str, value: Signal<String>, on_submit: impl Fn(String) + 'static,
    #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()).and_then(|f| f.elements().named_item("q"));
        on_submit(input.and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default());
    };
    view! {
        <form class="list-tools" role="search" aria-label=name on:submit=submit>
            <label class="field">
                <span>{label}</span>
                <input type="search" name="q" data-query-input autocomplete="off" spellcheck="false" prop:value=value/>
            </label>
            <button type="submit">"Show"</button>
            {children.map(|c| c())}
        </form>
    }
    .into_any()
}

/// The row links in page order.
fn row_links() -> Vec<web_sys::HtmlElement> {
    let Ok(list) = document().query_selector_all("[data-kwic] a.kwic-row") else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}
