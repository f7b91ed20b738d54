//! The default site's US, Taiwan, Japan and G7 material checked against the
//! research documents (`../shared/seeds/000`–`003` and the US part of `004`).
//!
//! Every expected figure here is copied from the documents, not from the YAML:
//! the 17 articles of Taiwan's draft AI Basic Act and the 7 principles of its
//! Article 3; the 13 + 8 + 7 strategies of America's AI Action Plan; the three
//! actions of 4 May 2023 with their figures; the key dates; and the relations
//! between instruments. The test reads `data/frameworks.json` as issue 2 §7
//! fixes it.

use crate::common::BuiltSite;
use serde_json::Value;
use std::sync::OnceLock;

/// `data/frameworks.json` of the default site, built once for all tests here.
fn frameworks() -> &'static Vec<Value> {
    static FRAMEWORKS: OnceLock<Vec<Value>> = OnceLock::new();
    FRAMEWORKS.get_or_init(|| {
        let site = BuiltSite::default_site();
        match site.json("data/frameworks.json") {
            Value::Array(items) => items,
            other => panic!("frameworks.json is not an array: {other}"),
        }
    })
}

/// The framework with `id`, panicking with the ids present if it is missing.
fn framework(id: &str) -> &'static Value {
    frameworks()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| {
            let ids: Vec<&str> = frameworks()
                .iter()
                .filter_map(|f| f["id"].as_str())
                .collect();
            panic!("framework {id} missing from frameworks.json; have {ids:?}")
        })
}

/// A text object's value in `lang`, required non-blank.
fn text<'a>(v: &'a Value, lang: &str, what: &str) -> &'a str {
    let s = v[lang]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: no {lang} text in {v}"));
    assert!(!s.trim().is_empty(), "{what}: blank {lang} text");
    s
}

/// The `provisions` array of a framework or provision.
fn provisions(v: &Value) -> &Vec<Value> {
    v["provisions"]
        .as_array()
        .unwrap_or_else(|| panic!("no provisions array in {}", v["id"]))
}

/// The dates a framework records, as written.
fn dates(f: &Value) -> Vec<String> {
    f["dates"]
        .as_object()
        .unwrap_or_else(|| panic!("{}: dates is not an object", f["id"]))
        .values()
        .filter_map(|d| d.as_str().map(str::to_string))
        .collect()
}

/// The date a framework records for `status`.
fn date_of(f: &Value, status: &str) -> Option<String> {
    f["dates"][status].as_str().map(str::to_string)
}

/// True when the framework declares a relation of `kind` to `target`.
fn has_relation(f: &Value, kind: &str, target: &str) -> bool {
    f["relations"].as_array().is_some_and(|rs| {
        rs.iter()
            .any(|r| r["type"] == kind && r["target"] == target)
    })
}

const CHINESE_NUMERALS: [&str; 17] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六", "十七",
];

#[test]
fn taiwan_draft_ai_basic_act_has_all_17_articles_in_order() {
    let act = framework("tw-ai-basic-act-draft");
    assert_eq!(act["jurisdiction"], "tw");
    assert_eq!(act["type"], "draft_bill");
    assert_eq!(act["status"], "draft");
    text(&act["title"], "zh-TW", "title");
    text(&act["title"], "en", "title");
    assert!(text(&act["title"], "zh-TW", "title").contains("人工智慧基本法草案"));

    let articles = provisions(act);
    assert_eq!(articles.len(), 17, "the draft has 17 articles");
    for (i, article) in articles.iter().enumerate() {
        let n = i + 1;
        assert_eq!(article["id"], format!("art-{n}"));
        assert_eq!(
            text(&article["label"], "zh-TW", "label"),
            format!("第{}條", CHINESE_NUMERALS[i])
        );
        assert_eq!(
            text(&article["label"], "en", "label"),
            format!("Article {n}")
        );
        text(&article["summary"], "zh-TW", "summary");
        text(&article["summary"], "en", "summary");
    }
    // Article 17: the Executive Yuan fixes the date the act takes effect.
    assert!(text(&articles[16]["summary"], "zh-TW", "art 17").contains("行政院"));
    // Article 9: the Ministry of Digital Affairs promotes the risk-classification framework.
    assert!(text(&articles[8]["summary"], "zh-TW", "art 9").contains("數位發展部"));
    assert!(text(&articles[8]["summary"], "zh-TW", "art 9").contains("風險分類框架"));
}

