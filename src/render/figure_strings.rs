//! Interface strings of figures, comparisons and their captions (the
//! figures area's part of [`super::i18n`]; keys are unique across both).
//! `{name}` marks a value put in by the code.

/// (key, zh-TW, en).
pub(super) const FIGURES: &[(&str, &str, &str)] = &[
    ("not_assessed", "未評估", "not assessed"),
    // Punctuation, full-width in Chinese.
    ("labelled", "{label}：{text}", "{label}: {text}"),
    ("paren", "{a}（{b}）", "{a} ({b})"),
    ("method_sep", "；", "; "),
    ("download_label", "下載：", "Download:"),
    ("not_from_documents", "非出自五份研究文件", "Not from the documents"),
    ("na_cell", "未評估", "n/a"),
    (
        "share_legend",
        "占已評估案例的比例：",
        "Share of the cases assessed:",
    ),
    ("of_assessed", "{n}／{d}", "{n} of {d}"),
    ("n_cases", "N = {n}", "N = {n}"),
    ("no_case_held", "本站未收錄任何案例", "the site holds no case"),
    ("population", "母體", "Population"),
    ("method", "標記方式", "Flags set by"),
    ("reading", "判讀", "Reading"),
    ("source", "資料來源", "Source"),
    ("download", "下載", "Download"),
    ("data_table", "數據表", "Data table"),
    ("held_of_declared_short", "收錄 {held}／{declared} 案", "{held} of {declared} cases held"),
    ("held_only", "收錄 {held} 案（清冊未載明總數）", "{held} cases held (the inventory gives no total)"),
    // Risk-flag figures.
    (
        "fig_overview_title",
        "各清冊案例的風險標記比例",
        "Share of cases carrying each risk flag, inventory by inventory",
    ),
    (
        "risks_lead",
        "政府 AI 應用案例帶有六項風險標記中哪幾項：依清冊列出各標記的比例、同時勾選的標記，以及各清冊的長條圖。下列清冊的標記方式各不相同，故逐一分列。",
        "Which of six risks the government AI uses of each inventory carry: each flag's share per inventory, the flags ticked together, and each inventory's own bars. The inventories below set their flags in different ways, so each is shown apart.",
    ),
    (
        "fig_overview_sub",
        "每格為該清冊中已評估此標記的案例裡勾選此標記者的比例；各清冊的標記方式不同，故分列而不加總。",
        "Each cell: of an inventory's cases on which the flag was assessed, the share that carry it. The inventories set their flags by different methods, so they are shown apart and never added up.",
    ),
    (
        "fig_multiples_title",
        "各清冊的風險標記（依清冊分列）",
        "Risk flags, one inventory at a time",
    ),
    (
        "fig_multiples_sub",
        "長條為已評估該標記之案例中勾選者的比例，各清冊使用同一刻度（0–100%）；長條旁為比例及其計算案數。",
        "Each bar: of the cases on which the flag was assessed, the share that carry it, on the same 0–100 % scale in every panel; beside it, the share and the counts it is made of.",
    ),
    (
        "fig_inventory_title",
        "{inventory}：各風險標記的案例比例",
        "Risk flags in {inventory}",
    ),
    (
        "fig_inventory_sub",
        "長條為已評估該標記之案例中勾選者的比例（0–100%）；長條旁為比例及其計算案數。",
        "Each bar: of the cases on which the flag was assessed, the share that carry it (0–100 %); beside it, the share and the counts it is made of.",
    ),
    (
        "fig_jurisdiction_title",
        "風險標記：{jurisdiction}的政府 AI 案例",
        "Risk flags of government AI cases: {jurisdiction}",
    ),
    (
        "fig_classes_title",
        "各應用類型的風險標記（依清冊分列）",
        "Risk flags by use class, one inventory at a time",
    ),
    (
        "fig_classes_sub",
        "每格為該清冊此應用類型中已評估此標記的案例裡勾選者的比例；N 為該類型的案數。",
        "Each cell: of an inventory's cases of the use class on which the flag was assessed, the share that carry it; N is the cases of the class.",
    ),
    (
        "fig_class_shares_title",
        "各清冊案例的應用類型分布",
        "Use classes of each inventory's cases",
    ),
    (
        "fig_class_shares_sub",
        "每格為該清冊收錄案例中屬此應用類型者的比例；各清冊的分類方式不同（見各清冊說明）。",
        "Each cell: the share of an inventory's cases held that fall in the use class. The inventories were classed in different ways (see each inventory's description).",
    ),
    (
        "fig_pairs_title",
        "同時勾選的風險標記（依清冊分列）",
        "Risk flags ticked together, one inventory at a time",
    ),
    (
        "fig_pairs_sub",
        "每格為兩項標記皆經評估的案例中兩者皆勾選的比例；對角線為單一標記的比例。僅列出該清冊有評估的標記。",
        "Each cell: of the cases on which both flags were assessed, the share that carry both; the diagonal is each flag's own share. Only the flags an inventory assessed are shown.",
    ),
    ("share_of_held", "占收錄案例的比例：", "Share of the cases held:"),
    ("matrix_levels", "風險等級", "Risk levels"),
    ("matrix_axes", "列：{rows}；欄：{columns}。", "Rows: {rows}; columns: {columns}."),
    ("cases_assessed", "已評估案數", "Cases assessed"),
    ("with_flag", "與此標記", "With flag"),
    ("both_assessed", "兩者皆評估", "Both assessed"),
    ("both_flagged", "兩者皆勾選", "Both flagged"),
    ("cases_flagged", "勾選案數", "Cases flagged"),
    ("assessed_by", "評估方式", "Assessed by"),
    ("cases_held", "收錄案數", "Cases held"),
    ("no_flag_ticked", "未勾選任何標記的案例", "Cases with no flag ticked"),
    (
        "note_not_assessed_method",
        "{flags}：未評估——{methods}無法評估這些標記，故不列入比例，也不顯示為 0。",
        "{flags}: not assessed — {methods} cannot set these flags, so they have no share (not 0).",
    ),
    (
        "note_unanswered",
        "{of} 案中，原始資料未回答判定所依據之問題者：{list}；這些案例的該項標記未經評估，不列入比例的分母。",
        "Of the {of} cases, the source gave no answer to the question a flag is read from on {list}; those cases are not assessed for that flag and are left out of its share.",
    ),
    ("unanswered_item", "{flag} {n} 案", "{n} for {flag}"),
    (
        "note_shares",
        "比例四捨五入至整數；不為 0 但低於 1% 者寫作「<1%」，未達 100% 但高於 99% 者寫作「>99%」。",
        "Shares are rounded to whole percent; a share above 0 but under 1 % reads \"<1 %\", one above 99 % but short of all reads \">99 %\".",
    ),
    (
        "note_sample",
        "本站僅收錄原始資料所節錄的案例：{list}。這些並非清冊的隨機樣本，比例不代表整份清冊。",
        "The site holds only the cases its source reproduces: {list}. They are not random samples of the inventories, so the shares do not describe an inventory as a whole.",
    ),
    ("no_cases_here", "本站未收錄以下清冊的案例：{list}。", "No case is held from: {list}."),
    ("see_risks", "各清冊分列的完整圖表", "Every chart, inventory by inventory"),
    ("see_use_classes", "各應用類型的風險標記", "Risk flags by use class"),
    // Home.
    (
        "headline_current_note",
        "（其中 {current} 份於資料日期 {date} 有效，{binding} 份有效且具拘束力）",
        "({current} current on the data date, {date}; {binding} of them binding)",
    ),
    ("what_site_holds", "本站收錄的案例清冊", "The case inventories the site holds"),
    // Principles crosswalk.
    (
        "crosswalk_intro",
        "每一列為共通原則對照表的一項原則，每一欄為一份列有原則的文件，依管轄區域分組。格中的數字是本站將該文件自身的原則對應到此項的條數；點選可看該文件的原文用語。",
        "Each row is a principle of the crosswalk, each column an instrument that names principles, grouped by jurisdiction. A number is how many of the instrument's own principles the site maps to that row; select it to read the instrument's own wording.",
    ),
    (
        "crosswalk_empty",
        "空白格：本站未將該文件的任何原則對應到此項（不代表該文件未處理此議題）。",
        "Empty cell: this site maps none of the instrument's principles there (which does not mean the instrument does not address it).",
    ),
    (
        "crosswalk_by_jurisdiction",
        "各管轄區域的原則涵蓋",
        "Principles by jurisdiction",
    ),
    (
        "crosswalk_by_jurisdiction_intro",
        "格中為該管轄區域列有原則的文件中，有原則對應到此項者的份數，及其占該區域列有原則之文件的比例。",
        "Each cell: how many of the jurisdiction's instruments that name principles have one mapped to the row, out of how many name principles.",
    ),
    ("crosswalk_by_instrument", "各文件的原則對照", "Principles by instrument"),
    ("instruments_naming", "列有原則的文件", "Instruments naming principles"),
    ("n_of_m", "{n}／{m}", "{n} of {m}"),
    ("covered_by_n_of_m", "{m} 份文件中 {n} 份", "{n} of {m} instruments"),
    (
        "silent_jurisdictions",
        "文件均未列出原則、因此不在上表的管轄區域：",
        "Jurisdictions none of whose instruments name principles, so not in the table:",
    ),
    ("naming_one", "1 份文件列有原則", "1 instrument names principles"),
    ("naming_many", "{n} 份文件列有原則", "{n} instruments name principles"),
    (
        "naming_no_principles",
        "{m} 份文件中有 {n} 份未列出原則，不在上表：",
        "{n} of the {m} instruments name no principles and have no column above:",
    ),
    ("wordings_mapped", "對應條數", "wordings mapped"),
    ("principle_page_intro", "下列為本站對應到「{principle}」的各文件原文用語，依管轄區域排列。", "Every instrument's own wording that the site maps to \"{principle}\", by jurisdiction."),
    ("maps_nothing_here", "列有原則、但本站未對應到此項的文件", "Instruments that name principles, none of which the site maps here"),
    ("all_principles", "全部共通原則", "All crosswalk principles"),
    ("instrument", "文件", "Instrument"),
    ("wording", "原文用語", "The instrument's wording"),
    ("also_maps_to", "同時對應", "Also mapped to"),
    // Jurisdictions side by side.
    ("phase_current", "有效（生效、通過、簽署、發布、成立）", "Current (in force, adopted, signed, published, established)"),
    ("phase_pending", "尚未通過（草案、提出、宣布）", "Not (yet) adopted (draft, proposed, announced)"),
    ("phase_ended", "已失效（撤銷、取代、失效）", "No longer in effect (revoked, superseded, lapsed)"),
    ("phase_not_stated", "狀態未載明", "Status not stated"),
    (
        "side_by_side_intro",
        "各文件依其於資料日期（{date}）的狀態計數；「具拘束力」僅計有效者。",
        "Each instrument is counted by its status on the site's data date ({date}); \"binding\" counts current instruments only.",
    ),
    ("binding_current", "具拘束力且有效", "Binding and current"),
    ("approach_not_stated", "資料未載明", "not stated"),
    ("as_of", "截至 {date}", "as of {date}"),
];

#[cfg(test)]
mod tests {
    #[test]
    fn keys_are_unique_across_the_tables() {
        let mut seen = std::collections::HashSet::new();
        for (k, _, _) in super::FIGURES.iter().chain(super::super::i18n::STRINGS) {
            assert!(seen.insert(*k), "duplicate key {k}");
        }
    }
}
