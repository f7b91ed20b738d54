//! End to end on the `basic` fixture: every page type in both languages,
//! the numbers on charts and tables, relations from both ends, data downloads,
//! language fallback, and a failed build leaving `output/` as it was.

use crate::common::*;

const LANGS: [&str; 2] = ["zh-TW", "en"];

#[test]
fn every_page_type_is_built_in_both_languages() {
    let site = BuiltSite::build(&fixture("basic"));
    for lang in LANGS {
        for page in [
            "index.html",
            "jurisdictions/index.html",
            "jurisdictions/tw.html",
            "jurisdictions/us.html",
            "frameworks/index.html",
            "frameworks/tw-act.html",
            "frameworks/us-memo-2025.html",
            "inventories/index.html",
            "inventories/tw-test.html",
            "cases/index.html",
            "cases/tw-test-01.html",
            "compare/principles.html",
            "compare/jurisdictions.html",
            "compare/use-classes.html",
            "risks.html",
            "vocabularies.html",
            "pages/about.html",
        ] {
            let doc = site.html(&format!("{lang}/{page}"));
            let html_lang = doc.root_element().value().attr("lang");
            assert_eq!(
                html_lang,
                Some(lang),
                "{lang}/{page} has lang {html_lang:?}"
            );
            // Each page links to its counterpart in the other language.
            let other = if lang == "en" { "zh-TW" } else { "en" };
            let sel =
                scraper::Selector::parse(&format!("nav.lang a[hreflang=\"{other}\"]")).unwrap();
            let href = doc
                .select(&sel)
                .next()
                .and_then(|a| a.value().attr("href"))
                .unwrap_or_else(|| panic!("{lang}/{page}: no switch to {other}"));
            assert!(
                href.ends_with(&format!("{other}/{page}")),
                "{lang}/{page}: switch goes to {href}"
            );
        }
    }
    assert!(
        site.read("index.html").contains("zh-TW/index.html"),
        "root redirects to the default language"
    );
    assert!(site.out.join("404.html").is_file());
    assert!(site.out.join("static/style.css").is_file());
}

#[test]
fn summary_line_reports_pages_files_and_time() {
    let site = BuiltSite::build(&fixture("basic"));
    let stdout = String::from_utf8_lossy(&site.output.stdout);
    let re_ok = stdout.starts_with("built ")
        && stdout.contains(" pages (")
        && stdout.contains(" files, ")
        && stdout.contains(" MB) into ")
        && stdout.contains(" s: ")
        && stdout.trim_end().ends_with(" removed");
    assert!(re_ok, "summary line: {stdout}");
    assert_eq!(stdout.lines().count(), 1);
}

/// The fixture's three cases tick: 6 flags; 3 flags (data governance,
/// explainability, automated decision); none. Counted by hand from the YAML.
#[test]
fn flag_charts_show_the_counts_of_the_content() {
    let site = BuiltSite::build(&fixture("basic"));
    let expected = vec![
        ("data_governance".to_string(), 2),
        ("human_rights".to_string(), 1),
        ("ethics".to_string(), 1),
        ("explainability".to_string(), 2),
        ("personal_data".to_string(), 1),
        ("automated_decision".to_string(), 2),
    ];
    for page in [
        "en/index.html",
        "zh-TW/risks.html",
        "en/jurisdictions/tw.html",
        "en/inventories/tw-test.html",
    ] {
        let (counts, total) = flag_table(&site.html(page));
        assert_eq!(counts, expected, "{page}");
        assert_eq!(total, 3, "{page}");
    }
    // The inventory's bar chart writes each flag's share of the 3 cases
    // and the counts it is made of (in its widest layout; the scale first).
    let doc = site.html("en/inventories/tw-test.html");
    let svg_texts = texts(&doc, "figure.fig .layout[data-min=\"1000\"] svg text");
    assert_eq!(
        svg_texts,
        [
            "0 %",
            "25 %",
            "50 %",
            "75 %",
            "100 %",
            "Data governance",
            "67 %",
            "2 of 3",
            "Human-rights protection",
            "33 %",
            "1 of 3",
            "Ethics",
            "33 %",
            "1 of 3",
            "Model explainability",
            "67 %",
            "2 of 3",
            "Personal data",
            "33 %",
            "1 of 3",
            "Automated-decision risk",
            "67 %",
            "2 of 3"
        ]
    );
    // Each layout is named by the figure's title.
    assert_eq!(
        texts(&doc, "figure.fig .layout svg title"),
        ["Risk flags in Test inventory"; 4]
    );
    // Use class × flag: enforcement ticks all six once; regulatory
    // analysis three; internal management none (one case each).
    let doc = site.html("en/compare/use-classes.html");
    let rows = texts(&doc, "#fig-risk-flags-by-use-class tr[data-use-class]");
    assert_eq!(
        rows,
        [
            "Test inventory Enforcement 1 100 % 1 of 1 100 % 1 of 1 100 % 1 of 1 100 % 1 of 1 100 % 1 of 1 100 % 1 of 1",
            "Test inventory Regulatory analysis and monitoring 1 100 % 1 of 1 0 % 0 of 1 0 % 0 of 1 100 % 1 of 1 0 % 0 of 1 100 % 1 of 1",
            "Test inventory Internal management 1 0 % 0 of 1 0 % 0 of 1 0 % 0 of 1 0 % 0 of 1 0 % 0 of 1 0 % 0 of 1"
        ]
    );
}

