//! Text into searchable terms: word splitting, folding, and CJK bigrams.
//!
//! The same [`tokenize`] serves the index (at build time) and queries (in the browser), so a
//! word typed in any form reaches the same term as the word in the text. Folding rules:
//! compatibility forms and diacritics folded ("Tajikistán" → "tajikistan", "ﬁ" → "fi",
//! fullwidth "Ｆ" → "f") through the table in [`fold_table`], with the letters readers type
//! for one another folded alike (Arabic "ٱ", "أ" as "ا" and harakat left out, Greek "ς" as "σ")
//! and the vowel signs of Indic scripts kept as the letters they are, Unicode lowercase, curly and
//! straight apostrophes alike with a possessive `'s` dropped ("country’s" → "country"), digit
//! group separators dropped ("2,000" → "2000"). A hyphenated pair also yields the joined form
//! ("value-neutral" → "value", "neutral", and "valueneutral"). An elided French, Italian or
//! Catalan article, pronoun or preposition is left out, so the word after it stands alone
//! ("l’été" → "ete", "dell’Unione" → "unione"; see [`ELIDED`]). Runs of Han, Hiragana and
//! Katakana become overlapping character bigrams.
//!
//! Words are split without the Unicode word-break tables, by the rules that matter for search
//! (a subset of UAX #29): letters, digits, combining marks and `_` make words; an apostrophe,
//! `.` or `:` joins letters on both sides ("don't", "U.S"); an apostrophe, `.`, `,` or `;`
//! joins digits on both sides ("2,000", "1.5"); every CJK character stands alone.
//!
//! Guarantee: every token's span is a non-empty byte range of the input on char boundaries.

use std::ops::Range;

use crate::fold_table::{
    FOLD_MANY, FOLD_MANY_TEXT, FOLD_ONE, FOLD_ONE_TO, LOWER_MANY, LOWER_MANY_TEXT, LOWER_RUNS, MARKS, UPPER_MANY, UPPER_MANY_TEXT, UPPER_RUNS,
};

/// One searchable term and where it stands in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The folded term.
    pub term: String,
    /// Byte range of the word in the original text.
    pub span: Range<usize>,
    /// The joined form when this word and the next are written with a hyphen between them.
    pub joined: Option<String>,
}

/// Splits `text` into folded terms in reading order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    each_token(text, &mut |term, span, joined| tokens.push(Token { term: term.to_string(), span, joined: joined.map(str::to_string) }));
    tokens
}

/// Calls `emit(term, span, joined)` for every token of `text`, exactly the tokens [`tokenize`]
/// returns (it is built on this), with each term folded into one buffer reused from word to
/// word: search re-scores dozens of passages per keystroke and keeps none of their terms.
/// (`emit` is a `dyn` so that the app carries one copy of the tokenizer for every caller.)
pub fn each_token(text: &str, emit: &mut Emit) {
    // A token is held back until the next word shows whether a hyphen joins the two.
    let mut held = Held { term: String::new(), span: None, joined: String::new() };
    let mut word = String::new();
    let mut cjk_run: Vec<(usize, char)> = Vec::new();
    let mut previous_end = 0;
    for (start, w) in split_words(text) {
        let mut chars = w.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if is_cjk(c) {
                if cjk_run.last().is_some_and(|&(s, p)| s + p.len_utf8() != start) {
                    flush_cjk(&mut cjk_run, &mut held, emit);
                }
                cjk_run.push((start, c));
                continue;
            }
        }
        flush_cjk(&mut cjk_run, &mut held, emit);
        let (start, w) = without_elision(start, w);
        fold_into(w, &mut word);
        if word.is_empty() {
            continue;
        }
        let joins = held.span.as_ref().is_some_and(|s| s.end == previous_end) && is_hyphen(&text[previous_end..start]);
        previous_end = start + w.len();
        held.pass(&word, start..previous_end, joins, emit);
    }
    flush_cjk(&mut cjk_run, &mut held, emit);
    if let Some(span) = held.span.take() {
        emit(&held.term, span, None);
    }
}

/// What [`each_token`] calls with each token: its term, its span and its joined form.
pub type Emit<'e> = dyn FnMut(&str, Range<usize>, Option<&str>) + 'e;

/// The token [`each_token`] holds back, and the buffer its joined form is built in.
struct Held {
    term: String,
    span: Option<Range<usize>>,
    joined: String,
}

