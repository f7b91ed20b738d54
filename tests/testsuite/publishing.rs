//! The public address: a site whose `base_url` is a reserved example
//! (the `basic` fixture's `https://example.org/atlas/`) cites no dead URL,
//! writes no sitemap or feed, and `check` warns; `--base-url` gives it one.

use crate::common::{fixture, govatlas, texts, BuiltSite};

fn build_with(args: &[&str]) -> BuiltSite {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    let root = fixture("basic");
    let mut all = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output-dir",
        out.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let output = govatlas(&all);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    BuiltSite { dir, out, output }
}

#[test]
fn a_reserved_base_url_is_no_address() {
    let s = build_with(&[]);
    let stderr = String::from_utf8_lossy(&s.output.stderr);
    assert!(
        stderr.starts_with("note: no public address (base_url missing or reserved)"),
        "{stderr}"
    );
    for gone in [
        "sitemap.xml",
        "sitemap-1.xml",
        "en/feed.xml",
        "zh-TW/feed.xml",
    ] {
        assert!(!s.out.join(gone).exists(), "{gone} written");
    }
    assert_eq!(s.read("robots.txt"), "User-agent: *\nAllow: /\n");
    // No page names the reserved address anywhere.
    for entry in walkdir::WalkDir::new(&s.out)
        .into_iter()
        .filter_map(|e| e.ok())
    {
        if entry.file_type().is_file() {
            let text = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
            assert!(
                !text.contains("example.org/atlas"),
                "{} names the reserved address",
                entry.path().display()
            );
        }
    }
    let doc = s.html("en/frameworks/tw-act.html");
    assert_eq!(
        texts(&doc, "p.cite-url.no-address"),
        ["Not yet published at a public address"]
    );
    let cite = texts(&doc, "pre.cite-text").join("");
    assert!(
        cite.contains(
            "Test Governance Atlas. Not yet published at a public address (data as of 2025-07-23)"
        ),
        "{cite}"
    );
    let bib = texts(&doc, "pre.cite-bibtex").join("");
    assert!(
        !bib.contains("howpublished") && !bib.contains("urldate"),
        "{bib}"
    );
    assert!(bib.contains("note = {Test Governance Atlas; Not yet published at a public address}"));
    let zh = s.html("zh-TW/frameworks/tw-act.html");
    assert!(texts(&zh, "pre.cite-text")
        .join("")
        .contains("本站尚未發布於公開網址"));
    // No feed to link to.
    let feed_link =
        scraper::Selector::parse("link[type=\"application/atom+xml\"], a.feed").unwrap();
    for page in ["en/index.html", "en/changes.html"] {
        assert!(s.html(page).select(&feed_link).next().is_none(), "{page}");
    }
}

#[test]
fn base_url_flag_gives_the_address() {
    let s = build_with(&["--base-url", "https://atlas.my-university.edu/gov"]);
    assert!(
        s.output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&s.output.stderr)
    );
    let doc = s.html("en/frameworks/tw-act.html");
    let url = "https://atlas.my-university.edu/gov/en/frameworks/tw-act.html";
    assert!(texts(&doc, "pre.cite-text").join("").contains(url));
    assert!(texts(&doc, "pre.cite-bibtex")
        .join("")
        .contains(&format!("howpublished = {{\\url{{{url}}}}}")));
    assert!(s.read("sitemap.xml").contains(
        "<sitemap><loc>https://atlas.my-university.edu/gov/sitemap-1.xml</loc></sitemap>"
    ));
    assert!(s
        .read("robots.txt")
        .ends_with("Sitemap: https://atlas.my-university.edu/gov/sitemap.xml\n"));
    assert!(s
        .read("en/feed.xml")
        .contains("<id>https://atlas.my-university.edu/gov/en/feed.xml</id>"));
}

#[test]
fn check_warns_without_failing() {
    let root = fixture("basic");
    let root = root.to_str().unwrap();
    let out = govatlas(&["check", "--root", root, "--format", "github"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "::warning file=content/site.yaml,line=3,col=11,title=reserved-base-url::base_url: \
             https://example.org/atlas/ is not a public address (example.org is reserved for \
             examples by RFC 2606), so citations say the site has no public address yet"
        ),
        "{stderr}"
    );
    let json = govatlas(&["check", "--root", root, "--format", "json"]);
    let line: serde_json::Value = serde_json::from_str(
        String::from_utf8_lossy(&json.stderr)
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(line["severity"], "warning");
    assert_eq!(line["code"], "reserved-base-url");
    // A public address: nothing to say.
    let ok = govatlas(&[
        "check",
        "--root",
        root,
        "--base-url",
        "https://atlas.my-university.edu/",
    ]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(
        ok.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    // Not an address at all: bad usage.
    let bad = govatlas(&[
        "check",
        "--root",
        root,
        "--base-url",
        "atlas.my-university.edu",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_briefing_cover_gives_the_address() {
    let root = fixture("basic");
    let root = root.to_str().unwrap();
    let with = govatlas(&[
        "brief",
        "jurisdiction",
        "tw",
        "--root",
        root,
        "--lang",
        "en",
        "--out",
        "-",
        "--base-url",
        "https://atlas.my-university.edu/",
    ]);
    assert!(
        with.status.success(),
        "{}",
        String::from_utf8_lossy(&with.stderr)
    );
    let doc = scraper::Html::parse_document(&String::from_utf8_lossy(&with.stdout));
    assert_eq!(
        texts(&doc, ".fact-site-url dd"),
        ["https://atlas.my-university.edu/"]
    );
    let without = govatlas(&["brief", "jurisdiction", "tw", "--root", root, "--out", "-"]);
    let doc = scraper::Html::parse_document(&String::from_utf8_lossy(&without.stdout));
    assert!(texts(&doc, ".fact-site-url dd").is_empty());
}
