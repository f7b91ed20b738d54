//! Re-loading one edited inventory file cheaply, for `serve`: an inventory
//! of 500 cases is ~700 KB of YAML and takes ~25 ms to parse whole, half the
//! time an edit may take to reach the browser. Instead the old and new text
//! are cut into the items of their `cases:` list, and only the items whose
//! text differs are parsed, each with its own line numbers.
//!
//! Anything else (a change above or below the list, a case added, removed
//! or renamed, a list in flow style) is reported as "not a case edit", and
//! the caller falls back to a full rebuild, which is always correct.

use super::yaml;
use crate::diagnostics::{Diagnostic, FileId};
use crate::schema::{Case, Inventory, Spanned};

/// The cases of an inventory file that an edit changed.
#[derive(Debug, Default)]
pub struct CaseEdit {
    /// (index in the inventory, the case as now written), by index.
    pub changed: Vec<(usize, Case)>,
    /// Language keys of the bilingual texts in the changed cases.
    pub language_keys: Vec<Spanned<String>>,
}

/// Byte ranges of a `cases:` block list: the text before its first item,
/// each item's text, and the text after its last item.
struct Items {
    starts: Vec<usize>,
    end: usize,
}

/// Finds the items of the top-level `cases:` block list in `text`, or None
/// when the list is not written as a block of `- ` items.
fn items(text: &str) -> Option<Items> {
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n').map(|l| {
        let at = offset;
        offset += l.len();
        (at, l)
    });
    // The `cases:` key, alone on its line at the top level.
    lines.find(|(_, l)| {
        let l = l.trim_end();
        l == "cases:"
            || l.strip_prefix("cases:")
                .is_some_and(|r| r.trim_start().starts_with('#'))
    })?;
    let mut indent = None;
    let mut starts = Vec::new();
    let mut end = text.len();
    for (at, l) in lines {
        let body = l.trim_start_matches(' ');
        let content = body.trim_end();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let this = l.len() - body.len();
        let is_item = content == "-" || body.starts_with("- ");
        match indent {
            None if is_item => {
                indent = Some(this);
                starts.push(at);
            }
            None => return None,
            Some(d) if this == d && is_item => starts.push(at),
            Some(d) if this > d => {}
            Some(_) => {
                end = at;
                break;
            }
        }
    }
    (!starts.is_empty()).then_some(Items { starts, end })
}

impl Items {
    fn item<'t>(&self, text: &'t str, k: usize) -> &'t str {
        let to = self.starts.get(k + 1).copied().unwrap_or(self.end);
        &text[self.starts[k]..to]
    }
}

/// The cases of `old` (parsed from `old_text`) that `new_text` changes.
///
/// `Ok(None)`: the edit is not confined to existing cases that keep their
/// ids (or the list is not in block style); load the whole site instead.
/// `Err`: a changed case does not parse, with its position in the file.
pub fn edited_cases(
    file: FileId,
    old_text: &str,
    new_text: &str,
    old: &Inventory,
) -> Result<Option<CaseEdit>, Box<Diagnostic>> {
    let (Some(a), Some(b)) = (items(old_text), items(new_text)) else {
        return Ok(None);
    };
    let n = old.cases.len();
    if a.starts.len() != n
        || b.starts.len() != n
        || old_text[..a.starts[0]] != new_text[..b.starts[0]]
        || old_text[a.end..] != new_text[b.end..]
    {
        return Ok(None);
    }
    let mut edit = CaseEdit {
        changed: Vec::new(),
        language_keys: Vec::new(),
    };
    for k in 0..n {
        let item = b.item(new_text, k);
        if a.item(old_text, k) == item {
            continue;
        }
        // The item alone, after as many empty lines as precede it, parses
        // as a one-item list whose positions are those in the file.
        let line = new_text[..b.starts[k]].matches('\n').count();
        let mut snippet = "\n".repeat(line);
        snippet.push_str(item);
        let (parsed, keys) =
            crate::schema::collect_language_keys(|| yaml::parse::<Vec<Case>>(file, &snippet, 0));
        let mut cases = parsed?;
        if cases.len() != 1 || cases[0].id.value != old.cases[k].id.value {
            return Ok(None);
        }
        edit.changed.push((k, cases.pop().expect("one case")));
        edit.language_keys.extend(keys);
    }
    Ok(Some(edit))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "id: inv\njurisdiction: tw\ntitle: {en: T}\npublisher: {en: P}\ncases:\n  - id: a\n    name: {en: A}\n    agency: {en: X}\n    use_class: c\n\n  # a comment\n  - id: b\n    name: {en: B}\n    agency: {en: X}\n    use_class: c\n    techniques:\n      - t\n";

    fn inventory(text: &str) -> Inventory {
        yaml::parse(FileId(0), text, 0).unwrap()
    }

    #[test]
    fn only_the_edited_case_is_parsed_with_its_own_lines() {
        let new = OLD.replace("name: {en: B}", "name:\n      en: B2\n      zh-TW: 乙");
        let edit = edited_cases(FileId(0), OLD, &new, &inventory(OLD))
            .unwrap()
            .unwrap();
        assert_eq!(edit.changed.len(), 1);
        let (k, case) = &edit.changed[0];
        assert_eq!(*k, 1);
        assert_eq!(case.name.get("en"), Some("B2"));
        // The lines and columns a whole-file parse gives (byte offsets
        // differ, and nothing reads them).
        let whole = inventory(&new);
        let at = |s: &Spanned<String>| (s.referenced.line(), s.referenced.column());
        assert_eq!(at(&case.id), at(&whole.cases[1].id));
        assert_eq!(at(&case.use_class), at(&whole.cases[1].use_class));
        assert_eq!(at(&case.techniques[0]), (19, 9));
        assert_eq!(edit.language_keys.len(), 3);
    }

    #[test]
    fn anything_but_an_in_place_case_edit_is_left_to_a_full_load() {
        let old = inventory(OLD);
        for new in [
            OLD.replace("title: {en: T}", "title: {en: U}"),
            OLD.replace("id: b", "id: c"),
            OLD.replace(
                "  - id: b",
                "  - id: b0\n    name: {en: N}\n    agency: {en: X}\n    use_class: c\n  - id: b",
            ),
            format!("{OLD}sources: [s]\n"),
        ] {
            assert!(
                edited_cases(FileId(0), OLD, &new, &old).unwrap().is_none(),
                "{new}"
            );
        }
        let same = edited_cases(FileId(0), OLD, OLD, &old).unwrap().unwrap();
        assert!(same.changed.is_empty());
    }

    #[test]
    fn a_broken_case_is_an_error_at_its_line() {
        let new = OLD.replace(
            "use_class: c\n    techniques",
            "use_clas: c\n    techniques",
        );
        let err = edited_cases(FileId(0), OLD, &new, &inventory(OLD)).unwrap_err();
        assert_eq!(err.line, 15);
        assert!(err.message.contains("use_clas"), "{}", err.message);
    }
}
