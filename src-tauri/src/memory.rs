//! Giving freed memory back to the system after the app's bursts of work.
//!
//! Loading the catalogue for the first search, checking the database at start and applying a
//! feed allocate and free tens of megabytes on worker threads. glibc keeps what was freed in
//! each thread's arena for reuse and returns only what lies at an arena's top, so an idle app
//! would carry its busiest moment for the rest of its life: with 100k services the shell held
//! 110 MB when idle, and 83–103 MB after a trim. `malloc_trim` hands every whole free page of
//! every arena back.

/// Returns freed memory to the system. It walks every arena under its lock: call it after a
/// burst of work, off the window's thread.
pub fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` takes no pointers and only walks glibc's own free lists under the
    // allocator's locks; glibc documents it as safe to call from any thread at any time.
    #[allow(unsafe_code)]
    unsafe {
        libc::malloc_trim(0);
    }
}
