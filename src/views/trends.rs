//! Where words occur, `#/trends?q=<term>,<term>,…`: up to five terms' relative frequency (per
//! 10,000 words) per document, in date order, or with `&doc=<id>` within one document per tenth
//! or per ¶ (`&by=para`).
//!
//! The chart is SVG drawn here (no chart library): `role="img"` with a title, each term a
//! colour and a line pattern and a marker shape, so no term is told by colour alone. Clicking a
//! point opens the concordance of its term in its document; hovering shows its figure (its
//! title). The same figures are in the table under it, which is what a screen reader reads and
//! what the keyboard moves through: each figure is a link to the same concordance, and focusing
//! it announces the figure and rings its point on the chart. (Links inside `role="img"` would
//! be hidden from assistive technology, so the chart holds none.) Counting is the engine's ([`lectern_engine::trends`]).

use leptos::prelude::*;
use lectern_engine::trends::{across_documents, format_tenths, terms_left_out, terms_of, within_document, Split, Trends as Figures};
use super::kwic::QueryForm;

use super::words::{plural, quoted};
use crate::app::{Library, SearchIndex};
use crate::hash::{History, Navigator};
use crate::route::{Route, KWIC_SHOWN};

/// The chart's drawing box (the SVG scales to the page's width).
const WIDTH: u32 = 640;
const HEIGHT: u32 = 240;
const PAD: u32 = 28;
/// Line patterns, one per term, beside the colours (`.series-<k>` in the stylesheet).
const DASHES: [&str; 5] = ["", "8 4", "2 4", "10 4 2 4", "1 7"];

