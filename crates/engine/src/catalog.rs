//! The list of documents as a reader browses it: filtered as they type by the words of titles,
//! authors and dates, and sorted by title, date, author or size.
//!
//! Guarantees: [`browse`] returns each matching document's index once, in a total order (ties
//! fall back to the title, then the id, so the order never depends on the input order beyond
//! the corpus's own); documents without a date or an author sort after those with one, by
//! title; an empty or blank filter keeps every document. Filtering folds case, diacritics and
//! quote marks exactly as search does ([`crate::text::tokenize`]), and each filter word matches
//! the start of a word ("ludw" finds "Ludwig"), so the list narrows as the reader types.

use std::cmp::Ordering;

use crate::model::Document;
use crate::text::tokenize;

/// How the list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Alphabetical by title, folded.
    #[default]
    Title,
    /// Oldest first; undated documents last.
    Date,
    /// Alphabetical by author as written (folded), then oldest first; documents without an
    /// author last.
    Author,
    /// Longest first, by the length of the text.
    Size,
}

impl SortKey {
    /// Every sort key, in the order the sort control lists them.
    pub const ALL: [SortKey; 4] = [SortKey::Title, SortKey::Date, SortKey::Author, SortKey::Size];

    /// The name written in addresses (`sort=date`).
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Title => "title",
            SortKey::Date => "date",
            SortKey::Author => "author",
            SortKey::Size => "size",
        }
    }

    /// The key named `name`, if any.
    pub fn parse(name: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.name() == name)
    }

    /// What the reader sees in the sort control.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Title => "Title (A–Z)",
            SortKey::Date => "Date (oldest first)",
            SortKey::Author => "Author (A–Z)",
            SortKey::Size => "Size (longest first)",
        }
    }
}

/// What the reader typed into a filter box, folded once: each word must begin some word of the
/// text it is matched against.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    words: Vec<String>,
}

impl Filter {
    /// The filter for what the reader typed.
    pub fn new(typed: &str) -> Filter {
        Filter { words: tokenize(typed).into_iter().map(|t| t.term).collect() }
    }

    /// True when nothing (or only punctuation) was typed: everything matches.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every filter word begins a word of one of `texts`.
    pub fn matches<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let terms: Vec<String> = texts.into_iter().flat_map(tokenize).map(|t| t.term).collect();
        self.words.iter().all(|w| terms.iter().any(|t| t.starts_with(w.as_str())))
    }

    /// Whether every filter word begins one of `terms` (already folded).
    fn matches_terms(&self, terms: &[String]) -> bool {
        self.words.iter().all(|w| terms.iter().any(|t| t.starts_with(w.as_str())))
    }
}

/// What the list needs of each document, folded and measured once, so that each keystroke in
/// the filter and each change of order costs a pass over these keys, not over the text.
pub struct Catalog {
    entries: Vec<Keys>,
}

impl Catalog {
    /// The sort keys of `docs`, worked out once.
    pub fn new(docs: &[Document]) -> Catalog {
        Catalog { entries: docs.iter().map(Keys::of).collect() }
    }

    /// The indexes of the documents matching `filter`, in `sort` order.
    pub fn browse(&self, filter: &str, sort: SortKey) -> Vec<usize> {
        let filter = Filter::new(filter);
        let mut shown: Vec<usize> = (0..self.entries.len()).filter(|&i| filter.matches_terms(&self.entries[i].terms)).collect();
        crate::order::sort_ids(&mut shown, |i, j| {
            let (a, b) = (&self.entries[i], &self.entries[j]);
            let by = match sort {
                SortKey::Title => Ordering::Equal,
                SortKey::Date => last_if_missing(&a.date, &b.date),
                SortKey::Author => last_if_missing(&a.author, &b.author).then_with(|| last_if_missing(&a.date, &b.date)),
                SortKey::Size => b.size.cmp(&a.size),
            };
            // Ids are unique, so the order is total.
            by.then_with(|| a.title.cmp(&b.title)).then_with(|| a.id.cmp(&b.id))
        });
        shown
    }

    /// Whether document `i` matches `filter` (see [`Filter`]).
    pub fn matches(&self, i: usize, filter: &Filter) -> bool {
        filter.matches_terms(&self.entries[i].terms)
    }
}

