//! One source file into a [`Document`]: Markdown with YAML front matter, or plain text.
//!
//! Guarantees: the document id is the file stem; a passage is the text between blank lines
//! (lines holding only whitespace, no-break spaces included, count as blank); no body text is
//! dropped or altered beyond trimming whitespace at the ends of lines and passages and
//! normalising line endings. Every failure is a [`CorpusError`] naming the file and line.
//!
//! The front-matter block is split off by hand rather than with a front-matter crate because the
//! errors must carry line numbers in the user's file; the YAML inside it is read by
//! [`crate::front`] (see there why not a YAML crate).

use crate::error::{CorpusError, Problem};
use crate::model::{Document, Meta};

/// A file as read from the corpus folder: its name (as the user should see it in messages; the
/// last path component gives the id and the format) and its raw bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The file name, with its extension (the id is its stem).
    pub name: String,
    /// The raw content; decoded as UTF-8 when parsed.
    pub bytes: Vec<u8>,
}

impl SourceFile {
    /// A file named `name` holding `bytes`.
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        SourceFile { name: name.into(), bytes: bytes.into() }
    }
}

/// The longest first line of a `.txt` file that is still taken as its title.
const TXT_TITLE_MAX_CHARS: usize = 100;

/// The formats the corpus accepts, chosen by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Markdown,
    Text,
}

/// Parses one file. See the module documentation for the rules.
pub fn parse_document(file: &SourceFile) -> Result<Document, CorpusError> {
    parse_document_explained(file).map(|(doc, _)| doc)
}

/// Parses one file as [`parse_document`] does, and also says where its title came from (for
/// `lectern check`, so a user can see why a plain-text file got the title it has).
pub fn parse_document_explained(file: &SourceFile) -> Result<(Document, TitleRule), CorpusError> {
    let base = file.name.rsplit(['/', '\\']).next().unwrap_or(&file.name);
    let (stem, extension) = match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext.to_ascii_lowercase()),
        _ => (base, String::new()),
    };
    let fail = |line, problem| CorpusError::new(&file.name, line, problem);
    let format = match extension.as_str() {
        "md" | "markdown" => Format::Markdown,
        "txt" => Format::Text,
        _ => return Err(fail(None, Problem::Unsupported { extension })),
    };
    let text = std::str::from_utf8(&file.bytes).map_err(|e| {
        let line = file.bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        fail(Some(line), Problem::InvalidUtf8)
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // An empty file lacks its text before it lacks a title.
    if text.trim().is_empty() {
        return Err(fail(None, Problem::EmptyDocument));
    }
    // Lines end as on Unix, Windows or the classic Mac (a lone CR).
    let lines: Vec<&str> = text.split('\n').flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r')).collect();

    let (meta, body, rule) = match format {
        Format::Markdown => {
            let (front, body) = split_front_matter(&lines).map_err(|p| fail(Some(1), p))?;
            let [title, author, date, source, url, attribution] = crate::front::read(front.0, front.1)
                .map_err(|(line, reason)| fail(Some(line), Problem::MalformedFrontMatter { reason }))?;
            let title = clean(title).ok_or_else(|| fail(Some(1), Problem::MissingTitle))?;
            let meta = Meta {
                title,
                author: clean(author),
                date: clean(date),
                source: clean(source),
                url: clean(url),
                attribution: clean(attribution),
            };
            (meta, body, TitleRule::FrontMatter)
        }
        Format::Text => text_title(&lines, stem),
    };
    let passages = passages(body);
    if passages.is_empty() {
        return Err(fail(None, Problem::EmptyDocument));
    }
    Ok((Document { id: stem.to_string(), meta, passages }, rule))
}

/// A document from an HTML file whose text the browser's own parser has taken out: `blocks` are
/// the texts of its block elements in order, `title` its `<title>` (or first heading). Whitespace
/// inside a block is collapsed as a browser renders it; empty blocks are dropped. The id is the
/// file stem, as for every format; without a title, the file name gives it.
pub fn document_from_blocks(name: &str, title: Option<&str>, blocks: &[String]) -> Result<Document, CorpusError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| if stem.is_empty() { base } else { stem });
    let collapse = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let passages: Vec<String> = blocks.iter().map(|b| collapse(b)).filter(|b| !b.is_empty()).collect();
    if passages.is_empty() {
        return Err(CorpusError::new(name, None, Problem::EmptyDocument));
    }
    let title = title.map(collapse).filter(|t| !t.is_empty()).unwrap_or_else(|| title_from_stem(stem));
    Ok(Document { id: stem.to_string(), meta: Meta { title, ..Meta::default() }, passages })
}

