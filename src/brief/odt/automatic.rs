//! The automatic styles of the ODT's `content.xml`: the cover's page, the
//! break before the first section, and the tables' column widths, rules
//! and shading.
//!
//! ODF has no named table styles that LibreOffice keeps, so the tables'
//! rules and shading are automatic styles, one set per kind of table; the
//! text in every cell is in a named paragraph style ("Table Heading",
//! "Table Contents", ...), which is what an official restyles.

use super::style_name;
use crate::brief::doc::design::{self, TEXT_MM};
use crate::brief::doc::{Block, Document, Style};
use crate::brief::package::Xml;

/// that space the cover's figure boxes apart.
struct CellLook<'a> {
    top: &'a str,
    bottom: &'a str,
    sides: &'a str,
    background: &'a str,
}

fn cell_style(x: &mut Xml, name: &str, c: CellLook) {
    x.start(
        "style:style",
        &[("style:name", name), ("style:family", "table-cell")],
    );
    x.empty(
        "style:table-cell-properties",
        &[
            ("fo:padding", "1.2mm"),
            ("style:vertical-align", "top"),
            ("fo:background-color", c.background),
            ("fo:border-top", c.top),
            ("fo:border-bottom", c.bottom),
            ("fo:border-left", c.sides),
            ("fo:border-right", c.sides),
        ],
    );
    x.end("style:style");
}

/// The automatic styles of `content.xml`.
pub fn automatic(x: &mut Xml, doc: &Document) {
    // The cover's first paragraph opens the Cover page; the first section
    // heading returns to Standard pages (and so starts a new page).
    for (name, parent, master) in [
        (
            "CoverStart",
            style_name(Style::Kicker.display_name()),
            "Cover",
        ),
        ("Heading1Break", "Heading_20_1".to_string(), "Standard"),
    ] {
        x.empty(
            "style:style",
            &[
                ("style:name", name),
                ("style:family", "paragraph"),
                ("style:parent-style-name", &parent),
                ("style:master-page-name", master),
            ],
        );
    }
    for (name, after) in [
        ("TableData", "4pt"),
        ("TableFigures", "8pt"),
        ("TableFacts", "4pt"),
    ] {
        x.start(
            "style:style",
            &[("style:name", name), ("style:family", "table")],
        );
        x.empty(
            "style:table-properties",
            &[
                ("style:width", &format!("{TEXT_MM}mm")),
                ("table:align", "margins"),
                ("fo:margin-top", "2pt"),
                ("fo:margin-bottom", after),
            ],
        );
        x.end("style:style");
    }
    let mut n = 0;
    for b in &doc.blocks {
        let Block::Table(t) = b else { continue };
        n += 1;
        let total: u32 = t.widths.iter().sum::<u32>().max(1);
        for (k, w) in t.widths.iter().enumerate() {
            x.start(
                "style:style",
                &[
                    ("style:name", &format!("Table{n}.C{}", k + 1)),
                    ("style:family", "table-column"),
                ],
            );
            x.empty(
                "style:table-column-properties",
                &[
                    (
                        "style:column-width",
                        &format!("{:.1}mm", TEXT_MM * *w as f64 / total as f64),
                    ),
                    ("style:rel-column-width", &format!("{}*", w * 65535 / total)),
                ],
            );
            x.end("style:style");
        }
    }
    x.start(
        "style:style",
        &[("style:name", "Row"), ("style:family", "table-row")],
    );
    x.empty(
        "style:table-row-properties",
        &[("fo:keep-together", "always")],
    );
    x.end("style:style");
    let accent = format!("0.75pt solid #{}", design::ACCENT);
    let line = format!("0.5pt solid #{}", design::LINE);
    let soft = format!("#{}", design::ACCENT_SOFT);
    let bar = format!("2.5pt solid #{}", design::ACCENT);
    let gap = "1.5mm solid #ffffff";
    let plain = CellLook {
        top: "none",
        bottom: "none",
        sides: "none",
        background: "transparent",
    };
    for (name, look) in [
        (
            "CellHead",
            CellLook {
                top: &accent,
                bottom: &accent,
                background: &soft,
                ..plain
            },
        ),
        (
            "CellBody",
            CellLook {
                bottom: &line,
                ..plain
            },
        ),
        (
            "CellFoot",
            CellLook {
                top: &accent,
                bottom: &accent,
                ..plain
            },
        ),
        (
            "CellFigure",
            CellLook {
                top: &bar,
                sides: gap,
                background: &soft,
                ..plain
            },
        ),
        (
            "CellFact",
            CellLook {
                bottom: &line,
                ..plain
            },
        ),
    ] {
        cell_style(x, name, look);
    }
    x.start(
        "style:style",
        &[
            ("style:name", "ChartFrame"),
            ("style:family", "graphic"),
            ("style:parent-style-name", "Graphics"),
        ],
    );
    x.empty(
        "style:graphic-properties",
        &[
            ("style:vertical-pos", "top"),
            ("style:vertical-rel", "baseline"),
        ],
    );
    x.end("style:style");
}
