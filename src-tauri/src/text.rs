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

/// Characters that draw nothing and mean nothing in a title or a name: the zero-width space, the word joiner and
/// invisible operators, the byte-order mark, the Mongolian vowel separator. Kept, a title of U+200B alone was a card
/// without a title, and "Infra" + U+200B a second board named "Infra".
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}')
}

/// Characters that draw nothing by themselves but shape their neighbours (joiners, marks of direction, variation
/// selectors, soft hyphens, the Hangul fillers, tag characters): kept inside a word, a word of them alone is blank.
pub fn is_blank(c: char) -> bool {
    is_invisible(c)
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200C}'..='\u{200F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFA0}' | '\u{E0000}'..='\u{E0FFF}')
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

/// `text`, cut to at most `max` characters with "…" at the end when it is longer.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        text.chars().take(max - 1).collect::<String>() + "…"
    }
}

/// `n` with its thousands grouped, as the window writes numbers: 1790 → "1,790".
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// "1 idea", "2 ideas", "1,790 ideas".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
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

    #[test]
    fn counts_are_grouped_and_named_in_the_singular_for_one() {
        assert_eq!(super::grouped(0), "0");
        assert_eq!(super::grouped(999), "999");
        assert_eq!(super::grouped(1_790), "1,790");
        assert_eq!(super::grouped(901_504), "901,504");
        assert_eq!(super::grouped(1_000_000), "1,000,000");
        assert_eq!(super::count(1, "idea", "ideas"), "1 idea");
        assert_eq!(super::count(2_000, "idea", "ideas"), "2,000 ideas");
    }
}
