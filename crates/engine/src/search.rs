//! Ranked passage search: typo-tolerant, prefix-aware, phrase-respecting.
//!
//! Two phases. (1) Every query term is expanded over the vocabulary — the exact term, words it
//! starts (the word being typed), and words within a few edits (found through the index's
//! trigram table, checked with optimal-string-alignment distance) — and passages are scored with
//! BM25, each term counting once at its best expansion. For long queries only the rarest terms
//! take part here, which bounds the work of a pasted paragraph. (2) The best candidates are
//! re-tokenised and re-scored on the whole query: idf-weighted coverage, words in the query's
//! order (a weighted longest common subsequence, so a dropped or swapped word costs little),
//! proximity, and exact over fuzzy matches; quoted phrases are enforced here. Every knob is in
//! [`SearchOptions`].
//!
//! Counts: [`SearchResults::total`] is what a reader can use — the passages holding every
//! content word of the query (each at its exact or prefix form, at a typo form only when the
//! corpus lacks the word as typed, and every quoted phrase),
//! with [`SearchResults::documents`] counted over all of them, not over the page shown. Function
//! words ([`crate::stopwords`]) count for phrases and word order but are neither required by the
//! count nor marked, unless the query is made only of them.
//!
//! Guarantees: never panics on any input; highlight ranges lie inside their passage on char
//! boundaries, sorted and disjoint; results are sorted by score, best first.

use rustc_hash::FxHashMap;
use std::ops::Range;


use crate::index::Index;
use crate::model::Corpus;
use crate::order::{sort_by, sort_ids};
use crate::query::{parse_query, unquoted, Query, QueryTerm};
use crate::stopwords::is_function_word;
use crate::text::{each_token, is_cjk};

/// The tuning knobs of search, with the values measured to work (see the relevance suite).
#[derive(Clone, Debug, PartialEq)]
pub struct SearchOptions {
    /// BM25 term-frequency saturation.
    pub k1: f32,
    /// BM25 length normalisation (0: none, 1: full).
    pub b: f32,
    /// Weight of a word that the word being typed is a prefix of.
    pub prefix_weight: f32,
    /// Weight of a word one edit away, and two edits away.
    pub fuzzy_weights: [f32; 2],
    /// Words shorter than this get no typo tolerance (too many neighbours).
    pub one_edit_from_len: usize,
    /// Words at least this long tolerate two edits.
    pub two_edits_from_len: usize,
    /// The word being typed must have this many characters before it matches as a prefix.
    pub min_prefix_len: usize,
    /// At most this many completions of the word being typed, the most frequent first.
    pub max_prefix_expansions: usize,
    /// At most this many typo variants per word, the closest and most frequent first.
    pub max_fuzzy_expansions: usize,
    /// Queries with at most this many words also try typo variants of words that exist in the
    /// corpus ("form" for "from"); longer ones only for words the corpus lacks.
    pub fuzzy_known_words_up_to: usize,
    /// Phase 1 scores with at most this many words, the rarest; phase 2 uses them all.
    pub max_scoring_terms: usize,
    /// How many phase-1 candidates phase 2 re-scores, at most.
    pub rerank_depth: usize,
    /// Phase 2 skips candidates whose phase-1 score is below this fraction of the best one:
    /// they cannot climb to the top, and re-tokenising them is most of the cost of a search.
    pub rerank_min_ratio: f32,
    /// Characters of a query that are read; the rest is ignored and reported.
    pub max_query_chars: usize,
    /// Quoted phrases are enforced only in queries of at most this many words: in a pasted
    /// quotation, quote marks are part of the text, not an instruction.
    pub max_words_for_phrases: usize,
    /// At most this many passages are checked for a quoted phrase when counting; past it the
    /// count is a lower bound ([`SearchResults::total_is_lower_bound`]).
    pub max_phrase_checks: usize,
    /// Phase-2 weights of BM25 (normalised to the best candidate), coverage, order,
    /// proximity and exactness.
    pub weights: RankingWeights,
}

/// How phase 2 weighs what it learns of a candidate. Each signal is in 0..=1, so a weight is
/// the most that signal can add to a score; weights from 0 (ignored) to about 2 are sensible,
/// and only their ratios matter. The defaults are the values the relevance suite passes with.
#[derive(Clone, Debug, PartialEq)]
pub struct RankingWeights {
    /// Phase 1's BM25, divided by the best candidate's: favours passages that use the query's
    /// rare words, and use them often. Default 0.5.
    pub bm25: f32,
    /// The share of the query's words found, each weighted by its idf: favours passages with
    /// more of the rare words, whatever their order. Default 1.0.
    pub coverage: f32,
    /// The query's words in the query's order (a weighted longest common subsequence, over the
    /// query's length): what finds a pasted quotation despite dropped or swapped words.
    /// Default 1.0.
    pub order: f32,
    /// How close together the matched words stand (distinct words over the shortest window
    /// holding them all): favours a phrase over words scattered through a long ¶. Default 0.3.
    pub proximity: f32,
    /// The share of the query's words matched exactly rather than through a typo or as a
    /// prefix: breaks ties toward the words as typed. Default 0.2.
    pub exact: f32,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            k1: 1.2,
            b: 0.75,
            prefix_weight: 0.85,
            fuzzy_weights: [0.7, 0.45],
            one_edit_from_len: 4,
            two_edits_from_len: 8,
            min_prefix_len: 2,
            max_prefix_expansions: 24,
            max_fuzzy_expansions: 8,
            fuzzy_known_words_up_to: 6,
            max_scoring_terms: 24,
            rerank_depth: 80,
            rerank_min_ratio: 0.5,
            max_query_chars: 2000,
            max_words_for_phrases: 12,
            max_phrase_checks: 2000,
            weights: RankingWeights { bm25: 0.5, coverage: 1.0, order: 1.0, proximity: 0.3, exact: 0.2 },
        }
    }
}

/// One ranked passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index of the document in [`Corpus::documents`].
    pub doc: usize,
    /// 1-based ¶ number.
    pub passage: usize,
    /// The ranking score (higher is better; comparable within one search only).
    pub score: f32,
    /// Byte ranges of the matched words in the passage text.
    pub highlights: Vec<Range<usize>>,
}