/// The indexes into `docs` of the documents matching `filter`, in `sort` order (a one-off
/// [`Catalog`]; keep the catalog to list the same documents again).
pub fn browse(docs: &[Document], filter: &str, sort: SortKey) -> Vec<usize> {
    Catalog::new(docs).browse(filter, sort)
}

/// The sort keys and filter terms of one document.
struct Keys {
    id: String,
    title: String,
    author: Option<String>,
    date: Option<(u32, u32, u32, String)>,
    /// Bytes of text: measured without reading it.
    size: usize,
    /// The folded words of the title, author and date (as written and as shown).
    terms: Vec<String>,
}

impl Keys {
    fn of(doc: &Document) -> Keys {
        let meta = &doc.meta;
        let fold = |text: &str| tokenize(text).into_iter().map(|t| t.term).collect::<Vec<_>>();
        let shown = meta.date.as_deref().map(format_date);
        let texts = [Some(meta.title.as_str()), meta.author.as_deref(), meta.date.as_deref(), shown.as_deref()];
        Keys {
            id: doc.id.clone(),
            title: title_key(&fold(&meta.title)),
            author: meta.author.as_deref().map(|a| fold(a).join(" ")).filter(|a| !a.is_empty()),
            date: meta.date.as_deref().and_then(date_key),
            size: doc.passages.iter().map(String::len).sum(),
            terms: texts.into_iter().flatten().flat_map(fold).collect(),
        }
    }
}

/// A title's sort key, its folded words: a word that opens with a number has it padded with
/// zeros, so that numbers sort by value as a reader counts ("2. Al-Baqarah" before "10. Yunus",
/// "Part 9" before "Part 10").
fn title_key(words: &[String]) -> String {
    let mut key = String::new();
    for word in words {
        if !key.is_empty() {
            key.push(' ');
        }
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            key.extend((digits..20).map(|_| '0'));
        }
        key.push_str(word);
    }
    key
}

