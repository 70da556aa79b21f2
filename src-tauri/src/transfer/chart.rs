//! A picture of the PICK chart for documents and slides: 1920×1080, the quadrants in their colours and names, both
//! axes with their scales, and every placed idea as a marker with its title. SVG is written here as text; PNG is
//! that SVG drawn by resvg with the system's fonts.

use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use crate::domain::{Quadrant, Zone};
use crate::error::{Error, Result};
use crate::storage::boards::Board;
use crate::text;

pub const WIDTH: u32 = 1920;
pub const HEIGHT: u32 = 1080;

/// The plot area inside the picture.
const LEFT: f64 = 150.0;
const RIGHT: f64 = 1860.0;
const TOP: f64 = 170.0;
const BOTTOM: f64 = 960.0;

/// Above this many placed ideas the markers carry no titles: they would cover each other and the chart.
pub const MAX_LABELLED: usize = 80;
const MAX_LABEL_CHARS: usize = 40;

const FONT: &str = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
const INK: &str = "#1f2329";
const MUTED: &str = "#5d6470";

/// Fill, tint and text colour of a quadrant (the app's palette).
fn colours(q: Quadrant) -> (&'static str, &'static str, &'static str) {
    match q {
        Quadrant::Implement => ("#3db887", "#ecf8f3", "#17734f"),
        Quadrant::Challenge => ("#ffbc1f", "#fff7e4", "#7a5100"),
        Quadrant::Possible => ("#386fe5", "#ebf1fc", "#1f4fb8"),
        Quadrant::Kill => ("#d24b4e", "#fbeded", "#a9282b"),
    }
}

fn meaning(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Implement => "high payoff, easy",
        Quadrant::Challenge => "high payoff, hard",
        Quadrant::Possible => "low payoff, easy",
        Quadrant::Kill => "low payoff, hard",
    }
}

/// Text made safe inside an SVG element or attribute.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            // Each title is a text element of its own, so it cannot reorder another; controls are dropped anyway.
            c if text::is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn x_of(cost_points: f64) -> f64 {
    LEFT + (RIGHT - LEFT) * cost_points / 10.0
}

fn y_of(payoff_points: f64) -> f64 {
    BOTTOM - (BOTTOM - TOP) * payoff_points / 10.0
}

/// The opening tag every part of the picture shares.
fn header() -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{FONT}">
"#
    )
}

/// The picture in layers: the chart without markers (SVG elements), the markers of one idea, the quadrants' names
/// (over those markers), the markers of ideas at one spot (SVG elements: a larger marker that counts them, over the
/// names, whose halo hid the count, as the window writes a count over a name), then the markers' titles.
struct Layers {
    chart: String,
    markers: Vec<(f64, f64, Quadrant)>,
    stacks: String,
    /// The quadrants' names, drawn over the markers.
    names: String,
    /// The outline of each marker under a name, drawn over the names: a marker there was hidden, and the picture left
    /// its idea out without a word.
    rings: String,
    titles: String,
}

/// Ideas with the same scores, drawn as one marker: on a big board, hundreds sat under one dot, and the picture said
/// nothing of them.
struct Spot<'a> {
    x: f64,
    y: f64,
    /// The scores, in tenths: cost/risk, payoff.
    tenths: (i64, i64),
    quadrant: Quadrant,
    ideas: Vec<&'a crate::storage::ideas::Idea>,
    /// Drawn as a larger marker with its count (see [`count_where_clear`]).
    counted: bool,
}

/// The placed ideas by spot, in the board's order of their first idea.
fn spots<'a>(
    placed: &[(&'a crate::storage::ideas::Idea, crate::domain::Position, Quadrant)],
) -> Vec<Spot<'a>> {
    let mut at = std::collections::HashMap::new();
    let mut spots: Vec<Spot<'a>> = Vec::new();
    for (idea, p, q) in placed {
        let key = (p.cost.tenths(), p.payoff.tenths(), *q);
        let index = *at.entry(key).or_insert_with(|| {
            spots.push(Spot {
                x: x_of(p.cost.points()),
                y: y_of(p.payoff.points()),
                tenths: (p.cost.tenths(), p.payoff.tenths()),
                quadrant: *q,
                ideas: Vec::new(),
                counted: false,
            });
            spots.len() - 1
        });
        spots[index].ideas.push(idea);
    }
    count_where_clear(&mut spots);
    spots
}

