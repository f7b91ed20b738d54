//! `govatlas import csv`: turns a published CSV inventory into one case
//! inventory file under `content/inventories/`, following a mapping file
//! (`content/imports/*.yaml`, see [`mapping`] and the README section "Importing a published inventory").
//!
//! Stages, one file each: [`csv_read`] decodes and splits the file,
//! [`mapping`] says what the columns mean, this module places each row,
//! [`merge`] keeps what researchers changed by hand, and [`yaml_write`] writes
//! the same bytes for the same input. Every value the mapping cannot place is
//! reported with its row, column and value; `--strict` turns those into errors.

pub mod csv_read;
pub mod mapping;
pub mod merge;
pub mod yaml_write;

use crate::cli::import::{ImportArgs, ImportFormat};
use csv_read::{clean_text, is_missing, match_key, split_items, Row, Table};
use mapping::{ClassTarget, LangText, Mapping};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use yaml_write::{OutCase, OutInventory, OutMethod, OutText};

/// Options of one CSV import (what the command line gives).
#[derive(Debug, Clone)]
pub struct CsvImport {
    /// The CSV file.
    pub file: PathBuf,
    /// The mapping file.
    pub mapping: PathBuf,
    /// Site root (holds `content/`).
    pub root: PathBuf,
    /// Encoding label, overriding the mapping's.
    pub encoding: Option<String>,
    /// Values the mapping cannot place are errors.
    pub strict: bool,
}

/// What kind of problem a reported row has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IssueKind {
    /// A value the mapping does not list (the field is left out, or the use
    /// class falls back when the mapping says so). An error with `--strict`.
    UnknownValue,
    /// A required value (name, agency, use class without fallback) is blank:
    /// the row is skipped. An error with `--strict`.
    Skipped,
    /// The row has more fields than the header. An error with `--strict`.
    ExtraFields,
    /// A blank value placed by the mapping's explicit `missing` fallback.
    Fallback,
    /// The publisher's id is blank, a placeholder or duplicated; the case id
    /// was derived from other columns (stable while they do not change).
    DerivedId,
}

impl IssueKind {
    /// Whether `--strict` makes it an error (the mapping could not place it).
    pub fn is_unplaced(self) -> bool {
        matches!(
            self,
            IssueKind::UnknownValue | IssueKind::Skipped | IssueKind::ExtraFields
        )
    }

    fn title(self) -> &'static str {
        match self {
            IssueKind::UnknownValue => "value not in the mapping",
            IssueKind::Skipped => "row skipped (required value blank)",
            IssueKind::ExtraFields => "more fields than the header",
            IssueKind::Fallback => "blank value placed by the mapping's fallback",
            IssueKind::DerivedId => {
                "case id derived (publisher id blank, placeholder or duplicated)"
            }
        }
    }
}

/// One reported cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// What is wrong.
    pub kind: IssueKind,
    /// Row number (header = 1).
    pub row: usize,
    /// Line the row starts on.
    pub line: u64,
    /// Column name.
    pub column: String,
    /// The value as found (cleaned of surrounding whitespace).
    pub value: String,
    /// What the importer did.
    pub note: String,
}

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// The CSV read.
    pub file: PathBuf,
    /// The inventory file written (or that would have been).
    pub output: PathBuf,
    /// Data rows read.
    pub rows_read: usize,
    /// Cases written to the file (imported plus kept gone ones).
    pub cases_written: usize,
    /// Rows skipped.
    pub rows_skipped: usize,
    /// Merge figures.
    pub merge: merge::MergeOutcome,
    /// Every reported cell.
    pub issues: Vec<Issue>,
    /// Size of the file.
    pub bytes: usize,
    /// Whether the file changed (false: the same bytes were already there).
    pub changed: bool,
    /// Whether anything was written (false under `--strict` with problems).
    pub written: bool,
    /// How long it took.
    pub elapsed: Duration,
    /// Risk-flag counts over the written cases, by flag id.
    pub flag_counts: BTreeMap<String, usize>,
    /// Cases on which each flag was not assessed (no answer), by flag id.
    pub not_assessed_counts: BTreeMap<String, usize>,
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

    /// The summary printed by the command: totals, then every reported row
    /// grouped by kind, column and value.
    pub fn summary(&self) -> String {
        use fmt::Write as _;
        let mut o = String::new();
        let name = self
            .file
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let _ = writeln!(o, "import: read {} rows from {}", self.rows_read, name);
        let m = &self.merge;
        let verb = if !self.written {
            "did not write"
        } else if self.changed {
            "wrote"
        } else {
            "unchanged"
        };
        let _ = writeln!(
            o,
            "import: {verb} {}: {} cases ({} new, {} updated, {} unchanged; {} skipped rows; {} overridden fields kept), {} bytes, {:.2} s",
            self.output.display(),
            self.cases_written,
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
                if n == 1 { "row" } else { "rows" }
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
                    "  column {col:?}, value {shown:?}: {} ({}) — rows {}{more}",
                    list.len(),
                    list[0].note,
                    rows.join(", ")
                );
            }
        }
        for g in &m.gone {
            let _ = writeln!(
                o,
                "gone from source: case {:?} {}",
                g.id,
                if g.kept {
                    "kept (it has overrides)"
                } else {
                    "removed"
                }
            );
        }
        o
    }
}

