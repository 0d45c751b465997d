//! What a document, or the corpus, is about: `#/words` (the corpus) and `#/words?doc=<id>`
//! (one document, with its keywords against the rest of the corpus); the reader shows the same
//! lists in a collapsible block. Each word or phrase links to its concordance. Function words
//! are left out unless `&all=1`. Counting is the engine's ([`lectern_engine::frequency`]).
//!
//! The corpus's phrases are counted ¶ by ¶ in slices of a few milliseconds between which the
//! browser paints and answers input, as the quotes overview counts; a document's at once.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use lectern_engine::frequency::{Counted, Frequencies, PhraseCounter};
use lectern_engine::{Corpus, Index};

use super::words::plural;
use super::NotFound;
use crate::app::{Library, SearchIndex};
use crate::hash::{History, Navigator};
use crate::route::{Route, KWIC_SHOWN};

/// How long the lists are, and how phrase counting is sliced.
#[derive(Clone, Copy, Debug)]
pub struct ListOptions {
    /// Words and phrases listed in each list.
    pub length: usize,
    /// A phrase is listed when seen at least this often.
    pub min_phrase_count: usize,
    /// A keyword must occur at least this often in its document.
    pub min_keyword_count: usize,
    /// Counting the corpus's phrases yields to the browser once a slice has run this long.
    pub slice_ms: f64,
}

impl Default for ListOptions {
    fn default() -> Self {
        ListOptions { length: 25, min_phrase_count: 2, min_keyword_count: 3, slice_ms: 8.0 }
    }
}

#[component]
pub fn WordsView() -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let nav = expect_context::<Navigator>();
    let route = nav.route();
    let state = Memo::new(move |_| match route.get() {
        Route::Words { doc, all } => (doc, all),
        _ => (None, false),
    });
    move || {
        let (id, all) = state.get();
        let doc = match id.as_deref().map(|id| corpus.documents().iter().position(|d| d.id == id)) {
            Some(None) => {
                return view! {
                    <NotFound message=format!("There is no document “{}” in this corpus.", id.unwrap_or_default())
                        alternative=(Route::Words { doc: None, all }.to_hash(), "Words of the whole corpus".to_string())/>
                }
                .into_any()
            }
            Some(found) => found,
            None => None,
        };
        let title = match doc {
            Some(d) => format!("Words in “{}”", corpus.documents()[d].meta.title),
            None => "Words and phrases of the corpus".to_string(),
        };
        let id2 = id.clone();
        view! {
            <section class="words" data-view="words" aria-labelledby="words-title">
                <h1 id="words-title" tabindex="-1">{title}</h1>
                {doc.map(|d| {
                    let doc = &corpus.documents()[d];
                    view! {
                        <p>
                            <a href=Route::document(&doc.id).to_hash()>"Read the document"</a>
                            " · "
                            <a href=Route::Words { doc: None, all }.to_hash()>"Words of the whole corpus"</a>
                        </p>
                    }
                })}
                <label class="toggle">
                    <input type="checkbox" data-words-stop prop:checked=!all
                        on:change=move |ev| nav.go(Route::Words { doc: id2.clone(), all: !event_target_checked(&ev) }, History::Replace)/>
                    " Leave out function words (the, of, and, …)"
                </label>
                <WordLists doc=doc all=all/>
            </section>
        }
        .into_any()
    }
}

