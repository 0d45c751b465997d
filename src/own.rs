//! The reader's own documents: files opened or dropped on the page, parsed and indexed in the
//! browser by the engine (the build's own rules), shown beside the documents the page came
//! with, kept in IndexedDB when the browser allows, and saved with the app as one HTML file.
//!
//! Guarantees: nothing leaves the browser (files are read locally; the only request is the
//! hosted page's own `lectern.html` when saving); reading and indexing yield to the browser
//! every few milliseconds, so the page never freezes, and Cancel stops them with the page as it
//! was; a file that breaks a rule is listed with the build's message and the others load.

use std::time::Duration;

use leptos::prelude::*;
use lectern_engine::index::IndexBuilder;
use lectern_engine::own::{joined, Bringer, Incoming};
use lectern_engine::{bundle, Corpus, Document, Index, SourceFile};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::store;

/// How long a slice of reading or indexing may hold the main thread before it yields.
const SLICE: Duration = Duration::from_millis(8);

/// The corpus the page shows and its index (`None`: the page's own, decoded by the app).
#[derive(Clone, Copy)]
pub struct Shown {
    /// The documents shown: the page's, with the reader's added.
    pub corpus: &'static Corpus,
    /// Its index, when the page built it.
    pub index: Option<&'static Index>,
}

/// How far the current load has come.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// Files read so far, of `files`.
    pub files_done: usize,
    /// Files in this load.
    pub files: usize,
    /// Bytes read so far, of `bytes`.
    pub bytes_done: u64,
    /// Bytes in this load.
    pub bytes: u64,
    /// Documents indexed so far, once every file is read (`None` while reading).
    pub indexed: Option<(usize, usize)>,
}

/// Whether the reader's documents outlive the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Nothing to keep yet.
    Nothing,
    /// In this browser's storage (IndexedDB).
    InBrowser,
    /// Only as long as the page: storage refused, for this reason.
    PageOnly(String),
}

/// The narrow handle to the reader's documents, provided above the app so it outlives the app
/// being mounted anew for a new corpus.
#[derive(Clone, Copy)]
pub struct Own {
    base: &'static Corpus,
    shown: RwSignal<Shown>,
    yours: RwSignal<Vec<String>>,
    progress: RwSignal<Option<Progress>>,
    errors: RwSignal<Vec<String>>,
    kept: RwSignal<Kept>,
    /// Bumped by every new load and by Cancel: a load that sees another number stops.
    run: StoredValue<u32>,
}

impl Own {
    /// The handle for a page whose own corpus is `base`; the reader's stored documents, if any,
    /// are restored in the background.
    pub fn new(base: &'static Corpus) -> Own {
        let own = Own {
            base,
            shown: RwSignal::new(Shown { corpus: base, index: None }),
            yours: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
            errors: RwSignal::new(Vec::new()),
            kept: RwSignal::new(Kept::Nothing),
            run: StoredValue::new(0),
        };
        spawn_local(own.restore());
        own
    }

    /// The corpus to show (tracked).
    pub fn shown(self) -> Shown {
        self.shown.get()
    }

    /// Whether document `id` is one of the reader's (tracked).
    pub fn is_yours(self, id: &str) -> bool {
        self.yours.with(|ids| ids.iter().any(|y| y == id))
    }

    /// How many documents are the reader's (tracked).
    pub fn count(self) -> usize {
        self.yours.with(Vec::len)
    }

    /// The load under way, if any (tracked).
    pub fn progress(self) -> Option<Progress> {
        self.progress.get()
    }

    /// The messages of the files the last load left out (tracked).
    pub fn errors(self) -> Vec<String> {
        self.errors.get()
    }

    /// Whether the documents outlive the page (tracked).
    pub fn kept(self) -> Kept {
        self.kept.get()
    }

    fn start(self) -> u32 {
        self.run.update_value(|n| *n += 1);
        self.run.get_value()
    }

    fn current(self, run: u32) -> bool {
        self.run.get_value() == run
    }

    /// Stops the load under way; the page keeps the documents it had.
    pub fn cancel(self) {
        self.start();
        self.progress.set(None);
    }

    /// Reads, parses and indexes `files`, then shows them with the others.
    pub fn open(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        let run = self.start();
        self.errors.set(Vec::new());
        spawn_local(async move {
            if open_files(self, files, run).await.is_err() {
                self.unavailable("Your files were not read");
            }
        });
    }

