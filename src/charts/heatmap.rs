//! A grid of cells coloured in steps of one sequential scale (shares of
//! 0–100 % in six steps, or the levels of a risk matrix), each cell writing
//! its value, each row its label and its N, with a legend of the steps
//! and of "not assessed".
//!
//! Column labels are wrapped over a few lines when every word of them fits
//! a column; when a column is too narrow for that (a phone, six flags),
//! the columns are numbered and a key under the legend names them. Row
//! labels sit left of the grid in wide layouts and above their row in
//! narrow ones. Nothing is rotated or cut.

use super::paint::Paint;
use super::text::{widest_word, width, wrap};
use super::{accessible, canvas, Align, Pen, FONT, LINE};

/// One row of the grid.
#[derive(Debug, Clone)]
pub struct HeatRow {
    /// What the row is.
    pub label: String,
    /// Its N, as written under the label ("N = 3,611").
    pub note: String,
}

/// One cell.
#[derive(Debug, Clone)]
pub struct HeatCell {
    /// Its step on the scale, 0 (lightest) to 5; `None`: not assessed.
    pub step: Option<u8>,
    /// What the cell writes ("24 %", "<1 %", "n/a").
    pub text: String,
    /// A second line ("360/1,511"), written when every cell's fits.
    pub sub: Option<String>,
}

/// The legend of the colours.
#[derive(Debug, Clone)]
pub struct Legend<'a> {
    /// What the colours measure ("Share of the cases assessed").
    pub title: &'a str,
    /// Each colour: its step (`None`: not assessed) and label, in order.
    pub items: &'a [(Option<u8>, String)],
}

/// A heatmap.
#[derive(Debug, Clone)]
pub struct Heatmap<'a> {
    /// Accessible title.
    pub title: &'a str,
    /// Accessible description.
    pub desc: &'a str,
    /// Rows, top to bottom.
    pub rows: &'a [HeatRow],
    /// Column labels, left to right.
    pub columns: &'a [String],
    /// Cells, row by row.
    pub cells: &'a [Vec<HeatCell>],
    /// The legend.
    pub legend: Legend<'a>,
}

const PAD: f64 = 4.0;
const GAP: f64 = 10.0;
const CELL_H: f64 = 30.0;
const SWATCH: f64 = 14.0;

