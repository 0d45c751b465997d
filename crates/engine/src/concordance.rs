//! The concordance (keyword in context): every occurrence of a word or phrase in the corpus,
//! one row each, with the words around it.
//!
//! A query is folded by [`crate::text::tokenize`], the tokenizer the index was built with, so
//! the concordance and search agree on what a word is: case, diacritics and apostrophes are
//! folded, and "value-neutral" is found by "valueneutral" too (as the index holds it). Several
//! words are a phrase, matched in order and adjacent within one ¶. Nothing is matched loosely:
//! a word the corpus lacks has no rows, and [`Concordance::suggestions`] offers the near words
//! search would.
//!
//! Cost: the total is exact and, for one word, read from the index's postings without
//! touching the text; a phrase tokenizes only the passages holding all of its words. Rows in
//! document order are built a page at a time ([`Concordance::rows`]): the first page of the
//! most common word tokenizes only the passages it shows. Sorting by context words
//! ([`Concordance::order`]) tokenizes every passage holding the word, once per sort.
//!
//! Guarantees: rows come in a total order (ties in document order); spans lie on char
//! boundaries inside their passage; `rows(0, total)` has exactly `total` rows.

use std::ops::Range;

use crate::index::Index;
use crate::model::Corpus;
use crate::search::Searcher;
use crate::text::{tokenize, Token};

/// The knobs of the concordance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConcordanceOptions {
    /// Characters of context kept on each side of the keyword, at most (cut at a word).
    pub context_chars: usize,
}

impl Default for ConcordanceOptions {
    fn default() -> Self {
        ConcordanceOptions { context_chars: 60 }
    }
}

/// How rows are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Document by document, ¶ by ¶, as the words occur.
    #[default]
    Document,
    /// By the word just before the keyword, then the one before it.
    Left,
    /// By the second word before the keyword, then the first.
    Left2,
    /// By the word just after the keyword, then the one after it.
    Right,
}

impl Sort {
    /// Every order, as offered to readers.
    pub const ALL: [Sort; 4] = [Sort::Document, Sort::Left, Sort::Left2, Sort::Right];

    /// The name used in links (`doc`, `left`, `left2`, `right`).
    pub fn name(self) -> &'static str {
        match self {
            Sort::Document => "doc",
            Sort::Left => "left",
            Sort::Left2 => "left2",
            Sort::Right => "right",
        }
    }

    /// The order named `name`, if any.
    pub fn parse(name: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.name() == name)
    }

    /// What the order is called in the interface.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Document => "Document order",
            Sort::Left => "1st word to the left",
            Sort::Left2 => "2nd word to the left",
            Sort::Right => "1st word to the right",
        }
    }
}

/// One occurrence: the global passage number and the index of its first token there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// Global passage number (see [`Index::passage_ref`]).
    pub passage: u32,
    /// Index of the keyword's first token in the passage's tokens.
    pub token: u32,
}

/// One row of the concordance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Index of the document in [`Corpus::documents`].
    pub doc: usize,
    /// 1-based ¶ number.
    pub passage: usize,
    /// The context before the keyword (whitespace runs made single spaces).
    pub left: String,
    /// The keyword as written in the text.
    pub keyword: String,
    /// The context after the keyword.
    pub right: String,
    /// Byte range of the keyword in the passage.
    pub span: Range<usize>,
}

/// Every occurrence of one word or phrase, counted, and rows built on demand.
pub struct Concordance<'a> {
    corpus: &'a Corpus,
    index: &'a Index,
    options: ConcordanceOptions,
    terms: Vec<String>,
    /// The passages holding an occurrence, ascending, with how many they hold.
    passages: Vec<(u32, u32)>,
    total: usize,
}

impl<'a> Concordance<'a> {
    /// The occurrences of `query` in the corpus, or in document `doc` only.
    pub fn new(corpus: &'a Corpus, index: &'a Index, query: &str, doc: Option<usize>) -> Self {
        Concordance::with_options(corpus, index, query, doc, ConcordanceOptions::default())
    }

