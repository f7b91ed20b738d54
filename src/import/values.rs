//! What a cell means: the normalisation that makes `N/A`, blanks and
//! `" Yes "` mean what they mean, bracketed lists split into items, and
//! lookups of published spellings.

use std::collections::HashMap;

/// The key a value is matched by: surrounding whitespace trimmed, inner runs
/// of whitespace (line breaks included) collapsed to one space, lowercased.
pub fn match_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Text as written to the site: line endings unified, surrounding whitespace
/// trimmed, inner runs of spaces and line breaks collapsed to one space.
pub fn clean_text(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Default values that mean "missing" besides blank.
pub const DEFAULT_MISSING: &[&str] = &["N/A", "NA", "n.a.", "null", "-", "#N/A"];

/// True when `s` means "missing" (blank or one of `missing`).
pub fn is_missing(s: &str, missing: &[String]) -> bool {
    let k = match_key(s);
    k.is_empty() || missing.iter().any(|m| match_key(m) == k)
}

/// Splits a cell into its items. A bracketed list (`['a', 'b']`, `["a"]`,
/// `[]`) is parsed as a Python/JSON list of quoted strings; otherwise the
/// cell is split on `separator` when one is given. Items that are blank or
/// mean missing are dropped.
pub fn split_items(s: &str, separator: Option<&str>, missing: &[String]) -> Vec<String> {
    let t = s.trim();
    let items = if t.starts_with('[') && t.ends_with(']') {
        parse_bracket_list(t).unwrap_or_else(|| vec![t.to_string()])
    } else if let Some(sep) = separator.filter(|s| !s.is_empty()) {
        t.split(sep).map(|x| x.to_string()).collect()
    } else {
        vec![t.to_string()]
    };
    items
        .into_iter()
        .map(|x| clean_text(&x))
        .filter(|x| !is_missing(x, missing))
        .collect()
}

/// Parses `['a', "b", 'c\'d']`; None when it is not such a list.
fn parse_bracket_list(t: &str) -> Option<Vec<String>> {
    let inner = &t[1..t.len() - 1];
    let mut out = Vec::new();
    let mut chars = inner.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let q = match chars.next() {
            None => break,
            Some(q @ ('\'' | '"')) => q,
            Some(_) => return None,
        };
        let mut item = String::new();
        loop {
            match chars.next()? {
                '\\' => match chars.next()? {
                    'n' => item.push('\n'),
                    't' => item.push('\t'),
                    'r' => item.push('\r'),
                    c => item.push(c),
                },
                c if c == q => break,
                c => item.push(c),
            }
        }
        out.push(item);
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        match chars.next() {
            None => break,
            Some(',') => continue,
            Some(_) => return None,
        }
    }
    Some(out)
}

/// Lowercase ASCII slug: letters and digits, other runs become one `-`.
/// Other scripts are transliterated first (`Künstliche` → `kunstliche`,
/// `République` → `republique`, `智慧` → `zhi-hui`).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let ascii = deunicode::deunicode(s);
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The first `max` characters of a slug, without a trailing `-`.
pub fn truncate_slug(s: &str, max: usize) -> String {
    let mut t: String = s.chars().take(max).collect();
    while t.ends_with('-') {
        t.pop();
    }
    t
}

/// Percent-encodes everything but unreserved characters (a URL component).
pub fn url_encode(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            o.push(b as char);
        } else {
            o.push_str(&format!("%{b:02X}"));
        }
    }
    o
}

/// Looks up values by their match key; a spelling listed twice is an error.
pub struct Lookup<T> {
    map: HashMap<String, T>,
}

impl<T: Clone> Lookup<T> {
    /// Builds from (spellings, value) pairs.
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a [String], T)>) -> Result<Self, String> {
        let mut map = HashMap::new();
        for (keys, v) in entries {
            for k in keys {
                if map.insert(match_key(k), v.clone()).is_some() {
                    return Err(format!("value {k:?} is listed twice"));
                }
            }
        }
        Ok(Lookup { map })
    }

    /// The value a spelling means.
    pub fn get(&self, s: &str) -> Option<&T> {
        self.map.get(&match_key(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists() {
        let m: Vec<String> = vec![];
        assert_eq!(
            split_items("['a) Sex', 'c) Age']", None, &m),
            vec!["a) Sex", "c) Age"]
        );
        assert_eq!(split_items("[\"x, y\"]", Some(","), &m), vec!["x, y"]);
        assert!(split_items("[]", None, &m).is_empty());
        assert_eq!(split_items("['it\\'s \\nok']", None, &m), vec!["it's ok"]);
        assert_eq!(split_items("ML, NLP ,", Some(","), &m), vec!["ML", "NLP"]);
    }

    #[test]
    fn keys() {
        assert_eq!(match_key("  Yes \n"), "yes");
        assert_eq!(match_key("Admin   Functions"), "admin functions");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("DHS-2705"), "dhs-2705");
        assert_eq!(slug("  Ärzte & co. "), "arzte-co");
        assert_eq!(slug("Künstliche Intelligenz"), "kunstliche-intelligenz");
        assert_eq!(slug("智慧"), "zhi-hui");
        assert_eq!(truncate_slug("abc-def-ghi", 4), "abc");
    }
}
