//! The figures of the `figures` fixture against counts made by hand
//! (tests/fixtures/figures/README.md): shares per inventory of the cases
//! assessed, "not assessed" where a method cannot assess a flag or the
//! source gave no answer, "<1 %" for a share under one percent, no figure
//! adding the inventories together, instruments counted by their status
//! on the data date, the crosswalk and its principle pages, and the
//! downloads the charts are computed from.

use crate::common::*;
use scraper::{ElementRef, Html, Selector};

fn site() -> &'static BuiltSite {
    static SITE: std::sync::OnceLock<BuiltSite> = std::sync::OnceLock::new();
    SITE.get_or_init(|| BuiltSite::build(&fixture("figures")))
}

// (`texts` splits on every kind of white space, the no-break space of
// "24 %" included: what it reads has plain spaces.)
fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// `(assessed, flagged, what the cells show)` of flag `flag` of inventory
/// `inv`, from the first figure of `doc` with a row for the inventory: a
/// row per flag (one inventory's table), or a row per inventory with a cell
/// per flag (the overview).
fn cell(doc: &Html, inv: &str, flag: &str) -> (u64, Option<u64>, String) {
    let num = |e: &ElementRef, a: &str| {
        e.value()
            .attr(&format!("data-{a}"))
            .and_then(|v| v.parse().ok())
    };
    let rows = sel(&format!("figure.fig tr[data-inventory=\"{inv}\"]"));
    for row in doc.select(&rows) {
        if row.value().attr("data-flag") == Some(flag) {
            let cells: Vec<ElementRef> = row.select(&sel("td")).collect();
            let assessed = cells.iter().find_map(|c| num(c, "assessed"));
            let flagged = cells.iter().find_map(|c| num(c, "flagged"));
            let text: Vec<String> = cells.iter().map(|c| c.text().collect::<String>()).collect();
            return (assessed.expect("data-assessed"), flagged, text.join(" | "));
        }
        if row.value().attr("data-flag").is_none() {
            let td = sel(&format!("td[data-flag=\"{flag}\"]"));
            if let Some(c) = row.select(&td).next() {
                return (
                    num(&c, "assessed").expect("data-assessed"),
                    num(&c, "flagged"),
                    c.text().collect::<String>(),
                );
            }
        }
    }
    panic!("no cell for {inv} {flag}")
}

#[test]
fn an_inventory_page_gives_shares_of_the_cases_assessed_and_says_what_was_not() {
    let s = site();
    let doc = s.html("en/inventories/us-rules.html");
    // Personal data: 1 of the 110 cases assessed, 0.9 %: "<1 %", not "0 %".
    let (assessed, flagged, text) = cell(&doc, "us-rules", "personal_data");
    assert_eq!((assessed, flagged), (110, Some(1)));
    assert!(text.contains("<1\u{a0}%"), "{text}");
    let (assessed, flagged, text) = cell(&doc, "us-rules", "automated_decision");
    assert_eq!((assessed, flagged), (120, Some(30)));
    assert!(text.contains("25\u{a0}%"), "{text}");
    // No method assesses the other four: "not assessed", never 0.
    for flag in [
        "data_governance",
        "human_rights",
        "ethics",
        "explainability",
    ] {
        let (assessed, flagged, text) = cell(&doc, "us-rules", flag);
        assert_eq!((assessed, flagged), (0, None), "{flag}");
        assert!(text.contains("not assessed"), "{flag}: {text}");
        assert!(!text.contains("0\u{a0}%"), "{flag}: {text}");
    }
    // The chart says the same: its bars' values, and no bar for the four.
    let svg = texts(&doc, "figure.fig .layout[data-min=\"1000\"] svg text").join(" | ");
    assert!(svg.contains("<1 % | 1 of 110"), "{svg}");
    assert!(svg.contains("25 % | 30 of 120"), "{svg}");
    assert_eq!(svg.matches("not assessed").count(), 4, "{svg}");
    // The caption: population, method, what was not assessed and why.
    let notes = texts(&doc, "figure.fig .fig-notes dd").join(" || ");
    assert!(notes.contains("120 of 120 cases held"), "{notes}");
    assert!(
        notes.contains("Import rules; Rule: PII; Rule: high impact"),
        "{notes}"
    );
    assert!(
        notes.contains("Data governance, Human-rights protection, Ethics and Model explainability: not assessed — Import rules cannot set these flags"),
        "{notes}"
    );
    assert!(
        notes.contains("Of the 120 cases, the source gave no answer to the question a flag is read from on 10 for personal data;"),
        "{notes}"
    );
    // Chinese: the same counts, written the Chinese way.
    let zh = s.html("zh-TW/inventories/us-rules.html");
    assert!(cell(&zh, "us-rules", "personal_data").2.contains("<1%"));
    assert!(cell(&zh, "us-rules", "human_rights").2.contains("未評估"));
}

