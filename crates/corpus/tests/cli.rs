//! The `lectern check` command: stats for a good corpus, every problem for a bad one.

use std::process::Command;

fn lectern(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lectern")).args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn check_prints_stats_for_the_bundled_corpus() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let (code, out, _) = lectern(&["check", dir]);
    assert_eq!(code, 0);
    assert!(out.contains("framing-the-agenda"), "{out}");
    assert!(out.contains("ok: 1 document(s), 7 passage(s)"), "{out}");
}

#[test]
fn check_lists_problems_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.md"), "---\nauthor: A\n---\nText").unwrap();
    let (code, _, err) = lectern(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("x.md:1: the document has no title"), "{err}");
    assert_eq!(lectern(&["frobnicate"]).0, 2);
}