/// What a search found: the best hits and the counts the reader is told.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// The best passages, best first.
    pub hits: Vec<Hit>,
    /// How many passages hold every content word of the query and every quoted phrase (every
    /// word when the query has only function words). For a query of more than
    /// [`SearchOptions::max_scoring_terms`] distinct words, every one of the rarest that many.
    pub total: usize,
    /// How many documents those `total` passages are in.
    pub documents: usize,
    /// How many passages hold at least one of the content words (any word when there are
    /// none): the most that paging through the results can reach.
    pub matching_some: usize,
    /// Whether a larger limit would list more passages: "Show more" has something to show.
    /// (`matching_some` can say more than there is to list: a quoted phrase lists only the
    /// passages that hold it.)
    pub more: bool,
    /// More passages than [`SearchOptions::max_phrase_checks`] had to be checked for a phrase:
    /// `total` and `documents` count only the checked ones.
    pub total_is_lower_bound: bool,
    /// Nearest vocabulary words for the query's unknown words, when nothing matched.
    pub suggestions: Vec<String>,
    /// The query was longer than [`SearchOptions::max_query_chars`] and was cut.
    pub truncated: bool,
}

/// One vocabulary word a query term may match, and how much such a match is worth.
#[derive(Clone, Copy, Debug)]
struct Expansion {
    term_id: usize,
    weight: f32,
    /// A word a typo away: it counts a passage as holding the query's word only when the
    /// corpus lacks the word as typed ("wept" is not counted in "kept").
    typo: bool,
}

/// Searches the corpus through its index.
pub struct Searcher<'a> {
    corpus: &'a Corpus,
    index: &'a Index,
    options: SearchOptions,
}

impl<'a> Searcher<'a> {
    /// A searcher with the default [`SearchOptions`].
    pub fn new(corpus: &'a Corpus, index: &'a Index) -> Self {
        Self::with_options(corpus, index, SearchOptions::default())
    }

    /// A searcher with its own knobs.
    pub fn with_options(corpus: &'a Corpus, index: &'a Index, options: SearchOptions) -> Self {
        Searcher { corpus, index, options }
    }

    /// The best `limit` passages for `input`.
    pub fn search(&self, input: &str, limit: usize) -> SearchResults {
        let mut plan = self.plan(input);
        let mut results = self.run(&plan, limit);
        if results.hits.is_empty() && !plan.query.phrases.is_empty() && unquoted(input).is_none() {
            // Without quote marks only a run of Chinese or Japanese is a phrase, and the reader
            // did not ask for it: misquoted (a character changed, a comma left out) it finds
            // the passages with most of its character pairs, as other words would.
            plan.query.phrases.clear();
            results = self.run(&plan, limit);
        }
        results.truncated = plan.query.truncated;
        if results.hits.is_empty() {
            results.suggestions = self.suggest(&plan.query);
            if let Some(loose) = unquoted(input).filter(|_| !plan.query.phrases.is_empty()) {
                // The words may all be there, just not as the exact phrase: offer them loose.
                results.suggestions.insert(0, loose);
            }
        }
        results
    }

    /// The corrections search would offer for `input` (each unknown word replaced by a near
    /// vocabulary word), whatever else it finds: what the concordance offers for a word the
    /// corpus lacks, rather than counting its typo variants silently.
    pub fn suggestions(&self, input: &str) -> Vec<String> {
        self.suggest(&parse_query(input, self.options.max_query_chars))
    }

    /// Works out once what `input` matches in the vocabulary; the plan then finds and scores
    /// those words in any text (the reader uses it to highlight a document's passages).
    pub fn plan(&self, input: &str) -> Plan {
        let mut query = parse_query(input, self.options.max_query_chars);
        if query.terms.len() > self.options.max_words_for_phrases {
            query.phrases.clear();
        }
        let n = query.terms.len();
        let mut expansions: Vec<Vec<Expansion>> = query.terms.iter().map(|t| self.expand(&t.term, t.prefix, n)).collect();
        self.expand_joined(&query.terms, &mut expansions);
        let idf: Vec<f32> = expansions
            .iter()
            .map(|ex| ex.iter().map(|e| self.idf(e.term_id)).fold(self.idf_of_df(0), f32::min))
            .collect();
        let mut lookup: FxHashMap<String, Vec<(usize, f32)>> = FxHashMap::default();
        for (i, ex) in expansions.iter().enumerate() {
            for e in ex {
                lookup.entry(self.index.terms()[e.term_id].clone()).or_default().push((i, e.weight));
            }
        }
        // The word being typed matches every word it starts, not only the most frequent
        // completions that phase 1 uses.
        let prefixes = query
            .terms
            .iter()
            .enumerate()
            .filter(|(_, t)| t.prefix && t.term.chars().count() >= self.options.min_prefix_len)
            .map(|(i, t)| (i, t.term.clone(), self.options.prefix_weight))
            .collect();
        let idf_sum = idf.iter().sum();
        let content: Vec<bool> = query.terms.iter().map(|t| !is_function_word(&t.term)).collect();
        let has_content = content.contains(&true);
        // The words that must be present to count, and that are marked outside a phrase.
        let counted = content.iter().map(|&c| c || !has_content).collect();
        Plan { query, expansions, idf, idf_sum, lookup, prefixes, counted }
    }

    /// Runs a planned query: phase 1 scores every passage holding a query word, the counts are
    /// taken over those, and phase 2 re-scores the best candidates on the whole query.
    fn run(&self, plan: &Plan, limit: usize) -> SearchResults {
        if plan.query.terms.is_empty() || self.index.passage_count() == 0 {
            return SearchResults::default();
        }
        let order = self.scoring_order(plan);
        let scores = self.phase1(plan, &order);
        if scores.touched.is_empty() {
            return SearchResults::default();
        }
        let counts = self.count(plan, &order, &scores);
        // One more than asked for tells whether there is more to list.
        let wanted = limit.saturating_add(1);
        let mut candidates = self.candidates(&scores, &scores.touched, order.len(), wanted);
        // Phase 1 ranks by words, not by the phrase: a common phrase's passages can all lie past
        // the depth it re-scores, and would then be counted but never listed. Those found to
        // hold it are candidates too, the best of them by the same rank.
        for p in self.candidates(&scores, &counts.with_phrase, order.len(), wanted) {
            if !candidates.contains(&p) {
                candidates.push(p);
            }
        }
        let mut hits = self.phase2(plan, &scores, &candidates, wanted);
        let more = hits.len() > limit;
        hits.truncate(limit);
        SearchResults {
            hits,
            more,
            total: counts.total,
            documents: counts.documents,
            matching_some: counts.matching_some,
            total_is_lower_bound: counts.lower_bound,
            suggestions: Vec::new(),
            truncated: false,
        }
    }

    /// The query terms phase 1 scores with: distinct, the rarest first, at most
    /// [`SearchOptions::max_scoring_terms`] of them.
    fn scoring_order(&self, plan: &Plan) -> Vec<usize> {
        let (terms, idf) = (&plan.query.terms, &plan.idf);
        let mut order: Vec<usize> = (0..terms.len()).collect();
        sort_ids(&mut order, |a, b| idf[b].total_cmp(&idf[a]).then(a.cmp(&b)));
        let mut seen = std::collections::HashSet::new();
        order.retain(|&i| seen.insert(terms[i].term.as_str()));
        order.truncate(self.options.max_scoring_terms);
        order
    }

