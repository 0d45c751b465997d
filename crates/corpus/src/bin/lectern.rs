//! The `lectern` command line:
//!
//! - `lectern check <dir>`: validates a corpus folder exactly as the app build does, without
//!   building the app, and prints per-document statistics and where each title came from.
//! - `lectern bundle <dir> [--out dist]`: validates and indexes a corpus folder and writes the
//!   data files the app loads (and their manifest) into an already built app's folder, so a new
//!   corpus needs no new wasm; `node scripts/package.mjs` then links and packages them.
//! - `lectern generate <dir> [--mb 12] [--docs 250] [--seed 2015]`: writes a generated
//!   English-like corpus, for benchmarks and tests of your own.
//! - `lectern bench <dir> [--per-kind 200]`: measures index build time, bundled size and search
//!   latency and success@1 per query kind on a corpus folder (prints figures, asserts nothing).
//!   It ends with the reading tools: concordance time to the first rows for a rare, a common and
//!   the most common word (and sorted by the word to the left), trends for five terms, and the
//!   corpus's frequency lists.
//! - `lectern queries <dir> [--per-kind 200]`: the same benchmark queries as JSON, with every
//!   passage, for the in-browser benchmark (which indexes the passages in other libraries).
//!
//! Arguments are parsed with `lexopt`: options may come before or after the folder, `--mb=3`
//! works too, and an unknown option or a missing folder is an error naming it. `--help` works
//! for every command. Exit status 0 on success, 1 when the corpus has problems (all are listed)
//! or a file cannot be written, 2 on a usage error.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use lectern_engine::generate::{generate_files, make_queries, QueryKind};
use lectern_engine::{bundle, parse_document_explained, Corpus, CorpusError, Index, Searcher, TitleRule};

const USAGE: &str = "usage: lectern check <dir>
       lectern bundle <dir> [--out dist]
       lectern generate <dir> [--mb 12] [--docs 250] [--seed 2015]
       lectern bench <dir> [--per-kind 200]
       lectern queries <dir> [--per-kind 200]
       lectern <command> --help";

/// The seed of the benchmark queries, shared by the native and the browser benchmark.
const QUERY_SEED: u64 = 1215;

/// A command and its arguments, as parsed from the command line.
#[derive(Debug, PartialEq)]
enum Command {
    Check { dir: PathBuf },
    Bundle { dir: PathBuf, out: PathBuf },
    Generate { dir: PathBuf, mb: usize, docs: usize, seed: u64 },
    Bench { dir: PathBuf, per_kind: usize },
    Queries { dir: PathBuf, per_kind: usize },
    /// `--help`: print this text and succeed.
    Help(&'static str),
}

/// Why a command did not succeed; each maps to its exit status in [`main`].
enum Failure {
    /// The command line is wrong (exit 2).
    Usage(String),
    /// The corpus folder has problems (exit 1).
    Corpus(Vec<CorpusError>),
    /// Something else went wrong, such as a file that cannot be written (exit 1).
    Other(String),
}

/// The help of each command: what it does and its options.
fn help(command: &str) -> &'static str {
    match command {
        "check" => "usage: lectern check <dir>\n\nValidates the corpus folder <dir> as the app build does and prints, per document, its ¶, words,\ncharacters, title and where the title came from. Exit 1 with every problem listed if it is invalid.",
        "bundle" => "usage: lectern bundle <dir> [--out dist]\n\nValidates the corpus folder <dir> as `lectern check` does, indexes it, and writes its data files\n(corpus-<hash>.bin, index-<hash>.bin, gzip) and lectern-data.json into the built app in --out,\nreplacing the previous corpus's files. Then run `node scripts/package.mjs <out> pkg` to link\nthem into index.html and make the single file (`make corpus DIR=<dir>` does both).",
        "generate" => "usage: lectern generate <dir> [--mb 12] [--docs 250] [--seed 2015]\n\nWrites a generated English-like corpus of about --mb megabytes in --docs Markdown files to <dir>.\nThe same --seed gives the same corpus on every machine.",
        "bench" => "usage: lectern bench <dir> [--per-kind 200]\n\nIndexes the corpus in <dir> and prints build time, bundled sizes, and search latency and\nsuccess@1 for --per-kind queries of each kind (drawn from ¶ of 30 or more words).",
        "queries" => "usage: lectern queries <dir> [--per-kind 200]\n\nPrints the benchmark's queries and every passage of the corpus in <dir> as JSON.",
        _ => USAGE,
    }
}

