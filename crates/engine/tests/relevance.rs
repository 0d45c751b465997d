//! The relevance suite: a generated corpus, queries of each kind people type (exact fragment,
//! misquote, rare keywords with a typo, a prefix being typed), each with the passage it must
//! find. Prints success@1 and MRR per kind and fails below floors set from measurement.
//!
//! Queries and right answers come from the raw text (`generate::raw_words`, `str::contains`),
//! never from the engine's tokenizer, so the suite does not grade the engine by its own rules.

use std::collections::BTreeMap;

use lectern_engine::generate::{documents, generate_files, make_queries, QueryKind};
use lectern_engine::generate::TestQuery;
use lectern_engine::{Corpus, Index, Searcher};

/// The passages (document index, 1-based ¶) that rightly answer `q`: its source passage, and for
/// an exact fragment every passage whose raw text contains it verbatim.
fn right_answers(corpus: &Corpus, q: &TestQuery) -> Vec<(usize, usize)> {
    let mut answers: Vec<(usize, usize)> = Vec::new();
    for (d, doc) in corpus.documents().iter().enumerate() {
        for (p, text) in doc.passages.iter().enumerate() {
            let source = doc.id == q.doc_id && p + 1 == q.passage;
            if source || (q.kind == QueryKind::Exact && text.contains(q.text.as_str())) {
                answers.push((d, p + 1));
            }
        }
    }
    assert!(!answers.is_empty(), "the source of {q:?} is in the corpus");
    answers
}

/// Floors per kind: (success@1, MRR). Set a little under what was measured (see the README), so
/// a real regression fails while the suite stays deterministic.
const FLOORS: &[(QueryKind, f64, f64)] = &[
    (QueryKind::Exact, 0.95, 0.97),
    (QueryKind::Misquote, 0.95, 0.97),
    (QueryKind::Keywords, 0.90, 0.93),
    (QueryKind::Prefix, 0.90, 0.93),
];

#[test]
fn relevance_per_query_kind() {
    let files = generate_files(2015, 120, 1_200_000);
    let corpus = Corpus::new("generated", documents(&files)).unwrap();
    let index = Index::build(&corpus);
    let searcher = Searcher::new(&corpus, &index);
    let queries = make_queries(22, corpus.documents(), 100);

    let mut stats: BTreeMap<QueryKind, (usize, f64, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for q in &queries {
        let results = searcher.search(&q.text, 10);
        let answers = right_answers(&corpus, q);
        let rank = results.hits.iter().position(|h| answers.contains(&(h.doc, h.passage))).map(|r| r + 1);
        let entry = stats.entry(q.kind).or_default();
        entry.2 += 1;
        if rank == Some(1) {
            entry.0 += 1;
        } else if misses.len() < 10 {
            misses.push(format!("{:?} {:?} → rank {rank:?}", q.kind, q.text));
        }
        entry.1 += rank.map_or(0.0, |r| 1.0 / r as f64);
    }

    println!("{:<22} {:>9} {:>6} {:>7}", "kind", "success@1", "MRR", "queries");
    let mut failures = Vec::new();
    for &(kind, floor_s1, floor_mrr) in FLOORS {
        let (hits, rr, n) = stats[&kind];
        let (s1, mrr) = (hits as f64 / n as f64, rr / n as f64);
        println!("{:<22} {:>9.3} {:>6.3} {:>7}", kind.name(), s1, mrr, n);
        if s1 < floor_s1 || mrr < floor_mrr {
            failures.push(format!("{}: success@1 {s1:.3} (floor {floor_s1}), MRR {mrr:.3} (floor {floor_mrr})", kind.name()));
        }
    }
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(failures.is_empty(), "below the floor: {failures:#?}");
}
