//! `govatlas import`: turns a published register (CSV, JSON, JSON Lines,
//! .xlsx, .xls, .ods) into content, following a mapping file
//! (`content/imports/*.yaml`, see `docs/import.md`): one case inventory, or
//! one framework file per instrument. The command line only parses its
//! arguments into [`ImportOptions`] and calls [`run`].
//!
//! Stages, each in its own module: [`read`] turns the file into rows (one
//! reader per format), [`mapping`] says what the columns mean, [`place`]
//! makes each row a record (reporting what it cannot place), [`merge`] keeps
//! what researchers changed by hand, [`write`] writes the same bytes for the
//! same input, and [`verify`] loads and validates the result with the site's
//! own loader and validator before anything is written: an import either
//! builds or writes nothing and says why.

mod cases;
pub mod columns;
mod error;
mod frameworks;
pub mod mapping;
pub mod merge;
pub mod place;
pub mod read;
pub mod report;
mod site;
pub mod template;
pub mod values;
pub mod verify;
pub mod write;

pub use error::ImportError;
pub use read::Format;
pub use report::{ImportReport, Issue, IssueKind};

use crate::load::overlay::Planned;
use columns::Columns;
use mapping::MappingFile;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Options of one import (what the command line gives).
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The file to import (read, never copied).
    pub file: PathBuf,
    /// The mapping file.
    pub mapping: PathBuf,
    /// Site root (holds `content/`).
    pub root: PathBuf,
    /// The file's format, overriding the mapping's and the file name's.
    pub format: Option<Format>,
    /// Encoding label, overriding the mapping's.
    pub encoding: Option<String>,
    /// Values the mapping cannot place are errors.
    pub strict: bool,
    /// Check everything, write nothing.
    pub dry_run: bool,
}

