//! The tables and figures all kinds of briefing share: key instruments,
//! notable cases, the risk-flag chart with its numbers, and the sources.
//! Each mirrors its macro in `brief_macros.html`.

use super::cover::items;
use super::text::{cites, is_web_url, plain_run, run, s, source_anchor, tx, tx_look, tx_plain};
use super::{Block, Cell, Chart, Document, Inline, Look, Style, Table, TableKind};
use serde_json::Value;

/// A header cell.
pub fn head(label: impl Into<String>) -> Cell {
    Cell::new(Style::TableHeading, vec![plain_run(label)])
}

/// A header cell over a column of numbers.
pub fn head_num(label: impl Into<String>) -> Cell {
    Cell::new(Style::TableHeadingNumber, vec![plain_run(label)])
}

/// A body cell.
pub fn cell(content: Vec<Inline>) -> Cell {
    Cell::new(Style::TableContents, content)
}

/// A body cell holding a number.
pub fn num(text: impl Into<String>) -> Cell {
    Cell::new(Style::TableNumber, vec![plain_run(text)])
}

/// A data table.
pub fn data(widths: &[u32], head: Vec<Cell>, rows: Vec<Vec<Cell>>) -> Table {
    Table {
        kind: TableKind::Data,
        widths: widths.to_vec(),
        head: Some(head),
        rows,
        foot: None,
    }
}

/// Items of a list joined as the language joins them (`、` or `; `).
pub fn joined(lang: &str, parts: Vec<Vec<Inline>>) -> Vec<Inline> {
    let sep = if lang.starts_with("zh") { "、" } else { "; " };
    let mut out = Vec::new();
    for (i, p) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push(plain_run(sep));
        }
        out.extend(p);
    }
    out
}

/// The key-instruments table: the instrument timeline, one row each with
/// every dated status change.
pub fn instruments(rows: &Value, t: &Value) -> Block {
    let body = items(rows)
        .map(|f| {
            let mut name = tx_look(&f["short_title"], Look::Strong);
            if tx_plain(&f["short_title"]) != tx_plain(&f["title"]) {
                name.push(Inline::Break);
                name.extend(tx_look(&f["title"], Look::Small));
            }
            name.extend(cites(&f["cites"]));
            let mut binding = vec![plain_run(s(&t[if f["binding"] == true {
                "binding_yes"
            } else {
                "binding_no"
            }]))];
            if f["risk_based"] == true {
                binding.push(Inline::Break);
                binding.push(plain_run(s(&t["risk_tiered"])));
            }
            let mut dates = Vec::new();
            for (i, e) in items(&f["dates"]).enumerate() {
                if i > 0 {
                    dates.push(Inline::Break);
                }
                dates.push(run(Look::Strong, format!("{} ", s(&e["date"]))));
                dates.extend(tx(&e["status"]["label"]));
            }
            if dates.is_empty() {
                dates.push(plain_run("—"));
            }
            vec![
                cell(name),
                cell(tx(&f["type"]["label"])),
                cell(binding),
                cell(tx(&f["status"]["label"])),
                cell(dates),
            ]
        })
        .collect();
    Block::Table(data(
        &[30, 15, 15, 15, 25],
        ["instrument", "type", "binding", "status", "key_dates"]
            .iter()
            .map(|k| head(s(&t[*k])))
            .collect(),
        body,
    ))
}

/// The notable-cases table, most flags first.
pub fn notable(rows: &Value, t: &Value, lang: &str) -> Block {
    let body = items(rows)
        .map(|c| {
            let mut flags = vec![run(Look::Strong, format!("{} ", s(&c["n_flags"])))];
            flags.extend(joined(lang, items(&c["flags"]).map(tx).collect()));
            vec![
                cell(tx(&c["name"])),
                cell(tx(&c["agency"])),
                cell(tx(&c["use_class"]["label"])),
                cell(flags),
            ]
        })
        .collect();
    Block::Table(data(
        &[32, 22, 16, 30],
        ["case", "agency", "use_class", "risk_flags"]
            .iter()
            .map(|k| head(s(&t[*k])))
            .collect(),
        body,
    ))
}

