//! What an import did and what it could not place: every reported cell with
//! its row, column and value, and the summary the command prints.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

/// What kind of problem a reported cell has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IssueKind {
    /// A value the mapping does not list (the field is left out, or falls
    /// back where the mapping says so). An error with `--strict`.
    UnknownValue,
    /// A value that cannot be used as what it should be (a URL that is no
    /// http(s) URL, a date of another shape): left out. An error with `--strict`.
    BadValue,
    /// Several values where a record takes one: the first (or the mapping's
    /// `several`) is used. An error with `--strict`.
    Several,
    /// A required value is blank: the record is skipped. An error with `--strict`.
    Skipped,
    /// The row has more fields than the header. An error with `--strict`.
    ExtraFields,
    /// A blank value placed by the mapping's explicit fallback, fallback
    /// column or default.
    Fallback,
    /// The publisher's id is blank, a placeholder or duplicated; the id
    /// was derived from other columns (stable while they do not change).
    DerivedId,
    /// A technique set because the case's text names it (a mapping's
    /// `techniques.phrases`): listed so a researcher can review each.
    Phrase,
}

impl IssueKind {
    /// Whether `--strict` makes it an error (the mapping could not place it).
    pub fn is_unplaced(self) -> bool {
        !matches!(
            self,
            IssueKind::Fallback | IssueKind::DerivedId | IssueKind::Phrase
        )
    }

    fn title(self) -> &'static str {
        match self {
            IssueKind::UnknownValue => "value not in the mapping",
            IssueKind::BadValue => "value not usable (left out)",
            IssueKind::Several => "several values where one is used",
            IssueKind::Skipped => "skipped (required value blank)",
            IssueKind::ExtraFields => "more fields than the header",
            IssueKind::Fallback => "blank value placed by the mapping's fallback",
            IssueKind::DerivedId => "id derived (publisher id blank, placeholder or duplicated)",
            IssueKind::Phrase => "technique set by a phrase in the case's text (review each)",
        }
    }
}

/// One reported cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// What is wrong.
    pub kind: IssueKind,
    /// Row (or record) number.
    pub row: usize,
    /// Line the record starts on.
    pub line: u64,
    /// Column name.
    pub column: String,
    /// The value as found (cleaned of surrounding whitespace).
    pub value: String,
    /// What the importer did.
    pub note: String,
}

/// What merging with the files already in `content/` did.
#[derive(Debug, Default, Clone)]
pub struct MergeOutcome {
    /// Records new in this import.
    pub added: usize,
    /// Records whose written form changed.
    pub updated: usize,
    /// Records unchanged.
    pub unchanged: usize,
    /// Overridden fields kept from `content/`.
    pub overrides_kept: usize,
    /// Records gone from the source: (id, kept, what was done).
    pub gone: Vec<GoneRecord>,
}

/// A record that was in `content/` but is not in the source any more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoneRecord {
    /// Its id.
    pub id: String,
    /// Kept (a case with overrides; every framework file).
    pub kept: bool,
    /// Why it was kept, or that it was removed.
    pub note: String,
}

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// The file read.
    pub file: PathBuf,
    /// Its format and how it was settled (`csv, from the file name`).
    pub format: String,
    /// What a record of the file is called (`row`, `record`).
    pub unit: &'static str,
    /// What was written: `content/inventories/x.yaml`, or `4 files under content/frameworks/`.
    pub target: String,
    /// What the records written are called (`cases`, `instruments`).
    pub noun: &'static str,
    /// The inventory file written (case imports), relative to the root.
    pub output: PathBuf,
    /// Every file written or to be written, relative to the root.
    pub files: Vec<PathBuf>,
    /// Records read.
    pub rows_read: usize,
    /// Records left out by `source.filter`.
    pub rows_filtered: usize,
    /// Records skipped.
    pub rows_skipped: usize,
    /// Records written (imported plus kept gone ones).
    pub cases_written: usize,
    /// Merge figures.
    pub merge: MergeOutcome,
    /// Every reported cell.
    pub issues: Vec<Issue>,
    /// Size of what was written.
    pub bytes: usize,
    /// Whether a file changed (false: the same bytes were already there).
    pub changed: bool,
    /// Whether anything was written (false under `--strict` with problems,
    /// or with `--dry-run`).
    pub written: bool,
    /// A dry run: checked, nothing written.
    pub dry_run: bool,
    /// How long it took.
    pub elapsed: Duration,
    /// Risk-flag counts over the written cases, by flag id.
    pub flag_counts: BTreeMap<String, usize>,
    /// Cases on which each flag was not assessed (no answer), by flag id.
    pub not_assessed_counts: BTreeMap<String, usize>,
    /// Things to know that are not about a cell (problems the site had before).
    pub notes: Vec<String>,
}

