//! Real-browser checks (tests/browser/run.mjs, playwright-core + axe-core in
//! Debian's Chromium) against the `reader` fixture served by `govatlas serve`.
//! Skipped, with a line saying why, when node, the npm packages or Chromium
//! are missing, so a plain clone passes `cargo test` without them. CI
//! installs them (see the README: Real-browser tests) and sets GOVATLAS_BROWSER_TESTS=1,
//! which turns a skip into a failure.

use crate::common::{fixture, repo_root};
use crate::reader::{copy_tree, Server};
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

#[test]
fn browser_checks() {
    if let Some(why) = missing() {
        assert!(
            std::env::var_os("GOVATLAS_BROWSER_TESTS").is_none(),
            "GOVATLAS_BROWSER_TESTS is set but: {why}"
        );
        println!("skipped: browser tests: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let out = dir.path().join("out");
    copy_tree(&fixture("reader"), &root);
    let server = Server::start(&root, &out);
    let result = Command::new("node")
        .arg(repo_root().join("tests/browser/run.mjs"))
        .env("GOVATLAS_URL", format!("http://{}/", server.addr))
        .env("GOVATLAS_ROOT", &root)
        .env("GOVATLAS_OUT", &out)
        .output()
        .expect("run node");
    drop(server);
    let stdout = String::from_utf8_lossy(&result.stdout);
    println!("{stdout}");
    assert!(
        result.status.success(),
        "browser checks failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

/// The same console and axe checks on one page of each type of the default
/// site in `content/` (real content: long tables, fallbacks, every chart).
#[test]
fn browser_checks_default_site() {
    if let Some(why) = missing() {
        assert!(
            std::env::var_os("GOVATLAS_BROWSER_TESTS").is_none(),
            "GOVATLAS_BROWSER_TESTS is set but: {why}"
        );
        println!("skipped: browser tests: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let server = Server::start(&repo_root(), &out);
    let result = Command::new("node")
        .arg(repo_root().join("tests/browser/run.mjs"))
        .env("GOVATLAS_MODE", "sweep")
        .env("GOVATLAS_URL", format!("http://{}/", server.addr))
        .env("GOVATLAS_ROOT", repo_root())
        .env("GOVATLAS_OUT", &out)
        .output()
        .expect("run node");
    drop(server);
    let stdout = String::from_utf8_lossy(&result.stdout);
    println!("{stdout}");
    assert!(
        result.status.success(),
        "browser checks of the default site failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&result.stderr)
    );
}
