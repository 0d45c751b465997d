//! The `lectern` command line as a user runs it: stats and title rules from `check`, every
//! problem for a bad corpus, options in any order, errors naming the unknown option, `--help`
//! for every command, and `bench` on a corpus too small to draw queries from.

use std::path::Path;
use std::process::Command;

fn lectern(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lectern")).args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

mod common;
use common::folder;

fn path(dir: &tempfile::TempDir) -> &str {
    dir.path().to_str().unwrap()
}

#[test]
fn check_prints_stats_for_the_bundled_corpus() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let (code, out, _) = lectern(&["check", dir]);
    assert_eq!(code, 0);
    assert!(out.contains("framing-the-agenda"), "{out}");
    assert!(out.contains("[title: from front matter]"), "{out}");
    assert!(out.contains("ok: 1 document(s), 7 passage(s)"), "{out}");
}

#[test]
fn check_says_where_each_title_came_from() {
    let dir = folder(&[
        ("heading.txt", "A Real Heading\n\nThe text.\n"),
        ("speech_1961.txt", "[Read before a joint session by a clerk] [See Note.]\n\nMr. Speaker.\n"),
        ("nav.txt", "Jump toPart II |Part III |Part IV\n\nThe text.\n"),
    ]);
    let (code, out, err) = lectern(&["check", path(&dir)]);
    assert_eq!(code, 0, "{err}");
    let row = |id: &str| out.lines().find(|l| l.starts_with(id)).unwrap_or_else(|| panic!("no row for {id}: {out}")).to_string();
    assert!(row("heading").ends_with("A Real Heading  [title: from first line]"), "{out}");
    assert!(row("speech_1961").ends_with("Speech 1961  [title: from file name (first line looks like a bracketed note)]"), "{out}");
    assert!(row("nav").ends_with("Nav  [title: from file name (first line looks like a navigation bar)]"), "{out}");
}

#[test]
fn check_lists_problems_and_fails() {
    let dir = folder(&[("x.md", "---\nauthor: A\n---\nText")]);
    let (code, _, err) = lectern(&["check", path(&dir)]);
    assert_eq!(code, 1);
    assert!(err.contains("x.md:1: the document has no title"), "{err}");
}

#[test]
fn options_may_come_before_the_folder() {
    let parent = tempfile::tempdir().unwrap();
    let out_dir = parent.path().join("gen");
    let (code, out, err) = lectern(&["generate", "--mb", "1", "--docs", "4", out_dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("wrote 4 documents"), "{out}");
    assert_eq!(std::fs::read_dir(&out_dir).unwrap().count(), 4);
    assert!(!Path::new("--mb").exists() && !parent.path().join("--mb").exists(), "--mb is never taken as the folder");
    let (code, out, _) = lectern(&["check", out_dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("ok: 4 document(s)"), "{out}");
}

#[test]
fn usage_errors_name_what_is_wrong_and_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["frobnicate"], "unknown command 'frobnicate'"),
        (&["generate", "out", "--megabytes", "3"], "unknown option --megabytes"),
        (&["check", "--per-kind", "3", "c"], "unknown option --per-kind"),
        (&["generate", "--mb", "3"], "<dir> is missing"),
        (&["bench", "c", "--per-kind", "lots"], "--per-kind takes a whole number above 0, not 'lots'"),
        (&[], "usage: lectern"),
    ];
    for (args, message) in cases {
        let (code, out, err) = lectern(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
    }
}

#[test]
fn every_command_has_help() {
    for command in ["check", "generate", "bench", "queries"] {
        let (code, out, _) = lectern(&[command, "--help"]);
        assert_eq!(code, 0, "{command}");
        assert!(out.starts_with(&format!("usage: lectern {command}")), "{out}");
    }
    let (code, out, _) = lectern(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("lectern generate <dir>"), "{out}");
}

#[test]
fn bench_on_a_corpus_without_long_passages_reports_no_queries() {
    let dir = folder(&[("short.txt", "Short Title\n\nA few words only.\n")]);
    let (code, out, err) = lectern(&["bench", path(&dir), "--per-kind", "3"]);
    assert_eq!(code, 0, "bench must not panic: {err}");
    assert!(out.contains("no queries"), "{out}");
    let (code, out, err) = lectern(&["queries", path(&dir)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"queries\":[]"), "{out}");
}