/// Splits `---` front matter off the lines. Returns the front-matter lines with their 1-based
/// starting line number, and the body lines.
fn split_front_matter<'a, 'b>(lines: &'b [&'a str]) -> Result<((usize, &'b [&'a str]), &'b [&'a str]), Problem> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err(Problem::MissingTitle);
    }
    let close = lines[1..]
        .iter()
        .position(|l| matches!(l.trim_end(), "---" | "..."))
        .ok_or(Problem::UnclosedFrontMatter)?;
    Ok(((2, &lines[1..1 + close]), &lines[close + 2..]))
}

/// Where a document's title came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleRule {
    /// The `title` of a Markdown file's front matter.
    FrontMatter,
    /// The first line of a plain-text file, which stands alone like a heading.
    FirstLine,
    /// The file name, because the plain-text file's first line is no title, for this reason.
    FileName(NotATitle),
}

/// Why the first line of a plain-text file is not taken as its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotATitle {
    /// No blank line after it, or no text after that.
    NotAlone,
    /// Longer than [`TXT_TITLE_MAX_CHARS`].
    TooLong,
    /// It ends in `.`, `,`, `;` or `:`, as prose does.
    EndsLikeSentence,
    /// `[Read before a joint session …]`, `(Applause.)`: an editor's note, not a heading.
    BracketedNote,
    /// `Jump to Part II | Part III`, `Home » Speeches`, `Skip to content`: a web page's links.
    NavigationBar,
    /// `https://…`, `www.…`: where the text was copied from.
    WebAddress,
    /// `January 20, 1961`, `1961-01-20`: when, not what.
    DateOnly,
    /// `* * *`, `- 1 -`: a rule or a page number.
    NoLetters,
    /// `FOR IMMEDIATE RELEASE`, `Transcript`: a label any document of its kind carries.
    Boilerplate,
    /// `By Ann Author`: who, not what.
    Byline,
}

impl std::fmt::Display for TitleRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TitleRule::FrontMatter => f.write_str("from front matter"),
            TitleRule::FirstLine => f.write_str("from first line"),
            TitleRule::FileName(why) => write!(f, "from file name (first line {})", why.describe()),
        }
    }
}

impl NotATitle {
    fn describe(self) -> &'static str {
        match self {
            NotATitle::NotAlone => "is not followed by a blank line and more text",
            NotATitle::TooLong => "is longer than 100 characters",
            NotATitle::EndsLikeSentence => "ends like a sentence",
            NotATitle::BracketedNote => "looks like a bracketed note",
            NotATitle::NavigationBar => "looks like a navigation bar",
            NotATitle::WebAddress => "is a web address",
            NotATitle::DateOnly => "is only a date",
            NotATitle::NoLetters => "has no letters",
            NotATitle::Boilerplate => "is boilerplate, not a title",
            NotATitle::Byline => "is a byline",
        }
    }
}

/// Whole lines (compared without case and end punctuation) that documents of a kind all carry.
const BOILERPLATE: &[&str] = &[
    "for immediate release",
    "immediate release",
    "press release",
    "transcript",
    "as prepared for delivery",
    "as delivered",
    "check against delivery",
    "embargoed",
    "embargoed until delivery",
    "confidential",
    "draft",
    "contents",
    "table of contents",
    "advertisement",
];

/// Starts of lines that are a web page's links, compared without case.
const NAVIGATION_STARTS: &[&str] = &["jump to", "skip to", "back to", "go to", "return to", "print this", "share this", "home »", "home >", "home /"];

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun",
];

/// Why `line` (trimmed, standing alone) is not a title, or `None` when it reads as one.
fn not_a_title(line: &str) -> Option<NotATitle> {
    let lower = crate::text::lowercase(line);
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if line.chars().count() > TXT_TITLE_MAX_CHARS {
        Some(NotATitle::TooLong)
    } else if is_date(&lower) {
        Some(NotATitle::DateOnly)
    } else if !line.chars().any(char::is_alphabetic) {
        Some(NotATitle::NoLetters)
    } else if line.ends_with(']') || line.starts_with('[') || (line.starts_with('(') && line.ends_with(')')) {
        Some(NotATitle::BracketedNote)
    } else if line.ends_with(['.', ',', ';', ':']) {
        Some(NotATitle::EndsLikeSentence)
    } else if line.contains(['|', '»', '›']) || line.contains(" > ") || NAVIGATION_STARTS.iter().any(|s| lower.starts_with(s)) {
        Some(NotATitle::NavigationBar)
    } else if lower.contains("://") || lower.starts_with("www.") {
        Some(NotATitle::WebAddress)
    } else if BOILERPLATE.contains(&bare) {
        Some(NotATitle::Boilerplate)
    } else if lower.starts_with("by ") && line.get(3..).is_some_and(|rest| rest.starts_with(char::is_uppercase)) {
        Some(NotATitle::Byline)
    } else {
        None
    }
}

