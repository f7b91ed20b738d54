//! `govatlas import csv`: messy input (one fixture per kind of mess under
//! `tests/fixtures/import/`), reported values, `--strict`, re-import safety
//! (byte-identical, overrides kept, gone cases reported), and the real 2025 US
//! federal inventory when it is at hand: `GOVATLAS_US_FEDERAL_CSV`, or by
//! default `../shared/data/` beside the repository, where CI keeps it.

use crate::common::{fixture, govatlas, repo_root};
use govatlas::schema::Inventory;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

const REAL_2025: &str = "../shared/data/us-federal-ai-use-cases-2025.csv";

/// An empty site root in a temporary directory.
fn root() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    dir
}

fn fx(name: &str) -> PathBuf {
    fixture("import").join(name)
}

/// Runs the import of fixture `csv` into `root` with the fixture mapping.
fn import(root: &Path, csv: &str, extra: &[&str]) -> Output {
    import_with(root, csv, &fx("mapping.yaml"), extra)
}

/// Runs the import of fixture `csv` into `root` with `mapping`.
fn import_with(root: &Path, csv: &str, mapping: &Path, extra: &[&str]) -> Output {
    let file = fx(csv);
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
    govatlas(&args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "import failed ({:?}):\n{}{}",
        o.status.code(),
        stdout(o),
        stderr(o)
    );
}

fn out_path(root: &Path) -> PathBuf {
    root.join("content/inventories/fixture-inv.yaml")
}

fn written(root: &Path) -> String {
    std::fs::read_to_string(out_path(root)).expect("inventory written")
}

/// Parses the YAML the importer wrote with the site's own schema types.
fn parse(yaml: &str) -> Inventory {
    serde_saphyr::from_str(yaml)
        .unwrap_or_else(|e| panic!("written YAML does not parse: {e}\n{yaml}"))
}

fn case<'a>(inv: &'a Inventory, id: &str) -> &'a govatlas::schema::Case {
    inv.cases
        .iter()
        .find(|c| c.id.value == id)
        .unwrap_or_else(|| {
            panic!(
                "no case {id}; have {:?}",
                inv.cases.iter().map(|c| &c.id.value).collect::<Vec<_>>()
            )
        })
}

