//! The `lectern` command line:
//!
//! - `lectern check <dir>`: validates a corpus folder exactly as the app build does, without
//!   building the app, and prints per-document statistics.
//! - `lectern generate <dir> [--mb 12] [--docs 250] [--seed 2015]`: writes a generated
//!   English-like corpus, for benchmarks and tests of your own.
//! - `lectern bench <dir> [--per-kind 200]`: measures index build time, bundled size and search
//!   latency and success@1 per query kind on a corpus folder (prints figures, asserts nothing).
//! - `lectern queries <dir> [--per-kind 200]`: the same benchmark queries as JSON, with every
//!   passage, for the in-browser benchmark (which indexes the passages in other libraries).
//!
//! Exit status 0 on success, 1 when the corpus has problems (all are listed), 2 on a usage error.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use lectern_engine::generate::{generate_files, make_queries, QueryKind};
use lectern_engine::{bundle, Corpus, Index, Searcher};

const USAGE: &str = "usage: lectern check <dir>
       lectern generate <dir> [--mb 12] [--docs 250] [--seed 2015]
       lectern bench <dir> [--per-kind 200]
       lectern queries <dir> [--per-kind 200]";

/// The seed of the benchmark queries, shared by the native and the browser benchmark.
const QUERY_SEED: u64 = 1215;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let option = |name: &str, default: usize| -> Result<usize, String> {
        match args.iter().position(|a| a == name) {
            Some(i) => args.get(i + 1).and_then(|v| v.parse().ok()).ok_or(format!("{name} takes a number")),
            None => Ok(default),
        }
    };
    let result = match args.first().map(String::as_str) {
        Some("check") if args.len() == 2 => check(Path::new(&args[1])),
        Some("generate") if args.len() >= 2 => (|| {
            generate(Path::new(&args[1]), option("--mb", 12)?, option("--docs", 250)?, option("--seed", 2015)? as u64)
        })(),
        Some("bench") if args.len() >= 2 => option("--per-kind", 200).and_then(|n| bench(Path::new(&args[1]), n)),
        Some("queries") if args.len() >= 2 => option("--per-kind", 200).and_then(|n| queries(Path::new(&args[1]), n)),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn load(dir: &Path) -> Result<Corpus, ExitCode> {
    lectern_corpus::load_dir(dir).map_err(|errors| {
        eprint!("{}", lectern_corpus::report(&errors));
        ExitCode::from(1)
    })
}

fn check(dir: &Path) -> Result<ExitCode, String> {
    let corpus = match load(dir) {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
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
    Ok(ExitCode::SUCCESS)
}

fn generate(dir: &Path, mb: usize, docs: usize, seed: u64) -> Result<ExitCode, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let files = generate_files(seed, docs, mb * 1_000_000);
    let mut bytes = 0;
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).map_err(|e| format!("{name}: {e}"))?;
        bytes += text.len();
    }
    println!("wrote {} documents, {:.1} MB, to {}", files.len(), bytes as f64 / 1e6, dir.display());
    Ok(ExitCode::SUCCESS)
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    sorted[((q * sorted.len() as f64) as usize).min(sorted.len() - 1)]
}

fn bench(dir: &Path, per_kind: usize) -> Result<ExitCode, String> {
    let corpus = match load(dir) {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let text_bytes: usize = corpus.documents().iter().flat_map(|d| &d.passages).map(|p| p.len()).sum();
    let mb = text_bytes as f64 / 1e6;
    let started = Instant::now();
    let index = Index::build(&corpus);
    let build = started.elapsed();
    let corpus_blob = bundle::encode(&corpus);
    let index_blob = bundle::encode_index(&index);
    let started = Instant::now();
    let decoded = bundle::decode_index(&index_blob, &corpus).map_err(|e| e.to_string())?;
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
        let gz = gzip_len(blob);
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
    // Warm the vocabulary's trigram table, which is built on first use, and report it apart.
    let started = Instant::now();
    searcher.search("warmup qzxv", 10);
    println!("first search (builds the trigram table): {:.0} ms", started.elapsed().as_secs_f64() * 1e3);
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
            "{:<22} {:>8.2} {:>8.2} {:>8.2} {:>10.3}",
            kind.name(),
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times.last().copied().unwrap_or(0.0),
            hits as f64 / of_kind.len().max(1) as f64
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn queries(dir: &Path, per_kind: usize) -> Result<ExitCode, String> {
    let corpus = match load(dir) {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
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
    println!("{}", serde_json::to_string(&out).map_err(|e| e.to_string())?);
    Ok(ExitCode::SUCCESS)
}
