//! The mapping's tables: agency labels give both languages (unlisted
//! agencies are reported), spellings are listed once, and every vocabulary
//! term a mapping writes must exist in the site.

use super::csv_mess::{import, out_path};
use super::{case, fx, import_file, ok, parse, refs, root, stderr, stdout};
use std::path::Path;
use std::process::Output;

/// Imports fixture `csv` into `root` with `mapping`.
fn import_with(root: &Path, csv: &str, mapping: &Path, extra: &[&str]) -> Output {
    import_file(root, &fx(csv), mapping, extra)
}

#[test]
fn a_mapping_term_missing_from_the_vocabularies_is_an_error() {
    let r = root();
    let vocab = r.path().join("content/vocabularies");
    std::fs::write(
        vocab.join("techniques.yaml"),
        "vocabulary: techniques\nterms:\n  - id: natural_language_processing\n    label: {zh-TW: 自然語言處理, en: NLP}\n  - id: computer_visio\n    label: {zh-TW: 電腦視覺, en: Computer vision}\n",
    )
    .unwrap();
    let o = import(r.path(), "plain.csv", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("techniques.values[1]: unknown techniques term \"computer_vision\" (did you mean \"computer_visio\"?)"),
        "{}",
        stderr(&o)
    );
    assert!(!out_path(r.path()).exists());
}

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

/// The fixture mapping with a phrase rule, and a site whose techniques hold
/// the term it sets.
fn with_phrases(root: &Path, phrases: &str) -> std::path::PathBuf {
    let vocab = root.join("content/vocabularies/techniques.yaml");
    let mut v = std::fs::read_to_string(&vocab).unwrap();
    v.push_str(
        "  - id: facial_recognition\n    label: {zh-TW: 人臉辨識, en: Facial recognition}\n",
    );
    std::fs::write(&vocab, v).unwrap();
    let m = std::fs::read_to_string(fx("mapping.yaml"))
        .unwrap()
        .replace("flag_methods:\n", &format!("{phrases}flag_methods:\n"));
    let path = root.join("mapping-phrases.yaml");
    std::fs::write(&path, m).unwrap();
    path
}

#[test]
fn a_phrase_in_a_cases_text_sets_a_technique_and_each_is_reported() {
    let r = root();
    // "face matcher" is the name of AAA-2, in another case; "chat" is only
    // part of a word ("Chatbot") and sets nothing.
    let mapping = with_phrases(
        r.path(),
        "  phrases:\n    - columns: [name, bureau]\n      contains: [chat, face matcher]\n      terms: [facial_recognition]\n",
    );
    let o = import_with(r.path(), "plain.csv", &mapping, &[]);
    ok(&o);
    let inv = parse(
        &std::fs::read_to_string(r.path().join("content/inventories/fixture-inv.yaml")).unwrap(),
    );
    assert_eq!(
        refs(&case(&inv, "fx-aaa-2").techniques),
        ["computer_vision", "facial_recognition"]
    );
    assert_eq!(
        refs(&case(&inv, "fx-aaa-1").techniques),
        ["natural_language_processing"]
    );
    let tagged = inv
        .cases
        .iter()
        .filter(|c| refs(&c.techniques).contains(&"facial_recognition"))
        .count();
    assert_eq!(tagged, 1);
    let out = stdout(&o);
    assert!(
        out.contains("technique set by a phrase in the case's text (review each)")
            && out.contains("Face matcher")
            && out.contains("technique facial_recognition"),
        "{out}"
    );
}

#[test]
fn a_phrase_rule_naming_an_unknown_term_or_no_phrase_is_an_error() {
    // (rule, what the error says): an unknown term, a blank phrase, and a
    // column the file does not have.
    let cases = [
        (
            "  phrases:\n    - columns: [name]\n      contains: [face matcher]\n      terms: [facial_recognitio]\n",
            "techniques.phrases[0].terms: unknown techniques term \"facial_recognitio\" (did you mean \"facial_recognition\"?)",
        ),
        (
            "  phrases:\n    - columns: [name]\n      contains: [\" \"]\n      terms: [facial_recognition]\n",
            "techniques.phrases[0].contains: give at least one phrase, none blank",
        ),
        (
            "  phrases:\n    - columns: [summary]\n      contains: [face matcher]\n      terms: [facial_recognition]\n",
            "techniques.phrases[0].columns[0]",
        ),
    ];
    for (rule, says) in cases {
        let r = root();
        let mapping = with_phrases(r.path(), rule);
        let o = import_with(r.path(), "plain.csv", &mapping, &[]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains(says), "{}", stderr(&o));
        assert!(!out_path(r.path()).exists());
    }
}
