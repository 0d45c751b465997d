//! The inverted index over every passage of a corpus, built at compile time and bundled.
//!
//! Passages are numbered globally in corpus order (document by document, ¶1 first). For every
//! folded term the index keeps the passages it occurs in, with counts; hyphenated pairs are
//! indexed under their joined form too. The bundled form stores passage numbers as gaps, which
//! keep the varints short; [`Index::from_wire`] restores them. The vocabulary's trigram table,
//! used to find typo candidates, is derived when first needed rather than bundled.
//!
//! Guarantees: terms are sorted and unique; each posting list is sorted by passage and holds no
//! passage twice; `passage_len` has one entry per passage of the corpus it was built from.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::Corpus;
use crate::text::tokenize;

/// Where a global passage number points: document index in the corpus and its ¶ number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PassageRef {
    /// Index of the document in [`Corpus::documents`].
    pub doc: usize,
    /// 1-based, as shown to readers.
    pub number: usize,
}

/// The passages one term occurs in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postings {
    /// Global passage numbers, ascending.
    pub passages: Vec<u32>,
    /// How often the term occurs in each of those passages (saturating).
    pub counts: Vec<u16>,
}

/// The inverted index: terms, their postings and the passage lengths, with the trigram table built on first use.
#[derive(Debug, Default)]
pub struct Index {
    terms: Vec<String>,
    postings: Vec<Postings>,
    passage_len: Vec<u16>,
    passage_refs: Vec<PassageRef>,
    average_len: f32,
    trigrams: OnceLock<Trigrams>,
}

/// The serialised form: the same data, passage numbers as gaps.
#[derive(Serialize, Deserialize)]
pub struct IndexWire {
    terms: Vec<String>,
    postings: Vec<Postings>,
    passage_len: Vec<u16>,
}

/// An index built a document at a time, so a page can index a reader's documents in slices
/// that never hold the main thread for long. Add the documents in the corpus's order (by id),
/// then [`finish`](IndexBuilder::finish) with that corpus; the result equals [`Index::build`].
#[derive(Default)]
pub struct IndexBuilder {
    by_term: HashMap<String, Postings>,
    passage_len: Vec<u16>,
    counts: HashMap<String, u16>,
}

impl IndexBuilder {
    /// Indexes the passages of the next document.
    pub fn add(&mut self, doc: &crate::model::Document) {
        for text in &doc.passages {
            self.add_passage(text);
        }
    }

    /// Indexes the next passage (passages are numbered in the order they are added, across
    /// documents, as the corpus numbers them).
    pub fn add_passage(&mut self, text: &str) {
        let global = self.passage_len.len();
        self.counts.clear();
        let tokens = tokenize(text);
        self.passage_len.push(tokens.len().min(u16::MAX as usize) as u16);
        for token in tokens {
            if let Some(joined) = token.joined {
                let count = self.counts.entry(joined).or_default();
                *count = count.saturating_add(1);
            }
            let count = self.counts.entry(token.term).or_default();
            *count = count.saturating_add(1);
        }
        for (term, &count) in &self.counts {
            let postings = self.by_term.entry(term.clone()).or_default();
            postings.passages.push(global as u32);
            postings.counts.push(count);
        }
    }

    /// The index of the documents added, which must be those of `corpus`, in its order.
    pub fn finish(self, corpus: &Corpus) -> Index {
        let mut entries: Vec<(String, Postings)> = self.by_term.into_iter().collect();
        crate::order::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        let (terms, postings) = entries.into_iter().unzip();
        Index::assemble(terms, postings, self.passage_len, corpus)
    }
}

impl Index {
    /// Indexes every passage of `corpus`.
    pub fn build(corpus: &Corpus) -> Index {
        let mut builder = IndexBuilder::default();
        for doc in corpus.documents() {
            builder.add(doc);
        }
        builder.finish(corpus)
    }

    fn assemble(terms: Vec<String>, postings: Vec<Postings>, passage_len: Vec<u16>, corpus: &Corpus) -> Index {
        let mut passage_refs = Vec::with_capacity(passage_len.len());
        for (doc, d) in corpus.documents().iter().enumerate() {
            passage_refs.extend((1..=d.passages.len()).map(|number| PassageRef { doc, number }));
        }
        let total: u64 = passage_len.iter().map(|&l| l as u64).sum();
        let average_len = if passage_len.is_empty() { 1.0 } else { (total as f32 / passage_len.len() as f32).max(1.0) };
        Index { terms, postings, passage_len, passage_refs, average_len, trigrams: OnceLock::new() }
    }

    /// The bundled form of this index.
    pub fn to_wire(&self) -> IndexWire {
        let postings = self
            .postings
            .iter()
            .map(|p| {
                let mut previous = 0;
                let gaps = p.passages.iter().map(|&n| n - std::mem::replace(&mut previous, n)).collect();
                Postings { passages: gaps, counts: p.counts.clone() }
            })
            .collect();
        IndexWire { terms: self.terms.clone(), postings, passage_len: self.passage_len.clone() }
    }

    /// Restores an index from its bundled form, for the corpus it was built from. Returns
    /// `None` when the two do not belong together (a stale bundle).
    pub fn from_wire(wire: IndexWire, corpus: &Corpus) -> Option<Index> {
        if wire.passage_len.len() != corpus.passage_count() || wire.terms.len() != wire.postings.len() {
            return None;
        }
        let mut postings = wire.postings;
        for p in &mut postings {
            let mut at = 0u32;
            for n in &mut p.passages {
                at = at.checked_add(*n)?;
                *n = at;
            }
            if p.passages.last().is_some_and(|&last| last as usize >= corpus.passage_count())
                || p.passages.len() != p.counts.len()
            {
                return None;
            }
        }
        Some(Index::assemble(wire.terms, postings, wire.passage_len, corpus))
    }