/// Why an import failed.
#[derive(Debug)]
pub enum ImportError {
    /// A file given on the command line cannot be read (exit 2).
    Usage(String),
    /// The mapping is wrong (exit 1).
    Mapping(String),
    /// The CSV cannot be decoded or parsed (exit 1).
    Data(String),
    /// The inventory in `content/` cannot be read or merged (exit 1).
    Existing(String),
    /// `--strict` and rows the mapping cannot place (exit 1); nothing written.
    Strict(Box<ImportReport>),
    /// Writing failed (exit 1).
    Io(String),
}

impl ImportError {
    /// The process exit code.
    pub fn exit_code(&self) -> i32 {
        match self {
            ImportError::Usage(_) => 2,
            _ => 1,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Usage(m) => write!(f, "error: {m}"),
            ImportError::Mapping(m) => write!(f, "error: mapping: {m}"),
            ImportError::Data(m) => write!(f, "error: {m}"),
            ImportError::Existing(m) => write!(f, "error: existing inventory: {m}"),
            ImportError::Strict(r) => write!(
                f,
                "{}error: --strict: {} reported values could not be placed by the mapping; nothing written",
                r.summary(),
                r.unplaced()
            ),
            ImportError::Io(m) => write!(f, "error: {m}"),
        }
    }
}

/// Runs `govatlas import` as parsed from the command line.
pub fn run(args: &ImportArgs) -> Result<ImportReport, ImportError> {
    match &args.format {
        ImportFormat::Csv(a) => import_csv(&CsvImport {
            file: a.file.clone(),
            mapping: a.mapping.clone(),
            root: a.root.clone(),
            encoding: a.encoding.clone(),
            strict: a.strict,
        }),
    }
}

/// Reads and checks a mapping file.
pub fn read_mapping(path: &Path) -> Result<Mapping, ImportError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ImportError::Usage(format!("cannot read mapping {}: {e}", path.display())))?;
    let m: Mapping = serde_saphyr::from_str(&text)
        .map_err(|e| ImportError::Mapping(format!("{}: {e}", path.display())))?;
    check_mapping(&m).map_err(|e| ImportError::Mapping(format!("{}: {e}", path.display())))?;
    Ok(m)
}

