//! `serve::aggregates::CaseAggregates`, the search indexes, case rows and
//! case downloads that `serve` patches when one case is edited: after every
//! edit (made in place on a loaded site, as `serve` does) its files must be
//! byte for byte what the full generators write for the edited site.

use crate::common::{fixture, repo_root};
use govatlas::model::{CaseRef, Site};
use govatlas::render::{case_rows, data, search};
use govatlas::schema::{Case, Ref, Text, VocabularyKind as V};
use govatlas::serve::aggregates::CaseAggregates;
use std::path::Path;

fn load(root: &Path) -> Site {
    match govatlas::pipeline::check(root) {
        Ok((site, _)) => site,
        Err(_) => panic!("{} does not validate", root.display()),
    }
}

/// What a full build writes for the files the aggregates hold, in their order.
fn full_build(site: &Site) -> Vec<(String, Vec<u8>)> {
    let mut files = search::files(site);
    files.extend(case_rows::files(site));
    let downloads = data::downloads(site);
    for path in ["data/cases.json", "data/cases.csv", "data/inventories.json"] {
        let f = downloads.iter().find(|f| f.0 == path).expect(path);
        files.push(f.clone());
    }
    files
}

/// The aggregates' files (both ways of reading them) equal a full build's.
fn assert_same(agg: &CaseAggregates, site: &Site, what: &str) {
    let want = full_build(site);
    let got = agg.files();
    let paths = |fs: &[(String, Vec<u8>)]| fs.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&got), paths(&want), "{what}: paths");
    for ((path, g), (_, w)) in got.iter().zip(&want) {
        if g != w {
            let at = g
                .iter()
                .zip(w)
                .position(|(a, b)| a != b)
                .unwrap_or(g.len().min(w.len()));
            let around = |b: &[u8]| {
                String::from_utf8_lossy(&b[at.saturating_sub(60)..(at + 60).min(b.len())])
                    .into_owned()
            };
            panic!(
                "{what}: {path} differs at byte {at} (lengths {} and {})\n  got:  {}\n  want: {}",
                g.len(),
                w.len(),
                around(g),
                around(w)
            );
        }
    }
    let mut streamed = Vec::new();
    agg.write_to(&mut |path, bytes| streamed.push((path.to_string(), bytes.to_vec())));
    assert!(streamed == got, "{what}: write_to differs from files");
    assert_eq!(
        agg.total_bytes(),
        got.iter().map(|f| f.1.len()).sum::<usize>(),
        "{what}: total_bytes"
    );
}

/// Updates `agg` for the edited case `r` and checks what it reports as
/// changed: every file it does not list is as before, and in every file it
/// lists, the bytes before its first changed byte are as before and the
/// bytes it writes from there are the rest of the new file.
fn update_and_check_changes(agg: &mut CaseAggregates, site: &Site, r: &[CaseRef], what: &str) {
    let before = agg.files();
    agg.update(site, r);
    let after = agg.files();
    let changed = agg.changed_files();
    for ((path, old), (_, new)) in before.iter().zip(&after) {
        match changed.iter().find(|c| c.path() == path) {
            None => assert!(old == new, "{what}: {path} changed but is not listed"),
            Some(c) => {
                assert_eq!(c.len(), new.len(), "{what}: {path} length");
                assert!(c.from <= old.len().min(new.len()), "{what}: {path} from");
                assert!(
                    old[..c.from] == new[..c.from],
                    "{what}: {path} differs before byte {}",
                    c.from
                );
                let mut tail = Vec::new();
                c.write_from(c.from, &mut tail).expect("write");
                assert!(tail == new[c.from..], "{what}: {path} tail");
                let mut whole = Vec::new();
                c.write_from(0, &mut whole).expect("write");
                assert!(whole == *new, "{what}: {path} whole");
            }
        }
    }
}

/// A reference with the position of `like` and the value `id`.
fn term_ref(like: &Ref, id: &str) -> Ref {
    let mut r = like.clone();
    r.value = id.to_string();
    r
}

fn case_mut(site: &mut Site, r: CaseRef) -> &mut Case {
    &mut site.inventories[r.inventory].cases[r.case]
}

fn search_file(agg: &CaseAggregates, lang: &str) -> String {
    let path = search::index_path(lang);
    let f = agg
        .files()
        .into_iter()
        .find(|f| f.0 == path)
        .expect("index");
    String::from_utf8(f.1).expect("utf-8")
}

