//! Spreadsheets (.xlsx, .xls, .ods) through `calamine`: one sheet (the
//! first, or `source.sheet`), its column names on `source.header_row`, each
//! row numbered as the spreadsheet shows it. Numbers that are whole are
//! written without a decimal point (`2023`, not `2023.0`) and dates as
//! ISO dates, so they read like the text a CSV of the same sheet would hold.

use super::{Cell, ReadError, ReadOptions, Row, RowReader, Table};
use calamine::{Data, Reader};
use std::io::Cursor;

/// Reads the sheets calamine knows.
pub struct SheetReader;

impl RowReader for SheetReader {
    fn read(&self, bytes: &[u8], opts: &ReadOptions) -> Result<Table, ReadError> {
        if opts.encoding.is_some() {
            return Err(ReadError::EncodingNotApplicable("spreadsheet"));
        }
        let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
            .map_err(|e| ReadError::Malformed(format!("cannot read the workbook: {e}")))?;
        let names = book.sheet_names();
        let name = match &opts.sheet {
            Some(s) => names
                .iter()
                .find(|n| n.trim().eq_ignore_ascii_case(s.trim()))
                .cloned()
                .ok_or_else(|| {
                    ReadError::Malformed(format!(
                        "source.sheet: the workbook has no sheet {s:?} (it has: {})",
                        quoted(&names)
                    ))
                })?,
            None => names
                .first()
                .cloned()
                .ok_or_else(|| ReadError::Empty("the workbook has no sheet".into()))?,
        };
        let range = book
            .worksheet_range(&name)
            .map_err(|e| ReadError::Malformed(format!("cannot read sheet {name:?}: {e}")))?;
        // Row and column numbers of the range's first cell (0-based).
        let (top, _) = range.start().unwrap_or((0, 0));
        let header_row = opts.header_row.unwrap_or(1).max(1);
        let mut headers: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (i, cells) in range.rows().enumerate() {
            let number = top as usize + i + 1;
            let Some(headers) = &headers else {
                if number == header_row {
                    headers = Some(cells.iter().map(|c| text(c).trim().to_string()).collect());
                }
                continue;
            };
            let mut values: Vec<Cell> = cells.iter().map(|c| Cell::Text(text(c))).collect();
            // A row with nothing in it is formatting, not a record.
            if values.iter().all(|v| v.text().trim().is_empty()) {
                continue;
            }
            let extra_fields = values[headers.len().min(values.len())..]
                .iter()
                .filter(|v| !v.text().trim().is_empty())
                .count();
            values.resize(headers.len(), Cell::Text(String::new()));
            rows.push(Row {
                number,
                line: number as u64,
                values,
                extra_fields,
            });
        }
        let mut headers = headers.ok_or_else(|| {
            ReadError::Empty(format!(
                "sheet {name:?} has no row {header_row} to take the column names from"
            ))
        })?;
        // Trailing unnamed columns are formatting.
        while headers.last().is_some_and(|h| h.is_empty()) {
            headers.pop();
        }
        for r in &mut rows {
            r.values.truncate(headers.len());
        }
        Ok(Table {
            headers,
            rows,
            unit: "row",
        })
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A cell as text.
fn text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            if (h, min, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02}T{h:02}:{min:02}:{s:02}")
            }
        }
        Data::DateTime(d) => number(d.as_f64()),
        // ODS dates are ISO already; a midnight time says nothing.
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// A float as a spreadsheet shows it: whole numbers without `.0`.
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_text() {
        assert_eq!(number(2023.0), "2023");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(
            text(&Data::DateTimeIso("2024-05-17T00:00:00".into())),
            "2024-05-17"
        );
    }
}
