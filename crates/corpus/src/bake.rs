//! Bakes a corpus folder into the data files the app loads at start: the validated corpus and
//! its index, each compressed with gzip under a content-hashed name, and `lectern-data.json`,
//! the manifest that the package step reads to link them into `index.html` (or to inline them
//! in the single file).
//!
//! Guarantees: nothing is written unless the whole corpus is valid (the errors are the build's
//! own, naming file, line and fix); the names change exactly when the bytes change, so a
//! browser may cache them forever; data files of earlier bakes in the folder are removed, and
//! everything else in it (the app) is left alone. The checksum is the SHA-256 of the encoded
//! corpus before compression, so the same corpus always has the same checksum.

use std::fs;
use std::io::Write;
use std::path::Path;

use lectern_engine::{bundle, CorpusError, Index};
use sha2::{Digest, Sha256};

/// The manifest's file name, in the folder the data files are written to.
pub const MANIFEST: &str = "lectern-data.json";

/// What a bake wrote, as recorded in the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baked {
    /// The corpus file's name, `corpus-<16 hex>.bin`.
    pub corpus_file: String,
    /// The index file's name, `index-<16 hex>.bin`.
    pub index_file: String,
    /// SHA-256 of the encoded corpus, 64 hex digits (shown on "About this copy", cited as `v`).
    pub sha256: String,
    /// The build date, `YYYY-MM-DD`.
    pub built: String,
    /// How many documents the corpus has.
    pub documents: usize,
    /// How many passages.
    pub passages: usize,
}

/// Why a bake failed.
#[derive(Debug)]
pub enum BakeError {
    /// The corpus has problems; each names its file (and line, and fix).
    Corpus(Vec<CorpusError>),
    /// A file could not be written.
    Write(String),
}

impl std::fmt::Display for BakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BakeError::Corpus(errors) => f.write_str(&crate::report(errors)),
            BakeError::Write(message) => f.write_str(message),
        }
    }
}

/// Validates and indexes the corpus in `dir` and writes its data files and manifest to `out`,
/// dated `built` (`YYYY-MM-DD`).
pub fn bake(dir: &Path, out: &Path, built: &str) -> Result<Baked, BakeError> {
    let corpus = crate::load_dir(dir).map_err(BakeError::Corpus)?;
    let index = Index::build(&corpus);
    let corpus_bytes = bundle::encode(&corpus);
    let sha256 = hex(&Sha256::digest(&corpus_bytes));
    let write_error = |path: &Path, e: std::io::Error| BakeError::Write(format!("cannot write {}: {e}", path.display()));
    fs::create_dir_all(out).map_err(|e| write_error(out, e))?;
    remove_stale(out).map_err(|e| write_error(out, e))?;
    let mut names = Vec::new();
    for (stem, bytes) in [("corpus", corpus_bytes), ("index", bundle::encode_index(&index))] {
        let packed = gzip(&bytes);
        let name = format!("{stem}-{}.bin", &hex(&Sha256::digest(&packed))[..16]);
        let path = out.join(&name);
        fs::write(&path, packed).map_err(|e| write_error(&path, e))?;
        names.push(name);
    }
    let [corpus_file, index_file] = <[String; 2]>::try_from(names).expect("two files were written");
    let baked = Baked {
        corpus_file,
        index_file,
        sha256,
        built: built.to_string(),
        documents: corpus.documents().len(),
        passages: corpus.passage_count(),
    };
    let manifest = out.join(MANIFEST);
    fs::write(&manifest, manifest_json(&baked)).map_err(|e| write_error(&manifest, e))?;
    Ok(baked)
}

/// The manifest's JSON text.
fn manifest_json(b: &Baked) -> String {
    let value = serde_json::json!({
        "corpus": b.corpus_file,
        "index": b.index_file,
        "sha256": b.sha256,
        "built": b.built,
        "documents": b.documents,
        "passages": b.passages,
    });
    format!("{}\n", serde_json::to_string_pretty(&value).expect("a manifest is always serialisable"))
}

