//! "Check a quote": paste a quote printed elsewhere; Lectern finds the best matching span in the
//! corpus (across a paragraph break when the quote runs over one) and shows pasted and source
//! side by side, with a verdict and how similar they are: exact (in one place or in N, listed),
//! matches with N words different, or not found as quoted (with the closest passages). The
//! quoter's marked omissions and bracketed insertions are reported apart. A paste is checked at
//! once. Long pastes are cut, and the view says how much; a paste short enough lives in the
//! URL, so a check can be shared.

use leptos::prelude::*;
use lectern_engine::align::Alignment;
use lectern_engine::check::{check_quote, context, negated_nearby, negations, CheckOptions, CheckResult, Context, Marked, Negation, SpanMatch, Verdict};
use lectern_engine::Corpus;

use super::diffed::SideBySide;
use super::words::{percent, plural};
use crate::app::{Library, SearchIndex};
use crate::hash::{History, Navigator};
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
    // A paste too long for the address empties it; that must not empty the box.
    let long_paste = StoredValue::new(false);
    let input_ref = NodeRef::<leptos::html::Textarea>::new();
    // A check opened from a link (or by back/forward) shows that text; an empty one (the
    // header's "Check a quote" from a check) starts afresh, the cursor in the box.
    Effect::new(move |first: Option<()>| {
        let t = text.get();
        if t.is_empty() && (first.is_none() || std::mem::take(&mut *long_paste.write_value())) {
            return;
        }
        let fresh = t.is_empty();
        draft.set(t.clone());
        submitted.set(t);
        if fresh {
            focus_box(input_ref.get_untracked());
        }
    });
    let result = Memo::new(move |_| {
        let index = index.get()?;
        let pasted = submitted.get();
        (!pasted.trim().is_empty()).then(|| check_quote(corpus, index, &pasted, &CheckOptions::default()))
    });
    // Checks what is in the box; a paste short enough goes into the URL so it can be shared.
    let run = move || {
        let pasted = draft.get_untracked();
        // A long paste stays out of the address, which then must not keep an older quote.
        let in_url = if pasted.chars().count() <= MAX_CHARS_IN_URL { pasted.clone() } else { String::new() };
        long_paste.set_value(in_url.is_empty() && !text.get_untracked().is_empty());
        nav.go(Route::Check { text: in_url }, History::Replace);
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
    // A paste is checked as soon as it lands in the box (the input event that follows it).
    let pasting = RwSignal::new(false);
    let on_input = move |ev: leptos::ev::Event| {
        draft.set(event_target_value(&ev));
        if pasting.get_untracked() {
            pasting.set(false);
            run();
        }
    };
    // Arriving with nothing to check, the box has focus, ready for a paste.
    if text.get_untracked().is_empty() {
        request_animation_frame(move || {
            // The view may be gone by the next frame (the reader moved on): then there is nothing to focus.
            focus_box(input_ref.try_get_untracked().flatten());
        });
    }

    view! {
        <section class="check" data-view="check" aria-labelledby="check-title">
            <h1 id="check-title" tabindex="-1">"Check a quote"</h1>
            <p class="summary">"Paste a quote from a news article, a book or a post; Lectern finds where it comes from in this corpus and shows every difference."</p>
            <form class="check-form" on:submit=submit>
                <label for="check-input">"Quote to check"</label>
                <textarea id="check-input" rows="5" data-check-input node_ref=input_ref
                    prop:value=move || draft.get()
                    on:paste=move |_| pasting.set(true)
                    on:input=on_input
                    on:keydown=on_keydown></textarea>
                <button type="submit" data-check-submit>"Check"</button>
                <span class="hint">" or Ctrl+Enter; a paste is checked at once"</span>
            </form>
            <div role="status" aria-live="polite" aria-atomic="true" class="verdict-region">
                {move || result.get().map(|r| view! { <VerdictLine result=r/> })}
            </div>
            {move || result.get().map(|r| view! { <CheckDetail result=r/> })}
        </section>
    }
}

/// Puts the cursor in the check box, unless the page is framed and the reader is busy in the
/// host page (a host's `lectern:navigate` must not pull focus into the frame), and without
/// scrolling the host page to the frame.
fn focus_box(input: Option<web_sys::HtmlTextAreaElement>) {
    if let Some(input) = input.filter(|_| crate::embed::may_take_focus()) {
        crate::embed::focus_in_place(&input);
    }
}

