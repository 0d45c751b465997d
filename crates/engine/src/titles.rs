//! Finding documents by their title or id: "1863-Lincoln-1" or a title's words find the
//! document itself, shown above the passages.
//!
//! Titles and ids are folded by the same [`tokenize`] as the text, so case, marks and hyphens
//! do not matter. A document matches when every content word of the query (every word, when
//! it has only function words, only the whole title or id) matches a word of its title or id: exactly, as the start of one
//! when the reader is still typing it, or within one edit (two for long words) like search's
//! typo tolerance. Documents are ranked by how much of their title (or id) the query covers, so
//! a query that is a title or an id puts that document first. Queries longer than
//! [`TitleOptions::max_query_words`] are quotations, not titles, and find no document.
//!
//! Guarantee: never panics; matches are sorted by score, best first, ties in corpus order.

use crate::model::Corpus;
use crate::query::parse_query;
use crate::stopwords::is_function_word;
use crate::text::tokenize;

/// The knobs of title matching.
#[derive(Clone, Debug, PartialEq)]
pub struct TitleOptions {
    /// Queries with more words than this find no document (a pasted quotation is not a title).
    pub max_query_words: usize,
    /// Words at least this long match a title word one edit away.
    pub one_edit_from_len: usize,
    /// Words at least this long match a title word two edits away.
    pub two_edits_from_len: usize,
    /// The word being typed must have this many characters to match as the start of a word.
    pub min_prefix_len: usize,
    /// Weights of a prefix match and of a typo match (an exact match weighs 1).
    pub prefix_weight: f32,
    /// Weight of a title word matched through a typo, against 1 for an exact word.
    pub fuzzy_weight: f32,
}

impl Default for TitleOptions {
    fn default() -> Self {
        TitleOptions { max_query_words: 12, one_edit_from_len: 5, two_edits_from_len: 8, min_prefix_len: 2, prefix_weight: 0.85, fuzzy_weight: 0.7 }
    }
}

/// A document whose title or id the query matches.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentMatch {
    /// Index of the document in [`Corpus::documents`].
    pub doc: usize,
    /// Higher is better: 2 and above for the exact id or title, otherwise the share of the
    /// title (or id) the query covers times the average match weight.
    pub score: f32,
}

/// The folded words of every document's title and id, made once per corpus.
pub struct Titles {
    /// Per document: title terms, id terms, the whole title folded, the whole id folded.
    docs: Vec<(Vec<String>, Vec<String>, String, String)>,
    options: TitleOptions,
}

/// The folded terms of `text` (joined forms of hyphenated pairs too, as the index holds them).
fn terms(text: &str) -> Vec<String> {
    tokenize(text).into_iter().flat_map(|t| std::iter::once(t.term).chain(t.joined)).collect()
}

/// The words of `text` in order, folded, as one string: what "the same title" means.
fn folded(text: &str) -> String {
    tokenize(text).into_iter().map(|t| t.term).collect::<Vec<_>>().join(" ")
}

impl Titles {
    /// The title and id words of every document of `corpus`, with the default options.
    pub fn new(corpus: &Corpus) -> Titles {
        Self::with_options(corpus, TitleOptions::default())
    }

    /// The same with its own knobs.
    pub fn with_options(corpus: &Corpus, options: TitleOptions) -> Titles {
        let docs = corpus
            .documents()
            .iter()
            .map(|d| (terms(&d.meta.title), terms(&d.id), folded(&d.meta.title), folded(&d.id)))
            .collect();
        Titles { docs, options }
    }