/// Parses the command line (without the program name).
fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let command = match parser.next().map_err(|e| e.to_string())? {
        Some(Long("help") | Short('h')) => return Ok(Command::Help(USAGE)),
        Some(Value(v)) => v.string().map_err(|e| e.to_string())?,
        Some(other) => return Err(format!("{}: a command comes first\n{USAGE}", other.unexpected())),
        None => return Err(USAGE.to_string()),
    };
    let command: &'static str = match command.as_str() {
        "check" => "check",
        "bundle" => "bundle",
        "generate" => "generate",
        "bench" => "bench",
        "queries" => "queries",
        other => return Err(format!("unknown command '{other}'\n{USAGE}")),
    };
    let fail = |message: String| format!("lectern {command}: {message}\n{}", help(command));
    let mut dir: Option<PathBuf> = None;
    let (mut mb, mut docs, mut seed, mut per_kind) = (12usize, 250usize, 2015u64, 200usize);
    let mut out = PathBuf::from("dist");
    while let Some(arg) = parser.next().map_err(|e| fail(e.to_string()))? {
        let name = match arg {
            Long("help") | Short('h') => return Ok(Command::Help(help(command))),
            Value(v) if dir.is_none() => {
                dir = Some(PathBuf::from(v));
                continue;
            }
            Value(v) => return Err(fail(format!("one folder only; '{}' is a second", v.to_string_lossy()))),
            Short(c) => return Err(fail(format!("unknown option -{c}"))),
            Long(name) => format!("--{name}"),
        };
        if command == "bundle" && name == "--out" {
            out = PathBuf::from(parser.value().map_err(|e| fail(e.to_string()))?);
            continue;
        }
        let known = match command {
            "generate" => ["--mb", "--docs", "--seed"].contains(&name.as_str()),
            "bench" | "queries" => name == "--per-kind",
            _ => false,
        };
        if !known {
            return Err(fail(format!("unknown option {name}")));
        }
        // Every option takes a whole number, above 0 but for the seed.
        let text = parser.value().map_err(|e| fail(e.to_string()))?.to_string_lossy().into_owned();
        let n = text.parse::<u64>().ok().filter(|&n| n > 0 || name == "--seed");
        let n = n.ok_or_else(|| fail(format!("{name} takes a whole number{}, not '{text}'", if name == "--seed" { "" } else { " above 0" })))?;
        match name.as_str() {
            "--mb" => mb = n as usize,
            "--docs" => docs = n as usize,
            "--seed" => seed = n,
            _ => per_kind = n as usize,
        }
    }
    let dir = dir.ok_or_else(|| fail("which folder? <dir> is missing".to_string()))?;
    Ok(match command {
        "check" => Command::Check { dir },
        "bundle" => Command::Bundle { dir, out },
        "generate" => Command::Generate { dir, mb, docs, seed },
        "bench" => Command::Bench { dir, per_kind },
        _ => Command::Queries { dir, per_kind },
    })
}