#[component]
fn VerdictLine(result: CheckResult) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let found = result.best.as_ref().map(|m| negations(&result.checked, m)).unwrap_or_default();
    let (kind, text) = verdict_text(corpus, &result, &found);
    let best = result.best.as_ref();
    view! {
        <p class="verdict" data-verdict=kind
            data-similarity=best.map(|m| percent(m.alignment.similarity).to_string())
            data-places=(result.places_total > 1).then(|| result.places_total.to_string())
            data-first-passage=best.map(|m| m.first_passage())
            data-last-passage=best.map(|m| m.last_passage())>
            <strong>{text}</strong>
            {(result.cut_chars > 0).then(|| format!(
                " Only the first {} characters were checked; {} more were not.",
                result.checked.chars().count(), result.cut_chars
            ))}
        </p>
        {negation_warning(&found)}
        {negated_nearby(corpus, &result, &CheckOptions::default()).map(|m| {
            let doc = &corpus.documents()[m.doc];
            view! {
                <p class="verdict-warning" data-check-negated data-doc-id=doc.id.clone() data-passage=m.first_passage()>
                    {format!("Nearly the same words, with a negation the quote lacks: {}, {}: “{}”. The quoter may have meant that passage.",
                        doc.meta.title, paragraphs(m), excerpt(&m.text))}
                </p>
            }
        })}
        {best.and_then(|m| {
            // Of a quote found in several places, the context is of the one shown beside it.
            let at = (result.places_total > 1).then(|| format!(" at {}", place(corpus, m)));
            context_text(context(corpus, m, &CheckOptions::default()), at.as_deref().unwrap_or(""))
        }).map(|text| view! {
            <p class="verdict-context" data-check-context>{text}</p>
        })}
    }
}

/// Where the quote stands in its source's sentence, when it starts or ends inside it: a quote
/// that is exact in its words can still leave out what the sentence says around it.
fn context_text(c: Context, at: &str) -> Option<String> {
    Some(match (c.before.is_empty(), c.after.is_empty()) {
        (true, true) => return None,
        (false, true) => format!("In the source{at}, the sentence begins “{}” before the quote.", c.before),
        (true, false) => format!("In the source{at}, the sentence goes on after the quote: “{}”", c.after),
        (false, false) => format!("In the source{at}, the sentence begins “{}” before the quote and goes on after it: “{}”", c.before, c.after),
    })
}

/// A changed negation, said apart from the word count: "matches, 96% similar" must not hide
/// that the quote may say the opposite of its source, nor may the quoter's marks ("We should …
/// seek network hegemony", exact with one omission, leaves out "never").
fn negation_warning(found: &[Negation]) -> Option<impl IntoView> {
    (!found.is_empty()).then(|| {
        let parts = negation_list(found, |n| match (n.at, n.in_right) {
            (Marked::No, true) => "is in the source but not in the quote",
            (Marked::No, false) => "is in the quote but not in the source",
            (Marked::Omission, true) => "is in the source, in the words the quoter’s ellipsis leaves out",
            (Marked::Omission, false) => "is in the quote where the source has an ellipsis",
            (Marked::Brackets, true) => "is in the source, in the words the quoter’s brackets replace",
            (Marked::Brackets, false) => "is in the quoter’s brackets, not in the source",
        });
        view! {
            <p class="verdict-warning" data-check-negation>
                {format!("A negation differs: {parts}. The quote may say the opposite of its source.")}
            </p>
        }
    })
}

/// "“never” is in the source but not in the quote; “not” …": each negation and where it is,
/// in the words `how` gives for it (Check's and Compare's names for the two sides differ).
pub(super) fn negation_list(found: &[Negation], how: impl Fn(&Negation) -> &'static str) -> String {
    found.iter().map(|n| format!("“{}” {}", n.word, how(n))).collect::<Vec<_>>().join("; ")
}

/// The verdict in words, and its `data-verdict` value; `negations` are those the best match
/// differs by.
fn verdict_text(corpus: &Corpus, result: &CheckResult, negations: &[Negation]) -> (&'static str, String) {
    let Some(m) = &result.best else {
        return if result.nearest.is_empty() {
            ("not-found", "Not found in this corpus.".to_string())
        } else {
            ("not-found", "Not found in this corpus as quoted. The closest passages are below.".to_string())
        };
    };
    let marks = conventions(&m.alignment);
    let similar = format!("{}% similar", percent(m.alignment.similarity));
    // Words that match only through the quoter's marks, which change a negation, are not an
    // exact quote: the warning below says which.
    if result.verdict == Verdict::Exact && negations.iter().any(|n| n.at != Marked::No) {
        return ("differs", format!("The words match{marks}, but the marks change a negation: {}.", place(corpus, m)));
    }
    match result.verdict {
        Verdict::Exact if result.places_total > 1 => {
            ("exact", format!("Exact in {} places{marks}: listed below.", result.places_total))
        }
        Verdict::Exact => ("exact", format!("Exact{marks}: {}.", place(corpus, m))),
        Verdict::Differs(n) => (
            "differs",
            format!("Matches with {} different{marks}: {} ({similar}).", plural(n, "word"), place(corpus, m)),
        ),
        Verdict::NotFound => ("not-found", "Not found in this corpus.".to_string()),
    }
}

