//! The view state as written in the URL hash: parsing and formatting, with no browser calls.
//!
//! Grammar: `#/` (or nothing) lists the documents, optionally `#/?filter=<words>&sort=<key>`
//! (`title`, the default, `date`, `author` or `size`; an unknown key reads as the default);
//! `#/search?q=<query>` shows results, and `&n=<count>` how many are shown (20 when absent or
//! malformed); `#/doc/<id>` opens a document; `#/doc/<id>/<n>` opens it at ¶n; a document link
//! may carry `?q=<query>` to highlight the query's words and lead back to its results (with
//! `&n=<count>` when more than 20 were shown); `#/quotes` is the overview of the quotes found
//! per document and `#/quotes/<id>` one document's quotes, both optionally `?filter=<words>`;
//! `#/compare?i=<item>&i=<item>…` compares quotes side by side (an item is
//! `q:<id>~<n>~<v>~<prefix>~<exact>~<suffix>[~<end>~<h>]`, a quote link's selector (see
//! `Route::Quote`) in one value, each field escaped for `~` and `%` only and trailing empty
//! fields left out, which is what the app makes; or, from older links, `p:<id>/<n>` for ¶n,
//! `p:<id>/<n>/<start>-<end>` for a byte span of it, or `t:<text>`); `#/check?q=<text>` checks a
//! quote; `#/similar/<id>/<n>` lists passages worded like ¶n; `#/about` describes this copy.
//! Reading tools: `#/kwic?q=<word or phrase>` is the concordance, optionally `&sort=<key>`
//! (`doc`, the default, `left`, `left2`, `right`), `&doc=<id>` (one document only) and
//! `&n=<rows shown>` (50 when absent or malformed); `#/trends?q=<term>,<term>…` charts up to five
//! terms per document, or with `&doc=<id>` within one document per tenth (`&by=para`: per ¶);
//! `#/words` lists the corpus's frequent words and phrases, `#/words?doc=<id>` one document's
//! with its keywords, `&all=1` keeping function words. A count over 10,000 asks for 10,000. Ids,
//! queries and items are percent-encoded.
//! Guarantee: `parse` accepts any string without panicking and `parse(&r.to_hash()) == r` for
//! every route it produces.

use lectern_engine::catalog::SortKey;
use lectern_engine::anchor::Selector;
use lectern_engine::concordance::Sort;
use lectern_engine::trends::Split;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

/// What the page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The corpus overview, narrowed by `filter` (words of titles, authors, dates) and sorted.
    List { filter: String, sort: SortKey },
    /// Search results for a query (possibly empty, while the reader starts typing), the best
    /// `shown` of them listed.
    Search { query: String, shown: usize },
    /// A document, optionally at one passage (1-based ¶ number), optionally with the words of a
    /// query highlighted; `shown` is how many results the search it came from listed.
    Document { id: String, passage: Option<usize>, query: Option<String>, shown: usize },
    /// The quotes found in the corpus: the overview of documents with their counts, or (with
    /// `doc`) one document's quotes; `filter` narrows either.
    Quotes { doc: Option<String>, filter: String },
    /// About this copy: build date, corpus size and checksum, offline download.
    About,
    /// Quotes side by side, in order.
    Compare { items: Vec<Item>, strict: bool },
    /// Check a quote printed elsewhere.
    Check { text: String },
    /// Passages worded like ¶`passage` of `id`.
    Similar { id: String, passage: usize },
    /// A quote link: the quote found again in this version of the corpus, with a verdict.
    /// `#/quote?doc=<id>&exact=<text>&prefix=<…>&suffix=<…>&p=<n>&v=<hex12>` (a long quote adds
    /// `end=<…>&h=<hash>`, see `lectern_engine::anchor`); only `exact` is required.
    Quote(Selector),
    /// The concordance of a word or phrase, in `sort` order, optionally in one document, the
    /// first `shown` rows listed.
    Kwic { query: String, sort: Sort, doc: Option<String>, shown: usize },
    /// Where terms occur (`terms` as typed, comma-separated): per document, or within `doc`.
    Trends { terms: String, doc: Option<String>, split: Split },
    /// Frequent words and phrases of the corpus or of `doc` (with its keywords); `all` keeps
    /// function words.
    Words { doc: Option<String>, all: bool },
    /// A hash that names no view; `hash` is what was asked for, shown to the user.
    Unknown { hash: String },
}

