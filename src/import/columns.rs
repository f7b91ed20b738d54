//! The columns a mapping names, resolved against the file's header (names
//! matched ignoring case and spacing; JSON paths likewise), and the values
//! of a record read through a [`ColumnSpec`]: missing values, fallback
//! columns, a default, and separators for several values.

use super::mapping::ColumnSpec;
use super::read::{Cell, Row, Table};
use super::values::{clean_text, is_missing, match_key};
use std::collections::HashMap;

/// Where a value was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// In the column itself.
    Column,
    /// In a fallback column (named).
    Fallback(String),
    /// Nowhere: the spec's default.
    Default,
    /// The spec names no column: a value every record takes.
    Constant,
}

/// The file's columns, by match key.
pub struct Columns<'t> {
    table: &'t Table,
    index: HashMap<String, usize>,
    /// Names the header holds more than once, with every position (1-based).
    twice: HashMap<String, Vec<usize>>,
    missing: Vec<String>,
}

impl<'t> Columns<'t> {
    /// Indexes the header of `table`; `missing` are the values that mean
    /// "missing" where a column does not say otherwise.
    pub fn new(table: &'t Table, missing: Vec<String>) -> Columns<'t> {
        let mut index = HashMap::new();
        let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, h) in table.headers.iter().enumerate() {
            index.entry(match_key(h)).or_insert(i);
            seen.entry(match_key(h)).or_default().push(i + 1);
        }
        seen.retain(|_, v| v.len() > 1);
        Columns {
            table,
            index,
            twice: seen,
            missing,
        }
    }

    /// The table read.
    pub fn table(&self) -> &'t Table {
        self.table
    }

    /// Whether `name` is a column of the file.
    pub fn has(&self, name: &str) -> bool {
        !name.trim().is_empty() && self.index.contains_key(&match_key(name))
    }

    /// An error unless `name` is a column, naming the nearest one.
    pub fn require(&self, at: &str, name: &str) -> Result<(), String> {
        if let Some(at_columns) = self.twice.get(&match_key(name)) {
            let list: Vec<String> = at_columns.iter().map(|c| c.to_string()).collect();
            return Err(format!(
                "{at}: the header names {name:?} more than once (columns {}), so which one is meant is unclear; rename one in the file",
                list.join(" and ")
            ));
        }
        if self.has(name) {
            return Ok(());
        }
        let near = self
            .table
            .headers
            .iter()
            .min_by_key(|h| strsim::levenshtein(&match_key(h), &match_key(name)))
            .cloned()
            .unwrap_or_default();
        // One column whose name holds `;` or a tab: the delimiter is another.
        let hint = match self.table.headers.as_slice() {
            [only] => [';', '\t', '|']
                .into_iter()
                .find(|d| only.contains(*d))
                .map(|d| format!("; the header is one column, so the fields may be separated by {d:?}: set source.delimiter"))
                .unwrap_or_default(),
            _ => String::new(),
        };
        Err(format!(
            "{at}: the file has no column {name:?} (did you mean {near:?}?){hint}"
        ))
    }

    /// Checks a spec's column and fallbacks.
    pub fn require_spec(&self, at: &str, spec: &ColumnSpec) -> Result<(), String> {
        for c in spec.columns() {
            self.require(at, c)?;
        }
        Ok(())
    }

    /// The values meaning "missing" in the column of `spec`.
    pub fn missing_of<'a>(&'a self, spec: &'a ColumnSpec) -> &'a [String] {
        spec.missing_values.as_deref().unwrap_or(&self.missing)
    }

    /// The default missing values.
    pub fn missing(&self) -> &[String] {
        &self.missing
    }

    /// The cell of `name` in `row` (blank if the file lacks the column).
    pub fn cell<'r>(&self, row: &'r Row, name: &str) -> Option<&'r Cell> {
        if name.trim().is_empty() {
            return None; // a spec without a column (a constant)
        }
        self.index.get(&match_key(name)).map(|&i| &row.values[i])
    }

    /// The raw text of `name` in `row`, as published.
    pub fn raw(&self, row: &Row, name: &str) -> String {
        self.cell(row, name)
            .map(|c| c.text().into_owned())
            .unwrap_or_default()
    }

    /// The cleaned value of `spec` in `row`, from its column, else its
    /// fallbacks in order, else its default; None when all are blank.
    pub fn text(&self, row: &Row, spec: &ColumnSpec) -> Option<(String, Found)> {
        let missing = self.missing_of(spec);
        for (i, c) in spec.columns().enumerate() {
            let Some(cell) = self.cell(row, c) else {
                continue;
            };
            let v = match cell {
                Cell::Text(s) => s.clone(),
                Cell::List(_) => cell.items(spec.separator.as_deref(), missing).join("; "),
            };
            if !is_missing(&v, missing) {
                let found = if i == 0 {
                    Found::Column
                } else {
                    Found::Fallback(c.to_string())
                };
                return Some((clean_text(&v), found));
            }
        }
        let found = if spec.is_constant() {
            Found::Constant
        } else {
            Found::Default
        };
        spec.default.as_ref().map(|d| (clean_text(d), found))
    }

    /// The items of `spec` in `row` (split on `separator`, or the spec's
    /// own), from the first of its columns that has any, else its default.
    pub fn items(
        &self,
        row: &Row,
        spec: &ColumnSpec,
        separator: Option<&str>,
    ) -> (Vec<String>, Found) {
        let missing = self.missing_of(spec);
        let sep = spec.separator.as_deref().or(separator);
        for (i, c) in spec.columns().enumerate() {
            let Some(cell) = self.cell(row, c) else {
                continue;
            };
            let items = cell.items(sep, missing);
            if !items.is_empty() {
                let found = if i == 0 {
                    Found::Column
                } else {
                    Found::Fallback(c.to_string())
                };
                return (items, found);
            }
        }
        match &spec.default {
            Some(d) if spec.is_constant() => (vec![clean_text(d)], Found::Constant),
            Some(d) => (vec![clean_text(d)], Found::Default),
            None => (Vec::new(), Found::Column),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read::csv::parse;

    #[test]
    fn a_column_named_twice_is_ambiguous_and_one_column_hints_at_the_delimiter() {
        let t = parse("Name,Agency,name\nA,B,C\n", b',', 1).unwrap();
        let cols = Columns::new(&t, Vec::new());
        assert_eq!(
            cols.require("fields.name", "name").unwrap_err(),
            "fields.name: the header names \"name\" more than once (columns 1 and 3), so which one is meant is unclear; rename one in the file"
        );
        assert!(cols.require("fields.agency", "agency").is_ok());
        // A spec without a column gives its default, and reads no column.
        let constant = ColumnSpec {
            default: Some("Ministry".into()),
            ..Default::default()
        };
        assert!(cols.require_spec("fields.agency", &constant).is_ok());
        assert_eq!(
            cols.text(&t.rows[0], &constant),
            Some(("Ministry".to_string(), Found::Constant))
        );
        let t = parse("Name;Agency\nA;B\n", b',', 1).unwrap();
        let cols = Columns::new(&t, Vec::new());
        assert!(cols
            .require("fields.name", "Name")
            .unwrap_err()
            .ends_with("; the header is one column, so the fields may be separated by ';': set source.delimiter"));
    }
}
