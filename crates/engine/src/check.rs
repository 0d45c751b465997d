//! "Check a quote": does a quote printed elsewhere match the corpus, and where?
//!
//! The pasted text is searched with the ordinary [`Searcher`] (so typos, dropped and swapped
//! words are forgiven the same way), then aligned word by word against each candidate passage;
//! the best matching *span* of the passage — not the whole paragraph — is cut out and aligned
//! again for display. The verdict is exact, "matches with N words different", or not found
//! (with the nearest candidates). Work is bounded: only the first
//! [`CheckOptions::max_chars`] characters of a paste are used, and the result says what was cut.

use std::ops::Range;

use crate::align::{align, words, Alignment, Change, Word};
use crate::model::Corpus;
use crate::query::QUOTES;
use crate::search::Searcher;

/// The knobs of checking a quote.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckOptions {
    /// Characters of a paste that are checked; the rest is reported as cut.
    pub max_chars: usize,
    /// Candidate passages aligned against the paste.
    pub candidates: usize,
    /// Below this share of the pasted words found in order, the quote is not found.
    pub min_found: f32,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions { max_chars: 5_000, candidates: 8, min_found: 0.6 }
    }
}

/// Where a pasted quote best matches one passage.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanMatch {
    /// Index of the document in [`Corpus::documents`].
    pub doc: usize,
    /// 1-based ¶.
    pub passage: usize,
    /// Byte range of the matching span in the passage.
    pub span: Range<usize>,
    /// The paste (left) aligned with the span (right).
    pub alignment: Alignment,
    /// Share of the pasted words found, in order, in the span.
    pub found: f32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every word matches (differences of case, punctuation or quote marks aside).
    Exact,
    /// The quote is there with this many words different.
    Differs(usize),
    /// Nothing in the corpus matches well enough.
    NotFound,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CheckResult {
    pub verdict: Verdict,
    /// The text that was checked (the paste, cut to the limit).
    pub checked: String,
    /// The best match, when the verdict is not [`Verdict::NotFound`].
    pub best: Option<SpanMatch>,
    /// The next best candidates (or, when not found, the nearest ones).
    pub nearest: Vec<SpanMatch>,
    /// Characters of the paste that were not checked.
    pub cut_chars: usize,
}

/// Checks `pasted` against the corpus.
pub fn check_quote(corpus: &Corpus, searcher: &Searcher, pasted: &str, options: &CheckOptions) -> CheckResult {
    let (checked, cut_chars) = match pasted.char_indices().nth(options.max_chars) {
        Some((cut, _)) => (&pasted[..cut], pasted[cut..].chars().count()),
        None => (pasted, 0),
    };
    let checked = checked.trim();
    let pasted_words = words(checked, false);
    let mut matches: Vec<SpanMatch> = if pasted_words.is_empty() {
        Vec::new()
    } else {
        // Quote marks in a paste are part of the quote, not a phrase instruction: a slightly
        // wrong quote must still reach the alignment.
        let query: String = checked.chars().map(|c| if QUOTES.contains(&c) { ' ' } else { c }).collect();
        searcher
            .search(&query, options.candidates)
            .hits
            .into_iter()
            .map(|hit| {
                let text = &corpus.documents()[hit.doc].passages[hit.passage - 1];
                best_span(checked, &pasted_words, text, hit.doc, hit.passage)
            })
            .collect()
    };
    matches.sort_by(|a, b| {
        b.found.total_cmp(&a.found).then(b.alignment.similarity.total_cmp(&a.alignment.similarity))
    });
    let verdict = match matches.first() {
        Some(m) if m.found >= options.min_found => {
            if m.alignment.words_different == 0 {
                Verdict::Exact
            } else {
                Verdict::Differs(m.alignment.words_different)
            }
        }
        _ => Verdict::NotFound,
    };
    let best = (verdict != Verdict::NotFound).then(|| matches.remove(0));
    CheckResult { verdict, checked: checked.to_string(), best, nearest: matches, cut_chars }
}

/// The span of `text` that the paste matches best: a local alignment (Smith–Waterman over word
/// keys) finds the densest stretch of matching words, then the span is widened by as many
/// passage words as the paste has unmatched words before and after it (substitutions at the
/// edges), without crossing the passage's ends.
fn best_span(pasted: &str, pasted_words: &[Word], text: &str, doc: usize, passage: usize) -> SpanMatch {
    let text_words = words(text, false);
    let span = match local_alignment(pasted_words, &text_words) {
        Some((paste_range, text_range)) => {
            let before = paste_range.start;
            let after = pasted_words.len() - paste_range.end;
            let first = text_range.start.saturating_sub(before);
            let last = (text_range.end + after).min(text_words.len());
            text_words[first].span.start..text_words[last - 1].span.end
        }
        None => 0..0,
    };
    let alignment = align(pasted, &text[span.clone()], false);
    // Counted with the same word splitting as the alignment (dashes separate words too).
    let shared = pasted_words
        .iter()
        .filter(|w| {
            alignment.segments.iter().any(|s| {
                matches!(s.change, Change::Same | Change::Minor) && s.left.start <= w.span.start && w.span.end <= s.left.end
            })
        })
        .count();
    let found = shared as f32 / pasted_words.len().max(1) as f32;
    SpanMatch { doc, passage, span, alignment, found }
}

