//! English function words: the articles, pronouns, prepositions, conjunctions, auxiliaries and
//! determiners that carry grammar rather than a topic.
//!
//! One list for the whole engine. Search uses it to tell a query's content words from its
//! function words: function words still count for phrases and word order, but they are not
//! marked when the query has content words, and result counts ask only for the content words.
//! A later concordance or word-frequency view is meant to reuse the same list.
//!
//! Guarantee: the list holds folded terms (as [`crate::text::tokenize`] makes them: lowercase,
//! no marks, straight apostrophe), sorted and without repeats, so lookup is a binary search.

/// Folded English function words, sorted.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "doing", "down", "during", "each", "either", "few", "for", "from", "further", "had", "has", "have", "having", "he",
    "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "may", "me", "might", "more", "most", "must", "my", "myself", "neither", "no", "nor", "not", "of", "off",
    "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "shall",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very",
    "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will",
    "with", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
];

/// True when the folded `term` is an English function word.
pub fn is_function_word(term: &str) -> bool {
    FUNCTION_WORDS.binary_search(&term).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn the_list_is_sorted_unique_and_folded() {
        for pair in FUNCTION_WORDS.windows(2) {
            assert!(pair[0] < pair[1], "{:?} must come before {:?} (sorted, no repeats)", pair[0], pair[1]);
        }
        for word in FUNCTION_WORDS {
            assert_eq!(fold(word), *word, "{word:?} is not folded");
        }
    }

    #[test]
    fn function_and_content_words() {
        for (term, expected) in [("of", true), ("a", true), ("and", true), ("these", true), ("the", true), ("lincoln", false), ("union", false), ("", false), ("theses", false)] {
            assert_eq!(is_function_word(term), expected, "{term:?}");
        }
    }
}
