//! Messy CSV as published: byte-order marks, encodings, quoted line breaks,
//! blanks and `N/A`, list cells, spelling, unknown values, ragged rows,
//! `--strict`, and agency labels. Each fixture under
//! `tests/fixtures/import/` holds one kind of mess.

use super::{case, fx, inv_path, ok, parse, refs, root, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::Output;

/// Imports fixture `csv` into `root` with the fixture mapping, with the
/// older command form `govatlas import csv` (both forms are one command).
pub(super) fn import(root: &Path, csv: &str, extra: &[&str]) -> Output {
    let file = fx(csv);
    let mapping = fx("mapping.yaml");
    let mut args = vec![
        "import",
        "csv",
        file.to_str().unwrap(),
        "--mapping",
        mapping.to_str().unwrap(),
        "--root",
        root.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    crate::common::govatlas(&args)
}

pub(super) fn out_path(root: &Path) -> PathBuf {
    inv_path(root, "fixture-inv")
}

pub(super) fn written(root: &Path) -> String {
    super::written(root, "fixture-inv")
}

#[test]
fn bom_and_no_bom_give_the_same_inventory() {
    let (a, b) = (root(), root());
    ok(&import(a.path(), "plain.csv", &[]));
    ok(&import(b.path(), "bom.csv", &[]));
    let (ya, yb) = (written(a.path()), written(b.path()));
    // Only the header comment names the file.
    assert_eq!(ya.replace("plain.csv", "X"), yb.replace("bom.csv", "X"));
    let inv = parse(&ya);
    assert_eq!(inv.cases.len(), 4);
    let c = case(&inv, "fx-aaa-1");
    assert_eq!(c.name.get("en"), Some("Chatbot"));
    assert_eq!(c.use_class.value, "regulatory_analysis");
    assert_eq!(refs(&c.risk_flags), ["personal_data", "automated_decision"]);
    let prov: Vec<(&str, &str)> = c
        .flag_provenance
        .iter()
        .map(|p| (p.flag.value.as_str(), p.method.value.as_str()))
        .collect();
    assert_eq!(
        prov,
        [
            ("personal_data", "fx-pii"),
            ("automated_decision", "fx-impact")
        ]
    );
    assert_eq!(
        c.source_url.as_ref().unwrap().value,
        "https://example.org/inventory.csv#L2"
    );
    // Agency "BBB" numbers its ids without its abbreviation.
    assert!(inv.cases.iter().any(|c| c.id.value == "fx-bbb-7"));
    // Blank id: derived from a hash of agency, bureau and name, and reported.
    assert!(inv.cases.iter().any(|c| c.id.value.starts_with("fx-bbb-x")));
    let methods: Vec<&str> = inv
        .flag_methods
        .iter()
        .map(|m| m.id.value.as_str())
        .collect();
    assert_eq!(methods, ["fx-pii", "fx-impact", "fx-demo", "fx-rules"]);
    assert_eq!(
        inv.flag_methods[0].description.get("zh-TW"),
        Some("回答是者標記個人資料。")
    );
}

#[test]
fn invalid_utf8_is_an_error_naming_offset_line_and_row() {
    let r = root();
    let o = import(r.path(), "windows1252.csv", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let bytes = std::fs::read(fx("windows1252.csv")).unwrap();
    let at = bytes.iter().position(|&b| b == 0xE9).unwrap();
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "is not valid UTF-8: byte offset {at}, line 2, row 2 (bytes E9"
        )),
        "{err}"
    );
    assert!(err.contains("--encoding"), "{err}");
    assert!(!out_path(r.path()).exists(), "nothing may be written");
}

#[test]
fn encoding_flag_decodes_other_encodings() {
    let r = root();
    ok(&import(
        r.path(),
        "windows1252.csv",
        &["--encoding", "windows-1252"],
    ));
    let inv = parse(&written(r.path()));
    assert_eq!(case(&inv, "fx-aaa-1").name.get("en"), Some("Café finder"));
}

