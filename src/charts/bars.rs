//! Horizontal bars of shares (0–100 %), one per row, on a fixed scale so
//! that small multiples compare: the risk flags of one inventory.
//!
//! Each bar carries its value at its end (the share, then the count it is
//! made of). A row with no share ("not assessed") has no bar, only those
//! words. Labels sit left of the bars when the layout is wide enough and
//! above them when it is not; either way they wrap, whole.

use super::paint::Paint;
use super::text::{width, width_bold, wrap};
use super::{accessible, canvas, Align, FONT, LINE};

/// One bar.
#[derive(Debug, Clone)]
pub struct BarRow {
    /// What the bar is (a flag's label).
    pub label: String,
    /// The share, 0.0–1.0; `None` when there is none to show.
    pub fraction: Option<f64>,
    /// The share as written ("24 %", "<1 %", or "not assessed").
    pub value: String,
    /// What it is made of ("360 of 1,511"), written after the value.
    pub detail: String,
}

/// A chart of share bars.
#[derive(Debug, Clone)]
pub struct ShareBars<'a> {
    /// Accessible title.
    pub title: &'a str,
    /// Accessible description (the numbers, in words).
    pub desc: &'a str,
    /// The bars, top to bottom.
    pub rows: &'a [BarRow],
    /// The scale's labels at 0, 25, 50, 75 and 100 %.
    pub ticks: &'a [String; 5],
    /// Room for labels and for values, when several charts must share one
    /// scale (small multiples): the widest of all of them. `None`: this
    /// chart's own.
    pub room: Option<(f64, f64)>,
}

/// The room a chart's labels and values take ([`ShareBars::room`]).
pub fn room(rows: &[BarRow]) -> (f64, f64) {
    let label = rows
        .iter()
        .map(|r| width(&r.label, FONT))
        .fold(0.0, f64::max);
    let value = rows
        .iter()
        .map(|r| width_bold(&r.value, FONT) + width(" ", FONT) + width(&r.detail, FONT))
        .fold(0.0, f64::max);
    (label, value)
}

const PAD: f64 = 4.0;
const BAR: f64 = 14.0;
const GAP: f64 = 8.0;

/// Draws `b` laid out `w` units wide; `id` names its title.
pub fn share_bars(b: &ShareBars, w: u32, id: &str) -> String {
    let wf = w as f64;
    let (longest, value_w) = b.room.unwrap_or_else(|| room(b.rows));
    let value_w = value_w + GAP;
    // Labels beside the bars when that leaves the bars at least 40 % of
    // the width; else above them.
    let label_w = longest.min(wf * 0.32);
    let beside = wf - label_w - value_w - 2.0 * PAD - GAP >= wf * 0.4;
    let (x0, label_max) = if beside {
        (PAD + label_w + GAP, label_w)
    } else {
        (PAD, wf - 2.0 * PAD)
    };
    let x1 = wf - PAD - value_w;
    let bar_w = (x1 - x0).max(1.0);
    let laid: Vec<Vec<String>> = b
        .rows
        .iter()
        .map(|r| wrap(&r.label, label_max, FONT))
        .collect();
    // Row heights and bar centres.
    let mut y = PAD + 2.0;
    let mut centres = Vec::new();
    let mut label_tops = Vec::new();
    for lines in &laid {
        let text_h = lines.len() as f64 * LINE;
        if beside {
            let h = text_h.max(BAR + 6.0);
            label_tops.push(y + (h - text_h) / 2.0);
            centres.push(y + h / 2.0);
            y += h + GAP;
        } else {
            label_tops.push(y);
            centres.push(y + text_h + BAR / 2.0 + 2.0);
            y += text_h + BAR + 4.0 + GAP + 2.0;
        }
    }
    let grid_top = PAD;
    let grid_bottom = y - GAP / 2.0;
    let h = grid_bottom + LINE + PAD;
    // Scale labels where they fit: all five, or 0, 50 and 100 %, or the ends.
    let tick_w = b.ticks.iter().map(|t| width(t, FONT)).fold(0.0, f64::max) + 8.0;
    let labelled: &[usize] = if bar_w / 4.0 >= tick_w {
        &[0, 1, 2, 3, 4]
    } else if bar_w / 2.0 >= tick_w {
        &[0, 2, 4]
    } else {
        &[0, 4]
    };
    let svg = canvas(w, h.ceil() as u32, |pen| {
        for k in 0..5 {
            let x = x0 + bar_w * k as f64 / 4.0;
            pen.rect(x, grid_top, x + 1.0, grid_bottom, Paint::Line);
            if !labelled.contains(&k) {
                continue;
            }
            let align = match k {
                0 => Align::Start,
                4 => Align::End,
                _ => Align::Middle,
            };
            let x = match k {
                4 => x + 1.0,
                _ => x,
            };
            pen.text(
                &b.ticks[k],
                x,
                grid_bottom + LINE / 2.0 + 2.0,
                align,
                Paint::Muted,
                false,
            );
        }
        for ((r, lines), (&top, &mid)) in b
            .rows
            .iter()
            .zip(&laid)
            .zip(label_tops.iter().zip(&centres))
        {
            let (lx, align) = if beside {
                (x0 - GAP, Align::End)
            } else {
                (PAD, Align::Start)
            };
            pen.lines(lines, lx, top + LINE / 2.0, align, Paint::Ink, false);
            let Some(f) = r.fraction else {
                pen.text(&r.value, x0 + 6.0, mid, Align::Start, Paint::Muted, false);
                continue;
            };
            let end = x0 + bar_w * f.clamp(0.0, 1.0);
            if end - x0 >= 0.5 {
                // A share under 1 % still gets a visible sliver.
                let end = end.max(x0 + 2.0);
                pen.rect(x0, mid - BAR / 2.0, end, mid + BAR / 2.0, Paint::Series);
            }
            let vx = end.max(x0) + 6.0;
            pen.text(&r.value, vx, mid, Align::Start, Paint::Ink, true);
            // (A leading space would collapse in SVG: the gap is placed.)
            let dx = vx + width_bold(&r.value, FONT) + width(" ", FONT);
            pen.text(&r.detail, dx, mid, Align::Start, Paint::Muted, false);
        }
    });
    accessible(svg, id, b.title, b.desc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<BarRow> {
        vec![
            BarRow {
                label: "Data governance".into(),
                fraction: None,
                value: "not assessed".into(),
                detail: String::new(),
            },
            BarRow {
                label: "Automated-decision risk".into(),
                fraction: Some(445.0 / 3185.0),
                value: "14 %".into(),
                detail: "445 of 3,185".into(),
            },
        ]
    }

    #[test]
    fn bars_carry_their_values_and_no_bar_for_not_assessed() {
        let ticks = ["0 %", "25 %", "50 %", "75 %", "100 %"].map(String::from);
        for w in [340, 560, 800] {
            let rows = rows();
            let svg = share_bars(
                &ShareBars {
                    title: "Flags <x>",
                    desc: "d",
                    rows: &rows,
                    ticks: &ticks,
                    room: None,
                },
                w,
                "c",
            );
            assert!(svg.contains("<title id=\"c-title\">Flags &lt;x&gt;</title>"));
            assert!(svg.contains(">not assessed</text>"), "{svg}");
            assert!(svg.contains(">14 %</text>") && svg.contains(">445 of 3,185</text>"));
            // One bar (the other row has none), five grid lines.
            assert_eq!(svg.matches("style=\"fill:var(--data-1").count(), 1);
            assert_eq!(svg.matches("style=\"fill:var(--line").count(), 5);
            assert!(!svg.contains('…'));
        }
    }
}
