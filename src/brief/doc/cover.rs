//! The cover page: title, headline figures, summary, the list of sections
//! and the facts a citation needs (data date, content version).

use super::text::{plain_run, run, s, section_anchor, tx};
use super::{Block, Cell, Document, Inline, Look, Style, Table, TableKind};
use serde_json::Value;

/// Adds the cover's blocks to `doc`.
pub fn cover(m: &Value, doc: &mut Document) {
    let t = &m["t"];
    let b = &mut doc.blocks;
    b.push(Block::Para(
        Style::Kicker,
        vec![plain_run(format!(
            "{} · {}",
            s(&m["site_title"]),
            s(&t["briefing"])
        ))],
    ));
    b.push(Block::Para(Style::Title, vec![plain_run(s(&m["title"]))]));
    if !s(&m["subtitle"]).is_empty() {
        b.push(Block::Para(
            Style::Subtitle,
            vec![plain_run(s(&m["subtitle"]))],
        ));
    }
    let figures: Vec<Cell> = items(&m["figures"])
        .map(|f| {
            Cell(vec![
                (Style::FigureNumber, vec![plain_run(s(&f["n"]))]),
                (Style::FigureLabel, vec![plain_run(s(&f["label"]))]),
            ])
        })
        .collect();
    if !figures.is_empty() {
        b.push(Block::Table(Table {
            kind: TableKind::Figures,
            widths: vec![1; figures.len()],
            head: None,
            rows: vec![figures],
            foot: None,
        }));
    }
    b.push(Block::Para(
        Style::CoverHeading,
        vec![plain_run(s(&t["summary"]))],
    ));
    b.push(Block::Para(
        Style::Summary,
        vec![plain_run(s(&m["summary"]))],
    ));
    let contents: Vec<&Value> = items(&m["contents"]).collect();
    if !contents.is_empty() {
        b.push(Block::Para(
            Style::CoverHeading,
            vec![plain_run(s(&t["contents"]))],
        ));
        // Numbered as the sections' headings are.
        for (n, c) in contents.iter().enumerate() {
            b.push(Block::Para(
                Style::ContentsEntry,
                vec![Inline::Internal {
                    text: format!("{}. {}", n + 1, s(&c["label"])),
                    anchor: section_anchor(&s(&c["id"])),
                }],
            ));
        }
    }
    let facts: Vec<Vec<Cell>> = items(&m["cover"])
        .map(|f| {
            vec![
                Cell::new(Style::TableContents, vec![run(Look::Muted, s(&f["label"]))]),
                Cell::new(
                    Style::TableContents,
                    vec![run(Look::Strong, s(&f["value"]))],
                ),
            ]
        })
        .collect();
    b.push(Block::Table(Table {
        kind: TableKind::Facts,
        widths: vec![1, 3],
        head: None,
        rows: facts,
        foot: None,
    }));
    let mut note = tx(&m["author"]);
    if !note.is_empty() {
        note.push(plain_run(" · "));
    }
    note.push(plain_run(s(&t["cover_note"])));
    b.push(Block::Para(Style::CoverNote, note));
}

/// The elements of an array in the model (none when it is not one).
pub fn items(v: &Value) -> impl Iterator<Item = &Value> {
    v.as_array().into_iter().flatten()
}
