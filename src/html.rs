//! An HTML file's text, taken out through the browser's own parser (`DOMParser`: no script runs
//! and nothing is fetched), as the engine's [`Incoming::Html`]: its title and the text of each
//! block element, in order.
//!
//! Guarantees: scripts, styles, templates, navigation bars and other non-text elements give
//! no text; every
//! block element (paragraphs, headings, list items, quotes, table cells, divisions…) starts and
//! ends a passage, so text around a nested block is kept as its own passage, never dropped;
//! `<br>` is a line break. A file not in UTF-8 is read in the encoding it declares, as a
//! browser would read it.

use lectern_engine::own::Incoming;
use web_sys::{DomParser, Node, SupportedType, TextDecoder};

/// Elements whose content is not text a reader sees.
const SKIP: &[&str] = &["script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "canvas", "select", "button", "nav"];

/// Elements that begin and end a passage.
const BLOCKS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd", "figcaption", "caption", "div",
    "section", "article", "aside", "header", "footer", "main", "nav", "address", "ul", "ol", "dl", "table", "tr", "figure", "hr",
    "details", "summary", "form", "fieldset", "body",
];

/// The text of an HTML file: UTF-8, or else in the encoding it declares (an older page saved
/// as `windows-1252` reads "café", not "caf�"), decoded by the browser's `TextDecoder`.
fn decoded(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let label = lectern_engine::own::html_encoding(bytes);
    TextDecoder::new_with_label(&label)
        .or_else(|_| TextDecoder::new_with_label("windows-1252"))
        .and_then(|decoder| decoder.decode_with_u8_array(bytes))
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
}

/// `bytes` (an HTML file named `name`) as the engine takes it.
pub fn incoming(name: String, bytes: &[u8]) -> Incoming {
    // Inert first, so the page's policy has nothing to block (and report) while it parses.
    let text = lectern_engine::own::inert_html(&decoded(bytes));
    let parsed = DomParser::new().and_then(|p| p.parse_from_string(&text, SupportedType::TextHtml));
    let Ok(doc) = parsed else { return Incoming::Html { name, title: None, blocks: Vec::new() } };
    let heading = || doc.query_selector("h1").ok().flatten().and_then(|h| h.text_content());
    let title = Some(doc.title()).filter(|t| !t.trim().is_empty()).or_else(heading);
    let mut blocks = Vec::new();
    let mut current = String::new();
    if let Some(body) = doc.body() {
        walk(&body, &mut blocks, &mut current);
    }
    flush(&mut current, &mut blocks);
    Incoming::Html { name, title, blocks }
}

fn flush(current: &mut String, blocks: &mut Vec<String>) {
    if !current.trim().is_empty() {
        blocks.push(std::mem::take(current));
    }
    current.clear();
}

fn walk(node: &Node, blocks: &mut Vec<String>, current: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        match child.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => current.push_str(&child.text_content().unwrap_or_default()),
            Node::ELEMENT_NODE => {
                let tag = child.node_name().to_ascii_lowercase();
                if SKIP.contains(&tag.as_str()) {
                    continue;
                }
                if tag == "br" {
                    current.push('\n');
                    continue;
                }
                let block = BLOCKS.contains(&tag.as_str());
                if block {
                    flush(current, blocks);
                }
                walk(&child, blocks, current);
                if block {
                    flush(current, blocks);
                }
            }
            _ => {}
        }
    }
}
