//! Where words occur: the relative frequency of one to five words or phrases per document
//! across the corpus, or per ¶ or per tenth within one document, for the trends chart and its
//! table.
//!
//! Counts are the concordance's ([`crate::concordance`]), so the chart, its table and the
//! concordance a point opens always agree. Words of a stretch of text are its tokens as
//! [`crate::text::tokenize`] makes them (the index's passage lengths), so "per 10,000 words"
//! is per 10,000 of the same words that are counted. Documents come in date order when they
//! have dates, undated ones after them by title ([`crate::catalog::SortKey::Date`]).
//!
//! Guarantees: `counts[t].len() == bins.len()` for every term; the bins' words add up to the
//! corpus's (or the document's) words; rates are integers in tenths, so no float is formatted.

use crate::catalog::{browse, SortKey};
use crate::concordance::{Concordance, Sort};
use crate::index::Index;
use crate::model::Corpus;
use crate::text::tokenize;

/// How many terms one chart compares, at most.
pub const MAX_TERMS: usize = 5;

/// How one document is cut into stretches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Split {
    /// Ten stretches of (nearly) equal numbers of words.
    #[default]
    Tenths,
    /// One stretch per ¶.
    Paragraphs,
}

impl Split {
    /// The name used in links (`tenths`, `para`).
    pub fn name(self) -> &'static str {
        match self {
            Split::Tenths => "tenths",
            Split::Paragraphs => "para",
        }
    }

    /// The split named `name`, if any.
    pub fn parse(name: &str) -> Option<Split> {
        [Split::Tenths, Split::Paragraphs].into_iter().find(|s| s.name() == name)
    }
}

/// One stretch of text: a document, a ¶, or a tenth of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bin {
    /// Index of the document in [`Corpus::documents`].
    pub doc: usize,
    /// The ¶ the stretch starts in (1-based).
    pub passage: usize,
    /// How many words it has.
    pub words: usize,
}

/// The counts of each term in each stretch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trends {
    /// The terms as the reader gave them.
    pub terms: Vec<String>,
    /// The stretches, in the chart's order.
    pub bins: Vec<Bin>,
    /// `counts[t][b]`: occurrences of term `t` in stretch `b`.
    pub counts: Vec<Vec<usize>>,
}

impl Trends {
    /// Occurrences of term `t` per 10,000 words of stretch `b`, in tenths (see [`per_10k_tenths`]).
    pub fn tenths(&self, t: usize, b: usize) -> u64 {
        per_10k_tenths(self.counts[t][b], self.bins[b].words)
    }

    /// The highest rate of any term in any stretch, in tenths: the chart's scale.
    pub fn max_tenths(&self) -> u64 {
        (0..self.terms.len()).flat_map(|t| (0..self.bins.len()).map(move |b| (t, b))).map(|(t, b)| self.tenths(t, b)).max().unwrap_or(0)
    }
}

/// The terms of a comma-separated list (`"war, peace"`): trimmed, those without a word and
/// repeats (as folded: "War" and "war") dropped, at most [`MAX_TERMS`].
pub fn terms_of(input: &str) -> Vec<String> {
    split_terms(input).0
}

/// The terms of a list that [`terms_of`] leaves out because [`MAX_TERMS`] were taken before
/// them (repeats and terms without a word are not counted): what the reader is told was not charted.
pub fn terms_left_out(input: &str) -> Vec<String> {
    split_terms(input).1
}

/// The terms charted and, past [`MAX_TERMS`], those left out.
fn split_terms(input: &str) -> (Vec<String>, Vec<String>) {
    let folded = |t: &str| tokenize(t).into_iter().map(|t| t.term).collect::<Vec<_>>();
    let mut terms: Vec<(String, Vec<String>)> = Vec::new();
    for t in input.split(',').map(str::trim) {
        let f = folded(t);
        if !f.is_empty() && !terms.iter().any(|(_, k)| *k == f) {
            terms.push((t.to_string(), f));
        }
    }
    let mut terms: Vec<String> = terms.into_iter().map(|(t, _)| t).collect();
    let left_out = terms.split_off(terms.len().min(MAX_TERMS));
    (terms, left_out)
}

/// `count` occurrences in `words` words, per 10,000 words, in tenths and rounded: 3 in 2,000
/// words is 15 per 10,000, so 150. Zero words give zero.
pub fn per_10k_tenths(count: usize, words: usize) -> u64 {
    if words == 0 {
        return 0;
    }
    (count as u64 * 100_000 + words as u64 / 2) / words as u64
}

/// A rate in tenths as text: `150` → `"15.0"`, `7` → `"0.7"`.
pub fn format_tenths(tenths: u64) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn words_of(index: &Index, doc: usize) -> usize {
    index.document_passages(doc).map(|p| index.passage_len(p)).sum()
}

/// Each term's count in each document, documents in date order (undated ones by title).
pub fn across_documents(corpus: &Corpus, index: &Index, terms: &[String]) -> Trends {
    let order = browse(corpus.documents(), "", SortKey::Date);
    let mut position = vec![0; order.len()];
    for (k, &d) in order.iter().enumerate() {
        position[d] = k;
    }
    let bins = order.iter().map(|&doc| Bin { doc, passage: 1, words: words_of(index, doc) }).collect();
    let counts = terms
        .iter()
        .map(|t| {
            let mut row = vec![0; order.len()];
            for (doc, n) in Concordance::new(corpus, index, t, None).per_document() {
                row[position[doc]] = n;
            }
            row
        })
        .collect();
    Trends { terms: terms.to_vec(), bins, counts }
}

