//! What an id may be, and the page name it gets.

/// Ids become file names in `output/`, so they are restricted to characters
/// that are safe in a path segment on every system: ASCII letters, digits,
/// `-`, `_` and `.`, no `..` or leading dot, no Windows device name, and
/// at most 120 characters. A character outside ASCII is named (code point,
/// Unicode name, the ASCII it looks like), since it often cannot be seen.
pub fn check_id_syntax(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("it is empty".into());
    }
    if id.contains(' ') {
        return Err("it contains a space".into());
    }
    if let Some(why) = crate::diagnostics::chars::explain_unusual(id) {
        return Err(why);
    }
    if id.len() > 120 {
        return Err("it is longer than 120 characters".into());
    }
    if id.contains("..") {
        return Err("it contains `..`".into());
    }
    let first = id.chars().next().unwrap_or(' ');
    if !first.is_ascii_alphanumeric() {
        return Err("it must start with a letter or digit".into());
    }
    if id.chars().any(|c| c == '/' || c == '\\') {
        return Err("it contains a path separator".into());
    }
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err("it contains a character other than letters, digits, `-`, `_` and `.`".into());
    }
    if is_windows_device(id) {
        return Err("Windows reserves it for a device (CON, PRN, AUX, NUL, COM0-COM9, LPT0-LPT9, with or without an extension), so its page could not be written or checked out there".into());
    }
    Ok(())
}

/// An id as a message shows it, in backticks: characters that do not
/// print (controls, invisible ones) as their code point, `tw<U+200B>`.
pub fn shown(id: &str) -> String {
    let mut s = String::from("`");
    for c in id.chars() {
        if c.is_control()
            || (!c.is_ascii()
                && (c.is_whitespace()
                    || crate::diagnostics::chars::describe(c).ends_with("(invisible)")))
        {
            s.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            s.push(c);
        }
    }
    s.push('`');
    s
}

/// A name Windows keeps for a device, in any case and with any extension
/// (`con`, `NUL.txt`, `com1.x`): no file can have it.
pub(super) fn is_windows_device(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_uppercase();
    match stem.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        _ => {
            let (head, tail) = stem.split_at(stem.len().min(3));
            matches!(head, "COM" | "LPT") && tail.len() == 1 && tail.as_bytes()[0].is_ascii_digit()
        }
    }
}

/// The page name of an id. Lower-cased so that two ids differing only in
/// case cannot overwrite each other on a case-insensitive file system.
pub fn slug(id: &str) -> String {
    id.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_path_tricks() {
        for bad in [
            "../etc", "a/b", "/abs", ".hidden", "a\u{7}b", "", "a b", "a\\b",
        ] {
            assert!(check_id_syntax(bad).is_err(), "{bad:?} accepted");
        }
        for device in ["con", "NUL", "aux.x", "Com1", "lpt9.html", "prn"] {
            assert!(check_id_syntax(device).is_err(), "{device:?} accepted");
        }
        for good in [
            "tw",
            "tw-ai-basic-act",
            "us_2025.001",
            "EO-14110",
            "console",
            "com10",
            "lpt",
            "nul-1",
        ] {
            assert!(check_id_syntax(good).is_ok(), "{good:?} rejected");
        }
    }
}
