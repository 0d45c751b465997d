//! Word-by-word alignment of two texts: what they share, what each has alone, what one
//! substitutes for the other, and how similar they are.
//!
//! Words are whitespace-separated (em and en dashes separate words too). By default words are
//! compared leniently — by their letters and digits, case and diacritics folded — so a
//! difference in case, punctuation or quote marks alone is [`Change::Minor`], not a changed
//! word; [`Matching::Strict`] compares the words exactly as written. The diff itself is the `similar`
//! crate's (Myers) over the word keys.
//!
//! Quoters' conventions are not changes. An ellipsis ("…", "...", ". . .", "[…]") marks words left out:
//! it takes no part in the diff, and the words the other text has in its place are
//! [`Change::Elided`]. Words in square brackets ("[Iraq, Iran]") are the quoter's own: where
//! they stand for other words, or for none, the stretch is [`Change::Bracketed`]. Neither
//! counts as words different or lowers the similarity; each is counted apart. A bracket inside
//! a word ("[t]he") only changes its case and is read as part of the word.
//!
//! Guarantees: segments cover both texts' words completely and in order; every range lies in
//! its text on char boundaries; `similarity` is in 0..=1 and is 1 only for texts whose words
//! all match (conventions aside).

use std::ops::Range;

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::stopwords::is_function_word;
use crate::text::{fold_chars, is_cjk};

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
    /// An ellipsis on one side and the words it leaves out (possibly none) on the other.
    Elided,
    /// Words in square brackets on one side, and the words they stand for (possibly none) on
    /// the other.
    Bracketed,
}

/// A stretch of the alignment: byte ranges in each text (empty on the side that lacks it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The kind of difference.
    pub change: Change,
    /// Byte range in the left text.
    pub left: Range<usize>,
    /// Byte range in the right text.
    pub right: Range<usize>,
}

/// Two texts aligned word by word, with the figures a reader is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    /// The stretches of the alignment, in order, covering both texts.
    pub segments: Vec<Segment>,
    /// Shared words, twice, over all words but those left out or put in by a quoter's marks:
    /// 1 for the same words, 0 for nothing in common.
    pub similarity: f32,
    /// Words that differ: each substituted, missing or added word counts once (a substitution
    /// of two words by three counts three).
    pub words_different: usize,
    /// Omissions marked with an ellipsis.
    pub omissions: usize,
    /// Insertions marked with square brackets.
    pub insertions: usize,
}

/// How words are compared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Matching {
    /// By letters and digits, case and diacritics folded: punctuation or case alone is a
    /// [`Change::Minor`] difference.
    #[default]
    Lenient,
    /// Exactly as written: punctuation and case count as changes.
    Strict,
}

/// What a word is to a quoter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    /// An ordinary word.
    Word,
    /// An ellipsis marking words left out ("…", "...", "[…]"), with any punctuation beside it.
    Ellipsis,
    /// A word inside square brackets: the quoter's own.
    Bracketed,
}

/// A word of a text and the key it is compared by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte range of the word in its text.
    pub span: Range<usize>,
    /// What the word is compared by (see [`Matching`]).
    pub key: String,
    /// Whether it is a word, an ellipsis or a bracketed word.
    pub kind: WordKind,
}

/// Words older or looser texts write as two, a function word first, that mean the same
/// joined. A pair with a function word joins only as one of these: "not able" is not
/// "notable", "a way" not "away", "in deed" not "indeed", "as a" not "Asa".
const CLOSED_COMPOUNDS: &[&str] = &[
    "anybody", "anyhow", "anymore", "anyone", "anything", "anywhere", "cannot", "forever", "forevermore", "somebody",
    "somehow", "someone", "something", "sometimes", "somewhat", "somewhere", "today", "together", "tomorrow", "tonight",
];

/// What one text writes as one word and as pairs of words, so that the other text's pairs
/// written as one of its words ("every thing" for "everything", "to day" for "today", "for
/// ever", "cyber space") are compared as that word: a quote that writes them joined is not two
/// words off. Two content words join whenever the other text has them as one; a pair with a
/// function word only as a [`CLOSED_COMPOUNDS`] word.
pub struct Joins {
    words: std::collections::HashSet<String>,
    pairs: std::collections::HashSet<(String, String)>,
}

impl Joins {
    /// The words and pairs of `words`.
    pub fn of(words: &[Word]) -> Joins {
        let plain = |w: &Word| w.kind == WordKind::Word;
        Joins {
            words: words.iter().filter(|w| plain(w)).map(|w| w.key.clone()).collect(),
            pairs: words.windows(2).filter(|p| plain(&p[0]) && plain(&p[1])).map(|p| (p[0].key.clone(), p[1].key.clone())).collect(),
        }
    }

