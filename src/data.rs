//! The corpus and index this page carries, loaded once at start and kept for the page's life.
//!
//! They are data, not code: `lectern bundle` writes them as gzip files beside the app, and the
//! page names them with `data-lectern-data="corpus"` / `"index"` elements — a `<link
//! rel=preload>` in the hosted build (so the browser fetches them in parallel with the wasm) or
//! a `<script type="application/octet-stream">` holding base64 in the single file (so nothing is
//! fetched). The corpus element also carries the build's stamp (`data-sha256`, `data-built`).
//!
//! Guarantees: both are requested before either is awaited; the corpus is decoded once per
//! page and the index at most once, on first use; a missing, unreachable or damaged data file
//! becomes a [`LoadError`] that says which file and what to do, never a blank page.

use std::sync::OnceLock;

use lectern_engine::{bundle, Corpus, Index};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

static CORPUS: OnceLock<Corpus> = OnceLock::new();
static INDEX_BYTES: OnceLock<Vec<u8>> = OnceLock::new();
static INDEX: OnceLock<Index> = OnceLock::new();
static STAMP: OnceLock<Stamp> = OnceLock::new();

/// What names this build's corpus in a citation: its SHA-256 and the day it was bundled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// SHA-256 of the encoded corpus, 64 lowercase hex digits.
    pub sha256: String,
    /// The build date, `YYYY-MM-DD`.
    pub built: String,
}

impl Default for Stamp {
    /// The stamp of a page that carries no data elements (component tests): all zeros, so the
    /// views that show it still have 64 hex digits to show.
    fn default() -> Self {
        Stamp { sha256: "0".repeat(64), built: "unknown".into() }
    }
}

/// Why the page's data could not be loaded, worded for the person looking at the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The page names no data file of this kind.
    Missing(&'static str),
    /// The file could not be fetched: its name and what went wrong.
    Fetch(String, String),
    /// The bytes are not a corpus or index of this Lectern version.
    Decode(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Missing(kind) => write!(
                f,
                "This page does not name its {kind} file (no data-lectern-data=\"{kind}\" element). Build it with `make build`, or run `lectern bundle <corpus> --out dist` and then `node scripts/package.mjs dist pkg`."
            ),
            LoadError::Fetch(name, why) => write!(
                f,
                "The data file {name} could not be loaded ({why}). Publish every file of dist/ together: the corpus files belong to the app."
            ),
            LoadError::Decode(why) => f.write_str(why),
        }
    }
}

/// Where one data file's bytes come from, with its request already under way.
enum Source {
    Fetch(String, JsFuture),
    Inline(String),
}

/// Starts reading the data file of `kind` (`"corpus"` or `"index"`).
fn start(kind: &'static str) -> Result<Source, LoadError> {
    let document = leptos::prelude::document();
    let element = document
        .query_selector(&format!("[data-lectern-data=\"{kind}\"]"))
        .ok()
        .flatten()
        .ok_or(LoadError::Missing(kind))?;
    if element.tag_name().eq_ignore_ascii_case("link") {
        let href = element.get_attribute("href").ok_or(LoadError::Missing(kind))?;
        let request = leptos::prelude::window().fetch_with_str(&href);
        Ok(Source::Fetch(href, JsFuture::from(request)))
    } else {
        Ok(Source::Inline(element.text_content().unwrap_or_default()))
    }
}

/// The bytes of a started data file, decompressed when they are gzip.
async fn finish(kind: &'static str, source: Source) -> Result<Vec<u8>, LoadError> {
    let (name, raw) = match source {
        Source::Fetch(href, request) => {
            let name = href.rsplit('/').next().unwrap_or(&href).to_string();
            let fail = |why: String| LoadError::Fetch(name.clone(), why);
            let response: web_sys::Response =
                request.await.map_err(|_| fail("the network request failed".into()))?.unchecked_into();
            if !response.ok() {
                return Err(fail(format!("HTTP {}", response.status())));
            }
            let buffer = response.array_buffer().map_err(|_| fail("unreadable response".into()))?;
            let buffer = JsFuture::from(buffer).await.map_err(|_| fail("the download broke off".into()))?;
            (name, js_sys::Uint8Array::new(&buffer).to_vec())
        }
        Source::Inline(text) => {
            let binary = leptos::prelude::window()
                .atob(text.trim())
                .map_err(|_| LoadError::Decode(format!("the {kind} carried in this file is damaged (not base64)")))?;
            (format!("the inline {kind}"), binary.chars().map(|c| c as u8).collect())
        }
    };
    if raw.starts_with(&[0x1f, 0x8b]) {
        gunzip(&raw).await.map_err(|why| LoadError::Fetch(name, why))
    } else {
        Ok(raw)
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's gzip decoder (web-sys has it only behind its unstable-API flag).
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    /// The browser's gzip encoder, likewise.
    type CompressionStream;
    #[wasm_bindgen(constructor, catch, js_class = "CompressionStream")]
    fn new_compression(format: &str) -> Result<CompressionStream, JsValue>;
}

/// `bytes` through a `DecompressionStream` or `CompressionStream` (both are { readable,
/// writable } pairs, which is what pipeThrough takes).
async fn through(bytes: &[u8], stream: &JsValue) -> Result<Vec<u8>, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&blob.stream().pipe_through(stream.unchecked_ref())))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Compresses `bytes` as gzip with the browser's own `CompressionStream`.
pub async fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let stream = CompressionStream::new_compression("gzip").map_err(|_| "this browser cannot compress (no CompressionStream)".to_string())?;
    through(bytes, &stream).await.map_err(|_| "compressing failed".to_string())
}

