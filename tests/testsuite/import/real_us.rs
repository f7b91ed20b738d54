//! The real 2025 US federal inventory (`../shared/data/`): every row placed
//! or reported, risk-flag counts and the agencies' own texts equal to counts
//! taken straight from the CSV, the committed inventory equal to a fresh
//! import, and the site's one technique vocabulary. The CSV is read from
//! `GOVATLAS_US_FEDERAL_CSV`, or by default `../shared/data/` beside the
//! repository, where CI keeps it; the tests that need it print
//! `skipped: ...` and pass when it is absent.

use super::refs;
use crate::common::repo_root;
use govatlas::schema::Inventory;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const REAL_2025: &str = "../shared/data/us-federal-ai-use-cases-2025.csv";

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

/// Imports the real file into a copy of the repository's content without
/// the committed inventory, with the shipped mapping (so the header names it
/// as in the repository).
fn import_real(csv: &Path) -> (tempfile::TempDir, govatlas::import::ImportReport) {
    let r = tempfile::tempdir().unwrap();
    crate::common::copy_dir(&repo_root().join("content"), &r.path().join("content"));
    std::fs::remove_file(r.path().join("content/inventories/us-federal-2025.yaml")).unwrap();
    let report = govatlas::import::run(&govatlas::import::ImportOptions {
        file: csv.to_path_buf(),
        mapping: r.path().join("content/imports/us-federal-2025.yaml"),
        root: r.path().to_path_buf(),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("real import: {e}"));
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
        assert!(cov[0].contains("3,611"), "{lang}: {cov:?}");
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
        assert!(c
            .source_url
            .as_ref()
            .unwrap()
            .value
            .starts_with("https://github.com/ombegov/"));
    }
    assert_eq!(got, expected);

    // The agencies' own texts: as many cases say what problem they solve,
    // what benefits they expect and what they put out as the CSV has
    // answers (blank, N/A and the like are no answer).
    let (purpose, benefits, outputs) = independent_text_counts(&csv);
    let count = |f: fn(&govatlas::schema::Case) -> bool| inv.cases.iter().filter(|c| f(c)).count();
    assert_eq!(count(|c| c.purpose.is_some()), purpose);
    assert_eq!(count(|c| c.benefits.is_some()), benefits);
    assert_eq!(count(|c| c.outputs.is_some()), outputs);
    assert!(inv.cases.iter().all(|c| c.description.is_none()));
    let armor = inv
        .cases
        .iter()
        .find(|c| c.purpose.as_ref().and_then(|p| p.get("en")).is_some_and(|p| p.starts_with("Advance Radiation Portal Monitor (RPM) Maintenance Operating Reporter (ARMOR)")))
        .expect("the ARMOR case");
    assert!(armor
        .benefits
        .as_ref()
        .unwrap()
        .get("en")
        .unwrap()
        .starts_with("ARMOR will shorten time to service"));
    assert!(armor
        .outputs
        .as_ref()
        .unwrap()
        .get("en")
        .unwrap()
        .starts_with("The system will provide a listing of malfunctioning RPMs"));
}

/// Rows with an answer in problem_solved, benefits and system_outputs,
/// counted with the csv crate.
fn independent_text_counts(csv: &Path) -> (usize, usize, usize) {
    let mut rdr = csv::Reader::from_path(csv).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (p, b, o) = (
        col("problem_solved"),
        col("benefits"),
        col("system_outputs"),
    );
    let answered = |v: &str| {
        let v = v.trim().to_lowercase();
        !v.is_empty() && !["n/a", "na", "n.a.", "null", "-", "#n/a"].contains(&v.as_str())
    };
    let mut n = (0, 0, 0);
    for rec in rdr.records() {
        let rec = rec.unwrap();
        n.0 += answered(&rec[p]) as usize;
        n.1 += answered(&rec[b]) as usize;
        n.2 += answered(&rec[o]) as usize;
    }
    n
}

