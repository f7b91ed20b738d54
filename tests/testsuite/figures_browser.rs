//! Real-browser checks of the figures and comparisons of the default site
//! (tests/browser/figures.mjs): every compare and risk page, the home page,
//! inventory, jurisdiction and principle pages and a framework with a risk
//! matrix, in both languages at 1366 and 390 px. Skipped like the other
//! browser tests when the browser stack is absent.

use crate::common::{repo_root, BuiltSite};
use std::process::Command;

const PAGES: &[&str] = &[
    "index.html",
    "risks.html",
    "compare/principles.html",
    "compare/principles/safety_security.html",
    "compare/jurisdictions.html",
    "compare/use-classes.html",
    "inventories/us-federal-2025.html",
    "inventories/tw-digi-2023.html",
    "jurisdictions/tw.html",
    "jurisdictions/us.html",
    "frameworks/au-voluntary-ai-safety-standard-2024.html",
];

#[test]
fn figures_read_at_1366_and_390_px_in_both_languages() {
    if crate::browser::skip() {
        return;
    }
    let site = BuiltSite::default_site();
    let pages: Vec<String> = ["zh-TW", "en"]
        .iter()
        .flat_map(|l| PAGES.iter().map(move |p| format!("{l}/{p}")))
        .collect();
    let result = Command::new("node")
        .arg(repo_root().join("tests/browser/figures.mjs"))
        .env("GOVATLAS_OUT", &site.out)
        .env("GOVATLAS_PAGES", pages.join(" "))
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&result.stdout);
    println!("{stdout}");
    assert!(
        result.status.success(),
        "figure checks failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&result.stderr)
    );
}
