//! Printing failures to stderr in the chosen format.

use crate::diagnostics::{
    render_github, render_human, render_json, Diagnostics, Format, SourceMap,
};
use crate::pipeline::Failure;
use std::io::{IsTerminal, Write};

/// Prints warnings (problems that do not stop a run), if any.
pub fn warnings(diags: &Diagnostics, sources: &SourceMap, format: Format) {
    let mut err = std::io::stderr().lock();
    let styled =
        format == Format::Human && err.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diags.sorted(sources) {
        let text = match format {
            Format::Human => render_human(&d, sources, styled),
            Format::Json => render_json(&d, sources) + "\n",
            Format::Github => render_github(&d, sources) + "\n",
        };
        let _ = err.write_all(text.as_bytes());
    }
}

/// Prints a failure and returns the exit code for it.
pub fn failure(f: &Failure, format: Format) -> i32 {
    let mut err = std::io::stderr().lock();
    match f {
        Failure::Content(diags, sources) => {
            let styled = format == Format::Human
                && err.is_terminal()
                && std::env::var_os("NO_COLOR").is_none();
            let sorted = diags.sorted(sources);
            for d in &sorted {
                let text = match format {
                    Format::Human => render_human(d, sources, styled),
                    Format::Json => render_json(d, sources) + "\n",
                    Format::Github => render_github(d, sources) + "\n",
                };
                let _ = err.write_all(text.as_bytes());
            }
            if format == Format::Human {
                let n = sorted.len();
                let _ = writeln!(
                    err,
                    "error: {n} problem{} found; nothing was written",
                    if n == 1 { "" } else { "s" }
                );
            }
            super::EXIT_CONTENT_ERRORS
        }
        Failure::Other(msg) => {
            let _ = writeln!(err, "error: {msg}");
            super::EXIT_CONTENT_ERRORS
        }
    }
}
