//! Which format a file is in: given (`--format`, `source.format`), taken
//! from the file name, or read from the bytes, and in every case checked
//! against the bytes, so that a file is never read silently as the wrong
//! format.

use super::{csv, json, sheet, RowReader};
use std::path::Path;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma- (or otherwise) separated values.
    Csv,
    /// A JSON array of records, or records under a path.
    Json,
    /// One JSON record per line.
    JsonLines,
    /// An Excel workbook (.xlsx, .xlsm).
    Xlsx,
    /// An old Excel workbook (.xls).
    Xls,
    /// An OpenDocument spreadsheet (.ods).
    Ods,
}

impl Format {
    /// Every format, for messages.
    pub const ALL: [Format; 6] = [
        Format::Csv,
        Format::Json,
        Format::JsonLines,
        Format::Xlsx,
        Format::Xls,
        Format::Ods,
    ];

    /// The name used on the command line and in mappings.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Xlsx => "xlsx",
            Format::Xls => "xls",
            Format::Ods => "ods",
        }
    }

    /// Parses a format name (`ndjson` is JSON Lines, `tsv` is CSV).
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" | "tsv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" | "jsonlines" => Some(Format::JsonLines),
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "xls" => Some(Format::Xls),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }

    /// Whether it is a spreadsheet (binary, carrying its own encoding).
    pub fn is_sheet(self) -> bool {
        matches!(self, Format::Xlsx | Format::Xls | Format::Ods)
    }

    /// The reader of this format.
    pub fn reader(self) -> Box<dyn RowReader> {
        match self {
            Format::Csv => Box::new(csv::CsvReader),
            Format::Json => Box::new(json::JsonReader { lines: false }),
            Format::JsonLines => Box::new(json::JsonReader { lines: true }),
            Format::Xlsx | Format::Xls | Format::Ods => Box::new(sheet::SheetReader),
        }
    }
}

/// What the bytes look like, independently of the file's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Looks {
    /// A ZIP archive holding an OpenDocument spreadsheet.
    Ods,
    /// Another ZIP archive (an Office Open XML workbook).
    Zip,
    /// An OLE compound file (.xls).
    Ole,
    /// Text starting with `[` or `{`.
    Json,
    /// Text with one JSON object per line.
    JsonLines,
    /// Other text.
    Text,
}

fn looks(bytes: &[u8]) -> Looks {
    if bytes.starts_with(b"PK\x03\x04") {
        let head = &bytes[..bytes.len().min(200)];
        let ods = b"application/vnd.oasis.opendocument.spreadsheet";
        return if head.windows(ods.len()).any(|w| w == ods) {
            Looks::Ods
        } else {
            Looks::Zip
        };
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Looks::Ole;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = String::from_utf8_lossy(&body[..body.len().min(1 << 16)]);
    let t = text.trim_start();
    if let Some(rest) = t.strip_prefix('[') {
        // `[{`, `["`, `[]`, `[1`...: a JSON array. A CSV header such as
        // `[ID],Name` is not one.
        let next = rest.trim_start().chars().next().unwrap_or(']');
        if matches!(
            next,
            '{' | '[' | ']' | '"' | '-' | '0'..='9' | 't' | 'f' | 'n'
        ) {
            return Looks::Json;
        }
        return Looks::Text;
    }
    if t.starts_with('{') {
        // An object per line, or one object holding the records.
        let mut lines = t.lines().map(str::trim).filter(|l| !l.is_empty());
        let first = lines.next().unwrap_or("");
        let second = lines.next().unwrap_or("");
        let one_line = serde_json::from_str::<serde_json::Value>(first).is_ok();
        return if one_line && second.starts_with('{') {
            Looks::JsonLines
        } else {
            Looks::Json
        };
    }
    Looks::Text
}

/// How a format was settled, for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `--format`.
    Flag,
    /// `source.format` in the mapping.
    Mapping,
    /// The file's extension.
    Extension,
    /// The bytes (the name says nothing).
    Content,
}

impl Source {
    /// Words for the summary.
    pub fn words(self) -> &'static str {
        match self {
            Source::Flag => "given with --format",
            Source::Mapping => "given in the mapping",
            Source::Extension => "from the file name",
            Source::Content => "from the file's content",
        }
    }
}

/// Settles the format of `path`: the one given (flag, then mapping), else
/// the extension's, else what the bytes look like. Whichever it is, it must
/// agree with the bytes: a JSON file named `.csv`, or a workbook passed as
/// `--format csv`, is an error that says what the file looks like.
pub fn settle_format(
    path: &Path,
    bytes: &[u8],
    flag: Option<Format>,
    mapping: Option<Format>,
) -> Result<(Format, Source), String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::parse);
    let looks = looks(bytes);
    let (format, source) = match (flag, mapping, ext) {
        (Some(f), _, _) => (f, Source::Flag),
        (None, Some(f), _) => (f, Source::Mapping),
        (None, None, Some(f)) => (f, Source::Extension),
        (None, None, None) => match looks {
            Looks::Ods => (Format::Ods, Source::Content),
            Looks::Zip => (Format::Xlsx, Source::Content),
            Looks::Ole => (Format::Xls, Source::Content),
            Looks::Json => (Format::Json, Source::Content),
            Looks::JsonLines => (Format::JsonLines, Source::Content),
            Looks::Text => (Format::Csv, Source::Content),
        },
    };
    let agrees = match format {
        Format::Csv => looks == Looks::Text,
        Format::Json => matches!(looks, Looks::Json | Looks::JsonLines),
        Format::JsonLines => matches!(looks, Looks::JsonLines | Looks::Json),
        Format::Xlsx => looks == Looks::Zip,
        Format::Xls => looks == Looks::Ole,
        Format::Ods => looks == Looks::Ods,
    };
    if !agrees {
        let what = match looks {
            Looks::Ods => "an OpenDocument spreadsheet (ods)",
            Looks::Zip => "an Excel workbook (xlsx)",
            Looks::Ole => "an old Excel workbook (xls)",
            Looks::Json => "JSON (it starts with `[` or `{`)",
            Looks::JsonLines => "JSON Lines (one object per line)",
            Looks::Text => "plain text, such as CSV",
        };
        let fix = match looks {
            Looks::Ods => "ods",
            Looks::Zip => "xlsx",
            Looks::Ole => "xls",
            Looks::Json => "json",
            Looks::JsonLines => "jsonl",
            Looks::Text => "csv",
        };
        return Err(format!(
            "{} is to be read as {} ({}), but it looks like {what}; pass --format {fix} if that is what it is",
            path.display(),
            format.name(),
            source.words()
        ));
    }
    Ok((format, source))
}
