//! `govatlas import csv <FILE> --mapping <MAPPING.yaml> [--root DIR] [--encoding ENC] [--strict]`.

use std::path::PathBuf;

/// Arguments of `govatlas import`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// What kind of file to import.
    #[command(subcommand)]
    pub format: ImportFormat,
}

/// The formats `govatlas import` reads.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum ImportFormat {
    /// Import a published CSV inventory into one case inventory under content/inventories/.
    Csv(CsvArgs),
}

/// Arguments of `govatlas import csv`.
#[derive(Debug, Clone, clap::Args)]
pub struct CsvArgs {
    /// The CSV file (it is read, never copied into the repository).
    pub file: PathBuf,
    /// The mapping file (content/imports/*.yaml).
    #[arg(long, value_name = "MAPPING.yaml")]
    pub mapping: PathBuf,
    /// Site root: the folder holding content/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Encoding of the file when it is not UTF-8 (WHATWG label: windows-1252, big5, utf-16le, ...).
    #[arg(long, value_name = "ENC")]
    pub encoding: Option<String>,
    /// Treat values the mapping cannot place as errors (exit 1, nothing written).
    #[arg(long)]
    pub strict: bool,
}

/// Runs the command and returns the exit code: 0 ok, 1 content or data
/// errors, 2 bad usage (unreadable file, unknown encoding).
pub fn execute(args: ImportArgs) -> i32 {
    match crate::import::run(&args) {
        Ok(report) => {
            print!("{}", report.summary());
            0
        }
        Err(e) => {
            eprintln!("{e}");
            e.exit_code()
        }
    }
}
