//! Build script: reads the corpus folder, validates it with the engine, indexes it and bundles
//! both (`corpus.bin`, `index.bin` in `OUT_DIR`).
//!
//! The folder is `corpus/` or the one named by `LECTERN_CORPUS` (a relative path is taken from
//! the repository root). A bad corpus fails the build with one line per problem, each naming
//! the file, the line where there is one, and the fix.

use std::env;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=LECTERN_CORPUS");
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
            for (name, bytes) in [
                ("corpus.bin", lectern_engine::bundle::encode(&corpus)),
                ("index.bin", lectern_engine::bundle::encode_index(&index)),
            ] {
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
