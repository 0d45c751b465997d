//! Documents a reader brings to the page: files parsed by the very rules of the build, joined to
//! the corpus the page came with.
//!
//! Guarantees: a file that breaks a rule is reported with the build's own message (file, line,
//! fix) and left out, never stopping the others; every document keeps its file's stem as id
//! unless that id is taken (by the page's corpus or an earlier file), in which case it becomes
//! `<stem>-2`, `<stem>-3`, … — so a link made to a bundled document never lands on a reader's.
//! Hidden files (`.DS_Store`) are skipped, as the build skips them.

use std::collections::HashSet;

use crate::error::CorpusError;
use crate::model::{Corpus, Document};
use crate::parse::{document_from_blocks, parse_document, SourceFile};

/// One file as the page received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// A Markdown or plain-text file (or anything else, which is reported as unsupported).
    File(SourceFile),
    /// An HTML file, its text already taken out by the browser's parser: the `<title>` and the
    /// texts of its block elements (see [`document_from_blocks`]).
    Html {
        /// The file name.
        name: String,
        /// Its `<title>` or first heading, if any.
        title: Option<String>,
        /// The texts of its block elements, in order.
        blocks: Vec<String>,
    },
}

impl Incoming {
    /// The file name, as messages show it.
    pub fn name(&self) -> &str {
        match self {
            Incoming::File(file) => &file.name,
            Incoming::Html { name, .. } => name,
        }
    }
}

/// What came of a batch of files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Brought {
    /// The documents that parsed, with their final ids, in the order the files came.
    pub documents: Vec<Document>,
    /// One message per file left out.
    pub errors: Vec<CorpusError>,
}

/// `id`, or the first of `id-2`, `id-3`, … that is not in `taken`.
pub fn unique_id(taken: &HashSet<String>, id: &str) -> String {
    if !taken.contains(id) {
        return id.to_string();
    }
    (2..).map(|n| format!("{id}-{n}")).find(|candidate| !taken.contains(candidate)).expect("some number is free")
}

/// Parses one file by the build's rules.
pub fn parse_incoming(incoming: &Incoming) -> Result<Document, CorpusError> {
    match incoming {
        Incoming::File(file) => parse_document(file),
        Incoming::Html { name, title, blocks } => document_from_blocks(name, title.as_deref(), blocks),
    }
}

/// Whether the file is hidden (its name starts with a dot), which the build skips too.
pub fn is_hidden(name: &str) -> bool {
    name.rsplit(['/', '\\']).next().is_some_and(|base| base.starts_with('.'))
}

/// Parses `incoming`, giving each document an id not in `taken` (nor used by an earlier file).
pub fn bring<'a>(taken: impl IntoIterator<Item = &'a str>, incoming: &[Incoming]) -> Brought {
    let mut taken: HashSet<String> = taken.into_iter().map(str::to_string).collect();
    let mut brought = Brought::default();
    for file in incoming.iter().filter(|f| !is_hidden(f.name())) {
        match parse_incoming(file) {
            Ok(mut doc) => {
                doc.id = unique_id(&taken, &doc.id);
                taken.insert(doc.id.clone());
                brought.documents.push(doc);
            }
            Err(e) => brought.errors.push(e),
        }
    }
    brought
}

/// The page's corpus with the reader's documents added (ids already unique, see [`bring`]).
pub fn joined(base: &Corpus, yours: &[Document]) -> Corpus {
    let all = base.documents().iter().chain(yours).cloned().collect();
    Corpus::new("your documents", all).expect("unique ids and at least one document make a valid corpus")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Problem;

    fn file(name: &str, text: &str) -> Incoming {
        Incoming::File(SourceFile::new(name, text))
    }

    /// Brings `files` beside documents with ids `taken`; expects the ids and the files in error.
    fn check(taken: &[&str], files: &[Incoming], ids: &[&str], failed: &[&str]) {
        let brought = bring(taken.iter().copied(), files);
        let got: Vec<&str> = brought.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(got, ids);
        let errors: Vec<&str> = brought.errors.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(errors, failed);
    }

    #[test]
    fn clashing_ids_are_made_unique() {
        check(&[], &[file("a.txt", "One.")], &["a"], &[]);
        check(&["a"], &[file("a.txt", "One.")], &["a-2"], &[]);
        check(&["a", "a-2"], &[file("a.txt", "One."), file("sub/a.md", "---\ntitle: A\n---\nTwo.")], &["a-3", "a-4"], &[]);
        let html = Incoming::Html { name: "a.html".into(), title: None, blocks: vec!["Three.".into()] };
        check(&[], &[file("a.md", "---\ntitle: A\n---\nTwo."), html], &["a", "a-2"], &[]);
    }

    #[test]
    fn bad_files_are_reported_with_the_build_message_and_the_rest_load() {
        let files = [file("good.txt", "Fine."), file("untitled.md", "---\nauthor: X\n---\nText."), file("pic.png", "\u{89}PNG"), file(".DS_Store", "x")];
        check(&[], &files, &["good"], &["untitled.md", "pic.png"]);
        let brought = bring([], &files);
        assert_eq!(brought.errors[0].to_string(), crate::parse_document(&SourceFile::new("untitled.md", "---\nauthor: X\n---\nText.")).unwrap_err().to_string());
        assert!(matches!(brought.errors[1].problem, Problem::Unsupported { .. }));
    }

    #[test]
    fn joined_keeps_both_in_id_order() {
        let base = crate::fixture::corpus(&[("m", &["Bundled."])]);
        let brought = bring(base.documents().iter().map(|d| d.id.as_str()), &[file("z.txt", "Yours."), file("m.txt", "Also yours.")]);
        let corpus = joined(&base, &brought.documents);
        let ids: Vec<&str> = corpus.documents().iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["m", "m-2", "z"]);
    }
}
