//! `govatlas import FILE --mapping MAPPING.yaml [--format F] [--root DIR]
//! [--encoding ENC] [--strict] [--dry-run]`, and the older
//! `govatlas import csv FILE --mapping ...` (the same command for a CSV).
//! Parses the arguments and calls [`crate::import::run`].

use crate::import::{Format, ImportOptions};
use std::path::PathBuf;

/// Arguments of `govatlas import`.
#[derive(Debug, Clone, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ImportArgs {
    /// `csv`: the older form of the command, for a CSV file.
    #[command(subcommand)]
    pub legacy: Option<Legacy>,
    /// The file and how to import it.
    #[command(flatten)]
    pub args: FileArgs,
}

/// The older forms of the command.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum Legacy {
    /// Import a CSV file (the same as `govatlas import FILE --format csv`).
    Csv(FileArgs),
}

/// Arguments of one import.
#[derive(Debug, Clone, clap::Args)]
pub struct FileArgs {
    /// The published register: CSV, JSON, JSON Lines, .xlsx, .xls or .ods
    /// (read, never copied into the repository).
    #[arg(required = true)]
    pub file: Option<PathBuf>,
    /// The mapping file (content/imports/*.yaml).
    #[arg(long, value_name = "MAPPING.yaml", required = true)]
    pub mapping: Option<PathBuf>,
    /// The file's format when its name does not say (csv, json, jsonl, xlsx, xls, ods).
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,
    /// Site root: the folder holding content/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Encoding of a text file that is not UTF-8 (WHATWG label: windows-1252, big5, utf-16le, ...).
    #[arg(long, value_name = "ENC")]
    pub encoding: Option<String>,
    /// Treat values the mapping cannot place as errors (exit 1, nothing written).
    #[arg(long)]
    pub strict: bool,
    /// Check everything and print the summary, but write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format {s:?} (one of {})", names.join(", "))
    })
}

/// Runs the command and returns the exit code: 0 ok, 1 content or data
/// errors (nothing written), 2 bad usage (unreadable file, unknown encoding,
/// a format that does not match the file).
pub fn execute(args: ImportArgs) -> i32 {
    let (a, format) = match args.legacy {
        Some(Legacy::Csv(a)) => {
            let f = a.format.unwrap_or(Format::Csv);
            (a, Some(f))
        }
        None => {
            let f = args.args.format;
            (args.args, f)
        }
    };
    let opts = ImportOptions {
        file: a.file.unwrap_or_default(),
        mapping: a.mapping.unwrap_or_default(),
        root: a.root,
        format,
        encoding: a.encoding,
        strict: a.strict,
        dry_run: a.dry_run,
    };
    match crate::import::run(&opts) {
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
