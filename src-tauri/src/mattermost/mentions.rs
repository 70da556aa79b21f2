//! Neutralising mentions in text that came from users, so that a posted board never pings anyone by accident.
//!
//! Mattermost scans the plain text of a post (not code) for words starting with `@` (`@channel`, `@all`, `@here`,
//! `@user`), and first turns Slack's `<!channel>`, `<!here>`, `<!all>` and `<@USERID>` into those. A zero-width space
//! right after the `@` splits the word so nothing matches, and one between `<` and `!` or `@` defuses the Slack forms.
//! Code spans and fenced code blocks are never scanned by the server, so they are left exactly as written.

/// U+200B ZERO WIDTH SPACE: invisible, not a letter, so the server's word splitter breaks on it.
pub const ZWSP: char = '\u{200B}';

/// Characters that continue a mention word after `@` (the server's name characters).
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':')
}

/// `text` with every mention outside code defused.
pub fn neutralise(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (segment, is_code) in segments(text) {
        if is_code {
            out.push_str(segment);
            continue;
        }
        let mut chars = segment.chars().peekable();
        while let Some(c) = chars.next() {
            out.push(c);
            match (c, chars.peek()) {
                ('@', Some(&next)) if is_name_char(next) => out.push(ZWSP),
                ('<', Some('!' | '@')) => out.push(ZWSP),
                _ => {}
            }
        }
    }
    out
}

/// Splits `text` into runs of plain text and code (fenced blocks and inline code spans), in order; the runs
/// concatenate to `text`.
pub fn segments(text: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut plain_start = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| trimmed.chars().take_while(|c| *c == m).count());
        match fence {
            None if indent <= 3 && run >= 3 => {
                let before = &text[plain_start..offset];
                push_inline(before, &mut out);
                fence = marker.map(|m| (m, run));
                plain_start = offset;
            }
            Some((m, n))
                if indent <= 3
                    && marker == Some(m)
                    && run >= n
                    && trimmed.trim_end().chars().all(|c| c == m) =>
            {
                let end = offset + line.len();
                push(&mut out, &text[plain_start..end], true);
                fence = None;
                plain_start = end;
            }
            _ => {}
        }
        offset += line.len();
    }
    if fence.is_some() {
        // An unclosed fence runs to the end of the text, as in CommonMark.
        push(&mut out, &text[plain_start..], true);
    } else {
        push_inline(&text[plain_start..], &mut out);
    }
    out
}

/// Splits plain text into text and inline code spans: a run of n backticks opens a span that the next run of exactly
/// n backticks on the same line closes; an unclosed run is plain text.
fn push_inline<'a>(text: &'a str, out: &mut Vec<(&'a str, bool)>) {
    let bytes = text.as_bytes();
    let mut plain_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let open = i;
        while i < bytes.len() && bytes[i] == b'`' {
            i += 1;
        }
        let n = i - open;
        // Find the closing run of exactly n backticks before the end of the line.
        let mut j = i;
        let mut close = None;
        while j < bytes.len() && bytes[j] != b'\n' {
            if bytes[j] == b'`' {
                let start = j;
                while j < bytes.len() && bytes[j] == b'`' {
                    j += 1;
                }
                if j - start == n {
                    close = Some(j);
                    break;
                }
            } else {
                j += 1;
            }
        }
        if let Some(end) = close {
            push(out, &text[plain_start..open], false);
            push(out, &text[open..end], true);
            plain_start = end;
            i = end;
        }
    }
    push(out, &text[plain_start..], false);
}

fn push<'a>(out: &mut Vec<(&'a str, bool)>, text: &'a str, code: bool) {
    if !text.is_empty() {
        out.push((text, code));
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// What the server would still read as a mention: `@` + name character, `<!` or `<@`, outside code.
    fn live_mentions(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        for (segment, is_code) in segments(text) {
            if is_code {
                continue;
            }
            let chars: Vec<char> = segment.chars().collect();
            for w in chars.windows(2) {
                if (w[0] == '@' && is_name_char(w[1])) || (w[0] == '<' && matches!(w[1], '!' | '@')) {
                    found.push(w.iter().collect());
                }
            }
        }
        found
    }

    #[test]
    fn channel_wide_and_personal_mentions_are_defused() {
        let out = neutralise("ping @channel and @all, @here: ask @ana.ruiz or <!channel> / <@U123>");
        assert!(live_mentions(&out).is_empty(), "{out:?}");
        assert_eq!(
            out.replace(ZWSP, ""),
            "ping @channel and @all, @here: ask @ana.ruiz or <!channel> / <@U123>"
        );
        assert_eq!(
            neutralise("mail me at a@b.example"),
            "mail me at a@\u{200B}b.example"
        );
    }

    #[test]
    fn code_is_left_exactly_as_written() {
        let text = "run `notify @channel` then\n```\n@here in a block\n```\nand @all after";
        let out = neutralise(text);
        assert!(out.contains("`notify @channel`"));
        assert!(out.contains("@here in a block"));
        assert!(out.contains(&format!("@{ZWSP}all after")));
    }

    #[test]
    fn segments_find_fences_and_spans() {
        let kinds: Vec<bool> = segments("a `b` c\n~~~\nd\n~~~\ne ``f`` `g")
            .iter()
            .map(|(_, code)| *code)
            .collect();
        assert_eq!(kinds, [false, true, false, true, false, true, false]);
        // An unclosed span is plain text; an unclosed fence runs to the end.
        assert_eq!(segments("`open @x"), [("`open @x", false)]);
        assert_eq!(segments("```\n@x"), [("```\n@x", true)]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Over arbitrary text (rich in @, <, !, backticks and newlines): no mention survives outside code, and the
        /// result differs from the input only by inserted zero-width spaces.
        #[test]
        fn no_mention_survives_outside_code(text in "[@<!`~ a-zA-Z0-9._:\\-\n\u{1F680}é]{0,120}") {
            let out = neutralise(&text);
            prop_assert!(live_mentions(&out).is_empty(), "{:?} -> {:?}", text, out);
            prop_assert_eq!(out.replace(ZWSP, ""), text.replace(ZWSP, ""));
            let rejoined: String = segments(&text).iter().map(|(s, _)| *s).collect();
            prop_assert_eq!(rejoined, text);
        }
    }
}