#[component]
pub fn Trends() -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let SearchIndex(index) = expect_context::<SearchIndex>();
    let nav = expect_context::<Navigator>();
    let route = nav.route();
    let state = Memo::new(move |_| match route.get() {
        Route::Trends { terms, doc, split } => (terms, doc, split),
        _ => (String::new(), None, Split::default()),
    });
    let figures = Memo::new(move |_| {
        let index = index.get()?;
        let (terms, doc, split) = state.get();
        let terms = terms_of(&terms);
        if terms.is_empty() {
            return None;
        }
        Some(match doc.as_deref().and_then(|id| corpus.documents().iter().position(|d| d.id == id)) {
            Some(d) => within_document(corpus, index, d, &terms, split),
            None => across_documents(corpus, index, &terms),
        })
    });
    let focused = RwSignal::new(String::new());
    let hot = RwSignal::new(None::<(usize, usize)>);
    let scope = move || {
        let (terms, asked, split) = state.get();
        let doc = asked.as_deref().and_then(|id| corpus.document(id));
        match doc {
            None => view! {
                <p>
                    {asked.map(|id| super::no_such_document(&id))}
                    "Per document, oldest first (undated documents last, by title)."
                </p>
            }.into_any(),
            Some(d) => {
                let other = if split == Split::Tenths { Split::Paragraphs } else { Split::Tenths };
                let label = if other == Split::Paragraphs { "Per ¶ instead" } else { "Per tenth instead" };
                view! {
                    <p>
                        {format!("Within “{}”, {}. ", d.meta.title, if split == Split::Tenths { "per tenth of its words" } else { "per ¶" })}
                        <a href=Route::Trends { terms: terms.clone(), doc: Some(d.id.clone()), split: other }.to_hash() data-trends-split>{label}</a>
                        " · "
                        <a href=Route::trends(terms).to_hash()>"All documents"</a>
                    </p>
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="trends" data-view="trends" aria-labelledby="trends-title">
            <h1 id="trends-title" tabindex="-1">"Where words occur"</h1>
            <QueryForm name="Trends" label="Up to five words or phrases, separated by commas" value=Signal::derive(move || state.with(|s| s.0.clone()))
                on_submit=move |terms| {
                    let (_, doc, split) = state.get_untracked();
                    nav.go(Route::Trends { terms, doc, split }, History::Push);
                }/>
            {scope}
            {move || {
                let left_out = state.with(|s| terms_left_out(&s.0));
                (!left_out.is_empty()).then(|| {
                    let names = left_out.iter().map(|t| quoted(t)).collect::<Vec<_>>().join(", ");
                    view! { <p class="note" data-trends-left-out>{format!("Up to five words or phrases are charted; left out: {names}.")}</p> }
                })
            }}
            <p class="summary" role="status" aria-live="polite" data-trends-figure>{move || focused.get()}</p>
            {move || match (index.get(), figures.get()) {
                (None, _) => view! { <p>"Preparing the index…"</p> }.into_any(),
                (Some(_), None) => view! { <p>"Type one or more words, separated by commas."</p> }.into_any(),
                (Some(_), Some(f)) => {
                    // Within a document only when it exists: an unknown one is counted per document.
                    let within = state.with(|s| s.1.as_deref().and_then(|id| corpus.document(id)).map(|_| s.2));
                    view! { <Chart f=f.clone() within=within hot=hot/> <Table f=f within=within focused=focused hot=hot/> }.into_any()
                }
            }}
        </section>
    }
    .into_any()
}

/// Where a point leads: the concordance of term `t` in the stretch's document.
fn kwic_href(f: &Figures, t: usize, b: usize, corpus: &lectern_engine::Corpus) -> String {
    let doc = corpus.documents()[f.bins[b].doc].id.clone();
    Route::Kwic { query: f.terms[t].clone(), sort: Default::default(), doc: Some(doc), shown: KWIC_SHOWN }.to_hash()
}

/// What a stretch is called: the document's title, "¶n", or "tenth k".
fn bin_label(f: &Figures, b: usize, within: Option<Split>, corpus: &lectern_engine::Corpus) -> String {
    let bin = &f.bins[b];
    match within {
        None => corpus.documents()[bin.doc].meta.title.clone(),
        Some(Split::Tenths) => format!("Tenth {} (from ¶{})", b + 1, bin.passage),
        Some(Split::Paragraphs) => format!("¶{}", bin.passage),
    }
}

/// The figure of term `t` in stretch `b`, as a sentence.
fn figure(f: &Figures, t: usize, b: usize, label: &str) -> String {
    format!("“{}” in {label}: {} per 10,000 words ({} in {})", f.terms[t], format_tenths(f.tenths(t, b)), f.counts[t][b], plural(f.bins[b].words, "word"))
}

#[component]
fn Chart(f: Figures, within: Option<Split>, hot: RwSignal<Option<(usize, usize)>>) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let nav = expect_context::<Navigator>();
    let max = f.max_tenths().max(1);
    let n = f.bins.len();
    let (w, h, pad) = (WIDTH, HEIGHT, PAD);
    let x = move |b: usize| if n <= 1 { w / 2 } else { pad + (b as u32) * (w - 2 * pad) / (n as u32 - 1) };
    let y = move |v: u64| h - pad - ((v * (h - 2 * pad) as u64) / max) as u32;
    let title = format!("Occurrences per 10,000 words of {}, {}", f.terms.join(", "), if within.is_some() { "through the document" } else { "by document" });
    let series = (0..f.terms.len()).map(|t| {
        let points: Vec<(u32, u32)> = (0..n).map(|b| (x(b), y(f.tenths(t, b)))).collect();
        let line: String = points.iter().enumerate().map(|(i, (a, b))| format!("{}{a} {b}", if i == 0 { "M" } else { "L" })).collect();
        let marks = points.iter().enumerate().map(|(b, &(px, py))| {
            let label = bin_label(&f, b, within, corpus);
            let text = figure(&f, t, b, &label);
            let route = Route::parse(&kwic_href(&f, t, b, corpus));
            view! {
                <g class="point" class:is-hot=move || hot.get() == Some((t, b)) data-trends-point data-term=t data-bin=b
                    on:click=move |_| nav.go(route.clone(), History::Push)>
                    <title>{text}</title>
                    <path class="marker" d=marker(t, px, py)/>
                </g>
            }
        }).collect_view();
        view! {
            <g class=format!("series series-{t}")>
                <path class="line" d=line stroke-dasharray=DASHES[t % DASHES.len()]/>
                {marks}
            </g>
        }
    }).collect_view();
    // The key is HTML under the chart, not text in the SVG: it wraps on a phone instead of
    // being clipped at the drawing's edge, and keeps the page's font size as the chart shrinks.
    let legend = f.terms.iter().enumerate().map(|(t, term)| {
        view! {
            <li class=format!("series series-{t}")>
                <svg viewBox="0 0 30 12" width="30" height="12">
                    <path class="line" d="M0 6H30" stroke-dasharray=DASHES[t % DASHES.len()]/>
                    <path class="marker" d=marker(t, 15, 6)/>
                </svg>
                {term.clone()}
            </li>
        }
    }).collect_view();
    view! {
        <figure class="trends-chart">
            <svg viewBox=format!("0 0 {w} {h}") role="img" aria-labelledby="trends-chart-title" data-trends-chart>
                <title id="trends-chart-title">{title}</title>
                <path class="axis" d=format!("M{pad} {pad}V{}H{}", h - pad, w - pad)/>
                <text class="axis-label" x=pad y=pad - 8>{format!("{} per 10,000 words", format_tenths(max))}</text>
                <text class="axis-label" x=pad y=h - 8>{if within.is_some() { "Start of the document → end" } else { "Documents, oldest first →" }}</text>
                {series}
            </svg>
            <ul class="trends-legend" aria-hidden="true" data-trends-legend>{legend}</ul>
        </figure>
    }
    .into_any()
}

/// Term `t`'s marker at (x, y) as a path (one element type keeps the wasm small): circle,
/// square, triangle, diamond, cross.
fn marker(t: usize, x: u32, y: u32) -> String {
    let (x, y) = (x as i32, y as i32);
    match t % 5 {
        0 => format!("M{} {y}a4 4 0 1 0 8 0a4 4 0 1 0-8 0", x - 4),
        1 => format!("M{} {}h8v8h-8z", x - 4, y - 4),
        2 => format!("M{x} {}L{} {}H{}z", y - 5, x + 5, y + 4, x - 5),
        3 => format!("M{x} {}L{} {y}L{x} {}L{} {y}z", y - 5, x + 5, y + 5, x - 5),
        _ => format!("M{} {}l8 8m0-8l-8 8", x - 4, y - 4),
    }
}

#[component]
fn Table(f: Figures, within: Option<Split>, focused: RwSignal<String>, hot: RwSignal<Option<(usize, usize)>>) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let caption = format!("Occurrences per 10,000 words (and counts), {}", if within.is_some() { "through the document" } else { "by document" });
    view! {
        <div class="table-scroll">
            <table class="trends-table" data-trends-table>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{if within.is_some() { "Stretch" } else { "Document" }}</th>
                        <th scope="col">"Words"</th>
                        {f.terms.iter().map(|t| view! { <th scope="col">{t.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {(0..f.bins.len()).map(|b| {
                        let bin = &f.bins[b];
                        let doc = &corpus.documents()[bin.doc];
                        let label = bin_label(&f, b, within, corpus);
                        let head = if within.is_some() {
                            view! { <a href=Route::passage(&doc.id, bin.passage).to_hash()>{label.clone()}</a> }.into_any()
                        } else {
                            let terms = f.terms.join(", ");
                            view! { <a href=Route::Trends { terms, doc: Some(doc.id.clone()), split: Split::default() }.to_hash()>{label.clone()}</a> }.into_any()
                        };
                        view! {
                            <tr data-doc-id=doc.id.clone() data-passage=bin.passage>
                                <th scope="row">{head}</th>
                                <td>{bin.words}</td>
                                {(0..f.terms.len()).map(|t| {
                                    let text = figure(&f, t, b, &label);
                                    view! {
                                    <td data-count=f.counts[t][b]>
                                        <a href=kwic_href(&f, t, b, corpus) on:focus=move |_| { focused.set(text.clone()); hot.set(Some((t, b))); }
                                            on:blur=move |_| hot.set(None)>{format_tenths(f.tenths(t, b))}</a>
                                        {format!(" ({})", f.counts[t][b])}
                                    </td>
                                }}).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
