//! YAML parsing with limits, and parse errors turned into diagnostics.

use crate::diagnostics::{did_you_mean, Diagnostic, FileId};
use serde::de::DeserializeOwned;

/// Limits that make hostile YAML (alias bombs, deep nesting) fail fast with
/// bounded memory instead of exhausting the machine.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 64;
    budget.max_aliases = 10_000;
    budget.max_anchors = 10_000;
    serde_saphyr::options! { budget: Some(budget) }
}

/// Parses `text` as a `T`; `line_offset` is added to reported lines (for
/// front matter that starts below line 1).
pub(super) fn parse<T: DeserializeOwned>(
    file: FileId,
    text: &str,
    line_offset: u64,
) -> Result<T, Box<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::new("empty-file", "file is empty")
                .in_file(file)
                .help("delete the file, or write the record it should hold (see README: Content format)"),
        ));
    }
    serde_saphyr::from_str_with_options::<T>(text, options())
        .map_err(|e| Box::new(to_diagnostic(file, &e, line_offset)))
}

fn to_diagnostic(file: FileId, e: &serde_saphyr::Error, line_offset: u64) -> Diagnostic {
    let full = e.without_snippet().to_string();
    // The crate appends " at line L, column C"; we print positions ourselves.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let (code, message, help) = classify(&message);
    let mut d = Diagnostic::new(code, message)
        .in_file(file)
        .maybe_help(help);
    if let Some(loc) = e.location() {
        d.line = loc.line() + line_offset;
        d.column = loc.column();
        d.len = loc.span().len().max(1);
    }
    d
}

/// Sorts serde's messages into codes, and turns "expected one of …" lists
/// into a "did you mean" for the nearest name.
fn classify(message: &str) -> (&'static str, String, Option<String>) {
    for (prefix, code) in [
        ("unknown field `", "unknown-field"),
        ("unknown variant `", "unknown-value"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            if let Some((wrong, tail)) = rest.split_once('`') {
                let expected: Vec<&str> = tail
                    .trim_start_matches(", expected one of ")
                    .trim_start_matches(", expected ")
                    .split(", ")
                    .map(|s| s.trim_matches('`'))
                    .filter(|s| !s.is_empty())
                    .collect();
                let what = if code == "unknown-field" {
                    "field"
                } else {
                    "value"
                };
                let help = match did_you_mean(wrong, expected.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None if !expected.is_empty() && tail.contains("expected") => {
                        format!("expected one of: {}", expected.join(", "))
                    }
                    None => "this record takes no such key".to_string(),
                };
                return (code, format!("unknown {what} `{wrong}`"), Some(help));
            }
        }
    }
    let code = if message.starts_with("missing field") {
        "missing-field"
    } else if message.starts_with("invalid date") || message.starts_with("impossible date") {
        "invalid-date"
    } else if message.starts_with("invalid type")
        || message.starts_with("invalid value")
        || message.contains("expected") && !message.contains("while")
    {
        "wrong-type"
    } else if message.contains("budget") || message.contains("limit") {
        "yaml-limit"
    } else {
        "yaml-syntax"
    };
    (code, message.to_string(), None)
}