    /// Phase 1: BM25 of every passage holding a term of `order`, each term counting once at
    /// its best expansion.
    fn phase1(&self, plan: &Plan, order: &[usize]) -> Phase1 {
        let passages = self.index.passage_count();
        let mut scores = Phase1 {
            bm25: vec![0f32; passages],
            matched: vec![0u16; passages],
            counted: vec![0u16; passages],
            near: vec![0u16; passages],
            touched: Vec::new(),
            top_bm25: f32::MIN_POSITIVE,
        };
        let mut best = vec![0f32; passages];
        let mut as_typed = vec![false; passages];
        let mut best_touched: Vec<u32> = Vec::new();
        let (k1, b, avg) = (self.options.k1, self.options.b, self.index.average_len());
        for &i in order {
            let known = plan.expansions[i].iter().any(|e| !e.typo);
            for e in &plan.expansions[i] {
                let postings = self.index.postings(e.term_id);
                let idf_e = self.idf(e.term_id);
                let counts = !(known && e.typo);
                for (&p, &tf) in postings.passages.iter().zip(&postings.counts) {
                    as_typed[p as usize] |= counts;
                    let len = self.index.passage_len(p as usize) as f32;
                    let tf = tf as f32;
                    let s = e.weight * idf_e * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * len / avg));
                    let slot = &mut best[p as usize];
                    if *slot == 0.0 {
                        best_touched.push(p);
                    }
                    if s > *slot {
                        *slot = s;
                    }
                }
            }
            for &p in &best_touched {
                let p = p as usize;
                if scores.matched[p] == 0 {
                    scores.touched.push(p as u32);
                }
                scores.matched[p] += 1;
                scores.near[p] += plan.counted[i] as u16;
                // Taken whether or not the term is counted: a function word's mark must not
                // stand for the next term's.
                let typed = std::mem::take(&mut as_typed[p]);
                scores.counted[p] += (plan.counted[i] && typed) as u16;
                scores.bm25[p] += best[p];
                best[p] = 0.0;
            }
            best_touched.clear();
        }
        scores.top_bm25 = scores.touched.iter().map(|&p| scores.bm25[p as usize]).fold(f32::MIN_POSITIVE, f32::max);
        scores
    }

    /// The counts the reader is told: passages with every counted (content) term and every
    /// phrase, the documents they are in, and passages with at least one counted term.
    fn count(&self, plan: &Plan, order: &[usize], scores: &Phase1) -> Counts {
        let needed = order.iter().filter(|&&i| plan.counted[i]).count() as u16;
        let matching_some = scores.touched.iter().filter(|&&p| scores.near[p as usize] > 0).count();
        let mut full: Vec<u32> = scores.touched.iter().copied().filter(|&p| scores.counted[p as usize] == needed).collect();
        let mut lower_bound = false;
        if !plan.query.phrases.is_empty() {
            // A phrase is checked in the text itself; cap the work a very common phrase costs.
            sort_by(&mut full, |a, b| a.cmp(b));
            lower_bound = full.len() > self.options.max_phrase_checks;
            full.truncate(self.options.max_phrase_checks);
            full.retain(|&p| {
                let r = self.index.passage_ref(p as usize);
                plan.phrases_occur(&self.corpus.documents()[r.doc].passages[r.number - 1])
            });
        }
        let mut in_document = vec![false; self.corpus.documents().len()];
        let mut documents = 0;
        for &p in &full {
            let doc = self.index.passage_ref(p as usize).doc;
            documents += usize::from(!std::mem::replace(&mut in_document[doc], true));
        }
        let total = full.len();
        let with_phrase = if plan.query.phrases.is_empty() { Vec::new() } else { full };
        Counts { total, documents, matching_some, lower_bound, with_phrase }
    }

    /// The passages of `pool` phase 2 re-scores: the best [`SearchOptions::rerank_depth`] by phase 1,
    /// less those far below the best (but always enough to fill `limit`), best first. Only
    /// passages with a counted word: one holding nothing but a function word of a query that has
    /// content words is no answer to it, and the results never outnumber `matching_some`.
    fn candidates(&self, scores: &Phase1, pool: &[u32], scoring_terms: usize, limit: usize) -> Vec<u32> {
        let (bm25, matched, top_bm25) = (&scores.bm25, &scores.matched, scores.top_bm25);
        // Each passage's phase-1 score, worked out once rather than at every comparison.
        let mut ranked: Vec<(f32, u32)> = pool
            .iter()
            .filter(|&&p| scores.near[p as usize] > 0)
            .map(|&p| (bm25[p as usize] / top_bm25 + matched[p as usize] as f32 / scoring_terms as f32, p))
            .collect();
        let depth = self.options.rerank_depth.max(limit);
        if ranked.len() > depth {
            ranked.select_nth_unstable_by(depth, |a, b| b.0.total_cmp(&a.0));
        }
        ranked.truncate(depth);
        sort_by(&mut ranked, |a, b| b.0.total_cmp(&a.0));
        let floor = ranked.first().map_or(0.0, |c| c.0) * self.options.rerank_min_ratio;
        let kept = ranked.partition_point(|c| c.0 >= floor);
        // Enough to fill the page of results even when few candidates are close to the best.
        ranked[..kept.max(limit.min(ranked.len()))].iter().map(|c| c.1).collect()
    }

    /// Phase 2: each candidate re-scored on the whole query; the best `limit`, best first.
    fn phase2(&self, plan: &Plan, scores: &Phase1, candidates: &[u32], limit: usize) -> Vec<Hit> {
        let w = &self.options.weights;
        let mut hits: Vec<Hit> = candidates
            .iter()
            .filter_map(|&p| {
                let r = self.index.passage_ref(p as usize);
                let text = &self.corpus.documents()[r.doc].passages[r.number - 1];
                let detail = plan.rescore(text)?;
                let score = w.bm25 * scores.bm25[p as usize] / scores.top_bm25
                    + w.coverage * detail.coverage
                    + w.order * detail.order
                    + w.proximity * detail.proximity
                    + w.exact * detail.exact;
                Some(Hit { doc: r.doc, passage: r.number, score, highlights: detail.highlights })
            })
            .collect();
        sort_by(&mut hits, |a, b| b.score.total_cmp(&a.score).then((a.doc, a.passage).cmp(&(b.doc, b.passage))));
        hits.truncate(limit);
        hits
    }

    fn idf_of_df(&self, df: usize) -> f32 {
        let n = self.index.passage_count() as f32;
        let df = df as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    fn idf(&self, term_id: usize) -> f32 {
        self.idf_of_df(self.index.document_frequency(term_id))
    }

    /// The vocabulary words `term` may match, with their weights (the exact word weighs 1).
    fn expand(&self, term: &str, prefix: bool, query_len: usize) -> Vec<Expansion> {
        let o = &self.options;
        let mut out = Vec::new();
        let exact = self.index.term_id(term);
        if let Some(id) = exact {
            out.push(Expansion { term_id: id, weight: 1.0, typo: false });
        }
        let chars = term.chars().count();
        if chars == 1 && term.chars().all(is_cjk) {
            // A lone Han or kana character: the index holds CJK runs as bigrams, so it matches
            // every bigram that starts or ends with it.
            let mut bigrams: Vec<usize> = (0..self.index.terms().len())
                .filter(|&id| {
                    let t = &self.index.terms()[id];
                    Some(id) != exact && t.chars().count() == 2 && (t.starts_with(term) || t.ends_with(term))
                })
                .collect();
            sort_ids(&mut bigrams, |a, b| self.by_frequency(a, b));
            bigrams.truncate(o.max_prefix_expansions);
            out.extend(bigrams.into_iter().map(|term_id| Expansion { term_id, weight: 1.0, typo: false }));
            return out;
        }
        if prefix && chars >= o.min_prefix_len {
            let mut completions: Vec<usize> = self.index.prefix_range(term).filter(|&id| Some(id) != exact).collect();
            sort_ids(&mut completions, |a, b| self.by_frequency(a, b));
            completions.truncate(o.max_prefix_expansions);
            out.extend(completions.into_iter().map(|term_id| Expansion { term_id, weight: o.prefix_weight, typo: false }));
        }
        let max_edits = if chars >= o.two_edits_from_len {
            2
        } else if chars >= o.one_edit_from_len {
            1
        } else {
            0
        };
        if max_edits > 0 && (exact.is_none() || query_len <= o.fuzzy_known_words_up_to) {
            let mut near = self.neighbours(term, max_edits);
            near.retain(|&(id, _)| !out.iter().any(|e| e.term_id == id));
            near.truncate(o.max_fuzzy_expansions);
            out.extend(near.into_iter().map(|(term_id, d)| Expansion { term_id, weight: o.fuzzy_weights[d - 1], typo: true }));
        }
        out
    }

    /// Two content words of the query written apart or hyphenated ("multi-stakeholder", "cyber
    /// space") also match the corpus's word written joined ("multistakeholder", "cyberspace"),
    /// as either word: the index already holds a hyphenated pair of the text under its joined
    /// form, so this is the other way round. Function words are left out, so that "a part" does
    /// not find "apart".
    fn expand_joined(&self, terms: &[QueryTerm], expansions: &mut [Vec<Expansion>]) {
        for i in 1..terms.len() {
            let (a, b) = (&terms[i - 1].term, &terms[i].term);
            if [a, b].iter().any(|t| is_function_word(t) || t.chars().any(is_cjk)) {
                continue;
            }
            let Some(term_id) = self.index.term_id(&format!("{a}{b}")) else { continue };
            for ex in &mut expansions[i - 1..=i] {
                if !ex.iter().any(|e| e.term_id == term_id) {
                    ex.push(Expansion { term_id, weight: 1.0, typo: false });
                }
            }
        }
    }

    /// Vocabulary words within `max_edits` of `term` (not itself), closest and most frequent first.
    fn neighbours(&self, term: &str, max_edits: usize) -> Vec<(usize, usize)> {
        let len = term.chars().count();
        let min_shared = len.saturating_sub(3 * max_edits).max(1);
        let mut near: Vec<(usize, usize)> = self
            .index
            .trigram_candidates(term, min_shared)
            .into_iter()
            .filter_map(|(id, _)| {
                let word = &self.index.terms()[id];
                if word.chars().count().abs_diff(len) > max_edits {
                    return None;
                }
                let d = strsim::osa_distance(term, word);
                (d >= 1 && d <= max_edits).then_some((id, d))
            })
            .collect();
        sort_by(&mut near, |&(a, da), &(b, db)| da.cmp(&db).then(self.by_frequency(a, b)).then(a.cmp(&b)));
        near
    }

    /// Vocabulary words by how many passages hold them, the most frequent first.
    fn by_frequency(&self, a: usize, b: usize) -> std::cmp::Ordering {
        self.index.document_frequency(b).cmp(&self.index.document_frequency(a))
    }

    /// Up to three corrected queries: each unknown word replaced by a near vocabulary word.
    /// Candidates within three edits are ranked by distance, then by [`subsequence_score`]
    /// (which favours words holding the typed letters in runs and from the start), then by
    /// frequency.
    fn suggest(&self, query: &Query) -> Vec<String> {
        let mut options_per_term: Vec<Vec<String>> = Vec::new();
        let mut any_unknown = false;
        for t in &query.terms {
            if self.index.term_id(&t.term).is_some() || t.term.chars().count() < 3 {
                options_per_term.push(vec![t.term.clone()]);
                continue;
            }
            any_unknown = true;
            let len = t.term.chars().count();
            let mut near: Vec<(usize, i64, usize, usize)> = self
                .index
                .trigram_candidates(&t.term, 1)
                .into_iter()
                .filter_map(|(id, _)| {
                    let word = &self.index.terms()[id];
                    if word.chars().count().abs_diff(len) > 3 {
                        return None;
                    }
                    let d = strsim::osa_distance(&t.term, word);
                    let held = subsequence_score(&t.term, word);
                    (d <= 3).then_some((d, -held, std::cmp::Reverse(self.index.document_frequency(id)).0, id))
                })
                .collect();
            sort_by(&mut near, |a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.cmp(&a.2)).then(a.3.cmp(&b.3)));
            let words: Vec<String> = near.into_iter().take(3).map(|(.., id)| self.index.terms()[id].clone()).collect();
            options_per_term.push(if words.is_empty() { vec![t.term.clone()] } else { words });
        }
        if !any_unknown {
            return Vec::new();
        }
        let original = query.terms.iter().map(|t| t.term.as_str()).collect::<Vec<_>>().join(" ");
        let first_varied = options_per_term.iter().position(|o| o.len() > 1).unwrap_or(0);
        let variants = options_per_term[first_varied].len();
        (0..variants)
            .map(|v| {
                options_per_term
                    .iter()
                    .enumerate()
                    .map(|(i, o)| if i == first_varied { o[v].as_str() } else { o[0].as_str() })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|s| !s.is_empty() && *s != original)
            .collect()
    }
}

