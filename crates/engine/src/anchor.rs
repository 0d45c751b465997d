//! Quote links that survive edits: a quote carried as a W3C TextQuoteSelector (`exact`, with up
//! to 32 characters of `prefix` and `suffix`) plus hints (`doc`, ¶ `p`, corpus version `v`), and
//! anchoring it again in whatever version of the corpus opens the link.
//!
//! Anchoring, in order:
//! 1. The exact text, compared with whitespace runs and quote marks/apostrophes folded (so
//!    `“don't”` finds `"don’t"`), in the linked document first, then anywhere. Several
//!    occurrences are told apart by how much of `prefix` and `suffix` each one's surroundings
//!    keep, then by the document; ¶ `p` decides only when the link was made from this very
//!    version of the corpus (or names none), because after an edit ¶ numbers mean nothing.
//!    If nothing decides, every place is reported — never one picked silently.
//! 2. Otherwise the best fuzzy match of "check a quote" ([`crate::check::check_quote`]): words
//!    the same (case and punctuation aside) counts as found; some words different is
//!    [`Verdict::Changed`] with the alignment to show them.
//! 3. When that finds nothing good enough (a quote of a word or three with one fixed is too
//!    little alike), the link's `prefix` and `suffix` in one ¶, close enough together: the text
//!    between them is what the quote became, a [`Verdict::Changed`]. Without them either,
//!    [`Verdict::NotFound`] with the nearest spans.
//!
//! Long quotes: a quote over [`AnchorOptions::long_chars`] characters is carried as its start
//! (`exact`), its end (`end`) and `h`, a hash of the whole (FNV-1a 64 over the folded text, 16
//! lower-case hex digits; see [`quote_hash`]), so links stay short. It is found where its start
//! is followed by its end in one ¶; the hash says whether the middle is unchanged.
//!
//! Guarantees: spans lie on char boundaries of their ¶; no input panics; an ambiguous quote
//! lists every place (up to [`AnchorOptions::max_places`], with the total).

use std::ops::Range;

use crate::check::{check_quote, CheckOptions, Part, SpanMatch};
use crate::index::Index;
use crate::model::Corpus;

/// A quote as a link carries it. Every field but `exact` may be empty or absent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Selector {
    /// The quoted text, or its start when the quote is long (then `end` and `hash` are set).
    pub exact: String,
    /// Up to [`AnchorOptions::context_chars`] characters just before the quote in its ¶.
    pub prefix: String,
    /// Up to [`AnchorOptions::context_chars`] characters just after the quote in its ¶.
    pub suffix: String,
    /// The end of a long quote.
    pub end: Option<String>,
    /// [`quote_hash`] of a long quote's whole text.
    pub hash: Option<String>,
    /// The document id when the link was made.
    pub doc: Option<String>,
    /// The ¶ when the link was made.
    pub p: Option<usize>,
    /// The corpus version (first 12 hex digits of its SHA-256) when the link was made.
    pub v: Option<String>,
}

/// The knobs of quote links.
#[derive(Clone, Debug, PartialEq)]
pub struct AnchorOptions {
    /// Characters of context kept on each side (the "up to 32").
    pub context_chars: usize,
    /// Quotes longer than this many characters are carried as start, end and hash.
    pub long_chars: usize,
    /// Characters kept of a long quote's start and of its end.
    pub long_keep: usize,
    /// Places listed for an ambiguous quote.
    pub max_places: usize,
    /// When a quote is found by its context (its prefix and suffix, see [`anchor`]), the most
    /// text between them taken as what it became: twice the quote's length plus this many bytes.
    pub context_slack: usize,
    /// How the fuzzy search for a changed quote works.
    pub check: CheckOptions,
}

impl Default for AnchorOptions {
    fn default() -> Self {
        AnchorOptions { context_chars: 32, long_chars: 500, long_keep: 150, max_places: 50, context_slack: 40, check: CheckOptions::default() }
    }
}

/// A stretch of the corpus: one ¶, or consecutive ¶s for a fuzzy match across a break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// Index in [`Corpus::documents`].
    pub doc: usize,
    /// The ¶s covered, in order, with the range in each.
    pub parts: Vec<Part>,
}