/// One quote in a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    /// A quote as a quote link carries it, found again in whatever version of the corpus opens
    /// the comparison (what the app makes).
    Quote(Selector),
    /// ¶`passage` of document `id`, or the byte range `span` of it (older links).
    Passage { id: String, passage: usize, span: Option<(usize, usize)> },
    /// Text from outside the corpus, such as a pasted quote.
    Text(String),
}

/// The fields of a `q:` item, in order; only `exact` is required.
const QUOTE_FIELDS: usize = 8;
/// Writes a `q:` item's field to `out` with its separator and the escape character escaped, and
/// nothing else: the whole item is escaped again as a parameter, so ordinary text is escaped
/// once, not twice (`utf8_percent_encode` would also escape every non-ASCII byte).
fn escape_field(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '~' => out.push_str("%7E"),
            c => out.push(c),
        }
    }
}

impl Item {
    fn parse(value: &str) -> Option<Item> {
        if let Some(text) = value.strip_prefix("t:") {
            return Some(Item::Text(text.to_string()));
        }
        if let Some(fields) = value.strip_prefix("q:") {
            let fields: Vec<String> = fields.split('~').map(decode).collect();
            if fields.len() > QUOTE_FIELDS {
                return None;
            }
            let field = |i: usize| fields.get(i).filter(|f| !f.is_empty()).cloned();
            return Some(Item::Quote(Selector {
                doc: field(0),
                p: field(1).and_then(|p| p.parse().ok()),
                v: field(2),
                prefix: field(3).unwrap_or_default(),
                exact: field(4)?,
                suffix: field(5).unwrap_or_default(),
                end: field(6),
                hash: field(7),
            }));
        }
        let rest = value.strip_prefix("p:")?;
        let parts: Vec<&str> = rest.rsplitn(3, '/').collect();
        let (id, passage, span) = match parts.as_slice() {
            [n, id] => (id, n.parse().ok()?, None),
            [range, n, id] => {
                let (s, e) = range.split_once('-')?;
                (id, n.parse().ok()?, Some((s.parse().ok()?, e.parse().ok()?)))
            }
            _ => return None,
        };
        (!id.is_empty()).then(|| Item::Passage { id: decode(id), passage, span })
    }

    fn format(&self) -> String {
        match self {
            Item::Quote(s) => {
                let p = s.p.map(|p| p.to_string());
                let fields = [s.doc.as_deref(), p.as_deref(), s.v.as_deref(), Some(&s.prefix), Some(&s.exact), Some(&s.suffix), s.end.as_deref(), s.hash.as_deref()];
                let mut out = String::from("q:");
                for field in fields {
                    escape_field(&mut out, field.unwrap_or(""));
                    out.push('~');
                }
                // An escaped field holds no `~`: the trailing ones separate only empty fields.
                out.trim_end_matches('~').to_string()
            }
            Item::Text(text) => format!("t:{text}"),
            // The id is escaped on its own so a `/` in it cannot be read as a separator.
            Item::Passage { id, passage, span: None } => format!("p:{}/{passage}", encode(id)),
            Item::Passage { id, passage, span: Some((s, e)) } => format!("p:{}/{passage}/{s}-{e}", encode(id)),
        }
    }
}

/// How many concordance rows are listed before the reader asks for more.
pub const KWIC_SHOWN: usize = 50;
/// How many search results are listed before the reader asks for more.
pub const RESULTS_SHOWN: usize = 20;
/// The most results a URL may ask to list; a larger count asks for this many (a link that says
/// "all of them" with a huge number gets as many as can be listed, not the first page).
const MAX_SHOWN: usize = 10_000;

/// Characters escaped in an id or a query inside the hash: controls, space, the separators of
/// the grammar and those with a meaning in URLs.
const ESCAPES: &AsciiSet =
    &CONTROLS.add(b' ').add(b'/').add(b'?').add(b'#').add(b'%').add(b'"').add(b'<').add(b'>').add(b'`').add(b'&').add(b'+').add(b'=');

