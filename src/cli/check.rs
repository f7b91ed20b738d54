//! `govatlas check`: validate the content; write nothing.

use crate::diagnostics::Format;
use std::path::PathBuf;

/// Arguments of `govatlas check`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Site root (the folder holding content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// How to print problems in the content.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Validates and prints a summary.
pub fn execute(args: Args) -> i32 {
    match crate::pipeline::check(&args.root) {
        Ok((site, _)) => {
            println!(
                "content is valid: {} jurisdictions, {} frameworks, {} inventories, {} cases",
                site.jurisdictions.len(),
                site.frameworks.len(),
                site.inventories.len(),
                site.case_count()
            );
            0
        }
        Err(f) => super::report::failure(&f, args.format),
    }
}
