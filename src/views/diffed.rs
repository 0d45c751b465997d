//! One column of a comparison: its text with each word marked by how it differs from the other
//! quote. Marks carry a pattern and a hidden label as well as a colour, so the difference reads
//! without colour and with a screen reader.

use leptos::prelude::*;
use lectern_engine::align::{Alignment, Change};

/// Which side of an alignment a column shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// `text` (one side of `alignment`, or unmarked when there is none) with its differences marked.
#[component]
pub fn Diffed(text: String, alignment: Option<Alignment>, side: Side) -> impl IntoView {
    let mut pieces: Vec<(String, Option<Change>)> = Vec::new();
    let mut at = 0;
    for segment in alignment.iter().flat_map(|a| a.segments.iter()) {
        let range = if side == Side::Left { segment.left.clone() } else { segment.right.clone() };
        if range.is_empty() || range.start < at || range.end > text.len() {
            continue;
        }
        if range.start > at {
            pieces.push((text[at..range.start].to_string(), None));
        }
        let change = (segment.change != Change::Same).then_some(segment.change);
        pieces.push((text[range.clone()].to_string(), change));
        at = range.end;
    }
    if at < text.len() {
        pieces.push((text[at..].to_string(), None));
    }
    pieces
        .into_iter()
        .map(|(piece, change)| match change {
            None => piece.into_any(),
            Some(change) => {
                let (class, label) = match change {
                    Change::Minor => ("w-minor", "punctuation or case differs"),
                    Change::Changed => ("w-changed", "changed"),
                    _ => ("w-only", "only in this quote"),
                };
                view! {
                    <mark class=class data-change=class>
                        {piece}
                        <span class="visually-hidden">{format!(" ({label})")}</span>
                    </mark>
                }
                .into_any()
            }
        })
        .collect_view()
}

/// The legend for the marks, shown once above the columns.
#[component]
pub fn DiffLegend() -> impl IntoView {
    view! {
        <p class="diff-legend" aria-hidden="true" data-diff-legend>
            <mark class="w-changed">"changed"</mark>
            <mark class="w-only">"only in this quote"</mark>
            <mark class="w-minor">"punctuation or case only"</mark>
        </p>
    }
}