    /// The same, with other knobs.
    pub fn with_options(corpus: &'a Corpus, index: &'a Index, query: &str, doc: Option<usize>, options: ConcordanceOptions) -> Self {
        let terms: Vec<String> = tokenize(query).into_iter().map(|t| t.term).collect();
        let range = doc.map_or(0..index.passage_count(), |d| index.document_passages(d));
        let mut concordance = Concordance { corpus, index, options, terms, passages: Vec::new(), total: 0 };
        concordance.passages = concordance.find(range);
        concordance.total = concordance.passages.iter().map(|&(_, n)| n as usize).sum();
        concordance
    }

    /// The passages in `range` holding the word or phrase, with their counts.
    fn find(&self, range: Range<usize>) -> Vec<(u32, u32)> {
        let ids: Option<Vec<usize>> = self.terms.iter().map(|t| self.index.term_id(t)).collect();
        let Some(ids) = ids.filter(|ids| !ids.is_empty()) else { return Vec::new() };
        let within = |id: usize| {
            let p = &self.index.postings(id).passages;
            let from = p.partition_point(|&n| (n as usize) < range.start);
            from..from + p[from..].partition_point(|&n| (n as usize) < range.end)
        };
        if let [id] = ids[..] {
            // One word: the index's counts are the occurrences (a count the u16 saturated at is
            // taken from the text).
            let postings = self.index.postings(id);
            let r = within(id);
            return postings.passages[r.clone()]
                .iter()
                .zip(&postings.counts[r])
                .map(|(&p, &c)| (p, if c == u16::MAX { self.scan(p).len() as u32 } else { c as u32 }))
                .collect();
        }
        // A phrase: the passages holding its rarest word, kept if they hold the others, then read.
        let rarest = *ids.iter().min_by_key(|&&id| within(id).len()).expect("not empty");
        let postings = self.index.postings(rarest);
        postings.passages[within(rarest)]
            .iter()
            .copied()
            .filter(|&p| ids.iter().all(|&id| self.index.postings(id).passages.binary_search(&p).is_ok()))
            .filter_map(|p| Some((p, u32::try_from(self.scan(p).len()).ok().filter(|&n| n > 0)?)))
            .collect()
    }

    /// The folded terms searched for, in order.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// How many times the word or phrase occurs: exact.
    pub fn total(&self) -> usize {
        self.total
    }

    /// The passages holding it (global numbers, ascending) with how many times each.
    pub fn passages(&self) -> &[(u32, u32)] {
        &self.passages
    }

