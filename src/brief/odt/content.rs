//! The ODT's `content.xml`: the blocks of the document as ODF text,
//! tables and chart frames.

use super::{automatic, style_name, styles, NAMESPACES};
use crate::brief::doc::design::{self, CHART_MM, TEXT_MM};
use crate::brief::doc::text::source_anchor;
use crate::brief::doc::{Block, Cell, Document, Inline, Style, Table, TableKind};
use crate::brief::package::Xml;

/// `content.xml`.
pub fn content(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    x.start("office:document-content", NAMESPACES);
    styles::font_faces(&mut x, doc);
    x.start("office:automatic-styles", &[]);
    automatic::automatic(&mut x, doc);
    x.end("office:automatic-styles");
    x.start("office:body", &[]);
    x.start("office:text", &[]);
    let mut tables = 0;
    let mut first = true;
    for b in &doc.blocks {
        match b {
            Block::Para(style, content) => {
                // The cover's first paragraph puts the page on the cover's
                // master page (no running head or page number).
                let name = if std::mem::take(&mut first) {
                    "CoverStart".to_string()
                } else {
                    style_name(style.display_name())
                };
                x.start("text:p", &[("text:style-name", &name)]);
                inlines(&mut x, content);
                x.end("text:p");
            }
            Block::Heading {
                level,
                anchor,
                page_break,
                text,
            } => {
                let style = match (level, page_break) {
                    (1, true) => "Heading1Break".to_string(),
                    (l, _) => format!("Heading_20_{l}"),
                };
                let level = level.to_string();
                x.start(
                    "text:h",
                    &[("text:style-name", &style), ("text:outline-level", &level)],
                );
                if let Some(a) = anchor {
                    x.empty("text:bookmark", &[("text:name", a)]);
                }
                inlines(&mut x, text);
                x.end("text:h");
            }
            Block::Table(t) => {
                tables += 1;
                table(&mut x, t, tables);
            }
            Block::Chart(n) => chart(&mut x, doc, *n),
        }
    }
    x.end("office:text");
    x.end("office:body");
    x.end("office:document-content");
    x.into_bytes()
}

fn cell_style(kind: TableKind, part: &str) -> &'static str {
    match (kind, part) {
        (TableKind::Figures, _) => "CellFigure",
        (TableKind::Facts, _) => "CellFact",
        (TableKind::Data, "head") => "CellHead",
        (TableKind::Data, "foot") => "CellFoot",
        (TableKind::Data, _) => "CellBody",
    }
}

fn row(x: &mut Xml, cells: &[Cell], style: &str) {
    x.start("table:table-row", &[("table:style-name", "Row")]);
    for c in cells {
        x.start(
            "table:table-cell",
            &[("table:style-name", style), ("office:value-type", "string")],
        );
        for (style, content) in &c.0 {
            x.start(
                "text:p",
                &[("text:style-name", &style_name(style.display_name()))],
            );
            inlines(x, content);
            x.end("text:p");
        }
        x.end("table:table-cell");
    }
    x.end("table:table-row");
}

/// A table named `TableN`; its column styles `TableN.C1`... are written by
/// [`styles::automatic`] from the same widths.
fn table(x: &mut Xml, t: &Table, n: usize) {
    let name = format!("Table{n}");
    let style = match t.kind {
        TableKind::Data => "TableData",
        TableKind::Figures => "TableFigures",
        TableKind::Facts => "TableFacts",
    };
    x.start(
        "table:table",
        &[("table:name", &name), ("table:style-name", style)],
    );
    for k in 1..=t.widths.len() {
        x.empty(
            "table:table-column",
            &[("table:style-name", &format!("{name}.C{k}"))],
        );
    }
    if let Some(head) = &t.head {
        x.start("table:table-header-rows", &[]);
        row(x, head, cell_style(t.kind, "head"));
        x.end("table:table-header-rows");
    }
    for r in &t.rows {
        row(x, r, cell_style(t.kind, "body"));
    }
    if let Some(foot) = &t.foot {
        row(x, foot, cell_style(t.kind, "foot"));
    }
    x.end("table:table");
}

