//! How each named style looks, once for both formats: the ODT and DOCX
//! writers turn these values into their own style sheets. The colours and
//! sizes follow the HTML briefing's `brief.css`.

use super::{Look, Style};

/// Text colour.
pub const INK: &str = "1b1f24";
/// Secondary text.
pub const MUTED: &str = "5a6169";
/// Rules between table rows.
pub const LINE: &str = "c9d1d9";
/// Headings' rule, links, the bars.
pub const ACCENT: &str = "1f5f99";
/// Headings and headline figures.
pub const ACCENT_DARK: &str = "123c63";
/// Shaded cells.
pub const ACCENT_SOFT: &str = "e6eef6";
/// The marker of text in the other language.
pub const WARN: &str = "8a4b00";
/// The CJK font the document names (readers without it get their own
/// default CJK font).
pub const CJK_FONT: &str = "Noto Sans CJK TC";
/// The Latin font of English briefings (Chinese ones set Latin text in the
/// CJK font, as the HTML briefing does).
pub const LATIN_FONT: &str = "Noto Sans";

/// The Latin font of a briefing in `lang`.
pub fn latin_font(lang: &str) -> &'static str {
    if lang.starts_with("zh") {
        CJK_FONT
    } else {
        LATIN_FONT
    }
}

/// A4, in millimetres.
pub const PAGE_MM: (f64, f64) = (210.0, 297.0);
/// Page margins: top, right, bottom, left, in millimetres.
pub const MARGIN_MM: (f64, f64, f64, f64) = (18.0, 18.0, 16.0, 18.0);
/// The width of the text, in millimetres.
pub const TEXT_MM: f64 = PAGE_MM.0 - MARGIN_MM.1 - MARGIN_MM.3;
/// Charts are drawn this wide, in millimetres.
pub const CHART_MM: f64 = TEXT_MM;

/// Horizontal alignment of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Left (start).
    Left,
    /// Centred.
    Center,
    /// Right (end).
    Right,
    /// Justified.
    Justify,
}

/// How a paragraph style looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParaLook {
    /// Font size, points.
    pub size: f64,
    /// Bold.
    pub bold: bool,
    /// Colour (hex, no `#`).
    pub color: &'static str,
    /// Space above and below, points.
    pub space: (f64, f64),
    /// Line height, percent of single.
    pub line: u32,
    /// Alignment.
    pub align: Align,
    /// Kept on the page of the paragraph that follows.
    pub keep_next: bool,
    /// Never split across pages (a chart's title and the chart).
    pub keep_lines: bool,
    /// A rule under the paragraph (colour), as under section headings.
    pub rule_below: Option<&'static str>,
}

const BASE: ParaLook = ParaLook {
    size: 10.5,
    bold: false,
    color: INK,
    space: (0.0, 6.0),
    line: 150,
    align: Align::Left,
    keep_next: false,
    keep_lines: false,
    rule_below: None,
};

/// The look of a paragraph style.
pub fn para(style: Style) -> ParaLook {
    let table = ParaLook {
        size: 9.0,
        space: (0.0, 0.0),
        line: 125,
        ..BASE
    };
    match style {
        Style::Kicker => ParaLook {
            size: 10.0,
            color: ACCENT,
            space: (0.0, 30.0),
            ..BASE
        },
        Style::Title => ParaLook {
            size: 24.0,
            bold: true,
            color: ACCENT_DARK,
            space: (0.0, 8.0),
            line: 120,
            ..BASE
        },
        Style::Subtitle => ParaLook {
            size: 12.0,
            color: MUTED,
            space: (0.0, 18.0),
            ..BASE
        },
        Style::CoverHeading => ParaLook {
            size: 11.0,
            bold: true,
            color: ACCENT_DARK,
            space: (14.0, 4.0),
            keep_next: true,
            rule_below: Some(LINE),
            ..BASE
        },
        Style::Summary => ParaLook {
            size: 11.0,
            space: (0.0, 8.0),
            line: 170,
            align: Align::Justify,
            ..BASE
        },
        Style::ContentsEntry => ParaLook {
            space: (0.0, 2.0),
            line: 130,
            ..BASE
        },
        Style::CoverNote => ParaLook {
            size: 8.5,
            color: MUTED,
            space: (14.0, 0.0),
            line: 140,
            ..BASE
        },
        Style::Body => BASE,
        Style::Note => ParaLook {
            size: 9.0,
            color: MUTED,
            line: 140,
            keep_next: true,
            ..BASE
        },
        Style::Caption => ParaLook {
            size: 9.5,
            bold: true,
            space: (8.0, 4.0),
            line: 130,
            keep_next: true,
            ..BASE
        },
        Style::Figure => ParaLook {
            space: (8.0, 6.0),
            line: 130,
            keep_lines: true,
            ..BASE
        },
        Style::Source => ParaLook {
            size: 9.5,
            space: (0.0, 4.0),
            line: 140,
            ..BASE
        },
        Style::TableHeading => ParaLook {
            bold: true,
            ..table
        },
        Style::TableHeadingNumber => ParaLook {
            bold: true,
            align: Align::Right,
            ..table
        },
        Style::TableContents => table,
        Style::TableNumber => ParaLook {
            align: Align::Right,
            ..table
        },
        Style::FigureNumber => ParaLook {
            size: 18.0,
            bold: true,
            color: ACCENT_DARK,
            line: 115,
            ..table
        },
        Style::FigureLabel => ParaLook {
            size: 8.5,
            color: MUTED,
            ..table
        },
    }
}

