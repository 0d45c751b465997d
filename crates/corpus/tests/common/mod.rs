//! Shared by the corpus crate's integration tests: corpus folders made on the fly.

/// Writes `files` (name, contents) into a fresh temporary folder, removed when dropped.
pub fn folder<T: AsRef<[u8]>>(files: &[(&str, T)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, contents) in files {
        std::fs::write(dir.path().join(name), contents).unwrap();
    }
    dir
}
