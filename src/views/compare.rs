//! Quotes side by side: each collected quote in a column with its source, aligned word by word
//! against the first, with a similarity figure. Columns can be removed and reordered; the
//! comparison lives in the URL, so its link reproduces it. A toggle compares strictly
//! (punctuation and case count as changes).

use leptos::prelude::*;
use lectern_engine::align::align;

use super::cite::Cite;
use super::diffed::{DiffLegend, Diffed, Side};
use crate::app::Library;
use crate::hash::Navigator;
use crate::route::{Item, Route};
use crate::tray::Tray;

/// A collected item made readable: its text and, for corpus quotes, where it comes from.
#[derive(Clone, PartialEq)]
struct Resolved {
    item: Item,
    text: Option<String>,
    /// (document id, title, ¶) for quotes from the corpus.
    source: Option<(String, String, usize)>,
}

#[component]
pub fn Compare(items: Memo<Vec<Item>>) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let nav = expect_context::<Navigator>();
    let tray = expect_context::<Tray>();
    let strict = RwSignal::new(false);
    // The URL is the outside world here: a comparison opened from a link becomes the tray.
    Effect::new(move |_| tray.set(items.get()));

    let resolved = Memo::new(move |_| {
        items
            .get()
            .into_iter()
            .map(|item| match &item {
                Item::Passage { id, passage, span } => Resolved {
                    text: corpus.excerpt(id, *passage, *span).map(str::to_string),
                    source: corpus.document(id).map(|d| (d.id.clone(), d.meta.title.clone(), *passage)),
                    item,
                },
                Item::Text(text) => Resolved { text: Some(cut(text)), source: None, item },
            })
            .collect::<Vec<_>>()
    });
    let change = move |f: Box<dyn Fn(&mut Vec<Item>)>| {
        let mut next = items.get_untracked();
        f(&mut next);
        nav.go(Route::Compare { items: next }, true);
    };

    view! {
        <section class="compare" data-view="compare" aria-labelledby="compare-title">
            <h1 id="compare-title" tabindex="-1">"Compare quotes"</h1>
            {move || match resolved.get().len() {
                0 => view! {
                    <p class="summary">
                        "Nothing to compare yet. In a document, use “Compare” under a paragraph or on selected text, or "
                        <a href=Route::Quotes.to_hash()>"pick from the quotes found"</a>
                        ", or "<a href=Route::Check { text: String::new() }.to_hash()>"check a quote"</a>" from elsewhere."
                    </p>
                }.into_any(),
                1 => view! { <p class="summary">"Add one more quote to see them side by side."</p> }.into_any(),
                n => view! { <p class="summary">{format!("{n} quotes, each compared word by word with the first.")}</p> }.into_any(),
            }}
            <div class="compare-tools">
                <label class="toggle">
                    <input type="checkbox" data-strict prop:checked=strict on:change=move |ev| strict.set(event_target_checked(&ev))/>
                    " Strict: count punctuation and case as changes"
                </label>
                <DiffLegend/>
            </div>
            <super::export::Export items=items/>
            <ol class="columns" data-columns>
                {move || {
                    let all = resolved.get();
                    let count = all.len();
                    let base = all.first().and_then(|r| r.text.clone());
                    let strict = strict.get();
                    all.into_iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let alignment = match (&base, &r.text) {
                                (Some(b), Some(t)) if i > 0 => Some(align(b, t, strict)),
                                (Some(b), Some(_)) if i == 0 && count == 2 => {
                                    resolved.get_untracked()[1].text.as_ref().map(|other| align(b, other, strict))
                                }
                                _ => None,
                            };
                            let similarity = (i > 0).then(|| alignment.as_ref().map(|a| a.similarity)).flatten();
                            let side = if i == 0 { Side::Left } else { Side::Right };
                            view! {
                                <li class="column" data-column=i>
                                    <header class="column-head">
                                        <h2>{format!("Quote {}", i + 1)}</h2>
                                        {column_source(&r)}
                                        {similarity.map(|s| view! {
                                            <p class="similarity" data-similarity=format!("{:.0}", s * 100.0)>
                                                {format!("{:.0}% similar to quote 1", s * 100.0)}
                                            </p>
                                        })}
                                    </header>
                                    {match r.text.clone() {
                                        Some(text) => view! {
                                            <blockquote class="column-text" data-quote-text>
                                                <Diffed text=text alignment=alignment side=side/>
                                            </blockquote>
                                        }.into_any(),
                                        None => view! { <p class="missing">"This quote’s source is no longer in the corpus."</p> }.into_any(),
                                    }}
                                    {cite_for(corpus, &r)}
                                    <div class="column-actions">
                                        <button type="button" disabled=i == 0 aria-label=format!("Move quote {} earlier", i + 1)
                                            on:click=move |_| change(Box::new(move |v| v.swap(i - 1, i)))>"← Earlier"</button>
                                        <button type="button" disabled=i + 1 == count aria-label=format!("Move quote {} later", i + 1)
                                            on:click=move |_| change(Box::new(move |v| v.swap(i, i + 1)))>"Later →"</button>
                                        <button type="button" data-remove aria-label=format!("Remove quote {}", i + 1)
                                            on:click=move |_| change(Box::new(move |v| { v.remove(i); }))>"Remove"</button>
                                    </div>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}

/// Pasted text in a comparison is cut where "check a quote" cuts it: a shared link with huge
/// texts must not freeze the page in the word diff.
fn cut(text: &str) -> String {
    let limit = lectern_engine::check::CheckOptions::default().max_chars;
    match text.char_indices().nth(limit) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

fn column_source(r: &Resolved) -> impl IntoView {
    match (&r.source, &r.item) {
        (Some((id, title, passage)), _) => view! {
            <p class="column-source">
                <a href=Route::passage(id, *passage).to_hash() data-doc-id=id.clone() data-passage=*passage>
                    {format!("{title}, ¶{passage}")}
                </a>
            </p>
        }
        .into_any(),
        (None, Item::Passage { id, .. }) => view! { <p class="column-source">{format!("Unknown document “{id}”")}</p> }.into_any(),
        (None, Item::Text(_)) => view! { <p class="column-source">"Pasted text (not from the corpus)"</p> }.into_any(),
    }
}

fn cite_for(corpus: &'static lectern_engine::Corpus, r: &Resolved) -> Option<impl IntoView> {
    let (id, _, passage) = r.source.clone()?;
    let doc = corpus.document(&id)?;
    let text = r.text.clone()?;
    Some(view! { <Cite doc=doc passage=passage quote=text/> })
}
