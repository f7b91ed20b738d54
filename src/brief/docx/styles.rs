//! `word/styles.xml` and `word/numbering.xml`: the named paragraph,
//! character and table styles (from `doc::design`, as the ODT's), the
//! document's fonts and languages, and the numbering of section headings.
//!
//! Word's own styles keep Word's names ("heading 1", "caption", "Body
//! Text", "Strong", "Hyperlink"), so they sit where an official expects
//! them; the others are custom styles with the names the ODT uses.

use super::{twips, W};
use crate::brief::doc::design::{self, Align, CharLook, ParaLook, TEXT_MM};
use crate::brief::doc::{Document, Style, TableKind};
use crate::brief::package::Xml;

/// Word's name for a style, and whether it is one of Word's own.
fn word_name(display: &str) -> (String, bool) {
    match display {
        "Title" | "Subtitle" | "Body Text" | "Strong" | "Hyperlink" => (display.to_string(), true),
        "Caption" | "Heading 1" | "Heading 2" | "Header" | "Footer" => {
            (display.to_lowercase(), true)
        }
        _ => (display.to_string(), false),
    }
}

/// The style id of a character style.
pub fn char_id(c: &CharLook) -> String {
    c.name.replace(' ', "")
}

/// The table style of a kind of table.
pub fn table_style(kind: TableKind) -> &'static str {
    match kind {
        TableKind::Data => "BriefingTable",
        TableKind::Figures => "FiguresTable",
        TableKind::Facts => "FactsTable",
    }
}

fn half_points(pt: f64) -> String {
    ((pt * 2.0).round() as i64).to_string()
}

fn run_properties(x: &mut Xml, bold: bool, italic: bool, color: Option<&str>, size: Option<f64>) {
    x.start("w:rPr", &[]);
    if bold {
        x.empty("w:b", &[]);
        x.empty("w:bCs", &[]);
    }
    if italic {
        x.empty("w:i", &[]);
        x.empty("w:iCs", &[]);
    }
    if let Some(c) = color {
        x.empty("w:color", &[("w:val", &c.to_uppercase())]);
    }
    if let Some(s) = size {
        x.empty("w:sz", &[("w:val", &half_points(s))]);
        x.empty("w:szCs", &[("w:val", &half_points(s))]);
    }
    x.end("w:rPr");
}

fn border(x: &mut Xml, side: &str, eighths: u32, color: &str) {
    x.empty(
        side,
        &[
            ("w:val", "single"),
            ("w:sz", &eighths.to_string()),
            ("w:space", "0"),
            ("w:color", &color.to_uppercase()),
        ],
    );
}

/// Open a style element; the caller writes its properties and closes it.
fn style_start(x: &mut Xml, kind: &str, id: &str, display: &str, based_on: Option<&str>) {
    let (name, builtin) = word_name(display);
    let mut a = vec![("w:type", kind), ("w:styleId", id)];
    if !builtin {
        a.push(("w:customStyle", "1"));
    }
    x.start("w:style", &a);
    x.empty("w:name", &[("w:val", &name)]);
    if let Some(b) = based_on {
        x.empty("w:basedOn", &[("w:val", b)]);
    }
    x.empty("w:qFormat", &[]);
}

fn paragraph_style(
    x: &mut Xml,
    id: &str,
    display: &str,
    l: &ParaLook,
    extra: impl FnOnce(&mut Xml),
) {
    style_start(x, "paragraph", id, display, Some("Normal"));
    x.start("w:pPr", &[]);
    if l.keep_next {
        x.empty("w:keepNext", &[]);
    }
    if l.keep_lines {
        x.empty("w:keepLines", &[]);
    }
    extra(x);
    if let Some(c) = l.rule_below {
        x.start("w:pBdr", &[]);
        x.empty(
            "w:bottom",
            &[
                ("w:val", "single"),
                ("w:sz", "6"),
                ("w:space", "1"),
                ("w:color", &c.to_uppercase()),
            ],
        );
        x.end("w:pBdr");
    }
    let (before, after) = ((l.space.0 * 20.0) as i64, (l.space.1 * 20.0) as i64);
    x.empty(
        "w:spacing",
        &[
            ("w:before", &before.to_string()),
            ("w:after", &after.to_string()),
            ("w:line", &(l.line * 240 / 100).to_string()),
            ("w:lineRule", "auto"),
        ],
    );
    let jc = match l.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    };
    x.empty("w:jc", &[("w:val", jc)]);
    x.end("w:pPr");
    run_properties(x, l.bold, false, Some(l.color), Some(l.size));
    x.end("w:style");
}