impl Location {
    /// The first ¶ of the stretch.
    pub fn first_passage(&self) -> usize {
        self.parts.first().map_or(1, |p| p.passage)
    }
}

/// What became of a linked quote in this version of the corpus.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// "Quoted exactly (¶n)": the text is where the link says (or the link names no ¶).
    QuotedExactly(Location),
    /// "Found at ¶m (was ¶n)": the same text, elsewhere. `from` is the link's ¶.
    Moved {
        /// The ¶ the link was made at.
        from: usize,
        /// Where the text is now.
        to: Location,
    },
    /// "The text has changed since this link was made: N words differ". `now` aligns the
    /// linked quote (left) with the text there now (right). `middle`: a long quote whose start
    /// and end were found but whose middle (known only by its hash) differs.
    Changed {
        /// How many words differ.
        words: usize,
        /// The ¶ the link was made at, when it says.
        from: Option<usize>,
        /// The text there now, aligned with the linked quote.
        now: SpanMatch,
        /// Only the middle of a long quote (known by its hash) differs.
        middle: bool,
    },
    /// The exact text occurs in several places and nothing in the link decides: all of them
    /// (at most [`AnchorOptions::max_places`]) and how many there are.
    Ambiguous {
        /// The places, in corpus order.
        places: Vec<Location>,
        /// How many places there are in all.
        total: usize,
    },
    /// "Not in this version of the corpus", with the nearest spans, best first.
    NotFound(Vec<SpanMatch>),
}

impl Verdict {
    /// The verdict's name, as the view's `data-quote-verdict` attribute gives it.
    pub fn kind(&self) -> &'static str {
        match self {
            Verdict::QuotedExactly(_) => "exact",
            Verdict::Moved { .. } => "moved",
            Verdict::Changed { .. } => "changed",
            Verdict::Ambiguous { .. } => "ambiguous",
            Verdict::NotFound(_) => "not-found",
        }
    }
}

/// The one place a verdict found the quote, and the text there now (its ¶s joined by a line
/// break, as [`SpanMatch::text`] joins them): for quoted exactly, moved and changed; `None`
/// when there is no single place (ambiguous, not found).
pub fn found_at(corpus: &Corpus, verdict: &Verdict) -> Option<(Location, String)> {
    match verdict {
        Verdict::QuotedExactly(at) | Verdict::Moved { to: at, .. } => {
            let passages = &corpus.documents().get(at.doc)?.passages;
            let texts: Option<Vec<&str>> =
                at.parts.iter().map(|p| passages.get(p.passage.checked_sub(1)?)?.get(p.span.clone())).collect();
            Some((at.clone(), texts?.join("\n")))
        }
        Verdict::Changed { now, .. } => Some((Location { doc: now.doc, parts: now.parts.clone() }, now.text.clone())),
        Verdict::Ambiguous { .. } | Verdict::NotFound(_) => None,
    }
}

/// The corpus version a link carries: the first 12 hex digits of the corpus's SHA-256.
pub fn version(sha256_hex: &str) -> String {
    sha256_hex.chars().take(12).collect::<String>().to_ascii_lowercase()
}

/// The selector of the byte range `span` of ¶`passage` of document `doc` (an index into
/// [`Corpus::documents`]), made in corpus version `v`. `None` when the ¶ or span does not exist.
pub fn selector(corpus: &Corpus, doc: usize, passage: usize, span: Range<usize>, v: Option<&str>, options: &AnchorOptions) -> Option<Selector> {
    let document = corpus.documents().get(doc)?;
    let text = document.passage(passage)?;
    let quoted = text.get(span.clone())?;
    let exact = quoted.trim();
    if exact.is_empty() {
        return None;
    }
    // The quote's own surrounding whitespace belongs to the context, not to the quote.
    let start = span.start + (quoted.len() - quoted.trim_start().len());
    let end = start + exact.len();
    let prefix = last_chars(&text[..start], options.context_chars);
    let suffix = first_chars(&text[end..], options.context_chars);
    let (exact_kept, end_kept, hash) = if exact.chars().count() > options.long_chars {
        (whole_words_first(exact, options.long_keep), Some(whole_words_last(exact, options.long_keep)), Some(quote_hash(exact)))
    } else {
        (exact.to_string(), None, None)
    };
    Some(Selector {
        exact: exact_kept,
        prefix,
        suffix,
        end: end_kept,
        hash,
        doc: Some(document.id.clone()),
        p: Some(passage),
        v: v.map(str::to_string),
    })
}

