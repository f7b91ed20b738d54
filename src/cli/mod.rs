//! Command-line interface: parses arguments and dispatches to a command.
//! Each command lives in its own module with `Args` and `execute`.

pub mod brief;
pub mod build;
pub mod check;
pub mod import;
pub mod init;
mod report;
pub mod schema;
pub mod serve;

use clap::{Parser, Subcommand};

/// Exit code when the content has errors.
pub const EXIT_CONTENT_ERRORS: i32 = 1;

/// Checks a `--base-url`: an absolute http(s) URL without spaces or quotes
/// (the same rule as `base_url` in `site.yaml`).
fn parse_base_url(s: &str) -> Result<String, String> {
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !r.starts_with('/') => {}
        _ => return Err("give an absolute http:// or https:// address".into()),
    }
    if s.chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    {
        return Err("an address has no spaces, quotes or angle brackets".into());
    }
    Ok(s.to_string())
}

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
    /// Start a new site: vocabularies, examples, CI workflow, editor schemas.
    Init(init::Args),
    /// Write the JSON Schema of every content file kind (for editors).
    Schema(schema::Args),
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
        Command::Init(a) => init::execute(a),
        Command::Schema(a) => schema::execute(a),
    }
}