/// Draws `h` laid out `w` units wide; `id` names its title.
pub fn heatmap(h: &Heatmap, w: u32, id: &str) -> String {
    let wf = w as f64;
    let inner = wf - 2.0 * PAD;
    let n = h.columns.len().max(1) as f64;
    let longest = h
        .rows
        .iter()
        .map(|r| width(&r.label, FONT).max(width(&r.note, FONT)))
        .fold(0.0, f64::max);
    let beside = wf >= 500.0;
    let widest = h
        .columns
        .iter()
        .map(|c| widest_word(c, FONT))
        .fold(0.0, f64::max);
    let mut label_w = if beside { longest.min(wf * 0.3) } else { 0.0 };
    // Column heads: whole labels when each word fits a column (narrowing
    // the row labels to 18 % of the width if that makes it so), else
    // numbers and a key.
    let room = wf - 2.0 * PAD - GAP - n * (widest + 8.0);
    if beside && (wf - PAD - (PAD + label_w + GAP)) / n < widest + 6.0 && room >= wf * 0.18 {
        label_w = room.min(label_w);
    }
    let x0 = PAD + if beside { label_w + GAP } else { 0.0 };
    let cw = (wf - PAD - x0) / n;
    let numbered = widest > cw - 6.0;
    let heads: Vec<Vec<String>> = h
        .columns
        .iter()
        .enumerate()
        .map(|(k, c)| {
            if numbered {
                vec![(k + 1).to_string()]
            } else {
                wrap(c, cw - 6.0, FONT)
            }
        })
        .collect();
    let head_h = heads.iter().map(Vec::len).max().unwrap_or(1) as f64 * LINE + 6.0;
    // Rows: label lines (and the note) beside or above the cells.
    let row_text: Vec<Vec<String>> = h
        .rows
        .iter()
        .map(|r| {
            let max = if beside { label_w } else { inner };
            let mut lines = wrap(&r.label, max, FONT);
            if r.note.is_empty() {
                // No note: nothing to add.
            } else if beside
                || width(
                    &format!("{} · {}", lines.last().map_or("", |l| l), r.note),
                    FONT,
                ) > max
            {
                lines.push(r.note.clone());
            } else if let Some(last) = lines.last_mut() {
                *last = format!("{last} · {}", r.note);
            }
            lines
        })
        .collect();
    // The second lines, when every one of them fits its cell.
    let subs = h
        .cells
        .iter()
        .flatten()
        .all(|c| c.sub.as_ref().is_none_or(|s| width(s, FONT) <= cw - 8.0));
    let cell_lines: Vec<Vec<Vec<String>>> = h
        .cells
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| {
                    let mut lines = wrap(&c.text, cw - 4.0, FONT);
                    if let Some(s) = c.sub.as_ref().filter(|_| subs) {
                        lines.push(s.clone());
                    }
                    lines
                })
                .collect()
        })
        .collect();
    let mut y = PAD + head_h;
    let mut boxes = Vec::new(); // (label top, cell top, cell height)
    for (r, lines) in row_text.iter().enumerate() {
        let text_h = lines.len() as f64 * LINE;
        let cell_text = cell_lines
            .get(r)
            .map(|row| row.iter().map(Vec::len).max().unwrap_or(1))
            .unwrap_or(1) as f64
            * LINE
            + 12.0;
        if beside {
            let ch = CELL_H.max(text_h + 8.0).max(cell_text);
            boxes.push((y + (ch - text_h) / 2.0, y, ch));
            y += ch;
        } else {
            let ch = CELL_H.max(cell_text);
            boxes.push((y + 4.0, y + text_h + 6.0, ch));
            y += text_h + 6.0 + ch + 4.0;
        }
    }
    let grid_bottom = y;
    // Legend, then (numbered columns) the key, flowing over lines.
    let mut items: Vec<(Option<Paint>, String)> = vec![(None, h.legend.title.to_string())];
    for (step, s) in h.legend.items {
        items.push((Some(step.map_or(Paint::NotAssessed, Paint::Seq)), s.clone()));
    }
    let legend = flow(&items, inner);
    let key: Vec<(Option<Paint>, String)> = if numbered {
        h.columns
            .iter()
            .enumerate()
            .map(|(k, c)| (None, format!("{} {c}", k + 1)))
            .collect()
    } else {
        Vec::new()
    };
    let key = flow(&key, inner);
    let legend_top = grid_bottom + GAP;
    let legend_h = legend.last().map_or(0.0, |p| p.y + LINE);
    let key_top = legend_top + legend_h + if key.is_empty() { 0.0 } else { 6.0 };
    let key_h = key.last().map_or(0.0, |p| p.y + LINE);
    let height = key_top + key_h + PAD;
    let svg = canvas(w, height.ceil() as u32, |pen| {
        for (k, head) in heads.iter().enumerate() {
            let x = x0 + cw * (k as f64 + 0.5);
            let top = PAD + head_h - 6.0 - head.len() as f64 * LINE + LINE / 2.0;
            pen.lines(head, x, top, Align::Middle, Paint::Ink, numbered);
        }
        for (r, lines) in row_text.iter().enumerate() {
            let (label_top, cell_top, ch) = boxes[r];
            let (lx, align) = if beside {
                (x0 - GAP, Align::End)
            } else {
                (PAD, Align::Start)
            };
            let note_at = if beside && !h.rows[r].note.is_empty() {
                lines.len() - 1
            } else {
                usize::MAX
            };
            for (k, l) in lines.iter().enumerate() {
                let paint = if k == note_at {
                    Paint::Muted
                } else {
                    Paint::Ink
                };
                pen.text(
                    l,
                    lx,
                    label_top + LINE * (k as f64 + 0.5),
                    align,
                    paint,
                    false,
                );
            }
            pen.rect(x0, cell_top, x0 + cw * n, cell_top + ch, Paint::Background);
            for (c, cell) in h.cells.get(r).into_iter().flatten().enumerate() {
                let x = x0 + cw * c as f64;
                let fill = cell.step.map_or(Paint::NotAssessed, Paint::Seq);
                pen.rect(
                    x + 1.0,
                    cell_top + 1.0,
                    x + cw - 1.0,
                    cell_top + ch - 1.0,
                    fill,
                );
                let text = &cell_lines[r][c];
                let top = cell_top + ch / 2.0 - (text.len() as f64 - 1.0) * LINE / 2.0;
                let ink = if cell.step.is_none() {
                    Paint::Muted
                } else {
                    fill.text_on()
                };
                pen.lines(text, x + cw / 2.0, top, Align::Middle, ink, false);
            }
        }
        draw_flow(pen, &legend, PAD, legend_top);
        draw_flow(pen, &key, PAD, key_top);
    });
    accessible(svg, id, h.title, h.desc)
}

