//! The `govatlas` command.

/// mimalloc instead of the system allocator: a build makes millions of
/// small allocations (template contexts, strings) from several threads,
/// and glibc's allocator spent about a third of the build's CPU on them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(govatlas::cli::run());
}
