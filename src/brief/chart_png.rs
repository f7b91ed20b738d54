//! PNG copies of the briefing's SVG charts, drawn with resvg.
//!
//! The ODT and DOCX briefings embed each chart as SVG and as PNG: readers
//! that draw SVG (LibreOffice, Word 2016 and later) show the SVG, which
//! names its fonts and is drawn with the reader's; older ones show the PNG.
//!
//! A PNG needs real fonts to draw the labels. [`ChartFonts::system`] takes
//! them from the machine, and only a fixed choice of them, in a fixed
//! order: the first installed of a list of Traditional Chinese sans fonts
//! (Noto Sans CJK TC first, as the briefing's style names it) and the first
//! of a list of Latin ones. So the same content on the same machine gives
//! the same bytes, and two machines with the same fonts agree. Embedding a
//! CJK font in govatlas instead would add ~16 MB to the binary for a
//! fallback image; a machine without any CJK font still gets a chart whose
//! bars and numbers are drawn, and the briefing says so (see
//! [`ChartFonts::warning`]).

use super::doc::Document;
use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::fontdb::{Database, Family, Query, Stretch, Style, Weight};
use resvg::usvg::{self, Tree};
use std::sync::Arc;

/// Families tried for the labels, best first: CJK (Traditional Chinese
/// first), then Latin. The first found of each kind is used.
pub const CJK_FAMILIES: &[&str] = &[
    "Noto Sans CJK TC",
    "Noto Sans TC",
    "Source Han Sans TC",
    "Source Han Sans TW",
    "Microsoft JhengHei",
    "PingFang TC",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
];
/// Latin families tried when a CJK one lacks a glyph, or there is none.
pub const LATIN_FAMILIES: &[&str] = &["Noto Sans", "Liberation Sans", "DejaVu Sans", "Arial"];

/// The pixels per SVG pixel of the PNG copies (a 640-pixel chart becomes
/// 1280 pixels wide: about 200 dpi across the 16 cm it is printed at).
pub const SCALE: f32 = 2.0;

/// The fonts charts are drawn with.
pub struct ChartFonts {
    db: Arc<Database>,
    families: Vec<String>,
    cjk: bool,
}

impl ChartFonts {
    /// The machine's fonts: the first installed of [`CJK_FAMILIES`] and of
    /// [`LATIN_FAMILIES`].
    pub fn system() -> ChartFonts {
        let mut all = Database::new();
        all.load_system_fonts();
        Self::pick(&all)
    }

    /// No fonts: charts are drawn without their labels.
    pub fn none() -> ChartFonts {
        Self::pick(&Database::new())
    }

    fn pick(all: &Database) -> ChartFonts {
        let mut db = Database::new();
        let mut families = Vec::new();
        let mut cjk = false;
        for (list, is_cjk) in [(CJK_FAMILIES, true), (LATIN_FAMILIES, false)] {
            for name in list {
                let query = Query {
                    families: &[Family::Name(name)],
                    weight: Weight::NORMAL,
                    stretch: Stretch::Normal,
                    style: Style::Normal,
                };
                let Some((source, _)) = all.query(&query).and_then(|id| all.face_source(id)) else {
                    continue;
                };
                db.load_font_source(source);
                families.push(name.to_string());
                cjk |= is_cjk;
                break;
            }
        }
        if let Some(first) = families.first() {
            db.set_sans_serif_family(first.clone());
        }
        ChartFonts {
            db: Arc::new(db),
            families,
            cjk,
        }
    }

    /// The families in use, first the one labels are set in.
    pub fn families(&self) -> &[String] {
        &self.families
    }

    /// What a reader of `doc` should know about its PNG charts when fonts
    /// are missing: nothing when the labels can be drawn.
    pub fn warning(&self, doc: &Document) -> Option<String> {
        let wide = |s: &str| s.chars().any(|c| c as u32 >= 0x2E80);
        if doc.charts.is_empty() {
            return None;
        }
        if self.families.is_empty() {
            return Some(format!(
                "no font found on this machine (looked for {} and {}): the PNG copies of the \
                 charts have bars and no labels; the SVG copies and the tables beside them are \
                 complete. Install fonts-noto-cjk (Debian/Ubuntu) for full PNG charts.",
                CJK_FAMILIES[0], LATIN_FAMILIES[0]
            ));
        }
        if !self.cjk && doc.charts.iter().any(|c| wide(&c.svg)) {
            return Some(format!(
                "no CJK font found on this machine (looked for {}, ...): the PNG copies of the \
                 charts lack their Chinese labels; the SVG copies and the tables beside them are \
                 complete. Install fonts-noto-cjk (Debian/Ubuntu) for full PNG charts.",
                CJK_FAMILIES[0]
            ));
        }
        None
    }

    /// `svg` as a PNG on white, [`SCALE`] times its size.
    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        let opt = usvg::Options {
            font_family: self.families.first().cloned().unwrap_or_default(),
            fontdb: self.db.clone(),
            ..Default::default()
        };
        let tree = Tree::from_str(svg, &opt).map_err(|e| format!("reading a chart: {e}"))?;
        let size = tree.size();
        let w = (size.width() * SCALE).ceil() as u32;
        let h = (size.height() * SCALE).ceil() as u32;
        let mut pixmap =
            Pixmap::new(w.max(1), h.max(1)).ok_or_else(|| format!("a chart of {w}×{h} pixels"))?;
        pixmap.fill(Color::WHITE);
        resvg::render(
            &tree,
            Transform::from_scale(SCALE, SCALE),
            &mut pixmap.as_mut(),
        );
        pixmap
            .encode_png()
            .map_err(|e| format!("encoding a chart as PNG: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20" viewBox="0 0 100 20"><rect x="10" y="5" width="50" height="10" fill="#1F5F99"/><text x="70" y="15" font-family="sans-serif" font-size="12">臺 5</text></svg>"##;

    #[test]
    fn bars_are_drawn_without_any_font() {
        let fonts = ChartFonts::none();
        assert!(fonts.families().is_empty());
        let png = fonts.png(SVG).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
        let pix = Pixmap::decode_png(&png).unwrap();
        assert_eq!((pix.width(), pix.height()), (200, 40));
        // The bar's middle is the bar's colour; the corner is white.
        let at = |x: u32, y: u32| pix.pixel(x, y).unwrap();
        assert_eq!((at(60, 20).red(), at(60, 20).blue()), (0x1f, 0x99));
        assert_eq!(at(1, 1).red(), 255);
        assert_eq!(png, fonts.png(SVG).unwrap(), "same SVG, same bytes");
    }

    #[test]
    fn missing_fonts_are_reported() {
        let mut doc = crate::brief::doc::build(&serde_json::json!({"lang": "zh-TW"}));
        assert_eq!(
            ChartFonts::none().warning(&doc),
            None,
            "no chart, nothing to say"
        );
        doc.charts.push(crate::brief::doc::Chart {
            svg: SVG.into(),
            size: (100.0, 20.0),
            title: "臺".into(),
        });
        let w = ChartFonts::none().warning(&doc).unwrap();
        assert!(
            w.contains("no font found") && w.contains("fonts-noto-cjk"),
            "{w}"
        );
    }
}
