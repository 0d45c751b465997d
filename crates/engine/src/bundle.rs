//! The bundled form of a corpus and its index: the bytes the build script writes and the app
//! reads back. They are two blobs so the app can show the corpus before it decodes the index.
//!
//! Guarantees: `decode(&encode(c)) == c` for every corpus, and an index decodes only against
//! the corpus it was built from. The format is postcard (compact, no schema to ship); a version
//! byte in front makes a stale or foreign blob fail loudly instead of decoding into nonsense.

use crate::index::{Index, IndexWire};
use crate::model::{Corpus, Document};

/// Bumped whenever the layout of the bundled data changes.
const FORMAT_VERSION: u8 = 2;

/// Serialises a validated corpus for bundling.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let mut out = vec![FORMAT_VERSION];
    out.extend(postcard::to_allocvec(corpus).expect("a corpus is always serialisable"));
    out
}

/// Why bundled bytes could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the bundled corpus cannot be read ({}); rebuild the app with the same Lectern version", self.0)
    }
}

/// Reads back what [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> Result<Corpus, DecodeError> {
    postcard::from_bytes(payload(bytes)?).map_err(malformed)
}

/// Serialises one document (a reader's documents are stored one by one, so storing many never
/// holds the page for long).
pub fn encode_document(doc: &Document) -> Vec<u8> {
    let mut out = vec![FORMAT_VERSION];
    out.extend(postcard::to_allocvec(doc).expect("a document is always serialisable"));
    out
}

/// Reads back what [`encode_document`] wrote.
pub fn decode_document(bytes: &[u8]) -> Result<Document, DecodeError> {
    postcard::from_bytes(payload(bytes)?).map_err(malformed)
}

/// Serialises the index of a corpus for bundling.
pub fn encode_index(index: &Index) -> Vec<u8> {
    let mut out = vec![FORMAT_VERSION];
    out.extend(postcard::to_allocvec(&index.to_wire()).expect("an index is always serialisable"));
    out
}

/// Reads back what [`encode_index`] wrote, for the corpus it was built from.
pub fn decode_index(bytes: &[u8], corpus: &Corpus) -> Result<Index, DecodeError> {
    let wire: IndexWire = postcard::from_bytes(payload(bytes)?).map_err(malformed)?;
    Index::from_wire(wire, corpus).ok_or_else(|| DecodeError("the index was built from another corpus".into()))
}

/// postcard's own messages name its internals (and their text would weigh 1.5 KB in the app):
/// what the reader can act on is the same for all of them.
fn malformed(_: postcard::Error) -> DecodeError {
    DecodeError("the data is damaged or was written by another version".into())
}

fn payload(bytes: &[u8]) -> Result<&[u8], DecodeError> {
    match bytes.split_first() {
        Some((&FORMAT_VERSION, rest)) => Ok(rest),
        Some((v, _)) => Err(DecodeError(format!("format version {v}, expected {FORMAT_VERSION}"))),
        None => Err(DecodeError("no data".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Meta};

    #[test]
    fn round_trip_and_refusals() {
        let doc = Document {
            id: "a".into(),
            meta: Meta { title: "T".into(), author: Some("Ann".into()), ..Meta::default() },
            passages: vec!["“Curly” ¶ text".into(), "中文".into()],
        };
        let corpus = Corpus::new("t", vec![doc]).unwrap();
        let bytes = encode(&corpus);
        assert_eq!(decode(&bytes).unwrap(), corpus);
        assert!(decode(&[]).is_err());
        assert_eq!(decode_document(&encode_document(&corpus.documents()[0])).unwrap(), corpus.documents()[0]);
        assert!(decode(&[99, 1, 2]).unwrap_err().to_string().contains("version 99"));
        assert!(decode(&bytes[..bytes.len() / 2]).is_err());

        let index = Index::build(&corpus);
        let back = decode_index(&encode_index(&index), &corpus).unwrap();
        assert_eq!(back.terms(), index.terms());
        let other = crate::fixture::corpus(&[("b", &["x"])]);
        assert!(decode_index(&encode_index(&index), &other).unwrap_err().to_string().contains("another corpus"));
    }
}