/// Marks the spots of several ideas drawn larger, with their count: those of [`MANY_AT_ONE_SPOT`] or more, and smaller
/// ones whose larger marker stands clear of every other spot's. Where spots crowd (a board spread over the whole
/// plane), larger markers covered one another and counts of two and three were noise; a board whose ideas share a few
/// spots shows how many each holds, and so does a spot of 21 beside one of a single idea.
fn count_where_clear(spots: &mut [Spot]) {
    // One spot per place (a place's quadrant follows from it).
    let ideas_at: std::collections::HashMap<(i64, i64), usize> =
        spots.iter().map(|spot| (spot.tenths, spot.ideas.len())).collect();
    let radius = |count: usize| {
        if count > 1 {
            stack_radius(count)
        } else {
            f64::from(MARKER_RADIUS)
        }
    };
    // Pixels a tenth of a score takes across and down.
    let (across, down) = ((RIGHT - LEFT) / 100.0, (BOTTOM - TOP) / 100.0);
    let reach = stack_radius(usize::MAX) * 2.0 + 1.0;
    let (reach_x, reach_y) = ((reach / across).ceil() as i64, (reach / down).ceil() as i64);
    for spot in spots.iter_mut().filter(|spot| spot.ideas.len() > 1) {
        if spot.ideas.len() >= MANY_AT_ONE_SPOT {
            spot.counted = true;
            continue;
        }
        let (cost, payoff) = spot.tenths;
        let own = radius(ideas_at[&spot.tenths]);
        spot.counted = (-reach_x..=reach_x).all(|dx| {
            (-reach_y..=reach_y).all(|dy| {
                (dx, dy) == (0, 0)
                    || ideas_at.get(&(cost + dx, payoff + dy)).is_none_or(|&other| {
                        (dx as f64 * across).hypot(dy as f64 * down) >= own + radius(other) + 1.0
                    })
            })
        });
    }
}

/// A spot's marker grows with the ideas it holds, so that its count fits in it.
fn stack_radius(count: usize) -> f64 {
    match count {
        0..=9 => 14.0,
        10..=99 => 17.0,
        100..=999 => 21.0,
        _ => 25.0,
    }
}

/// A spot of this many ideas is counted wherever it is: ideas spread at random share a spot by three or four at most.
const MANY_AT_ONE_SPOT: usize = 5;

/// How many spots at most carry their count as text (the largest first); the others are the larger marker alone.
/// Drawing text is what takes resvg's time.
const MAX_COUNTED: usize = 400;

/// The chart as an SVG document.
pub fn svg(board: &Board, date: &str) -> String {
    let layers = layers(board, date);
    let mut s = header() + &layers.chart;
    for (x, y, q) in &layers.markers {
        let (fill, _, _) = colours(*q);
        let _ = writeln!(
            s,
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="{MARKER_RADIUS}" fill="{fill}" stroke="#ffffff" stroke-width="{MARKER_STROKE}"/>"##
        );
    }
    s.push_str(&layers.names);
    s.push_str(&layers.rings);
    s.push_str(&layers.stacks);
    s.push_str(&layers.titles);
    s.push_str("</svg>\n");
    s
}

const MARKER_RADIUS: f32 = 10.0;
const MARKER_STROKE: f32 = 2.5;

