//! Passages worded like a given ¶: text reuse, paraphrase and repeated formulas across a corpus.
//!
//! The corpus is searched with the passage's own text; unlike a typed query, every word of the
//! passage takes part in finding candidates (reuse shows in common words too), which costs more
//! but runs once per view, not per keystroke. Candidates are ranked by word-by-word similarity
//! ([`crate::align`]), the passage itself is left out, and so is anything sharing no word with
//! it. Each result carries the ranges of its words shared with the passage, to mark them.
//!
//! Guarantees: results are sorted by similarity, best first (ties in corpus order); every
//! similarity is above 0; every range lies in the result's passage on char boundaries.

use std::ops::Range;

use crate::align::{align, Change, Matching};
use crate::index::Index;
use crate::model::Corpus;
use crate::search::{SearchOptions, Searcher};

/// The knobs of finding similar passages.
#[derive(Clone, Debug, PartialEq)]
pub struct SimilarOptions {
    /// Passages listed at most.
    pub limit: usize,
    /// Search candidates aligned against the passage (more than `limit`, since alignment
    /// re-ranks them).
    pub candidates: usize,
}

impl Default for SimilarOptions {
    fn default() -> Self {
        SimilarOptions { limit: 10, candidates: 30 }
    }
}

/// One passage worded like the given one.
#[derive(Clone, Debug, PartialEq)]
pub struct SimilarPassage {
    /// Index of the document in [`Corpus::documents`].
    pub doc: usize,
    /// 1-based ¶.
    pub passage: usize,
    /// Word-by-word similarity with the given passage, in (0, 1].
    pub similarity: f32,
    /// Byte ranges of the words it shares with the given passage.
    pub shared: Vec<Range<usize>>,
}

/// The passages most like ¶`passage` of document `doc` (an index into [`Corpus::documents`]);
/// empty when that ¶ does not exist.
pub fn similar_passages(corpus: &Corpus, index: &Index, doc: usize, passage: usize, options: &SimilarOptions) -> Vec<SimilarPassage> {
    let Some(text) = corpus.documents().get(doc).and_then(|d| d.passage(passage)) else {
        return Vec::new();
    };
    let search = SearchOptions { max_scoring_terms: 256, rerank_min_ratio: 0.0, ..SearchOptions::default() };
    let mut found: Vec<SimilarPassage> = Searcher::with_options(corpus, index, search)
        .search(text, options.candidates + 1)
        .hits
        .into_iter()
        .filter(|h| (h.doc, h.passage) != (doc, passage))
        .filter_map(|h| {
            let other = &corpus.documents()[h.doc].passages[h.passage - 1];
            let alignment = align(text, other, Matching::Lenient);
            // Shared words next to each other are marked as one run.
            let mut shared: Vec<Range<usize>> = Vec::new();
            for s in alignment.segments.iter().filter(|s| matches!(s.change, Change::Same | Change::Minor) && !s.right.is_empty()) {
                match shared.last_mut() {
                    Some(last) if other[last.end..s.right.start].trim().is_empty() => last.end = s.right.end,
                    _ => shared.push(s.right.clone()),
                }
            }
            (alignment.similarity > 0.0).then_some(SimilarPassage { doc: h.doc, passage: h.passage, similarity: alignment.similarity, shared })
        })
        .collect();
    crate::order::sort_by(&mut found, |a, b| b.similarity.total_cmp(&a.similarity).then((a.doc, a.passage).cmp(&(b.doc, b.passage))));
    found.truncate(options.limit);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &[&str] = &[
        "We should never seek network hegemony in any form.",
        "The weather was fine and the crowd was large.",
        "Nothing here is like anything else at all.",
    ];
    const B: &[&str] = &[
        "They said we should never seek network hegemony again.",
        "We should seek hegemony over the network in every form.",
    ];

    fn corpus() -> Corpus {
        crate::fixture::corpus(&[("a", A), ("b", B)])
    }

    /// The (document id, ¶) of the passages like ¶`passage` of `doc`, best first, and the
    /// shared words of the first.
    fn check(doc: usize, passage: usize, expected: &[(&str, usize)], first_shared: &[&str]) {
        let corpus = corpus();
        let index = Index::build(&corpus);
        let found = similar_passages(&corpus, &index, doc, passage, &SimilarOptions::default());
        let got: Vec<(&str, usize)> = found.iter().map(|s| (corpus.documents()[s.doc].id.as_str(), s.passage)).collect();
        assert_eq!(got, expected);
        if let Some(first) = found.first() {
            let text = &corpus.documents()[first.doc].passages[first.passage - 1];
            let shared: Vec<&str> = first.shared.iter().map(|r| &text[r.clone()]).collect();
            assert_eq!(shared, first_shared);
        }
        assert!(found.windows(2).all(|w| w[0].similarity >= w[1].similarity));
        assert!(found.iter().all(|s| s.similarity > 0.0));
    }

    #[test]
    fn the_closest_wording_comes_first_and_the_passage_itself_is_left_out() {
        check(0, 1, &[("b", 1), ("b", 2)], &["we should never seek network hegemony"]);
    }

    #[test]
    fn nothing_shared_lists_nothing() {
        check(0, 3, &[], &[]);
        check(0, 9, &[], &[]);
        check(7, 1, &[], &[]);
    }
}
