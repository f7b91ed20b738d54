//! Registers that are not CSV: JSON Lines, workbooks (.xlsx, .ods), a file
//! whose name or `--format` does not match its bytes, a legacy encoding
//! named for a UTF-8 file, CR LF line ends. Each import is then built.

use super::csv_mess::written;
use super::{
    case, files, fx, import_file, import_fx, ok, parse, refs, refused, root, stderr, stdout,
};
use crate::common::BuiltSite;

#[test]
fn json_lines_give_the_cases_of_the_same_csv() {
    let (a, b) = (root(), root());
    ok(&import_fx(a.path(), "plain.csv", "mapping.yaml", &[]));
    let o = import_fx(b.path(), "plain.jsonl", "mapping.yaml", &[]);
    ok(&o);
    assert!(
        stdout(&o).contains("import: read 4 records from plain.jsonl (jsonl, from the file name)"),
        "{}",
        stdout(&o)
    );
    let (csv, jsonl) = (parse(&written(a.path())), parse(&written(b.path())));
    let ids = |i: &govatlas::schema::Inventory| {
        i.cases
            .iter()
            .map(|c| c.id.value.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&csv),
        ids(&jsonl),
        "same ids, the blank one hashed the same way"
    );
    for (x, y) in csv.cases.iter().zip(&jsonl.cases) {
        assert_eq!(x.name.get("en"), y.name.get("en"));
        assert_eq!(refs(&x.techniques), refs(&y.techniques));
        assert_eq!(refs(&x.risk_flags), refs(&y.risk_flags), "{}", x.id.value);
        assert_eq!(x.use_class.value, y.use_class.value);
    }
    // Each record links to its own line (a blank line sits before the last).
    let urls: Vec<&str> = jsonl
        .cases
        .iter()
        .map(|c| c.source_url.as_ref().unwrap().value.as_str())
        .collect();
    assert_eq!(
        urls,
        [
            "https://example.org/inventory.csv#L1",
            "https://example.org/inventory.csv#L2",
            "https://example.org/inventory.csv#L3",
            "https://example.org/inventory.csv#L5"
        ]
    );
    // A JSON number is an id like any other.
    assert!(jsonl.cases.iter().any(|c| c.id.value == "fx-bbb-7"));
    BuiltSite::build(b.path());
}

#[test]
fn xlsx_and_ods_give_the_same_cases_and_build() {
    let (a, b) = (root(), root());
    for (r, file, format) in [(&a, "register.xlsx", "xlsx"), (&b, "register.ods", "ods")] {
        let o = import_fx(r.path(), file, "mapping_sheet.yaml", &[]);
        ok(&o);
        let out = stdout(&o);
        assert!(
            out.contains(&format!(
                "read 3 rows from {file} ({format}, from the file name)"
            )),
            "{out}"
        );
        // The third system is on sheet row 6 (title, header, two rows, an empty row).
        assert!(
            out.contains("column \"Website\", value \"example.org/register/3\": 1 (not an absolute http(s) URL: left out) — rows 6"),
            "{out}"
        );
    }
    let text =
        |r: &tempfile::TempDir, f: &str| super::written(r.path(), "fixture-sheet").replace(f, "X");
    assert_eq!(text(&a, "register.xlsx"), text(&b, "register.ods"));
    let inv = parse(&super::written(a.path(), "fixture-sheet"));
    let ids: Vec<&str> = inv.cases.iter().map(|c| c.id.value.as_str()).collect();
    assert_eq!(
        ids,
        ["sh-1", "sh-2", "sh-3"],
        "whole numbers read as 1, not 1.0"
    );
    assert_eq!(
        case(&inv, "sh-1").source_url.as_ref().unwrap().value,
        "https://example.org/register/1"
    );
    assert!(case(&inv, "sh-3").source_url.is_none());
    let site = BuiltSite::build(b.path());
    assert!(site.read("en/cases/sh-2.html").contains("Case triage"));
}

