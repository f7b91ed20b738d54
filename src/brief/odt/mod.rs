//! The briefing as an OpenDocument text (ODT, ODF 1.3; CNS 15251 in
//! Taiwan), from the format-neutral [`Document`].
//!
//! The package: `mimetype` first and stored, then `content.xml` (the text,
//! tables and chart frames), `styles.xml` (the named styles, page layout,
//! running head and page numbers; see [`styles`]), `meta.xml`, each chart
//! as `Pictures/chart-N.svg` with `chart-N.png` as the fallback image of
//! the same frame, and `META-INF/manifest.xml` listing every part.

mod automatic;
mod content;
mod pages;
mod styles;

use super::chart_png::ChartFonts;
use super::doc::Document;
use super::package::{zip, Part, Xml};

/// The media type of an ODF text document.
pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// Namespaces of content.xml and styles.xml.
pub const NAMESPACES: &[(&str, &str)] = &[
    (
        "xmlns:office",
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    ),
    (
        "xmlns:style",
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    ),
    (
        "xmlns:text",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    ),
    (
        "xmlns:table",
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    ),
    (
        "xmlns:draw",
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    ),
    (
        "xmlns:fo",
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    ),
    ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
    (
        "xmlns:svg",
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    ),
    ("office:version", "1.3"),
];

/// A style's ODF name: its display name with spaces as `_20_`.
pub fn style_name(display: &str) -> String {
    display.replace(' ', "_20_")
}

/// The ODT file of `doc`, its charts drawn as PNG with `fonts`.
pub fn write(doc: &Document, fonts: &ChartFonts) -> Result<Vec<u8>, String> {
    let mut parts = vec![
        Part::stored("mimetype", MIMETYPE.as_bytes().to_vec()),
        Part::deflated("content.xml", content::content(doc)),
        Part::deflated("styles.xml", styles::styles(doc)),
        Part::deflated("meta.xml", meta(doc)),
    ];
    for (i, c) in doc.charts.iter().enumerate() {
        parts.push(Part::deflated(
            format!("Pictures/chart-{}.svg", i + 1),
            c.svg.clone().into_bytes(),
        ));
        parts.push(Part::stored(
            format!("Pictures/chart-{}.png", i + 1),
            fonts.png(&c.svg)?,
        ));
    }
    let manifest = manifest(&parts);
    parts.push(Part::deflated("META-INF/manifest.xml", manifest));
    zip(&parts)
}

fn media_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("xml") => "text/xml",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// `META-INF/manifest.xml`: the package and every part but `mimetype`.
fn manifest(parts: &[Part]) -> Vec<u8> {
    let mut x = Xml::new();
    x.start(
        "manifest:manifest",
        &[
            (
                "xmlns:manifest",
                "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
            ),
            ("manifest:version", "1.3"),
        ],
    );
    x.empty(
        "manifest:file-entry",
        &[
            ("manifest:full-path", "/"),
            ("manifest:version", "1.3"),
            ("manifest:media-type", MIMETYPE),
        ],
    );
    for p in parts.iter().filter(|p| p.path != "mimetype") {
        x.empty(
            "manifest:file-entry",
            &[
                ("manifest:full-path", &p.path),
                ("manifest:media-type", media_type(&p.path)),
            ],
        );
    }
    x.end("manifest:manifest");
    x.into_bytes()
}

/// `meta.xml`: title, language, generator, and the data date and content
/// version a citation needs. No dates of making: they would change the bytes.
fn meta(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    x.start(
        "office:document-meta",
        &[
            (
                "xmlns:office",
                "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
            ),
            (
                "xmlns:meta",
                "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("office:version", "1.3"),
        ],
    );
    x.start("office:meta", &[]);
    x.leaf("meta:generator", &[], &doc.generator);
    x.leaf("dc:title", &[], &doc.title);
    if !doc.subtitle.is_empty() {
        x.leaf("dc:subject", &[], &doc.subtitle);
    }
    x.leaf("dc:language", &[], &doc.lang);
    for (name, value) in [
        ("Data date", &doc.data_date),
        ("Content version", &doc.version),
    ] {
        x.leaf(
            "meta:user-defined",
            &[("meta:name", name), ("meta:value-type", "string")],
            value,
        );
    }
    x.end("office:meta");
    x.end("office:document-meta");
    x.into_bytes()
}