    /// Says that the code for the reader's documents did not arrive (the hosted page lost its
    /// connection), and what was not done.
    fn unavailable(self, what: &str) {
        self.progress.set(None);
        self.errors.set(vec![format!(
            "{what}: this page could not load the code that handles your documents. The connection may be down; try again, or reload the page."
        )]);
    }
}

crate::later::split_work! {
    /// Reads, parses and indexes `files`, then shows them with the others and keeps them.
    fn open_files(own: Own, files: Vec<web_sys::File>, run: u32) -> () {
        let bytes = files.iter().map(|f| f.size() as u64).sum();
        let mut progress = Progress { files_done: 0, files: files.len(), bytes_done: 0, bytes, indexed: None };
        own.progress.set(Some(progress));
        let mut bringer = Bringer::new(own.shown.get_untracked().corpus.documents());
        for file in &files {
            let incoming = read(file).await;
            if !own.current(run) {
                return;
            }
            bringer.add(&incoming);
            progress.files_done += 1;
            progress.bytes_done += file.size() as u64;
            own.progress.set(Some(progress));
        }
        let brought = bringer.finish();
        own.errors.set(brought.errors.iter().map(ToString::to_string).collect());
        if brought.documents.is_empty() {
            own.progress.set(None);
            return;
        }
        let mut docs = own.your_documents();
        docs.extend(brought.documents);
        if own.show(docs.clone(), run, progress).await {
            own.keep(&docs).await;
        }
    }

    /// Shows the documents an earlier visit stored (`stored`, as encoded), ids made unique
    /// again: the page's corpus may have changed since they were stored.
    fn restore_documents(own: Own, stored: Vec<Vec<u8>>, run: u32) -> () {
        // A copy saved with the reader's documents in it, opened from disk, may find the same
        // documents kept in the browser: they are shown once.
        let mut bringer = Bringer::new(own.base.documents());
        for bytes in &stored {
            if let Ok(doc) = bundle::decode_document(bytes) {
                let _ = bringer.admit(doc);
            }
        }
        let docs = bringer.finish().documents;
        if docs.is_empty() {
            return;
        }
        let progress = Progress { files_done: docs.len(), files: docs.len(), bytes_done: 0, bytes: 0, indexed: Some((0, 0)) };
        if own.show(docs, run, progress).await {
            own.kept.set(Kept::InBrowser);
        }
    }

    /// Saves the corpus shown with the app as one file (see [`Own::save_one_file`]).
    fn save_shown(own: Own) -> Result<&'static str, SaveError> {
        save(own).await
    }

    /// The files under folders and files dropped on the page, in name order.
    fn walk_folders(entries: Vec<web_sys::FileSystemEntry>) -> Vec<web_sys::File> {
        let mut found = Vec::new();
        for entry in entries {
            collect(entry, &mut found).await;
        }
        found
    }
}

impl Own {
    /// The reader's documents in the corpus shown.
    fn your_documents(self) -> Vec<Document> {
        let shown = self.shown.get_untracked().corpus;
        self.yours.with_untracked(|ids| ids.iter().filter_map(|id| shown.document(id).cloned()).collect())
    }

    /// Joins `docs` to the page's corpus, indexes the whole in slices and shows it; `false` when
    /// another load or Cancel came first.
    async fn show(self, docs: Vec<Document>, run: u32, mut progress: Progress) -> bool {
        let ids: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
        let corpus = joined(self.base, &docs);
        let total = corpus.documents().len();
        let mut builder = IndexBuilder::default();
        let mut slice = now();
        for (i, doc) in corpus.documents().iter().enumerate() {
            for text in &doc.passages {
                builder.add_passage(text);
                if now() - slice > SLICE.as_secs_f64() * 1e3 {
                    progress.indexed = Some((i, total));
                    self.progress.set(Some(progress));
                    next_task().await;
                    if !self.current(run) {
                        return false;
                    }
                    slice = now();
                }
            }
        }
        let index = builder.finish(&corpus);
        // Finishing the index and mounting the app over it are two tasks, not one long one.
        next_task().await;
        if !self.current(run) {
            return false;
        }
        let corpus: &'static Corpus = Box::leak(Box::new(corpus));
        let index: &'static Index = Box::leak(Box::new(index));
        self.yours.set(ids);
        self.shown.set(Shown { corpus, index: Some(index) });
        self.progress.set(None);
        true
    }