#[test]
fn committed_2025_inventory_is_a_fresh_import_but_for_its_hand_overrides() {
    let Some(csv) = real_csv() else { return };
    let committed_path = repo_root().join("content/inventories/us-federal-2025.yaml");
    let committed = std::fs::read_to_string(&committed_path).unwrap();
    // Re-importing over the committed file changes nothing: the fields a
    // researcher overrode are kept, and the rest is what the CSV gives.
    let over = tempfile::tempdir().unwrap();
    crate::common::copy_dir(&repo_root().join("content"), &over.path().join("content"));
    govatlas::import::run(&govatlas::import::ImportOptions {
        file: csv.to_path_buf(),
        mapping: over.path().join("content/imports/us-federal-2025.yaml"),
        root: over.path().to_path_buf(),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("re-import: {e}"));
    let again =
        std::fs::read_to_string(over.path().join("content/inventories/us-federal-2025.yaml"))
            .unwrap();
    assert!(
        again == committed,
        "content/inventories/us-federal-2025.yaml differs from a re-import; re-run the import"
    );
    // From nothing, an import gives the same records except those a
    // researcher changed by hand (they list `overrides`).
    let (r, report) = import_real(&csv);
    assert!(report.changed, "fresh root: file written");
    let fresh =
        std::fs::read_to_string(r.path().join("content/inventories/us-federal-2025.yaml")).unwrap();
    let records =
        |text: &str| -> Vec<String> { text.split("\n  - id: ").map(str::to_string).collect() };
    let (fresh, committed) = (records(&fresh), records(&committed));
    assert_eq!(fresh.len(), committed.len());
    let mut overridden = 0;
    for (f, c) in fresh.iter().zip(&committed) {
        if c.contains("\n    overrides: ") {
            overridden += 1;
        } else {
            assert_eq!(
                f, c,
                "a record without overrides differs from a fresh import"
            );
        }
    }
    assert!(
        overridden >= 1,
        "the committed inventory holds a hand correction"
    );
}

/// The default site has one technique vocabulary: every inventory maps
/// onto the same terms, and no label is given twice.
#[test]
fn the_default_site_has_one_technique_vocabulary() {
    let (site, _) =
        govatlas::pipeline::check(&repo_root()).unwrap_or_else(|_| panic!("default site invalid"));
    let terms = &site
        .vocabulary(govatlas::schema::VocabularyKind::Techniques)
        .terms;
    for lang in ["en", "zh-TW"] {
        let mut seen = std::collections::HashSet::new();
        for t in terms {
            let label = t.label.get(lang).unwrap().to_lowercase();
            assert!(
                seen.insert(label.clone()),
                "technique label {label:?} given twice"
            );
        }
    }
    assert!(terms.iter().all(|t| !t.id.value.starts_with("us_")));
    // Both the US and the Taiwan inventories use the shared terms.
    let used = |inv: &str, term: &str| {
        let i = site.inventory(inv).unwrap();
        site.inventories[i]
            .cases
            .iter()
            .any(|c| refs(&c.techniques).contains(&term))
    };
    assert!(used("us-federal-2025", "natural_language_processing"));
    assert!(used("us-federal-2025", "machine_learning"));
    assert!(site
        .inventories
        .iter()
        .filter(|i| i.id.value.starts_with("tw-"))
        .any(|i| i
            .cases
            .iter()
            .any(|c| refs(&c.techniques).contains(&"machine_learning"))));
}

/// Rows whose name, problem or outputs name facial recognition as whole
/// words, found by splitting the text into words (not through the importer).
fn independent_facial_recognition_rows(csv: &Path) -> usize {
    let mut rdr = csv::Reader::from_path(csv).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let cols: Vec<usize> = ["use_case_name", "problem_solved", "system_outputs"]
        .iter()
        .map(|c| headers.iter().position(|h| h == *c).unwrap())
        .collect();
    let phrases: [&[&str]; 7] = [
        &["facial", "recognition"],
        &["face", "recognition"],
        &["facial", "matching"],
        &["face", "matching"],
        &["facial", "comparison"],
        &["facial", "biometric"],
        &["facial", "biometrics"],
    ];
    rdr.records()
        .filter(|rec| {
            let rec = rec.as_ref().unwrap();
            cols.iter().any(|&c| {
                let words: Vec<String> = rec[c]
                    .split(|ch: char| !ch.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                words
                    .windows(2)
                    .any(|w| phrases.iter().any(|p| w[0] == p[0] && w[1] == p[1]))
            })
        })
        .count()
}

#[test]
fn facial_recognition_is_set_on_every_case_whose_text_names_it() {
    let Some(csv) = real_csv() else { return };
    let expected = independent_facial_recognition_rows(&csv);
    let tagged = |inv: &Inventory| -> Vec<String> {
        inv.cases
            .iter()
            .filter(|c| c.techniques.iter().any(|t| t.value == "facial_recognition"))
            .map(|c| c.id.value.clone())
            .collect()
    };
    let (r, _) = import_real(&csv);
    let fresh = read_big(&r.path().join("content/inventories/us-federal-2025.yaml"));
    assert_eq!(tagged(&fresh).len(), expected);
    // The committed inventory: the one case whose outputs deny the use was
    // corrected by hand.
    let committed = read_big(&repo_root().join("content/inventories/us-federal-2025.yaml"));
    let kept = tagged(&committed);
    assert_eq!(kept.len(), expected - 1);
    assert!(!kept.iter().any(|id| id == "us25-dhs-2759"));
}
