//! Command-line interface: parses arguments and dispatches to a command.
//! Each command lives in its own module with `Args` and `execute`.

pub mod brief;
pub mod build;
pub mod check;
pub mod import;
mod report;
pub mod serve;

use clap::{Parser, Subcommand};

/// Exit code when the content has errors.
pub const EXIT_CONTENT_ERRORS: i32 = 1;

/// govatlas: validate AI-governance research data and build a bilingual static site.
#[derive(Parser, Debug)]
#[command(name = "govatlas", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build the site from content/ into output/.
    Build(build::Args),
    /// Validate the content without writing anything.
    Check(check::Args),
    /// Import a published register (CSV, JSON, spreadsheet) into content/ with a mapping.
    Import(import::ImportArgs),
    /// Write a print-ready briefing (HTML, or PDF with --pdf).
    Brief(brief::Args),
    /// Build, serve on 127.0.0.1, rebuild and reload on every change.
    Serve(serve::Args),
}

/// Runs the command line; returns the process exit code. clap exits with 2
/// on bad usage before this returns.
pub fn run() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(a) => build::execute(a),
        Command::Check(a) => check::execute(a),
        Command::Import(a) => import::execute(a),
        Command::Brief(a) => brief::execute(a),
        Command::Serve(a) => serve::execute(a),
    }
}