    /// The vocabulary, sorted; a term id is a position in it.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// The id of `term`, if the corpus has it.
    pub fn term_id(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()
    }

    /// Every term with its id, for code that looks up every word of a text (the concordance's
    /// sorting, phrase counting): a hash lookup is many times faster there than
    /// [`Index::term_id`]'s binary search over the vocabulary.
    pub fn term_ids(&self) -> HashMap<&str, u32> {
        self.terms.iter().enumerate().map(|(id, t)| (t.as_str(), id as u32)).collect()
    }

    /// Ids of the terms that start with `prefix`, in term order.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let end = start + self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start..end
    }

    /// The passages term `term_id` occurs in.
    pub fn postings(&self, term_id: usize) -> &Postings {
        &self.postings[term_id]
    }

    /// In how many passages the term occurs.
    pub fn document_frequency(&self, term_id: usize) -> usize {
        self.postings[term_id].passages.len()
    }

    /// How many passages the corpus has.
    pub fn passage_count(&self) -> usize {
        self.passage_len.len()
    }

    /// The number of terms of global passage `passage`.
    pub fn passage_len(&self, passage: usize) -> usize {
        self.passage_len[passage] as usize
    }

    /// The average passage length in terms (at least 1), for BM25.
    pub fn average_len(&self) -> f32 {
        self.average_len
    }

    /// The document and ¶ of global passage `passage`.
    pub fn passage_ref(&self, passage: usize) -> PassageRef {
        self.passage_refs[passage]
    }

    /// The global passage numbers of document `doc` (its index in the corpus): a contiguous
    /// range, since passages are numbered document by document.
    pub fn document_passages(&self, doc: usize) -> std::ops::Range<usize> {
        self.passage_refs.partition_point(|r| r.doc < doc)..self.passage_refs.partition_point(|r| r.doc <= doc)
    }

    /// Term ids sharing at least `min_shared` padded trigrams with `term`, with the count shared.
    pub fn trigram_candidates(&self, term: &str, min_shared: usize) -> Vec<(usize, usize)> {
        let table = self.trigrams.get_or_init(|| Trigrams::build(&self.terms));
        let mut shared = vec![0u16; self.terms.len()];
        let mut touched: Vec<u32> = Vec::new();
        for gram in trigrams_of(term) {
            for &id in table.map.get(&gram).map_or(&[][..], Vec::as_slice) {
                let count = &mut shared[id as usize];
                if *count == 0 {
                    touched.push(id);
                }
                *count += 1;
            }
        }
        touched
            .into_iter()
            .map(|id| (id as usize, shared[id as usize] as usize))
            .filter(|&(_, n)| n >= min_shared)
            .collect()
    }
}

/// Which terms contain each trigram of their padded form (`^term$`).
#[derive(Debug, Default)]
struct Trigrams {
    map: HashMap<u64, Vec<u32>>,
}

impl Trigrams {
    fn build(terms: &[String]) -> Trigrams {
        let mut map: HashMap<u64, Vec<u32>> = HashMap::new();
        for (id, term) in terms.iter().enumerate() {
            for gram in trigrams_of(term) {
                map.entry(gram).or_default().push(id as u32);
            }
        }
        Trigrams { map }
    }
}

/// The distinct trigrams of `^term$`, sorted, each packed into a u64 (three 21-bit chars).
pub fn trigrams_of(term: &str) -> Vec<u64> {
    let chars: Vec<char> = std::iter::once('^').chain(term.chars()).chain(std::iter::once('$')).collect();
    let mut grams: Vec<u64> = chars.windows(3).map(|w| (w[0] as u64) << 42 | (w[1] as u64) << 21 | w[2] as u64).collect();
    // The app's one compiled sort (crate::order), not a sort of its own for u64s (3.5 KB).
    crate::order::sort_by(&mut grams, |a, b| a.cmp(b));
    grams.dedup();
    grams
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::corpus;

    #[test]
    fn postings_count_terms_per_passage() {
        let c = corpus(&[("a", &["the cat, the hat", "a value-neutral cat"]), ("b", &["hat"])]);
        let index = Index::build(&c);
        let cat = index.term_id("cat").unwrap();
        assert_eq!(index.postings(cat), &Postings { passages: vec![0, 1], counts: vec![1, 1] });
        let the = index.term_id("the").unwrap();
        assert_eq!(index.postings(the).counts, [2]);
        assert!(index.term_id("valueneutral").is_some());
        assert_eq!(index.passage_len(0), 4);
        assert_eq!(index.passage_ref(2), PassageRef { doc: 1, number: 1 });
        assert_eq!(index.terms().iter().filter(|t| t.starts_with("h")).count(), index.prefix_range("h").len());
    }

    #[test]
    fn wire_round_trip_and_stale_bundles() {
        let c = corpus(&[("a", &["one two three", "two three", "three"])]);
        let index = Index::build(&c);
        let back = Index::from_wire(index.to_wire(), &c).unwrap();
        assert_eq!(back.terms, index.terms);
        assert_eq!(back.postings, index.postings);
        assert_eq!(index.to_wire().postings[index.term_id("three").unwrap()].passages, [0, 1, 1]);
        let other = corpus(&[("a", &["one"])]);
        assert!(Index::from_wire(index.to_wire(), &other).is_none());
    }

    #[test]
    fn trigram_candidates_find_typos() {
        let c = corpus(&[("a", &["sovereignty governance sovereign"])]);
        let index = Index::build(&c);
        let found: Vec<&str> =
            index.trigram_candidates("sovereinty", 4).iter().map(|&(id, _)| index.terms()[id].as_str()).collect();
        assert!(found.contains(&"sovereignty"), "{found:?}");
    }
}
