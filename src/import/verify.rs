//! Never a file that does not build: what an import would write is loaded
//! and validated together with the rest of `content/` by the same loader and
//! validator `govatlas check` runs, before anything is written. Each problem
//! found in the would-be files is traced back to the record, column and
//! value it came from; a missing jurisdiction comes with a ready-to-paste
//! file. Problems the site already had elsewhere do not block the import;
//! problems the import would cause elsewhere (an id another file uses) do.

use crate::diagnostics::{Diagnostic, SourceMap};
use crate::load::overlay::{load_with, Planned};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

/// Where the records of a planned file came from.
#[derive(Debug, Clone)]
pub enum Rows {
    /// An inventory: the line each case starts on, and the row index of
    /// each case (None for a case kept from the existing file).
    Inventory {
        /// Start line of each case.
        case_lines: Vec<u64>,
        /// Row index of each case.
        rows: Vec<Option<usize>>,
    },
    /// One record from one row.
    Record(Option<usize>),
}

/// Gives, for a row index and a field of the record, the column it was read
/// from and the value there.
pub type Explain<'a> = dyn Fn(usize, &str) -> (String, String) + 'a;

/// How a row is named in messages.
pub struct RowNames<'a> {
    /// `row` or `record`.
    pub unit: &'a str,
    /// Number and line of each row index.
    pub at: &'a dyn Fn(usize) -> (usize, u64),
}

/// Validates the site with `planned` in place. Ok holds notes on problems
/// the site had before (in files the import does not write); Err the text
/// explaining why the import would not build.
pub fn verify(
    root: &std::path::Path,
    planned: &[(Planned, Rows)],
    names: &RowNames,
    explain: &Explain,
) -> Result<Vec<String>, String> {
    let files: Vec<Planned> = planned.iter().map(|(p, _)| p.clone()).collect();
    let (content, mut diags, ids) = load_with(root, &files);
    let sources = content.sources.clone();
    let had_config = content.config.is_some();
    let _ = crate::validate::validate(content, &mut diags);
    if diags.is_empty() {
        return Ok(Vec::new());
    }
    let all = diags.sorted(&sources);
    let ours: HashSet<_> = ids.iter().copied().collect();
    let (mine, elsewhere): (Vec<Diagnostic>, Vec<Diagnostic>) = all
        .into_iter()
        .partition(|d| d.file.is_some_and(|f| ours.contains(&f)));
    // Problems elsewhere: the site's own, or caused by the import?
    let mut caused = Vec::new();
    let mut before = 0;
    if !elsewhere.is_empty() {
        let (content, mut base) = crate::load::load(root);
        let base_sources = content.sources.clone();
        let _ = crate::validate::validate(content, &mut base);
        let key = |d: &Diagnostic, s: &SourceMap| {
            (
                d.file.map(|f| s.path(f).to_string()),
                d.line,
                d.column,
                d.code,
                d.message.clone(),
            )
        };
        let known: HashSet<_> = base
            .sorted(&base_sources)
            .iter()
            .map(|d| key(d, &base_sources))
            .collect();
        for d in elsewhere {
            if known.contains(&key(&d, &sources)) && had_config {
                before += 1;
            } else {
                caused.push(d);
            }
        }
    }
    if mine.is_empty() && caused.is_empty() {
        return Ok(vec![format!(
            "the site already had {before} problem{} in files this import does not write; `govatlas check` lists them",
            if before == 1 { "" } else { "s" }
        )]);
    }
    Err(explain_problems(
        planned, &ids, &sources, &mine, &caused, names, explain,
    ))
}

/// One traced problem.
struct Traced {
    row: Option<usize>,
    column: String,
    value: String,
    place: String,
}

