//! `govatlas brief`: briefings on a jurisdiction, a comparison and an
//! inventory, in both languages, checked on the `brief` fixture whose
//! figures are stated by hand in `tests/fixtures/brief/README.md`.

use crate::common::{copy_fixture, fixture, flag_table, govatlas, texts};
use scraper::{Html, Selector};
use std::path::{Path, PathBuf};

const FLAGS: [&str; 5] = [
    "data_governance",
    "human_rights",
    "ethics",
    "personal_data",
    "automated_decision",
];

/// Flag counts over Taiwan's six fixture cases, in vocabulary order.
pub const TW_FLAGS: [u64; 5] = [5, 2, 1, 4, 3];
/// Over the inventory tw-agencies (four cases, one unflagged).
pub const TW_AGENCIES_FLAGS: [u64; 5] = [3, 1, 1, 2, 2];
/// Over the United States' two cases.
pub const US_FLAGS: [u64; 5] = [1, 0, 0, 2, 0];

pub fn root() -> PathBuf {
    fixture("brief")
}

/// Runs `govatlas brief <args> --root <fixture> --out <dir>/<name>` and
/// returns the file written, panicking with stderr on failure.
pub fn brief(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let mut all: Vec<&str> = vec!["brief"];
    all.extend_from_slice(args);
    let root = root();
    all.extend_from_slice(&[
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let o = govatlas(&all);
    assert!(
        o.status.success(),
        "govatlas {all:?} failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

pub fn parse(path: &Path) -> Html {
    Html::parse_document(&std::fs::read_to_string(path).unwrap())
}

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn expected(counts: &[u64]) -> Vec<(String, u64)> {
    FLAGS
        .iter()
        .zip(counts)
        .map(|(f, n)| (f.to_string(), *n))
        .collect()
}

/// The file requests nothing: no src anywhere, no stylesheet, script,
/// image or frame, no url() or @import in its CSS, and every href is a
/// fragment inside the document or an http(s) URL in the numbered sources.
fn assert_self_contained(doc: &Html) {
    for tag in [
        "script", "link", "img", "iframe", "object", "embed", "base", "image", "use",
    ] {
        assert_eq!(doc.select(&sel(tag)).count(), 0, "a <{tag}> element");
    }
    let with_src: Vec<String> = doc
        .select(&sel("[src], [srcset], [xlink\\:href], [poster], [data]"))
        .map(|e| e.html())
        .collect();
    assert!(
        with_src.is_empty(),
        "elements that load something: {with_src:?}"
    );
    let in_sources: Vec<_> = doc
        .select(&sel("#sources a[href]"))
        .map(|e| e.id())
        .collect();
    for a in doc.select(&sel("[href]")) {
        let href = a.value().attr("href").unwrap();
        if let Some(frag) = href.strip_prefix('#') {
            assert!(
                doc.select(&sel(&format!("[id=\"{frag}\"]")))
                    .next()
                    .is_some(),
                "link to a missing anchor {href}"
            );
        } else {
            assert!(
                in_sources.contains(&a.id()),
                "external href outside the sources list: {href}"
            );
            assert!(
                href.starts_with("https://") || href.starts_with("http://"),
                "{href}"
            );
        }
    }
    for style in doc.select(&sel("style")) {
        let css: String = style.text().collect();
        assert!(!css.contains("url("), "url() in CSS");
        assert!(!css.contains("@import"), "@import in CSS");
    }
    assert!(
        doc.select(&sel("svg.chart")).next().is_some()
            || doc.select(&sel("#risk-flags .muted")).next().is_some(),
        "neither a chart nor a note that there is none"
    );
}

/// Cover: title, data date from site.yaml, a 12-hex-digit content version.
fn assert_cover(doc: &Html, lang: &str, title_has: &str) -> String {
    let html_lang = doc.root_element().value().attr("lang").unwrap();
    assert_eq!(html_lang, lang);
    let title = texts(doc, "#cover h1");
    assert!(title[0].contains(title_has), "cover title {title:?}");
    assert_eq!(texts(doc, "#data-date"), ["2025-07"]);
    let version = texts(doc, "#content-version").remove(0);
    assert_eq!(version.len(), 12, "{version}");
    assert!(version.chars().all(|c| c.is_ascii_hexdigit()), "{version}");
    assert_eq!(texts(doc, "#summary p").len(), 1, "one summary paragraph");
    version
}

/// The numbers the bar chart writes beside its bars, in drawing order.
fn chart_numbers(doc: &Html, chart: &str) -> Vec<u64> {
    doc.select(&sel(&format!("{chart} text")))
        .filter_map(|t| t.text().collect::<String>().trim().parse().ok())
        .collect()
}

#[test]
fn jurisdiction_briefing_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, name, flag_label) in [
        ("zh-TW", "臺灣", "資料治理"),
        ("en", "Taiwan", "Data governance"),
    ] {
        let path = brief(
            dir.path(),
            &format!("tw.{lang}.html"),
            &["jurisdiction", "tw", "--lang", lang],
        );
        let doc = parse(&path);
        assert_self_contained(&doc);
        assert_cover(&doc, lang, name);
        // The chart's table and its bars say what the fixture says.
        let (counts, total) = flag_table(&doc);
        assert_eq!(counts, expected(&TW_FLAGS), "{lang}");
        assert_eq!(total, 6);
        assert_eq!(texts(&doc, "td[data-unflagged]"), ["1"]);
        assert_eq!(chart_numbers(&doc, "svg.chart"), TW_FLAGS.to_vec());
        assert!(texts(&doc, "svg.chart text")
            .iter()
            .any(|t| t == flag_label));
        // Instruments oldest first, with their status; citations resolve.
        let ids: Vec<_> = doc
            .select(&sel("#instruments tr[data-framework]"))
            .map(|e| e.value().attr("data-framework").unwrap().to_string())
            .collect();
        assert_eq!(ids, ["tw-guide", "tw-act"]);
        // Principles: tw-act covers safety and accountability, the guidelines transparency.
        let uncovered: Vec<_> = doc
            .select(&sel("#principles tr.uncovered"))
            .map(|e| e.value().attr("data-principle").unwrap().to_string())
            .collect();
        assert_eq!(uncovered, ["human_rights"]);
        // The most-flagged case first.
        let notable: Vec<_> = doc
            .select(&sel("#notable-cases tr[data-case]"))
            .map(|e| e.value().attr("data-case").unwrap().to_string())
            .collect();
        assert_eq!(
            notable,
            ["tw-a-01", "tw-c-01", "tw-a-02", "tw-a-04", "tw-c-02"]
        );
        // Numbered sources: Taiwan's document, then the inventories' study.
        assert_eq!(doc.select(&sel("#sources li")).count(), 2);
        assert_eq!(
            doc.select(&sel("#sources a[href]"))
                .map(|a| a.value().attr("href").unwrap())
                .collect::<Vec<_>>(),
            ["https://example.org/tw"]
        );
        let summary = texts(&doc, "#summary p").remove(0);
        assert!(summary.contains(name) && summary.contains('6'), "{summary}");
    }
}

#[test]
fn missing_translation_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let doc = parse(&brief(
        dir.path(),
        "eu.html",
        &["jurisdiction", "eu", "--lang", "zh-TW"],
    ));
    assert_self_contained(&doc);
    // The EU's summary exists only in English.
    assert_eq!(
        texts(&doc, "#background .fallback"),
        ["Regulates AI by risk tier."]
    );
    assert_eq!(texts(&doc, "#background .fb-mark"), ["[en]"]);
    // No cases: the section says so instead of drawing an empty chart.
    assert_eq!(doc.select(&sel("svg.chart")).count(), 0);
    assert_eq!(doc.select(&sel("#risk-flags p.muted")).count(), 1);
}

#[test]
fn comparison_briefing_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, names) in [
        ("zh-TW", ["臺灣", "歐盟", "美國"]),
        ("en", ["Taiwan", "European Union", "United States"]),
    ] {
        let path = brief(
            dir.path(),
            &format!("cmp.{lang}.html"),
            &["compare", "tw,eu,us", "--lang", lang],
        );
        let doc = parse(&path);
        assert_self_contained(&doc);
        assert_cover(&doc, lang, names[1]);
        let heads = texts(&doc, "#side-by-side thead th");
        assert_eq!(heads[1..], names);
        // Principles side by side: instruments of each addressing each.
        for (principle, cells) in [
            ("safety_security", ["● 1", "● 1", "—"]),
            ("transparency_explainability", ["● 1", "—", "● 1"]),
            ("accountability", ["● 1", "● 1", "● 1"]),
            ("human_rights", ["—", "● 1", "—"]),
        ] {
            assert_eq!(
                texts(
                    &doc,
                    &format!("#principles tr[data-principle={principle}] td")
                ),
                cells,
                "{lang} {principle}"
            );
        }
        // Flags of each jurisdiction that has cases (the EU has none).
        let rows: Vec<_> = doc
            .select(&sel("#risk-flags tr[data-jurisdiction]"))
            .map(|r| {
                let id = r.value().attr("data-jurisdiction").unwrap().to_string();
                let n: Vec<u64> = r
                    .select(&sel("td[data-flag]"))
                    .map(|c| c.text().collect::<String>().trim().parse().unwrap())
                    .collect();
                (id, n)
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("tw".to_string(), TW_FLAGS.to_vec()),
                ("us".to_string(), US_FLAGS.to_vec())
            ]
        );
        assert_eq!(
            chart_numbers(&doc, "figure[data-chart=tw] svg"),
            TW_FLAGS.to_vec()
        );
        assert_eq!(
            chart_numbers(&doc, "figure[data-chart=us] svg"),
            US_FLAGS.to_vec()
        );
        // Instruments grouped by jurisdiction, in the order asked.
        assert_eq!(texts(&doc, "#instruments h3"), names);
    }
}