fn check_mapping(m: &Mapping) -> Result<(), String> {
    let both = |what: &str, t: &LangText| -> Result<(), String> {
        for l in ["zh-TW", "en"] {
            if t.get(l).is_none_or(|v| v.trim().is_empty()) {
                return Err(format!(
                    "{what} has no {l} text (both zh-TW and en are required)"
                ));
            }
        }
        Ok(())
    };
    both("inventory.title", &m.inventory.title)?;
    both("inventory.publisher", &m.inventory.publisher)?;
    if let Some(d) = &m.inventory.description {
        both("inventory.description", d)?;
    }
    let mut ids = Vec::new();
    for (i, r) in m.flag_rules.iter().enumerate() {
        both(&format!("flag_rules[{i}].label"), &r.label)?;
        both(&format!("flag_rules[{i}].description"), &r.description)?;
        ids.push(r.id.clone());
        for v in &r.flag_when {
            if r.no_flag_when.iter().any(|n| match_key(n) == match_key(v)) {
                return Err(format!(
                    "flag_rules[{i}]: {v:?} is in both flag_when and no_flag_when"
                ));
            }
        }
    }
    for (i, f) in m.flag_methods.iter().enumerate() {
        both(&format!("flag_methods[{i}].label"), &f.label)?;
        both(&format!("flag_methods[{i}].description"), &f.description)?;
        ids.push(f.id.clone());
    }
    let mut seen = std::collections::HashSet::new();
    for id in &ids {
        if !seen.insert(id) {
            return Err(format!("flag method id {id:?} is used twice"));
        }
    }
    if let Some(d) = &m.inventory.default_flag_method {
        if !ids.contains(d) {
            return Err(format!(
                "inventory.default_flag_method {d:?} is no rule or flag method id"
            ));
        }
    }
    if let Some(t) = &m.fields.name_missing {
        both("fields.name_missing", t)?;
    }
    if let Some(s) = &m.fields.stage {
        for (i, v) in s.values.iter().enumerate() {
            both(&format!("fields.stage.values[{i}].label"), &v.label)?;
        }
    }
    if let Some(a) = &m.fields.agency_labels {
        for (i, v) in a.iter().enumerate() {
            both(&format!("fields.agency_labels[{i}].label"), &v.label)?;
        }
    }
    Ok(())
}

/// Checks the vocabulary ids the mapping writes against the vocabularies in
/// `<root>/content/vocabularies/`, for each vocabulary that has a file there
/// (a vocabulary may span several files). Catching a misspelt id here names
/// the mapping rather than thousands of cases.
fn check_terms(root: &Path, m: &Mapping) -> Result<(), String> {
    use crate::schema::{VocabularyFile, VocabularyKind};
    let dir = root.join("content/vocabularies");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(());
    };
    let mut terms: HashMap<VocabularyKind, Vec<String>> = HashMap::new();
    let mut subtypes: HashMap<String, Vec<String>> = HashMap::new();
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if !matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            continue;
        }
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let Ok(v) = serde_saphyr::from_str::<VocabularyFile>(&text) else {
            continue; // the site's own check reports broken vocabulary files
        };
        let list = terms.entry(v.vocabulary.value).or_default();
        for t in &v.terms {
            list.push(t.id.value.clone());
            subtypes
                .entry(t.id.value.clone())
                .or_default()
                .extend(t.subtypes.iter().map(|s| s.id.value.clone()));
        }
    }
    let check = |kind: VocabularyKind, id: &str, at: &str| -> Result<(), String> {
        let Some(known) = terms.get(&kind) else {
            return Ok(());
        };
        if known.iter().any(|k| k == id) {
            return Ok(());
        }
        let near = known
            .iter()
            .min_by_key(|k| strsim::levenshtein(k, id))
            .cloned()
            .unwrap_or_default();
        Err(format!(
            "{at}: unknown {} term {id:?} (did you mean {near:?}?)",
            kind.name()
        ))
    };
    let class = |t: &ClassTarget, at: &str| -> Result<(), String> {
        check(VocabularyKind::UseClasses, &t.class, at)?;
        if let (Some(sub), Some(known)) = (&t.subtype, subtypes.get(&t.class)) {
            if terms.contains_key(&VocabularyKind::UseClasses) && !known.contains(sub) {
                return Err(format!(
                    "{at}: use class {:?} has no sub-type {sub:?} (it has: {})",
                    t.class,
                    known.join(", ")
                ));
            }
        }
        Ok(())
    };
    for (i, v) in m.use_class.values.iter().enumerate() {
        class(
            &ClassTarget {
                class: v.class.clone(),
                subtype: v.subtype.clone(),
            },
            &format!("use_class.values[{i}]"),
        )?;
    }
    if let Some(t) = &m.use_class.missing {
        class(t, "use_class.missing")?;
    }
    if let Some(t) = &m.use_class.unknown {
        class(t, "use_class.unknown")?;
    }
    if let Some(t) = &m.techniques {
        for (i, v) in t.values.iter().enumerate() {
            for term in &v.terms {
                check(
                    VocabularyKind::Techniques,
                    term,
                    &format!("techniques.values[{i}]"),
                )?;
            }
        }
    }
    for (i, r) in m.flag_rules.iter().enumerate() {
        check(
            VocabularyKind::RiskFlags,
            &r.flag,
            &format!("flag_rules[{i}].flag"),
        )?;
    }
    for (i, f) in m.flag_methods.iter().enumerate() {
        for (k, flag) in f.assesses.iter().flatten().enumerate() {
            check(
                VocabularyKind::RiskFlags,
                flag,
                &format!("flag_methods[{i}].assesses[{k}]"),
            )?;
        }
    }
    Ok(())
}

