//! The case explorer's data, the case pages, search through labels and the
//! spreadsheet download, on the `explorer` fixture (the `reader` site plus a
//! US-style inventory: English names, rules that assess only some flags,
//! two names that are spreadsheet formulas). Every expected value is read
//! off the fixture's YAML by hand or computed from `data/cases.json`, never
//! from the file under test.

use crate::common::{fixture, texts, BuiltSite};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

fn site() -> &'static BuiltSite {
    static SITE: OnceLock<BuiltSite> = OnceLock::new();
    SITE.get_or_init(|| BuiltSite::build(&fixture("explorer")))
}

/// The JSON inside a `(window.x=window.x||{})["lang"]={...};` script.
fn script_json(js: &str) -> Value {
    let start = js.find("]=").expect("assignment") + 2;
    serde_json::from_str(js[start..].trim_end().trim_end_matches(';')).expect("json in script")
}

fn cases_json() -> Vec<Value> {
    site().json("data/cases.json").as_array().unwrap().clone()
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_row_decodes_to_the_case_it_stands_for() {
    let cases = cases_json();
    for lang in ["en", "zh-TW"] {
        let d = script_json(&site().read(&format!("data/case-rows.{lang}.js")));
        let rows = d["rows"].as_array().unwrap();
        assert_eq!(rows.len(), cases.len(), "{lang}: one row per case");
        let id = |list: &str, n: &Value| -> Option<String> {
            let n = n.as_i64().unwrap();
            (n >= 0).then(|| d[list][n as usize][0].as_str().unwrap().to_string())
        };
        for (r, c) in rows.iter().zip(&cases) {
            let what = c["id"].as_str().unwrap();
            assert_eq!(r[0], c["id"], "{lang} {what}: id");
            assert_eq!(
                id("jurisdictions", &r[3]).as_deref(),
                c["jurisdiction"].as_str(),
                "{what}"
            );
            assert_eq!(
                id("inventories", &r[4]).as_deref(),
                c["inventory"].as_str(),
                "{what}"
            );
            assert_eq!(
                id("uses", &r[5]).as_deref(),
                c["use_class"].as_str(),
                "{what}"
            );
            let sub = c["use_subtype"]
                .as_str()
                .map(|s| format!("{}/{s}", c["use_class"].as_str().unwrap()));
            assert_eq!(id("uses", &r[6]), sub, "{what}: sub-type");
            let codes = |list: &str, v: &Value| -> Vec<String> {
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|n| id(list, n).unwrap())
                    .collect()
            };
            assert_eq!(codes("techniques", &r[7]), strs(&c["techniques"]), "{what}");
            let ticked: BTreeSet<String> = codes("flags", &r[8]).into_iter().collect();
            assert_eq!(
                ticked,
                strs(&c["risk_flags"]).into_iter().collect(),
                "{what}"
            );
            assert_eq!(
                codes("flags", &r[9]),
                strs(&c["not_assessed"]),
                "{what}: not assessed"
            );
            // Agencies and stages are keyed by their English text.
            let agency = r[10].as_i64().unwrap();
            let keys = strs(&d["agencies"][agency as usize][0]);
            assert!(
                keys.contains(&c["agency"]["en"].as_str().unwrap().to_string()),
                "{what}: agency"
            );
            match c["stage"]["en"].as_str() {
                Some(s) => assert!(strs(&d["stages"][r[11].as_u64().unwrap() as usize][0])
                    .contains(&s.to_string())),
                None => assert_eq!(r[11], -1, "{what}: no stage"),
            }
        }
    }
    // The US rules assess personal data and automated decisions only.
    let dhs2 = cases.iter().find(|c| c["id"] == "us-dhs-02").unwrap();
    assert_eq!(
        strs(&dhs2["not_assessed"]),
        ["data_governance", "human_rights"]
    );
}

#[test]
fn no_label_appears_twice_in_a_filter() {
    for lang in ["en", "zh-TW"] {
        let d = script_json(&site().read(&format!("data/case-rows.{lang}.js")));
        for list in [
            "jurisdictions",
            "inventories",
            "techniques",
            "flags",
            "agencies",
            "stages",
        ] {
            let labels: Vec<&str> = d[list]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o[1].as_str().unwrap())
                .collect();
            let distinct: BTreeSet<&&str> = labels.iter().collect();
            assert_eq!(distinct.len(), labels.len(), "{lang} {list}: {labels:?}");
        }
    }
    let zh = script_json(&site().read("data/case-rows.zh-TW.js"));
    let agencies: Vec<&str> = zh["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o[1].as_str().unwrap())
        .collect();
    assert!(agencies.contains(&"美國國土安全部"), "{agencies:?}");
}

