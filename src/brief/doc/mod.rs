//! A briefing as a word-processor document: headings, paragraphs in named
//! styles, tables and charts, in reading order.
//!
//! [`build`] makes it from the briefing's view model, the very value the
//! HTML template renders (`brief::model`), so the HTML, OpenDocument and
//! Word briefings show the same figures and cannot drift apart: this module
//! reads the model and never computes a figure of its own. The ODT and DOCX
//! writers (`brief::odt`, `brief::docx`) only translate this structure into
//! their formats.

mod cover;
pub mod design;
mod sections;
mod tables;
pub mod text;

use serde_json::Value;

/// A briefing ready to be written as ODT or DOCX.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Language of the briefing (`zh-TW`, `en`).
    pub lang: String,
    /// The briefing's title (also the running head).
    pub title: String,
    /// The site's title (the running head's other half).
    pub site_title: String,
    /// Subtitle: kind and approach, or jurisdiction and year.
    pub subtitle: String,
    /// `data_date` from `site.yaml`, as the cover shows it.
    pub data_date: String,
    /// The content version (a hash of the content files).
    pub version: String,
    /// `govatlas <version>`.
    pub generator: String,
    /// What the document holds, in order: the cover, then the sections.
    pub blocks: Vec<Block>,
    /// The charts, referred to by [`Block::Chart`].
    pub charts: Vec<Chart>,
}

/// One block of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph in a named style.
    Para(Style, Vec<Inline>),
    /// A heading: level 1 is a numbered section, level 2 a part of one.
    Heading {
        /// 1 or 2.
        level: u8,
        /// Bookmark name the cover's contents link to.
        anchor: Option<String>,
        /// Starts a new page (the first section, after the cover).
        page_break: bool,
        /// The heading's text.
        text: Vec<Inline>,
    },
    /// A table.
    Table(Table),
    /// Chart `n` of [`Document::charts`] under its title, across the text
    /// width.
    Chart(usize),
}

/// The named paragraph styles. The writers give each the same name in both
/// formats, so an official restyles, say, every table heading in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// The cover's first line: site title and "Briefing".
    Kicker,
    /// The briefing's title.
    Title,
    /// The line under the title.
    Subtitle,
    /// A heading on the cover (summary, contents), not numbered.
    CoverHeading,
    /// The summary paragraph.
    Summary,
    /// An entry of the cover's list of sections.
    ContentsEntry,
    /// The cover's closing note.
    CoverNote,
    /// Running text.
    Body,
    /// A short explanation under a heading, smaller and grey.
    Note,
    /// The title of a chart or table.
    Caption,
    /// A chart's paragraph: its title, a line break, the chart.
    Figure,
    /// One entry of the numbered sources.
    Source,
    /// A cell of a table's header row (or its total row).
    TableHeading,
    /// A header cell over numbers: right-aligned.
    TableHeadingNumber,
    /// A body cell.
    TableContents,
    /// A body cell holding a number: right-aligned.
    TableNumber,
    /// A headline figure on the cover.
    FigureNumber,
    /// The label under a headline figure.
    FigureLabel,
}

impl Style {
    /// Every style, for the writers' style sheets.
    pub const ALL: [Style; 18] = [
        Style::Kicker,
        Style::Title,
        Style::Subtitle,
        Style::CoverHeading,
        Style::Summary,
        Style::ContentsEntry,
        Style::CoverNote,
        Style::Body,
        Style::Note,
        Style::Caption,
        Style::Figure,
        Style::Source,
        Style::TableHeading,
        Style::TableHeadingNumber,
        Style::TableContents,
        Style::TableNumber,
        Style::FigureNumber,
        Style::FigureLabel,
    ];