/// Looks up values by their match key.
struct Lookup<T> {
    map: HashMap<String, T>,
}

impl<T: Clone> Lookup<T> {
    fn new<'a>(entries: impl IntoIterator<Item = (&'a [String], T)>) -> Result<Self, String> {
        let mut map = HashMap::new();
        for (keys, v) in entries {
            for k in keys {
                if map.insert(match_key(k), v.clone()).is_some() {
                    return Err(format!("value {k:?} is listed twice"));
                }
            }
        }
        Ok(Lookup { map })
    }
    fn get(&self, s: &str) -> Option<&T> {
        self.map.get(&match_key(s))
    }
}

/// Column indexes the mapping uses, resolved against the header.
struct Columns {
    index: HashMap<String, usize>,
}

impl Columns {
    fn new(table: &Table, m: &Mapping) -> Result<Self, String> {
        let mut index = HashMap::new();
        let keys: Vec<String> = table.headers.iter().map(|h| match_key(h)).collect();
        for (path, col) in m.columns() {
            match keys.iter().position(|k| *k == match_key(col)) {
                Some(i) => {
                    index.insert(col.to_string(), i);
                }
                None => {
                    let near = table
                        .headers
                        .iter()
                        .min_by_key(|h| strsim::levenshtein(&match_key(h), &match_key(col)))
                        .cloned()
                        .unwrap_or_default();
                    return Err(format!(
                        "{path}: the CSV has no column {col:?} (did you mean {near:?}?)"
                    ));
                }
            }
        }
        Ok(Columns { index })
    }
    fn get<'r>(&self, row: &'r Row, col: &str) -> &'r str {
        &row.values[self.index[col]]
    }
}

/// Lowercase ASCII slug: letters and digits, other runs become one `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn lang_text(t: &LangText) -> OutText {
    OutText::new(t.iter().map(|(k, v)| (k.clone(), v.clone())))
}

fn url_encode(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            o.push(b as char);
        } else {
            o.push_str(&format!("%{b:02X}"));
        }
    }
    o
}

