//! The global allocator: mimalloc, entered by its plain functions when the
//! alignment asked for is at most a pointer's (nearly every allocation).
//! The `mimalloc` crate always calls the aligned ones, whose extra checks
//! were about a third of the allocator's cost in extraction (callgrind).
//! A block shrunk is moved to a smaller one, which mimalloc alone does
//! only when it loses over half its size.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// Every mimalloc size class is a multiple of a pointer's size, so a
/// plain block is aligned at least that much.
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

/// The largest block [`Allocator::realloc`] moves to shrink it: the
/// model's buffers that are shrunk once filled are a few megabytes.
const MOVED_UP_TO: usize = 16 << 20;

/// mimalloc as the global allocator:
/// `#[global_allocator] static ALLOC: Allocator = Allocator;`.
pub struct Allocator;

// SAFETY: each function hands the layout's size to mimalloc, and asks for
// the layout's alignment explicitly unless a plain block already has it.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_malloc(layout.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_zalloc(layout.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr as *mut c_void);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A block shrunk to half its size or more is kept where it is by
        // mimalloc, slack and all: `shrink_to_fit` and boxed slices then
        // freed nothing (a 100k load's packed texts held their unpacked
        // size). Shrinking moves a plain block of up to MOVED_UP_TO to one
        // an eighth smaller or more, when there is one: larger blocks are
        // rounded to megabytes (nothing saved, and old and new would both
        // be alive while copied), aligned ones may land in a larger bin.
        if layout.align() <= PLAIN_ALIGN && new_size > 0 && new_size < layout.size() && layout.size() <= MOVED_UP_TO {
            let usable = mi::mi_usable_size(ptr as *const c_void);
            if mi::mi_good_size(new_size) + usable / 8 <= usable {
                // SAFETY: `new_size` is under the layout's size, so it is a
                // valid size for that alignment too.
                let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, new_size);
                    self.dealloc(ptr, layout);
                }
                return new;
            }
        }
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}

/// mimalloc's `mi_option_purge_delay` (its option 15 in mimalloc 2's
/// `mimalloc.h`; the crate names no constant for it).
const PURGE_DELAY: mi::mi_option_t = 15;

/// Whether memory freed goes back to the system at once (`true`) or after
/// mimalloc's delay (its own, or the one `MIMALLOC_PURGE_DELAY` set),
/// during which it is cheaply reused. At once while the reader's
/// corpus-wide steps free what reading built and make their own: the delay
/// kept both and put the 100k load's peak 30-40 MB higher
/// (quoteline-bench); not while reading, where purging cost time.
pub fn purge_at_once(at_once: bool) {
    static DELAY: std::sync::OnceLock<std::ffi::c_long> = std::sync::OnceLock::new();
    // SAFETY: reads and sets one of mimalloc's options, a word that its
    // threads read without a lock: one that has not seen the change yet
    // purges with the old delay, which is only slower or later.
    unsafe {
        let delay = *DELAY.get_or_init(|| mi::mi_option_get(PURGE_DELAY));
        mi::mi_option_set(PURGE_DELAY, if at_once { 0 } else { delay });
    }
}

/// Has each thread of rayon's pool take back the blocks other threads
/// freed of its own. mimalloc frees a block allocated by another thread
/// only when that thread next allocates: idle pool threads kept what a
/// reader's corpus-wide steps had just freed (80-90 MB of a 100k reopen)
/// counted until relating woke them, over the peak (quoteline-bench).
pub fn collect_on_pool() {
    // SAFETY: mi_collect only walks and frees this thread's own heap.
    rayon::broadcast(|_| unsafe { mi::mi_collect(false) });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_shrunk_by_less_than_half_moves_to_a_smaller_one() {
        let a = Allocator;
        let cases = [
            (3000, 2000, 1),
            (3000, 2900, 8),
            (100_000, 70_000, 1),
            (4096, 3000, 64),
            (8192, 6000, 4096),
            (3 << 20, (3 << 20) - 4096, 1),
            (40 << 20, 30 << 20, 1),
        ];
        for (from, to, align) in cases {
            let layout = Layout::from_size_align(from, align).unwrap();
            // SAFETY: non-zero sizes; each block is freed once, with its layout.
            unsafe {
                let p = a.alloc(layout);
                std::ptr::write_bytes(p, 0xCD, from);
                let before = mi::mi_usable_size(p as *const c_void);
                let q = a.realloc(p, layout, to);
                assert!(!q.is_null() && (q as usize).is_multiple_of(align));
                let after = mi::mi_usable_size(q as *const c_void);
                assert!((0..to).all(|i| *q.add(i) == 0xCD));
                assert!(after >= to);
                let moved = align <= PLAIN_ALIGN && from <= MOVED_UP_TO && mi::mi_good_size(to) + before / 8 <= before;
                if moved {
                    assert!(after < before, "{from} -> {to}: {before} -> {after}");
                } else {
                    assert_eq!(after, before, "{from} -> {to}: kept where it was");
                }
                a.dealloc(q, Layout::from_size_align(to, align).unwrap());
            }
        }
    }

    #[test]
    fn blocks_have_the_alignment_asked_for_and_keep_their_bytes_when_resized() {
        let a = Allocator;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            // Small, large and huge (over mimalloc's large object size) blocks.
            for size in [1, 3, 8, 12, 24, 40, 100, 1000, 70_000, 20 << 20] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: non-zero sizes; each block is freed once, with its layout.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null() && (p as usize).is_multiple_of(align), "{size} by {align}");
                    std::ptr::write_bytes(p, 0xAB, size);
                    let q = a.realloc(p, layout, size * 3);
                    assert!(
                        !q.is_null() && (q as usize).is_multiple_of(align),
                        "{size} by {align}, grown"
                    );
                    assert!((0..size).all(|i| *q.add(i) == 0xAB));
                    let grown = Layout::from_size_align(size * 3, align).unwrap();
                    let r = a.realloc(q, grown, size.div_ceil(2));
                    assert!(
                        !r.is_null() && (r as usize).is_multiple_of(align),
                        "{size} by {align}, shrunk"
                    );
                    assert!((0..size.div_ceil(2)).all(|i| *r.add(i) == 0xAB));
                    a.dealloc(r, Layout::from_size_align(size.div_ceil(2), align).unwrap());
                    let z = a.alloc_zeroed(layout);
                    assert!(!z.is_null() && (z as usize).is_multiple_of(align));
                    assert!((0..size).all(|i| *z.add(i) == 0));
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
