//! `govatlas import`: every kind of register a researcher meets, imported
//! with a mapping file into a copy of a small site (`tests/fixtures/import-site`)
//! and then built with the real binary. Modules by what they cover:
//! [`csv_mess`] (messy CSV), [`labels`] (agency labels, vocabulary terms), [`reimport`] (re-importing, overrides),
//! [`formats`] (JSON, JSON Lines, workbooks, format and encoding checks),
//! [`placement`] (several jurisdictions, texts in their own language, ids),
//! [`frameworks`] (lists of instruments), [`would_not_build`] (an import that
//! would not build writes nothing and says why), and [`real_us`] (the real
//! US federal inventory, when `../shared/data/` holds it).

mod csv_mess;
mod formats;
mod frameworks;
mod labels;
mod placement;
mod real_us;
mod reimport;
mod would_not_build;

use crate::common::{copy_fixture, fixture, govatlas};
use govatlas::schema::Inventory;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A copy of the import test site in a temporary directory.
pub fn root() -> tempfile::TempDir {
    copy_fixture("import-site")
}

/// A fixture file of the import tests.
pub fn fx(name: &str) -> PathBuf {
    fixture("import").join(name)
}

/// Runs `govatlas import FILE --mapping MAPPING --root ROOT EXTRA...`.
pub fn import_file(root: &Path, file: &Path, mapping: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "import",
        file.to_str().unwrap(),
        "--mapping",
        mapping.to_str().unwrap(),
        "--root",
        root.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    govatlas(&args)
}

/// Imports fixture `file` with fixture mapping `mapping`.
pub fn import_fx(root: &Path, file: &str, mapping: &str, extra: &[&str]) -> Output {
    import_file(root, &fx(file), &fx(mapping), extra)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts the command succeeded.
pub fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "import failed ({:?}):\n{}{}",
        o.status.code(),
        stdout(o),
        stderr(o)
    );
}

/// Asserts the command failed with `code` and wrote nothing under `content/`
/// that was not there before.
pub fn refused(o: &Output, code: i32, root: &Path, before: &[PathBuf]) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "expected exit {code}:\n{}{}",
        stdout(o),
        stderr(o)
    );
    assert_eq!(files(root), before, "nothing may be written");
}

/// Every file under `root/content`, sorted.
pub fn files(root: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(root).unwrap().to_path_buf())
        .collect();
    v.sort();
    v
}

/// The inventory file `id` under `root`.
pub fn inv_path(root: &Path, id: &str) -> PathBuf {
    root.join("content/inventories").join(format!("{id}.yaml"))
}

/// The text of inventory `id`.
pub fn written(root: &Path, id: &str) -> String {
    std::fs::read_to_string(inv_path(root, id)).expect("inventory written")
}

/// Parses YAML the importer wrote with the site's own schema types.
pub fn parse(yaml: &str) -> Inventory {
    serde_saphyr::from_str(yaml)
        .unwrap_or_else(|e| panic!("written YAML does not parse: {e}\n{yaml}"))
}

/// The case `id` of `inv`.
pub fn case<'a>(inv: &'a Inventory, id: &str) -> &'a govatlas::schema::Case {
    inv.cases
        .iter()
        .find(|c| c.id.value == id)
        .unwrap_or_else(|| {
            panic!(
                "no case {id}; have {:?}",
                inv.cases.iter().map(|c| &c.id.value).collect::<Vec<_>>()
            )
        })
}

/// The values of references.
pub fn refs(v: &[govatlas::schema::Ref]) -> Vec<&str> {
    v.iter().map(|r| r.value.as_str()).collect()
}
