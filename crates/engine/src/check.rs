//! "Check a quote": does a quote printed elsewhere match the corpus, and where?
//!
//! The pasted text is searched with the ordinary [`Searcher`] (so typos, dropped and swapped
//! words are forgiven the same way), then aligned word by word against each candidate passage
//! together with its neighbours, so a quote that runs across a paragraph break is found as one
//! span over both ¶s. The best matching *span* — not the whole paragraph — is cut out and
//! aligned again for display. A quoter's ellipsis ("…", "[…]") lets the span skip the words it
//! leaves out, and words in square brackets are the quoter's own; neither counts as a
//! difference (see [`crate::align`]).
//!
//! Verdicts, with how sure they are: exact (in one place, or in N places, all listed); "matches
//! with N words different"; or not found as quoted, when the best span has less than
//! [`CheckOptions::min_found`] of the pasted words or is less than
//! [`CheckOptions::min_similarity`] similar — then the closest spans are listed instead. Work
//! is bounded: only the first [`CheckOptions::max_chars`] characters of a paste are used, and
//! the result says what was cut.

use std::collections::HashMap;
use std::ops::Range;

use crate::align::{align, words, Alignment, Change, Joins, Matching, Word, WordKind};
use crate::index::Index;
use crate::model::Corpus;
use crate::query::QUOTES;
use crate::search::Searcher;
use crate::text::tokenize;

/// The knobs of checking a quote.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckOptions {
    /// Characters of a paste that are checked; the rest is reported as cut.
    pub max_chars: usize,
    /// Candidate passages aligned against the paste (each with its neighbours).
    pub candidates: usize,
    /// Paragraphs on either side of a candidate that a match may run into, at least; more when
    /// the paste is longer than they are (see [`window`]).
    pub neighbours: usize,
    /// Below this share of the pasted words found in order, the quote is not found as quoted.
    pub min_found: f32,
    /// Below this similarity (0..=1, see [`Alignment::similarity`]) the quote is not found as
    /// quoted, however many of its words the span has: 0.7 keeps a quote of twenty words with
    /// six changed, and refuses a reordered quote that shares only scattered words.
    pub min_similarity: f32,
    /// Places listed when an exact quote occurs in several; all are counted.
    pub max_places: usize,
    /// Words of the source's sentence shown on either side of a quote taken from inside it.
    pub context_words: usize,
    /// A candidate this close to the quote (words different at most) that differs from it by a
    /// negation is named beside the verdict, whatever the verdict.
    pub negated_within: usize,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            max_chars: 5_000,
            candidates: 8,
            neighbours: 1,
            min_found: 0.6,
            min_similarity: 0.7,
            max_places: 100,
            context_words: 8,
            negated_within: 2,
        }
    }
}

/// One stretch of one ¶ that a match covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// 1-based ¶.
    pub passage: usize,
    /// Byte range of the matched text in the passage.
    pub span: Range<usize>,
}

/// Where a pasted quote best matches the corpus: a span of one ¶, or of consecutive ¶s when
/// the quote runs across a paragraph break.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanMatch {
    /// Index of the document in [`Corpus::documents`].
    pub doc: usize,
    /// The ¶s covered, in order, with the matched range of each.
    pub parts: Vec<Part>,
    /// The matched corpus text: the parts joined by a line break. `alignment`'s right side
    /// refers to it.
    pub text: String,
    /// The paste (left) aligned with `text` (right).
    pub alignment: Alignment,
    /// Share of the pasted words found, in order, in the span.
    pub found: f32,
}

impl SpanMatch {
    /// The first ¶ of the match.
    pub fn first_passage(&self) -> usize {
        self.parts.first().map_or(1, |p| p.passage)
    }

    /// The last ¶ of the match (the first, unless it runs across a paragraph break).
    pub fn last_passage(&self) -> usize {
        self.parts.last().map_or(1, |p| p.passage)
    }
}

/// One place where an exact quote occurs word for word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// Index of the document in [`Corpus::documents`].
    pub doc: usize,
    /// 1-based ¶.
    pub passage: usize,
    /// Byte range of the quote in the passage.
    pub span: Range<usize>,
}

/// What a check concludes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every word matches (differences of case, punctuation or quote marks, and the quoter's
    /// marked omissions and insertions aside).
    Exact,
    /// The quote is there with this many words different.
    Differs(usize),
    /// Nothing in the corpus matches well enough; the closest spans are in `nearest`.
    NotFound,
}

/// Everything a check found: the verdict, the best match and its alternatives.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckResult {
    /// What the check concludes.
    pub verdict: Verdict,
    /// The text that was checked (the paste, cut to the limit).
    pub checked: String,
    /// The best match, when the verdict is not [`Verdict::NotFound`].
    pub best: Option<SpanMatch>,
    /// For an exact quote, every place it occurs word for word, in corpus order (at most
    /// [`CheckOptions::max_places`]; `places_total` counts them all).
    pub places: Vec<Place>,
    /// How many places hold the quote word for word (for an exact quote).
    pub places_total: usize,
    /// The next best candidates (or, when not found, the closest ones), best first.
    pub nearest: Vec<SpanMatch>,
    /// Characters of the paste that were not checked.
    pub cut_chars: usize,
}

/// Checks `pasted` against the corpus.
pub fn check_quote(corpus: &Corpus, index: &Index, pasted: &str, options: &CheckOptions) -> CheckResult {
    let (checked, cut_chars) = cut(pasted, options.max_chars);
    let checked = checked.trim();
    let pasted_words = words(checked, Matching::Lenient);
    let mut matches: Vec<SpanMatch> = Vec::new();
    if pasted_words.iter().any(|w| w.kind == WordKind::Word) {
        // Quote marks in a paste are part of the quote, not a phrase instruction: a slightly
        // wrong quote must still reach the alignment.
        let query: String = checked.chars().map(|c| if QUOTES.contains(&c) { ' ' } else { c }).collect();
        let searcher = Searcher::new(corpus, index);
        let length = pasted_words.iter().filter(|w| w.kind == WordKind::Word).count();
        // Each ellipsis may leave out a whole ¶, however long: one more on either side for each.
        let ellipses = pasted_words.iter().filter(|w| w.kind == WordKind::Ellipsis).count();
        for hit in searcher.search(&query, options.candidates).hits {
            let window = window(&corpus.documents()[hit.doc].passages, hit.passage, length, options.neighbours + ellipses);
            let found = best_span(corpus, checked, &pasted_words, hit.doc, window);
            // A neighbour can hold a better span than the hit itself (the quote word for word);
            // the hit's own is then a candidate too, for it may differ by a negation.
            let elsewhere = found.as_ref().is_some_and(|m| m.parts.iter().all(|p| p.passage != hit.passage));
            let own = elsewhere.then(|| best_span(corpus, checked, &pasted_words, hit.doc, hit.passage..hit.passage + 1)).flatten();
            for m in found.into_iter().chain(own) {
                if !matches.iter().any(|other| other.doc == m.doc && other.parts == m.parts) {
                    matches.push(m);
                }
            }
        }
    }
    crate::order::sort_by(&mut matches, |a, b| {
        b.found.total_cmp(&a.found).then(b.alignment.similarity.total_cmp(&a.alignment.similarity))
    });
    let verdict = match matches.first() {
        Some(m) if m.found >= options.min_found && m.alignment.similarity >= options.min_similarity => {
            if m.alignment.words_different == 0 {
                Verdict::Exact
            } else {
                Verdict::Differs(m.alignment.words_different)
            }
        }
        _ => Verdict::NotFound,
    };
    let best = (verdict != Verdict::NotFound).then(|| matches.remove(0));
    let (places, places_total) = match (&verdict, &best) {
        (Verdict::Exact, Some(m)) => exact_places(corpus, index, &pasted_words, m, options.max_places),
        _ => (Vec::new(), 0),
    };
    CheckResult { verdict, checked: checked.to_string(), best, places, places_total, nearest: matches, cut_chars }
}

