//! The summary of an inventory briefing: who published it, how many of its
//! cases the site holds, its largest use class and its risk flags.

use super::cases::CaseFigures;
use super::words::{join, lower_first, num, plural, quoted};
use crate::brief::strings::is_zh;

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