fn table_style_def(x: &mut Xml, kind: TableKind) {
    let id = table_style(kind);
    let display = match kind {
        TableKind::Data => "Briefing Table",
        TableKind::Figures => "Figures Table",
        TableKind::Facts => "Facts Table",
    };
    style_start(x, "table", id, display, Some("TableNormal"));
    x.start("w:tblPr", &[]);
    x.start("w:tblBorders", &[]);
    match kind {
        TableKind::Data => {
            border(x, "w:top", 6, design::ACCENT);
            border(x, "w:bottom", 4, design::LINE);
            border(x, "w:insideH", 4, design::LINE);
        }
        TableKind::Figures => {
            border(x, "w:top", 18, design::ACCENT);
            border(x, "w:insideV", 24, "ffffff");
        }
        TableKind::Facts => {
            border(x, "w:bottom", 4, design::LINE);
            border(x, "w:insideH", 4, design::LINE);
        }
    }
    x.end("w:tblBorders");
    x.start("w:tblCellMar", &[]);
    for (side, w) in [
        ("w:top", "57"),
        ("w:left", "85"),
        ("w:bottom", "57"),
        ("w:right", "85"),
    ] {
        x.empty(side, &[("w:w", w), ("w:type", "dxa")]);
    }
    x.end("w:tblCellMar");
    x.end("w:tblPr");
    x.start("w:tcPr", &[]);
    if kind == TableKind::Figures {
        let fill = design::ACCENT_SOFT.to_uppercase();
        x.empty(
            "w:shd",
            &[("w:val", "clear"), ("w:color", "auto"), ("w:fill", &fill)],
        );
    }
    x.empty("w:vAlign", &[("w:val", "top")]);
    x.end("w:tcPr");
    if kind == TableKind::Data {
        for (part, top) in [("firstRow", true), ("lastRow", true)] {
            x.start("w:tblStylePr", &[("w:type", part)]);
            run_properties(x, true, false, None, None);
            x.start("w:tcPr", &[]);
            x.start("w:tcBorders", &[]);
            if top {
                border(x, "w:top", 6, design::ACCENT);
            }
            border(x, "w:bottom", 6, design::ACCENT);
            x.end("w:tcBorders");
            if part == "firstRow" {
                let fill = design::ACCENT_SOFT.to_uppercase();
                x.empty(
                    "w:shd",
                    &[("w:val", "clear"), ("w:color", "auto"), ("w:fill", &fill)],
                );
            }
            x.end("w:tcPr");
            x.end("w:tblStylePr");
        }
    }
    x.end("w:style");
}

