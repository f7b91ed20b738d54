//! A synthetic govatlas site of any size, for benchmarks and tests.
//!
//! `cargo run --release --example synth -- <cases> <DIR>` writes a complete
//! site root in DIR (DIR/content/...): site.yaml, every vocabulary, a
//! bibliography, 50 jurisdictions, 500 frameworks of ~20 provisions, 20
//! inventories sharing <cases> cases, and two Markdown pages, all in zh-TW
//! and English with realistic text. The output depends only on <cases>
//! (a fixed-seed generator), so two runs write identical bytes.
//!
//! `--variant N` (optional, after DIR) changes the site title only, so a
//! benchmark can force every page to change without changing the shape.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// SplitMix64: tiny, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// `k` distinct indexes below `n`, sorted.
    fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + self.below(n - i);
            idx.swap(i, j);
        }
        let mut out = idx[..k.min(n)].to_vec();
        out.sort_unstable();
        out
    }
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn q(s: &str) -> String {
    serde_json::to_string(s).expect("string")
}

/// A bilingual text block at `indent`.
fn text(out: &mut String, indent: usize, key: &str, zh: &str, en: &str) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}{key}:");
    let _ = writeln!(out, "{pad}  zh-TW: {}", q(zh));
    let _ = writeln!(out, "{pad}  en: {}", q(en));
}

const RISK_FLAGS: &[(&str, &str, &str)] = &[
    ("data_governance", "資料治理", "Data governance"),
    ("human_rights", "人權保護", "Human-rights protection"),
    ("ethics", "倫理", "Ethics"),
    ("explainability", "模型可解釋性", "Model explainability"),
    ("personal_data", "個人資料", "Personal data"),
    (
        "automated_decision",
        "自動化決策",
        "Automated decision-making",
    ),
];

const USE_CLASSES: &[(&str, &str, &str, &[(&str, &str, &str)])] = &[
    (
        "enforcement",
        "執行",
        "Enforcement",
        &[
            (
                "intelligent_recognition",
                "智慧識別流程",
                "Intelligent recognition processes",
            ),
            (
                "audit_log_management",
                "審計和日誌記錄管理",
                "Audit and log management",
            ),
            (
                "predictive_enforcement",
                "預測性執法",
                "Predictive enforcement",
            ),
            ("inspection_support", "稽查輔助", "Inspection support"),
        ],
    ),
    (
        "regulatory_analysis",
        "法規分析",
        "Regulatory analysis",
        &[
            ("information_analysis", "資訊分析", "Information analysis"),
            (
                "implementation_monitoring",
                "執行監測",
                "Implementation monitoring",
            ),
            (
                "forecasting_planning",
                "預測與規劃",
                "Forecasting and planning",
            ),
        ],
    ),
    (
        "adjudication",
        "裁決",
        "Adjudication",
        &[
            ("benefit_decisions", "給付決定", "Benefit decisions"),
            ("case_triage", "案件分流", "Case triage"),
        ],
    ),
    (
        "public_services",
        "公共服務",
        "Public services",
        &[
            (
                "engagement_management",
                "民眾互動管理",
                "Engagement management",
            ),
            ("service_delivery", "服務遞送", "Service delivery"),
        ],
    ),
    (
        "internal_management",
        "內部管理",
        "Internal management",
        &[
            ("procurement", "採購管理", "Procurement"),
            ("human_resources", "人力資源", "Human resources"),
        ],
    ),
];

const TECHNIQUES: &[(&str, &str, &str)] = &[
    ("image_recognition", "影像辨識", "Image recognition"),
    ("machine_learning", "機器學習", "Machine learning"),
    ("image_analysis", "影像分析", "Image analysis"),
    ("big_data_analytics", "巨量資料分析", "Big-data analytics"),
    (
        "natural_language_processing",
        "自然語言處理",
        "Natural-language processing",
    ),
    ("speech_recognition", "語音辨識", "Speech recognition"),
    (
        "large_language_model",
        "大型語言模型",
        "Large language model",
    ),
    ("predictive_model", "預測模型", "Predictive model"),
    ("iot_sensing", "物聯網感測", "IoT sensing"),
    ("drone_inspection", "無人機巡查", "Drone inspection"),
    ("face_recognition", "人臉辨識", "Face recognition"),
    ("optimisation", "最佳化演算法", "Optimisation algorithms"),
];