fn layers(board: &Board, date: &str) -> Layers {
    let placed: Vec<_> = board
        .ideas
        .iter()
        .filter_map(|i| Some((i, i.position?, i.zone.quadrant()?)))
        .collect();
    let unsorted = board.ideas.iter().filter(|i| i.zone == Zone::Unsorted).count();
    let labelled = placed.len() <= MAX_LABELLED;
    let (sx, sy) = threshold_lines(board);

    let mut s = String::with_capacity(4_096 + placed.len() * 200);
    let _ = write!(
        s,
        r##"<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>
<text x="{LEFT}" y="78" font-size="40" font-weight="700" fill="{INK}">{}</text>
"##,
        xml(&text::shorten(&board.name, 70))
    );
    let mut subtitle = format!("PICK chart · {date} · {} placed", text::grouped(placed.len()));
    if unsorted > 0 {
        let _ = write!(subtitle, " · {} not sorted yet", text::grouped(unsorted));
    }
    if !labelled {
        let _ = write!(subtitle, " · titles are left out above {MAX_LABELLED} ideas");
    }
    let _ = writeln!(
        s,
        r#"<text x="{LEFT}" y="122" font-size="24" fill="{MUTED}">{}</text>"#,
        xml(&subtitle)
    );

    let areas = quadrant_areas(sx, sy);
    for (q, x0, y0, x1, y1) in areas {
        let (_, tint, _) = colours(q);
        let _ = writeln!(
            s,
            r#"<rect x="{x0:.1}" y="{y0:.1}" width="{:.1}" height="{:.1}" fill="{tint}"/>"#,
            x1 - x0,
            y1 - y0
        );
    }
    // The quadrants' names go over the markers, each on a halo of its tint: on a crowded chart the markers hid them.
    let mut names = String::new();
    for (q, x0, y0, x1, y1) in areas {
        let (_, tint, text) = colours(q);
        let left = matches!(q, Quadrant::Implement | Quadrant::Possible);
        let top = matches!(q, Quadrant::Implement | Quadrant::Challenge);
        let (x, anchor) = if left {
            (x0 + 20.0, "start")
        } else {
            (x1 - 20.0, "end")
        };
        let y = if top { y0 + 44.0 } else { y1 - 44.0 };
        let _ = writeln!(
            names,
            r#"<g stroke="{tint}" stroke-width="8" stroke-linejoin="round" paint-order="stroke">
<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" font-size="34" font-weight="700" fill="{text}">{}</text>
<text x="{x:.1}" y="{:.1}" text-anchor="{anchor}" font-size="20" fill="{text}">{}</text>
</g>"#,
            q.name(),
            y + 28.0,
            meaning(q)
        );
    }

    // Axes, scales and the threshold lines.
    let _ = writeln!(
        s,
        r#"<g stroke="{MUTED}" stroke-width="2" fill="none"><path d="M{LEFT} {TOP} V{BOTTOM} H{RIGHT}"/></g>
<g stroke="{INK}" stroke-width="2" stroke-dasharray="8 6" opacity="0.5"><path d="M{sx:.1} {TOP} V{BOTTOM} M{LEFT} {sy:.1} H{RIGHT}"/></g>"#
    );
    for n in 0..=10 {
        let (x, y) = (x_of(f64::from(n)), y_of(f64::from(n)));
        let _ = writeln!(
            s,
            r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="18" fill="{MUTED}">{n}</text>
<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="18" fill="{MUTED}">{n}</text>"#,
            BOTTOM + 30.0,
            LEFT - 14.0,
            y + 6.0
        );
    }
    let _ = writeln!(
        s,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="24" fill="{INK}">Cost / risk →</text>
<text transform="translate({:.1} {:.1}) rotate(-90)" text-anchor="middle" font-size="24" fill="{INK}">Payoff →</text>"#,
        (LEFT + RIGHT) / 2.0,
        BOTTOM + 70.0,
        LEFT - 64.0,
        (TOP + BOTTOM) / 2.0
    );

    let spots = spots(&placed);
    let markers = spots
        .iter()
        .filter(|spot| !spot.counted)
        .map(|spot| (spot.x, spot.y, spot.quadrant))
        .collect();
    let stacks = stacks(&spots);
    let names_at = name_boxes(&areas);
    let mut rings = String::new();
    for spot in spots.iter().filter(|spot| !spot.counted) {
        let marker = Rect::around(spot.x, spot.y, MARKER_RADIUS.into(), MARKER_RADIUS.into());
        if names_at.iter().any(|name| name.overlaps(&marker)) {
            let (fill, _, _) = colours(spot.quadrant);
            let _ = writeln!(
                rings,
                r##"<circle cx="{:.1}" cy="{:.1}" r="{MARKER_RADIUS}" fill="none" stroke-width="3" stroke="{fill}"/>"##,
                spot.x, spot.y
            );
        }
    }
    let mut titles = String::new();
    if labelled {
        // Titles keep off the markers, the quadrants' names and the threshold lines, where they can.
        let mut taken: Vec<Rect> = spots
            .iter()
            .map(|spot| {
                let half = if spot.counted {
                    stack_radius(spot.ideas.len()) + 2.0
                } else {
                    12.0
                };
                Rect::around(spot.x, spot.y, half, half)
            })
            .collect();
        taken.extend(names_at);
        taken.push(Rect {
            left: sx - 3.0,
            top: TOP,
            right: sx + 3.0,
            bottom: BOTTOM,
        });
        taken.push(Rect {
            left: LEFT,
            top: sy - 3.0,
            right: RIGHT,
            bottom: sy + 3.0,
        });
        for spot in &spots {
            let (x, y) = (spot.x, spot.y);
            let first = &spot.ideas[0].title;
            // A spot of several ideas is titled by its first, and how many more it holds.
            let text = match spot.ideas.len() {
                1 => text::shorten(first, MAX_LABEL_CHARS),
                n => format!("{} +{} more", text::shorten(first, MAX_LABEL_CHARS - 10), n - 1),
            };
            let gap = if spot.counted {
                stack_radius(spot.ideas.len()) + 6.0
            } else {
                16.0
            };
            let (tx, ty, anchor) = place_title(x, y, gap, &text, &mut taken);
            let _ = writeln!(
                titles,
                r##"<text x="{tx:.1}" y="{ty:.1}" text-anchor="{anchor}" font-size="19" fill="{INK}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">{}</text>"##,
                xml(&text)
            );
        }
    }
    Layers {
        chart: s,
        markers,
        stacks,
        names,
        rings,
        titles,
    }
}

/// Where the board's thresholds split the plane: the cost/risk line's x and the payoff line's y.
fn threshold_lines(board: &Board) -> (f64, f64) {
    let t = board.thresholds;
    (x_of(t.cost.points()), y_of(t.payoff.points()))
}

/// The quadrants' areas, split at (`sx`, `sy`): Implement top left, Challenge top right, Possible bottom left, Kill
/// bottom right, each as (left, top, right, bottom).
fn quadrant_areas(sx: f64, sy: f64) -> [(Quadrant, f64, f64, f64, f64); 4] {
    [
        (Quadrant::Implement, LEFT, TOP, sx, sy),
        (Quadrant::Challenge, sx, TOP, RIGHT, sy),
        (Quadrant::Possible, LEFT, sy, sx, BOTTOM),
        (Quadrant::Kill, sx, sy, RIGHT, BOTTOM),
    ]
}

