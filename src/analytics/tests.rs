//! The figures of a small site made by hand, checked against counts made by
//! hand (written out beside each assertion).

use super::*;
use crate::model::{assemble, CaseRef, Vocabulary};
use crate::schema::{Framework, Inventory, Jurisdiction, SiteConfig, VocabularyFile};
use std::collections::BTreeMap;

/// Three flags (a, b, c), two use classes (x, y), two principles (p, q).
///
/// Inventory `i1` (tw): one method, `review`, that assesses every flag.
///   c1 x [a, b] · c2 x [a] · c3 y []
/// Inventory `i2` (us): import rules. `rules` (the default) assesses a and
///   b, not c; `rule-a` assesses a, `rule-b` b.
///   c4 y [a]     a by rule-a
///   c5 x []
///   c6 y [a, b]  a by rule-a, b by rule-b
///   c7 x []      b not assessed (no answer)
///   c8 y [b]     b by rule-b, a not assessed
/// Frameworks, with a data date of 2025-07:
///   f1 tw proposed 2023; principles w1 → p, w2 → p, q
///   f2 tw adopted 2024-01, revoked 2025-09 (after the data date); binding
///   f3 us in force 2024, superseded 2025-01; principle w3 → q
///   f4 us no status
fn site() -> Site {
    let config: SiteConfig = serde_saphyr::from_str(
        "title: {en: T}\nbase_url: https://x.org/\nlanguages: [en]\ndefault_language: en\ndata_date: \"2025-07\"\n",
    )
    .unwrap();
    let mut vocab = BTreeMap::new();
    for src in [
        "vocabulary: risk_flags\nterms: [{id: a, label: {en: A}}, {id: b, label: {en: B}}, {id: c, label: {en: C}}]",
        "vocabulary: use_classes\nterms: [{id: x, label: {en: X}}, {id: y, label: {en: Y}}]",
        "vocabulary: principles\nterms: [{id: p, label: {en: P}}, {id: q, label: {en: Q}}]",
    ] {
        let f: VocabularyFile = serde_saphyr::from_str(src).unwrap();
        vocab.insert(f.vocabulary.value, Vocabulary::new(None, None, f.terms));
    }
    let inv = |head: &str, cases: &str| -> Inventory {
        serde_saphyr::from_str(&format!(
            "{head}\ntitle: {{en: I}}\npublisher: {{en: P}}\ncases:\n{cases}"
        ))
        .unwrap()
    };
    let case = |id: &str, class: &str, rest: &str| {
        format!(
            "  - {{id: {id}, name: {{en: {id}}}, agency: {{en: g}}, use_class: {class}, {rest}}}\n"
        )
    };
    let i1 = inv(
        "id: i1\njurisdiction: tw\ndeclared_total: 30\nflag_methods: [{id: review, label: {en: R}, description: {en: R}}]\ndefault_flag_method: review",
        &[
            case("c1", "x", "risk_flags: [a, b]"),
            case("c2", "x", "risk_flags: [a]"),
            case("c3", "y", "risk_flags: []"),
        ]
        .concat(),
    );
    let i2 = inv(
        "id: i2\njurisdiction: us\nflag_methods: [{id: rules, label: {en: R}, description: {en: R}, assesses: [a, b]}, {id: rule-a, label: {en: A}, description: {en: A}, assesses: [a]}, {id: rule-b, label: {en: B}, description: {en: B}, assesses: [b]}]\ndefault_flag_method: rules",
        &[
            case("c4", "y", "risk_flags: [a], flag_provenance: [{flag: a, method: rule-a}]"),
            case("c5", "x", "risk_flags: []"),
            case("c6", "y", "risk_flags: [a, b], flag_provenance: [{flag: a, method: rule-a}, {flag: b, method: rule-b}]"),
            case("c7", "x", "risk_flags: [], not_assessed: [b]"),
            case("c8", "y", "risk_flags: [b], flag_provenance: [{flag: b, method: rule-b}], not_assessed: [a]"),
        ]
        .concat(),
    );
    let fw = |id: &str, j: &str, rest: &str| -> Framework {
        serde_saphyr::from_str(&format!(
            "id: {id}\njurisdiction: {j}\ntype: law\ntitle: {{en: {id}}}\n{rest}"
        ))
        .unwrap()
    };
    let frameworks = vec![
        fw("f1", "tw", "binding: false\nstatus_history: [{date: \"2023\", status: proposed}]\nprinciples: [{maps_to: [p], wording: {en: w1}}, {maps_to: [p, q], wording: {en: w2}}]"),
        fw("f2", "tw", "binding: true\nstatus_history: [{date: \"2024-01\", status: adopted}, {date: \"2025-09\", status: revoked}]"),
        fw("f3", "us", "binding: true\nstatus_history: [{date: \"2024\", status: in_force}, {date: \"2025-01\", status: superseded}]\nprinciples: [{maps_to: [q], wording: {en: w3}}]"),
        fw("f4", "us", "binding: false"),
    ];
    let jurisdiction = |id: &str| -> Jurisdiction {
        serde_saphyr::from_str(&format!("id: {id}\nkind: country\nname: {{en: {id}}}\n")).unwrap()
    };
    let mut site = assemble(
        config,
        vocab,
        vec![],
        vec![jurisdiction("tw"), jurisdiction("us")],
        frameworks,
        vec![i1, i2],
        vec![],
    );
    analyse(&mut site);
    site
}