const INSTRUMENT_TYPES: &[(&str, &str, &str)] = &[
    ("law", "法律", "Law"),
    ("draft_bill", "法律草案", "Draft bill"),
    ("executive_order", "行政命令", "Executive order"),
    ("guidelines", "指引", "Guidelines"),
    ("action_plan", "行動計畫", "Action plan"),
    ("white_paper", "白皮書", "White paper"),
    ("treaty", "條約", "Treaty"),
    ("principles", "原則", "Principles"),
];

const STATUSES: &[(&str, &str, &str)] = &[
    ("draft", "草案", "Draft"),
    ("proposed", "已提出", "Proposed"),
    ("adopted", "已通過", "Adopted"),
    ("in_force", "施行中", "In force"),
    ("published", "已發布", "Published"),
    ("revoked", "已廢止", "Revoked"),
    ("superseded", "已被取代", "Superseded"),
];

const PRINCIPLES: &[(&str, &str, &str)] = &[
    ("safety_security", "安全性", "Safety and security"),
    (
        "transparency_explainability",
        "透明及可解釋性",
        "Transparency and explainability",
    ),
    (
        "fairness_non_discrimination",
        "公平與不歧視",
        "Fairness and non-discrimination",
    ),
    (
        "privacy_data_governance",
        "隱私保護及資料治理",
        "Privacy and data governance",
    ),
    ("accountability", "可問責性", "Accountability"),
    (
        "human_oversight_autonomy",
        "人類監督與自主",
        "Human oversight and autonomy",
    ),
    (
        "human_rights_dignity",
        "人權與尊嚴",
        "Human rights and dignity",
    ),
    (
        "reliability_robustness",
        "可靠與穩健",
        "Reliability and robustness",
    ),
    (
        "sustainability_wellbeing",
        "永續與福祉",
        "Sustainability and well-being",
    ),
    (
        "contestability_redress",
        "可申訴與救濟",
        "Contestability and redress",
    ),
];

const APPROACHES: &[(&str, &str, &str)] = &[
    (
        "comprehensive_risk_based",
        "全面性風險分級",
        "Comprehensive, risk-based",
    ),
    ("strict_oversight", "嚴格監管", "Strict oversight"),
    ("light_touch", "低度管制", "Light-touch"),
    ("principles_based", "原則導向", "Principles-based"),
    ("framework_law", "框架立法", "Framework law"),
];

const GOV_FUNCTIONS: &[(&str, &str, &str)] = &[
    ("policy_making", "政策制定", "Policy making"),
    ("public_services", "提供公共服務", "Public services"),
    ("internal_management", "內部管理", "Internal management"),
];

