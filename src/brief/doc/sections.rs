//! The numbered sections of each kind of briefing, in the order and with
//! the content of `brief.html`.

use super::cover::items;
use super::tables::{
    self, cell, data, flag_figure, head, head_num, instruments, joined, notable, num,
};
use super::text::{cites, plain_run, run, s, section_anchor, tx, tx_look, tx_plain};
use super::{Block, Document, Inline, Look, Style};
use serde_json::Value;

/// Adds the sections of the model's kind, then the sources.
pub fn sections(m: &Value, doc: &mut Document) {
    let mut w = Writer {
        doc,
        m,
        first: true,
    };
    match m["kind"].as_str() {
        Some("jurisdiction") => w.jurisdiction(),
        Some("compare") => w.compare(),
        Some("inventory") => w.inventory(),
        _ => {}
    }
    if !none(&m["sources"]) {
        w.heading(1, Some("sources"), vec![plain_run(s(&m["t"]["sources"]))]);
        tables::sources(w.doc, &m["sources"], &m["t"]);
    }
}

/// True when the model's value is not a non-empty array.
fn none(v: &Value) -> bool {
    items(v).next().is_none()
}

struct Writer<'a> {
    doc: &'a mut Document,
    m: &'a Value,
    /// No section heading written yet: the next one starts a page.
    first: bool,
}