/// A chart of the model (`{svg, ...}`) added to `doc`, and its block;
/// `title` is shown above it, in the same paragraph so that no page break
/// can part them.
pub fn chart(doc: &mut Document, svg: &Value, title: &str) -> Block {
    let svg = svg.as_str().unwrap_or_default().to_string();
    let size = svg_size(&svg);
    doc.charts.push(Chart {
        svg,
        size,
        title: title.to_string(),
    });
    Block::Chart(doc.charts.len() - 1)
}

/// Width and height of an `<svg width=".." height="..">` (640×400 if absent).
pub fn svg_size(svg: &str) -> (f64, f64) {
    let open = &svg[..svg.find('>').unwrap_or(svg.len())];
    let attr = |name: &str| -> Option<f64> {
        let at = open.find(&format!(" {name}=\""))? + name.len() + 3;
        let rest = &open[at..];
        rest[..rest.find('"')?].trim_end_matches("px").parse().ok()
    };
    (
        attr("width").unwrap_or(640.0),
        attr("height").unwrap_or(400.0),
    )
}

/// The risk-flag bar chart, then the same numbers in a table.
pub fn flag_figure(doc: &mut Document, c: &Value, t: &Value, caption: &str) {
    let chart = chart(doc, &c["svg"], caption);
    doc.blocks.push(chart);
    doc.blocks.push(Block::Para(
        Style::Caption,
        vec![plain_run(format!("{caption} — {}", s(&t["chart_data"])))],
    ));
    let mut rows: Vec<Vec<Cell>> = items(&c["rows"])
        .map(|r| {
            vec![
                cell(tx(&r["label"])),
                num(s(&r["count"])),
                num(format!("{}%", s(&r["percent"]))),
            ]
        })
        .collect();
    rows.push(vec![
        cell(vec![run(Look::Muted, s(&t["unflagged"]))]),
        Cell::new(
            Style::TableNumber,
            vec![run(Look::Muted, s(&c["unflagged"]))],
        ),
        num(""),
    ]);
    let mut table = data(
        &[50, 25, 25],
        vec![
            head(s(&t["flag"])),
            head_num(s(&t["count"])),
            head_num(s(&t["percent"])),
        ],
        rows,
    );
    table.foot = Some(vec![
        head(s(&t["total"])),
        head_num(s(&c["cases"])),
        head_num(""),
    ]);
    doc.blocks.push(Block::Table(table));
}

/// The numbered sources: title, publisher, date, link and when accessed.
pub fn sources(doc: &mut Document, list: &Value, t: &Value) {
    // Separators keep their spaces (s() would trim ". " to ".").
    let raw = |k: &str| t[k].as_str().unwrap_or_default().to_string();
    for src in items(list) {
        let n = src["n"].as_u64().unwrap_or(0);
        let mut p = vec![
            Inline::Bookmark(source_anchor(n)),
            plain_run(format!("{n}. ")),
        ];
        p.extend(tx(&src["title"]));
        if !src["publisher"].is_null() {
            p.push(plain_run(raw("src_stop")));
            p.extend(tx(&src["publisher"]));
        }
        if !src["published"].is_null() {
            p.push(plain_run(format!(
                "{}{}",
                raw("src_comma"),
                s(&src["published"])
            )));
        }
        p.push(plain_run(s(&t["src_stop"]).trim().to_string()));
        let url = s(&src["url"]);
        if !url.is_empty() {
            p.push(plain_run(" "));
            p.push(if is_web_url(&url) {
                Inline::Link {
                    text: url.clone(),
                    url,
                }
            } else {
                plain_run(url)
            });
        }
        if !src["accessed"].is_null() {
            p.push(plain_run(format!(
                "{}{} {}{}",
                raw("paren_open"),
                s(&t["accessed"]),
                s(&src["accessed"]),
                raw("paren_close")
            )));
        }
        doc.blocks.push(Block::Para(Style::Source, p));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn svg_sizes_are_read_from_the_root() {
        let svg = r#"<svg width="640" height="146" viewBox="0 0 640 146"><rect width="3"/></svg>"#;
        assert_eq!(super::svg_size(svg), (640.0, 146.0));
        assert_eq!(super::svg_size("<svg>"), (640.0, 400.0));
    }
}