/// Smith–Waterman over word keys (match +2, mismatch or gap −1): the word ranges of the best
/// local alignment in `a` and `b`, or `None` when no word matches.
fn local_alignment(a: &[Word], b: &[Word]) -> Option<(Range<usize>, Range<usize>)> {
    let (n, m) = (a.len(), b.len());
    let mut score = vec![0i32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    let mut best = (0, 0, 0);
    for i in 1..=n {
        for j in 1..=m {
            let diagonal = score[at(i - 1, j - 1)] + if a[i - 1].key == b[j - 1].key { 2 } else { -1 };
            let s = diagonal.max(score[at(i - 1, j)] - 1).max(score[at(i, j - 1)] - 1).max(0);
            score[at(i, j)] = s;
            if s > best.0 {
                best = (s, i, j);
            }
        }
    }
    if best.0 == 0 {
        return None;
    }
    // Trace back to where the alignment starts (the score falls to zero).
    let (_, mut i, mut j) = best;
    let (end_i, end_j) = (i, j);
    while i > 0 && j > 0 && score[at(i, j)] > 0 {
        let s = score[at(i, j)];
        let matched = if a[i - 1].key == b[j - 1].key { 2 } else { -1 };
        if s == score[at(i - 1, j - 1)] + matched {
            i -= 1;
            j -= 1;
        } else if s == score[at(i - 1, j)] - 1 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    Some((i..end_i, j..end_j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Index;
    use crate::model::{Document, Meta};

    const PASSAGES: &[&str] = &[
        "Last week in Wuzhen, China, Chinese President Xi Jinping made clear the theme.",
        "“We need to respect each country’s right to choose their methods of cyber development, cyber administration, and Internet public policy independently and to participate in the international cyber space management equally. We should never seek network hegemony.”",
        "Meanwhile, foreign media outlets such as the New York Times were denied entry to cover the conference proceedings.",
    ];

    fn run(pasted: &str) -> CheckResult {
        let doc = Document {
            id: "a".into(),
            meta: Meta { title: "A".into(), ..Meta::default() },
            passages: PASSAGES.iter().map(|p| p.to_string()).collect(),
        };
        let corpus = Corpus::new("t", vec![doc]).unwrap();
        let index = Index::build(&corpus);
        let searcher = Searcher::new(&corpus, &index);
        check_quote(&corpus, &searcher, pasted, &CheckOptions::default())
    }

    /// Checks the verdict, the ¶ and the matched span's text.
    fn check(pasted: &str, verdict: Verdict, passage: usize, span: &str) {
        let result = run(pasted);
        assert_eq!(result.verdict, verdict, "{pasted:?}");
        let best = result.best.expect("a match");
        assert_eq!(best.passage, passage);
        assert_eq!(&PASSAGES[passage - 1][best.span.clone()], span);
    }

    #[test]
    fn exact_quotes_match_their_span_not_the_paragraph() {
        check("to participate in the international cyber space management equally", Verdict::Exact, 2,
            "to participate in the international cyber space management equally.");
        check("\"We should never seek network hegemony\"", Verdict::Exact, 2, "We should never seek network hegemony.”");
    }

    #[test]
    fn misquotes_count_the_words_that_differ() {
        // "such as" → "like" counts two words, "denied" → "refused" one.
        check("foreign media outlets like the New York Times were refused entry to cover the conference", Verdict::Differs(3), 3,
            "foreign media outlets such as the New York Times were denied entry to cover the conference");
        check("We need to respect every country’s right to pick their methods of cyber development", Verdict::Differs(2), 2,
            "“We need to respect each country’s right to choose their methods of cyber development,");
        check("never seek hegemony", Verdict::Differs(1), 2, "never seek network hegemony.”");
        check("“We should never seek hegemony”", Verdict::Differs(1), 2, "We should never seek network hegemony.”");
        check("participate—in the international cyber—space management", Verdict::Exact, 2,
            "participate in the international cyber space management");
    }

    #[test]
    fn unrelated_text_is_not_found_and_long_pastes_are_cut() {
        let result = run("The quick brown fox jumps over the lazy dog near the river bank");
        assert_eq!(result.verdict, Verdict::NotFound);
        assert!(result.best.is_none());
        assert_eq!(run("").verdict, Verdict::NotFound);
        let huge = "cyber ".repeat(200_000);
        let result = run(&huge);
        assert_eq!(result.cut_chars, huge.chars().count() - CheckOptions::default().max_chars);
        assert!(result.checked.chars().count() <= CheckOptions::default().max_chars);
    }
}
