//! Where records belong and what they say: several jurisdictions in one
//! file (through a map of values, with a filter), a jurisdiction the site
//! lacks (a ready-to-paste stub), sub-national jurisdictions, texts in a
//! language the site does not publish in, and ids when the file has none.

use super::{
    case, files, fx, import_file, import_fx, ok, parse, refs, refused, root, stderr, stdout,
    written,
};
use crate::common::{texts, BuiltSite};

#[test]
fn several_jurisdictions_in_one_file_are_placed_and_built() {
    let r = root();
    let o = import_fx(
        r.path(),
        "multi-country.csv",
        "mapping_multi_country.yaml",
        &[],
    );
    ok(&o);
    let out = stdout(&o);
    for needle in [
        "import: 2 rows left out by source.filter",
        "5 cases (5 new, 0 updated, 0 unchanged; 2 skipped rows",
        "column \"Country\", value \"Atlantis\": 1 (unknown jurisdiction: row skipped) — rows 7",
        "column \"Country\", value \"Germany; France\": 1 (several jurisdictions: eu) — rows 5",
        "column \"Country\", value \"\": 1 (jurisdiction eu) — rows 9",
        "column \"Organisation\", value \"\": 1 (agency from column \"Department\") — rows 4",
        "column \"Organisation\", value \"\": 1 (no agency: row skipped) — rows 10",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
    let inv = parse(&written(r.path(), "eu-study"));
    let place: Vec<(&str, Option<&str>)> = inv
        .cases
        .iter()
        .map(|c| {
            (
                c.id.value.as_str(),
                c.jurisdiction.as_ref().map(|j| j.value.as_str()),
            )
        })
        .collect();
    assert_eq!(
        place,
        [
            ("eus-netherlands-parking-scan-cars", Some("nl")),
            ("eus-germany-job-matching", Some("de")),
            ("eus-france-undeclared-pools", Some("fr")),
            // Two countries: the mapping's `several` (the inventory's own, so not written).
            ("eus-germany-france-cross-border-translation", None),
            ("eus-eu-ai-helpdesk", None),
        ]
    );
    let pools = case(&inv, "eus-france-undeclared-pools");
    assert_eq!(
        pools.agency.get("en"),
        Some("Direction générale des Finances publiques")
    );
    assert_eq!(
        refs(&pools.techniques),
        ["computer_vision", "machine_learning"]
    );
    assert_eq!(
        pools.source_url.as_ref().unwrap().value,
        "https://example.org/fr/pools"
    );

    let site = BuiltSite::build(r.path());
    for lang in ["en", "zh-TW"] {
        let page = site.html(&format!(
            "{lang}/cases/eus-netherlands-parking-scan-cars.html"
        ));
        assert_eq!(
            texts(&page, "dd[data-jurisdiction=\"nl\"] a").len(),
            1,
            "{lang}: the case's own jurisdiction is shown"
        );
        // The Netherlands' page counts its one case, Germany's its one.
        for (j, n) in [("nl", 1), ("de", 1), ("fr", 1)] {
            let (_, total) =
                crate::common::flag_table(&site.html(&format!("{lang}/jurisdictions/{j}.html")));
            assert_eq!(total, n, "{lang}/{j}");
        }
    }
    let cases = site.json("data/cases.json");
    let juris = |id: &str| {
        cases
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["jurisdiction"]
            .clone()
    };
    assert_eq!(juris("eus-germany-job-matching"), "de");
    assert_eq!(juris("eus-eu-ai-helpdesk"), "eu");
}

#[test]
fn a_jurisdiction_the_site_lacks_stops_the_import_with_a_stub_that_works() {
    let r = root();
    let before = files(r.path());
    let text = std::fs::read_to_string(fx("mapping_multi_country.yaml")).unwrap();
    let poland = "    - column: Country\n      not_in: [Poland]\n";
    assert!(text.contains(poland));
    let m = r.path().join("mapping.yaml");
    std::fs::write(&m, text.replace(poland, "")).unwrap();
    let o = import_file(r.path(), &fx("multi-country.csv"), &m, &[]);
    refused(&o, 1, r.path(), &before);
    let err = stderr(&o);
    assert!(err.contains("error[unknown-reference]: unknown jurisdiction `pl`\n  row 6 (line 6), column \"Country\", value \"Poland\""), "{err}");
    let stub = "id: pl\nkind: country\nname: {en: \"Poland\"}\n";
    assert!(err.contains(&format!("save this as content/jurisdictions/pl.yaml (check kind, add a parent for a state or city, and the zh-TW name):\n\n{stub}")), "{err}");
    assert!(
        err.contains("error: the import would not build: 1 problem in what it would write"),
        "{err}"
    );
    // Pasted as it is, the stub makes the import build.
    std::fs::write(r.path().join("content/jurisdictions/pl.yaml"), stub).unwrap();
    ok(&import_file(r.path(), &fx("multi-country.csv"), &m, &[]));
    let inv = parse(&written(r.path(), "eu-study"));
    assert_eq!(
        case(&inv, "eus-poland-citizen-app-assistant")
            .jurisdiction
            .as_ref()
            .unwrap()
            .value,
        "pl"
    );
    BuiltSite::build(r.path());
}

#[test]
fn texts_in_a_language_the_site_does_not_publish_in_stay_in_it() {
    let r = root();
    let before = files(r.path());
    let o = import_fx(r.path(), "dutch-register.json", "mapping_dutch.yaml", &[]);
    refused(&o, 1, r.path(), &before);
    let err = stderr(&o);
    let wanted = "fields.text_language is `nl`, a language the site does not publish in (site.yaml lists zh-TW, en). To keep the texts in nl as originals, shown with the missing-translation mark on every edition, add this line to content/site.yaml:\n\nsource_languages: [nl]\n";
    assert!(err.contains(wanted), "{err}");
    // Add the line as the message says.
    let site_yaml = r.path().join("content/site.yaml");
    let mut text = std::fs::read_to_string(&site_yaml).unwrap();
    text.push_str("source_languages: [nl]\n");
    std::fs::write(&site_yaml, text).unwrap();
    let o = import_fx(r.path(), "dutch-register.json", "mapping_dutch.yaml", &[]);
    ok(&o);
    let out = stdout(&o);
    for needle in [
        "import: read 5 records from dutch-register.json (json, from the file name)",
        "4 cases (4 new, 0 updated, 0 unchanged; 1 skipped records",
        "column \"website\", value \"www.example.org/algoritme/10011002\": 1 (not an absolute http(s) URL: left out) — records 2",
        "column \"thema\", value \"Sociale zekerheid; Handhaving\": 1 (several use classes: the first, adjudication) — records 2",
        "column \"naam\", value \"\": 1 (no name: row skipped) — records 4",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
    let inv = parse(&written(r.path(), "nl-register"));
    let park = case(&inv, "nl-alg-10011001");
    assert_eq!(park.name.get("nl"), Some("Slimme parkeercontrole"));
    assert_eq!(
        park.purpose.as_ref().unwrap().get("nl"),
        Some("Efficiënter en eerlijker handhaven van parkeerbelasting.")
    );
    assert_eq!(park.jurisdiction.as_ref().unwrap().value, "nl-ams");
    // A URL that is no URL is left out, and the mapping's template stands in.
    assert_eq!(
        case(&inv, "nl-alg-10011002")
            .source_url
            .as_ref()
            .unwrap()
            .value,
        "https://example.org/algoritme/10011002"
    );

    let site = BuiltSite::build(r.path());
    assert!(!site.out.join("nl").exists(), "no third edition");
    for lang in ["en", "zh-TW"] {
        let html = site.read(&format!("{lang}/cases/nl-alg-10011001.html"));
        assert!(
            html.contains("<span lang=\"nl\" class=\"fallback\">Slimme parkeercontrole</span><span class=\"fb-mark\" title=\"fallback\">[nl]</span>"),
            "{lang}: the original, marked"
        );
        assert!(
            html.contains("Scanauto&#39;s controleren"),
            "{lang}: description"
        );
        let page = site.html(&format!("{lang}/cases/nl-alg-10011001.html"));
        assert_eq!(
            texts(&page, "dd[data-jurisdiction=\"nl-ams\"] a").len(),
            1,
            "{lang}"
        );
        // Amsterdam is a city of the Netherlands.
        let ams = site.read(&format!("{lang}/jurisdictions/nl-ams.html"));
        assert!(
            ams.contains("jurisdictions/nl.html"),
            "{lang}: the parent is linked"
        );
    }
}

#[test]
fn a_language_line_is_added_to_the_source_languages_already_there() {
    let r = root();
    let site_yaml = r.path().join("content/site.yaml");
    let mut text = std::fs::read_to_string(&site_yaml).unwrap();
    text.push_str("source_languages: [fr]\n");
    let n = text.lines().count();
    std::fs::write(&site_yaml, text).unwrap();
    let o = import_fx(r.path(), "dutch-register.json", "mapping_dutch.yaml", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!(
            "change line {n} of content/site.yaml to:\n\nsource_languages: [fr, nl]\n"
        )),
        "{}",
        stderr(&o)
    );
    // A typo of a site language is named as one.
    let m = r.path().join("m.yaml");
    std::fs::write(
        &m,
        std::fs::read_to_string(fx("mapping_dutch.yaml"))
            .unwrap()
            .replace("text_language: nl", "text_language: zh-tw"),
    )
    .unwrap();
    let o = import_file(r.path(), &fx("dutch-register.json"), &m, &[]);
    assert!(
        stderr(&o)
            .contains("fields.text_language: unknown language `zh-tw` (did you mean `zh-TW`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn ids_come_from_a_template_when_the_file_has_none() {
    let r = root();
    let o = import_fx(r.path(), "noid.csv", "mapping_noid.yaml", &[]);
    ok(&o);
    let inv = parse(&written(r.path(), "fixture-noid"));
    let ids: Vec<&str> = inv.cases.iter().map(|c| c.id.value.as_str()).collect();
    // Two identical rows: one id with a hash, numbered in file order.
    assert!(
        ids[0].starts_with("nid-agency-a-chatbot-x") && ids[1] == format!("{}-2", ids[0]),
        "{ids:?}"
    );
    // Long names are cut to 40 characters of slug; the two that share them get a hash each.
    let long = "nid-agency-b-a-system-whose-published-name-is-a-whole";
    assert!(
        ids[2].starts_with(long) && ids[3].starts_with(long) && ids[2] != ids[3],
        "{ids:?}"
    );
    assert!(ids.iter().all(|i| i.len() <= 120));
    assert!(
        stdout(&o).contains("column \"(template {agency_name:10}-{name:40})\""),
        "{}",
        stdout(&o)
    );
    BuiltSite::build(r.path());
}

#[test]
fn sub_national_jurisdictions_need_a_parent_that_exists_without_a_loop() {
    let r = root();
    let j = r.path().join("content/jurisdictions");
    std::fs::write(
        j.join("us-tx.yaml"),
        "id: us-tx\nkind: state\nname: {en: Texas}\n",
    )
    .unwrap();
    std::fs::write(
        j.join("us-ny.yaml"),
        "id: us-ny\nkind: state\nparent: usa\nname: {en: New York}\n",
    )
    .unwrap();
    std::fs::write(
        j.join("x-a.yaml"),
        "id: x-a\nkind: city\nparent: x-b\nname: {en: A}\n",
    )
    .unwrap();
    std::fs::write(
        j.join("x-b.yaml"),
        "id: x-b\nkind: state\nparent: x-a\nname: {en: B}\n",
    )
    .unwrap();
    let o = crate::common::govatlas(&["check", "--root", r.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for needle in [
        "a jurisdiction of kind `state` has no parent",
        "unknown jurisdiction `usa`",
        "parent cycle: x-a → x-b → x-a",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}