/// The lists for document `doc` (or the corpus): most frequent words, most frequent phrases,
/// and for a document its keywords.
#[component]
pub fn WordLists(doc: Option<usize>, all: bool) -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let SearchIndex(index) = expect_context::<SearchIndex>();
    let options = ListOptions::default();
    move || {
        let Some(index) = index.get() else { return view! { <p>"Preparing the index…"</p> }.into_any() };
        let f = Frequencies::new(index);
        let skip = !all;
        let scope = doc.map(|d| corpus.documents()[d].id.clone());
        let top = f.top_words(doc, skip, options.length);
        let words = f.words(doc);
        // With one document there is no rest of the corpus to set it against.
        let keywords = doc.filter(|_| corpus.documents().len() > 1).map(|d| f.keywords(d, skip, options.min_keyword_count, options.length));
        let alone = doc.is_some() && keywords.is_none();
        let phrases = match doc {
            Some(d) => {
                let mut counter = PhraseCounter::new(index, skip);
                counter.add_document(corpus, d);
                RwSignal::new(Some(counter.top(options.length, options.min_phrase_count)))
            }
            None => corpus_phrases(corpus, index, skip, options),
        };
        let link = move |term: &str| Route::Kwic { query: term.to_string(), sort: Default::default(), doc: scope.clone(), shown: KWIC_SHOWN }.to_hash();
        let link2 = link.clone();
        let link3 = link.clone();
        view! {
            <div class="word-lists" data-word-lists>
                <p class="summary">{format!("{} in all.", plural(words, "word"))}</p>
                <div>
                    <h2>"Most frequent words"</h2>
                    {counted_list("top", top, link)}
                </div>
                <div>
                    <h2>"Most frequent phrases"</h2>
                    {move || match phrases.get() {
                        None => view! { <p role="status">"Counting phrases…"</p> }.into_any(),
                        Some(list) if list.is_empty() => view! { <p>"No phrase of two to four words occurs twice."</p> }.into_any(),
                        Some(list) => counted_list("phrases", list, link2.clone()).into_any(),
                    }}
                </div>
                {alone.then(|| view! {
                    <p data-keywords-none>"This corpus has one document, so no words are distinctive of it against the rest."</p>
                })}
                {keywords.map(|k| view! {
                    <div>
                        <h2>"Most distinctive words"</h2>
                        <p class="summary">"Used here more than in the rest of the corpus, by log-likelihood (G²; above 11 is very unlikely by chance)."</p>
                        <ol class="counted" data-words="keywords">
                            {k.into_iter().map(|k| view! {
                                <li data-term=k.term.clone() data-count=k.count>
                                    <a href=link3(&k.term)>{k.term.clone()}</a>
                                    <span class="count">{format!(" {} here, {} elsewhere, G² {}", k.count, k.elsewhere, k.g2.round() as u64)}</span>
                                </li>
                            }).collect_view()}
                        </ol>
                    </div>
                })}
            </div>
        }
        .into_any()
    }
}

/// A ranked list of words or phrases with their counts, each a link to its concordance.
fn counted_list(kind: &'static str, list: Vec<Counted>, link: impl Fn(&str) -> String) -> impl IntoView {
    view! {
        <ol class="counted" data-words=kind>
            {list.into_iter().map(|c| view! {
                <li data-term=c.term.clone() data-count=c.count>
                    <a href=link(&c.term)>{c.term.clone()}</a>
                    <span class="count">{format!(" {}", c.count)}</span>
                </li>
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// The corpus's most frequent phrases, counted ¶ by ¶ in slices (a long document does not make
/// one long task); `None` until done.
fn corpus_phrases(corpus: &'static Corpus, index: &'static Index, skip: bool, options: ListOptions) -> RwSignal<Option<Vec<Counted>>> {
    let out = RwSignal::new(None);
    let counter = Rc::new(RefCell::new(PhraseCounter::new(index, skip)));
    /// `at`: the next document and ¶ (0-based) to count.
    fn step(corpus: &'static Corpus, counter: Rc<RefCell<PhraseCounter<'static>>>, mut at: (usize, usize), out: RwSignal<Option<Vec<Counted>>>, options: ListOptions) {
        let start = js_sys::Date::now();
        let docs = corpus.documents();
        let mut first = true;
        while at.0 < docs.len() && (first || js_sys::Date::now() - start < options.slice_ms) {
            first = false;
            if let Some(text) = docs[at.0].passages.get(at.1) {
                counter.borrow_mut().add(text);
                at.1 += 1;
            } else {
                at = (at.0 + 1, 0);
            }
        }
        if at.0 < docs.len() {
            // Stop when the view is gone.
            if out.try_get_untracked().is_some() {
                set_timeout(move || step(corpus, counter, at, out, options), std::time::Duration::ZERO);
            }
        } else {
            let _ = out.try_set(Some(counter.borrow().top(options.length, options.min_phrase_count)));
        }
    }
    request_animation_frame(move || step(corpus, counter, (0, 0), out, options));
    out
}
