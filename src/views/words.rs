//! Wording shared by the views: counts with their noun, what the reader typed set in quotes,
//! and shares as whole percentages.
//! Percentages are formatted as integers, which keeps float formatting out of the wasm.

/// "1 passage", "3 passages": `n` and its noun, made plural by an "s" unless `n` is 1.
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {}", noun_for(n, noun))
}

/// The noun alone, made plural by an "s" unless `n` is 1 ("of 250 documents").
pub fn noun_for(n: usize, noun: &str) -> String {
    if n == 1 { noun.to_string() } else { format!("{noun}s") }
}

/// What the reader typed, trimmed and set in curly quotes ("“sovereignty”"), or as typed when it
/// already opens with a quote mark: a phrase search reads `"internet governance"`, not
/// `“"internet governance"”`.
pub fn quoted(typed: &str) -> String {
    let typed = typed.trim();
    if typed.starts_with(|c| lectern_engine::query::QUOTES.contains(&c) || c == '‘') {
        typed.to_string()
    } else {
        format!("“{typed}”")
    }
}

/// A share in 0..=1 as a whole percentage, rounded (0.625 → 63).
pub fn percent(share: f32) -> u32 {
    (share.clamp(0.0, 1.0) * 100.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_percentages() {
        assert_eq!(plural(1, "passage"), "1 passage");
        assert_eq!(plural(0, "passage"), "0 passages");
        assert_eq!(plural(21226, "passage"), "21226 passages");
        assert_eq!(noun_for(250, "document"), "documents");
        assert_eq!((percent(0.625), percent(0.0), percent(1.0), percent(1.7)), (63, 0, 100, 100));
        assert_eq!(quoted(" sovereignty "), "“sovereignty”");
        assert_eq!(quoted("\"internet governance\""), "\"internet governance\"");
        assert_eq!(quoted("“chomgi"), "“chomgi");
        assert_eq!(quoted("it’s"), "“it’s”");
    }
}
