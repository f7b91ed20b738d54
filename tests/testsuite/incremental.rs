//! `serve`'s incremental rebuild: after an edit to cases, the output it
//! patched must equal, byte for byte, a full build of the edited content.
//! That checks the dependency map: a page that shows a case without saying
//! so would keep its old bytes and differ here.

use crate::common::{build_into, copy_dir, copy_fixture, repo_root, snapshot};
use govatlas::pipeline::Failure;
use govatlas::serve::incremental::{Applied, Session};
use std::path::Path;

/// Starts a session on `root`, writing into `root/out-inc`.
fn start(root: &Path) -> Session {
    let (session, report) = Session::start(root, &root.join("out-inc"));
    assert!(report.is_ok(), "first build failed");
    session.expect("a session after a good build")
}

/// Rewrites `file` under `root` with `from` replaced by `to` (once).
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Applies `changed`, expecting an incremental rebuild; returns how many
/// pages it rendered.
fn apply(session: &mut Session, root: &Path, changed: &[&str]) -> usize {
    let changed: Vec<String> = changed.iter().map(|s| s.to_string()).collect();
    match session.apply(&root.join("out-inc"), &changed) {
        Applied::Done(Ok(report)) => {
            assert_eq!(report.stages[0].0, "incremental");
            report.pages
        }
        Applied::Done(Err(Failure::Content(d, _))) => panic!("content errors: {d:?}"),
        Applied::Done(Err(Failure::Other(e))) => panic!("{e}"),
        Applied::NeedsFullBuild => panic!("asked for a full build"),
    }
}

/// The incremental output equals a full build of the same content.
fn assert_same_as_full_build(root: &Path) {
    let full = root.join("out-full");
    build_into(root, &full, &[]);
    let (a, b) = (snapshot(&root.join("out-inc")), snapshot(&full));
    let differ: Vec<&String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(
        differ.is_empty(),
        "incremental output differs from a full build in {} files: {:?}",
        differ.len(),
        &differ[..differ.len().min(20)]
    );
}

#[test]
fn edits_to_a_case_give_the_bytes_of_a_full_build() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let mut s = start(root);
    let inv = "content/inventories/tw-test.yaml";
    // Each edit touches another field of the second case.
    for (from, to) in [
        (
            "name: {zh-TW: 汙水管AI檢視, en: AI sewer inspection}",
            "name: {zh-TW: 汙水管線AI巡檢, en: AI sewer-pipe inspection}",
        ),
        (
            "agency: {zh-TW: 臺北市政府工務局, en: Taipei City Public Works Department}",
            "agency: {zh-TW: 臺北市政府工務局, en: Taipei Public Works}\n    description: {zh-TW: 以影像辨識檢視管線, en: Image recognition reviews pipe footage}",
        ),
        (
            "risk_flags: [data_governance, explainability, automated_decision]",
            "risk_flags: [data_governance, personal_data]",
        ),
        (
            "    use_class: regulatory_analysis\n    use_subtype: information_analysis",
            "    use_class: enforcement\n    use_subtype: intelligent_recognition",
        ),
        ("techniques: [image_recognition]\n    risk_flags: [data_governance, personal", "techniques: [machine_learning]\n    risk_flags: [data_governance, personal"),
    ] {
        edit(root, inv, from, to);
        let pages = apply(&mut s, root, &[inv]);
        // A name shows on the case's page, in the rows of the inventory's
        // and the site's case tables, and on the pages of the cases before
        // and after it in the inventory, which link to it by name and list
        // it as related (2 languages each); an agency, a technique, a flag
        // or a use class may also change other cases' related lists, and a
        // flag or a use class changes figures.
        if from.starts_with("name") {
            assert_eq!(pages, 10, "{from}");
        } else if from.starts_with("risk_flags") || from.contains("use_class") {
            assert!(pages > 10, "{pages} pages re-rendered for {from}");
        } else {
            assert!(pages >= 10, "{pages} pages re-rendered for {from}");
        }
        assert_same_as_full_build(root);
    }
}

