//! What an event did, in terms the timeline can show: its kind, its idea, the zones it moved between, the fields it
//! changed.

use super::{EventKind, EventSummary, RowChange};
use crate::domain::{Thresholds, Zone};

pub(super) fn describe(
    changes: &[RowChange],
    now: Thresholds,
    hint: Option<EventKind>,
) -> (EventKind, Option<i64>, EventSummary) {
    let mut summary = EventSummary::default();
    // The idea the action was about is the first one it touched, or the one the action put first
    // (`record_about`: a move that renumbers the board touches the others before it).
    match changes.first() {
        Some(RowChange::Board { before, after, .. }) => {
            summary.thresholds_before = before.thresholds().ok();
            summary.thresholds_after = after.thresholds().ok();
            (EventKind::Thresholds, None, summary)
        }
        Some(RowChange::BoardName { before, after, .. }) => {
            summary.title = Some(after.clone());
            summary.name_before = Some(before.clone());
            (EventKind::Renamed, None, summary)
        }
        Some(RowChange::Idea { id, before, after }) => {
            summary.title = after.as_ref().or(before.as_ref()).map(|r| r.title.clone());
            summary.from = before.as_ref().map(|r| Zone::of(r.position(), now));
            summary.to = after.as_ref().map(|r| Zone::of(r.position(), now));
            let kind = match (before, after) {
                (None, _) => EventKind::Added,
                (_, None) => EventKind::Deleted,
                (Some(b), Some(a)) => {
                    let fields = [
                        ("title", b.title != a.title),
                        ("notes", b.notes != a.notes),
                        ("owner", b.owner != a.owner),
                        ("link", b.link != a.link),
                        ("tags", b.tags != a.tags),
                        ("scores", b.position() != a.position()),
                    ];
                    summary.fields = fields
                        .iter()
                        .filter(|(_, changed)| *changed)
                        .map(|(f, _)| (*f).to_owned())
                        .collect();
                    let content = summary.fields.iter().any(|f| f != "scores");
                    if content {
                        EventKind::Edited
                    } else {
                        EventKind::Moved
                    }
                }
            };
            (hint.unwrap_or(kind), Some(*id), summary)
        }
        // Stored events only: what an action changed reaches here as whole rows.
        Some(RowChange::IdeaColumns { id, .. }) => (hint.unwrap_or(EventKind::Edited), Some(*id), summary),
        None => (hint.unwrap_or(EventKind::Edited), None, summary),
    }
}
