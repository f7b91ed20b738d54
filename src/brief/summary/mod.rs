//! The one-paragraph summaries, written from the numbers in the data.
//! Each function takes what it says, already counted, and returns plain
//! text in one language (templates escape it).

mod compare;
pub use compare::{compare, CompareEntry};

use super::strings::is_zh;

/// `A, B and C` / `A、B與C`.
pub fn list(lang: &str, items: &[String]) -> String {
    let (sep, last) = if is_zh(lang) {
        ("、", "與")
    } else {
        (", ", " and ")
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., tail] => format!("{}{last}{tail}", init.join(sep)),
    }
}

/// Digits grouped by thousands (`3611` → `3,611`); anything that is not
/// a plain number (`11/12`, `45%`) is left as it is.
pub fn grouped(s: &str) -> String {
    if s.len() <= 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn num(v: usize) -> String {
    grouped(&v.to_string())
}

fn quoted(lang: &str, s: &str) -> String {
    if is_zh(lang) {
        format!("「{s}」")
    } else {
        s.to_string()
    }
}

/// Lower-cases a label's first letter for use mid-sentence, unless the
/// label starts with an acronym (`AI Act`, `OECD principles`).
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(s[a.len_utf8()..].chars()).collect()
        }
        _ => s.to_string(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        grouped(&n.to_string()),
        if n == 1 { one } else { many }
    )
}

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

fn case_sentence(lang: &str, c: &CaseFigures) -> String {
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

fn join(lang: &str, parts: Vec<String>) -> String {
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    parts.join(if is_zh(lang) { "" } else { " " })
}

/// What the summary of an inventory says.
pub struct InventoryFigures {
    /// Its title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Year.
    pub year: Option<u16>,
    /// The jurisdiction's name.
    pub jurisdiction: String,
    /// Cases the publisher lists.
    pub declared: Option<u32>,
    /// Cases held, and their share of the declared total.
    pub held: usize,
    /// Percentage held of declared.
    pub percent: Option<u64>,
    /// The largest use class and its count.
    pub top_class: Option<(String, usize)>,
    /// The flag figures.
    pub cases: CaseFigures,
    /// The default flag method's label.
    pub method: Option<String>,
}

/// The summary of an inventory briefing.
pub fn inventory(lang: &str, f: &InventoryFigures) -> String {
    let zh = is_zh(lang);
    let mut out = Vec::new();
    let held = num(f.held);
    let flagged = num(f.cases.flagged);
    if zh {
        let when = f.year.map(|y| format!("於 {y} 年")).unwrap_or_default();
        let mut s = format!(
            "{}由{}{when}發布，盤點{}的政府 AI 應用",
            quoted(lang, &f.title),
            f.publisher,
            f.jurisdiction
        );
        match (f.declared, f.percent) {
            (Some(d), Some(p)) => s.push_str(&format!(
                "，共 {} 案；本站收錄其中 {held} 案（{p}%）。",
                num(d as usize)
            )),
            _ => s.push_str(&format!("；本站收錄 {held} 案。")),
        }
        out.push(s);
        if let Some((c, n)) = &f.top_class {
            out.push(format!(
                "收錄案例以{}類最多（{} 案）。",
                quoted(lang, c),
                num(*n)
            ));
        }
        if f.held > 0 {
            let mut s = format!("{held} 案中有 {flagged} 案至少標記一項風險");
            if let Some((l, n)) = &f.cases.top_flag {
                s.push_str(&format!(
                    "，最常見的是{}（{} 案，{}%）",
                    quoted(lang, l),
                    num(*n),
                    crate::render::views::percent(*n, f.held)
                ));
            }
            s.push('。');
            out.push(s);
        }
        if let Some(m) = f.method.as_ref().filter(|_| f.held > 0) {
            out.push(format!("風險標記方式：{m}。"));
        }
    } else {
        let when = f.year.map(|y| format!(" in {y}")).unwrap_or_default();
        let mut s = format!(
            "{}, published by {}{when}, lists government AI uses in {}",
            f.title, f.publisher, f.jurisdiction
        );
        match (f.declared, f.percent) {
            (Some(d), Some(p)) => s.push_str(&format!(
                ": {} in all, of which the site holds {held} ({p}%).",
                num(d as usize)
            )),
            _ => s.push_str(&format!("; the site holds {held} of them.")),
        }
        out.push(s);
        if let Some((c, n)) = &f.top_class {
            out.push(format!(
                "The largest use class among them is {} ({}).",
                lower_first(c),
                num(*n)
            ));
        }
        if f.held > 0 {
            let mut s = format!(
                "{flagged} of the {} carry at least one risk flag",
                plural(f.held, "case", "cases")
            );
            if let Some((l, n)) = &f.cases.top_flag {
                s.push_str(&format!(
                    "; the most frequent is {} ({}, {}%)",
                    lower_first(l),
                    num(*n),
                    crate::render::views::percent(*n, f.held)
                ));
            }
            s.push('.');
            out.push(s);
        }
        if let Some(m) = f.method.as_ref().filter(|_| f.held > 0) {
            out.push(format!("How the flags were assigned: {m}."));
        }
    }
    join(lang, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(grouped("3611"), "3,611");
        assert_eq!(grouped("1234567"), "1,234,567");
        assert_eq!(grouped("611"), "611");
        assert_eq!(grouped("11/12"), "11/12");
    }

    #[test]
    fn lists_read_naturally() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(list("en", &v(&["A", "B", "C"])), "A, B and C");
        assert_eq!(list("zh-TW", &v(&["甲", "乙", "丙"])), "甲、乙與丙");
        assert_eq!(list("en", &v(&["A"])), "A");
    }

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
