//! The default site's material from the public-sector AI governance framework
//! study (`../shared/seeds/004`, apart from its US instruments) checked
//! against the document.
//!
//! Every expected value here is copied from the study's slides by hand, not
//! from the YAML: the ticks of all 11 cases in its three case tables (header
//! 資料治理 人權保護 倫理 模型可解釋性 個人資料 自動化決策風險, V = ticked,
//! empty = not), each table's inventory and class, the four inventories'
//! declared totals (40, 32, 28, 90), the six risk flags, the five use classes
//! of Engstrom et al. (2020) with their sub-types, the Council of Europe
//! convention's dates, and counts of listed items. The test reads the data
//! downloads whose format issue 2 §7 fixes.

use crate::common::BuiltSite;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// The data downloads of the default site, built once for all tests here.
struct Data {
    cases: Vec<Value>,
    cases_csv: String,
    inventories: Vec<Value>,
    taxonomies: Value,
    frameworks: Vec<Value>,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let site = BuiltSite::default_site();
        let array = |rel: &str| match site.json(rel) {
            Value::Array(items) => items,
            other => panic!("{rel} is not an array: {other}"),
        };
        Data {
            cases: array("data/cases.json"),
            cases_csv: site.read("data/cases.csv"),
            inventories: array("data/inventories.json"),
            taxonomies: site.json("data/taxonomies.json"),
            frameworks: array("data/frameworks.json"),
        }
    })
}

/// The study's six risk flags, in the order of its tables' columns.
const FLAGS: [&str; 6] = [
    "data_governance",
    "human_rights",
    "ethics",
    "explainability",
    "personal_data",
    "automated_decision",
];

/// The four inventories the study analyses.
const STUDY_INVENTORIES: [&str; 4] = ["tw-digi-2023", "tw-gsqa-1-6", "tw-taipei-city", "tw-moi"];

/// One row of the study's case tables, as printed.
struct Row {
    /// 案例名稱 without the 【agency】 bracket.
    name: &'static str,
    /// The table it is in.
    inventory: &'static str,
    use_class: &'static str,
    /// `None` where the table's sub-type is not one of the classification's.
    use_subtype: Option<&'static str>,
    techniques: &'static [&'static str],
    /// The six cells, in column order: true = V.
    ticks: [bool; 6],
}

const V: bool = true;
const O: bool = false;