#[test]
fn edits_across_inventories_of_the_default_site_give_the_bytes_of_a_full_build() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_dir(&repo_root(), root);
    let mut s = start(root);
    // A Taiwan case and a US case (in another jurisdiction, on another
    // page of the site-wide case table) in one burst of changes.
    let tw = "content/inventories/tw-digi-2023.yaml";
    let us = "content/inventories/us-federal-2025.yaml";
    edit(
        root,
        us,
        "name: {en: \"Smartphone Information Forensics Triage\"}",
        "name: {en: \"Smartphone Forensics Triage\", zh-TW: \"智慧型手機鑑識分流\"}",
    );
    edit(
        root,
        us,
        "use_class: \"enforcement\"\n    techniques: [\"natural_language_processing\"]",
        "use_class: \"public_services\"\n    techniques: [\"natural_language_processing\"]",
    );
    edit(
        root,
        tw,
        "en: Study of 5G smart-policing mobile services",
        "en: Study of 5G mobile services for smart policing",
    );
    edit(
        root,
        tw,
        "risk_flags: [data_governance, human_rights, ethics, explainability, personal_data]",
        "risk_flags: [data_governance, explainability]",
    );
    let pages = apply(&mut s, root, &[us, tw]);
    // Both cases' pages, their inventories' and jurisdictions' pages, two
    // case-table pages and the pages of figures over all cases, in both
    // languages; not the other 7,000.
    assert!((10..200).contains(&pages), "{pages} pages re-rendered");
    assert_same_as_full_build(root);
    // Then a flag on a case on the sixth page of the US inventory's table:
    // the inventory's figures, on its first page, change too.
    edit(
        root,
        us,
        "csv?plain=1#L1232\"",
        "csv?plain=1#L1232\"\n    risk_flags: [\"personal_data\"]\n    flag_provenance: [{flag: \"personal_data\", method: \"us25-pii\"}]",
    );
    apply(&mut s, root, &[us]);
    assert_same_as_full_build(root);
}

#[test]
fn a_bad_edit_is_reported_and_leaves_the_site_then_the_fix_applies() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let mut s = start(root);
    let before = snapshot(&root.join("out-inc"));
    let inv = "content/inventories/tw-test.yaml";
    edit(
        root,
        inv,
        "techniques: [machine_learning]",
        "techniques: [machine_learnin]",
    );
    match s.apply(&root.join("out-inc"), &[inv.to_string()]) {
        Applied::Done(Err(Failure::Content(diags, sources))) => {
            let d = diags.sorted(&sources);
            assert_eq!(d.len(), 1, "{d:?}");
            assert_eq!(sources.path(d[0].file.unwrap()), inv);
            assert_eq!(d[0].line, 33);
            assert!(d[0].message.contains("machine_learnin"), "{}", d[0].message);
            assert!(d[0]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("machine_learning"));
        }
        _ => panic!("the bad edit was not reported"),
    }
    assert!(before == snapshot(&root.join("out-inc")), "output changed");
    // A syntax error in a case is reported at its line in the file.
    edit(
        root,
        inv,
        "techniques: [machine_learnin]",
        "techniques: [machine_learning",
    );
    match s.apply(&root.join("out-inc"), &[inv.to_string()]) {
        Applied::Done(Err(Failure::Content(diags, sources))) => {
            let d = diags.sorted(&sources);
            assert!(d[0].line >= 33, "{d:?}");
        }
        _ => panic!("the syntax error was not reported"),
    }
    edit(
        root,
        inv,
        "techniques: [machine_learning",
        "techniques: [machine_learning, image_recognition]",
    );
    apply(&mut s, root, &[inv]);
    assert_same_as_full_build(root);
}

