//! Reads a corpus folder from disk and hands it to the engine; used by `lectern bundle` (which
//! Trunk's build hook runs) and every other `lectern` command, so all validate alike.
//!
//! Guarantees: every regular file in the folder is read (hidden files, such as `.DS_Store`, are
//! skipped); a subfolder or an unreadable entry is an error, never silently ignored; all problems
//! are collected and returned together, each naming its file.

pub mod bake;

use std::fs;
use std::path::{Path, PathBuf};

use lectern_engine::{Corpus, CorpusError, Problem, SourceFile};

/// The corpus folder bundled when `LECTERN_CORPUS` is not set, relative to the repository root.
pub const DEFAULT_DIR: &str = "corpus";

/// Loads and validates every document in `dir`.
pub fn load_dir(dir: &Path) -> Result<Corpus, Vec<CorpusError>> {
    let files = read_dir(dir)?;
    Corpus::from_files(&dir.display().to_string(), &files)
}

/// Reads the files of `dir` in name order, with names as the user would write them.
pub fn read_dir(dir: &Path) -> Result<Vec<SourceFile>, Vec<CorpusError>> {
    let unreadable = |path: &Path, e: std::io::Error| {
        CorpusError::new(&path.display().to_string(), None, Problem::Unreadable { reason: e.to_string() })
    };
    let entries = fs::read_dir(dir).map_err(|e| vec![unreadable(dir, e)])?;
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut errors = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_name().to_string_lossy().starts_with('.') => {}
            Ok(entry) => paths.push(entry.path()),
            Err(e) => errors.push(unreadable(dir, e)),
        }
    }
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        if path.is_dir() {
            errors.push(CorpusError::new(
                &path.display().to_string(),
                None,
                Problem::Unreadable { reason: "it is a folder".into() },
            ));
            continue;
        }
        match fs::read(&path) {
            Ok(bytes) => files.push(SourceFile::new(path.display().to_string(), bytes)),
            Err(e) => errors.push(unreadable(&path, e)),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// Turns a list of problems into one message, one problem per line.
pub fn report(errors: &[CorpusError]) -> String {
    let mut out = format!("{} problem(s) in the corpus:\n", errors.len());
    for e in errors {
        out.push_str("  ");
        out.push_str(&e.to_string());
        out.push('\n');
    }
    out
}
