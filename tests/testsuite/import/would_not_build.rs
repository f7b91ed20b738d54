//! Never a file that does not build: what an import would write is checked
//! with the site's own loader and validator, and when it would not build
//! nothing is written and each problem names its row, column and value.

use super::csv_mess::out_path;
use super::{files, fx, import_file, import_fx, ok, refused, root, stderr, stdout, written};
use crate::common::BuiltSite;

#[test]
fn ids_over_120_characters_write_nothing_and_name_the_rows() {
    let r = root();
    let before = files(r.path());
    let o = import_fx(r.path(), "noid.csv", "mapping_long_ids.yaml", &[]);
    refused(&o, 1, r.path(), &before);
    let err = stderr(&o);
    assert!(err.contains("error[invalid-id]: invalid id `nid-a-system-whose-published-name-is-a-whole-sentence-describing-what-it-does-who-runs-it-and-for-whom-as-some-registers-do`: it is longer than 120 characters\n  row 4 (line 4), column \"name\", value \"A system whose published name is a whole sentence describing what it does, who runs it, and for whom, as some registers do\"\n"), "{err}");
    assert!(
        err.contains("it is longer than 120 characters\n  row 5 (line 5), column \"name\""),
        "{err}"
    );
    assert!(
        err.contains("error: the import would not build: 2 problems in what it would write"),
        "{err}"
    );
}

#[test]
fn a_url_template_that_makes_no_url_writes_nothing() {
    let r = root();
    let before = files(r.path());
    let m = r.path().join("m.yaml");
    let text = std::fs::read_to_string(fx("mapping.yaml")).unwrap();
    std::fs::write(
        &m,
        text.replace(
            "https://example.org/inventory.csv#L{line}",
            "htp://example.org/inventory.csv#L{line}",
        ),
    )
    .unwrap();
    let o = import_file(r.path(), &fx("plain.csv"), &m, &[]);
    refused(&o, 1, r.path(), &before);
    let err = stderr(&o);
    assert!(
        err.contains("error[invalid-url]: invalid URL \"htp://example.org/inventory.csv#L2\""),
        "{err}"
    );
    assert!(err.contains("  row 2 (line 2), column \"(source.case_url htp://example.org/inventory.csv#L{line})\""), "{err}");
    // A placeholder that names nothing is a mistake in the mapping, not text for every URL.
    std::fs::write(&m, text.replace("#L{line}", "#L{lin}")).unwrap();
    let o = import_file(r.path(), &fx("plain.csv"), &m, &[]);
    refused(&o, 1, r.path(), &before);
    assert!(stderr(&o).contains("source.case_url: placeholder {lin} is no column of the file nor one of {line}, {row}, {id} (did you mean {line}?)"), "{}", stderr(&o));
}

#[test]
fn an_id_another_inventory_uses_writes_nothing() {
    let r = root();
    std::fs::create_dir_all(r.path().join("content/inventories")).unwrap();
    std::fs::write(
        r.path().join("content/inventories/other.yaml"),
        "id: other\njurisdiction: us\ntitle: {en: Other}\npublisher: {en: P}\ncases:\n  - id: fx-aaa-2\n    name: {en: Taken}\n    agency: {en: A}\n    use_class: enforcement\n",
    )
    .unwrap();
    let before = files(r.path());
    let o = import_fx(r.path(), "plain.csv", "mapping.yaml", &[]);
    refused(&o, 1, r.path(), &before);
    let err = stderr(&o);
    assert!(err.contains("case id `fx-aaa-2` is already used"), "{err}");
    assert!(
        err.contains("row 3 (line 3), column \"id\", value \"AAA-2\""),
        "{err}"
    );
    assert!(!out_path(r.path()).exists());
}

#[test]
fn problems_the_site_already_had_do_not_block_an_import() {
    let r = root();
    std::fs::create_dir_all(r.path().join("content/inventories")).unwrap();
    std::fs::write(
        r.path().join("content/inventories/other.yaml"),
        "id: other\njurisdiction: us\ntitle: {en: Other}\npublisher: {en: P}\ncases:\n  - id: o-1\n    name: {en: Broken}\n    agency: {en: A}\n    use_class: astrology\n",
    )
    .unwrap();
    let o = import_fx(r.path(), "plain.csv", "mapping.yaml", &[]);
    ok(&o);
    assert!(stdout(&o).contains("note: the site already had 1 problem in files this import does not write; `govatlas check` lists them"), "{}", stdout(&o));
    assert!(written(r.path(), "fixture-inv").contains("fx-aaa-1"));
}

#[test]
fn a_dry_run_checks_everything_and_writes_nothing() {
    let r = root();
    let before = files(r.path());
    let o = import_fx(r.path(), "plain.csv", "mapping.yaml", &["--dry-run"]);
    ok(&o);
    assert!(
        stdout(&o).contains("import: would write content/inventories/fixture-inv.yaml: 4 cases"),
        "{}",
        stdout(&o)
    );
    assert_eq!(files(r.path()), before);
}

/// One inventory of 9,500 cases: imported, then built. The loader's
/// limits grow with the file (`src/load/yaml.rs`, docs/reliability.md):
/// a fixed budget of 250,000 YAML nodes once refused this file, which the
/// importer, checking with that loader, then would not write.
#[test]
fn an_inventory_of_9500_cases_is_imported_and_builds() {
    let r = root();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("big.csv");
    let mut text =
        String::from("id,agency,agency_name,name,bureau,topic,tech,pii,impact,demo,stage\n");
    for i in 0..9500 {
        let pii = if i % 3 == 0 { "Yes" } else { "No" };
        text.push_str(&format!("A-{i},AAA,Agency A,Case number {i},Bureau {},Science,NLP,{pii},Not High-impact,[],Deployed\n", i % 7));
    }
    std::fs::write(&csv, text).unwrap();
    let m = dir.path().join("mapping.yaml");
    std::fs::write(
        &m,
        std::fs::read_to_string(fx("mapping.yaml"))
            .unwrap()
            .replace("declared_total: 4", "declared_total: 9500"),
    )
    .unwrap();
    let o = import_file(r.path(), &csv, &m, &[]);
    ok(&o);
    assert!(
        stdout(&o).contains("9500 cases (9500 new"),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("import: risk flags set: personal_data 3167"),
        "{}",
        stdout(&o)
    );
    let site = BuiltSite::build(r.path());
    let (_, total) = crate::common::flag_table(&site.html("en/inventories/fixture-inv.html"));
    assert_eq!(total, 9500);
}
