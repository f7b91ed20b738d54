//! The figure objects pages hand to `figures.html::figure(f, t, root)`: a
//! chart (one panel, or one per inventory: small multiples), drawn by the
//! charts stage from the analytics stage's figures, with the table of its
//! numbers, a caption that says what it counts (population, flag method,
//! source), and links to the downloads it is computed from. One language
//! each; nothing here counts anything.

pub mod downloads;
pub mod flags;
pub mod matrix;

use super::i18n;
use super::views::View;
use crate::analytics::{FlagCount, Share};
use crate::charts::Responsive;
use serde::Serialize;

/// A figure as `figures.html` draws it.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// Unique on the page; names the SVG download.
    pub id: String,
    /// States the figure's subject.
    pub title: String,
    /// Says exactly what is counted.
    pub subtitle: String,
    /// The chart: one panel, or one per group (small multiples).
    pub panels: Vec<Panel>,
    /// The numbers, as a table.
    pub table: Table,
    /// Caption lines: population, method, reading notes.
    pub notes: Vec<Note>,
    /// Downloads: the data it is computed from, and the chart itself.
    pub downloads: Vec<Link>,
}

/// One chart of a figure.
#[derive(Debug, Clone, Serialize)]
pub struct Panel {
    /// Heading (the inventory, in small multiples).
    pub heading: Option<String>,
    /// Link of the heading.
    pub url: Option<String>,
    /// A line under the heading (cases held, method).
    pub note: Option<String>,
    /// The chart, laid out for each width.
    pub chart: Responsive,
}

/// A caption line: a label ("Population") and its text.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    /// What the line is about.
    pub label: String,
    /// The line.
    pub text: String,
}

/// A link.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Its text.
    pub label: String,
    /// Its target, relative to the output root.
    pub url: String,
}

/// A table of a figure's numbers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Table {
    /// Caption.
    pub caption: String,
    /// Column headings (the first heads the row headings).
    pub head: Vec<Cell>,
    /// Rows.
    pub rows: Vec<Row>,
    /// Rows of totals.
    pub foot: Vec<Row>,
}

/// A table row: its heading cell and the others.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Row {
    /// Data attributes of the row (`data-{name}`).
    pub data: Vec<(String, String)>,
    /// Heading cell.
    pub head: Cell,
    /// Other cells.
    pub cells: Vec<Cell>,
}

/// A table cell.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cell {
    /// Text.
    pub text: String,
    /// A second, quieter line (the counts under a share).
    pub sub: Option<String>,
    /// A number (right-aligned).
    pub num: bool,
    /// Shown muted (not assessed).
    pub muted: bool,
    /// Link.
    pub url: Option<String>,
    /// Data attributes (`data-{name}`).
    pub data: Vec<(String, String)>,
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell {
            text: s.into(),
            ..Cell::default()
        }
    }

    /// A number cell.
    pub fn num(s: impl Into<String>) -> Cell {
        Cell {
            text: s.into(),
            num: true,
            ..Cell::default()
        }
    }

    /// With a data attribute.
    pub fn data(mut self, name: &str, value: impl ToString) -> Cell {
        self.data.push((name.to_string(), value.to_string()));
        self
    }
}

/// An interface string with `{name}` values put in.
pub fn t(v: View, key: &str, values: &[(&str, &str)]) -> String {
    let mut s = i18n::get(v.lang, key);
    for (k, val) in values {
        s = s.replace(&format!("{{{k}}}"), val);
    }
    s
}

/// A count with thousands grouped (`3,611`).
pub fn num(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A percentage as written in `lang`: `24 %` (a no-break space) in
/// English, `24%` in Chinese.
pub fn percent(v: View, p: &str) -> String {
    if v.lang.starts_with("zh") {
        format!("{p}%")
    } else {
        format!("{p}\u{a0}%")
    }
}

/// A flag's share as a reader sees it: "24 %", "<1 %", ">99 %", or
/// "not assessed".
pub fn share(v: View, c: &FlagCount) -> String {
    match c.share() {
        Share::NotAssessed => i18n::get(v.lang, "not_assessed"),
        Share::Zero => percent(v, "0"),
        Share::UnderOne => percent(v, "<1"),
        Share::Percent(p) => percent(v, &p.to_string()),
        Share::OverNinetyNine => percent(v, ">99"),
        Share::All => percent(v, "100"),
    }
}

/// "360 of 1,511": flagged of assessed.
pub fn of_assessed(v: View, c: &FlagCount) -> String {
    t(
        v,
        "of_assessed",
        &[("n", &num(c.flagged)), ("d", &num(c.assessed))],
    )
}

/// The labels of the scale's steps (see [`crate::charts::paint::Paint::for_share`]).
pub fn steps(v: View) -> [String; 6] {
    [
        percent(v, "0"),
        percent(v, "<20"),
        percent(v, "20–39"),
        percent(v, "40–59"),
        percent(v, "60–79"),
        percent(v, "80–100"),
    ]
}

/// The labels of the bar scale, at 0, 25, 50, 75 and 100 %.
pub fn ticks(v: View) -> [String; 5] {
    ["0", "25", "50", "75", "100"].map(|p| percent(v, p))
}

/// `{held} of {declared} cases held`, or the held count alone.
pub fn held_text(v: View, held: usize, declared: Option<u32>) -> String {
    match declared {
        Some(d) => t(
            v,
            "held_of_declared_short",
            &[("held", &num(held)), ("declared", &num(d as usize))],
        ),
        None => t(v, "held_only", &[("held", &num(held))]),
    }
}

/// A label used mid-sentence: in English its first letter lower-cased,
/// unless it starts an acronym ("AI Act", "OECD").
pub fn mid_sentence(v: View, s: &str) -> String {
    if v.lang.starts_with("zh") {
        return s.to_string();
    }
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(s[a.len_utf8()..].chars()).collect()
        }
        _ => s.to_string(),
    }
}

/// A list in `lang`'s way: `A, B and C` / `A、B、C`.
pub fn list(v: View, items: &[String]) -> String {
    if v.lang.starts_with("zh") {
        return items.join("、");
    }
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped() {
        assert_eq!(num(3611), "3,611");
        assert_eq!(num(611), "611");
        assert_eq!(num(1234567), "1,234,567");
    }
}
