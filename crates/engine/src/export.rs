//! Evidence to take away: quotes, with their citations and quote links, as Markdown, BibTeX,
//! CSL-JSON and CSV — the formats a writer, a reference manager and a spreadsheet read.
//!
//! Quotes from the corpus carry their document's metadata; pasted text (not from the corpus)
//! and a linked quote with no single place in this version of the corpus (not found, or found
//! in several places: no source, but a link) appear in Markdown and CSV as such, and are left
//! out of BibTeX and CSL-JSON, which describe sources. Guarantees: the output is well-formed whatever the text holds (BibTeX specials are
//! escaped, JSON strings escaped, CSV fields quoted), CSV cells cannot start a spreadsheet
//! formula, and BibTeX keys and CSL ids are unique within one export.

use crate::cite::{Citation, Link};
use crate::model::Document;

/// One quote to export.
#[derive(Clone, Debug)]
pub struct Quote<'a> {
    /// The quoted text.
    pub text: &'a str,
    /// Where it comes from: the document and its ¶, or `None` for pasted text (no link) or a
    /// linked quote with no single place in this version of the corpus (with its link).
    pub source: Option<(&'a Document, usize)>,
    /// The quote link (or, failing that, the permalink) to cite it by.
    pub link: &'a str,
}

/// The export formats, in the order they are offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Quote, citation and quote link, as Markdown block quotes.
    Markdown,
    /// `@misc` entries for a reference manager.
    BibTex,
    /// CSL-JSON items (Zotero, Pandoc citeproc).
    CslJson,
    /// One row per quote, for a spreadsheet.
    Csv,
}

impl Format {
    /// Every format, in the order the export control lists them.
    pub const ALL: [Format; 4] = [Format::Markdown, Format::BibTex, Format::CslJson, Format::Csv];

    /// The name a reader knows it by.
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::BibTex => "BibTeX",
            Format::CslJson => "CSL-JSON",
            Format::Csv => "CSV",
        }
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::BibTex => "bib",
            Format::CslJson => "json",
            Format::Csv => "csv",
        }
    }

    /// The MIME type of a download in this format.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::BibTex => "application/x-bibtex;charset=utf-8",
            Format::CslJson => "application/vnd.citationstyles.csl+json;charset=utf-8",
            Format::Csv => "text/csv;charset=utf-8",
        }
    }

    /// Whether the format cites sources only, leaving out quotes with no place in the corpus
    /// (pasted text, or a quote this version no longer holds).
    pub fn cites_sources_only(self) -> bool {
        matches!(self, Format::BibTex | Format::CslJson)
    }

    /// `quotes` in this format.
    pub fn render(self, quotes: &[Quote]) -> String {
        match self {
            Format::Markdown => markdown(quotes),
            Format::BibTex => bibtex(quotes),
            Format::CslJson => csl_json(quotes),
            Format::Csv => csv(quotes),
        }
    }
}

/// Each quote as a block quote, then its citation and quote link; quotes apart by a rule.
pub fn markdown(quotes: &[Quote]) -> String {
    let block = |q: &Quote| -> String {
        let quoted: String = q.text.trim().lines().map(|l| format!("> {l}\n")).collect();
        let reference = match q.source {
            Some((doc, passage)) => Citation { doc, passage, quote: q.text, link: Link::Shareable(q.link), version: None }.reference(|t| format!("*{t}*")),
            None if q.link.is_empty() => "Pasted text (not from the corpus)".to_string(),
            None => "No single place in this version of the corpus; its quote link shows what became of it".to_string(),
        };
        let link = if q.link.is_empty() { String::new() } else { format!(" [Quote link]({})", q.link) };
        format!("{quoted}\n— {reference}.{link}\n")
    };
    quotes.iter().map(block).collect::<Vec<_>>().join("\n---\n\n")
}

/// A citation's note: "¶2: “…”", the quote's own double quote marks made single, as a quote
/// within a quote is written ("¶2: “‘We need…’”", not "¶2: ““We need…””").
fn note(passage: usize, text: &str) -> String {
    let inner: String = text.trim().chars().map(|c| match c {
        '“' => '‘',
        '”' => '’',
        c => c,
    }).collect();
    format!("¶{passage}: “{inner}”")
}

