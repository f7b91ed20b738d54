//! The case fields read through the mapping's value lists: use class,
//! techniques, risk flags by rule, and stage. Every value a list does not
//! hold is reported with its row, column and value.

use super::case::CasePlacer;
use super::note_fallback;
use crate::import::columns::{Columns, Found};
use crate::import::mapping::cases::ClassTarget;
use crate::import::read::Row;
use crate::import::report::{ImportReport, IssueKind};
use crate::import::values::{clean_text, is_missing};
use crate::import::write::OutText;

/// A case's risk flags as its rules set them.
pub(super) struct Flags {
    /// The flags set.
    pub flags: Vec<String>,
    /// (flag, rule) for each flag set.
    pub provenance: Vec<(String, String)>,
    /// The flags no rule could assess: the source gave no answer.
    pub not_assessed: Vec<String>,
}

impl CasePlacer<'_> {
    pub(super) fn use_class(
        &self,
        cols: &Columns,
        row: &Row,
        report: &mut ImportReport,
    ) -> Option<ClassTarget> {
        let u = &self.m.use_class;
        let column = u
            .column
            .as_ref()
            .map(|c| c.column.clone())
            .unwrap_or_else(|| "(none)".into());
        let (items, raw) = match &u.column {
            Some(spec) => {
                let (items, found) = cols.items(row, spec, u.separator.as_deref());
                note_fallback(report, row, spec, "use class", &found);
                (items, cols.raw(row, &spec.column))
            }
            None => (Vec::new(), String::new()),
        };
        if items.is_empty() {
            return match &u.missing {
                Some(t) => {
                    report.issue(
                        IssueKind::Fallback,
                        row,
                        &column,
                        &raw,
                        format!("use class {}", t.class),
                    );
                    Some(t.clone())
                }
                None => {
                    report.issue(
                        IssueKind::Skipped,
                        row,
                        &column,
                        &raw,
                        "no use class: row skipped",
                    );
                    None
                }
            };
        }
        let mut found: Vec<ClassTarget> = Vec::new();
        for item in &items {
            match self.classes.get(item) {
                Some(t) => {
                    if !found.contains(t) {
                        found.push(t.clone());
                    }
                }
                None => {
                    let note = match (&u.unknown, found.is_empty() && items.len() == 1) {
                        (Some(t), _) => format!("use class {} by fallback", t.class),
                        (None, true) => "unknown use class: row skipped".into(),
                        (None, false) => "left out".into(),
                    };
                    report.issue(IssueKind::UnknownValue, row, &column, item, note);
                }
            }
        }
        if found.len() > 1 {
            report.issue(
                IssueKind::Several,
                row,
                &column,
                &items.join("; "),
                format!("several use classes: the first, {}", found[0].class),
            );
        }
        found.into_iter().next().or_else(|| u.unknown.clone())
    }

    pub(super) fn techniques(
        &self,
        cols: &Columns,
        row: &Row,
        report: &mut ImportReport,
    ) -> Vec<String> {
        let mut techs: Vec<String> = Vec::new();
        if let (Some(spec), Some(look)) = (&self.m.techniques, &self.techniques) {
            let (items, found) = cols.items(row, &spec.column, spec.separator.as_deref());
            note_fallback(report, row, &spec.column, "techniques", &found);
            for item in items {
                match look.get(&item) {
                    Some(terms) => {
                        for t in terms {
                            if !techs.contains(t) {
                                techs.push(t.clone());
                            }
                        }
                    }
                    None => report.issue(
                        IssueKind::UnknownValue,
                        row,
                        &spec.column.column,
                        &item,
                        "technique left out",
                    ),
                }
            }
            for rule in &spec.phrases {
                let hit = rule.columns.iter().find_map(|c| {
                    let (text, _) = cols.text(row, c)?;
                    rule.contains.iter().find_map(|p| {
                        find_phrase(&text, p).map(|at| (c, excerpt(&text, at, p.len())))
                    })
                });
                let Some((column, excerpt)) = hit else {
                    continue;
                };
                let mut added = Vec::new();
                for t in &rule.terms {
                    if !techs.contains(t) {
                        techs.push(t.clone());
                        added.push(t.as_str());
                    }
                }
                if !added.is_empty() {
                    let note = format!("technique {}", added.join(", "));
                    report.issue(IssueKind::Phrase, row, &column.column, &excerpt, note);
                }
            }
        }
        techs
    }

    pub(super) fn flags(&self, cols: &Columns, row: &Row, report: &mut ImportReport) -> Flags {
        let mut flags: Vec<String> = Vec::new();
        let mut prov: Vec<(String, String)> = Vec::new();
        // A flag whose rules all met no answer they know (a blank cell, or
        // only values reported as unknown) was not assessed on this case:
        // it is listed as such, not counted as unflagged.
        let mut answered: Vec<&str> = Vec::new();
        for (rule, look) in self.m.flag_rules.iter().zip(&self.rules) {
            let (items, _) = cols.items(row, &rule.column, rule.separator.as_deref());
            let mut hit = false;
            for item in items {
                match look.get(&item) {
                    Some(true) => {
                        hit = true;
                        answered.push(&rule.flag);
                    }
                    Some(false) => answered.push(&rule.flag),
                    None => report.issue(
                        IssueKind::UnknownValue,
                        row,
                        &rule.column.column,
                        &item,
                        format!("rule {} does not know it: no flag from this value", rule.id),
                    ),
                }
            }
            if hit && !flags.contains(&rule.flag) {
                flags.push(rule.flag.clone());
                prov.push((rule.flag.clone(), rule.id.clone()));
            }
        }
        let mut not_assessed: Vec<String> = Vec::new();
        for rule in &self.m.flag_rules {
            if !answered.contains(&rule.flag.as_str()) && !not_assessed.contains(&rule.flag) {
                not_assessed.push(rule.flag.clone());
            }
        }
        Flags {
            flags,
            provenance: prov,
            not_assessed,
        }
    }

    pub(super) fn stage(
        &self,
        cols: &Columns,
        row: &Row,
        lang: &str,
        report: &mut ImportReport,
    ) -> Option<OutText> {
        let (spec, look) = (self.m.fields.stage.as_ref()?, self.stages.as_ref()?);
        let raw = cols.raw(row, &spec.column.column);
        let (value, found) = if is_missing(&raw, cols.missing_of(&spec.column)) {
            let (v, found) = cols.text(row, &spec.column)?;
            (v, found)
        } else {
            (raw, Found::Column)
        };
        note_fallback(report, row, &spec.column, "stage", &found);
        match look.get(&value) {
            Some(t) => Some(t.clone()),
            None => {
                report.issue(
                    IssueKind::UnknownValue,
                    row,
                    &spec.column.column,
                    &value,
                    "stage written as published",
                );
                Some(OutText::one(lang, &clean_text(&value)))
            }
        }
    }
}