/// The ¶s around ¶`hit` (1-based) of `passages` that a match of a paste of `length` words may
/// cover: `neighbours` on either side, and on each side more while those taken hold fewer words
/// than the paste, so that a quote of four ¶s is found whole whichever of them search ranked
/// first (with one ¶ either side, it was cut to three and judged "not found").
fn window(passages: &[String], hit: usize, length: usize, neighbours: usize) -> Range<usize> {
    let words = |n: usize| passages[n - 1].split_whitespace().count();
    let (mut first, mut last) = (hit, hit);
    let (mut before, mut after) = (0, 0);
    while first > 1 && (hit - first < neighbours || before < length) {
        first -= 1;
        before += words(first);
    }
    while last < passages.len() && (last - hit < neighbours || after < length) {
        last += 1;
        after += words(last);
    }
    first..last + 1
}

/// Words that turn a statement into its opposite, folded as [`tokenize`] folds them ("don't"
/// is "dont"), sorted.
const NEGATIONS: &[&str] = &[
    "aint", "arent", "cannot", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt",
    "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "nowhere", "shouldnt", "wasnt", "werent",
    "without", "wont", "wouldnt",
];

/// A negation that one side of an alignment has and the other lacks where they differ: a quote
/// may then say the opposite of its source, however similar the rest ("We should seek network
/// hegemony" against "We should never seek …" is 91% similar), and however the quoter marked
/// it ("We should … seek network hegemony" is exact, with one omission).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Negation {
    /// The word as written.
    pub word: String,
    /// True when the right text (a check's source) has it and the left (the quote) does not;
    /// false the other way round.
    pub in_right: bool,
    /// Where the two differ: in words, or behind the quoter's marks.
    pub at: Marked,
}

/// Where a difference lies, as far as the quoter's conventions go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marked {
    /// In words that differ (changed, missing or added).
    No,
    /// In the words an ellipsis leaves out.
    Omission,
    /// In words in square brackets, or the words they stand for.
    Brackets,
}

/// The negations `m` differs by: those of [`negations_between`] the quote (`pasted`, the
/// alignment's left text) and the source (`m.text`).
pub fn negations(pasted: &str, m: &SpanMatch) -> Vec<Negation> {
    negations_between(pasted, &m.text, &m.alignment)
}

/// The words of the source's sentence around a match, when the quote starts or ends inside it:
/// "Money is the root of all evil" is exact, and its sentence begins "For the love of".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The sentence's words before the match (the nearest `context_words`, "…" before them when
    /// there are more); empty when the quote starts the sentence.
    pub before: String,
    /// The sentence's words after the match, likewise; empty when the quote ends it.
    pub after: String,
}

/// The context of `m` in its first and last ¶: the sentence (up to a full stop, question or
/// exclamation mark, or the ¶'s edge) the match starts in and the one it ends in.
pub fn context(corpus: &Corpus, m: &SpanMatch, options: &CheckOptions) -> Context {
    let Some((text, matched, after)) = around(corpus, m) else { return Context::default() };
    let ends_sentence = |c: char| matches!(c, '.' | '!' | '?');
    let start = text.rfind(ends_sentence).map_or(0, |k| k + 1);
    let before: Vec<&str> = text[start..].split_whitespace().collect();
    // A match that ends its sentence ("… this end.") has nothing after it in that sentence.
    let closed = matched.trim_end_matches(|c: char| !c.is_alphanumeric() && !ends_sentence(c)).ends_with(ends_sentence);
    let text = if closed { "" } else { after };
    let end = text.find(ends_sentence).map_or(text.len(), |k| k + 1);
    let after: Vec<&str> = text[..end].split_whitespace().collect();
    let n = options.context_words;
    // Up to `n` words nearest the match (punctuation standing alone comes along), and whether
    // words were left beyond them.
    fn nearest<'a>(words: impl Iterator<Item = &'a str>, n: usize) -> (Vec<&'a str>, bool) {
        let (mut kept, mut counted) = (Vec::new(), 0);
        for w in words {
            let word = w.chars().any(char::is_alphanumeric);
            if word && counted == n {
                return (kept, true);
            }
            counted += usize::from(word);
            kept.push(w);
        }
        (kept, false)
    }
    // Only function words ("And", "for the") say nothing of what the sentence says.
    let said = |words: Vec<&str>| {
        let telling = tokenize(&words.join(" ")).iter().any(|t| !crate::stopwords::is_function_word(&t.term));
        if telling { words.join(" ") } else { String::new() }
    };
    // The source's quote marks right beside the match close or open the match, not the
    // context: shown in quote marks, the context would read “” for the manner …”.
    let mark = |w: &&str| w.chars().all(|c| QUOTES.contains(&c) || matches!(c, '‘' | '’' | '\''));
    let (mut kept_before, more_before) = nearest(before.iter().rev().copied().skip_while(mark), n);
    kept_before.reverse();
    let (kept_after, more_after) = nearest(after.iter().copied().skip_while(mark), n);
    let before = said(kept_before);
    let after = said(kept_after);
    Context {
        before: if more_before && !before.is_empty() { format!("… {before}") } else { before },
        after: if more_after && !after.is_empty() { format!("{after} …") } else { after },
    }
}

/// The text of `m`'s first ¶ before it, of its last ¶ up to its end, and of its last ¶ after
/// it: what [`context`] reads the sentence from and [`negated_nearby`] the clause.
fn around<'c>(corpus: &'c Corpus, m: &SpanMatch) -> Option<(&'c str, &'c str, &'c str)> {
    let passages = &corpus.documents()[m.doc].passages;
    let (first, last) = (m.parts.first()?, m.parts.last()?);
    let (start, end) = (&passages[first.passage - 1], &passages[last.passage - 1]);
    Some((&start[..first.span.start], &end[..last.span.end], &end[last.span.end..]))
}

