//! Documents a reader brings to the page: files parsed by the very rules of the build, joined to
//! the corpus the page came with.
//!
//! Guarantees: a file that breaks a rule is reported with the build's own message (file, line,
//! fix) and left out, never stopping the others; every document keeps its file's stem as id
//! unless that id is taken (by the page's corpus or an earlier file), in which case it becomes
//! `<stem>-2`, `<stem>-3`, … — so a link made to a bundled document never lands on a reader's.
//! A document the page already shows word for word is left out and said so, never shown twice.
//! Hidden files (`.DS_Store`) are skipped, as the build skips them.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use crate::error::{CorpusError, Problem};
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

/// The encoding of an HTML file that is not UTF-8, as a browser would take it: its byte-order
/// mark's, else the `charset` its first 1,024 bytes declare (`<meta charset="…">`, or the
/// `content` of an `http-equiv`), else `windows-1252`, the Web's default for older pages. The
/// label is for the browser's `TextDecoder`, which knows every encoding by its labels.
pub fn html_encoding(bytes: &[u8]) -> String {
    match bytes {
        [0xff, 0xfe, ..] => return "utf-16le".into(),
        [0xfe, 0xff, ..] => return "utf-16be".into(),
        _ => {}
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let declared = head.match_indices("charset").find_map(|(at, key)| {
        let value = head[at + key.len()..].trim_start().strip_prefix('=')?.trim_start().trim_start_matches(['"', '\'']);
        let label: String = value.chars().take_while(|c| c.is_ascii_alphanumeric() || "-_.:".contains(*c)).collect();
        (!label.is_empty()).then_some(label)
    });
    declared.unwrap_or_else(|| "windows-1252".into())
}

/// Parses files one at a time (so a page can read and parse them as they arrive), giving each
/// document an id not taken by the documents shown nor by an earlier file, and leaving out a
/// document the page already shows word for word (a file opened twice, or a kept document that
/// a saved copy already holds): search and Check would otherwise count its passages twice.
#[derive(Clone, Debug, Default)]
pub struct Bringer {
    taken: HashSet<String>,
    /// Each document shown or brought, by [`fingerprint`]: the id it has.
    seen: FxHashMap<u64, String>,
    brought: Brought,
}

impl Bringer {
    /// A bringer for a page that shows `shown`.
    pub fn new<'a>(shown: impl IntoIterator<Item = &'a Document>) -> Self {
        let mut bringer = Bringer::default();
        for doc in shown {
            bringer.taken.insert(doc.id.clone());
            bringer.seen.insert(fingerprint(doc), doc.id.clone());
        }
        bringer
    }

    /// Adds `doc` under its id, or the next free `id-2`, `id-3`, …; or, when the same document
    /// is shown or brought already, leaves it out and gives the id it has there.
    pub fn admit(&mut self, mut doc: Document) -> Result<(), String> {
        let print = fingerprint(&doc);
        if let Some(id) = self.seen.get(&print) {
            return Err(id.clone());
        }
        doc.id = unique_id(&self.taken, &doc.id);
        self.taken.insert(doc.id.clone());
        self.seen.insert(print, doc.id.clone());
        self.brought.documents.push(doc);
        Ok(())
    }

    /// Parses the next file (hidden ones are skipped).
    pub fn add(&mut self, file: &Incoming) {
        if is_hidden(file.name()) {
            return;
        }
        let error = match parse_incoming(file) {
            Ok(doc) => match self.admit(doc) {
                Ok(()) => return,
                Err(id) => CorpusError::new(file.name(), None, Problem::AlreadyOpen { id }),
            },
            Err(e) => e,
        };
        self.brought.errors.push(error);
    }

    /// What came of the files added.
    pub fn finish(self) -> Brought {
        self.brought
    }
}

/// A document's title, metadata and text, hashed without its id: two files with the same
/// document in them have the same fingerprint, whatever their names.
fn fingerprint(doc: &Document) -> u64 {
    let mut hasher = FxHasher::default();
    (&doc.meta, &doc.passages).hash(&mut hasher);
    hasher.finish()
}