fn main() -> ExitCode {
    let result = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Help(text)) => {
            println!("{text}");
            Ok(())
        }
        Ok(Command::Check { dir }) => check(&dir),
        Ok(Command::Bundle { dir, out }) => bundle_data(&dir, &out),
        Ok(Command::Generate { dir, mb, docs, seed }) => generate(&dir, mb, docs, seed),
        Ok(Command::Bench { dir, per_kind }) => bench(&dir, per_kind),
        Ok(Command::Queries { dir, per_kind }) => queries(&dir, per_kind),
        Err(usage) => Err(Failure::Usage(usage)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
        Err(Failure::Corpus(errors)) => {
            eprint!("{}", lectern_corpus::report(&errors));
            ExitCode::from(1)
        }
        Err(Failure::Other(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

/// Loads and validates the corpus in `dir`; the one place every command reads a corpus.
fn load(dir: &Path) -> Result<Corpus, Failure> {
    lectern_corpus::load_dir(dir).map_err(Failure::Corpus)
}

fn check(dir: &Path) -> Result<(), Failure> {
    let corpus = load(dir)?;
    // The files parsed again, only to say where each title came from.
    let files = lectern_corpus::read_dir(dir).map_err(Failure::Corpus)?;
    let rules: HashMap<String, TitleRule> =
        files.iter().filter_map(|f| parse_document_explained(f).ok()).map(|(doc, rule)| (doc.id, rule)).collect();
    println!("{:<32} {:>6} {:>8} {:>9}  title", "id", "¶", "words", "chars");
    let (mut words, mut chars) = (0, 0);
    for doc in corpus.documents() {
        let w = doc.word_count();
        let c: usize = doc.passages.iter().map(|p| p.chars().count()).sum();
        words += w;
        chars += c;
        let rule = rules.get(&doc.id).map(|r| format!("  [title: {r}]")).unwrap_or_default();
        println!("{:<32} {:>6} {:>8} {:>9}  {}{rule}", doc.id, doc.passages.len(), w, c, doc.meta.title);
    }
    println!(
        "ok: {} document(s), {} passage(s), {} words, {} characters in {}",
        corpus.documents().len(),
        corpus.passage_count(),
        words,
        chars,
        dir.display()
    );
    Ok(())
}

fn bundle_data(dir: &Path, out: &Path) -> Result<(), Failure> {
    use lectern_corpus::bake::{bake, build_date, BakeError};
    let started = Instant::now();
    let baked = bake(dir, out, &build_date()).map_err(|e| match e {
        BakeError::Corpus(errors) => Failure::Corpus(errors),
        BakeError::Write(message) => Failure::Other(message),
    })?;
    println!(
        "bundled {} document(s), {} ¶, from {} into {}: {} and {} (corpus {}) in {:.0} ms",
        baked.documents,
        baked.passages,
        dir.display(),
        out.display(),
        baked.corpus_file,
        baked.index_file,
        &baked.sha256[..12],
        started.elapsed().as_secs_f64() * 1e3
    );
    let page = out.join("index.html");
    if std::fs::read_to_string(&page).is_ok_and(|html| names_other_corpus(&html, &baked.corpus_file)) {
        println!(
            "note: {} names the previous corpus's files, now gone, until the package step links these (`node scripts/package.mjs {} pkg`, which `make corpus` runs next)",
            page.display(),
            out.display()
        );
    }
    Ok(())
}

/// Whether a packaged page (`index.html`) links a corpus file other than `corpus_file`: after
/// `lectern bundle` alone it does, and the page cannot open until the package step links the
/// new files. A page Trunk has just built links none, so building says nothing.
fn names_other_corpus(html: &str, corpus_file: &str) -> bool {
    html.match_indices("corpus-").any(|(at, _)| {
        let name = &html[at..];
        let end = name.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.')).unwrap_or(name.len());
        name[..end].ends_with(".bin") && &name[..end] != corpus_file
    })
}

fn generate(dir: &Path, mb: usize, docs: usize, seed: u64) -> Result<(), Failure> {
    std::fs::create_dir_all(dir).map_err(|e| Failure::Other(format!("{}: {e}", dir.display())))?;
    let files = generate_files(seed, docs, mb * 1_000_000);
    let mut bytes = 0;
    for (name, text) in &files {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| Failure::Other(format!("{}: {e}", path.display())))?;
        bytes += text.len();
    }
    println!("wrote {} documents, {:.1} MB, to {}", files.len(), bytes as f64 / 1e6, dir.display());
    Ok(())
}

/// The value at quantile `q` (0..=1) of an ascending list; `None` for an empty list.
fn percentile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    Some(sorted[((q * sorted.len() as f64) as usize).min(last)])
}

/// A figure in milliseconds, or a dash when there is none.
fn ms(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.2}"))
}