    /// Joins each pair of `words` that these joins hold as one word and never as that pair.
    pub fn join(&self, words: &mut Vec<Word>) {
        let mut i = 0;
        while i + 1 < words.len() {
            let (x, y) = (&words[i], &words[i + 1]);
            let joined = format!("{}{}", x.key, y.key);
            let pair = (x.key.clone(), y.key.clone());
            let may_join = CLOSED_COMPOUNDS.contains(&joined.as_str()) || !(is_function_word(&x.key) || is_function_word(&y.key));
            if x.kind == WordKind::Word && y.kind == WordKind::Word && may_join && self.words.contains(&joined) && !self.pairs.contains(&pair) {
                let end = words.remove(i + 1).span.end;
                words[i].span.end = end;
                words[i].key = joined;
            }
            i += 1;
        }
    }
}

/// Whether `text` holds a quoter's mark as [`words`] finds them: an ellipsis in any of its
/// forms ("…", "...", ". . .", "[…]") or words in square brackets. The views mark such a
/// stretch as the quoter's, not as words left out.
pub fn has_marks(text: &str) -> bool {
    words(text, Matching::Lenient).iter().any(|w| w.kind != WordKind::Word)
}

/// Every ellipsis has this key: two ellipses are alike, and nothing else is.
const ELLIPSIS_KEY: &str = "…";
/// A bracketed group longer than this many words is taken as ordinary text.
const MAX_BRACKETED_WORDS: usize = 40;

/// The words of `text`, keyed as `matching` says, with ellipses split off the words they are
/// attached to ("said…" is "said" and "…") and bracketed words marked. Chinese and Japanese,
/// written without spaces, are compared character by character: each Han or kana character
/// is a word, with the punctuation after it ("经，" is one word), so that a quote with one
/// character changed differs by one word, not by its whole clause.
pub fn words(text: &str, matching: Matching) -> Vec<Word> {
    let mut out = Vec::new();
    // Where the current word starts, and whether it opened with a CJK character.
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let separator = separates(text, i, c);
        let cjk = is_cjk(c);
        let ends = separator || start.is_some_and(|(_, after_cjk)| cjk || after_cjk && c.is_alphanumeric());
        if let (true, Some((s, _))) = (ends, start) {
            split_ellipses(text, s..i, matching, &mut out);
            start = None;
        }
        if !separator && start.is_none() {
            start = Some((i, cjk));
        }
    }
    let mut out = join_spaced_ellipses(text, out);
    mark_brackets(text, &mut out);
    out
}

/// Dashes between words, which part them as a space does: em and en dashes, the figure dash
/// and the horizontal bar.
const DASHES: &str = "—–‒―";

/// Whether `c`, at byte `i` of `text`, parts words ([`words`] leaves it out): white space, a
/// dash, or a `-` that does not join letters or digits (not CJK) on both sides as a hyphen does
/// ("term-end"), for it stands for a dash ("legislation--such", "law - and") as typewritten
/// texts write one: a quote that prints "—" there is exact.
pub fn separates(text: &str, i: usize, c: char) -> bool {
    // A CJK character is a word of its own, so a hyphen beside one joins nothing.
    let alphanumeric = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_cjk(c));
    let hyphen = || alphanumeric(text[..i].chars().next_back()) && alphanumeric(text[i + 1..].chars().next());
    c.is_whitespace() || DASHES.contains(c) || c == '-' && !hyphen()
}

/// `words` with the ellipses that whitespace splits made whole again: three or more lone dots
/// (". . .", the spaced ellipsis of AP and legal style) are one ellipsis, and punctuation
/// standing alone beside an ellipsis ("[ … ]", "( . . . )") belongs to it.
fn join_spaced_ellipses(text: &str, words: Vec<Word>) -> Vec<Word> {
    let is_dot = |w: &Word| w.kind == WordKind::Word && &text[w.span.clone()] == ".";
    let is_punctuation = |w: &Word| w.kind == WordKind::Word && !text[w.span.clone()].chars().any(char::is_alphanumeric);
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let dots = words[i..].iter().take_while(|w| is_dot(w)).count();
        let word = if dots >= 3 {
            i += dots;
            Word { span: words[i - dots].span.start..words[i - 1].span.end, key: ELLIPSIS_KEY.to_string(), kind: WordKind::Ellipsis }
        } else {
            i += 1;
            words[i - 1].clone()
        };
        match out.last_mut() {
            // Punctuation alone after an ellipsis, or an ellipsis after punctuation alone.
            Some(last) if (last.kind == WordKind::Ellipsis && is_punctuation(&word)) || (word.kind == WordKind::Ellipsis && is_punctuation(last)) => {
                *last = Word { span: last.span.start..word.span.end, key: ELLIPSIS_KEY.to_string(), kind: WordKind::Ellipsis };
            }
            _ => out.push(word),
        }
    }
    out
}

