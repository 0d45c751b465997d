//! Citations for a quote: plain text and Markdown, with author, title, source, date, ¶, the
//! version of the corpus it was read in (build date and checksum, as "About this copy" shows)
//! and where to read it. Missing metadata is left out rather than printed as blanks.
//!
//! Guarantee: a citation never presents a link that only works on the citer's own machine as
//! shareable: a copy opened from disk is named as such ([`Link::SavedCopy`]) instead, and so is
//! a reader's own document ([`Link::Yours`]), which is in no corpus anyone else can open.

use crate::model::Document;

/// What is being cited: a quote from ¶`passage` of `doc`, and where it can be read.
pub struct Citation<'a> {
    /// The document quoted.
    pub doc: &'a Document,
    /// 1-based ¶ of the quote.
    pub passage: usize,
    /// The quoted text.
    pub quote: &'a str,
    /// Where the reader can follow the quote back.
    pub link: Link<'a>,
    /// The corpus snapshot the quote was read in, when known.
    pub version: Option<Version<'a>>,
}

/// Where a reader of the citation can find the quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link<'a> {
    /// A permalink others can open.
    Shareable(&'a str),
    /// The quote was read in a saved copy (a file opened from disk): its address is no link.
    SavedCopy,
    /// The quote is from one of the citer's own documents, opened in their browser: no one
    /// else's copy has it, and the corpus version says nothing of it.
    Yours,
}

/// The corpus snapshot: the build date and the SHA-256 of the bundled corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version<'a> {
    /// The day the corpus was built (`YYYY-MM-DD`).
    pub build_date: &'a str,
    /// The SHA-256 of the bundled corpus, in hex.
    pub checksum: &'a str,
}

/// The checksum is cited by this many leading hex digits, enough to tell snapshots apart.
pub const CHECKSUM_DIGITS: usize = 12;

/// What a citation says instead of a link when the quote was read in a saved copy.
pub const SAVED_COPY_NOTE: &str = "From a saved copy of Lectern, not a shareable link.";

/// What a citation says instead of a link when the quote is from the citer's own document.
pub const YOURS_NOTE: &str = "From the citer’s own documents, opened in Lectern; not a shareable link.";

impl Link<'_> {
    /// The note a citation gives in place of a link, when it has no link to give.
    fn note(self) -> Option<&'static str> {
        match self {
            Link::Shareable(_) => None,
            Link::SavedCopy => Some(SAVED_COPY_NOTE),
            Link::Yours => Some(YOURS_NOTE),
        }
    }
}

impl Citation<'_> {
    /// `“quote” — Author, “Title”, Source, 2015-12-22, ¶2. Lectern corpus built 2026-01-01,
    /// SHA-256 0123456789ab. https://…`
    pub fn plain(&self) -> String {
        let link = match self.link {
            Link::Shareable(url) => url,
            other => other.note().unwrap_or_default(),
        };
        format!("“{}” — {}.{} {link}", nested(self.quote.trim()), self.reference(|t| format!("“{t}”")), self.version_note())
    }

    /// The same as a Markdown block quote with a linked reference.
    pub fn markdown(&self) -> String {
        let quote: String = self.quote.trim().lines().map(|l| format!("> {l}\n")).collect();
        let link = match self.link {
            Link::Shareable(url) => format!("[Permalink]({url})"),
            other => format!("*{}*", other.note().unwrap_or_default()),
        };
        format!("{quote}\n— {}.{} {link}", self.reference(|t| format!("*{t}*")), self.version_note())
    }

    /// ` Lectern corpus built <date>, SHA-256 <first digits>.`, or nothing when unknown or
    /// when the quote is from the citer's own document, which that corpus does not hold.
    fn version_note(&self) -> String {
        match self.version {
            Some(v) if self.link != Link::Yours => {
                let digits = v.checksum.get(..CHECKSUM_DIGITS).unwrap_or(v.checksum);
                format!(" Lectern corpus built {}, SHA-256 {digits}.", v.build_date)
            }
            _ => String::new(),
        }
    }

    /// Author, title, source, date and ¶, with the title styled by `title`.
    pub fn reference(&self, title: impl Fn(&str) -> String) -> String {
        let meta = &self.doc.meta;
        let mut parts: Vec<String> = Vec::new();
        parts.extend(meta.author.clone());
        parts.push(title(&meta.title));
        parts.extend(meta.source.clone());
        parts.extend(meta.date.clone());
        parts.push(format!("¶{}", self.passage));
        parts.join(", ")
    }
}

