//! Citations for a quote: plain text and Markdown, with author, title, date, source, ¶ and
//! permalink. Missing metadata is left out rather than printed as blanks.

use crate::model::Document;

/// What is being cited: a quote from ¶`passage` of `doc`, and where it can be read.
pub struct Citation<'a> {
    pub doc: &'a Document,
    pub passage: usize,
    pub quote: &'a str,
    pub permalink: &'a str,
}

impl Citation<'_> {
    /// `“quote” — Author, “Title”, Source, 22 December 2015, ¶2. https://…`
    pub fn plain(&self) -> String {
        format!("“{}” — {}. {}", self.quote.trim(), self.reference(|t| format!("“{t}”")), self.permalink)
    }

    /// The same as a Markdown block quote with a linked reference.
    pub fn markdown(&self) -> String {
        let quote: String = self.quote.trim().lines().map(|l| format!("> {l}\n")).collect();
        format!("{quote}\n— {}. [Permalink]({})", self.reference(|t| format!("*{t}*")), self.permalink)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    #[test]
    fn plain_and_markdown() {
        let doc = Document {
            id: "a".into(),
            meta: Meta {
                title: "Framing the Agenda".into(),
                author: Some("Jessica Ludwig".into()),
                date: Some("2015-12-22".into()),
                source: Some("ned-micro-blog".into()),
                ..Meta::default()
            },
            passages: vec![],
        };
        let c = Citation { doc: &doc, passage: 2, quote: " We need to respect ", permalink: "https://x/#/doc/a/2" };
        assert_eq!(
            c.plain(),
            "“We need to respect” — Jessica Ludwig, “Framing the Agenda”, ned-micro-blog, 2015-12-22, ¶2. https://x/#/doc/a/2"
        );
        assert_eq!(
            c.markdown(),
            "> We need to respect\n\n— Jessica Ludwig, *Framing the Agenda*, ned-micro-blog, 2015-12-22, ¶2. [Permalink](https://x/#/doc/a/2)"
        );
        let bare = Document { id: "b".into(), meta: Meta { title: "T".into(), ..Meta::default() }, passages: vec![] };
        let c = Citation { doc: &bare, passage: 1, quote: "q", permalink: "p" };
        assert_eq!(c.plain(), "“q” — “T”, ¶1. p");
    }
}