/// One `@misc` entry per corpus quote.
pub fn bibtex(quotes: &[Quote]) -> String {
    let mut out = String::new();
    for (key, q, doc, passage) in keyed(quotes) {
        let meta = &doc.meta;
        let mut fields: Vec<(&str, String)> = Vec::new();
        fields.extend(meta.author.as_deref().map(|a| ("author", bib(a))));
        fields.push(("title", bib(&meta.title)));
        fields.extend(meta.source.as_deref().map(|s| ("howpublished", bib(s))));
        fields.extend(meta.date.as_deref().map(|d| ("date", bib(d))));
        fields.push(("url", q.link.replace('{', "%7B").replace('}', "%7D")));
        fields.push(("note", bib(&note(passage, q.text))));
        out.push_str(&format!("@misc{{{key},\n"));
        for (name, value) in fields {
            out.push_str(&format!("  {name} = {{{value}}},\n"));
        }
        out.push_str("}\n\n");
    }
    out
}

/// A CSL-JSON array, one item per corpus quote.
pub fn csl_json(quotes: &[Quote]) -> String {
    let items: Vec<String> = keyed(quotes)
        .into_iter()
        .map(|(key, q, doc, passage)| {
            let meta = &doc.meta;
            let mut fields = vec![format!("\"id\": {}", json(&key)), "\"type\": \"article\"".to_string(), format!("\"title\": {}", json(&meta.title))];
            fields.extend(meta.author.as_deref().map(|a| format!("\"author\": [{{\"literal\": {}}}]", json(a))));
            fields.extend(meta.source.as_deref().map(|s| format!("\"container-title\": {}", json(s))));
            fields.extend(meta.date.as_deref().map(|d| format!("\"issued\": {}", issued(d))));
            fields.push(format!("\"URL\": {}", json(q.link)));
            fields.push(format!("\"locator\": {}", json(&passage.to_string())));
            fields.push(format!("\"note\": {}", json(&note(passage, q.text))));
            format!("  {{\n    {}\n  }}", fields.join(",\n    "))
        })
        .collect();
    if items.is_empty() {
        "[]\n".to_string()
    } else {
        format!("[\n{}\n]\n", items.join(",\n"))
    }
}

/// RFC 4180 CSV: the header row as given, then every field quoted (and guarded against
/// formula injection, see `cell`), lines ended by CRLF. The one CSV writer of the engine.
pub fn csv_table(header: &str, rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = format!("{header}\r\n");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|f| cell(f)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// RFC 4180 CSV with a header row, every field quoted, lines ended by CRLF.
pub fn csv(quotes: &[Quote]) -> String {
    csv_table("quote,author,title,source,date,paragraph,link", quotes.iter().map(|q| {
        let (author, title, source, date, passage) = match q.source {
            Some((doc, p)) => {
                let m = &doc.meta;
                let get = |v: &Option<String>| v.clone().unwrap_or_default();
                (get(&m.author), m.title.clone(), get(&m.source), get(&m.date), p.to_string())
            }
            None => Default::default(),
        };
        [q.text.trim(), &author, &title, &source, &date, &passage, q.link].map(str::to_string).to_vec()
    }))
}

/// The corpus quotes with unique keys: `<id>-p<n>`, then `-2`, `-3` for repeats.
fn keyed<'q, 'a>(quotes: &'q [Quote<'a>]) -> Vec<(String, &'q Quote<'a>, &'a Document, usize)> {
    let mut seen: Vec<String> = Vec::new();
    quotes
        .iter()
        .filter_map(|q| {
            let (doc, passage) = q.source?;
            let base: String = format!("{}-p{passage}", doc.id)
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
                .collect();
            let repeats = seen.iter().filter(|k| **k == base).count();
            seen.push(base.clone());
            let key = if repeats == 0 { base } else { format!("{base}-{}", repeats + 1) };
            Some((key, q, doc, passage))
        })
        .collect()
}

/// A BibTeX field value: LaTeX's special characters escaped, so braces always balance.
fn bib(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A JSON string literal. Written by hand: the engine ships in the app, and this one function
/// is all of JSON an export needs.
fn json(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// CSL's `issued`: date parts for an ISO date (`2015`, `2015-12`, `2015-12-22`), else raw.
fn issued(date: &str) -> String {
    let parts: Vec<&str> = date.trim().split('-').collect();
    let numeric = parts.len() <= 3 && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()));
    if numeric && parts[0].len() == 4 {
        let numbers: Vec<String> = parts.iter().map(|p| p.trim_start_matches('0').to_string()).map(|p| if p.is_empty() { "0".into() } else { p }).collect();
        format!("{{\"date-parts\": [[{}]]}}", numbers.join(", "))
    } else {
        format!("{{\"raw\": {}}}", json(date))
    }
}