fn csv_rows() -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let bytes = std::fs::read(site().out.join("data/cases.csv")).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "no byte-order mark"
    );
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "lines end in CRLF");
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn cases_csv_opens_safely_in_a_spreadsheet() {
    let (header, rows) = csv_rows();
    // Nothing a spreadsheet would run.
    for row in &rows {
        for (col, cell) in row {
            let first = cell.trim_start_matches(' ').chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "{col} = {cell:?} would run as a formula"
            );
        }
    }
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(
        row("us-hhs-02")["name_en"],
        r#"'=HYPERLINK("http://evil.example/","點我")"#
    );
    assert_eq!(row("us-hhs-03")["name_en"], "'+cmd|calc!A1");
    assert_eq!(row("us-hhs-03")["bureau_en"], "'@SUM(A1)");
    // Labels beside ids, in both languages.
    let dhs1 = row("us-dhs-01");
    assert_eq!(dhs1["use_class"], "enforcement");
    assert_eq!(dhs1["use_class_zh-TW"], "執行");
    assert_eq!(dhs1["use_subtype_en"], "Intelligent recognition");
    assert_eq!(dhs1["techniques"], "facial_recognition;computer_vision");
    assert_eq!(dhs1["techniques_zh-TW"], "人臉辨識; 電腦視覺");
    assert_eq!(dhs1["jurisdiction_zh-TW"], "美國");
    assert_eq!(dhs1["inventory_en"], "US federal AI use case sample");
    assert_eq!(dhs1["agency_zh-TW"], "美國國土安全部");
    assert_eq!(dhs1["bureau_en"], "HSI");
    assert_eq!(dhs1["stage_en"], "Deployed");
    assert_eq!(dhs1["stage_zh-TW"], "已部署");
    assert_eq!(dhs1["source_url"], "https://example.org/us/dhs-01");
    // example.org is a reserved name (RFC 2606): the site has no public
    // address, so the page is given by its path from the site root.
    assert_eq!(dhs1["page_url"], "zh-TW/cases/us-dhs-01.html");
    // 1 ticked, 0 assessed and not ticked, NA not assessed; and who answers for each.
    assert_eq!(dhs1["personal_data"], "1");
    assert_eq!(dhs1["personal_data_method"], "pii");
    assert_eq!(dhs1["automated_decision"], "0");
    assert_eq!(dhs1["automated_decision_method"], "rules");
    assert_eq!(dhs1["data_governance"], "NA");
    assert_eq!(dhs1["human_rights"], "NA");
    // A case whose method assesses every flag has no NA.
    let tw = row("tw-digi-2023-04");
    for f in [
        "data_governance",
        "human_rights",
        "personal_data",
        "automated_decision",
    ] {
        assert_eq!(tw[f], "0", "{f}");
    }
    assert!(header.iter().any(|h| h == "description_en"));
}

#[test]
fn the_data_dictionary_documents_every_column_of_every_download() {
    let (header, _) = csv_rows();
    let bytes = std::fs::read(site().out.join("data/dictionary.csv")).unwrap();
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let mut by_file: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        assert!(
            !rec[2].is_empty() && !rec[3].is_empty(),
            "{rec:?} has no description"
        );
        by_file
            .entry(rec[0].to_string())
            .or_default()
            .push(rec[1].to_string());
    }
    assert_eq!(
        by_file["data/cases.csv"], header,
        "cases.csv, column for column"
    );
    let record = &cases_json()[0];
    let fields: Vec<String> = record.as_object().unwrap().keys().cloned().collect();
    let documented: BTreeSet<&String> = by_file["data/cases.json"].iter().collect();
    for f in &fields {
        assert!(
            documented.contains(f),
            "cases.json field {f} is not documented"
        );
    }
    for download in [
        "cases.json",
        "inventories.json",
        "frameworks.json",
        "taxonomies.json",
        "dictionary.csv",
    ] {
        assert!(
            by_file.contains_key(&format!("data/{download}")),
            "{download}"
        );
    }
    let page = site().html("en/data.html");
    let codes = texts(&page, "table.dictionary th code");
    for col in &header {
        assert!(codes.contains(col), "the data page lacks {col}");
    }
}

fn index(lang: &str) -> Value {
    script_json(&site().read(&format!("search/{lang}.js")))
}