/// FNV-1a (64 bits) of `text` with whitespace and quote marks folded, as 16 hex digits: stable
/// across builds and platforms, and blind to the differences anchoring forgives.
pub fn quote_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in fold(text.trim()).text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Finds `selector` in `corpus` (version `current`, see [`version`]).
pub fn anchor(corpus: &Corpus, index: &Index, selector: &Selector, current: &str, options: &AnchorOptions) -> Verdict {
    let linked_doc = selector.doc.as_deref().and_then(|id| corpus.documents().iter().position(|d| d.id == id));
    let exact = fold(selector.exact.trim()).text;
    if exact.is_empty() {
        return Verdict::NotFound(Vec::new());
    }
    let end = selector.end.as_deref().map(|e| fold(e.trim()).text).filter(|e| !e.is_empty());
    let (prefix, suffix) = (fold(&selector.prefix).text, fold(&selector.suffix).text);
    // A long quote whose middle changed is not found exactly; the fuzzy step says how.
    let hash = selector.hash.as_deref().filter(|_| end.is_some());
    let find = |docs: Range<usize>| find_all(corpus, docs, &exact, end.as_deref(), hash, &prefix, &suffix);
    // The linked document first: an occurrence there with all of its context cannot be beaten
    // elsewhere (context decides first, then the document), so the rest of the corpus need not
    // be read — which keeps a comparison of many quotes in a large corpus quick.
    let full = prefix.len() + suffix.len();
    let here = linked_doc.map(|d| find(d..d + 1)).filter(|found| found.iter().any(|o| o.context == full));
    let occurrences = here.unwrap_or_else(|| find(0..corpus.documents().len()));
    if !occurrences.is_empty() {
        return decide(selector, linked_doc, current, occurrences, options);
    }
    fuzzy(corpus, index, selector, linked_doc, options)
}

/// One exact occurrence, with how much of the link's context surrounds it.
#[derive(Debug)]
struct Occurrence {
    doc: usize,
    passage: usize,
    span: Range<usize>,
    context: usize,
}

