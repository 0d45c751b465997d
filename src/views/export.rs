//! "Export" for the comparison tray, or for one quote (under Cite): the quotes, each with its citation and quote link, as
//! Markdown, BibTeX, CSL-JSON or CSV ([`lectern_engine::export`]), shown in a read-only field,
//! copied to the clipboard where that is allowed, or downloaded as a file. The download is a
//! Blob behind an `<a download>`, made on the page itself: it works offline and from `file://`,
//! and the page's Content-Security-Policy does not govern it. Nothing is rendered until the
//! reader opens it, so a reader with hundreds of ¶s (each with its Cite) stays light; and the code
//! that resolves and renders the quotes loads then (a part of its own in the release build).

use leptos::prelude::*;
use lectern_engine::export::{Format, Quote};
use wasm_bindgen::JsCast;

use super::compare::resolve;
use super::quote::{quote_link, share_link};
use crate::app::{Library, SearchIndex};
use crate::route::Item;

#[component]
pub fn Export(#[prop(into)] items: Signal<Vec<Item>>, #[prop(default = "Export these quotes")] label: &'static str,
    /// `data-export`: "tray" for the comparison's, "quote" for one quote's.
    #[prop(default = "tray")] kind: &'static str) -> impl IntoView {
    // Kept while the panel is closed and opened again.
    let format = RwSignal::new(Format::Markdown);
    let status = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    view! {
        <details class="export" data-export=kind on:toggle=super::toggled(open)>
            <summary>{label}</summary>
            {move || open.get().then(|| crate::later::export_tools(items, format, status))}
        </details>
    }
}

/// The opened panel: the format, the quotes in it, and ways to take them away. Loaded on first
/// use (`later::export_tools`).
#[component]
pub fn ExportTools(items: Signal<Vec<Item>>, format: RwSignal<Format>, status: RwSignal<String>) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let SearchIndex(index) = expect_context::<SearchIndex>();
    // The quotes in the chosen format, and how many it leaves out.
    let rendered = Memo::new(move |_| {
        let index = index.get();
        // (text, source, link) owned first, so the quotes can borrow them.
        let owned: Vec<(String, Option<(&'static lectern_engine::Document, usize)>, String)> = items
            .get()
            .into_iter()
            .filter_map(|item| {
                let r = resolve(corpus, index, item);
                let source = r.source.as_ref().and_then(|(id, passage)| Some((corpus.document(id)?, *passage)));
                let link = match &r.item {
                    // A quote selector keeps the link it came with: it finds its text in any version.
                    Item::Quote(s) => share_link(&crate::route::Route::Quote(s.clone())),
                    Item::Passage { id, passage, span } => {
                        let range = span.map_or(0..source?.0.passage(*passage)?.len(), |(s, e)| s..e);
                        quote_link(corpus, id, *passage, range)
                    }
                    Item::Text(_) => None,
                };
                Some((r.text?, source, link.unwrap_or_default()))
            })
            .collect();
        let quotes: Vec<Quote> = owned.iter().map(|(text, source, link)| Quote { text, source: *source, link }).collect();
        let f = format.get();
        let left_out = if f.cites_sources_only() { quotes.iter().filter(|q| q.source.is_none()).count() } else { 0 };
        (f.render(&quotes), left_out)
    });
    // What a citation format leaves out is said, not dropped silently.
    let left_out = move || {
        let n = rendered.with(|t| t.1);
        (n > 0).then(|| view! {
            <p class="summary" data-export-left-out>
                {format!("Left out: {} with no place in this corpus (pasted text, or a quote this version no longer holds); {} cites sources only.",
                    super::words::plural(n, "quote"), format.get().label())}
            </p>
        })
    };
    let copy = move |_| {
        let value = rendered.with_untracked(|t| t.0.clone());
        let label = format.get_untracked().label();
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&value)).await.is_ok();
            status.set(if done {
                format!("Copied as {label}.")
            } else {
                "Copying was refused here; select the text above and copy it.".to_string()
            });
        });
    };
    let download = move |_| {
        let f = format.get_untracked();
        let name = format!("lectern-quotes.{}", f.extension());
        status.set(match rendered.with_untracked(|t| save(&t.0, f.mime(), &name)) {
            Some(()) if crate::embed::framed() => format!(
                "{name} was handed to your browser. If no download appears, the page around Lectern does not allow downloads: select the text above and copy it."
            ),
            Some(()) => format!("Downloaded {name}."),
            None => "Downloading was refused here; select the text above and copy it.".to_string(),
        });
    };
    view! {
        <div class="export-tools">
            <label>"Format "
                <select data-export-format on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(f) = Format::ALL.into_iter().find(|f| f.label() == chosen) {
                        format.set(f);
                    }
                }>
                    {Format::ALL.into_iter().map(|f| view! {
                        <option value=f.label() selected=move || format.get() == f>{f.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <button type="button" data-export-copy on:click=copy>"Copy"</button>
            <button type="button" data-export-download on:click=download>"Download"</button>
            <span class="copied" role="status">{move || status.get()}</span>
        </div>
        {left_out}
        <label class="export-text">
            <span class="visually-hidden">"Exported quotes"</span>
            <textarea readonly rows="8" data-export-text prop:value=move || rendered.with(|t| t.0.clone())></textarea>
        </label>
    }
}

/// Offers `text` as a file named `name`; `None` when the browser refuses.
pub fn save(text: &str, mime: &str, name: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download has its own copy once started; the URL is released a moment later.
    set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(10));
    Some(())
}