/// `bytes` as base64, as the single file carries data.
pub fn base64(bytes: &[u8]) -> String {
    let binary: String = bytes.iter().map(|&b| b as char).collect();
    leptos::prelude::window().btoa(&binary).unwrap_or_default()
}

/// SHA-256 of `bytes` as 64 hex digits, by the browser's `crypto.subtle`; the all-zero stamp
/// of [`Stamp::default`] where the browser offers no digest (an insecure context).
pub async fn sha256_hex(bytes: &[u8]) -> String {
    let digest = async {
        let subtle = leptos::prelude::window().crypto().ok()?.subtle();
        let promise = subtle.digest_with_str_and_u8_array("SHA-256", &mut bytes.to_vec()).ok()?;
        let buffer = JsFuture::from(promise).await.ok()?;
        Some(js_sys::Uint8Array::new(&buffer).to_vec().iter().map(|b| format!("{b:02x}")).collect::<String>())
    };
    digest.await.unwrap_or_else(|| Stamp::default().sha256)
}

/// Whether this page is the single file (its bootstrap says so).
pub fn is_single_file() -> bool {
    js_sys::Reflect::get(&leptos::prelude::window(), &JsValue::from_str("__lecternSingleFile")).is_ok_and(|v| v.is_truthy())
}

/// Decompresses gzip bytes with the browser's own `DecompressionStream`.
async fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let stream = DecompressionStream::new("gzip").map_err(|_| "this browser cannot decompress it; please use a current browser".to_string())?;
    through(bytes, &stream).await.map_err(|_| "it is damaged (bad gzip data)".to_string())
}

/// The build's stamp from the corpus element's attributes, when they are well formed.
fn read_stamp() -> Option<Stamp> {
    let element = leptos::prelude::document().query_selector("[data-lectern-data=\"corpus\"]").ok()??;
    let sha256 = element.get_attribute("data-sha256")?;
    let built = element.get_attribute("data-built")?;
    let valid = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase());
    valid.then_some(Stamp { sha256, built })
}

/// Loads the page's corpus and the bytes of its index (both requested at once) and returns
/// the corpus, decoded; the index is decoded later, by [`index`]. Loading twice returns the
/// corpus of the first load.
pub async fn load() -> Result<&'static Corpus, LoadError> {
    if let Some(corpus) = CORPUS.get() {
        return Ok(corpus);
    }
    let (corpus, index) = (start("corpus")?, start("index")?);
    let corpus = finish("corpus", corpus).await?;
    let index = finish("index", index).await?;
    let corpus = bundle::decode(&corpus).map_err(|e| LoadError::Decode(e.to_string()))?;
    let _ = STAMP.set(read_stamp().unwrap_or_default());
    let _ = INDEX_BYTES.set(index);
    Ok(CORPUS.get_or_init(|| corpus))
}

/// The loaded corpus, once [`load`] has succeeded.
pub fn corpus() -> Option<&'static Corpus> {
    CORPUS.get()
}

/// The loaded corpus's index, decoded on first use; `None` before [`load`] has succeeded. A
/// damaged index is reported as a panic (the crash message), naming the cause.
pub fn index() -> Option<&'static Index> {
    if let Some(index) = INDEX.get() {
        return Some(index);
    }
    let (corpus, bytes) = (CORPUS.get()?, INDEX_BYTES.get()?);
    Some(INDEX.get_or_init(|| bundle::decode_index(bytes, corpus).unwrap_or_else(|e| panic!("{e}"))))
}

/// This build's stamp (the default in a page without data, such as a component test).
pub fn stamp() -> &'static Stamp {
    STAMP.get_or_init(Stamp::default)
}
