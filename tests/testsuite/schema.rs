//! The JSON Schemas editors use (`govatlas schema`) against the content the
//! loader reads: every file of the default site and of the starter site is
//! valid, and every file the bad-input corpus (`tests/fixtures/invalid/`)
//! pins an unknown key, a wrong type, a missing field or an unknown value
//! in is rejected, so the schema is neither looser nor stricter than serde.

use crate::common::{fixture, govatlas, repo_root};
use govatlas::schema::json;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Every schema, by file name, compiled.
fn validators() -> BTreeMap<&'static str, jsonschema::Validator> {
    json::all()
        .into_iter()
        .map(|s| {
            let v = jsonschema::validator_for(&s.schema)
                .unwrap_or_else(|e| panic!("{} is not a valid schema: {e}", s.file));
            (s.file, v)
        })
        .collect()
}

/// The YAML of a content file (a page's front matter for Markdown) as JSON.
fn as_json(path: &Path) -> Value {
    try_as_json(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// [`as_json`], or why the YAML cannot be read as JSON.
fn try_as_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let yaml = if path.extension().is_some_and(|e| e == "md") {
        let body = text.strip_prefix("---").expect("front matter");
        body[..body.find("\n---").expect("end of front matter")].to_string()
    } else {
        text.to_string()
    };
    // The loader stops at a nesting depth of 64; a bad-input fixture nests
    // deeper on purpose, and an editor reads it all. On a thread with room
    // for the nesting bombs' recursion (a test thread's 2 MiB overflow on
    // them in a debug build).
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut budget = serde_saphyr::Budget::default();
            budget.max_depth = 10_000;
            let options = serde_saphyr::options! { budget: Some(budget) };
            serde_saphyr::from_str_with_options::<Value>(&yaml, options).map_err(|e| e.to_string())
        })
        .unwrap()
        .join()
        .unwrap()
}

/// Schema problems of the file at `rel` under `root` (`content/...`), or
/// None when no schema covers it.
fn problems(
    validators: &BTreeMap<&'static str, jsonschema::Validator>,
    root: &Path,
    rel: &str,
) -> Option<Vec<String>> {
    let file = json::file_for(rel.strip_prefix("content/")?)?;
    let value = as_json(&root.join(rel));
    Some(check(validators, file, &value))
}

/// What the schema `file` says about `value`.
fn check(
    validators: &BTreeMap<&'static str, jsonschema::Validator>,
    file: &str,
    value: &Value,
) -> Vec<String> {
    validators[file]
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Paths of the content files under `root`, relative to it.
fn content_files(root: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    files.sort();
    files
}

fn assert_all_valid(root: &Path) -> usize {
    let v = validators();
    let mut checked = 0;
    for rel in content_files(root) {
        if let Some(p) = problems(&v, root, &rel) {
            assert!(
                p.is_empty(),
                "{rel} does not match its schema:\n{}",
                p.join("\n")
            );
            checked += 1;
        }
    }
    checked
}

#[test]
fn every_file_of_the_default_site_matches_its_schema() {
    let root = repo_root();
    let checked = assert_all_valid(&root);
    // Every content file has a schema (nothing else lives in content/).
    assert_eq!(checked, content_files(&root).len());
    assert!(checked > 40, "{checked}");
}

#[test]
fn every_file_of_the_starter_matches_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("atlas");
    let out = govatlas(&["init", site.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The schemas init wrote are the ones `govatlas schema` writes.
    for s in json::all() {
        let written = std::fs::read_to_string(site.join(json::DEFAULT_DIR).join(s.file)).unwrap();
        assert_eq!(written, json::to_text(&s.schema), "{}", s.file);
    }
    assert_eq!(assert_all_valid(&site), content_files(&site).len());
}

/// (code, file) of each diagnostic an `expected.stderr` pins.
fn pinned(expected: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut code = None;
    for line in expected.lines() {
        if let Some(rest) = line.strip_prefix("error[") {
            code = rest.split(']').next().map(str::to_string);
        } else if let (Some(path), Some(c)) = (line.trim_start().strip_prefix("--> "), code.take())
        {
            let file = path.split(':').next().unwrap().to_string();
            out.push((c, file));
        }
    }
    out
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    const SHAPE_ERRORS: [&str; 6] = [
        "unknown-field",
        "wrong-type",
        "missing-field",
        "unknown-value",
        // A text with nothing in any language, or a character XML forbids.
        "empty-text",
        "invalid-text",
    ];
    let v = validators();
    let mut rejected = BTreeMap::new();
    // Fixtures no JSON reader takes: the nesting bombs, thousands of levels
    // deep (the loader stops them at 64 levels).
    let mut unreadable = Vec::new();
    for entry in std::fs::read_dir(fixture("invalid")).unwrap() {
        let dir = entry.unwrap().path();
        let Ok(expected) = std::fs::read_to_string(dir.join("expected.stderr")) else {
            continue;
        };
        for (code, file) in pinned(&expected) {
            if !SHAPE_ERRORS.contains(&code.as_str()) {
                continue;
            }
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let schema = json::file_for(file.strip_prefix("content/").unwrap())
                .unwrap_or_else(|| panic!("{name}: no schema covers {file}"));
            let Ok(value) = try_as_json(&dir.join(&file)) else {
                unreadable.push(name);
                continue;
            };
            let p = check(&v, schema, &value);
            assert!(
                !p.is_empty(),
                "{name}: the schema accepts {file}, which has a {code} error"
            );
            rejected.insert(format!("{name}/{file}"), code);
        }
    }
    unreadable.sort();
    assert_eq!(
        unreadable,
        ["deep-nesting-after-type-error", "deep-nesting-flow"]
    );
    // Every file of the corpus with such an error, counted by hand from the
    // expected.stderr files (`grep -h '^error\[' */expected.stderr`): 5
    // unknown fields, 7 wrong types less the two nesting bombs, 2 missing
    // fields, 3 unknown values. More is fine (a fixture added later).
    let count = |c: &str| rejected.values().filter(|v| *v == c).count();
    assert!(count("unknown-field") >= 5, "{rejected:?}");
    assert!(count("wrong-type") >= 5, "{rejected:?}");
    assert!(count("missing-field") >= 2, "{rejected:?}");
    assert!(count("unknown-value") >= 3, "{rejected:?}");
    // text-empty: `name: {}` and a blank text; text-xml-forbidden: U+0001
    // and U+FFFE.
    assert!(count("empty-text") >= 2, "{rejected:?}");
    assert!(count("invalid-text") >= 2, "{rejected:?}");
}

#[test]
fn schema_command_writes_each_kind_once() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("schemas");
    let args = ["schema", "--out", out_dir.to_str().unwrap()];
    let first = govatlas(&args);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "framework.json",
            "import-mapping.json",
            "inventory.json",
            "jurisdiction.json",
            "page.json",
            "site.json",
            "sources.json",
            "vocabulary.json"
        ]
    );
    assert!(String::from_utf8_lossy(&first.stdout)
        .contains("inventory.json (written): content/inventories/**/*.yaml"));
    // Unchanged the second time.
    let second = govatlas(&args);
    assert!(String::from_utf8_lossy(&second.stdout).contains("inventory.json (unchanged)"));
}