#[test]
fn unknown_encoding_is_a_usage_error() {
    let r = root();
    let o = import(r.path(), "plain.csv", &["--encoding", "klingon"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("unknown encoding \"klingon\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn missing_file_is_a_usage_error() {
    let r = root();
    let o = import(r.path(), "no-such.csv", &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn quoted_fields_with_line_breaks() {
    let r = root();
    ok(&import(r.path(), "multiline.csv", &[]));
    let inv = parse(&written(r.path()));
    assert_eq!(inv.cases.len(), 2);
    let a = case(&inv, "fx-aaa-1");
    assert_eq!(a.name.get("en"), Some("Chatbot with two lines"));
    let b = case(&inv, "fx-aaa-2");
    assert_eq!(b.bureau.as_ref().unwrap().get("en"), Some("Bureau 2"));
    assert_eq!(refs(&b.risk_flags), ["human_rights"]);
    // The second record starts on line 4 (the first spans lines 2 and 3).
    assert_eq!(
        b.source_url.as_ref().unwrap().value,
        "https://example.org/inventory.csv#L4"
    );
}

#[test]
fn blanks_na_and_spaces_mean_missing() {
    let r = root();
    let o = import(r.path(), "missing.csv", &[]);
    ok(&o);
    let out = stdout(&o);
    assert!(!out.contains("value not in the mapping"), "{out}");
    let inv = parse(&written(r.path()));
    let a = case(&inv, "fx-aaa-1");
    assert!(a.bureau.is_none());
    assert!(a.stage.is_none());
    assert!(a.techniques.is_empty());
    assert!(a.risk_flags.is_empty());
    assert_eq!(a.use_class.value, "internal_management");
    assert!(
        out.contains("column \"topic\", value \"\": 1 (use class internal_management) — rows 2"),
        "{out}"
    );
    // A blank name takes the mapping's placeholder, in both languages, and is reported.
    let b = case(&inv, "fx-aaa-2");
    assert_eq!(b.name.get("en"), Some("(Unnamed AAA-2)"));
    assert_eq!(b.name.get("zh-TW"), Some("（未具名 AAA-2）"));
    assert!(
        out.contains("column \"name\", value \"\": 1 (name from fields.name_missing) — rows 3"),
        "{out}"
    );
}

#[test]
fn list_values_in_both_quote_styles() {
    let r = root();
    let o = import(r.path(), "lists.csv", &[]);
    ok(&o);
    assert!(
        !stdout(&o).contains("value not in the mapping"),
        "{}",
        stdout(&o)
    );
    let inv = parse(&written(r.path()));
    let one = case(&inv, "fx-aaa-1");
    assert_eq!(
        refs(&one.techniques),
        ["natural_language_processing", "computer_vision"]
    );
    assert_eq!(refs(&one.risk_flags), ["human_rights"]);
    let two = case(&inv, "fx-aaa-2");
    assert_eq!(refs(&two.techniques), ["natural_language_processing"]);
    assert!(two.risk_flags.is_empty());
    let three = case(&inv, "fx-aaa-3");
    assert_eq!(
        refs(&three.techniques),
        ["natural_language_processing", "computer_vision"]
    );
}

#[test]
fn values_differing_in_case_or_trailing_space_map_the_same() {
    let r = root();
    let o = import(r.path(), "case_whitespace.csv", &[]);
    ok(&o);
    assert!(
        !stdout(&o).contains("value not in the mapping"),
        "{}",
        stdout(&o)
    );
    let inv = parse(&written(r.path()));
    let (a, b) = (case(&inv, "fx-aaa-1"), case(&inv, "fx-aaa-2"));
    assert_eq!(a.use_class.value, b.use_class.value);
    assert_eq!(refs(&a.techniques), refs(&b.techniques));
    assert_eq!(
        refs(&a.risk_flags),
        ["personal_data", "automated_decision", "human_rights"]
    );
    assert_eq!(refs(&a.risk_flags), refs(&b.risk_flags));
    assert_eq!(a.stage.as_ref().unwrap().get("en"), Some("Deployed"));
}

#[test]
fn unknown_values_are_reported_with_row_column_and_value() {
    let r = root();
    let o = import(r.path(), "unknown.csv", &[]);
    ok(&o);
    let out = stdout(&o);
    for needle in [
        "column \"topic\", value \"Astrology\": 1",
        "column \"tech\", value \"Telepathy\": 1 (technique left out) — rows 2",
        "column \"pii\", value \"Maybe\": 1",
        "column \"demo\", value \"z) Star sign\": 1",
        "column \"stage\", value \"Retired\": 1 (stage written as published) — rows 3",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
    // Without `unknown:` in the mapping, a row whose use class is unknown is skipped.
    let inv = parse(&written(r.path()));
    assert_eq!(inv.cases.len(), 1);
    assert!(out.contains("1 skipped rows"), "{out}");
    // The unknown stage keeps its published wording in the text language only.
    let two = case(&inv, "fx-aaa-2");
    assert_eq!(two.stage.as_ref().unwrap().get("en"), Some("Retired"));
    assert_eq!(two.stage.as_ref().unwrap().get("zh-TW"), None);
}

#[test]
fn strict_makes_unplaced_values_errors_and_writes_nothing() {
    let r = root();
    let o = import(r.path(), "unknown.csv", &["--strict"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("column \"topic\", value \"Astrology\""),
        "{err}"
    );
    assert!(
        err.contains("error: --strict: 5 reported values could not be placed"),
        "{err}"
    );
    assert!(!out_path(r.path()).exists());
    // A clean file passes --strict.
    ok(&import(r.path(), "lists.csv", &["--strict"]));
}

#[test]
fn any_text_round_trips_through_the_writer() {
    let r = root();
    ok(&import(r.path(), "tricky.csv", &[]));
    let inv = parse(&written(r.path()));
    let a = case(&inv, "fx-aaa-1");
    assert_eq!(
        a.name.get("en"),
        Some("She said \"hi\" \\ back: #1 - {x} [y] & *z | > % @ `tick`")
    );
    assert_eq!(a.bureau.as_ref().unwrap().get("en"), Some("- dash: colon"));
    let b = case(&inv, "fx-aaa-2");
    // Whitespace runs (tab, line separator) collapse to one space; the rest is kept.
    assert_eq!(
        b.name.get("en"),
        Some("tab here sep and é中文 'single' null ~ yes")
    );
    assert_eq!(b.bureau.as_ref().unwrap().get("en"), Some("true"));
}

#[test]
fn ragged_rows_are_read_and_surplus_fields_reported() {
    let r = root();
    let o = import(r.path(), "ragged.csv", &[]);
    ok(&o);
    assert!(
        stdout(&o).contains(
            "column \"(row)\", value \"1 extra fields\": 1 (extra fields ignored) — rows 3"
        ),
        "{}",
        stdout(&o)
    );
    let inv = parse(&written(r.path()));
    assert_eq!(inv.cases.len(), 2);
    assert!(
        case(&inv, "fx-aaa-1").stage.is_none(),
        "a short row's missing fields are blank"
    );
    let o = import(r.path(), "ragged.csv", &["--strict"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn utf16_needs_the_encoding_flag() {
    let r = root();
    let o = import(r.path(), "utf16le.csv", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("UTF-16 byte-order mark; pass --encoding utf-16le"),
        "{}",
        stderr(&o)
    );
    ok(&import(
        r.path(),
        "utf16le.csv",
        &["--encoding", "utf-16le"],
    ));
    let p = root();
    ok(&import(p.path(), "plain.csv", &[]));
    assert_eq!(
        written(r.path()).replace("utf16le.csv", "X"),
        written(p.path()).replace("plain.csv", "X")
    );
}