/// Pushes the words of one whitespace-separated chunk: the ellipses in it (each with the
/// punctuation around it) and the words between them.
fn split_ellipses(text: &str, chunk: Range<usize>, matching: Matching, out: &mut Vec<Word>) {
    let s = &text[chunk.clone()];
    let mut cores: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let len = if rest.starts_with('…') {
            '…'.len_utf8()
        } else {
            let dots = rest.bytes().take_while(|&b| b == b'.').count();
            if dots >= 3 { dots } else { 0 }
        };
        if len > 0 {
            // Punctuation on either side belongs to the ellipsis ("[…]", ",...").
            let before = s[..i].char_indices().rev().take_while(|(_, c)| !c.is_alphanumeric()).last().map_or(i, |(k, _)| k);
            let after = i + len + s[i + len..].find(char::is_alphanumeric).unwrap_or(s.len() - i - len);
            match cores.last_mut() {
                Some(last) if before <= last.end => last.end = after,
                _ => cores.push(before..after),
            }
            i = after;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    let mut at = 0;
    let offset = chunk.start;
    let word = |range: Range<usize>, out: &mut Vec<Word>| {
        if !range.is_empty() {
            out.push(Word { key: key(&s[range.clone()], matching), span: offset + range.start..offset + range.end, kind: WordKind::Word });
        }
    };
    for core in cores {
        word(at..core.start, out);
        out.push(Word { span: offset + core.start..offset + core.end, key: ELLIPSIS_KEY.to_string(), kind: WordKind::Ellipsis });
        at = core.end;
    }
    word(at..s.len(), out);
}

/// Marks the words of each square-bracketed group ("[Iraq, Iran]") as bracketed. A group opens
/// at a word starting with `[` (after any opening quote marks) and closes at the first word
/// whose `]` is followed by nothing but punctuation; "[t]he" is no group.
fn mark_brackets(text: &str, words: &mut [Word]) {
    let mut i = 0;
    while i < words.len() {
        let w = &text[words[i].span.clone()];
        let opens = words[i].kind == WordKind::Word && w.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '[').starts_with('[');
        let close = opens
            .then(|| {
                words[i..].iter().take(MAX_BRACKETED_WORDS).position(|word| {
                    let t = &text[word.span.clone()];
                    t.rfind(']').is_some_and(|k| !t[k..].chars().any(char::is_alphanumeric))
                })
            })
            .flatten();
        // A `]` followed by letters inside the opening word ("[t]he") is a case change, no group.
        let inside_word = {
            let t = w.trim_start_matches(|c: char| c != '[');
            t.find(']').is_some_and(|k| t[k..].chars().any(char::is_alphanumeric))
        };
        match close {
            Some(len) if !inside_word => {
                for word in &mut words[i..=i + len] {
                    if word.kind == WordKind::Word {
                        // The quoter's words stand for the text's as a whole, so they are not
                        // matched one by one against it ("[The Times]" for "the New York Times").
                        word.kind = WordKind::Bracketed;
                        word.key = format!("[{}]", word.key);
                    }
                }
                i += len + 1;
            }
            _ => i += 1,
        }
    }
}

/// Lenient key: letters and digits only, lowercased, diacritics removed, British spellings
/// keyed as American ones ([`american`]), Arabic without alef, which the Quran's spelling and
/// today's write in different words ("العالمين" for "ٱلۡعَٰلَمِينَ", with a superscript alef,
/// and "الرحمن" for "ٱلرَّحۡمَٰنِ"); a word of punctuation alone keys as itself. Strict key: the
/// word as written.
fn key(word: &str, matching: Matching) -> String {
    if matching == Matching::Strict {
        return word.to_string();
    }
    let folded: String = fold_chars(word).filter(|&c| c.is_alphanumeric() && c != 'ا').collect();
    if folded.is_empty() {
        word.to_string()
    } else {
        american(folded)
    }
}

/// `word` (folded) with the British spellings an American paper prints otherwise keyed as
/// those: "-our" as "-or" (honour, neighbours, favourite; not four, pour, your), "-ise",
/// "-isa-" and "-yse" as "-ize", "-iza-", "-yze" (realised, organisation, analyse; not wise,
/// rise), a final "-tre" as "-ter" (centres, theatre; not "timbre", which is not "timber").
/// Both texts are keyed alike, so a quote that respells its source so differs in spelling
/// only, a minor difference, not a changed word; the rules start past a word's third letter so
/// that short words, where they would join two different words, are left alone.
fn american(word: String) -> String {
    if !word.is_ascii() || word.len() < 5 {
        return word;
    }
    let b = word.as_bytes();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let consonant_before = i >= 3 && !matches!(b[i - 1], b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
        if i >= 3 && rest.starts_with(b"our") {
            out.push_str("or");
            i += 3;
        } else if consonant_before && (rest.starts_with(b"is") || rest.starts_with(b"ys")) && matches!(rest.get(2), Some(b'e' | b'i' | b'a')) {
            out.push(char::from(rest[0]));
            out.push('z');
            i += 2;
        } else if i >= 3 && rest.starts_with(b"tre") && matches!(&rest[3..], b"" | b"s" | b"d") {
            out.push_str("ter");
            i += 3;
        } else {
            out.push(char::from(rest[0]));
            i += 1;
        }
    }
    out
}