    /// Stores `docs` (all the reader's documents) when the browser allows, encoded one at a
    /// time between which the page stays responsive.
    async fn keep(self, docs: &[Document]) {
        let mut encoded = Vec::with_capacity(docs.len());
        let mut slice = now();
        for doc in docs {
            encoded.push(bundle::encode_document(doc));
            if now() - slice > SLICE.as_secs_f64() * 1e3 {
                next_task().await;
                slice = now();
            }
        }
        let kept = match store::save(&encoded).await {
            Ok(()) => Kept::InBrowser,
            Err(why) => Kept::PageOnly(why),
        };
        self.kept.set(kept);
    }

    /// Shows the documents stored by an earlier visit, if there are any.
    async fn restore(self) {
        let run = self.start();
        let stored = match store::load().await {
            Ok(stored) if !stored.is_empty() => stored,
            Ok(_) => return,
            Err(why) => return self.kept.set(Kept::PageOnly(why)),
        };
        if restore_documents(self, stored, run).await.is_err() {
            self.unavailable("Your documents kept in this browser are not shown");
        }
    }

    /// Removes the reader's documents from the page and from storage.
    pub fn forget(self) {
        self.start();
        self.progress.set(None);
        self.errors.set(Vec::new());
        self.yours.set(Vec::new());
        self.shown.set(Shown { corpus: self.base, index: None });
        spawn_local(async move {
            let kept = match store::forget().await {
                Ok(()) => Kept::Nothing,
                Err(why) => Kept::PageOnly(why),
            };
            self.kept.set(kept);
        });
    }
}

/// Milliseconds since the page started.
fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Resolves in a later task, so the browser can paint and handle input in between.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// The file's path within the folder it was opened with, else its name.
fn relative_path(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

/// One file as the engine takes it: Markdown and text as bytes, HTML as the text of its blocks.
async fn read(file: &web_sys::File) -> Incoming {
    let name = relative_path(file);
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        // An unreadable file (or a folder dropped as a file) reads as empty and is reported so.
        Err(_) => Vec::new(),
    };
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        crate::html::incoming(name, &bytes)
    } else {
        Incoming::File(SourceFile::new(name, bytes))
    }
}

/// Takes files and folders dropped anywhere on the page as documents to open.
pub fn accept_drops(own: Own) {
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|dt| (0..dt.types().length()).any(|i| dt.types().get(i).as_string().as_deref() == Some("Files")))
    };
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        if !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        let Some(dt) = ev.data_transfer() else { return };
        // Entries must be taken while the event lasts; reading them may take longer.
        let items = dt.items();
        let entries: Vec<web_sys::FileSystemEntry> =
            (0..items.length()).filter_map(|i| items.get(i)).filter_map(|item| item.webkit_get_as_entry().ok().flatten()).collect();
        let files = dt.files();
        let plain: Vec<web_sys::File> = files.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
        spawn_local(async move {
            // Folders are walked through their entries; files come as the drop gives them.
            if !entries.iter().any(web_sys::FileSystemEntry::is_directory) {
                return own.open(plain);
            }
            match walk_folders(entries).await {
                Ok(found) => own.open(found),
                Err(_) => own.unavailable("Your folder was not read"),
            }
        });
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

/// The files under a dropped entry (a folder's, at any depth), hidden ones left out.
async fn collect(entry: web_sys::FileSystemEntry, found: &mut Vec<web_sys::File>) {
    let mut pending = vec![entry];
    while let Some(entry) = pending.pop() {
        if entry.name().starts_with('.') {
            continue;
        }
        if entry.is_directory() {
            let reader = entry.unchecked_into::<web_sys::FileSystemDirectoryEntry>().create_reader();
            // A folder's entries come in batches until an empty one.
            loop {
                let batch = callback(|ok, err| reader.read_entries_with_callback_and_callback(ok, err).is_ok()).await;
                let Some(batch) = batch.and_then(|b| b.dyn_into::<js_sys::Array>().ok()).filter(|b| b.length() > 0) else { break };
                pending.extend(batch.iter().map(|e| e.unchecked_into::<web_sys::FileSystemEntry>()));
            }
        } else {
            let file_entry = entry.unchecked_into::<web_sys::FileSystemFileEntry>();
            if let Some(file) = callback(|ok, err| {
                file_entry.file_with_callback_and_callback(ok, err);
                true
            })
            .await
            {
                found.push(file.unchecked_into());
            }
        }
    }
    lectern_engine::order::sort_by(found, |a, b| a.name().cmp(&b.name()));
}

