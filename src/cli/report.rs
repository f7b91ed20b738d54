//! Printing failures to stderr in the chosen format.

use crate::diagnostics::{
    render_github, render_human, render_json, Diagnostic, Diagnostics, Format, SourceMap,
};
use crate::pipeline::Failure;
use std::io::{IsTerminal, Write};

/// Exit code when the output folder is refused (as for bad usage): the
/// command line has to change, not the content.
pub const EXIT_OUTPUT_REFUSED: i32 = 2;

/// Codes of problems that stop a build after it started writing (into
/// the idle copy, never into the output folder).
const BUILD_CODES: &[&str] = &["template-error", "write-failed", "build-error"];

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
    print(f, format);
    super::EXIT_CONTENT_ERRORS
}

/// Prints a refused output folder and returns its exit code.
pub fn refusal(r: crate::output::Refusal, format: Format) -> i32 {
    print(&Failure::from(r), format);
    EXIT_OUTPUT_REFUSED
}

fn print(f: &Failure, format: Format) {
    let mut err = std::io::stderr().lock();
    let other;
    let (diags, sources) = match f {
        Failure::Content(diags, sources) => (diags.sorted(sources), sources),
        Failure::Other(msg) => {
            other = crate::diagnostics::SourceMap::default();
            (vec![Diagnostic::new("build-error", msg.clone())], &other)
        }
    };
    let styled =
        format == Format::Human && err.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in &diags {
        let text = match format {
            Format::Human => render_human(d, sources, styled),
            Format::Json => render_json(d, sources) + "\n",
            Format::Github => render_github(d, sources) + "\n",
        };
        let _ = err.write_all(text.as_bytes());
    }
    if format == Format::Human {
        let n = diags.len();
        let stopped = |d: &Diagnostic| {
            BUILD_CODES.contains(&d.code) || (d.code == "output-collision" && d.file.is_none())
        };
        if diags.iter().any(stopped) {
            let _ = writeln!(
                err,
                "error: the build stopped; the output folder was left as it was"
            );
        } else {
            let _ = writeln!(
                err,
                "error: {n} problem{} found; nothing was written",
                if n == 1 { "" } else { "s" }
            );
        }
    }
}
