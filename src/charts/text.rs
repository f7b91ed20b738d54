//! How wide text will be, and where to break it into lines, without
//! reading any font: charts are laid out at build time, and the reader's
//! browser draws the text with its own fonts.
//!
//! Widths are those of DejaVu Sans (one of the widest common sans-serif
//! fonts, and Chromium's default on Linux) plus a small margin, so an
//! estimate errs wide: a label may get an extra line, never run over.
//! CJK characters are one em.

/// Width of `s` in pixels at font size `px`.
pub fn width(s: &str, px: f64) -> f64 {
    s.chars().map(advance).sum::<f64>() * px * 1.03
}

/// Width of `s` in bold.
pub fn width_bold(s: &str, px: f64) -> f64 {
    width(s, px) * 1.1
}

/// Advance of one character in em.
fn advance(c: char) -> f64 {
    if is_wide(c) {
        return 1.0;
    }
    match c {
        ' ' | '\u{a0}' | ',' | '.' | ':' | ';' | '!' | '|' => 0.32,
        '\u{202f}' => 0.2,
        'i' | 'j' | 'l' | '\'' => 0.28,
        'f' | 't' | 'I' | '(' | ')' | '[' | ']' | '-' | '/' => 0.4,
        'r' => 0.42,
        'm' => 0.98,
        'w' => 0.82,
        'W' => 0.99,
        'M' => 0.87,
        '%' => 0.95,
        '<' | '>' | '=' | '+' | '×' => 0.84,
        '–' | '—' => 0.5,
        '0'..='9' => 0.64,
        'A'..='Z' => 0.78,
        'a'..='z' => 0.64,
        _ => 0.7,
    }
}

/// Whether `c` is set one em wide (CJK ideographs, kana, Hangul, and
/// full-width forms and punctuation).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Closing punctuation a line may not start with (clreq's line-start
/// prohibition, and the Latin ones).
fn no_break_before(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '％'
            | ')'
            | ','
            | '.'
            | ';'
            | ':'
            | '%'
    )
}

/// Splits `s` into pieces a line may break after: Latin words with their
/// trailing space (a word also breaks after a hyphen), and single CJK
/// characters with any closing punctuation that follows.
fn pieces(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        cur.push(c);
        let end = match next {
            None => true,
            Some(n) if no_break_before(n) => false,
            Some(n) => c == ' ' || is_wide(c) || is_wide(n) || (c == '-' && n != ' '),
        };
        if end {
            out.push(std::mem::take(&mut cur));
        }
    }
    out
}

/// Breaks `s` into lines no wider than `max_px` at font size `px`. A
/// single word wider than the line is broken between characters: the
/// text is always shown whole, never cut.
pub fn wrap(s: &str, max_px: f64, px: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces(s.trim()) {
        let candidate = format!("{line}{piece}");
        if width(candidate.trim_end(), px) <= max_px || line.is_empty() {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_string());
            line = piece;
        }
        // A piece wider than a whole line is broken between characters.
        while width(line.trim_end(), px) > max_px && line.chars().count() > 1 {
            let mut head = String::new();
            let mut rest = line.chars().peekable();
            while let Some(&c) = rest.peek() {
                if !head.is_empty() && width(&format!("{head}{c}"), px) > max_px {
                    break;
                }
                head.push(c);
                rest.next();
            }
            lines.push(head);
            line = rest.collect();
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// The widest word of `s` (what a column must hold to wrap it between
/// words only).
pub fn widest_word(s: &str, px: f64) -> f64 {
    pieces(s)
        .iter()
        .map(|p| width(p.trim_end(), px))
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_one_em() {
        assert!((width("資料治理", 10.0) - 41.2).abs() < 0.01);
    }

    #[test]
    fn lines_break_between_words_and_keep_every_character() {
        let lines = wrap("Automated-decision risk", 100.0, 13.0);
        assert_eq!(lines, ["Automated-", "decision risk"]);
        for max in [40.0, 70.0, 120.0, 400.0] {
            let lines = wrap("Human-rights protection and more", max, 13.0);
            assert_eq!(
                lines.concat().replace(' ', ""),
                "Human-rightsprotectionandmore"
            );
            assert!(lines
                .iter()
                .all(|l| width(l, 13.0) <= max || l.chars().count() == 1));
        }
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation() {
        let lines = wrap("模型可解釋性（試辦）。", 70.0, 13.0);
        assert!(lines
            .iter()
            .all(|l| !l.starts_with('）') && !l.starts_with('。')));
        assert_eq!(lines.concat(), "模型可解釋性（試辦）。");
    }
}
