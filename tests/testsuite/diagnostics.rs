//! The bad-input corpus: every site under `tests/fixtures/invalid/<case>/`
//! must fail `govatlas check` (and `build`) with exit code 1 and print
//! exactly its `expected.stderr`; where `expected.json` or
//! `expected.github` exist, `--format json` / `--format github` must print
//! exactly those. Cases that cannot be committed as files (a file over the
//! size limit, a symlink loop) are made in a temporary directory at run time.
//!
//! `GOVATLAS_BLESS=1 cargo test --test testsuite diagnostics` rewrites the
//! expectations from what the binary prints now; review the diff before
//! committing it.

use crate::common::{fixture, govatlas, snapshot, BuiltSite};
use std::path::Path;

const FORMATS: &[(&str, &str)] = &[
    ("expected.stderr", "human"),
    ("expected.json", "json"),
    ("expected.github", "github"),
];

fn blessing() -> bool {
    std::env::var_os("GOVATLAS_BLESS").is_some_and(|v| v == "1")
}

/// Lines that differ, `-` expected and `+` actual, for a readable failure.
fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    for i in 0..e.len().max(a.len()) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => out.push_str(&format!("  {x}\n")),
            (x, y) => {
                if let Some(x) = x {
                    out.push_str(&format!("- {x}\n"));
                }
                if let Some(y) = y {
                    out.push_str(&format!("+ {y}\n"));
                }
            }
        }
    }
    if expected.ends_with('\n') != actual.ends_with('\n') {
        out.push_str("(final newline differs)\n");
    }
    out
}