/// The three tables: 「DIGI+（節錄）」, 「服務獎（節錄）」, 「台北市政府（節錄）」.
const ROWS: [Row; 11] = [
    // DIGI+ (節錄): 執行 / 智慧識別流程
    Row {
        name: "5G智慧警察行動服務研析",
        inventory: "tw-digi-2023",
        use_class: "enforcement",
        use_subtype: Some("intelligent_recognition"),
        techniques: &["image_recognition"],
        ticks: [V, V, V, V, V, O],
    },
    Row {
        name: "AR頭盔前進搜救現場第一線，結合AI提昇救援效率",
        inventory: "tw-digi-2023",
        use_class: "enforcement",
        use_subtype: Some("intelligent_recognition"),
        techniques: &["image_recognition"],
        ticks: [V, V, O, V, V, O],
    },
    Row {
        name: "建置公司登記文件影像自動分類，節省分類建檔成本",
        inventory: "tw-digi-2023",
        use_class: "enforcement",
        use_subtype: Some("intelligent_recognition"),
        techniques: &["image_recognition", "machine_learning"],
        ticks: [V, O, O, V, V, O],
    },
    Row {
        name: "車牌辨識結合AI，智慧勾稽異常清運行為",
        inventory: "tw-digi-2023",
        use_class: "enforcement",
        use_subtype: Some("intelligent_recognition"),
        techniques: &["image_recognition"],
        ticks: [V, V, V, V, V, V],
    },
    Row {
        name: "港區及聯外道路車牌辨識系統、船舶軌跡航行監控分析及新世代海巡偵防業務整合系統",
        inventory: "tw-digi-2023",
        use_class: "enforcement",
        use_subtype: Some("intelligent_recognition"),
        techniques: &["image_recognition"],
        ticks: [V, V, V, V, V, V],
    },
    // 服務獎 (節錄): 管制分析與監控 / 資訊分析流程
    Row {
        name: "台北市政府工務局汙水管AI檢視",
        inventory: "tw-gsqa-1-6",
        use_class: "regulatory_analysis",
        use_subtype: Some("information_analysis"),
        techniques: &["image_recognition"],
        ticks: [V, O, O, V, O, V],
    },
    Row {
        name: "台中市政府建設局自來水管「科技檢漏」",
        inventory: "tw-gsqa-1-6",
        use_class: "regulatory_analysis",
        use_subtype: Some("information_analysis"),
        techniques: &["machine_learning", "dynamic_image_recognition_algorithm"],
        ticks: [V, O, O, V, O, V],
    },
    Row {
        name: "基隆市消防局救災救護新應用「智慧消防2.0」",
        inventory: "tw-gsqa-1-6",
        use_class: "regulatory_analysis",
        use_subtype: Some("information_analysis"),
        techniques: &["image_analysis"],
        ticks: [V, V, O, O, V, V],
    },
    // 台北市政府 (節錄): 內部管理 / 內部管理流程 (not a sub-type of the classification)
    Row {
        name: "建置災害應變雲端協作平臺",
        inventory: "tw-taipei-city",
        use_class: "internal_management",
        use_subtype: None,
        techniques: &["machine_learning", "data_integration_visualisation"],
        ticks: [V, O, O, V, O, V],
    },
    Row {
        name: "決策輔助系統",
        inventory: "tw-taipei-city",
        use_class: "internal_management",
        use_subtype: None,
        techniques: &["big_data_analytics"],
        ticks: [V, V, V, V, V, V],
    },
    Row {
        name: "護理資訊系統",
        inventory: "tw-taipei-city",
        use_class: "internal_management",
        use_subtype: None,
        techniques: &[
            "big_data_analytics",
            "machine_learning",
            "natural_language_processing",
        ],
        ticks: [V, V, V, V, V, V],
    },
];

impl Row {
    fn flags(&self) -> BTreeSet<&'static str> {
        FLAGS
            .iter()
            .zip(self.ticks)
            .filter(|(_, t)| *t)
            .map(|(f, _)| *f)
            .collect()
    }
}

/// The case whose zh-TW name is `name`.
fn case_named(name: &str) -> &'static Value {
    let matches: Vec<&Value> = data()
        .cases
        .iter()
        .filter(|c| c["name"]["zh-TW"] == name)
        .collect();
    assert_eq!(
        matches.len(),
        1,
        "expected exactly one case named {name}, found {}",
        matches.len()
    );
    matches[0]
}

/// A JSON array of strings as a set.
fn string_set(v: &Value, what: &str) -> BTreeSet<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("{what} is not an array: {v}"))
        .iter()
        .map(|s| {
            s.as_str()
                .unwrap_or_else(|| panic!("{what}: not a string: {s}"))
                .to_string()
        })
        .collect()
}

fn owned(set: BTreeSet<&str>) -> BTreeSet<String> {
    set.into_iter().map(str::to_string).collect()
}

/// Cases of the four study inventories.
fn study_cases() -> Vec<&'static Value> {
    data()
        .cases
        .iter()
        .filter(|c| STUDY_INVENTORIES.iter().any(|i| c["inventory"] == *i))
        .collect()
}

