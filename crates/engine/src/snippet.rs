//! Showing matches: a snippet window around the densest matches, and text cut into marked and
//! unmarked pieces for rendering.
//!
//! Guarantees: every range returned lies inside the text on char boundaries; pieces cover their
//! range exactly, in order, and a marked piece is exactly a highlight (clipped to the range).

use std::ops::Range;

/// A run of text, marked when it is a matched word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The text of the piece.
    pub text: &'a str,
    /// Whether it is a matched word, to be marked.
    pub marked: bool,
}

/// The part of `text` to show, about `max_chars` long, placed to hold as many highlights as
/// possible, starting and ending at word boundaries. The whole text when it is short enough.
pub fn snippet_range(text: &str, highlights: &[Range<usize>], max_chars: usize) -> Range<usize> {
    if text.chars().count() <= max_chars {
        return 0..text.len();
    }
    // Byte offset of each char, to move by characters.
    let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    let char_at = |byte: usize| offsets.partition_point(|&o| o < byte);
    let context = max_chars / 5;
    let mut best = (0usize, 0usize); // (highlights in window, start char)
    for h in highlights {
        let start = char_at(h.start).saturating_sub(context);
        let end_byte = offsets[(start + max_chars).min(offsets.len() - 1)];
        let inside = highlights.iter().filter(|o| o.start >= offsets[start] && o.end <= end_byte).count();
        if inside > best.0 {
            best = (inside, start);
        }
    }
    let mut start = best.1;
    let mut end = (start + max_chars).min(offsets.len() - 1);
    if end == offsets.len() - 1 {
        start = end.saturating_sub(max_chars);
    }
    let chars: Vec<char> = text.chars().collect();
    while start > 0 && !chars[start - 1].is_whitespace() {
        start += 1;
        if start >= end {
            start = best.1;
            break;
        }
    }
    while end < chars.len() && !chars[end].is_whitespace() {
        end -= 1;
        if end <= start {
            end = (start + max_chars).min(chars.len());
            break;
        }
    }
    let range = offsets[start]..offsets[end];
    let trimmed = text[range.clone()].trim();
    let lead = text[range.clone()].len() - text[range.clone()].trim_start().len();
    range.start + lead..range.start + lead + trimmed.len()
}

/// `text[range]` cut into pieces, with the parts inside `highlights` marked.
pub fn pieces<'a>(text: &'a str, range: Range<usize>, highlights: &[Range<usize>]) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut at = range.start;
    for h in highlights {
        let (start, end) = (h.start.max(range.start), h.end.min(range.end));
        if start >= end || start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push(Piece { text: &text[at..start], marked: false });
        }
        out.push(Piece { text: &text[start..end], marked: true });
        at = end;
    }
    if at < range.end {
        out.push(Piece { text: &text[at..range.end], marked: false });
    }
    out
}

/// `text[range]` cut wherever any of `layers` starts or ends; each piece carries one flag per
/// layer (bit `i` set when the piece lies inside layer `i`). Ranges in a layer may overlap.
pub fn layered(text: &str, range: Range<usize>, layers: &[&[Range<usize>]]) -> Vec<(Range<usize>, u32)> {
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for layer in layers {
        for r in layer.iter() {
            for at in [r.start, r.end] {
                if at > range.start && at < range.end && text.is_char_boundary(at) {
                    cuts.push(at);
                }
            }
        }
    }
    crate::order::sort_ids(&mut cuts, |a, b| a.cmp(&b));
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let piece = w[0]..w[1];
            let flags = layers.iter().enumerate().fold(0u32, |flags, (i, layer)| {
                if layer.iter().any(|r| r.start <= piece.start && piece.end <= r.end) { flags | 1 << i } else { flags }
            });
            (piece, flags)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_pieces(text: &str, range: Range<usize>, highlights: &[Range<usize>], expected: &[(&str, bool)]) {
        let got: Vec<(&str, bool)> = pieces(text, range, highlights).into_iter().map(|p| (p.text, p.marked)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn pieces_cover_the_range() {
        check_pieces("one two three", 0..13, &[4..7], &[("one ", false), ("two", true), (" three", false)]);
        check_pieces("one two three", 4..13, &[0..3, 4..7, 8..13], &[("two", true), (" ", false), ("three", true)]);
        check_pieces("héllo wörld", 0..13, &[7..13], &[("héllo ", false), ("wörld", true)]);
        check_pieces("abc", 0..3, &[], &[("abc", false)]);
    }

    #[test]
    fn layers_cut_at_every_edge() {
        let text = "say “we need to respect” now";
        let at = |s: &str| text.find(s).unwrap();
        let quote = [at("we")..at("”")];
        let marks = [at("need")..at(" to"), at("respect")..at(" now")];
        let got: Vec<(&str, u32)> = layered(text, 0..text.len(), &[&quote, &marks]).into_iter().map(|(r, f)| (&text[r], f)).collect();
        assert_eq!(got, [("say “", 0), ("we ", 1), ("need", 3), (" to ", 1), ("respect", 3), ("”", 2), (" now", 0)]);
    }

    #[test]
    fn snippets_centre_on_matches_at_word_boundaries() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau";
        assert_eq!(snippet_range("short text", &[0..5], 50), 0..10);
        let sigma = text.find("sigma").unwrap();
        let r = snippet_range(text, &[sigma..sigma + 5], 30);
        let shown = &text[r.clone()];
        assert!(shown.contains("sigma"), "{shown}");
        assert!(shown.chars().count() <= 30, "{shown}");
        assert!(!shown.starts_with(' ') && !shown.ends_with(' '));
        assert!(r.start == 0 || text.as_bytes()[r.start - 1] == b' ', "{shown}");
        let r = snippet_range(text, &[], 30);
        assert!(text[r].starts_with("alpha"));
        let cjk = "网络主权".repeat(40);
        let r = snippet_range(&cjk, &[30..36], 20);
        assert!(cjk.get(r).is_some());
    }
}
