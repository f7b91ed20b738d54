//! Real-browser checks (tests/browser/run.mjs, playwright-core + axe-core in
//! Debian's Chromium) against the `reader` fixture served by `govatlas serve`.
//! Skipped, with a line saying why, when node, the npm packages or Chromium
//! are missing, so a plain clone passes `cargo test` without them. CI
//! installs them (see the README: Real-browser tests) and sets GOVATLAS_BROWSER_TESTS=1,
//! which turns a skip into a failure.

use crate::common::{copy_dir, fixture, repo_root, BuiltSite};
use crate::reader::Server;
use std::path::PathBuf;
use std::process::Command;

fn missing() -> Option<String> {
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if !chromium.exists() {
        return Some(format!(
            "{} not found (apt-get install chromium fonts-noto-cjk)",
            chromium.display()
        ));
    }
    if Command::new("node")
        .arg("--version")
        .output()
        .map_or(true, |o| !o.status.success())
    {
        return Some("node not found".into());
    }
    let modules = repo_root().join("tests/browser/node_modules");
    for pkg in ["playwright-core", "axe-core"] {
        if !modules.join(pkg).is_dir() {
            return Some(format!(
                "{pkg} not installed (npm ci --prefix tests/browser)"
            ));
        }
    }
    None
}

/// True (after saying why) when the browser stack is absent; with
/// `GOVATLAS_BROWSER_TESTS` set, as in CI, an absent stack is a failure.
pub(crate) fn skip() -> bool {
    let Some(why) = missing() else { return false };
    assert!(
        std::env::var_os("GOVATLAS_BROWSER_TESTS").is_none(),
        "GOVATLAS_BROWSER_TESTS is set but: {why}"
    );
    println!("skipped: browser tests: {why}");
    true
}

/// Runs the browser script `script` (under `tests/browser/`) against a site
/// served at `addr`, asserting it passed.
fn run_script(
    script: &str,
    mode: Option<&str>,
    addr: &str,
    root: &std::path::Path,
    out: &std::path::Path,
    what: &str,
) {
    let mut cmd = Command::new("node");
    cmd.arg(repo_root().join("tests/browser").join(script))
        .env("GOVATLAS_URL", format!("http://{addr}/"))
        .env("GOVATLAS_ROOT", root)
        .env("GOVATLAS_OUT", out);
    if let Some(m) = mode {
        cmd.env("GOVATLAS_MODE", m);
    }
    let result = cmd.output().expect("run node");
    let stdout = String::from_utf8_lossy(&result.stdout);
    println!("{stdout}");
    assert!(
        result.status.success(),
        "{what} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

#[test]
fn browser_checks() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let out = dir.path().join("out");
    copy_dir(&fixture("reader"), &root);
    let server = Server::start(&root, &out);
    run_script(
        "run.mjs",
        None,
        &server.addr.to_string(),
        &root,
        &out,
        "browser checks",
    );
    drop(server);
}

/// The case explorer, case pages, search across languages and the CSV
/// download (tests/browser/explorer.mjs) on the `explorer` fixture.
#[test]
fn browser_checks_explorer() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let out = dir.path().join("out");
    copy_dir(&fixture("explorer"), &root);
    let server = Server::start(&root, &out);
    run_script(
        "explorer.mjs",
        None,
        &server.addr.to_string(),
        &root,
        &out,
        "explorer checks",
    );
    drop(server);
}

/// The same console and axe checks on one page of each type of the default
/// site in `content/` (real content: long tables, fallbacks, every chart).
#[test]
fn browser_checks_default_site() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let server = Server::start(&repo_root(), &out);
    run_script(
        "run.mjs",
        Some("sweep"),
        &server.addr.to_string(),
        &repo_root(),
        &out,
        "browser checks of the default site",
    );
    run_script(
        "explorer.mjs",
        Some("default"),
        &server.addr.to_string(),
        &repo_root(),
        &out,
        "explorer checks of the default site",
    );
    drop(server);
}

/// The layout test (`tests/browser/layout.mjs`, docs/testing.md): one page of every kind of
/// the default site — home, each index, the longest jurisdiction, framework, inventory and
/// case pages, every comparison, risks, search, vocabularies, changes, sources, a Markdown
/// page, a briefing and the 404 page — in both languages at 1366 and 390 px. No page may be
/// wider than the viewport, have a pointer target under 24 × 24 px (WCAG 2.5.8), an axe-core
/// WCAG 2.2 A/AA violation, a console error or a failed request; the menu must work without
/// JavaScript.
#[test]
fn layout_of_every_page_kind() {
    if skip() {
        return;
    }
    let site = BuiltSite::default_site();
    let result = Command::new("node")
        .arg(repo_root().join("tests/browser/layout.mjs"))
        .arg(&site.out)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&result.stdout);
    println!("{stdout}");
    assert!(
        result.status.success(),
        "layout test failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&result.stderr)
    );
}