fn refs(v: &[govatlas::schema::Ref]) -> Vec<&str> {
    v.iter().map(|r| r.value.as_str()).collect()
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
    assert_eq!(refs(&one.techniques), ["us_nlp", "us_computer_vision"]);
    assert_eq!(refs(&one.risk_flags), ["human_rights"]);
    let two = case(&inv, "fx-aaa-2");
    assert_eq!(refs(&two.techniques), ["us_nlp"]);
    assert!(two.risk_flags.is_empty());
    let three = case(&inv, "fx-aaa-3");
    assert_eq!(refs(&three.techniques), ["us_nlp", "us_computer_vision"]);
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
fn reimport_of_the_same_file_is_byte_identical() {
    let r = root();
    ok(&import(r.path(), "plain.csv", &[]));
    let first = std::fs::read(out_path(r.path())).unwrap();
    let o = import(r.path(), "plain.csv", &[]);
    ok(&o);
    assert_eq!(first, std::fs::read(out_path(r.path())).unwrap());
    assert!(stdout(&o).contains("import: unchanged"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("(0 new, 0 updated, 4 unchanged"),
        "{}",
        stdout(&o)
    );
}

/// Marks fields of case `id` as edited by hand: replaces its `name:` line and
/// adds `overrides`.
fn edit_case(root: &Path, id: &str, new_lines: &str) {
    let text = written(root);
    let start = text
        .find(&format!("  - id: \"{id}\"\n"))
        .expect("case in file");
    let name_at = start + text[start..].find("    name: ").unwrap();
    let name_end = name_at + text[name_at..].find('\n').unwrap() + 1;
    let edited = format!("{}{}{}", &text[..name_at], new_lines, &text[name_end..]);
    std::fs::write(out_path(root), edited).unwrap();
}

#[test]
fn overridden_fields_are_kept_and_the_rest_updates() {
    let r = root();
    ok(&import(r.path(), "plain.csv", &[]));
    edit_case(
        r.path(),
        "fx-aaa-1",
        "    name: {zh-TW: \"聊天機器人\", en: \"Chatbot (checked)\"}\n    overrides: [name, risk_flags]\n    risk_flags: [ethics]\n    flag_method: fx-rules\n",
    );
    // Drop the imported flag lines that the hand-set ones replace.
    let text = written(r.path());
    let fixed = text.replacen(
        "    risk_flags: [\"personal_data\", \"automated_decision\"]\n    flag_provenance: [{flag: \"personal_data\", method: \"fx-pii\"}, {flag: \"automated_decision\", method: \"fx-impact\"}]\n",
        "",
        1,
    );
    assert_ne!(text, fixed, "expected the imported flags in the file");
    std::fs::write(out_path(r.path()), fixed).unwrap();

    let o = import(r.path(), "plain_v2.csv", &[]);
    ok(&o);
    let inv = parse(&written(r.path()));
    let c = case(&inv, "fx-aaa-1");
    assert_eq!(
        c.name.get("en"),
        Some("Chatbot (checked)"),
        "overridden name kept (source says \"Chatbot v2\")"
    );
    assert_eq!(c.name.get("zh-TW"), Some("聊天機器人"));
    assert_eq!(refs(&c.risk_flags), ["ethics"]);
    assert!(c.flag_provenance.is_empty());
    assert_eq!(c.flag_method.as_ref().unwrap().value, "fx-rules");
    assert_eq!(refs(&c.overrides), ["name", "risk_flags"]);
    // Fields not overridden still come from the source.
    assert_eq!(c.use_class.value, "regulatory_analysis");
    assert!(
        stdout(&o).contains("2 overridden fields kept"),
        "{}",
        stdout(&o)
    );
    // And a second run changes nothing.
    let before = written(r.path());
    ok(&import(r.path(), "plain_v2.csv", &[]));
    assert_eq!(before, written(r.path()));
}

#[test]
fn cases_gone_from_the_source_are_reported() {
    let r = root();
    ok(&import(r.path(), "plain.csv", &[]));
    let o = import(r.path(), "plain_v2.csv", &[]);
    ok(&o);
    let out = stdout(&o);
    assert!(
        out.contains("gone from source: case \"fx-aaa-2\" removed"),
        "{out}"
    );
    assert!(out.contains("(1 new, 1 updated, 2 unchanged"), "{out}");
    let inv = parse(&written(r.path()));
    assert!(inv.cases.iter().all(|c| c.id.value != "fx-aaa-2"));
    assert!(inv.cases.iter().any(|c| c.id.value == "fx-aaa-3"));
}

#[test]
fn a_gone_case_with_overrides_is_kept() {
    let r = root();
    ok(&import(r.path(), "plain.csv", &[]));
    edit_case(
        r.path(),
        "fx-aaa-2",
        "    name: {zh-TW: \"人臉比對\", en: \"Face matcher\"}\n    overrides: [name]\n",
    );
    let o = import(r.path(), "plain_v2.csv", &[]);
    ok(&o);
    assert!(
        stdout(&o).contains("gone from source: case \"fx-aaa-2\" kept (it has overrides)"),
        "{}",
        stdout(&o)
    );
    let inv = parse(&written(r.path()));
    assert_eq!(case(&inv, "fx-aaa-2").name.get("zh-TW"), Some("人臉比對"));
}

#[test]
fn an_override_naming_no_field_is_an_error() {
    let r = root();
    ok(&import(r.path(), "plain.csv", &[]));
    edit_case(
        r.path(),
        "fx-aaa-1",
        "    name: {en: \"Chatbot\"}\n    overrides: [nmae]\n",
    );
    let o = import(r.path(), "plain.csv", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("overrides names no field \"nmae\" (did you mean \"name\"?"),
        "{}",
        stderr(&o)
    );
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

// ---- the real 2025 US federal inventory -------------------------------------

fn real_csv() -> Option<PathBuf> {
    let p = std::env::var_os("GOVATLAS_US_FEDERAL_CSV")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(REAL_2025));
    if p.exists() {
        Some(p)
    } else {
        println!(
            "skipped: {} not found (set GOVATLAS_US_FEDERAL_CSV)",
            p.display()
        );
        None
    }
}

/// Imports the real file into a fresh root holding a copy of the shipped
/// mapping (so the header names it as in the repository).
fn import_real(csv: &Path) -> (tempfile::TempDir, govatlas::import::ImportReport) {
    let r = root();
    let imports = r.path().join("content/imports");
    std::fs::create_dir_all(&imports).unwrap();
    let mapping = imports.join("us-federal-2025.yaml");
    std::fs::copy(
        repo_root().join("content/imports/us-federal-2025.yaml"),
        &mapping,
    )
    .unwrap();
    let report = govatlas::import::import_csv(&govatlas::import::CsvImport {
        file: csv.to_path_buf(),
        mapping,
        root: r.path().to_path_buf(),
        encoding: None,
        strict: false,
    })
    .expect("real import");
    (r, report)
}

fn read_big(path: &Path) -> Inventory {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Risk-flag counts computed straight from the CSV with the csv crate and
/// the mapping's rules written out by hand (not through the importer).
fn independent_flag_counts(csv: &Path) -> (usize, BTreeMap<&'static str, usize>) {
    let mut rdr = csv::Reader::from_path(csv).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (pii, hi, demo) = (
        col("has_pii"),
        col("is_high_impact"),
        col("demographic_features"),
    );
    let mut rows = 0;
    let mut expected: BTreeMap<&'static str, usize> = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        rows += 1;
        if rec[pii].trim().eq_ignore_ascii_case("yes") {
            *expected.entry("personal_data").or_default() += 1;
        }
        if rec[hi].trim().eq_ignore_ascii_case("high-impact") {
            *expected.entry("automated_decision").or_default() += 1;
        }
        // Any demographic variable named: not empty and not one of the
        // "none" / "not applicable" / "unknown" answers.
        let d = rec[demo].trim().to_lowercase();
        let none = d.is_empty()
            || d == "[]"
            || d.contains("none of the above")
            || d.contains("not applicable")
            || d.contains("'none -")
            || d.contains("unknown");
        if !none {
            *expected.entry("human_rights").or_default() += 1;
        }
    }
    (rows, expected)
}

#[test]
fn built_site_shows_the_us_inventory_with_the_csv_counts() {
    let Some(csv) = real_csv() else { return };
    let (rows, expected) = independent_flag_counts(&csv);
    let site = crate::common::BuiltSite::default_site();
    for lang in ["en", "zh-TW"] {
        let doc = site.html(&format!("{lang}/inventories/us-federal-2025.html"));
        let (counts, total) = crate::common::flag_table(&doc);
        assert_eq!(total as usize, rows, "{lang}: cases on the page");
        for (flag, n) in counts {
            assert_eq!(
                n as usize,
                expected.get(flag.as_str()).copied().unwrap_or(0),
                "{lang}: {flag}"
            );
        }
        let cov = crate::common::texts(&doc, "dd.coverage");
        assert!(cov[0].contains("3611"), "{lang}: {cov:?}");
    }
    let inv = site.json("data/inventories.json");
    let us = inv
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "us-federal-2025")
        .unwrap();
    assert_eq!(
        (us["cases_held"].as_u64(), us["declared_total"].as_u64()),
        (Some(3611), Some(3611))
    );
}

#[test]
fn real_2025_inventory_every_row_placed_or_reported_and_flag_counts_match() {
    let Some(csv) = real_csv() else { return };
    let (r, report) = import_real(&csv);

    let (rows, expected) = independent_flag_counts(&csv);
    assert_eq!(rows, 3611);
    assert_eq!(report.rows_read, rows);

    // Every row placed or reported.
    let inv = read_big(&r.path().join("content/inventories/us-federal-2025.yaml"));
    assert_eq!(inv.cases.len() + report.rows_skipped, rows);
    assert_eq!(inv.cases.len(), 3611);
    assert_eq!(inv.declared_total.as_ref().unwrap().value, 3611);
    let ids: std::collections::HashSet<&str> =
        inv.cases.iter().map(|c| c.id.value.as_str()).collect();
    assert_eq!(ids.len(), inv.cases.len(), "case ids unique");
    println!("{}", report.summary());

    // Flag counts in the written file equal the independent counts.
    let mut got: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &inv.cases {
        for f in &c.risk_flags {
            *got.entry(f.value.as_str()).or_default() += 1;
        }
        // Every flag names the rule that set it.
        assert_eq!(
            c.flag_provenance.len(),
            c.risk_flags.len(),
            "{}",
            c.id.value
        );
        // No agency free text is shipped.
        assert!(c.description.is_none());
        assert!(c
            .source_url
            .as_ref()
            .unwrap()
            .value
            .starts_with("https://github.com/ombegov/"));
    }
    assert_eq!(got, expected);
}

#[test]
fn committed_2025_inventory_equals_a_fresh_import() {
    let Some(csv) = real_csv() else { return };
    let (r, report) = import_real(&csv);
    assert!(report.changed, "fresh root: file written");
    let fresh = std::fs::read(r.path().join("content/inventories/us-federal-2025.yaml")).unwrap();
    let committed =
        std::fs::read(repo_root().join("content/inventories/us-federal-2025.yaml")).unwrap();
    assert!(
        fresh == committed,
        "content/inventories/us-federal-2025.yaml differs from a fresh import; re-run the import"
    );
}

#[test]
fn a_mapping_term_missing_from_the_vocabularies_is_an_error() {
    let r = root();
    let vocab = r.path().join("content/vocabularies");
    std::fs::create_dir_all(&vocab).unwrap();
    std::fs::write(
        vocab.join("techniques.yaml"),
        "vocabulary: techniques\nterms:\n  - id: us_nlp\n    label: {zh-TW: 自然語言處理, en: NLP}\n  - id: us_computer_visio\n    label: {zh-TW: 電腦視覺, en: Computer vision}\n",
    )
    .unwrap();
    let o = import(r.path(), "plain.csv", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("techniques.values[1]: unknown techniques term \"us_computer_vision\" (did you mean \"us_computer_visio\"?)"),
        "{}",
        stderr(&o)
    );
    assert!(!out_path(r.path()).exists());
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

// ---- agency labels ------------------------------------------------------------

#[test]
fn agency_labels_give_both_languages_and_unlisted_agencies_are_reported() {
    let r = root();
    let mapping = fx("mapping_agency_labels.yaml");
    let o = import_with(r.path(), "agencies.csv", &mapping, &[]);
    ok(&o);
    let out = stdout(&o);
    let inv = parse(
        &std::fs::read_to_string(r.path().join("content/inventories/fixture-agencies.yaml"))
            .unwrap(),
    );
    // Listed: both languages; case and whitespace do not matter.
    for id in ["fa-aaa-1", "fa-aaa-2"] {
        let a = &case(&inv, id).agency;
        assert_eq!(
            (a.get("zh-TW"), a.get("en")),
            (Some("甲機關"), Some("Agency A")),
            "{id}"
        );
    }
    // The label's English text is written, not the published spelling.
    let b = &case(&inv, "fa-bbb-1").agency;
    assert_eq!(
        (b.get("zh-TW"), b.get("en")),
        (Some("乙機關"), Some("Agency B (renamed)"))
    );
    // Not listed: written as published, in the text language only, and reported.
    for id in ["fa-ccc-1", "fa-ccc-2"] {
        let c = &case(&inv, id).agency;
        assert_eq!(
            (c.get("zh-TW"), c.get("en")),
            (None, Some("Agency C")),
            "{id}"
        );
    }
    assert_eq!(inv.cases.len(), 5, "an unlisted agency skips no row");
    assert!(
        out.contains("reported: value not in the mapping (2 rows)"),
        "{out}"
    );
    assert!(
        out.contains(
            "column \"agency_name\", value \"Agency C\": 2 (agency written as published) — rows 5, 6"
        ),
        "{out}"
    );

    // With --strict the unlisted agency is an error and nothing is written.
    let s = root();
    let o = import_with(s.path(), "agencies.csv", &mapping, &["--strict"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("error: --strict: 2 reported values could not be placed"),
        "{}",
        stderr(&o)
    );
    assert!(!s
        .path()
        .join("content/inventories/fixture-agencies.yaml")
        .exists());
}

#[test]
fn agency_labels_need_both_languages_and_distinct_spellings() {
    let text = std::fs::read_to_string(fx("mapping_agency_labels.yaml")).unwrap();
    for (from, to, message) in [
        (
            "{zh-TW: 乙機關, en:",
            "{en:",
            "fields.agency_labels[1].label has no zh-TW text",
        ),
        (
            "match: [Agency B]",
            "match: [\" the agency a\"]",
            "fields.agency_labels: value \" the agency a\" is listed twice",
        ),
    ] {
        assert!(text.contains(from), "{from}");
        let r = root();
        let mapping = r.path().join("mapping.yaml");
        std::fs::write(&mapping, text.replace(from, to)).unwrap();
        let o = import_with(r.path(), "agencies.csv", &mapping, &[]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains(message), "{}", stderr(&o));
    }
}