/// How well `word` holds the letters of `term` in order, the score of a fuzzy finder (as skim's
/// and fzf's: every letter matched scores, a run of consecutive letters and a match at the
/// word's start score more, a gap in the word costs), from the best alignment; 0 when `term`'s
/// letters are not all in `word` in order. Only orders suggestions at the same edit distance.
fn subsequence_score(term: &str, word: &str) -> i64 {
    const MATCH: i64 = 16;
    const AT_START: i64 = 16;
    const IN_RUN: i64 = 4;
    const GAP_START: i64 = -3;
    const GAP_EXTENSION: i64 = -1;
    let word: Vec<char> = word.chars().collect();
    // best[j]: the best score with the letters so far matched, the last at word[j].
    let mut best: Vec<Option<i64>> = vec![None; word.len()];
    let mut next = best.clone();
    for (i, t) in term.chars().enumerate() {
        // The best start of a gap ending before word[j]: a match at k < j - 1, less what each
        // character of the gap costs, kept as it goes so the alignment takes one pass per letter.
        let mut reach: Option<i64> = None;
        for (j, &w) in word.iter().enumerate() {
            if j >= 2 {
                reach = reach.max(best[j - 2].map(|s| s - GAP_EXTENSION * (j - 2) as i64));
            }
            next[j] = if w != t {
                None
            } else {
                let here = MATCH + if j == 0 { AT_START } else { 0 };
                if i == 0 {
                    Some(here)
                } else {
                    // The previous letter right before (a run), or further back across a gap.
                    let run = j.checked_sub(1).and_then(|k| best[k]).map(|s| s + IN_RUN);
                    let gap = reach.map(|r| r + GAP_START + GAP_EXTENSION * (j as i64 - 2));
                    run.max(gap).map(|s| s + here)
                }
            };
        }
        std::mem::swap(&mut best, &mut next);
    }
    best.into_iter().flatten().max().unwrap_or(0)
}

