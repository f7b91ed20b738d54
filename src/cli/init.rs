//! `govatlas init [DIR]`: start a new site (see [`crate::init`]).

use crate::init::{self, install::Install, Refused};
use std::path::PathBuf;

/// Arguments of `govatlas init`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The folder of the new site (created if missing).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Add the starter's files to a folder that already holds something;
    /// a file that exists is kept as it is, never overwritten.
    #[arg(long)]
    pub force: bool,
}

/// Writes the starter site and says what to do next.
pub fn execute(args: Args) -> i32 {
    let shown = args.dir.display();
    match init::init(&args.dir, args.force, Install::detect()) {
        Ok(report) => {
            println!(
                "wrote a new site into {shown}: {} files",
                report.written.len()
            );
            if !report.kept.is_empty() {
                println!(
                    "kept {} files that were already there (not overwritten): {}",
                    report.kept.len(),
                    report.kept.join(", ")
                );
            }
            if let Some(i) = report.install.as_ref().filter(|i| i.git.is_empty()) {
                println!(
                    "note: {} does not know where govatlas is published: set GOVATLAS_GIT \
                     (and GOVATLAS_REF, now {}) in it before pushing",
                    init::starter::WORKFLOW_PATH,
                    i.rev
                );
            }
            let cd = if args.dir.as_os_str() == "." {
                String::new()
            } else {
                format!("cd {shown} && ")
            };
            println!(
                "next: {cd}govatlas serve   (opens on http://127.0.0.1:8000/ and rebuilds as you edit content/)\n\
                 then: govatlas build   (writes the site into output/); see docs/getting-started.md"
            );
            0
        }
        Err(Refused::NotEmpty(present)) => {
            let mut list = present
                .iter()
                .take(5)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if present.len() > 5 {
                list.push_str(&format!(" and {} more", present.len() - 5));
            }
            eprintln!(
                "error: {shown} is not empty (it holds {list}); nothing was written\n  \
                 = help: give an empty or new folder (`govatlas init my-atlas`), or pass --force \
                 to add the starter's files beside yours (an existing file is never overwritten)"
            );
            super::EXIT_CONTENT_ERRORS
        }
        Err(Refused::Io(msg)) => {
            eprintln!("error: {msg}");
            super::EXIT_CONTENT_ERRORS
        }
    }
}
