//! The one integration-test crate. Conventions are in `tests/README.md`:
//! one module per feature, fixture sites under `tests/fixtures/`, and the
//! helpers in `common` that build a site and parse what it wrote.

mod common;
mod determinism;
mod diagnostics;
mod fuzz;
mod links;
mod xss;
