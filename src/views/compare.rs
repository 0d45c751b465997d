//! Quotes side by side: each collected quote in a column with its source, aligned word by word
//! against the first, with a similarity figure. Columns can be removed and reordered; the
//! comparison lives in the URL, so its link reproduces it. A toggle compares strictly
//! (punctuation and case count as changes), also in the URL (`strict=1`).
//!
//! Quotes travel as quote selectors ([`Item::Quote`]): each is found again in this version of
//! the corpus by [`anchor`], its column showing the text there now and the verdict above it
//! (`data-anchor`), or, when it is not there or nothing decides where, the quote as linked.
//!
//! The view shows what the URL holds. When that is not the reader's own comparison (a shared
//! link, "Side by side" from Similar), the tray is left untouched and the view offers "Add to my
//! comparison" and "Replace mine"; edits to the reader's own comparison are saved to the tray.

use leptos::prelude::*;
use lectern_engine::align::{align_with_first, Alignment, Matching};
use lectern_engine::anchor::{anchor, found_at, quoted_text, AnchorOptions, Verdict};
use lectern_engine::check::{negations_between, Marked, Negation};
use lectern_engine::index::Index;
use lectern_engine::Corpus;

use super::cite::Cite;
use super::diffed::{DiffLegend, Diffed, Side};
use super::quote::{current_version, verdict_text};
use super::words::percent;
use crate::app::{Library, SearchIndex};
use crate::hash::{History, Navigator};
use crate::route::{Item, Route};
use crate::tray::Tray;

/// A collected item made readable: its text and, for corpus quotes, where it is in this corpus;
/// for a quote selector, also what anchoring it in this version of the corpus found.
#[derive(Clone)]
pub(super) struct Resolved {
    pub item: Item,
    /// The text to compare: the corpus text where the quote is now, or (not found, ambiguous)
    /// the quote as linked; `None` while a selector waits for the index, or when a `p:` item's
    /// ¶ is gone.
    pub text: Option<String>,
    /// (document id, ¶) for quotes found in the corpus.
    pub source: Option<(String, usize)>,
    /// For a quote selector once anchored: what became of it.
    pub verdict: Option<Verdict>,
}

/// Resolves `item` in this corpus; a quote selector is anchored by [`anchor`] once `index` is
/// there (the compare view and the export share this).
pub(super) fn resolve(corpus: &'static Corpus, index: Option<&Index>, item: Item) -> Resolved {
    match &item {
        Item::Quote(s) => {
            let Some(index) = index else { return Resolved { text: None, source: None, verdict: None, item } };
            let verdict = anchor(corpus, index, s, &current_version(), &AnchorOptions::default());
            let (text, source) = match found_at(corpus, &verdict) {
                Some((at, text)) => (text, Some((corpus.documents()[at.doc].id.clone(), at.first_passage()))),
                None => (quoted_text(s), None),
            };
            Resolved { text: Some(text), source, verdict: Some(verdict), item }
        }
        Item::Passage { id, passage, span } => Resolved {
            text: corpus.excerpt(id, *passage, *span).map(str::to_string),
            source: corpus.document(id).map(|d| (d.id.clone(), *passage)),
            verdict: None,
            item,
        },
        Item::Text(text) => Resolved { text: Some(cut(text)), source: None, verdict: None, item },
    }
}