    /// The documents whose title or id `input` matches, best first.
    pub fn find(&self, input: &str) -> Vec<DocumentMatch> {
        let o = &self.options;
        let query = parse_query(input, 1000);
        let n = query.terms.len();
        if n == 0 || n > o.max_query_words {
            return Vec::new();
        }
        let whole = query.terms.iter().map(|t| t.term.as_str()).collect::<Vec<_>>().join(" ");
        // Function words are not required; a query of nothing else finds only a whole title or id.
        let needed: Vec<_> = query.terms.iter().filter(|t| !is_function_word(&t.term)).collect();
        let mut found: Vec<DocumentMatch> = self
            .docs
            .iter()
            .enumerate()
            .filter_map(|(doc, (title, id, whole_title, whole_id))| {
                if whole == *whole_id || whole == *whole_title {
                    return Some(DocumentMatch { doc, score: 2.0 + (whole == *whole_id) as u8 as f32 });
                }
                if needed.is_empty() {
                    return None;
                }
                let mut weights = 0.0;
                let (mut in_title, mut in_id) = (vec![false; title.len()], vec![false; id.len()]);
                for t in &needed {
                    let mut best = 0f32;
                    for (words, hit) in [(title, &mut in_title), (id, &mut in_id)] {
                        for (k, word) in words.iter().enumerate() {
                            let w = self.weight(&t.term, t.prefix, word);
                            if w > 0.0 {
                                hit[k] = true;
                                best = best.max(w);
                            }
                        }
                    }
                    if best == 0.0 {
                        return None;
                    }
                    weights += best;
                }
                let share = |hit: &[bool], words: &[String]| {
                    let content = |k: usize| !is_function_word(&words[k]);
                    let all = (0..words.len()).filter(|&k| content(k)).count().max(1);
                    (0..words.len()).filter(|&k| hit[k] && content(k)).count() as f32 / all as f32
                };
                let coverage = share(&in_title, title).max(share(&in_id, id)).min(1.0);
                Some(DocumentMatch { doc, score: coverage * weights / needed.len() as f32 })
            })
            .collect();
        crate::order::sort_by(&mut found, |a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        found
    }

    /// How well the query word `term` matches the title word `word` (0: not at all).
    fn weight(&self, term: &str, prefix: bool, word: &str) -> f32 {
        let o = &self.options;
        if term == word {
            return 1.0;
        }
        let len = term.chars().count();
        if prefix && len >= o.min_prefix_len && word.starts_with(term) {
            return o.prefix_weight;
        }
        let max_edits = if len >= o.two_edits_from_len { 2 } else if len >= o.one_edit_from_len { 1 } else { 0 };
        let numeric = |s: &str| s.chars().any(|c| c.is_ascii_digit());
        if max_edits > 0 && !numeric(term) && word.chars().count().abs_diff(len) <= max_edits && strsim::osa_distance(term, word) <= max_edits {
            return o.fuzzy_weight;
        }
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Meta};

    const DOCS: &[(&str, &str)] = &[
        ("1863-Lincoln-1", "Gettysburg Address"),
        ("1863-Lincoln-2", "Proclamation of Thanksgiving"),
        ("1865-Lincoln-1", "Second Inaugural Address"),
        ("2003-Bush-1", "State of the Union Address"),
        ("2004-Bush-1", "State of the Union Address"),
        ("framing-the-agenda", "Framing the Agenda: Internet Sovereignty in Wuzhen"),
    ];

    fn titles() -> (Corpus, Titles) {
        let docs = DOCS
            .iter()
            .map(|(id, title)| Document { id: id.to_string(), meta: Meta { title: title.to_string(), ..Meta::default() }, passages: vec!["Text.".into()] })
            .collect();
        let corpus = Corpus::new("test", docs).unwrap();
        let titles = Titles::new(&corpus);
        (corpus, titles)
    }

    /// The ids of the documents `input` finds, best first.
    fn check(input: &str, expected: &[&str]) {
        let (corpus, titles) = titles();
        let got: Vec<&str> = titles.find(input).iter().map(|m| corpus.documents()[m.doc].id.as_str()).collect();
        assert_eq!(got, expected, "documents for {input:?}");
    }

    /// The first document `input` finds.
    fn check_first(input: &str, expected: &str) {
        let (corpus, titles) = titles();
        let found = titles.find(input);
        assert_eq!(found.first().map(|m| corpus.documents()[m.doc].id.as_str()), Some(expected), "first for {input:?}");
    }

    #[test]
    fn an_id_finds_its_document_first() {
        check_first("1863-Lincoln-1", "1863-Lincoln-1");
        check_first("1863 lincoln 1", "1863-Lincoln-1");
        check_first("1863-lincoln-2 ", "1863-Lincoln-2");
        check("framing-the-agenda", &["framing-the-agenda"]);
    }

    #[test]
    fn title_words_find_the_document() {
        check("gettysburg address", &["1863-Lincoln-1"]);
        check_first("Second Inaugural", "1865-Lincoln-1");
        check("internet sovereignty", &["framing-the-agenda"]);
        // A word shared by titles finds each, the title it covers most first.
        check("address", &["1863-Lincoln-1", "1865-Lincoln-1", "2003-Bush-1", "2004-Bush-1"]);
        check("lincoln", &["1863-Lincoln-1", "1863-Lincoln-2", "1865-Lincoln-1"]);
    }

    #[test]
    fn typos_prefixes_and_folding() {
        check("getysburg", &["1863-Lincoln-1"]);
        check("Thanksgivng proclamation", &["1863-Lincoln-2"]);
        check("GETTYSB", &["1863-Lincoln-1"]);
        check("wúzhen ", &["framing-the-agenda"]);
        // Numbers need to be exact: 1864 is not 1863.
        check("1864", &[]);
    }

    #[test]
    fn function_words_are_not_required_unless_alone() {
        check_first("the state of the union", "2003-Bush-1");
        check("state of union", &["2003-Bush-1", "2004-Bush-1"]);
        check("of the ", &[]);
        check("the", &[]);
        check("state of the union address", &["2003-Bush-1", "2004-Bush-1"]);
    }

    #[test]
    fn quotations_and_unrelated_words_find_no_document() {
        check("Four score and seven years ago our fathers brought forth on this continent a new nation", &[]);
        check("address sovereignty", &[]);
        check("", &[]);
        check("  — ", &[]);
    }
}