/// Removes the data files an earlier bake left in `out`, so a folder holds one corpus.
fn remove_stale(out: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(out)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_data_file(&name) {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// `corpus-<16 hex>.bin` or `index-<16 hex>.bin`: the names [`bake`] writes and only those.
fn is_data_file(name: &str) -> bool {
    let hash = ["corpus-", "index-"].iter().find_map(|p| name.strip_prefix(p)).and_then(|rest| rest.strip_suffix(".bin"));
    hash.is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `bytes` compressed as gzip at the best level, as the data files are written.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Today (UTC), or the day of `SOURCE_DATE_EPOCH` when it is set (for reproducible builds), as
/// `YYYY-MM-DD`.
pub fn build_date() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.parse::<i64>().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
    });
    let date = time::OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(time::OffsetDateTime::UNIX_EPOCH).date();
    date.format(time::macros::format_description!("[year]-[month]-[day]")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        fs::write(dir.join(name), text).unwrap();
    }

    fn files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn bakes_round_trips_and_replaces_earlier_data() {
        let corpus = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        write(corpus.path(), "a.md", "---\ntitle: A\n---\nOne ¶.\n\nTwo ¶.\n");
        write(out.path(), "index.html", "<!doctype html>");
        write(out.path(), "corpus-0123456789abcdef.bin", "stale");
        write(out.path(), "corpus-notes.bin", "not ours");
        let baked = bake(corpus.path(), out.path(), "2026-11-26").unwrap();
        assert_eq!((baked.documents, baked.passages, baked.built.as_str()), (1, 2, "2026-11-26"));
        assert_eq!(
            files(out.path()),
            [baked.corpus_file.as_str(), "corpus-notes.bin", baked.index_file.as_str(), "index.html", MANIFEST]
        );
        let gunzip = |name: &str| {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(fs::File::open(out.path().join(name)).unwrap()), &mut bytes).unwrap();
            bytes
        };
        let decoded = bundle::decode(&gunzip(&baked.corpus_file)).unwrap();
        assert_eq!(decoded.documents()[0].passages, ["One ¶.", "Two ¶."]);
        assert!(bundle::decode_index(&gunzip(&baked.index_file), &decoded).is_ok());
        assert_eq!(baked.sha256, hex(&Sha256::digest(bundle::encode(&decoded))));
        let manifest: serde_json::Value = serde_json::from_str(&fs::read_to_string(out.path().join(MANIFEST)).unwrap()).unwrap();
        assert_eq!(manifest["corpus"], baked.corpus_file.as_str());
        assert_eq!(manifest["sha256"], baked.sha256.as_str());

        // The same corpus bakes to the same names; an edit changes them and the old ones go.
        assert_eq!(bake(corpus.path(), out.path(), "2026-11-26").unwrap(), baked);
        write(corpus.path(), "a.md", "---\ntitle: A\n---\nOne ¶, edited.\n");
        let edited = bake(corpus.path(), out.path(), "2026-11-27").unwrap();
        assert_ne!(edited.corpus_file, baked.corpus_file);
        assert_ne!(edited.sha256, baked.sha256);
        assert!(!out.path().join(&baked.corpus_file).exists());
    }

    #[test]
    fn a_bad_corpus_writes_nothing() {
        let corpus = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        write(corpus.path(), "untitled.md", "---\nauthor: Nobody\n---\nText.\n");
        let Err(BakeError::Corpus(errors)) = bake(corpus.path(), out.path(), "2026-11-26") else { panic!("a bad corpus baked") };
        assert!(errors[0].to_string().contains("untitled.md:1: the document has no title"), "{}", errors[0]);
        assert!(files(out.path()).is_empty());
    }

    #[test]
    fn only_baked_names_count_as_data() {
        for (name, ours) in [
            ("corpus-0123456789abcdef.bin", true),
            ("index-fedcba9876543210.bin", true),
            ("corpus-0123.bin", false),
            ("corpus-0123456789abcdeg.bin", false),
            ("lectern-app-0123456789abcdef.wasm", false),
            ("index.html", false),
        ] {
            assert_eq!(is_data_file(name), ours, "{name}");
        }
    }
}
