//! Component tests in headless Chromium (`cargo test --target wasm32-unknown-unknown`): mount
//! the app on a fixture corpus, act through the DOM and the URL hash, assert what is shown.
#![cfg(target_arch = "wasm32")]

use lectern_app::App;
use lectern_engine::{Corpus, SourceFile};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const ALPHA: &str = "---\ntitle: Alpha “quoted”\nauthor: Ann Author\ndate: 2015-12-22\nsource: The Source\nurl: https://example.org/alpha\nattribution: CC BY 4.0\n---\n\nFirst passage.\n\nSecond passage.\n\nThird passage.\n";
const BETA: &str = "Beta Title\n\nOne <b>not bold</b>.\n\nTwo.\n";
const GAMMA: &str = "---\ntitle: <img src=x onerror=alert(1)>\nurl: javascript:alert(1)\n---\nOnly passage.\n";

fn fixture() -> &'static Corpus {
    let files = [SourceFile::new("alpha.md", ALPHA), SourceFile::new("beta.txt", BETA), SourceFile::new("gamma.md", GAMMA)];
    Box::leak(Box::new(Corpus::from_files("fixture", &files).expect("fixture corpus is valid")))
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
        let corpus = fixture();
        let handle = leptos::mount::mount_to(root.clone(), move || view! { <App corpus=corpus/> }.into_any());
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
    assert_eq!(ids, ["alpha", "beta", "gamma"]);
    let alpha = page.text("[data-doc-id=alpha]");
    for part in ["Alpha “quoted”", "by Ann Author", "December 22, 2015", "The Source", "3 ¶"] {
        assert!(alpha.contains(part), "{part} missing from {alpha}");
    }
    assert_eq!(page.text("[data-doc-id=beta] h2"), "Beta Title");
    assert!(page.text(".summary").contains("3 documents · 6 paragraphs"));
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
