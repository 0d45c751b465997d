//! The corpus and index bundled at build time by `build.rs`, decoded once and kept for the
//! page's life.
//!
//! Guarantee: the bytes were validated by the engine during the build, so decoding can only fail
//! if the build itself is broken; that is reported as a panic naming the cause.

use lectern_engine::{bundle, Corpus, Index};

static CORPUS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// The bundled corpus. It lives as long as the page, so views can borrow from it freely.
pub fn bundled() -> &'static Corpus {
    let corpus = bundle::decode(CORPUS).unwrap_or_else(|e| panic!("{e}"));
    Box::leak(Box::new(corpus))
}

/// The bundled index of `corpus`, which must be [`bundled`]'s.
pub fn bundled_index(corpus: &Corpus) -> &'static Index {
    let index = bundle::decode_index(INDEX, corpus).unwrap_or_else(|e| panic!("{e}"));
    Box::leak(Box::new(index))
}
