//! `govatlas brief`: briefings on a jurisdiction, a comparison and an
//! inventory, in both languages, checked on the `brief` fixture whose
//! figures are stated by hand in `tests/fixtures/brief/README.md`.

use crate::common::{copy_fixture, fixture, flag_table, govatlas, texts, BuiltSite};
use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FLAGS: [&str; 5] = [
    "data_governance",
    "human_rights",
    "ethics",
    "personal_data",
    "automated_decision",
];

/// Flag counts over Taiwan's six fixture cases, in vocabulary order.
const TW_FLAGS: [u64; 5] = [5, 2, 1, 4, 3];
/// Over the inventory tw-agencies (four cases, one unflagged).
const TW_AGENCIES_FLAGS: [u64; 5] = [3, 1, 1, 2, 2];
/// Over the United States' two cases.
const US_FLAGS: [u64; 5] = [1, 0, 0, 2, 0];

fn root() -> PathBuf {
    fixture("brief")
}

/// Runs `govatlas brief <args> --root <fixture> --out <dir>/<name>` and
/// returns the file written, panicking with stderr on failure.
fn brief(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
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

fn parse(path: &Path) -> Html {
    Html::parse_document(&std::fs::read_to_string(path).unwrap())
}

fn sel(s: &str) -> Selector {
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

#[test]
fn same_content_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["jurisdiction", "tw", "--lang", "zh-TW"][..],
        &["compare", "tw,us", "--lang", "en"][..],
        &["inventory", "us-agencies", "--lang", "en"][..],
    ] {
        let a = std::fs::read(brief(dir.path(), "a.html", args)).unwrap();
        let b = std::fs::read(brief(dir.path(), "b.html", args)).unwrap();
        assert!(a == b, "two runs of {args:?} differ");
    }
}

#[test]
fn content_version_follows_the_content() {
    let dir = tempfile::tempdir().unwrap();
    let version = |root: &Path| {
        let out = dir.path().join("v.html");
        let o = govatlas(&[
            "brief",
            "jurisdiction",
            "us",
            "--root",
            root.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        texts(&parse(&out), "#content-version").remove(0)
    };
    let copy = copy_fixture("brief");
    let before = version(copy.path());
    assert_eq!(
        before,
        version(&root()),
        "the version must not depend on where the site is"
    );
    let f = copy.path().join("content/sources/docs.yaml");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, text.replace("Test Institute", "Test Institute of AI")).unwrap();
    assert_ne!(before, version(copy.path()));
}

#[test]
fn site_links_to_the_briefings_it_builds() {
    let site = BuiltSite::build(&root());
    for lang in ["zh-TW", "en"] {
        for (page, brief_name) in [
            (
                format!("{lang}/jurisdictions/tw.html"),
                "jurisdiction-tw.html",
            ),
            (
                format!("{lang}/inventories/tw-agencies.html"),
                "inventory-tw-agencies.html",
            ),
        ] {
            let doc = site.html(&page);
            let hrefs: Vec<String> = doc
                .select(&sel(".brief-link a"))
                .map(|a| a.value().attr("href").unwrap().to_string())
                .collect();
            assert_eq!(
                hrefs,
                [
                    format!("../../zh-TW/briefs/{brief_name}"),
                    format!("../../en/briefs/{brief_name}")
                ],
                "{page}"
            );
            for h in &hrefs {
                // Pages are two folders deep, so ../../ leads to the output root.
                assert!(
                    site.out.join(h.trim_start_matches("../../")).is_file(),
                    "{h}"
                );
            }
        }
        // The site's briefing is the one the command writes.
        let dir = tempfile::tempdir().unwrap();
        let cli = std::fs::read(brief(
            dir.path(),
            "tw.html",
            &["jurisdiction", "tw", "--lang", lang],
        ))
        .unwrap();
        assert!(
            cli == std::fs::read(site.out.join(format!("{lang}/briefs/jurisdiction-tw.html")))
                .unwrap()
        );
    }
    assert!(site
        .out
        .join("en/briefs/inventory-us-agencies.html")
        .is_file());
}

#[test]
fn unknown_ids_and_bad_usage() {
    let root = root();
    let r = root.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["brief"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--root", r, "--out", "/nonexistent/never-written.html"]);
        govatlas(&all)
    };
    let o = run(&["jurisdiction", "tx"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        err.trim_end(),
        "error: unknown jurisdiction \"tx\" (did you mean \"tw\"?); known: eu, tw, us"
    );
    let o = run(&["compare", "tw,eux"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("unknown jurisdiction \"eux\" (did you mean \"eu\"?)"));
    let o = run(&["inventory", "tw-agency"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("(did you mean \"tw-agencies\"?)"));
    // Bad usage: clap's exit code 2.
    assert_eq!(run(&["compare", "tw"]).status.code(), Some(2));
    assert_eq!(run(&["compare", "tw,tw"]).status.code(), Some(2));
    assert_eq!(
        run(&["jurisdiction", "tw", "--lang", "fr"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["country", "tw"]).status.code(), Some(2));
    assert_eq!(run(&["jurisdiction"]).status.code(), Some(2));
}

fn govatlas_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govatlas"));
    c.args(args).env("NO_COLOR", "1");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run govatlas")
}

#[test]
fn pdf_without_chromium_says_how_to_install_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tw.pdf");
    let root = root();
    let o = govatlas_env(
        &[
            "brief",
            "jurisdiction",
            "tw",
            "--pdf",
            "--root",
            root.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        &[("GOVATLAS_CHROMIUM", "/nonexistent/chromium")],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--pdf needs Chromium"), "{err}");
    assert!(
        err.contains("apt-get install chromium fonts-noto-cjk"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "something was written"
    );
    // A browser that fails leaves nothing behind either.
    let o = govatlas_env(
        &[
            "brief",
            "jurisdiction",
            "tw",
            "--pdf",
            "--root",
            root.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        &[("GOVATLAS_CHROMIUM", "/bin/false")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "something was written"
    );
}

fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
}

#[test]
fn pdf_has_real_text_in_both_scripts() {
    let browser = std::env::var_os("GOVATLAS_CHROMIUM").is_some()
        || [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ]
        .iter()
        .any(|b| on_path(b));
    if !browser {
        eprintln!("skipped: chromium not found");
        return;
    }
    if !on_path("pdftotext") || !on_path("pdfinfo") {
        eprintln!("skipped: pdftotext/pdfinfo not found (poppler-utils)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (lang, name, flag) in [
        ("zh-TW", "臺灣", "資料治理"),
        ("en", "Taiwan", "Data governance"),
    ] {
        let pdf = brief(
            dir.path(),
            &format!("tw.{lang}.pdf"),
            &["jurisdiction", "tw", "--lang", lang, "--pdf"],
        );
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        let pages: u32 = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .map(|n| n.trim().parse().unwrap())
            .expect("pdfinfo gives a page count");
        assert!((2..=8).contains(&pages), "{lang}: {pages} pages");
        assert!(info.contains("A4"), "{info}");
        let text = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        for want in [name, flag, "2025-07"] {
            assert!(
                text.contains(want),
                "{lang}: {want:?} not in the PDF's text"
            );
        }
        // Nothing else is in the folder: the partial file was renamed.
        assert!(std::fs::read_dir(dir.path())
            .unwrap()
            .all(|e| { !e.unwrap().file_name().to_string_lossy().starts_with('.') }));
    }
}
