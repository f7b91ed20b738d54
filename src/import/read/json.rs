//! JSON and JSON Lines. A document is an array of records, or an object
//! holding the array at a path (`source.records: data.items`). Nested values
//! are columns named by their path (`organisation.name`); an array of
//! values is a list, and a path through an array of objects
//! (`authors.name`) collects one value per object. Each record knows the
//! line it starts on.

use super::decode::decode;
use super::{Cell, LineIndex, ReadError, ReadOptions, Row, RowReader, Table};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// Reads a JSON document (`lines: false`) or JSON Lines.
pub struct JsonReader {
    /// One record per line.
    pub lines: bool,
}

impl RowReader for JsonReader {
    fn read(&self, bytes: &[u8], opts: &ReadOptions) -> Result<Table, ReadError> {
        let text = decode(bytes, opts.encoding.as_deref(), None)?;
        let index = LineIndex::new(&text);
        let mut table = Columns::default();
        if self.lines {
            if opts.records.is_some() {
                return Err(ReadError::Malformed(
                    "source.records names a path inside one JSON document; JSON Lines has one record per line: leave it out".into(),
                ));
            }
            let mut n = 0;
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                n += 1;
                let v: Value = serde_json::from_str(line).map_err(|e| {
                    ReadError::Malformed(format!("malformed JSON on line {}: {e}", i + 1))
                })?;
                table.add(n, i as u64 + 1, &v)?;
            }
        } else {
            let records = records(&text, opts.records.as_deref())?;
            for (n, raw) in records.iter().enumerate() {
                let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                let line = index.line(offset);
                let v: Value = serde_json::from_str(raw.get())
                    .map_err(|e| ReadError::Malformed(format!("malformed JSON: {e}")))?;
                table.add(n + 1, line, &v)?;
            }
        }
        Ok(table.finish())
    }
}

