//! The ODT's pages: A4 with the briefing's margins, a running head (site
//! title, briefing title) and page numbers "n / N" on every page but the
//! cover, which has a master page of its own.

use crate::brief::doc::design::{MARGIN_MM, PAGE_MM};
use crate::brief::doc::Document;
use crate::brief::package::Xml;

/// The page layout and master pages of `styles.xml`.
pub fn page_styles(x: &mut Xml, doc: &Document) {
    x.start("office:automatic-styles", &[]);
    x.start("style:page-layout", &[("style:name", "Page")]);
    let mm = |v: f64| format!("{v}mm");
    let (top, right, bottom, left) = MARGIN_MM;
    // The running head and foot sit inside the top and bottom margins.
    x.empty(
        "style:page-layout-properties",
        &[
            ("fo:page-width", &mm(PAGE_MM.0)),
            ("fo:page-height", &mm(PAGE_MM.1)),
            ("style:print-orientation", "portrait"),
            ("fo:margin-top", &mm(top - 8.0)),
            ("fo:margin-bottom", &mm(bottom - 8.0)),
            ("fo:margin-left", &mm(left)),
            ("fo:margin-right", &mm(right)),
        ],
    );
    for (el, margin) in [
        ("style:header-style", "fo:margin-bottom"),
        ("style:footer-style", "fo:margin-top"),
    ] {
        x.start(el, &[]);
        x.empty(
            "style:header-footer-properties",
            &[("fo:min-height", "0mm"), (margin, "4mm")],
        );
        x.end(el);
    }
    x.end("style:page-layout");
    x.end("office:automatic-styles");

    x.start("office:master-styles", &[]);
    x.start(
        "style:master-page",
        &[
            ("style:name", "Standard"),
            ("style:page-layout-name", "Page"),
        ],
    );
    x.start("style:header", &[]);
    x.start("text:p", &[("text:style-name", "Header")]);
    x.text(&doc.site_title);
    x.empty("text:tab", &[]);
    x.text(&doc.title);
    x.end("text:p");
    x.end("style:header");
    x.start("style:footer", &[]);
    x.start("text:p", &[("text:style-name", "Footer")]);
    x.leaf("text:page-number", &[("text:select-page", "current")], "1");
    x.text(" / ");
    x.leaf("text:page-count", &[], "1");
    x.end("text:p");
    x.end("style:footer");
    x.end("style:master-page");
    // The cover: no running head, no page number; the pages after it are Standard.
    x.empty(
        "style:master-page",
        &[
            ("style:name", "Cover"),
            ("style:page-layout-name", "Page"),
            ("style:next-style-name", "Standard"),
        ],
    );
    x.end("office:master-styles");
}