/// Every occurrence of the folded `exact` (followed, for a long quote, by the folded `end`, the
/// whole with [`quote_hash`] `hash`) in any ¶ of the documents `docs`, in corpus order, with how
/// much of the folded `prefix` and `suffix` surrounds it. Each ¶ is folded once, however often
/// the quote occurs in it.
fn find_all(corpus: &Corpus, docs: Range<usize>, exact: &str, end: Option<&str>, hash: Option<&str>, prefix: &str, suffix: &str) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for (d, document) in corpus.documents().iter().enumerate().skip(docs.start).take(docs.len()) {
        for (i, text) in document.passages.iter().enumerate() {
            let folded = fold(text);
            let mut from = 0;
            while let Some(at) = folded.text[from..].find(exact).map(|k| k + from) {
                let stop = match end {
                    None => Some(at + exact.len()),
                    Some(end) => folded.text[at + exact.len()..]
                        .find(end)
                        .map(|k| at + exact.len() + k + end.len())
                        // The end may overlap the start in a quote just over the limit.
                        .or_else(|| folded.text[at..].find(end).map(|k| at + k + end.len()).filter(|&s| s >= at + exact.len())),
                };
                let whole = |stop: &usize| hash.is_none_or(|h| quote_hash(&text[folded.map[at]..folded.map[*stop]]) == h);
                if let Some(stop) = stop.filter(whole) {
                    let context = common_suffix(prefix, &folded.text[..at]) + common_prefix(suffix, &folded.text[stop..]);
                    out.push(Occurrence { doc: d, passage: i + 1, span: folded.map[at]..folded.map[stop], context });
                }
                from = at + folded.text[at..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    out
}

/// Picks the occurrence the link means, or reports that nothing decides.
fn decide(selector: &Selector, linked_doc: Option<usize>, current: &str, mut best: Vec<Occurrence>, options: &AnchorOptions) -> Verdict {
    let keep = |best: &mut Vec<Occurrence>, key: &dyn Fn(&Occurrence) -> usize| {
        let top = best.iter().map(key).max().unwrap_or(0);
        best.retain(|o| key(o) == top);
    };
    keep(&mut best, &|o| o.context);
    if let Some(d) = linked_doc {
        keep(&mut best, &|o| usize::from(o.doc == d));
    }
    // ¶ numbers only mean something in the version the link was made in.
    let same_version = selector.v.as_deref().is_none_or(|v| v.eq_ignore_ascii_case(current));
    if let (Some(p), true) = (selector.p, same_version) {
        keep(&mut best, &|o| usize::from(linked_doc.is_none_or(|d| o.doc == d) && o.passage == p));
    }
    let location = |o: &Occurrence| Location { doc: o.doc, parts: vec![Part { passage: o.passage, span: o.span.clone() }] };
    if let [one] = best.as_slice() {
        return placed(selector, linked_doc, location(one));
    }
    let total = best.len();
    Verdict::Ambiguous { places: best.iter().take(options.max_places).map(location).collect(), total }
}

/// Exactly where the link says, or moved from its ¶ (or its document).
fn placed(selector: &Selector, linked_doc: Option<usize>, to: Location) -> Verdict {
    let moved = selector.p.is_some_and(|p| p != to.first_passage()) || linked_doc.is_some_and(|d| d != to.doc);
    match selector.p {
        Some(from) if moved => Verdict::Moved { from, to },
        _ => Verdict::QuotedExactly(to),
    }
}

/// The quote is not there word for word: the best match by "check a quote", preferring the
/// linked document among matches good enough to count.
fn fuzzy(corpus: &Corpus, index: &Index, selector: &Selector, linked_doc: Option<usize>, options: &AnchorOptions) -> Verdict {
    let quote = quoted_text(selector);
    let result = check_quote(corpus, index, &quote, &options.check);
    let good = |m: &SpanMatch| m.found >= options.check.min_found && m.alignment.similarity >= options.check.min_similarity;
    let mut candidates: Vec<SpanMatch> = result.best.into_iter().chain(result.nearest.iter().cloned()).filter(good).collect();
    if let Some(d) = linked_doc {
        if let Some(k) = candidates.iter().position(|m| m.doc == d) {
            let m = candidates.remove(k);
            candidates.insert(0, m);
        }
    }
    let Some(now) = candidates.into_iter().next().or_else(|| by_context(corpus, selector, linked_doc, &quote, options)) else {
        return Verdict::NotFound(result.nearest);
    };
    let middle = selector.hash.as_ref().is_some_and(|h| *h != quote_hash(&now.text));
    if now.alignment.words_different == 0 && !middle {
        let to = Location { doc: now.doc, parts: now.parts.clone() };
        return placed(selector, linked_doc, to);
    }
    Verdict::Changed { words: now.alignment.words_different, from: selector.p, now, middle }
}

/// A quote too short for the fuzzy step to judge (one word corrected of two or three is too
/// little alike) found by what surrounds it: the link's `prefix` and `suffix` in one ¶, with
/// text between them no more than about twice the quote's length: that text is what the quote
/// became. The linked document first; the ¶ the link names first within it.
fn by_context(corpus: &Corpus, selector: &Selector, linked_doc: Option<usize>, quote: &str, options: &AnchorOptions) -> Option<SpanMatch> {
    let (prefix, suffix) = (fold(&selector.prefix).text, fold(&selector.suffix).text);
    if prefix.trim().is_empty() && suffix.trim().is_empty() {
        return None;
    }
    let longest = quote.len() * 2 + options.context_slack;
    let docs = linked_doc.into_iter().chain((0..corpus.documents().len()).filter(|&d| Some(d) != linked_doc));
    for d in docs {
        let passages = &corpus.documents()[d].passages;
        let order = selector.p.filter(|&p| Some(d) == linked_doc && p <= passages.len()).into_iter().chain(1..=passages.len());
        for n in order {
            let text = &passages[n - 1];
            let folded = fold(text);
            // Where the prefix ends (the ¶'s start, when the link has none).
            let starts: Vec<usize> = if prefix.is_empty() {
                vec![0]
            } else {
                folded.text.match_indices(prefix.as_str()).map(|(at, _)| at + prefix.len()).collect()
            };
            for start in starts {
                let rest = &folded.text[start..];
                let stop = if suffix.is_empty() {
                    (rest.len() <= longest).then_some(folded.text.len())
                } else {
                    rest.find(suffix.as_str()).filter(|&k| k <= longest).map(|k| start + k)
                };
                let Some(stop) = stop else { continue };
                let span = folded.map[start]..folded.map[stop];
                let between = &text[span.clone()];
                let trimmed = between.trim();
                if trimmed.is_empty() {
                    continue;
                }
                let from = span.start + (between.len() - between.trim_start().len());
                let span = from..from + trimmed.len();
                let alignment = crate::align::align(quote, trimmed, crate::align::Matching::Lenient);
                return Some(SpanMatch { doc: d, parts: vec![Part { passage: n, span }], text: trimmed.to_string(), found: alignment.similarity, alignment });
            }
        }
    }
    None
}

/// The quote as the link carries it, the left side of a [`Verdict::Changed`] alignment: the
/// exact text, or a long quote's start and end joined by an ellipsis (its middle is unknown, and
/// the ellipsis lets a match skip it as a quoter's would).
pub fn quoted_text(selector: &Selector) -> String {
    match &selector.end {
        Some(end) => format!("{} … {}", selector.exact.trim(), end.trim()),
        None => selector.exact.trim().to_string(),
    }
}

/// Text with whitespace runs made one space and quote marks made plain, with the way back to
/// byte offsets of the original.
struct Folded {
    text: String,
    /// `map[i]`: the original offset of folded byte `i`; one more entry for the end.
    map: Vec<usize>,
}

fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut in_space = false;
    for (at, c) in text.char_indices() {
        let folded = match c {
            c if c.is_whitespace() => {
                if in_space {
                    continue;
                }
                ' '
            }
            '‘' | '’' | '‚' | '‛' | '′' | 'ʼ' => '\'',
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
            c => c,
        };
        in_space = folded == ' ';
        for _ in 0..folded.len_utf8() {
            map.push(at);
        }
        out.push(folded);
    }
    map.push(text.len());
    Folded { text: out, map }
}

/// Bytes of the longest common end of `a` and `b`.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum()
}

/// Bytes of the longest common start of `a` and `b`.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum()
}

