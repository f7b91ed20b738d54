//! Stage 5, charts: SVG drawn at build time with plotters, from figures
//! the analytics stage computed and labels in one language.
//!
//! **Legible at every width.** An SVG scales its text with its box: a chart
//! drawn 800 units wide and shown 358 px wide has 13 px text shrunk to 6 px.
//! So each chart is laid out again for each of a few widths
//! ([`LAYOUTS`]): labels are wrapped (never cut, rotated or ellipsised) to
//! the width they are shown at, and the figure's stylesheet shows the
//! layout made for its box (a container query). A layout is shown in boxes
//! from 0.93 to 1.53 times its width (the narrowest from 0.85, a 288 px
//! box), so 13-unit text reads between 11 and 20 px; the stylesheet keeps
//! the widest from growing past 1.1 times.
//!
//! No system fonts are read (plotters runs without its font features):
//! labels stay `<text>`, drawn by the reader's browser with the page's
//! fonts; layout uses [`text::width`]'s estimate, which errs wide. Colours
//! are the theme's tokens ([`paint`]). Each layout carries `<title>` and
//! `<desc>`; pages put the same numbers in a table beside the chart.

pub mod bars;
pub mod heatmap;
pub mod legacy;
pub mod paint;
pub mod standalone;
pub mod text;

pub use bars::{BarRow, ShareBars};
pub use heatmap::{HeatCell, HeatRow, Heatmap, Legend};
pub use legacy::bar_chart;
pub use text::width as text_width;

use paint::Paint;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Font size of chart text, in SVG units.
pub const FONT: f64 = 13.0;
/// Height of one line of chart text.
pub const LINE: f64 = 17.0;
/// plotters divides font sizes by 1.24 when writing SVG.
const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// The widths charts are laid out at: (the narrowest box the layout is
/// shown in, in CSS px; the layout's own width in SVG units).
pub const LAYOUTS: [(u32, u32); 4] = [(0, 340), (520, 560), (800, 800), (1000, 1040)];

/// One chart, laid out for each of [`LAYOUTS`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct Responsive {
    /// Each layout: the narrowest box it is shown in (CSS px) and its SVG.
    pub layouts: Vec<Layout>,
}

/// One layout of a chart.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Layout {
    /// The narrowest figure box (CSS px) this layout is shown in.
    pub min: u32,
    /// Its own width in SVG units.
    pub width: u32,
    /// The SVG.
    pub svg: String,
}

impl Responsive {
    /// Draws `chart` at every width of [`LAYOUTS`]; `draw(width, id)`
    /// returns the SVG of one layout (`id` unique on the page).
    pub fn draw(id: &str, draw: impl Fn(u32, &str) -> String) -> Responsive {
        Responsive {
            layouts: LAYOUTS
                .iter()
                .map(|&(min, width)| Layout {
                    min,
                    width,
                    svg: draw(width, &format!("{id}-w{width}")),
                })
                .collect(),
        }
    }

    /// The widest layout (the one downloads use).
    pub fn widest(&self) -> &Layout {
        self.layouts.last().expect("at least one layout")
    }
}

/// Draws on an SVG canvas of `w` × `h` and returns it, colours as tokens.
pub(crate) fn canvas(w: u32, h: u32, draw: impl FnOnce(&mut Pen)) -> String {
    let mut svg = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut svg, (w, h));
        let mut pen = Pen {
            backend: &mut backend,
        };
        draw(&mut pen);
        let _ = backend.present();
    }
    // plotters puts a text's content on a line of its own; the line breaks
    // would be part of the text's content.
    let svg = svg.replace("\">\n", "\">").replace("\n</text>", "</text>");
    tidy_font_sizes(&paint::tokenise(&svg))
}

/// What charts draw with: rectangles and text, in theme colours.
pub(crate) struct Pen<'a, 'b> {
    backend: &'a mut SVGBackend<'b>,
}

/// Horizontal anchor of text.
#[derive(Clone, Copy)]
pub(crate) enum Align {
    Start,
    Middle,
    End,
}

impl Pen<'_, '_> {
    /// A filled rectangle from (x0, y0) to (x1, y1).
    pub fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, paint: Paint) {
        let c = paint.stand_in();
        let _ = self.backend.draw_rect(pt(x0, y0), pt(x1, y1), &c, true);
    }

    /// One line of text whose vertical middle is at `y`.
    pub fn text(&mut self, s: &str, x: f64, y: f64, align: Align, paint: Paint, bold: bool) {
        if s.is_empty() {
            return;
        }
        let h = match align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let font = ("sans-serif", FONT * PLOTTERS_FONT_SCALE).into_font();
        let font = if bold {
            font.style(FontStyle::Bold)
        } else {
            font
        };
        let style = TextStyle {
            font,
            color: paint.stand_in().to_backend_color(),
            pos: Pos::new(h, VPos::Center),
        };
        let _ = self.backend.draw_text(s, &style, pt(x, y));
    }

    /// Lines of text, the first centred on `y`, one [`LINE`] apart.
    pub fn lines(
        &mut self,
        lines: &[String],
        x: f64,
        y: f64,
        align: Align,
        paint: Paint,
        bold: bool,
    ) {
        for (k, l) in lines.iter().enumerate() {
            self.text(l, x, y + k as f64 * LINE, align, paint, bold);
        }
    }
}

fn pt(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// plotters writes `font-size="13.000000000000002"`: keep two decimals.
fn tidy_font_sizes(svg: &str) -> String {
    let key = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(key) {
        let (head, tail) = rest.split_at(at + key.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(0);
        let size: f64 = tail[..end].parse().unwrap_or(FONT);
        let size = format!("{:.2}", size);
        out.push_str(size.trim_end_matches('0').trim_end_matches('.'));
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// Escapes text for SVG markup.
pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Adds the accessible name and description, and the `chart` class.
pub(crate) fn accessible(svg: String, id: &str, title: &str, desc: &str) -> String {
    let open_end = svg.find('>').unwrap_or(0);
    let (open, rest) = svg.split_at(open_end);
    format!(
        "{open} role=\"img\" class=\"chart\" aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        esc(title),
        esc(desc),
        &rest[1..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_sizes_are_tidied() {
        assert_eq!(
            tidy_font_sizes(
                "<text font-size=\"13.000000000000002\">a</text><text font-size=\"12.5\">"
            ),
            "<text font-size=\"13\">a</text><text font-size=\"12.5\">"
        );
    }
}