#[test]
fn every_reproduced_case_has_the_studys_class_techniques_and_ticks() {
    for row in &ROWS {
        let c = case_named(row.name);
        let id = c["id"].as_str().unwrap_or("?");
        assert_eq!(c["inventory"], row.inventory, "{}: inventory", row.name);
        assert!(
            id.starts_with(&format!("{}-", row.inventory)),
            "{}: id {id} is not <inventory>-NN",
            row.name
        );
        assert_eq!(c["jurisdiction"], "tw", "{}: jurisdiction", row.name);
        assert_eq!(c["use_class"], row.use_class, "{}: use class", row.name);
        if let Some(sub) = row.use_subtype {
            assert_eq!(c["use_subtype"], sub, "{}: use sub-type", row.name);
        } else {
            assert!(
                c["use_subtype"].is_null(),
                "{}: the study's sub-type 內部管理流程 is not in the classification, got {}",
                row.name,
                c["use_subtype"]
            );
        }
        assert_eq!(
            string_set(&c["techniques"], "techniques"),
            owned(row.techniques.iter().copied().collect()),
            "{}: techniques",
            row.name
        );
        assert_eq!(
            string_set(&c["risk_flags"], "risk_flags"),
            owned(row.flags()),
            "{}: risk flags",
            row.name
        );
        let en = c["name"]["en"].as_str().unwrap_or("");
        assert!(!en.trim().is_empty(), "{}: no English name", row.name);
        assert!(
            c["agency"].is_object() || c["agency"].is_string(),
            "{}: no agency",
            row.name
        );
    }
}

#[test]
fn the_study_inventories_hold_exactly_the_eleven_cases() {
    let names: BTreeSet<String> = study_cases()
        .iter()
        .map(|c| c["name"]["zh-TW"].as_str().unwrap_or("").to_string())
        .collect();
    let expected: BTreeSet<String> = ROWS.iter().map(|r| r.name.to_string()).collect();
    assert_eq!(names, expected);
    assert_eq!(study_cases().len(), 11);
}

#[test]
fn per_flag_totals_match_the_tables() {
    // Counted by hand from the three tables' V marks.
    let expected: BTreeMap<&str, usize> = [
        ("data_governance", 11),
        ("human_rights", 7),
        ("ethics", 5),
        ("explainability", 10),
        ("personal_data", 8),
        ("automated_decision", 8),
    ]
    .into_iter()
    .collect();
    let mut counted: BTreeMap<&str, usize> = FLAGS.iter().map(|f| (*f, 0)).collect();
    for c in study_cases() {
        for f in string_set(&c["risk_flags"], "risk_flags") {
            *counted
                .get_mut(f.as_str())
                .unwrap_or_else(|| panic!("unknown flag {f}")) += 1;
        }
    }
    assert_eq!(counted, expected);
    assert_eq!(counted.values().sum::<usize>(), 49);
}

#[test]
fn the_csv_has_one_zero_one_column_per_flag_agreeing_with_the_tables() {
    let mut reader = csv::Reader::from_reader(data().cases_csv.as_bytes());
    let headers = reader.headers().expect("csv headers").clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("cases.csv has no column {name}; has {headers:?}"))
    };
    let id_col = col("id");
    let flag_cols: Vec<usize> = FLAGS.iter().map(|f| col(f)).collect();
    let rows: BTreeMap<String, Vec<String>> = reader
        .records()
        .map(|r| {
            let r = r.expect("csv record");
            let cells: Vec<String> = flag_cols.iter().map(|&i| r[i].to_string()).collect();
            (r[id_col].to_string(), cells)
        })
        .collect();
    for row in &ROWS {
        let id = case_named(row.name)["id"]
            .as_str()
            .expect("case id")
            .to_string();
        let cells = rows
            .get(&id)
            .unwrap_or_else(|| panic!("cases.csv has no row for {id} ({})", row.name));
        let expected: Vec<String> = row
            .ticks
            .iter()
            .map(|t| if *t { "1" } else { "0" }.to_string())
            .collect();
        assert_eq!(cells, &expected, "{}: csv flag columns", row.name);
    }
}

