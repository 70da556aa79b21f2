//! The size of a window that has no saved size yet (the first launch, or a new data folder): the size the app is
//! designed for, made smaller when the screen's work area cannot hold it. Not every desktop fits a window that is
//! too large to its screen: on a 1366×768 laptop, or a 1024×768 screen without a window manager, a 1280×800 window
//! would open with its right side and bottom (the Challenge and Kill quadrants, the toolbar's last buttons) off
//! screen.

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
}
