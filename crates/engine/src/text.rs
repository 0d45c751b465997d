//! Text into searchable terms: Unicode word segmentation, folding, and CJK bigrams.
//!
//! The same [`tokenize`] serves the index (at build time) and queries (in the browser), so a
//! word typed in any form reaches the same term as the word in the text. Folding rules:
//! compatibility decomposition with combining marks removed ("Tajikistán" → "tajikistan"),
//! Unicode lowercase, curly and straight apostrophes alike with a possessive `'s` dropped
//! ("country’s" → "country"), digit group separators dropped ("2,000" → "2000"). A hyphenated
//! pair also yields the joined form ("value-neutral" → "value", "neutral", and "valueneutral").
//! Runs of Han, Hiragana and Katakana become overlapping character bigrams.
//!
//! Guarantee: every token's span is a non-empty byte range of the input on char boundaries.

use std::ops::Range;

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

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
    let mut tokens: Vec<Token> = Vec::new();
    let mut cjk_run: Vec<(usize, char)> = Vec::new();
    let mut previous_end = 0;
    for (start, word) in text.split_word_bound_indices() {
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if is_cjk(c) {
                cjk_run.push((start, c));
                continue;
            }
        }
        flush_cjk(&mut cjk_run, &mut tokens);
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        let term = fold(word);
        if term.is_empty() {
            continue;
        }
        if let Some(last) = tokens.last_mut() {
            if last.span.end == previous_end && is_hyphen(&text[previous_end..start]) {
                last.joined = Some(format!("{}{}", last.term, term));
            }
        }
        previous_end = start + word.len();
        tokens.push(Token { term, span: start..previous_end, joined: None });
    }
    flush_cjk(&mut cjk_run, &mut tokens);
    tokens
}

/// Folds one word; see the module documentation for the rules.
pub fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    if word.is_ascii() {
        // Most words of most corpora: nothing to decompose, so skip NFKD.
        folded.extend(word.chars().map(|c| if c == '`' { '\'' } else { c.to_ascii_lowercase() }));
        return finish_fold(folded);
    }
    for c in fold_chars(word) {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}' | '`' => folded.push('\''),
            c => folded.push(c),
        }
    }
    finish_fold(folded)
}

/// The characters of `word` with compatibility forms decomposed, combining marks removed and
/// case folded to lower: the one place where case and diacritics are folded, for search terms
/// ([`fold`]) and for the word keys of alignment alike.
pub fn fold_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase)
}

/// The rules after case and mark folding: possessive, apostrophes, digit separators.
fn finish_fold(mut folded: String) -> String {
    if let Some(stem) = folded.strip_suffix("'s") {
        folded.truncate(stem.len());
    }
    let has_digit = folded.chars().any(|c| c.is_ascii_digit());
    folded.retain(|c| c != '\'' && !(has_digit && (c == ',' || c == '.')));
    folded
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
fn flush_cjk(run: &mut Vec<(usize, char)>, tokens: &mut Vec<Token>) {
    let span_of = |&(start, c): &(usize, char)| start..start + c.len_utf8();
    match run.len() {
        0 => {}
        1 => tokens.push(Token { term: run[0].1.to_string(), span: span_of(&run[0]), joined: None }),
        _ => {
            for pair in run.windows(2) {
                let term: String = [pair[0].1, pair[1].1].iter().collect();
                tokens.push(Token { term, span: pair[0].0..span_of(&pair[1]).end, joined: None });
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
    fn hyphenated_words_also_join() {
        let tokens = tokenize("value-neutral regime‐type neutral - not");
        let joined: Vec<Option<&str>> = tokens.iter().map(|t| t.joined.as_deref()).collect();
        assert_eq!(joined, [Some("valueneutral"), None, Some("regimetype"), None, None, None]);
    }

    #[test]
    fn cjk_runs_become_bigrams() {
        check("互联网主权 is 主", &["互联", "联网", "网主", "主权", "is", "主"]);
        let tokens = tokenize("网络主权");
        assert_eq!(tokens[1].span, 3..9);
    }
}
