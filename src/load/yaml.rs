//! YAML parsing with limits, and parse errors turned into diagnostics.

use crate::diagnostics::{Diagnostic, FileId};
use serde::de::DeserializeOwned;

/// Limits that make hostile YAML (alias bombs, deep nesting) fail fast
/// with bounded memory instead of exhausting the machine, while letting
/// real data of any size through.
///
/// Without aliases, every YAML value takes at least one byte of the file
/// (a scalar a character, a list `[]` two), so the counts of values and
/// parser events are limited in proportion to the file's length, not to a
/// fixed number: an inventory of 100k cases (~40 MiB, ~2.6 million values)
/// loads, while the file size limit still bounds the total. What grows
/// faster than the text, aliases replaying what an anchor holds, has its
/// own fixed limits; so has nesting, which costs stack.
pub(super) fn options(text_len: usize) -> serde_saphyr::Options {
    options_with_depth(text_len, MAX_DEPTH)
}

/// Deepest nesting of lists and mappings in a content file.
pub(super) const MAX_DEPTH: usize = 64;

/// Events replayed from aliases before a file is taken for an alias bomb.
pub(super) const MAX_REPLAYED_EVENTS: usize = 100_000;

/// [`options`] with another nesting limit.
pub(super) fn options_with_depth(text_len: usize, max_depth: usize) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = max_depth;
    budget.max_aliases = 10_000;
    budget.max_anchors = 10_000;
    // The crate's defaults (250,000 values, 1,000,000 events) for small
    // files; a value per byte and two events per byte of the file above.
    budget.max_nodes = budget.max_nodes.max(text_len.saturating_add(1024));
    budget.max_events = budget
        .max_events
        .max(text_len.saturating_mul(2).saturating_add(1024));
    // Aliases are rare in content; replaying more than this many events
    // from them is an alias bomb ("billion laughs").
    let alias_limits = serde_saphyr::alias_limits! {
        max_total_replayed_events: MAX_REPLAYED_EVENTS,
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
    serde_saphyr::from_str_with_options::<T>(text, options(text.len()))
        .map_err(|e| Box::new(to_diagnostic(file, text, &e, line_offset)))
}

fn to_diagnostic(
    file: FileId,
    text: &str,
    e: &serde_saphyr::Error,
    line_offset: u64,
) -> Diagnostic {
    let (code, message, help) = super::yaml_words::classify(e);
    let mut d = Diagnostic::new(code, message)
        .in_file(file)
        .maybe_help(help);
    if let Some((line, column, c)) = crate::schema::take_forbidden_char() {
        return forbidden_char(d, text, (line, column), c, line_offset);
    }
    if let Some(loc) = e.location() {
        // Errors about values and records get the field path; syntax
        // errors have none (the file is not a tree yet).
        let record = matches!(code, "unknown-field" | "missing-field" | "empty-text");
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
        if d.message.starts_with("a tab where YAML allows only spaces") {
            at = first_tab(text, at.0).unwrap_or(at);
        }
        d.line = at.0 + line_offset;
        d.column = at.1;
        d.len = at.2;
    }
    d
}

/// The first tab on `line` or the few lines after it: the reader reports
/// a tab that breaks a value at the value's start, or one column past the
/// tab; the caret belongs on the tab.
fn first_tab(text: &str, line: u64) -> Option<(u64, u64, u64)> {
    text.split('\n')
        .enumerate()
        .skip(line.saturating_sub(1) as usize)
        .take(4)
        .find_map(|(i, l)| {
            let col = l.chars().position(|c| c == '\t')?;
            Some((i as u64 + 1, col as u64 + 1, 1))
        })
}

/// A text holding a character XML forbids, pointed at the character (or
/// at the escape that wrote it, `\x01`, `\u0001`) on its value's line.
fn forbidden_char(
    mut d: Diagnostic,
    text: &str,
    (line, column): (u64, u64),
    c: char,
    line_offset: u64,
) -> Diagnostic {
    d.code = "invalid-text";
    d.message = format!(
        "this text holds {}, which XML forbids (the feed and the charts could not be read)",
        crate::diagnostics::chars::describe(c)
    );
    d.help =
        Some("delete the character; for a line break in a text, use a block scalar (`|`)".into());
    d.line = line + line_offset;
    d.column = column;
    d.len = 1;
    d.field = super::path::find(text, line, column, false).and_then(|f| f.path);
    let Some(source) = text.split('\n').nth(line.saturating_sub(1) as usize) else {
        return d;
    };
    let n = c as u32;
    let mut spellings = vec![
        c.to_string(),
        format!("\\x{n:02X}"),
        format!("\\x{n:02x}"),
        format!("\\u{n:04X}"),
        format!("\\u{n:04x}"),
        format!("\\U{n:08X}"),
        format!("\\U{n:08x}"),
    ];
    // YAML's short escapes.
    if let Some(short) = match c {
        '\0' => Some("\\0"),
        '\u{7}' => Some("\\a"),
        '\u{8}' => Some("\\b"),
        '\u{B}' => Some("\\v"),
        '\u{C}' => Some("\\f"),
        '\u{1B}' => Some("\\e"),
        _ => None,
    } {
        spellings.push(short.to_string());
    }
    let from: usize = source
        .chars()
        .take(column.saturating_sub(1) as usize)
        .map(char::len_utf8)
        .sum();
    let rest = source.get(from..).unwrap_or("");
    if let Some((at, len)) = spellings
        .iter()
        .filter_map(|s| rest.find(s.as_str()).map(|i| (i, s.chars().count())))
        .min()
    {
        d.column = column + rest[..at].chars().count() as u64;
        d.len = len as u64;
    }
    d
}