impl Writer<'_> {
    fn t(&self, key: &str) -> String {
        s(&self.m["t"][key])
    }

    fn push(&mut self, b: Block) {
        self.doc.blocks.push(b);
    }

    fn heading(&mut self, level: u8, id: Option<&str>, text: Vec<Inline>) {
        let page_break = level == 1 && std::mem::take(&mut self.first);
        self.push(Block::Heading {
            level,
            anchor: id.map(section_anchor),
            page_break,
            text,
        });
    }

    fn section(&mut self, id: &str, key: &str) {
        let label = self.t(key);
        self.heading(1, Some(id), vec![plain_run(label)]);
    }

    fn para(&mut self, style: Style, content: Vec<Inline>) {
        self.push(Block::Para(style, content));
    }

    fn muted(&mut self, key: &str) {
        let text = self.t(key);
        self.para(Style::Body, vec![run(Look::Muted, text)]);
    }

    /// The record's own text with its citations.
    fn text_with_cites(&mut self, bg: &Value) {
        if !tx_plain(&bg["text"]).is_empty() {
            let mut p = tx(&bg["text"]);
            p.extend(cites(&bg["cites"]));
            self.para(Style::Body, p);
        }
    }

    fn instruments_or_none(&mut self, rows: &Value) {
        if none(rows) {
            self.muted("none");
        } else {
            let b = instruments(rows, &self.m["t"]);
            self.push(b);
        }
    }

    fn flags(&mut self) {
        self.section("risk-flags", "risk_flags");
        if self.m["flags"].is_null() {
            self.muted("no_cases");
        } else {
            let caption = self.t("risk_flag_chart");
            flag_figure(self.doc, &self.m["flags"], &self.m["t"], &caption);
        }
    }

    fn notable(&mut self) {
        if none(&self.m["notable"]) {
            return;
        }
        self.section("notable-cases", "notable_cases");
        let note = self.t("notable_note");
        self.para(Style::Note, vec![plain_run(note)]);
        let b = notable(&self.m["notable"], &self.m["t"], &self.doc.lang);
        self.push(b);
    }

    fn jurisdiction(&mut self) {
        let m = self.m;
        let bg = &m["background"];
        self.section("background", "background");
        self.text_with_cites(bg);
        if !bg["dedicated_body"].is_null() {
            let colon = if self.doc.lang.starts_with("zh") {
                "："
            } else {
                ": "
            };
            let mut p = vec![run(
                Look::Strong,
                format!("{}{colon}", self.t("dedicated_body")),
            )];
            p.extend(tx(&bg["dedicated_body"]));
            self.para(Style::Body, p);
        }
        if !none(&bg["approaches"]) {
            let label = self.t("approach_history");
            self.heading(2, None, vec![plain_run(label)]);
            for a in items(&bg["approaches"]) {
                let mut p = vec![plain_run(format!("{} – {} ", s(&a["from"]), s(&a["to"])))];
                p.extend(tx_look(&a["approach"]["label"], Look::Strong));
                p.push(Inline::Break);
                p.extend(tx(&a["summary"]));
                self.para(Style::Body, p);
            }
        }
        self.section("instruments", "key_instruments");
        self.instruments_or_none(&m["instruments"]);
        let label = format!(
            "{} ({}/{})",
            self.t("principles_covered"),
            s(&m["covered"]),
            items(&m["coverage"]).count()
        );
        self.heading(1, Some("principles"), vec![plain_run(label)]);
        let rows = items(&m["coverage"])
            .map(|c| {
                let by: Vec<Vec<Inline>> = items(&c["by"]).map(tx).collect();
                let mark = if by.is_empty() { "○ " } else { "● " };
                let mut name = vec![plain_run(mark)];
                name.extend(tx(&c["label"]));
                let by = if by.is_empty() {
                    vec![run(Look::Muted, self.t("not_covered"))]
                } else {
                    joined(&self.doc.lang, by)
                };
                vec![cell(name), cell(by)]
            })
            .collect();
        let head = vec![
            head(self.t("principles_covered")),
            head(self.t("covered_by")),
        ];
        self.push(Block::Table(data(&[40, 60], head, rows)));
        self.flags();
        self.notable();
    }

    fn compare(&mut self) {
        let m = self.m;
        let columns: Vec<&Value> = items(&m["columns"]).collect();
        let n = columns.len() as u32;
        let col_heads = |first: String| {
            let mut h = vec![head(first)];
            h.extend(columns.iter().map(|c| head(tx_plain(c))));
            h
        };
        self.section("side-by-side", "side_by_side");
        let rows = items(&m["side_by_side"])
            .map(|r| {
                let mut row = vec![cell(vec![run(Look::Strong, s(&r["label"]))])];
                row.extend(items(&r["cells"]).map(|c| cell(tx(c))));
                row
            })
            .collect();
        let widths: Vec<u32> = std::iter::once(22)
            .chain((0..n).map(|_| 78 / n.max(1)))
            .collect();
        self.push(Block::Table(data(&widths, col_heads(String::new()), rows)));

        self.section("principles", "principles_side_by_side");
        let note = self.t("principles_matrix_note");
        self.para(Style::Note, vec![plain_run(note)]);
        let rows = items(&m["matrix"])
            .map(|r| {
                let mut row = vec![cell(tx(&r["label"]))];
                row.extend(items(&r["counts"]).map(|c| match c.as_u64() {
                    Some(k) if k > 0 => num(format!("● {k}")),
                    _ => num("—"),
                }));
                row
            })
            .collect();
        let mut heads = vec![head(self.t("principles_covered"))];
        heads.extend(columns.iter().map(|c| head_num(tx_plain(c))));
        let widths: Vec<u32> = std::iter::once(34)
            .chain((0..n).map(|_| 66 / n.max(1)))
            .collect();
        self.push(Block::Table(data(&widths, heads, rows)));

        self.section("risk-flags", "risk_flags");
        let fc = &m["flag_compare"];
        if fc.is_null() {
            self.muted("no_cases");
        } else {
            for c in items(&fc["charts"]) {
                let caption = s(&c["caption"]);
                let chart = tables::chart(self.doc, &c["svg"], &caption);
                self.push(chart);
            }
            let caption = format!("{} — {}", self.t("risk_flag_compare"), self.t("chart_data"));
            self.para(Style::Caption, vec![plain_run(caption)]);
            // Flags down, jurisdictions across (the HTML has them the other
            // way): a few jurisdictions fit across A4, seven flags do not.
            let rows: Vec<&Value> = items(&fc["rows"]).collect();
            let mut heads = vec![head(self.t("flag"))];
            heads.extend(rows.iter().map(|r| head_num(tx_plain(&r["name"]))));
            let body = items(&fc["headers"])
                .enumerate()
                .map(|(k, h)| {
                    let mut row = vec![cell(tx(&h["label"]))];
                    row.extend(rows.iter().map(|r| num(s(&r["counts"][k]))));
                    row
                })
                .collect();
            let n = rows.len() as u32;
            let widths: Vec<u32> = std::iter::once(40)
                .chain((0..n).map(|_| 60 / n.max(1)))
                .collect();
            let mut table = data(&widths, heads, body);
            let mut foot = vec![head(self.t("total"))];
            foot.extend(rows.iter().map(|r| head_num(s(&r["cases"]))));
            table.foot = Some(foot);
            self.push(Block::Table(table));
        }

        self.section("instruments", "key_instruments");
        for g in items(&m["groups"]) {
            self.heading(2, None, tx(&g["name"]));
            self.instruments_or_none(&g["instruments"]);
        }
        self.notable();
    }

    fn inventory(&mut self) {
        let m = self.m;
        self.section("background", "background");
        let facts = items(&m["facts"])
            .enumerate()
            .map(|(i, f)| {
                let mut value = tx(&f["value"]);
                if i == 0 && !m["published_cite"].is_null() {
                    value.extend(cites(&Value::Array(vec![m["published_cite"].clone()])));
                }
                vec![cell(vec![run(Look::Strong, s(&f["label"]))]), cell(value)]
            })
            .collect();
        self.push(Block::Table(super::Table {
            kind: super::TableKind::Facts,
            widths: vec![1, 3],
            head: None,
            rows: facts,
            foot: None,
        }));
        self.text_with_cites(&m["background"]);
        if !none(&m["flag_methods"]) {
            let label = self.t("flag_methods");
            self.heading(2, None, vec![plain_run(label)]);
            for fm in items(&m["flag_methods"]) {
                let mut p = tx_look(&fm["label"], Look::Strong);
                if fm["default"] == true {
                    p.push(run(Look::Small, format!(" ({})", self.t("default_method"))));
                }
                p.push(Inline::Break);
                p.extend(tx(&fm["description"]));
                self.para(Style::Body, p);
            }
        }
        self.flags();
        if !none(&m["use_classes"]) {
            self.section("use-classes", "use_classes");
            let rows = items(&m["use_classes"])
                .map(|u| {
                    vec![
                        cell(tx(&u["label"])),
                        num(s(&u["count"])),
                        num(format!("{}%", s(&u["percent"]))),
                    ]
                })
                .collect();
            let heads = vec![
                head(self.t("use_class")),
                head_num(self.t("count")),
                head_num(self.t("percent")),
            ];
            self.push(Block::Table(data(&[50, 25, 25], heads, rows)));
        }
        self.notable();
        if m["long_list"] == true && !none(&m["notable"]) {
            let note = self.t("more_cases").replace("{n}", &s(&m["held"]));
            self.para(Style::Note, vec![plain_run(note)]);
        }
        if !none(&m["all_cases"]) {
            self.section("all-cases", "all_cases");
            let flags: Vec<&Value> = items(&m["flag_headers"]).collect();
            let mut heads = vec![head(self.t("case")), head(self.t("agency"))];
            heads.extend(flags.iter().map(|h| head_num(tx_plain(&h["label"]))));
            let rows = items(&m["all_cases"])
                .map(|c| {
                    let mut row = vec![cell(tx(&c["name"])), cell(tx(&c["agency"]))];
                    row.extend(items(&c["ticks"]).map(|on| num(if on == true { "●" } else { "" })));
                    row
                })
                .collect();
            let per_flag = 50 / (flags.len() as u32).max(1);
            let widths: Vec<u32> = [30, 20]
                .into_iter()
                .chain(flags.iter().map(|_| per_flag))
                .collect();
            self.push(Block::Table(data(&widths, heads, rows)));
        }
        let label = s(&m["jurisdiction_instruments"]);
        self.heading(1, Some("instruments"), vec![plain_run(label)]);
        self.instruments_or_none(&m["instruments"]);
    }
}
