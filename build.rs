//! Build script: reads the corpus folder, validates it with the engine, indexes it and bundles
//! both (`corpus.bin`, `index.bin` in `OUT_DIR`). It also stamps the build for the "About this
//! copy" panel: the build date (`SOURCE_DATE_EPOCH` when set, for reproducible builds) and the
//! SHA-256 of the bundled corpus, so a citation can name the snapshot.
//!
//! The folder is `corpus/` or the one named by `LECTERN_CORPUS` (a relative path is taken from
//! the repository root). A bad corpus fails the build with one line per problem, each naming
//! the file, the line where there is one, and the fix.

use std::env;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=LECTERN_CORPUS");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = match env::var_os("LECTERN_CORPUS").filter(|d| !d.is_empty()) {
        Some(d) => root.join(d),
        None => root.join(lectern_corpus::DEFAULT_DIR),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    match lectern_corpus::load_dir(&dir) {
        Ok(corpus) => {
            let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
            let index = lectern_engine::Index::build(&corpus);
            let corpus_bytes = lectern_engine::bundle::encode(&corpus);
            use sha2::Digest;
            let digest: String = sha2::Sha256::digest(&corpus_bytes).iter().map(|b| format!("{b:02x}")).collect();
            println!("cargo:rustc-env=LECTERN_CORPUS_SHA256={digest}");
            println!("cargo:rustc-env=LECTERN_BUILD_DATE={}", build_date());
            for (name, bytes) in [("corpus.bin", corpus_bytes), ("index.bin", lectern_engine::bundle::encode_index(&index))] {
                std::fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("cannot write {name} in {}: {e}", out.display()));
            }
        }
        Err(errors) => {
            for e in &errors {
                println!("cargo:warning={e}");
            }
            eprintln!("{}", lectern_corpus::report(&errors));
            std::process::exit(1);
        }
    }
}

/// Today (UTC), or the day of `SOURCE_DATE_EPOCH`, as `YYYY-MM-DD`.
fn build_date() -> String {
    let seconds = env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.parse::<i64>().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
    });
    let date = time::OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(time::OffsetDateTime::UNIX_EPOCH).date();
    date.format(time::macros::format_description!("[year]-[month]-[day]")).unwrap_or_default()
}