/// Aligns `left` with `right` word by word.
pub fn align(left: &str, right: &str, matching: Matching) -> Alignment {
    let (mut a, mut b) = (words(left, matching), words(right, matching));
    let (joined_a, joined_b) = (Joins::of(&a), Joins::of(&b));
    joined_b.join(&mut a);
    joined_a.join(&mut b);
    // Ellipses stay out of the diff; they are put back where they stand afterwards.
    let content = |words: &[Word]| -> Vec<usize> { (0..words.len()).filter(|&i| words[i].kind != WordKind::Ellipsis).collect() };
    let (ia, ib) = (content(&a), content(&b));
    let ka: Vec<&str> = ia.iter().map(|&i| a[i].key.as_str()).collect();
    let kb: Vec<&str> = ib.iter().map(|&i| b[i].key.as_str()).collect();

    let mut steps = steps(&capture_diff_slices(Algorithm::Myers, &ka, &kb), &a, &b, &ia, &ib);
    slide_to_ellipses(&mut steps, &ka, &kb);
    let shared = steps.iter().filter(|s| matches!(s, Step::Both(..))).count();
    let mut segments = segments(&steps, left, right, &a, &b, &ia, &ib);
    classify(&mut segments, &a, &b);

    let in_range = |words: &[Word], range: &Range<usize>| -> Vec<WordKind> {
        words.iter().filter(|w| range.start <= w.span.start && w.span.end <= range.end).map(|w| w.kind).collect()
    };
    let plain = |kinds: &[WordKind]| kinds.iter().filter(|&&k| k == WordKind::Word).count();
    let mut different = 0;
    let mut set_aside = 0;
    for (n, s) in segments.iter().enumerate() {
        let (l, r) = (in_range(&a, &s.left), in_range(&b, &s.right));
        let marked = |kinds: &[WordKind]| kinds.iter().any(|&k| k != WordKind::Word);
        let beside_elision = |side_has_marker: fn(&Segment, &[Word], &[Word]) -> bool| {
            [n.checked_sub(1), Some(n + 1)]
                .into_iter()
                .flatten()
                .filter_map(|k| segments.get(k))
                .any(|t| t.change == Change::Elided && side_has_marker(t, &a, &b))
        };
        different += match s.change {
            // Beside the quoter's marks, only the words the quoter did not mark count, and the
            // other side's words beyond them are taken as the ones left out.
            Change::Changed if marked(&l) || beside_elision(|t, a, _| covers_ellipsis(a, &t.left)) => {
                set_aside += plain(&r).saturating_sub(plain(&l));
                plain(&l)
            }
            Change::Changed if marked(&r) || beside_elision(|t, _, b| covers_ellipsis(b, &t.right)) => {
                set_aside += plain(&l).saturating_sub(plain(&r));
                plain(&r)
            }
            Change::Changed => plain(&l).max(plain(&r)),
            Change::OnlyLeft => plain(&l),
            Change::OnlyRight => plain(&r),
            Change::Same | Change::Minor => 0,
            Change::Elided | Change::Bracketed => {
                set_aside += l.len() + r.len();
                0
            }
        };
    }
    let markers = |words: &[Word]| words.iter().filter(|w| w.kind == WordKind::Ellipsis).count();
    // Ellipses inside elided stretches were counted there already.
    let loose_markers = markers(&a) + markers(&b)
        - segments
            .iter()
            .filter(|s| s.change == Change::Elided)
            .map(|s| {
                let count = |words: &[Word], r: &Range<usize>| {
                    words.iter().filter(|w| w.kind == WordKind::Ellipsis && r.start <= w.span.start && w.span.end <= r.end).count()
                };
                count(&a, &s.left) + count(&b, &s.right)
            })
            .sum::<usize>();
    let total = (a.len() + b.len()).saturating_sub(set_aside + loose_markers);
    let similarity = if total == 0 { 1.0 } else { (2.0 * shared as f32 / total as f32).min(1.0) };
    let count = |change: Change| segments.iter().filter(|s| s.change == change).count();
    Alignment {
        omissions: count(Change::Elided),
        insertions: count(Change::Bracketed),
        segments,
        similarity,
        words_different: different,
    }
}

/// A comparison of several texts, each aligned with the first (the reference); with exactly
/// two, the first is aligned with the second too, so both columns show their differences.
/// `None` where a text is missing (a quote whose source is gone) or has nothing to align with.
pub fn align_with_first(texts: &[Option<&str>], matching: Matching) -> Vec<Option<Alignment>> {
    let first = texts.first().copied().flatten();
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| match (first, *text) {
            (Some(f), Some(t)) if i > 0 => Some(align(f, t, matching)),
            (Some(f), Some(_)) if texts.len() == 2 => texts[1].map(|other| align(f, other, matching)),
            _ => None,
        })
        .collect()
}

fn covers_ellipsis(words: &[Word], range: &Range<usize>) -> bool {
    words.iter().any(|w| w.kind == WordKind::Ellipsis && range.start <= w.span.start && w.span.end <= range.end)
}