#[test]
fn no_figure_adds_the_inventories_together() {
    let s = site();
    for page in [
        "en/index.html",
        "en/risks.html",
        "zh-TW/risks.html",
        "en/compare/use-classes.html",
        "en/jurisdictions/us.html",
    ] {
        let doc = s.html(page);
        // Every count of cases in a figure is one inventory's (3 or 120) or
        // one of its use classes' (20, 100, and tw-test's 1s): never 123.
        for t in texts(&doc, "figure.fig td[data-total]") {
            let n: u64 = t.replace(',', "").parse().unwrap();
            assert!([1, 3, 20, 100, 120].contains(&n), "{page}: a total of {n}");
        }
        let svg = texts(&doc, "figure.fig svg text").join(" ");
        assert!(!svg.contains("123"), "{page}: {svg}");
    }
    // The overview: one row per inventory, its own shares.
    let doc = s.html("en/risks.html");
    assert_eq!(cell(&doc, "tw-test", "data_governance").0, 3);
    assert!(cell(&doc, "tw-test", "data_governance")
        .2
        .contains("67\u{a0}%"));
    assert!(cell(&doc, "us-rules", "personal_data")
        .2
        .contains("<1\u{a0}%"));
    assert_eq!(cell(&doc, "us-rules", "ethics").0, 0);
}

#[test]
fn use_classes_and_pairs_are_counted_within_each_inventory() {
    let s = site();
    let doc = s.html("en/compare/use-classes.html");
    let rows = texts(
        &doc,
        "#fig-risk-flags-by-use-class tr[data-inventory=\"us-rules\"]",
    );
    // Enforcement: personal data 1 of 20 (5 %), automated decisions 20 of 20.
    assert!(
        rows[0].starts_with("Rules inventory Enforcement 20"),
        "{rows:?}"
    );
    assert!(rows[0].contains("5 % 1 of 20"), "{rows:?}");
    assert!(rows[0].contains("100 % 20 of 20"), "{rows:?}");
    // Internal management: 0 of 90, 10 of 100.
    assert!(rows[1].contains("0 % 0 of 90"), "{rows:?}");
    assert!(rows[1].contains("10 % 10 of 100"), "{rows:?}");
    let doc = s.html("en/risks.html");
    let pair = texts(
        &doc,
        "#fig-risk-flag-pairs tr[data-inventory=\"us-rules\"][data-flag=\"personal_data\"][data-with=\"automated_decision\"]",
    );
    assert_eq!(
        pair,
        ["Rules inventory Personal data Automated-decision risk 110 1 <1 %"]
    );
}

#[test]
fn the_figures_downloads_hold_the_numbers_per_inventory() {
    let s = site();
    let csv = s.read("data/figures/risk-flags.csv");
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let head = rdr.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let row = |inv: &str, flag: &str| {
        rows.iter()
            .find(|r| &r[col("inventory")] == inv && &r[col("flag")] == flag)
            .unwrap()
            .clone()
    };
    let pd = row("us-rules", "personal_data");
    assert_eq!(
        (
            &pd[col("cases_held")],
            &pd[col("cases_assessed")],
            &pd[col("cases_flagged")],
            &pd[col("share")],
            &pd[col("not_assessed_no_answer")]
        ),
        ("120", "110", "1", "0.0091", "10")
    );
    assert_eq!(&pd[col("assessed_by")], "rules rule-pd");
    // Not assessed: no share at all, not 0.
    assert_eq!(&row("us-rules", "ethics")[col("share")], "");
    assert_eq!(&row("tw-test", "ethics")[col("share")], "0.3333");
    let json = s.json("data/figures/risk-flags-by-use-class.json");
    let enforcement = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["inventory"] == "us-rules"
                && r["use_class"] == "enforcement"
                && r["flag"] == "automated_decision"
        })
        .unwrap();
    assert_eq!(
        (&enforcement["cases"], &enforcement["cases_flagged"]),
        (&serde_json::json!(20), &serde_json::json!(20))
    );
    // Every figure links to its download, and the SVG download is there
    // with the chart's title and caption.
    let doc = s.html("en/inventories/us-rules.html");
    let links = texts(&doc, "figure.fig .fig-downloads a");
    assert_eq!(links, ["CSV", "JSON", "SVG"]);
    let svg = s.read("data/figures/en/flags-us-rules.svg");
    assert!(
        svg.contains(">Risk flags in Rules inventory</text>"),
        "{svg}"
    );
    assert!(svg.contains("Population: 120 of 120 cases held"), "{svg}");
}

