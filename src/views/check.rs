//! "Check a quote": paste a quote printed elsewhere; Lectern finds the best matching span in the
//! corpus and shows pasted and source side by side, with a verdict: exact, matches with N words
//! different, or not found (with the nearest candidates). Long pastes are cut, and the view says
//! how much; a paste short enough lives in the URL, so a check can be shared.

use leptos::prelude::*;
use lectern_engine::check::{check_quote, CheckOptions, CheckResult, SpanMatch, Verdict};
use lectern_engine::Searcher;

use super::diffed::{DiffLegend, Diffed, Side};
use crate::app::{Library, SearchIndex};
use crate::hash::Navigator;
use crate::route::{Item, Route};
use crate::tray::Tray;

/// Pastes up to this many characters are written into the URL; longer ones stay in the page.
const MAX_CHARS_IN_URL: usize = 2_000;

#[component]
pub fn Check(text: Memo<String>) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let SearchIndex(index) = expect_context::<SearchIndex>();
    let nav = expect_context::<Navigator>();
    let draft = RwSignal::new(text.get_untracked());
    let submitted = RwSignal::new(text.get_untracked());
    // A check opened from a link (or by back/forward) shows that text.
    Effect::new(move |_| {
        let t = text.get();
        if !t.is_empty() {
            draft.set(t.clone());
            submitted.set(t);
        }
    });
    let result = Memo::new(move |_| {
        let index = index.get()?;
        let pasted = submitted.get();
        (!pasted.trim().is_empty()).then(|| check_quote(corpus, &Searcher::new(corpus, index), &pasted, &CheckOptions::default()))
    });
    // Checks what is in the box; a paste short enough goes into the URL so it can be shared.
    let run = move || {
        let pasted = draft.get_untracked();
        // A long paste stays out of the address, which then must not keep an older quote.
        let in_url = if pasted.chars().count() <= MAX_CHARS_IN_URL { pasted.clone() } else { String::new() };
        nav.go(Route::Check { text: in_url }, true);
        submitted.set(pasted);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run();
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            run();
        }
    };

    view! {
        <section class="check" data-view="check" aria-labelledby="check-title">
            <h1 id="check-title" tabindex="-1">"Check a quote"</h1>
            <p class="summary">"Paste a quote from a news article, a book or a post; Lectern finds where it comes from in this corpus and shows every difference."</p>
            <form class="check-form" on:submit=submit>
                <label for="check-input">"Quote to check"</label>
                <textarea id="check-input" rows="5" data-check-input
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=on_keydown></textarea>
                <button type="submit" data-check-submit>"Check"</button>
                <span class="hint">" or Ctrl+Enter"</span>
            </form>
            <div role="status" aria-live="polite" aria-atomic="true" class="verdict-region">
                {move || result.get().map(|r| view! { <VerdictLine result=r/> })}
            </div>
            {move || result.get().map(|r| view! { <CheckDetail result=r/> })}
        </section>
    }
}

#[component]
fn VerdictLine(result: CheckResult) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let (kind, text) = match (&result.verdict, &result.best) {
        (Verdict::Exact, Some(m)) => ("exact", format!("Exact: the quote is in {}.", place(corpus, m))),
        (Verdict::Differs(n), Some(m)) => (
            "differs",
            format!("Matches with {n} {} different: {}.", if *n == 1 { "word" } else { "words" }, place(corpus, m)),
        ),
        _ => ("not-found", "Not found in this corpus.".to_string()),
    };
    view! {
        <p class="verdict" data-verdict=kind>
            <strong>{text}</strong>
            {(result.cut_chars > 0).then(|| format!(
                " Only the first {} characters were checked; {} more were not.",
                result.checked.chars().count(), result.cut_chars
            ))}
        </p>
    }
}

fn place(corpus: &lectern_engine::Corpus, m: &SpanMatch) -> String {
    format!("“{}”, ¶{}", corpus.documents()[m.doc].meta.title, m.passage)
}

#[component]
fn CheckDetail(result: CheckResult) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let tray = expect_context::<Tray>();
    let nav = expect_context::<Navigator>();
    let best = result.best.clone().map(|m| {
        let doc = &corpus.documents()[m.doc];
        let source = doc.passages[m.passage - 1][m.span.clone()].to_string();
        let source_item = Item::Passage { id: doc.id.clone(), passage: m.passage, span: Some((m.span.start, m.span.end)) };
        let pasted_item = Item::Text(result.checked.clone());
        let compare = move |_| {
            tray.add(pasted_item.clone());
            tray.add(source_item.clone());
            nav.go(tray.route(), false);
        };
        view! {
            <DiffLegend/>
            <ol class="columns" data-columns>
                <li class="column" data-column="0">
                    <header class="column-head"><h2>"Pasted"</h2></header>
                    <blockquote class="column-text" data-quote-text>
                        <Diffed text=result.checked.clone() alignment=Some(m.alignment.clone()) side=Side::Left/>
                    </blockquote>
                </li>
                <li class="column" data-column="1">
                    <header class="column-head">
                        <h2>"In the corpus"</h2>
                        <p class="column-source">
                            <a href=Route::passage(&doc.id, m.passage).to_hash() data-doc-id=doc.id.clone() data-passage=m.passage>
                                {format!("{}, ¶{}", doc.meta.title, m.passage)}
                            </a>
                        </p>
                        <p class="similarity">{format!("{:.0}% similar", m.alignment.similarity * 100.0)}</p>
                    </header>
                    <blockquote class="column-text" data-quote-text>
                        <Diffed text=source alignment=Some(m.alignment.clone()) side=Side::Right/>
                    </blockquote>
                </li>
            </ol>
            <p><button type="button" on:click=compare>"Add both to the comparison"</button></p>
        }
    });
    let nearest = (!result.nearest.is_empty()).then(|| {
        view! {
            <h2>{if result.best.is_some() { "Other candidates" } else { "Nearest passages" }}</h2>
            <ul class="nearest">
                {result.nearest.iter().take(5).map(|m| {
                    let doc = &corpus.documents()[m.doc];
                    view! {
                        <li>
                            <a href=Route::passage(&doc.id, m.passage).to_hash() data-doc-id=doc.id.clone() data-passage=m.passage>
                                {format!("{}, ¶{}", doc.meta.title, m.passage)}
                            </a>
                            {format!(" — {:.0}% of the pasted words found", m.found * 100.0)}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    });
    view! { {best} {nearest} }
}