/// One step of the alignment, word by word: indices of diffed words (`Both`, `Left`,
/// `Right`) or of ellipses in `a` / `b` (`LeftMark`, `RightMark`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Both(usize, usize),
    Left(usize),
    Right(usize),
    LeftMark(usize),
    RightMark(usize),
}

/// The diff as steps, with each ellipsis put back before the first diffed word that follows it.
fn steps(ops: &[DiffOp], a: &[Word], b: &[Word], ia: &[usize], ib: &[usize]) -> Vec<Step> {
    let mut out = Vec::new();
    let (mut next_a, mut next_b) = (0, 0);
    let mut marks = |out: &mut Vec<Step>, left: usize, right: usize| {
        let limit = |words: &[Word], index: &[usize], k: usize| index.get(k).map_or(words.len(), |&i| i);
        for x in next_a..limit(a, ia, left) {
            if a[x].kind == WordKind::Ellipsis {
                out.push(Step::LeftMark(x));
            }
        }
        for y in next_b..limit(b, ib, right) {
            if b[y].kind == WordKind::Ellipsis {
                out.push(Step::RightMark(y));
            }
        }
        next_a = next_a.max(limit(a, ia, left));
        next_b = next_b.max(limit(b, ib, right));
    };
    for op in ops {
        let (old, new) = (op.old_range(), op.new_range());
        marks(&mut out, old.start, new.start);
        match *op {
            DiffOp::Equal { old_index, new_index, len } => {
                for k in 0..len {
                    marks(&mut out, old_index + k, new_index + k);
                    out.push(Step::Both(old_index + k, new_index + k));
                }
            }
            _ => {
                out.extend(old.map(Step::Left));
                out.extend(new.map(Step::Right));
            }
        }
    }
    marks(&mut out, ia.len(), ib.len());
    out
}

/// Where a diff could put a gap in more than one place ("to [choose … and] to participate"),
/// moves the words one side lacks next to the other side's ellipsis, so they read as left out.
fn slide_to_ellipses(steps: &mut [Step], ka: &[&str], kb: &[&str]) {
    for i in 0..steps.len() {
        match steps[i] {
            Step::LeftMark(_) => slide(steps, i, ka, kb, false),
            Step::RightMark(_) => slide(steps, i, ka, kb, true),
            _ => {}
        }
    }
}

/// Slides the gap beside the mark at `at`: after it (`Both` words then lone words of the
/// other side) and before it (lone words then `Both` words). `mirror` swaps the sides.
fn slide(steps: &mut [Step], at: usize, ka: &[&str], kb: &[&str], mirror: bool) {
    let both = |s: Step| match s {
        Step::Both(p, q) if mirror => Some((q, p)),
        Step::Both(p, q) => Some((p, q)),
        _ => None,
    };
    let lone = |s: Step| match s {
        Step::Left(p) if mirror => Some(p),
        Step::Right(q) if !mirror => Some(q),
        _ => None,
    };
    let (mine, other) = if mirror { (kb, ka) } else { (ka, kb) };
    let make_both = |p: usize, q: usize| if mirror { Step::Both(q, p) } else { Step::Both(p, q) };
    let make_lone = |q: usize| if mirror { Step::Left(q) } else { Step::Right(q) };

    // After the mark: k shared words, then m words only the other side has.
    let k = steps[at + 1..].iter().take_while(|s| both(**s).is_some()).count();
    let m = steps[at + 1 + k..].iter().take_while(|s| lone(**s).is_some()).count();
    if k > 0 && m > 0 {
        let run = &steps[at + 1..at + 1 + k + m];
        let mine_words: Vec<usize> = run[..k].iter().filter_map(|s| both(*s)).map(|(p, _)| p).collect();
        let other_words: Vec<usize> = run[..k].iter().filter_map(|s| both(*s)).map(|(_, q)| q).chain(run[k..].iter().filter_map(|s| lone(*s))).collect();
        if (0..k).all(|t| mine[mine_words[t]] == other[other_words[m + t]]) {
            let rewritten: Vec<Step> = other_words[..m]
                .iter()
                .map(|&q| make_lone(q))
                .chain((0..k).map(|t| make_both(mine_words[t], other_words[m + t])))
                .collect();
            steps[at + 1..at + 1 + k + m].copy_from_slice(&rewritten);
        }
    }
    // Before the mark: m words only the other side has, then k shared words.
    let k = steps[..at].iter().rev().take_while(|s| both(**s).is_some()).count();
    let m = steps[..at - k].iter().rev().take_while(|s| lone(**s).is_some()).count();
    if k > 0 && m > 0 {
        let from = at - k - m;
        let run = &steps[from..at];
        let mine_words: Vec<usize> = run[m..].iter().filter_map(|s| both(*s)).map(|(p, _)| p).collect();
        let other_words: Vec<usize> = run[..m].iter().filter_map(|s| lone(*s)).chain(run[m..].iter().filter_map(|s| both(*s)).map(|(_, q)| q)).collect();
        if (0..k).all(|t| mine[mine_words[t]] == other[other_words[t]]) {
            let rewritten: Vec<Step> = (0..k)
                .map(|t| make_both(mine_words[t], other_words[t]))
                .chain(other_words[k..].iter().map(|&q| make_lone(q)))
                .collect();
            steps[from..at].copy_from_slice(&rewritten);
        }
    }
}

