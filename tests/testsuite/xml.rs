//! Every XML the site writes is well-formed: the Atom feeds, the sitemap,
//! and every SVG (each chart inside a page, the favicon), read with a
//! strict XML parser (roxmltree), for the default site and for a site
//! whose texts are full of what XML treats specially. Characters XML
//! forbids never get that far: they are errors in the content (see the
//! corpus cases `text-xml-forbidden` and `text-empty`).

use crate::common::{copy_fixture, govatlas, repo_root};
use std::path::{Path, PathBuf};

/// Builds the site at `root` with a public address (without one there is
/// no sitemap and no feed to check); returns the temporary folder and the
/// output inside it.
fn build_public(root: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    let o = govatlas(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output-dir",
        out.to_str().unwrap(),
        "--base-url",
        "https://atlas.my-university.edu/",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (dir, out)
}

/// The SVG elements of a page, each as its own document.
fn svgs(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let Some(len) = rest[start..].find("</svg>") else {
            break;
        };
        out.push(&rest[start..start + len + "</svg>".len()]);
        rest = &rest[start + len..];
    }
    out
}

/// Parses every `.xml` and `.svg` file and every SVG inside an HTML page
/// under `out`; returns how many documents were read.
fn all_well_formed(out: &Path) -> usize {
    let mut n = 0;
    for e in walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
    {
        let p = e.path();
        let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
        if !matches!(ext, "xml" | "svg" | "html") {
            continue;
        }
        let text = std::fs::read_to_string(p).unwrap();
        let docs = if ext == "html" {
            svgs(&text)
        } else {
            vec![text.as_str()]
        };
        for doc in docs {
            if let Err(err) = roxmltree::Document::parse(doc) {
                panic!(
                    "{} is not well-formed XML: {err}\n{}",
                    p.display(),
                    &doc[..doc.len().min(400)]
                );
            }
            n += 1;
        }
    }
    n
}

#[test]
fn the_default_sites_feeds_sitemap_and_charts_are_well_formed() {
    let (_dir, out) = build_public(&repo_root());
    let n = all_well_formed(&out);
    // Two feeds, the sitemap, the favicon and the charts of the home,
    // risk, comparison and jurisdiction pages (44 when this was written).
    assert!(n > 30, "only {n} XML documents");
    for f in ["en/feed.xml", "zh-TW/feed.xml", "sitemap.xml"] {
        assert!(out.join(f).is_file(), "{f}");
    }
}

#[test]
fn texts_with_xml_specials_stay_well_formed() {
    let dir = copy_fixture("basic");
    let c = dir.path().join("content");
    let tricky = r#"A & B <tag> "quoted" 'single' ]]> --> <!-- 🌏 tab	end"#;
    let yaml_text = format!("{{zh-TW: \"資料 & 治理 <x>\", en: {:?}}}", tricky);
    for (file, from) in [
        (
            "vocabularies/risk_flags.yaml",
            "{zh-TW: 資料治理, en: Data governance}",
        ),
        (
            "site.yaml",
            "{zh-TW: 測試治理地圖, en: Test Governance Atlas}",
        ),
    ] {
        let path = c.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} changed; update the test");
        std::fs::write(&path, text.replacen(from, &yaml_text, 1)).unwrap();
    }
    let fw = c.join("frameworks/tw-act.yaml");
    let text = std::fs::read_to_string(&fw).unwrap();
    let title_line = text
        .lines()
        .find(|l| l.starts_with("title:"))
        .unwrap()
        .to_string();
    std::fs::write(
        &fw,
        text.replacen(&title_line, &format!("title: {yaml_text}"), 1),
    )
    .unwrap();
    let (_out_dir, out) = build_public(dir.path());
    assert!(all_well_formed(&out) > 10);
    let feed_text = std::fs::read_to_string(out.join("en/feed.xml")).unwrap();
    let feed = roxmltree::Document::parse(&feed_text).unwrap();
    let titles: Vec<String> = feed
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect();
    assert!(
        titles.iter().any(|t| t.contains(tricky)),
        "the feed lost the title's characters: {titles:?}"
    );
}