/// An item of a flowing line: its place and what it is.
struct Placed {
    x: f64,
    y: f64,
    swatch: Option<Paint>,
    lines: Vec<String>,
}

/// Lays items (an optional swatch and a label) out left to right, onto as
/// many lines of `max` as they need.
fn flow(items: &[(Option<Paint>, String)], max: f64) -> Vec<Placed> {
    let mut out = Vec::new();
    let (mut x, mut y) = (0.0, 0.0);
    for (swatch, label) in items {
        let lead = if swatch.is_some() { SWATCH + 5.0 } else { 0.0 };
        let lines = wrap(label, max - lead, FONT);
        let w = lead + lines.iter().map(|l| width(l, FONT)).fold(0.0, f64::max);
        if x > 0.0 && x + w > max {
            x = 0.0;
            y += LINE + 4.0;
        }
        let placed_lines = lines.len();
        out.push(Placed {
            x,
            y,
            swatch: *swatch,
            lines,
        });
        if placed_lines > 1 {
            y += (placed_lines - 1) as f64 * LINE;
            x = 0.0;
            y += LINE + 4.0;
        } else {
            x += w + 14.0;
        }
    }
    out
}

fn draw_flow(pen: &mut Pen, items: &[Placed], x0: f64, y0: f64) {
    for p in items {
        let (x, y) = (x0 + p.x, y0 + p.y + LINE / 2.0);
        let mut tx = x;
        if let Some(s) = p.swatch {
            pen.rect(
                x,
                y - SWATCH / 2.0 - 1.0,
                x + SWATCH + 2.0,
                y + SWATCH / 2.0 + 1.0,
                Paint::Muted,
            );
            pen.rect(
                x + 1.0,
                y - SWATCH / 2.0,
                x + SWATCH + 1.0,
                y + SWATCH / 2.0,
                s,
            );
            tx += SWATCH + 5.0;
        }
        pen.lines(&p.lines, tx, y, Align::Start, Paint::Ink, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_layouts_number_the_columns_and_key_them() {
        let rows = [HeatRow {
            label: "US federal agencies' AI use case inventory (2025)".into(),
            note: "N = 3,611".into(),
        }];
        let columns: Vec<String> = [
            "Data governance",
            "Human-rights protection",
            "Ethics",
            "Model explainability",
            "Personal data",
            "Automated-decision risk",
        ]
        .map(String::from)
        .to_vec();
        let mut row = vec![
            HeatCell {
                step: None,
                text: "n/a".into(),
                sub: None,
            },
            HeatCell {
                step: Some(1),
                text: "10 %".into(),
                sub: Some("107/1,104".into()),
            },
            HeatCell {
                step: Some(5),
                text: "100 %".into(),
                sub: Some("5/5".into()),
            },
        ];
        row.extend(row.clone());
        let cells = [row];
        let mut items: Vec<(Option<u8>, String)> =
            ["0 %", "<20 %", "20–39 %", "40–59 %", "60–79 %", "80–100 %"]
                .iter()
                .enumerate()
                .map(|(k, s)| (Some(k as u8), s.to_string()))
                .collect();
        items.push((None, "not assessed".into()));
        let h = Heatmap {
            title: "t",
            desc: "d",
            rows: &rows,
            columns: &columns,
            cells: &cells,
            legend: Legend {
                title: "Share of the cases assessed",
                items: &items,
            },
        };
        let narrow = heatmap(&h, 340, "n");
        assert!(narrow.contains(">1 Data governance</text>"), "{narrow}");
        let wide = heatmap(&h, 1040, "w");
        assert!(!wide.contains(">1 Data governance</text>"));
        assert!(
            wide.contains(">explainability</text>")
                || wide.contains(">Model explainability</text>")
        );
        for svg in [narrow, wide] {
            assert!(svg.contains(">N = 3,611</text>") || svg.contains("· N = 3,611</text>"));
            assert!(svg.contains(">not assessed</text>") && svg.contains(">100 %</text>"));
            assert!(!svg.contains('…'));
        }
    }
}
