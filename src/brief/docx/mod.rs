//! The briefing as a Word document (DOCX, Office Open XML), from the
//! format-neutral [`Document`].
//!
//! `word/document.xml` holds the text, tables and charts; each chart is a
//! PNG with the SVG beside it as Word's `asvg:svgBlip` extension (Word 2016
//! and later draw the SVG, older readers the PNG). The other parts (styles,
//! numbering, the running head and the page numbers, properties and the
//! package's indexes) are in [`parts`].

mod parts;
mod styles;

use super::chart_png::ChartFonts;
use super::doc::design::{self, CharLook, CHART_MM, TEXT_MM};
use super::doc::text::source_anchor;
use super::doc::{Block, Cell, Document, Inline, Table, TableKind};
use super::package::{zip, Part, Xml};

/// The main namespace.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Relationships in markup.
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Twentieths of a point per millimetre.
fn twips(mm: f64) -> i64 {
    (mm * 1440.0 / 25.4).round() as i64
}

/// English Metric Units per millimetre.
fn emu(mm: f64) -> i64 {
    (mm * 36000.0).round() as i64
}

/// The DOCX file of `doc`, its charts drawn as PNG with `fonts`.
pub fn write(doc: &Document, fonts: &ChartFonts) -> Result<Vec<u8>, String> {
    let mut body = Body {
        x: Xml::new(),
        links: Vec::new(),
        bookmarks: 0,
    };
    body.document(doc);
    let links = body.links;
    let mut parts = vec![
        Part::deflated("[Content_Types].xml", parts::content_types()),
        Part::deflated("_rels/.rels", parts::package_rels()),
        Part::deflated("docProps/core.xml", parts::core(doc)),
        Part::deflated("docProps/app.xml", parts::app(doc)),
        Part::deflated("docProps/custom.xml", parts::custom(doc)),
        Part::deflated("word/document.xml", body.x.into_bytes()),
        Part::deflated(
            "word/_rels/document.xml.rels",
            parts::document_rels(doc.charts.len(), &links),
        ),
        Part::deflated("word/styles.xml", styles::styles(doc)),
        Part::deflated("word/numbering.xml", styles::numbering()),
        Part::deflated("word/settings.xml", parts::settings()),
        Part::deflated("word/fontTable.xml", parts::font_table(doc)),
        Part::deflated("word/header1.xml", parts::header(doc)),
        Part::deflated("word/footer1.xml", parts::footer()),
    ];
    for (i, c) in doc.charts.iter().enumerate() {
        parts.push(Part::stored(
            format!("word/media/chart-{}.png", i + 1),
            fonts.png(&c.svg)?,
        ));
        parts.push(Part::deflated(
            format!("word/media/chart-{}.svg", i + 1),
            c.svg.clone().into_bytes(),
        ));
    }
    zip(&parts)
}

struct Body {
    x: Xml,
    /// URLs of links out, in order: relationship `rIdLinkN` is the N-th.
    links: Vec<String>,
    bookmarks: usize,
}

impl Body {
    fn document(&mut self, doc: &Document) {
        self.x.start(
            "w:document",
            &[
                ("xmlns:w", W),
                ("xmlns:r", R),
                (
                    "xmlns:wp",
                    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
                ),
                (
                    "xmlns:a",
                    "http://schemas.openxmlformats.org/drawingml/2006/main",
                ),
                (
                    "xmlns:pic",
                    "http://schemas.openxmlformats.org/drawingml/2006/picture",
                ),
                (
                    "xmlns:asvg",
                    "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
                ),
            ],
        );
        self.x.start("w:body", &[]);
        for (i, b) in doc.blocks.iter().enumerate() {
            match b {
                Block::Para(style, content) => self.para(&style.id(), false, None, content),
                Block::Heading {
                    level,
                    anchor,
                    page_break,
                    text,
                } => self.para(
                    &format!("Heading{level}"),
                    *page_break,
                    anchor.as_deref(),
                    text,
                ),
                Block::Table(t) => {
                    self.table(t);
                    // Word joins tables that touch; a paragraph keeps them apart.
                    if matches!(doc.blocks.get(i + 1), Some(Block::Table(_))) {
                        self.para("TableContents", false, None, &[]);
                    }
                }
                Block::Chart(n) => self.chart(doc, *n),
            }
        }
        parts::section(&mut self.x);
        self.x.end("w:body");
        self.x.end("w:document");
    }

