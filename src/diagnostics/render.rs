//! Printing diagnostics for people (rustc style), for tools (JSON lines)
//! and for GitHub Actions (workflow commands that annotate pull requests).

use super::{Diagnostic, Severity, SourceMap};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How `--format` asks diagnostics to be printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style text with the source line and a caret.
    Human,
    /// One JSON object per line.
    Json,
    /// GitHub Actions `::error file=…` commands.
    Github,
}

/// rustc-style text for one diagnostic, ending with a newline.
pub fn render_human(d: &Diagnostic, sources: &SourceMap, styled: bool) -> String {
    let title = match &d.field {
        Some(f) => format!("{f}: {}", d.message),
        None => d.message.clone(),
    };
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut group = Group::with_title(level.primary_title(title.as_str()).id(d.code));
    let path;
    let line_text;
    if let Some(file) = d.file {
        path = sources.path(file).to_string();
        match sources.line(file, d.line) {
            Some(text) => {
                line_text = text.to_string();
                // Columns are in characters; the span is in bytes of the line.
                let start: usize = line_text
                    .chars()
                    .take((d.column.max(1) - 1) as usize)
                    .map(char::len_utf8)
                    .sum();
                let start = start.min(line_text.len());
                let len: usize = line_text[start..]
                    .chars()
                    .take(d.len.max(1) as usize)
                    .map(char::len_utf8)
                    .sum();
                let end = (start + len.max(1)).min(line_text.len().max(start));
                group = group.element(
                    Snippet::source(line_text.as_str())
                        .line_start(d.line as usize)
                        .path(path.as_str())
                        .annotation(AnnotationKind::Primary.span(start..end)),
                );
            }
            None => return render_file_level(d, &title, &path, styled),
        }
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let report = vec![group];
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = renderer.render(&report).to_string();
    // A blank line after each diagnostic, as rustc prints them.
    out.push_str("\n\n");
    out
}

/// A problem with a whole file (no line to quote), laid out like the
/// others: annotate-snippets has no form for a path without a snippet.
fn render_file_level(d: &Diagnostic, title: &str, path: &str, styled: bool) -> String {
    let (red, blue, bold, reset) = if styled {
        ("\x1b[1;31m", "\x1b[1;34m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "", "")
    };
    let (red, word) = match d.severity {
        Severity::Error => (red, "error"),
        Severity::Warning => (if styled { "\x1b[1;33m" } else { "" }, "warning"),
    };
    let mut out = format!("{red}{word}[{}]{reset}{bold}: {title}{reset}\n", d.code);
    out.push_str(&format!(" {blue}-->{reset} {path}"));
    if d.line > 0 {
        out.push_str(&format!(":{}", d.line));
        if d.column > 0 {
            out.push_str(&format!(":{}", d.column));
        }
    }
    out.push('\n');
    if let Some(help) = &d.help {
        out.push_str(&format!(
            "  {blue}|{reset}\n  {blue}={reset} {bold}help{reset}: {help}\n"
        ));
    }
    out.push('\n');
    out
}

/// One JSON object (a line) for one diagnostic.
pub fn render_json(d: &Diagnostic, sources: &SourceMap) -> String {
    serde_json::json!({
        "severity": severity_word(d.severity),
        "code": d.code,
        "file": d.file.map(|f| sources.path(f)),
        // null when the problem is with a whole file.
        "line": (d.line > 0).then_some(d.line),
        "column": (d.column > 0).then_some(d.column),
        "field": d.field,
        "message": d.message,
        "help": d.help,
    })
    .to_string()
}

/// A GitHub Actions workflow command for one diagnostic.
pub fn render_github(d: &Diagnostic, sources: &SourceMap) -> String {
    // Workflow commands end at a newline and treat `%` specially.
    let esc = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let esc_prop = |s: &str| esc(s).replace(':', "%3A").replace(',', "%2C");
    let mut msg = match &d.field {
        Some(f) => format!("{f}: {}", d.message),
        None => d.message.clone(),
    };
    if let Some(h) = &d.help {
        msg.push_str(&format!(" (help: {h})"));
    }
    let command = severity_word(d.severity);
    match d.file {
        Some(f) => {
            // A whole-file problem has no line: GitHub then annotates the file.
            let mut at = String::new();
            if d.line > 0 {
                at.push_str(&format!(",line={}", d.line));
                if d.column > 0 {
                    at.push_str(&format!(",col={}", d.column));
                }
            }
            format!(
                "::{command} file={}{at},title={}::{}",
                esc_prop(sources.path(f)),
                esc_prop(d.code),
                esc(&msg)
            )
        }
        None => format!("::{command} title={}::{}", esc_prop(d.code), esc(&msg)),
    }
}

/// `error` or `warning`: the JSON field and the GitHub workflow command.
fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}