/// Imports one CSV file with a mapping, merges it with the inventory already
/// in `content/`, and writes it (unless `strict` and something is unplaced).
pub fn import_csv(opts: &CsvImport) -> Result<ImportReport, ImportError> {
    let started = Instant::now();
    let m = read_mapping(&opts.mapping)?;
    check_terms(&opts.root, &m)
        .map_err(|e| ImportError::Mapping(format!("{}: {e}", opts.mapping.display())))?;
    let bytes = std::fs::read(&opts.file)
        .map_err(|e| ImportError::Usage(format!("cannot read {}: {e}", opts.file.display())))?;
    let encoding = opts.encoding.as_deref().or(m.source.encoding.as_deref());
    let text = csv_read::decode(&bytes, encoding).map_err(|e| match e {
        csv_read::ReadError::UnknownEncoding(_) => ImportError::Usage(e.to_string()),
        _ => ImportError::Data(format!("{}: {e}", opts.file.display())),
    })?;
    let delimiter = m.source.delimiter.unwrap_or(',');
    if !delimiter.is_ascii() {
        return Err(ImportError::Mapping(
            "source.delimiter must be one ASCII character".into(),
        ));
    }
    let table = csv_read::parse(&text, delimiter as u8)
        .map_err(|e| ImportError::Data(format!("{}: {e}", opts.file.display())))?;
    let cols = Columns::new(&table, &m).map_err(ImportError::Mapping)?;

    let mut report = ImportReport {
        file: opts.file.clone(),
        rows_read: table.rows.len(),
        ..Default::default()
    };
    let cases = place_rows(&m, &table, &cols, &mut report).map_err(ImportError::Mapping)?;

    // Merge with what is in content/.
    let rel_out = PathBuf::from("content/inventories").join(format!("{}.yaml", m.inventory.id));
    let out_path = opts.root.join(&rel_out);
    report.output = rel_out;
    let previous = match std::fs::read_to_string(&out_path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(ImportError::Io(format!(
                "cannot read {}: {e}",
                out_path.display()
            )))
        }
    };
    let existing = match &previous {
        Some(t) => Some(
            merge::read_existing(t)
                .map_err(|e| ImportError::Existing(format!("{}: {e}", out_path.display())))?,
        ),
        None => None,
    };
    let (cases, outcome) = merge::merge(cases, existing.as_ref())
        .map_err(|e| ImportError::Existing(format!("{}:{}", out_path.display(), e.0)))?;
    report.merge = outcome;
    report.cases_written = cases.len();
    for c in &cases {
        for f in &c.risk_flags {
            *report.flag_counts.entry(f.clone()).or_default() += 1;
        }
        for f in &c.not_assessed {
            *report.not_assessed_counts.entry(f.clone()).or_default() += 1;
        }
    }

    let inv = build_inventory(&m, &opts.mapping, &opts.root, &opts.file, cases);
    let yaml = yaml_write::write_inventory(&inv);
    // Safety net: what is written must read back with the site's own types.
    merge::read_existing(&yaml).map_err(|e| {
        ImportError::Io(format!(
            "internal error: the generated YAML does not parse ({e}); nothing written"
        ))
    })?;
    report.bytes = yaml.len();
    report.changed = previous.as_deref() != Some(yaml.as_str());
    report
        .issues
        .sort_by(|a, b| (a.row, a.kind, &a.column).cmp(&(b.row, b.kind, &b.column)));
    if opts.strict && report.unplaced() > 0 {
        report.elapsed = started.elapsed();
        return Err(ImportError::Strict(Box::new(report)));
    }
    if report.changed {
        if let Some(dir) = out_path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| ImportError::Io(format!("cannot create {}: {e}", dir.display())))?;
        }
        std::fs::write(&out_path, &yaml)
            .map_err(|e| ImportError::Io(format!("cannot write {}: {e}", out_path.display())))?;
    }
    report.written = true;
    report.elapsed = started.elapsed();
    Ok(report)
}