/// A candidate nearly the quote's words with a negation the quote lacks, when the best match
/// differs by none: "Thou shalt kill" is word for word in four verses ("thou shalt kill the
/// bullock"), and one word from "Thou shalt not kill", which the reader must be told of.
pub fn negated_nearby<'r>(corpus: &Corpus, result: &'r CheckResult, options: &CheckOptions) -> Option<&'r SpanMatch> {
    let best_negated = result.best.as_ref().is_some_and(|m| !negations(&result.checked, m).is_empty());
    // A best match that stands as a clause of its own ("he said, It is finished: and he bowed")
    // is what the quoter meant; one cut from inside a clause ("thou shalt kill the bullock")
    // may not be.
    let whole_clause = result.best.as_ref().and_then(|m| around(corpus, m)).is_some_and(|(before, _, after)| {
        let (before, after) = (before.trim_end().chars().next_back(), after.trim_start().chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    });
    if best_negated || whole_clause {
        return None;
    }
    result
        .nearest
        .iter()
        .find(|m| {
            // Every word of the quote is there, and the rest is a few added words: "God is not"
            // beside "God is love" is another sentence, not the quote's twin.
            m.found >= 1.0 && m.alignment.words_different <= options.negated_within && negations(&result.checked, m).iter().any(|n| n.in_right)
        })
}

/// Words one text has beyond the other's start or end count for negations only this near the
/// shared words: "I will not raise taxes" quoted as "raise taxes" drops a negation, while a
/// short quote beside its whole paragraph leaves out the paragraph's other sentences, not
/// their negations.
const EDGE_WORDS: usize = 2;

/// The negations two aligned texts differ by: in the segments where `left` and `right` differ,
/// a quoter's omissions and insertions included, each negation one side holds more often than
/// the other, once, in order. Of words beyond one text's start or end, only the
/// [`EDGE_WORDS`] nearest the shared words count. Check weighs a quote against its source with
/// it, and Compare each quote against the first.
pub fn negations_between(left: &str, right: &str, alignment: &Alignment) -> Vec<Negation> {
    let mut out: Vec<Negation> = Vec::new();
    let last = alignment.segments.len().saturating_sub(1);
    for (i, seg) in alignment.segments.iter().enumerate() {
        let at = match seg.change {
            Change::Same | Change::Minor => continue,
            Change::Elided => Marked::Omission,
            Change::Bracketed => Marked::Brackets,
            Change::Changed | Change::OnlyLeft | Change::OnlyRight => Marked::No,
        };
        let beyond = matches!(seg.change, Change::OnlyLeft | Change::OnlyRight) && last > 0;
        let negations_in = |text: &str| {
            let mut tokens = tokenize(text);
            match (beyond, i) {
                (true, 0) => drop(tokens.drain(..tokens.len().saturating_sub(EDGE_WORDS))),
                (true, i) if i == last => tokens.truncate(EDGE_WORDS),
                _ => {}
            }
            tokens.into_iter().filter(|t| NEGATIONS.binary_search(&t.term.as_str()).is_ok()).map(|t| (t.term, text[t.span].to_string())).collect::<Vec<_>>()
        };
        // Words a quoter's ellipsis leaves out count only in the sentences the quote runs
        // through: a whole sentence or ¶ left out between two quoted ones is no change to them.
        let in_quoted_sentences = |text: &str, range: Range<usize>| -> String {
            if seg.change != Change::Elided {
                return text[range].to_string();
            }
            let ends = |c: char| matches!(c, '.' | '!' | '?' | ';' | ':');
            let before_starts_new = text[..range.start].trim_end().ends_with(ends);
            let omitted = &text[range];
            let (first, last) = (omitted.find(ends), omitted.trim_end().rfind(ends));
            match (first, last) {
                // The head ends the sentence before the ellipsis (unless that sentence had
                // ended already), the tail begins the one after; whole sentences between go.
                (Some(f), Some(l)) => {
                    let head = if before_starts_new { "" } else { &omitted[..f] };
                    format!("{head} {}", &omitted[l + 1..])
                }
                // Within one sentence, before or after the quoted words: all of it counts.
                _ => omitted.to_string(),
            }
        };
        let (on_left, on_right) = (negations_in(&in_quoted_sentences(left, seg.left.clone())), negations_in(&in_quoted_sentences(right, seg.right.clone())));
        // One negation written for another ("let no man" for "let not man") keeps the sense.
        if seg.change == Change::Changed && on_left.len() == on_right.len() {
            continue;
        }
        let count = |side: &[(String, String)], term: &str| side.iter().filter(|(t, _)| t == term).count();
        for (side, other, in_right) in [(&on_right, &on_left, true), (&on_left, &on_right, false)] {
            for (term, word) in side.iter() {
                if count(side, term) > count(other, term) && !out.iter().any(|n| n.in_right == in_right && crate::text::fold(&n.word) == *term) {
                    out.push(Negation { word: word.clone(), in_right, at });
                }
            }
        }
    }
    out
}

/// `text` cut to at most `max_chars` characters, and how many characters were cut off. The
/// one cut for pasted text, used by checking and by comparisons of pasted quotes alike.
pub fn cut(text: &str, max_chars: usize) -> (&str, usize) {
    match text.char_indices().nth(max_chars) {
        Some((at, _)) => (&text[..at], text[at..].chars().count()),
        None => (text, 0),
    }
}

/// A word of a window of consecutive ¶s: which ¶ (index into the window) it belongs to.
struct WindowWord {
    part: usize,
    word: Word,
}