/// What phase 1 knows of every passage (indexed by global passage number).
struct Phase1 {
    bm25: Vec<f32>,
    /// How many of the scoring terms the passage holds.
    matched: Vec<u16>,
    /// How many of the counted (content) terms it holds, as typed (or completed, or joined),
    /// or a typo away when the corpus lacks the word as typed.
    counted: Vec<u16>,
    /// How many of the counted terms it holds in any form, a typo away included.
    near: Vec<u16>,
    /// The passages holding at least one scoring term, in the order first met.
    touched: Vec<u32>,
    /// The best BM25 score, which normalises the others.
    top_bm25: f32,
}

/// The counts of a search, as [`SearchResults`] reports them.
struct Counts {
    total: usize,
    documents: usize,
    matching_some: usize,
    lower_bound: bool,
    /// For a query with a quoted phrase, the passages found to hold it and every counted word:
    /// the `total` ones.
    with_phrase: Vec<u32>,
}

/// A query worked out against the vocabulary, ready to find its words in any passage.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    query: Query,
    expansions: Vec<Vec<Expansion>>,
    idf: Vec<f32>,
    idf_sum: f32,
    /// Vocabulary word → (query term, weight) for every expansion.
    /// (Looked up for every word of every passage re-scored: a fast hash, not a DoS-proof one;
    /// its keys come from the index, not from the page.)
    lookup: FxHashMap<String, Vec<(usize, f32)>>,
    /// (query term, prefix, weight) for the word being typed.
    prefixes: Vec<(usize, String, f32)>,
    /// Per query term: a content word (or any word, when the query has no content word). Only
    /// these are required by the count and marked outside a matched phrase.
    counted: Vec<bool>,
}

/// What phase 2 learns about one passage.
struct Detail {
    coverage: f32,
    order: f32,
    proximity: f32,
    exact: f32,
    highlights: Vec<Range<usize>>,
}

impl Plan {
    /// Byte ranges of the words of `text` that the query matches, marked as in search results:
    /// function words only inside a matched phrase (or when the query has nothing else). Where
    /// a phrase is missing, its content words are still marked.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        if let Some(detail) = self.rescore(text) {
            return detail.highlights;
        }
        let (tokens, matches) = self.matches(text);
        let marked: Vec<_> = matches.into_iter().filter(|m| self.counted[m.1]).collect();
        spans(&tokens, &marked)
    }

    /// True when every quoted phrase of the query occurs in `text`.
    fn phrases_occur(&self, text: &str) -> bool {
        self.rescore(text).is_some()
    }

    /// Every token's span in `text`, and every (token position, query term, weight, spans two
    /// tokens) match in it.
    fn matches(&self, text: &str) -> (Vec<Range<usize>>, Vec<(usize, usize, f32, bool)>) {
        let mut spans: Vec<Range<usize>> = Vec::new();
        let mut matches: Vec<(usize, usize, f32, bool)> = Vec::new();
        each_token(text, &mut |term, span, joined| {
            let j = spans.len();
            spans.push(span);
            let listed = self.lookup.get(term);
            if let Some(list) = listed {
                matches.extend(list.iter().map(|&(i, w)| (j, i, w, false)));
            }
            for (i, prefix, w) in &self.prefixes {
                let already = listed.is_some_and(|l| l.iter().any(|&(li, _)| li == *i));
                if !already && term.len() > prefix.len() && term.starts_with(prefix.as_str()) {
                    matches.push((j, *i, *w, false));
                }
            }
            if let Some(list) = joined.and_then(|t| self.lookup.get(t)) {
                matches.extend(list.iter().map(|&(i, w)| (j, i, w, true)));
            }
        });
        (spans, matches)
    }

    /// Re-scores one passage against the whole query; `None` when a quoted phrase is missing.
    fn rescore(&self, text: &str) -> Option<Detail> {
        let (query, idf, idf_sum) = (&self.query, &self.idf, self.idf_sum);
        let n = query.terms.len();
        let (tokens, matches) = self.matches(text);

        // The matching token positions, and at each the query terms it matches with their weights.
        let mut positions: Vec<usize> = matches.iter().map(|m| m.0).collect();
        sort_ids(&mut positions, |a, b| a.cmp(&b));
        positions.dedup();
        let mut at: Vec<Vec<(usize, f32)>> = vec![Vec::new(); positions.len()];
        for &(j, i, w, _) in &matches {
            let k = positions.binary_search(&j).expect("every match position is listed");
            at[k].push((i, w));
        }
        let weight = |i: usize, j: usize| -> f32 {
            positions
                .binary_search(&j)
                .map_or(0.0, |k| at[k].iter().filter(|m| m.0 == i).map(|m| m.1).fold(0.0, f32::max))
        };

        // Each phrase must occur; its words are then marked only where the phrase occurs.
        let mut in_phrase: Vec<(usize, usize)> = Vec::new(); // (token position, query term)
        for phrase in &query.phrases {
            let starts: Vec<usize> = positions
                .iter()
                .copied()
                .filter(|&j| phrase.clone().enumerate().all(|(offset, i)| weight(i, j + offset) > 0.0))
                .collect();
            if starts.is_empty() {
                return None;
            }
            for j in starts {
                in_phrase.extend(phrase.clone().enumerate().map(|(offset, i)| (j + offset, i)));
            }
        }
        let phrase_term = |i: usize| query.phrases.iter().any(|p| p.contains(&i));
        // Words of a phrase are marked where the phrase occurs; other function words not at all.
        let marked: Vec<(usize, usize, f32, bool)> = matches
            .iter()
            .copied()
            .filter(|&(j, i, _, _)| if phrase_term(i) { in_phrase.contains(&(j, i)) } else { self.counted[i] })
            .collect();

        let mut best = vec![0f32; n];
        for &(_, i, w, _) in &matches {
            best[i] = best[i].max(w);
        }
        let coverage = if idf_sum > 0.0 { best.iter().zip(idf).map(|(b, f)| b * f).sum::<f32>() / idf_sum } else { 0.0 };
        let exact = best.iter().filter(|&&b| b >= 1.0).count() as f32 / n as f32;

        let order = in_order(n, &at) / n as f32;
        let distinct = best.iter().filter(|&&b| b > 0.0).count();
        let proximity = match distinct {
            0 => 0.0,
            1 => 1.0,
            _ => distinct as f32 / shortest_cover(n, distinct, &matches).max(distinct) as f32,
        };

        Some(Detail { coverage, order, proximity, exact, highlights: spans(&tokens, &marked) })
    }
}

