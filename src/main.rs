//! The `govatlas` binary: everything lives in the library.
fn main() {
    std::process::exit(govatlas::cli::run());
}
