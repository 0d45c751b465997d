//! Component tests in headless Chromium (`cargo test --target wasm32-unknown-unknown`): mount
//! the app on a fixture corpus, act through the DOM and the URL hash, assert what is shown.
#![cfg(target_arch = "wasm32")]

use lectern_app::App;
use lectern_engine::{fixture, Corpus, Index};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

const ALPHA: &str = "---\ntitle: Alpha “quoted”\nauthor: Ann Author\ndate: 2015-12-22\nsource: The Source\nurl: https://example.org/alpha\nattribution: CC BY 4.0\n---\n\nFirst passage.\n\nSecond passage.\n\nThird passage.\n";
const BETA: &str = "Beta Title\n\nOne <b>not bold</b>.\n\nTwo.\n";
const GAMMA: &str = "---\ntitle: <img src=x onerror=alert(1)>\nurl: javascript:alert(1)\n---\nOnly passage.\n";
const DELTA: &str = "---\ntitle: Delta\n---\nChina promotes Internet sovereignty in international fora, says Kazakhstan.\n\nThe multilateral approach was not adopted.\n";

fn fixture() -> (&'static Corpus, &'static Index) {
    fixture::leaked(fixture::corpus_from_files(&[("alpha.md", ALPHA), ("beta.txt", BETA), ("gamma.md", GAMMA), ("delta.md", DELTA)]))
}

/// The mounted app, unmounted when dropped so tests do not see each other's views.
struct Page {
    root: HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
    }
}

impl Page {
    /// Mounts the app with `hash` already in the address bar, as a cold deep link would.
    async fn open(hash: &str) -> Page {
        set_hash(hash);
        sleep(20).await;
        let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&root).unwrap();
        let (corpus, index) = fixture();
        let handle = leptos::mount::mount_to(root.clone(), move || view! { <App corpus=corpus index=index/> }.into_any());
        let page = Page { root, _handle: handle };
        page.wait_for("[data-view]").await;
        page
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).unwrap_or_else(|| panic!("no {selector}")).text_content().unwrap_or_default()
    }

    /// Waits (up to two seconds) for `selector` to match, as the DOM updates after a tick.
    async fn wait_for(&self, selector: &str) -> Element {
        eventually(&format!("{selector} appears; page shows: {}", self.root.inner_html()), || self.find(selector).is_some()).await;
        self.find(selector).unwrap()
    }

    /// Types `text` into the search box as a reader would (value, then an input event).
    async fn type_query(&self, text: &str) {
        let input: HtmlInputElement = self.wait_for("[data-search-input]").await.unchecked_into();
        let _ = input.focus();
        input.set_value(text);
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    }

    /// Presses `key` on the focused element (or the window when nothing is focused).
    fn press(&self, key: &str) {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        match document().active_element() {
            Some(el) => el.dispatch_event(&event).unwrap(),
            None => window().dispatch_event(&event).unwrap(),
        };
    }

    async fn click(&self, selector: &str) {
        let el: HtmlElement = self.wait_for(selector).await.unchecked_into();
        el.click();
    }
}

/// Waits (up to two seconds) for `condition`, which effects make true a tick after rendering.
async fn eventually(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..200 {
        if condition() {
            return;
        }
        sleep(10).await;
    }
    panic!("never true: {what}");
}

