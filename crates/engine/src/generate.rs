//! A deterministic generator of English-like corpora and of the queries people type against
//! them, for the relevance suite and the benchmarks (never for the app itself).
//!
//! Prose: sentences of Zipf-distributed words (common English function words plus ~20,000
//! invented words built from syllables), with commas, curly-quoted spans and hyphenated pairs.
//! Queries: for a chosen passage, an exact fragment, a misquote (a typo plus a dropped or two
//! swapped words), two or three of its rarer words with a typo, or a prefix being typed.
//! Guarantee: the same seed gives the same corpus and the same queries on every machine.
//!
//! The queries are made from the raw text with plain rules of their own ([`raw_words`]), never
//! with the engine's tokenizer or folding, so the relevance suite does not grade the engine
//! against the engine's own idea of a word.

use std::collections::HashMap;

use crate::model::Document;

/// The words of `text` by the plainest rule: runs of letters and digits, lowercased. (The engine
/// folds diacritics, apostrophes, hyphens and CJK; this deliberately does none of that.)
pub fn raw_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// A small, fast, deterministic random source (SplitMix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`: the same seed, the same sequence.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits (splitmix64).
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 1.0 < p
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "it", "with", "as", "on", "by", "at", "from",
    "this", "be", "are", "have", "not", "but", "or", "which", "its", "their", "an", "were", "has", "had", "would",
    "they", "more", "can", "been", "other", "into", "over", "also", "such", "than", "any", "each", "these", "between",
];
const ONSETS: &[&str] = &["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr", "pr", "gr", "br", "ch", "sh", "pl", "cr", "th", "", ""];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "a", "e", "i", "o", "ea", "io", "ou", "y"];
const CODAS: &[&str] = &["", "", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng", "ct", "nt"];

/// The vocabulary and its Zipf sampler.
pub struct Lexicon {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Lexicon {
    /// `size` distinct words, function words first (they are the most frequent).
    pub fn new(rng: &mut Rng, size: usize) -> Lexicon {
        let mut words: Vec<String> = FUNCTION_WORDS.iter().map(|w| w.to_string()).collect();
        let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
        while words.len() < size {
            let syllables = [1, 2, 2, 2, 3, 3, 4][rng.below(7)];
            let word: String = (0..syllables)
                .map(|_| format!("{}{}{}", ONSETS[rng.below(ONSETS.len())], VOWELS[rng.below(VOWELS.len())], CODAS[rng.below(CODAS.len())]))
                .collect();
            if word.len() >= 2 && seen.insert(word.clone()) {
                words.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(1.05);
                total
            })
            .collect();
        Lexicon { words, cumulative }
    }

    /// A word drawn by its weight.
    pub fn sample<'a>(&'a self, rng: &mut Rng) -> &'a str {
        let total = *self.cumulative.last().unwrap();
        let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x).min(self.words.len() - 1);
        &self.words[i]
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn sentence(rng: &mut Rng, lexicon: &Lexicon) -> String {
    let len = rng.between(8, 26);
    let mut words: Vec<String> = Vec::with_capacity(len);
    let mut open_quote = false;
    for i in 0..len {
        let mut w = lexicon.sample(rng).to_string();
        if i > 0 && rng.chance(0.03) {
            w = format!("{w}-{}", lexicon.sample(rng));
        }
        if !open_quote && i + 3 < len && rng.chance(0.02) {
            w = format!("“{w}");
            open_quote = true;
        } else if open_quote && rng.chance(0.3) {
            w.push('”');
            open_quote = false;
        } else if i + 1 < len && rng.chance(0.07) {
            w.push(',');
        }
        words.push(w);
    }
    if open_quote {
        words.last_mut().unwrap().push('”');
    }
    words[0] = capitalise(&words[0]);
    format!("{}.", words.join(" "))
}

/// About `total_bytes` of prose in `docs` documents, as Markdown files (name, text) that the
/// corpus loader accepts, so generated corpora can be bundled with `LECTERN_CORPUS`.
pub fn generate_files(seed: u64, docs: usize, total_bytes: usize) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    let lexicon = Lexicon::new(&mut rng, 20_000);
    let per_doc = total_bytes / docs.max(1);
    (0..docs)
        .map(|d| {
            let title: Vec<String> = (0..rng.between(3, 7)).map(|_| capitalise(lexicon.sample(&mut rng))).collect();
            let mut body = String::new();
            while body.len() < per_doc {
                let sentences = rng.between(2, 7);
                let passage: Vec<String> = (0..sentences).map(|_| sentence(&mut rng, &lexicon)).collect();
                body.push_str(&passage.join(" "));
                body.push_str("\n\n");
            }
            // The date is drawn for every document, so leaving some out does not change the
            // rest of the corpus. Every 25th has no author and every 40th no date, as real
            // corpora have gaps the list must sort sensibly.
            let date = format!("date: 20{:02}-{:02}-{:02}\n", rng.between(0, 25), rng.between(1, 12), rng.between(1, 28));
            let author = format!("author: Writer {}\n", d % 17);
            let text = format!(
                "---\ntitle: \"{}\"\n{}{}source: Generated corpus\n---\n\n{}",
                title.join(" "),
                if d % 25 == 24 { "" } else { &author },
                if d % 40 == 39 { "" } else { &date },
                body
            );
            (format!("gen-{d:04}.md"), text)
        })
        .collect()
}

