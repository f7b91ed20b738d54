//! Naming the characters a reader cannot tell apart by looking: the
//! Cyrillic `О` in `ОECD`, a zero-width space at the end of `tw`, a
//! full-width `－` pasted from a Chinese document.
//!
//! Ids are ASCII, so any other character in one is a mistake, and the
//! message has to say which character it is: its code point, its name in
//! the Unicode standard (`unicode_names2`, every code point's official
//! name: people paste anything, from Greek letters to CJK punctuation, and
//! a hand-made table would name only the few it lists), and the ASCII
//! character it looks like, from the confusables data of Unicode's
//! security mechanisms (UTS #39, via `unicode-security`'s skeletons) or
//! its compatibility form (full-width letters and signs).

/// `U+041E CYRILLIC CAPITAL LETTER O, which looks like `O``; with
/// `(invisible)` for characters that show nothing.
pub fn describe(c: char) -> String {
    if c.is_control() {
        // Controls have no name in the standard, only a category.
        return format!("U+{:04X}, a control character", c as u32);
    }
    let n = c as u32;
    let Some(name) = unicode_names2::name(c) else {
        let what = if (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE {
            "a noncharacter"
        } else if matches!(n, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD) {
            "a private-use character"
        } else {
            "a code point with no character yet"
        };
        return format!("U+{n:04X}, {what}");
    };
    let mut s = format!("U+{n:04X} {name}");
    if invisible(c) {
        s.push_str(" (invisible)");
    } else if let Some(like) = looks_like(c) {
        s.push_str(&format!(", which looks like `{like}`"));
    }
    s
}

/// The first character of `s` that is not printable ASCII, with its
/// index in characters.
pub fn first_unusual(s: &str) -> Option<(usize, char)> {
    s.chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_graphic() && *c != ' ')
}

/// What `s` says about its unusual characters: empty when it has none,
/// else a sentence naming each different one (at most three).
pub fn explain_unusual(s: &str) -> Option<String> {
    let mut seen: Vec<char> = Vec::new();
    for c in s.chars().filter(|c| !c.is_ascii_graphic() && *c != ' ') {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    if seen.is_empty() {
        return None;
    }
    let mut named: Vec<String> = seen.iter().take(3).map(|c| describe(*c)).collect();
    if seen.len() > 3 {
        named.push(format!("{} more", seen.len() - 3));
    }
    Some(format!("it contains {}", named.join("; ")))
}

/// `s` with each look-alike character replaced by the ASCII it looks like
/// and invisible ones dropped (`ОECD​` → `OECD`), if that leaves only
/// ASCII and changes something.
pub fn ascii_lookalike(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_graphic() {
            out.push(c);
        } else if invisible(c) {
            continue;
        } else {
            out.push_str(&looks_like(c)?);
        }
    }
    (out != s && !out.is_empty()).then_some(out)
}

/// The ASCII text `c` is confused with, if it looks like one: its UTS #39
/// skeleton (`О` → `O`), or else its compatibility form (NFKC: the
/// full-width `－` → `-`).
fn looks_like(c: char) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let own = c.to_string();
    let ascii = |s: String| (s.is_ascii() && !s.trim().is_empty() && s != own).then_some(s);
    ascii(unicode_security::skeleton(&own).collect()).or_else(|| ascii(own.nfkc().collect()))
}

/// Characters that show nothing, or only a space: a reader cannot see
/// them in an id.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
            | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{E0000}'..='\u{E0FFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_and_invisible_characters_are_named() {
        assert_eq!(
            describe('О'),
            "U+041E CYRILLIC CAPITAL LETTER O, which looks like `O`"
        );
        assert_eq!(describe('\u{200B}'), "U+200B ZERO WIDTH SPACE (invisible)");
        assert_eq!(describe('\u{00A0}'), "U+00A0 NO-BREAK SPACE (invisible)");
        assert_eq!(
            describe('－'),
            "U+FF0D FULLWIDTH HYPHEN-MINUS, which looks like `-`"
        );
        assert_eq!(describe('臺'), "U+81FA CJK UNIFIED IDEOGRAPH-81FA");
        assert_eq!(describe('\u{7}'), "U+0007, a control character");
        assert_eq!(describe('\u{FFFE}'), "U+FFFE, a noncharacter");
        assert_eq!(describe('\u{E000}'), "U+E000, a private-use character");
        assert_eq!(first_unusual("tw\u{200B}"), Some((2, '\u{200B}')));
        assert_eq!(explain_unusual("oecd"), None);
        assert_eq!(ascii_lookalike("ОECD\u{200B}").as_deref(), Some("OECD"));
        assert_eq!(ascii_lookalike("臺灣"), None);
        assert_eq!(
            explain_unusual("ОЕCD").as_deref(),
            Some("it contains U+041E CYRILLIC CAPITAL LETTER O, which looks like `O`; U+0415 CYRILLIC CAPITAL LETTER IE, which looks like `E`")
        );
    }
}