#[test]
fn other_changes_ask_for_a_full_build_and_stray_files_are_ignored() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let inv = "content/inventories/tw-test.yaml";
    let mut s = start(root);
    // An editor's swap file under content/ changes nothing.
    std::fs::write(root.join("content/inventories/.tw-test.yaml.swp"), "x").unwrap();
    assert_eq!(
        apply(&mut s, root, &["content/inventories/.tw-test.yaml.swp"]),
        0
    );
    for (file, from, to) in [
        (inv, "title: {zh-TW: 測試清冊, en: Test inventory}", "title: {zh-TW: 測試清冊, en: Test list}"),
        (inv, "  - id: tw-test-03", "  - id: tw-test-04\n    name: {en: N}\n    agency: {en: A}\n    use_class: enforcement\n  - id: tw-test-03"),
        (inv, "  - id: tw-test-03", "  - id: tw-test-3"),
    ] {
        let dir = copy_fixture("basic");
        let root = dir.path();
        let mut s = start(root);
        edit(root, file, from, to);
        assert!(matches!(
            s.apply(&root.join("out-inc"), &[file.to_string()]),
            Applied::NeedsFullBuild
        ));
    }
    let framework = std::fs::read_dir(root.join("content/frameworks"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let rel = framework
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(matches!(
        s.apply(&root.join("out-inc"), &[rel]),
        Applied::NeedsFullBuild
    ));
    assert!(matches!(
        s.apply(&root.join("out-inc"), &["templates/case.html".to_string()]),
        Applied::NeedsFullBuild
    ));
}

#[test]
fn files_replaced_or_deleted_under_serve_are_written_whole() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let mut s = start(root);
    let inv = "content/inventories/tw-test.yaml";
    let out = root.join("out-inc");
    edit(
        root,
        inv,
        "name: {zh-TW: 護理資訊系統, en: Nursing information system}",
        "name: {zh-TW: 護理資訊系統, en: Nursing records system}",
    );
    apply(&mut s, root, &[inv]);
    // Someone deletes a data file, and a `govatlas build` of other content
    // exchanges the whole folder: the next edit must not patch files that
    // are no longer the ones serve wrote.
    std::fs::remove_file(out.join("data/cases.csv")).unwrap();
    let other = copy_fixture("basic");
    edit(
        other.path(),
        inv,
        "en: Test inventory",
        "en: Another inventory",
    );
    build_into(other.path(), &out, &[]);
    edit(
        root,
        inv,
        "en: Nursing records system",
        "en: Nursing record system",
    );
    apply(&mut s, root, &[inv]);
    // Pages the edit does not touch keep the other build's bytes; every
    // file the edit writes must be whole and right.
    let full = root.join("out-full");
    build_into(root, &full, &[]);
    for file in [
        "data/cases.csv",
        "data/cases.json",
        "search/en.js",
        "search/zh-TW.js",
        "data/case-rows.en.js",
        "en/cases/tw-test-03.html",
    ] {
        assert!(
            std::fs::read(out.join(file)).unwrap() == std::fs::read(full.join(file)).unwrap(),
            "{file} differs from a full build"
        );
    }
}

/// Case pages list related cases (same agency; same use class, most flags
/// in common) and their neighbours: an edit that moves a case into or out
/// of other cases' lists re-renders those pages, and no others need it.
#[test]
fn edits_that_change_related_cases_give_the_bytes_of_a_full_build() {
    let dir = copy_fixture("explorer");
    let root = dir.path();
    let mut s = start(root);
    let inv = "content/inventories/us-sample.yaml";
    for (from, to) in [
        // A flag more: us-doj-02 now shares two flags with us-doj-01.
        (
            "    risk_flags: [automated_decision]\n    flag_provenance: [{flag: automated_decision, method: high-impact}]\n    stage: {zh-TW: 已部署, en: Deployed}\n  - id: us-doj-03",
            "    risk_flags: [personal_data, automated_decision]\n    flag_provenance: [{flag: automated_decision, method: high-impact}]\n    stage: {zh-TW: 已部署, en: Deployed}\n  - id: us-doj-03",
        ),
        // Another agency: us-dhs-04 leaves the DHS group for DOJ's.
        (
            "    name: {en: Translation for Field Interviews}\n    agency: {zh-TW: 美國國土安全部, en: Department of Homeland Security}",
            "    name: {en: Translation for Field Interviews}\n    agency: {zh-TW: 美國司法部, en: Department of Justice}",
        ),
        // Another use class: us-dhs-03 leaves enforcement.
        (
            "    name: {en: Cargo Image Anomaly Detection}\n    agency: {zh-TW: 美國國土安全部, en: Department of Homeland Security}\n    use_class: enforcement",
            "    name: {en: Cargo Image Anomaly Detection}\n    agency: {zh-TW: 美國國土安全部, en: Department of Homeland Security}\n    use_class: internal_management",
        ),
        // A name only: its neighbours and those listing it show the new name.
        ("name: {en: Face Capture at Ports of Entry}", "name: {en: Face Capture at Land Ports}"),
    ] {
        edit(root, inv, from, to);
        apply(&mut s, root, &[inv]);
        assert_same_as_full_build(root);
    }
}