impl Held {
    /// Emits the held token (with the joined form of it and `term` when `joins`) and holds
    /// `term` instead.
    fn pass(&mut self, term: &str, span: Range<usize>, joins: bool, emit: &mut Emit) {
        if let Some(held) = self.span.replace(span) {
            let joined = joins.then(|| {
                self.joined.clear();
                self.joined.push_str(&self.term);
                self.joined.push_str(term);
                self.joined.as_str()
            });
            emit(&self.term, held, joined);
        }
        self.term.clear();
        self.term.push_str(term);
    }
}

/// What a character is to the word splitter.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// Joins letters on both sides, digits on both sides, or both (`'`, `.`).
    Join { letters: bool, digits: bool },
    Cjk,
    Other,
}

fn class(c: char) -> Class {
    if c.is_ascii() { ascii_class(c) } else { any_class(c) }
}

/// [`class`] of an ASCII character: most characters of most corpora, answered without a table
/// (tested to agree with [`any_class`]).
fn ascii_class(c: char) -> Class {
    match c {
        'a'..='z' | 'A'..='Z' | '_' => Class::Letter,
        '0'..='9' => Class::Digit,
        '\'' | '.' => Class::Join { letters: true, digits: true },
        ':' => Class::Join { letters: true, digits: false },
        ',' | ';' => Class::Join { letters: false, digits: true },
        _ => Class::Other,
    }
}

fn any_class(c: char) -> Class {
    match c {
        _ if is_cjk(c) => Class::Cjk,
        _ if is_apostrophe(c) || c == '.' => Class::Join { letters: true, digits: true },
        ':' | '·' => Class::Join { letters: true, digits: false },
        ',' | ';' => Class::Join { letters: false, digits: true },
        '_' | '\u{200C}' | '\u{200D}' => Class::Letter,
        _ if c.is_numeric() => Class::Digit,
        _ if c.is_alphabetic() || is_mark(c) => Class::Letter,
        _ => Class::Other,
    }
}

/// The words of `text` with their byte offsets: runs of letters and digits, joined across
/// one apostrophe, dot, colon or digit separator as the module documentation says, and every
/// CJK character alone. Everything else separates words and is dropped.
fn split_words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        match class(c) {
            Class::Cjk => {
                words.push((start, &text[start..start + c.len_utf8()]));
                i += 1;
            }
            Class::Letter | Class::Digit => {
                let mut last = class(c);
                let mut j = i + 1;
                while j < chars.len() {
                    match class(chars[j].1) {
                        Class::Letter | Class::Digit => {
                            // A combining mark continues whatever came before it.
                            if !is_mark(chars[j].1) {
                                last = class(chars[j].1);
                            }
                            j += 1;
                        }
                        Class::Join { letters, digits } => {
                            let next = chars.get(j + 1).map(|&(_, n)| class(n));
                            let joins = match (last, next) {
                                (Class::Letter, Some(Class::Letter)) => letters,
                                (Class::Digit, Some(Class::Digit)) => digits,
                                _ => false,
                            };
                            if !joins {
                                break;
                            }
                            j += 2;
                        }
                        _ => break,
                    }
                }
                let end = chars.get(j).map_or(text.len(), |&(at, _)| at);
                words.push((start, &text[start..end]));
                i = j;
            }
            _ => i += 1,
        }
    }
    words.into_iter()
}

/// The apostrophes that join the letters on either side into one word: straight, curly,
/// modifier letter and fullwidth.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '\u{02BC}' | '\u{FF07}')
}

/// The elided words of French, Italian and Catalan that are written joined to the next word by
/// an apostrophe (“l’été”, “d’accord”, “qu’il”, “jusqu’à”, “dell’Unione”, “un’altra”), in
/// lower case. Left joined, “l’été” was one term that neither “été” nor the concordance could
/// reach; these carry no topic, so the word after the apostrophe stands for the whole.
const ELIDED: &[&str] = &[
    "all", "c", "coll", "d", "dall", "dell", "j", "jusqu", "l", "lorsqu", "m", "n", "nell", "puisqu", "qu", "quell",
    "quelqu", "quoiqu", "s", "sull", "t", "un",
];

/// What English writes after an apostrophe (“all’s”, “it’ll”, “we’re”): a word ending so is a
/// contraction, not an elision, and keeps the word before the apostrophe.
const CONTRACTED: &[&str] = &["d", "ll", "m", "re", "s", "t", "ve"];

