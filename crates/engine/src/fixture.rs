//! Documents and corpora for tests, in one place (only with the `generate` feature, so the app
//! never carries it): the engine's own tests, the integration tests, the app's route and
//! component tests build their corpora here rather than each by hand.
//!
//! Guarantee: every function returns a valid corpus or document, or panics with the reason
//! (a fixture that is not valid is a bug in the test).

use crate::index::Index;
use crate::model::{Corpus, Document, Meta};
use crate::parse::SourceFile;

/// A document with id `id`, the title `id` and these passages.
pub fn doc(id: &str, passages: &[&str]) -> Document {
    Document {
        id: id.to_string(),
        meta: Meta { title: id.to_string(), ..Meta::default() },
        passages: passages.iter().map(|p| p.to_string()).collect(),
    }
}

/// A corpus of documents given as (id, passages), titled by their ids.
pub fn corpus(docs: &[(&str, &[&str])]) -> Corpus {
    Corpus::new("fixture", docs.iter().map(|(id, passages)| doc(id, passages)).collect()).expect("fixture corpus is valid")
}

/// A corpus parsed from source files given as (file name, text), exactly as a corpus folder is.
pub fn corpus_from_files(files: &[(&str, &str)]) -> Corpus {
    let files: Vec<SourceFile> = files.iter().map(|(name, text)| SourceFile::new(*name, *text)).collect();
    Corpus::from_files("fixture", &files).unwrap_or_else(|errors| panic!("fixture corpus is invalid: {errors:?}"))
}

/// `corpus` with its index, both leaked for the `'static` lifetime that mounted components need.
pub fn leaked(corpus: Corpus) -> (&'static Corpus, &'static Index) {
    let corpus: &'static Corpus = Box::leak(Box::new(corpus));
    (corpus, Box::leak(Box::new(Index::build(corpus))))
}
