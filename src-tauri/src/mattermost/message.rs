//! The board's outcome as a Mattermost message: Markdown that reads well in the channel without opening the app.
//!
//! Implement and Challenge come first; each quadrant lists its ideas in rank order, with owner, link and scores when
//! asked; then what changed since the last post, and a footer. Every piece of user text goes through
//! [`mentions::neutralise`]. The ideas' text shows as written: backticks in it are escaped so that they can never open a
//! code span (where a mention would be hidden from the neutraliser), and `|` is escaped so that it cannot break a
//! table row. The facilitator's note keeps its Markdown (see [`note_markdown`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::mentions;
use crate::domain::{Quadrant, Zone};
use crate::error::{Error, Result};
use crate::storage::boards::Board;
use crate::storage::ideas::Idea;
use crate::text;

/// The most code points one post holds on current servers (`PostMessageMaxRunesV2`); the server would cut a longer
/// message anywhere, so a long outcome is cut between its lines into several posts (see [`build_parts`]).
pub const MAX_POST_CHARS: usize = 16_383;

/// What the user chose in the post preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostOptions {
    pub quadrants: Vec<Quadrant>,
    pub include_scores: bool,
    pub include_owners: bool,
    pub include_links: bool,
    pub include_changes: bool,
    /// A note from the facilitator, shown under the heading.
    pub note: String,
    /// Mention each idea's owner (`@owner`) on purpose; nothing else ever pings.
    pub notify_owners: bool,
}

impl Default for PostOptions {
    fn default() -> Self {
        PostOptions {
            quadrants: ORDER.to_vec(),
            include_scores: true,
            include_owners: true,
            include_links: true,
            include_changes: true,
            note: String::new(),
            notify_owners: false,
        }
    }
}

/// The order quadrants are posted in: what to do first.
pub const ORDER: [Quadrant; 4] = [
    Quadrant::Implement,
    Quadrant::Challenge,
    Quadrant::Possible,
    Quadrant::Kill,
];

/// An idea as it stood at the last successful post, to tell what changed since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedIdea {
    pub id: i64,
    pub title: String,
    pub zone: Zone,
}

pub fn snapshot(board: &Board) -> Vec<PostedIdea> {
    board
        .ideas
        .iter()
        .map(|i| PostedIdea {
            id: i.id,
            title: i.title.clone(),
            zone: i.zone,
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Added { title: String, to: Zone },
    Moved { title: String, from: Zone, to: Zone },
    Removed { title: String, from: Zone },
}

/// What changed between the last post and now, in the board's order.
pub fn changes(before: &[PostedIdea], now: &[Idea]) -> Vec<Change> {
    let mut out = Vec::new();
    for idea in now {
        match before.iter().find(|b| b.id == idea.id) {
            None => out.push(Change::Added {
                title: idea.title.clone(),
                to: idea.zone,
            }),
            Some(b) if b.zone != idea.zone => {
                out.push(Change::Moved {
                    title: idea.title.clone(),
                    from: b.zone,
                    to: idea.zone,
                });
            }
            Some(_) => {}
        }
    }
    for b in before {
        if !now.iter().any(|i| i.id == b.id) {
            out.push(Change::Removed {
                title: b.title.clone(),
                from: b.zone,
            });
        }
    }
    out
}

fn zone_name(zone: Zone) -> &'static str {
    zone.quadrant().map_or("Unsorted", Quadrant::name)
}

/// A quadrant's coloured circle: Mattermost's emoji code in a post, the character itself in a document (a wiki or an
/// editor showed the export's `:large_green_circle:` as typed).
fn emoji(q: Quadrant, audience: Audience) -> &'static str {
    match (q, audience) {
        (Quadrant::Implement, Audience::Channel) => ":large_green_circle:",
        (Quadrant::Challenge, Audience::Channel) => ":large_yellow_circle:",
        (Quadrant::Possible, Audience::Channel) => ":large_blue_circle:",
        (Quadrant::Kill, Audience::Channel) => ":red_circle:",
        (Quadrant::Implement, Audience::Document) => "🟢",
        (Quadrant::Challenge, Audience::Document) => "🟡",
        (Quadrant::Possible, Audience::Document) => "🔵",
        (Quadrant::Kill, Audience::Document) => "🔴",
    }
}

