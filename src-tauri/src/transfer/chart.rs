//! A picture of the PICK chart for documents and slides: 1920×1080, the quadrants in their colours and names, both
//! axes with their scales, and every placed idea as a marker with its title. SVG is written here as text; PNG is
//! that SVG drawn by resvg with the system's fonts.

use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use crate::domain::{Quadrant, Zone};
use crate::error::{Error, Result};
use crate::storage::boards::Board;

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
            c => out.push(c),
        }
    }
    out
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        text.chars().take(max - 1).collect::<String>() + "…"
    }
}

fn x_of(cost_points: f64) -> f64 {
    LEFT + (RIGHT - LEFT) * cost_points / 10.0
}

fn y_of(payoff_points: f64) -> f64 {
    BOTTOM - (BOTTOM - TOP) * payoff_points / 10.0
}

/// The chart as an SVG document.
pub fn svg(board: &Board, date: &str) -> String {
    let placed: Vec<_> = board
        .ideas
        .iter()
        .filter_map(|i| Some((i, i.position?, i.zone.quadrant()?)))
        .collect();
    let unsorted = board.ideas.iter().filter(|i| i.zone == Zone::Unsorted).count();
    let labelled = placed.len() <= MAX_LABELLED;
    let t = board.thresholds;
    let (sx, sy) = (x_of(t.cost.points()), y_of(t.payoff.points()));

    let mut s = String::with_capacity(4_096 + placed.len() * 200);
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{FONT}">
<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>
<text x="{LEFT}" y="78" font-size="40" font-weight="700" fill="{INK}">{}</text>
"##,
        xml(&shorten(&board.name, 70))
    );
    let mut subtitle = format!("PICK chart · {date} · {} placed", placed.len());
    if unsorted > 0 {
        let _ = write!(subtitle, " · {unsorted} not sorted yet");
    }
    if !labelled {
        let _ = write!(subtitle, " · titles are left out above {MAX_LABELLED} ideas");
    }
    let _ = writeln!(
        s,
        r#"<text x="{LEFT}" y="122" font-size="24" fill="{MUTED}">{}</text>"#,
        xml(&subtitle)
    );

    // Quadrants: Implement top left, Challenge top right, Possible bottom left, Kill bottom right.
    let areas = [
        (Quadrant::Implement, LEFT, TOP, sx, sy),
        (Quadrant::Challenge, sx, TOP, RIGHT, sy),
        (Quadrant::Possible, LEFT, sy, sx, BOTTOM),
        (Quadrant::Kill, sx, sy, RIGHT, BOTTOM),
    ];
    for (q, x0, y0, x1, y1) in areas {
        let (_, tint, _) = colours(q);
        let _ = writeln!(
            s,
            r#"<rect x="{x0:.1}" y="{y0:.1}" width="{:.1}" height="{:.1}" fill="{tint}"/>"#,
            x1 - x0,
            y1 - y0
        );
    }
    for (q, x0, y0, x1, y1) in areas {
        let (_, _, text) = colours(q);
        let left = matches!(q, Quadrant::Implement | Quadrant::Possible);
        let top = matches!(q, Quadrant::Implement | Quadrant::Challenge);
        let (x, anchor) = if left {
            (x0 + 20.0, "start")
        } else {
            (x1 - 20.0, "end")
        };
        let y = if top { y0 + 44.0 } else { y1 - 44.0 };
        let _ = writeln!(
            s,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" font-size="34" font-weight="700" fill="{text}">{}</text>
<text x="{x:.1}" y="{:.1}" text-anchor="{anchor}" font-size="20" fill="{text}">{}</text>"#,
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

    // Markers, then their titles on top, so that no marker covers a title.
    for (_, p, q) in &placed {
        let (fill, _, _) = colours(*q);
        let _ = writeln!(
            s,
            r##"<circle cx="{:.1}" cy="{:.1}" r="10" fill="{fill}" stroke="#ffffff" stroke-width="2.5"/>"##,
            x_of(p.cost.points()),
            y_of(p.payoff.points())
        );
    }
    if labelled {
        for (idea, p, _) in &placed {
            let (x, y) = (x_of(p.cost.points()), y_of(p.payoff.points()));
            let (tx, anchor) = if x > RIGHT - 420.0 {
                (x - 16.0, "end")
            } else {
                (x + 16.0, "start")
            };
            let _ = writeln!(
                s,
                r##"<text x="{tx:.1}" y="{:.1}" text-anchor="{anchor}" font-size="19" fill="{INK}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">{}</text>"##,
                y + 6.0,
                xml(&shorten(&idea.title, MAX_LABEL_CHARS))
            );
        }
    }
    s.push_str("</svg>\n");
    s
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

/// The chart as a PNG image of [`WIDTH`]×[`HEIGHT`] pixels.
pub fn png(board: &Board, date: &str) -> Result<Vec<u8>> {
    use resvg::{tiny_skia, usvg};
    let failed = |e: String| Error::Storage(format!("the picture could not be drawn: {e}"));
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg(board, date), &options).map_err(|e| failed(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or_else(|| failed("no memory".into()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| failed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
