//! Colours of chart marks and text, as the theme's design tokens.
//!
//! plotters writes colours as `fill="#RRGGBB"`. Charts draw with a
//! stand-in colour per token, and [`tokenise`] rewrites each into
//! `fill="#fallback" style="fill:var(--token,#fallback)"`: on a page the
//! theme's tokens (style.css) colour the chart, and a downloaded SVG, where
//! no token is defined, keeps the fallback.

use plotters::style::RGBColor;

/// A colour of the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Text.
    Ink,
    /// Secondary text (notes, axis labels, "not assessed").
    Muted,
    /// Grid lines and cell borders.
    Line,
    /// The one series colour (bars).
    Series,
    /// Step `k` (0–5) of the sequential scale, light to dark.
    Seq(u8),
    /// The fill of "not assessed".
    NotAssessed,
    /// Text on the darkest steps.
    OnDark,
    /// The background.
    Background,
}

impl Paint {
    /// Token name and fallback colour.
    fn token(self) -> (&'static str, &'static str) {
        match self {
            Paint::Ink => ("--ink", "#1b1f24"),
            Paint::Muted => ("--ink-muted", "#595f66"),
            Paint::Line => ("--line", "#d0d7de"),
            Paint::Series => ("--data-1", "#1f5f99"),
            Paint::Seq(0) => ("--seq-0", "#f1f6fb"),
            Paint::Seq(1) => ("--seq-1", "#cfe1f2"),
            Paint::Seq(2) => ("--seq-2", "#9ec4e6"),
            Paint::Seq(3) => ("--seq-3", "#5c9bd1"),
            Paint::Seq(4) => ("--seq-4", "#2b6cb0"),
            Paint::Seq(_) => ("--seq-5", "#123f6b"),
            Paint::NotAssessed => ("--data-na", "#e9ecef"),
            Paint::OnDark => ("--bg", "#ffffff"),
            Paint::Background => ("--bg", "#ffffff"),
        }
    }

    fn index(self) -> u8 {
        match self {
            Paint::Ink => 0,
            Paint::Muted => 1,
            Paint::Line => 2,
            Paint::Series => 3,
            Paint::Seq(k) => 4 + k.min(5),
            Paint::NotAssessed => 10,
            Paint::OnDark => 11,
            Paint::Background => 12,
        }
    }

    const ALL: [Paint; 13] = [
        Paint::Ink,
        Paint::Muted,
        Paint::Line,
        Paint::Series,
        Paint::Seq(0),
        Paint::Seq(1),
        Paint::Seq(2),
        Paint::Seq(3),
        Paint::Seq(4),
        Paint::Seq(5),
        Paint::NotAssessed,
        Paint::OnDark,
        Paint::Background,
    ];

    /// The stand-in colour plotters draws with.
    pub fn stand_in(self) -> RGBColor {
        RGBColor(0x01, 0x0e, 0xa0 + self.index())
    }

    /// The step of the sequential scale for a share (0.0–1.0): exactly 0
    /// is step 0; then one step per fifth, the last closed at 100 %.
    pub fn for_share(fraction: f64) -> Paint {
        if fraction <= 0.0 {
            return Paint::Seq(0);
        }
        Paint::Seq(1 + ((fraction * 5.0).floor() as u8).min(4))
    }

    /// Text that reads on this fill.
    pub fn text_on(self) -> Paint {
        match self {
            Paint::Seq(4) | Paint::Seq(5) | Paint::Series => Paint::OnDark,
            _ => Paint::Ink,
        }
    }
}

/// Rewrites the stand-in colours of an SVG into theme tokens with fallbacks.
/// `svg` without the theme tokens [`tokenise`] adds: each paint is its
/// fallback colour alone, for renderers without CSS variables (resvg, for
/// the briefings' PNG copies, reads `style` over `fill` and cannot resolve
/// `var()`).
pub fn untokenise(svg: &str) -> String {
    let mut out = svg.to_string();
    for p in Paint::ALL {
        let (token, fallback) = p.token();
        out = out.replace(&format!(" style=\"fill:var({token},{fallback})\""), "");
    }
    out
}

pub fn tokenise(svg: &str) -> String {
    let mut out = svg.to_string();
    for p in Paint::ALL {
        let c = p.stand_in();
        let stand_in = format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
        let (token, fallback) = p.token();
        out = out.replace(
            &stand_in,
            &format!("fill=\"{fallback}\" style=\"fill:var({token},{fallback})\""),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_take_one_step_per_fifth() {
        assert_eq!(Paint::for_share(0.0), Paint::Seq(0));
        assert_eq!(Paint::for_share(0.003), Paint::Seq(1));
        assert_eq!(Paint::for_share(0.2), Paint::Seq(2));
        assert_eq!(Paint::for_share(0.79), Paint::Seq(4));
        assert_eq!(Paint::for_share(0.8), Paint::Seq(5));
        assert_eq!(Paint::for_share(1.0), Paint::Seq(5));
    }

    #[test]
    fn stand_ins_become_tokens() {
        let c = Paint::Seq(3).stand_in();
        let svg = format!("<rect fill=\"#{:02X}{:02X}{:02X}\"/>", c.0, c.1, c.2);
        assert_eq!(
            tokenise(&svg),
            "<rect fill=\"#5c9bd1\" style=\"fill:var(--seq-3,#5c9bd1)\"/>"
        );
    }
}