/// Runs `check` on `root` in `format`; returns stderr, or a failure text.
fn check_output(root: &Path, format: &str) -> Result<String, String> {
    let out = govatlas(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        format,
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.code() != Some(1) {
        return Err(format!(
            "exit status {:?} (want 1); stderr:\n{stderr}",
            out.status
        ));
    }
    if !out.stdout.is_empty() {
        return Err(format!(
            "printed to stdout: {}",
            String::from_utf8_lossy(&out.stdout)
        ));
    }
    Ok(stderr)
}

/// Compares (or blesses) one expectation file; returns a failure text.
fn expect_file(root: &Path, file: &Path, format: &str) -> Option<String> {
    let actual = match check_output(root, format) {
        Ok(s) => s,
        Err(e) => return Some(e),
    };
    if blessing() {
        std::fs::write(file, &actual).unwrap();
        return None;
    }
    let expected = std::fs::read_to_string(file).unwrap_or_default();
    (expected != actual).then(|| diff(&expected, &actual))
}

/// Every case folder of the corpus, sorted.
fn cases() -> Vec<std::path::PathBuf> {
    let dir = fixture("invalid");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("content").exists() || p.join("expected.stderr").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    cases
}

#[test]
fn every_invalid_fixture_gives_its_pinned_diagnostics() {
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        for (file, format) in FORMATS {
            let path = case.join(file);
            if *format != "human" && !path.exists() {
                continue;
            }
            if let Some(f) = expect_file(case, &path, format) {
                failures.push(format!("=== {name} ({format})\n{f}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ (GOVATLAS_BLESS=1 rewrites them):\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn a_failed_build_writes_nothing_and_says_the_same() {
    // `build` reports exactly what `check` reports, and creates no output.
    for name in ["many-problems", "id-traversal", "alias-bomb"] {
        let root = fixture("invalid").join(name);
        let tmp = tempfile::tempdir().unwrap();
        let out_dir = tmp.path().join("output");
        let out = govatlas(&[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output-dir",
            out_dir.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let expected = std::fs::read_to_string(root.join("expected.stderr")).unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stderr), expected, "{name}");
        assert!(
            !out_dir.exists(),
            "{name}: build wrote {}",
            out_dir.display()
        );
        let stray: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert!(stray.is_empty(), "{name}: build left {stray:?}");
    }
}

#[test]
fn every_invalid_fixture_leaves_the_previous_output_as_it_was() {
    // A site built before (the basic fixture), then each bad site built
    // over it: the same diagnostics as `check`, and not a byte changed.
    let built = BuiltSite::build(&fixture("basic"));
    let mut failures = Vec::new();
    for case in cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let tmp = tempfile::tempdir().unwrap();
        let out_dir = tmp.path().join("output");
        crate::common::copy_dir(&built.out, &out_dir);
        let before = snapshot(tmp.path());
        let out = govatlas(&[
            "build",
            "--root",
            case.to_str().unwrap(),
            "--output-dir",
            out_dir.to_str().unwrap(),
        ]);
        let expected = std::fs::read_to_string(case.join("expected.stderr")).unwrap_or_default();
        if out.status.code() != Some(1) || String::from_utf8_lossy(&out.stderr) != expected {
            failures.push(format!(
                "{name}: {:?} {}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        if snapshot(tmp.path()) != before {
            failures.push(format!("{name}: the output changed"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A one-file site made at run time.
fn temp_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("jurisdictions")).unwrap();
    std::fs::copy(
        fixture("invalid/empty-file/content/site.yaml"),
        content.join("site.yaml"),
    )
    .unwrap();
    dir
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let site = temp_site();
    let big = site.path().join("content/jurisdictions/big.yaml");
    // Sparse: 65 MiB on paper, nothing on disk, and never read.
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(govatlas::load::MAX_FILE_BYTES + 1).unwrap();
    let stderr = check_output(site.path(), "human").unwrap();
    assert_eq!(
        stderr,
        "error[file-too-large]: file is 67108865 bytes, over the limit of 67108864 bytes\n \
         --> content/jurisdictions/big.yaml\n  |\n  = help: split it into several files\n\n\
         error: 1 problem found; nothing was written\n"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_content_is_reported_not_followed_forever() {
    let site = temp_site();
    let j = site.path().join("content/jurisdictions");
    std::os::unix::fs::symlink("..", j.join("loop")).unwrap();
    std::fs::write(
        j.join("tw.yaml"),
        "id: tw\nkind: country\nname: {zh-TW: 臺灣, en: Taiwan}\n",
    )
    .unwrap();
    let stderr = check_output(site.path(), "human").unwrap();
    assert_eq!(
        stderr,
        "error[unreadable]: symbolic link loop: this leads back to content, which holds it\n \
         --> content/jurisdictions/loop\n  |\n  \
         = help: remove the link, or point it at a folder that does not hold it\n\n\
         error: 1 problem found; nothing was written\n"
    );
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_accepted() {
    let root = fixture("bom-crlf");
    let raw = std::fs::read(root.join("content/site.yaml")).unwrap();
    assert!(raw.starts_with(b"\xEF\xBB\xBF"), "fixture lost its BOM");
    assert!(
        raw.windows(2).any(|w| w == b"\r\n"),
        "fixture lost its CRLF"
    );
    let site = BuiltSite::build(&root);
    let home = site.read("zh-TW/index.html");
    assert!(
        home.contains("BOM 測試"),
        "title missing from the home page"
    );
}

#[test]
fn an_error_in_a_crlf_file_points_at_the_right_column() {
    let site = temp_site();
    std::fs::write(
        site.path().join("content/jurisdictions/tw.yaml"),
        "id: tw\r\nkind: contry\r\nname: {zh-TW: 臺灣, en: Taiwan}\r\n",
    )
    .unwrap();
    let stderr = check_output(site.path(), "human").unwrap();
    assert_eq!(
        stderr,
        "error[unknown-value]: kind: unknown value `contry`\n \
         --> content/jurisdictions/tw.yaml:2:7\n  |\n2 | kind: contry\n  |       ^^^^^^\n  |\n  \
         = help: did you mean `country`?\n\n\
         error: 1 problem found; nothing was written\n"
    );
}

#[test]
fn every_failure_of_build_prints_in_the_chosen_format() {
    let dir = crate::common::copy_fixture("basic");
    let root = dir.path();
    let build = |out: &Path, format: &str| {
        govatlas(&[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output-dir",
            out.to_str().unwrap(),
            "--format",
            format,
        ])
    };
    let json = |o: &std::process::Output| -> Vec<serde_json::Value> {
        String::from_utf8_lossy(&o.stderr)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}")))
            .collect()
    };
    // The disk refuses (a folder of the kernel's, where nothing can be
    // made, even by root).
    #[cfg(target_os = "linux")]
    {
        let o = build(Path::new("/proc/govatlas-test-out"), "json");
        assert_eq!(o.status.code(), Some(1));
        let d = json(&o);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0]["code"], "write-failed");
        assert_eq!(d[0]["file"], "/proc/govatlas-test-out");
        assert!(
            !d[0]["message"].as_str().unwrap().contains("os error"),
            "{d:?}"
        );
    }
    // The output folder's parent is a file: refused before anything.
    std::fs::write(root.join("notes.txt"), "mine").unwrap();
    let o = build(&root.join("notes.txt/out"), "json");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json(&o)[0]["code"], "output-refused");
    assert_eq!(
        std::fs::read_to_string(root.join("notes.txt")).unwrap(),
        "mine"
    );
    // A refused output folder, with its path.
    let o = build(&root.join("content"), "json");
    assert_eq!(o.status.code(), Some(2));
    let d = json(&o);
    assert_eq!(
        (d[0]["code"].as_str(), d.len()),
        (Some("output-refused"), 1)
    );
    assert!(d[0]["file"].as_str().unwrap().ends_with("content"));
    // A template that does not compile.
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(root.join("templates/base.html"), "{% if %}").unwrap();
    let out = root.join("output");
    let o = build(&out, "json");
    assert_eq!(o.status.code(), Some(1));
    let d = json(&o);
    assert_eq!(
        (d[0]["code"].as_str(), d.len()),
        (Some("template-error"), 1)
    );
    let o = build(&out, "github");
    let text = String::from_utf8_lossy(&o.stderr);
    assert!(text.starts_with("::error title=template-error::"), "{text}");
    let o = build(&out, "human");
    let text = String::from_utf8_lossy(&o.stderr);
    assert!(
        text.starts_with("error[template-error]: ")
            && text.ends_with("error: the build stopped; the output folder was left as it was\n"),
        "{text}"
    );
    assert!(!out.exists(), "a failed build made the output folder");
}

#[test]
fn a_folder_without_content_is_one_problem_at_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let o = govatlas(&[
        "check",
        "--root",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stderr)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Not also "content/site.yaml is missing": that follows from the first.
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["code"], "no-content");
    assert_eq!(lines[0]["file"], "content");
}