const PLACES_ZH: &[&str] = &[
    "臺北市",
    "新北市",
    "桃園市",
    "臺中市",
    "臺南市",
    "高雄市",
    "基隆市",
    "新竹市",
    "嘉義市",
    "新竹縣",
    "苗栗縣",
    "彰化縣",
    "南投縣",
    "雲林縣",
    "屏東縣",
    "宜蘭縣",
    "花蓮縣",
    "臺東縣",
];
const PLACES_EN: &[&str] = &[
    "Taipei City",
    "New Taipei City",
    "Taoyuan City",
    "Taichung City",
    "Tainan City",
    "Kaohsiung City",
    "Keelung City",
    "Hsinchu City",
    "Chiayi City",
    "Hsinchu County",
    "Miaoli County",
    "Changhua County",
    "Nantou County",
    "Yunlin County",
    "Pingtung County",
    "Yilan County",
    "Hualien County",
    "Taitung County",
];
const BUREAUS: &[(&str, &str)] = &[
    ("環境保護局", "Environmental Protection Bureau"),
    ("警察局", "Police Department"),
    ("交通局", "Transportation Bureau"),
    ("社會局", "Social Welfare Department"),
    ("衛生局", "Public Health Bureau"),
    ("資訊局", "Department of Information Technology"),
    ("都市發展局", "Urban Development Bureau"),
    ("地政局", "Land Administration Bureau"),
    ("稅務局", "Revenue Service Office"),
    ("消防局", "Fire Department"),
];
const ACTIONS: &[(&str, &str)] = &[
    ("智慧勾稽", "smart cross-checking of"),
    ("自動偵測", "automatic detection of"),
    ("即時預警", "early warning of"),
    ("輔助審查", "assisted review of"),
    ("精準篩選", "targeted screening of"),
    ("風險評分", "risk scoring of"),
];
const OBJECTS: &[(&str, &str)] = &[
    ("異常清運行為", "irregular waste hauling"),
    ("違規停車", "illegal parking"),
    ("社福補助申請", "welfare benefit applications"),
    ("河川污染熱點", "river pollution hotspots"),
    ("交通事故", "traffic accidents"),
    ("詐騙電話", "fraudulent phone calls"),
    ("長照需求", "long-term care needs"),
    ("違章建築", "unauthorised buildings"),
    ("空氣品質異常", "air-quality anomalies"),
    ("稅務逃漏", "tax evasion"),
];
const ZH_SENTENCES: &[&str] = &[
    "本案由地方政府委外建置，系統每日自動比對資料",
    "承辦人員依據系統結果進行稽查，並記錄處理情形",
    "民眾可透過陳情管道申訴，機關須於期限內回覆",
    "機關尚未公開模型準確率與誤判率",
    "資料保存期限未明確規範，亦未說明刪除程序",
    "已完成個人資料影響評估，並經資安稽核",
    "採購文件未載明演算法細節與訓練資料來源",
    "系統上線後案件量明顯增加，人力負擔隨之上升",
    "監察院曾就相關爭議提出調查報告",
    "資料來源包含跨機關介接與民眾通報",
];
const EN_SENTENCES: &[&str] = &[
    "The system was built by a contractor for the local government and cross-checks records every day.",
    "Case officers inspect the sites the system flags and record what they find.",
    "Residents can contest a result through the petition channel, and the agency must reply within a set time.",
    "The agency has not published the model's accuracy or error rates.",
    "How long the data are kept is not set out, nor how they are deleted.",
    "A personal-data impact assessment and a security audit have been completed.",
    "The procurement documents do not describe the algorithm or where its training data come from.",
    "Caseloads rose markedly after launch, and so did the workload of staff.",
    "The Control Yuan has investigated related disputes and published a report.",
    "Its data come from other agencies' systems and from reports by the public.",
];

fn sentences(rng: &mut Rng, n: usize) -> (String, String) {
    let idx = rng.sample(ZH_SENTENCES.len(), n);
    let zh: String = idx
        .iter()
        .map(|&i| format!("{}。", ZH_SENTENCES[i]))
        .collect();
    let en: Vec<&str> = idx.iter().map(|&i| EN_SENTENCES[i]).collect();
    (zh, en.join(" "))
}

