//! The one integration-test crate. Conventions are in `tests/README.md`:
//! one module per feature, fixture sites under `tests/fixtures/`, and the
//! helpers in `common` that build a site and parse what it wrote.

mod aggregates;
mod atomic;
mod brief;
mod brief_checks;
mod brief_cli;
mod brief_docs;
mod brief_office;
mod brief_package;
mod browser;
mod collisions;
mod common;
mod default_site;
mod determinism;
mod diagnostics;
mod explorer;
mod facts_study;
mod facts_us_tw_jp;
mod figures;
mod figures_browser;
mod fuzz;
mod hostile_files;
mod import;
mod incremental;
mod init;
mod limits;
mod links;
mod output_safety;
mod publishing;
mod reader;
mod schema;
mod serve_hostile;
mod site;
mod theme;
mod xml;
mod xss;
