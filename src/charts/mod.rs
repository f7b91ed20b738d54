//! Stage 5, charts: SVG drawn at build time with plotters.
//!
//! Pure functions from numbers and labels to SVG text. No system fonts are
//! read (plotters runs without its font features): labels stay `<text>` so
//! the reader's browser draws Chinese with its own fonts, and layout uses
//! our own width estimate, which counts CJK characters as full-width
//! (plotters' estimate counts bytes, so Chinese would come out ~3× too wide).
//! Each chart carries `<title>` and `<desc>` for screen readers; pages put
//! the same numbers in a table beside it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Font size in pixels of chart labels.
const FONT_PX: f64 = 13.0;
/// plotters scales font sizes by 1/1.24 when writing SVG.
const PLOTTERS_FONT_SCALE: f64 = 1.24;
/// Colours of the series, chosen for contrast on white (WCAG AA for text
/// drawn on them is not needed: values are drawn beside bars, not on them).
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0x1f, 0x5f, 0x99),
    RGBColor(0xb3, 0x4a, 0x1d),
    RGBColor(0x2e, 0x7d, 0x32),
    RGBColor(0x6a, 0x3d, 0x9a),
    RGBColor(0x9c, 0x6b, 0x00),
    RGBColor(0x00, 0x6d, 0x77),
];

/// Width of `s` in pixels at `px`, counting wide (CJK) characters as one em
/// and others as 0.6 em.
pub fn text_width(s: &str, px: f64) -> f64 {
    s.chars()
        .map(|c| if is_wide(c) { 1.0 } else { 0.6 })
        .sum::<f64>()
        * px
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

fn style(px: f64, anchor: Pos, colour: &RGBColor) -> TextStyle<'static> {
    TextStyle {
        font: ("sans-serif", px * PLOTTERS_FONT_SCALE).into_font(),
        color: colour.to_backend_color(),
        pos: anchor,
    }
}

/// Shortens a label to fit `max_px`, ending it with an ellipsis.
fn fit(s: &str, max_px: f64) -> String {
    if text_width(s, FONT_PX) <= max_px {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if text_width(&out, FONT_PX)
            + text_width("…", FONT_PX)
            + text_width(&c.to_string(), FONT_PX)
            > max_px
        {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Adds the accessible name and description, and a class for styling.
fn accessible(svg: String, id: &str, title: &str, desc: &str) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let open_end = svg.find('>').unwrap_or(0);
    let (open, rest) = svg.split_at(open_end);
    format!(
        "{open} role=\"img\" class=\"chart\" aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        esc(title),
        esc(desc),
        &rest[1..]
    )
}

/// A horizontal bar chart: one bar per `(label, value)`, value written at
/// the bar's end. `id` must be unique on the page (it names the title).
pub fn bar_chart(id: &str, title: &str, desc: &str, bars: &[(String, u64)]) -> String {
    let width = 640u32;
    let row = 26u32;
    let height = (bars.len() as u32 * row + 16).max(40);
    let label_w = bars
        .iter()
        .map(|(l, _)| text_width(l, FONT_PX))
        .fold(60.0, f64::max)
        .min(260.0)
        + 12.0;
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1) as f64;
    let bar_space = width as f64 - label_w - 56.0;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        for (i, (label, value)) in bars.iter().enumerate() {
            let y = 8 + i as i32 * row as i32;
            let mid = y + row as i32 / 2 - 2;
            let lx = label_w as i32 - 8;
            let _ = root.draw(&Text::new(
                fit(label, label_w - 12.0),
                (lx, mid),
                style(FONT_PX, Pos::new(HPos::Right, VPos::Center), &BLACK),
            ));
            let w = ((*value as f64 / max) * bar_space).round() as i32;
            let x0 = label_w as i32;
            if w > 0 {
                let _ = root.draw(&Rectangle::new(
                    [(x0, y + 3), (x0 + w, y + row as i32 - 7)],
                    PALETTE[0].filled(),
                ));
            }
            let _ = root.draw(&Text::new(
                value.to_string(),
                (x0 + w + 6, mid),
                style(FONT_PX, Pos::new(HPos::Left, VPos::Center), &BLACK),
            ));
        }
        let _ = root.present();
    }
    accessible(svg, id, title, desc)
}

/// A grid of cells shaded by `values` (0.0–1.0 intensity) with `labels`
/// written in each cell; rows and columns are labelled.
pub struct Heatmap<'a> {
    /// Unique id on the page.
    pub id: &'a str,
    /// Accessible title.
    pub title: &'a str,
    /// Accessible description.
    pub desc: &'a str,
    /// Row labels, top to bottom.
    pub rows: &'a [String],
    /// Column labels, left to right.
    pub columns: &'a [String],
    /// Shade of each cell, 0.0 (white) to 1.0 (darkest).
    pub shade: &'a [Vec<f64>],
    /// Text of each cell.
    pub cells: &'a [Vec<String>],
}