fn meaning(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Implement => "quick wins: high payoff, easy",
        Quadrant::Challenge => "worth the effort: high payoff, hard",
        Quadrant::Possible => "maybe later: low payoff, easy",
        Quadrant::Kill => "drop it: low payoff, hard",
    }
}

/// User text made safe for the message: no mentions, no code spans, no table breaks, one line, no bidirectional
/// controls (see [`text::isolated`]), and no Markdown of its own: a title reads in Mattermost as on the board
/// ("Fix *stars*" lost its asterisks to italics, and `[x](…)` made a link).
pub fn safe(text: &str) -> String {
    let one_line = text::isolated(text).replace(['\r', '\n'], " ");
    // Each backtick escaped, so that none opens a code span, and the text between them neutralised on its own: the
    // neutraliser leaves code as written, and would take the backticks it is given for one. (They were posted as
    // `ˋ`, which changed what the title says: "`kubectl`" read "ˋkubectlˋ" in the channel.)
    let pieces: Vec<String> = one_line.split('`').map(plain_piece).collect();
    pieces.join("\\`")
}

/// A piece of user text without backticks, as plain text: its Markdown characters escaped, its mentions defused and
/// its `|` escaped (after the rest: an escaped backslash before it would leave the pipe open).
fn plain_piece(piece: &str) -> String {
    mentions::neutralise(&escaped(piece, &[])).replace('|', "\\|")
}

/// `text` with its Markdown characters escaped (and those of `also`), and what would begin HTML or a character
/// reference ([`opens_markup`]). An address Mattermost makes a link of (`www.example.com/a_b`) keeps its `_`, `*` and
/// `~`: escaped, their backslashes became part of the link ("…/a%5C_b", a page that does not exist).
fn escaped(text: &str, also: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, word) in text.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let address = address_start(word);
        let mut chars = word.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let kept = address.is_some_and(|start| at >= start) && matches!(c, '_' | '*' | '~');
            let markup = matches!(c, '\\' | '*' | '_' | '~' | '[' | ']')
                || also.contains(&c)
                || opens_markup(c, chars.peek().map(|&(_, next)| next));
            if markup && !kept {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Whether `c`, before `next`, would begin HTML or a character reference: `<` before a tag's or a comment's first
/// character (`<img …>`, `</b>`, `<!--`, `<https://…>`), `&` before a name or number (`&lt;` showed as "<", not as
/// typed). `a < b` and `R&D` begin nothing.
fn opens_markup(c: char, next: Option<char>) -> bool {
    next.is_some_and(|n| match c {
        '<' => n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'),
        '&' => n.is_ascii_alphanumeric() || n == '#',
        _ => false,
    })
}

/// Where in `word` begins what Mattermost turns into a link by itself: a web address (`https://…` or `www.…`) with a
/// domain of two or more parts, after the punctuation an address may follow (`(`, `*`, `_`, `~`). Its `_`, `*` and
/// `~` stay unescaped: left in it, they are the link's; after it (trailing punctuation, which ends the link), they can
/// close emphasis but not open it, and nothing else opens it. `None` when `word` holds no such address.
fn address_start(word: &str) -> Option<usize> {
    let start = word.len() - word.trim_start_matches(['(', '*', '_', '~']).len();
    let rest = ["https://", "http://", "www."]
        .iter()
        .find_map(|scheme| word[start..].strip_prefix(scheme))?;
    let domain = &rest[..rest.find(['/', '?', '#', ':']).unwrap_or(rest.len())];
    let labels: Vec<&str> = domain.split('.').collect();
    let valid = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    valid.then_some(start)
}

/// A note the facilitator writes for the channel (a post's, a round's): its Markdown kept, as in any message they
/// write in Mattermost ("**Decided** on Tuesday" was posted with its asterisks), but no mentions and no
/// bidirectional controls, without blank lines at its ends.
pub fn note_markdown(note: &str) -> String {
    mentions::neutralise(&text::without_bidi_controls(note.trim()))
}

/// User text for a document (the Markdown export): as written, on one line, `|` escaped for the tables, kept from
/// reordering its surroundings, with no Markdown of its own (`*stars*` read as italics in the file, as they did in
/// posts), and never HTML: a `<` that would open a tag or a comment is escaped, so a title like
/// `<img src=x onerror=…>` reads as itself in whatever shows the file (`a < b` stays as it is), and so is a `&` that
/// would begin a character reference. An address in it leads where it says, as in a post.
fn document_text(text: &str) -> String {
    // `|` with the rest, not after: its backslash, escaped again, left the pipe open, and the cell ended there.
    escaped(&text::isolated(text).replace(['\r', '\n'], " "), &['`', '|'])
}

/// A Mattermost username that can be mentioned on purpose. Never `all`, `channel` or `here`: those are no one's
/// username, and as mentions they notify the whole channel (an owner typed "@channel" did, with Notify owners). Nor
/// one of them with `.`, `-`, `_` or `:` around it: Mattermost's mention parser strips those and tries again, and an
/// owner "channel." notified the whole channel.
fn mention(owner: &str) -> Option<String> {
    let name = owner.trim().trim_start_matches('@');
    let core = name.trim_matches(|c| matches!(c, '.' | '-' | '_' | ':'));
    let valid = !name.is_empty()
        && !matches!(core, "all" | "channel" | "here")
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
    valid.then(|| format!("@{name}"))
}

/// A link as Markdown, for http(s) addresses only (none with spaces). What could break out of it is percent-encoded,
/// which leaves the address the same: `(` and `)` (the link's end), `|` (a table cell's end: "a)|b" split the row, and
/// the scores shown were the link's), `<` and `>` (`<!channel>`, which a webhook turns into @channel), `@`, brackets,
/// backslashes and backticks.
fn link(url: &str) -> Option<String> {
    let ok =
        (url.starts_with("https://") || url.starts_with("http://")) && !url.chars().any(char::is_whitespace);
    ok.then(|| {
        let safe: String = url
            .chars()
            .map(|c| match c {
                '(' | ')' | '|' | '<' | '>' | '@' | '[' | ']' | '\\' | '`' => format!("%{:02X}", c as u32),
                _ => c.to_string(),
            })
            .collect();
        format!("[link]({safe})")
    })
}

/// The message for `board` as of `date` (already formatted), with the ideas' changes since `last_post`.
pub fn build(board: &Board, options: &PostOptions, last_post: Option<&[PostedIdea]>, date: &str) -> String {
    render(board, options, last_post, date, Audience::Channel)
}

/// Who reads the Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// A Mattermost channel: user text neutralised (see [`safe`]); owners notified only when asked.
    Channel,
    /// A document (export): user text as written, on one line, with `|` escaped for the tables.
    Document,
}