#[test]
fn a_file_that_is_not_what_its_name_or_format_says_is_refused() {
    let r = root();
    let before = files(r.path());
    let dir = tempfile::tempdir().unwrap();
    let json_as_csv = dir.path().join("register.csv");
    std::fs::copy(fx("dutch-register.json"), &json_as_csv).unwrap();
    let o = import_file(r.path(), &json_as_csv, &fx("mapping_dutch.yaml"), &[]);
    refused(&o, 2, r.path(), &before);
    assert!(
        stderr(&o).contains("register.csv is to be read as csv (from the file name), but it looks like JSON (it starts with `[` or `{`); pass --format json if that is what it is"),
        "{}",
        stderr(&o)
    );
    let o = import_fx(
        r.path(),
        "register.xlsx",
        "mapping_sheet.yaml",
        &["--format", "csv"],
    );
    refused(&o, 2, r.path(), &before);
    assert!(
        stderr(&o).contains("but it looks like an Excel workbook (xlsx)"),
        "{}",
        stderr(&o)
    );
    // A name that says nothing: the bytes decide, and the summary says so.
    let noname = dir.path().join("register.data");
    std::fs::copy(fx("register.ods"), &noname).unwrap();
    let o = import_file(r.path(), &noname, &fx("mapping_sheet.yaml"), &[]);
    ok(&o);
    assert!(
        stdout(&o).contains("(ods, from the file's content)"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_legacy_encoding_named_for_a_utf8_file_is_refused() {
    let r = root();
    let before = files(r.path());
    let o = import_fx(
        r.path(),
        "multi-country.csv",
        "mapping_multi_country.yaml",
        &["--encoding", "windows-1252"],
    );
    refused(&o, 1, r.path(), &before);
    assert!(
        stderr(&o).contains("the file is valid UTF-8, not windows-1252: read as windows-1252, \"ü\" on line 3 would become \"Ã¼\"; leave out --encoding"),
        "{}",
        stderr(&o)
    );
    // A workbook carries its own encoding.
    let o = import_fx(
        r.path(),
        "register.xlsx",
        "mapping_sheet.yaml",
        &["--encoding", "utf-8"],
    );
    refused(&o, 2, r.path(), &before);
    assert!(
        stderr(&o).contains("carries its own encoding"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn crlf_rows_link_to_their_own_lines() {
    let r = root();
    ok(&import_fx(r.path(), "crlf.csv", "mapping.yaml", &[]));
    let inv = parse(&written(r.path()));
    let at: Vec<(&str, &str)> = inv
        .cases
        .iter()
        .map(|c| {
            (
                c.id.value.as_str(),
                c.source_url.as_ref().unwrap().value.as_str(),
            )
        })
        .collect();
    // AAA-1 spans lines 2 and 3; a blank line 5 sits before AAA-3.
    assert_eq!(
        at,
        [
            ("fx-aaa-1", "https://example.org/inventory.csv#L2"),
            ("fx-aaa-2", "https://example.org/inventory.csv#L4"),
            ("fx-aaa-3", "https://example.org/inventory.csv#L6")
        ]
    );
    assert_eq!(
        case(&inv, "fx-aaa-1").name.get("en"),
        Some("Chatbot with two lines")
    );
}

#[test]
fn json_records_are_found_at_their_path_or_the_path_is_questioned() {
    let r = root();
    let before = files(r.path());
    let text = std::fs::read_to_string(fx("mapping_dutch.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (from, to, message) in [
        ("records: algoritmes", "records: algoritme", "source.records \"algoritme\": the document has no key \"algoritme\" (did you mean \"algoritmes\"?); it has: algoritmes, meta"),
        ("  records: algoritmes\n", "", "the document is an object, not a list of records: name the list with source.records (lists of records found: \"algoritmes\" (5 items))"),
        ("agency: organisatie.naam", "agency: organisatie.name", "fields.agency: the file has no column \"organisatie.name\" (did you mean \"organisatie.naam\"?)"),
    ] {
        assert!(text.contains(from), "{from}");
        let m = dir.path().join("m.yaml");
        std::fs::write(&m, text.replace(from, to).replace("text_language: nl", "text_language: en")).unwrap();
        let o = import_file(r.path(), &fx("dutch-register.json"), &m, &[]);
        refused(&o, 1, r.path(), &before);
        assert!(stderr(&o).contains(message), "{}", stderr(&o));
    }
}