/// The steps as segments: runs of one kind merged, lone words of both sides side by side
/// made a substitution, and the words an ellipsis leaves out joined to it.
fn segments(steps: &[Step], left: &str, right: &str, a: &[Word], b: &[Word], ia: &[usize], ib: &[usize]) -> Vec<Segment> {
    // Where the next word of a side starts (or where its text ends): an empty range's place.
    let place = |words: &[Word], index: &[usize], k: usize| -> Range<usize> {
        let at = index.get(k).map_or_else(|| words.last().map_or(0, |w| w.span.end), |&i| words[i].span.start);
        at..at
    };
    let (mut next_a, mut next_b) = (0, 0);
    let mut out: Vec<Segment> = Vec::new();
    for &step in steps {
        let (change, l, r) = match step {
            Step::Both(p, q) => {
                let (wa, wb) = (&a[ia[p]], &b[ib[q]]);
                next_a = p + 1;
                next_b = q + 1;
                let same = left[wa.span.clone()] == right[wb.span.clone()];
                (if same { Change::Same } else { Change::Minor }, wa.span.clone(), wb.span.clone())
            }
            Step::Left(p) => {
                next_a = p + 1;
                (Change::OnlyLeft, a[ia[p]].span.clone(), place(b, ib, next_b))
            }
            Step::Right(q) => {
                next_b = q + 1;
                (Change::OnlyRight, place(a, ia, next_a), b[ib[q]].span.clone())
            }
            Step::LeftMark(x) => (Change::Elided, a[x].span.clone(), place(b, ib, next_b)),
            Step::RightMark(y) => (Change::Elided, place(a, ia, next_a), b[y].span.clone()),
        };
        push(&mut out, change, l, r);
    }
    out
}

fn push(segments: &mut Vec<Segment>, change: Change, l: Range<usize>, r: Range<usize>) {
    // An empty range only says where a side stands; it widens nothing.
    let union = |a: &Range<usize>, b: &Range<usize>| match (a.is_empty(), b.is_empty()) {
        (_, true) => a.clone(),
        (true, false) => b.clone(),
        (false, false) => a.start.min(b.start)..a.end.max(b.end),
    };
    let widen = |last: &mut Segment| {
        last.left = union(&last.left, &l);
        last.right = union(&last.right, &r);
    };
    use Change::*;
    match segments.last_mut() {
        Some(last) if last.change == change => widen(last),
        // Words only one side has, next to words only the other has, are a substitution,
        // whichever order the diff reported them in.
        Some(last) if matches!((last.change, change), (OnlyLeft, OnlyRight) | (OnlyRight, OnlyLeft)) => {
            last.change = Changed;
            widen(last);
        }
        Some(last) if last.change == Changed && matches!(change, OnlyLeft | OnlyRight) => widen(last),
        // The words an ellipsis leaves out are the ones the other side has beside it.
        Some(last) if last.change == Elided && change == OnlyRight && !last.left.is_empty() => widen(last),
        Some(last) if last.change == Elided && change == OnlyLeft && !last.right.is_empty() => widen(last),
        Some(last) if change == Elided && last.change == OnlyRight && !l.is_empty() => {
            last.change = Elided;
            widen(last);
        }
        Some(last) if change == Elided && last.change == OnlyLeft && !r.is_empty() => {
            last.change = Elided;
            widen(last);
        }
        _ => segments.push(Segment { change, left: l, right: r }),
    }
}

