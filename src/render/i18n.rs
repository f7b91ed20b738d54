//! Interface strings in each language (content text lives in `content/`).

use serde_json::{Map, Value};

/// (key, zh-TW, en).
pub(super) const STRINGS: &[(&str, &str, &str)] = &[
    ("home", "首頁", "Home"),
    ("jurisdictions", "管轄區域", "Jurisdictions"),
    ("frameworks", "治理框架", "Frameworks"),
    ("inventories", "案例清冊", "Inventories"),
    ("cases", "政府 AI 應用案例", "Government AI cases"),
    ("compare", "比較", "Compare"),
    ("compare_principles", "原則對照", "Principles compared"),
    (
        "compare_jurisdictions",
        "管轄區域並列比較",
        "Jurisdictions side by side",
    ),
    (
        "compare_use_classes",
        "應用類型 × 風險",
        "Use class × risk flag",
    ),
    ("risks", "風險分析", "Risk analysis"),
    ("vocabularies", "分類詞彙", "Vocabularies"),
    ("language", "語言", "Language"),
    (
        "fallback",
        "此段尚無本語言版本，以下為原文",
        "Not yet translated; shown in the original language",
    ),
    ("sources", "資料來源", "Sources"),
    ("accessed", "查閱日期", "accessed"),
    ("published", "發布", "published"),
    ("status", "狀態", "Status"),
    ("type", "類型", "Type"),
    ("binding", "具拘束力", "Binding"),
    ("non_binding", "不具拘束力", "Non-binding"),
    ("yes", "是", "Yes"),
    ("no", "否", "No"),
    ("issuer", "發布機關", "Issued by"),
    ("status_history", "狀態歷程", "Status history"),
    ("provisions", "條文與內容", "Provisions"),
    ("explanation", "立法說明", "Legislative explanation"),
    (
        "not_reproduced",
        "原始資料僅列出此項名稱，未重製內容。",
        "The source names this item but does not reproduce its text.",
    ),
    ("principles", "原則", "Principles"),
    ("own_wording", "原文用語", "Own wording"),
    ("crosswalk", "對應共通原則", "Crosswalk principle"),
    ("relations", "關聯文件", "Related instruments"),
    ("rel_out_supersedes", "取代", "Supersedes"),
    ("rel_in_supersedes", "被下列文件取代", "Superseded by"),
    ("rel_out_revokes", "撤銷", "Revokes"),
    ("rel_in_revokes", "被下列文件撤銷", "Revoked by"),
    ("rel_out_cites", "援引", "Cites"),
    ("rel_in_cites", "被下列文件援引", "Cited by"),
    ("rel_out_implements", "執行", "Implements"),
    ("rel_in_implements", "由下列文件執行", "Implemented by"),
    ("rel_out_amends", "修正", "Amends"),
    ("rel_in_amends", "被下列文件修正", "Amended by"),
    ("approach", "監管取向", "Regulatory approach"),
    ("since", "自", "since"),
    ("until", "至", "until"),
    ("dedicated_body", "專責機構", "Dedicated body"),
    ("timeline", "時間軸", "Timeline"),
    ("principles_coverage", "原則涵蓋情形", "Principles coverage"),
    ("covered_by", "涵蓋文件", "Covered by"),
    ("not_covered", "本站未對應任何文件", "nothing mapped here"),
    ("case_inventories", "案例清冊", "Case inventories"),
    ("publisher", "發布者", "Publisher"),
    ("year", "年度", "Year"),
    ("coverage", "收錄比例", "Coverage"),
    (
        "held_of_declared",
        "本站收錄 {held} 案，原清冊共 {declared} 案",
        "{held} of {declared} cases held",
    ),
    ("held", "收錄案數", "Cases held"),
    ("declared", "原清冊案數", "Cases declared"),
    (
        "flag_methods",
        "風險標記方式",
        "How the risk flags were assigned",
    ),
    ("default_method", "預設", "default"),
    ("case", "案例", "Case"),
    ("agency", "機關", "Agency"),
    ("bureau", "所屬單位", "Bureau"),
    ("inventory", "清冊", "Inventory"),
    ("use_class", "應用類型", "Use class"),
    ("use_subtype", "應用子類型", "Sub-type"),
    ("techniques", "使用 AI 技術", "AI techniques"),
    ("risk_flags", "風險標記", "Risk flags"),
    ("flag", "風險", "Flag"),
    ("ticked", "已標記", "flagged"),
    ("not_ticked", "未標記", "not flagged"),
    ("assigned_by", "標記方式", "Assigned by"),
    ("stage", "發展階段", "Stage"),
    ("published_source", "原始公開資料", "Published source"),
    (
        "overrides",
        "研究人員手動修改的欄位",
        "Fields edited by a researcher",
    ),
    ("count", "案數", "Cases"),
    ("percent", "比例", "Share"),
    ("total", "合計", "Total"),
    ("unflagged", "未標記任何風險的案例", "Cases with no flag"),
    (
        "flags_overall",
        "全部案例的風險標記分布",
        "Risk flags across all cases",
    ),
    (
        "flags_of_cases",
        "案例的風險標記分布",
        "Risk flags of the cases",
    ),
    (
        "use_class_by_flag",
        "應用類型 × 風險標記",
        "Use class × risk flag",
    ),
    (
        "flag_cooccurrence",
        "風險標記共同出現次數",
        "Risk flags ticked together",
    ),
    (
        "by_inventory",
        "各清冊的風險標記",
        "Risk flags by inventory",
    ),
    (
        "by_use_class",
        "各應用類型的風險標記",
        "Risk flags by use class",
    ),
    ("headline_jurisdictions", "個管轄區域", "jurisdictions"),
    ("headline_frameworks", "份治理文件", "instruments"),
    ("headline_binding", "份具拘束力", "binding"),
    ("headline_provisions", "項條文與策略", "provisions"),
    ("headline_inventories", "份案例清冊", "case inventories"),
    ("headline_cases", "個政府 AI 案例", "government AI cases"),
    ("recent_changes", "最近的變動", "Latest changes"),
    ("chart_data", "圖表數據", "Chart data"),
    ("page", "頁", "Page"),
    ("previous", "上一頁", "Previous"),
    ("next", "下一頁", "Next"),
    ("of_total", "共 {total} 案", "{total} cases in all"),
    ("data_downloads", "資料下載", "Data downloads"),
    ("kind_country", "國家", "Country"),
    ("kind_union", "超國家聯盟", "Supranational union"),
    ("kind_international", "國際組織", "International body"),
    ("kind_state", "州／省", "State or province"),
    ("kind_city", "地方政府", "City or local government"),
    ("part_of", "隸屬於", "Part of"),
    ("parts", "轄下區域", "Includes"),
    ("kind", "類別", "Kind"),
    ("latest_change", "最近變動", "Latest change"),
    (
        "binding_instruments",
        "具拘束力的文件",
        "Binding instruments",
    ),
    ("risk_tiers", "以風險分級的文件", "Risk-tiered instruments"),
    ("none", "無", "none"),
    ("instruments", "文件數", "Instruments"),
    ("date", "日期", "Date"),
    ("title", "名稱", "Title"),
    ("subtypes", "子類型", "Sub-types"),
    ("uses", "潛在用途", "Uses"),
    ("not_found", "找不到此頁面", "Page not found"),
    ("skip", "跳至主要內容", "Skip to content"),
    // Page chrome: navigation, breadcrumbs, footer, long documents.
    ("nav_policy", "政策與法規", "Policy and law"),
    ("nav_use", "政府 AI 應用", "Government use of AI"),
    ("nav_about", "本站說明", "About the atlas"),
    (
        "sources_intro",
        "本站每筆紀錄都註明出處。以下是全部來源文件，以及引用各文件的紀錄。",
        "Every record on this site cites its sources. These are all of them, each with the records that cite it.",
    ),
    ("cited_by", "引用本文件的紀錄", "Cited by"),
    ("nav_cases", "全部案例", "All cases"),
    ("nav_compare_jurisdictions", "管轄區域比較", "Jurisdictions compared"),
    ("nav_compare_use_classes", "應用類型 × 風險", "Use class × risk"),
    ("menu", "選單", "Menu"),
    ("primary_nav", "主要導覽", "Main"),
    ("breadcrumb", "頁面位置", "You are here"),
    ("footer_cite", "引用本站", "How to cite this site"),
    ("footer_sources", "資料來源與方法", "Sources and method"),
    ("footer_feed", "訂閱最新異動（Atom）", "Follow changes (Atom feed)"),
    ("dl_cases", "全部案例", "All cases"),
    ("dl_frameworks", "治理框架與條文", "Frameworks and provisions"),
    ("dl_inventories", "案例清冊", "Inventories"),
    ("dl_taxonomies", "分類詞彙", "Vocabularies"),
    ("back_to_top", "回到頁首", "Back to top"),
    ("contents", "目錄", "Contents"),
    ("provision", "條文", "Provision"),
    (
        "jurisdictions_intro",
        "本站收錄的國家、超國家聯盟與國際組織，各附其目前的監管取向、治理文件數與政府 AI 應用案例數。",
        "The countries, unions and international bodies the atlas covers, each with its current regulatory approach and the number of instruments and government AI cases it holds.",
    ),
    (
        "frameworks_intro",
        "法律與法律草案、行政命令、政策、標準與原則，各附其管轄區域、類型、目前狀態與日期。",
        "Laws and draft bills, executive orders, policies, standards and principles, each with its jurisdiction, type, current status and dates.",
    ),
    (
        "inventories_intro",
        "各國政府公布的 AI 應用案例清冊：本站收錄的案例數，以及清冊本身所列的案例數。",
        "Published inventories of government AI use: how many cases the atlas holds from each, and how many the inventory itself lists.",
    ),
    (
        "vocabularies_intro",
        "本站用以分類紀錄的詞彙：每個詞彙的定義與代碼（資料下載中使用的代碼）。",
        "The vocabularies the atlas classifies records by: each term's definition and its code (the code used in the data downloads).",
    ),
    ("code", "代碼", "code"),
    (
        "not_found_help",
        "網址可能有誤，或頁面已移動。可以搜尋本站，或從以下頁面開始：",
        "The address may be mistyped, or the page may have moved. Search the site, or start from one of these pages:",
    ),
    (
        "not_found_elsewhere",
        "此網址在本站找不到頁面。",
        "There is no page at this address.",
    ),
    ("home_in_language", "前往中文版首頁", "Go to the English home page"),
    // Punctuation the theme adds between values: zh-TW sets it full-width.
    ("sep", "、", ", "),
    ("paren_open", "（", " ("),
    ("paren_close", "）", ")"),
    ("colon", "：", ": "),
    ("stop", "。", ". "),
    ("comma", "，", ", "),
    ("dash", "——", " — "),
    ("data_as_of", "資料截至", "Data as of"),
    ("matrix", "矩陣", "Matrix"),
    ("not_stated", "資料未載明", "Not stated in the sources"),
    ("briefing", "列印用簡報", "Print-ready briefing"),
    // Reader features: search, case filters, citations, changes and feed.
    ("changes", "最新異動", "What changed"),
    (
        "changes_intro",
        "各治理文件依日期排列的狀態變動（提出、通過、生效、撤銷…），最新者在前。",
        "Every instrument's dated status changes (proposed, adopted, in force, revoked…), newest first.",
    ),
    ("feed", "Atom 訂閱", "Atom feed"),
    ("search", "搜尋", "Search"),
    ("search_label", "搜尋本站", "Search this site"),
    ("search_button", "搜尋", "Search"),
    (
        "search_needs_js",
        "搜尋需要 JavaScript。也可以從以下索引瀏覽：",
        "Search needs JavaScript. You can also browse the indexes:",
    ),
    ("search_none", "找不到符合的結果。", "No results."),
    ("search_count", "共 {n} 筆結果", "{n} results"),
    ("search_loading", "載入索引中…", "Loading the index…"),
    ("kind_doc_jurisdiction", "管轄區域", "Jurisdiction"),
    ("kind_doc_framework", "治理文件", "Instrument"),
    ("kind_doc_provision", "條文", "Provision"),
    ("kind_doc_inventory", "案例清冊", "Inventory"),
    ("kind_doc_case", "案例", "Case"),
    ("kind_doc_page", "頁面", "Page"),
    ("cite_this", "引用本頁", "Cite this"),
    ("cite_text", "引用格式", "Reference"),
    ("cite_bibtex", "BibTeX", "BibTeX"),
    (
        "no_public_address",
        "本站尚未發布於公開網址",
        "Not yet published at a public address",
    ),
    ("copy", "複製", "Copy"),
    ("copied", "已複製", "Copied"),
    ("filter_cases", "篩選案例", "Filter cases"),
    ("filter_all", "全部", "All"),
    ("jurisdiction", "管轄區域", "Jurisdiction"),
    ("technique", "AI 技術", "AI technique"),
    ("risk_flag", "風險標記", "Risk flag"),
    ("reset_filters", "清除篩選", "Clear filters"),
    ("showing_of", "顯示 {shown} / {total} 案", "Showing {shown} of {total} cases"),
    ("sort_by", "排序：", "Sort by "),
    ("pages_top", "頁碼", "Pages"),
    ("filter_in_table", "在案例總表中篩選與排序這些案例", "Filter and sort these cases in the full case table"),
    ("pages_bottom", "頁碼（表格下方）", "Pages (below the table)"),
];

/// Every string for `lang` (English for languages other than zh-*).
pub fn table(lang: &str) -> Value {
    let zh = lang.starts_with("zh");
    let mut m = Map::new();
    for (k, z, e) in STRINGS.iter().chain(super::figure_strings::FIGURES) {
        m.insert(
            (*k).to_string(),
            Value::String(if zh { z } else { e }.to_string()),
        );
    }
    Value::Object(m)
}

/// One string for `lang`.
pub fn get(lang: &str, key: &str) -> String {
    let zh = lang.starts_with("zh");
    STRINGS
        .iter()
        .chain(super::figure_strings::FIGURES)
        .find(|(k, _, _)| *k == key)
        .map(|(_, z, e)| if zh { *z } else { *e })
        .unwrap_or(key)
        .to_string()
}

/// Whether `key` is an interface string.
pub fn has(key: &str) -> bool {
    STRINGS.iter().any(|(k, _, _)| *k == key)
}

/// The name of a language in itself, for the language switcher.
pub fn language_name(lang: &str) -> &str {
    match lang {
        "zh-TW" => "繁體中文",
        "en" => "English",
        other => other,
    }
}
