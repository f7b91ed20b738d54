//! `styles.xml`: the named paragraph and character styles an official
//! restyles (from `doc::design`, as the DOCX's), the fonts by script, the
//! languages, and the outline numbering of sections; the page itself is in
//! [`super::pages`].

use super::{pages, style_name, NAMESPACES};
use crate::brief::doc::design::{self, Align, CharLook, ParaLook, TEXT_MM};
use crate::brief::doc::{Document, Style};
use crate::brief::package::Xml;

/// The fonts the document names.
pub fn font_faces(x: &mut Xml, doc: &Document) {
    x.start("office:font-face-decls", &[]);
    let mut fonts = vec![design::CJK_FONT];
    if design::latin_font(&doc.lang) != design::CJK_FONT {
        fonts.push(design::latin_font(&doc.lang));
    }
    for f in fonts {
        x.empty(
            "style:font-face",
            &[
                ("style:name", f),
                ("svg:font-family", &format!("'{f}'")),
                ("style:font-family-generic", "swiss"),
                ("style:font-pitch", "variable"),
            ],
        );
    }
    x.end("office:font-face-decls");
}

fn pt(v: f64) -> String {
    format!("{v}pt")
}

/// A paragraph's properties; `right_tab` (mm) sets a right-aligned tab
/// stop, as the running head's title needs.
fn paragraph_properties(x: &mut Xml, l: &ParaLook, right_tab: Option<f64>) {
    let align = match l.align {
        Align::Left => "start",
        Align::Center => "center",
        Align::Right => "end",
        Align::Justify => "justify",
    };
    let (before, after) = (pt(l.space.0), pt(l.space.1));
    let line = format!("{}%", l.line);
    let mut a = vec![
        ("fo:margin-top", before.as_str()),
        ("fo:margin-bottom", after.as_str()),
        ("fo:line-height", line.as_str()),
        ("fo:text-align", align),
    ];
    if l.keep_next {
        a.push(("fo:keep-with-next", "always"));
    }
    if l.keep_lines {
        a.push(("fo:keep-together", "always"));
    }
    let rule = l.rule_below.map(|c| format!("0.75pt solid #{c}"));
    if let Some(r) = &rule {
        a.push(("fo:border-bottom", r));
        a.push(("fo:padding-bottom", "2pt"));
    }
    match right_tab {
        Some(mm) => {
            x.start("style:paragraph-properties", &a);
            x.start("style:tab-stops", &[]);
            x.empty(
                "style:tab-stop",
                &[
                    ("style:position", &format!("{mm}mm")),
                    ("style:type", "right"),
                ],
            );
            x.end("style:tab-stops");
            x.end("style:paragraph-properties");
        }
        None => x.empty("style:paragraph-properties", &a),
    }
    let size = pt(l.size);
    let color = format!("#{}", l.color);
    let mut t = vec![
        ("fo:font-size", size.as_str()),
        ("style:font-size-asian", size.as_str()),
        ("fo:color", color.as_str()),
    ];
    if l.bold {
        t.extend([
            ("fo:font-weight", "bold"),
            ("style:font-weight-asian", "bold"),
        ]);
    }
    x.empty("style:text-properties", &t);
}

fn paragraph_style(x: &mut Xml, display: &str, l: &ParaLook, extra: &[(&str, &str)]) {
    paragraph_style_tab(x, display, l, extra, None)
}

fn paragraph_style_tab(
    x: &mut Xml,
    display: &str,
    l: &ParaLook,
    extra: &[(&str, &str)],
    right_tab: Option<f64>,
) {
    let name = style_name(display);
    let mut a = vec![
        ("style:name", name.as_str()),
        ("style:display-name", display),
        ("style:family", "paragraph"),
        ("style:parent-style-name", "Standard"),
    ];
    a.extend_from_slice(extra);
    x.start("style:style", &a);
    paragraph_properties(x, l, right_tab);
    x.end("style:style");
}