/// Parses `incoming` with a [`Bringer`]: every file at once.
pub fn bring<'a>(shown: impl IntoIterator<Item = &'a Document>, incoming: &[Incoming]) -> Brought {
    let mut bringer = Bringer::new(shown);
    for file in incoming {
        bringer.add(file);
    }
    bringer.finish()
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

    /// Brings `files` beside documents with ids `taken` (each with a text of its own); expects
    /// the ids, and gives what was brought.
    fn brought_beside(taken: &[&str], files: &[Incoming], ids: &[&str]) -> Brought {
        let shown: Vec<Document> = taken.iter().map(|id| crate::fixture::doc(id, &[&format!("Bundled as {id}.")])).collect();
        let brought = bring(&shown, files);
        let got: Vec<&str> = brought.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(got, ids);
        brought
    }

    /// Like [`brought_beside`]; expects the files in error.
    fn check(taken: &[&str], files: &[Incoming], ids: &[&str], failed: &[&str]) {
        let errors: Vec<String> = brought_beside(taken, files, ids).errors.into_iter().map(|e| e.file).collect();
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
    fn a_document_already_shown_word_for_word_is_left_out() {
        let base = crate::fixture::corpus(&[("notes", &["Field notes."]), ("m", &["Bundled."])]);
        let check = |doc: Document, expected: Result<(), &str>| {
            assert_eq!(Bringer::new(base.documents()).admit(doc.clone()), expected.map_err(str::to_string), "{doc:?}");
        };
        let notes = base.document("notes").expect("in the fixture").clone();
        check(notes.clone(), Err("notes"));
        // Under another name, it is still the same document.
        check(Document { id: "notes copy".into(), ..notes.clone() }, Err("notes"));
        check(Document { passages: vec!["Field notes, edited since.".into()], ..notes.clone() }, Ok(()));
        let mut retitled = notes;
        retitled.meta.title = "Other title".into();
        check(retitled, Ok(()));
        // A file opened twice, in one batch or in two, is brought once and then said to be open.
        let twice = [file("a.txt", "One."), file("sub/a.txt", "One."), file("b.txt", "Two.")];
        check_errors(&[], &twice, &["a", "b"], &["sub/a.txt: the same document is already open as `a`, word for word, so it was not added twice. Fix: none needed; to open a changed version, save the file first."]);
        let brought = bring(base.documents(), &[file("other.txt", "Other notes.")]);
        let shown = joined(&base, &brought.documents);
        assert_eq!(bring(shown.documents(), &[file("other.txt", "Other notes.")]).errors[0].problem, Problem::AlreadyOpen { id: "other".into() });
    }

    /// Like [`check`], with the whole messages of the files in error.
    fn check_errors(taken: &[&str], files: &[Incoming], ids: &[&str], errors: &[&str]) {
        let messages: Vec<String> = brought_beside(taken, files, ids).errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages, errors);
    }

    #[test]
    fn an_html_file_not_in_utf8_is_read_in_the_encoding_it_declares() {
        for (bytes, expected) in [
            (&b"<meta charset=\"windows-1252\"><p>caf\xe9</p>"[..], "windows-1252"),
            (b"<META CHARSET=ISO-8859-1>caf\xe9", "iso-8859-1"),
            (b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", "shift_jis"),
            (b"<meta charset = 'koi8-r' >", "koi8-r"),
            (b"<p>caf\xe9, no declaration</p>", "windows-1252"),
            (b"<p>charset is a word here</p>\xe9", "windows-1252"),
            (b"\xff\xfe<\x00p\x00>\x00", "utf-16le"),
            (b"\xfe\xff\x00<\x00p", "utf-16be"),
        ] {
            assert_eq!(html_encoding(bytes), expected, "{}", String::from_utf8_lossy(bytes));
        }
        // A declaration past the first 1,024 bytes is not looked for, as browsers do not.
        let late = [vec![b' '; 1024], b"<meta charset=koi8-r>".to_vec()].concat();
        assert_eq!(html_encoding(&late), "windows-1252");
    }

    #[test]
    fn joined_keeps_both_in_id_order() {
        let base = crate::fixture::corpus(&[("m", &["Bundled."])]);
        let brought = bring(base.documents(), &[file("z.txt", "Yours."), file("m.txt", "Also yours.")]);
        let corpus = joined(&base, &brought.documents);
        let ids: Vec<&str> = corpus.documents().iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["m", "m-2", "z"]);
    }
}