/// Stretches whose one side is nothing but the quoter's marks become elided or bracketed.
fn classify(segments: &mut [Segment], a: &[Word], b: &[Word]) {
    let kinds = |words: &[Word], r: &Range<usize>| -> Vec<WordKind> {
        words.iter().filter(|w| r.start <= w.span.start && w.span.end <= r.end).map(|w| w.kind).collect()
    };
    for s in segments.iter_mut() {
        if !matches!(s.change, Change::Changed | Change::OnlyLeft | Change::OnlyRight) {
            continue;
        }
        for side in [kinds(a, &s.left), kinds(b, &s.right)] {
            if !side.is_empty() && side.iter().all(|&k| k != WordKind::Word) {
                s.change = if side.contains(&WordKind::Ellipsis) { Change::Elided } else { Change::Bracketed };
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders an alignment as text: `=same`, `~left/right` minor, `[left→right]` changed,
    /// `-left` only left, `+right` only right, `{left…right}` elided, `<left|right>` bracketed.
    fn render(left: &str, right: &str, matching: Matching) -> String {
        let al = align(left, right, matching);
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
                    Change::Elided => format!("{{{l}|{r}}}"),
                    Change::Bracketed => format!("<{l}|{r}>"),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn check(left: &str, right: &str, expected: &str) {
        assert_eq!(render(left, right, Matching::Lenient), expected, "{left:?} vs {right:?}");
    }

    /// Checks (words different, omissions, insertions, similarity in %) of an alignment.
    fn figures(left: &str, right: &str, expected: (usize, usize, usize, u32)) {
        let al = align(left, right, Matching::Lenient);
        let got = (al.words_different, al.omissions, al.insertions, (al.similarity * 100.0).round() as u32);
        assert_eq!(got, expected, "{left:?} vs {right:?}: {}", render(left, right, Matching::Lenient));
    }

    #[test]
    fn every_column_is_aligned_with_the_first() {
        let sims = |texts: &[Option<&str>]| -> Vec<Option<u32>> {
            align_with_first(texts, Matching::Lenient).iter().map(|a| a.as_ref().map(|a| (a.similarity * 100.0).round() as u32)).collect()
        };
        assert_eq!(sims(&[Some("a b"), Some("a c")]), [Some(50), Some(50)], "two: each side shows its differences");
        assert_eq!(sims(&[Some("a b"), Some("a c"), Some("a b")]), [None, Some(50), Some(100)]);
        assert_eq!(sims(&[None, Some("a")]), [None, None], "nothing to align with");
        assert_eq!(sims(&[Some("a"), None, Some("a")]), [None, None, Some(100)]);
        assert_eq!(sims(&[Some("a")]), [None]);
    }

    #[test]
    fn shared_substituted_missing_and_added_words() {
        check("we need to respect each country", "we need to respect each country", "=we need to respect each country");
        check("we need to respect each country", "we must respect every country", "=we [need to→must] =respect [each→every] =country");
        check("never seek network hegemony", "never seek hegemony", "=never seek -network =hegemony");
        check("never seek hegemony", "never ever seek hegemony", "=never +ever =seek hegemony");
    }

    #[test]
    fn dashes_of_every_kind_part_words() {
        let source = "state legislation--such interpretation can only be a forecast -- Mr. Smith";
        check(source, "state legislation — such interpretation can only be a forecast—Mr. Smith",
            "=state legislation--such interpretation can only be a forecast -- Mr. Smith");
        figures(source, "state legislation – such interpretation can only be a forecast - Mr. Smith", (0, 0, 0, 100));
        figures(source, "state legislation, such interpretation can only be a forecast, Mr. Smith", (0, 0, 0, 100));
        // A hyphen inside a word is part of it.
        figures("a term-end report", "a term end report", (0, 0, 0, 100));
    }

    #[test]
    fn arabic_as_typed_today_against_the_quran() {
        check("الحمد لله رب العالمين", "ٱلۡحَمۡدُ لِلَّهِ رَبِّ ٱلۡعَٰلَمِينَ", "~الحمد لله رب العالمين/ٱلۡحَمۡدُ لِلَّهِ رَبِّ ٱلۡعَٰلَمِينَ");
        figures("بسم الله الرحمان الرحيم", "بِسۡمِ ٱللَّهِ ٱلرَّحۡمَٰنِ ٱلرَّحِيمِ", (0, 0, 0, 100));
    }

    #[test]
    fn chinese_is_compared_character_by_character() {
        check("这部经，其中毫无可疑，是敬畏者的向导。", "这部经，其中毫无可疑，是敬畏者的指导。", "=这部经，其中毫无可疑，是敬畏者的 [向→指] =导。");
        check("奉至仁至慈的安拉之名", "奉至仁至慈的真主之名", "=奉至仁至慈的 [安拉→真主] =之名");
        check("中国USA 网", "中国 USA网", "=中国USA 网");
        figures("这部经，其中毫无可疑，是敬畏者的向导。", "这部经，其中毫无可疑，是敬畏者的指导。", (1, 0, 0, 94));
    }

    #[test]
    fn words_written_apart_join_only_where_the_sense_is_kept() {
        check("To everything there is", "To every thing there is", "=To ~everything/every thing =there is");
        check("yesterday, today, and forever", "yesterday, to day, and for ever", "=yesterday, ~today,/to day, =and ~forever/for ever");
        check("in cyberspace", "in cyber space", "=in ~cyberspace/cyber space");
        // A function word joined to another makes a different word, and a negation may go with it.
        check("We be notable to go", "We be not able to go", "=We be [notable→not able] =to go");
        check("make away in", "make a way in", "=make [away→a way] =in");
        check("but indeed and", "but in deed and", "=but [indeed→in deed] =and");
    }

    #[test]
    fn british_and_american_spellings_are_minor() {
        check("honor thy father and thy mother", "Honour thy father and thy mother", "~honor/Honour =thy father and thy mother");
        check("love thy neighbor", "love thy neighbour", "=love thy ~neighbor/neighbour");
        check("the organization realized it", "the organisation realised it", "=the ~organization realized/organisation realised =it");
        check("at the center of the theater", "at the centre of the theatre", "=at the ~center/centre =of the ~theater/theatre");
        // Different words stay different: four is not for, timbre is not timber, advise is not advice.
        check("four men", "for men", "[four→for] =men");
        check("its timbre", "its timber", "=its [timbre→timber]");
        check("we advise", "we advice", "=we [advise→advice]");
    }

    #[test]
    fn case_punctuation_and_quote_marks_are_minor() {
        check("“We need to respect", "\"we need to respect", "~“We/\"we =need to respect");
        check("country’s right, and", "country's right and", "~country’s right,/country's right =and");
        check("these—Russia, Kazakhstan", "these Russia, Kazakhstan", "=these—Russia, Kazakhstan");
        assert_eq!(render("country’s right,", "country's right", Matching::Strict), "[country’s right,→country's right]");
        assert_eq!(render("a more moderate, way", "a more moderate way", Matching::Strict), "=a more [moderate,→moderate] =way");
    }

    #[test]
    fn a_quoters_marks_are_known_in_every_form() {
        for (text, expected) in [("…", true), ("...", true), (". . .", true), ("[…]", true), ("[Iraq]", true), ("words", false), ("a. b.", false), ("", false)] {
            assert_eq!(has_marks(text), expected, "{text:?}");
        }
    }

    #[test]
    fn ellipses_mark_words_left_out() {
        check("we need … each country", "we need to respect each country", "=we need {…|to respect} =each country");
        check("we need... each country", "we need to respect each country", "=we need {...|to respect} =each country");
        check("we need [...] each country", "we need to respect each country", "=we need {[...]|to respect} =each country");
        check("we need . . . each country", "we need to respect each country", "=we need {. . .|to respect} =each country");
        figures("we need [ … ] each country", "we need to respect each country", (0, 1, 0, 100));
        check("we need to respect…", "we need to respect each country", "=we need to respect {…|each country}");
        check("… each country", "we need to respect each country", "{…|we need to respect} =each country");
        // An ellipsis where nothing is left out is still the quoter's mark, not a changed word.
        check("we need … to respect", "we need to respect", "=we need {…|} =to respect");
        // The right side's ellipsis works the same way.
        check("we need to respect each country", "we need … each country", "=we need {to respect|…} =each country");
    }

    #[test]
    fn square_brackets_mark_the_quoters_words() {
        check("[Iraq, Iran] seek hegemony", "they seek hegemony", "<[Iraq, Iran]|they> =seek hegemony");
        check("we [the people] need it", "we need it", "=we <[the people]|> =need it");
        check("“[T]he state of our Union", "the state of our Union", "~“[T]he/the =state of our Union");
        check("the state [sic] of", "the state of", "=the state <[sic]|> =of");
        // An unclosed bracket is ordinary text.
        check("[the state of", "the state of", "~[the/the =state of");
    }

    #[test]
    fn figures_of_an_alignment() {
        figures("we need to respect each country", "we must respect every country", (3, 0, 0, 55));
        figures("a b", "a b", (0, 0, 0, 100));
        figures("", "", (0, 0, 0, 100));
        figures("a", "", (1, 0, 0, 0));
        figures("“A,” b", "a b", (0, 0, 0, 100));
        figures("we need … each country", "we need to respect each country", (0, 1, 0, 100));
        figures("[Iraq, Iran] seek hegemony", "they seek hegemony", (0, 0, 1, 100));
        // A changed word beside an ellipsis: the words the ellipsis covers are not counted.
        figures("we need … every country", "we need to respect each country", (1, 1, 0, 75));
        figures("we … every country", "we need to respect each country", (1, 1, 0, 67));
    }

    #[test]
    fn words_split_ellipses_and_mark_brackets() {
        let shown = |text: &str| -> Vec<String> {
            words(text, Matching::Lenient)
                .iter()
                .map(|w| match w.kind {
                    WordKind::Word => text[w.span.clone()].to_string(),
                    WordKind::Ellipsis => format!("<{}>", &text[w.span.clone()]),
                    WordKind::Bracketed => format!("[{}]", &text[w.span.clone()]),
                })
                .collect()
        };
        assert_eq!(shown("said…that"), ["said", "<…>", "that"]);
        assert_eq!(shown("said,... that."), ["said", "<,...>", "that."]);
        assert_eq!(shown("U.S. 1.5 etc."), ["U.S.", "1.5", "etc."]);
        assert_eq!(shown("so [they] went"), ["so", "[[they]]", "went"]);
        assert_eq!(shown("[t]he end"), ["[t]he", "end"]);
        // Spaced ellipses, and punctuation standing alone beside an ellipsis.
        assert_eq!(shown("development . . . and"), ["development", "<. . .>", "and"]);
        assert_eq!(shown("development. . . . We"), ["development.", "<. . .>", "We"]);
        assert_eq!(shown("said [ … ] that"), ["said", "<[ … ]>", "that"]);
        assert_eq!(shown("said ( . . . ) that"), ["said", "<( . . . )>", "that"]);
        assert_eq!(shown("a . . b"), ["a", ".", ".", "b"]);
        // A hyphen that joins no word is a dash, which parts words.
        assert_eq!(shown("a - b--c"), ["a", "b", "c"]);
    }
}