fn bench(dir: &Path, per_kind: usize) -> Result<(), Failure> {
    let corpus = load(dir)?;
    let text_bytes: usize = corpus.documents().iter().flat_map(|d| &d.passages).map(|p| p.len()).sum();
    let mb = text_bytes as f64 / 1e6;
    let started = Instant::now();
    let index = Index::build(&corpus);
    let build = started.elapsed();
    let corpus_blob = bundle::encode(&corpus);
    let index_blob = bundle::encode_index(&index);
    let started = Instant::now();
    let decoded = bundle::decode_index(&index_blob, &corpus).map_err(|e| Failure::Other(e.to_string()))?;
    let decode = started.elapsed();
    println!(
        "corpus: {} documents, {} passages, {:.2} MB of text, {} distinct terms",
        corpus.documents().len(),
        corpus.passage_count(),
        mb,
        index.terms().len()
    );
    println!("index build: {:.0} ms ({:.0} ms per MB)", build.as_secs_f64() * 1e3, build.as_secs_f64() * 1e3 / mb);
    for (name, blob) in [("corpus", &corpus_blob), ("index", &index_blob)] {
        let gz = lectern_corpus::bake::gzip(blob).len();
        println!(
            "bundled {name}: {:.2} MB raw, {:.2} MB gzip ({:.2} / {:.2} MB per MB of text)",
            blob.len() as f64 / 1e6,
            gz as f64 / 1e6,
            blob.len() as f64 / 1e6 / mb,
            gz as f64 / 1e6 / mb
        );
    }
    println!("index decode: {:.0} ms", decode.as_secs_f64() * 1e3);

    let searcher = Searcher::new(&corpus, &decoded);
    let queries = make_queries(QUERY_SEED, corpus.documents(), per_kind);
    if queries.is_empty() {
        println!("no queries: the benchmark draws them from ¶ of 30 or more words, and this corpus has none");
        return Ok(());
    }
    // Warm the vocabulary's trigram table, which is built on first use, and report it apart.
    let started = Instant::now();
    searcher.search("warmup qzxv", 10);
    println!("first search (builds the trigram table): {:.0} ms", started.elapsed().as_secs_f64() * 1e3);
    reading_bench(&corpus, &decoded);
    println!("{:<22} {:>8} {:>8} {:>8} {:>10}", "query kind", "p50 ms", "p95 ms", "max ms", "success@1");
    for kind in QueryKind::ALL {
        let mut times = Vec::new();
        let mut hits = 0;
        let of_kind: Vec<_> = queries.iter().filter(|q| q.kind == kind).collect();
        for q in &of_kind {
            let started = Instant::now();
            let results = searcher.search(&q.text, 20);
            times.push(started.elapsed().as_secs_f64() * 1e3);
            if results.hits.first().is_some_and(|h| corpus.documents()[h.doc].id == q.doc_id && h.passage == q.passage) {
                hits += 1;
            }
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{:<22} {:>8} {:>8} {:>8} {:>10.3}",
            kind.name(),
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95)),
            ms(times.last().copied()),
            hits as f64 / of_kind.len().max(1) as f64
        );
    }
    Ok(())
}

/// The reading tools on this corpus: times, in ms, of what a reader waits for.
fn reading_bench(corpus: &Corpus, index: &Index) {
    use lectern_engine::concordance::{Concordance, Sort};
    use lectern_engine::frequency::{Frequencies, PhraseCounter};
    let time = |f: &mut dyn FnMut()| {
        let started = Instant::now();
        f();
        started.elapsed().as_secs_f64() * 1e3
    };
    let f = Frequencies::new(index);
    let mut by_count = f.top_words(None, false, usize::MAX);
    let common = by_count.get(by_count.len() / 200).map(|c| c.term.clone()).unwrap_or_default();
    let most = by_count.first().map(|c| c.term.clone()).unwrap_or_default();
    by_count.retain(|c| c.count == 1);
    let rare = by_count.first().map(|c| c.term.clone()).unwrap_or_default();
    println!("{:<34} {:>10} {:>14} {:>14}", "concordance", "total", "first 50 ms", "sorted left ms");
    for (what, word) in [("rare", &rare), ("common", &common), ("most common", &most)] {
        let mut total = 0;
        let first = time(&mut || {
            let k = Concordance::new(corpus, index, word, None);
            total = k.total();
            std::hint::black_box(k.rows(0, 50));
        });
        let sorted = time(&mut || {
            let k = Concordance::new(corpus, index, word, None);
            let order = k.order(Sort::Left);
            std::hint::black_box(k.rows_of(&order[..50.min(order.len())]));
        });
        println!("{:<34} {:>10} {:>14.1} {:>14.1}", format!("{what} (“{word}”)"), total, first, sorted);
    }
    let five: Vec<String> = f.top_words(None, true, 5).into_iter().map(|c| c.term).collect();
    let trends = time(&mut || {
        std::hint::black_box(lectern_engine::trends::across_documents(corpus, index, &five));
    });
    println!("trends, 5 terms ({}): {trends:.1} ms", five.join(", "));
    let words = time(&mut || {
        std::hint::black_box(Frequencies::new(index).top_words(None, true, 25));
    });
    let phrases = time(&mut || {
        let mut counter = PhraseCounter::new(index, true);
        for d in 0..corpus.documents().len() {
            counter.add_document(corpus, d);
        }
        std::hint::black_box(counter.top(25, 2));
    });
    let keywords = time(&mut || {
        std::hint::black_box(Frequencies::new(index).keywords(0, true, 3, 25));
    });
    println!("frequency lists: corpus words {words:.1} ms, corpus phrases {phrases:.1} ms, one document's keywords {keywords:.1} ms");
}