/// The markers of spots with more than one idea: larger, each with its count (the [`MAX_COUNTED`] largest).
fn stacks(spots: &[Spot]) -> String {
    let mut stacked: Vec<&Spot> = spots.iter().filter(|spot| spot.counted).collect();
    stacked.sort_by_key(|spot| std::cmp::Reverse(spot.ideas.len()));
    let mut out = String::new();
    // The smallest first, so that a large count is drawn over a small one beside it.
    for (rank, spot) in stacked.iter().enumerate().rev() {
        let (x, y, count) = (spot.x, spot.y, spot.ideas.len());
        let (fill, _, _) = colours(spot.quadrant);
        let r = stack_radius(count);
        let _ = writeln!(
            out,
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="{r}" fill="{fill}" stroke="#ffffff" stroke-width="{MARKER_STROKE}"/>"##
        );
        if rank < MAX_COUNTED {
            let size = if count < 1_000 { 15 } else { 13 };
            let _ = writeln!(
                out,
                r##"<text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="{size}" font-weight="700" fill="#ffffff">{count}</text>"##,
                y + f64::from(size) * 0.36
            );
        }
    }
    out
}

/// Where the quadrants' names and meanings are written (as `layers` writes them), for titles to keep off.
fn name_boxes(areas: &[(Quadrant, f64, f64, f64, f64); 4]) -> Vec<Rect> {
    areas
        .iter()
        .map(|&(q, x0, y0, x1, y1)| {
            let left = matches!(q, Quadrant::Implement | Quadrant::Possible);
            let top = matches!(q, Quadrant::Implement | Quadrant::Challenge);
            // Bold 34 px and 20 px text: about 21 and 11 px a character.
            let width =
                (q.name().chars().count() as f64 * 21.0).max(meaning(q).chars().count() as f64 * 11.0);
            let (l, r) = if left {
                (x0 + 20.0, x0 + 20.0 + width)
            } else {
                (x1 - 20.0 - width, x1 - 20.0)
            };
            let base = if top { y0 + 44.0 } else { y1 - 44.0 };
            Rect {
                left: l,
                top: base - 30.0,
                right: r,
                bottom: base + 34.0,
            }
        })
        .collect()
}

/// An axis-aligned box, to keep titles from covering each other and the markers.
#[derive(Clone, Copy)]
struct Rect {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Rect {
    fn around(x: f64, y: f64, half_width: f64, half_height: f64) -> Rect {
        Rect {
            left: x - half_width,
            top: y - half_height,
            right: x + half_width,
            bottom: y + half_height,
        }
    }

    fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }
}

/// Where a marker's title goes: to its right (or its left near the right edge), else the first spot above or below
/// that covers no other title or marker. Returns the text's anchor point and alignment, and takes the spot.
fn place_title(x: f64, y: f64, gap: f64, text: &str, taken: &mut Vec<Rect>) -> (f64, f64, &'static str) {
    // DejaVu Sans at 19 px averages about 10.5 px a character.
    let width = text.chars().count() as f64 * 10.5;
    let prefer_left = x > RIGHT - 420.0;
    let sides: [bool; 2] = if prefer_left { [true, false] } else { [false, true] };
    let box_at = |left_side: bool, dy: f64| {
        let (left, right) = if left_side {
            (x - gap - width, x - gap)
        } else {
            (x + gap, x + gap + width)
        };
        Rect {
            left,
            top: y + dy - 9.0,
            right,
            bottom: y + dy + 9.0,
        }
    };
    // Up into the blank band between the subtitle and the plane, where a title beside a quadrant's name can go.
    let inside =
        |r: &Rect| r.left >= LEFT && r.right <= RIGHT + 40.0 && r.top >= TOP - 28.0 && r.bottom <= BOTTOM;
    // The nearest spot clear of everything; failing that, the one inside the plane that covers the fewest. (A title
    // with no spot free was written across the axis: a marker at a payoff of 0 beside Possible's or Kill's name.)
    let mut choice: Option<(usize, bool, f64)> = None;
    'search: for dy in [0.0, -22.0, 22.0, -44.0, 44.0, -66.0, 66.0, -88.0, 88.0] {
        for left_side in sides {
            let candidate = box_at(left_side, dy);
            if !inside(&candidate) {
                continue;
            }
            let covered = taken.iter().filter(|t| t.overlaps(&candidate)).count();
            if choice.is_none_or(|(fewest, ..)| covered < fewest) {
                choice = Some((covered, left_side, dy));
            }
            if covered == 0 {
                break 'search;
            }
        }
    }
    let (_, left_side, dy) = choice.unwrap_or((0, sides[0], 0.0));
    taken.push(box_at(left_side, dy));
    if left_side {
        (x - gap, y + dy + 6.0, "end")
    } else {
        (x + gap, y + dy + 6.0, "start")
    }
}