/// The kinds of query the relevance suite and the benchmarks measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QueryKind {
    /// 6–10 consecutive words of the passage, verbatim.
    Exact,
    /// 15–30 consecutive words with one typo and a dropped word or two swapped words.
    Misquote,
    /// Two or three of the passage's rarer words, one with a typo.
    Keywords,
    /// The first three words and the start of the fourth, as while typing.
    Prefix,
}

impl QueryKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [QueryKind; 4] = [QueryKind::Exact, QueryKind::Misquote, QueryKind::Keywords, QueryKind::Prefix];

    /// The kind as reports name it.
    pub fn name(self) -> &'static str {
        match self {
            QueryKind::Exact => "exact fragment",
            QueryKind::Misquote => "misquote",
            QueryKind::Keywords => "rare keywords + typo",
            QueryKind::Prefix => "prefix being typed",
        }
    }
}

/// A query with the passage it should find: document id and 1-based ¶.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestQuery {
    /// What kind of query this is.
    pub kind: QueryKind,
    /// The query as a reader would type or paste it.
    pub text: String,
    /// The id of the document holding the passage it should find.
    pub doc_id: String,
    /// The 1-based ¶ it should find.
    pub passage: usize,
}

/// Puts one typo into a word of at least five letters: a substitution, deletion or
/// transposition, never at the first letter.
pub fn typo(rng: &mut Rng, word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() < 5 {
        return word.to_string();
    }
    let at = rng.between(1, chars.len() - 2);
    match rng.below(3) {
        0 => chars[at] = if chars[at] == 'e' { 'a' } else { 'e' },
        1 => {
            chars.remove(at);
        }
        _ => chars.swap(at, at + 1),
    }
    chars.into_iter().collect()
}

