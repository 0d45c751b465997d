//! Quote links made in the bundled article (`corpus/`) anchored in its edited copy
//! (`tests/fixtures/edited-v2/`), the pair the end-to-end test `quote-links-edited.spec.ts`
//! opens. The copy inserts a ¶ after ¶1 (repeating a sentence of ¶4 in another context), fixes
//! a word inside one quote ("Tajikstan") and a word next to another ("seems to reflect"), and
//! deletes a sentence; each link must get the verdict and the text the spec expects.

use lectern_engine::anchor::{anchor, found_at, selector, AnchorOptions, Selector, Verdict};
use lectern_engine::fixture;
use lectern_engine::index::Index;
use lectern_engine::Corpus;

const V1: &str = include_str!("../../../corpus/framing-the-agenda.md");
const V2: &str = include_str!("../../../tests/fixtures/edited-v2/framing-the-agenda.md");
const FILE: &str = "framing-the-agenda.md";

fn corpus(text: &str) -> Corpus {
    fixture::corpus_from_files(&[(FILE, text)])
}

/// The link the app makes for `quote` (a whole ¶ when it is the ¶) in the bundled article.
fn link(quote: &str) -> Selector {
    let v1 = corpus(V1);
    let passages = &v1.documents()[0].passages;
    let hits: Vec<usize> = (0..passages.len()).filter(|&i| passages[i].contains(quote)).collect();
    let [i] = hits.as_slice() else { panic!("{quote:?} is in ¶s {hits:?} of the article, not in one") };
    let at = passages[*i].find(quote).unwrap();
    selector(&v1, 0, i + 1, at..at + quote.len(), Some("111111111111"), &AnchorOptions::default()).expect("a selector")
}

/// Anchors the link of `quote` in the edited copy: the verdict, the ¶ and the text found.
fn check(quote: &str, kind: &str, passage: Option<usize>, text: Option<&str>) {
    let v2 = corpus(V2);
    let index = Index::build(&v2);
    let verdict = anchor(&v2, &index, &link(quote), "222222222222", &AnchorOptions::default());
    assert_eq!(verdict.kind(), kind, "{quote:?}: {verdict:?}");
    let found = found_at(&v2, &verdict);
    assert_eq!(found.as_ref().map(|(at, _)| at.first_passage()), passage, "{quote:?}");
    if let Some(text) = text {
        assert_eq!(found.map(|(_, t)| t).as_deref(), Some(text), "{quote:?}");
    }
}

#[test]
fn above_the_inserted_paragraph_nothing_moves() {
    let q = "made clear the theme of China’s second World Internet Conference";
    check(q, "exact", Some(1), Some(q));
}

#[test]
fn below_it_quotes_are_found_one_paragraph_later() {
    let q = "We should never seek network hegemony";
    check(q, "moved", Some(3), Some(q));
}

#[test]
fn a_sentence_repeated_elsewhere_is_told_apart_by_its_context() {
    let q = "the conference organizers were concerned about controlling media coverage";
    assert!(V2.matches(q).count() == 2, "the edited copy repeats it");
    check(q, "moved", Some(5), Some(q));
}

#[test]
fn a_word_fixed_next_to_a_quote_does_not_lose_it() {
    let q = "a lack of trust by the international community";
    check(q, "moved", Some(6), Some(q));
}

#[test]
fn a_word_fixed_inside_a_quote_is_a_change_of_one_word() {
    let v2 = corpus(V2);
    let index = Index::build(&v2);
    let verdict = anchor(&v2, &index, &link("Kyrgyzstan, Tajikstan, and Uzbekistan—were already in China"), "222222222222", &AnchorOptions::default());
    match &verdict {
        Verdict::Changed { words: 1, from: Some(5), middle: false, now } => {
            assert_eq!(now.text, "Kyrgyzstan, Tajikistan, and Uzbekistan—were already in China");
            assert_eq!(now.first_passage(), 6);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_short_quote_with_a_word_fixed_is_a_change_found_by_its_context() {
    let v2 = corpus(V2);
    let index = Index::build(&v2);
    for (quote, now_text) in [("Tajikstan", "Tajikistan"), ("seems to reflect", "seem to reflect")] {
        match anchor(&v2, &index, &link(quote), "222222222222", &AnchorOptions::default()) {
            Verdict::Changed { words: 1, from: Some(5), middle: false, now } => {
                assert_eq!((now.text.as_str(), now.first_passage()), (now_text, 6), "{quote:?}");
            }
            other => panic!("{quote:?}: {other:?}"),
        }
    }
}

#[test]
fn a_deleted_sentence_is_not_in_this_version() {
    check("a new cybersecurity law waiting in the wings", "not-found", None, None);
}

#[test]
fn whole_paragraphs_travel_long_and_are_found_by_start_end_and_hash() {
    let v1 = corpus(V1);
    let v2 = corpus(V2);
    let keynote = &v1.documents()[0].passages[1];
    assert!(link(keynote).hash.is_none(), "¶2 is under 500 characters");
    check(keynote, "moved", Some(3), Some(keynote));
    let conference = &v1.documents()[0].passages[3];
    assert!(link(conference).hash.is_some(), "¶4 is over 500 characters");
    check(conference, "moved", Some(5), Some(conference));
    // ¶5's start and end are unchanged, its middle is not ("Tajikstan" fixed).
    let kazakhstan = &v1.documents()[0].passages[4];
    check(kazakhstan, "changed", Some(6), Some(&v2.documents()[0].passages[5]));
}