impl Route {
    /// Parses `location.hash` (with or without its leading `#`).
    pub fn parse(hash: &str) -> Route {
        let full = hash.strip_prefix('#').unwrap_or(hash);
        let unknown = || Route::Unknown { hash: decode(full) };
        let (path, params) = full.split_once('?').unwrap_or((full, ""));
        let params: Vec<(&str, String)> =
            params.split('&').filter_map(|pair| pair.split_once('=')).map(|(key, value)| (key, decode(&value.replace('+', " ")))).collect();
        // The first value of a parameter, and the same when it is not empty.
        let first = |name: &str| params.iter().find(|(key, _)| *key == name).map(|(_, value)| value.as_str());
        let given = |name: &str| first(name).filter(|v| !v.is_empty()).map(str::to_string);
        let count = |default: usize| first("n").and_then(|n| n.parse::<usize>().ok()).filter(|&n| n > 0).map_or(default, |n| n.min(MAX_SHOWN));
        let query = first("q").map(str::to_string);
        let filter = first("filter").unwrap_or_default().to_string();
        let shown = count(RESULTS_SHOWN);
        let doc = given("doc");
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match segments.as_slice() {
            [""] => Route::List { filter, sort: first("sort").and_then(SortKey::parse).unwrap_or_default() },
            ["search"] => Route::Search { query: query.unwrap_or_default(), shown },
            ["quotes"] | ["quotes", ""] => Route::Quotes { doc: None, filter },
            ["quotes", id] => Route::Quotes { doc: Some(decode(id)), filter },
            ["about"] => Route::About,
            ["kwic"] => Route::Kwic {
                query: query.unwrap_or_default(),
                sort: first("sort").and_then(Sort::parse).unwrap_or_default(),
                doc,
                shown: count(KWIC_SHOWN),
            },
            // The split applies within one document only.
            ["trends"] => Route::Trends {
                terms: query.unwrap_or_default(),
                split: first("by").filter(|_| doc.is_some()).and_then(Split::parse).unwrap_or_default(),
                doc,
            },
            ["words"] => Route::Words { doc, all: first("all") == Some("1") },
            ["check"] => Route::Check { text: query.unwrap_or_default() },
            ["quote"] => Route::Quote(Selector {
                exact: given("exact").unwrap_or_default(),
                prefix: given("prefix").unwrap_or_default(),
                suffix: given("suffix").unwrap_or_default(),
                end: given("end"),
                hash: given("h"),
                doc: given("doc"),
                p: given("p").and_then(|p| p.parse().ok()),
                v: given("v"),
            }),
            ["compare"] => Route::Compare {
                items: params.iter().filter(|(key, _)| *key == "i").filter_map(|(_, v)| Item::parse(v)).collect(),
                strict: first("strict") == Some("1"),
            },
            ["similar", id, n] if !id.is_empty() => match n.parse::<usize>() {
                Ok(passage) => Route::Similar { id: decode(id), passage },
                Err(_) => unknown(),
            },
            ["doc", id] | ["doc", id, ""] if !id.is_empty() => Route::Document { id: decode(id), passage: None, query, shown },
            ["doc", id, n] if !id.is_empty() => match n.parse::<usize>() {
                Ok(n) => Route::Document { id: decode(id), passage: Some(n), query, shown },
                Err(_) => unknown(),
            },
            _ => unknown(),
        }
    }

    /// The hash that shows this route, with its leading `#`.
    pub fn to_hash(&self) -> String {
        let name_or_empty = |name: &'static str, default: bool| if default { "" } else { name };
        fn or_empty(value: &Option<String>) -> &str {
            value.as_deref().unwrap_or("")
        }
        match self {
            Route::List { filter, sort } => {
                Hash::at("#/").param("filter", filter).param("sort", name_or_empty(sort.name(), *sort == SortKey::default()))
            }
            Route::Search { query, shown } => Hash::at("#/search").always("q", query).count(*shown, RESULTS_SHOWN),
            Route::Document { id, passage, query, shown } => {
                let mut hash = Hash::at("#/doc").segment(id);
                if let Some(n) = passage {
                    hash = hash.segment(&n.to_string());
                }
                if let Some(q) = query {
                    hash = hash.always("q", q);
                }
                hash.count(*shown, RESULTS_SHOWN)
            }
            Route::Quotes { doc, filter } => {
                let hash = Hash::at("#/quotes");
                match doc {
                    Some(id) => hash.segment(id),
                    None => hash,
                }
                .param("filter", filter)
            }
            Route::About => Hash::at("#/about"),
            Route::Kwic { query, sort, doc, shown } => Hash::at("#/kwic")
                .param("q", query)
                .param("sort", name_or_empty(sort.name(), *sort == Sort::default()))
                .param("doc", or_empty(doc))
                .count(*shown, KWIC_SHOWN),
            Route::Trends { terms, doc, split } => Hash::at("#/trends")
                .param("q", terms)
                .param("doc", or_empty(doc))
                .param("by", name_or_empty(split.name(), *split == Split::default())),
            Route::Words { doc, all } => Hash::at("#/words").param("doc", or_empty(doc)).param("all", if *all { "1" } else { "" }),
            Route::Check { text } => Hash::at("#/check").always("q", text),
            Route::Compare { items, strict } => items
                .iter()
                .fold(Hash::at("#/compare"), |hash, item| hash.always("i", &item.format()))
                .param("strict", if *strict { "1" } else { "" })
                .query(),
            Route::Similar { id, passage } => Hash::at("#/similar").segment(id).segment(&passage.to_string()),
            Route::Quote(s) => Hash::at("#/quote")
                .param("doc", or_empty(&s.doc))
                .param("exact", &s.exact)
                .param("end", or_empty(&s.end))
                .param("prefix", &s.prefix)
                .param("suffix", &s.suffix)
                .param("h", or_empty(&s.hash))
                .param("p", &s.p.map(|p| p.to_string()).unwrap_or_default())
                .param("v", or_empty(&s.v))
                .query(),
            Route::Unknown { hash } => return format!("#{hash}"),
        }
        .0
    }

