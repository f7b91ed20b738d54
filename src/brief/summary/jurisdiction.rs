//! The summary of a jurisdiction briefing: its instruments, how many bind,
//! its approach, the latest change, the principles covered, its cases.

use super::cases::{case_sentence, CaseFigures};
use super::words::{join, list, lower_first, plural, quoted};
use crate::brief::strings::is_zh;

/// What the summary of one jurisdiction says.
pub struct JurisdictionFigures {
    /// Its name.
    pub name: String,
    /// Instruments held.
    pub instruments: usize,
    /// Short titles of the binding ones.
    pub binding: Vec<String>,
    /// How many sort obligations by risk tier.
    pub risk_based: usize,
    /// Current approach and since when.
    pub approach: Option<(String, String)>,
    /// Latest dated change: date, instrument, status.
    pub latest: Option<(String, String, String)>,
    /// Crosswalk principles addressed, and how many there are.
    pub principles: (usize, usize),
    /// Its cases.
    pub cases: CaseFigures,
}

/// The summary of a jurisdiction briefing.
pub fn jurisdiction(lang: &str, f: &JurisdictionFigures) -> String {
    let mut out = Vec::new();
    if is_zh(lang) {
        let mut s = format!("本站收錄{}的人工智慧治理文件 {} 份", f.name, f.instruments);
        if f.binding.is_empty() {
            s.push_str(if f.instruments == 0 {
                "。"
            } else {
                "，均不具拘束力。"
            });
        } else {
            s.push_str(&format!(
                "，其中 {} 份具拘束力（{}）。",
                f.binding.len(),
                list(lang, &f.binding)
            ));
        }
        out.push(s);
        if let Some((a, from)) = &f.approach {
            out.push(format!(
                "目前的監管取向為{}（自 {from} 起）。",
                quoted(lang, a)
            ));
        }
        if f.risk_based > 0 {
            out.push(format!("有 {} 份文件以風險分級訂定義務。", f.risk_based));
        }
        if let Some((date, fw, status)) = &f.latest {
            out.push(format!("最近一次變動：{fw}（{date}，{status}）。"));
        }
        if f.principles.0 > 0 {
            out.push(format!(
                "這些文件涵蓋共通原則對照表 {} 項原則中的 {} 項。",
                f.principles.1, f.principles.0
            ));
        }
    } else {
        let mut s = format!(
            "The site records {} for {}",
            plural(
                f.instruments,
                "AI-governance instrument",
                "AI-governance instruments"
            ),
            f.name
        );
        if f.binding.is_empty() {
            s.push_str(if f.instruments == 0 {
                "."
            } else if f.instruments == 1 {
                "; it is not binding."
            } else {
                "; none of them is binding."
            });
        } else {
            s.push_str(&format!(
                ", {} of them binding ({}).",
                f.binding.len(),
                list(lang, &f.binding)
            ));
        }
        out.push(s);
        if let Some((a, from)) = &f.approach {
            out.push(format!(
                "Its current regulatory approach is {} (since {from}).",
                lower_first(a)
            ));
        }
        if f.risk_based > 0 {
            out.push(format!(
                "{} obligations by risk tier.",
                if f.risk_based == 1 {
                    "One instrument sorts".to_string()
                } else {
                    format!("{} instruments sort", f.risk_based)
                }
            ));
        }
        if let Some((date, fw, status)) = &f.latest {
            out.push(format!(
                "The latest change: {fw}, {} ({date}).",
                lower_first(status)
            ));
        }
        if f.principles.0 > 0 {
            out.push(format!(
                "Together they address {} of the {} principles of the crosswalk.",
                f.principles.0, f.principles.1
            ));
        }
    }
    out.push(case_sentence(lang, &f.cases));
    join(lang, out)
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jurisdiction_summary_counts() {
        let f = JurisdictionFigures {
            name: "Taiwan".into(),
            instruments: 2,
            binding: vec!["Act".into()],
            risk_based: 1,
            approach: Some(("Framework law".into(), "2024".into())),
            latest: None,
            principles: (3, 5),
            cases: CaseFigures {
                cases: 4,
                inventories: 1,
                flagged: 3,
                top_flag: Some(("Personal data".into(), 3)),
            },
        };
        let s = jurisdiction("en", &f);
        assert_eq!(
            s,
            "The site records 2 AI-governance instruments for Taiwan, 1 of them binding (Act). \
             Its current regulatory approach is framework law (since 2024). One instrument sorts \
             obligations by risk tier. Together they address 3 of the 5 principles of the crosswalk. \
             The site holds 4 government AI use cases from 1 inventory; 3 of them carry at least one \
             risk flag, most often personal data (3)."
        );
    }
}