#[test]
fn inventory_briefing_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, title) in [
        ("zh-TW", "中央機關AI應用清冊"),
        ("en", "Central agencies' AI uses"),
    ] {
        let path = brief(
            dir.path(),
            &format!("inv.{lang}.html"),
            &["inventory", "tw-agencies", "--lang", lang],
        );
        let doc = parse(&path);
        assert_self_contained(&doc);
        assert_cover(&doc, lang, title);
        let (counts, total) = flag_table(&doc);
        assert_eq!(counts, expected(&TW_AGENCIES_FLAGS));
        assert_eq!(total, 4);
        assert_eq!(chart_numbers(&doc, "svg.chart"), TW_AGENCIES_FLAGS.to_vec());
        // Every case listed (one is unflagged, so notable cases are not all of them).
        assert_eq!(doc.select(&sel("#all-cases tr[data-case]")).count(), 4);
        // The published inventory is source 1.
        assert_eq!(
            doc.select(&sel("#sources li a[href]"))
                .next()
                .unwrap()
                .value()
                .attr("href"),
            Some("https://example.org/inventory/tw-agencies")
        );
        // The jurisdiction's instruments follow.
        assert_eq!(
            doc.select(&sel("#instruments tr[data-framework]")).count(),
            2
        );
    }
}

#[test]
fn a_long_inventory_is_not_listed_in_full() {
    let copy = copy_fixture("brief");
    let f = copy.path().join("content/inventories/us-agencies.yaml");
    let mut text = std::fs::read_to_string(&f)
        .unwrap()
        .replace("declared_total: 2", "declared_total: 50");
    for i in 3..=42 {
        text.push_str(&format!(
            "  - id: us-a-{i:02}\n    name: {{en: Case {i}}}\n    agency: {{en: Agency}}\n    use_class: enforcement\n"
        ));
    }
    std::fs::write(&f, text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("us.html");
    let o = govatlas(&[
        "brief",
        "inventory",
        "us-agencies",
        "--lang",
        "en",
        "--root",
        copy.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc = parse(&out);
    assert_eq!(doc.select(&sel("#all-cases")).count(), 0);
    assert!(texts(&doc, "#more-cases")[0].contains("42 cases"));
    // The two flagged cases are still the notable ones, and the counts hold.
    assert_eq!(doc.select(&sel("#notable-cases tr[data-case]")).count(), 2);
    let (counts, total) = flag_table(&doc);
    assert_eq!(counts, expected(&US_FLAGS));
    assert_eq!(total, 42);
}