/// A line of only day, month and year: numbers (`20`, `20th`, `1961`), month and weekday names,
/// and the separators between them, with a number and a month name, or three numbers
/// (`1961-01-20`, `20/01/1961`).
fn is_date(lower: &str) -> bool {
    let words: Vec<&str> = lower.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '/' | '-')).filter(|w| !w.is_empty()).collect();
    let number = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && matches!(&w[digits.len()..], "" | "st" | "nd" | "rd" | "th")
    };
    let numbers = words.iter().filter(|w| number(w)).count();
    let months = words.iter().filter(|w| MONTHS.contains(w)).count();
    let only_date_words = words.iter().all(|w| number(w) || MONTHS.contains(w) || WEEKDAYS.contains(w));
    only_date_words && ((numbers >= 1 && months >= 1) || (numbers == 3 && months == 0))
}

/// The title of a plain-text file, its body lines and the rule that chose it: the first line
/// when it stands alone like a heading (a blank line after it and text after that) and reads as
/// one (see [`not_a_title`]), else a title made from the file name with the whole text as body.
fn text_title<'a, 'b>(lines: &'b [&'a str], stem: &str) -> (Meta, &'b [&'a str], TitleRule) {
    let start = lines.iter().position(|l| !is_blank(l)).unwrap_or(lines.len());
    let why = match &lines[start..] {
        [first, second, rest @ ..] if is_blank(second) && rest.iter().any(|l| !is_blank(l)) => match not_a_title(first.trim()) {
            None => return (Meta { title: first.trim().to_string(), ..Meta::default() }, rest, TitleRule::FirstLine),
            Some(why) => why,
        },
        _ => NotATitle::NotAlone,
    };
    (Meta { title: title_from_stem(stem), ..Meta::default() }, lines, TitleRule::FileName(why))
}

/// `my_field-notes` → `My field notes`.
fn title_from_stem(stem: &str) -> String {
    let spaced: String = stem.chars().map(|c| if c == '-' || c == '_' { ' ' } else { c }).collect();
    let spaced = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(c) => crate::text::upper_chars(c).chain(chars).collect(),
        None => stem.to_string(),
    }
}

/// Groups lines into passages at blank lines; each passage keeps its line breaks.
fn passages(lines: &[&str]) -> Vec<String> {
    lines
        .split(|l| is_blank(l))
        .filter(|group| !group.is_empty())
        .map(|group| group.iter().map(|l| l.trim_end()).collect::<Vec<_>>().join("\n").trim().to_string())
        .collect()
}

fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