#[test]
fn inventories_declare_the_studys_totals_and_hold_its_excerpts() {
    // 次級資料分析: DIGI+ 2023 – 40案; 服務品質獎(第1-6屆) – 32案;
    // 台北市政府 – 28案; 內政部 – 90案. Held: 5, 3, 3 and 0 reproduced cases.
    let expected = [
        ("tw-digi-2023", 40, 5),
        ("tw-gsqa-1-6", 32, 3),
        ("tw-taipei-city", 28, 3),
        ("tw-moi", 90, 0),
    ];
    for (id, declared, held) in expected {
        let inv = data()
            .inventories
            .iter()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("inventory {id} missing from inventories.json"));
        assert_eq!(inv["declared_total"], declared, "{id}: declared total");
        assert_eq!(inv["cases_held"], held, "{id}: cases held");
        assert_eq!(inv["jurisdiction"], "tw", "{id}: jurisdiction");
        for lang in ["zh-TW", "en"] {
            let t = inv["title"][lang].as_str().unwrap_or("");
            assert!(!t.trim().is_empty(), "{id}: blank {lang} title");
        }
    }
    let digi = data()
        .inventories
        .iter()
        .find(|i| i["id"] == "tw-digi-2023")
        .unwrap();
    assert_eq!(digi["year"], 2023, "DIGI+ 2023: year");
}

/// The terms of vocabulary `kind` in taxonomies.json.
fn terms(kind: &str) -> &'static Vec<Value> {
    data().taxonomies[kind]["terms"]
        .as_array()
        .unwrap_or_else(|| panic!("taxonomies.json has no {kind} terms"))
}

#[test]
fn the_six_risk_flags_in_the_studys_order() {
    let labels = [
        "資料治理",
        "人權保護",
        "倫理",
        "模型可解釋性",
        "個人資料",
        "自動化決策風險",
    ];
    let got: Vec<(&str, &str)> = terms("risk_flags")
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap_or(""),
                t["label"]["zh-TW"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let expected: Vec<(&str, &str)> = FLAGS.iter().copied().zip(labels).collect();
    assert_eq!(got, expected);
    for t in terms("risk_flags") {
        assert!(
            !t["label"]["en"].as_str().unwrap_or("").trim().is_empty(),
            "{}: no English label",
            t["id"]
        );
    }
}

#[test]
fn the_five_use_classes_of_engstrom_et_al_with_their_sub_types() {
    // 政府AI應用五大分類 (Engstrom et al., 2020): class, label, sub-types.
    type Expected<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
    let expected: [Expected; 5] = [
        (
            "enforcement",
            "執行",
            &[
                ("intelligent_recognition", "智慧識別流程"),
                ("audit_log_management", "審計和日誌記錄管理"),
                ("predictive_enforcement", "預測性執法流程"),
                ("inspection_support", "支援檢查流程"),
            ],
        ),
        (
            "regulatory_analysis",
            "管制分析與監控",
            &[
                ("information_analysis", "資訊分析流程"),
                ("implementation_monitoring", "監控政策執行狀況"),
                ("forecasting_planning", "預測和規劃"),
            ],
        ),
        (
            "adjudication",
            "裁決",
            &[("benefit_decisions", "就福利做出決定")],
        ),
        (
            "public_services",
            "公共服務和參與",
            &[
                ("engagement_management", "參與管理"),
                ("data_sharing_management", "資料分享管理"),
                ("service_integration", "服務整合"),
                ("service_personalisation", "服務個性化"),
            ],
        ),
        (
            "internal_management",
            "內部管理",
            &[
                ("core_internal_processes", "內部基本流程"),
                ("internal_support_processes", "內部支援流程"),
            ],
        ),
    ];
    let classes = terms("use_classes");
    assert_eq!(classes.len(), 5, "five use classes");
    for ((id, label, subs), t) in expected.iter().zip(classes) {
        assert_eq!(t["id"], *id);
        assert_eq!(t["label"]["zh-TW"], *label, "{id}: label");
        let got: Vec<(&str, &str)> = t["subtypes"]
            .as_array()
            .unwrap_or_else(|| panic!("{id}: no subtypes"))
            .iter()
            .map(|s| {
                (
                    s["id"].as_str().unwrap_or(""),
                    s["label"]["zh-TW"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(got, subs.to_vec(), "{id}: sub-types");
    }
}

/// The framework with `id` in frameworks.json.
fn framework(id: &str) -> &'static Value {
    data()
        .frameworks
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("framework {id} missing from frameworks.json"))
}

/// The nested provision with `id` under `parent`.
fn provision<'a>(parent: &'a Value, id: &str) -> &'a Value {
    parent["provisions"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["id"] == id))
        .unwrap_or_else(|| panic!("{}: no provision {id}", parent["id"]))
}

