//! The `govatlas` command.

/// mimalloc instead of the system allocator: a build makes millions of
/// small allocations (template contexts, strings) from several threads,
/// and glibc's allocator spent about a third of the build's CPU on them.
/// Built without transparent huge pages (`no_thp`), which held ~30 MiB of
/// half-used 2 MiB pages at 10k cases.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

extern "C" {
    /// mimalloc's option setter (the library is linked by the `mimalloc` crate).
    fn mi_option_set(option: i32, value: std::os::raw::c_long);
}

/// `mi_option_purge_delay` (the same index in mimalloc v2 and v3).
const MI_OPTION_PURGE_DELAY: i32 = 15;

fn main() {
    // A one-off command returns freed memory to the system at once rather
    // than after 10 ms: parsing leaves tens of MiB of garbage that would
    // otherwise stay resident under the rendering that follows (peak 169 →
    // 143 MiB at 10k cases, for ~0.2 s of system time). `serve` lives on
    // and needs the same memory again at every edit, so it keeps what it
    // frees: giving it back and faulting it in again cost a few ms of each
    // rebuild. `MIMALLOC_PURGE_DELAY` still wins.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        let serving = std::env::args().nth(1).as_deref() == Some("serve");
        // SAFETY: sets a plain integer option; mimalloc allows it at any time.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, if serving { -1 } else { 0 }) };
    }
    std::process::exit(govatlas::cli::run());
}
