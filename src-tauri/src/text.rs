//! User text placed among other text (a table cell, a chart label, a spreadsheet cell) must not reorder what stands
//! around it. The Unicode bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates)
//! do exactly that when left open: a title with U+202E reverses the rest of its table row in Mattermost. They are
//! dropped wherever Pickboard writes user text out; right-to-left text itself is kept, isolated (U+2068 … U+2069)
//! where it stands beside our own text, so that it reads right-to-left without moving its neighbours.

use std::borrow::Cow;

/// The explicit directional formatting characters: embeddings, overrides, their terminator, and the isolates.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without bidirectional controls; borrowed when there are none (the common case).
pub fn without_bidi_controls(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_bidi_control) {
        Cow::Owned(text.chars().filter(|&c| !is_bidi_control(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, their
/// presentation forms, and the historic right-to-left blocks).
fn is_right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// `text` ready to stand beside other text: bidirectional controls dropped, and right-to-left text wrapped in a
/// first-strong isolate so that its neighbours keep their order.
pub fn isolated(text: &str) -> Cow<'_, str> {
    let clean = without_bidi_controls(text);
    if clean.chars().any(is_right_to_left) {
        Cow::Owned(format!("\u{2068}{clean}\u{2069}"))
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn overrides_are_dropped_and_plain_text_is_borrowed() {
        assert_eq!(isolated("Fix \u{202E}gnissim\u{202C} certs"), "Fix gnissim certs");
        assert!(matches!(isolated("plain"), Cow::Borrowed("plain")));
        assert_eq!(without_bidi_controls("\u{2067}a\u{2069}\u{202B}b"), "ab");
    }

    #[test]
    fn right_to_left_text_is_isolated() {
        assert_eq!(isolated("שלום world"), "\u{2068}שלום world\u{2069}");
        assert_eq!(isolated("مرحبا\u{202E}"), "\u{2068}مرحبا\u{2069}");
    }

    proptest! {
        /// Whatever the text, at most the one isolate of our own remains, and it is closed.
        #[test]
        fn no_control_but_our_own_isolate_survives(text in "[a-z\u{202A}-\u{202E}\u{2066}-\u{2069}\u{05D0}-\u{05EA} ]{0,40}") {
            let out = isolated(&text);
            let inner = out.strip_prefix('\u{2068}').and_then(|s| s.strip_suffix('\u{2069}')).unwrap_or(&out);
            prop_assert!(!inner.chars().any(is_bidi_control), "{:?}", out);
        }
    }
}