    fn para(&mut self, style: &str, page_break: bool, anchor: Option<&str>, content: &[Inline]) {
        self.x.start("w:p", &[]);
        self.x.start("w:pPr", &[]);
        self.x.empty("w:pStyle", &[("w:val", style)]);
        if page_break {
            self.x.empty("w:pageBreakBefore", &[]);
        }
        self.x.end("w:pPr");
        if let Some(a) = anchor {
            self.bookmark(a);
        }
        self.inlines(content);
        self.x.end("w:p");
    }

    fn bookmark(&mut self, name: &str) {
        self.bookmarks += 1;
        let id = self.bookmarks.to_string();
        self.x
            .empty("w:bookmarkStart", &[("w:id", &id), ("w:name", name)]);
        self.x.empty("w:bookmarkEnd", &[("w:id", &id)]);
    }

    fn run(&mut self, style: Option<&CharLook>, text: &str) {
        self.x.start("w:r", &[]);
        if let Some(c) = style {
            self.x.start("w:rPr", &[]);
            self.x.empty("w:rStyle", &[("w:val", &styles::char_id(c))]);
            self.x.end("w:rPr");
        }
        self.x.leaf("w:t", &[("xml:space", "preserve")], text);
        self.x.end("w:r");
    }

    fn inlines(&mut self, content: &[Inline]) {
        for i in content {
            match i {
                Inline::Run(look, s) => self.run(design::look(*look).as_ref(), s),
                Inline::Fallback { text, lang } => {
                    self.run(Some(&design::FALLBACK), text);
                    self.run(Some(&design::FALLBACK_MARK), &format!("[{lang}]"));
                }
                Inline::Link { text, url } => {
                    self.links.push(url.clone());
                    let id = format!("rIdLink{}", self.links.len());
                    self.x
                        .start("w:hyperlink", &[("r:id", &id), ("w:history", "1")]);
                    self.run(Some(&design::LINK), text);
                    self.x.end("w:hyperlink");
                }
                Inline::Internal { text, anchor } => {
                    self.x.start("w:hyperlink", &[("w:anchor", anchor)]);
                    self.run(Some(&design::INTERNAL_LINK), text);
                    self.x.end("w:hyperlink");
                }
                Inline::Cites(ns) => {
                    self.run(Some(&design::CITATION), "[");
                    for (k, n) in ns.iter().enumerate() {
                        if k > 0 {
                            self.run(Some(&design::CITATION), ", ");
                        }
                        self.x
                            .start("w:hyperlink", &[("w:anchor", &source_anchor(*n))]);
                        self.run(Some(&design::CITATION), &n.to_string());
                        self.x.end("w:hyperlink");
                    }
                    self.run(Some(&design::CITATION), "]");
                }
                Inline::Bookmark(name) => self.bookmark(name),
                Inline::Break => {
                    self.x.start("w:r", &[]);
                    self.x.empty("w:br", &[]);
                    self.x.end("w:r");
                }
            }
        }
    }

    fn row(&mut self, cells: &[Cell], widths: &[i64], header: bool) {
        self.x.start("w:tr", &[]);
        self.x.start("w:trPr", &[]);
        self.x.empty("w:cantSplit", &[]);
        if header {
            self.x.empty("w:tblHeader", &[]);
        }
        self.x.end("w:trPr");
        for (c, w) in cells.iter().zip(widths) {
            self.x.start("w:tc", &[]);
            self.x.start("w:tcPr", &[]);
            self.x
                .empty("w:tcW", &[("w:w", &w.to_string()), ("w:type", "dxa")]);
            self.x.end("w:tcPr");
            for (style, content) in &c.0 {
                self.para(&style.id(), false, None, content);
            }
            if c.0.is_empty() {
                // Every cell needs a paragraph.
                self.para("TableContents", false, None, &[]);
            }
            self.x.end("w:tc");
        }
        self.x.end("w:tr");
    }