/// The outcome as Markdown for `audience`; [`build`] is the one for a channel.
pub fn render(
    board: &Board,
    options: &PostOptions,
    last_post: Option<&[PostedIdea]>,
    date: &str,
    audience: Audience,
) -> String {
    markdown(&sections(board, options, last_post, date, audience))
}

/// Sections as one text: their lines joined, a blank line between sections.
fn markdown(sections: &[Section]) -> String {
    sections
        .iter()
        .map(|section| {
            let lines: Vec<&str> = section
                .head
                .iter()
                .chain(&section.body)
                .map(String::as_str)
                .collect();
            lines.join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The channel message for `board` cut into posts of at most `max` code points each, every one readable on its own:
/// one post when it fits; otherwise each part starts with "Part k of n", and a part that starts inside a quadrant
/// repeats its heading with "(continued)" and the table's header, so no row ever stands outside a table.
pub fn build_parts(
    board: &Board,
    options: &PostOptions,
    last_post: Option<&[PostedIdea]>,
    date: &str,
    max: usize,
) -> Result<Vec<String>> {
    let sections = sections(board, options, last_post, date, Audience::Channel);
    let whole = markdown(&sections);
    if whole.chars().count() <= max {
        return Ok(vec![whole]);
    }
    // Room for the widest label this message can need ("_Part 9999 of 9999_" and a blank line).
    let reserve = part_label(9_999, 9_999).chars().count() + 2;
    let budget = max
        .checked_sub(reserve)
        .ok_or_else(|| Error::invalid("The post size limit is too small to hold a message."))?;
    let parts = split_sections(&sections, budget)?;
    let total = parts.len();
    Ok(parts
        .into_iter()
        .enumerate()
        .map(|(k, lines)| format!("{}\n\n{}", part_label(k + 1, total), lines.join("\n")))
        .collect())
}

fn part_label(k: usize, total: usize) -> String {
    format!("_Part {k} of {total}_")
}

/// One block of the message: lines that open it, the lines that reopen it at the top of a later part (its heading
/// marked "(continued)" and its table's header again), and its rows, each of which may start a new part.
#[derive(Debug, Default)]
struct Section {
    head: Vec<String>,
    reopen: Vec<String>,
    body: Vec<String>,
}

/// Lines of sections packed into parts of at most `budget` code points (lines joined by newlines, a blank line
/// between sections), cut only between rows; a section's head never ends a part without at least one of its rows.
fn split_sections(sections: &[Section], budget: usize) -> Result<Vec<Vec<String>>> {
    let width = |lines: &[String]| lines.iter().map(|l| l.chars().count() + 1).sum::<usize>();
    let mut parts: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    // Code points in `current`, counting one newline after every line (the last one is not sent).
    let mut used = 0;
    for section in sections {
        let first = section.body.first().map_or(&[][..], std::slice::from_ref);
        let separator = usize::from(!current.is_empty());
        if !current.is_empty() && used + separator + width(&section.head) + width(first) > budget + 1 {
            parts.push(std::mem::take(&mut current));
            used = 0;
        }
        if !current.is_empty() {
            current.push(String::new());
            used += 1;
        }
        current.extend(section.head.iter().cloned());
        used += width(&section.head);
        for line in &section.body {
            let len = line.chars().count() + 1;
            if used + len > budget + 1 {
                parts.push(std::mem::take(&mut current));
                current.extend(section.reopen.iter().cloned());
                used = width(&section.reopen);
                if used + len > budget + 1 {
                    return Err(Error::invalid(format!(
                        "A line of the message is {} characters long, more than one post can hold.",
                        len - 1
                    )));
                }
            }
            current.push(line.clone());
            used += len;
        }
        if used > budget + 1 {
            return Err(Error::invalid(
                "A heading of the message is longer than one post can hold.",
            ));
        }
    }
    parts.push(current);
    Ok(parts)
}

/// The message as sections: the title and note, each chosen quadrant, the changes, the footer.
fn sections(
    board: &Board,
    options: &PostOptions,
    last_post: Option<&[PostedIdea]>,
    date: &str,
    audience: Audience,
) -> Vec<Section> {
    let safe = |text: &str| match audience {
        Audience::Channel => safe(text),
        Audience::Document => document_text(text),
    };
    let mut title = Section {
        head: vec![format!("#### PICK outcome: {} · {date}", safe(&board.name))],
        ..Section::default()
    };
    match audience {
        // Written for the channel, as a round's note is: its Markdown is the facilitator's own.
        Audience::Channel => title
            .head
            .extend(note_markdown(&options.note).lines().map(|line| {
                if line.trim().is_empty() {
                    ">".to_owned()
                } else {
                    format!("> {line}")
                }
            })),
        Audience::Document => {
            for line in options.note.lines().filter(|l| !l.trim().is_empty()) {
                title.head.push(format!("> {}", safe(line)));
            }
        }
    }
    let mut out = vec![title];
    let chosen: Vec<Quadrant> = ORDER
        .iter()
        .copied()
        .filter(|q| options.quadrants.contains(q))
        .collect();
    // An Owner column where no idea posted has an owner was a column of empty cells.
    let include_owners = options.include_owners
        && board
            .ideas
            .iter()
            .any(|i| i.zone.quadrant().is_some_and(|q| chosen.contains(&q)) && !i.owner.trim().is_empty());
    for q in chosen {
        let ideas: Vec<&Idea> = board.ideas.iter().filter(|i| i.zone == Zone::from(q)).collect();
        let circle = emoji(q, audience);
        let heading = format!("**{circle} {}** · {} ({})", q.name(), meaning(q), ideas.len());
        let continued = format!("**{circle} {}** (continued)", q.name());
        if ideas.is_empty() {
            out.push(Section {
                head: vec![heading],
                reopen: vec![continued],
                body: vec!["_Nothing here._".to_owned()],
            });
            continue;
        }
        let mut header = vec!["#", "Idea"];
        let mut align = vec!["---:", "---"];
        if include_owners {
            header.push("Owner");
            align.push("---");
        }
        if options.include_scores {
            header.extend(["Payoff", "Cost/risk"]);
            align.extend(["---:", "---:"]);
        }
        // A blank line before the table, so that no parser takes the heading for part of it.
        let table = [
            String::new(),
            format!("| {} |", header.join(" | ")),
            format!("|{}|", align.join("|")),
        ];
        let mut section = Section {
            head: std::iter::once(heading).chain(table.iter().cloned()).collect(),
            reopen: std::iter::once(continued).chain(table.iter().cloned()).collect(),
            body: Vec::with_capacity(ideas.len()),
        };
        for (n, idea) in ideas.iter().enumerate() {
            let mut title = safe(&idea.title);
            if options.include_links {
                if let Some(l) = link(&idea.link) {
                    title.push_str(&format!(" ({l})"));
                }
            }
            let mut cells = vec![(n + 1).to_string(), title];
            if include_owners {
                let owner = match (options.notify_owners && audience == Audience::Channel)
                    .then(|| mention(&idea.owner))
                    .flatten()
                {
                    Some(m) => m,
                    None => safe(&idea.owner),
                };
                cells.push(owner);
            }
            if options.include_scores {
                let (p, c) = idea.position.map_or((String::new(), String::new()), |p| {
                    (p.payoff.points().to_string(), p.cost.points().to_string())
                });
                cells.extend([p, c]);
            }
            section.body.push(format!("| {} |", cells.join(" | ")));
        }
        out.push(section);
    }
    // A document of a board never posted has no post to count changes from: "the board's first post in this channel"
    // read there of a channel the board never had.
    if options.include_changes && (last_post.is_some() || audience == Audience::Channel) {
        let mut section = Section {
            head: vec!["**Changes since the last post**".to_owned()],
            reopen: vec!["**Changes since the last post** (continued)".to_owned()],
            body: Vec::new(),
        };
        match last_post {
            None => section
                .body
                .push("_This is the board's first post in this channel._".to_owned()),
            Some(before) => {
                let list = changes(before, &board.ideas);
                if list.is_empty() {
                    section.body.push("_No changes._".to_owned());
                }
                for change in list {
                    section.body.push(match change {
                        Change::Added { title, to } => {
                            format!("- Added “{}” to {}", safe(&title), zone_name(to))
                        }
                        Change::Moved {
                            title,
                            from,
                            to: Zone::Kill,
                        } => {
                            format!("- Killed “{}” (was {})", safe(&title), zone_name(from))
                        }
                        Change::Moved { title, from, to } => {
                            format!(
                                "- Moved “{}”: {} → {}",
                                safe(&title),
                                zone_name(from),
                                zone_name(to)
                            )
                        }
                        Change::Removed { title, from } => {
                            format!("- Removed “{}” (was {})", safe(&title), zone_name(from))
                        }
                    });
                }
            }
        }
        out.push(section);
    }
    let t = board.thresholds;
    // The board's count, said as the board's: a post of three quadrants of thirty ideas said "30 ideas" under 14.
    out.push(Section {
        head: vec![format!(
            "_{} from Pickboard · {} on the board · high payoff from {}, hard from {}_",
            match audience {
                Audience::Channel => "Posted",
                Audience::Document => "Exported",
            },
            crate::text::count(board.ideas.len(), "idea", "ideas"),
            t.payoff.points(),
            t.cost.points()
        )],
        ..Section::default()
    });
    out
}

/// `YYYY-MM-DD` for a Unix time in milliseconds, in this computer's time zone: the command line's board lists, dated
/// as the window dates them (a board changed at 00:30 in Berlin is of that day, not the day before, as UTC said).
pub fn local_date(ms: i64) -> String {
    local_day(ms).map_or_else(String::new, |day| day.format("%Y-%m-%d").to_string())
}

/// "Dec 6, 2026" for a Unix time in milliseconds, in this computer's time zone: the date of an outcome posted or
/// exported from the command line, as the window writes it in English (the command line said 2026-12-06, the window
/// Dec 6, 2026, in one channel).
pub fn local_date_in_words(ms: i64) -> String {
    local_day(ms).map_or_else(String::new, |day| day.format("%b %-d, %Y").to_string())
}

/// The day of a Unix time in milliseconds in this computer's time zone.
fn local_day(ms: i64) -> Option<chrono::NaiveDate> {
    use chrono::TimeZone;
    match chrono::Local.timestamp_millis_opt(ms) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => Some(t.date_naive()),
        // A time the local clock skipped (a change to summer time) has no local date: UTC's is the nearest.
        chrono::LocalResult::None => chrono::DateTime::from_timestamp_millis(ms).map(|t| t.date_naive()),
    }
}

/// `YYYY-MM-DD` for a Unix time in milliseconds, in UTC: backup files' names, and a round's deadline said as UTC.
pub fn utc_date(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
