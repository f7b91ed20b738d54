//! `govatlas brief` beyond what a briefing shows: the same bytes from the
//! same content, the content version, the site's copies, bad usage, and
//! printing to PDF with Chromium (a test that runs when Chromium and
//! poppler-utils are installed, as in CI).

use crate::brief::{brief, parse, root, sel};
use crate::common::{copy_fixture, govatlas, texts, BuiltSite};
use std::path::Path;
use std::process::{Command, Output};

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

/// True when `name` is a program on PATH.
pub fn on_path(name: &str) -> bool {
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
