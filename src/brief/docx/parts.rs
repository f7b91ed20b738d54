//! The DOCX package's other parts: its indexes (`[Content_Types].xml`,
//! relationships), properties (title, language, data date and content
//! version; no dates of making, which would change the bytes), settings,
//! fonts, the running head, the page numbers and the page itself.

use super::{twips, W};
use crate::brief::doc::design::{self, MARGIN_MM, PAGE_MM};
use crate::brief::doc::Document;
use crate::brief::package::Xml;

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// `[Content_Types].xml`: a type for every part of the package.
pub fn content_types() -> Vec<u8> {
    let mut x = Xml::new();
    x.start(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
    for (ext, t) in [
        (
            "rels",
            "application/vnd.openxmlformats-package.relationships+xml",
        ),
        ("xml", "application/xml"),
        ("png", "image/png"),
        ("svg", "image/svg+xml"),
    ] {
        x.empty("Default", &[("Extension", ext), ("ContentType", t)]);
    }
    let wml = |kind: &str| format!("{WML}.{kind}+xml");
    for (part, t) in [
        ("/word/document.xml", wml("document.main")),
        ("/word/styles.xml", wml("styles")),
        ("/word/numbering.xml", wml("numbering")),
        ("/word/settings.xml", wml("settings")),
        ("/word/fontTable.xml", wml("fontTable")),
        ("/word/header1.xml", wml("header")),
        ("/word/footer1.xml", wml("footer")),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_string(),
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".to_string(),
        ),
        (
            "/docProps/custom.xml",
            "application/vnd.openxmlformats-officedocument.custom-properties+xml".to_string(),
        ),
    ] {
        x.empty("Override", &[("PartName", part), ("ContentType", &t)]);
    }
    x.end("Types");
    x.into_bytes()
}

fn relationships(rels: &[(String, String, String, bool)]) -> Vec<u8> {
    let mut x = Xml::new();
    x.start(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
    );
    for (id, kind, target, external) in rels {
        let mut a = vec![
            ("Id", id.as_str()),
            ("Type", kind.as_str()),
            ("Target", target.as_str()),
        ];
        if *external {
            a.push(("TargetMode", "External"));
        }
        x.empty("Relationship", &a);
    }
    x.end("Relationships");
    x.into_bytes()
}

fn rel(id: &str, kind: &str, target: &str) -> (String, String, String, bool) {
    (id.into(), kind.into(), target.into(), false)
}

