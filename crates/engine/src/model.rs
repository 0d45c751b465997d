//! The corpus model: documents with metadata and numbered passages.
//!
//! Guarantees, enforced by [`Corpus::new`]: a corpus has at least one document, ids are unique,
//! every document has a non-empty title and at least one passage, and no passage is empty.
//! Passages are numbered from 1 (¶1) in document order; [`Document::passage`] takes that number.

use serde::{Deserialize, Serialize};

use crate::error::{CorpusError, Problem};
use crate::parse::{parse_document, SourceFile};

/// Descriptive metadata of a document, as given in its front matter (or derived for plain text).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Meta {
    /// The title shown in lists, the reader and citations; never empty.
    pub title: String,
    /// Who wrote it, as written in the front matter.
    pub author: Option<String>,
    /// Free text as written by the author of the corpus; ISO dates (`2015-12-22`) are the norm.
    pub date: Option<String>,
    /// Where the document was published (a blog, a newspaper, a book).
    pub source: Option<String>,
    /// Address of the original; shown as a link only when it is http(s).
    pub url: Option<String>,
    /// Credit or licence line that must travel with quotes.
    pub attribution: Option<String>,
}

/// One document of the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The source file's stem; unique in the corpus and used in permalinks.
    pub id: String,
    /// Title, author, date and the rest.
    pub meta: Meta,
    /// The passages in document order; `passages[0]` is ¶1.
    pub passages: Vec<String>,
}

impl Document {
    /// The passage numbered `n` (1-based, as shown to readers), if the document has one.
    pub fn passage(&self, n: usize) -> Option<&str> {
        n.checked_sub(1).and_then(|i| self.passages.get(i)).map(String::as_str)
    }

    /// Number of words in the document, counting whitespace-separated tokens.
    pub fn word_count(&self) -> usize {
        self.passages.iter().map(|p| p.split_whitespace().count()).sum()
    }
}

/// A validated set of documents, ordered by id so that builds are reproducible.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    documents: Vec<Document>,
}

impl Corpus {
    /// Validates a set of documents made in code (tests, generators). Problems are reported
    /// against the document id; [`Corpus::from_files`] names the source files instead.
    pub fn new(origin: &str, documents: Vec<Document>) -> Result<Self, Vec<CorpusError>> {
        let labelled = documents.into_iter().map(|d| (format!("document `{}`", d.id), d)).collect();
        Self::validate(origin, labelled)
    }

    /// Parses and validates the files of one corpus folder. `origin` names the folder, for the
    /// error about an empty corpus. Returns every problem found, not only the first.
    pub fn from_files(origin: &str, files: &[SourceFile]) -> Result<Self, Vec<CorpusError>> {
        let mut errors = Vec::new();
        let mut labelled = Vec::with_capacity(files.len());
        for file in files {
            match parse_document(file) {
                Ok(doc) => labelled.push((file.name.clone(), doc)),
                Err(e) => errors.push(e),
            }
        }
        match Self::validate(origin, labelled) {
            Ok(corpus) if errors.is_empty() => Ok(corpus),
            Ok(_) => Err(errors),
            // A folder whose every file failed is not also reported as empty.
            Err(more) if !errors.is_empty() => {
                errors.extend(more.into_iter().filter(|e| e.problem != Problem::EmptyCorpus));
                Err(errors)
            }
            Err(more) => Err(more),
        }
    }

    fn validate(origin: &str, mut labelled: Vec<(String, Document)>) -> Result<Self, Vec<CorpusError>> {
        if labelled.is_empty() {
            return Err(vec![CorpusError::new(origin, None, Problem::EmptyCorpus)]);
        }
        crate::order::sort_by(&mut labelled, |a, b| a.1.id.cmp(&b.1.id).then_with(|| a.0.cmp(&b.0)));
        let errors: Vec<CorpusError> = labelled
            .windows(2)
            .filter(|pair| pair[0].1.id == pair[1].1.id)
            .map(|pair| {
                CorpusError::new(&pair[1].0, None, Problem::DuplicateId { id: pair[1].1.id.clone(), other: pair[0].0.clone() })
            })
            .collect();
        if errors.is_empty() {
            Ok(Corpus { documents: labelled.into_iter().map(|(_, d)| d).collect() })
        } else {
            Err(errors)
        }
    }

    /// The documents, ordered by id.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// The document with id `id`.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.documents[i])
    }

    /// How many passages the documents have in all.
    pub fn passage_count(&self) -> usize {
        self.documents.iter().map(|d| d.passages.len()).sum()
    }

    /// The text of ¶`passage` of document `id`, or of the byte range `span` of it. `None` when
    /// the document, the ¶ or the span (out of bounds, empty, or not on char boundaries) does
    /// not exist, as happens with a stale or hand-edited link.
    pub fn excerpt(&self, id: &str, passage: usize, span: Option<(usize, usize)>) -> Option<&str> {
        let text = self.document(id)?.passage(passage)?;
        match span {
            None => Some(text),
            Some((start, end)) if start < end => text.get(start..end),
            Some(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::doc;

    #[test]
    fn passages_are_numbered_from_one() {
        let d = doc("a", &["first", "second"]);
        assert_eq!(d.passage(0), None);
        assert_eq!(d.passage(1), Some("first"));
        assert_eq!(d.passage(2), Some("second"));
        assert_eq!(d.passage(3), None);
        assert_eq!(d.passage(usize::MAX), None);
    }

    #[test]
    fn corpus_is_sorted_and_looked_up_by_id() {
        let c = Corpus::new("dir", vec![doc("b", &["x"]), doc("a", &["y z"])]).unwrap();
        let ids: Vec<_> = c.documents().iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(c.document("b").unwrap().passages, ["x"]);
        assert!(c.document("c").is_none());
        assert_eq!(c.passage_count(), 2);
    }

    #[test]
    fn excerpts() {
        let c = Corpus::new("dir", vec![doc("a", &["héllo world", "two"])]).unwrap();
        assert_eq!(c.excerpt("a", 1, None), Some("héllo world"));
        assert_eq!(c.excerpt("a", 1, Some((7, 12))), Some("world"));
        assert_eq!(c.excerpt("a", 1, Some((1, 2))), None, "not on a char boundary");
        assert_eq!(c.excerpt("a", 1, Some((5, 5))), None);
        assert_eq!(c.excerpt("a", 1, Some((7, 99))), None);
        assert_eq!(c.excerpt("a", 3, None), None);
        assert_eq!(c.excerpt("b", 1, None), None);
    }

    #[test]
    fn empty_corpus_and_duplicate_ids_are_refused() {
        let err = Corpus::new("my-dir", vec![]).unwrap_err();
        assert_eq!(err[0].problem, Problem::EmptyCorpus);
        assert!(err[0].to_string().starts_with("my-dir: "), "{}", err[0]);
        let err = Corpus::new("d", vec![doc("a", &["x"]), doc("a", &["y"])]).unwrap_err();
        assert_eq!(err[0].problem, Problem::DuplicateId { id: "a".into(), other: "document `a`".into() });
    }
}
