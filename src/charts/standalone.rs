//! A chart as a file of its own (the SVG download): the widest layout with
//! its title, what it counts and its source drawn above and below it, as a
//! figure in a paper needs them.

use super::paint::Paint;
use super::text::wrap;
use super::{canvas, esc, Align, FONT, LINE};

/// The download of a chart: `chart` (one layout's SVG, `width` wide) under
/// `title` and `subtitle`, over `notes` (population, method, source).
pub fn standalone(
    chart: &str,
    width: u32,
    title: &str,
    subtitle: &str,
    notes: &[String],
) -> String {
    let max = width as f64 - 8.0;
    let title_lines = wrap(title, max / 1.25, FONT);
    let sub_lines = wrap(subtitle, max, FONT);
    let note_lines: Vec<String> = notes.iter().flat_map(|n| wrap(n, max, FONT)).collect();
    let head_h =
        (title_lines.len() as f64 * LINE * 1.25 + sub_lines.len() as f64 * LINE + 14.0).ceil();
    let head = canvas(width, head_h as u32, |pen| {
        // The title is bold at the chart's size: plotters writes one size
        // per canvas, and the title's weight sets it apart.
        pen.lines(
            &title_lines,
            4.0,
            4.0 + LINE / 2.0,
            Align::Start,
            Paint::Ink,
            true,
        );
        let top = 4.0 + title_lines.len() as f64 * LINE * 1.25 + LINE / 2.0;
        pen.lines(&sub_lines, 4.0, top, Align::Start, Paint::Muted, false);
    });
    let foot_h = (note_lines.len() as f64 * LINE + 12.0).ceil();
    let foot = canvas(width, foot_h as u32, |pen| {
        pen.lines(
            &note_lines,
            4.0,
            6.0 + LINE / 2.0,
            Align::Start,
            Paint::Muted,
            false,
        );
    });
    let chart_h = dimension(chart, "height").unwrap_or(0.0);
    let total = head_h + chart_h + foot_h;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\" role=\"img\" aria-label=\"{}\" font-family=\"sans-serif\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{}{}{}</svg>\n",
        esc(title),
        nest(&head, 0.0),
        nest(chart, head_h),
        nest(&foot, head_h + chart_h),
    )
}

/// The `width` or `height` attribute of an SVG's root element.
fn dimension(svg: &str, attr: &str) -> Option<f64> {
    let open = &svg[..svg.find('>')?];
    let at = open.find(&format!(" {attr}=\""))? + attr.len() + 3;
    open[at..].split('"').next()?.parse().ok()
}

/// Places an SVG at `y` inside another.
fn nest(svg: &str, y: f64) -> String {
    let body = svg.trim().strip_prefix("<svg").unwrap_or(svg);
    format!("<svg x=\"0\" y=\"{y}\"{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_download_stacks_title_chart_and_notes() {
        let chart = "<svg width=\"800\" height=\"100\" viewBox=\"0 0 800 100\" xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>";
        let svg = standalone(
            chart,
            800,
            "Risk flags",
            "3,611 cases",
            &["Source: OMB".into()],
        );
        assert!(svg.starts_with("<svg xmlns"));
        assert!(svg.contains(">Risk flags</text>") && svg.contains(">Source: OMB</text>"));
        assert_eq!(svg.matches("<svg").count(), 4);
    }
}