/// Draws a [`Heatmap`].
pub fn heatmap(h: &Heatmap) -> String {
    let cell_w = h
        .columns
        .iter()
        .chain(h.cells.iter().flatten())
        .map(|c| text_width(c, FONT_PX) + 14.0)
        .fold(56.0, f64::max)
        .min(120.0);
    let cell_h = 30.0;
    let label_w = h
        .rows
        .iter()
        .map(|l| text_width(l, FONT_PX))
        .fold(40.0, f64::max)
        .min(240.0)
        + 12.0;
    // Column labels are written rotated when they are wider than a cell.
    let head_h = h
        .columns
        .iter()
        .map(|c| text_width(c, FONT_PX))
        .fold(0.0, f64::max)
        .min(170.0)
        + 16.0;
    let rotate = h
        .columns
        .iter()
        .any(|c| text_width(c, FONT_PX) > cell_w - 6.0);
    let head_h = if rotate { head_h } else { 26.0 };
    let width = (label_w + cell_w * h.columns.len() as f64 + 8.0).ceil() as u32;
    let height = (head_h + cell_h * h.rows.len() as f64 + 8.0).ceil() as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        for (c, col) in h.columns.iter().enumerate() {
            let x = (label_w + cell_w * c as f64 + cell_w / 2.0) as i32;
            if rotate {
                let s = style(FONT_PX, Pos::new(HPos::Left, VPos::Center), &BLACK)
                    .transform(FontTransform::Rotate270);
                let _ = root.draw(&Text::new(fit(col, 168.0), (x, head_h as i32 - 6), s));
            } else {
                let _ = root.draw(&Text::new(
                    col.clone(),
                    (x, 14),
                    style(FONT_PX, Pos::new(HPos::Center, VPos::Center), &BLACK),
                ));
            }
        }
        for (r, row) in h.rows.iter().enumerate() {
            let y = head_h + cell_h * r as f64;
            let _ = root.draw(&Text::new(
                fit(row, label_w - 12.0),
                ((label_w - 8.0) as i32, (y + cell_h / 2.0) as i32),
                style(FONT_PX, Pos::new(HPos::Right, VPos::Center), &BLACK),
            ));
            for c in 0..h.columns.len() {
                let x = label_w + cell_w * c as f64;
                let s = h
                    .shade
                    .get(r)
                    .and_then(|row| row.get(c))
                    .copied()
                    .unwrap_or(0.0)
                    .clamp(0.0, 1.0);
                let fill = shade(s);
                let _ = root.draw(&Rectangle::new(
                    [
                        (x as i32, y as i32),
                        ((x + cell_w) as i32 - 1, (y + cell_h) as i32 - 1),
                    ],
                    fill.filled(),
                ));
                let text = h
                    .cells
                    .get(r)
                    .and_then(|row| row.get(c))
                    .cloned()
                    .unwrap_or_default();
                let ink = if s > 0.55 { WHITE } else { BLACK };
                let _ = root.draw(&Text::new(
                    fit(&text, cell_w - 6.0),
                    ((x + cell_w / 2.0) as i32, (y + cell_h / 2.0) as i32),
                    style(FONT_PX, Pos::new(HPos::Center, VPos::Center), &ink),
                ));
            }
        }
        let _ = root.present();
    }
    accessible(svg, h.id, h.title, h.desc)
}

/// White to dark blue; text switches to white above 0.55 so contrast holds.
fn shade(s: f64) -> RGBColor {
    let lerp = |a: f64, b: f64| (a + (b - a) * s).round() as u8;
    RGBColor(
        lerp(247.0, 0x0b as f64),
        lerp(250.0, 0x3c as f64),
        lerp(255.0, 0x6e as f64),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_full_width() {
        assert_eq!(text_width("資料治理", 10.0), 40.0);
        assert_eq!(text_width("ab", 10.0), 12.0);
    }

    #[test]
    fn bar_chart_is_accessible_and_escaped() {
        let svg = bar_chart(
            "c1",
            "Flags <b>",
            "desc",
            &[("資料<治理>".into(), 9), ("ethics".into(), 3)],
        );
        assert!(svg.contains("<title id=\"c1-title\">Flags &lt;b&gt;</title>"));
        assert!(svg.contains("資料&lt;治理&gt;"));
        assert!(!svg.contains("<b>"));
        assert_eq!(svg.matches("<rect").count(), 2);
        // Same input, same bytes.
        assert_eq!(
            svg,
            bar_chart(
                "c1",
                "Flags <b>",
                "desc",
                &[("資料<治理>".into(), 9), ("ethics".into(), 3)]
            )
        );
    }
}
