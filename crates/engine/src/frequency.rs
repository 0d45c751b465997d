//! What a document (or the corpus) is about: its most frequent words, its most frequent
//! phrases of two to four words, and the words most distinctive of it against the rest of the
//! corpus.
//!
//! Words are the index's terms, folded as search folds them, counted from its postings without
//! reading the text; a hyphenated pair is counted under its joined form as well, as the index
//! and the concordance find it. Function words ([`crate::stopwords`]) can be left out of every
//! list; a phrase is then left out when it starts or ends with one ("of the people" is not a
//! phrase to list; "government of the people" is).
//!
//! Keyness is Dunning's log-likelihood ratio G² (Dunning 1993; as in Rayson & Garside 2000):
//! for a word seen `a` times in the document's `c` words and `b` times in the rest's `d`
//! words, with expected counts `E1 = c(a+b)/(c+d)` and `E2 = d(a+b)/(c+d)`,
//! `G² = 2 (a ln(a/E1) + b ln(b/E2))` (a zero count adds nothing). Only words used more often in
//! the document than in the rest are listed, highest G² first; G² above 3.84 is significant at
//! p < 0.05, above 10.83 at p < 0.001.
//!
//! Guarantees: lists are sorted by their figure, highest first, ties by the words
//! alphabetically; counts are exact, except the corpus's phrases when
//! [`PhraseCounter::pruned`] says rare phrases had to be dropped to bound memory.

use std::collections::HashMap;

use crate::index::Index;
use crate::model::Corpus;
use crate::stopwords::is_function_word;
use crate::text::tokenize;

/// A word or phrase and how often it occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counted {
    /// Folded words, separated by spaces in a phrase.
    pub term: String,
    /// Occurrences.
    pub count: usize,
}

/// A word distinctive of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The folded word.
    pub term: String,
    /// Occurrences in the document.
    pub count: usize,
    /// Occurrences in the rest of the corpus.
    pub elsewhere: usize,
    /// Dunning's log-likelihood G² (see the module documentation).
    pub g2: f64,
}

/// Word counts of the corpus, worked out once from the index, asked per document.
pub struct Frequencies<'a> {
    index: &'a Index,
    /// Occurrences of each term (by id) in the whole corpus.
    totals: Vec<usize>,
    words: usize,
}

impl<'a> Frequencies<'a> {
    /// Sums the index's postings once.
    pub fn new(index: &'a Index) -> Self {
        let totals = (0..index.terms().len()).map(|id| index.postings(id).counts.iter().map(|&c| c as usize).sum()).collect();
        let words = (0..index.passage_count()).map(|p| index.passage_len(p)).sum();
        Frequencies { index, totals, words }
    }

    /// Words of the corpus (`None`) or of document `doc`.
    pub fn words(&self, doc: Option<usize>) -> usize {
        match doc {
            None => self.words,
            Some(d) => self.index.document_passages(d).map(|p| self.index.passage_len(p)).sum(),
        }
    }

    /// Occurrences of every term (by id) in document `doc`.
    fn counts_in(&self, doc: usize) -> Vec<(usize, usize)> {
        let range = self.index.document_passages(doc);
        (0..self.totals.len())
            .filter_map(|id| {
                let p = self.index.postings(id);
                let from = p.passages.partition_point(|&n| (n as usize) < range.start);
                let to = p.passages.partition_point(|&n| (n as usize) < range.end);
                let n: usize = p.counts[from..to].iter().map(|&c| c as usize).sum();
                (n > 0).then_some((id, n))
            })
            .collect()
    }

    /// The `n` most frequent words of the corpus or of one document.
    pub fn top_words(&self, doc: Option<usize>, skip_function_words: bool, n: usize) -> Vec<Counted> {
        let counts: Vec<(usize, usize)> = match doc {
            None => self.totals.iter().copied().enumerate().filter(|&(_, c)| c > 0).collect(),
            Some(d) => self.counts_in(d),
        };
        let terms = self.index.terms();
        let mut list: Vec<Counted> = counts
            .into_iter()
            .filter(|&(id, _)| !(skip_function_words && is_function_word(&terms[id])))
            .map(|(id, count)| Counted { term: terms[id].clone(), count })
            .collect();
        top(&mut list, n, |c| c.count);
        list
    }

