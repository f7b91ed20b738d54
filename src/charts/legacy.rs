//! The briefings' bar chart of flag counts (one bar per `(label, value)`,
//! the value at the bar's end), drawn at one width for print. Pages use
//! [`super::ShareBars`]; this keeps the briefings' shape while they move.

use super::paint::Paint;
use super::text::{width, wrap};
use super::{accessible, canvas, Align, FONT, LINE};

/// A horizontal bar chart. `id` must be unique on the page (it names the
/// title). Long labels wrap onto more lines; none is cut.
pub fn bar_chart(id: &str, title: &str, desc: &str, bars: &[(String, u64)]) -> String {
    let w = 640.0;
    let label_w = bars
        .iter()
        .map(|(l, _)| width(l, FONT))
        .fold(60.0, f64::max)
        .min(240.0);
    let laid: Vec<Vec<String>> = bars.iter().map(|(l, _)| wrap(l, label_w, FONT)).collect();
    let heights: Vec<f64> = laid
        .iter()
        .map(|l| (l.len() as f64 * LINE).max(20.0) + 6.0)
        .collect();
    let height = heights.iter().sum::<f64>() + 16.0;
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1) as f64;
    let x0 = label_w + 14.0;
    let bar_space = w - x0 - 60.0;
    let svg = canvas(w as u32, height.ceil() as u32, |pen| {
        let mut y = 8.0;
        for (((_, value), lines), h) in bars.iter().zip(&laid).zip(&heights) {
            let mid = y + h / 2.0;
            let top = mid - (lines.len() as f64 - 1.0) * LINE / 2.0;
            pen.lines(lines, x0 - 8.0, top, Align::End, Paint::Ink, false);
            let bw = (*value as f64 / max) * bar_space;
            if bw > 0.0 {
                pen.rect(x0, mid - 8.0, x0 + bw.max(1.0), mid + 8.0, Paint::Series);
            }
            pen.text(
                &value.to_string(),
                x0 + bw + 6.0,
                mid,
                Align::Start,
                Paint::Ink,
                false,
            );
            y += h;
        }
    });
    accessible(svg, id, title, desc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_chart_is_accessible_escaped_and_deterministic() {
        let bars = [("資料<治理>".to_string(), 9), ("ethics".to_string(), 3)];
        let svg = bar_chart("c1", "Flags <b>", "desc", &bars);
        assert!(svg.contains("<title id=\"c1-title\">Flags &lt;b&gt;</title>"));
        assert!(svg.contains("資料&lt;治理&gt;"));
        assert!(!svg.contains("<b>"));
        assert_eq!(svg.matches("<rect").count(), 2);
        assert_eq!(svg, bar_chart("c1", "Flags <b>", "desc", &bars));
    }
}
