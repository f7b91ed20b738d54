//! Re-importing: the same file gives the same bytes, fields a researcher
//! overrode are kept, cases gone from the source are reported (and kept when
//! they have overrides).

use super::csv_mess::{import, out_path, written};
use super::{case, fx, import_file, ok, parse, refs, root, stderr, stdout};
use std::path::Path;

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
    // The kept case makes five where the publisher declares four: that
    // would not build, so nothing is written until the mapping says five.
    let o = import(r.path(), "plain_v2.csv", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("error[count-mismatch]: inventory holds 5 cases but declares only 4\n  content/inventories/fixture-inv.yaml:9 declared_total (from the mapping)"),
        "{}",
        stderr(&o)
    );
    let dir = tempfile::tempdir().unwrap();
    let mapping = dir.path().join("mapping.yaml");
    let text = std::fs::read_to_string(fx("mapping.yaml")).unwrap();
    std::fs::write(
        &mapping,
        text.replace("declared_total: 4", "declared_total: 5"),
    )
    .unwrap();
    let o = import_file(r.path(), &fx("plain_v2.csv"), &mapping, &[]);
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