    /// How many occurrences each document holds, for the documents holding any, in corpus order.
    pub fn per_document(&self) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for &(p, n) in &self.passages {
            let doc = self.index.passage_ref(p as usize).doc;
            match out.last_mut() {
                Some((d, count)) if *d == doc => *count += n as usize,
                _ => out.push((doc, n as usize)),
            }
        }
        out
    }

    /// What search would offer instead when the corpus lacks a word of the query.
    pub fn suggestions(&self, query: &str) -> Vec<String> {
        if self.total > 0 {
            return Vec::new();
        }
        Searcher::new(self.corpus, self.index).suggestions(query)
    }

    /// `count` rows from the `start`th occurrence, in document order. Only the passages those
    /// rows come from are read.
    pub fn rows(&self, start: usize, count: usize) -> Vec<Row> {
        let mut skip = start;
        let mut rows = Vec::with_capacity(count.min(self.total.saturating_sub(start)));
        for &(p, n) in &self.passages {
            if rows.len() == count {
                break;
            }
            if skip >= n as usize {
                skip -= n as usize;
                continue;
            }
            let tokens = self.tokens(p);
            for m in self.matches(&tokens).into_iter().skip(skip).take(count - rows.len()) {
                rows.push(self.row(p, &tokens, m));
            }
            skip = 0;
        }
        rows
    }

    /// Every occurrence in `sort` order (ties in document order). Reads every passage that
    /// holds the word; see the module documentation for the cost.
    pub fn order(&self, sort: Sort) -> Vec<Occurrence> {
        // Keys are vocabulary positions: the vocabulary is sorted, so they order as the words
        // do; a missing word (the keyword starts or ends its ¶) comes first.
        type Key = (Option<u32>, Option<u32>);
        let mut keyed: Vec<(Key, Occurrence)> = Vec::with_capacity(self.total);
        let ids = if sort == Sort::Document { Default::default() } else { self.index.term_ids() };
        for &(p, _) in &self.passages {
            let tokens = self.tokens(p);
            let id = |i: Option<usize>| i.and_then(|i| tokens.get(i)).and_then(|t| ids.get(t.term.as_str()).copied());
            for m in self.matches(&tokens) {
                let before = |k: usize| m.start.checked_sub(k);
                let key = match sort {
                    Sort::Document => (None, None),
                    Sort::Left => (id(before(1)), id(before(2))),
                    Sort::Left2 => (id(before(2)), id(before(1))),
                    Sort::Right => (id(Some(m.end)), id(Some(m.end + 1))),
                };
                keyed.push((key, Occurrence { passage: p, token: m.start as u32 }));
            }
        }
        // Document order among equal keys (occurrences are unique, so an unstable sort is total).
        keyed.sort_unstable_by_key(|&(key, o)| (key, o.passage, o.token));
        keyed.into_iter().map(|(_, o)| o).collect()
    }

    /// The rows of these occurrences (a page of [`Concordance::order`]), in the same order.
    pub fn rows_of(&self, occurrences: &[Occurrence]) -> Vec<Row> {
        let mut cached: Option<(u32, Vec<Token>)> = None;
        occurrences
            .iter()
            .filter_map(|o| {
                if cached.as_ref().is_none_or(|(p, _)| *p != o.passage) {
                    cached = Some((o.passage, self.tokens(o.passage)));
                }
                let (_, tokens) = cached.as_ref()?;
                let m = self.matches(tokens).into_iter().find(|m| m.start == o.token as usize)?;
                Some(self.row(o.passage, tokens, m))
            })
            .collect()
    }

    fn text(&self, passage: u32) -> &'a str {
        let r = self.index.passage_ref(passage as usize);
        &self.corpus.documents()[r.doc].passages[r.number - 1]
    }

    fn tokens(&self, passage: u32) -> Vec<Token> {
        tokenize(self.text(passage))
    }

    fn scan(&self, passage: u32) -> Vec<Range<usize>> {
        self.matches(&self.tokens(passage))
    }

    /// The occurrences among `tokens`, as token ranges: the terms in order, or one word
    /// matching a hyphenated pair's joined form.
    fn matches(&self, tokens: &[Token]) -> Vec<Range<usize>> {
        let n = self.terms.len();
        match &self.terms[..] {
            [] => Vec::new(),
            [term] => tokens
                .iter()
                .enumerate()
                .filter_map(|(i, t)| {
                    if t.term == *term {
                        Some(i..i + 1)
                    } else {
                        (t.joined.as_deref() == Some(term.as_str())).then_some(i..i + 2)
                    }
                })
                .collect(),
            terms => (0..tokens.len().saturating_sub(n - 1))
                .filter(|&i| tokens[i..i + n].iter().zip(terms).all(|(t, q)| t.term == *q))
                .map(|i| i..i + n)
                .collect(),
        }
    }

    fn row(&self, passage: u32, tokens: &[Token], m: Range<usize>) -> Row {
        let text = self.text(passage);
        let r = self.index.passage_ref(passage as usize);
        let span = tokens[m.start].span.start..tokens[(m.end - 1).min(tokens.len() - 1)].span.end;
        let limit = self.options.context_chars;
        Row {
            doc: r.doc,
            passage: r.number,
            left: context(&text[..span.start], limit, true),
            keyword: squeeze(&text[span.clone()]),
            right: context(&text[span.end..], limit, false),
            span,
        }
    }
}

