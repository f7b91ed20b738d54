//! The default site as a whole: every record page cites its sources, the
//! material from the source documents is complete in both languages (no
//! fallback marker), and the Taiwan cases' chart shows the study's ticks.

use crate::common::*;

/// Pages of imported inventories whose published text exists only in
/// English (use-case names): the fallback marker there is correct. The
/// briefing on the US lists its most-flagged cases, which are imported.
fn imported(path: &str) -> bool {
    path.contains("/cases/us25-")
        || path.ends_with("/briefs/jurisdiction-us.html")
        || path.contains("us-federal-2025")
        || path.contains("/cases/index.html")
        || path.contains("/cases/page-")
}

fn html_pages(site: &BuiltSite) -> Vec<String> {
    // Names only: the site is 70 MB, and each test parses just the pages it checks.
    walkdir::WalkDir::new(&site.out)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            e.path()
                .strip_prefix(&site.out)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|p| p.ends_with(".html"))
        .collect()
}

/// Whether a page shows a fallback marker other than on the names of
/// imported cases it links to (a case page's related cases and its
/// neighbours, which may be imported cases named in English only).
fn marked_outside_imported_names(doc: &scraper::Html) -> bool {
    let sel = scraper::Selector::parse(".fb-mark").unwrap();
    doc.select(&sel).any(|m| {
        !m.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| e.classes().any(|c| c == "related" || c == "case-nav"))
        })
    })
}

#[test]
fn source_document_material_has_both_languages() {
    let site = BuiltSite::default_site();
    let marked: Vec<String> = html_pages(site)
        .into_iter()
        .filter(|p| !imported(p))
        .filter(|p| marked_outside_imported_names(&site.html(p)))
        .collect();
    assert!(
        marked.is_empty(),
        "pages showing a fallback marker: {marked:?}"
    );
}

#[test]
fn every_record_page_lists_its_sources() {
    let site = BuiltSite::default_site();
    for lang in ["zh-TW", "en"] {
        for kind in ["jurisdictions", "frameworks", "inventories"] {
            for page in html_pages(site).iter().filter(|p| {
                p.starts_with(&format!("{lang}/{kind}/"))
                    && !p.ends_with("index.html")
                    && !p.contains("-p")
            }) {
                let sources = texts(&site.html(page), "section.sources li");
                assert!(!sources.is_empty(), "{page} lists no source");
            }
        }
    }
}

/// The study's tables tick, per inventory (counted from the document's
/// three tables): DIGI+ 2023, 5 cases: data governance 5, human rights 4,
/// ethics 3, explainability 5, personal data 5, automated decision 2; the
/// Service Award, 3 cases: 3, 1, 0, 2, 1, 3; Taipei City, 3 cases: 3, 2,
/// 2, 3, 2, 3 (over the 11: 11, 7, 5, 10, 8, 8). Taiwan's page shows the
/// three inventories apart, never added up.
#[test]
fn taiwan_chart_shows_the_studys_ticks() {
    let site = BuiltSite::default_site();
    let flags = [
        "data_governance",
        "human_rights",
        "ethics",
        "explainability",
        "personal_data",
        "automated_decision",
    ];
    let expected: Vec<(&str, u64)> = [[5, 4, 3, 5, 5, 2], [3, 1, 0, 2, 1, 3], [3, 2, 2, 3, 2, 3]]
        .iter()
        .flat_map(|counts| flags.iter().copied().zip(counts.iter().copied()))
        .collect();
    for lang in ["zh-TW", "en"] {
        let doc = site.html(&format!("{lang}/jurisdictions/tw.html"));
        let (counts, total) = flag_table(&doc);
        let counts: Vec<(&str, u64)> = counts.iter().map(|(f, n)| (f.as_str(), *n)).collect();
        assert_eq!(counts, expected, "{lang}");
        assert_eq!(total, 5, "{lang}: the first inventory's cases");
        assert_eq!(
            texts(&doc, "figure.fig td[data-total]"),
            ["5", "3", "3"],
            "{lang}: one total per inventory"
        );
    }
}
