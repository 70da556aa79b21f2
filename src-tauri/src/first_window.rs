//! The size of a window that has no saved size yet (the first launch, or a new data folder): the size the app is
//! designed for, made smaller when the screen's work area cannot hold it. Not every desktop fits a window that is
//! too large to its screen: on a 1366×768 laptop, or a 1024×768 screen without a window manager, a 1280×800 window
//! would open with its right side and bottom (the Challenge and Kill quadrants, the toolbar's last buttons) off
//! screen. A size saved by an earlier run on a larger screen is made to fit the same way.

/// A width and a height in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}

/// The share of the work area's width and height a first window takes at most: the rest leaves room for its frame and
/// title bar, which the size given for the window does not include, and shows that it is a window.
const SHARE: f64 = 0.9;

/// `wanted`, or less where the work area (`area`) is smaller: never below `min` (the smallest the page is designed
/// for) unless the work area itself is smaller still.
pub fn fit(wanted: Size, min: Size, area: Size) -> Size {
    let one = |wanted: f64, min: f64, room: f64| {
        if room <= 0.0 {
            return wanted;
        }
        wanted.min((room * SHARE).floor()).max(min.min(room))
    };
    Size {
        width: one(wanted.width, min.width, area.width),
        height: one(wanted.height, min.height, area.height),
    }
}

/// The size a window restored at `saved` (its size from the last run) takes on a work area of `area`: `None` where it
/// fits, as it is; where it does not (it was saved on a larger screen), the size [`fit`] gives it.
pub fn restored(saved: Size, min: Size, area: Size) -> Option<Size> {
    let fits = |size: f64, room: f64| room <= 0.0 || size <= room;
    if fits(saved.width, area.width) && fits(saved.height, area.height) {
        return None;
    }
    Some(fit(saved, min, area))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WANTED: Size = Size {
        width: 1280.0,
        height: 800.0,
    };
    const MIN: Size = Size {
        width: 800.0,
        height: 600.0,
    };

    fn size(width: f64, height: f64) -> Size {
        Size { width, height }
    }

    #[test]
    fn a_screen_with_room_keeps_the_designed_size() {
        assert_eq!(fit(WANTED, MIN, size(1920.0, 1050.0)), WANTED);
        assert_eq!(fit(WANTED, MIN, size(2560.0, 1400.0)), WANTED);
    }

    #[test]
    fn a_small_screen_gets_a_window_that_fits_with_room_for_its_frame() {
        assert_eq!(fit(WANTED, MIN, size(1024.0, 768.0)), size(921.0, 691.0));
        // A 1366×768 laptop with a 32 px panel: 800 px of page and a title bar would not fit in 736.
        assert_eq!(fit(WANTED, MIN, size(1366.0, 736.0)), size(1229.0, 662.0));
    }

    #[test]
    fn never_below_the_smallest_size_the_page_is_designed_for_while_the_screen_holds_it() {
        assert_eq!(fit(WANTED, MIN, size(850.0, 640.0)), size(800.0, 600.0));
        // A screen smaller than that: the whole of it.
        assert_eq!(fit(WANTED, MIN, size(720.0, 540.0)), size(720.0, 540.0));
    }

    #[test]
    fn an_unknown_work_area_leaves_the_designed_size() {
        assert_eq!(fit(WANTED, MIN, size(0.0, 0.0)), WANTED);
    }

    #[test]
    fn a_saved_size_that_fits_the_screen_is_kept_and_one_that_does_not_is_made_to_fit() {
        let laptop = size(1366.0, 768.0);
        assert_eq!(restored(size(1200.0, 700.0), MIN, laptop), None);
        assert_eq!(restored(size(1366.0, 768.0), MIN, laptop), None);
        // Saved on a 2560×1440 screen, opened on the laptop.
        assert_eq!(
            restored(size(2400.0, 1300.0), MIN, laptop),
            Some(size(1229.0, 691.0))
        );
        // Too tall only: the width is kept.
        assert_eq!(
            restored(size(1000.0, 900.0), MIN, laptop),
            Some(size(1000.0, 691.0))
        );
        // No work area known: as it was saved.
        assert_eq!(restored(size(2400.0, 1300.0), MIN, size(0.0, 0.0)), None);
    }
}