fn vocab(dir: &Path, kind: &str, zh: &str, en: &str, terms: &[(&str, &str, &str)]) {
    let mut s = format!("vocabulary: {kind}\n");
    text(&mut s, 0, "title", zh, en);
    text(
        &mut s,
        0,
        "description",
        &format!("合成測試站台的{zh}詞彙。"),
        &format!("The {en} vocabulary of the synthetic test site."),
    );
    s.push_str("terms:\n");
    for (id, zh, en) in terms {
        let _ = writeln!(s, "  - id: {id}");
        text(&mut s, 4, "label", zh, en);
        text(
            &mut s,
            4,
            "description",
            &format!("「{zh}」的說明：本詞彙項目用於分類與比較。"),
            &format!("What \"{en}\" means: the term is used to classify and compare records."),
        );
        if kind == "gov_functions" {
            s.push_str("    uses:\n");
            for k in 1..=3 {
                let _ = writeln!(s, "      - zh-TW: {}", q(&format!("{zh}的第{k}項用途")));
                let _ = writeln!(s, "        en: {}", q(&format!("Use {k} of {en}")));
            }
        }
    }
    fs::write(dir.join(format!("{kind}.yaml")), s).expect("write vocabulary");
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: synth <cases> <DIR> [--variant N]";
    let cases: usize = args.first().and_then(|a| a.parse().ok()).expect(usage);
    let root = Path::new(args.get(1).expect(usage));
    let variant: usize = match args.get(2).map(String::as_str) {
        Some("--variant") => args.get(3).and_then(|v| v.parse().ok()).expect(usage),
        _ => 0,
    };
    write_site(root, cases, variant);
    eprintln!("synth: wrote {} cases into {}", cases, root.display());
}

/// Writes the synthetic site with `cases` cases into `root/content`
/// (replacing it); `variant` changes the site title only.
pub fn write_site(root: &Path, cases: usize, variant: usize) {
    write_site_with(root, cases, 500, variant)
}

