//! Lectern's engine: the corpus model and everything computed from it.
//!
//! Plain data in, plain data out. This crate never touches the file system, the network or the
//! browser (no leptos, web-sys or gloo), so every rule in it is tested natively and fast, and the
//! same code runs in the build script, the `lectern` CLI and the WebAssembly app.
//!
//! - [`model`]: documents, their metadata and passages (¶), and the validated [`Corpus`].
//! - [`parse`]: one source file (name + bytes) into a [`Document`], Markdown or plain text.
//! - [`error`]: what can be wrong with a corpus, phrased so the user can fix it.
//! - [`bundle`]: the bytes a corpus is bundled as, written at build time, read in the app.

pub mod bundle;
pub mod error;
pub mod model;
pub mod parse;

pub use error::{CorpusError, Problem};
pub use model::{Corpus, Document, Meta};
pub use parse::{parse_document, SourceFile};
