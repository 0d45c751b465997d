//! "Cite": a quote with its citation, as plain text and as Markdown, each ready to copy. The
//! citation names the corpus version (build date and checksum, as "About this copy" shows) and
//! gives a permalink — except in a copy opened from disk (`file://`), whose address is no link
//! anyone else can open, and except for the reader's own documents, which no one else has: it
//! says so instead. The text sits in read-only fields, so it can be
//! copied by hand where the clipboard is refused (sandboxed frames, pages opened from disk).
//! The fields are made when first opened (`later::cite_fields`).

use leptos::prelude::*;
use lectern_engine::cite::{Citation, Link, Version};
use lectern_engine::Document;

use crate::route::Route;

/// "Cite" under a passage: the fields folded away until asked for, and only made then (a
/// reader with hundreds of ¶s has as many Cites; their code loads on first use too).
#[component]
pub fn Cite(doc: &'static Document, passage: usize, quote: String) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <details class="cite" data-cite on:toggle=super::toggled(open)>
            <summary>"Cite"</summary>
            {move || open.get().then(|| crate::later::cite_fields(doc, passage, quote.clone()))}
        </details>
    }
}

/// The citation of `quote` from ¶`passage` of `doc` in both forms, ready to copy.
#[component]
pub fn CiteFields(doc: &'static Document, passage: usize, quote: String) -> impl IntoView {
    let permalink = permalink(&Route::passage(&doc.id, passage));
    let link = match (yours(&doc.id), saved_copy()) {
        (true, _) => Link::Yours,
        (false, true) => Link::SavedCopy,
        (false, false) => Link::Shareable(&permalink),
    };
    let stamp = crate::data::stamp();
    let version = Version { build_date: &stamp.built, checksum: &stamp.sha256 };
    let citation = Citation { doc, passage, quote: &quote, link, version: Some(version) };
    let (plain, markdown) = (citation.plain(), citation.markdown());
    let quote_link = super::quote::quote_link_of(doc, passage, &quote);
    view! {
        <CopyField label="Plain text" text=plain kind="plain"/>
        <CopyField label="Markdown" text=markdown kind="markdown"/>
        {quote_link.map(|link| view! { <CopyField label="Quote link" text=link kind="quote-link"/> })}
        <super::export::Export items=super::quote::cite_items(doc, passage, &quote) label="Export this quote" kind="quote"/>
    }
}

#[component]
fn CopyField(label: &'static str, text: String, kind: &'static str) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let value = text.clone();
    let copy = move |_| {
        let value = value.clone();
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&value)).await.is_ok();
            copied.set(Some(done));
        });
    };
    view! {
        <div class="copy-field">
            <label>
                <span>{label}</span>
                <textarea readonly rows="4" data-citation=kind>{text}</textarea>
            </label>
            <button type="button" on:click=copy>{format!("Copy {}", label.to_ascii_lowercase())}</button>
            <span class="copied" role="status">
                {move || match copied.get() {
                    Some(true) => "Copied.",
                    Some(false) => "Copying was refused here; select the text above and copy it.",
                    None => "",
                }}
            </span>
        </div>
    }
}

/// Whether this page is a copy opened from disk (`file://`), whose address is no link to share.
pub fn saved_copy() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

/// Whether document `id` is one the reader opened: it lives in their browser only, so no link
/// to it (nor the page's corpus version) is shared in a citation.
pub fn yours(id: &str) -> bool {
    use_context::<crate::own::Own>().is_some_and(|own| own.is_yours(id))
}

/// The absolute link to `route` from this page, wherever it is served (or opened from disk).
pub fn permalink(route: &Route) -> String {
    format!("{}{}", crate::embed::shared_base(), route.to_hash())
}
