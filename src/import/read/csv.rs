//! CSV: quoted fields with line breaks are one value; ragged rows are read
//! (short ones padded with blanks, extra fields counted); rows are numbered
//! as a spreadsheet shows them and each knows the line it starts on,
//! counted from its byte offset so CR LF files number lines right.

use super::decode::decode;
use super::{Cell, LineIndex, ReadError, ReadOptions, Row, RowReader, Table};

/// Reads CSV (any one-byte delimiter).
pub struct CsvReader;

impl RowReader for CsvReader {
    fn read(&self, bytes: &[u8], opts: &ReadOptions) -> Result<Table, ReadError> {
        let delimiter = opts.delimiter.unwrap_or(b',');
        let text = decode(bytes, opts.encoding.as_deref(), Some(delimiter))?;
        parse(&text, delimiter, opts.header_row.unwrap_or(1))
    }
}

/// Parses decoded CSV text whose column names are on record `header_row`
/// (1 = the first; records above it, such as a title, are skipped).
pub fn parse(text: &str, delimiter: u8, header_row: usize) -> Result<Table, ReadError> {
    let lines = LineIndex::new(text);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let malformed = |e: csv::Error| ReadError::Malformed(format!("malformed CSV: {e}"));
    let mut records = rdr.records();
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut number = 0usize;
    for rec in records.by_ref() {
        let rec = rec.map_err(malformed)?;
        number += 1;
        let Some(headers) = &headers else {
            if number == header_row.max(1) {
                headers = Some(rec.iter().map(|s| s.trim().to_string()).collect());
            }
            continue;
        };
        // A fully blank line between records is no record at all.
        if rec.len() == 1 && rec.get(0) == Some("") {
            continue;
        }
        // The reader stops a record at the `\r` of a CR LF, so the next
        // record's position can be the `\n` before it: skip line ends.
        let mut offset = rec.position().map(|p| p.byte() as usize).unwrap_or(0);
        while matches!(text.as_bytes().get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        let mut values: Vec<Cell> = rec.iter().map(|s| Cell::Text(s.to_string())).collect();
        let extra_fields = values.len().saturating_sub(headers.len());
        values.resize(headers.len(), Cell::Text(String::new()));
        rows.push(Row {
            number,
            line: lines.line(offset),
            values,
            extra_fields,
        });
    }
    let headers = headers.ok_or_else(|| {
        ReadError::Empty(if header_row > 1 {
            format!("the file has fewer than {header_row} rows, so no header row {header_row}")
        } else {
            "the file has no header row".into()
        })
    })?;
    Ok(Table {
        headers,
        rows,
        unit: "row",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_lines_are_counted_once() {
        let t = parse("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n", b',', 1).unwrap();
        let at: Vec<(usize, u64)> = t.rows.iter().map(|r| (r.number, r.line)).collect();
        assert_eq!(at, [(2, 2), (3, 4)]);
    }

    #[test]
    fn a_title_above_the_header_is_skipped() {
        let t = parse("Register of 2024\na,b\n1,2\n", b',', 2).unwrap();
        assert_eq!(t.headers, ["a", "b"]);
        assert_eq!((t.rows[0].number, t.rows[0].line), (3, 3));
    }
}