#[test]
fn inventory_shows_cases_held_against_declared() {
    let site = BuiltSite::build(&fixture("basic"));
    let doc = site.html("en/inventories/tw-test.html");
    assert_eq!(texts(&doc, "dd.coverage"), ["3 of 10 cases held (30%)"]);
    assert_eq!(texts(&doc, "#case-table tbody tr").len(), 3);
    let doc = site.html("zh-TW/inventories/index.html");
    assert_eq!(texts(&doc, "td[data-held]"), ["3"]);
    assert_eq!(texts(&doc, "td[data-declared]"), ["10"]);
}

#[test]
fn relations_are_shown_from_both_ends() {
    let site = BuiltSite::build(&fixture("basic"));
    let rel = |page: &str| texts(&site.html(page), "ul.relations li");
    assert_eq!(
        rel("en/frameworks/us-memo-2025.html"),
        [
            "Supersedes Memorandum M-24-10 (United States)",
            "Cited by AI Basic Act (draft) (Taiwan)"
        ]
    );
    assert_eq!(
        rel("en/frameworks/us-memo-2024.html"),
        ["Superseded by Memorandum M-25-21 (United States)"]
    );
    assert_eq!(
        rel("zh-TW/frameworks/tw-act.html"),
        // (texts() joins the link and the bracketed jurisdiction with a space;
        // the page sets them side by side: 備忘錄（美國）.)
        ["援引 第 M-25-21 號備忘錄 （美國）"]
    );
}

#[test]
fn framework_page_shows_provisions_principles_and_history() {
    let site = BuiltSite::build(&fixture("basic"));
    let doc = site.html("zh-TW/frameworks/tw-act.html");
    assert_eq!(
        texts(&doc, "ol.provisions > li > .prov-name > .prov-label"),
        ["第一條", "第二條"]
    );
    assert_eq!(
        texts(&doc, "ol.provisions details p"),
        ["參考歐盟人工智慧法。"]
    );
    assert_eq!(texts(&doc, "ol.history li"), ["2024-07-15 草案"]);
    let doc = site.html("en/frameworks/us-memo-2025.html");
    assert_eq!(
        texts(&doc, "#p1-s2 .not-reproduced"),
        ["The source names this item but does not reproduce its text."]
    );
    assert_eq!(
        texts(&doc, "#risk-matrix tbody tr"),
        ["High Low High", "Low Low Low"]
    );
    // The crosswalk: the act maps safety and accountability, the 2024 memo
    // one wording to transparency and accountability; the 2025 memo names
    // no principle. Per jurisdiction, of the one instrument of each that
    // names principles.
    let doc = site.html("en/compare/principles.html");
    assert_eq!(
        texts(&doc, "#by-instrument-table tr[data-principle]"),
        [
            "Safety and security 1 of 2 instruments ● 1",
            "Transparency and explainability 1 of 2 instruments ● 1",
            "Accountability 2 of 2 instruments ● 1 ● 1"
        ]
    );
    assert_eq!(
        texts(&doc, "#by-jurisdiction-table tr[data-principle]"),
        [
            "Safety and security 1 of 1 0 of 1",
            "Transparency and explainability 0 of 1 1 of 1",
            "Accountability 1 of 1 1 of 1"
        ]
    );
    // Each instrument's own wording is on the principle's page.
    let doc = site.html("en/compare/principles/accountability.html");
    assert_eq!(
        texts(&doc, "article.wordings"),
        [
            "AI Basic Act (draft) Draft bill · Draft Accountability §",
            "Memorandum M-24-10 Memorandum · Superseded Transparency and accountability (Also mapped to: Transparency and explainability )"
        ]
    );
}

#[test]
fn jurisdiction_page_dates_its_approaches() {
    let site = BuiltSite::build(&fixture("basic"));
    let doc = site.html("en/jurisdictions/us.html");
    assert_eq!(
        texts(&doc, "ol.approaches li"),
        [
            "2023 – 2024 Strict oversight Strict oversight.",
            "2025-01 – Light-touch A turn to light-touch management."
        ]
    );
    assert_eq!(
        texts(&doc, "table.timeline tbody tr"),
        [
            "2024-03-28 Memorandum M-24-10 Adopted",
            "2025-04-03 Memorandum M-24-10 Superseded",
            "2025-04-03 Memorandum M-25-21 Adopted"
        ]
    );
}

#[test]
fn markdown_pages_render_tables_and_footnotes() {
    let site = BuiltSite::build(&fixture("basic"));
    let doc = site.html("zh-TW/pages/about.html");
    assert_eq!(texts(&doc, "article table td"), ["甲", "1"]);
    let doc = site.html("en/pages/about.html");
    assert_eq!(texts(&doc, "article strong"), ["tests"]);
    assert_eq!(texts(&doc, "article .footnote-definition").len(), 1);
}

