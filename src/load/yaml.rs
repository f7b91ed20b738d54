//! YAML parsing with limits, and parse errors turned into diagnostics.

use crate::diagnostics::{did_you_mean, Diagnostic, FileId};
use serde::de::DeserializeOwned;

/// Limits that make hostile YAML (alias bombs, deep nesting) fail fast with
/// bounded memory instead of exhausting the machine.
pub(super) fn options() -> serde_saphyr::Options {
    options_with_depth(64)
}

/// [`options`] with another nesting limit.
pub(super) fn options_with_depth(max_depth: usize) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = max_depth;
    budget.max_aliases = 10_000;
    budget.max_anchors = 10_000;
    // Aliases are rare in content; replaying more than this many events
    // from them is an alias bomb ("billion laughs").
    let alias_limits = serde_saphyr::alias_limits! {
        max_total_replayed_events: 100_000,
        max_replay_stack_depth: 16,
    };
    serde_saphyr::options! { budget: Some(budget), alias_limits: alias_limits }
}

/// Parses `text` as a `T`; `line_offset` is added to reported lines (for
/// front matter that starts below line 1).
pub(super) fn parse<T: DeserializeOwned>(
    file: FileId,
    text: &str,
    line_offset: u64,
) -> Result<T, Box<Diagnostic>> {
    let blank = text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    });
    if blank {
        let what = if text.trim().is_empty() {
            "file is empty"
        } else {
            "file holds no record (only comments)"
        };
        return Err(Box::new(
            Diagnostic::new("empty-file", what).in_file(file).help(
                "delete the file, or write the record it should hold (see README: Content format)",
            ),
        ));
    }
    serde_saphyr::from_str_with_options::<T>(text, options())
        .map_err(|e| Box::new(to_diagnostic(file, text, &e, line_offset)))
}

fn to_diagnostic(
    file: FileId,
    text: &str,
    e: &serde_saphyr::Error,
    line_offset: u64,
) -> Diagnostic {
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
        // Errors about values and records get the field path; syntax
        // errors have none (the file is not a tree yet).
        let record = matches!(code, "unknown-field" | "missing-field");
        let mut at = (loc.line(), loc.column(), loc.span().len().max(1));
        if record || matches!(code, "wrong-type" | "unknown-value" | "invalid-date") {
            if let Some(found) = super::path::find(text, loc.line(), loc.column(), record) {
                d.field = found.path;
                // A missing field is missing from a record: point at the
                // record's first key, where the reader looks for it.
                if code == "missing-field" {
                    at = found.start;
                }
            }
        }
        d.line = at.0 + line_offset;
        d.column = at.1;
        d.len = at.2;
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
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("");
        return (
            "missing-field",
            message.to_string(),
            Some(format!("add `{field}:` to this record")),
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest
            .split(", set DuplicateKeyPolicy")
            .next()
            .unwrap_or(rest);
        return (
            "duplicate-key",
            format!("duplicate key `{key}`"),
            Some("a key may appear only once in a mapping; remove one".to_string()),
        );
    }
    if message.starts_with("tabs disallowed") {
        return (
            "yaml-syntax",
            message.to_string(),
            Some("YAML indents with spaces only; replace the tab with spaces".to_string()),
        );
    }
    if message.starts_with("alias replay limit exceeded") {
        return (
            "yaml-limit",
            "aliases expand to more than 100000 YAML events (an alias bomb?)".to_string(),
            Some("content needs no nested aliases; write the values out".to_string()),
        );
    }
    if let Some(what) = message.strip_prefix("budget breached: ") {
        let message = if what.starts_with("Depth") {
            "nesting is deeper than 64 levels".to_string()
        } else {
            format!("YAML is over a safety limit ({what})")
        };
        return (
            "yaml-limit",
            message,
            Some(
                "content files are never nested this deeply; is this file generated by mistake?"
                    .to_string(),
            ),
        );
    }
    for (theirs, ours) in [
        ("invalid boolean", "expected `true` or `false`"),
        (
            "expected mapping start",
            "expected a mapping (`key: value` lines or `{key: value}`)",
        ),
        (
            "expected sequence start",
            "expected a list (`- item` lines or `[a, b]`)",
        ),
        (
            "expected string scalar",
            "expected a single value, found a list or a mapping",
        ),
    ] {
        if message == theirs {
            return ("wrong-type", ours.to_string(), None);
        }
    }
    if let Some(ty) = message.strip_prefix("invalid ") {
        if matches!(ty, "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64") {
            return ("wrong-type", "expected a whole number".to_string(), None);
        }
    }
    let code = if message.starts_with("invalid date") || message.starts_with("impossible date") {
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
