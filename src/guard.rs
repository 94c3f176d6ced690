//! Work on one input that a bug may make panic (a format parser, the
//! cleaning and extraction of one article): the panic is caught, the caller
//! reports it as one line for that input (or, for an article's second
//! extraction, keeps its first), and the rest of the load goes on.

use std::cell::Cell;

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Whether this thread is inside [`guarded`]: panic hooks (the reader's
/// too) stay quiet then, since the panic is caught and reported.
pub fn in_guarded() -> bool {
    GUARDED.with(Cell::get)
}

/// Runs `work`; None when it panicked.
pub fn guarded<T>(work: impl FnOnce() -> T) -> Option<T> {
    static QUIET_HOOK: std::sync::Once = std::sync::Once::new();
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !in_guarded() {
                previous(info);
            }
        }));
    });
    // Should guards ever nest, the outer one stays on.
    let was = GUARDED.with(|g| g.replace(true));
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    GUARDED.with(|g| g.set(was));
    out.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_is_caught_and_the_guard_nests() {
        assert_eq!(guarded(|| 7), Some(7));
        let outer = guarded(|| {
            let inner: Option<()> = guarded(|| panic!("a bug"));
            (inner, in_guarded())
        });
        assert_eq!(outer, Some((None, true)));
        assert!(!in_guarded());
    }
}
