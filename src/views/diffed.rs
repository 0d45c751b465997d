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
/// `only` names what words found on this side alone are ("only in the corpus").
#[component]
pub fn Diffed(
    text: String,
    alignment: Option<Alignment>,
    side: Side,
    #[prop(into, default = "only in this quote".to_string())] only: String,
) -> impl IntoView {
    let mut pieces: Vec<(String, Option<(Change, bool)>)> = Vec::new();
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
        // The quoter's mark (an ellipsis, bracketed words) is on the side whose range holds
        // no other words; the other side shows what it stands for.
        let marks_here = match segment.change {
            Change::Elided | Change::Bracketed => {
                let other = if side == Side::Left { &segment.right } else { &segment.left };
                let mine = &text[range.clone()];
                other.is_empty() || lectern_engine::align::has_marks(mine)
            }
            _ => false,
        };
        pieces.push((text[range.clone()].to_string(), change.map(|c| (c, marks_here))));
        at = range.end;
    }
    if at < text.len() {
        pieces.push((text[at..].to_string(), None));
    }
    pieces
        .into_iter()
        .map(|(piece, change)| match change {
            None => piece.into_any(),
            Some((change, marks_here)) => {
                let (class, label) = match change {
                    Change::Minor => ("w-minor", "punctuation, case or accents differ"),
                    Change::Changed => ("w-changed", "changed"),
                    Change::Elided if marks_here => ("w-mark", "omission marked by the quoter"),
                    Change::Elided => ("w-left-out", "left out by the quoter"),
                    Change::Bracketed if marks_here => ("w-mark", "added by the quoter in brackets"),
                    Change::Bracketed => ("w-left-out", "replaced by the quoter’s bracketed words"),
                    Change::Same | Change::OnlyLeft | Change::OnlyRight => ("w-only", only.as_str()),
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

/// A quote and the corpus text it is set against, side by side, each with the differences of
/// `alignment` marked; `left` and `right` are (heading, what the side is: "the pasted quote").
/// `children` add to the right column's head (its source, similarity, links).
#[component]
pub fn SideBySide(
    left: (&'static str, &'static str),
    right: (&'static str, &'static str),
    left_text: String,
    right_text: String,
    alignment: Alignment,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <DiffLegend sides=(left.1, right.1)/>
        <ol class="columns" data-columns>
            <li class="column" data-column="0">
                <header class="column-head"><h2>{left.0}</h2></header>
                <blockquote class="column-text" data-quote-text>
                    <Diffed text=left_text alignment=Some(alignment.clone()) side=Side::Left only=format!("only in {}", left.1)/>
                </blockquote>
            </li>
            <li class="column" data-column="1">
                <header class="column-head">
                    <h2>{right.0}</h2>
                    {children.map(|c| c())}
                </header>
                <blockquote class="column-text" data-quote-text>
                    <Diffed text=right_text alignment=Some(alignment) side=Side::Right only=format!("only in {}", right.1)/>
                </blockquote>
            </li>
        </ol>
    }
}

/// The legend for the marks, shown once above the columns. `sides` names the two texts when
/// words found in one alone are told apart ("the pasted quote", "the corpus").
#[component]
pub fn DiffLegend(#[prop(optional)] sides: Option<(&'static str, &'static str)>) -> impl IntoView {
    view! {
        <p class="diff-legend" aria-hidden="true" data-diff-legend>
            <mark class="w-changed">"changed"</mark>
            {match sides {
                Some((left, right)) => view! {
                    <mark class="w-only">{format!("only in {left}")}</mark>
                    <mark class="w-only">{format!("only in {right}")}</mark>
                }.into_any(),
                None => view! { <mark class="w-only">"only in this quote"</mark> }.into_any(),
            }}
            <mark class="w-minor">"punctuation, case or accents only"</mark>
            <mark class="w-mark">"the quoter’s … or [ ]"</mark>
            <mark class="w-left-out">"left out or replaced by the quoter"</mark>
        </p>
    }
}