/// The first `n` characters of `text`, less the word they cut through (unless that would leave
/// nothing): a long quote's start in a link ends with a whole word, so the middle it leaves out
/// reads as left out, not as a stray fragment that differs.
fn whole_words_first(text: &str, n: usize) -> String {
    let kept = first_chars(text, n);
    let cut_mid_word = !kept.ends_with(char::is_whitespace) && text[kept.len()..].starts_with(|c: char| !c.is_whitespace());
    match kept.rfind(char::is_whitespace) {
        Some(at) if cut_mid_word => kept[..at].trim_end().to_string(),
        _ => kept.trim_end().to_string(),
    }
}

/// The last `n` characters of `text`, less the word they cut through (see [`whole_words_first`]).
fn whole_words_last(text: &str, n: usize) -> String {
    let kept = last_chars(text, n);
    let cut_mid_word = !kept.starts_with(char::is_whitespace) && text[..text.len() - kept.len()].ends_with(|c: char| !c.is_whitespace());
    match kept.find(char::is_whitespace) {
        Some(at) if cut_mid_word => kept[at..].trim_start().to_string(),
        _ => kept.trim_start().to_string(),
    }
}

fn first_chars(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

fn last_chars(text: &str, n: usize) -> String {
    let count = text.chars().count();
    text.chars().skip(count.saturating_sub(n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    /// The document as the link was made, and edited versions of it.
    const ORIGINAL: &[&str] = &[
        "Last week in Wuzhen, China, the president made clear the theme of the conference.",
        "“We need to respect each country’s right to choose their own methods,” he said, and the hall applauded.",
        "Foreign media outlets such as the New York Times were denied entry to the proceedings.",
        "The press was kept out. Nobody could say why the rules had changed.",
    ];
    const V1: &str = "aaaaaaaaaaaa";
    const V2: &str = "bbbbbbbbbbbb";

    /// A link to `quote` in ¶`p` of document "a" of `ORIGINAL`, made in version [`V1`].
    fn link(p: usize, quote: &str) -> Selector {
        let corpus = fixture::corpus(&[("a", ORIGINAL)]);
        let at = ORIGINAL[p - 1].find(quote).expect("the quote is in the ¶");
        selector(&corpus, 0, p, at..at + quote.len(), Some(V1), &AnchorOptions::default()).expect("a selector")
    }

    /// Anchors `selector` in a corpus of document "a" with `passages` (plus a document "b"),
    /// version `current`.
    fn run(passages: &[&str], other: &[&str], selector: &Selector, current: &str) -> Verdict {
        let corpus = fixture::corpus(&[("a", passages), ("b", other)]);
        let index = Index::build(&corpus);
        anchor(&corpus, &index, selector, current, &AnchorOptions::default())
    }

    /// The ¶ and the text of a verdict that found one place.
    fn found(passages: &[&str], verdict: &Verdict) -> (usize, String) {
        let location = match verdict {
            Verdict::QuotedExactly(l) | Verdict::Moved { to: l, .. } => l,
            other => panic!("expected one place, got {other:?}"),
        };
        let part = &location.parts[0];
        (part.passage, passages[part.passage - 1][part.span.clone()].to_string())
    }

    const OTHER: &[&str] = &["An unrelated note about the weather in spring."];

    #[test]
    fn the_same_version_quotes_exactly() {
        let s = link(3, "denied entry");
        assert_eq!((s.prefix.as_str(), s.suffix.as_str()), ("such as the New York Times were ", " to the proceedings."));
        assert_eq!((s.doc.as_deref(), s.p, s.v.as_deref()), (Some("a"), Some(3), Some(V1)));
        let v = run(ORIGINAL, OTHER, &s, V1);
        assert_eq!(v.kind(), "exact");
        assert_eq!(found(ORIGINAL, &v), (3, "denied entry".into()));
    }

    #[test]
    fn a_paragraph_inserted_above_moves_the_quote() {
        let edited = ["A new opening paragraph.", ORIGINAL[0], ORIGINAL[1], ORIGINAL[2], ORIGINAL[3]];
        let v = run(&edited, OTHER, &link(3, "denied entry"), V2);
        assert!(matches!(v, Verdict::Moved { from: 3, .. }), "{v:?}");
        assert_eq!(found(&edited, &v), (4, "denied entry".into()));
    }

    #[test]
    fn a_word_fixed_inside_the_quote_is_a_change() {
        let s = link(3, "Foreign media outlets such as the New York Times were denied entry");
        let edited = [ORIGINAL[0], ORIGINAL[1], "Foreign media outlets such as the New York Times were refused entry to the proceedings.", ORIGINAL[3]];
        match run(&edited, OTHER, &s, V2) {
            Verdict::Changed { words, from, now, middle } => {
                assert_eq!((words, from, middle), (1, Some(3), false));
                assert_eq!(now.parts[0].passage, 3);
                assert_eq!(now.text, "Foreign media outlets such as the New York Times were refused entry");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_short_quote_with_a_word_fixed_is_found_by_its_context() {
        // One word of one, or of three, is too little alike for the fuzzy step: the link's
        // prefix and suffix find where it was, and what is there now.
        for (quote, now_text, edit) in [
            ("denied", "refused", "Foreign media outlets such as the New York Times were refused entry to the proceedings."),
            ("New York Times", "New York Post", "Foreign media outlets such as the New York Post were denied entry to the proceedings."),
        ] {
            let edited = [ORIGINAL[0], ORIGINAL[1], edit, ORIGINAL[3]];
            match run(&edited, OTHER, &link(3, quote), V2) {
                Verdict::Changed { words, from, now, middle } => {
                    assert_eq!((words, from, middle, now.parts[0].passage), (1, Some(3), false, 3), "{quote:?}");
                    assert_eq!(now.text, now_text);
                    assert_eq!(&edited[2][now.parts[0].span.clone()], now_text);
                }
                other => panic!("{quote:?}: {other:?}"),
            }
        }
        // Without its context the quote is not found, as before.
        let v = run(&[ORIGINAL[0], ORIGINAL[1], "Foreign outlets were refused.", ORIGINAL[3]], OTHER, &link(3, "denied"), V2);
        assert_eq!(v.kind(), "not-found", "{v:?}");
    }

    #[test]
    fn a_word_fixed_next_to_the_quote_still_finds_it() {
        let s = link(4, "Nobody could say why");
        let edited = [ORIGINAL[0], ORIGINAL[1], ORIGINAL[2], "The press was locked out. Nobody could say why the rule had changed."];
        let v = run(&edited, OTHER, &s, V2);
        assert_eq!(v.kind(), "exact", "{v:?}");
        assert_eq!(found(&edited, &v), (4, "Nobody could say why".into()));
    }

    #[test]
    fn a_deleted_quote_is_not_found_with_the_nearest_passages() {
        let s = link(3, "Foreign media outlets such as the New York Times were denied entry to the proceedings.");
        let edited = [ORIGINAL[0], ORIGINAL[1], "The New York Times reported from outside.", ORIGINAL[3]];
        match run(&edited, OTHER, &s, V2) {
            Verdict::NotFound(nearest) => assert!(nearest.iter().any(|m| m.parts[0].passage == 3), "{nearest:?}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(run(ORIGINAL, OTHER, &Selector { exact: "  ".into(), ..Selector::default() }, V1).kind(), "not-found");
    }

    #[test]
    fn context_decides_between_two_occurrences() {
        let twice = [
            "The cat said no to the plan, and left.",
            "Much later the dog said no to the plan, and stayed.",
        ];
        let corpus = fixture::corpus(&[("a", &twice)]);
        let at = twice[1].find("said no to the plan").unwrap();
        let s = selector(&corpus, 0, 2, at..at + 19, Some(V1), &AnchorOptions::default()).unwrap();
        // Another version: a paragraph inserted above, so ¶2 is now ¶3 and ¶ numbers cannot help.
        let edited = ["Preface.", twice[0], twice[1]];
        let v = run(&edited, OTHER, &s, V2);
        assert_eq!(found(&edited, &v), (3, "said no to the plan".into()));
        // The first one's context picks the first.
        let at = twice[0].find("said no to the plan").unwrap();
        let s = selector(&corpus, 0, 1, at..at + 19, Some(V1), &AnchorOptions::default()).unwrap();
        assert_eq!(found(&edited, &run(&edited, OTHER, &s, V2)), (2, "said no to the plan".into()));
    }

    #[test]
    fn twice_with_nothing_to_decide_lists_both() {
        let twice = ["He said no to the plan.", "He said no to the plan."];
        let bare = Selector { exact: "said no to the plan".into(), ..Selector::default() };
        match run(&twice, &["She said no to the plan."], &bare, V1) {
            Verdict::Ambiguous { places, total } => {
                assert_eq!(total, 3);
                assert_eq!(places.iter().map(|l| (l.doc, l.first_passage())).collect::<Vec<_>>(), [(0, 1), (0, 2), (1, 1)]);
            }
            other => panic!("{other:?}"),
        }
        // The document decides between documents; the ¶ decides only in the same version.
        let in_a = Selector { doc: Some("a".into()), p: Some(2), v: Some(V1.into()), ..bare.clone() };
        assert_eq!(found(&twice, &run(&twice, &["She said no to the plan."], &in_a, V1)).0, 2);
        assert!(matches!(run(&twice, &[], &in_a, V2), Verdict::Ambiguous { total: 2, .. }));
    }

    #[test]
    fn the_linked_document_is_read_first_but_its_own_context_elsewhere_wins() {
        let s = link(3, "denied entry");
        let place = |v: &Verdict| match v {
            Verdict::QuotedExactly(l) | Verdict::Moved { to: l, .. } => (l.doc, l.first_passage()),
            other => panic!("{other:?}"),
        };
        // The sentence moved to document "b"; "a" keeps the words in another context.
        let v = run(&["Visitors were denied entry at the gate."], &["Preface.", ORIGINAL[2]], &s, V2);
        assert_eq!(place(&v), (1, 2), "{v:?}");
        // In the link's context in both documents, the linked one wins.
        let v = run(&["Preface.", ORIGINAL[2]], &[ORIGINAL[2]], &s, V2);
        assert_eq!(place(&v), (0, 2), "{v:?}");
        // In neither: the better context wins, wherever it is.
        let v = run(&["They were denied entry to it."], &["The New York Times were denied entry at the door."], &s, V2);
        assert_eq!(place(&v), (1, 1), "{v:?}");
    }

    #[test]
    fn whitespace_and_quote_marks_do_not_matter() {
        let s = link(2, "“We need to respect each country’s right");
        let edited = [ORIGINAL[0], "\"We need  to respect\neach country's right to choose their own methods,\" he said.", ORIGINAL[2], ORIGINAL[3]];
        let v = run(&edited, OTHER, &s, V2);
        assert_eq!(v.kind(), "exact", "{v:?}");
        assert_eq!(found(&edited, &v), (2, "\"We need  to respect\neach country's right".into()));
    }

    #[test]
    fn long_quotes_carry_start_end_and_hash() {
        let long = format!("{} the end of it all.", "word ".repeat(150));
        let passages = ["Before.", long.as_str()];
        let corpus = fixture::corpus(&[("a", &passages)]);
        let s = selector(&corpus, 0, 2, 0..long.len(), Some(V1), &AnchorOptions::default()).unwrap();
        assert_eq!(s.exact, "word ".repeat(30).trim_end());
        assert!(s.end.as_deref().unwrap().ends_with("the end of it all."));
        assert_eq!(s.hash.as_deref().map(str::len), Some(16));
        assert_eq!(found(&passages, &run(&passages, OTHER, &s, V2)), (2, long.clone()));
        // The middle changed: start and end are there, the hash is not.
        let edited_text = long.replacen("word word", "word verb", 30);
        let edited = ["Before.", edited_text.as_str()];
        match run(&edited, OTHER, &s, V2) {
            Verdict::Changed { middle, .. } => assert!(middle),
            other => panic!("{other:?}"),
        }
        // Start and end are cut between words, not through one.
        let cut = "abcdefghij ".repeat(50);
        let cut = cut.trim_end();
        let corpus = fixture::corpus(&[("a", &["Before.", cut])]);
        let s = selector(&corpus, 0, 2, 0..cut.len(), Some(V1), &AnchorOptions::default()).unwrap();
        let thirteen = "abcdefghij ".repeat(13);
        assert_eq!((s.exact.as_str(), s.end.as_deref()), (thirteen.trim_end(), Some(thirteen.trim_end())));
    }

    #[test]
    fn hashes_are_stable_and_fold_like_matching() {
        assert_eq!(quote_hash(""), "cbf29ce484222325");
        assert_eq!(quote_hash("a"), "af63dc4c8601ec8c");
        assert_eq!(quote_hash("don’t  stop"), quote_hash("don't stop"));
        assert_eq!(version("ABCDEF0123456789"), "abcdef012345");
    }

    /// A word in nearly every ¶ of a generated 3 MB corpus is anchored (and found ambiguous)
    /// quickly: each ¶ is folded once, not once per occurrence.
    #[test]
    fn a_common_word_in_a_large_corpus_is_quick() {
        let files = crate::generate::generate_files(7, 300, 3_000_000);
        let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
        let corpus = fixture::corpus_from_files(&files);
        let index = Index::build(&corpus);
        let common = corpus.documents()[0].passages[0].split_whitespace().next().unwrap().to_string();
        let started = std::time::Instant::now();
        let v = anchor(&corpus, &index, &Selector { exact: common.clone(), ..Selector::default() }, V1, &AnchorOptions::default());
        let elapsed = started.elapsed();
        assert!(matches!(v, Verdict::Ambiguous { .. } | Verdict::QuotedExactly(_)), "{common:?}: {}", v.kind());
        assert!(elapsed < std::time::Duration::from_secs(2), "{elapsed:?}");
    }

    #[test]
    fn selectors_of_spans_that_do_not_exist_are_none() {
        let corpus = fixture::corpus(&[("a", ORIGINAL)]);
        let options = AnchorOptions::default();
        assert!(selector(&corpus, 0, 9, 0..3, None, &options).is_none());
        assert!(selector(&corpus, 3, 1, 0..3, None, &options).is_none());
        assert!(selector(&corpus, 0, 2, 1..2, None, &options).is_none(), "inside the “ mark");
        assert!(selector(&corpus, 0, 1, 4..4, None, &options).is_none());
    }
}