    /// The concordance of `query` in document order, all documents.
    pub fn kwic(query: impl Into<String>) -> Route {
        Route::Kwic { query: query.into(), sort: Sort::default(), doc: None, shown: KWIC_SHOWN }
    }

    /// The trends chart of `terms` (comma-separated) across the corpus.
    pub fn trends(terms: impl Into<String>) -> Route {
        Route::Trends { terms: terms.into(), doc: None, split: Split::default() }
    }

    /// The list of every document in the default order.
    pub fn home() -> Route {
        Route::List { filter: String::new(), sort: SortKey::default() }
    }

    /// The overview of the quotes found, unfiltered.
    pub fn quotes() -> Route {
        Route::Quotes { doc: None, filter: String::new() }
    }

    /// The permalink of passage `n` of document `id`.
    pub fn passage(id: &str, n: usize) -> Route {
        Route::Document { id: id.to_string(), passage: Some(n), query: None, shown: RESULTS_SHOWN }
    }

    /// The link to document `id`.
    pub fn document(id: &str) -> Route {
        Route::Document { id: id.to_string(), passage: None, query: None, shown: RESULTS_SHOWN }
    }

    /// The results for `query`, as many as are listed at first.
    pub fn search(query: impl Into<String>) -> Route {
        Route::Search { query: query.into(), shown: RESULTS_SHOWN }
    }

    /// Where "Back to results" leads from this route: the search a document was opened from.
    pub fn back_to_results(&self) -> Option<Route> {
        match self {
            Route::Document { query: Some(q), shown, .. } => Some(Route::Search { query: q.clone(), shown: *shown }),
            _ => None,
        }
    }

    /// The query this route carries, if any: what the search box shows.
    pub fn query(&self) -> Option<&str> {
        match self {
            Route::Search { query, .. } => Some(query),
            Route::Document { query: Some(q), .. } => Some(q),
            _ => None,
        }
    }
}

/// A hash being written: its path, escaped segments, then its parameters, each after `?` or
/// `&`. One small writer instead of a `format!` per route keeps the main wasm smaller.
struct Hash(String, bool);

impl Hash {
    fn at(path: &str) -> Hash {
        Hash(path.to_string(), false)
    }

    /// `/` and `segment`, escaped.
    fn segment(mut self, segment: &str) -> Hash {
        self.0.push('/');
        self.0.push_str(&encode(segment));
        self
    }

    /// `key=value`, escaped, even when `value` is empty.
    fn always(mut self, key: &str, value: &str) -> Hash {
        self.0.push(if self.1 { '&' } else { '?' });
        self.1 = true;
        self.0.push_str(key);
        self.0.push('=');
        self.0.push_str(&encode(value));
        self
    }

    /// `key=value`, escaped, or nothing when `value` is empty (the default).
    fn param(self, key: &str, value: &str) -> Hash {
        if value.is_empty() { self } else { self.always(key, value) }
    }

    /// `n=<shown>`, or nothing when it is the default, so plain links stay short.
    fn count(self, shown: usize, default: usize) -> Hash {
        if shown == default { self } else { self.always("n", &shown.to_string()) }
    }

