//! A search query as the reader typed it: terms, quoted phrases, and the word being typed.
//!
//! Quoted text (straight or curly double quotes, „…“ and «…») is a phrase whose words must
//! appear in order and adjacent; a run of CJK characters is a phrase of its bigrams. The last
//! word is a prefix while the reader is still typing it (no space or closing quote after it).
//! Guarantee: parsing never fails; an over-long query is cut at a char boundary and says so.

use std::ops::Range;

use crate::text::{is_cjk, tokenize};

/// A parsed query: terms in order, phrases among them, and whether it was cut.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// The terms in query order (repeats kept: order matters for long quotations).
    pub terms: Vec<QueryTerm>,
    /// Ranges of `terms` that must appear in order and adjacent.
    pub phrases: Vec<Range<usize>>,
    /// True when the input was longer than the limit and only its start was used.
    pub truncated: bool,
}

/// One word of a query, folded as the index folds words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryTerm {
    /// The folded term.
    pub term: String,
    /// The reader is still typing this word: match words that start with it too.
    pub prefix: bool,
}

/// The marks that open and close a quoted phrase.
pub const QUOTES: [char; 6] = ['"', '“', '”', '„', '«', '»'];

/// `input` without its quote marks, its words one space apart: the query search offers first
/// when a quoted phrase matches nothing, so the words are looked for anywhere in a ¶. `None`
/// when `input` has no quote mark.
pub fn unquoted(input: &str) -> Option<String> {
    input.contains(QUOTES).then(|| input.split(QUOTES).flat_map(str::split_whitespace).collect::<Vec<_>>().join(" "))
}

/// Parses `input`, using at most `max_chars` characters of it.
pub fn parse_query(input: &str, max_chars: usize) -> Query {
    let (input, truncated) = match input.char_indices().nth(max_chars) {
        Some((cut, _)) => (&input[..cut], true),
        None => (input, false),
    };
    let mut query = Query { truncated, ..Query::default() };
    let mut in_quote = false;
    let mut segment_start = 0;
    let mut last_token_end = None;
    let mut segments: Vec<(Range<usize>, bool)> = Vec::new();
    for (at, c) in input.char_indices() {
        // A mark right after a word, with no phrase open, closes a quotation the reader did not
        // copy the start of ("sovereignty,” the Party’s vision"): it opens nothing.
        let stray = !in_quote && input[..at].chars().next_back().is_some_and(|p| !p.is_whitespace() && !QUOTES.contains(&p));
        if QUOTES.contains(&c) && !stray {
            segments.push((segment_start..at, in_quote));
            in_quote = !in_quote;
            segment_start = at + c.len_utf8();
        }
    }
    segments.push((segment_start..input.len(), in_quote));

    for (range, quoted) in segments {
        let tokens = tokenize(&input[range.clone()]);
        let first = query.terms.len();
        let mut run_start: Option<usize> = None;
        for (i, token) in tokens.iter().enumerate() {
            let cjk = token.term.chars().all(is_cjk);
            let continues_run = cjk && i > 0 && tokens[i - 1].span.end > token.span.start;
            if !quoted {
                // A CJK run is a phrase of its bigrams; close the previous run when this token starts anew.
                if !continues_run {
                    close_run(&mut query, run_start.take());
                    if cjk {
                        run_start = Some(query.terms.len());
                    }
                }
            }
            query.terms.push(QueryTerm { term: token.term.clone(), prefix: false });
            last_token_end = Some(range.start + token.span.end);
        }
        close_run(&mut query, run_start);
        if quoted && query.terms.len() > first + 1 {
            query.phrases.push(first..query.terms.len());
        }
    }

    if let (Some(end), Some(last)) = (last_token_end, query.terms.last_mut()) {
        let typing = end == input.len() && !last.term.chars().all(is_cjk);
        last.prefix = typing;
    }
    query
}

fn close_run(query: &mut Query, start: Option<usize>) {
    if let Some(start) = start {
        if query.terms.len() > start + 1 {
            query.phrases.push(start..query.terms.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the terms (a trailing `*` marks a prefix) and the phrases of `input`.
    fn check(input: &str, terms: &[&str], phrases: &[Range<usize>]) {
        let q = parse_query(input, 1000);
        let got: Vec<String> = q.terms.iter().map(|t| format!("{}{}", t.term, if t.prefix { "*" } else { "" })).collect();
        assert_eq!(got, terms, "terms of {input:?}");
        assert_eq!(q.phrases, phrases, "phrases of {input:?}");
    }

    #[test]
    fn terms_and_the_word_being_typed() {
        check("Internet sovereig", &["internet", "sovereig*"], &[]);
        check("Internet sovereignty ", &["internet", "sovereignty"], &[]);
        check("China’s", &["china*"], &[]);
        check("", &[], &[]);
        check("  ¶ — ", &[], &[]);
    }

    #[test]
    fn quoted_phrases() {
        check("\"multilateral approach\" UN", &["multilateral", "approach", "un*"], &[0..2]);
        check("“multilateral approach”", &["multilateral", "approach"], &[0..2]);
        check("x “open phrase being typ", &["x", "open", "phrase", "being", "typ*"], &[1..5]);
        check("\"single\" word", &["single", "word*"], &[]);
        // A closing mark copied without its opening one opens no phrase.
        check("Internet sovereignty,” the Party’s vision", &["internet", "sovereignty", "the", "party", "vision*"], &[]);
        check("sovereignty\" the vision \"of cyberspace governance\"", &["sovereignty", "the", "vision", "of", "cyberspace", "governance"], &[3..6]);
        check("a “b c” d” e f", &["a", "b", "c", "d", "e", "f*"], &[1..3]);
        check("““nested” marks”", &["nested", "marks"], &[]);
    }

    #[test]
    fn without_quote_marks() {
        for (input, expected) in [
            ("“multilateral  approach” UN", Some("multilateral approach UN")),
            ("\"a\"b «c»", Some("a b c")),
            ("no marks", None),
            ("“ ”", Some("")),
        ] {
            assert_eq!(unquoted(input).as_deref(), expected, "{input:?}");
        }
    }

    #[test]
    fn cjk_runs_are_phrases() {
        check("网络主权 sovereignty", &["网络", "络主", "主权", "sovereignty*"], &[0..3]);
        check("主权", &["主权"], &[]);
    }

    #[test]
    fn long_input_is_cut() {
        let q = parse_query(&"word ".repeat(1000), 100);
        assert!(q.truncated);
        assert_eq!(q.terms.len(), 20);
        assert!(!parse_query("short", 100).truncated);
    }
}