impl ImportReport {
    /// Issues of one kind.
    pub fn count(&self, kind: IssueKind) -> usize {
        self.issues.iter().filter(|i| i.kind == kind).count()
    }

    /// Issues the mapping could not place.
    pub fn unplaced(&self) -> usize {
        self.issues.iter().filter(|i| i.kind.is_unplaced()).count()
    }

    /// Records a cell.
    pub fn issue(
        &mut self,
        kind: IssueKind,
        row: &super::read::Row,
        column: &str,
        value: &str,
        note: impl Into<String>,
    ) {
        self.issues.push(Issue {
            kind,
            row: row.number,
            line: row.line,
            column: column.to_string(),
            value: super::values::clean_text(value),
            note: note.into(),
        });
    }

    /// The summary printed by the command: totals, then every reported row
    /// grouped by kind, column and value.
    pub fn summary(&self) -> String {
        let mut o = String::new();
        let name = self
            .file
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let units = plural(self.unit);
        let _ = writeln!(
            o,
            "import: read {} {} from {} ({})",
            self.rows_read,
            if self.rows_read == 1 {
                self.unit.to_string()
            } else {
                units.clone()
            },
            name,
            self.format
        );
        if self.rows_filtered > 0 {
            let _ = writeln!(
                o,
                "import: {} {} left out by source.filter",
                self.rows_filtered,
                if self.rows_filtered == 1 {
                    self.unit.to_string()
                } else {
                    units.clone()
                }
            );
        }
        let m = &self.merge;
        let verb = if self.dry_run {
            "would write"
        } else if !self.written {
            "did not write"
        } else if self.changed {
            "wrote"
        } else {
            "unchanged"
        };
        let _ = writeln!(
            o,
            "import: {verb} {}: {} {} ({} new, {} updated, {} unchanged; {} skipped {units}; {} overridden fields kept), {} bytes, {:.2} s",
            self.target,
            self.cases_written,
            self.noun,
            m.added,
            m.updated,
            m.unchanged,
            self.rows_skipped,
            m.overrides_kept,
            self.bytes,
            self.elapsed.as_secs_f64()
        );
        if !self.flag_counts.is_empty() {
            let parts: Vec<String> = self
                .flag_counts
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            let _ = writeln!(o, "import: risk flags set: {}", parts.join(", "));
        }
        if !self.not_assessed_counts.is_empty() {
            let parts: Vec<String> = self
                .not_assessed_counts
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            let _ = writeln!(
                o,
                "import: risk flags not assessed (no answer): {}",
                parts.join(", ")
            );
        }
        let mut kinds: BTreeMap<IssueKind, BTreeMap<(String, String), Vec<&Issue>>> =
            BTreeMap::new();
        for i in &self.issues {
            kinds
                .entry(i.kind)
                .or_default()
                .entry((i.column.clone(), i.value.clone()))
                .or_default()
                .push(i);
        }
        for (kind, groups) in &kinds {
            let n: usize = groups.values().map(|v| v.len()).sum();
            let _ = writeln!(
                o,
                "reported: {} ({n} {})",
                kind.title(),
                if n == 1 {
                    self.unit.to_string()
                } else {
                    units.clone()
                }
            );
            for ((col, val), list) in groups {
                let rows: Vec<String> = list.iter().take(12).map(|i| i.row.to_string()).collect();
                let more = if list.len() > 12 {
                    format!(", … {} more", list.len() - 12)
                } else {
                    String::new()
                };
                let shown: String = if val.chars().count() > 90 {
                    format!("{}…", val.chars().take(90).collect::<String>())
                } else {
                    val.clone()
                };
                let _ = writeln!(
                    o,
                    "  column {col:?}, value {shown:?}: {} ({}) — {units} {}{more}",
                    list.len(),
                    list[0].note,
                    rows.join(", ")
                );
            }
        }
        for g in &m.gone {
            let _ = writeln!(
                o,
                "gone from source: {} {:?} {}",
                self.noun.trim_end_matches('s'),
                g.id,
                g.note
            );
        }
        for n in &self.notes {
            let _ = writeln!(o, "note: {n}");
        }
        o
    }
}

/// `row` → `rows`.
pub fn plural(unit: &str) -> String {
    format!("{unit}s")
}
