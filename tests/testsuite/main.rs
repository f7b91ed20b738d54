//! The one integration-test crate. Conventions are in `tests/README.md`:
//! one module per feature, fixture sites under `tests/fixtures/`, and the
//! helpers in `common` that build a site and parse what it wrote.

mod aggregates;
mod atomic;
mod brief;
mod browser;
mod common;
mod default_site;
mod determinism;
mod diagnostics;
mod explorer;
mod facts_study;
mod facts_us_tw_jp;
mod fuzz;
mod import;
mod incremental;
mod links;
mod reader;
mod site;
mod xss;
