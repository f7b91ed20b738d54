//! Helpers that read like sentences: build a fixture site into a temporary
//! directory with the real binary, then read its pages and data back.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (where `content/` holds the default site).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture site under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(name)
}

/// Runs `govatlas` with `args` and returns its output.
pub fn govatlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govatlas"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run govatlas")
}

/// A site built into a temporary directory that is removed on drop.
pub struct BuiltSite {
    /// Keeps the directory alive.
    pub dir: tempfile::TempDir,
    /// The output directory inside it.
    pub out: PathBuf,
    /// What the build printed.
    pub output: Output,
}

impl BuiltSite {
    /// Builds the site rooted at `root` (a folder with `content/`), panicking
    /// with the diagnostics if the build fails.
    pub fn build(root: &Path) -> BuiltSite {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("output");
        let output = govatlas(&[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output-dir",
            out.to_str().unwrap(),
        ]);
        assert!(
            output.status.success(),
            "build of {} failed:\n{}",
            root.display(),
            String::from_utf8_lossy(&output.stderr)
        );
        BuiltSite { dir, out, output }
    }

    /// The default site in `content/`, built once per test run and shared:
    /// it has thousands of pages, and tests only read it.
    pub fn default_site() -> &'static BuiltSite {
        static SITE: std::sync::OnceLock<BuiltSite> = std::sync::OnceLock::new();
        SITE.get_or_init(|| Self::build(&repo_root()))
    }

    /// A file of the built site, as text.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// A JSON file of the built site.
    pub fn json(&self, rel: &str) -> serde_json::Value {
        serde_json::from_str(&self.read(rel)).unwrap_or_else(|e| panic!("parse {rel}: {e}"))
    }

    /// A page of the built site, parsed.
    pub fn html(&self, rel: &str) -> scraper::Html {
        scraper::Html::parse_document(&self.read(rel))
    }
}

/// Texts of every element matching `selector`, whitespace-trimmed.
pub fn texts(doc: &scraper::Html, selector: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel)
        .map(|e| {
            // Text nodes joined with spaces, so cells and inline elements stay apart.
            e.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// A writable copy of a fixture site in a temporary directory, for tests
/// that change one file and see what the build does.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture(name), dir.path());
    dir
}

/// Copies a site folder, leaving out what a build or a checkout puts
/// beside the content (`output/`, its idle copy, `target/`, `node_modules/`).
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).unwrap();
        let top = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        if top == "output" || top == "target" || top == "node_modules" || top.starts_with(".output")
        {
            continue;
        }
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// Builds the site at `root` into `out` with extra environment variables,
/// panicking with the diagnostics if the build fails.
pub fn build_into(root: &Path, out: &Path, env: &[(&str, &str)]) {
    let o = Command::new(env!("CARGO_BIN_EXE_govatlas"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--output-dir")
        .arg(out)
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .output()
        .expect("run govatlas");
    assert!(
        o.status.success(),
        "build of {} failed:
{}",
        root.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Every file under `dir` with its bytes, keyed by relative path.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The flag table of a briefing's chart (`figure.chart td[data-flag]`,
/// the count as its text) and its total.
fn briefing_flag_table(doc: &scraper::Html) -> (Vec<(String, u64)>, u64) {
    let sel = scraper::Selector::parse("figure.chart td[data-flag]").unwrap();
    let counts = doc
        .select(&sel)
        .map(|e| {
            (
                e.value().attr("data-flag").unwrap().to_string(),
                e.text().collect::<String>().trim().parse().unwrap(),
            )
        })
        .collect();
    let total = texts(doc, "figure.chart td[data-total]")
        .first()
        .map(|t| t.parse().unwrap())
        .unwrap_or(0);
    (counts, total)
}

/// The flag counts in the first figure of a page (a briefing's: see
/// [`briefing_flag_table`]) (`td[data-flag]` with a
/// `data-flagged` count, in table order; a flag not assessed has none) and
/// the cases it counts (its first `td[data-total]`).
pub fn flag_table(doc: &scraper::Html) -> (Vec<(String, u64)>, u64) {
    let fig = scraper::Selector::parse("figure.fig").unwrap();
    let Some(fig) = doc.select(&fig).next() else {
        return briefing_flag_table(doc);
    };
    let cells = scraper::Selector::parse("td[data-flag][data-flagged]").unwrap();
    let counts = fig
        .select(&cells)
        .map(|e| {
            (
                e.value().attr("data-flag").unwrap().to_string(),
                e.value().attr("data-flagged").unwrap().parse().unwrap(),
            )
        })
        .collect();
    let total = scraper::Selector::parse("td[data-total]").unwrap();
    let total = fig
        .select(&total)
        .next()
        .and_then(|e| e.value().attr("data-total"))
        .map(|t| t.parse().unwrap())
        .unwrap_or(0);
    (counts, total)
}