/// The rows as CSV (see [`crate::export::csv_table`]): document id, title, ¶, left context,
/// keyword, right context.
pub fn csv(corpus: &Corpus, rows: &[Row]) -> String {
    crate::export::csv_table(
        "document,title,paragraph,left,keyword,right",
        rows.iter().map(|r| {
            let doc = &corpus.documents()[r.doc];
            vec![doc.id.clone(), doc.meta.title.clone(), r.passage.to_string(), r.left.trim().to_string(), r.keyword.clone(), r.right.trim().to_string()]
        }),
    )
}

/// At most `limit` characters of `text` next to the keyword (its end when `before`), cut at a
/// space so no word is shown in part, whitespace runs made single spaces.
fn context(text: &str, limit: usize, before: bool) -> String {
    let chars = text.chars().count();
    if chars <= limit {
        return squeeze(text);
    }
    let cut = if before {
        let at = text.char_indices().nth(chars - limit).map_or(0, |(i, _)| i);
        let kept = &text[at..];
        kept.find(char::is_whitespace).map_or(kept, |s| &kept[s..])
    } else {
        let at = text.char_indices().nth(limit).map_or(text.len(), |(i, _)| i);
        let kept = &text[..at];
        kept.rfind(char::is_whitespace).map_or(kept, |s| &kept[..s])
    };
    squeeze(cut)
}