    /// The `?` even when no parameter follows.
    fn query(mut self) -> Hash {
        if !self.1 {
            self.0.push('?');
        }
        self
    }
}

fn decode(segment: &str) -> String {
    percent_decode_str(segment).decode_utf8_lossy().into_owned()
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, ESCAPES).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(hash: &str, expected: Route) {
        assert_eq!(Route::parse(hash), expected, "parsing {hash:?}");
    }

    fn doc(id: &str, passage: Option<usize>) -> Route {
        Route::Document { id: id.into(), passage, query: None, shown: RESULTS_SHOWN }
    }

    fn search(query: &str) -> Route {
        Route::search(query)
    }

    fn shown(query: &str, shown: usize) -> Route {
        Route::Search { query: query.into(), shown }
    }

    fn from_search(id: &str, passage: usize, query: &str, shown: usize) -> Route {
        Route::Document { id: id.into(), passage: Some(passage), query: Some(query.into()), shown }
    }

    fn unknown(hash: &str) -> Route {
        Route::Unknown { hash: hash.into() }
    }

    #[test]
    fn parses_each_view() {
        check("", Route::home());
        check("#", Route::home());
        check("#/", Route::home());
        check("#/doc/framing-the-agenda", doc("framing-the-agenda", None));
        check("#/doc/framing-the-agenda/", doc("framing-the-agenda", None));
        check("#/doc/a/3", doc("a", Some(3)));
        check("/doc/a/3", doc("a", Some(3)));
        check("#/doc/my%20notes%2Fv2/1", doc("my notes/v2", Some(1)));
        check("#/doc/%E4%B8%AD%E6%96%87", doc("中文", None));
    }

    #[test]
    fn queries_in_the_hash() {
        check("#/search?q=internet%20sovereignty", search("internet sovereignty"));
        check("#/search?q=a+b&x=1", search("a b"));
        check("#/search", search(""));
        check("#/search?q=%E2%80%9Cmultilateral%E2%80%9D", search("“multilateral”"));
        check("#/search?q=%ZZ", search("%ZZ"));
        check("#/doc/a/2?q=sovereinty", from_search("a", 2, "sovereinty", RESULTS_SHOWN));
        assert_eq!(Route::parse("#/doc/a/2?q=x").query(), Some("x"));
        assert_eq!(Route::parse("#/doc/a/2").query(), None);
    }

    #[test]
    fn how_many_results_are_shown() {
        check("#/search?q=lincoln&n=40", shown("lincoln", 40));
        check("#/search?n=60&q=lincoln", shown("lincoln", 60));
        check("#/doc/a/2?q=lincoln&n=40", from_search("a", 2, "lincoln", 40));
        for malformed in ["", "0", "-20", "x", "20x", "4.5", "99999999999999999999999", "%ZZ"] {
            check(&format!("#/search?q=lincoln&n={malformed}"), shown("lincoln", RESULTS_SHOWN));
        }
        check("#/search?q=lincoln&n=10001", shown("lincoln", MAX_SHOWN));
        assert_eq!(shown("lincoln", 40).to_hash(), "#/search?q=lincoln&n=40");
        assert_eq!(shown("lincoln", RESULTS_SHOWN).to_hash(), "#/search?q=lincoln");
        assert_eq!(from_search("a", 2, "x y", 60).to_hash(), "#/doc/a/2?q=x%20y&n=60");
        assert_eq!(from_search("a", 2, "x", 60).back_to_results(), Some(shown("x", 60)));
        assert_eq!(doc("a", Some(2)).back_to_results(), None);
    }

    #[test]
    fn compare_check_quotes_and_similar() {
        let span = Item::Passage { id: "a b".into(), passage: 2, span: Some((5, 40)) };
        let whole = Item::Passage { id: "x/y".into(), passage: 1, span: None };
        let text = Item::Text("“A & B” = 100% #1".into());
        let compare = Route::Compare { items: vec![span.clone(), whole, text], strict: false };
        assert_eq!(Route::parse(&compare.to_hash()), compare, "{}", compare.to_hash());
        check("#/compare?i=p%3Aa%2F2%2F5-9&i=t%3Ahello", Route::Compare { items: vec![
            Item::Passage { id: "a".into(), passage: 2, span: Some((5, 9)) },
            Item::Text("hello".into()),
        ], strict: false });
        check("#/compare?i=junk&i=p%3A%2F1&i=p%3Aa%2Fx&i=q%3Aa~1~~~&i=q%3A~~~~x~~~~y", Route::Compare { items: vec![], strict: false });
        check("#/compare", Route::Compare { items: vec![], strict: false });
        // Strict matching is part of the comparison its link reproduces.
        let strict = Route::Compare { items: vec![span.clone()], strict: true };
        assert_eq!(strict.to_hash(), "#/compare?i=p:a%2520b%2F2%2F5-40&strict=1");
        check(&strict.to_hash(), strict);
        check("#/compare?strict=1", Route::Compare { items: vec![], strict: true });
        check("#/compare?i=t%3Ahello&strict=0", Route::Compare { items: vec![Item::Text("hello".into())], strict: false });
        check("#/quotes", Route::quotes());
        check("#/about", Route::About);
        check("#/check?q=we%20need", Route::Check { text: "we need".into() });
        check("#/similar/a/3", Route::Similar { id: "a".into(), passage: 3 });
        check("#/similar/a/x", unknown("/similar/a/x"));
        for r in [Route::quotes(), Route::Check { text: "x & y".into() }, Route::Similar { id: "a b".into(), passage: 9 }] {
            assert_eq!(Route::parse(&r.to_hash()), r);
        }
    }

    #[test]
    fn reading_tools() {
        check("#/kwic?q=the", Route::kwic("the"));
        check("#/kwic?q=of+the&sort=left2&doc=a%20b&n=150", Route::Kwic { query: "of the".into(), sort: Sort::Left2, doc: Some("a b".into()), shown: 150 });
        check("#/kwic?q=x&sort=bogus&doc=&n=0", Route::kwic("x"));
        check("#/kwic?q=x&n=100000", Route::Kwic { query: "x".into(), sort: Sort::default(), doc: None, shown: 10_000 });
        check("#/kwic", Route::kwic(""));
        check("#/trends?q=war,peace", Route::trends("war,peace"));
        check("#/trends?q=war&doc=a&by=para", Route::Trends { terms: "war".into(), doc: Some("a".into()), split: Split::Paragraphs });
        check("#/trends?q=war&by=nonsense", Route::trends("war"));
        check("#/trends?q=war&by=para", Route::trends("war"));
        check("#/words", Route::Words { doc: None, all: false });
        check("#/words?doc=a&all=1", Route::Words { doc: Some("a".into()), all: true });
        check("#/words?all=yes", Route::Words { doc: None, all: false });
        assert_eq!(Route::kwic("of the").to_hash(), "#/kwic?q=of%20the");
        assert_eq!(Route::trends("war, peace").to_hash(), "#/trends?q=war,%20peace");
        assert_eq!(Route::Words { doc: None, all: false }.to_hash(), "#/words");
        for r in [
            Route::Kwic { query: "“a & b” #1".into(), sort: Sort::Right, doc: Some("x/y?".into()), shown: 100 },
            Route::Trends { terms: "a,b , c".into(), doc: Some("中文".into()), split: Split::Paragraphs },
            Route::Trends { terms: "a".into(), doc: Some("d".into()), split: Split::Tenths },
            Route::Words { doc: Some("a b".into()), all: true },
        ] {
            assert_eq!(Route::parse(&r.to_hash()), r, "{}", r.to_hash());
        }
    }

    /// 10,000 random and mutated hashes (garbage, huge numbers, broken percent-encoding, 100 KB
    /// long ones) parse without panicking, and every route they give formats back to itself.
    #[test]
    fn ten_thousand_random_hashes() {
        let mut rng = lectern_engine::generate::Rng::new(0x9e37_79b9_7f4a_7c15);
        let mut next = move || rng.next_u64();
        const PARTS: &[&str] = &[
            "#/", "doc/", "a", "b/", "search?q=", "compare?i=", "check?q=", "similar/", "quotes", "about", "/", "?", "&", "=", "%",
            "%E4", "%ZZ", "%00", "%", "99999999999999999999999", "-1", "0", "3", "p%3Aa%2F1", "t%3A", "p:a/1/5-2", "p:a/1/x-y",
            "<script>", "javascript:", "☃", "\u{202e}", "#", "+", " ", "..", "%2F", "\0", "i=", "q=", "filter=", "sort=", "date",
            "size", "quotes/", "n=", "n=40", "&n=0", "q:", "q%3A", "~", "%7E", "%257E",
            "kwic?q=", "trends?q=", "words", "doc=", "sort=left", "by=para", "all=1", ",",
        ];
        for i in 0..10_000 {
            let mut hash = String::new();
            for _ in 0..(next() % 12 + 1) {
                hash.push_str(PARTS[(next() % PARTS.len() as u64) as usize]);
            }
            if i % 1000 == 0 {
                hash.push_str(&"x".repeat(100_000));
            }
            if next() % 3 == 0 {
                // Raw garbage bytes, lossily made into text.
                let bytes: Vec<u8> = (0..next() % 40).map(|_| next() as u8).collect();
                hash.push_str(&String::from_utf8_lossy(&bytes));
            }
            let route = Route::parse(&hash);
            if !matches!(route, Route::Unknown { .. }) {
                assert_eq!(Route::parse(&route.to_hash()), route, "round trip of {route:?} from {hash:?}");
            }
        }
    }

    fn list(filter: &str, sort: SortKey) -> Route {
        Route::List { filter: filter.into(), sort }
    }

    fn quotes(doc: Option<&str>, filter: &str) -> Route {
        Route::Quotes { doc: doc.map(Into::into), filter: filter.into() }
    }

    #[test]
    fn list_filter_and_sort() {
        check("#/?filter=lincoln&sort=date", list("lincoln", SortKey::Date));
        check("#/?sort=size", list("", SortKey::Size));
        check("#/?filter=%C3%89mile+zola", list("Émile zola", SortKey::Title));
        // Malformed values fall back to the defaults instead of failing the view.
        check("#/?sort=bogus&filter=x", list("x", SortKey::Title));
        check("#/?sort=&filter", list("", SortKey::Title));
        check("#/?sort=Date", list("", SortKey::Title));
        check("#/?filter=%ZZ", list("%ZZ", SortKey::Title));
        assert_eq!(list("", SortKey::Title).to_hash(), "#/");
        assert_eq!(list("", SortKey::Date).to_hash(), "#/?sort=date");
        assert_eq!(list("a b&c", SortKey::Author).to_hash(), "#/?filter=a%20b%26c&sort=author");
        for sort in SortKey::ALL {
            for filter in ["", "x", "“A & B” = 100% #1 ?/", "中文", " "] {
                let r = list(filter, sort);
                assert_eq!(Route::parse(&r.to_hash()), r, "{}", r.to_hash());
            }
        }
    }

    #[test]
    fn quotes_overview_and_per_document() {
        check("#/quotes/", quotes(None, ""));
        check("#/quotes?filter=lin", quotes(None, "lin"));
        check("#/quotes/gen-0001", quotes(Some("gen-0001"), ""));
        check("#/quotes/a%20b%2Fc?filter=we%20need", quotes(Some("a b/c"), "we need"));
        check("#/quotes/a/b", unknown("/quotes/a/b"));
        assert_eq!(quotes(Some("a b"), "").to_hash(), "#/quotes/a%20b");
        assert_eq!(quotes(None, "x").to_hash(), "#/quotes?filter=x");
        for r in [quotes(None, ""), quotes(None, "a&b"), quotes(Some("x/y?z"), ""), quotes(Some("中文"), "“q” #")] {
            assert_eq!(Route::parse(&r.to_hash()), r, "{}", r.to_hash());
        }
    }

    /// A selector with every field set, holding the separators and escapes of both forms
    /// (quote link and comparison item) and text in several scripts.
    fn every_field() -> Selector {
        Selector {
            exact: "“A & B” ~ 100% #1 ?/ 中文".into(),
            prefix: "~before + after/".into(),
            suffix: " ¶ next %7E".into(),
            end: Some("the end~".into()),
            hash: Some("0123456789abcdef".into()),
            doc: Some("a b/c~d".into()),
            p: Some(4),
            v: Some("abcdef012345".into()),
        }
    }

    #[test]
    fn quote_links() {
        let bare = Selector { exact: "we need".into(), ..Selector::default() };
        for s in [every_field(), bare.clone()] {
            let r = Route::Quote(s);
            assert_eq!(Route::parse(&r.to_hash()), r, "{}", r.to_hash());
        }
        assert_eq!(Route::Quote(bare.clone()).to_hash(), "#/quote?exact=we%20need");
        check("#/quote?exact=we+need&p=x&v=&doc=", Route::Quote(bare.clone()));
        check("#/quote?exact=we%20need&p=99999999999999999999999", Route::Quote(bare));
        check("#/quote", Route::Quote(Selector::default()));
        check("#/quote?exact=%ZZ", Route::Quote(Selector { exact: "%ZZ".into(), ..Selector::default() }));
    }

    fn quote(doc: Option<&str>, p: Option<usize>, v: Option<&str>, [prefix, exact, suffix]: [&str; 3]) -> Item {
        let (doc, v) = (doc.map(Into::into), v.map(Into::into));
        Item::Quote(Selector { doc, p, v, prefix: prefix.into(), exact: exact.into(), suffix: suffix.into(), ..Selector::default() })
    }

    #[test]
    fn comparison_items_as_quote_selectors() {
        // What the app makes: short, the text escaped once.
        let made = quote(Some("a"), Some(2), Some("abcdef012345"), ["we ", "need to", ", and"]);
        let hash = Route::Compare { items: vec![made.clone()], strict: false }.to_hash();
        assert_eq!(hash, "#/compare?i=q:a~2~abcdef012345~we%20~need%20to~,%20and");
        check(&hash, Route::Compare { items: vec![made], strict: false });
        // Trailing empty fields are left out; inner ones stay, so fields keep their places.
        let bare = quote(None, None, None, ["", "Internet sovereignty", ""]);
        assert_eq!(Route::Compare { items: vec![bare.clone()], strict: false }.to_hash(), "#/compare?i=q:~~~~Internet%20sovereignty");
        check("#/compare?i=q:~~~~Internet+sovereignty~~~", Route::Compare { items: vec![bare], strict: false });
        // A malformed ¶ reads as none, as in a quote link.
        check("#/compare?i=q%3Aa~x~~~b", Route::Compare { items: vec![quote(Some("a"), None, None, ["", "b", ""])], strict: false });
        // Every field survives separators, escapes and text in any script; a long quote keeps
        // its end and hash.
        let full = Item::Quote(every_field());
        let old = [
            Item::Passage { id: "a".into(), passage: 2, span: Some((5, 9)) },
            Item::Passage { id: "a".into(), passage: 3, span: None },
            Item::Text("t:~ q:x".into()),
        ];
        let mixed = Route::Compare { items: [vec![full], old.to_vec()].concat(), strict: false };
        assert_eq!(Route::parse(&mixed.to_hash()), mixed, "{}", mixed.to_hash());
        // Links made before quote selectors, as a tray saved them, read as they always did.
        check("#/compare?i=p%3Aa%2F2%2F5-9&i=p%3Aa%2F3&i=t%3At%3A~%20q%3Ax", Route::Compare { items: old.to_vec(), strict: false });
        check("#/compare?i=p:a%2F2%2F5-9&i=p:a%2F3", Route::Compare { items: old[..2].to_vec(), strict: false });
    }

    #[test]
    fn anything_else_is_unknown() {
        check("#/doc", unknown("/doc"));
        check("#/doc//3", unknown("/doc//3"));
        check("#/doc/a/x", unknown("/doc/a/x"));
        check("#/doc/a/-1", unknown("/doc/a/-1"));
        check("#/doc/a/99999999999999999999999", unknown("/doc/a/99999999999999999999999"));
        check("#/doc/a/1/2", unknown("/doc/a/1/2"));
        check("#/nowhere", unknown("/nowhere"));
        check("#/doc/%ZZ%E4", doc("%ZZ\u{FFFD}", None));
    }

    #[test]
    fn formatting_round_trips() {
        for route in [
            Route::home(),
            doc("a", None),
            doc("a b/c?d#e%f", Some(7)),
            doc("中文", Some(1)),
            search(""),
            search("“x” & y + z = 100% #1 ?"),
            shown("&n=40", 40),
            shown("a", 1),
            Route::Document { id: "a".into(), passage: Some(3), query: Some("a+b c".into()), shown: RESULTS_SHOWN },
            from_search("a", 3, "n=3&", 80),
            Route::Document { id: "a".into(), passage: None, query: None, shown: 40 },
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route, "{}", route.to_hash());
        }
        assert_eq!(Route::passage("x", 2).to_hash(), "#/doc/x/2");
        assert_eq!(Route::document("a b").to_hash(), "#/doc/a%20b");
        assert_eq!(search("a b").to_hash(), "#/search?q=a%20b");
    }
}
