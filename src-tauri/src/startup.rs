//! Start-up: a timeline of its steps (for `scripts/bench.sh`), and the work that waits until the page has drawn its
//! first frame. Nothing but opening the database and reading the open board should stand between launching Pickboard
//! and seeing the board: the daily backup, the outbox's sender and the watch for other writers start afterwards.

use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use ts_rs::TS;

/// One step of start-up and when it happened (milliseconds since the Unix epoch, as the page's
/// `performance.timeOrigin + mark.startTime`).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartupMark {
    pub step: String,
    pub at_ms: f64,
}

fn marks() -> &'static Mutex<Vec<StartupMark>> {
    static MARKS: OnceLock<Mutex<Vec<StartupMark>>> = OnceLock::new();
    MARKS.get_or_init(|| Mutex::new(Vec::with_capacity(8)))
}

/// Records that start-up reached `step` now.
pub fn mark(step: &str) {
    let at_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    marks()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(StartupMark {
            step: step.to_owned(),
            at_ms,
        });
}

/// The steps recorded so far, in order.
pub fn timeline() -> Vec<StartupMark> {
    marks().lock().unwrap_or_else(PoisonError::into_inner).clone()
}

/// If the page never says it has drawn (an error screen, a page that failed), the deferred work starts anyway.
const AT_THE_LATEST: Duration = Duration::from_secs(5);

type Work = Box<dyn FnOnce() + Send>;

/// Work that waits for the first frame: it runs once, when the page says it has drawn, or after a few seconds.
#[derive(Default)]
pub struct AfterFirstFrame {
    work: Mutex<Option<Work>>,
}

impl AfterFirstFrame {
    /// Holds `work` until [`AfterFirstFrame::run`] (or [`AT_THE_LATEST`]).
    pub fn hold(self: &std::sync::Arc<Self>, work: impl FnOnce() + Send + 'static) {
        *self.work.lock().unwrap_or_else(PoisonError::into_inner) = Some(Box::new(work));
        let this = std::sync::Arc::clone(self);
        std::thread::spawn(move || {
            std::thread::sleep(AT_THE_LATEST);
            this.run();
        });
    }

    /// Runs the held work, the first time only.
    pub fn run(&self) {
        let work = self.work.lock().unwrap_or_else(PoisonError::into_inner).take();
        if let Some(work) = work {
            mark("deferred-work");
            work();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;

    #[test]
    fn deferred_work_runs_once_when_the_page_has_drawn() {
        let runs = Arc::new(AtomicUsize::new(0));
        let after = Arc::new(AfterFirstFrame::default());
        let counter = Arc::clone(&runs);
        after.hold(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        assert_eq!(
            runs.load(Ordering::SeqCst),
            0,
            "nothing runs before the first frame"
        );
        after.run();
        after.run();
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        assert!(timeline().iter().any(|m| m.step == "deferred-work"));
    }
}
