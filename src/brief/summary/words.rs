//! The wording every summary uses: lists (`A, B and C` / `A、B與C`),
//! numbers grouped by thousands, quoted and mid-sentence labels, plurals,
//! and sentences joined as each language joins them.

use crate::brief::strings::is_zh;

/// `A, B and C` / `A、B與C`.
pub fn list(lang: &str, items: &[String]) -> String {
    let (sep, last) = if is_zh(lang) {
        ("、", "與")
    } else {
        (", ", " and ")
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., tail] => format!("{}{last}{tail}", init.join(sep)),
    }
}

/// Digits grouped by thousands (`3611` → `3,611`); anything that is not
/// a plain number (`11/12`, `45%`) is left as it is.
pub fn grouped(s: &str) -> String {
    match s.parse::<usize>() {
        // (One grouping for the site and the briefings: figures::num.)
        Ok(n) if s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0') => {
            crate::render::figures::num(n)
        }
        _ => s.to_string(),
    }
}

pub(super) fn num(v: usize) -> String {
    grouped(&v.to_string())
}

pub(super) fn quoted(lang: &str, s: &str) -> String {
    if is_zh(lang) {
        format!("「{s}」")
    } else {
        s.to_string()
    }
}

/// Lower-cases a label's first letter for use mid-sentence, unless the
/// label starts with an acronym (`AI Act`, `OECD principles`).
pub(super) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(s[a.len_utf8()..].chars()).collect()
        }
        _ => s.to_string(),
    }
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        grouped(&n.to_string()),
        if n == 1 { one } else { many }
    )
}

pub(super) fn join(lang: &str, parts: Vec<String>) -> String {
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    parts.join(if is_zh(lang) { "" } else { " " })
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(grouped("3611"), "3,611");
        assert_eq!(grouped("1234567"), "1,234,567");
        assert_eq!(grouped("611"), "611");
        assert_eq!(grouped("11/12"), "11/12");
    }

    #[test]
    fn lists_read_naturally() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(list("en", &v(&["A", "B", "C"])), "A, B and C");
        assert_eq!(list("zh-TW", &v(&["甲", "乙", "丙"])), "甲、乙與丙");
        assert_eq!(list("en", &v(&["A"])), "A");
    }
}