#[test]
fn jurisdictions_count_their_instruments_by_status_on_the_data_date() {
    let s = site();
    let doc = s.html("en/compare/jurisdictions.html");
    let count = |j: &str, phase: &str| -> String {
        texts(
            &doc,
            &format!("tr[data-jurisdiction=\"{j}\"] td[data-phase=\"{phase}\"] strong"),
        )
        .concat()
    };
    // Taiwan: the act is a draft. US: the 2024 memo was superseded, the
    // 2025 memo is in force.
    assert_eq!(
        [
            count("tw", "current"),
            count("tw", "pending"),
            count("us", "current"),
            count("us", "ended"),
            count("us", "not_stated")
        ],
        ["0", "1", "1", "1", "0"]
    );
    // Binding counts current instruments only: not the superseded memo.
    let binding = texts(&doc, "tr[data-jurisdiction=\"us\"] td");
    assert!(
        binding.iter().any(|t| t == "Memorandum M-25-21"),
        "{binding:?}"
    );
    assert!(
        !binding.iter().any(|t| t == "Memorandum M-24-10"),
        "{binding:?}"
    );
}

#[test]
fn the_crosswalk_marks_counts_and_links_each_instruments_wording() {
    let s = site();
    let doc = s.html("en/compare/principles.html");
    // Accountability: the 2024 memo maps one principle there, the act one.
    let marks = |p: &str| -> Vec<String> {
        doc.select(&sel(&format!(
            "#by-instrument-table tr[data-principle=\"{p}\"] td"
        )))
        .map(|td| td.value().attr("data-n").unwrap().to_string())
        .collect()
    };
    let instruments: Vec<String> = doc
        .select(&sel("#by-instrument-table th[data-framework]"))
        .map(|th| th.value().attr("data-framework").unwrap().to_string())
        .collect();
    // (The 2025 memo names no principle: it has no column.)
    assert_eq!(instruments, ["tw-act", "us-memo-2024"]);
    assert_eq!(marks("accountability"), ["1", "1"]);
    // An empty cell carries no mark, and the legend says what it means.
    assert!(texts(&doc, ".crosswalk-legend")
        .concat()
        .contains("this site maps none of the instrument's principles there"));
    // The mark links to the principle's page, where the wording is.
    let href = doc
        .select(&sel(
            "#by-instrument-table tr[data-principle=\"accountability\"] td a",
        ))
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert!(
        href.ends_with("compare/principles/accountability.html#fw-tw-act"),
        "{href}"
    );
    let page = s.html("en/compare/principles/accountability.html");
    assert_eq!(
        texts(&page, "article.wordings q"),
        ["Accountability", "Transparency and accountability"]
    );
    // The sitemap of a site with a public address lists the principle
    // pages, in both languages.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = govatlas(&[
        "build",
        "--root",
        fixture("figures").to_str().unwrap(),
        "--output-dir",
        out.to_str().unwrap(),
        "--base-url",
        "https://atlas.my-university.edu/gov/",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let map = std::fs::read_to_string(out.join("sitemap-1.xml")).unwrap();
    for lang in ["en", "zh-TW"] {
        assert!(
            map.contains(&format!(
                "https://atlas.my-university.edu/gov/{lang}/compare/principles/accountability.html"
            )),
            "{lang}"
        );
    }
}