/// Whitespace runs (line breaks inside a ¶ too) as single spaces, keeping a space at either end
/// so the context still reads as separate from the keyword.
fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::corpus;

    const DOCS: &[(&str, &[&str])] = &[
        ("a", &["The cat sat on the mat. THE END", "A Café, the café’s owner; the cafe."]),
        ("b", &["the value-neutral line\nand the valueneutral one", "no match here"]),
        ("c", &["Of the people, by the people, for the people."]),
    ];

    fn check(query: &str, doc: Option<usize>, total: usize, keywords: &[&str]) {
        let c = corpus(DOCS);
        let index = Index::build(&c);
        let k = Concordance::new(&c, &index, query, doc);
        assert_eq!(k.total(), total, "total of {query:?}");
        let rows = k.rows(0, usize::MAX);
        let got: Vec<&str> = rows.iter().map(|r| r.keyword.as_str()).collect();
        assert_eq!(got, keywords, "keywords of {query:?}");
        assert_eq!(k.rows_of(&k.order(Sort::Document)), rows, "document order both ways for {query:?}");
        for r in &rows {
            assert_eq!(c.documents()[r.doc].passages[r.passage - 1][r.span.clone()].split_whitespace().collect::<Vec<_>>().join(" "), r.keyword);
        }
    }

    #[test]
    fn counts_fold_as_search_does() {
        check("cafe", None, 3, &["Café", "café’s", "cafe"]);
        check("THE", None, 10, &["The", "the", "THE", "the", "the", "the", "the", "the", "the", "the"]);
        check("the", Some(1), 2, &["the", "the"]);
        check("valueneutral", None, 2, &["value-neutral", "valueneutral"]);
        check("missing", None, 0, &[]);
        check("", None, 0, &[]);
    }

    #[test]
    fn phrases_match_in_order() {
        check("the people", None, 3, &["the people", "the people", "the people"]);
        check("“The  Cat”", None, 1, &["The cat"]);
        check("people by the", None, 1, &["people, by the"]);
        check("cat the", None, 0, &[]);
        check("the people", Some(0), 0, &[]);
    }

    #[test]
    fn context_is_cut_at_words() {
        let c = corpus(&[("a", &["one two three four five KEY six seven eight nine ten"])]);
        let index = Index::build(&c);
        let k = Concordance::with_options(&c, &index, "key", None, ConcordanceOptions { context_chars: 12 });
        let row = &k.rows(0, 1)[0];
        assert_eq!((row.left.as_str(), row.keyword.as_str(), row.right.as_str()), (" four five ", "KEY", " six seven"));
        assert_eq!((row.doc, row.passage, row.span.clone()), (0, 1, 24..27));
    }

    #[test]
    fn pages_and_documents() {
        let c = corpus(DOCS);
        let index = Index::build(&c);
        let k = Concordance::new(&c, &index, "the", None);
        let all = k.rows(0, usize::MAX);
        assert_eq!(k.rows(3, 4), all[3..7]);
        assert_eq!(k.rows(8, 5), all[8..]);
        assert!(k.rows(10, 5).is_empty());
        assert_eq!(k.per_document(), [(0, 5), (1, 2), (2, 3)]);
        let places: Vec<(usize, usize)> = all.iter().map(|r| (r.doc, r.passage)).collect();
        assert_eq!(places[..7], [(0, 1), (0, 1), (0, 1), (0, 2), (0, 2), (1, 1), (1, 1)]);
    }

    #[test]
    fn sorts_by_context_words() {
        // Tokens of ¶1: b x c a x d c x a x b, "x" at 1, 4, 7 and 9; ¶2: a x a.
        let c = corpus(&[("a", &["b x c. a x d. c x a. x b", "a x a"])]);
        let index = Index::build(&c);
        let k = Concordance::new(&c, &index, "x", None);
        let order = |sort: Sort| -> Vec<(u32, u32)> { k.order(sort).iter().map(|o| (o.passage, o.token)).collect() };
        assert_eq!(order(Sort::Document), [(0, 1), (0, 4), (0, 7), (0, 9), (1, 1)]);
        // Before: (a, –) (a, c) (a, x) (b, –) (c, d); a missing word comes first.
        assert_eq!(order(Sort::Left), [(1, 1), (0, 4), (0, 9), (0, 1), (0, 7)]);
        assert_eq!(order(Sort::Left2), [(1, 1), (0, 1), (0, 4), (0, 7), (0, 9)]);
        assert_eq!(order(Sort::Right), [(1, 1), (0, 7), (0, 9), (0, 1), (0, 4)]);
        let rows = k.rows_of(&k.order(Sort::Right));
        assert_eq!(rows.iter().map(|r| r.right.trim()).collect::<Vec<_>>(), ["a", "a. x b", "b", "c. a x d. c x a. x b", "d. c x a. x b"]);
        assert_eq!(Sort::ALL.map(|s| Sort::parse(s.name())), Sort::ALL.map(Some));
    }

    #[test]
    fn rows_as_csv() {
        let c = corpus(&[("a", &["He said \"=SUM(1)\" twice, said it."])]);
        let index = Index::build(&c);
        let k = Concordance::new(&c, &index, "said", None);
        assert_eq!(
            csv(&c, &k.rows(0, 9)),
            "document,title,paragraph,left,keyword,right\r\n\
             \"a\",\"a\",\"1\",\"He\",\"said\",\"\"\"=SUM(1)\"\" twice, said it.\"\r\n\
             \"a\",\"a\",\"1\",\"He said \"\"=SUM(1)\"\" twice,\",\"said\",\"it.\"\r\n"
        );
    }

    #[test]
    fn suggests_near_words_for_a_missing_one() {
        let c = corpus(&[("a", &["sovereignty and governance"])]);
        let index = Index::build(&c);
        let k = Concordance::new(&c, &index, "sovereinty", None);
        assert_eq!(k.total(), 0, "a typo is not counted silently");
        assert_eq!(k.suggestions("sovereinty").first().map(String::as_str), Some("sovereignty"));
        assert!(Concordance::new(&c, &index, "governance", None).suggestions("governance").is_empty());
    }
}
