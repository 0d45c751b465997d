//! "Your documents" on the list view: open files or a folder (or drop them anywhere on the
//! page), see the progress with Cancel, the files left out with the build's message, whether
//! the documents are kept in this browser, "Save as one file" and "Forget my documents".
//!
//! Every control is a real button with a visible name; the file inputs behind them are hidden
//! but stay in the page (`data-open-files`, `data-open-folder`) for assistive tools and tests.

use leptos::prelude::*;

use super::words::plural;
use crate::own::{Kept, Own, Progress};

/// The files chosen in a file input.
fn chosen(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let input: web_sys::HtmlInputElement = event_target(ev);
    let files = input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
    // The same files chosen again must still fire a change.
    input.set_value("");
    files
}

/// Clicks the hidden input a button stands for.
fn pick(input: NodeRef<leptos::html::Input>) {
    if let Some(input) = input.get() {
        input.click();
    }
}

fn progress_text(p: &Progress) -> String {
    let mb = |bytes: u64| format!("{}.{} MB", bytes / 1_000_000, bytes / 100_000 % 10);
    match p.indexed {
        Some((done, total)) if total > 0 => format!("Indexing: {done} of {}", plural(total, "document")),
        Some(_) => "Indexing…".to_string(),
        None => format!("Reading {} of {} files ({} of {})", p.files_done, p.files, mb(p.bytes_done), mb(p.bytes)),
    }
}

/// The progress bar's (value, max): bytes read while reading, then documents indexed, so the
/// bar starts again for the second stage rather than standing full while the text says
/// "Indexing: 20 of 250 documents".
fn progress_bar(p: &Progress) -> (u64, u64) {
    match p.indexed {
        Some((done, total)) => (done as u64, total.max(1) as u64),
        None => (p.bytes_done, p.bytes.max(1)),
    }
}

#[component]
pub fn OwnDocuments(own: Own) -> impl IntoView {
    let files: NodeRef<leptos::html::Input> = NodeRef::new();
    let folder: NodeRef<leptos::html::Input> = NodeRef::new();
    // A folder picker (`webkitdirectory`, which the view macro cannot name).
    folder.on_load(|input| {
        let _ = input.set_attribute("webkitdirectory", "");
    });
    let (saving, set_saving) = signal(None::<String>);
    // What there is to say (a load under way, a save, where the documents are kept) is shown
    // by a panel loaded when there is something to say: most visits never open a document.
    let to_say = Memo::new(move |_| own.progress().is_some() || saving.with(Option::is_some) || own.kept() != Kept::Nothing);
    let save = move |_| {
        set_saving.set(Some("Preparing lectern.html…".into()));
        leptos::task::spawn_local(async move {
            let said = match own.save_one_file().await {
                Ok(said) => said.to_string(),
                Err(why) => format!("Could not save: {why}."),
            };
            set_saving.set(Some(said));
        });
    };
    view! {
        <section class="own" aria-labelledby="own-title" data-own>
            <h2 id="own-title">"Your documents"</h2>
            <p class="own-note">"Open Markdown (.md), text (.txt) or web pages (.html) from your computer, or drop files or a folder on this page. They are read here and never uploaded."</p>
            <div class="own-actions">
                <button type="button" on:click=move |_| pick(files)>"Open documents…"</button>
                <button type="button" on:click=move |_| pick(folder)>"Open a folder…"</button>
                <button type="button" on:click=save data-save-one>"Save as one file"</button>
                {move || (own.count() > 0).then(|| view! {
                    <button type="button" on:click=move |_| own.forget() data-forget>"Forget my documents"</button>
                })}
                <input type="file" multiple accept=".md,.markdown,.txt,.html,.htm" hidden node_ref=files data-open-files
                    on:change=move |ev| own.open(chosen(&ev))/>
                <input type="file" multiple hidden node_ref=folder data-open-folder
                    on:change=move |ev| own.open(chosen(&ev))/>
            </div>
            <div role="status" aria-live="polite">
                {move || to_say.get().then(|| crate::later::own_status(own, saving))}
            </div>
            {move || {
                let errors = own.errors();
                (!errors.is_empty()).then(|| view! {
                    <div class="own-errors" role="alert" data-own-errors>
                        <p>{format!("{} left out:", plural(errors.len(), "file"))}</p>
                        <ul>{errors.into_iter().map(|e| view! { <li data-own-error>{e}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
        </section>
    }
}

/// The progress of a load with its Cancel, what came of Save, and where the reader's documents
/// are kept (`later::own_status`).
#[component]
pub fn OwnStatus(own: Own, saving: ReadSignal<Option<String>>) -> impl IntoView {
    view! {
        {move || own.progress().map(|p| view! {
            <div class="own-progress" data-own-progress>
                <progress max=progress_bar(&p).1.to_string() value=progress_bar(&p).0.to_string()></progress>
                <span>{progress_text(&p)}</span>
                <button type="button" on:click=move |_| own.cancel() data-own-cancel>"Cancel"</button>
            </div>
        })}
        {move || saving.get().map(|said| view! { <p data-save-status>{said}</p> })}
        {move || match own.kept() {
            Kept::Nothing => None,
            Kept::InBrowser => Some(view! {
                <p data-own-kept="browser">{format!("Your {} kept in this browser: still here after a reload.", plural(own.count(), "document"))}</p>
            }.into_any()),
            Kept::PageOnly(why) => Some(view! {
                <p data-own-kept="page">{format!("This browser does not let the page keep your documents ({why}): they last until you close this page. Save as one file to keep them.")}</p>
            }.into_any()),
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_follows_reading_then_indexing() {
        let check = |indexed: Option<(usize, usize)>, expected: (u64, u64), text: &str| {
            let p = Progress { files_done: 250, files: 250, bytes_done: 3_000_000, bytes: 3_000_000, indexed };
            assert_eq!(progress_bar(&p), expected, "{indexed:?}");
            assert_eq!(progress_text(&p), text, "{indexed:?}");
        };
        check(None, (3_000_000, 3_000_000), "Reading 250 of 250 files (3.0 MB of 3.0 MB)");
        check(Some((20, 250)), (20, 250), "Indexing: 20 of 250 documents");
        check(Some((0, 0)), (0, 1), "Indexing…");
    }
}
