//! "Did you mean …?" suggestions.

/// The candidate closest to `wrong`, if one is close enough to be a likely
/// typo (case and `-`/`_` differences count as close).
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let norm = |s: &str| s.to_lowercase().replace(['-', ' ', '.'], "_");
    let w = norm(wrong);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = if norm(c) == w {
            0
        } else {
            strsim::damerau_levenshtein(&w, &norm(c))
        };
        let limit = (wrong.chars().count() / 3).clamp(1, 4);
        if d <= limit && best.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc)) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let flags = ["personal_data", "ethics", "human_rights"];
        assert_eq!(
            did_you_mean("personal-data", flags).as_deref(),
            Some("personal_data")
        );
        assert_eq!(did_you_mean("ethic", flags).as_deref(), Some("ethics"));
        assert_eq!(did_you_mean("budget", flags), None);
    }
}