/// The span of ¶s `window` of document `doc` that the paste matches best: a local alignment
/// (Smith–Waterman over word keys) finds the densest stretch of matching words, then the span
/// is widened by as many words as the paste has unmatched before and after it (substitutions
/// at the edges), without going beyond the ¶s the stretch touches.
fn best_span(corpus: &Corpus, pasted: &str, pasted_words: &[Word], doc: usize, window: Range<usize>) -> Option<SpanMatch> {
    let passages = &corpus.documents()[doc].passages;
    let numbers: Vec<usize> = window.collect();
    // Words one side writes joined and the other apart are compared joined (see `Joins`).
    let pasted_joins = Joins::of(pasted_words);
    let mut window_words: Vec<Vec<Word>> = numbers.iter().map(|&n| words(&passages[n - 1], Matching::Lenient)).collect();
    let mut pasted_words = pasted_words.to_vec();
    for part in &window_words {
        Joins::of(part).join(&mut pasted_words);
    }
    let pasted_words = &pasted_words[..];
    for part in &mut window_words {
        pasted_joins.join(part);
    }
    let text_words: Vec<WindowWord> = window_words
        .into_iter()
        .enumerate()
        .flat_map(|(part, words)| words.into_iter().map(move |word| WindowWord { part, word }))
        .collect();
    let (paste_range, text_range) = local_alignment(pasted_words, &text_words)?;
    let (first_part, last_part) = (text_words[text_range.start].part, text_words[text_range.end - 1].part);
    let part_start = text_words.iter().position(|w| w.part == first_part).unwrap_or(0);
    let part_end = text_words.iter().rposition(|w| w.part == last_part).map_or(text_words.len(), |k| k + 1);
    // The paste's words beyond the dense stretch, read outward from it, reach as far as they
    // match: "his Son" reaches past "only begotten" to "Son", where widening by one word per
    // unmatched word stopped at "only" and called "Son" changed into it.
    let head: Vec<&Word> = pasted_words[..paste_range.start].iter().rev().collect();
    let tail: Vec<&Word> = pasted_words[paste_range.end..].iter().collect();
    let before: Vec<&Word> = text_words[part_start..text_range.start].iter().rev().map(|w| &w.word).collect();
    let after: Vec<&Word> = text_words[text_range.end..part_end].iter().map(|w| &w.word).collect();
    let first = text_range.start - reach(&head, &before);
    let last = text_range.end + reach(&tail, &after);

    let mut parts: Vec<Part> = Vec::new();
    for w in &text_words[first..last] {
        match parts.last_mut() {
            Some(p) if p.passage == numbers[w.part] => p.span.end = w.word.span.end,
            _ => parts.push(Part { passage: numbers[w.part], span: w.word.span.clone() }),
        }
    }
    // The span's first ¶ starts, and its last ends, without the punctuation the quote leaves out.
    if let (Some(first), Some(last), Some(k)) = (pasted_words.first(), pasted_words.last(), parts.len().checked_sub(1)) {
        let (n, m) = (parts[0].passage, parts[k].passage);
        parts[0].span.start = edge_start(&passages[n - 1], parts[0].span.start, &pasted[first.span.clone()]);
        parts[k].span.end = edge_end(&passages[m - 1], parts[k].span.end, &pasted[last.span.clone()]);
    }
    let text = parts.iter().map(|p| &passages[p.passage - 1][p.span.clone()]).collect::<Vec<_>>().join("\n");
    let alignment = align(pasted, &text, Matching::Lenient);
    // Counted with the same word splitting as the alignment (dashes separate words too); the
    // quoter's bracketed words and ellipses are not the quote's words.
    let quoted: Vec<&Word> = pasted_words.iter().filter(|w| w.kind == WordKind::Word).collect();
    let shared = quoted
        .iter()
        .filter(|w| {
            alignment.segments.iter().any(|s| {
                matches!(s.change, Change::Same | Change::Minor) && s.left.start <= w.span.start && w.span.end <= s.left.end
            })
        })
        .count();
    let found = shared as f32 / quoted.len().max(1) as f32;
    Some(SpanMatch { doc, parts, text, alignment, found })
}

/// How many of `text`'s words (read outward from the edge of a local alignment) the paste's
/// words beyond that edge (`rest`, read outward too) cover, aligned whole: each of `rest` is
/// matched (+4), changed (−2) or left out (−2), and a word of `text` the paste passes over costs
/// −1 (nothing after a quoter's ellipsis), so a quoter's few dropped words are passed over to
/// reach the word the paste ends on, and a changed last word is one word changed. A bracketed
/// word stands for any word, or none. The reach ends on a matched or changed word, never on
/// words only passed over; on equal scores, the farther.
fn reach(rest: &[&Word], text: &[&Word]) -> usize {
    let mut keys: Vec<(&str, bool)> = Vec::new();
    // `free[i]`: an ellipsis stands between the i-th and the next of the paste's words.
    let mut free = vec![false];
    for w in rest {
        if w.kind == WordKind::Ellipsis {
            *free.last_mut().expect("never empty") = true;
        } else {
            keys.push((w.key.as_str(), w.kind == WordKind::Bracketed));
            free.push(false);
        }
    }
    let n = keys.len();
    if n == 0 {
        return 0;
    }
    // Far enough for a quoter's dropped clause, not so far that a common word pulls it along.
    let m = text.len().min(2 * n + 8);
    let at = |i: usize, j: usize| i * (m + 1) + j;
    let mut score = vec![i32::MIN / 2; (n + 1) * (m + 1)];
    let mut ends_on_word = vec![false; (n + 1) * (m + 1)];
    score[0] = 0;
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = (i32::MIN / 2, false);
            if i > 0 && j > 0 {
                let (key, bracketed) = keys[i - 1];
                let gain = if key == text[j - 1].key { 4 } else if bracketed { 0 } else { -2 };
                best = (score[at(i - 1, j - 1)] + gain, true);
            }
            if i > 0 {
                let cost = if keys[i - 1].1 { 0 } else { 2 };
                let left_out = score[at(i - 1, j)] - cost;
                if left_out > best.0 {
                    best = (left_out, ends_on_word[at(i - 1, j)] || j == 0);
                }
            }
            if j > 0 {
                let passed = score[at(i, j - 1)] - if free[i] { 0 } else { 1 };
                if passed > best.0 {
                    best = (passed, false);
                }
            }
            score[at(i, j)] = best.0;
            ends_on_word[at(i, j)] = best.1;
        }
    }
    (0..=m).filter(|&j| j == 0 || ends_on_word[at(n, j)]).fold(0, |kept, j| if score[at(n, j)] >= score[at(n, kept)] { j } else { kept })
}

/// Where a matched span of `text` starting at the word at `start` should start: past the
/// punctuation before that word's first letter or digit that the quote's first word
/// (`quoted`) does not have before its own. A source's opening quote mark is not part of a
/// quote that leaves it out, so it is neither highlighted nor marked as a difference.
fn edge_start(text: &str, start: usize, quoted: &str) -> usize {
    let word = text[start..].split(char::is_whitespace).next().unwrap_or("");
    let (Some(letter), Some(quoted_letter)) = (word.find(char::is_alphanumeric), quoted.find(char::is_alphanumeric)) else {
        return start;
    };
    let (mine, theirs) = (&word[..letter], &quoted[..quoted_letter]);
    // The longest run that ends `mine` and ends `theirs` too is kept.
    let kept = mine.char_indices().map(|(i, _)| i).find(|&i| theirs.ends_with(&mine[i..])).unwrap_or(letter);
    start + kept
}

/// Where a matched span of `text` ending at `end` (the end of a word) should end: before the
/// punctuation after that word's last letter or digit that the quote's last word (`quoted`)
/// does not have after its own, so an exact quote that leaves out the comma after its last
/// word reads exact, with nothing marked ("hegemony" against "hegemony,").
fn edge_end(text: &str, end: usize, quoted: &str) -> usize {
    let word = text[..end].rsplit(char::is_whitespace).next().unwrap_or("");
    let last_letter = |w: &str| w.char_indices().rev().find(|(_, c)| c.is_alphanumeric()).map(|(i, c)| i + c.len_utf8());
    let (Some(letter_end), Some(quoted_end)) = (last_letter(word), last_letter(quoted)) else {
        return end;
    };
    let (mine, theirs) = (&word[letter_end..], &quoted[quoted_end..]);
    // The longest run that starts `mine` and starts `theirs` too is kept.
    let kept = (0..=mine.len()).rev().filter(|&k| mine.is_char_boundary(k)).find(|&k| theirs.starts_with(&mine[..k])).unwrap_or(0);
    end - word.len() + letter_end + kept
}