fn queries(dir: &Path, per_kind: usize) -> Result<(), Failure> {
    let corpus = load(dir)?;
    let list: Vec<serde_json::Value> = make_queries(QUERY_SEED, corpus.documents(), per_kind)
        .into_iter()
        .map(|q| serde_json::json!({ "kind": q.kind.name(), "text": q.text, "docId": q.doc_id, "passage": q.passage }))
        .collect();
    let passages: Vec<serde_json::Value> = corpus
        .documents()
        .iter()
        .flat_map(|d| d.passages.iter().enumerate().map(move |(i, text)| serde_json::json!({ "id": format!("{}/{}", d.id, i + 1), "docId": d.id, "passage": i + 1, "text": text })))
        .collect();
    let out = serde_json::json!({ "queries": list, "passages": passages });
    println!("{}", serde_json::to_string(&out).map_err(|e| Failure::Other(e.to_string()))?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Command, String> {
        parse_args(line.split_whitespace().map(OsString::from))
    }

    #[test]
    fn options_go_before_or_after_the_folder() {
        let expected = Command::Generate { dir: "out".into(), mb: 3, docs: 250, seed: 2015 };
        assert_eq!(parse("generate --mb 3 out"), Ok(expected));
        let expected = Command::Generate { dir: "out".into(), mb: 3, docs: 9, seed: 0 };
        assert_eq!(parse("generate out --mb=3 --docs 9 --seed 0"), Ok(expected));
        assert_eq!(parse("bench --per-kind 5 c"), Ok(Command::Bench { dir: "c".into(), per_kind: 5 }));
        assert_eq!(parse("queries c"), Ok(Command::Queries { dir: "c".into(), per_kind: 200 }));
        assert_eq!(parse("check c"), Ok(Command::Check { dir: "c".into() }));
        assert_eq!(parse("bundle c"), Ok(Command::Bundle { dir: "c".into(), out: "dist".into() }));
        assert_eq!(parse("bundle --out d c"), Ok(Command::Bundle { dir: "c".into(), out: "d".into() }));
    }

    /// Each bad command line and a part of the message it must give.
    const BAD: &[(&str, &str)] = &[
        ("", "usage: lectern check"),
        ("frobnicate", "unknown command 'frobnicate'"),
        ("--mb 3", "a command comes first"),
        ("generate --mb 3", "<dir> is missing"),
        ("generate out --bogus", "unknown option --bogus"),
        ("generate out -x", "unknown option -x"),
        ("check out --mb 3", "unknown option --mb"),
        ("generate out --mb", "--mb"),
        ("generate out --mb three", "--mb takes a whole number above 0, not 'three'"),
        ("generate out --docs 0", "--docs takes a whole number above 0, not '0'"),
        ("bench a b", "'b' is a second"),
        ("bundle c --out", "--out"),
        ("check c --out d", "unknown option --out"),
    ];

    #[test]
    fn bad_command_lines_say_what_is_wrong() {
        for (line, message) in BAD {
            let err = parse(line).expect_err(line);
            assert!(err.contains(message), "{line:?}: {err}");
        }
    }

    #[test]
    fn every_command_has_help() {
        for command in ["check", "bundle", "generate", "bench", "queries"] {
            let Ok(Command::Help(text)) = parse(&format!("{command} --help")) else { panic!("{command} --help") };
            assert!(text.starts_with(&format!("usage: lectern {command}")), "{text}");
        }
        assert_eq!(parse("-h"), Ok(Command::Help(USAGE)));
    }

    #[test]
    fn a_page_that_links_another_corpus_is_stale() {
        let linked = r#"<link rel="preload" href="corpus-c29c6e3eac42de4d.bin" as="fetch"><script src="lectern-app.js">"#;
        assert!(names_other_corpus(linked, "corpus-b4647d86e450cf95.bin"));
        assert!(!names_other_corpus(linked, "corpus-c29c6e3eac42de4d.bin"));
        assert!(!names_other_corpus("<title>Lectern</title><p>a corpus-wide search</p>", "corpus-b4647d86e450cf95.bin"));
    }

    #[test]
    fn percentiles_of_no_figures_are_none() {
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile(&[1.0], 0.95), Some(1.0));
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0], 0.5), Some(3.0));
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0], 1.0), Some(4.0));
    }
}
