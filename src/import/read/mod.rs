//! Reading a published register into rows, whatever it is published as:
//! one reader per format ([`csv`], [`json`] for JSON and JSON Lines,
//! [`sheet`] for .xlsx, .xls and .ods) behind the [`RowReader`] trait, all
//! producing the same [`Table`]. The format is given (`--format`,
//! `source.format`) or taken from the file name, and always checked against
//! the bytes, so a file is never read silently as the wrong format.

pub mod csv;
pub mod decode;
mod format;
pub mod json;
pub mod sheet;

pub use format::{settle_format, Format, Source};

use super::values::{clean_text, is_missing, split_items};
use std::borrow::Cow;

/// How to read the file (from the mapping and the command line).
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Encoding label of a text file (None: UTF-8).
    pub encoding: Option<String>,
    /// CSV field delimiter.
    pub delimiter: Option<u8>,
    /// JSON: the path of the record list in the document (`data.items`).
    pub records: Option<String>,
    /// Spreadsheets: the sheet to read (default the first).
    pub sheet: Option<String>,
    /// CSV and spreadsheets: the row holding the column names (1 = first).
    pub header_row: Option<usize>,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// `--encoding` named no encoding encoding_rs knows.
    UnknownEncoding(String),
    /// An encoding was named for a file that carries its own (a workbook).
    EncodingNotApplicable(&'static str),
    /// Bytes that are not valid in the encoding.
    InvalidText {
        /// Encoding name.
        encoding: String,
        /// Byte offset of the first bad byte (None when the decoder does not say).
        offset: Option<usize>,
        /// Line of the file it is on.
        line: Option<usize>,
        /// CSV row it is in (header = 1).
        row: Option<usize>,
        /// The offending bytes, in hex.
        bytes: String,
    },
    /// A legacy encoding named for a file that is valid UTF-8 with non-ASCII text.
    Utf8NotLegacy {
        /// The encoding named.
        encoding: String,
        /// Line of the first non-ASCII character.
        line: Option<usize>,
        /// That character and what it would have become.
        example: Option<(String, String)>,
    },
    /// A UTF-16 BOM on a file read as UTF-8.
    Utf16Bom,
    /// The file is malformed in its format (CSV, JSON, workbook).
    Malformed(String),
    /// No header row, or no records.
    Empty(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::UnknownEncoding(e) => write!(
                f,
                "unknown encoding {e:?} (use a WHATWG label such as utf-8, windows-1252, big5, shift_jis, utf-16le)"
            ),
            ReadError::EncodingNotApplicable(format) => write!(
                f,
                "an {format} file carries its own encoding: leave out --encoding (and source.encoding)"
            ),
            ReadError::InvalidText { encoding, offset, line, row, bytes } => {
                write!(f, "the file is not valid {encoding}")?;
                if let Some(o) = offset {
                    write!(f, ": byte offset {o}")?;
                }
                if let Some(l) = line {
                    write!(f, ", line {l}")?;
                }
                if let Some(r) = row {
                    write!(f, ", row {r}")?;
                }
                if !bytes.is_empty() {
                    write!(f, " (bytes {bytes})")?;
                }
                if encoding == "UTF-8" {
                    write!(f, "; if the file uses another encoding, pass it with --encoding (e.g. --encoding windows-1252)")?;
                }
                Ok(())
            }
            ReadError::Utf8NotLegacy { encoding, line, example } => {
                write!(f, "the file is valid UTF-8, not {encoding}")?;
                if let (Some(line), Some((ch, wrong))) = (line, example) {
                    write!(f, ": read as {encoding}, {ch:?} on line {line} would become {wrong:?}")?;
                }
                write!(f, "; leave out --encoding (and source.encoding)")
            }
            ReadError::Utf16Bom => write!(
                f,
                "the file starts with a UTF-16 byte-order mark; pass --encoding utf-16le or utf-16be"
            ),
            ReadError::Malformed(m) => write!(f, "{m}"),
            ReadError::Empty(m) => write!(f, "{m}"),
        }
    }
}

/// One value of a record: text, or a list (a JSON array).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// A single value as published.
    Text(String),
    /// Several values (a JSON array, or one path through an array of objects).
    List(Vec<String>),
}

impl Cell {
    /// The value as one text (a list's items joined with `; `).
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::List(v) => Cow::Owned(v.join("; ")),
        }
    }

    /// The items of the value: a list's own items; a text split as
    /// [`split_items`] does. Blank and missing items are dropped.
    pub fn items(&self, separator: Option<&str>, missing: &[String]) -> Vec<String> {
        match self {
            Cell::Text(s) => split_items(s, separator, missing),
            Cell::List(v) => v
                .iter()
                .flat_map(|x| match separator {
                    Some(_) => split_items(x, separator, missing),
                    None => vec![clean_text(x)],
                })
                .filter(|x| !is_missing(x, missing))
                .collect(),
        }
    }
}

/// One record.
#[derive(Debug, Clone)]
pub struct Row {
    /// Its number as a reader would find it: the spreadsheet row (header
    /// row included) of a CSV or sheet, the 1-based record of JSON.
    pub number: usize,
    /// Line of the file the record starts on (records may span lines).
    pub line: u64,
    /// Values, one per column of the table (missing ones blank).
    pub values: Vec<Cell>,
    /// Fields beyond the header's width, if any (CSV).
    pub extra_fields: usize,
}

/// A file read into records.
#[derive(Debug, Clone)]
pub struct Table {
    /// Column names (JSON: the paths of every value found, `a.b.c`).
    pub headers: Vec<String>,
    /// The records, in file order.
    pub rows: Vec<Row>,
    /// What a record is called in messages: `row` or `record`.
    pub unit: &'static str,
}

/// A reader of one format.
pub trait RowReader {
    /// Reads `bytes` into a table.
    fn read(&self, bytes: &[u8], opts: &ReadOptions) -> Result<Table, ReadError>;
}

/// Line numbers of byte offsets in a text (1-based), found by binary
/// search over the offsets of its line feeds. A CR LF pair counts once.
pub struct LineIndex {
    feeds: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        LineIndex {
            feeds: text
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// The line holding byte `offset`.
    pub fn line(&self, offset: usize) -> u64 {
        self.feeds.partition_point(|&f| f < offset) as u64 + 1
    }
}