/// `word` (which starts at byte `start`) without an elided word before its first apostrophe
/// ([`ELIDED`]): “l’été” becomes “été”, starting three bytes later. Any other word is returned
/// whole: “don't”, “O’Brien”, “all's”.
fn without_elision(start: usize, word: &str) -> (usize, &str) {
    let apostrophe = word.char_indices().find(|&(_, c)| is_apostrophe(c));
    let Some((at, c)) = apostrophe else { return (start, word) };
    let (before, after) = (&word[..at], &word[at + c.len_utf8()..]);
    let elided = ELIDED.iter().any(|e| before.eq_ignore_ascii_case(e));
    let contracted = CONTRACTED.iter().any(|c| after.eq_ignore_ascii_case(c));
    if elided && !contracted && !after.is_empty() {
        (start + at + c.len_utf8(), after)
    } else {
        (start, word)
    }
}

/// Folds one word; see the module documentation for the rules.
pub fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    fold_into(word, &mut folded);
    folded
}

/// [`fold`] into a buffer, replacing what it held.
fn fold_into(word: &str, folded: &mut String) {
    folded.clear();
    if word.is_ascii() {
        // Most words of most corpora: nothing to look up.
        folded.extend(word.chars().map(|c| if c == '`' { '\'' } else { c.to_ascii_lowercase() }));
    } else {
        for c in fold_chars(word) {
            match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}' | '`' => folded.push('\''),
                c => folded.push(c),
            }
        }
    }
    finish_fold(folded);
}

/// The characters of `word` with compatibility forms and diacritics folded, combining marks
/// removed and case folded to lower: the one place where case and diacritics are folded, for
/// search terms ([`fold`]) and for the word keys of alignment alike.
pub fn fold_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().flat_map(|c| {
        let (many, one): (&'static str, Option<char>) = if (c as u32) < 0xA0 {
            ("", Some(c))
        } else if let Some(folded) = fold_one(c) {
            ("", Some(folded))
        } else if let Some(many) = many(FOLD_MANY, FOLD_MANY_TEXT, c) {
            (many, None)
        } else if is_mark(c) && !is_vowel_sign(c) {
            ("", None)
        } else {
            ("", Some(c))
        };
        // Table entries are folded to lower case already; lowercasing them again is a no-op.
        many.chars().chain(one).flat_map(lower_chars)
    })
}

/// The characters of one case mapping: one character, or several from a table.
pub type CaseChars = std::iter::Chain<std::option::IntoIter<char>, std::str::Chars<'static>>;

/// What `c` lowercases to, exactly as `char::to_lowercase` (tested for every character), but
/// from the compact run table in [`fold_table`] instead of the standard library's table: the
/// app then carries 2 KB instead of 12 KB of case data, and needs no other.
pub fn lower_chars(c: char) -> CaseChars {
    case_chars(c, c.to_ascii_lowercase(), LOWER_RUNS, many(LOWER_MANY, LOWER_MANY_TEXT, c))
}

/// What `c` uppercases to, exactly as `char::to_uppercase` (tested for every character).
pub fn upper_chars(c: char) -> CaseChars {
    case_chars(c, c.to_ascii_uppercase(), UPPER_RUNS, many(UPPER_MANY, UPPER_MANY_TEXT, c))
}

/// `text` lowercased character by character, as [`lower_chars`] (so with no final-sigma rule,
/// unlike `str::to_lowercase`).
pub fn lowercase(text: &str) -> String {
    text.chars().flat_map(lower_chars).collect()
}

/// What `c` folds to when the table folds it to one character: the run of [`FOLD_ONE`] that
/// holds it gives the first character's fold ([`FOLD_ONE_TO`]), shared by the run or counted
/// on from (see [`fold_table`]); runs take a third of the bytes of one pair per character.
fn fold_one(c: char) -> Option<char> {
    let u = c as u32;
    let i = FOLD_ONE.partition_point(|&run| run >> 8 <= u).checked_sub(1)?;
    let (run, offset) = (FOLD_ONE[i], u - (FOLD_ONE[i] >> 8));
    (offset < (run >> 1 & 0x7F)).then(|| char::from_u32(FOLD_ONE_TO[i] as u32 + (run & 1) * offset))?
}

/// What a table of mappings to several characters maps `c` to, if anything: `keys` holds each
/// character with the end of its mapping in `text` (see [`fold_table`]); one array of numbers
/// and one string, where a slice of `(char, &str)` pairs took three times the bytes.
fn many(keys: &[u32], text: &'static str, c: char) -> Option<&'static str> {
    let i = keys.binary_search_by_key(&(c as u32), |&key| key >> 16).ok()?;
    let start = i.checked_sub(1).map_or(0, |before| keys[before] & 0xFFFF);
    text.get(start as usize..(keys[i] & 0xFFFF) as usize)
}

/// Looks `c` up in a case table: `runs` (see [`fold_table`]: start, stride and length packed
/// in the key, then the offset to add) for single characters; `many`, its mapping to several
/// characters if it has one.
fn case_chars(c: char, ascii: char, runs: &[(u32, i32)], many: Option<&'static str>) -> CaseChars {
    let u = c as u32;
    let one = if u < 0x80 {
        Some(ascii)
    } else if let Some(many) = many {
        return None.into_iter().chain(many.chars());
    } else {
        let run = runs.partition_point(|&(key, _)| key >> 11 <= u).checked_sub(1).map(|i| runs[i]);
        let mapped = run.and_then(|(key, delta)| {
            let (offset, stride, len) = (u - (key >> 11), (key >> 10 & 1) + 1, key & 0x3FF);
            (offset < len * stride && offset % stride == 0).then(|| char::from_u32(u.wrapping_add_signed(delta)))?
        });
        Some(mapped.unwrap_or(c))
    };
    one.into_iter().chain("".chars())
}

/// Whether `c` is a combining mark of a script that writes vowels as marks (the Brahmic
/// scripts of South and Southeast Asia, from Devanagari to Khmer and Javanese): there a mark is
/// a letter of the word ("काम", work, and "कम", less, differ only by one), so folding keeps it,
/// while everywhere else marks are diacritics and folding removes them.
fn is_vowel_sign(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x109F | 0x1700..=0x1AAF | 0x1B00..=0x1CFF | 0xA800..=0xABFF | 0x11000..=0x11FFF)
}

/// Whether `c` is a combining mark (general category M): a letter for word splitting, and
/// removed by folding unless it is a [vowel sign](is_vowel_sign).
fn is_mark(c: char) -> bool {
    let c = c as u32;
    if c < 0x300 {
        // No mark comes before U+0300, and word splitting asks about every character.
        return false;
    }
    // The last range starting at or before `c`, then whether it reaches `c`.
    let i = MARKS.partition_point(|&range| range >> 11 <= c);
    i > 0 && c - (MARKS[i - 1] >> 11) <= MARKS[i - 1] & 0x7FF
}

/// The rules after case and mark folding: possessive, apostrophes, digit separators.
fn finish_fold(folded: &mut String) {
    if let Some(stem) = folded.strip_suffix("'s") {
        folded.truncate(stem.len());
    }
    let has_digit = folded.bytes().any(|b| b.is_ascii_digit());
    let dropped = |b: u8| b == b'\'' || (has_digit && (b == b',' || b == b'.' || b == b';'));
    // Most words keep every character: only then is the word rebuilt.
    if folded.bytes().any(dropped) {
        folded.retain(|c| !(c.is_ascii() && dropped(c as u8)));
    }
}

fn is_hyphen(between: &str) -> bool {
    matches!(between, "-" | "\u{2010}" | "\u{2011}")
}

/// Han ideographs, Hiragana and Katakana: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Emits a CJK run as overlapping bigrams (a lone character as itself).
fn flush_cjk(run: &mut Vec<(usize, char)>, held: &mut Held, emit: &mut Emit) {
    let span_of = |&(start, c): &(usize, char)| start..start + c.len_utf8();
    match run.len() {
        0 => {}
        1 => held.pass(run[0].1.encode_utf8(&mut [0; 4]), span_of(&run[0]), false, emit),
        _ => {
            let mut bigram = String::new();
            for pair in run.windows(2) {
                bigram.clear();
                bigram.extend([pair[0].1, pair[1].1]);
                held.pass(&bigram, pair[0].0..span_of(&pair[1]).end, false, emit);
            }
        }
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let tokens = tokenize(text);
        let terms: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(terms, expected, "terms of {text:?}");
        for t in &tokens {
            assert!(text.get(t.span.clone()).is_some_and(|s| !s.is_empty()), "span {:?} of {text:?}", t.span);
        }
    }

    #[test]
    fn folding() {
        check("Tajikstan, Tajikistán, TAJIKISTAN", &["tajikstan", "tajikistan", "tajikistan"]);
        check("China’s country's CCP’s) don't", &["china", "country", "ccp", "dont"]);
        check("“2,000 people” 1.5 U.S.", &["2000", "people", "15", "u.s"]);
        check("ﬁnance Ｆｕｌｌ", &["finance", "full"]);
        check("  ... — ¶ ", &[]);
    }

    #[test]
    fn elided_words_are_left_out() {
        check("l’été L'ÉTÉ d’accord qu’aujourd’hui jusqu’à", &["ete", "ete", "accord", "aujourdhui", "a"]);
        check("dell’Unione un’altra all’interno", &["unione", "altra", "interno"]);
        // English contractions and names keep the word before the apostrophe.
        check("don't O’Brien all's we'll rock'n'roll", &["dont", "obrien", "all", "well", "rocknroll"]);
        // The word after the apostrophe is what a result marks.
        let tokens = tokenize("dans l’été");
        assert_eq!(&"dans l’été"[tokens[1].span.clone()], "été");
    }

    #[test]
    fn hyphenated_words_also_join() {
        let tokens = tokenize("value-neutral regime‐type neutral - not");
        let joined: Vec<Option<&str>> = tokens.iter().map(|t| t.joined.as_deref()).collect();
        assert_eq!(joined, [Some("valueneutral"), None, Some("regimetype"), None, None, None]);
        // A chain joins pair by pair; a CJK run joins nothing, nor does a hyphen after a lone
        // apostrophe (not a word).
        let joined = |text: &str| tokenize(text).into_iter().map(|t| t.joined).collect::<Vec<_>>();
        assert_eq!(joined("state-of-art"), [Some("stateof".to_string()), Some("ofart".to_string()), None]);
        assert_eq!(joined("网络-value ’-value"), [None, None, None]);
    }

    #[test]
    fn cjk_runs_become_bigrams() {
        check("互联网主权 is 主", &["互联", "联网", "网主", "主权", "is", "主"]);
        let tokens = tokenize("网络主权");
        assert_eq!(tokens[1].span, 3..9);
    }

    /// The blocks whose compatibility forms and diacritics the table folds: Latin, Greek,
    /// Cyrillic, Arabic, spacing modifiers, general punctuation, super- and subscripts,
    /// letterlike symbols, number forms, enclosed alphanumerics, ligatures, half- and fullwidth
    /// forms; and the Indic scripts, whose precomposed letters with nukta and two-part vowel
    /// signs decompose, so that "য়" typed as য and ় finds the precomposed letter.
    const FOLDED_BLOCKS: &[(u32, u32)] = &[
        (0x00A0, 0x02FF), (0x0370, 0x052F), (0x0600, 0x06FF), (0x0900, 0x0DFF), (0x1E00, 0x1FFF),
        (0x2000, 0x218F), (0x2460, 0x24FF), (0xFB00, 0xFB4F), (0xFF00, 0xFFEF),
    ];

    /// Letters that NFKD writes as another letter with a mark, which readers of their languages
    /// take for letters of their own and type as such: Russian "й" ("мой", mine, is not "мои",
    /// my ones) and Belarusian "ў".
    const KEPT: &[char] = &['Й', 'й', 'Ў', 'ў'];

    /// Letters that readers type for one another though Unicode keeps them apart, folded after
    /// NFKD as search engines for these languages fold them (Lucene's Arabic, Persian and Greek
    /// filters): Greek final sigma as sigma, so "ΛΟΓΟΣ" finds "λόγος"; Arabic tatweel (a
    /// stretching stroke) left out; alef maksura as yeh, teh marbuta as heh; the Quran's alef
    /// wasla as alef, so "الله" finds "ٱللَّهِ" (the hamza forms أ إ آ ؤ ئ fold to their seats by
    /// NFKD already, and the hamza on the line is left out like them, so "القرآن" finds the
    /// Quran's "ٱلۡقُرۡءَانُ" and "آمنوا" its "ءَامَنُواْ"); Persian and Urdu yeh and keheh as the
    /// Arabic letters.
    const EQUIVALENTS: &[(char, &str)] = &[
        ('ς', "σ"), ('\u{621}', ""), ('\u{640}', ""), ('\u{649}', "\u{64A}"), ('\u{629}', "\u{647}"), ('\u{671}', "\u{627}"),
        ('\u{6A9}', "\u{643}"), ('\u{6CC}', "\u{64A}"),
    ];

    /// How the table folds `text`, by `unicode-normalization`: NFKD but for [`KEPT`] letters,
    /// combining marks removed but for vowel signs, lowercase, then [`EQUIVALENTS`].
    fn reference_fold(text: &str) -> String {
        use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
        let decomposed = text.chars().flat_map(|c| if KEPT.contains(&c) { vec![c] } else { c.to_string().nfkd().collect() });
        let lower = decomposed.filter(|&c| !is_combining_mark(c) || is_vowel_sign(c)).flat_map(char::to_lowercase);
        lower.map(|c| EQUIVALENTS.iter().find(|e| e.0 == c).map_or(c.to_string(), |e| e.1.to_string())).collect()
    }

    /// The table as `unicode-normalization` defines it: [`reference_fold`] for every character
    /// of the folded blocks where that differs from lowercase alone; and the ranges of
    /// combining marks.
    fn expected_table() -> String {
        use unicode_normalization::char::is_combining_mark;
        let mut one = Vec::new();
        let mut many = Vec::new();
        for &(lo, hi) in FOLDED_BLOCKS {
            for c in (lo..=hi).filter_map(char::from_u32) {
                let folded = reference_fold(&c.to_string());
                let lower: String = c.to_lowercase().collect();
                // Marks are removed by `MARKS`, but for vowel signs, which may decompose.
                if folded == lower || is_combining_mark(c) && !is_vowel_sign(c) {
                    continue;
                }
                let mut chars = folded.chars();
                match (chars.next(), chars.next()) {
                    (Some(f), None) => {
                        assert!(c as u32 <= 0xFFFF && f as u32 <= 0xFFFF, "{c:?} folds outside the 16 bits FOLD_ONE holds");
                        one.push((c, f))
                    }
                    _ => many.push((c, folded)),
                }
            }
        }
        let mut marks = String::new();
        let mut start: Option<u32> = None;
        for u in 0..=0x11_0000u32 {
            let mark = char::from_u32(u).is_some_and(is_combining_mark);
            match (mark, start) {
                (true, None) => start = Some(u),
                (false, Some(s)) => {
                    assert!(u - 1 - s < 1 << 11, "a range of combining marks does not fit MARKS");
                    marks.push_str(&format!("    0x{s:X} << 11 | 0x{:X},\n", u - 1 - s));
                    start = None;
                }
                _ => {}
            }
        }
        let (lower_runs, lower_many) = case_table(|c| c.to_lowercase().collect());
        let (upper_runs, upper_many) = case_table(|c| c.to_uppercase().collect());
        let one = one_table(&one);
        let [many, lower_many, upper_many] = [("FOLD", many), ("LOWER", lower_many), ("UPPER", upper_many)].map(|(name, entries)| many_table(name, &entries));
        format!(
            "//! Generated by `text::tests::fold_table_is_current` from the Unicode data of the \
             `unicode-normalization` crate and the standard library's case mappings; do not \
             edit.\n//! Regenerate with \
             `LECTERN_WRITE_FOLD_TABLE=1 cargo test -p lectern-engine fold_table`.\n\n\
             {one}\n\
             /// Characters that fold to several characters, or to none.\n\
             {many}\n\
             /// Ranges of combining marks (general category M): `first << 11 | last - first`.\n\
             pub const MARKS: &[u32] = &[\n{marks}];\n\n\
             /// Lowercase mappings from U+0080 on that give one character, as runs of characters\n\
             /// with the same offset: `(start << 11 | (stride - 1) << 10 | length, offset)`, the\n\
             /// stride 1 (every character) or 2 (every other, as upper and lower case alternate).\n\
             pub const LOWER_RUNS: &[(u32, i32)] = &[\n{lower_runs}];\n\n\
             /// Lowercase mappings to several characters.\n\
             {lower_many}\n\
             /// Uppercase mappings from U+0080 on that give one character, as [`LOWER_RUNS`].\n\
             pub const UPPER_RUNS: &[(u32, i32)] = &[\n{upper_runs}];\n\n\
             /// Uppercase mappings to several characters.\n\
             {upper_many}"
        )
    }

    /// The characters that fold to one character as [`fold_one`] reads them: runs of
    /// consecutive characters that fold alike, all to one character (step 0: "À" to "Å" fold
    /// to "a") or each to the next (step 1: "Ａ" to "Ｚ" fold to "a" to "z").
    fn one_table(pairs: &[(char, char)]) -> String {
        let (mut runs, mut to) = (String::new(), String::new());
        let mut i = 0;
        while i < pairs.len() {
            let follows = |j: usize| j < pairs.len() && pairs[j].0 as u32 == pairs[j - 1].0 as u32 + 1;
            let same = (i + 1..).find(|&j| !follows(j) || pairs[j].1 != pairs[i].1).unwrap_or(pairs.len());
            let next = (i + 1..).find(|&j| !follows(j) || pairs[j].1 as u32 != pairs[j - 1].1 as u32 + 1).unwrap_or(pairs.len());
            let (end, step) = if same >= next { (same, 0) } else { (next, 1) };
            let ((first, target), last) = (pairs[i], pairs[end - 1].0);
            assert!(end - i < 1 << 7, "a run of FOLD_ONE is too long for its key");
            runs.push_str(&format!("    0x{:X} << 8 | {} << 1 | {step}, // {first:?}..={last:?}\n", first as u32, end - i));
            to.push_str(&format!("    0x{:X}, // {target:?}\n", target as u32));
            i = end;
        }
        format!(
            "/// Characters that fold to one character (NFKD, marks removed, lowercase), all in the\n\
             /// Basic Multilingual Plane, as runs of consecutive characters that fold alike:\n\
             /// `first << 8 | length << 1 | step`; the first folds to [`FOLD_ONE_TO`], and the\n\
             /// others to the same character (step 0) or each to the next (step 1).\n\
             pub const FOLD_ONE: &[u32] = &[\n{runs}];\n\
             /// What the first character of each run of [`FOLD_ONE`] folds to.\n\
             pub const FOLD_ONE_TO: &[u16] = &[\n{to}];\n"
        )
    }

    /// A table of mappings to several characters as [`many`] reads it: `<NAME>_MANY`, each
    /// character (all in the Basic Multilingual Plane) shifted 16 bits left with the end of its
    /// mapping in `<NAME>_MANY_TEXT`, the mappings one after another.
    fn many_table(name: &str, entries: &[(char, String)]) -> String {
        let (mut keys, mut text) = (String::new(), String::new());
        for (c, mapped) in entries {
            text.push_str(mapped);
            assert!((*c as u32) < 1 << 16 && text.len() < 1 << 16, "{c:?} does not fit a table of mappings to several");
            keys.push_str(&format!("    0x{:X} << 16 | {}, // {c:?} → {mapped:?}\n", *c as u32, text.len()));
        }
        format!("pub const {name}_MANY: &[u32] = &[\n{keys}];\n/// The mappings of [`{name}_MANY`], one after another.\npub const {name}_MANY_TEXT: &str = {text:?};\n")
    }

    /// A case mapping as [`case_chars`] reads it: runs of characters from U+0080 on that map to
    /// one character at the same offset, every one or every other; and mappings to several.
    fn case_table(map: impl Fn(char) -> String) -> (String, Vec<(char, String)>) {
        // (start, stride, length, offset)
        let mut runs: Vec<(u32, u32, u32, i32)> = Vec::new();
        let mut many = Vec::new();
        for c in (0x80..=0x10_FFFFu32).filter_map(char::from_u32) {
            let mapped = map(c);
            let mut chars = mapped.chars();
            let to = match (chars.next(), chars.next()) {
                (Some(to), None) => to,
                _ => {
                    many.push((c, mapped));
                    continue;
                }
            };
            if to == c {
                continue;
            }
            let (u, offset) = (c as u32, to as i32 - c as i32);
            match runs.last_mut() {
                Some(run) if run.3 == offset && run.2 == 1 && u - run.0 <= 2 => (run.1, run.2) = (u - run.0, 2),
                Some(run) if run.3 == offset && u == run.0 + run.1 * run.2 => run.2 += 1,
                _ => runs.push((u, 1, 1, offset)),
            }
        }
        let runs = runs
            .iter()
            .map(|&(start, stride, len, offset)| {
                assert!(len < 1 << 10 && (stride == 1 || stride == 2), "a case run does not fit its key");
                format!("    (0x{:X}, {offset}),\n", start << 11 | (stride - 1) << 10 | len)
            })
            .collect();
        (runs, many)
    }

    #[test]
    fn marks_agree_with_unicode_normalization_for_every_character() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_mark(c), unicode_normalization::char::is_combining_mark(c), "{c:?}");
        }
    }

    #[test]
    fn case_tables_agree_with_the_standard_library_for_every_character() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            assert!(lower_chars(c).eq(c.to_lowercase()), "lowercase of {c:?}");
            assert!(upper_chars(c).eq(c.to_uppercase()), "uppercase of {c:?}");
        }
        assert_eq!(lowercase("ÉCOLE İstanbul ΣΟΦΙΑ"), "école i\u{307}stanbul σοφια");
    }

    #[test]
    fn fold_table_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/fold_table.rs");
        let expected = expected_table();
        if std::env::var_os("LECTERN_WRITE_FOLD_TABLE").is_some() {
            std::fs::write(path, &expected).unwrap();
        }
        let current = std::fs::read_to_string(path).unwrap_or_default();
        assert!(current == expected, "src/fold_table.rs is stale: run LECTERN_WRITE_FOLD_TABLE=1 cargo test -p lectern-engine fold_table");
    }

    #[test]
    fn folding_agrees_with_nfkd_in_the_folded_blocks() {
        for &(lo, hi) in FOLDED_BLOCKS {
            for c in (lo..=hi).filter_map(char::from_u32) {
                let word = format!("a{c}b");
                assert_eq!(fold_chars(&word).collect::<String>(), reference_fold(&word), "{c:?}");
            }
        }
        // Combining marks anywhere are removed but for vowel signs; scripts outside the blocks
        // are only lowercased.
        assert_eq!(fold_chars("Tajiki\u{0301}stan Ǆ Ж ῼ").collect::<String>(), "tajikistan dz ж ω");
    }

    #[test]
    fn folding_matches_what_readers_type() {
        // Arabic as typed, without harakat and with plain alef, against the Quran's Uthmani
        // script; Persian yeh and keheh; Greek capitals with a final sigma; Hindi and Bengali keep their
        // vowel signs, so different words stay different.
        check("بِسۡمِ ٱللَّهِ ٱلرَّحۡمَٰنِ", &["بسم", "الله", "الرحمن"]);
        check("أَحَد إِلَّا آمَنُوا عَلَىٰ رَحۡمَةً فـــي", &["احد", "الا", "امنوا", "علي", "رحمه", "في"]);
        check("القرآن ٱلۡقُرۡءَانُ ءَامَنُواْ شَيۡءٖ", &["القران", "القران", "امنوا", "شي"]);
        check("فارسی فارسي کتاب كتاب", &["فارسي", "فارسي", "كتاب", "كتاب"]);
        check("ΛΟΓΟΣ λόγος", &["λογοσ", "λογοσ"]);
        check("काम कम কাল কল", &["काम", "कम", "কাল", "কল"]);
        check("দ\u{9DF}ালু দয\u{9BC}ালু ক\u{9CB}ন ক\u{9C7}\u{9BE}ন", &["দয\u{9BC}ালু", "দয\u{9BC}ালু", "ক\u{9C7}\u{9BE}ন", "ক\u{9C7}\u{9BE}ন"]);
        check("МОЙ мои ёлка", &["мой", "мои", "елка"]);
    }

    #[test]
    fn ascii_classes_agree_with_the_general_rules() {
        for c in (0..128u8).map(char::from) {
            assert!(ascii_class(c) == any_class(c), "{c:?}");
        }
    }

    #[test]
    fn words_split_as_search_needs() {
        check("don't U.S. e.g. 2,000.50 1;000 S:t a.1 foo_bar", &["dont", "u.s", "e.g", "200050", "1000", "s:t", "a", "1", "foo_bar"]);
        check("rock'n'roll O’Neil ’tis", &["rocknroll", "oneil", "tis"]);
        check("naïve cafe\u{0301} Ｆｕｌｌ ½", &["naive", "cafe", "full", "1⁄2"]);
        check("カタカナ ひら 漢字", &["カタ", "タカ", "カナ", "ひら", "漢字"]);
    }
}
