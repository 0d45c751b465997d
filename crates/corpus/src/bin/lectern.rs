//! `lectern check <dir>`: validates a corpus folder exactly as the app build does, without
//! building the app, and prints per-document statistics. Exit status 0 when the corpus is
//! valid, 1 when it has problems (all of them are listed), 2 on a usage error.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: lectern check <corpus-folder>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, dir] if cmd == "check" => check(Path::new(dir)),
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{USAGE}\n\nValidates a Lectern corpus (.md with front matter, .txt) and prints per-document stats.");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check(dir: &Path) -> ExitCode {
    match lectern_corpus::load_dir(dir) {
        Ok(corpus) => {
            println!("{:<32} {:>6} {:>8} {:>9}  title", "id", "¶", "words", "chars");
            let (mut words, mut chars) = (0, 0);
            for doc in corpus.documents() {
                let w = doc.word_count();
                let c: usize = doc.passages.iter().map(|p| p.chars().count()).sum();
                words += w;
                chars += c;
                println!("{:<32} {:>6} {:>8} {:>9}  {}", doc.id, doc.passages.len(), w, c, doc.meta.title);
            }
            println!(
                "ok: {} document(s), {} passage(s), {} words, {} characters in {}",
                corpus.documents().len(),
                corpus.passage_count(),
                words,
                chars,
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprint!("{}", lectern_corpus::report(&errors));
            ExitCode::from(1)
        }
    }
}