/// The records of a JSON document, as raw slices of its text.
fn records<'a>(text: &'a str, path: Option<&str>) -> Result<Vec<&'a RawValue>, ReadError> {
    let malformed = |e: serde_json::Error| ReadError::Malformed(format!("malformed JSON: {e}"));
    let root: &RawValue = serde_json::from_str(text).map_err(malformed)?;
    let mut at = root;
    let mut walked = String::new();
    if let Some(path) = path.filter(|p| !p.trim().is_empty()) {
        for key in path.split('.') {
            let here = if walked.is_empty() {
                "the document"
            } else {
                walked.as_str()
            };
            let next =
                if let Ok(map) = serde_json::from_str::<BTreeMap<String, &RawValue>>(at.get()) {
                    match map.get(key) {
                        Some(v) => *v,
                        None => {
                            let keys: Vec<&str> = map.keys().map(String::as_str).collect();
                            let near = crate::diagnostics::did_you_mean(key, keys.iter().copied())
                                .map(|n| format!(" (did you mean {n:?}?)"))
                                .unwrap_or_default();
                            return Err(ReadError::Malformed(format!(
                            "source.records {path:?}: {here} has no key {key:?}{near}; it has: {}",
                            keys.join(", ")
                        )));
                        }
                    }
                } else if let (Ok(list), Ok(i)) = (
                    serde_json::from_str::<Vec<&RawValue>>(at.get()),
                    key.parse::<usize>(),
                ) {
                    *list.get(i).ok_or_else(|| {
                        ReadError::Malformed(format!(
                            "source.records {path:?}: {here} has {} items, so no item {i}",
                            list.len()
                        ))
                    })?
                } else {
                    return Err(ReadError::Malformed(format!(
                    "source.records {path:?}: {here} is not an object, so it has no key {key:?}"
                )));
                };
            if !walked.is_empty() {
                walked.push('.');
            }
            walked.push_str(key);
            at = next;
        }
    }
    match serde_json::from_str::<Vec<&RawValue>>(at.get()) {
        Ok(list) => Ok(list),
        Err(_) => {
            let here = if walked.is_empty() {
                "the document".to_string()
            } else {
                format!("{walked:?}")
            };
            let lists = match serde_json::from_str::<BTreeMap<String, Value>>(at.get()) {
                Ok(map) => map
                    .iter()
                    .filter_map(|(k, v)| match v {
                        Value::Array(a) if a.iter().any(Value::is_object) => {
                            Some(format!("{:?} ({} items)", join(&walked, k), a.len()))
                        }
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
                Err(_) => Vec::new(),
            };
            Err(ReadError::Malformed(if lists.is_empty() {
                format!("{here} is not a list of records")
            } else {
                format!(
                    "{here} is an object, not a list of records: name the list with source.records (lists of records found: {})",
                    lists.join(", ")
                )
            }))
        }
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// The table being built: column paths in the order first seen.
#[derive(Default)]
struct Columns {
    headers: Vec<String>,
    index: HashMap<String, usize>,
    rows: Vec<Row>,
}

impl Columns {
    fn add(&mut self, number: usize, line: u64, v: &Value) -> Result<(), ReadError> {
        if !v.is_object() {
            return Err(ReadError::Malformed(format!(
                "record {number} (line {line}) is not an object but {}",
                kind(v)
            )));
        }
        let mut values: Vec<Cell> = Vec::new();
        self.flatten("", v, false, &mut values);
        self.rows.push(Row {
            number,
            line,
            values,
            extra_fields: 0,
        });
        Ok(())
    }

    fn column(&mut self, path: &str) -> usize {
        if let Some(&i) = self.index.get(path) {
            return i;
        }
        self.headers.push(path.to_string());
        self.index.insert(path.to_string(), self.headers.len() - 1);
        self.headers.len() - 1
    }

    /// Puts `value` at `path`; inside an array it adds to a list.
    fn put(&mut self, values: &mut Vec<Cell>, path: &str, value: Option<String>, in_list: bool) {
        let i = self.column(path);
        if values.len() <= i {
            values.resize(i + 1, Cell::Text(String::new()));
        }
        let cell = &mut values[i];
        match (in_list, value) {
            (false, v) => *cell = Cell::Text(v.unwrap_or_default()),
            (true, v) => {
                if let Cell::Text(t) = cell {
                    let first = std::mem::take(t);
                    *cell = Cell::List(if first.is_empty() {
                        vec![]
                    } else {
                        vec![first]
                    });
                }
                if let (Cell::List(list), Some(v)) = (cell, v) {
                    list.push(v);
                }
            }
        }
    }

    fn flatten(&mut self, path: &str, v: &Value, in_list: bool, values: &mut Vec<Cell>) {
        match v {
            Value::Object(map) => {
                for (k, x) in map {
                    self.flatten(&join(path, k), x, in_list, values);
                }
            }
            Value::Array(items) => {
                // An empty array is still a (blank) list at its path.
                self.put(values, path, None, true);
                for x in items {
                    self.flatten(path, x, true, values);
                }
            }
            Value::Null => {
                if !in_list {
                    self.put(values, path, None, false);
                }
            }
            Value::String(s) => self.put(values, path, Some(s.clone()), in_list),
            Value::Bool(b) => self.put(values, path, Some(b.to_string()), in_list),
            Value::Number(n) => self.put(values, path, Some(n.to_string()), in_list),
        }
    }

    fn finish(mut self) -> Table {
        let width = self.headers.len();
        for r in &mut self.rows {
            r.values.resize(width, Cell::Text(String::new()));
        }
        Table {
            headers: self.headers,
            rows: self.rows,
            unit: "record",
        }
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, records: Option<&str>) -> Result<Table, ReadError> {
        JsonReader { lines: false }.read(
            text.as_bytes(),
            &ReadOptions {
                records: records.map(str::to_string),
                ..Default::default()
            },
        )
    }

    #[test]
    fn nested_paths_lists_and_lines() {
        let t = read(
            "{\"data\": [\n {\"a\": 1, \"org\": {\"name\": \"X\"}, \"tags\": [\"p\", \"q\"]},\n {\"a\": null, \"people\": [{\"n\": \"A\"}, {\"n\": \"B\"}]}\n]}",
            Some("data"),
        )
        .unwrap();
        let col = |name: &str| t.headers.iter().position(|h| h == name).unwrap();
        assert_eq!(t.rows[0].values[col("org.name")], Cell::Text("X".into()));
        assert_eq!(
            t.rows[0].values[col("tags")],
            Cell::List(vec!["p".into(), "q".into()])
        );
        assert_eq!(t.rows[0].values[col("a")], Cell::Text("1".into()));
        assert_eq!(
            t.rows[1].values[col("people.n")],
            Cell::List(vec!["A".into(), "B".into()])
        );
        assert_eq!((t.rows[0].line, t.rows[1].line), (2, 3));
    }

    #[test]
    fn an_object_without_a_records_path_names_its_lists() {
        let e = read("{\"meta\": {}, \"items\": [{\"a\": 1}]}", None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the document is an object, not a list of records: name the list with source.records (lists of records found: \"items\" (1 items))"
        );
        let e = read("{\"items\": []}", Some("itmes")).unwrap_err();
        assert!(
            e.to_string()
                .contains("has no key \"itmes\" (did you mean \"items\"?)"),
            "{e}"
        );
    }
}