fn set_hash(hash: &str) {
    window().location().set_hash(hash).unwrap();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn list_shows_every_document_with_its_metadata() {
    let page = Page::open("#/").await;
    let cards = page.all("[data-view=list] [data-doc-id]");
    let ids: Vec<String> = cards.iter().map(|c| c.get_attribute("data-doc-id").unwrap()).collect();
    assert_eq!(ids, ["alpha", "beta", "delta", "gamma"]);
    let alpha = page.text("[data-doc-id=alpha]");
    for part in ["Alpha “quoted”", "by Ann Author", "December 22, 2015", "The Source", "3 ¶"] {
        assert!(alpha.contains(part), "{part} missing from {alpha}");
    }
    assert_eq!(page.text("[data-doc-id=beta] h2"), "Beta Title");
    assert!(page.text(".summary").contains("4 documents · 8 paragraphs"));
}

#[wasm_bindgen_test]
async fn clicking_a_document_opens_the_reader_with_numbered_passages() {
    let page = Page::open("#/").await;
    page.click("[data-doc-id=alpha] h2 a").await;
    page.wait_for("[data-view=reader][data-doc-id=alpha]").await;
    assert_eq!(window().location().hash().unwrap(), "#/doc/alpha");
    let passages = page.all("[data-passage]");
    assert_eq!(passages.len(), 3);
    let numbers: Vec<String> = page.all(".pilcrow").iter().map(|a| a.text_content().unwrap()).collect();
    assert_eq!(numbers, ["¶1", "¶2", "¶3"]);
    let hrefs: Vec<String> = page.all(".pilcrow").iter().map(|a| a.get_attribute("href").unwrap()).collect();
    assert_eq!(hrefs, ["#/doc/alpha/1", "#/doc/alpha/2", "#/doc/alpha/3"]);
    assert_eq!(page.text("[data-passage='2'] p"), "Second passage.");
    assert_eq!(page.text("h1"), "Alpha “quoted”");
    eventually("document title", || document().title() == "Alpha “quoted” — Lectern").await;
    assert_eq!(page.text("[data-meta=attribution]"), "CC BY 4.0");
    assert_eq!(page.find(".origin a").unwrap().get_attribute("href").unwrap(), "https://example.org/alpha");
    assert!(page.find(".is-target").is_none(), "no passage is highlighted without a ¶ in the link");
}

#[wasm_bindgen_test]
async fn a_permalink_highlights_and_focuses_its_passage() {
    let page = Page::open("#/doc/alpha/2").await;
    let target = page.wait_for(".is-target").await;
    assert_eq!(target.get_attribute("data-passage").unwrap(), "2");
    eventually("¶2 is focused", || {
        document().active_element().and_then(|e| e.get_attribute("data-passage")).as_deref() == Some("2")
    })
    .await;

    page.click("[data-passage='3'] .pilcrow").await;
    page.wait_for("[data-passage='3'].is-target").await;
    assert_eq!(page.all(".is-target").len(), 1, "only one passage is highlighted");
    assert_eq!(window().location().hash().unwrap(), "#/doc/alpha/3");
}

#[wasm_bindgen_test]
async fn unknown_ids_passages_and_hashes_show_not_found_with_a_way_back() {
    for (hash, says, way) in [
        ("#/doc/nope", "no document “nope”", "#/"),
        ("#/doc/alpha/9", "has no ¶9; it has ¶1 to ¶3", "#/doc/alpha"),
        ("#/doc/alpha/0", "has no ¶0", "#/doc/alpha"),
        ("#/what/ever?x=%ZZ", "Nothing is at", "#/"),
    ] {
        let page = Page::open(hash).await;
        page.wait_for("[data-view=not-found]").await;
        let text = page.text("[data-view=not-found]");
        assert!(text.contains(says), "{hash}: {text}");
        let links: Vec<String> = page.all("[data-view=not-found] a").iter().map(|a| a.get_attribute("href").unwrap()).collect();
        assert!(links.contains(&way.to_string()), "{hash}: {links:?}");
        eventually(hash, || document().title() == "Not found — Lectern").await;
        drop(page);
    }
}

#[wasm_bindgen_test]
async fn the_home_link_leads_back_from_not_found() {
    let page = Page::open("#/doc/nope").await;
    page.click("[data-view=not-found] [data-nav=home]").await;
    page.wait_for("[data-view=list]").await;
}

#[wasm_bindgen_test]
async fn metadata_is_text_and_only_http_urls_are_links() {
    let page = Page::open("#/doc/gamma").await;
    page.wait_for("[data-view=reader]").await;
    assert_eq!(page.text("h1"), "<img src=x onerror=alert(1)>");
    assert!(page.find("h1 img").is_none());
    assert!(page.find(".origin a").is_none(), "a javascript: URL never becomes a link");
    assert_eq!(page.text(".origin"), "javascript:alert(1)");

    let page = Page::open("#/doc/beta").await;
    page.wait_for("[data-view=reader]").await;
    assert_eq!(page.text("[data-passage='1'] p"), "One <b>not bold</b>.");
}

fn active_passage() -> Option<String> {
    document().active_element().and_then(|e| e.get_attribute("data-passage"))
}

#[wasm_bindgen_test]
async fn typing_shows_ranked_results_with_fuzzy_matches_marked() {
    let page = Page::open("#/").await;
    page.type_query("sovereinty").await;
    let result = page.wait_for("[data-view=search] a.result").await;
    assert_eq!(result.get_attribute("data-doc-id").as_deref(), Some("delta"));
    assert_eq!(result.get_attribute("data-passage").as_deref(), Some("1"));
    assert_eq!(page.text("a.result mark"), "sovereignty");
    assert_eq!(window().location().hash().unwrap(), "#/search?q=sovereinty");
    let status = page.find("#search-status").unwrap();
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(status.text_content().unwrap(), "1 passage in 1 document.");
    assert_eq!(status.get_attribute("data-result-count").as_deref(), Some("1"));

    page.type_query("passage").await;
    eventually("four results", || page.all("a.result").len() == 4).await;
    let groups: Vec<String> = page.all(".result-group").iter().map(|g| g.get_attribute("data-doc-id").unwrap()).collect();
    assert_eq!(groups, ["alpha", "gamma"], "results are grouped by document");
}

#[wasm_bindgen_test]
async fn keyboard_alone_finds_and_opens_a_paragraph() {
    let page = Page::open("#/").await;
    page.press("/");
    eventually("/ focuses the search box", || {
        document().active_element().is_some_and(|e| e.has_attribute("data-search-input"))
    })
    .await;
    page.type_query("multilateral aproach").await;
    page.wait_for("a.result").await;
    page.press("ArrowDown");
    eventually("↓ moves into the results", || active_passage().as_deref() == Some("2")).await;
    page.press("ArrowUp");
    eventually("↑ from the first result returns to the box", || {
        document().active_element().is_some_and(|e| e.has_attribute("data-search-input"))
    })
    .await;
    page.press("Enter");
    page.wait_for("[data-view=reader][data-doc-id=delta]").await;
    assert_eq!(window().location().hash().unwrap(), "#/doc/delta/2?q=multilateral%20aproach");
    page.wait_for("[data-passage='2'].is-target").await;
    let marked: Vec<String> = page.all("[data-passage='2'] mark").iter().map(|m| m.text_content().unwrap()).collect();
    assert_eq!(marked, ["multilateral", "approach"]);
    eventually("the opened ¶ has focus", || active_passage().as_deref() == Some("2")).await;
}

#[wasm_bindgen_test]
async fn escape_clears_and_no_match_suggests_words() {
    let page = Page::open("#/search?q=sovereigntee%20intrnational").await;
    page.wait_for("[data-view=search]").await;
    let input: HtmlInputElement = page.find("[data-search-input]").unwrap().unchecked_into();
    eventually("a shared search link fills the box", || input.value() == "sovereigntee intrnational").await;
    page.wait_for("a.result").await;

    page.type_query("xqzzy").await;
    eventually("no match is announced", || page.text("#search-status").contains("No passages match “xqzzy”")).await;
    assert!(page.find("[data-suggestions]").is_none(), "nothing near enough to suggest");

    page.type_query("kasakstann").await;
    eventually("a near word is suggested", || page.find("[data-suggestions] a").is_some()).await;

    page.type_query("\"sovereignty china\"").await;
    eventually("a phrase that is not there is offered loose", || {
        page.find("[data-suggestions] a").and_then(|a| a.text_content()).as_deref() == Some("sovereignty china")
    })
    .await;

    page.press("Escape");
    eventually("Esc clears the box", || input.value().is_empty()).await;
    assert!(page.all("a.result").is_empty());
}

#[wasm_bindgen_test]
async fn paragraphs_go_to_the_tray_and_compare_side_by_side() {
    let page = Page::open("#/doc/delta").await;
    page.click("[data-compare-passage='1']").await;
    page.click("[data-compare-passage='2']").await;
    page.click("[data-compare-passage='2']").await;
    eventually("the tray holds each paragraph once", || {
        page.find("[data-tray]").and_then(|t| t.get_attribute("data-tray-count")).as_deref() == Some("2")
    })
    .await;
    assert_eq!(page.text("[data-tray-status]"), "Already in the comparison: 2 quotes.", "each addition is announced");
    page.click("[data-tray]").await;
    page.wait_for("[data-view=compare]").await;
    eventually("two columns", || page.all("[data-column]").len() == 2).await;
    // Nothing is shared, so all of it reads as changed, to the eye and to a screen reader.
    assert_eq!(
        page.text("[data-column='0'] [data-quote-text] mark.w-changed"),
        "China promotes Internet sovereignty in international fora, says Kazakhstan. (changed)"
    );
    let similarity = page.find("[data-column='1'] [data-similarity]").unwrap().get_attribute("data-similarity").unwrap();
    assert_eq!(similarity, "0", "the two paragraphs share no word");
    page.click("[data-column='0'] [data-remove]").await;
    eventually("one column left", || page.all("[data-column]").len() == 1).await;
    // Each ¶ travels as its quote selector (document, ¶, corpus version, text).
    assert!(window().location().hash().unwrap().starts_with("#/compare?i=q:delta~2~"), "{}", window().location().hash().unwrap());
}

#[wasm_bindgen_test]
async fn checking_a_misquote_names_the_words_and_the_paragraph() {
    let page = Page::open("#/check?q=China%20promotes%20Internet%20sovereignty%20in%20global%20fora").await;
    let verdict = page.wait_for("[data-verdict]").await;
    assert_eq!(verdict.get_attribute("data-verdict").as_deref(), Some("differs"));
    assert!(page.text("[data-verdict]").contains("Matches with 1 word different"), "{}", page.text("[data-verdict]"));
    assert_eq!(page.find("[data-column='1'] a[data-passage]").unwrap().get_attribute("data-doc-id").as_deref(), Some("delta"));
    let changed: Vec<String> = page.all("[data-column='1'] mark.w-changed").iter().map(|m| m.text_content().unwrap()).collect();
    assert_eq!(changed, ["international (changed)"]);
}

#[wasm_bindgen_test]
async fn the_tray_works_when_storage_throws() {
    js_sys::eval("Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } })").unwrap();
    let page = Page::open("#/doc/alpha").await;
    page.click("[data-compare-passage='1']").await;
    eventually("the tray counts without storage", || {
        page.find("[data-tray]").and_then(|t| t.get_attribute("data-tray-count")).as_deref() == Some("1")
    })
    .await;
    js_sys::eval("delete window.localStorage").unwrap();
}

#[wasm_bindgen_test]
async fn a_wasm_trap_shows_the_crash_message_and_other_script_errors_do_not() {
    let page = Page::open("#/doc/alpha/2").await;
    lectern_app::crash::listen_for_traps();
    let dispatch = |event: &str, field: &str, error: &JsValue| {
        let init = js_sys::Object::new();
        js_sys::Reflect::set(&init, &field.into(), error).unwrap();
        // A rejection event names its promise; an already settled one will do.
        js_sys::Reflect::set(&init, &"promise".into(), &js_sys::Promise::resolve(&JsValue::NULL)).unwrap();
        let class = if event == "error" { "ErrorEvent" } else { "PromiseRejectionEvent" };
        let make = js_sys::Function::new_with_args("c, t, i", "return new globalThis[c](t, i)");
        let ev = make.call3(&JsValue::NULL, &class.into(), &event.into(), &init).unwrap();
        web_sys::window().unwrap().dispatch_event(ev.unchecked_ref()).unwrap();
    };
    let crashed = || document().get_element_by_id(lectern_app::crash::CRASH_ID);
    dispatch("error", "error", &js_sys::Error::new("a host page's own bug").into());
    assert!(crashed().is_none(), "an error of another script is not Lectern's crash");
    dispatch("unhandledrejection", "reason", &js_sys::WebAssembly::RuntimeError::new("unreachable").into());
    let panel = crashed().expect("a trap in a future shows the crash message");
    assert!(panel.text_content().unwrap().contains("RuntimeError: unreachable"), "{:?}", panel.text_content());
    panel.remove();
    dispatch("error", "error", &js_sys::WebAssembly::RuntimeError::new("unreachable").into());
    crashed().expect("a trap in an event handler shows the crash message").remove();
    drop(page);
}

#[wasm_bindgen_test]
async fn a_crash_shows_a_message_with_a_way_to_reload() {
    let page = Page::open("#/doc/alpha/2").await;
    lectern_app::crash::show("index out of bounds <b>not bold</b>");
    let panel = document().get_element_by_id(lectern_app::crash::CRASH_ID).expect("the crash message is shown");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert!(panel.text_content().unwrap().contains("Lectern stopped working"));
    assert!(panel.query_selector("b").unwrap().is_none(), "the detail is text, never markup");
    let reload = panel.query_selector("[data-reload]").unwrap().unwrap();
    let href = reload.get_attribute("href").unwrap();
    assert!(href.contains("reload=") && href.ends_with("#/doc/alpha/2"), "{href}");
    assert_eq!(document().active_element().unwrap(), reload);
    lectern_app::crash::show("a second panic");
    assert_eq!(document().query_selector_all(".crash").unwrap().length(), 1, "shown once");
    panel.remove();
    drop(page);
}