/// `per_kind` queries of each kind, from passages of at least 30 words chosen at random.
pub fn make_queries(seed: u64, documents: &[Document], per_kind: usize) -> Vec<TestQuery> {
    let mut rng = Rng::new(seed);
    let mut df: HashMap<String, usize> = HashMap::new();
    for p in documents.iter().flat_map(|d| &d.passages) {
        let mut terms: Vec<String> = raw_words(p).collect();
        terms.sort();
        terms.dedup();
        for t in terms {
            *df.entry(t).or_default() += 1;
        }
    }
    let df_total = documents.iter().map(|d| d.passages.len()).sum::<usize>();
    let candidates: Vec<(usize, usize)> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| doc.passages.iter().enumerate().map(move |(p, text)| (d, p, text)))
        .filter(|(_, _, text)| text.split_whitespace().count() >= 30)
        .map(|(d, p, _)| (d, p))
        .collect();
    let mut out = Vec::new();
    if candidates.is_empty() {
        return out;
    }
    for kind in QueryKind::ALL {
        for _ in 0..per_kind {
            let (d, p) = candidates[rng.below(candidates.len())];
            let text = &documents[d].passages[p];
            let words: Vec<&str> = text.split_whitespace().collect();
            let query = match kind {
                QueryKind::Exact => {
                    let len = rng.between(6, 10);
                    let start = rng.below(words.len() - len);
                    words[start..start + len].join(" ")
                }
                QueryKind::Misquote => {
                    let len = rng.between(15, 30).min(words.len());
                    let start = rng.below(words.len() - len + 1);
                    let mut quote: Vec<String> = words[start..start + len].iter().map(|w| w.to_string()).collect();
                    let long: Vec<usize> = (0..quote.len()).filter(|&i| quote[i].chars().filter(|c| c.is_alphabetic()).count() >= 5).collect();
                    if !long.is_empty() {
                        let i = long[rng.below(long.len())];
                        quote[i] = typo(&mut rng, &quote[i]);
                    }
                    let at = rng.between(1, quote.len() - 2);
                    if rng.chance(0.5) {
                        quote.remove(at);
                    } else {
                        quote.swap(at, at + 1);
                    }
                    quote.join(" ")
                }
                QueryKind::Keywords => {
                    let mut terms: Vec<String> = raw_words(text).filter(|t| t.chars().count() >= 5).collect();
                    terms.sort_by_key(|t| (df.get(t).copied().unwrap_or(0), t.clone()));
                    terms.dedup();
                    let n = rng.between(2, 3).min(terms.len());
                    let mut picked: Vec<String> = terms[..n].to_vec();
                    if let Some(first) = picked.first_mut() {
                        *first = typo(&mut rng, first);
                    }
                    picked.join(" ")
                }
                QueryKind::Prefix => {
                    // People type distinctive words: start where one of the three whole words
                    // occurs in at most 1% of passages, if such a place exists.
                    let rare = |w: &str| raw_words(w).any(|t| df.get(&t).is_some_and(|&n| n * 100 <= df_total));
                    let start = (0..20)
                        .map(|_| rng.below(words.len() - 5))
                        .find(|&s| words[s..s + 3].iter().any(|w| rare(w)))
                        .unwrap_or(0);
                    let partial: String = words[start + 3].chars().take(3).collect();
                    format!("{} {partial}", words[start..start + 3].join(" "))
                }
            };
            out.push(TestQuery { kind, text: query, doc_id: documents[d].id.clone(), passage: p + 1 });
        }
    }
    out
}

/// Parses generated files into documents.
pub fn documents(files: &[(String, String)]) -> Vec<Document> {
    files
        .iter()
        .map(|(name, text)| {
            crate::parse::parse_document(&crate::parse::SourceFile::new(name.clone(), text.as_bytes()))
                .expect("generated files are always valid documents")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_parses() {
        let a = generate_files(7, 5, 20_000);
        assert_eq!(a, generate_files(7, 5, 20_000));
        let docs = documents(&a);
        assert!(docs.iter().all(|d| !d.passages.is_empty() && d.meta.title.len() > 3));
        let bytes: usize = a.iter().map(|(_, t)| t.len()).sum();
        assert!((20_000..30_000).contains(&bytes), "{bytes}");
        let queries = make_queries(1, &docs, 3);
        assert_eq!(queries.len(), 12);
        assert_eq!(queries, make_queries(1, &docs, 3));
    }

    #[test]
    fn typos_change_one_letter() {
        let mut rng = Rng::new(3);
        for _ in 0..50 {
            let t = typo(&mut rng, "sovereignty");
            assert_ne!(t, "sovereignty");
            assert!(strsim::osa_distance(&t, "sovereignty") == 1, "{t}");
            assert!(t.starts_with('s'));
        }
        assert_eq!(typo(&mut rng, "the"), "the");
    }
}