/// [`write_site`] with fewer (or more) frameworks, ten per jurisdiction
/// while they last (tests use a small site).
pub fn write_site_with(root: &Path, cases: usize, frameworks: usize, variant: usize) {
    let content = root.join("content");
    if content.exists() {
        fs::remove_dir_all(&content).expect("clear content");
    }
    for d in [
        "vocabularies",
        "sources",
        "jurisdictions",
        "frameworks",
        "inventories",
        "pages",
    ] {
        fs::create_dir_all(content.join(d)).expect("mkdir");
    }
    let mut rng = Rng(0x5EED_2024 ^ cases as u64);

    // site.yaml
    let mut s = String::new();
    let v = if variant == 0 {
        String::new()
    } else {
        format!(" ({variant})")
    };
    text(
        &mut s,
        0,
        "title",
        &format!("合成 AI 治理地圖{v}"),
        &format!("Synthetic AI Governance Atlas{v}"),
    );
    text(
        &mut s,
        0,
        "description",
        &format!("供效能測試使用的合成站台：50個轄區、500部法規、20份清單與{cases}個案例。"),
        &format!("A synthetic site for benchmarks: 50 jurisdictions, 500 frameworks, 20 inventories and {cases} cases."),
    );
    s.push_str("base_url: https://example.org/synth/\nlanguages: [zh-TW, en]\ndefault_language: zh-TW\ndata_date: \"2025-07\"\n");
    text(
        &mut s,
        0,
        "author",
        "合成資料產生器",
        "The synthetic data generator",
    );
    fs::write(content.join("site.yaml"), s).expect("site.yaml");

    // Vocabularies.
    let voc = content.join("vocabularies");
    vocab(&voc, "risk_flags", "風險標記", "Risk flags", RISK_FLAGS);
    vocab(&voc, "techniques", "AI 技術", "AI techniques", TECHNIQUES);
    vocab(
        &voc,
        "instrument_types",
        "文件類型",
        "Instrument types",
        INSTRUMENT_TYPES,
    );
    vocab(&voc, "statuses", "狀態", "Statuses", STATUSES);
    vocab(
        &voc,
        "principles",
        "原則對照",
        "Principles crosswalk",
        PRINCIPLES,
    );
    vocab(
        &voc,
        "approaches",
        "管制取向",
        "Regulatory approaches",
        APPROACHES,
    );
    vocab(
        &voc,
        "gov_functions",
        "政府 AI 職能",
        "Functions of AI in government",
        GOV_FUNCTIONS,
    );
    {
        let mut s = "vocabulary: use_classes\n".to_string();
        text(
            &mut s,
            0,
            "title",
            "政府 AI 應用五大分類",
            "Five classes of government AI use",
        );
        s.push_str("terms:\n");
        for (id, zh, en, subs) in USE_CLASSES {
            let _ = writeln!(s, "  - id: {id}");
            text(&mut s, 4, "label", zh, en);
            s.push_str("    subtypes:\n");
            for (sid, szh, sen) in *subs {
                let _ = writeln!(s, "      - id: {sid}");
                text(&mut s, 8, "label", szh, sen);
                text(
                    &mut s,
                    8,
                    "description",
                    &format!("{szh}類型的應用。"),
                    &format!("Uses of the {sen} kind."),
                );
            }
        }
        fs::write(voc.join("use_classes.yaml"), s).expect("use_classes");
    }

    // Bibliography: 200 sources.
    let mut s = "sources:\n".to_string();
    for i in 0..200 {
        let _ = writeln!(s, "  - id: src-{i:03}");
        let (zh, en) = (ZH_SENTENCES[i % 10], EN_SENTENCES[i % 10]);
        text(
            &mut s,
            4,
            "title",
            &format!("研究報告第{i}號：{zh}"),
            &format!("Research report no. {i}: {en}"),
        );
        let _ = writeln!(s, "    url: https://example.org/sources/{i}");
        text(
            &mut s,
            4,
            "publisher",
            "合成研究中心",
            "Synthetic Research Centre",
        );
        let _ = writeln!(s, "    published: \"{}-{:02}\"", 2015 + i % 10, 1 + i % 12);
    }
    fs::write(content.join("sources/synthetic.yaml"), s).expect("sources");

    // 50 jurisdictions.
    let jur: Vec<String> = (0..50).map(|i| format!("j{i:02}")).collect();
    for (i, id) in jur.iter().enumerate() {
        let mut s = format!(
            "id: {id}\nkind: {}\n",
            if i < 45 { "country" } else { "international" }
        );
        text(
            &mut s,
            0,
            "name",
            &format!("合成國家{i:02}"),
            &format!("Synthetic country {i:02}"),
        );
        let (zh, en) = sentences(&mut rng, 3);
        text(
            &mut s,
            0,
            "summary",
            &format!("本轄區以框架立法與指引並行治理人工智慧。{zh}"),
            &format!(
                "This jurisdiction governs AI with framework legislation and guidelines. {en}"
            ),
        );
        if i % 3 == 0 {
            text(
                &mut s,
                0,
                "dedicated_body",
                &format!("合成國家{i:02} AI 安全研究所"),
                &format!("AI Safety Institute of synthetic country {i:02}"),
            );
        }
        s.push_str("approaches:\n");
        let a1 = rng.pick(APPROACHES).0;
        let a2 = rng.pick(APPROACHES).0;
        let _ = writeln!(
            s,
            "  - approach: {a1}\n    from: \"2019\"\n    to: \"2023-06\""
        );
        text(
            &mut s,
            4,
            "summary",
            "以原則與自願性指引為主。",
            "Mostly principles and voluntary guidance.",
        );
        let _ = writeln!(s, "  - approach: {a2}\n    from: \"2023-07\"");
        text(
            &mut s,
            4,
            "summary",
            "轉向具拘束力的風險分級規範。",
            "A turn to binding, risk-tiered rules.",
        );
        let _ = writeln!(s, "sources: [src-{:03}]", i % 200);
        fs::write(content.join(format!("jurisdictions/{id}.yaml")), s).expect("jurisdiction");
    }

    // 500 frameworks, 10 per jurisdiction, ~20 provisions each.
    for f in 0..frameworks {
        let j = f / 10;
        let id = format!("{}-fw-{:03}", jur[j], f);
        let mut s = format!(
            "id: {id}\njurisdiction: {}\ntype: {}\n",
            jur[j],
            INSTRUMENT_TYPES[f % INSTRUMENT_TYPES.len()].0
        );
        let topic = OBJECTS[f % OBJECTS.len()];
        text(
            &mut s,
            0,
            "title",
            &format!("人工智慧{}治理法第{f}號", topic.0),
            &format!("Act no. {f} on the governance of AI for {}", topic.1),
        );
        text(
            &mut s,
            0,
            "short_title",
            &format!("AI法{f}"),
            &format!("AI Act {f}"),
        );
        text(
            &mut s,
            0,
            "issuer",
            &format!("合成國家{j:02}立法機關"),
            &format!("Legislature of synthetic country {j:02}"),
        );
        let _ = writeln!(s, "binding: {}\nrisk_based: {}", f % 2 == 0, f % 3 == 0);
        let (zh, en) = sentences(&mut rng, 4);
        text(&mut s, 0, "summary", &zh, &en);
        s.push_str("status_history:\n");
        let year = 2016 + f % 9;
        for (k, st) in ["draft", "adopted", "in_force"]
            .iter()
            .enumerate()
            .take(1 + f % 3)
        {
            let _ = writeln!(
                s,
                "  - date: \"{}-{:02}\"\n    status: {st}",
                year + k,
                1 + (f + k) % 12
            );
        }
        s.push_str("provisions:\n");
        let n = rng.range(16, 24);
        for p in 1..=n {
            let _ = writeln!(s, "  - id: art-{p}");
            text(
                &mut s,
                4,
                "label",
                &format!("第{p}條"),
                &format!("Article {p}"),
            );
            let (zh, en) = sentences(&mut rng, 2);
            text(
                &mut s,
                4,
                "title",
                &format!("第{p}條規範事項"),
                &format!("Matters of article {p}"),
            );
            text(&mut s, 4, "summary", &zh, &en);
            if p % 4 == 0 {
                let (zh, en) = sentences(&mut rng, 2);
                text(&mut s, 4, "explanation", &zh, &en);
            }
        }
        s.push_str("principles:\n");
        for k in rng.sample(PRINCIPLES.len(), 3) {
            let (pid, zh, en) = PRINCIPLES[k];
            let _ = writeln!(s, "  - maps_to: [{pid}]\n    provision: art-{}", 1 + k % n);
            text(
                &mut s,
                4,
                "wording",
                &format!("本法所稱{zh}"),
                &format!("{en}, as this act words it"),
            );
        }
        if f % 10 > 0 {
            let target = format!("{}-fw-{:03}", jur[j], f - 1);
            let kind = ["cites", "implements", "amends", "supersedes"][f % 4];
            let _ = writeln!(s, "relations:\n  - type: {kind}\n    target: {target}");
        }
        let _ = writeln!(
            s,
            "sources: [src-{:03}, src-{:03}]",
            f % 200,
            (f * 7 + 3) % 200
        );
        fs::write(content.join(format!("frameworks/{id}.yaml")), s).expect("framework");
    }

    // 20 inventories sharing the cases.
    let per = cases.div_ceil(20);
    let mut next = 0usize;
    for k in 0..20 {
        let j = k * 2;
        let id = format!("inv-{k:02}");
        let n = per.min(cases - next.min(cases));
        let mut s = format!("id: {id}\njurisdiction: {}\n", jur[j]);
        text(
            &mut s,
            0,
            "title",
            &format!("合成政府 AI 應用清單第{k}號"),
            &format!("Synthetic government AI use inventory no. {k}"),
        );
        text(
            &mut s,
            0,
            "publisher",
            &format!("合成國家{j:02}數位發展部"),
            &format!("Ministry of Digital Affairs of synthetic country {j:02}"),
        );
        let _ = writeln!(s, "year: {}\ndeclared_total: {}", 2020 + k % 5, n + n / 10);
        text(
            &mut s,
            0,
            "description",
            "機關自行填報之 AI 應用案例清單，本站收錄全部已公開案例。",
            "A list of AI use cases reported by agencies; the site holds every published case.",
        );
        let _ = writeln!(s, "source_url: https://example.org/inventories/{k}");
        s.push_str("flag_methods:\n");
        s.push_str("  - id: review\n");
        text(
            &mut s,
            4,
            "label",
            "研究團隊逐案檢核",
            "Case-by-case review by the researchers",
        );
        text(
            &mut s,
            4,
            "description",
            "研究人員閱讀案例說明後勾選風險。",
            "Researchers read each case description and ticked the risks.",
        );
        s.push_str("  - id: import-rule\n");
        text(&mut s, 4, "label", "匯入規則", "Import rule");
        text(
            &mut s,
            4,
            "description",
            "依欄位內容自動勾選。",
            "Ticked automatically from the fields of the published record.",
        );
        let _ = writeln!(
            s,
            "default_flag_method: review\nsources: [src-{:03}]\ncases:",
            k
        );
        for _ in 0..n {
            next += 1;
            let c = next;
            let place = rng.below(PLACES_ZH.len());
            let (bzh, ben) = *rng.pick(BUREAUS);
            let (azh, aen) = *rng.pick(ACTIONS);
            let (ozh, oen) = *rng.pick(OBJECTS);
            let (tid, tzh, ten) = *rng.pick(TECHNIQUES);
            let _ = writeln!(s, "  - id: case-{c:06}");
            text(
                &mut s,
                4,
                "name",
                &format!("{tzh}結合AI，{azh}{ozh}（案{c}）"),
                &format!("{ten} and AI for {aen} {oen} (case {c})"),
            );
            text(
                &mut s,
                4,
                "agency",
                &format!("{}{bzh}", PLACES_ZH[place]),
                &format!("{} {ben}", PLACES_EN[place]),
            );
            if c % 3 == 0 {
                text(&mut s, 4, "bureau", "資訊科", "Information Section");
            }
            let (zh, en) = sentences(&mut rng, 5);
            text(&mut s, 4, "description", &zh, &en);
            let (uc, _, _, subs) = USE_CLASSES[rng.below(USE_CLASSES.len())];
            let _ = writeln!(
                s,
                "    use_class: {uc}\n    use_subtype: {}",
                rng.pick(subs).0
            );
            let t2 = TECHNIQUES[rng.below(TECHNIQUES.len())].0;
            if t2 == tid {
                let _ = writeln!(s, "    techniques: [{tid}]");
            } else {
                let _ = writeln!(s, "    techniques: [{tid}, {t2}]");
            }
            let k = rng.below(5);
            let flags: Vec<&str> = rng
                .sample(RISK_FLAGS.len(), k)
                .iter()
                .map(|&i| RISK_FLAGS[i].0)
                .collect();
            let _ = writeln!(s, "    risk_flags: [{}]", flags.join(", "));
            if c % 7 == 0 && !flags.is_empty() {
                let _ = writeln!(
                    s,
                    "    flag_provenance:\n      - flag: {}\n        method: import-rule",
                    flags[0]
                );
            }
            text(
                &mut s,
                4,
                "stage",
                ["規劃中", "試辦", "已上線"][c % 3],
                ["Planned", "Pilot", "In production"][c % 3],
            );
            let _ = writeln!(
                s,
                "    source_url: https://example.org/inventories/{k}/cases/{c}"
            );
        }
        fs::write(content.join(format!("inventories/{id}.yaml")), s).expect("inventory");
    }

    // Markdown pages.
    fs::write(
        content.join("pages/about.zh-TW.md"),
        "---\ntitle: 關於本站\norder: 1\n---\n\n本站為**合成**測試資料，用於效能測試。\n\n## 內容\n\n- 50 個轄區\n- 500 部法規\n\n| 項目 | 數量 |\n|---|---|\n| 清單 | 20 |\n",
    )
    .expect("page");
    fs::write(
        content.join("pages/about.en.md"),
        "---\ntitle: About\norder: 1\n---\n\nThis site is **synthetic** test data for benchmarks.\n\n## Contents\n\n- 50 jurisdictions\n- 500 frameworks\n\n| Item | Count |\n|---|---|\n| Inventories | 20 |\n",
    )
    .expect("page");
}
