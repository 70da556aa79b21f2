//! Cutting a long message into parts that Mattermost posts whole: every part at most 16,383 code points (the
//! server's post limit), cut only between lines, so no table row, link or emoji is ever broken. The server itself
//! would cut by code point count alone, anywhere.

use crate::error::{Error, Result};

/// The most code points one post holds on current servers (`PostMessageMaxRunesV2`).
pub const MAX_POST_CHARS: usize = 16_383;

/// Splits `text` into parts of at most `max` code points, each made of whole lines; `parts.join("\n")` is `text`.
/// A single line longer than `max` cannot be posted whole, and is refused: the message builder keeps lines short.
pub fn split_lines(text: &str, max: usize) -> Result<Vec<String>> {
    let mut parts = Vec::new();
    // The part being filled, and its length in code points.
    let mut current: Option<(String, usize)> = None;
    for line in text.split('\n') {
        let len = line.chars().count();
        if len > max {
            return Err(Error::invalid(format!(
                "A line of the message is {len} characters long, more than one post can hold ({max})."
            )));
        }
        current = Some(match current.take() {
            None => (line.to_owned(), len),
            Some((mut part, part_len)) if part_len + 1 + len <= max => {
                part.push('\n');
                part.push_str(line);
                (part, part_len + 1 + len)
            }
            Some((part, _)) => {
                parts.push(part);
                (line.to_owned(), len)
            }
        });
    }
    parts.extend(current.map(|(part, _)| part));
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn short_messages_stay_whole() {
        assert_eq!(split_lines("a\nb", 100).unwrap(), ["a\nb"]);
        assert_eq!(split_lines("", 100).unwrap(), [""]);
    }

    #[test]
    fn long_messages_are_cut_between_lines() {
        let parts = split_lines("aaaa\nbbbb\ncccc", 9).unwrap();
        assert_eq!(parts, ["aaaa\nbbbb", "cccc"]);
        assert!(split_lines(&"x".repeat(10), 9).is_err());
    }

    #[test]
    fn code_points_are_counted_not_bytes() {
        let emoji = "🚀".repeat(5);
        assert_eq!(split_lines(&format!("{emoji}\n{emoji}"), 11).unwrap().len(), 1);
        assert_eq!(split_lines(&format!("{emoji}\n{emoji}"), 10).unwrap().len(), 2);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Every part fits, the parts rejoin to the original, and no line is cut.
        #[test]
        fn parts_fit_rejoin_and_keep_lines_whole(
            lines in proptest::collection::vec("[a-z|🚀 ]{0,12}", 0..40),
            max in 12usize..60,
        ) {
            let text = lines.join("\n");
            let parts = split_lines(&text, max).unwrap();
            for part in &parts {
                prop_assert!(part.chars().count() <= max, "{:?} is longer than {}", part, max);
            }
            prop_assert_eq!(parts.join("\n"), text.clone());
            let mut rejoined_lines: Vec<&str> = Vec::new();
            for part in &parts {
                rejoined_lines.extend(part.split('\n'));
            }
            prop_assert_eq!(rejoined_lines, text.split('\n').collect::<Vec<_>>());
        }
    }
}
