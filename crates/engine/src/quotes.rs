//! Finding the quotations in a passage: text inside “…”, "…", ‘…’ and Markdown block quotes.
//!
//! A quoted span of one or two words is a *term* (“multilateral”, “regime-type neutral”): a
//! word held at arm's length rather than something someone said; longer spans are
//! *quotations*. Both are found, told apart by [`QuoteKind`], and both can be compared.
//! Guarantees: each span lies inside the passage on char boundaries and excludes the quote
//! marks; spans are in text order and do not overlap (a quote inside a quote is part of the
//! outer one); an unclosed mark yields nothing rather than a runaway span; an apostrophe
//! (country’s) never opens or closes a quote.

use std::ops::Range;

/// What a quoted span is taken to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// Three or more words: someone's words, worth comparing and checking.
    Quotation,
    /// One or two words in quote marks: a term or a scare quote.
    Term,
}

/// One quoted span of a passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Byte range of the quoted text, without its marks.
    pub span: Range<usize>,
    /// Quotation or term.
    pub kind: QuoteKind,
}

impl Quote {
    /// The quoted text as a term is listed: without the punctuation that follows it inside
    /// the marks (“multilateral,” lists as multilateral).
    pub fn term<'a>(&self, passage: &'a str) -> &'a str {
        passage[self.span.clone()].trim_end_matches([',', '.', ';', ':'])
    }
}

/// Spans of at most this many words are terms, not quotations.
pub const TERM_MAX_WORDS: usize = 2;

/// The marks that can open a quote (a block quote aside).
const OPENERS: [char; 5] = ['“', '"', '‘', '«', '„'];

/// One quote of a document: its ¶ (1-based) and the quote in that passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocQuote {
    /// 1-based ¶ of the quote.
    pub passage: usize,
    /// The quote in that passage.
    pub quote: Quote,
}

/// How many quotations and quoted terms a document holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuoteCounts {
    /// Quotations: three words or more.
    pub quotations: usize,
    /// Terms: one or two quoted words.
    pub terms: usize,
}

/// Every quote of a document's `passages`, in reading order.
pub fn document_quotes(passages: &[String]) -> Vec<DocQuote> {
    passages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| find_quotes(p).into_iter().map(move |quote| DocQuote { passage: i + 1, quote }))
        .collect()
}

/// The quotations and terms of a document's `passages`.
pub fn count_quotes(passages: &[String]) -> QuoteCounts {
    tally(&document_quotes(passages))
}

/// The quotations and terms among `quotes`.
pub fn tally(quotes: &[DocQuote]) -> QuoteCounts {
    quotes.iter().fold(QuoteCounts::default(), |mut c, q| {
        match q.quote.kind {
            QuoteKind::Quotation => c.quotations += 1,
            QuoteKind::Term => c.terms += 1,
        }
        c
    })
}

/// The quotes of `passages` whose text matches `filter` (each typed word begins a word of the
/// quote, folded as search folds; a blank filter keeps them all).
pub fn filter_quotes(passages: &[String], quotes: Vec<DocQuote>, filter: &str) -> Vec<DocQuote> {
    let filter = crate::catalog::Filter::new(filter);
    if filter.is_empty() {
        return quotes;
    }
    quotes.into_iter().filter(|q| filter.matches([&passages[q.passage - 1][q.quote.span.clone()]])).collect()
}

/// The quotes in `passage`, in text order.
pub fn find_quotes(passage: &str) -> Vec<Quote> {
    if let Some(block) = block_quote(passage) {
        return vec![make(passage, block)];
    }
    // Most passages hold no quote mark at all: one fast scan settles them, which keeps counting
    // the quotes of a whole corpus cheap.
    if !passage.contains(OPENERS) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = passage.char_indices().collect();
    let mut out = Vec::new();
    // Openers whose closer was not found: none is found later either, so they are not tried
    // again (this keeps a passage full of stray marks linear).
    let mut exhausted: Vec<char> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let closer = match c {
            '“' => Some(Closer::Char('”')),
            '"' if opens(&chars, i) => Some(Closer::Char('"')),
            '‘' => Some(Closer::SingleCurly),
            '«' => Some(Closer::Char('»')),
            '„' => Some(Closer::Char('“')),
            _ => None,
        };
        if let Some(closer) = closer.filter(|_| !exhausted.contains(&c)) {
            let start = at + c.len_utf8();
            match (i + 1..chars.len()).find(|&j| closer.closes(&chars, j)) {
                Some(j) => {
                    let end = chars[j].0;
                    if passage[start..end].chars().any(char::is_alphanumeric) {
                        out.push(make(passage, start..end));
                    }
                    i = j + 1;
                    continue;
                }
                None => exhausted.push(c),
            }
        }
        i += 1;
    }
    out
}

enum Closer {
    Char(char),
    /// ’ closes only where it is not an apostrophe (not between two letters).
    SingleCurly,
}