/// A quote set inside the citation's own double quotes, its double quotes made single, as a
/// quotation within a quotation is printed: `“We need…”` is cited `“‘We need…’”`, not `““We need…””`.
fn nested(quote: &str) -> String {
    quote
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            '"' => '\'',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    fn article() -> Document {
        Document {
            id: "a".into(),
            meta: Meta {
                title: "Framing the Agenda".into(),
                author: Some("Jessica Ludwig".into()),
                date: Some("2015-12-22".into()),
                source: Some("ned-micro-blog".into()),
                ..Meta::default()
            },
            passages: vec![],
        }
    }

    const VERSION: Version = Version { build_date: "2026-11-26", checksum: "0123456789abcdef0123" };

    fn check(citation: Citation, plain: &str, markdown: &str) {
        assert_eq!(citation.plain(), plain);
        assert_eq!(citation.markdown(), markdown);
    }

    #[test]
    fn plain_and_markdown() {
        let doc = article();
        check(
            Citation { doc: &doc, passage: 2, quote: " We need to respect ", link: Link::Shareable("https://x/#/doc/a/2"), version: None },
            "“We need to respect” — Jessica Ludwig, “Framing the Agenda”, ned-micro-blog, 2015-12-22, ¶2. https://x/#/doc/a/2",
            "> We need to respect\n\n— Jessica Ludwig, *Framing the Agenda*, ned-micro-blog, 2015-12-22, ¶2. [Permalink](https://x/#/doc/a/2)",
        );
        let bare = Document { id: "b".into(), meta: Meta { title: "T".into(), ..Meta::default() }, passages: vec![] };
        let c = Citation { doc: &bare, passage: 1, quote: "q", link: Link::Shareable("p"), version: None };
        assert_eq!(c.plain(), "“q” — “T”, ¶1. p");
    }

    #[test]
    fn a_quote_within_the_quote_takes_single_marks() {
        let bare = Document { id: "b".into(), meta: Meta { title: "T".into(), ..Meta::default() }, passages: vec![] };
        let check = |quote: &str, plain: &str| {
            let c = Citation { doc: &bare, passage: 1, quote, link: Link::Shareable("p"), version: None };
            assert_eq!(c.plain(), plain);
            // The Markdown block quote needs no marks of its own, so it keeps the text's.
            assert!(c.markdown().starts_with(&format!("> {}", quote.trim())), "{}", c.markdown());
        };
        check("“We need to respect national security.”", "“‘We need to respect national security.’” — “T”, ¶1. p");
        check("He said \"no\" twice", "“He said 'no' twice” — “T”, ¶1. p");
        check("it’s ‘fine’", "“it’s ‘fine’” — “T”, ¶1. p");
    }

    #[test]
    fn with_the_corpus_version() {
        let doc = article();
        check(
            Citation { doc: &doc, passage: 3, quote: "each country", link: Link::Shareable("https://x/#/doc/a/3"), version: Some(VERSION) },
            "“each country” — Jessica Ludwig, “Framing the Agenda”, ned-micro-blog, 2015-12-22, ¶3. Lectern corpus built 2026-11-26, SHA-256 0123456789ab. https://x/#/doc/a/3",
            "> each country\n\n— Jessica Ludwig, *Framing the Agenda*, ned-micro-blog, 2015-12-22, ¶3. Lectern corpus built 2026-11-26, SHA-256 0123456789ab. [Permalink](https://x/#/doc/a/3)",
        );
        let short = Version { build_date: "d", checksum: "abc" };
        let c = Citation { doc: &doc, passage: 1, quote: "q", link: Link::Shareable("p"), version: Some(short) };
        assert!(c.plain().ends_with("¶1. Lectern corpus built d, SHA-256 abc. p"), "{}", c.plain());
    }

    #[test]
    fn a_saved_copy_gives_no_link() {
        let doc = article();
        check(
            Citation { doc: &doc, passage: 3, quote: "each country", link: Link::SavedCopy, version: Some(VERSION) },
            "“each country” — Jessica Ludwig, “Framing the Agenda”, ned-micro-blog, 2015-12-22, ¶3. Lectern corpus built 2026-11-26, SHA-256 0123456789ab. From a saved copy of Lectern, not a shareable link.",
            "> each country\n\n— Jessica Ludwig, *Framing the Agenda*, ned-micro-blog, 2015-12-22, ¶3. Lectern corpus built 2026-11-26, SHA-256 0123456789ab. *From a saved copy of Lectern, not a shareable link.*",
        );
    }

    #[test]
    fn a_readers_own_document_gives_no_link_and_no_corpus_version() {
        let doc = article();
        check(
            Citation { doc: &doc, passage: 3, quote: "each country", link: Link::Yours, version: Some(VERSION) },
            "“each country” — Jessica Ludwig, “Framing the Agenda”, ned-micro-blog, 2015-12-22, ¶3. From the citer’s own documents, opened in Lectern; not a shareable link.",
            "> each country\n\n— Jessica Ludwig, *Framing the Agenda*, ned-micro-blog, 2015-12-22, ¶3. *From the citer’s own documents, opened in Lectern; not a shareable link.*",
        );
    }
}