/// Runs an import: reads the mapping and the file, places every record,
/// merges with `content/`, checks that the result builds, and writes it.
pub fn run(opts: &ImportOptions) -> Result<ImportReport, ImportError> {
    let started = Instant::now();
    let m = MappingFile::read(&opts.mapping)?;
    let mapping_err = |e: String| ImportError::Mapping(format!("{}: {e}", opts.mapping.display()));
    mapping::check::SiteTerms::read(&opts.root)
        .and_then(|t| t.check_mapping(&m))
        .map_err(mapping_err)?;
    let (lang_at, lang) = match &m {
        MappingFile::Cases(c) => ("fields.text_language", c.fields.text_language.as_str()),
        MappingFile::Frameworks(f) => (
            "frameworks.text_language",
            f.frameworks.text_language.as_str(),
        ),
    };
    let bytes = std::fs::read(&opts.file)
        .map_err(|e| ImportError::Usage(format!("cannot read {}: {e}", opts.file.display())))?;
    let src = m.source();
    let given = match &src.format {
        Some(f) => Some(Format::parse(f).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            mapping_err(format!(
                "source.format {f:?} is none of {}",
                names.join(", ")
            ))
        })?),
        None => None,
    };
    let (format, how) =
        read::settle_format(&opts.file, &bytes, opts.format, given).map_err(ImportError::Usage)?;
    let delimiter = match src.delimiter {
        Some(c) if !c.is_ascii() => {
            return Err(mapping_err(
                "source.delimiter must be one ASCII character".into(),
            ))
        }
        Some(c) => Some(c as u8),
        None if has_extension(&opts.file, "tsv") => Some(b'\t'),
        None => None,
    };
    let read_opts = read::ReadOptions {
        encoding: opts.encoding.clone().or_else(|| src.encoding.clone()),
        delimiter,
        records: src.records.clone(),
        sheet: src.sheet.clone(),
        header_row: src.header_row,
    };
    let table = format
        .reader()
        .read(&bytes, &read_opts)
        .map_err(|e| match e {
            read::ReadError::UnknownEncoding(_) | read::ReadError::EncodingNotApplicable(_) => {
                ImportError::Usage(e.to_string())
            }
            _ => ImportError::Data(format!("{}: {e}", opts.file.display())),
        })?;
    let missing: Vec<String> = match &src.missing_values {
        Some(v) => v.clone(),
        None => values::DEFAULT_MISSING
            .iter()
            .map(|s| s.to_string())
            .collect(),
    };
    site::check_text_language(&opts.root, lang_at, lang).map_err(mapping_err)?;
    let cols = Columns::new(&table, missing);
    let mut report = ImportReport {
        file: opts.file.clone(),
        format: format!("{}, {}", format.name(), how.words()),
        unit: table.unit,
        rows_read: table.rows.len(),
        ..Default::default()
    };
    let names = Names {
        file: opts
            .file
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        mapping: mapping_name(&opts.mapping, &opts.root),
    };
    let planned = match &m {
        MappingFile::Cases(c) => cases::plan(c, &cols, &opts.root, &names, &mut report)?,
        MappingFile::Frameworks(f) => frameworks::plan(f, &cols, &opts.root, &names, &mut report)?,
    };
    report
        .issues
        .sort_by(|a, b| (a.row, a.kind, &a.column).cmp(&(b.row, b.kind, &b.column)));
    if opts.strict && report.unplaced() > 0 {
        report.elapsed = started.elapsed();
        return Err(ImportError::Strict(Box::new(report)));
    }

    // Check what would be written, as `govatlas check` would.
    let at = |i: usize| (table.rows[i].number, table.rows[i].line);
    let row_names = verify::RowNames {
        unit: table.unit,
        at: &at,
    };
    let explain = |i: usize, field: &str| -> (String, String) {
        let column = match &m {
            MappingFile::Cases(c) => cases::column_of(c, field),
            MappingFile::Frameworks(f) => frameworks::column_of(f, field),
        };
        let value = match &column {
            Some(c) if cols.has(c) => cols.raw(&table.rows[i], c),
            _ => String::new(),
        };
        (column.unwrap_or_default(), value)
    };
    let to_check: Vec<(Planned, verify::Rows)> = planned
        .iter()
        .map(|p| (p.planned.clone(), p.rows.clone()))
        .collect();
    match verify::verify(&opts.root, &to_check, &row_names, &explain) {
        Ok(notes) => report.notes.extend(notes),
        Err(problems) => {
            report.elapsed = started.elapsed();
            return Err(ImportError::WouldNotBuild(Box::new(report), problems));
        }
    }
    if opts.dry_run {
        report.dry_run = true;
    } else {
        for p in planned.iter().filter(|p| p.changed) {
            write_file(&opts.root.join(&p.planned.rel), &p.planned.text)?;
        }
        report.written = true;
    }
    report.elapsed = started.elapsed();
    Ok(report)
}

/// A file an import would write.
pub(crate) struct PlannedFile {
    /// Path, kind and text.
    pub planned: Planned,
    /// Where its records came from.
    pub rows: verify::Rows,
    /// Whether its text differs from the file on disk.
    pub changed: bool,
}

/// The file and mapping names written into headers.
pub(crate) struct Names {
    /// The imported file's name.
    pub file: String,
    /// The mapping, relative to the root when it is inside it.
    pub mapping: String,
}

fn has_extension(p: &Path, ext: &str) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The mapping relative to the root, so headers are the same wherever the
/// repository is checked out.
fn mapping_name(mapping: &Path, root: &Path) -> String {
    std::fs::canonicalize(mapping)
        .ok()
        .and_then(|p| {
            let r = std::fs::canonicalize(root).ok()?;
            p.strip_prefix(&r).ok().map(|x| x.to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from(mapping.file_name().unwrap_or_default()))
        .to_string_lossy()
        .replace('\\', "/")
}

/// Writes a file whole: a temporary file beside it, then a rename, so a
/// failed write never leaves half a file.
fn write_file(path: &Path, text: &str) -> Result<(), ImportError> {
    let io = |what: &str, e: std::io::Error| {
        ImportError::Io(format!("cannot {what} {}: {e}", path.display()))
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| io("create the folder of", e))?;
    }
    let tmp = path.with_extension("yaml.importing");
    std::fs::write(&tmp, text).map_err(|e| io("write", e))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io("write", e)
    })
}
