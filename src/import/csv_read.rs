//! Reading a published CSV as it really comes: decoding (BOM or not, other
//! encodings only when asked), records with quoted line breaks, and the
//! normalisation that makes `N/A`, blanks and `" Yes "` mean what they mean.

use encoding_rs::Encoding;

/// A decoded CSV: its header and its records.
#[derive(Debug, Clone)]
pub struct Table {
    /// Column names as written (trimmed, BOM removed).
    pub headers: Vec<String>,
    /// The data records, in file order.
    pub rows: Vec<Row>,
}

/// One record.
#[derive(Debug, Clone)]
pub struct Row {
    /// Row number counting the header as row 1 (as a spreadsheet shows it).
    pub number: usize,
    /// Line of the file the record starts on (records may span lines).
    pub line: u64,
    /// Field values, one per header (missing trailing fields are blank).
    pub values: Vec<String>,
    /// Fields beyond the header's width, if any.
    pub extra_fields: usize,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// `--encoding` named no encoding encoding_rs knows.
    UnknownEncoding(String),
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
    /// A UTF-16 BOM on a file read as UTF-8.
    Utf16Bom,
    /// The CSV itself is malformed.
    Csv(String),
    /// No header row.
    Empty,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::UnknownEncoding(e) => write!(
                f,
                "unknown encoding {e:?} (use a WHATWG label such as utf-8, windows-1252, big5, shift_jis, utf-16le)"
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
            ReadError::Utf16Bom => write!(
                f,
                "the file starts with a UTF-16 byte-order mark; pass --encoding utf-16le or utf-16be"
            ),
            ReadError::Csv(m) => write!(f, "malformed CSV: {m}"),
            ReadError::Empty => write!(f, "the file has no header row"),
        }
    }
}

/// Decodes `bytes` as `encoding` (None: UTF-8, strictly). A BOM of the
/// encoding is removed; text that is not valid in it is an error naming
/// the byte offset, line and row, never replaced.
pub fn decode(bytes: &[u8], encoding: Option<&str>) -> Result<String, ReadError> {
    let enc = match encoding {
        None => encoding_rs::UTF_8,
        Some(label) => Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| ReadError::UnknownEncoding(label.to_string()))?,
    };
    if enc == encoding_rs::UTF_8 {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if encoding.is_none() && (body.starts_with(b"\xFF\xFE") || body.starts_with(b"\xFE\xFF")) {
            return Err(ReadError::Utf16Bom);
        }
        let skipped = bytes.len() - body.len();
        return match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let at = e.valid_up_to();
                let bad_len = e.error_len().unwrap_or(body.len() - at).min(4);
                Err(invalid_at(body, at, skipped, bad_len, "UTF-8"))
            }
        };
    }
    let (body, _) = match Encoding::for_bom(bytes) {
        Some((bom_enc, len)) if bom_enc == enc => (&bytes[len..], len),
        _ => (bytes, 0),
    };
    match enc.decode_without_bom_handling_and_without_replacement(body) {
        Some(s) => Ok(s.into_owned()),
        None => {
            // Find the first bad byte with the streaming decoder.
            let mut dec = enc.new_decoder_without_bom_handling();
            let mut out = String::with_capacity(body.len() * 3);
            let (res, read) = dec.decode_to_string_without_replacement(body, &mut out, true);
            let at = match res {
                encoding_rs::DecoderResult::Malformed(len, _) => read.saturating_sub(len as usize),
                _ => read,
            };
            Err(ReadError::InvalidText {
                encoding: enc.name().to_string(),
                offset: Some(at + (bytes.len() - body.len())),
                line: None,
                row: None,
                bytes: hex(&body[at..(at + 4).min(body.len())]),
            })
        }
    }
}

