//! Checks of a mapping that need no data: texts in both languages, rule and
//! method ids, id settings; and, against `content/vocabularies/`, every term
//! the mapping writes, so a misspelt term names the mapping line rather than
//! thousands of records.

use super::cases::{CaseMapping, ClassTarget};
use super::frameworks::FrameworkMapping;
use super::{IdSpec, LangText, MappingFile};
use crate::import::values::match_key;
use crate::schema::{VocabularyFile, VocabularyKind};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Checks what a mapping says on its own.
pub fn check(m: &MappingFile) -> Result<(), String> {
    match m {
        MappingFile::Cases(m) => check_cases(m),
        MappingFile::Frameworks(m) => check_frameworks(m),
    }
}

fn both(what: &str, t: &LangText) -> Result<(), String> {
    for l in ["zh-TW", "en"] {
        if t.get(l).is_none_or(|v| v.trim().is_empty()) {
            return Err(format!(
                "{what} has no {l} text (both zh-TW and en are required)"
            ));
        }
    }
    Ok(())
}

fn check_id(at: &str, id: &IdSpec) -> Result<(), String> {
    if !id
        .prefix
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        || id.prefix.starts_with(['-', '_', '.'])
    {
        return Err(format!(
            "{at}.prefix {:?}: ids are letters, digits, `-`, `_` and `.`, starting with a letter or digit",
            id.prefix
        ));
    }
    if id.column.is_some() && id.template.is_some() {
        return Err(format!(
            "{at}: give either column (the publisher's id) or template (an id built from columns), not both"
        ));
    }
    if id.column.is_none() && id.template.is_none() && id.fallback_columns.is_empty() {
        return Err(format!(
            "{at}: give column (the publisher's id), template (an id built from columns, e.g. \"{{agency}}-{{name:40}}\") or fallback_columns (hashed into an id)"
        ));
    }
    Ok(())
}

fn check_cases(m: &CaseMapping) -> Result<(), String> {
    both("inventory.title", &m.inventory.title)?;
    both("inventory.publisher", &m.inventory.publisher)?;
    if let Some(d) = &m.inventory.description {
        both("inventory.description", d)?;
    }
    check_id("case_id", &m.case_id)?;
    let mut ids = Vec::new();
    for (i, r) in m.flag_rules.iter().enumerate() {
        both(&format!("flag_rules[{i}].label"), &r.label)?;
        both(&format!("flag_rules[{i}].description"), &r.description)?;
        ids.push(r.id.clone());
        for v in &r.flag_when {
            if r.no_flag_when.iter().any(|n| match_key(n) == match_key(v)) {
                return Err(format!(
                    "flag_rules[{i}]: {v:?} is in both flag_when and no_flag_when"
                ));
            }
        }
    }
    for (i, f) in m.flag_methods.iter().enumerate() {
        both(&format!("flag_methods[{i}].label"), &f.label)?;
        both(&format!("flag_methods[{i}].description"), &f.description)?;
        ids.push(f.id.clone());
    }
    let mut seen = HashSet::new();
    for id in &ids {
        if !seen.insert(id) {
            return Err(format!("flag method id {id:?} is used twice"));
        }
    }
    if let Some(d) = &m.inventory.default_flag_method {
        if !ids.contains(d) {
            return Err(format!(
                "inventory.default_flag_method {d:?} is no rule or flag method id"
            ));
        }
    }
    if let Some(t) = &m.fields.name_missing {
        both("fields.name_missing", t)?;
    }
    if let Some(s) = &m.fields.stage {
        for (i, v) in s.values.iter().enumerate() {
            both(&format!("fields.stage.values[{i}].label"), &v.label)?;
        }
    }
    if let Some(a) = &m.fields.agency_labels {
        for (i, v) in a.iter().enumerate() {
            both(&format!("fields.agency_labels[{i}].label"), &v.label)?;
        }
    }
    Ok(())
}

fn check_frameworks(m: &FrameworkMapping) -> Result<(), String> {
    check_id("id", &m.id)?;
    if let Some(folder) = &m.frameworks.folder {
        if crate::validate::check_id_syntax(folder).is_err() {
            return Err(format!(
                "frameworks.folder {folder:?}: a folder name of letters, digits, `-`, `_` and `.`"
            ));
        }
    }
    for (i, e) in m.fields.status_history.iter().enumerate() {
        if e.status.is_some() == e.column.is_some() {
            return Err(format!(
                "fields.status_history[{i}]: give either status (a fixed status) or column (the status from a column)"
            ));
        }
    }
    let b = &m.fields.binding;
    if b.column.is_none() && b.missing.is_none() {
        return Err("fields.binding: give column (with yes and no) or missing (true or false for every record)".into());
    }
    Ok(())
}

/// The vocabulary terms of a site, read from `content/vocabularies/` (a
/// vocabulary may span several files; a file that does not parse is left to
/// the site's own check).
pub struct SiteTerms {
    terms: HashMap<VocabularyKind, Vec<String>>,
    subtypes: HashMap<String, Vec<String>>,
}

