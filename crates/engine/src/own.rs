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

/// An HTML file's text made inert before the browser parses it for its text: `<script>` and
/// `<style>` elements are dropped and event-handler (`on…=`) and `style=` attributes renamed,
/// so a page with a strict Content-Security-Policy has nothing to block (and report) while
/// parsing it. Only markup changes; the text between tags is kept as it is.
pub fn inert_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // ASCII lowering keeps every byte offset, so `lower` and `html` index alike.
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while let Some(open) = lower[i..].find('<').map(|at| i + at) {
        out.push_str(&html[i..open]);
        let dropped = ["script", "style"].into_iter().find(|tag| {
            lower[open + 1..].starts_with(tag) && lower[open + 1 + tag.len()..].starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace())
        });
        if let Some(tag) = dropped {
            let close = format!("</{tag}");
            i = match lower[open..].find(&close) {
                Some(at) => lower[open + at..].find('>').map_or(html.len(), |gt| open + at + gt + 1),
                None => html.len(),
            };
            continue;
        }
        // A tag: copied as it is, but for risky attribute names outside quoted values.
        let mut quote = None;
        let mut end = html.len();
        for (at, c) in html[open..].char_indices() {
            let at = open + at;
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '"' || c == '\'' => quote = Some(c),
                None if c == '>' => {
                    out.push(c);
                    end = at + 1;
                    break;
                }
                None if c.is_ascii_whitespace() => {
                    let rest = &lower[at + 1..];
                    let name = &rest[..rest.find(|ch: char| !ch.is_ascii_alphanumeric() && ch != '-').unwrap_or(rest.len())];
                    if (name.len() > 2 && name.starts_with("on")) || name == "style" {
                        out.push(c);
                        out.push_str("data-inert-");
                        continue;
                    }
                }
                None => {}
            }
            out.push(c);
        }
        i = end;
    }
    out.push_str(&html[i..]);
    out
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

/// Parses files one at a time (so a page can read and parse them as they arrive), giving each
/// document an id not in `taken` nor used by an earlier file.
#[derive(Clone, Debug, Default)]
pub struct Bringer {
    taken: HashSet<String>,
    brought: Brought,
}

impl Bringer {
    /// A bringer for a page whose documents have the ids `taken`.
    pub fn new<'a>(taken: impl IntoIterator<Item = &'a str>) -> Self {
        Bringer { taken: taken.into_iter().map(str::to_string).collect(), brought: Brought::default() }
    }

    /// `id`, or the next free `id-2`, `id-3`, …, which is taken from now on.
    pub fn claim(&mut self, id: &str) -> String {
        let id = unique_id(&self.taken, id);
        self.taken.insert(id.clone());
        id
    }

    /// Parses the next file (hidden ones are skipped).
    pub fn add(&mut self, file: &Incoming) {
        if is_hidden(file.name()) {
            return;
        }
        match parse_incoming(file) {
            Ok(mut doc) => {
                doc.id = self.claim(&doc.id);
                self.brought.documents.push(doc);
            }
            Err(e) => self.brought.errors.push(e),
        }
    }

    /// What came of the files added.
    pub fn finish(self) -> Brought {
        self.brought
    }
}

/// Parses `incoming` with a [`Bringer`]: every file at once.
pub fn bring<'a>(taken: impl IntoIterator<Item = &'a str>, incoming: &[Incoming]) -> Brought {
    let mut bringer = Bringer::new(taken);
    for file in incoming {
        bringer.add(file);
    }
    bringer.finish()
}

/// True when `base`, the corpus the page came with, already holds `doc` as it is (same id, title
/// and text): a copy saved with the reader's documents in it, opened from disk, finds the same
/// documents kept in the browser (every `file://` page shares one store in Chromium), and
/// restoring them would show each twice.
pub fn already_shown(base: &Corpus, doc: &Document) -> bool {
    base.document(&doc.id) == Some(doc)
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
    fn inert_html_keeps_text_and_drops_what_a_policy_would_block() {
        for (html, inert) in [
            ("<p>a</p><script>x()</script><p>b</p>", "<p>a</p><p>b</p>"),
            ("<STYLE type=x>p{}</STYLE>é<scripted>t</scripted>", "é<scripted>t</scripted>"),
            ("<img src=x onerror=\"go()\" alt='on=x'>", "<img src=x data-inert-onerror=\"go()\" alt='on=x'>"),
            ("<p style=\"color:red\" title=\"é >\">one = on, style=</p>", "<p data-inert-style=\"color:red\" title=\"é >\">one = on, style=</p>"),
            ("<p>unclosed <script>x", "<p>unclosed "),
            ("a < b", "a < b"),
        ] {
            assert_eq!(inert_html(html), inert, "{html}");
        }
    }

    #[test]
    fn a_kept_document_the_page_already_holds_is_shown_once() {
        let base = crate::fixture::corpus(&[("notes", &["Field notes."]), ("m", &["Bundled."])]);
        let check = |doc: Document, expected: bool| assert_eq!(already_shown(&base, &doc), expected, "{doc:?}");
        check(base.documents()[0].clone(), true);
        check(crate::fixture::doc("notes", &["Field notes, edited since."]), false);
        check(crate::fixture::doc("other", &["Field notes."]), false);
        let mut retitled = base.documents()[0].clone();
        retitled.meta.title = "Other title".into();
        check(retitled, false);
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