/// The value a callback-style browser API passes to its success callback (`None` on error).
async fn callback(call: impl FnOnce(&js_sys::Function, &js_sys::Function) -> bool) -> Option<wasm_bindgen::JsValue> {
    let mut call = Some(call);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Some(call) = call.take() {
            if !call(&resolve, &reject) {
                let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
            }
        }
    });
    JsFuture::from(promise).await.ok()
}

/// Why "Save as one file" did not save.
pub type SaveError = String;

impl Own {
    /// Downloads `lectern.html`: this app with the corpus shown (the page's documents and the
    /// reader's) inline, which opens from disk with no network. The app and its policy are
    /// those of this page's single file — read from the page itself when it is that file, else
    /// fetched from beside the hosted page — with only the data elements replaced.
    /// On success, what to tell the reader.
    pub async fn save_one_file(self) -> Result<&'static str, SaveError> {
        save_shown(self).await.unwrap_or_else(|_| {
            Err("this page could not load the code that saves; the connection may be down. Try again, or reload the page.".into())
        })
    }
}

/// [`Own::save_one_file`]'s work.
async fn save(own: Own) -> Result<&'static str, SaveError> {
    let shown = own.shown.get_untracked();
    let index = shown.index.or_else(crate::data::index).ok_or("the search index is not ready yet; try again in a moment")?;
    let corpus_bytes = bundle::encode(shown.corpus);
    let sha256 = crate::data::sha256_hex(&corpus_bytes).await;
    let corpus = crate::data::base64(&crate::data::gzip(&corpus_bytes).await?);
    let index = crate::data::base64(&crate::data::gzip(&bundle::encode_index(index)).await?);
    let mut html = if crate::data::is_single_file() {
        // This page is the file: a copy of it, without what the running app added.
        let root = document().document_element().ok_or("this page has no document")?;
        let copy: web_sys::Element = root.clone_node_with_deep(true).map_err(|_| "this page cannot be copied")?.unchecked_into();
        for selector in ["#lectern", "#lectern-crash"] {
            if let Ok(Some(element)) = copy.query_selector(selector) {
                element.remove();
            }
        }
        if let Ok(Some(title)) = copy.query_selector("title") {
            title.set_text_content(Some("Lectern"));
        }
        format!("<!DOCTYPE html>\n{}", copy.outer_html())
    } else {
        fetch_text("lectern.html").await?
    };
    // The data elements are replaced as text: parsing the page here would make this page's
    // policy report the file's own inline style, which it allows only in that file.
    let built = today();
    for (kind, data) in [("corpus", corpus), ("index", index)] {
        let stamp = if kind == "corpus" { format!(" data-sha256=\"{sha256}\" data-built=\"{built}\"") } else { String::new() };
        let element = format!("<script type=\"application/octet-stream\" data-lectern-data=\"{kind}\"{stamp}>{data}</script>");
        html = replace_data(&html, kind, &element).ok_or("the single file has changed shape: it carries no inline data to replace")?;
    }
    crate::views::save_file(&html, "text/html", "lectern.html").ok_or("the browser refused the download")?;
    // In a frame, a sandbox without `allow-downloads` drops the file without a word to the page.
    Ok(if crate::embed::framed() {
        "lectern.html was handed to your browser: open it from disk, no network needed. If no download appears, the page around Lectern does not allow downloads: open Lectern in a tab of its own to save."
    } else {
        "Saved lectern.html: open it from disk, no network needed."
    })
}

/// `html` with its `<script … data-lectern-data="<kind>" …>…</script>` element replaced by
/// `element`; `None` when it has none.
fn replace_data(html: &str, kind: &str, element: &str) -> Option<String> {
    let marker = html.find(&format!("data-lectern-data=\"{kind}\""))?;
    let start = html[..marker].rfind("<script")?;
    let end = marker + html[marker..].find("</script>")? + "</script>".len();
    Some(format!("{}{element}{}", &html[..start], &html[end..]))
}

/// The text of the page's own file `href` (the hosted page's `lectern.html`).
async fn fetch_text(href: &str) -> Result<String, SaveError> {
    let missing = |_| format!("{href} is not beside this page (publish every file of dist/)");
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(href)).await.map_err(missing)?.unchecked_into();
    if !response.ok() {
        return Err(format!("{href} could not be loaded (HTTP {})", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(missing)?).await.map_err(missing)?;
    Ok(text.as_string().unwrap_or_default())
}

/// Today as `YYYY-MM-DD` (UTC), the build date of a saved file.
fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10).unwrap_or_default().to_string()
}