    /// The `n` words most distinctive of document `doc` against the rest of the corpus, seen
    /// at least `min_count` times in it.
    pub fn keywords(&self, doc: usize, skip_function_words: bool, min_count: usize, n: usize) -> Vec<Keyword> {
        let c = self.words(Some(doc)) as f64;
        let d = (self.words as f64 - c).max(0.0);
        let terms = self.index.terms();
        let mut list: Vec<Keyword> = self
            .counts_in(doc)
            .into_iter()
            .filter(|&(id, a)| a >= min_count && !(skip_function_words && is_function_word(&terms[id])))
            .filter_map(|(id, a)| {
                let b = self.totals[id] - a;
                // Used more often here than elsewhere (an empty rest counts as less).
                let over = d == 0.0 || a as f64 / c > b as f64 / d;
                over.then(|| Keyword { term: terms[id].clone(), count: a, elsewhere: b, g2: log_likelihood(a, b, c, d) })
            })
            .collect();
        // Terms are unique, so the order is total; the one compiled sort keeps the wasm small.
        crate::order::sort_by(&mut list, |x, y| y.g2.total_cmp(&x.g2).then_with(|| x.term.cmp(&y.term)));
        list.truncate(n);
        list
    }
}

/// Dunning's G² for `a` occurrences in `c` words against `b` in `d` words.
pub fn log_likelihood(a: usize, b: usize, c: f64, d: f64) -> f64 {
    let (a, b) = (a as f64, b as f64);
    if c + d == 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let part = |o: f64, e: f64| if o > 0.0 && e > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (part(a, e1) + part(b, e2))
}

/// Keeps the `n` highest of `list` by `key`, sorted, ties alphabetically.
fn top(list: &mut Vec<Counted>, n: usize, key: impl Fn(&Counted) -> usize) {
    crate::order::sort_by(list, |x, y| key(y).cmp(&key(x)).then_with(|| x.term.cmp(&y.term)));
    list.truncate(n);
}

/// Phrases of two to four words counted over passages fed one at a time, so a large corpus can
/// be counted in slices. Phrases do not run across ¶ breaks.
pub struct PhraseCounter<'a> {
    index: &'a Index,
    ids: HashMap<&'a str, u32>,
    skip_function_words: bool,
    /// At most this many distinct phrases are kept; past it, those seen once are dropped.
    max_entries: usize,
    counts: HashMap<[u32; 4], u32>,
    pruned: bool,
}

/// Marks the unused places of a phrase key shorter than four words.
const NONE: u32 = u32::MAX;

impl<'a> PhraseCounter<'a> {
    /// A counter over the vocabulary of `index`, keeping at most 400,000 distinct phrases.
    pub fn new(index: &'a Index, skip_function_words: bool) -> Self {
        PhraseCounter { index, ids: index.term_ids(), skip_function_words, max_entries: 400_000, counts: HashMap::new(), pruned: false }
    }

    /// Counts the phrases of one passage.
    pub fn add(&mut self, text: &str) {
        let ids: Vec<u32> = tokenize(text).iter().map(|t| self.ids.get(t.term.as_str()).copied().unwrap_or(NONE)).collect();
        let terms = self.index.terms();
        let function = |id: u32| id == NONE || (self.skip_function_words && is_function_word(&terms[id as usize]));
        for start in 0..ids.len() {
            if function(ids[start]) {
                continue;
            }
            for len in 2..=4.min(ids.len() - start) {
                let last = ids[start + len - 1];
                if last == NONE {
                    break;
                }
                if function(last) {
                    continue;
                }
                let mut key = [NONE; 4];
                key[..len].copy_from_slice(&ids[start..start + len]);
                *self.counts.entry(key).or_default() += 1;
            }
        }
        if self.counts.len() > self.max_entries {
            self.counts.retain(|_, n| *n > 1);
            self.pruned = true;
        }
    }

    /// Counts every passage of document `doc`, or of the corpus.
    pub fn add_document(&mut self, corpus: &Corpus, doc: usize) {
        for p in &corpus.documents()[doc].passages {
            self.add(p);
        }
    }

    /// Whether phrases seen once were dropped to bound memory (counts may then be low).
    pub fn pruned(&self) -> bool {
        self.pruned
    }