/// Words in query order: the weighted longest common subsequence of the `n` query terms and
/// the matching token positions, where `at[k]` lists (query term, weight) at the k-th position.
/// A dropped or swapped word costs only its own weight.
fn in_order(n: usize, at: &[Vec<(usize, f32)>]) -> f32 {
    let mut previous = vec![0f32; at.len() + 1];
    let mut current = vec![0f32; at.len() + 1];
    for i in 0..n {
        for (k, terms) in at.iter().enumerate() {
            let w = terms.iter().filter(|m| m.0 == i).map(|m| m.1).fold(0.0, f32::max);
            let diagonal = if w > 0.0 { previous[k] + w } else { 0.0 };
            current[k + 1] = diagonal.max(previous[k + 1]).max(current[k]);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[at.len()]
}

/// The shortest window of tokens holding all `distinct` matched query terms (of `n`), by a
/// sliding window over the (token position, query term) matches.
fn shortest_cover(n: usize, distinct: usize, matches: &[(usize, usize, f32, bool)]) -> usize {
    let mut by_pos: Vec<(usize, usize)> = matches.iter().map(|m| (m.0, m.1)).collect();
    sort_by(&mut by_pos, |a, b| a.cmp(b));
    let mut counts = vec![0usize; n];
    let (mut have, mut left, mut shortest) = (0, 0, usize::MAX);
    for right in 0..by_pos.len() {
        if counts[by_pos[right].1] == 0 {
            have += 1;
        }
        counts[by_pos[right].1] += 1;
        while have == distinct {
            shortest = shortest.min(by_pos[right].0 - by_pos[left].0 + 1);
            counts[by_pos[left].1] -= 1;
            if counts[by_pos[left].1] == 0 {
                have -= 1;
            }
            left += 1;
        }
    }
    shortest
}

/// The byte ranges of the matched tokens (`tokens` holds every token's span), merged.
fn spans(tokens: &[Range<usize>], matches: &[(usize, usize, f32, bool)]) -> Vec<Range<usize>> {
    let ranges = matches
        .iter()
        .map(|&(j, _, _, joined)| {
            let end = if joined { tokens.get(j + 1).map_or(tokens[j].end, |t| t.end) } else { tokens[j].end };
            tokens[j].start..end
        })
        .collect();
    merge(ranges)
}

/// Sorts ranges and merges the ones that overlap.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    sort_by(&mut ranges, |a, b| (a.start, a.end).cmp(&(b.start, b.end)));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Meta};

    const ARTICLE: &[&str] = &[
        "Last week in Wuzhen, China, President Xi made clear the theme, “An Interconnected World Shared and Governed by All”:",
        "In recent years, China has heavily promoted the concept of “Internet sovereignty,” the Chinese Communist Party’s vision.",
        "Five of these—Russia, Kazakhstan, Kyrgyzstan, Tajikstan, and Uzbekistan—were already in China.",
        "a determined battle advocating for a “multilateral” (i.e., government-centered) approach to Internet governance, a more moderate, “multistakeholder” approach",
        "On its face, this approach to Internet governance may sound value-neutral because it permits each country to set their own terms.",
        "中国的网络主权主张",
    ];

    fn corpus() -> Corpus {
        let doc = Document {
            id: "a".into(),
            meta: Meta { title: "A".into(), ..Meta::default() },
            passages: ARTICLE.iter().map(|p| p.to_string()).collect(),
        };
        Corpus::new("t", vec![doc]).unwrap()
    }

    /// The ¶ numbers of the hits for `query`, best first, and the highlighted words of the first.
    fn check(query: &str, first: usize, highlighted: &[&str]) {
        let corpus = corpus();
        let index = Index::build(&corpus);
        let results = Searcher::new(&corpus, &index).search(query, 10);
        let top = results.hits.first().unwrap_or_else(|| panic!("no hit for {query:?}"));
        assert_eq!(top.passage, first, "top ¶ for {query:?}: {:?}", results.hits);
        let text = ARTICLE[first - 1];
        let words: Vec<&str> = top.highlights.iter().map(|r| &text[r.clone()]).collect();
        for h in highlighted {
            assert!(words.contains(h), "{h:?} not highlighted for {query:?}: {words:?}");
        }
    }

    fn no_hits(query: &str) -> SearchResults {
        let corpus = corpus();
        let index = Index::build(&corpus);
        let results = Searcher::new(&corpus, &index).search(query, 10);
        assert!(results.hits.is_empty(), "{query:?}: {:?}", results.hits);
        results
    }

    /// Three documents for counting: which passages hold which words is easy to see.
    const COUNTED: &[(&str, &[&str])] = &[
        ("lincoln-a", &["Lincoln spoke of the union.", "The union of these states.", "Lincoln again."]),
        ("lincoln-b", &["Abraham Lincoln and the war.", "A house divided."]),
        ("other", &["The state of the union is strong.", "Of a and these."]),
    ];

    fn counted() -> (Corpus, Index) {
        let corpus = crate::fixture::corpus(COUNTED);
        let index = Index::build(&corpus);
        (corpus, index)
    }

    /// The counts for `query`: (passages with every content word, their documents, passages
    /// with some content word). They do not depend on how many hits are asked for.
    fn check_counts(query: &str, expected: (usize, usize, usize)) {
        let (corpus, index) = counted();
        let searcher = Searcher::new(&corpus, &index);
        for limit in [1, 20] {
            let r = searcher.search(query, limit);
            assert_eq!((r.total, r.documents, r.matching_some), expected, "counts for {query:?} with limit {limit}");
            assert!(!r.total_is_lower_bound);
            // The status line says "the best 20 of N": never more results than N.
            assert!(r.hits.len() <= r.matching_some, "{} hits for {query:?}, {} passages with some word: {:?}", r.hits.len(), r.matching_some, r.hits);
            // "Show more" is offered when, and only when, it would list more.
            assert_eq!(r.more, searcher.search(query, 1000).hits.len() > limit, "more for {query:?} with limit {limit}");
        }
    }

    /// The words marked in ¶`passage` of document `doc`, in a search hit and in the reader.
    fn check_marks(query: &str, doc: &str, passage: usize, expected: &[&str]) {
        let (corpus, index) = counted();
        let searcher = Searcher::new(&corpus, &index);
        let d = corpus.documents().iter().position(|d| d.id == doc).unwrap();
        let text = &corpus.documents()[d].passages[passage - 1];
        let words = |ranges: &[Range<usize>]| ranges.iter().map(|r| text[r.clone()].to_string()).collect::<Vec<_>>();
        let results = searcher.search(query, 20);
        let hit = results.hits.iter().find(|h| h.doc == d && h.passage == passage);
        let hit = hit.unwrap_or_else(|| panic!("{doc} ¶{passage} not found for {query:?}: {:?}", results.hits));
        assert_eq!(words(&hit.highlights), expected, "marked in the hit for {query:?}");
        assert_eq!(words(&searcher.plan(query).highlights(text)), expected, "marked in the reader for {query:?}");
    }

    #[test]
    fn counts_are_of_passages_with_every_content_word() {
        check_counts("lincoln", (3, 2, 3));
        check_counts("lincoln union", (1, 1, 5));
        check_counts("lincon union", (1, 1, 5));
        check_counts("the union", (3, 2, 3));
        check_counts("Lincoln and the union", (1, 1, 5));
        check_counts("of these", (2, 2, 4));
        check_counts("\"state of the union\"", (1, 1, 3));
        check_counts("\"union of\"", (1, 1, 3));
        // A phrase lists only the passages that hold it, however many have some of its words.
        let (corpus, index) = counted();
        let r = Searcher::new(&corpus, &index).search("\"state of the union\"", 1);
        assert_eq!((r.hits.len(), r.matching_some, r.more), (1, 3, false));
        check_counts("lincoln xqzzy", (0, 0, 3));
        check_counts("xqzzy", (0, 0, 0));
    }

    #[test]
    fn a_word_the_corpus_has_is_counted_as_typed_not_at_its_typo_neighbours() {
        const WEPT: &[(&str, &[&str])] = &[("john", &["Jesus wept.", "They kept the feast.", "Then Jesus went out.", "The wind went west."])];
        let corpus = crate::fixture::corpus(WEPT);
        let index = Index::build(&corpus);
        let searcher = Searcher::new(&corpus, &index);
        let check = |query: &str, expected: (usize, usize), first: usize| {
            let r = searcher.search(query, 20);
            assert_eq!((r.total, r.matching_some), expected, "{query:?}");
            assert_eq!(r.hits.first().map(|h| h.passage), Some(first), "{query:?}");
        };
        // "wept" is in the corpus: "kept" and "went" still rank (after it), and count as some words only.
        check("wept", (1, 4), 1);
        check("Jesus wept", (1, 4), 1);
        // A word the corpus lacks counts at its typo neighbours, as before.
        check("wepts", (1, 1), 1);
        check("Jesus weept", (1, 2), 1);
        // A function word met first ("the" in ¶2 and ¶4) does not let "kept" or "went" count.
        for query in ["the wept", "wept the"] {
            let r = searcher.search(query, 20);
            assert_eq!(r.total, 1, "{query:?}");
        }
    }

    #[test]
    fn phrase_counts_past_the_check_limit_are_lower_bounds() {
        let (corpus, index) = counted();
        let options = SearchOptions { max_phrase_checks: 1, ..SearchOptions::default() };
        let r = Searcher::with_options(&corpus, &index, options).search("\"the union\"", 20);
        assert!(r.total_is_lower_bound);
        assert_eq!(r.total, 1);
    }

    #[test]
    fn function_words_are_marked_only_when_needed() {
        check_marks("lincoln of the union", "lincoln-a", 1, &["Lincoln", "union"]);
        check_marks("the union", "lincoln-a", 2, &["union"]);
        check_marks("of these", "other", 2, &["Of", "these"]);
        check_marks("\"state of the union\"", "other", 1, &["state", "of", "the", "union"]);
        check_marks("\"state of the union\" strong", "other", 1, &["state", "of", "the", "union", "strong"]);
    }

    #[test]
    fn order_and_cover_windows() {
        // Query terms 0, 1, 2 at positions in the order 1, 0, 2: the best order keeps two.
        let at = vec![vec![(1, 1.0)], vec![(0, 1.0)], vec![(2, 0.5)]];
        assert_eq!(in_order(3, &at), 1.5);
        assert_eq!(in_order(3, &[]), 0.0);
        // Terms 0 and 1 at tokens 2, 9 and 10: the shortest window holding both is 9..=10.
        let matches = [(2, 0, 1.0, false), (9, 0, 1.0, false), (10, 1, 1.0, false)];
        assert_eq!(shortest_cover(2, 2, &matches), 2);
    }

    #[test]
    fn folding_typos_and_prefixes() {
        check("tajikistan", 3, &["Tajikstan"]);
        check("TAJIKSTAN", 3, &["Tajikstan"]);
        check("sovereinty", 2, &["sovereignty"]);
        check("china's internet sovereignty", 2, &["China", "sovereignty"]);
        check("Internet sover", 2, &["sovereignty"]);
        check("multistake", 4, &["multistakeholder"]);
    }

    #[test]
    fn hyphens_match_joined_and_split() {
        // Written apart, a hyphenated pair of the text is marked whole, as its joined form is.
        check("value neutral", 5, &["value-neutral"]);
        check("valueneutral", 5, &["value-neutral"]);
        check("government-centered", 4, &["government-centered"]);
        // The query apart or hyphenated, the text joined.
        check("multi-stakeholder", 4, &["multistakeholder"]);
        check("multi stakeholder model", 4, &["multistakeholder"]);
    }

    /// French and Italian texts elide articles and prepositions into the next word.
    const ELIDED: &[(&str, &[&str])] = &[
        ("fr", &["Pendant l’été, l’Union a fait d’autres choix.", "Un hiver sans Union."]),
        ("it", &["Nell’ambito dell’Unione europea.", "L'ambito della ricerca."]),
    ];

    #[test]
    fn a_word_after_an_elision_is_found_alone() {
        let corpus = crate::fixture::corpus(ELIDED);
        let index = Index::build(&corpus);
        let searcher = Searcher::new(&corpus, &index);
        let check = |query: &str, expected: &[(&str, usize, &str)]| {
            let results = searcher.search(query, 10);
            let got: Vec<(&str, usize, &str)> = results
                .hits
                .iter()
                .map(|h| {
                    let d = &corpus.documents()[h.doc];
                    (d.id.as_str(), h.passage, &d.passages[h.passage - 1][h.highlights[0].clone()])
                })
                .collect();
            assert_eq!(got, expected, "hits for {query:?}");
        };
        check("été", &[("fr", 1, "été")]);
        check("ete", &[("fr", 1, "été")]);
        check("autres", &[("fr", 1, "autres")]);
        check("l’été", &[("fr", 1, "été")]);
        check("\"l'ete\"", &[("fr", 1, "été")]);
        // One typo away, "Union" follows; "l’Union" is found as "Union" is.
        check("unione", &[("it", 1, "Unione"), ("fr", 2, "Union"), ("fr", 1, "Union")]);
        check("ambito", &[("it", 1, "ambito"), ("it", 2, "ambito")]);
    }

    #[test]
    fn every_passage_counted_with_a_phrase_can_be_listed() {
        // 100 short passages hold both words, never as the phrase, and rank first by words; 30
        // long ones hold the phrase once, ranked past the depth phase 2 re-scores.
        let loose: Vec<String> = (0..100).map(|i| format!("the the between w{i}")).collect();
        let phrase: Vec<String> = (0..30).map(|i| format!("{} between the river and w{i}", "filler words here ".repeat(8))).collect();
        let passages: Vec<&str> = loose.iter().chain(&phrase).map(String::as_str).collect();
        let corpus = Corpus::new("t", vec![crate::fixture::doc("a", &passages)]).unwrap();
        let index = Index::build(&corpus);
        let searcher = Searcher::new(&corpus, &index);
        for (limit, listed) in [(20, 20), (40, 30)] {
            let r = searcher.search("\"between the\"", limit);
            assert_eq!((r.total, r.hits.len()), (30, listed), "limit {limit}");
            assert!(r.hits.iter().all(|h| h.passage > 100), "{:?}", r.hits);
        }
    }

    #[test]
    fn phrases_must_appear_in_order() {
        check("\"internet governance\"", 4, &["Internet", "governance"]);
        let corpus = corpus();
        let index = Index::build(&corpus);
        let hits = Searcher::new(&corpus, &index).search("\"internet governance\"", 10).hits;
        let marked: Vec<&str> = hits[0].highlights.iter().map(|r| &ARTICLE[hits[0].passage - 1][r.clone()]).collect();
        assert_eq!(marked, ["Internet", "governance"], "a phrase's words are marked only where the phrase is");
        let results = no_hits("\"governance internet\"");
        assert_eq!(results.total, 0);
        assert_eq!(results.suggestions.first().map(String::as_str), Some("governance internet"));
        // A fragment copied from inside a quotation carries its closing mark, not a phrase.
        // A word dropped after it is forgiven as anywhere else.
        check("Internet sovereignity,” the Communist Party’s vision", 2, &["Internet", "vision"]);
        check("sovereignty,” the Chinese Party’s vision", 2, &["Chinese"]);
    }

    #[test]
    fn cjk_text_is_searchable() {
        check("网络主权", 6, &["网络主权"]);
        // A lone character finds the bigrams around it (marked as those bigrams).
        check("权", 6, &[]);
        check("国", 6, &["中国的"]);
        // A CJK run is a phrase without quote marks, preferred where it occurs; misquoted (its
        // words swapped, a character changed, a comma left out) it finds the passages with most
        // of its pairs, as words would.
        check("主权网络", 6, &["网络主权"]);
        check("中国的网络主张", 6, &["中国的网络主", "主张"]);
        check("中国的，网络主权主张", 6, &["中国的网络主权主张"]);
        // Nothing is offered that repeats the query.
        assert_eq!(no_hits("中华人民共和国").suggestions, Vec::<String>::new());
    }

    #[test]
    fn long_misquotes_find_their_source() {
        check("In recent years China heavily promoted the concept of Internet soverignty the Chinese Party’s vision", 2, &[]);
        check("approach to internet governance may sound value neutral because it allows each country to set its terms", 5, &[]);
    }

    #[test]
    fn subsequence_scores_favour_runs_and_the_start() {
        let check = |term: &str, word: &str, expected: i64| assert_eq!(subsequence_score(term, word), expected, "{term} in {word}");
        check("sovereinty", "sovereignty", 16 * 10 + 16 + 4 * 8 - 3);
        check("gov", "government", 16 * 3 + 16 + 4 * 2);
        check("ov", "government", 16 * 2 + 4);
        check("gvt", "government", 16 * 3 + 16 - 3 - 3 - 5);
        check("tsk", "kst", 0);
        check("", "word", 0);
        // A run scores over the same letters apart, and the best alignment counts.
        assert!(subsequence_score("ana", "banana") > subsequence_score("ana", "baxnxa"));
        assert!(subsequence_score("ab", "ab") > subsequence_score("ab", "cab"));
    }

    #[test]
    fn empty_and_unmatched_queries() {
        assert_eq!(no_hits("").total, 0);
        assert_eq!(no_hits("   “ ” ").total, 0);
        let results = no_hits("kasakstann");
        assert!(results.suggestions.iter().any(|s| s == "kazakhstan"), "{:?}", results.suggestions);
        assert!(no_hits("xqzzy").suggestions.is_empty(), "no suggestion is better than the query itself");
    }

    #[test]
    fn highlights_are_sorted_disjoint_and_on_char_boundaries() {
        let corpus = corpus();
        let index = Index::build(&corpus);
        let searcher = Searcher::new(&corpus, &index);
        for q in ["china internet", "网络", "approach governance multilateral", "a the of"] {
            for hit in searcher.search(q, 10).hits {
                let text = &corpus.documents()[hit.doc].passages[hit.passage - 1];
                for pair in hit.highlights.windows(2) {
                    assert!(pair[0].end < pair[1].start || pair[0].end <= pair[1].start);
                }
                for r in &hit.highlights {
                    assert!(text.get(r.clone()).is_some(), "{q}: {r:?}");
                }
            }
        }
    }
}