    fn table(&mut self, t: &Table) {
        let total: u32 = t.widths.iter().sum::<u32>().max(1);
        let widths: Vec<i64> = t
            .widths
            .iter()
            .map(|w| twips(TEXT_MM * *w as f64 / total as f64))
            .collect();
        self.x.start("w:tbl", &[]);
        self.x.start("w:tblPr", &[]);
        self.x
            .empty("w:tblStyle", &[("w:val", styles::table_style(t.kind))]);
        self.x
            .empty("w:tblW", &[("w:w", "5000"), ("w:type", "pct")]);
        self.x.empty("w:tblLayout", &[("w:type", "fixed")]);
        let has = |b: bool| if b { "1" } else { "0" };
        self.x.empty(
            "w:tblLook",
            &[
                (
                    "w:firstRow",
                    has(t.head.is_some() && t.kind == TableKind::Data),
                ),
                ("w:lastRow", has(t.foot.is_some())),
                ("w:firstColumn", "0"),
                ("w:lastColumn", "0"),
                ("w:noHBand", "1"),
                ("w:noVBand", "1"),
            ],
        );
        self.x.end("w:tblPr");
        self.x.start("w:tblGrid", &[]);
        for w in &widths {
            self.x.empty("w:gridCol", &[("w:w", &w.to_string())]);
        }
        self.x.end("w:tblGrid");
        if let Some(h) = &t.head {
            self.row(h, &widths, true);
        }
        for r in &t.rows {
            self.row(r, &widths, false);
        }
        if let Some(f) = &t.foot {
            self.row(f, &widths, false);
        }
        self.x.end("w:tbl");
    }

    fn chart(&mut self, doc: &Document, n: usize) {
        let c = &doc.charts[n];
        let width = CHART_MM.min(TEXT_MM);
        let height = width * c.size.1 / c.size.0.max(1.0);
        let (cx, cy) = (emu(width).to_string(), emu(height).to_string());
        let id = (n + 1).to_string();
        let name = format!("Chart {}", n + 1);
        self.x.start("w:p", &[]);
        self.x.start("w:pPr", &[]);
        self.x.empty("w:pStyle", &[("w:val", "Figure")]);
        self.x.end("w:pPr");
        self.run(Some(&design::CHART_TITLE), &c.title);
        let x = &mut self.x;
        x.start("w:r", &[]);
        x.empty("w:br", &[]);
        x.start("w:drawing", &[]);
        x.start(
            "wp:inline",
            &[
                ("distT", "0"),
                ("distB", "0"),
                ("distL", "0"),
                ("distR", "0"),
            ],
        );
        x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
        x.empty(
            "wp:docPr",
            &[("id", &id), ("name", &name), ("descr", &c.title)],
        );
        x.start("wp:cNvGraphicFramePr", &[]);
        x.empty("a:graphicFrameLocks", &[("noChangeAspect", "1")]);
        x.end("wp:cNvGraphicFramePr");
        x.start("a:graphic", &[]);
        x.start(
            "a:graphicData",
            &[(
                "uri",
                "http://schemas.openxmlformats.org/drawingml/2006/picture",
            )],
        );
        x.start("pic:pic", &[]);
        x.start("pic:nvPicPr", &[]);
        x.empty(
            "pic:cNvPr",
            &[("id", &id), ("name", &name), ("descr", &c.title)],
        );
        x.empty("pic:cNvPicPr", &[]);
        x.end("pic:nvPicPr");
        x.start("pic:blipFill", &[]);
        x.start("a:blip", &[("r:embed", &format!("rIdChart{id}Png"))]);
        x.start("a:extLst", &[]);
        // The extension Word 2016+ reads for an SVG picture.
        x.start(
            "a:ext",
            &[("uri", "{96DAC541-7B7A-43D3-8B79-37D633B846F1}")],
        );
        x.empty("asvg:svgBlip", &[("r:embed", &format!("rIdChart{id}Svg"))]);
        x.end("a:ext");
        x.end("a:extLst");
        x.end("a:blip");
        x.start("a:stretch", &[]);
        x.empty("a:fillRect", &[]);
        x.end("a:stretch");
        x.end("pic:blipFill");
        x.start("pic:spPr", &[]);
        x.start("a:xfrm", &[]);
        x.empty("a:off", &[("x", "0"), ("y", "0")]);
        x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
        x.end("a:xfrm");
        x.start("a:prstGeom", &[("prst", "rect")]);
        x.empty("a:avLst", &[]);
        x.end("a:prstGeom");
        x.end("pic:spPr");
        x.end("pic:pic");
        x.end("a:graphicData");
        x.end("a:graphic");
        x.end("wp:inline");
        x.end("w:drawing");
        x.end("w:r");
        x.end("w:p");
    }
}