/// The ids of the cases a term's postings point to.
fn cases_of(ix: &Value, term: &str) -> BTreeSet<String> {
    ix["terms"][term]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|p| ix["docs"][p.as_u64().unwrap() as usize / 4].clone())
        .filter(|d| d[2] == "case")
        .map(|d| d[0].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn chinese_queries_find_english_named_cases_through_their_labels() {
    let cases = cases_json();
    let with = |field: &str, id: &str| -> BTreeSet<String> {
        cases
            .iter()
            .filter(|c| strs(&c[field]).iter().any(|x| x == id))
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    for lang in ["zh-TW", "en"] {
        let ix = index(lang);
        // 人臉辨識 is the technique's Chinese label; the cases are named in English.
        let labels = strs(&ix["labels"]["#t:facial_recognition"]);
        assert!(
            labels.contains(&"人臉辨識".to_string())
                && labels.contains(&"Facial recognition".to_string()),
            "{labels:?}"
        );
        assert_eq!(
            cases_of(&ix, "#t:facial_recognition"),
            with("techniques", "facial_recognition"),
            "{lang}"
        );
        // 個資 is an alias of the personal-data flag.
        assert!(strs(&ix["labels"]["#f:personal_data"]).contains(&"個資".to_string()));
        assert_eq!(
            cases_of(&ix, "#f:personal_data"),
            with("risk_flags", "personal_data"),
            "{lang}"
        );
        // The rule that set a flag is found by its label ("high-impact").
        assert!(strs(&ix["labels"]["#m:us-sample/high-impact"])
            .iter()
            .any(|l| l.contains("high-impact")));
        assert_eq!(
            cases_of(&ix, "#m:us-sample/high-impact"),
            ["us-dhs-03", "us-doj-01", "us-doj-02"]
                .map(String::from)
                .into()
        );
        // The page's own language comes first.
        let first = &ix["labels"]["#f:personal_data"][0];
        assert_eq!(
            first,
            if lang == "en" {
                "Personal data"
            } else {
                "個人資料"
            }
        );
    }
    // A Chinese name is found in the English index too (車牌).
    assert!(cases_of(&index("en"), "車牌").contains("tw-digi-2023-01"));
}

#[test]
fn a_case_page_links_to_the_explorer_its_inventory_page_and_its_neighbours() {
    let doc = site().html("en/cases/us-dhs-02.html");
    let hrefs = |sel: &str| -> Vec<String> {
        let s = scraper::Selector::parse(sel).unwrap();
        doc.select(&s)
            .map(|a| a.value().attr("href").unwrap().to_string())
            .collect()
    };
    let facts = hrefs("aside.case-facts dd a");
    for want in [
        "../../en/inventories/us-sample.html#case-us-dhs-02",
        "../../en/cases/index.html#jurisdiction=us",
        "../../en/cases/index.html#agency=Department%20of%20Homeland%20Security",
        "../../en/cases/index.html#use=enforcement",
        "../../en/cases/index.html#technique=facial_recognition",
        "../../en/cases/index.html#stage=Deployed",
    ] {
        assert!(facts.contains(&want.to_string()), "{want} not in {facts:?}");
    }
    assert_eq!(hrefs(".case-nav a.prev"), ["../../en/cases/us-dhs-01.html"]);
    assert_eq!(hrefs(".case-nav a.next"), ["../../en/cases/us-dhs-03.html"]);
    // Not assessed is never shown as not flagged.
    let states = {
        let s = scraper::Selector::parse("table.case-flags tbody tr").unwrap();
        doc.select(&s)
            .map(|tr| {
                (
                    tr.value().attr("data-flag").unwrap().to_string(),
                    tr.value().attr("data-state").unwrap().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        states,
        [
            ("data_governance", "na"),
            ("human_rights", "na"),
            ("personal_data", "off"),
            ("automated_decision", "off")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // Related: the other DHS cases, nearest first; then enforcement cases
    // of other agencies, most flags in common first (it has none, so those
    // with no flag, then one).
    let related = |h: usize| {
        let s =
            scraper::Selector::parse(&format!(".related ul:nth-of-type({h}) > li > a")).unwrap();
        doc.select(&s)
            .map(|a| {
                a.value()
                    .attr("href")
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        related(1),
        ["us-dhs-01.html", "us-dhs-03.html", "us-dhs-04.html"]
    );
    let same_use = related(2);
    assert!(
        same_use
            .iter()
            .all(|c| c.starts_with("us-doj") || c.starts_with("tw-") || c.starts_with("kr-")),
        "{same_use:?}"
    );
    assert!(!same_use.is_empty() && same_use.len() <= 5);
    // The description is the source's own text, marked with its language on
    // the Chinese page.
    let zh = site().html("zh-TW/cases/us-dhs-01.html");
    let s = scraper::Selector::parse(".case-described p[lang=en]").unwrap();
    assert!(zh
        .select(&s)
        .next()
        .unwrap()
        .text()
        .collect::<String>()
        .starts_with("Compares probe photos"));
}

#[test]
fn without_javascript_each_table_page_lists_its_own_cases() {
    let doc = site().html("en/inventories/us-sample.html");
    let ids: Vec<String> = {
        let s = scraper::Selector::parse("#case-table tbody tr").unwrap();
        doc.select(&s)
            .map(|tr| tr.value().attr("id").unwrap().to_string())
            .collect()
    };
    assert_eq!(ids.len(), 10);
    assert_eq!(ids[0], "case-us-dhs-01");
    // The explorer is there, hidden until its script runs, and limited to the inventory.
    let s = scraper::Selector::parse("#explorer[data-scope=us-sample] #ex-side[hidden]").unwrap();
    assert!(doc.select(&s).next().is_some());
    // Each flag cell names its state in text.
    let s = scraper::Selector::parse("#case-us-dhs-02 td.c-flag .sr-only").unwrap();
    let states: Vec<String> = doc.select(&s).map(|e| e.text().collect()).collect();
    assert_eq!(
        states,
        ["not assessed", "not assessed", "not flagged", "not flagged"]
    );
}