#[test]
fn each_kind_of_case_edit_is_patched_in_byte_for_byte() {
    let mut site = load(&fixture("basic"));
    let mut agg = CaseAggregates::new(&site);
    assert_same(&agg, &site, "as built");
    let r = CaseRef {
        inventory: 0,
        case: 0,
    };
    type Edit = (&'static str, fn(&mut Case));
    let edits: [Edit; 12] = [
        ("name in both languages", |c| {
            c.name = Text::from_pairs([
                ("zh-TW", "路口號誌最佳化"),
                ("en", "Traffic-signal optimisation"),
            ]);
        }),
        ("agency", |c| {
            c.agency = Text::from_pairs([
                ("zh-TW", "交通部公路局"),
                ("en", "Highway Bureau, \"MOTC\""),
            ]);
        }),
        (
            "agency renamed in Chinese only (same key, new label)",
            |c| {
                c.agency = Text::from_pairs([
                    ("zh-TW", "交通部公路總局"),
                    ("en", "Highway Bureau, \"MOTC\""),
                ]);
            },
        ),
        ("a stage no other case has", |c| {
            c.stage = Some(Text::from_pairs([("zh-TW", "規劃中"), ("en", "Planned")]));
        }),
        ("the agency of another case", |c| {
            c.agency = Text::from_pairs([
                ("zh-TW", "臺北市政府工務局"),
                ("en", "Taipei City Public Works Department"),
            ]);
            c.stage = None;
        }),
        ("description and bureau", |c| {
            c.description = Some(Text::from_pairs([
                ("zh-TW", "以攝影機計數車流，調整號誌週期。"),
                (
                    "en",
                    "Counts traffic with cameras; tunes signal cycles, 24/7.",
                ),
            ]));
            c.bureau = Some(Text::from_pairs([("en", "Signals section")]));
        }),
        ("techniques", |c| {
            let t = c.use_class.clone();
            c.techniques = vec![
                term_ref(&t, "machine_learning"),
                term_ref(&t, "image_recognition"),
            ];
        }),
        ("risk flags", |c| {
            let t = c.use_class.clone();
            c.risk_flags = vec![term_ref(&t, "ethics"), term_ref(&t, "personal_data")];
        }),
        ("use class and subtype", |c| {
            c.use_class.value = "internal_management".into();
            c.use_subtype = Some(term_ref(&c.use_class, "core_internal_processes"));
        }),
        ("CJK text with new bigrams", |c| {
            c.name = Text::from_pairs([("zh-TW", "龘靐齉齾鱻測試"), ("en", "Zyzzyva quokka")]);
        }),
        ("the same case edited again", |c| {
            c.name = Text::from_pairs([("zh-TW", "龘靐再次修改"), ("en", "Zyzzyva again")]);
            c.use_subtype = None;
        }),
        ("every text removed", |c| {
            c.name = Text::default();
            c.agency = Text::default();
            c.bureau = None;
            c.description = None;
            c.techniques.clear();
            c.risk_flags.clear();
        }),
    ];
    let (mut listed, count) = (0, edits.len());
    for (what, edit) in edits {
        edit(case_mut(&mut site, r));
        update_and_check_changes(&mut agg, &site, &[r], what);
        assert_same(&agg, &site, what);
        listed += agg.changed_files().len();
    }
    // Each edit changed at least one file, and some changed several.
    assert!(listed > count, "{listed} files listed as changed");
    // The tokens only the removed texts had are gone from the index.
    for lang in ["zh-TW", "en"] {
        let index = search_file(&agg, lang);
        for gone in ["\"龘靐\":", "\"zyzzyva\":", "\"signals\":", "\"號誌\":"] {
            assert!(!index.contains(gone), "{lang}: {gone} still indexed");
        }
    }
    // And come back when the text does.
    case_mut(&mut site, r).name = Text::from_pairs([("zh-TW", "龘靐"), ("en", "Zyzzyva")]);
    agg.update(&site, &[r]);
    assert_same(&agg, &site, "text put back");
    assert!(search_file(&agg, "en").contains("\"zyzzyva\":"));
}

#[test]
fn an_update_with_no_case_changes_nothing() {
    let mut site = load(&fixture("basic"));
    let mut agg = CaseAggregates::new(&site);
    let before = agg.files();
    agg.update(&site, &[]);
    assert!(agg.files() == before);
    assert!(agg.changed_files().is_empty());
    // Nor does naming a case whose fields did not change.
    let r = CaseRef {
        inventory: 0,
        case: 2,
    };
    agg.update(&site, &[r, r]);
    assert!(agg.files() == before);
    assert!(agg.changed_files().is_empty());
    // An edit made but not reported is not seen (the caller names what it changed).
    case_mut(&mut site, r).name = Text::from_pairs([("en", "Unreported")]);
    agg.update(&site, &[]);
    assert!(agg.files() == before);
    agg.update(&site, &[r]);
    assert_same(&agg, &site, "reported at last");
}

#[test]
fn edits_to_cases_of_two_inventories_at_once() {
    let mut site = load(&repo_root());
    assert!(
        site.inventories.len() >= 2,
        "the default site has several inventories"
    );
    let mut agg = CaseAggregates::new(&site);
    let last = site.inventories.len() - 1;
    let a = CaseRef {
        inventory: 0,
        case: 0,
    };
    let b = CaseRef {
        inventory: last,
        case: site.inventories[last].cases.len() - 1,
    };
    let classes: Vec<String> = site
        .vocabulary(V::UseClasses)
        .terms
        .iter()
        .map(|t| t.id.value.clone())
        .collect();
    let other = classes
        .iter()
        .find(|c| **c != site.inventories[last].cases[b.case].use_class.value)
        .expect("another use class")
        .clone();
    {
        let c = case_mut(&mut site, a);
        c.name = Text::from_pairs([
            ("zh-TW", "智慧客服機器人"),
            ("en", "Smart chatbot for permits"),
        ]);
        c.description = None;
    }
    {
        let c = case_mut(&mut site, b);
        c.agency = Text::from_pairs([
            ("zh-TW", "數位發展部"),
            ("en", "Ministry of Digital Affairs"),
        ]);
        c.use_class.value = other;
        c.use_subtype = None;
        c.risk_flags.truncate(1);
    }
    update_and_check_changes(&mut agg, &site, &[b, a], "two inventories");
    assert_same(&agg, &site, "two inventories");
}