/// The system's fonts, loaded once (reading them takes tens of milliseconds).
fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = resvg::usvg::fontdb::Database::new();
            db.load_system_fonts();
            // The generic family falls back to a font that is there, whatever the machine has.
            let first = db
                .faces()
                .next()
                .and_then(|f| f.families.first())
                .map(|(name, _)| name.clone());
            if let Some(name) = first {
                if !db
                    .faces()
                    .any(|f| f.families.iter().any(|(n, _)| n == "DejaVu Sans"))
                {
                    db.set_sans_serif_family(name);
                }
            }
            Arc::new(db)
        })
        .clone()
}

/// The chart as a PNG image of [`WIDTH`]×[`HEIGHT`] pixels: the same picture as [`svg`]. The markers are stamped
/// from one pre-drawn image per quadrant, so that 10,000 of them take milliseconds rather than a second.
pub fn png(board: &Board, date: &str) -> Result<Vec<u8>> {
    use resvg::{tiny_skia, usvg};
    let failed = |e: String| Error::Storage(format!("the picture could not be drawn: {e}"));
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let draw = |pixmap: &mut tiny_skia::Pixmap, elements: &str| -> Result<()> {
        let document = header() + &emoji_unjoined(elements) + "</svg>\n";
        let tree = usvg::Tree::from_str(&document, &options).map_err(|e| failed(e.to_string()))?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        Ok(())
    };
    let layers = layers(board, date);
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or_else(|| failed("no memory".into()))?;
    draw(&mut pixmap, &layers.chart)?;

    let half = MARKER_RADIUS + MARKER_STROKE;
    let size = (2.0 * half).ceil() as u32 + 2;
    let mut stamps = Vec::new();
    for q in [
        Quadrant::Implement,
        Quadrant::Challenge,
        Quadrant::Possible,
        Quadrant::Kill,
    ] {
        let mut stamp = tiny_skia::Pixmap::new(size, size).ok_or_else(|| failed("no memory".into()))?;
        let centre = size as f32 / 2.0;
        let circle = tiny_skia::PathBuilder::from_circle(centre, centre, MARKER_RADIUS)
            .ok_or_else(|| failed("bad marker".into()))?;
        let mut paint = tiny_skia::Paint {
            anti_alias: true,
            ..tiny_skia::Paint::default()
        };
        let fill = tiny_skia::Color::from_rgba8(
            u8::from_str_radix(&colours(q).0[1..3], 16).unwrap_or(0),
            u8::from_str_radix(&colours(q).0[3..5], 16).unwrap_or(0),
            u8::from_str_radix(&colours(q).0[5..7], 16).unwrap_or(0),
            255,
        );
        paint.set_color(fill);
        stamp.fill_path(
            &circle,
            &paint,
            tiny_skia::FillRule::Winding,
            tiny_skia::Transform::identity(),
            None,
        );
        paint.set_color(tiny_skia::Color::WHITE);
        let stroke = tiny_skia::Stroke {
            width: MARKER_STROKE,
            ..tiny_skia::Stroke::default()
        };
        stamp.stroke_path(&circle, &paint, &stroke, tiny_skia::Transform::identity(), None);
        stamps.push((q, stamp));
    }
    let offset = (size / 2) as f64;
    for (x, y, q) in &layers.markers {
        if let Some((_, stamp)) = stamps.iter().find(|(sq, _)| sq == q) {
            let (left, top) = ((x - offset).round() as i64, (y - offset).round() as i64);
            stamp_over(&mut pixmap, stamp, left, top);
        }
    }
    draw(
        &mut pixmap,
        &(layers.names + &layers.rings + &layers.stacks + &layers.titles),
    )?;
    encode_opaque(&pixmap).map_err(|e| failed(e.to_string()))
}

/// `markup` with each emoji the colour font composes from several (a family joined by U+200D, a skin tone) written
/// as the emoji it is made of: resvg drew no emoji at all in a text that held one ("🚀 and 👨‍👩‍👧" came out as boxes).
/// For the PNG only: the SVG keeps the text as written, for what shows it to compose.
fn emoji_unjoined(markup: &str) -> String {
    markup
        .chars()
        .filter(|c| !matches!(c, '\u{200D}' | '\u{1F3FB}'..='\u{1F3FF}'))
        .collect()
}

/// Draws `stamp` over `pixmap` with its top-left corner at (`left`, `top`): premultiplied source-over, clipped.
fn stamp_over(pixmap: &mut resvg::tiny_skia::Pixmap, stamp: &resvg::tiny_skia::Pixmap, left: i64, top: i64) {
    let (width, height) = (i64::from(pixmap.width()), i64::from(pixmap.height()));
    let stamp_width = i64::from(stamp.width());
    let src = stamp.data();
    let dst = pixmap.data_mut();
    for sy in 0..i64::from(stamp.height()) {
        let y = top + sy;
        if !(0..height).contains(&y) {
            continue;
        }
        for sx in 0..stamp_width {
            let x = left + sx;
            if !(0..width).contains(&x) {
                continue;
            }
            let s = ((sy * stamp_width + sx) * 4) as usize;
            let alpha = u32::from(src[s + 3]);
            if alpha == 0 {
                continue;
            }
            let d = ((y * width + x) * 4) as usize;
            if alpha == 255 {
                dst[d..d + 4].copy_from_slice(&src[s..s + 4]);
                continue;
            }
            for c in 0..4 {
                let under = u32::from(dst[d + c]) * (255 - alpha) / 255;
                dst[d + c] = (u32::from(src[s + c]) + under).min(255) as u8;
            }
        }
    }
}