#[test]
fn taiwan_draft_article_3_lists_seven_principles() {
    let act = framework("tw-ai-basic-act-draft");
    let art3 = &provisions(act)[2];
    let summary = text(&art3["summary"], "zh-TW", "art 3");
    let principles = [
        "永續性",
        "人類自主性",
        "隱私保護及資料治理",
        "安全性",
        "透明及可解釋性",
        "公平性",
        "可問責性",
    ];
    for p in principles {
        assert!(summary.contains(p), "Article 3 summary lacks principle {p}");
    }

    // frameworks.json may carry the principles with their crosswalk mapping.
    if let Some(listed) = act["principles"].as_array() {
        let at_art3: Vec<&Value> = listed
            .iter()
            .filter(|p| p["provision"].is_null() || p["provision"] == "art-3")
            .collect();
        assert_eq!(at_art3.len(), 7, "Article 3 states 7 principles");
        let expected_maps = [
            "sustainability_wellbeing",
            "human_oversight_autonomy",
            "privacy_data_governance",
            "safety_security",
            "transparency_explainability",
            "fairness_non_discrimination",
            "accountability",
        ];
        for ((p, name), crosswalk) in at_art3.iter().zip(principles).zip(expected_maps) {
            let wording = text(&p["wording"], "zh-TW", "principle wording");
            assert!(
                wording.starts_with(name),
                "principle {wording} should be {name}"
            );
            text(&p["wording"], "en", "principle wording");
            let maps: Vec<&str> = p["maps_to"]
                .as_array()
                .expect("maps_to array")
                .iter()
                .filter_map(Value::as_str)
                .collect();
            assert!(
                maps.contains(&crosswalk),
                "{name} should map to {crosswalk}, maps to {maps:?}"
            );
        }
    }
}

#[test]
fn taiwan_draft_cites_every_foreign_instrument_its_explanations_name() {
    let act = framework("tw-ai-basic-act-draft");
    for target in [
        "eu-ai-act",
        "us-nist-ai-rmf",
        "us-national-ai-initiative-act-2020",
        "oecd-ai-principles-2019",
        "us-blueprint-ai-bill-of-rights",
        "g7-hiroshima-code-of-conduct",
        "sg-genai-framework-2024",
        "gb-genai-framework-2024",
        "kr-ai-basic-act",
        "un-unesco-ai-ethics-recommendation",
        "eu-ethics-guidelines-2019",
        "kr-national-informatization-act",
        "au-safe-responsible-ai-discussion-paper-2023",
    ] {
        assert!(
            has_relation(act, "cites", target),
            "the draft should cite {target}"
        );
        framework(target);
    }
    assert_eq!(framework("sg-genai-framework-2024")["jurisdiction"], "sg");
    assert_eq!(framework("gb-genai-framework-2024")["jurisdiction"], "gb");
    assert_eq!(framework("kr-ai-basic-act")["jurisdiction"], "kr");
    assert_eq!(framework("oecd-ai-principles-2019")["jurisdiction"], "oecd");
    assert_eq!(
        framework("un-unesco-ai-ethics-recommendation")["jurisdiction"],
        "un"
    );
    // The years the citations name.
    assert!(dates(framework("oecd-ai-principles-2019")).contains(&"2019".to_string()));
    assert!(dates(framework("sg-genai-framework-2024")).contains(&"2024".to_string()));
    assert!(dates(framework("gb-genai-framework-2024")).contains(&"2024".to_string()));
    assert!(dates(framework("us-blueprint-ai-bill-of-rights")).contains(&"2022".to_string()));
}

#[test]
fn action_plan_has_three_pillars_with_13_8_and_7_strategies() {
    let plan = framework("us-ai-action-plan-2025");
    assert_eq!(plan["jurisdiction"], "us");
    assert_eq!(plan["type"], "action_plan");
    assert!(
        dates(plan).contains(&"2025-07".to_string()),
        "published July 2025"
    );

    let pillars = provisions(plan);
    assert_eq!(pillars.len(), 3, "three pillars");
    let goals = [
        "營造有利於私營部門創新的環境",
        "美國必須建立能支持未來AI發展所需的基礎設施",
        "促進美國 AI 技術與標準於國際間的採用",
    ];
    let counts = [13, 8, 7];
    let mut total = 0;
    for ((pillar, goal), count) in pillars.iter().zip(goals).zip(counts) {
        let summary = text(&pillar["summary"], "zh-TW", "pillar goal");
        let squash = |s: &str| s.replace(' ', "");
        assert!(
            squash(summary).contains(&squash(goal)),
            "pillar goal should say {goal}: {summary}"
        );
        text(&pillar["summary"], "en", "pillar goal");
        let strategies = provisions(pillar);
        assert_eq!(
            strategies.len(),
            count,
            "pillar {} strategies",
            pillar["id"]
        );
        for s in strategies {
            text(&s["label"], "zh-TW", "strategy label");
            text(&s["label"], "en", "strategy label");
            text(&s["summary"], "zh-TW", "strategy summary");
            text(&s["summary"], "en", "strategy summary");
        }
        total += strategies.len();
    }
    assert_eq!(total, 28);
    // Pillar I, strategy 2: revise the NIST AI RMF, removing DEI and climate change.
    let s2 = text(&provisions(&pillars[0])[1]["summary"], "zh-TW", "p1-s2");
    assert!(s2.contains("DEI") && s2.contains("氣候變遷"));
}

