//! The selection bar: select text inside a paragraph of the reader, and a bar offers to add the
//! selection to the comparison, to check it as a quote, or to cite it. The selection is kept as
//! a byte span of the passage and goes to the comparison as its quote selector, so the
//! comparison links to exactly those words, and finds them again after the corpus is edited.
//! The bar itself is in the main wasm; what it offers loads on the first selection.

use leptos::prelude::*;
use lectern_engine::Document;
use wasm_bindgen::JsCast;

use crate::hash::{History, Navigator};
use crate::route::Route;
use crate::tray::Tray;

/// A selection inside one passage: its ¶, byte span and text.
#[derive(Clone, Debug, PartialEq)]
pub struct Selected {
    passage: usize,
    span: (usize, usize),
    text: String,
}

#[component]
pub fn SelectionBar(doc: &'static Document) -> impl IntoView {
    let selected = RwSignal::new(None::<Selected>);
    let added = RwSignal::new(false);
    let citing = RwSignal::new(false);
    // `selectionchange` fires on the document and does not bubble to the window.
    let listener = gloo_events::EventListener::new(&document(), "selectionchange", move |_| {
        let now = current_selection(doc);
        if now.is_some() || !bar_has_focus() {
            if selected.get_untracked() != now {
                added.set(false);
                citing.set(false);
            }
            selected.set(now);
        }
    });
    let listener = send_wrapper::SendWrapper::new(listener);
    on_cleanup(move || drop(listener));

    // Closing drops the selection too (or the next change of it would bring the bar back), and
    // puts focus back on the ¶ the selection was in, where a keyboard user left off.
    let close = move || {
        let passage = selected.get_untracked().map(|s| s.passage);
        if let Ok(Some(selection)) = window().get_selection() {
            let _ = selection.remove_all_ranges();
        }
        selected.set(None);
        if let Some(n) = passage {
            crate::embed::focus_in_place_at(&format!("#p-{n}"));
        }
    };

    // The bar is here at once; what it offers loads on the first selection (`later::selection_tools`).
    move || {
        selected.get().map(|s| view! {
            <div class="selection-bar" role="region" aria-label="Selected text" data-selection-bar
                on:keydown=move |ev| if ev.key() == "Escape" { close() }>
                {crate::later::selection_tools(doc, s, added, citing)}
                <button type="button" class="selection-close" aria-label="Close" title="Close (Esc)" data-selection-close
                    on:click=move |_| close()>"×"</button>
            </div>
        })
    }
}

/// What the bar offers for the selection `s`: compare, check, the reading tools for a short
/// phrase, its quote link, and Cite.
#[component]
pub fn SelectionTools(doc: &'static Document, s: Selected, added: RwSignal<bool>, citing: RwSignal<bool>) -> impl IntoView {
    let tray = expect_context::<Tray>();
    let nav = expect_context::<Navigator>();
    let item = super::quote::compare_item(&doc.id, s.passage, Some(s.span));
    let check = Route::Check { text: s.text.clone() }.to_hash();
    let preview: String = s.text.chars().take(60).collect();
    let ellipsis = if s.text.chars().count() > 60 { "…" } else { "" };
    view! {
        <span class="selection-preview">{format!("“{preview}{ellipsis}” (¶{})", s.passage)}</span>
        {move || if added.get() {
            view! { <a href=tray.route().to_hash() data-compare-now>"Added. Compare now"</a> }.into_any()
        } else {
            let item = item.clone();
            view! {
                <button type="button" data-compare-selection on:click=move |_| {
                    tray.add(item.clone());
                    added.set(true);
                    // The button gives way to the link: focus goes with it, not to the page.
                    request_animation_frame(|| {
                        crate::embed::focus_in_place_at("[data-compare-now]");
                    });
                }>"Compare selection"</button>
            }.into_any()
        }}
        <a href=check.clone() on:click={
            let text = s.text.clone();
            move |_| nav.go(Route::Check { text: text.clone() }, History::Push)
        }>"Check selection"</a>
        {(s.text.split_whitespace().count() <= 4).then(|| {
            // A word or a short phrase: where else it is used, and how often.
            let words = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
            view! {
                <a href=Route::kwic(words.clone()).to_hash() data-selection-kwic>"Concordance"</a>
                <a href=Route::trends(words).to_hash() data-selection-trends>"Trends"</a>
            }
        })}
        {super::quote::selection_quote_href(&doc.id, s.passage, s.span).map(|href| view! { <a href=href data-quote-link>"Quote link"</a> })}
        <button type="button" data-cite-selection aria-expanded=move || citing.get().to_string()
            on:click=move |_| citing.update(|c| *c = !*c)>"Cite"</button>
        {move || citing.get().then(|| view! {
            <div class="selection-cite" data-selection-cite>
                {crate::later::cite_fields(doc, s.passage, s.text.clone())}
            </div>
        })}
    }
}

/// Whether focus is in the bar itself (clicking a button there clears the selection, which must
/// not hide the bar before the click lands).
fn bar_has_focus() -> bool {
    document()
        .active_element()
        .and_then(|e| e.closest("[data-selection-bar]").ok().flatten())
        .is_some()
}

/// The current selection when it lies inside one passage of `doc`'s reader.
fn current_selection(doc: &Document) -> Option<Selected> {
    let selection = document().get_selection().ok().flatten()?;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let holder = |node: web_sys::Node| -> Option<web_sys::Element> {
        let element = match node.dyn_into::<web_sys::Element>() {
            Ok(e) => e,
            Err(node) => node.parent_element()?,
        };
        element.closest("[data-passage-text]").ok().flatten()
    };
    let start_p = holder(range.start_container().ok()?)?;
    let end_p = holder(range.end_container().ok()?)?;
    if start_p != end_p {
        return None;
    }
    let passage: usize = start_p.get_attribute("data-passage-text")?.parse().ok()?;
    let text = doc.passage(passage)?;
    // UTF-16 offsets from the start of the paragraph, as the DOM counts them.
    let before = document().create_range().ok()?;
    before.select_node_contents(&start_p).ok()?;
    before.set_end(&range.start_container().ok()?, range.start_offset().ok()?).ok()?;
    let start16 = String::from(before.to_string()).encode_utf16().count();
    let len16 = String::from(range.to_string()).encode_utf16().count();
    let (start, end) = (byte_at(text, start16)?, byte_at(text, start16 + len16)?);
    let trimmed_start = start + (text[start..end].len() - text[start..end].trim_start().len());
    let trimmed_end = start + text[start..end].trim_end().len();
    (trimmed_start < trimmed_end).then(|| Selected {
        passage,
        span: (trimmed_start, trimmed_end),
        text: text[trimmed_start..trimmed_end].to_string(),
    })
}

/// The byte offset in `text` of the UTF-16 offset `u16_offset`.
fn byte_at(text: &str, u16_offset: usize) -> Option<usize> {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= u16_offset {
            return Some(i);
        }
        units += c.len_utf16();
    }
    (units >= u16_offset).then_some(text.len())
}