/// The look of a heading of `level` (1: numbered section, 2: part).
pub fn heading(level: u8) -> ParaLook {
    match level {
        1 => ParaLook {
            size: 15.0,
            bold: true,
            color: ACCENT_DARK,
            space: (18.0, 8.0),
            line: 130,
            keep_next: true,
            rule_below: Some(ACCENT),
            ..BASE
        },
        _ => ParaLook {
            size: 11.5,
            bold: true,
            space: (12.0, 4.0),
            line: 130,
            keep_next: true,
            ..BASE
        },
    }
}

/// The running head (site title, briefing title) and foot (page numbers).
pub fn header_footer() -> (ParaLook, ParaLook) {
    (
        ParaLook {
            size: 8.0,
            color: MUTED,
            space: (0.0, 0.0),
            line: 100,
            ..BASE
        },
        ParaLook {
            size: 9.0,
            color: MUTED,
            space: (0.0, 0.0),
            line: 100,
            align: Align::Center,
            ..BASE
        },
    )
}

/// A character style: its name, and what it changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CharLook {
    /// Its display name.
    pub name: &'static str,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Size in points, if it changes.
    pub size: Option<f64>,
    /// Colour, if it changes.
    pub color: Option<&'static str>,
    /// Raised (citations).
    pub superscript: bool,
    /// Underlined (links out).
    pub underline: bool,
}

const PLAIN: CharLook = CharLook {
    name: "",
    bold: false,
    italic: false,
    size: None,
    color: None,
    superscript: false,
    underline: false,
};

/// Character styles: those of [`Look`] and of the special runs.
pub const STRONG: CharLook = CharLook {
    name: "Strong",
    bold: true,
    ..PLAIN
};
/// Smaller text (an instrument's full title).
pub const SMALL: CharLook = CharLook {
    name: "Small",
    size: Some(8.0),
    ..PLAIN
};
/// Grey text.
pub const MUTED_TEXT: CharLook = CharLook {
    name: "Muted",
    color: Some(MUTED),
    ..PLAIN
};
/// Text in the other language.
pub const FALLBACK: CharLook = CharLook {
    name: "Fallback",
    italic: true,
    ..PLAIN
};
/// The `[en]` marker after it.
pub const FALLBACK_MARK: CharLook = CharLook {
    name: "Fallback Mark",
    size: Some(7.5),
    color: Some(WARN),
    ..PLAIN
};
/// Citation numbers.
pub const CITATION: CharLook = CharLook {
    name: "Citation",
    color: Some(MUTED),
    superscript: true,
    ..PLAIN
};
/// Links (Word's and LibreOffice's own name for the style is used by each writer).
pub const LINK: CharLook = CharLook {
    name: "Hyperlink",
    color: Some(ACCENT),
    underline: true,
    ..PLAIN
};
/// Links inside the document (contents, citations): not underlined.
pub const INTERNAL_LINK: CharLook = CharLook {
    name: "Internal Link",
    color: Some(ACCENT),
    ..PLAIN
};

/// A chart's title, above it in its paragraph (as "Caption" looks).
pub const CHART_TITLE: CharLook = CharLook {
    name: "Chart Title",
    bold: true,
    size: Some(9.5),
    ..PLAIN
};

/// Every character style.
pub const CHAR_STYLES: [CharLook; 9] = [
    STRONG,
    SMALL,
    MUTED_TEXT,
    FALLBACK,
    FALLBACK_MARK,
    CITATION,
    LINK,
    INTERNAL_LINK,
    CHART_TITLE,
];

/// The character style of a look (none for plain text).
pub fn look(l: Look) -> Option<CharLook> {
    match l {
        Look::Plain => None,
        Look::Strong => Some(STRONG),
        Look::Small => Some(SMALL),
        Look::Muted => Some(MUTED_TEXT),
    }
}
