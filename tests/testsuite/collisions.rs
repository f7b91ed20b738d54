//! `check` catches every id whose page the site already makes for itself
//! (an index, a page of a case list), so `build` never finds two files for
//! one path. The page names are read from a built site, not written down
//! here: if the URL scheme or the paging changes, the test follows it.

use crate::common::{copy_fixture, govatlas, repo_root, BuiltSite};
use std::collections::{BTreeSet, HashSet};
use std::path::Path;

/// The names (without `.html`) of the pages in `en/<folder>/` of the built
/// default site that are not the page of a record in `ids`.
fn site_pages(folder: &str, ids: &HashSet<String>) -> BTreeSet<String> {
    let dir = BuiltSite::default_site().out.join("en").join(folder);
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".html").map(str::to_string))
        .filter(|stem| !ids.contains(stem))
        .collect()
}

fn ids<'a>(it: impl Iterator<Item = &'a String>) -> HashSet<String> {
    it.map(|s| s.to_lowercase()).collect()
}

fn case_yaml(id: &str) -> String {
    format!(
        "  - id: {id}\n    name: {{zh-TW: 案, en: Case}}\n    agency: {{zh-TW: 機關, en: Agency}}\n    use_class: enforcement\n"
    )
}

fn inventory_yaml(id: &str) -> String {
    format!(
        "id: {id}\njurisdiction: tw\ntitle: {{zh-TW: 清冊, en: Inventory}}\npublisher: {{zh-TW: 機關, en: Agency}}\nyear: 2023\ncases:\n{}",
        case_yaml(&format!("case-of-{id}"))
    )
}

/// The ids `check --format json` reports as output collisions, by file.
fn reported(root: &Path) -> BTreeSet<(String, String)> {
    let o = govatlas(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .inspect(|d| {
            assert_eq!(d["code"], "output-collision", "{d}");
            assert!(d["line"].as_u64().unwrap() > 0 && d["column"].as_u64().unwrap() > 0);
        })
        .map(|d| {
            let msg = d["message"].as_str().unwrap();
            let id = msg.split('`').nth(1).unwrap().to_string();
            (d["file"].as_str().unwrap().to_string(), id)
        })
        .collect()
}

#[test]
fn every_page_the_site_makes_itself_is_refused_as_an_id() {
    let (site, _) = govatlas::pipeline::check(&repo_root()).expect("default site is valid");
    let cases = site_pages("cases", &ids(site.cases().map(|(_, c)| &c.id.value)));
    let inventories = site_pages(
        "inventories",
        &ids(site.inventories.iter().map(|i| &i.id.value)),
    );
    let frameworks = site_pages(
        "frameworks",
        &ids(site.frameworks.iter().map(|f| &f.id.value)),
    );
    let jurisdictions = site_pages(
        "jurisdictions",
        &ids(site.jurisdictions.iter().map(|j| &j.id.value)),
    );
    // What this site has today: an index per folder, the pages of the
    // list of all cases, and later pages of long inventories.
    assert!(cases.contains("index") && cases.len() > 10, "{cases:?}");
    assert!(
        inventories.contains("index") && inventories.len() > 1,
        "{inventories:?}"
    );
    assert!(frameworks.contains("index") && jurisdictions.contains("index"));

    // A small site with each of those names as an id of its kind, and the
    // default site's inventories (whose later pages some names are).
    let dir = copy_fixture("basic");
    let content = dir.path().join("content");
    let mut list = std::fs::read_to_string(content.join("inventories/tw-test.yaml"))
        .unwrap()
        .replace("declared_total: 10\n", "declared_total: 1000\n");
    for stem in &cases {
        list.push_str(&case_yaml(stem));
    }
    std::fs::write(content.join("inventories/tw-test.yaml"), list).unwrap();
    let mut expected = BTreeSet::new();
    for stem in &cases {
        expected.insert(("content/inventories/tw-test.yaml".to_string(), stem.clone()));
    }
    for (n, inv) in site.inventories.iter().enumerate() {
        let file = content.join(format!("inventories/site-{n}.yaml"));
        std::fs::write(file, inventory_yaml(&inv.id.value)).unwrap();
    }
    for (n, stem) in inventories.iter().enumerate() {
        let file = format!("inventories/page-{n}.yaml");
        std::fs::write(content.join(&file), inventory_yaml(stem)).unwrap();
        expected.insert((format!("content/{file}"), stem.clone()));
    }
    for (n, stem) in frameworks.iter().enumerate() {
        let file = format!("frameworks/page-{n}.yaml");
        let yaml = format!("id: {stem}\njurisdiction: tw\ntype: law\ntitle: {{zh-TW: 法, en: Act}}\nbinding: true\n");
        std::fs::write(content.join(&file), yaml).unwrap();
        expected.insert((format!("content/{file}"), stem.clone()));
    }
    for (n, stem) in jurisdictions.iter().enumerate() {
        let file = format!("jurisdictions/page-{n}.yaml");
        let yaml = format!("id: {stem}\nkind: country\nname: {{zh-TW: 地, en: Place}}\n");
        std::fs::write(content.join(&file), yaml).unwrap();
        expected.insert((format!("content/{file}"), stem.clone()));
    }
    assert_eq!(reported(dir.path()), expected);
}

#[test]
fn ids_that_only_look_like_page_names_are_fine() {
    let dir = copy_fixture("basic");
    let content = dir.path().join("content");
    let mut list = std::fs::read_to_string(content.join("inventories/tw-test.yaml")).unwrap();
    for id in [
        "page",
        "page-x",
        "index-2",
        "page-2.v1",
        "indexes",
        "console",
        "com10",
    ] {
        list.push_str(&case_yaml(id));
    }
    std::fs::write(content.join("inventories/tw-test.yaml"), list).unwrap();
    std::fs::write(
        content.join("inventories/tw-test-q2.yaml"),
        inventory_yaml("tw-test-q2"),
    )
    .unwrap();
    let o = govatlas(&["check", "--root", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