fn clean(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `name` with `text` and compares id, title and passages.
    fn check(name: &str, text: &str, id: &str, title: &str, passages: &[&str]) {
        let doc = parse_document(&SourceFile::new(name, text)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.id, id, "id of {name}");
        assert_eq!(doc.meta.title, title, "title of {name}");
        assert_eq!(doc.passages, passages, "passages of {name}");
    }

    /// Parses `name` with `bytes`, expecting `problem` at `line`, and a message naming the file.
    fn check_err(name: &str, bytes: &[u8], line: Option<usize>, problem: Problem) {
        let err = parse_document(&SourceFile::new(name, bytes)).expect_err(name);
        assert_eq!((err.line, &err.problem), (line, &problem), "{name}: {err}");
        assert!(err.to_string().starts_with(name), "message names the file: {err}");
        assert!(err.to_string().contains("Fix: "), "message says what to fix: {err}");
    }

    const MD: &str = "---\ntitle: \"A: title\"\nauthor: Ann\ndate: 2015-12-22\n---\n\nOne\ntwo.\n\n\nThree “quoted”.\n";

    #[test]
    fn markdown_with_front_matter() {
        check("notes/a.md", MD, "a", "A: title", &["One\ntwo.", "Three “quoted”."]);
        let doc = parse_document(&SourceFile::new("a.md", MD)).unwrap();
        assert_eq!(doc.meta.author.as_deref(), Some("Ann"));
        assert_eq!(doc.meta.date.as_deref(), Some("2015-12-22"));
        assert_eq!(doc.meta.source, None);
    }

    #[test]
    fn line_endings_bom_and_whitespace_lines() {
        check("b.md", "\u{feff}---\r\ntitle: T\r\n---\r\nx  \r\n \u{a0}\r\ny\r\n", "b", "T", &["x", "y"]);
        check("c.MARKDOWN", "---\ntitle: T\n...\nbody", "c", "T", &["body"]);
        check("mac.md", "---\rtitle: T\r---\rOne\rtwo.\r\rThree.\r", "mac", "T", &["One\ntwo.", "Three."]);
        check("mixed.md", "---\r\ntitle: T\n---\rOne\r\r\nTwo.", "mixed", "T", &["One", "Two."]);
    }

    #[test]
    fn scalar_metadata_becomes_text() {
        let doc = parse_document(&SourceFile::new("d.md", "---\ntitle: 1984\ndate: 2015\nauthor:\n---\nx")).unwrap();
        assert_eq!(doc.meta.title, "1984");
        assert_eq!(doc.meta.date.as_deref(), Some("2015"));
        assert_eq!(doc.meta.author, None);
    }

    #[test]
    fn html_blocks_become_passages() {
        let blocks = ["  Heading\n  ".to_string(), "One\n   two\tthree.".into(), " \n ".into(), "Four.".into()];
        let doc = document_from_blocks("dir/page.html", Some(" The  page "), &blocks).unwrap();
        assert_eq!((doc.id.as_str(), doc.meta.title.as_str()), ("page", "The page"));
        assert_eq!(doc.passages, ["Heading", "One two three.", "Four."]);
        assert_eq!(document_from_blocks("field_notes.htm", None, &blocks).unwrap().meta.title, "Field notes");
        assert_eq!(document_from_blocks("x.html", Some(""), &blocks).unwrap().meta.title, "X");
        let empty = document_from_blocks("blank.html", Some("T"), &[" ".into()]).unwrap_err();
        assert_eq!((empty.file.as_str(), &empty.problem), ("blank.html", &Problem::EmptyDocument));
    }

    #[test]
    fn text_title_only_when_it_stands_alone() {
        check("t.txt", "A Heading\n\nBody one.\n\nBody two.", "t", "A Heading", &["Body one.", "Body two."]);
        check("field_notes-2.txt", "First line.\n\nSecond.", "field_notes-2", "Field notes 2", &["First line.", "Second."]);
        check("wrapped.txt", "Not a title\nbut wrapped prose\n\nMore.", "wrapped", "Wrapped", &["Not a title\nbut wrapped prose", "More."]);
        check("only.txt", "Just one line", "only", "Only", &["Just one line"]);
        let long = "x".repeat(TXT_TITLE_MAX_CHARS + 1);
        check("long.txt", &format!("{long}\n\nBody."), "long", "Long", &[long.as_str(), "Body."]);
        check("colon.txt", "Photo: someone:\n\nBody.", "colon", "Colon", &["Photo: someone:", "Body."]);
    }

    /// First lines of real plain-text files (speeches, transcripts, pages saved as text) and
    /// the rule's decision on each: `None` takes the line as the title.
    const FIRST_LINES: &[(&str, Option<NotATitle>)] = &[
        ("Address to the Nation on the Economy", None),
        ("THE GETTYSBURG ADDRESS", None),
        ("What Is to Be Done?", None),
        ("Remarks at the Brandenburg Gate (West Berlin)", None),
        // A bare number at the top of a text is a year or a page number far more often than a title.
        ("1984", Some(NotATitle::NoLetters)),
        ("Chapter 1", None),
        ("Byzantium", None),
        ("Mr. President's Speech", None),
        ("Jump toPart II |Part III |Part IV", Some(NotATitle::NavigationBar)),
        ("Home » Speeches » 1999", Some(NotATitle::NavigationBar)),
        ("Skip to main content", Some(NotATitle::NavigationBar)),
        ("Speeches > Archive > 1961", Some(NotATitle::NavigationBar)),
        ("[Read before a joint session by a clerk of the House of Representatives] [See APP Note.]", Some(NotATitle::BracketedNote)),
        ("[Applause]", Some(NotATitle::BracketedNote)),
        ("(Applause.)", Some(NotATitle::BracketedNote)),
        ("The text as printed [sic]", Some(NotATitle::BracketedNote)),
        ("https://www.presidency.ucsb.edu/documents/address", Some(NotATitle::WebAddress)),
        ("www.example.org/speech", Some(NotATitle::WebAddress)),
        ("January 20, 1961", Some(NotATitle::DateOnly)),
        ("Friday, January 20th, 1961", Some(NotATitle::DateOnly)),
        ("1961-01-20", Some(NotATitle::DateOnly)),
        ("20 Jan 1961", Some(NotATitle::DateOnly)),
        ("* * *", Some(NotATitle::NoLetters)),
        ("- 1 -", Some(NotATitle::NoLetters)),
        ("FOR IMMEDIATE RELEASE", Some(NotATitle::Boilerplate)),
        ("Transcript", Some(NotATitle::Boilerplate)),
        ("As Prepared for Delivery", Some(NotATitle::Boilerplate)),
        ("By Ann Author", Some(NotATitle::Byline)),
        ("My fellow citizens:", Some(NotATitle::EndsLikeSentence)),
        ("Thank you very much.", Some(NotATitle::EndsLikeSentence)),
    ];

    #[test]
    fn first_lines_of_real_files() {
        for &(line, expected) in FIRST_LINES {
            let text = format!("{line}\n\nThe speech begins here.\n");
            let (doc, rule) = parse_document_explained(&SourceFile::new("state_of-the-union.txt", text)).unwrap();
            match expected {
                None => {
                    assert_eq!(rule, TitleRule::FirstLine, "{line:?} is a title");
                    assert_eq!((doc.meta.title.as_str(), doc.passages.len()), (line, 1), "{line:?}");
                }
                Some(why) => {
                    assert_eq!(rule, TitleRule::FileName(why), "{line:?}");
                    assert_eq!(doc.meta.title, "State of the union", "{line:?}");
                    assert_eq!(doc.passages, [line, "The speech begins here."], "{line:?} stays in the body");
                }
            }
        }
    }

    #[test]
    fn the_title_rule_says_what_it_decided() {
        let rule = |name: &str, text: &str| parse_document_explained(&SourceFile::new(name, text)).unwrap().1.to_string();
        assert_eq!(rule("a.md", MD), "from front matter");
        assert_eq!(rule("t.txt", "A Heading\n\nBody."), "from first line");
        assert_eq!(rule("t.txt", "[Note]\n\nBody."), "from file name (first line looks like a bracketed note)");
        assert_eq!(rule("t.txt", "One line only"), "from file name (first line is not followed by a blank line and more text)");
        let long = "x".repeat(TXT_TITLE_MAX_CHARS + 1);
        assert_eq!(rule("t.txt", &format!("{long}\n\nBody.")), "from file name (first line is longer than 100 characters)");
    }

    #[test]
    fn errors_name_file_line_and_fix() {
        check_err("a.pdf", b"x", None, Problem::Unsupported { extension: "pdf".into() });
        check_err("README", b"x", None, Problem::Unsupported { extension: String::new() });
        check_err("bad.txt", b"ok\nstill ok\n\xff\xfe", Some(3), Problem::InvalidUtf8);
        check_err("no-front.md", b"# Title\n\nText", Some(1), Problem::MissingTitle);
        check_err("untitled.md", b"---\nauthor: A\n---\nText", Some(1), Problem::MissingTitle);
        check_err("blank-title.md", b"---\ntitle: '  '\n---\nText", Some(1), Problem::MissingTitle);
        check_err("open.md", b"---\ntitle: T\nText", Some(1), Problem::UnclosedFrontMatter);
        check_err("empty.md", b"---\ntitle: T\n---\n\n \n", None, Problem::EmptyDocument);
        check_err("empty.txt", b"", None, Problem::EmptyDocument);
        check_err("empty.md", b"", None, Problem::EmptyDocument);
        check_err("blank.md", b"\xef\xbb\xbf \r\n\n", None, Problem::EmptyDocument);
    }

    #[test]
    fn malformed_front_matter_points_at_the_line() {
        let err = parse_document(&SourceFile::new("m.md", "---\ntitle: T\nauthor: [unclosed\n---\nx")).unwrap_err();
        assert!(matches!(err.problem, Problem::MalformedFrontMatter { .. }), "{err}");
        assert!(matches!(err.line, Some(3) | Some(4)), "{err}");
        let err = parse_document(&SourceFile::new("k.md", "---\ntitle: T\ntitel: typo\n---\nx")).unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.to_string().contains("titel"), "names the unknown key: {err}");
        assert!(!err.to_string().contains(" at line "), "no second, block-relative line number: {err}");
        // One fix each: the reason's own, or the general one when the reason has none.
        let err = parse_document(&SourceFile::new("d.md", "---
title: T
title: U
---
x")).unwrap_err();
        assert_eq!(err.to_string(), "d.md:3: malformed front matter: duplicate field `title`. Fix: keep one `title:` line.");
        assert_eq!(parse_document(&SourceFile::new("k.md", "---
title: T
titel: typo
---
x")).unwrap_err().to_string().matches("Fix: ").count(), 1);
    }
}
