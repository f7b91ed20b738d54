//! The sentence about a set of cases that ends a jurisdiction's summary.

use super::words::{grouped, lower_first, num, plural, quoted};
use crate::brief::strings::is_zh;

/// What a summary says about a set of cases.
pub struct CaseFigures {
    /// Cases held.
    pub cases: usize,
    /// Inventories they come from.
    pub inventories: usize,
    /// Cases with at least one flag.
    pub flagged: usize,
    /// The most frequent flag's label and count (none when no flag is ticked).
    pub top_flag: Option<(String, usize)>,
}

pub(super) fn case_sentence(lang: &str, c: &CaseFigures) -> String {
    if c.cases == 0 {
        return String::new();
    }
    let zh = is_zh(lang);
    let mut s = if zh {
        format!(
            "本站收錄其 {} 份清冊共 {} 個政府 AI 應用案例，其中 {} 案至少標記一項風險",
            c.inventories,
            num(c.cases),
            num(c.flagged)
        )
    } else {
        format!(
            "The site holds {} from {}; {} of them carry at least one risk flag",
            plural(c.cases, "government AI use case", "government AI use cases"),
            plural(c.inventories, "inventory", "inventories"),
            num(c.flagged)
        )
    };
    if let Some((label, n)) = &c.top_flag {
        if zh {
            s.push_str(&format!(
                "，最常見的是{}（{} 案）",
                quoted(lang, label),
                grouped(&n.to_string())
            ));
        } else {
            s.push_str(&format!(
                ", most often {} ({})",
                lower_first(label),
                grouped(&n.to_string())
            ));
        }
    }
    s.push_str(if zh { "。" } else { "." });
    s
}