/// Smith–Waterman over word keys (match +2, mismatch or gap −1): the word ranges of the best
/// local alignment in the paste `a` and the window `b`, or `None` when no word matches. The
/// quoter's marks cost nothing: after an ellipsis any number of words may be skipped, and a
/// bracketed word may stand for any word, or none.
fn local_alignment<'w>(a: &'w [Word], b: &'w [WindowWord]) -> Option<(Range<usize>, Range<usize>)> {
    // Keys as numbers, so the inner loop compares integers.
    let mut ids: HashMap<&'w str, u32> = HashMap::new();
    let mut id = |key: &'w str| -> u32 {
        let next = ids.len() as u32;
        *ids.entry(key).or_insert(next)
    };
    // The paste's words without its ellipses; `free_after[i]`: an ellipsis follows word i-1.
    let mut ka: Vec<(u32, bool)> = Vec::new();
    let mut index_of: Vec<usize> = Vec::new();
    let mut free_after = vec![false];
    for (k, w) in a.iter().enumerate() {
        if w.kind == WordKind::Ellipsis {
            *free_after.last_mut().expect("never empty") = true;
        } else {
            ka.push((id(w.key.as_str()), w.kind == WordKind::Bracketed));
            index_of.push(k);
            free_after.push(false);
        }
    }
    let kb: Vec<u32> = b.iter().map(|w| id(w.word.key.as_str())).collect();
    let (n, m) = (ka.len(), kb.len());
    let mut score = vec![0i32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    let diagonal = |i: usize, j: usize| -> i32 {
        let (key, bracketed) = ka[i - 1];
        if key == kb[j - 1] {
            2
        } else if bracketed {
            0
        } else {
            -1
        }
    };
    let up = |i: usize| if ka[i - 1].1 { 0 } else { -1 };
    let left = |i: usize| if free_after[i] { 0 } else { -1 };
    let mut best = (0, 0, 0);
    for i in 1..=n {
        for j in 1..=m {
            let s = (score[at(i - 1, j - 1)] + diagonal(i, j))
                .max(score[at(i - 1, j)] + up(i))
                .max(score[at(i, j - 1)] + left(i))
                .max(0);
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
        if s == score[at(i - 1, j - 1)] + diagonal(i, j) {
            i -= 1;
            j -= 1;
        } else if s == score[at(i - 1, j)] + up(i) {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    // Back to indices of the paste's words, ellipses included.
    let start = if i < n { index_of[i] } else { a.len() };
    Some((start..index_of[end_i - 1] + 1, j..end_j))
}

/// Every place where the paste occurs word for word (the same terms in a row, in one ¶, as a
/// phrase search and the concordance count them, so "dospi markar" is found in "of-dospi
/// markar" too), in corpus order: candidates are the passages holding every term of the paste,
/// found through the index; each is then scanned for the whole sequence. A paste with the
/// quoter's marks, or without terms to look up, has only the best match.
fn exact_places(corpus: &Corpus, index: &Index, pasted: &[Word], best: &SpanMatch, max: usize) -> (Vec<Place>, usize) {
    let own = || {
        let part = &best.parts[0];
        (vec![Place { doc: best.doc, passage: part.passage, span: part.span.clone() }], 1)
    };
    if best.parts.len() > 1 || pasted.iter().any(|w| w.kind != WordKind::Word) {
        return own();
    }
    // The source's words, as the index holds them: a quote exact in its words may write them
    // otherwise ("forever" for "for ever", "neighbor" for "neighbour").
    let keys: Vec<String> = tokenize(&best.text).into_iter().map(|t| t.term).collect();
    let mut terms: Vec<usize> = Vec::new();
    for key in &keys {
        match index.term_id(key) {
            Some(id) => terms.push(id),
            None => return own(),
        }
    }
    if terms.is_empty() {
        return own();
    }
    crate::order::sort_ids(&mut terms, |a, b| index.document_frequency(a).cmp(&index.document_frequency(b)));
    terms.dedup();
    let mut candidates: Vec<u32> = index.postings(terms[0]).passages.clone();
    for &id in &terms[1..] {
        let other = &index.postings(id).passages;
        candidates.retain(|p| other.binary_search(p).is_ok());
    }
    let mut places = Vec::new();
    let mut total = 0;
    for p in candidates {
        let r = index.passage_ref(p as usize);
        let text = &corpus.documents()[r.doc].passages[r.number - 1];
        let tokens = tokenize(text);
        for run in tokens.windows(keys.len()) {
            if run.iter().zip(&keys).all(|(t, k)| t.term == *k) {
                total += 1;
                if places.len() < max {
                    places.push(Place { doc: r.doc, passage: r.number, span: run[0].span.start..run[keys.len() - 1].span.end });
                }
            }
        }
    }
    if total == 0 {
        return own();
    }
    (places, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSAGES: &[&str] = &[
        "Last week in Wuzhen, China, Chinese President Xi Jinping made clear the theme.",
        "“We need to respect each country’s right to choose their methods of cyber development, cyber administration, and Internet public policy independently and to participate in the international cyber space management equally. We should never seek network hegemony.”",
        "Meanwhile, foreign media outlets such as the New York Times were denied entry to cover the conference proceedings.",
        "The organizers kept the press away from the main hall for the whole week",
        "and nobody could say why the rules had changed since the last time they met.",
    ];

    /// A second document repeats a sentence of the first word for word.
    const OTHER: &[&str] = &["As the speaker put it, we should never seek network hegemony, and the hall applauded."];

    fn corpus() -> Corpus {
        crate::fixture::corpus(&[("a", PASSAGES), ("b", OTHER)])
    }

    fn run(pasted: &str) -> CheckResult {
        let corpus = corpus();
        let index = Index::build(&corpus);
        check_quote(&corpus, &index, pasted, &CheckOptions::default())
    }

    /// Checks the verdict, the ¶s and the matched text (parts joined by a line break).
    fn check(pasted: &str, verdict: Verdict, passages: &[usize], text: &str) {
        let result = run(pasted);
        assert_eq!(result.verdict, verdict, "{pasted:?}: {:?}", result.best.as_ref().map(|b| (&b.text, b.found, b.alignment.similarity)));
        let best = result.best.expect("a match");
        assert_eq!(best.parts.iter().map(|p| p.passage).collect::<Vec<_>>(), passages, "{pasted:?}");
        assert_eq!(best.text, text, "{pasted:?}");
        let corpus = corpus();
        for part in &best.parts {
            let doc = &corpus.documents()[best.doc];
            assert!(doc.passages[part.passage - 1].get(part.span.clone()).is_some());
        }
    }

    /// Verses of the King James Bible, one ¶ each: a real text whose quoters drop words, join
    /// verses with an ellipsis and misremember.
    const KJV: &[&str] = &[
        "In the beginning God created the heaven and the earth.",
        "And the earth was without form, and void; and darkness was upon the face of the deep. And the Spirit of God moved upon the face of the waters.",
        "And God said, Let there be light: and there was light.",
        "And God saw the light, that it was good: and God divided the light from the darkness.",
        "The LORD is my shepherd; I shall not want.",
        "He maketh me to lie down in green pastures: he leadeth me beside the still waters.",
        "He restoreth my soul: he leadeth me in the paths of righteousness for his name's sake.",
        "For God so loved the world, that he gave his only begotten Son, that whosoever believeth in him should not perish, but have everlasting life.",
    ];

    /// A corpus of one document of `passages`, and `pasted` checked against it.
    fn checked_in(passages: &[&str], pasted: &str) -> (Corpus, CheckResult) {
        let corpus = crate::fixture::corpus(&[("doc", passages)]);
        let result = check_quote(&corpus, &Index::build(&corpus), pasted, &CheckOptions::default());
        (corpus, result)
    }

    /// Checks `pasted` against [`KJV`]: the verdict, the ¶s and the matched text.
    fn check_kjv(pasted: &str, verdict: Verdict, passages: &[usize], text: &str) {
        let (_, result) = checked_in(KJV, pasted);
        let best = result.best.as_ref().map(|b| (b.parts.iter().map(|p| p.passage).collect::<Vec<_>>(), b.text.as_str()));
        assert_eq!((&result.verdict, best), (&verdict, Some((passages.to_vec(), text))), "{pasted:?}");
    }

    #[test]
    fn chinese_quotes_are_checked_character_by_character() {
        let verses = ["奉至仁至慈的安拉之名", "一切赞颂，全归安拉，养育众世界的主，", "这部经，其中毫无可疑，是敬畏者的向导。"];
        let check = |pasted: &str, verdict: Verdict, passages: &[usize]| {
            let (_, result) = checked_in(&verses, pasted);
            let found = result.best.as_ref().map(|b| b.parts.iter().map(|p| p.passage).collect::<Vec<_>>());
            assert_eq!((&result.verdict, found), (&verdict, Some(passages.to_vec())), "{pasted:?}");
        };
        check("这部经，其中毫无可疑，是敬畏者的指导。", Verdict::Differs(1), &[3]);
        check("一切赞颂，全归真主，养育众世界的主", Verdict::Differs(2), &[2]);
        // Two verses run together, as Chinese is written, without a space between them.
        check("奉至仁至慈的安拉之名一切赞颂，全归安拉，养育众世界的主，", Verdict::Exact, &[1, 2]);
    }

    #[test]
    fn a_typewritten_dash_is_a_dash() {
        let source = ["Reluctant, as usual, to interpret state legislation--such interpretation can only be a forecast--Mr. Smith agreed."];
        for pasted in [
            "to interpret state legislation — such interpretation can only be a forecast — Mr. Smith agreed",
            "to interpret state legislation–such interpretation can only be a forecast–Mr. Smith agreed",
            "to interpret state legislation, such interpretation can only be a forecast, Mr. Smith agreed",
        ] {
            assert_eq!(checked_in(&source, pasted).1.verdict, Verdict::Exact, "{pasted:?}");
        }
    }

    #[test]
    fn words_dropped_near_an_end_are_passed_over_to_the_word_the_quote_ends_on() {
        check_kjv("For God so loved the world, that he gave his Son", Verdict::Differs(2), &[8],
            "For God so loved the world, that he gave his only begotten Son");
        check_kjv("In the beginning God created the earth.", Verdict::Differs(3), &[1], "In the beginning God created the heaven and the earth.");
        check_kjv("God so loved the world, that he gave his Son, that whosoever believeth in him should not perish", Verdict::Differs(2), &[8],
            "God so loved the world, that he gave his only begotten Son, that whosoever believeth in him should not perish");
        // At the start too: two words dropped after the first.
        check_kjv("He me to lie down in green pastures", Verdict::Differs(1), &[6], "He maketh me to lie down in green pastures");
        check_kjv("He to lie down in green pastures: he leadeth me beside the still waters", Verdict::Differs(2), &[6],
            "He maketh me to lie down in green pastures: he leadeth me beside the still waters");
        // A last word changed is still one word changed, in place.
        check_kjv("For God so loved the world, that he gave his only begotten daughter", Verdict::Differs(1), &[8],
            "For God so loved the world, that he gave his only begotten Son");
    }

    #[test]
    fn a_quote_from_inside_a_sentence_is_given_the_sentence_around_it() {
        let check = |pasted: &str, before: &str, after: &str| {
            let (corpus, result) = checked_in(KJV, pasted);
            let expected = Context { before: before.to_string(), after: after.to_string() };
            assert_eq!(context(&corpus, result.best.as_ref().expect("found"), &CheckOptions::default()), expected, "{pasted:?}");
        };
        check("he gave his only begotten Son", "For God so loved the world, that", ", that whosoever believeth in him should not perish, …");
        check("that whosoever believeth in him should not perish", "… world, that he gave his only begotten Son,", ", but have everlasting life.");
        check("In the beginning God created the heaven and the earth.", "", "");
        check("In the beginning God created the heaven", "", "and the earth.");
        check("And the earth was without form, and void; and darkness was upon the face of the deep.", "", "");
        check("Let there be light", "And God said,", ": and there was light.");
        check("God said, Let there be light", "", ": and there was light.");
        let (corpus, result) = checked_in(&["The committee “deserves the praise of the City” for the manner in which it was done."], "deserves the praise of the City");
        let expected = Context { before: "The committee".into(), after: "for the manner in which it was done.".into() };
        assert_eq!(context(&corpus, result.best.as_ref().expect("found"), &CheckOptions::default()), expected);
    }

    #[test]
    fn a_near_quote_that_differs_by_a_negation_is_named() {
        const LAW: &[&str] = &["Thou shalt not kill.", "And thou shalt kill the bullock before the LORD, by the door of the tabernacle."];
        let check = |pasted: &str, verdict: Verdict, named: Option<usize>| {
            let (corpus, result) = checked_in(LAW, pasted);
            assert_eq!(result.verdict, verdict, "{pasted:?}");
            assert_eq!(negated_nearby(&corpus, &result, &CheckOptions::default()).map(SpanMatch::first_passage), named, "{pasted:?}");
        };
        check("Thou shalt kill.", Verdict::Exact, Some(1));
        check("Thou shalt not kill.", Verdict::Exact, None);
        check("thou shalt kill the bullock before the LORD", Verdict::Exact, None);
        // A short quote one changed word from a negated sentence is no twin of it.
        const LOVE: &[&str] = &["He that loveth not knoweth not God; for God is love.", "For God is not unrighteous to forget your work."];
        let (corpus, result) = checked_in(LOVE, "God is love");
        assert_eq!((&result.verdict, negated_nearby(&corpus, &result, &CheckOptions::default())), (&Verdict::Exact, None));
        // A quote that is a clause of its own in its source is what the quoter meant.
        const FINISHED: &[&str] = &["He said, It is finished: and he bowed his head.", "And yet it is not finished."];
        let (corpus, result) = checked_in(FINISHED, "It is finished");
        assert_eq!((&result.verdict, negated_nearby(&corpus, &result, &CheckOptions::default())), (&Verdict::Exact, None));
    }

    #[test]
    fn words_written_joined_match_the_source_written_apart() {
        const EVERY: &[&str] = &["To every thing there is a season, and a time to every purpose under the heaven:", "Jesus Christ the same yesterday, and to day, and for ever."];
        let check = |pasted: &str, verdict: Verdict, text: &str| {
            let (_, result) = checked_in(EVERY, pasted);
            assert_eq!((&result.verdict, result.best.as_ref().map(|b| b.text.as_str())), (&verdict, Some(text)), "{pasted:?}");
        };
        check("To everything there is a season", Verdict::Exact, "To every thing there is a season");
        // Every place is counted as the source writes it.
        const MERCY: &[&str] = &["O give thanks; for his mercy endureth for ever.", "To him which smote great kings: for his mercy endureth for ever:"];
        let (_, result) = checked_in(MERCY, "for his mercy endureth forever");
        assert_eq!((&result.verdict, result.places_total), (&Verdict::Exact, 2));
        // "and" before "to day" is left out: one word, not three.
        check("Jesus Christ the same yesterday, today, and forever.", Verdict::Differs(1), "Jesus Christ the same yesterday, and to day, and for ever.");
    }

    #[test]
    fn an_ellipsis_may_leave_out_a_whole_long_paragraph() {
        check_kjv("The LORD is my shepherd; I shall not want. ... He restoreth my soul", Verdict::Exact, &[5, 6, 7],
            "The LORD is my shepherd; I shall not want.\nHe maketh me to lie down in green pastures: he leadeth me beside the still waters.\nHe restoreth my soul");
        check_kjv("In the beginning God created the heaven and the earth. ... And God said, Let there be light", Verdict::Exact, &[1, 2, 3],
            &[KJV[0], KJV[1], "And God said, Let there be light"].join("\n"));
    }

    #[test]
    fn exact_quotes_match_their_span_not_the_paragraph() {
        check("to participate in the international cyber space management equally", Verdict::Exact, &[2],
            "to participate in the international cyber space management equally");
        check("Meanwhile, foreign media outlets such as the New York Times were denied entry", Verdict::Exact, &[3],
            "Meanwhile, foreign media outlets such as the New York Times were denied entry");
    }

    #[test]
    fn misquotes_count_the_words_that_differ() {
        // "such as" → "like" counts two words, "denied" → "refused" one.
        check("foreign media outlets like the New York Times were refused entry to cover the conference", Verdict::Differs(3), &[3],
            "foreign media outlets such as the New York Times were denied entry to cover the conference");
        check("We need to respect every country’s right to pick their methods of cyber development", Verdict::Differs(2), &[2],
            "We need to respect each country’s right to choose their methods of cyber development");
        check("to participate in the global cyber space management equally", Verdict::Differs(1), &[2],
            "to participate in the international cyber space management equally");
        check("participate—in the international cyber—space management", Verdict::Exact, &[2],
            "participate in the international cyber space management");
    }

    #[test]
    fn punctuation_the_quote_leaves_out_at_its_edges_is_not_part_of_the_span() {
        // The source's opening quote mark and the comma after the last word are left out by
        // the quote: the span starts and ends with the words, and the quote reads exact with
        // nothing marked.
        let result = run("We need to respect each country’s right to choose their methods of cyber development");
        assert_eq!(result.verdict, Verdict::Exact);
        let best = result.best.expect("a match");
        assert!(best.alignment.segments.iter().all(|s| s.change == Change::Same), "{:?}", best.alignment.segments);
        // What the quote has at its edges is kept where the source has it too.
        check("“We need to respect each country’s right to choose their methods of cyber development,", Verdict::Exact, &[2],
            "“We need to respect each country’s right to choose their methods of cyber development,");
        check("We need to respect each country’s right to choose their methods of cyber development.", Verdict::Exact, &[2],
            "We need to respect each country’s right to choose their methods of cyber development");
        let edges = |text: &str, quote: &str| text[edge_start(text, 0, quote)..edge_end(text, text.len(), quote)].to_string();
        for (text, quote, expected) in [
            ("“hegemony,”", "hegemony", "hegemony"),
            ("“hegemony,”", "“hegemony", "“hegemony"),
            ("(“hegemony.”)", "\"hegemony.", "hegemony."),
            ("hegemony.”", "hegemony.”", "hegemony.”"),
            ("— and —", "and", "— and —"),
            ("«été»", "été", "été"),
        ] {
            assert_eq!(edges(text, quote), expected, "{text:?} quoted as {quote:?}");
        }
    }

    #[test]
    fn a_quote_across_a_paragraph_break_is_found_in_both() {
        check("kept the press away from the main hall for the whole week and nobody could say why the rules had changed",
            Verdict::Exact, &[4, 5],
            "kept the press away from the main hall for the whole week\nand nobody could say why the rules had changed");
        check("kept the press out of the main hall for the whole week and nobody could say why the rules changed",
            Verdict::Differs(3), &[4, 5],
            "kept the press away from the main hall for the whole week\nand nobody could say why the rules had changed");
    }

    #[test]
    fn a_negation_dropped_or_added_is_named() {
        let check = |pasted: &str, expected: &[(&str, bool, Marked)]| {
            let result = run(pasted);
            let best = result.best.unwrap_or_else(|| panic!("{pasted:?} not found"));
            let got: Vec<(String, bool, Marked)> = negations(&result.checked, &best).into_iter().map(|n| (n.word, n.in_right, n.at)).collect();
            let expected: Vec<(String, bool, Marked)> = expected.iter().map(|&(w, s, m)| (w.to_string(), s, m)).collect();
            assert_eq!(got, expected, "{pasted:?}");
        };
        check("to participate in the international cyber space management equally. We should seek network hegemony.", &[("never", true, Marked::No)]);
        check("Meanwhile, foreign media outlets such as the New York Times were not denied entry", &[("not", false, Marked::No)]);
        check("the New York Times weren't denied entry to cover the conference", &[("weren't", false, Marked::No)]);
        // Behind the quoter's marks, which make the words exact.
        check("We should … seek network hegemony", &[("never", true, Marked::Omission)]);
        check("We should [] seek network hegemony", &[("never", true, Marked::Brackets)]);
        check("We [do] seek network hegemony", &[("never", true, Marked::Brackets)]);
        check("the New York Times were [not] denied entry to cover the conference", &[("not", false, Marked::Brackets)]);
        check("We should never seek … hegemony", &[]);
        // Other changes, and a negation both sides have, are not named.
        check("We should never seek network dominance", &[]);
        check("foreign media outlets such as the New York Times were refused entry", &[]);
        assert!(NEGATIONS.windows(2).all(|w| w[0] < w[1]), "NEGATIONS is sorted, for binary search");
    }

    #[test]
    fn a_negation_between_any_two_texts_is_named_on_its_side() {
        // As Compare weighs quote 1 (left) against another (right): either may hold the marks.
        let check = |left: &str, right: &str, expected: &[(&str, bool, Marked)]| {
            let alignment = align(left, right, Matching::Lenient);
            let got: Vec<(String, bool, Marked)> = negations_between(left, right, &alignment).into_iter().map(|n| (n.word, n.in_right, n.at)).collect();
            let expected: Vec<(String, bool, Marked)> = expected.iter().map(|&(w, r, m)| (w.to_string(), r, m)).collect();
            assert_eq!(got, expected, "{left:?} against {right:?}");
        };
        check("We should … seek network hegemony", "We should never seek network hegemony", &[("never", true, Marked::Omission)]);
        check("We should never seek network hegemony", "We should … seek network hegemony", &[("never", false, Marked::Omission)]);
        check("They did not say so.", "They did say so.", &[("not", false, Marked::No)]);
        check("They didn't say so, nor would they.", "They did say so, and would not.", &[("didn't", false, Marked::No), ("nor", false, Marked::No), ("not", true, Marked::No)]);
        check("They [never] said so.", "They said so.", &[("never", false, Marked::Brackets)]);
        check("They never said so.", "They never said so!", &[]);
        // A whole sentence or ¶ left out is no change to the quoted ones around it.
        check("In the beginning God created the earth. … And God said, Let there be light",
            "In the beginning God created the earth. And the earth was without form. And God said, Let there be light", &[]);
        check("The LORD is my shepherd; … he leadeth me", "The LORD is my shepherd; I shall not want. He maketh me lie down: he leadeth me", &[]);
        check("We should … seek network hegemony, they said.", "We should never seek network hegemony, they said.", &[("never", true, Marked::Omission)]);
        check("It was so. … seek it.", "It was so. Never seek it.", &[("Never", true, Marked::Omission)]);
        check("It was so … seek it.", "It was so. It is not. Never seek it.", &[("Never", true, Marked::Omission)]);
        // A negation changed for another is no change of sense.
        check("What God hath joined together, let no man put asunder.", "What therefore God hath joined together, let not man put asunder.", &[]);
        check("We should not seek network hegemony", "We should never seek network hegemony", &[]);
        check("No one came.", "No one came, or nobody we knew.", &[("nobody", true, Marked::No)]);
        // Beyond a quote's edges, only the words next to it: the rest is context, not a change.
        check("raise taxes", "I will not raise taxes", &[("not", true, Marked::No)]);
        check("raise taxes", "Nobody expected it. I will not raise taxes", &[("not", true, Marked::No)]);
        check("raise taxes", "Nobody expected that I will raise taxes", &[]);
        check("Nobody expected that I will raise taxes", "raise taxes and cut nothing", &[]);
        check("Nobody expected that I will raise taxes", "raise taxes, not cut them", &[("not", true, Marked::No)]);
        check("Nobody said I will not raise taxes", "raise taxes never", &[("not", false, Marked::No), ("never", true, Marked::No)]);
        check("", "not at all", &[("not", true, Marked::No)]);
    }

    #[test]
    fn a_quote_of_many_paragraphs_is_found_whole() {
        // ¶2–¶5 word for word, paragraphs apart by blank lines, as a block quote is pasted.
        let pasted = PASSAGES[1..].join("\n\n");
        check(&pasted, Verdict::Exact, &[2, 3, 4, 5], &PASSAGES[1..].join("\n"));
        // The window reaches as far as the paste is long, and no farther than the document.
        let passages: Vec<String> = ["a b", "c d e", "f", "g h", "i"].iter().map(|p| p.to_string()).collect();
        for (hit, length, neighbours, expected) in [(3, 0, 1, 2..5), (3, 3, 1, 2..6), (3, 4, 1, 1..6), (1, 4, 1, 1..4), (5, 1, 0, 4..6), (3, 0, 0, 3..4)] {
            assert_eq!(window(&passages, hit, length, neighbours), expected, "hit {hit}, {length} words, {neighbours} either side");
        }
    }

    #[test]
    fn ellipses_and_brackets_are_the_quoters_not_changes() {
        let result = run("We need to respect each country’s right … to participate in the international cyber space management equally");
        assert_eq!(result.verdict, Verdict::Exact, "{:?}", result.best.or(result.nearest.first().cloned()));
        assert_eq!(result.best.as_ref().map(|b| b.alignment.omissions), Some(1));
        let result = run("foreign media outlets such as [The Times] were denied entry to cover the conference");
        assert_eq!(result.verdict, Verdict::Exact, "{:?}", result.best);
        assert_eq!(result.best.as_ref().map(|b| b.alignment.insertions), Some(1));
        let result = run("foreign media outlets such as [The Times] were refused entry […] proceedings");
        assert_eq!(result.verdict, Verdict::Differs(1));
        let best = result.best.unwrap();
        assert_eq!((best.alignment.omissions, best.alignment.insertions), (1, 1));
    }

    #[test]
    fn a_reordered_quote_with_scattered_words_is_not_found_as_quoted() {
        let result = run("the conference proceedings were covered by the New York Times while foreign outlets were denied");
        assert_eq!(result.verdict, Verdict::NotFound, "{:?}", result.best);
        let nearest = result.nearest.first().expect("the closest spans are listed");
        assert_eq!(nearest.first_passage(), 3);
        assert!(nearest.alignment.similarity < CheckOptions::default().min_similarity);
    }

    #[test]
    fn an_exact_quote_in_several_places_lists_them_all() {
        let result = run("we should never seek network hegemony");
        assert_eq!(result.verdict, Verdict::Exact);
        assert_eq!(result.places_total, 2);
        let places: Vec<(usize, usize)> = result.places.iter().map(|p| (p.doc, p.passage)).collect();
        assert_eq!(places, [(0, 2), (1, 1)]);
        assert_eq!(&OTHER[0][result.places[1].span.clone()], "we should never seek network hegemony");
        assert_eq!(run("to participate in the international cyber space").places_total, 1);
        // Counted as a phrase search counts them: a hyphen joins no words apart.
        let corpus = crate::fixture::corpus(&[("a", &["the of-dospi markar went", "a dospi markar."]), ("b", &["dospi markar-grorprol"])]);
        let index = Index::build(&corpus);
        let result = check_quote(&corpus, &index, "dospi markar", &CheckOptions::default());
        assert_eq!(result.verdict, Verdict::Exact);
        let places: Vec<&str> = result.places.iter().map(|p| &corpus.documents()[p.doc].passages[p.passage - 1][p.span.clone()]).collect();
        assert_eq!(places, ["dospi markar", "dospi markar", "dospi markar"]);
    }

    #[test]
    fn unrelated_text_is_not_found_and_long_pastes_are_cut() {
        let result = run("The quick brown fox jumps over the lazy dog near the river bank");
        assert_eq!(result.verdict, Verdict::NotFound);
        assert!(result.best.is_none());
        assert_eq!(run("").verdict, Verdict::NotFound);
        assert_eq!(run("… […]").verdict, Verdict::NotFound);
        let huge = "cyber ".repeat(200_000);
        let result = run(&huge);
        assert_eq!(result.cut_chars, huge.chars().count() - CheckOptions::default().max_chars);
        assert!(result.checked.chars().count() <= CheckOptions::default().max_chars);
    }
}
