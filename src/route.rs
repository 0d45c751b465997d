//! The view state as written in the URL hash: parsing and formatting, with no browser calls.
//!
//! Grammar: `#/` (or nothing) lists the documents; `#/search?q=<query>` shows results;
//! `#/doc/<id>` opens a document; `#/doc/<id>/<n>` opens it at ¶n; a document link may carry
//! `?q=<query>` to highlight the query's words. Ids and queries are percent-encoded.
//! Guarantee: `parse` accepts any string without panicking and `parse(&r.to_hash()) == r` for
//! every route it produces.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

/// What the page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The corpus overview.
    List,
    /// Search results for a query (possibly empty, while the reader starts typing).
    Search { query: String },
    /// A document, optionally at one passage (1-based ¶ number), optionally with the words of a
    /// query highlighted.
    Document { id: String, passage: Option<usize>, query: Option<String> },
    /// A hash that names no view; `hash` is what was asked for, shown to the user.
    Unknown { hash: String },
}

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
        let query = params
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == "q")
            .map(|(_, value)| decode(&value.replace('+', " ")));
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match segments.as_slice() {
            [""] => Route::List,
            ["search"] => Route::Search { query: query.unwrap_or_default() },
            ["doc", id] | ["doc", id, ""] if !id.is_empty() => Route::Document { id: decode(id), passage: None, query },
            ["doc", id, n] if !id.is_empty() => match n.parse::<usize>() {
                Ok(n) => Route::Document { id: decode(id), passage: Some(n), query },
                Err(_) => unknown(),
            },
            _ => unknown(),
        }
    }

    /// The hash that shows this route, with its leading `#`.
    pub fn to_hash(&self) -> String {
        let with_query = |path: String, query: &Option<String>| match query {
            Some(q) => format!("{path}?q={}", encode(q)),
            None => path,
        };
        match self {
            Route::List => "#/".to_string(),
            Route::Search { query } => format!("#/search?q={}", encode(query)),
            Route::Document { id, passage: None, query } => with_query(format!("#/doc/{}", encode(id)), query),
            Route::Document { id, passage: Some(n), query } => with_query(format!("#/doc/{}/{n}", encode(id)), query),
            Route::Unknown { hash } => format!("#{hash}"),
        }
    }

    /// The permalink of passage `n` of document `id`.
    pub fn passage(id: &str, n: usize) -> Route {
        Route::Document { id: id.to_string(), passage: Some(n), query: None }
    }

    /// The link to document `id`.
    pub fn document(id: &str) -> Route {
        Route::Document { id: id.to_string(), passage: None, query: None }
    }

    /// The query this route carries, if any: what the search box shows.
    pub fn query(&self) -> Option<&str> {
        match self {
            Route::Search { query } => Some(query),
            Route::Document { query: Some(q), .. } => Some(q),
            _ => None,
        }
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
        Route::Document { id: id.into(), passage, query: None }
    }

    fn search(query: &str) -> Route {
        Route::Search { query: query.into() }
    }

    fn unknown(hash: &str) -> Route {
        Route::Unknown { hash: hash.into() }
    }

    #[test]
    fn parses_each_view() {
        check("", Route::List);
        check("#", Route::List);
        check("#/", Route::List);
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
        check(
            "#/doc/a/2?q=sovereinty",
            Route::Document { id: "a".into(), passage: Some(2), query: Some("sovereinty".into()) },
        );
        assert_eq!(Route::parse("#/doc/a/2?q=x").query(), Some("x"));
        assert_eq!(Route::parse("#/doc/a/2").query(), None);
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
            Route::List,
            doc("a", None),
            doc("a b/c?d#e%f", Some(7)),
            doc("中文", Some(1)),
            search(""),
            search("“x” & y + z = 100% #1 ?"),
            Route::Document { id: "a".into(), passage: Some(3), query: Some("a+b c".into()) },
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route, "{}", route.to_hash());
        }
        assert_eq!(Route::passage("x", 2).to_hash(), "#/doc/x/2");
        assert_eq!(Route::document("a b").to_hash(), "#/doc/a%20b");
        assert_eq!(search("a b").to_hash(), "#/search?q=a%20b");
    }
}
