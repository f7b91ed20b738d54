//! The data dictionary: every column of every download under `data/`,
//! with what it holds, in each language. Written as `data/dictionary.csv`
//! and shown on the data page (`<lang>/data.html`), both from [`files`].
//!
//! Each download registers its columns here. The figures' downloads
//! (`data/figures/…`) go in [`super::dictionary_figures::files`], which
//! this module lists after the case downloads.

use super::csv::{write_safe, writer, BOM};
use crate::model::Site;
use crate::schema::Text;

/// What a column holds, in Chinese and in English (other languages are
/// shown the English).
#[derive(Clone, Debug)]
pub struct Doc {
    zh: String,
    en: String,
}

impl Doc {
    /// A description in both languages.
    pub fn text(zh: &str, en: &str) -> Doc {
        Doc {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The description in `lang`.
    pub fn get(&self, lang: &str) -> &str {
        if lang.starts_with("zh") {
            &self.zh
        } else {
            &self.en
        }
    }

    /// This description, said of the value in one language.
    pub fn in_language(&self, lang: &str) -> Doc {
        Doc {
            zh: format!("{}（{lang} 版本）", self.zh),
            en: format!("{} ({lang} text)", self.en),
        }
    }

    /// The label, in `lang`, of the id in column `name`.
    pub fn label_of(name: &str, lang: &str) -> Doc {
        Doc {
            zh: format!("{name} 欄代碼的 {lang} 名稱"),
            en: format!("The {lang} label of the id in column {name}"),
        }
    }

    /// A risk flag's 1 / 0 / NA column.
    pub fn flag(label: &Text) -> Doc {
        let (zh, en) = (label.resolve("zh-TW").0, label.resolve("en").0);
        Doc {
            zh: format!("風險標記「{zh}」：1 已標記、0 經評估未標記、NA 未評估（不可視為 0）"),
            en: format!("Risk flag \"{en}\": 1 ticked, 0 assessed and not ticked, NA not assessed (never the same as 0)"),
        }
    }

    /// The method column of a risk flag.
    pub fn flag_method(label: &Text) -> Doc {
        let (zh, en) = (label.resolve("zh-TW").0, label.resolve("en").0);
        Doc {
            zh: format!("對「{zh}」負責的標記方法代碼（標記者，或未標記時本應評估者）；名稱與說明見 inventories.json 的 flag_methods"),
            en: format!("The id of the flag method answerable for \"{en}\" (the one that ticked it, or that would have); labels and descriptions are in inventories.json, flag_methods"),
        }
    }
}

/// One download and its columns (or fields, for JSON).
pub struct File {
    /// Path under the output root (`data/cases.csv`).
    pub path: String,
    /// What the file is.
    pub about: Doc,
    /// `(column, description)`, in file order.
    pub columns: Vec<(String, Doc)>,
}

fn file(path: &str, about: Doc, columns: &[(&str, &str, &str)]) -> File {
    File {
        path: path.into(),
        about,
        columns: columns
            .iter()
            .map(|(c, zh, en)| (c.to_string(), Doc::text(zh, en)))
            .collect(),
    }
}

/// Every download, in the order of the data page.
pub fn files(site: &Site) -> Vec<File> {
    let mut out = vec![
        File {
            path: "data/cases.csv".into(),
            about: Doc::text(
                "每個案例一列的試算表（UTF-8 含 BOM，Excel 可直接開啟中文）。以 = + - @ 或定位字元開頭的儲存格前加上 '，避免被當成公式執行。",
                "One row per case, for spreadsheets (UTF-8 with a byte-order mark, so Excel opens the Chinese correctly). A cell that would start with = + - @ or a tab starts with ' so that no spreadsheet runs it as a formula.",
            ),
            columns: super::csv::columns(site)
                .into_iter()
                .map(|c| (c.name, c.doc))
                .collect(),
        },
        file(
            "data/cases.json",
            Doc::text("每個案例一筆的 JSON 陣列；文字欄位為以語言代碼為鍵的物件。", "A JSON array with one record per case; text fields are objects keyed by language code."),
            &[
                ("id", "案例代碼", "The case's id"),
                ("name", "案例名稱（各語言）", "Name, per language"),
                ("agency", "執行機關（各語言）", "Agency, per language"),
                ("bureau", "機關內之單位（各語言，或 null）", "Bureau, per language, or null"),
                ("inventory", "所屬案例清冊代碼", "Inventory id"),
                ("jurisdiction", "管轄區域代碼", "Jurisdiction id"),
                ("use_class", "應用分類代碼", "Use class id"),
                ("use_subtype", "應用類型代碼，或 null", "Use sub-type id, or null"),
                ("techniques", "AI 技術代碼清單", "List of technique ids"),
                ("risk_flags", "已標記的風險標記代碼清單", "List of the risk flags ticked"),
                ("not_assessed", "未評估的風險標記代碼清單（不可視為未標記）", "List of the risk flags not assessed (never the same as not ticked)"),
                ("flag_methods", "每個已標記風險的標記方法：[{flag, method}]", "For each flag ticked, the method that ticked it: [{flag, method}]"),
                ("stage", "發展階段（各語言，或 null）", "Development stage, per language, or null"),
                ("purpose", "要解決的問題（各語言，或 null）", "The problem it addresses, per language, or null"),
                ("benefits", "預期效益（各語言，或 null）", "Expected benefits, per language, or null"),
                ("outputs", "系統產出（各語言，或 null）", "What the system outputs, per language, or null"),
                ("description", "案例說明（各語言，或 null）", "Description, per language, or null"),
                ("source_url", "此案例在公布來源中的位置，或 null", "The case's entry in the published source, or null"),
            ],
        ),
        file(
            "data/inventories.json",
            Doc::text("每份案例清冊一筆（只含案例數，不含案例內容）。", "One record per case inventory (its number of cases, not the cases)."),
            &[
                ("id", "清冊代碼", "Inventory id"),
                ("title", "標題（各語言）", "Title, per language"),
                ("jurisdiction", "管轄區域代碼", "Jurisdiction id"),
                ("publisher", "發布者（各語言）", "Publisher, per language"),
                ("year", "年份，或 null", "Year, or null"),
                ("declared_total", "發布者所列案例總數，或 null", "The number of cases the publisher lists, or null"),
                ("cases_held", "本站收錄的案例數", "The number of cases the site holds"),
                ("source_url", "公布來源網址，或 null", "The published inventory's address, or null"),
                ("flag_methods", "標記方法：[{id, label, description}]", "Flag methods: [{id, label, description}]"),
            ],
        ),
        file(
            "data/frameworks.json",
            Doc::text("每部治理文件（法律、草案、命令、指引）一筆。", "One record per instrument (law, bill, order, guidance)."),
            &[
                ("id", "文件代碼", "Instrument id"),
                ("jurisdiction", "管轄區域代碼", "Jurisdiction id"),
                ("title / short_title", "標題與簡稱（各語言）", "Title and short title, per language"),
                ("type", "文件類型代碼（instrument_types 詞彙）", "Instrument type id (instrument_types vocabulary)"),
                ("status", "目前狀態（最後一筆狀態事件）", "Current status (the last status event)"),
                ("binding / risk_based", "是否具拘束力、是否依風險分級", "Whether it binds; whether it is risk-based"),
                ("issuer", "發布機關（各語言）", "Issuer, per language"),
                ("dates", "各狀態最早的日期", "The first date of each status"),
                ("status_history", "狀態歷程：[{date, status, note}]", "Status history: [{date, status, note}]"),
                ("provisions", "條文，巢狀：[{id, label, title, summary, explanation, reproduced, provisions}]", "Provisions, nested: [{id, label, title, summary, explanation, reproduced, provisions}]"),
                ("principles", "對應共通原則：[{maps_to, wording, provision}]", "Principles mapped onto the crosswalk: [{maps_to, wording, provision}]"),
                ("relations", "與其他文件的關係：[{type, target}]", "Relations to other instruments: [{type, target}]"),
                ("sources", "資料來源代碼", "Source ids"),
            ],
        ),
        file(
            "data/taxonomies.json",
            Doc::text("所有分類詞彙，以詞彙名稱為鍵。", "Every vocabulary, keyed by its name."),
            &[
                ("<vocabulary>.title", "詞彙標題（各語言）", "The vocabulary's title, per language"),
                ("<vocabulary>.terms", "詞彙項目：[{id, label, description, subtypes, uses}]", "Its terms: [{id, label, description, subtypes, uses}]"),
            ],
        ),
        file(
            "data/dictionary.csv",
            Doc::text("本資料字典（每個下載檔的每個欄位）。", "This data dictionary (every column of every download)."),
            &[
                ("file", "檔案路徑", "File path"),
                ("column", "欄位名稱", "Column name"),
                ("description_<lang>", "欄位說明（各語言）", "What the column holds, per language"),
            ],
        ),
    ];
    out.extend(super::dictionary_figures::files(site));
    out
}

/// `data/dictionary.csv`: one line per column of every download.
pub fn dictionary_csv(site: &Site) -> Vec<u8> {
    let mut w = writer();
    let mut header = vec!["file".to_string(), "column".to_string()];
    header.extend(site.languages.iter().map(|l| format!("description_{l}")));
    write_safe(&mut w, &header);
    for f in files(site) {
        for (col, doc) in &f.columns {
            let mut cells = vec![f.path.clone(), col.clone()];
            cells.extend(site.languages.iter().map(|l| doc.get(l).to_string()));
            write_safe(&mut w, &cells);
        }
    }
    let mut out = BOM.to_vec();
    out.extend(w.into_inner().expect("csv"));
    out
}