#[test]
fn data_downloads_follow_the_documented_shape() {
    let site = BuiltSite::build(&fixture("basic"));
    let cases = site.json("data/cases.json");
    let first = &cases[0];
    assert_eq!(first["id"], "tw-test-01");
    assert_eq!(first["name"]["zh-TW"], "車牌辨識結合AI");
    assert_eq!(first["name"]["en"], "AI licence-plate recognition");
    assert_eq!(first["inventory"], "tw-test");
    assert_eq!(first["jurisdiction"], "tw");
    assert_eq!(first["use_class"], "enforcement");
    assert_eq!(
        first["techniques"],
        serde_json::json!(["image_recognition"])
    );
    assert_eq!(first["risk_flags"].as_array().unwrap().len(), 6);
    // cases.csv: a byte-order mark, then ids with their labels, and one
    // column per flag (1 ticked, 0 not ticked; NA not assessed, which the
    // `explorer` tests check).
    let csv = site.read("data/cases.csv");
    let csv = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with(
            "\"id\",\"jurisdiction\",\"jurisdiction_zh-TW\",\"jurisdiction_en\",\"inventory\","
        ),
        "{header}"
    );
    assert!(header.contains(",\"data_governance\",\"human_rights\",\"ethics\",\"explainability\",\"personal_data\",\"automated_decision\","), "{header}");
    let flags = |line: &str| {
        line.split(',')
            .rev()
            .skip(6)
            .take(6)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(flags(lines.next().unwrap()), "1,1,1,1,1,1");
    assert_eq!(flags(lines.next().unwrap()), "1,0,0,1,0,1");
    assert_eq!(flags(lines.next().unwrap()), "0,0,0,0,0,0");
    let fws = site.json("data/frameworks.json");
    let m2024 = fws
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "us-memo-2024")
        .unwrap();
    assert_eq!(m2024["status"], "superseded");
    assert_eq!(
        m2024["dates"],
        serde_json::json!({"adopted": "2024-03-28", "superseded": "2025-04-03"})
    );
    let m2025 = fws
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "us-memo-2025")
        .unwrap();
    assert_eq!(
        m2025["provisions"][0]["provisions"][0]["label"]["en"],
        "Strategy 1"
    );
    let inv = site.json("data/inventories.json");
    assert_eq!(inv[0]["declared_total"], 10);
    assert_eq!(inv[0]["cases_held"], 3);
    assert_eq!(inv[0]["title"]["en"], "Test inventory");
    let tax = site.json("data/taxonomies.json");
    assert_eq!(tax["risk_flags"]["terms"].as_array().unwrap().len(), 6);
    assert_eq!(
        tax["use_classes"]["terms"][0]["subtypes"][0]["id"],
        "intelligent_recognition"
    );
}

#[test]
fn a_missing_translation_falls_back_with_a_visible_marker() {
    let dir = copy_fixture("basic");
    let path = dir.path().join("content/jurisdictions/tw.yaml");
    let yaml = std::fs::read_to_string(&path)
        .unwrap()
        .replace("name: {zh-TW: 臺灣, en: Taiwan}", "name: {zh-TW: 臺灣}");
    std::fs::write(&path, yaml).unwrap();
    let site = BuiltSite::build(dir.path());
    let doc = site.html("en/jurisdictions/tw.html");
    assert_eq!(texts(&doc, "h1 .fallback"), ["臺灣"]);
    assert_eq!(texts(&doc, "h1 .fb-mark"), ["[zh-TW]"]);
    let sel = scraper::Selector::parse("h1 .fallback").unwrap();
    assert_eq!(
        doc.select(&sel).next().unwrap().value().attr("lang"),
        Some("zh-TW")
    );
}

#[test]
fn a_broken_file_fails_with_a_pointed_error_and_leaves_output_alone() {
    let dir = copy_fixture("basic");
    let out = dir.path().join("output");
    let ok = govatlas(&["build", "--root", dir.path().to_str().unwrap()]);
    assert!(ok.status.success());
    let before = snapshot(&out);

    let path = dir.path().join("content/inventories/tw-test.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap().replace(
        "risk_flags: [data_governance, explainability, automated_decision]",
        "risk_flags: [data_governance, explainabilty, automated_decision]",
    );
    std::fs::write(&path, yaml).unwrap();
    let bad = govatlas(&["build", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr),
        "error[unknown-reference]: cases[1].risk_flags[1]: unknown risk flag `explainabilty`
  --> content/inventories/tw-test.yaml:28:35
   |
28 |     risk_flags: [data_governance, explainabilty, automated_decision]
   |                                   ^^^^^^^^^^^^^
   |
   = help: did you mean `explainability`?

error: 1 problem found; nothing was written
"
    );
    assert_eq!(
        snapshot(&out),
        before,
        "output/ changed after a failed build"
    );
}