/// Where `phrase` occurs in `text` as whole words, ignoring case (ASCII
/// case folding, which keeps byte offsets): "facial recognition" is found in
/// "Facial Recognition Technology", not in "superfacial recognitions".
fn find_phrase(text: &str, phrase: &str) -> Option<usize> {
    let phrase = phrase.trim();
    if phrase.is_empty() {
        return None;
    }
    let hay = text.to_ascii_lowercase();
    let needle = phrase.to_ascii_lowercase();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(&needle).map(|(at, _)| at).find(|&at| {
        !word(hay[..at].chars().next_back()) && !word(hay[at + needle.len()..].chars().next())
    })
}

/// The words around a match, for the report (about 40 characters each side).
fn excerpt(text: &str, at: usize, len: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(39)
        .map_or(0, |(i, _)| i);
    let end = text[at + len..]
        .char_indices()
        .nth(40)
        .map_or(text.len(), |(i, _)| at + len + i);
    let mut s = String::new();
    if start > 0 {
        s.push('…');
    }
    s.push_str(&text[start..end]);
    if end < text.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::{excerpt, find_phrase};

    #[test]
    fn a_phrase_matches_whole_words_in_any_case() {
        assert_eq!(
            find_phrase("Uses Facial Recognition Technology", "facial recognition"),
            Some(5)
        );
        assert_eq!(
            find_phrase("facial-recognition", "facial recognition"),
            None
        );
        assert_eq!(
            find_phrase("superfacial recognitions", "facial recognition"),
            None
        );
        assert_eq!(
            find_phrase("a face matching, then", "Face Matching"),
            Some(2)
        );
        assert_eq!(
            find_phrase("人臉辨識 face matching", "face matching"),
            Some(13)
        );
        assert_eq!(find_phrase("anything", "  "), None);
    }

    #[test]
    fn an_excerpt_keeps_forty_characters_each_side() {
        let text = format!("{}facial recognition{}", "a".repeat(50), "b".repeat(50));
        let e = excerpt(&text, 50, "facial recognition".len());
        assert_eq!(
            e,
            format!("…{}facial recognition{}…", "a".repeat(40), "b".repeat(40))
        );
        assert_eq!(excerpt("face matching", 0, 13), "face matching");
    }
}
