//! The bundled form of a corpus: the bytes the build script writes and the app reads back.
//!
//! Guarantee: `decode(&encode(c)) == c` for every corpus. The format is postcard (compact, no
//! schema to ship); a version byte in front makes a stale or foreign blob fail loudly instead
//! of decoding into nonsense.

use crate::model::Corpus;

/// Bumped whenever the layout of the bundled data changes.
const FORMAT_VERSION: u8 = 1;

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
    match bytes.split_first() {
        Some((&FORMAT_VERSION, rest)) => postcard::from_bytes(rest).map_err(|e| DecodeError(e.to_string())),
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
        assert!(decode(&[99, 1, 2]).unwrap_err().to_string().contains("version 99"));
        assert!(decode(&bytes[..bytes.len() / 2]).is_err());
    }
}