fn hex(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("{x:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn invalid_at(body: &[u8], at: usize, skipped: usize, bad_len: usize, enc: &str) -> ReadError {
    let prefix = &body[..at];
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    // The prefix is valid UTF-8; count the records it holds to name the row.
    let row = {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(prefix);
        let mut n = 0usize;
        let mut rec = csv::ByteRecord::new();
        while let Ok(true) = rdr.read_byte_record(&mut rec) {
            n += 1;
        }
        if prefix.ends_with(b"\n") {
            n += 1;
        }
        n.max(1)
    };
    ReadError::InvalidText {
        encoding: enc.to_string(),
        offset: Some(at + skipped),
        line: Some(line),
        row: Some(row),
        bytes: hex(&body[at..at + bad_len.max(1)]),
    }
}

/// Parses decoded CSV text. Quoted fields may hold line breaks; ragged rows
/// are read (short ones padded with blanks, extra fields counted).
pub fn parse(text: &str, delimiter: u8) -> Result<Table, ReadError> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = rdr.records();
    let headers: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(|s| s.trim().to_string()).collect(),
        Some(Err(e)) => return Err(ReadError::Csv(e.to_string())),
        None => return Err(ReadError::Empty),
    };
    let mut rows = Vec::new();
    for (i, rec) in records.enumerate() {
        let rec = rec.map_err(|e| ReadError::Csv(e.to_string()))?;
        let number = i + 2;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        // A fully blank line between records is no record at all.
        if rec.len() == 1 && rec.get(0) == Some("") {
            continue;
        }
        let mut values: Vec<String> = rec.iter().map(|s| s.to_string()).collect();
        let extra_fields = values.len().saturating_sub(headers.len());
        values.resize(headers.len(), String::new());
        rows.push(Row {
            number,
            line,
            values,
            extra_fields,
        });
    }
    Ok(Table { headers, rows })
}

/// The key a value is matched by: surrounding whitespace trimmed, inner runs
/// of whitespace (line breaks included) collapsed to one space, lowercased.
pub fn match_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Text as written to the site: line endings unified, surrounding whitespace
/// trimmed, inner runs of spaces and line breaks collapsed to one space.
pub fn clean_text(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Default values that mean "missing" besides blank.
pub const DEFAULT_MISSING: &[&str] = &["N/A", "NA", "n.a.", "null", "-"];

/// True when `s` means "missing" (blank or one of `missing`).
pub fn is_missing(s: &str, missing: &[String]) -> bool {
    let k = match_key(s);
    k.is_empty() || missing.iter().any(|m| match_key(m) == k)
}

/// Splits a cell into its items. A bracketed list (`['a', 'b']`, `["a"]`,
/// `[]`) is parsed as a Python/JSON list of quoted strings; otherwise the
/// cell is split on `separator` when one is given. Items that are blank or
/// mean missing are dropped.
pub fn split_items(s: &str, separator: Option<&str>, missing: &[String]) -> Vec<String> {
    let t = s.trim();
    let items = if t.starts_with('[') && t.ends_with(']') {
        parse_bracket_list(t).unwrap_or_else(|| vec![t.to_string()])
    } else if let Some(sep) = separator.filter(|s| !s.is_empty()) {
        t.split(sep).map(|x| x.to_string()).collect()
    } else {
        vec![t.to_string()]
    };
    items
        .into_iter()
        .map(|x| clean_text(&x))
        .filter(|x| !is_missing(x, missing))
        .collect()
}

/// Parses `['a', "b", 'c\'d']`; None when it is not such a list.
fn parse_bracket_list(t: &str) -> Option<Vec<String>> {
    let inner = &t[1..t.len() - 1];
    let mut out = Vec::new();
    let mut chars = inner.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let q = match chars.next() {
            None => break,
            Some(q @ ('\'' | '"')) => q,
            Some(_) => return None,
        };
        let mut item = String::new();
        loop {
            match chars.next()? {
                '\\' => match chars.next()? {
                    'n' => item.push('\n'),
                    't' => item.push('\t'),
                    'r' => item.push('\r'),
                    c => item.push(c),
                },
                c if c == q => break,
                c => item.push(c),
            }
        }
        out.push(item);
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        match chars.next() {
            None => break,
            Some(',') => continue,
            Some(_) => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists() {
        let m: Vec<String> = vec![];
        assert_eq!(
            split_items("['a) Sex', 'c) Age']", None, &m),
            vec!["a) Sex", "c) Age"]
        );
        assert_eq!(split_items("[\"x, y\"]", Some(","), &m), vec!["x, y"]);
        assert!(split_items("[]", None, &m).is_empty());
        assert_eq!(split_items("['it\\'s \\nok']", None, &m), vec!["it's ok"]);
        assert_eq!(split_items("ML, NLP ,", Some(","), &m), vec!["ML", "NLP"]);
    }

    #[test]
    fn keys() {
        assert_eq!(match_key("  Yes \n"), "yes");
        assert_eq!(match_key("Admin   Functions"), "admin functions");
    }

    #[test]
    fn bad_utf8() {
        let e = decode(b"a,b\n1,\xFF\n", None).unwrap_err();
        match e {
            ReadError::InvalidText {
                offset, line, row, ..
            } => {
                assert_eq!((offset, line, row), (Some(6), Some(2), Some(2)))
            }
            _ => panic!("{e:?}"),
        }
    }
}
