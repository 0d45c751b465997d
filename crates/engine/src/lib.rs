//! Lectern's engine: the corpus model and everything computed from it.
//!
//! Plain data in, plain data out. This crate never touches the file system, the network or the
//! browser (no leptos, web-sys or gloo), so every rule in it is tested natively and fast, and the
//! same code runs in the build script, the `lectern` CLI and the WebAssembly app.
//!
//! - [`catalog`]: the list of documents filtered and sorted as a reader browses it.
//! - [`model`]: documents, their metadata and passages (¶), and the validated [`Corpus`].
//! - [`parse`]: one source file (name + bytes) into a [`Document`], Markdown or plain text.
//! - [`own`]: documents a reader brings to the page, parsed by the build's rules, ids made unique.
//! - [`front`]: the YAML front matter of a Markdown file, read without a YAML crate.
//! - [`error`]: what can be wrong with a corpus, phrased so the user can fix it.
//! - [`text`]: words into folded search terms, the same for the index and for queries.
//! - [`index`]: the inverted index over all passages, built when the corpus is bundled (or, for
//!   a reader's own documents, in the page, a document at a time).
//! - [`query`]: what the reader typed, as terms and phrases.
//! - [`search`]: ranked, typo-tolerant passage search with highlights and true counts.
//! - [`stopwords`]: the English function words, one list for the whole engine.
//! - [`titles`]: documents found by their title or id.
//! - `generate` (only with the `generate` feature, so the app never carries it): deterministic
//!   test corpora and queries for the relevance suite, the CLI and the benchmarks, and its
//!   seeded random source `generate::Rng`, the one every test that needs randomness uses.
//! - `fixture` (the same feature): hand-built documents and corpora for tests, in one place.
//! - [`snippet`]: the part of a passage to show, and text cut into marked pieces.
//! - [`quotes`]: the quotations and quoted terms in a passage.
//! - [`align`]: word-by-word alignment of two texts, with a similarity figure.
//! - [`anchor`]: quote links (TextQuoteSelectors) found again in an edited corpus, with a verdict.
//! - [`check`]: check a quote printed elsewhere against the corpus: verdict and best span.
//! - [`similar`]: passages worded like a given ¶, ranked by word-by-word similarity.
//! - [`concordance`]: every occurrence of a word or phrase in context, counted exactly, sorted.
//! - [`trends`]: how often words occur per document, per ¶ or per tenth (per 10,000 words).
//! - [`frequency`]: most frequent words and phrases, and keywords by log-likelihood (keyness).
//! - [`cite`]: a quote's citation as plain text and Markdown.
//! - [`export`]: quotes with citations and quote links as Markdown, BibTeX, CSL-JSON and CSV.
//! - [`bundle`]: the bytes a corpus is bundled as, written at build time, read in the app.
//! - [`order`]: stable sorting through one compiled sort, to keep the wasm small.

#![warn(missing_docs)]

pub mod align;
pub mod anchor;
pub mod bundle;
pub mod catalog;
pub mod check;
pub mod cite;
pub mod concordance;
pub mod error;
pub mod export;
pub mod front;
#[cfg(feature = "generate")]
pub mod fixture;
mod fold_table;
pub mod frequency;
#[cfg(feature = "generate")]
pub mod generate;
pub mod index;
pub mod model;
pub mod order;
pub mod own;
pub mod parse;
pub mod query;
pub mod quotes;
pub mod search;
pub mod similar;
pub mod snippet;
pub mod stopwords;
pub mod text;
pub mod titles;
pub mod trends;

pub use error::{CorpusError, Problem};
pub use model::{Corpus, Document, Meta};
pub use parse::{parse_document, parse_document_explained, NotATitle, SourceFile, TitleRule};
pub use search::{Hit, SearchOptions, SearchResults, Searcher};
pub use index::Index;
