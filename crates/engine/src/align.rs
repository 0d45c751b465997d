//! Word-by-word alignment of two texts: what they share, what each has alone, what one
//! substitutes for the other, and how similar they are.
//!
//! Words are whitespace-separated (em and en dashes separate words too). By default words are
//! compared leniently — by their letters and digits, case and diacritics folded — so a
//! difference in case, punctuation or quote marks alone is [`Change::Minor`], not a changed
//! word; `strict` compares the words exactly as written. The diff itself is the `similar`
//! crate's (Myers) over the word keys.
//!
//! Guarantees: segments cover both texts' words completely and in order; every range lies in
//! its text on char boundaries; `similarity` is in 0..=1 and is 1 only for texts whose words
//! all match.

use std::ops::Range;

use similar::{capture_diff_slices, Algorithm, DiffOp};
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// How a stretch of the two texts relates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The same words, written the same.
    Same,
    /// The same words, written differently (case, punctuation, quote marks).
    Minor,
    /// Different words in the same place: a substitution.
    Changed,
    /// Words only the left text has.
    OnlyLeft,
    /// Words only the right text has.
    OnlyRight,
}

/// A stretch of the alignment: byte ranges in each text (empty on the side that lacks it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub change: Change,
    pub left: Range<usize>,
    pub right: Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    pub segments: Vec<Segment>,
    /// Shared words, twice, over all words: 1 for the same words, 0 for nothing in common.
    pub similarity: f32,
    pub left_words: usize,
    pub right_words: usize,
    /// Words that differ: each substituted, missing or added word counts once (a substitution
    /// of two words by three counts three).
    pub words_different: usize,
    /// Words that match but are written differently.
    pub minor: usize,
}

/// A word of a text and the key it is compared by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub span: Range<usize>,
    pub key: String,
}