impl SiteTerms {
    /// Reads the vocabularies under `root`.
    pub fn read(root: &Path) -> Result<SiteTerms, String> {
        let mut t = SiteTerms {
            terms: HashMap::new(),
            subtypes: HashMap::new(),
        };
        let dir = root.join("content/vocabularies");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(t);
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if !matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
                continue;
            }
            let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            let Ok(v) = serde_saphyr::from_str::<VocabularyFile>(&text) else {
                continue;
            };
            let list = t.terms.entry(v.vocabulary.value).or_default();
            for term in &v.terms {
                list.push(term.id.value.clone());
                t.subtypes
                    .entry(term.id.value.clone())
                    .or_default()
                    .extend(term.subtypes.iter().map(|s| s.id.value.clone()));
            }
        }
        Ok(t)
    }

    /// `id` is a term of `kind` (or the site defines no such vocabulary).
    fn check(&self, kind: VocabularyKind, id: &str, at: &str) -> Result<(), String> {
        let Some(known) = self.terms.get(&kind) else {
            return Ok(());
        };
        if known.iter().any(|k| k == id) {
            return Ok(());
        }
        let near = known
            .iter()
            .min_by_key(|k| strsim::levenshtein(k, id))
            .cloned()
            .unwrap_or_default();
        Err(format!(
            "{at}: unknown {} term {id:?} (did you mean {near:?}?)",
            kind.name()
        ))
    }

    fn class(&self, t: &ClassTarget, at: &str) -> Result<(), String> {
        self.check(VocabularyKind::UseClasses, &t.class, at)?;
        if let (Some(sub), Some(known)) = (&t.subtype, self.subtypes.get(&t.class)) {
            if self.terms.contains_key(&VocabularyKind::UseClasses) && !known.contains(sub) {
                return Err(format!(
                    "{at}: use class {:?} has no sub-type {sub:?} (it has: {})",
                    t.class,
                    known.join(", ")
                ));
            }
        }
        Ok(())
    }

    /// Checks every term a mapping writes.
    pub fn check_mapping(&self, m: &MappingFile) -> Result<(), String> {
        use VocabularyKind as V;
        match m {
            MappingFile::Cases(m) => {
                for (i, v) in m.use_class.values.iter().enumerate() {
                    let t = ClassTarget {
                        class: v.class.clone(),
                        subtype: v.subtype.clone(),
                    };
                    self.class(&t, &format!("use_class.values[{i}]"))?;
                }
                if let Some(t) = &m.use_class.missing {
                    self.class(t, "use_class.missing")?;
                }
                if let Some(t) = &m.use_class.unknown {
                    self.class(t, "use_class.unknown")?;
                }
                if let Some(t) = &m.techniques {
                    for (i, v) in t.values.iter().enumerate() {
                        for term in &v.terms {
                            self.check(V::Techniques, term, &format!("techniques.values[{i}]"))?;
                        }
                    }
                    for (i, p) in t.phrases.iter().enumerate() {
                        if p.contains.iter().any(|c| c.trim().is_empty()) || p.contains.is_empty() {
                            return Err(format!(
                                "techniques.phrases[{i}].contains: give at least one phrase, none blank"
                            ));
                        }
                        for term in &p.terms {
                            self.check(
                                V::Techniques,
                                term,
                                &format!("techniques.phrases[{i}].terms"),
                            )?;
                        }
                    }
                }
                for (i, r) in m.flag_rules.iter().enumerate() {
                    self.check(V::RiskFlags, &r.flag, &format!("flag_rules[{i}].flag"))?;
                }
                for (i, f) in m.flag_methods.iter().enumerate() {
                    for (k, flag) in f.assesses.iter().flatten().enumerate() {
                        self.check(
                            V::RiskFlags,
                            flag,
                            &format!("flag_methods[{i}].assesses[{k}]"),
                        )?;
                    }
                }
            }
            MappingFile::Frameworks(m) => {
                let k = &m.fields.kind;
                for (i, v) in k.values.iter().enumerate() {
                    self.check(
                        V::InstrumentTypes,
                        &v.term,
                        &format!("fields.type.values[{i}]"),
                    )?;
                }
                for (t, at) in [
                    (&k.missing, "fields.type.missing"),
                    (&k.unknown, "fields.type.unknown"),
                ] {
                    if let Some(t) = t {
                        self.check(V::InstrumentTypes, t, at)?;
                    }
                }
                for (i, e) in m.fields.status_history.iter().enumerate() {
                    let at = format!("fields.status_history[{i}]");
                    if let Some(s) = &e.status {
                        self.check(V::Statuses, s, &format!("{at}.status"))?;
                    }
                    for (j, v) in e.values.iter().enumerate() {
                        self.check(V::Statuses, &v.term, &format!("{at}.values[{j}]"))?;
                    }
                    if let Some(s) = &e.unknown {
                        self.check(V::Statuses, s, &format!("{at}.unknown"))?;
                    }
                }
            }
        }
        Ok(())
    }
}