/// Each term's count per ¶ or per tenth of document `doc`.
pub fn within_document(corpus: &Corpus, index: &Index, doc: usize, terms: &[String], split: Split) -> Trends {
    let range = index.document_passages(doc);
    let lens: Vec<usize> = range.clone().map(|p| index.passage_len(p)).collect();
    // Words before each ¶, and in all.
    let mut before = Vec::with_capacity(lens.len() + 1);
    before.push(0);
    for l in &lens {
        before.push(before.last().copied().unwrap_or(0) + l);
    }
    let total = *before.last().unwrap_or(&0);
    let bins: Vec<Bin> = match split {
        Split::Paragraphs => lens.iter().enumerate().map(|(i, &words)| Bin { doc, passage: i + 1, words }).collect(),
        Split::Tenths => (0..10)
            .map(|k| {
                let (from, to) = (k * total / 10, (k + 1) * total / 10);
                // The ¶ holding the stretch's first word.
                let passage = before.partition_point(|&b| b <= from).clamp(1, lens.len().max(1));
                Bin { doc, passage, words: to - from }
            })
            .collect(),
    };
    let counts = terms
        .iter()
        .map(|t| {
            let mut row = vec![0; bins.len()];
            let concordance = Concordance::new(corpus, index, t, Some(doc));
            match split {
                Split::Paragraphs => {
                    for &(p, n) in concordance.passages() {
                        row[p as usize - range.start] += n as usize;
                    }
                }
                Split::Tenths => {
                    for o in concordance.order(Sort::Document) {
                        let at = before[o.passage as usize - range.start] + o.token as usize;
                        row[(at * 10 / total.max(1)).min(9)] += 1;
                    }
                }
            }
            row
        })
        .collect();
    Trends { terms: terms.to_vec(), bins, counts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{corpus_from_files, doc};
    use crate::model::Corpus;

    fn dated() -> Corpus {
        corpus_from_files(&[
            ("b.md", "---\ntitle: B\ndate: 1900-01-01\n---\nwar war peace one two\n\nsix seven eight nine ten"),
            ("a.md", "---\ntitle: A\ndate: 1950-01-01\n---\npeace and war"),
            ("c.md", "---\ntitle: C\n---\nnothing here at all"),
        ])
    }

    #[test]
    fn per_document_in_date_order() {
        let c = dated();
        let index = Index::build(&c);
        let t = across_documents(&c, &index, &terms_of("War, peace ,, war"));
        assert_eq!(t.terms, ["War", "peace"]);
        let ids: Vec<&str> = t.bins.iter().map(|b| c.documents()[b.doc].id.as_str()).collect();
        assert_eq!(ids, ["b", "a", "c"], "dated first, oldest first; undated last");
        assert_eq!(t.bins.iter().map(|b| b.words).collect::<Vec<_>>(), [10, 3, 4]);
        assert_eq!(t.counts, [vec![2, 1, 0], vec![1, 1, 0]]);
        // 2 in 10 words: 2,000 per 10,000; 1 in 3: 3,333.3.
        assert_eq!((t.tenths(0, 0), t.tenths(0, 1), t.tenths(0, 2)), (20_000, 33_333, 0));
        assert_eq!(t.max_tenths(), 33_333);
        assert_eq!(format_tenths(t.tenths(0, 1)), "3333.3");
    }

    #[test]
    fn within_a_document() {
        let words: Vec<String> = (0..20).map(|i| if i % 7 == 0 { "war".to_string() } else { format!("w{i}") }).collect();
        let (first, second) = (words[..12].join(" "), words[12..].join(" "));
        let c = Corpus::new("t", vec![doc("d", &[&first, &second])]).unwrap();
        let index = Index::build(&c);
        let terms = vec!["war".to_string()];
        // "war" at words 0, 7 and 14; ¶2 starts at word 12.
        let tenths = within_document(&c, &index, 0, &terms, Split::Tenths);
        assert_eq!(tenths.counts, [vec![1, 0, 0, 1, 0, 0, 0, 1, 0, 0]]);
        assert_eq!(tenths.bins.iter().map(|b| (b.passage, b.words)).collect::<Vec<_>>()[5..7], [(1, 2), (2, 2)]);
        let paras = within_document(&c, &index, 0, &terms, Split::Paragraphs);
        assert_eq!(paras.counts, [vec![2, 1]]);
        assert_eq!(paras.bins, [Bin { doc: 0, passage: 1, words: 12 }, Bin { doc: 0, passage: 2, words: 8 }]);
        assert_eq!(Split::parse("para"), Some(Split::Paragraphs));
    }

    #[test]
    fn rates_in_tenths() {
        assert_eq!(per_10k_tenths(3, 2000), 150);
        assert_eq!(per_10k_tenths(1, 30_000), 3);
        assert_eq!(per_10k_tenths(5, 0), 0);
        assert_eq!(format_tenths(7), "0.7");
        assert_eq!(terms_of("a,b,c,d,e,f").len(), MAX_TERMS);
    }

    #[test]
    fn terms_past_the_fifth_are_left_out_and_named() {
        let check = |input: &str, charted: &[&str], left_out: &[&str]| {
            assert_eq!((terms_of(input), terms_left_out(input)), (charted.iter().map(|t| t.to_string()).collect(), left_out.iter().map(|t| t.to_string()).collect()), "{input:?}");
        };
        check("war, peace", &["war", "peace"], &[]);
        check("a,b,c,d,e,f, g", &["a", "b", "c", "d", "e"], &["f", "g"]);
        // Repeats and empty entries take no place and are not "left out".
        check("a, A, ,b,c,—,d,e,a,f", &["a", "b", "c", "d", "e"], &["f"]);
    }
}