fn fc(assessed: usize, flagged: usize) -> FlagCount {
    FlagCount { assessed, flagged }
}

#[test]
fn flags_are_counted_per_inventory_over_the_cases_assessed() {
    let s = site();
    let [i1, i2] = &s.figures.inventories[..] else {
        panic!("two inventories")
    };
    // i1: every flag assessed on all 3 cases; a on c1, c2; b on c1.
    assert_eq!((i1.held, i1.declared), (3, Some(30)));
    assert_eq!(i1.flags, [fc(3, 2), fc(3, 1), fc(3, 0)]);
    assert_eq!((i1.unflagged, i1.unassessed), (1, 0));
    assert!(i1.uniformly_assessed());
    // i2: a is assessed on c4–c7 (not c8), ticked on c4, c6; b on c4, c5,
    // c6, c8 (not c7), ticked on c6, c8; c on none (no method assesses it).
    assert_eq!(i2.held, 5);
    assert_eq!(i2.flags, [fc(4, 2), fc(4, 2), fc(0, 0)]);
    assert_eq!(
        i2.flags.iter().map(FlagCount::share).collect::<Vec<_>>(),
        [Share::Percent(50), Share::Percent(50), Share::NotAssessed]
    );
    assert_eq!((i2.unflagged, i2.unassessed), (2, 0));
    // c8 leaves a unanswered, c7 b.
    assert_eq!(i2.unanswered, [1, 1, 0]);
    assert!(!i2.uniformly_assessed());
}

#[test]
fn use_classes_pairs_and_methods_count_the_same_way() {
    let s = site();
    let i2 = &s.figures.inventories[1];
    // x: c5, c7. a assessed on both, b on c5 only; nothing ticked.
    // y: c4, c6, c8. a assessed on c4, c6 (both ticked); b on all three,
    // ticked on c6, c8.
    let by_class: Vec<(usize, Vec<FlagCount>)> = i2
        .by_use_class
        .iter()
        .map(|c| (c.cases, c.flags.clone()))
        .collect();
    assert_eq!(
        by_class,
        [
            (2, vec![fc(2, 0), fc(1, 0), fc(0, 0)]),
            (3, vec![fc(2, 2), fc(3, 2), fc(0, 0)]),
        ]
    );
    // a and b both assessed on c4, c5, c6; both ticked on c6.
    assert_eq!(i2.pairs[0][1], fc(3, 1));
    assert_eq!(i2.pairs[1][0], fc(3, 1));
    assert_eq!(i2.pairs[0][0], i2.flags[0]);
    assert_eq!(i2.pairs[2][2], fc(0, 0));
    // rules answers for a on c5, c7 and for b on c4, c5 (3 cases);
    // rule-a for a on c4, c6; rule-b for b on c6, c8.
    let methods: Vec<(&str, Vec<usize>, usize)> = i2
        .methods
        .iter()
        .map(|m| (m.id.as_str(), m.assessed.clone(), m.cases))
        .collect();
    assert_eq!(
        methods,
        [
            ("rules", vec![2, 2, 0], 3),
            ("rule-a", vec![2, 0, 0], 2),
            ("rule-b", vec![0, 2, 0], 2),
        ]
    );
}

#[test]
fn instruments_count_by_their_status_on_the_data_date() {
    let s = site();
    let ids = |list: &[usize]| -> Vec<&str> {
        list.iter()
            .map(|&i| s.frameworks[i].id.value.as_str())
            .collect()
    };
    let tw = &s.figures.jurisdictions[0];
    // f2's revocation (2025-09) comes after the data date (2025-07).
    assert_eq!(ids(tw.of_phase(Phase::Current)), ["f2"]);
    assert_eq!(ids(tw.of_phase(Phase::Pending)), ["f1"]);
    let us = &s.figures.jurisdictions[1];
    assert_eq!(ids(us.of_phase(Phase::Ended)), ["f3"]);
    assert_eq!(ids(us.of_phase(Phase::NotStated)), ["f4"]);
    let h = headline(&s);
    assert_eq!(
        (h.frameworks, h.current, h.binding_current, h.cases),
        (4, 1, 1, 8)
    );
}

