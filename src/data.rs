//! The corpus and index bundled at build time by `build.rs`, decoded once and kept for the
//! page's life.
//!
//! Guarantees: each is decoded at most once per page, however often the app mounts; the bytes
//! were validated by the engine during the build, so decoding can only fail if the build itself
//! is broken, which is reported as a panic naming the cause.

use std::sync::OnceLock;

use lectern_engine::{bundle, Corpus, Index};

static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));
static CORPUS: OnceLock<Corpus> = OnceLock::new();
static INDEX: OnceLock<Index> = OnceLock::new();

/// The bundled corpus. It lives as long as the page, so views can borrow from it freely.
pub fn bundled() -> &'static Corpus {
    CORPUS.get_or_init(|| bundle::decode(CORPUS_BYTES).unwrap_or_else(|e| panic!("{e}")))
}

/// The bundled index of the bundled corpus.
pub fn bundled_index() -> &'static Index {
    INDEX.get_or_init(|| bundle::decode_index(INDEX_BYTES, bundled()).unwrap_or_else(|e| panic!("{e}")))
}