impl Closer {
    fn closes(&self, chars: &[(usize, char)], j: usize) -> bool {
        match self {
            Closer::Char(c) => chars[j].1 == *c,
            Closer::SingleCurly => chars[j].1 == '’' && !chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric()),
        }
    }
}

/// A straight double quote opens a quote when it does not follow a letter or digit.
fn opens(chars: &[(usize, char)], i: usize) -> bool {
    i == 0 || !chars[i - 1].1.is_alphanumeric()
}

/// A passage whose every line starts with `>` is a Markdown block quote; the span runs from
/// the first line's text to the end.
fn block_quote(passage: &str) -> Option<Range<usize>> {
    if !passage.lines().all(|l| l.trim_start().starts_with('>')) {
        return None;
    }
    let start = passage.find('>')? + 1;
    let start = start + (passage[start..].len() - passage[start..].trim_start().len());
    (start < passage.len()).then_some(start..passage.trim_end().len())
}

fn make(passage: &str, span: Range<usize>) -> Quote {
    let words = passage[span.clone()].split_whitespace().count();
    let kind = if words <= TERM_MAX_WORDS { QuoteKind::Term } else { QuoteKind::Quotation };
    Quote { span, kind }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted texts of `passage` with their kinds.
    fn check(passage: &str, expected: &[(&str, QuoteKind)]) {
        let got: Vec<(&str, QuoteKind)> = find_quotes(passage).iter().map(|q| (&passage[q.span.clone()], q.kind)).collect();
        assert_eq!(got, expected, "quotes of {passage:?}");
    }

    use QuoteKind::{Quotation, Term};

    #[test]
    fn terms_are_listed_without_trailing_punctuation() {
        let passage = "the “multilateral,” and “regime-type neutral.” ones, “Internet: sovereignty”";
        let terms: Vec<&str> = find_quotes(passage).iter().map(|q| q.term(passage)).collect();
        assert_eq!(terms, ["multilateral", "regime-type neutral", "Internet: sovereignty"]);
    }

    #[test]
    fn curly_straight_and_guillemets() {
        check("He said “we need to respect each country” today.", &[("we need to respect each country", Quotation)]);
        check("the so-called “world” conference", &[("world", Term)]);
        check("a \"multilateral approach\" and \"more\"", &[("multilateral approach", Term), ("more", Term)]);
        check("« un monde partagé par tous »", &[(" un monde partagé par tous ", Quotation)]);
        check("„Ein Satz mit Worten“ hier", &[("Ein Satz mit Worten", Quotation)]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        check("China’s ‘Internet Sovereignty’ and the country’s", &[("Internet Sovereignty", Term)]);
        check("the 90’s ‘rock and roll’ era", &[("rock and roll", Quotation)]);
        check("It’s the CCP’s view", &[]);
        check("5\" screen and 6\" one", &[]);
    }

    #[test]
    fn nesting_unclosed_and_empty() {
        check("“outer ‘inner words here’ end”", &[("outer ‘inner words here’ end", Quotation)]);
        check("an “unclosed quote runs on", &[]);
        check(&"“ stray ".repeat(20_000), &[]);
        check("“open “and” closed", &[("open “and", Term)]);
        check("“” and “ ” and “word”", &[("word", Term)]);
    }

    #[test]
    fn per_document_counts_and_filter() {
        let passages: Vec<String> = vec![
            "He said “we need to respect each country” and “world”.".into(),
            "No quotes here at all.".into(),
            "> A block quote of several words.".into(),
            "The “Internet sovereignty” idea, “Économie des réseaux ouverts”.".into(),
        ];
        let all = document_quotes(&passages);
        let at: Vec<usize> = all.iter().map(|q| q.passage).collect();
        assert_eq!(at, [1, 1, 3, 4, 4]);
        assert_eq!(count_quotes(&passages), QuoteCounts { quotations: 3, terms: 2 });
        let texts = |filter: &str| -> Vec<String> {
            filter_quotes(&passages, all.clone(), filter).iter().map(|q| passages[q.passage - 1][q.quote.span.clone()].to_string()).collect()
        };
        assert_eq!(texts("RESPECT coun"), ["we need to respect each country"]);
        assert_eq!(texts("economie"), ["Économie des réseaux ouverts"]);
        assert_eq!(texts("  ").len(), 5);
        assert!(texts("zebra").is_empty());
        assert_eq!(count_quotes(&[]), QuoteCounts::default());
    }

    #[test]
    fn block_quotes() {
        check("> Quoted paragraph\n> on two lines.", &[("Quoted paragraph\n> on two lines.", Quotation)]);
        check("Not > a block quote", &[]);
    }

    #[test]
    fn the_bundled_article() {
        check(
            "the theme of China’s second World Internet Conference, “An Interconnected World Shared and Governed by All”:",
            &[("An Interconnected World Shared and Governed by All", Quotation)],
        );
        check(
            "an attendance of “2,000 people from governments, international organizations,” only eight",
            &[("2,000 people from governments, international organizations,", Quotation)],
        );
        check("the concept of “Internet sovereignty,” the", &[("Internet sovereignty,", Term)]);
    }
}
