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

    /// The default site in `content/`.
    pub fn default_site() -> BuiltSite {
        Self::build(&repo_root())
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
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