/// A CSV field, quoted; a leading `=`, `+`, `-`, `@`, tab or CR gets an apostrophe so a
/// spreadsheet shows it instead of running it as a formula.
fn cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    fn doc() -> Document {
        Document {
            id: "framing".into(),
            meta: Meta {
                title: "Framing {the} Agenda & 100%".into(),
                author: Some("Jessica Ludwig".into()),
                date: Some("2015-12-02".into()),
                source: Some("ned-micro-blog".into()),
                ..Meta::default()
            },
            passages: vec![],
        }
    }

    fn quotes(doc: &Document) -> Vec<Quote<'_>> {
        vec![
            Quote { text: "We need \"to\" respect", source: Some((doc, 2)), link: "https://x/#/quote?exact=We%20need&p=2" },
            Quote { text: "=SUM(A1)", source: None, link: "" },
            Quote { text: "again", source: Some((doc, 2)), link: "l{2}" },
            Quote { text: "gone", source: None, link: "https://x/#/quote?exact=gone" },
        ]
    }

    fn check(format: Format, expected: &str) {
        let doc = doc();
        assert_eq!(format.render(&quotes(&doc)), expected, "{}", format.label());
    }

    #[test]
    fn markdown_has_quote_citation_and_link() {
        check(Format::Markdown, "> We need \"to\" respect\n\n— Jessica Ludwig, *Framing {the} Agenda & 100%*, ned-micro-blog, 2015-12-02, ¶2. [Quote link](https://x/#/quote?exact=We%20need&p=2)\n\n---\n\n> =SUM(A1)\n\n— Pasted text (not from the corpus).\n\n---\n\n> again\n\n— Jessica Ludwig, *Framing {the} Agenda & 100%*, ned-micro-blog, 2015-12-02, ¶2. [Quote link](l{2})\n\n---\n\n> gone\n\n— No single place in this version of the corpus; its quote link shows what became of it. [Quote link](https://x/#/quote?exact=gone)\n");
    }

    #[test]
    fn bibtex_escapes_and_keys_are_unique() {
        check(Format::BibTex, "@misc{framing-p2,\n  author = {Jessica Ludwig},\n  title = {Framing \\{the\\} Agenda \\& 100\\%},\n  howpublished = {ned-micro-blog},\n  date = {2015-12-02},\n  url = {https://x/#/quote?exact=We%20need&p=2},\n  note = {¶2: “We need \"to\" respect”},\n}\n\n@misc{framing-p2-2,\n  author = {Jessica Ludwig},\n  title = {Framing \\{the\\} Agenda \\& 100\\%},\n  howpublished = {ned-micro-blog},\n  date = {2015-12-02},\n  url = {l%7B2%7D},\n  note = {¶2: “again”},\n}\n\n");
    }

    #[test]
    fn csl_json_is_an_array_of_items() {
        let doc = doc();
        let out = Format::CslJson.render(&quotes(&doc));
        assert!(out.starts_with("[\n  {\n    \"id\": \"framing-p2\",\n    \"type\": \"article\",\n    \"title\": \"Framing {the} Agenda & 100%\",\n    \"author\": [{\"literal\": \"Jessica Ludwig\"}],\n    \"container-title\": \"ned-micro-blog\",\n    \"issued\": {\"date-parts\": [[2015, 12, 2]]},"), "{out}");
        assert!(out.contains("\"note\": \"¶2: “We need \\\"to\\\" respect”\""), "{out}");
        assert!(out.contains("\"id\": \"framing-p2-2\""));
        assert_eq!(out.matches("\"id\"").count(), 2, "pasted text is not a source");
        assert_eq!(Format::CslJson.render(&[]), "[]\n");
        // A quote that opens with the source's own quote mark nests it, not doubles it.
        let nested = [Quote { text: "“We need to respect", source: Some((&doc, 2)), link: "" }];
        assert!(Format::CslJson.render(&nested).contains("\"note\": \"¶2: “‘We need to respect”\""), "{}", Format::CslJson.render(&nested));
        assert!(Format::BibTex.render(&nested).contains("note = {¶2: “‘We need to respect”}"));
        assert_eq!(issued("Spring 2015"), "{\"raw\": \"Spring 2015\"}");
        assert_eq!(json("a\u{1}\n"), "\"a\\u0001\\n\"");
    }

    #[test]
    fn csv_quotes_every_field_and_defuses_formulas() {
        check(Format::Csv, "quote,author,title,source,date,paragraph,link\r\n\"We need \"\"to\"\" respect\",\"Jessica Ludwig\",\"Framing {the} Agenda & 100%\",\"ned-micro-blog\",\"2015-12-02\",\"2\",\"https://x/#/quote?exact=We%20need&p=2\"\r\n\"'=SUM(A1)\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n\"again\",\"Jessica Ludwig\",\"Framing {the} Agenda & 100%\",\"ned-micro-blog\",\"2015-12-02\",\"2\",\"l{2}\"\r\n\"gone\",\"\",\"\",\"\",\"\",\"\",\"https://x/#/quote?exact=gone\"\r\n");
    }
}
