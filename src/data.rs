//! The corpus bundled at build time by `build.rs`, decoded once and kept for the page's life.
//!
//! Guarantee: the bytes were validated by the engine during the build, so decoding can only fail
//! if the build itself is broken; that is reported as a panic naming the cause.

use lectern_engine::{bundle, Corpus};

static BUNDLED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The bundled corpus. It lives as long as the page, so views can borrow from it freely.
pub fn bundled() -> &'static Corpus {
    let corpus = bundle::decode(BUNDLED).unwrap_or_else(|e| panic!("{e}"));
    Box::leak(Box::new(corpus))
}