fn text_style(x: &mut Xml, c: &CharLook) {
    let name = style_name(c.name);
    x.start(
        "style:style",
        &[
            ("style:name", &name),
            ("style:display-name", c.name),
            ("style:family", "text"),
        ],
    );
    let size = c.size.map(pt);
    let color = c.color.map(|c| format!("#{c}"));
    let mut t: Vec<(&str, &str)> = Vec::new();
    if let Some(s) = &size {
        t.extend([
            ("fo:font-size", s.as_str()),
            ("style:font-size-asian", s.as_str()),
        ]);
    }
    if let Some(c) = &color {
        t.push(("fo:color", c));
    }
    if c.bold {
        t.extend([
            ("fo:font-weight", "bold"),
            ("style:font-weight-asian", "bold"),
        ]);
    }
    if c.italic {
        t.extend([
            ("fo:font-style", "italic"),
            ("style:font-style-asian", "italic"),
        ]);
    }
    if c.superscript {
        t.push(("style:text-position", "super 58%"));
    }
    if c.underline {
        t.extend([
            ("style:text-underline-style", "solid"),
            ("style:text-underline-width", "auto"),
            ("style:text-underline-color", "font-color"),
        ]);
    }
    x.empty("style:text-properties", &t);
    x.end("style:style");
}

/// `styles.xml`.
pub fn styles(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    x.start("office:document-styles", NAMESPACES);
    font_faces(&mut x, doc);
    x.start("office:styles", &[]);
    // Defaults: fonts by script, languages (Latin text is English; East
    // Asian text is Traditional Chinese in both languages' briefings).
    x.start("style:default-style", &[("style:family", "paragraph")]);
    x.empty(
        "style:paragraph-properties",
        &[("fo:orphans", "2"), ("fo:widows", "2")],
    );
    x.empty(
        "style:text-properties",
        &[
            ("style:font-name", design::latin_font(&doc.lang)),
            ("style:font-name-asian", design::CJK_FONT),
            ("fo:font-size", "10.5pt"),
            ("style:font-size-asian", "10.5pt"),
            ("fo:language", "en"),
            ("fo:country", "US"),
            ("style:language-asian", "zh"),
            ("style:country-asian", "TW"),
            ("fo:hyphenate", "false"),
        ],
    );
    x.end("style:default-style");
    x.empty(
        "style:style",
        &[
            ("style:name", "Standard"),
            ("style:family", "paragraph"),
            ("style:class", "text"),
        ],
    );
    for s in Style::ALL {
        paragraph_style(&mut x, s.display_name(), &design::para(s), &[]);
    }
    for level in [1u8, 2] {
        let display = format!("Heading {level}");
        let lvl = level.to_string();
        paragraph_style(
            &mut x,
            &display,
            &design::heading(level),
            &[
                ("style:next-style-name", "Body_20_Text"),
                ("style:default-outline-level", &lvl),
            ],
        );
    }
    let (head, foot) = design::header_footer();
    paragraph_style_tab(&mut x, "Header", &head, &[], Some(TEXT_MM));
    paragraph_style(&mut x, "Footer", &foot, &[]);
    for c in design::CHAR_STYLES {
        text_style(&mut x, &c);
    }
    x.start(
        "style:style",
        &[("style:name", "Graphics"), ("style:family", "graphic")],
    );
    x.empty(
        "style:graphic-properties",
        &[
            ("style:vertical-pos", "top"),
            ("style:vertical-rel", "baseline"),
            ("fo:border", "none"),
        ],
    );
    x.end("style:style");
    // Sections are numbered "1.", "2." by the outline, as in the HTML.
    x.start("text:outline-style", &[("style:name", "Outline")]);
    for (level, format, suffix) in [("1", "1", "."), ("2", "", "")] {
        x.start(
            "text:outline-level-style",
            &[
                ("text:level", level),
                ("style:num-format", format),
                ("style:num-suffix", suffix),
            ],
        );
        x.start(
            "style:list-level-properties",
            &[("text:list-level-position-and-space-mode", "label-alignment")],
        );
        x.empty(
            "style:list-level-label-alignment",
            &[("text:label-followed-by", "space")],
        );
        x.end("style:list-level-properties");
        x.end("text:outline-level-style");
    }
    x.end("text:outline-style");
    x.end("office:styles");

    pages::page_styles(&mut x, doc);
    x.end("office:document-styles");
    x.into_bytes()
}
