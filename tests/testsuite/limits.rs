//! The loader's limits stop bombs, not real data: they grow with the
//! file's size, so an inventory of 100k cases (as `import` writes them)
//! loads, while an alias bomb or deep nesting is still refused, whatever
//! the size of the file around it. The big file is generated here, never
//! committed.

use govatlas::load::{parse_text, ContentKind};
use std::fmt::Write;

/// An inventory of `n` cases shaped like an imported one: bilingual name,
/// agency and description, a use class, techniques and risk flags.
fn inventory(n: usize) -> String {
    let mut s = String::with_capacity(n * 330);
    s.push_str("id: us-federal-2025\njurisdiction: us\ntitle: {zh-TW: 美國聯邦, en: US federal}\npublisher: {zh-TW: 聯邦政府, en: Federal government}\nyear: 2025\ncases:\n");
    for i in 0..n {
        let _ = write!(
            s,
            "  - id: case-{i:06}\n    name: {{zh-TW: 案件 {i}, en: \"Case {i}: claims triage\"}}\n    agency: {{zh-TW: 退伍軍人事務部, en: Department of Veterans Affairs}}\n    description:\n      zh-TW: 以機器學習分流申請案件。\n      en: Machine learning sorts incoming claims for review.\n    use_class: enforcement\n    techniques: [machine_learning, nlp]\n    risk_flags: [personal_data, automated_decision, explainability]\n"
        );
    }
    s
}

#[test]
fn an_inventory_of_100k_cases_loads() {
    let text = inventory(100_000);
    assert!(text.len() > 30_000_000, "{} bytes", text.len());
    // Far more YAML values than the reader's default limit of 250,000
    // (each `key: value` is two; each case has 18).
    let values = text.matches(": ").count() * 2;
    assert!(values > 1_500_000, "{values}");
    if let Err(d) = parse_text(&ContentKind::Inventory, &text) {
        panic!("refused: {} {}", d.code, d.message);
    }
}

/// A framework of `n` provisions: a big file of real data.
fn framework(n: usize) -> String {
    let mut s = String::from(
        "id: big\njurisdiction: tw\ntype: law\ntitle: {en: Big}\nbinding: true\nprovisions:\n",
    );
    for i in 0..n {
        let _ = writeln!(
            s,
            "  - {{id: p{i}, label: {{zh-TW: 條 {i}, en: Article {i}}}}}"
        );
    }
    s
}

#[test]
fn bombs_are_refused_inside_a_big_file_too() {
    // 50k provisions of real data, then an alias bomb: nine aliases of the
    // one before, eight times over (9^8 provisions).
    let mut bomb = String::from("  - &a {id: a, label: {en: A}}\n");
    for c in b'b'..=b'i' {
        let prev = (c - 1) as char;
        let _ = writeln!(
            bomb,
            "  - &{} {{id: {0}, label: {{en: X}}, provisions: [{}]}}",
            c as char,
            vec![format!("*{prev}"); 9].join(", ")
        );
    }
    let d = parse_text(&ContentKind::Framework, &(framework(50_000) + &bomb))
        .expect_err("an alias bomb");
    assert_eq!(d.code, "yaml-limit");
    assert_eq!(
        d.message,
        "aliases expand to more than 100000 YAML events (an alias bomb?)"
    );
    assert!(d.line > 50_000, "at the bomb, line {}", d.line);

    // Nesting deeper than 64 levels at the end of a big file.
    let mut deep = String::from("  - ");
    for i in 0..80 {
        let _ = write!(deep, "{{id: d{i}, label: {{en: D}}, provisions: [");
    }
    deep.push_str(&"]}".repeat(80));
    deep.push('\n');
    let d = parse_text(&ContentKind::Framework, &(framework(50_000) + &deep)).expect_err("deep");
    assert_eq!(d.code, "yaml-limit");
    assert_eq!(d.message, "nesting is deeper than 64 levels");
}

#[test]
fn many_aliases_to_small_anchors_are_refused() {
    // Each alias is short, but 20,000 of them are more than content needs.
    let mut text =
        String::from("id: x\njurisdiction: tw\ntitle: &t {en: T}\npublisher: *t\ncases:\n");
    for i in 0..20_000 {
        let _ = writeln!(text, "  - {{id: c{i}, name: *t, agency: *t, use_class: x}}");
    }
    let d = parse_text(&ContentKind::Inventory, &text).expect_err("too many aliases");
    assert_eq!(d.code, "yaml-limit");
    assert!(
        !d.message.contains('{') && !d.message.contains("Aliases"),
        "{}",
        d.message
    );
}