fn explain_problems(
    planned: &[(Planned, Rows)],
    ids: &[crate::diagnostics::FileId],
    sources: &SourceMap,
    mine: &[Diagnostic],
    caused: &[Diagnostic],
    names: &RowNames,
    explain: &Explain,
) -> String {
    let mut groups: BTreeMap<(&str, String, String), Vec<Traced>> = BTreeMap::new();
    let mut stubs: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for d in mine {
        let i = ids.iter().position(|f| Some(*f) == d.file).unwrap_or(0);
        let (p, rows) = &planned[i];
        let (record, field) = locate(d, rows);
        let (column, value) = match record {
            Some(r) => explain(r, &field),
            None => (String::new(), String::new()),
        };
        if let Some(j) = unknown_jurisdiction(d) {
            let name = if value.is_empty() {
                j.clone()
            } else {
                value.clone()
            };
            let e = stubs.entry(j).or_insert((name, 0));
            e.1 += 1;
        }
        let place = format!(
            "{}:{}{}",
            p.rel.to_string_lossy().replace('\\', "/"),
            d.line,
            d.field
                .as_ref()
                .map(|f| format!(" {f}"))
                .unwrap_or_default()
        );
        groups
            .entry((
                d.code,
                d.message.clone(),
                d.help.clone().unwrap_or_default(),
            ))
            .or_default()
            .push(Traced {
                row: record,
                column,
                value,
                place,
            });
    }
    let mut o = String::new();
    let total = mine.len() + caused.len();
    for ((code, message, help), list) in &groups {
        let n = list.len();
        let _ = writeln!(
            o,
            "error[{code}]: {message}{}",
            if n > 1 {
                format!(" ({n} times)")
            } else {
                String::new()
            }
        );
        for t in list.iter().take(10) {
            match t.row {
                Some(r) => {
                    let (number, line) = (names.at)(r);
                    let _ = write!(o, "  {} {number} (line {line})", names.unit);
                    if !t.column.is_empty() {
                        let _ = write!(o, ", column {:?}, value {:?}", t.column, t.value);
                    }
                    let _ = writeln!(o);
                }
                None if t.place.contains(" cases[") => {
                    let _ = writeln!(
                        o,
                        "  {} (a case kept from content/, not from the file)",
                        t.place
                    );
                }
                None => {
                    let _ = writeln!(o, "  {} (from the mapping)", t.place);
                }
            }
        }
        if n > 10 {
            let _ = writeln!(o, "  … {} more", n - 10);
        }
        if !help.is_empty() {
            let _ = writeln!(o, "  = help: {help}");
        }
    }
    for d in caused {
        let at = d
            .file
            .map(|f| format!("{}:{}", sources.path(f), d.line))
            .unwrap_or_default();
        let _ = writeln!(o, "error[{}]: {at}: {}", d.code, d.message);
        if let Some(h) = &d.help {
            let _ = writeln!(o, "  = help: {h}");
        }
    }
    for (id, (name, uses)) in &stubs {
        let _ = writeln!(
            o,
            "\nThe site has no jurisdiction `{id}` ({uses} record{}). If it should, save this as content/jurisdictions/{id}.yaml (check kind, add a parent for a state or city, and the zh-TW name):\n\nid: {id}\nkind: country\nname: {{en: {}}}\n",
            if *uses == 1 { "" } else { "s" },
            crate::import::write::quote(name)
        );
        let _ = id;
    }
    let _ = writeln!(
        o,
        "error: the import would not build: {total} problem{} in what it would write (checked as `govatlas check` does); nothing written",
        if total == 1 { "" } else { "s" }
    );
    o
}

/// The record and field a problem in a planned file is about.
fn locate(d: &Diagnostic, rows: &Rows) -> (Option<usize>, String) {
    let field = d.field.clone().unwrap_or_default();
    match rows {
        Rows::Record(r) => (*r, head(&field)),
        Rows::Inventory { case_lines, rows } => {
            if let Some(rest) = field.strip_prefix("cases[") {
                if let Some((n, after)) = rest.split_once(']') {
                    if let Ok(i) = n.parse::<usize>() {
                        let f = head(after.trim_start_matches('.'));
                        return (rows.get(i).copied().flatten(), f);
                    }
                }
            }
            // A problem about a value without a field path: find the case
            // by its line. A problem with the whole file (its size) has none.
            let i = case_lines.partition_point(|&l| l <= d.line);
            match i.checked_sub(1) {
                Some(i) if d.field.is_some() && d.line >= case_lines[0] => {
                    (rows.get(i).copied().flatten(), head(&field))
                }
                _ => (None, head(&field)),
            }
        }
    }
}

/// `risk_flags[1]` → `risk_flags`.
fn head(field: &str) -> String {
    field.split(['[', '.']).next().unwrap_or("").to_string()
}

/// The id of an unknown jurisdiction a problem names.
fn unknown_jurisdiction(d: &Diagnostic) -> Option<String> {
    let rest = d.message.strip_prefix("unknown jurisdiction `")?;
    Some(rest.trim_end_matches('`').to_string())
}