    /// The `n` most frequent phrases seen at least `min_count` times.
    pub fn top(&self, n: usize, min_count: usize) -> Vec<Counted> {
        let terms = self.index.terms();
        let mut list: Vec<Counted> = self
            .counts
            .iter()
            .filter(|(_, &c)| c as usize >= min_count)
            .map(|(key, &c)| Counted {
                term: key.iter().take_while(|&&id| id != NONE).map(|&id| terms[id as usize].as_str()).collect::<Vec<_>>().join(" "),
                count: c as usize,
            })
            .collect();
        top(&mut list, n, |c| c.count);
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::corpus;

    fn counted(list: &[Counted]) -> Vec<(&str, usize)> {
        list.iter().map(|c| (c.term.as_str(), c.count)).collect()
    }

    const DOCS: &[(&str, &[&str])] = &[
        ("a", &["The apple and the Apple; the APPLE pie.", "An apple pie of the orchard."]),
        ("b", &["The pear and the plum.", "the plum pie"]),
    ];

    #[test]
    fn most_frequent_words() {
        let c = corpus(DOCS);
        let index = Index::build(&c);
        let f = Frequencies::new(&index);
        assert_eq!(f.words(None), 22);
        assert_eq!(f.words(Some(1)), 8);
        assert_eq!(counted(&f.top_words(None, false, 3)), [("the", 7), ("apple", 4), ("pie", 3)]);
        assert_eq!(counted(&f.top_words(None, true, 3)), [("apple", 4), ("pie", 3), ("plum", 2)]);
        assert_eq!(counted(&f.top_words(Some(1), true, 9)), [("plum", 2), ("pear", 1), ("pie", 1)]);
    }

    #[test]
    fn phrases_of_two_to_four_words() {
        let c = corpus(DOCS);
        let index = Index::build(&c);
        let mut all = PhraseCounter::new(&index, true);
        for d in 0..2 {
            all.add_document(&c, d);
        }
        assert_eq!(counted(&all.top(5, 2)), [("apple pie", 2)]);
        let mut loose = PhraseCounter::new(&index, false);
        loose.add_document(&c, 1);
        assert_eq!(counted(&loose.top(3, 2)), [("the plum", 2)]);
        assert!(!loose.pruned());
        let mut four = PhraseCounter::new(&index, true);
        four.add("Pie of the orchard, pie of the orchard");
        assert_eq!(counted(&four.top(9, 2)), [("pie of the orchard", 2)]);
    }

    #[test]
    fn pruning_bounds_memory() {
        let c = corpus(DOCS);
        let index = Index::build(&c);
        let mut small = PhraseCounter { max_entries: 2, ..PhraseCounter::new(&index, true) };
        small.add_document(&c, 0);
        small.add_document(&c, 1);
        assert!(small.pruned());
        assert!(small.counts.len() <= 3, "{:?}", small.counts.len());
    }

    /// A constructed case: "whale" is 4 of doc a's 10 words and 1 of the rest's 30; "sea" is
    /// spread evenly (1 in 10, 3 in 30) and is not distinctive.
    #[test]
    fn keyness_by_log_likelihood() {
        let a = "whale whale whale whale sea x1 x2 x3 x4 x5";
        let rest = "whale sea sea sea y1 y2 y3 y4 y5 y6 y7 y8 y9 y10 y11 y12 y13 y14 y15 y16 y17 y18 y19 y20 y21 y22 y23 y24 y25 y26";
        let c = corpus(&[("a", &[a]), ("b", &[rest])]);
        let index = Index::build(&c);
        let f = Frequencies::new(&index);
        let keys = f.keywords(0, true, 2, 10);
        assert_eq!(keys.iter().map(|k| (k.term.as_str(), k.count, k.elsewhere)).collect::<Vec<_>>(), [("whale", 4, 1)]);
        // E1 = 10·5/40 = 1.25, E2 = 30·5/40 = 3.75; G² = 2(4 ln 3.2 + 1 ln(1/3.75)) ≈ 6.6624.
        let expected = 2.0 * (4.0 * (4.0f64 / 1.25).ln() + (1.0f64 / 3.75).ln());
        assert!((keys[0].g2 - expected).abs() < 1e-9 && (keys[0].g2 - 6.6624).abs() < 1e-3, "{}", keys[0].g2);
        assert_eq!(log_likelihood(1, 3, 10.0, 30.0), 0.0, "the same rate on both sides");
        // Unique to doc b, so more distinctive than "sea": y-words are seen once, under min_count.
        assert!(f.keywords(1, true, 1, 50).iter().all(|k| k.term != "whale"));
    }
}