/// The words of `text`, keyed leniently or (`strict`) exactly.
pub fn words(text: &str, strict: bool) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let separator = c.is_whitespace() || c == '—' || c == '–';
        match (separator, start) {
            (true, Some(s)) => {
                out.push(Word { span: s..i, key: key(&text[s..i], strict) });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// Lenient key: letters and digits only, lowercased, diacritics removed; a word of punctuation
/// alone keys as itself.
fn key(word: &str, strict: bool) -> String {
    if strict {
        return word.to_string();
    }
    let folded: String = word
        .nfkd()
        .filter(|c| !is_combining_mark(*c) && c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if folded.is_empty() {
        word.to_string()
    } else {
        folded
    }
}

/// Aligns `left` with `right` word by word.
pub fn align(left: &str, right: &str, strict: bool) -> Alignment {
    let (a, b) = (&words(left, strict)[..], &words(right, strict)[..]);
    let ka: Vec<&str> = a.iter().map(|w| w.key.as_str()).collect();
    let kb: Vec<&str> = b.iter().map(|w| w.key.as_str()).collect();
    let span = |words: &[Word], from: usize, len: usize| -> Range<usize> {
        if len == 0 {
            let at = words.get(from).map_or_else(|| words.last().map_or(0, |w| w.span.end), |w| w.span.start);
            at..at
        } else {
            words[from].span.start..words[from + len - 1].span.end
        }
    };
    let mut segments: Vec<Segment> = Vec::new();
    let (mut shared, mut minor) = (0, 0);
    let mut push = |change: Change, l: Range<usize>, r: Range<usize>| match segments.last_mut() {
        Some(last) if last.change == change && change != Change::Changed => {
            last.left.end = l.end.max(last.left.end);
            last.right.end = r.end.max(last.right.end);
        }
        // Words only one side has, next to words only the other has, are a substitution,
        // whichever order the diff reported them in.
        Some(last)
            if matches!((last.change, change), (Change::OnlyLeft, Change::OnlyRight) | (Change::OnlyRight, Change::OnlyLeft)) =>
        {
            last.change = Change::Changed;
            last.left = last.left.start.min(l.start)..last.left.end.max(l.end);
            last.right = last.right.start.min(r.start)..last.right.end.max(r.end);
        }
        _ => segments.push(Segment { change, left: l, right: r }),
    };
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                shared += len;
                for k in 0..len {
                    let (wa, wb) = (&a[old_index + k], &b[new_index + k]);
                    let same = left[wa.span.clone()] == right[wb.span.clone()];
                    if !same {
                        minor += 1;
                    }
                    push(if same { Change::Same } else { Change::Minor }, wa.span.clone(), wb.span.clone());
                }
            }
            DiffOp::Delete { old_index, old_len, new_index } => {
                push(Change::OnlyLeft, span(a, old_index, old_len), span(b, new_index, 0));
            }
            DiffOp::Insert { old_index, new_index, new_len } => {
                push(Change::OnlyRight, span(a, old_index, 0), span(b, new_index, new_len));
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                push(Change::Changed, span(a, old_index, old_len), span(b, new_index, new_len));
            }
        }
    }
    let count = |words: &[Word], range: &Range<usize>| words.iter().filter(|w| range.start <= w.span.start && w.span.end <= range.end).count();
    let different = segments
        .iter()
        .map(|s| match s.change {
            Change::Changed => count(a, &s.left).max(count(b, &s.right)),
            Change::OnlyLeft => count(a, &s.left),
            Change::OnlyRight => count(b, &s.right),
            Change::Same | Change::Minor => 0,
        })
        .sum();
    let total = a.len() + b.len();
    let similarity = if total == 0 { 1.0 } else { 2.0 * shared as f32 / total as f32 };
    Alignment { segments, similarity, left_words: a.len(), right_words: b.len(), words_different: different, minor }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders an alignment as text: `=same`, `~left/right` minor, `[left→right]` changed,
    /// `-left` only left, `+right` only right.
    fn render(left: &str, right: &str, strict: bool) -> String {
        let al = align(left, right, strict);
        al.segments
            .iter()
            .map(|s| {
                let (l, r) = (&left[s.left.clone()], &right[s.right.clone()]);
                match s.change {
                    Change::Same => format!("={l}"),
                    Change::Minor => format!("~{l}/{r}"),
                    Change::Changed => format!("[{l}→{r}]"),
                    Change::OnlyLeft => format!("-{l}"),
                    Change::OnlyRight => format!("+{r}"),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn check(left: &str, right: &str, expected: &str) {
        assert_eq!(render(left, right, false), expected, "{left:?} vs {right:?}");
    }

    #[test]
    fn shared_substituted_missing_and_added_words() {
        check("we need to respect each country", "we need to respect each country", "=we need to respect each country");
        check("we need to respect each country", "we must respect every country", "=we [need to→must] =respect [each→every] =country");
        check("never seek network hegemony", "never seek hegemony", "=never seek -network =hegemony");
        check("never seek hegemony", "never ever seek hegemony", "=never +ever =seek hegemony");
    }

    #[test]
    fn case_punctuation_and_quote_marks_are_minor() {
        check("“We need to respect", "\"we need to respect", "~“We/\"we =need to respect");
        check("country’s right, and", "country's right and", "~country’s right,/country's right =and");
        check("these—Russia, Kazakhstan", "these Russia, Kazakhstan", "=these—Russia, Kazakhstan");
        assert_eq!(render("country’s right,", "country's right", true), "[country’s right,→country's right]");
        assert_eq!(render("a more moderate, way", "a more moderate way", true), "=a more [moderate,→moderate] =way");
    }

    #[test]
    fn figures() {
        let al = align("we need to respect each country", "we must respect every country", false);
        assert_eq!((al.left_words, al.right_words, al.words_different), (6, 5, 3));
        assert!((al.similarity - 6.0 / 11.0).abs() < 1e-6, "{}", al.similarity);
        assert_eq!(align("a b", "a b", false).similarity, 1.0);
        assert_eq!(align("", "", false).similarity, 1.0);
        assert_eq!(align("a", "", false).similarity, 0.0);
        assert_eq!(align("“A,” b", "a b", false).minor, 1);
    }

    #[test]
    fn segments_cover_both_texts() {
        let (l, r) = ("one two three four five", "zero two 3 four six seven");
        let al = align(l, r, false);
        let covered = |side: fn(&Segment) -> &Range<usize>, text: &str| {
            al.segments.iter().map(|s| text[side(s).clone()].split_whitespace().count()).sum::<usize>()
        };
        assert_eq!(covered(|s| &s.left, l), 5);
        assert_eq!(covered(|s| &s.right, r), 6);
    }
}