#[component]
pub fn Compare(items: Memo<Vec<Item>>) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let nav = expect_context::<Navigator>();
    let tray = expect_context::<Tray>();
    // Strict matching is in the route, so the comparison's link reproduces it.
    let route = nav.route();
    let strict = move || route.with(|r| matches!(r, Route::Compare { strict: true, .. }));
    let mine = tray.items();
    let is_mine = Memo::new(move |_| mine.with(|m| items.with(|i| m == i)));

    let SearchIndex(index) = expect_context::<SearchIndex>();
    // It reruns only when the items or the index change, and then its value is new: comparing
    // it with the last one (verdicts, alignments) would only cost code and time.
    let resolved = Memo::new_with_compare(
        move |_| {
            let index = index.get();
            items.get().into_iter().map(|item| resolve(corpus, index, item)).collect::<Vec<_>>()
        },
        |_, _| true,
    );
    let change = move |f: Box<dyn Fn(&mut Vec<Item>)>| {
        let mut next = items.get_untracked();
        f(&mut next);
        if is_mine.get_untracked() {
            tray.set(next.clone());
        }
        nav.go(Route::Compare { items: next, strict: strict() }, History::Replace);
    };

    view! {
        <section class="compare" data-view="compare" aria-labelledby="compare-title">
            <h1 id="compare-title" tabindex="-1">"Compare quotes"</h1>
            {move || match resolved.get().len() {
                0 => view! {
                    <p class="summary">
                        "Nothing to compare yet. In a document, use “Compare” under a paragraph or on selected text, or "
                        <a href=Route::quotes().to_hash()>"pick from the quotes found"</a>
                        ", or "<a href=Route::Check { text: String::new() }.to_hash()>"check a quote"</a>" from elsewhere."
                    </p>
                }.into_any(),
                1 => view! { <p class="summary">"Add one more quote to see them side by side."</p> }.into_any(),
                n => view! { <p class="summary">{format!("{n} quotes, each compared word by word with the first.")}</p> }.into_any(),
            }}
            {move || (!is_mine.get() && items.with(|i| !i.is_empty())).then(|| {
                let yours = match mine.with(Vec::len) {
                    0 => "Your own comparison is empty.".to_string(),
                    1 => "Your own comparison has 1 quote.".to_string(),
                    n => format!("Your own comparison has {n} quotes."),
                };
                view! {
                    <div class="tray-offer" role="group" aria-label="This comparison and yours" data-tray-offer>
                        <p>"This is a shared comparison, not yours. " {yours} " It stays as it is unless you choose:"</p>
                        <button type="button" data-tray-add on:click=move |_| {
                            tray.add_all(items.get_untracked());
                            nav.go(tray.route(), History::Replace);
                        }>"Add to my comparison"</button>
                        <button type="button" data-tray-replace on:click=move |_| {
                            tray.set(items.get_untracked());
                            focus_title();
                        }>"Replace mine"</button>
                    </div>
                }
            })}
            <div class="compare-tools">
                <label class="toggle">
                    <input type="checkbox" data-strict prop:checked=strict
                        on:change=move |ev| nav.go(Route::Compare { items: items.get_untracked(), strict: event_target_checked(&ev) }, History::Replace)/>
                    " Strict: count punctuation and case as changes"
                </label>
                <DiffLegend/>
            </div>
            <super::export::Export items=items/>
            <ol class="columns" data-columns>
                {move || {
                    let all = resolved.get();
                    let texts: Vec<Option<&str>> = all.iter().map(|r| r.text.as_deref()).collect();
                    let matching = if strict() { Matching::Strict } else { Matching::Lenient };
                    let alignments = align_with_first(&texts, matching);
                    // Each quote's negations against quote 1: "100% similar" must not hide that
                    // one quote's ellipsis leaves out the other's "never".
                    let negations: Vec<Vec<Negation>> = alignments
                        .iter()
                        .zip(&texts)
                        .enumerate()
                        .map(|(i, (alignment, text))| match (i, alignment, texts[0], text) {
                            (1.., Some(a), Some(first), Some(text)) => negations_between(first, text, a),
                            _ => Vec::new(),
                        })
                        .collect();
                    let count = all.len();
                    all.into_iter()
                        .zip(alignments.into_iter().zip(negations))
                        .enumerate()
                        .map(|(i, (r, (alignment, negations)))| view! {
                            <Column i=i count=count r=r alignment=alignment negations=negations change=change/>
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}

/// One quote of the comparison: its source, its similarity to quote 1, its text with the
/// differences marked, its citation, and buttons to move or remove it (through `change`).
#[component]
fn Column(
    i: usize,
    count: usize,
    r: Resolved,
    alignment: Option<Alignment>,
    negations: Vec<Negation>,
    change: impl Fn(Box<dyn Fn(&mut Vec<Item>)>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let similarity = (i > 0).then(|| alignment.as_ref().map(|a| a.similarity)).flatten();
    let side = if i == 0 { Side::Left } else { Side::Right };
    view! {
        <li class="column" data-column=i data-anchor=r.verdict.as_ref().map(Verdict::kind)>
            <header class="column-head">
                <h2 tabindex="-1">{format!("Quote {}", i + 1)}</h2>
                {column_source(corpus, &r)}
                {anchored(&r)}
                {similarity.map(|s| view! {
                    <p class="similarity" data-similarity=percent(s).to_string()>
                        {format!("{}% similar to quote 1", percent(s))}
                    </p>
                })}
                {negation_warning(&negations)}
            </header>
            {match r.text.clone() {
                Some(text) => view! {
                    <blockquote class="column-text" data-quote-text>
                        <Diffed text=text alignment=alignment side=side/>
                    </blockquote>
                }.into_any(),
                None if matches!(r.item, Item::Quote(_)) => view! { <p class="missing">"Finding the quote in this corpus…"</p> }.into_any(),
                None => view! { <p class="missing">"This quote’s source is no longer in the corpus."</p> }.into_any(),
            }}
            {cite_for(corpus, &r)}
            <div class="column-actions">
                <button type="button" disabled=i == 0 aria-label=format!("Move quote {} earlier", i + 1) data-move="earlier"
                    on:click=move |_| {
                        change(Box::new(move |v| v.swap(i - 1, i)));
                        focus_moved(i - 1, count, false);
                    }>"← Earlier"</button>
                <button type="button" disabled=i + 1 == count aria-label=format!("Move quote {} later", i + 1) data-move="later"
                    on:click=move |_| {
                        change(Box::new(move |v| v.swap(i, i + 1)));
                        focus_moved(i + 1, count, true);
                    }>"Later →"</button>
                <button type="button" data-remove aria-label=format!("Remove quote {}", i + 1)
                    on:click=move |_| {
                        change(Box::new(move |v| { v.remove(i); }));
                        // The quote that takes its place, or the last one, or the view's title.
                        match count {
                            1 => focus_title(),
                            _ => focus_when_shown(format!("[data-column=\"{}\"] h2", i.min(count - 2))),
                        }
                    }>"Remove"</button>
            </div>
        </li>
    }
}

/// A negation that this quote and quote 1 differ by, said apart from the similarity figure:
/// the two may say opposite things however alike their words, also where a quoter's ellipsis
/// or brackets hide it.
fn negation_warning(found: &[Negation]) -> Option<impl IntoView> {
    (!found.is_empty()).then(|| {
        let parts = super::check::negation_list(found, |n| match (n.at, n.in_right) {
            (Marked::No, true) => "is in this quote but not in quote 1",
            (Marked::No, false) => "is in quote 1 but not in this quote",
            (Marked::Omission, true) => "is in this quote, where quote 1 has an ellipsis",
            (Marked::Omission, false) => "is in quote 1, where this quote has an ellipsis",
            (Marked::Brackets, true) => "is in this quote but not in quote 1, where one of them has words in square brackets",
            (Marked::Brackets, false) => "is in quote 1 but not in this quote, where one of them has words in square brackets",
        });
        view! {
            <p class="verdict-warning" data-compare-negation>
                {format!("A negation differs from quote 1: {parts}. The two may say opposite things.")}
            </p>
        }
    })
}

/// The offer's buttons vanish once chosen: focus goes to the view's title, not to the page's
/// start (and without scrolling, so an embed does not move its host).
fn focus_title() {
    crate::embed::focus_in_place_at("#compare-title");
}

/// Focus follows a moved quote to its new place `to` (of `count`), onto the same move if it can
/// go on, or else the other: pressing again moves it further, not another quote back.
fn focus_moved(to: usize, count: usize, later: bool) {
    let goes_on = if later { to + 1 < count } else { to > 0 };
    let way = if later == goes_on { "later" } else { "earlier" };
    focus_when_shown(format!("[data-column=\"{to}\"] [data-move=\"{way}\"]"));
}

/// Focuses, without scrolling, the element `selector` names once the columns are drawn again.
fn focus_when_shown(selector: String) {
    request_animation_frame(move || {
        crate::embed::focus_in_place_at(&selector);
    });
}

/// Pasted text in a comparison is cut where "check a quote" cuts it: a shared link with huge
/// texts must not freeze the page in the word diff.
fn cut(text: &str) -> String {
    match lectern_engine::check::cut(text, lectern_engine::check::CheckOptions::default().max_chars) {
        (kept, 0) => kept.to_string(),
        (kept, _) => format!("{kept}…"),
    }
}

fn column_source(corpus: &'static Corpus, r: &Resolved) -> impl IntoView {
    let title = |id: &str| corpus.document(id).map(|d| d.meta.title.clone()).unwrap_or_default();
    match (&r.source, &r.item) {
        (Some((id, passage)), _) => view! {
            <p class="column-source">
                <a href=Route::passage(id, *passage).to_hash() data-doc-id=id.clone() data-passage=*passage>
                    {format!("{}, ¶{passage}", title(id))}
                </a>
            </p>
        }
        .into_any(),
        (None, Item::Passage { id, .. }) => view! { <p class="column-source">{format!("Unknown document “{id}”")}</p> }.into_any(),
        (None, Item::Text(_)) => view! { <p class="column-source">"Pasted text (not from the corpus)"</p> }.into_any(),
        (None, Item::Quote(_)) => ().into_any(),
    }
}

/// For a quote selector: the verdict of anchoring it in this corpus, in the words of the quote
/// link view, with a link to that view (which lists every place, or the nearest passages).
fn anchored(r: &Resolved) -> Option<impl IntoView> {
    let (Item::Quote(s), Some(verdict)) = (&r.item, &r.verdict) else { return None };
    Some(view! {
        <p class="column-verdict" data-column-verdict=verdict.kind()>
            {verdict_text(None, verdict)} " · "
            <a href=Route::Quote(s.clone()).to_hash() data-column-quote-link>"Quote link"</a>
        </p>
    })
}

fn cite_for(corpus: &'static Corpus, r: &Resolved) -> Option<impl IntoView> {
    let (id, passage) = r.source.clone()?;
    let doc = corpus.document(&id)?;
    let text = r.text.clone()?;
    Some(view! { <Cite doc=doc passage=passage quote=text/> })
}