fn build_inventory(
    m: &Mapping,
    mapping_path: &Path,
    root: &Path,
    file: &Path,
    cases: Vec<OutCase>,
) -> OutInventory {
    let inv = &m.inventory;
    let mut flag_methods: Vec<OutMethod> = m
        .flag_rules
        .iter()
        .map(|r| OutMethod {
            id: r.id.clone(),
            label: lang_text(&r.label),
            description: lang_text(&r.description),
            // A rule assesses the one flag it sets.
            assesses: Some(vec![r.flag.clone()]),
        })
        .collect();
    flag_methods.extend(m.flag_methods.iter().map(|f| OutMethod {
        id: f.id.clone(),
        label: lang_text(&f.label),
        description: lang_text(&f.description),
        assesses: f.assesses.clone(),
    }));
    // Name the mapping relative to the root so the header is the same
    // wherever the repository is checked out.
    let mapping_name = std::fs::canonicalize(mapping_path)
        .ok()
        .and_then(|p| {
            let r = std::fs::canonicalize(root).ok()?;
            p.strip_prefix(&r).ok().map(|x| x.to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from(mapping_path.file_name().unwrap_or_default()))
        .to_string_lossy()
        .replace('\\', "/");
    let csv_name = file
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    OutInventory {
        header: vec![
            format!("Generated by `govatlas import csv` from {csv_name} with the mapping {mapping_name}."),
            "Re-running the import rewrites this file. To change a case by hand, edit the field and".into(),
            "list its name in the case's `overrides`; the import then keeps it (README: Importing a published inventory).".into(),
        ],
        id: inv.id.clone(),
        jurisdiction: inv.jurisdiction.clone(),
        title: lang_text(&inv.title),
        publisher: lang_text(&inv.publisher),
        year: inv.year,
        declared_total: inv.declared_total,
        description: inv.description.as_ref().map(lang_text),
        source_url: inv.source_url.clone(),
        flag_methods,
        default_flag_method: inv.default_flag_method.clone(),
        sources: inv.sources.clone(),
        cases,
    }
}

/// Places every row: the cases in source order; problems go to `report`.
fn place_rows(
    m: &Mapping,
    table: &Table,
    cols: &Columns,
    report: &mut ImportReport,
) -> Result<Vec<OutCase>, String> {
    let missing: Vec<String> = match &m.source.missing_values {
        Some(v) => v.clone(),
        None => csv_read::DEFAULT_MISSING
            .iter()
            .map(|s| s.to_string())
            .collect(),
    };
    let lang = m.fields.text_language.as_str();
    let stages = match &m.fields.stage {
        Some(s) => Some(
            Lookup::new(
                s.values
                    .iter()
                    .map(|v| (v.matches.as_slice(), lang_text(&v.label))),
            )
            .map_err(|e| format!("fields.stage: {e}"))?,
        ),
        None => None,
    };
    let agencies = match &m.fields.agency_labels {
        Some(a) => Some(
            Lookup::new(
                a.iter()
                    .map(|v| (v.matches.as_slice(), lang_text(&v.label))),
            )
            .map_err(|e| format!("fields.agency_labels: {e}"))?,
        ),
        None => None,
    };
    let classes = Lookup::new(m.use_class.values.iter().map(|v| {
        (
            v.matches.as_slice(),
            ClassTarget {
                class: v.class.clone(),
                subtype: v.subtype.clone(),
            },
        )
    }))
    .map_err(|e| format!("use_class: {e}"))?;
    let techniques = match &m.techniques {
        Some(t) => Some(
            Lookup::new(
                t.values
                    .iter()
                    .map(|v| (v.matches.as_slice(), v.terms.clone())),
            )
            .map_err(|e| format!("techniques: {e}"))?,
        ),
        None => None,
    };
    let mut rules = Vec::new();
    for r in &m.flag_rules {
        let l = Lookup::new([
            (r.flag_when.as_slice(), true),
            (r.no_flag_when.as_slice(), false),
        ])
        .map_err(|e| format!("flag rule {}: {e}", r.id))?;
        rules.push((r, l));
    }

    // (case, publisher id key, hash of the fallback columns, row index)
    let mut cases: Vec<(OutCase, Option<String>, String, usize)> = Vec::new();
    for (row_index, row) in table.rows.iter().enumerate() {
        let mut issue = |kind: IssueKind, column: &str, value: &str, note: &str| {
            report.issues.push(Issue {
                kind,
                row: row.number,
                line: row.line,
                column: column.to_string(),
                value: clean_text(value),
                note: note.to_string(),
            });
        };
        if row.extra_fields > 0 {
            issue(
                IssueKind::ExtraFields,
                "(row)",
                &format!("{} extra fields", row.extra_fields),
                "extra fields ignored",
            );
        }
        let get = |col: &str| -> Option<String> {
            let v = cols.get(row, col);
            if is_missing(v, &missing) {
                None
            } else {
                Some(clean_text(v))
            }
        };
        let name = match (get(&m.fields.name), &m.fields.name_missing) {
            (Some(n), _) => OutText::one(lang, &n),
            (None, Some(t)) => {
                issue(
                    IssueKind::Fallback,
                    &m.fields.name,
                    "",
                    "name from fields.name_missing",
                );
                let id = get(&m.case_id.column).unwrap_or_default();
                OutText::new(t.iter().map(|(k, v)| {
                    (
                        k.clone(),
                        v.replace("{id}", &id)
                            .replace("{row}", &row.number.to_string()),
                    )
                }))
            }
            (None, None) => {
                issue(
                    IssueKind::Skipped,
                    &m.fields.name,
                    "",
                    "no name: row skipped",
                );
                report.rows_skipped += 1;
                continue;
            }
        };
        let Some(agency) = get(&m.fields.agency) else {
            issue(
                IssueKind::Skipped,
                &m.fields.agency,
                "",
                "no agency: row skipped",
            );
            report.rows_skipped += 1;
            continue;
        };
        let agency = match &agencies {
            None => OutText::one(lang, &agency),
            Some(look) => match look.get(&agency) {
                Some(t) => t.clone(),
                None => {
                    issue(
                        IssueKind::UnknownValue,
                        &m.fields.agency,
                        &agency,
                        "agency written as published",
                    );
                    OutText::one(lang, &agency)
                }
            },
        };

        // Use class.
        let raw_class = m
            .use_class
            .column
            .as_deref()
            .map(|c| cols.get(row, c))
            .unwrap_or("");
        let class_col = m
            .use_class
            .column
            .clone()
            .unwrap_or_else(|| "(none)".into());
        let target: Option<ClassTarget> = if is_missing(raw_class, &missing) {
            match &m.use_class.missing {
                Some(t) => {
                    issue(
                        IssueKind::Fallback,
                        &class_col,
                        raw_class,
                        &format!("use class {}", t.class),
                    );
                    Some(t.clone())
                }
                None => {
                    issue(
                        IssueKind::Skipped,
                        &class_col,
                        raw_class,
                        "no use class: row skipped",
                    );
                    None
                }
            }
        } else {
            match classes.get(raw_class) {
                Some(t) => Some(t.clone()),
                None => match &m.use_class.unknown {
                    Some(t) => {
                        issue(
                            IssueKind::UnknownValue,
                            &class_col,
                            raw_class,
                            &format!("use class {} by fallback", t.class),
                        );
                        Some(t.clone())
                    }
                    None => {
                        issue(
                            IssueKind::UnknownValue,
                            &class_col,
                            raw_class,
                            "unknown use class: row skipped",
                        );
                        None
                    }
                },
            }
        };

        // Techniques.
        let mut techs: Vec<String> = Vec::new();
        if let (Some(spec), Some(look)) = (&m.techniques, &techniques) {
            let raw = cols.get(row, &spec.column);
            for item in split_items(raw, spec.separator.as_deref(), &missing) {
                match look.get(&item) {
                    Some(terms) => {
                        for t in terms {
                            if !techs.contains(t) {
                                techs.push(t.clone());
                            }
                        }
                    }
                    None => issue(
                        IssueKind::UnknownValue,
                        &spec.column,
                        &item,
                        "technique left out",
                    ),
                }
            }
        }

        // Risk flags. A flag whose rules all met no answer they know (a
        // blank cell, or only values reported as unknown) was not assessed
        // on this case: it is listed as such, not counted as unflagged.
        let mut flags: Vec<String> = Vec::new();
        let mut prov: Vec<(String, String)> = Vec::new();
        let mut answered: Vec<&str> = Vec::new();
        for (rule, look) in &rules {
            let raw = cols.get(row, &rule.column);
            let mut hit = false;
            for item in split_items(raw, rule.separator.as_deref(), &missing) {
                match look.get(&item) {
                    Some(true) => {
                        hit = true;
                        answered.push(&rule.flag);
                    }
                    Some(false) => answered.push(&rule.flag),
                    None => issue(
                        IssueKind::UnknownValue,
                        &rule.column,
                        &item,
                        &format!("rule {} does not know it: no flag from this value", rule.id),
                    ),
                }
            }
            if hit && !flags.contains(&rule.flag) {
                flags.push(rule.flag.clone());
                prov.push((rule.flag.clone(), rule.id.clone()));
            }
        }
        let mut not_assessed: Vec<String> = Vec::new();
        for (rule, _) in &rules {
            if !answered.contains(&rule.flag.as_str()) && !not_assessed.contains(&rule.flag) {
                not_assessed.push(rule.flag.clone());
            }
        }

        // Stage.
        let stage = match (&m.fields.stage, &stages) {
            (Some(spec), Some(look)) => {
                let raw = cols.get(row, &spec.column);
                if is_missing(raw, &missing) {
                    None
                } else {
                    match look.get(raw) {
                        Some(t) => Some(t.clone()),
                        None => {
                            issue(
                                IssueKind::UnknownValue,
                                &spec.column,
                                raw,
                                "stage written as published",
                            );
                            Some(OutText::one(lang, &clean_text(raw)))
                        }
                    }
                }
            }
            _ => None,
        };

        // Every column was read (and its problems reported) before skipping.
        let Some(target) = target else {
            report.rows_skipped += 1;
            continue;
        };

        // A placeholder, or an id with no letter or digit, counts as no id.
        let pub_id = get(&m.case_id.column).filter(|v| {
            !slug(v).is_empty()
                && !m
                    .case_id
                    .placeholders
                    .iter()
                    .any(|p| match_key(p) == match_key(v))
        });
        let scope = m
            .case_id
            .scope_column
            .as_deref()
            .and_then(get)
            .unwrap_or_default();
        let id_key = pub_id.as_ref().map(|id| {
            let (s, i) = (slug(&scope), slug(id));
            if s.is_empty() || i == s || i.starts_with(&format!("{s}-")) {
                format!("{}{}", m.case_id.prefix, i)
            } else {
                format!("{}{}-{}", m.case_id.prefix, s, i)
            }
        });
        let fallback: Vec<String> = m
            .case_id
            .fallback_columns
            .iter()
            .map(|c| match_key(cols.get(row, c)))
            .collect();
        let hash = blake3::hash(fallback.join("\u{1f}").as_bytes()).to_hex()[..8].to_string();
        let base = format!("{}{}", m.case_id.prefix, slug(&scope));
        let source_url = m.source.case_url.as_ref().map(|t| {
            t.replace("{line}", &row.line.to_string())
                .replace("{row}", &row.number.to_string())
                .replace("{id}", &url_encode(pub_id.as_deref().unwrap_or("")))
        });
        let case = OutCase {
            id: base, // prefix + agency; the id proper is settled below
            name,
            agency,
            bureau: m
                .fields
                .bureau
                .as_deref()
                .and_then(get)
                .map(|b| OutText::one(lang, &b)),
            description: m
                .fields
                .description
                .as_deref()
                .and_then(get)
                .map(|d| OutText::one(lang, &d)),
            use_class: target.class,
            use_subtype: target.subtype,
            techniques: techs,
            risk_flags: flags,
            flag_method: None,
            flag_provenance: prov,
            not_assessed,
            stage,
            source_url,
            overrides: Vec::new(),
        };
        cases.push((case, id_key, hash, row_index));
    }

    // Ids: the publisher's where it is present and unique; derived otherwise.
    let mut key_count: HashMap<&str, usize> = HashMap::new();
    for (_, k, _, _) in &cases {
        if let Some(k) = k {
            *key_count.entry(k.as_str()).or_default() += 1;
        }
    }
    let mut ids: Vec<String> = Vec::with_capacity(cases.len());
    let mut derived: Vec<bool> = Vec::with_capacity(cases.len());
    for (c, k, hash, _) in &cases {
        match k {
            Some(k) if key_count[k.as_str()] == 1 => {
                ids.push(k.clone());
                derived.push(false);
            }
            Some(k) => {
                ids.push(format!("{k}-x{hash}"));
                derived.push(true);
            }
            None => {
                ids.push(format!("{}-x{hash}", c.id));
                derived.push(true);
            }
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(cases.len());
    for (i, (mut c, k, _, row_index)) in cases.into_iter().enumerate() {
        let mut id = ids[i].clone();
        let n = seen.entry(id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            id = format!("{id}-{n}");
        }
        if derived[i] || *n > 1 {
            let row = &table.rows[row_index];
            report.issues.push(Issue {
                kind: IssueKind::DerivedId,
                row: row.number,
                line: row.line,
                column: m.case_id.column.clone(),
                value: clean_text(cols.get(row, &m.case_id.column)),
                note: if *n > 1 {
                    "identical rows: numbered in file order".into()
                } else if k.is_some() {
                    "duplicated id: hash of other columns added".into()
                } else {
                    "id from a hash of other columns".into()
                },
            });
        }
        c.id = id;
        out.push(c);
    }
    Ok(out)
}