/// A chart frame: the SVG, and the PNG as the fallback of the same frame.
fn chart(x: &mut Xml, doc: &Document, n: usize) {
    let c = &doc.charts[n];
    let (w, h) = c.size;
    let width = CHART_MM.min(TEXT_MM);
    let height = width * h / w.max(1.0);
    let name = format!("Chart {}", n + 1);
    x.start(
        "text:p",
        &[("text:style-name", &style_name(Style::Figure.display_name()))],
    );
    span(x, design::CHART_TITLE.name, &c.title);
    x.empty("text:line-break", &[]);
    x.start(
        "draw:frame",
        &[
            ("draw:style-name", "ChartFrame"),
            ("draw:name", &name),
            ("text:anchor-type", "as-char"),
            ("svg:width", &format!("{width:.1}mm")),
            ("svg:height", &format!("{height:.1}mm")),
            ("draw:z-index", "0"),
        ],
    );
    for (ext, mime) in [("svg", "image/svg+xml"), ("png", "image/png")] {
        x.empty(
            "draw:image",
            &[
                ("xlink:href", &format!("Pictures/chart-{}.{ext}", n + 1)),
                ("xlink:type", "simple"),
                ("xlink:show", "embed"),
                ("xlink:actuate", "onLoad"),
                ("draw:mime-type", mime),
            ],
        );
    }
    x.leaf("svg:title", &[], &c.title);
    x.end("draw:frame");
    x.end("text:p");
}

/// Text with runs of spaces kept (ODF collapses them otherwise).
fn text(x: &mut Xml, s: &str) {
    let mut buf = String::new();
    let mut spaces = 0usize;
    let flush = |x: &mut Xml, buf: &mut String, spaces: &mut usize| {
        if !buf.is_empty() {
            x.text(buf);
            buf.clear();
        }
        if *spaces > 0 {
            x.empty("text:s", &[("text:c", &spaces.to_string())]);
            *spaces = 0;
        }
    };
    let mut prev_space = false;
    for c in s.chars() {
        if c == ' ' && prev_space {
            if spaces == 0 && !buf.is_empty() {
                x.text(&buf);
                buf.clear();
            }
            spaces += 1;
        } else {
            if spaces > 0 {
                flush(x, &mut buf, &mut spaces);
            }
            buf.push(c);
        }
        prev_space = c == ' ';
    }
    flush(x, &mut buf, &mut spaces);
}

fn span(x: &mut Xml, style: &str, s: &str) {
    x.start("text:span", &[("text:style-name", &style_name(style))]);
    text(x, s);
    x.end("text:span");
}

fn link(x: &mut Xml, href: &str, style: &str, s: &str) {
    x.start(
        "text:a",
        &[
            ("xlink:type", "simple"),
            ("xlink:href", href),
            ("text:style-name", &style_name(style)),
            ("text:visited-style-name", &style_name(style)),
        ],
    );
    text(x, s);
    x.end("text:a");
}

fn inlines(x: &mut Xml, content: &[Inline]) {
    for i in content {
        match i {
            Inline::Run(look, s) => match design::look(*look) {
                Some(l) => span(x, l.name, s),
                None => text(x, s),
            },
            Inline::Fallback { text: t, lang } => {
                span(x, design::FALLBACK.name, t);
                span(x, design::FALLBACK_MARK.name, &format!("[{lang}]"));
            }
            Inline::Link { text: t, url } => link(x, url, design::LINK.name, t),
            Inline::Internal { text: t, anchor } => {
                link(x, &format!("#{anchor}"), design::INTERNAL_LINK.name, t)
            }
            Inline::Cites(ns) => {
                x.start(
                    "text:span",
                    &[("text:style-name", &style_name(design::CITATION.name))],
                );
                // "[1, 2]" with each number a link to its source.
                x.text("[");
                for (k, n) in ns.iter().enumerate() {
                    if k > 0 {
                        x.text(", ");
                    }
                    let target = format!("#{}", source_anchor(*n));
                    link(x, &target, design::INTERNAL_LINK.name, &n.to_string());
                }
                x.text("]");
                x.end("text:span");
            }
            Inline::Bookmark(name) => x.empty("text:bookmark", &[("text:name", name)]),
            Inline::Break => x.empty("text:line-break", &[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_spaces_survive() {
        let mut x = Xml::new();
        x.start("p", &[]);
        text(&mut x, "a   b c");
        x.end("p");
        let s = String::from_utf8(x.into_bytes()).unwrap();
        assert!(s.ends_with("<p>a <text:s text:c=\"2\"/>b c</p>"), "{s}");
    }
}