/// Encodes an opaque picture as an RGB PNG with fast compression (tiny-skia's encoder takes over 100 ms here).
fn encode_opaque(pixmap: &resvg::tiny_skia::Pixmap) -> std::result::Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|px| [px[0], px[1], px[2]])
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    // One filter for every row: the adaptive default tries them all and doubles the time for a flat chart.
    encoder.set_filter(png::Filter::Up);
    encoder.write_header()?.write_image_data(&rgb)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Score;
    use crate::edits;
    use crate::storage::{boards, Db};

    fn board_with(titles: &[(&str, Zone)]) -> Board {
        let mut db = Db::open_in_memory().unwrap();
        db.write(|tx| {
            let id = boards::create(tx, "Infra <Q3> & “ops”")?.id;
            for (title, zone) in titles {
                edits::add_idea(tx, id, title, *zone)?;
            }
            boards::get(tx, id)
        })
        .unwrap()
    }

    #[test]
    fn the_svg_parses_and_shows_hostile_titles_as_text() {
        let board = board_with(&[
            ("<script>alert(1)</script>", Zone::Implement),
            ("<img src=x onerror=alert(1)>", Zone::Kill),
            ("Rotate the TLS certificates", Zone::Challenge),
            ("Not yet placed", Zone::Unsorted),
        ]);
        let svg = svg(&board, "2026-11-24");
        let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
        assert_eq!(tree.size().width() as u32, WIDTH);
        assert!(!svg.contains("<script") && !svg.contains("<img"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("Infra &lt;Q3&gt; &amp; “ops”"));
        assert!(svg.contains("3 placed · 1 not sorted yet"));
        assert_eq!(svg.matches("<circle").count(), 3);
        // The quadrants' names are drawn over the markers, where a crowded chart hid them.
        let last_marker = svg.rfind("<circle").unwrap();
        for name in ["Implement", "Challenge", "Possible", "Kill"] {
            assert!(
                svg.find(&format!(">{name}</text>")).unwrap() > last_marker,
                "{name}"
            );
        }
    }

    /// A board of `titles`, each at its payoff and cost/risk (in points).
    fn board_at(titles: &[(&str, f64, f64)]) -> Board {
        let mut db = Db::open_in_memory().unwrap();
        db.write(|tx| {
            let id = boards::create(tx, "Spots")?.id;
            for (title, payoff, cost) in titles {
                let idea = edits::add_idea(tx, id, title, Zone::Unsorted)?;
                let score = |points: f64| Score::from_points(points).unwrap();
                edits::set_scores(tx, idea.id, score(*payoff), score(*cost))?;
            }
            boards::get(tx, id)
        })
        .unwrap()
    }

    /// The boxes of the titles written in `svg`, as `place_title` sizes them (19 px text, 10.5 px a character).
    fn title_boxes(svg: &str) -> Vec<(String, Rect)> {
        svg.lines()
            .filter(|line| line.contains(r#"font-size="19""#))
            .map(|line| {
                let attr = |name: &str| {
                    let start = line.find(&format!(r#" {name}=""#)).unwrap() + name.len() + 3;
                    line[start..start + line[start..].find('"').unwrap()].to_string()
                };
                let text = line[line.find('>').unwrap() + 1..line.rfind("</text>").unwrap()].to_string();
                let (x, y): (f64, f64) = (attr("x").parse().unwrap(), attr("y").parse().unwrap());
                let width = text.chars().count() as f64 * 10.5;
                let (left, right) = if attr("text-anchor") == "end" {
                    (x - width, x)
                } else {
                    (x, x + width)
                };
                (
                    text,
                    Rect {
                        left,
                        top: y - 15.0,
                        right,
                        bottom: y + 3.0,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn ideas_at_one_spot_are_one_marker_that_counts_them_in_both_pictures() {
        let mut titles: Vec<(String, f64, f64)> =
            (1..=5).map(|n| (format!("Stacked {n}"), 8.0, 2.0)).collect();
        titles.push(("Alone".into(), 2.0, 8.0));
        let borrowed: Vec<(&str, f64, f64)> = titles.iter().map(|(t, p, c)| (t.as_str(), *p, *c)).collect();
        let board = board_at(&borrowed);
        let svg = svg(&board, "2026-12-05");
        assert_eq!(svg.matches("<circle").count(), 2, "one marker a spot");
        assert!(svg.contains(r##"fill="#ffffff">5</text>"##), "the spot's count");
        assert!(svg.contains(">Stacked 1 +4 more</text>"));
        assert!(!svg.contains(">Stacked 2</text>"));
        assert!(svg.contains("6 placed"));
        // In the PNG, the count is drawn in white on the marker's colour, where one idea's marker is colour alone.
        let decoded = resvg::tiny_skia::Pixmap::decode_png(&png(&board, "2026-12-05").unwrap()).unwrap();
        let (x, y) = (x_of(2.0), y_of(8.0));
        let white = (-8..=8)
            .flat_map(|dx| (-8..=8).map(move |dy| (dx, dy)))
            .filter(|(dx, dy)| {
                let p = decoded
                    .pixel((x as i32 + dx) as u32, (y as i32 + dy) as u32)
                    .unwrap();
                p.red() > 240 && p.green() > 240 && p.blue() > 240
            })
            .count();
        assert!(white > 10, "{white} white pixels of the count");
    }

    /// `pairs` spots of two ideas each, at the scores `at` gives the `n`th.
    fn pairs(count: usize, at: impl Fn(usize) -> (f64, f64)) -> Board {
        let titles: Vec<(String, f64, f64)> = (0..2 * count)
            .map(|n| {
                let (payoff, cost) = at(n / 2);
                (format!("Idea {n}"), payoff, cost)
            })
            .collect();
        let borrowed: Vec<(&str, f64, f64)> = titles.iter().map(|(t, p, c)| (t.as_str(), *p, *c)).collect();
        board_at(&borrowed)
    }

    #[test]
    fn crowded_spots_stay_plain_markers_and_spots_clear_of_others_are_counted_up_to_a_limit() {
        // 1,000 spots of two, side by side a tenth apart: larger markers would cover one another, and counts of two
        // everywhere say nothing.
        let crowded = svg(
            &pairs(1_000, |n| (((n % 100) as f64) / 10.0, ((n / 100) as f64) / 10.0)),
            "2026-12-05",
        );
        // Those under a quadrant's name are outlined over it as well.
        let rings = crowded.matches(RING).count();
        assert!(rings > 0);
        assert_eq!(crowded.matches("<circle").count(), 1_000 + rings);
        assert_eq!(
            crowded.matches(&format!(r#"r="{MARKER_RADIUS}""#)).count(),
            1_000 + rings
        );
        assert!(!crowded.contains(r##"fill="#ffffff">2</text>"##));
        assert!(crowded.contains("titles are left out above 80 ideas"));
        // 884 spots of two, 0.3 apart across and 0.4 down: each clear of the others, counted, the first 400 in words.
        let clear = svg(
            &pairs(34 * 26, |n| (((n % 26) as f64) * 0.4, ((n / 26) as f64) * 0.3)),
            "2026-12-05",
        );
        assert_eq!(clear.matches("<circle").count(), 884);
        assert_eq!(clear.matches(r#"r="14""#).count(), 884);
        assert_eq!(clear.matches(r##"fill="#ffffff">2</text>"##).count(), MAX_COUNTED);
        // 21 ideas at one spot beside a single idea a tenth away are counted all the same.
        let mut beside: Vec<(String, f64, f64)> = (0..21).map(|n| (format!("Here {n}"), 4.0, 4.0)).collect();
        beside.push(("Next door".into(), 4.0, 4.1));
        let borrowed: Vec<(&str, f64, f64)> = beside.iter().map(|(t, p, c)| (t.as_str(), *p, *c)).collect();
        let svg = svg(&board_at(&borrowed), "2026-12-05");
        assert!(svg.contains(r##"fill="#ffffff">21</text>"##), "{svg}");
        assert_eq!(svg.matches("<circle").count(), 2);
    }

    /// How a marker's outline over a quadrant's name is written.
    const RING: &str = r#"fill="none" stroke-width="3""#;

    #[test]
    fn a_marker_under_a_quadrants_name_shows_its_outline_over_the_name() {
        // At payoff 9.5 and cost/risk 1, under "Implement": the picture showed no sign of the idea.
        let svg = svg(
            &board_at(&[("Émoji 🚀 launch", 9.5, 1.0), ("Clear", 5.5, 2.5)]),
            "2026-12-06",
        );
        let name = svg.find(">Implement</text>").unwrap();
        let rings: Vec<_> = svg.match_indices(RING).map(|(at, _)| at).collect();
        assert_eq!(rings.len(), 1, "one ring, for the marker under the name: {svg}");
        assert!(rings[0] > name, "drawn over the name");
        let png = png(&board_at(&[("Émoji 🚀 launch", 9.5, 1.0)]), "2026-12-06").unwrap();
        let image = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        // The ring's left edge: Implement's green, over the name's pale halo.
        let (x, y) = ((x_of(1.0) - 10.0).round() as u32, y_of(9.5).round() as u32);
        let edge = image.pixel(x, y).unwrap();
        let (r, g, b) = (edge.red(), edge.green(), edge.blue());
        assert!(g > r + 40 && g > b && g < 200, "({r}, {g}, {b}) at ({x}, {y})");
    }

    #[test]
    fn a_count_is_drawn_over_a_quadrants_name() {
        // Six ideas under Implement's name: the name's halo covered their count.
        let titles: Vec<(String, f64, f64)> = (0..6).map(|n| (format!("Corner {n}"), 9.6, 0.6)).collect();
        let borrowed: Vec<(&str, f64, f64)> = titles.iter().map(|(t, p, c)| (t.as_str(), *p, *c)).collect();
        let svg = svg(&board_at(&borrowed), "2026-12-05");
        let count = svg.find(r##"fill="#ffffff">6</text>"##).unwrap();
        assert!(svg.find(">Implement</text>").unwrap() < count);
    }

    #[test]
    fn titles_keep_off_the_quadrants_names_and_the_threshold_lines() {
        // Beside Implement's name at the top left, Kill's at the bottom right, and right of the threshold line.
        let board = board_at(&[
            ("Right under the name", 9.8, 0.4),
            ("Next to Kill", 0.4, 8.6),
            ("Crossing the line", 2.5, 4.0),
        ]);
        let svg = svg(&board, "2026-12-05");
        let (sx, sy) = threshold_lines(&board);
        let areas = quadrant_areas(sx, sy);
        let line = Rect {
            left: sx - 1.0,
            top: TOP,
            right: sx + 1.0,
            bottom: BOTTOM,
        };
        let boxes = title_boxes(&svg);
        assert_eq!(boxes.len(), 3);
        for (text, title) in &boxes {
            for name in name_boxes(&areas) {
                assert!(!title.overlaps(&name), "{text} over a quadrant's name");
            }
            assert!(!title.overlaps(&line), "{text} across the threshold line");
        }
    }

    #[test]
    fn titles_of_markers_on_the_plane_s_edges_stay_on_it_clear_of_the_axes_and_names() {
        // At a payoff of 0 the title went across the axis below, where nothing beside the name was free.
        let board = board_at(&[
            ("Corner zero zero", 0.0, 0.0),
            ("Bottom right", 0.0, 10.0),
            ("Top left", 10.0, 0.0),
            ("Top right ten ten", 10.0, 10.0),
        ]);
        let svg = svg(&board, "2026-12-06");
        let (sx, sy) = threshold_lines(&board);
        let areas = quadrant_areas(sx, sy);
        let boxes = title_boxes(&svg);
        assert_eq!(boxes.len(), 4);
        for (text, title) in &boxes {
            assert!(title.bottom <= BOTTOM, "{text} across the axis below");
            assert!(title.left >= LEFT, "{text} across the axis at the left");
            for name in name_boxes(&areas) {
                assert!(!title.overlaps(&name), "{text} over a quadrant's name");
            }
        }
    }

    #[test]
    fn the_png_decodes_at_slide_size() {
        let board = board_with(&[
            ("Cache the CI images", Zone::Implement),
            ("Drop Jenkins", Zone::Kill),
        ]);
        let bytes = png(&board, "2026-11-24").unwrap();
        let decoded = resvg::tiny_skia::Pixmap::decode_png(&bytes).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (WIDTH, HEIGHT));
        // The Implement tint fills the top-left quadrant.
        let pixel = decoded.pixel(LEFT as u32 + 400, TOP as u32 + 200).unwrap();
        assert_eq!((pixel.red(), pixel.green(), pixel.blue()), (0xec, 0xf8, 0xf3));
    }

    /// Pixels of a strong colour: neither the ink's greys nor the quadrants' pale tints.
    fn colourful(png_bytes: &[u8]) -> usize {
        let decoded = resvg::tiny_skia::Pixmap::decode_png(png_bytes).unwrap();
        decoded
            .pixels()
            .iter()
            .filter(|p| {
                let (r, g, b) = (p.red(), p.green(), p.blue());
                r.max(g).max(b) - r.min(g).min(b) > 80
            })
            .count()
    }

    /// Asserts that the PNG of a board titled `emoji` has clearly more colourful pixels than one titled `plain`: its
    /// emoji are drawn in colour, not as boxes or blanks.
    fn draws_emoji_in_colour(plain: &str, emoji: &str) {
        let picture = |title: &str| png(&board_with(&[(title, Zone::Implement)]), "2026-12-03").unwrap();
        let (without, with) = (colourful(&picture(plain)), colourful(&picture(emoji)));
        assert!(
            with > without + 400,
            "{with} colourful pixels with “{emoji}”, {without} without"
        );
    }

    #[test]
    fn emoji_made_of_several_are_drawn_as_those_and_leave_the_others_drawn() {
        draws_emoji_in_colour(
            "Ship it xxxx and xx now",
            "Ship it 🚀🔥 and 👨\u{200D}👩\u{200D}👧 now 👍🏽",
        );
        // The SVG keeps them as written.
        let svg = svg(
            &board_with(&[("👨\u{200D}👩\u{200D}👧 now 👍🏽", Zone::Implement)]),
            "2026-12-03",
        );
        assert!(svg.contains("👨\u{200D}👩\u{200D}👧 now 👍🏽"), "{svg}");
    }

    #[test]
    fn emoji_in_titles_are_drawn_in_the_png_not_left_blank() {
        // The colour emoji font's glyphs are pictures in the font (fonts-noto-color-emoji, which the test command
        // installs): without image decoding, resvg left their places blank.
        draws_emoji_in_colour("Ship it xxxx now", "Ship it 🚀🐛✅🔥 now");
    }
}