/// `_rels/.rels`.
pub fn package_rels() -> Vec<u8> {
    relationships(&[
        rel(
            "rId1",
            &format!("{REL}/officeDocument"),
            "word/document.xml",
        ),
        rel(
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        rel(
            "rId3",
            &format!("{REL}/extended-properties"),
            "docProps/app.xml",
        ),
        rel(
            "rId4",
            &format!("{REL}/custom-properties"),
            "docProps/custom.xml",
        ),
    ])
}

/// `word/_rels/document.xml.rels`: the parts the text uses, each chart's
/// PNG and SVG, and every link out (`rIdLinkN`, in order).
pub fn document_rels(charts: usize, links: &[String]) -> Vec<u8> {
    let mut rels = vec![
        rel("rIdStyles", &format!("{REL}/styles"), "styles.xml"),
        rel("rIdNumbering", &format!("{REL}/numbering"), "numbering.xml"),
        rel("rIdSettings", &format!("{REL}/settings"), "settings.xml"),
        rel("rIdFonts", &format!("{REL}/fontTable"), "fontTable.xml"),
        rel("rIdHeader", &format!("{REL}/header"), "header1.xml"),
        rel("rIdFooter", &format!("{REL}/footer"), "footer1.xml"),
    ];
    for n in 1..=charts {
        for (id, ext) in [("Png", "png"), ("Svg", "svg")] {
            rels.push(rel(
                &format!("rIdChart{n}{id}"),
                &format!("{REL}/image"),
                &format!("media/chart-{n}.{ext}"),
            ));
        }
    }
    for (n, url) in links.iter().enumerate() {
        rels.push((
            format!("rIdLink{}", n + 1),
            format!("{REL}/hyperlink"),
            url.clone(),
            true,
        ));
    }
    relationships(&rels)
}

/// `docProps/core.xml`: title, subject and language.
pub fn core(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    x.start(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    x.leaf("dc:title", &[], &doc.title);
    if !doc.subtitle.is_empty() {
        x.leaf("dc:subject", &[], &doc.subtitle);
    }
    x.leaf("dc:language", &[], &doc.lang);
    x.end("cp:coreProperties");
    x.into_bytes()
}

/// `docProps/app.xml`: the generator.
pub fn app(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    x.start(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
    );
    x.leaf("Application", &[], &doc.generator);
    x.end("Properties");
    x.into_bytes()
}

/// `docProps/custom.xml`: the data date and content version a citation needs.
pub fn custom(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    x.start(
        "Properties",
        &[
            (
                "xmlns",
                "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
            ),
            (
                "xmlns:vt",
                "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
            ),
        ],
    );
    for (pid, (name, value)) in [
        ("Data date", &doc.data_date),
        ("Content version", &doc.version),
    ]
    .into_iter()
    .enumerate()
    {
        x.start(
            "property",
            &[
                // The format id every custom property carries (a constant of the format).
                ("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"),
                ("pid", &(pid + 2).to_string()),
                ("name", name),
            ],
        );
        x.leaf("vt:lpwstr", &[], value);
        x.end("property");
    }
    x.end("Properties");
    x.into_bytes()
}

/// `word/settings.xml`: current Word (not compatibility mode, which would
/// not draw SVG), CJK punctuation compressed, languages.
pub fn settings() -> Vec<u8> {
    let mut x = Xml::new();
    x.start("w:settings", &[("xmlns:w", W)]);
    x.empty("w:defaultTabStop", &[("w:val", "720")]);
    x.empty(
        "w:characterSpacingControl",
        &[("w:val", "compressPunctuation")],
    );
    x.start("w:compat", &[]);
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.end("w:compat");
    x.empty(
        "w:themeFontLang",
        &[("w:val", "en-US"), ("w:eastAsia", "zh-TW")],
    );
    x.end("w:settings");
    x.into_bytes()
}

/// `word/fontTable.xml`: the fonts the styles name. The CJK font is marked
/// Big5 (charset 88) and sans, so Word puts the reader's Traditional
/// Chinese sans font in its place when Noto Sans CJK TC is missing.
pub fn font_table(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    x.start("w:fonts", &[("xmlns:w", W)]);
    let mut fonts = vec![(design::CJK_FONT, "88")];
    if design::latin_font(&doc.lang) != design::CJK_FONT {
        fonts.push((design::latin_font(&doc.lang), "00"));
    }
    for (name, charset) in fonts {
        x.start("w:font", &[("w:name", name)]);
        x.empty("w:charset", &[("w:val", charset)]);
        x.empty("w:family", &[("w:val", "swiss")]);
        x.empty("w:pitch", &[("w:val", "variable")]);
        x.end("w:font");
    }
    x.end("w:fonts");
    x.into_bytes()
}

/// `word/header1.xml`: site title, then the briefing's title at the right.
pub fn header(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    x.start("w:hdr", &[("xmlns:w", W)]);
    x.start("w:p", &[]);
    x.start("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "Header")]);
    x.end("w:pPr");
    for (i, text) in [&doc.site_title, &doc.title].into_iter().enumerate() {
        x.start("w:r", &[]);
        if i > 0 {
            x.empty("w:tab", &[]);
        }
        x.leaf("w:t", &[("xml:space", "preserve")], text);
        x.end("w:r");
    }
    x.end("w:p");
    x.end("w:hdr");
    x.into_bytes()
}

/// `word/footer1.xml`: "page / pages", as fields Word and LibreOffice fill in.
pub fn footer() -> Vec<u8> {
    let mut x = Xml::new();
    x.start("w:ftr", &[("xmlns:w", W)]);
    x.start("w:p", &[]);
    x.start("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "Footer")]);
    x.end("w:pPr");
    for (i, field) in [" PAGE ", " NUMPAGES "].into_iter().enumerate() {
        if i > 0 {
            x.start("w:r", &[]);
            x.leaf("w:t", &[("xml:space", "preserve")], " / ");
            x.end("w:r");
        }
        x.start("w:fldSimple", &[("w:instr", field)]);
        x.start("w:r", &[]);
        x.leaf("w:t", &[], "1");
        x.end("w:r");
        x.end("w:fldSimple");
    }
    x.end("w:p");
    x.end("w:ftr");
    x.into_bytes()
}

/// The section: A4 with the briefing's margins, running head and page
/// numbers on every page but the cover (`titlePg` with no first-page parts).
pub fn section(x: &mut Xml) {
    let (top, right, bottom, left) = MARGIN_MM;
    x.start("w:sectPr", &[]);
    x.empty(
        "w:headerReference",
        &[("w:type", "default"), ("r:id", "rIdHeader")],
    );
    x.empty(
        "w:footerReference",
        &[("w:type", "default"), ("r:id", "rIdFooter")],
    );
    x.empty(
        "w:pgSz",
        &[
            ("w:w", &twips(PAGE_MM.0).to_string()),
            ("w:h", &twips(PAGE_MM.1).to_string()),
        ],
    );
    x.empty(
        "w:pgMar",
        &[
            ("w:top", &twips(top).to_string()),
            ("w:right", &twips(right).to_string()),
            ("w:bottom", &twips(bottom).to_string()),
            ("w:left", &twips(left).to_string()),
            ("w:header", &twips(top - 8.0).to_string()),
            ("w:footer", &twips(bottom - 8.0).to_string()),
            ("w:gutter", "0"),
        ],
    );
    x.empty("w:titlePg", &[]);
    x.end("w:sectPr");
}