#[test]
fn actions_of_4_may_2023_carry_the_documents_figures() {
    let actions = framework("us-2023-05-04-actions");
    assert_eq!(actions["jurisdiction"], "us");
    assert!(dates(actions).contains(&"2023-05-04".to_string()));
    let items = provisions(actions);
    assert_eq!(items.len(), 3, "three actions");

    let research_zh = text(&items[0]["summary"], "zh-TW", "action 1");
    let research_en = text(&items[0]["summary"], "en", "action 1");
    assert!(
        research_zh.contains("1.4億美元")
            && research_zh.contains("7個")
            && research_zh.contains("25個")
    );
    assert!(
        research_en.contains("140 million")
            && research_en.contains('7')
            && research_en.contains("25")
    );

    let evaluation_en = text(&items[1]["summary"], "en", "action 2");
    for developer in [
        "Anthropic",
        "Google",
        "Hugging Face",
        "Microsoft",
        "NVIDIA",
        "OpenAI",
        "Stability AI",
    ] {
        assert!(
            evaluation_en.contains(developer),
            "action 2 should name {developer}"
        );
    }
    assert!(has_relation(
        actions,
        "cites",
        "us-blueprint-ai-bill-of-rights"
    ));
    assert!(has_relation(actions, "cites", "us-nist-ai-rmf"));

    let omb_zh = text(&items[2]["summary"], "zh-TW", "action 3");
    assert!(omb_zh.contains("2023年夏季"));
    assert!(text(&items[2]["summary"], "en", "action 3").contains("summer 2023"));

    let equity = framework("us-eo-14091");
    assert!(
        dates(equity).contains(&"2023-02".to_string()),
        "signed February 2023"
    );
    let directions: String = provisions(equity)
        .iter()
        .map(|p| text(&p["summary"], "zh-TW", "EO 14091 direction").to_string())
        .collect();
    assert!(
        directions.contains("演算法歧視"),
        "EO 14091 addresses algorithmic discrimination"
    );
}

#[test]
fn us_swing_from_strict_to_light_touch_is_dated_and_related() {
    let eo_14179 = framework("us-eo-14179");
    assert_eq!(eo_14179["type"], "executive_order");
    assert!(
        dates(eo_14179).contains(&"2025-01".to_string()),
        "EO 14179 in January 2025"
    );
    assert!(has_relation(eo_14179, "revokes", "us-eo-14110"));

    let eo_14110 = framework("us-eo-14110");
    assert_eq!(eo_14110["status"], "revoked");
    assert_eq!(date_of(eo_14110, "revoked").as_deref(), Some("2025-01"));

    let m_25_21 = framework("us-omb-m-25-21");
    assert_eq!(m_25_21["type"], "memorandum");
    assert!(
        dates(m_25_21).contains(&"2025-04".to_string()),
        "M-25-21 in April 2025"
    );
    assert!(has_relation(m_25_21, "supersedes", "us-omb-m-24-10"));
    let points: String = provisions(m_25_21)
        .iter()
        .map(|p| text(&p["summary"], "zh-TW", "M-25-21 point").to_string())
        .collect();
    assert!(
        points.contains("高影響力人工智慧"),
        "M-25-21 introduces high-impact AI"
    );

    let m_24_10 = framework("us-omb-m-24-10");
    assert_eq!(m_24_10["status"], "superseded");
    assert_eq!(date_of(m_24_10, "superseded").as_deref(), Some("2025-04"));
}

#[test]
fn japan_aisi_and_the_hiroshima_ai_process_are_dated() {
    let aisi = framework("jp-aisi");
    assert_eq!(aisi["jurisdiction"], "jp");
    assert_eq!(aisi["type"], "institute");
    assert_eq!(aisi["status"], "established");
    assert_eq!(date_of(aisi, "established").as_deref(), Some("2024-02-14"));
    let duties = provisions(aisi);
    assert_eq!(duties.len(), 4, "AISI has four duties");
    assert!(text(&duties[3]["summary"], "en", "duty 4").contains("USAISI"));

    let ministers = framework("g7-digital-ministers-2023-12");
    assert_eq!(ministers["jurisdiction"], "g7");
    assert!(
        dates(ministers).contains(&"2023-12-01".to_string()),
        "meeting of 1 December 2023"
    );
    assert_eq!(
        provisions(ministers).len(),
        3,
        "framework, principles, code of conduct"
    );
    for id in [
        "g7-hiroshima-framework",
        "g7-hiroshima-principles",
        "g7-hiroshima-code-of-conduct",
    ] {
        let f = framework(id);
        assert_eq!(f["jurisdiction"], "g7");
        assert!(
            dates(f).contains(&"2023-12-01".to_string()),
            "{id} dated 2023-12-01"
        );
    }
}

#[test]
fn every_us_tw_jp_instrument_has_both_titles() {
    for f in frameworks() {
        let jurisdiction = f["jurisdiction"].as_str().unwrap_or_default();
        if ["us", "tw", "jp", "g7", "oecd", "sg", "kr"].contains(&jurisdiction) {
            let id = f["id"].as_str().unwrap_or_default();
            text(&f["title"], "zh-TW", id);
            text(&f["title"], "en", id);
        }
    }
}