/// ", with 1 omission marked by the quoter and 2 insertions in brackets", or nothing.
fn conventions(alignment: &Alignment) -> String {
    let mut parts = Vec::new();
    if alignment.omissions > 0 {
        parts.push(format!("{} marked by the quoter", plural(alignment.omissions, "omission")));
    }
    if alignment.insertions > 0 {
        parts.push(format!("{} in brackets", plural(alignment.insertions, "insertion")));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(", with {}", parts.join(" and "))
    }
}


/// "“Title”, ¶4", or "“Title”, found across ¶20–21".
fn place(corpus: &Corpus, m: &SpanMatch) -> String {
    format!("“{}”, {}", corpus.documents()[m.doc].meta.title, paragraphs(m))
}

fn paragraphs(m: &SpanMatch) -> String {
    match (m.first_passage(), m.last_passage()) {
        (first, last) if first == last => format!("¶{first}"),
        (first, last) => format!("found across ¶{first}–{last}"),
    }
}

#[component]
fn CheckDetail(result: CheckResult) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let tray = expect_context::<Tray>();
    let nav = expect_context::<Navigator>();
    let best = result.best.clone().map(|m| {
        let doc = &corpus.documents()[m.doc];
        let first = &m.parts[0];
        let source_item = match m.parts.as_slice() {
            [part] => super::quote::compare_item(&doc.id, part.passage, Some((part.span.start, part.span.end))),
            _ => Item::Text(m.text.clone()),
        };
        let pasted_item = Item::Text(result.checked.clone());
        let first_passage = first.passage;
        let source_href = Route::passage(&doc.id, first_passage).to_hash();
        let source_name = format!("{}, {}", doc.meta.title, paragraphs(&m));
        let similarity = format!("{}% similar", percent(m.alignment.similarity));
        let quote_href = super::quote::quote_route(corpus, &doc.id, first_passage, first.span.clone())
            .filter(|_| m.parts.len() == 1)
            .map(|r| r.to_hash());
        // The pasted quote and its source lead the comparison, so the source is compared with
        // the paste, whatever the tray held before.
        let compare = move |_| {
            let lead = [pasted_item.clone(), source_item.clone()];
            let rest = tray.items().get_untracked().into_iter().filter(|i| !lead.contains(i));
            let items: Vec<Item> = lead.iter().cloned().chain(rest).collect();
            tray.set(items.clone());
            nav.go(Route::Compare { items, strict: false }, History::Push);
        };
        view! {
            <SideBySide left=("Pasted", "the pasted quote") right=("In the corpus", "the corpus")
                left_text=result.checked.clone() right_text=m.text.clone() alignment=m.alignment.clone()>
                <p class="column-source">
                    <a href=source_href data-doc-id=doc.id.clone() data-passage=first_passage>{source_name}</a>
                </p>
                <p class="similarity">{similarity}</p>
                {quote_href.map(|href| view! { <p><a href=href data-quote-link>"Quote link"</a></p> })}
            </SideBySide>
            <p><button type="button" data-compare-check on:click=compare>"Add both to the comparison"</button></p>
        }
    });
    let places = (result.places_total > 1).then(|| {
        let more = result.places_total - result.places.len();
        view! {
            <h2>{format!("Where it occurs word for word ({} places)", result.places_total)}</h2>
            <ol class="nearest" data-places>
                {result.places.iter().map(|p| {
                    let doc = &corpus.documents()[p.doc];
                    view! {
                        <li>
                            <a href=Route::passage(&doc.id, p.passage).to_hash() data-doc-id=doc.id.clone() data-passage=p.passage>
                                {format!("{}, ¶{}", doc.meta.title, p.passage)}
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {(more > 0).then(|| view! { <p class="summary">{format!("and {more} more.")}</p> })}
        }
    });
    let nearest = (!result.nearest.is_empty() && result.places_total <= 1).then(|| {
        view! {
            <h2>{if result.best.is_some() { "Other candidates" } else { "Closest passages" }}</h2>
            <ul class="nearest" data-nearest>
                {result.nearest.iter().take(5).map(|m| {
                    let doc = &corpus.documents()[m.doc];
                    view! {
                        <li>
                            <a href=Route::passage(&doc.id, m.first_passage()).to_hash() data-doc-id=doc.id.clone() data-passage=m.first_passage()>
                                {format!("{}, {}", doc.meta.title, paragraphs(m))}
                            </a>
                            {format!(" — {}% similar, {}% of the pasted words found", percent(m.alignment.similarity), percent(m.found))}
                            <blockquote class="nearest-text">{excerpt(&m.text)}</blockquote>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    });
    view! { {best} {places} {nearest} }
}

/// The start of a matched span, for the list of candidates.
fn excerpt(text: &str) -> String {
    const CHARS: usize = 200;
    match text.char_indices().nth(CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}