#[test]
fn the_crosswalk_counts_wordings_per_instrument_and_instruments_per_jurisdiction() {
    let s = site();
    let c = &s.figures.crosswalk;
    let ids: Vec<&str> = c
        .instruments
        .iter()
        .map(|&i| s.frameworks[i].id.value.as_str())
        .collect();
    assert_eq!(ids, ["f1", "f3"]);
    assert_eq!(c.naming, [1, 1]);
    // p: both of f1's wordings, none of f3's. q: w2 of f1, w3 of f3.
    assert_eq!(c.cells, [vec![2, 0], vec![1, 1]]);
    assert_eq!(c.by_jurisdiction, [vec![1, 0], vec![1, 1]]);
}

#[test]
fn a_replaced_case_adjusts_the_figures_as_a_recount_would() {
    let mut s = site();
    let edited = |s: &Site, r: CaseRef, yaml: &str| -> Case {
        let mut c: Case = serde_saphyr::from_str(yaml).unwrap();
        c.id = s.inventories[r.inventory].cases[r.case].id.clone();
        c
    };
    let at = |inventory, case| CaseRef { inventory, case };
    for (r, yaml) in [
        // Flags changed, class kept.
        (
            at(0, 0),
            "{id: c1, name: {en: c1}, agency: {en: g}, use_class: x, risk_flags: [c]}",
        ),
        // A flag set by a rule becomes unanswered, the class changes.
        (
            at(1, 0),
            "{id: c4, name: {en: c4}, agency: {en: g}, use_class: x, risk_flags: [], not_assessed: [a]}",
        ),
        // An unanswered flag is answered and ticked by its rule.
        (
            at(1, 3),
            "{id: c7, name: {en: c7}, agency: {en: g}, use_class: x, risk_flags: [b], flag_provenance: [{flag: b, method: rule-b}]}",
        ),
    ] {
        let case = edited(&s, r, yaml);
        s.replace_case(r, case);
        let recount = Figures::of(&s);
        assert_eq!(s.figures.inventories, recount.inventories, "after {r:?}");
    }
    let i2 = &s.figures.inventories[1];
    // a: assessed on c5, c6, c7 (c4, c8 not), ticked on c6; b: assessed
    // on c4–c8, ticked on c6, c7, c8.
    assert_eq!(i2.flags, [fc(3, 1), fc(5, 3), fc(0, 0)]);
}

#[test]
fn the_briefings_rows_sum_a_jurisdictions_inventories() {
    let s = site();
    let us = flags_for_jurisdiction(&s, "us");
    assert_eq!(
        (us.cases, us.counts.clone(), us.assessed.clone()),
        (5, vec![2, 2, 0], vec![4, 4, 0])
    );
    assert_eq!(flags_for_jurisdiction(&s, "jp").cases, 0);
    assert_eq!(flags_for_inventory(&s, 0).counts, vec![2, 1, 0]);
}

#[test]
fn a_case_of_another_jurisdiction_counts_there_and_not_in_its_inventorys() {
    let mut s = site();
    let r = CaseRef {
        inventory: 1,
        case: 2,
    };
    // c6 (y, [a, b], by the rules) moves to tw.
    let c6: Case = serde_saphyr::from_str(
        "{id: c6, name: {en: c6}, agency: {en: g}, use_class: y, jurisdiction: tw, risk_flags: [a, b], flag_provenance: [{flag: a, method: rule-a}, {flag: b, method: rule-b}]}",
    )
    .unwrap();
    s.replace_case(r, c6);
    assert_eq!(s.figures.parts, Figures::of(&s).parts, "as a recount");
    // i2 is split: us holds c4, c5, c7, c8; tw holds c6.
    let us = s.figures.scoped(1, Some("us")).unwrap();
    let tw = s.figures.scoped(1, Some("tw")).unwrap();
    assert_eq!((us.held, tw.held, us.declared), (4, 1, None));
    // us: a assessed on c4 (rule-a, ticked), c5, c7 (the rules), not on
    // c8 (no answer); b on c4, c5 (the rules), c8 (rule-b, ticked), not on
    // c7 (no answer).
    assert_eq!(us.flags, [fc(3, 1), fc(3, 1), fc(0, 0)]);
    assert_eq!(tw.flags, [fc(1, 1), fc(1, 1), fc(0, 0)]);
    // The whole inventory is unchanged; i1 is not split.
    assert_eq!(s.figures.inventories[1].held, 5);
    assert!(s.figures.scoped(0, Some("us")).is_none());
    assert_eq!(s.figures.inventories_of("tw").collect::<Vec<_>>(), [0, 1]);
    assert_eq!(s.figures.inventories_of("us").collect::<Vec<_>>(), [1]);
    // The briefing's row for tw: i1's three cases and c6.
    let tw_row = flags_for_jurisdiction(&s, "tw");
    assert_eq!((tw_row.cases, tw_row.counts.clone()), (4, vec![3, 2, 0]));
}