/// `Some` before `None`; two `Some`s in their own order.
fn last_if_missing<T: Ord>(a: &Option<T>, b: &Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A date's sort key: year, month and day when it starts like an ISO date (`2015`, `2015-12`,
/// `2015-12-22…`), with the text as written breaking ties; `None` for dates with no leading
/// year ("Spring 1863"), which are then listed with the undated ones rather than guessed at.
fn date_key(date: &str) -> Option<(u32, u32, u32, String)> {
    let mut parts = date.trim().splitn(3, '-');
    let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let number = |p: Option<&str>| p.and_then(|p| p.get(..2)).and_then(|p| p.parse().ok()).unwrap_or(0);
    Some((year, number(parts.next()), number(parts.next()), date.to_string()))
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// `2015-12-22` → `December 22, 2015`; anything else, a day the month does not have
/// (`2020-02-30`) included, is shown as written.
pub fn format_date(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        if let (Ok(year), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>()) {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = match m {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if y.len() == 4 && (1..=12).contains(&m) && (1..=days).contains(&d) {
                return format!("{} {d}, {y}", MONTHS[m - 1]);
            }
        }
    }
    date.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    fn doc(id: &str, title: &str, author: Option<&str>, date: Option<&str>, words: usize) -> Document {
        Document {
            id: id.into(),
            meta: Meta { title: title.into(), author: author.map(Into::into), date: date.map(Into::into), ..Meta::default() },
            passages: vec!["word ".repeat(words)],
        }
    }

    /// A small corpus with the awkward cases: no author, no date, a free-text date, accents,
    /// a title opening with a quote mark, equal keys.
    fn library() -> Vec<Document> {
        vec![
            doc("a", "Zebra Crossings", Some("Jessica Ludwig"), Some("2015-12-22"), 30),
            doc("b", "“Apples” and Pears", None, Some("1863-11-19"), 10),
            doc("c", "Économie Politique", Some("Émile Zola"), None, 50),
            doc("d", "Mid Century", Some("Abraham Lincoln"), Some("1863"), 20),
            doc("e", "Bare Notes", None, None, 5),
            doc("f", "Spring Letters", Some("Abraham Lincoln"), Some("Spring 1863"), 20),
        ]
    }

    fn check(filter: &str, sort: SortKey, expected: &[&str]) {
        let docs = library();
        let got: Vec<&str> = browse(&docs, filter, sort).into_iter().map(|i| docs[i].id.as_str()).collect();
        assert_eq!(got, expected, "filter {filter:?}, sort {sort:?}");
    }

    #[test]
    fn sorts_by_each_key() {
        check("", SortKey::Title, &["b", "e", "c", "d", "f", "a"]);
        // "1863" (no month) before 1863-11-19; the free-text date is listed with the undated.
        check("", SortKey::Date, &["d", "b", "a", "e", "c", "f"]);
        // Authors as written (Émile folded to emile): Lincoln's two by date (the one with a
        // readable date first), Zola, Ludwig; no author last, by title.
        check("", SortKey::Author, &["d", "f", "c", "a", "b", "e"]);
        check("", SortKey::Size, &["c", "a", "d", "f", "b", "e"]);
    }

    #[test]
    fn filters_titles_authors_and_dates_as_typed() {
        check("ludw", SortKey::Title, &["a"]);
        check("economie", SortKey::Title, &["c"]);
        check("ZOLA", SortKey::Title, &["c"]);
        check("lincoln", SortKey::Date, &["d", "f"]);
        check("1863", SortKey::Date, &["d", "b", "f"]);
        check("november", SortKey::Title, &["b"]);
        check("apples pears", SortKey::Title, &["b"]);
        check("apples zebra", SortKey::Title, &[]);
        check("  ", SortKey::Size, &["c", "a", "d", "f", "b", "e"]);
        check("“", SortKey::Title, &["b", "e", "c", "d", "f", "a"]);
        check("nothing-like-this", SortKey::Title, &[]);
    }

    #[test]
    fn numbers_in_titles_sort_by_value() {
        let titles = ["10. Yunus", "2. Al-Baqarah", "Part 10", "1. Al-Fatihah", "Part 9", "100. Al-'Adiyat", "Part 9a"];
        let docs: Vec<Document> = titles.iter().map(|t| doc(t, t, None, None, 1)).collect();
        let got: Vec<&str> = browse(&docs, "", SortKey::Title).into_iter().map(|i| titles[i]).collect();
        assert_eq!(got, ["1. Al-Fatihah", "2. Al-Baqarah", "10. Yunus", "100. Al-'Adiyat", "Part 9", "Part 9a", "Part 10"]);
    }

    #[test]
    fn sort_names_round_trip() {
        for key in SortKey::ALL {
            assert_eq!(SortKey::parse(key.name()), Some(key));
        }
        assert_eq!(SortKey::parse("Date"), None);
        assert_eq!(SortKey::parse(""), None);
    }

    #[test]
    fn dates() {
        for (given, shown) in [
            ("2015-12-22", "December 22, 2015"),
            ("2015-01-01", "January 1, 2015"),
            ("2015", "2015"),
            ("22 Dec 2015", "22 Dec 2015"),
            ("2015-13-01", "2015-13-01"),
            ("15-12-22", "15-12-22"),
            // A day the month does not have is no date to spell out.
            ("2020-02-30", "2020-02-30"),
            ("2021-02-29", "2021-02-29"),
            ("2020-02-29", "February 29, 2020"),
            ("1900-02-29", "1900-02-29"),
            ("2000-02-29", "February 29, 2000"),
            ("2015-04-31", "2015-04-31"),
            ("2015-12-31", "December 31, 2015"),
        ] {
            assert_eq!(format_date(given), shown);
        }
        assert_eq!(date_key("2015-12-22"), Some((2015, 12, 22, "2015-12-22".into())));
        assert_eq!(date_key("1863"), Some((1863, 0, 0, "1863".into())));
        assert_eq!(date_key("Spring 1863"), None);
        assert_eq!(date_key("2015-1é"), Some((2015, 0, 0, "2015-1é".into())));
    }

    #[test]
    fn a_generated_corpus_of_250() {
        let files = crate::generate::generate_files(7, 250, 250 * 2_000);
        let sources: Vec<crate::SourceFile> =
            files.into_iter().map(|(name, text)| crate::SourceFile { name, bytes: text.into_bytes() }).collect();
        let corpus = crate::Corpus::from_files("gen", &sources).unwrap();
        for key in SortKey::ALL {
            let order = browse(corpus.documents(), "", key);
            let mut seen = order.clone();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), 250, "{key:?} lists each document once");
        }
        let dated: Vec<bool> =
            browse(corpus.documents(), "", SortKey::Date).iter().map(|&i| corpus.documents()[i].meta.date.is_some()).collect();
        assert!(dated.windows(2).all(|w| w[0] || !w[1]), "undated documents come last");
    }
}
