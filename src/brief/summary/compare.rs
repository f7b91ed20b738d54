//! The summary of a comparison briefing: each jurisdiction's instruments
//! normalised by status on the data date, its cases counted apart.

use super::words::{join, list, lower_first, num, plural, quoted};
use crate::brief::strings::is_zh;

/// One jurisdiction's line in a comparison summary. Raw counts of
/// instruments say how many documents the site holds, not how much a
/// jurisdiction regulates: the line says how many are current on the data
/// date and how many of those bind, and the cases are counted apart.
pub struct CompareEntry {
    /// Name.
    pub name: String,
    /// Instruments on record.
    pub instruments: usize,
    /// Of them, current on the data date (in force, adopted, signed, ...).
    pub current: usize,
    /// Of the current ones, binding.
    pub binding_current: usize,
    /// Of them, no longer in effect (revoked, superseded, lapsed).
    pub ended: usize,
    /// Current approach.
    pub approach: Option<String>,
    /// Cases held, and the inventories they come from.
    pub cases: (usize, usize),
}

/// The summary of a comparison briefing (`date`: the site's data date).
pub fn compare(
    lang: &str,
    entries: &[CompareEntry],
    shared_principles: &[String],
    principle_total: usize,
    date: &str,
) -> String {
    let zh = is_zh(lang);
    let names: Vec<String> = entries.iter().map(|e| e.name.clone()).collect();
    let mut out = Vec::new();
    let each: Vec<String> = entries
        .iter()
        .map(|e| {
            if zh {
                let mut s = format!(
                    "{}收錄 {} 份文件，其中 {} 份於 {date} 有效（{} 份具拘束力）",
                    e.name, e.instruments, e.current, e.binding_current
                );
                if e.ended > 0 {
                    s.push_str(&format!("、{} 份已失效", e.ended));
                }
                if let Some(a) = &e.approach {
                    s.push_str(&format!("，目前取向為{}", quoted(lang, a)));
                }
                s
            } else {
                let mut s = format!(
                    "{}: {} on record, {} current on {date} ({} binding)",
                    e.name,
                    plural(e.instruments, "instrument", "instruments"),
                    e.current,
                    e.binding_current
                );
                if e.ended > 0 {
                    s.push_str(&format!(", {} no longer in effect", e.ended));
                }
                if let Some(a) = &e.approach {
                    s.push_str(&format!("; current approach: {}", lower_first(a)));
                }
                s
            }
        })
        .collect();
    let cases: Vec<String> = entries
        .iter()
        .map(|e| {
            let (n, inv) = e.cases;
            match (zh, n) {
                (true, 0) => format!("{}無", e.name),
                (true, _) => format!("{} {} 份清冊 {} 案", e.name, inv, num(n)),
                (false, 0) => format!("none for {}", e.name),
                (false, _) => format!(
                    "{} for {} ({})",
                    num(n),
                    e.name,
                    plural(inv, "inventory", "inventories")
                ),
            }
        })
        .collect();
    if zh {
        out.push(format!(
            "本簡報並列比較{}的人工智慧治理。{}。",
            list(lang, &names),
            each.join("；")
        ));
        out.push(format!(
            "文件份數反映本站收錄的資料多寡，不代表監管強度。共通原則對照表的 {principle_total} 項原則中，"
        ));
        if shared_principles.is_empty() {
            out.push("沒有一項為所有管轄區域的文件共同涵蓋。".to_string());
        } else {
            out.push(format!(
                "有 {} 項為所有管轄區域的文件共同涵蓋：{}。",
                shared_principles.len(),
                list(lang, shared_principles)
            ));
        }
        out.push(format!(
            "收錄的政府 AI 應用案例：{}；各清冊的風險標記方式不同，故不合併計算。",
            cases.join("、")
        ));
    } else {
        out.push(format!(
            "This briefing sets the AI governance of {} side by side. {}.",
            list(lang, &names),
            each.join("; ")
        ));
        out.push(
            "The number of instruments reflects what the site holds, not how much a jurisdiction regulates."
                .to_string(),
        );
        if shared_principles.is_empty() {
            out.push(format!(
                "None of the {principle_total} principles of the crosswalk is addressed by instruments of every one of them."
            ));
        } else {
            out.push(format!(
                "Of the {principle_total} principles of the crosswalk, {} {} addressed by instruments of every one of them: {}.",
                shared_principles.len(),
                if shared_principles.len() == 1 { "is" } else { "are" },
                list(lang, shared_principles)
            ));
        }
        out.push(format!(
            "Government AI use cases held: {}; their inventories set risk flags by different methods, so they are not added up.",
            list(lang, &cases)
        ));
    }
    join(lang, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_summary_counts_by_status_and_keeps_cases_apart() {
        let entry = |name: &str, n, current, binding, ended, cases| CompareEntry {
            name: name.into(),
            instruments: n,
            current,
            binding_current: binding,
            ended,
            approach: None,
            cases,
        };
        let entries = [
            entry("United States", 12, 6, 3, 4, (3611, 1)),
            entry("European Union", 4, 4, 1, 0, (0, 0)),
        ];
        assert_eq!(
            compare("en", &entries, &["Innovation".into()], 12, "2025-07"),
            "This briefing sets the AI governance of United States and European Union side by side. \
             United States: 12 instruments on record, 6 current on 2025-07 (3 binding), 4 no longer in effect; \
             European Union: 4 instruments on record, 4 current on 2025-07 (1 binding). \
             The number of instruments reflects what the site holds, not how much a jurisdiction regulates. \
             Of the 12 principles of the crosswalk, 1 is addressed by instruments of every one of them: Innovation. \
             Government AI use cases held: 3,611 for United States (1 inventory) and none for European Union; \
             their inventories set risk flags by different methods, so they are not added up."
        );
    }
}