/// `word/styles.xml`.
pub fn styles(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    x.start("w:styles", &[("xmlns:w", W)]);
    x.start("w:docDefaults", &[]);
    x.start("w:rPrDefault", &[]);
    x.start("w:rPr", &[]);
    let latin = design::latin_font(&doc.lang);
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", latin),
            ("w:hAnsi", latin),
            ("w:eastAsia", design::CJK_FONT),
            ("w:cs", latin),
        ],
    );
    x.empty("w:color", &[("w:val", &design::INK.to_uppercase())]);
    x.empty("w:sz", &[("w:val", "21")]);
    x.empty("w:szCs", &[("w:val", "21")]);
    // Latin text is English; East Asian text Traditional Chinese.
    x.empty(
        "w:lang",
        &[
            ("w:val", "en-US"),
            ("w:eastAsia", "zh-TW"),
            ("w:bidi", "ar-SA"),
        ],
    );
    x.end("w:rPr");
    x.end("w:rPrDefault");
    x.start("w:pPrDefault", &[]);
    x.start("w:pPr", &[]);
    x.empty(
        "w:spacing",
        &[("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")],
    );
    x.end("w:pPr");
    x.end("w:pPrDefault");
    x.end("w:docDefaults");

    x.start(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:default", "1"),
            ("w:styleId", "Normal"),
        ],
    );
    x.empty("w:name", &[("w:val", "Normal")]);
    x.empty("w:qFormat", &[]);
    x.end("w:style");
    x.start(
        "w:style",
        &[
            ("w:type", "character"),
            ("w:default", "1"),
            ("w:styleId", "DefaultParagraphFont"),
        ],
    );
    x.empty("w:name", &[("w:val", "Default Paragraph Font")]);
    x.empty("w:semiHidden", &[]);
    x.end("w:style");
    x.start(
        "w:style",
        &[
            ("w:type", "table"),
            ("w:default", "1"),
            ("w:styleId", "TableNormal"),
        ],
    );
    x.empty("w:name", &[("w:val", "Normal Table")]);
    x.empty("w:semiHidden", &[]);
    x.start("w:tblPr", &[]);
    x.start("w:tblCellMar", &[]);
    for (side, w) in [
        ("w:top", "0"),
        ("w:left", "108"),
        ("w:bottom", "0"),
        ("w:right", "108"),
    ] {
        x.empty(side, &[("w:w", w), ("w:type", "dxa")]);
    }
    x.end("w:tblCellMar");
    x.end("w:tblPr");
    x.end("w:style");

    for s in Style::ALL {
        paragraph_style(&mut x, &s.id(), s.display_name(), &design::para(s), |_| {});
    }
    for level in [1u8, 2] {
        let id = format!("Heading{level}");
        let display = format!("Heading {level}");
        paragraph_style(&mut x, &id, &display, &design::heading(level), |x| {
            if level == 1 {
                x.start("w:numPr", &[]);
                x.empty("w:numId", &[("w:val", "1")]);
                x.end("w:numPr");
            }
        });
    }
    let (head, foot) = design::header_footer();
    let right = twips(TEXT_MM).to_string();
    paragraph_style(&mut x, "Header", "Header", &head, |x| {
        x.start("w:tabs", &[]);
        x.empty("w:tab", &[("w:val", "right"), ("w:pos", &right)]);
        x.end("w:tabs");
    });
    paragraph_style(&mut x, "Footer", "Footer", &foot, |_| {});
    for c in design::CHAR_STYLES {
        style_start(
            &mut x,
            "character",
            &char_id(&c),
            c.name,
            Some("DefaultParagraphFont"),
        );
        x.start("w:rPr", &[]);
        if c.bold {
            x.empty("w:b", &[]);
            x.empty("w:bCs", &[]);
        }
        if c.italic {
            x.empty("w:i", &[]);
            x.empty("w:iCs", &[]);
        }
        if let Some(col) = c.color {
            x.empty("w:color", &[("w:val", &col.to_uppercase())]);
        }
        if let Some(s) = c.size {
            x.empty("w:sz", &[("w:val", &half_points(s))]);
            x.empty("w:szCs", &[("w:val", &half_points(s))]);
        }
        if c.underline {
            x.empty("w:u", &[("w:val", "single")]);
        }
        if c.superscript {
            x.empty("w:vertAlign", &[("w:val", "superscript")]);
        }
        x.end("w:rPr");
        x.end("w:style");
    }
    for kind in [TableKind::Data, TableKind::Figures, TableKind::Facts] {
        table_style_def(&mut x, kind);
    }
    x.end("w:styles");
    x.into_bytes()
}

/// `word/numbering.xml`: "1.", "2." before each section heading.
pub fn numbering() -> Vec<u8> {
    let mut x = Xml::new();
    x.start("w:numbering", &[("xmlns:w", W)]);
    x.start("w:abstractNum", &[("w:abstractNumId", "0")]);
    x.empty("w:multiLevelType", &[("w:val", "singleLevel")]);
    x.start("w:lvl", &[("w:ilvl", "0")]);
    x.empty("w:start", &[("w:val", "1")]);
    x.empty("w:numFmt", &[("w:val", "decimal")]);
    x.empty("w:pStyle", &[("w:val", "Heading1")]);
    x.empty("w:suff", &[("w:val", "space")]);
    x.empty("w:lvlText", &[("w:val", "%1.")]);
    x.empty("w:lvlJc", &[("w:val", "left")]);
    x.start("w:pPr", &[]);
    x.empty("w:ind", &[("w:left", "0"), ("w:firstLine", "0")]);
    x.end("w:pPr");
    x.end("w:lvl");
    x.end("w:abstractNum");
    x.start("w:num", &[("w:numId", "1")]);
    x.empty("w:abstractNumId", &[("w:val", "0")]);
    x.end("w:num");
    x.end("w:numbering");
    x.into_bytes()
}