fn count(v: &Value) -> usize {
    v["provisions"].as_array().map_or(0, Vec::len)
}

#[test]
fn council_of_europe_convention_dates() {
    // 2023-12-18 draft published; 2024-05-17 adopted; open for signature 2024-09-05.
    let f = framework("coe-ai-convention");
    assert_eq!(f["jurisdiction"], "coe");
    assert_eq!(f["type"], "treaty");
    assert_eq!(f["dates"]["draft"], "2023-12-18");
    assert_eq!(f["dates"]["adopted"], "2024-05-17");
    assert_eq!(f["dates"]["open_for_signature"], "2024-09-05");
    assert_eq!(f["status"], "open_for_signature");
}

#[test]
fn other_dates_the_study_states() {
    let uk_bill = framework("gb-ai-regulation-bill-2023");
    assert_eq!(uk_bill["dates"]["proposed"], "2023-12");
    assert_eq!(uk_bill["dates"]["lapsed"], "2024-05");
    assert_eq!(uk_bill["status"], "lapsed");
    assert_eq!(
        framework("gb-public-sector-ai-bill-2024")["dates"]["proposed"],
        "2024-09"
    );
    assert_eq!(framework("gb-ai-bill-2025")["dates"]["proposed"], "2025");
    assert_eq!(
        framework("au-ai-ethics-principles-2019")["dates"]["published"],
        "2019"
    );
    assert_eq!(
        framework("au-voluntary-ai-safety-standard-2024")["dates"]["published"],
        "2024-08"
    );
    assert_eq!(
        framework("au-mandatory-guardrails-proposal-2024")["dates"]["proposed"],
        "2024-09"
    );
    assert_eq!(
        framework("eu-ai-factories-2024")["dates"]["established"],
        "2024-12"
    );
    assert_eq!(
        framework("un-governing-ai-for-humanity-2024")["dates"]["published"],
        "2024"
    );
}

#[test]
fn counts_of_listed_items() {
    // UK white paper: 5 principles. UN: 5 principles. EuroStack: 7 principles.
    assert_eq!(count(framework("gb-ai-white-paper-2023")), 5);
    assert_eq!(count(framework("un-governing-ai-for-humanity-2024")), 5);
    assert_eq!(count(framework("eu-eurostack")), 7);
    // EU AI Act: the seven requirements listed under registration by public authorities.
    assert_eq!(
        count(provision(framework("eu-ai-act"), "public-registration")),
        7
    );
    // Australia: two categories of high risk; ten guardrails, five of them listed.
    let au = framework("au-mandatory-guardrails-proposal-2024");
    assert_eq!(count(provision(au, "high-risk")), 2);
    let guardrails = provision(au, "guardrails");
    assert_eq!(count(guardrails), 10);
    let with_summary = guardrails["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["summary"].is_object())
        .count();
    assert_eq!(with_summary, 5, "the study lists guardrails 1–5 only");
    // Australia's 2019 AI Ethics Principles: eight.
    assert_eq!(
        count(provision(
            framework("au-ai-ethics-principles-2019"),
            "principles"
        )),
        8
    );
    // The study: 6 gaps; functions of AI in government with 4, 3 and 7 uses.
    let study = framework("tw-public-sector-ai-framework-study");
    assert_eq!(study["jurisdiction"], "tw");
    assert_eq!(study["type"], "study");
    assert_eq!(count(provision(study, "gaps")), 6);
    let functions = provision(study, "gov-functions");
    let uses: Vec<usize> = functions["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(count)
        .collect();
    assert_eq!(uses, vec![4, 3, 7]);
    // Recommendations by stage: 7 + 6 + 5 + 5.
    let recs = provision(study, "recommendations");
    let mut per_stage: Vec<usize> = recs["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(count)
        .collect();
    per_stage.sort_unstable();
    assert_eq!(per_stage, vec![5, 5, 6, 7]);
}