    /// The style's name as an official sees it in the style list.
    pub fn display_name(self) -> &'static str {
        match self {
            Style::Kicker => "Briefing Kicker",
            Style::Title => "Title",
            Style::Subtitle => "Subtitle",
            Style::CoverHeading => "Cover Heading",
            Style::Summary => "Summary",
            Style::ContentsEntry => "Contents Entry",
            Style::CoverNote => "Cover Note",
            Style::Body => "Body Text",
            Style::Note => "Note",
            Style::Caption => "Caption",
            Style::Figure => "Figure",
            Style::Source => "Source",
            Style::TableHeading => "Table Heading",
            Style::TableHeadingNumber => "Table Heading Number",
            Style::TableContents => "Table Contents",
            Style::TableNumber => "Table Number",
            Style::FigureNumber => "Headline Figure",
            Style::FigureLabel => "Headline Figure Label",
        }
    }

    /// The name without spaces: Word's style id (ODF encodes spaces as `_20_`).
    pub fn id(self) -> String {
        self.display_name().replace(' ', "")
    }
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Text in a look.
    Run(Look, String),
    /// Text missing in the briefing's language, shown in `lang`: italics,
    /// then a `[lang]` marker, as on the site.
    Fallback {
        /// The text.
        text: String,
        /// The language it is in.
        lang: String,
    },
    /// A link out of the document (the sources' URLs; http and https only).
    Link {
        /// What the reader sees.
        text: String,
        /// Where it goes.
        url: String,
    },
    /// A link to a bookmark inside the document.
    Internal {
        /// What the reader sees.
        text: String,
        /// The bookmark's name.
        anchor: String,
    },
    /// Citation numbers, raised, each linking to its source (`[1, 2]`).
    Cites(Vec<u64>),
    /// A bookmark other places link to.
    Bookmark(String),
    /// A line break inside the paragraph.
    Break,
}

/// How a run of text looks; each is a named character style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// As the paragraph.
    Plain,
    /// Bold.
    Strong,
    /// Smaller.
    Small,
    /// Grey: absent values, the unflagged row.
    Muted,
}

/// What a table is for; each kind has its own table style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// A data table: header row, ruled rows.
    Data,
    /// The cover's headline figures: shaded cells, no header.
    Figures,
    /// Label and value pairs (the cover's citation facts): no rules.
    Facts,
}

/// A table: real rows and cells an official can edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Its style.
    pub kind: TableKind,
    /// Relative column widths (they are scaled to the text width).
    pub widths: Vec<u32>,
    /// The header row, repeated on each page (none for figures and facts).
    pub head: Option<Vec<Cell>>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
    /// A closing row (totals), styled as the header.
    pub foot: Option<Vec<Cell>>,
}

/// One cell: one or more paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell(pub Vec<(Style, Vec<Inline>)>);

impl Cell {
    /// A cell of one paragraph.
    pub fn new(style: Style, content: Vec<Inline>) -> Cell {
        Cell(vec![(style, content)])
    }
}

/// A chart: the SVG the HTML briefing inlines, with what describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The SVG text.
    pub svg: String,
    /// Its width and height in SVG pixels.
    pub size: (f64, f64),
    /// Its title, shown above it (in the "Chart Title" character style)
    /// and given as its text alternative.
    pub title: String,
}

impl Document {
    /// Every text of the document's paragraphs and cells, in order, one
    /// string per paragraph (for checks and for tests).
    pub fn paragraphs(&self) -> Vec<String> {
        let mut out = Vec::new();
        let flat = |inl: &[Inline]| inl.iter().map(text::plain).collect::<String>();
        for b in &self.blocks {
            match b {
                Block::Para(_, i) | Block::Heading { text: i, .. } => out.push(flat(i)),
                Block::Table(t) => {
                    let rows = t.head.iter().chain(&t.rows).chain(t.foot.iter());
                    for cell in rows.flatten() {
                        out.extend(cell.0.iter().map(|(_, i)| flat(i)));
                    }
                }
                Block::Chart(n) => out.push(self.charts[*n].title.clone()),
            }
        }
        out
    }
}

/// The document of a briefing from its view model (`brief::model`).
pub fn build(model: &Value) -> Document {
    let str_of = |k: &str| model[k].as_str().unwrap_or_default().to_string();
    let mut doc = Document {
        lang: str_of("lang"),
        title: str_of("title"),
        site_title: str_of("site_title"),
        subtitle: str_of("subtitle"),
        data_date: str_of("data_date"),
        version: str_of("version"),
        generator: str_of("generator"),
        blocks: Vec::new(),
        charts: Vec::new(),
    };
    cover::cover(model, &mut doc);
    sections::sections(model, &mut doc);
    doc
}
