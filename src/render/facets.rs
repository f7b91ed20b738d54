//! What a case is on each facet the case explorer filters by — jurisdiction,
//! inventory, use class and sub-type, techniques, risk flags (ticked, not
//! assessed), agency, development stage — and the keys that name a facet
//! value in the explorer's URL. Shared by the explorer's data, the search
//! index, the downloads, the related cases and the case pages, so that a
//! link from any of them lands on the same filter.
//!
//! Vocabulary facets are keyed by term id. Agency and stage are free text
//! (a [`Text`] per case), so their key is a text too: the English text when
//! there is one, else the first of the site's languages that has one
//! ([`text_key`]). A key is the same on every edition, so a filtered link
//! survives the language switch. Two keys that read the same in a language
//! are one option there ([`FreeFacet`]), so no label appears twice.

use crate::model::Site;
use crate::schema::{Case, Inventory, Text, VocabularyKind as V};
use std::collections::{BTreeMap, HashMap};

/// The jurisdiction a case belongs to: its own when it names one, else
/// its inventory's.
pub fn jurisdiction<'a>(inv: &'a Inventory, case: &'a Case) -> &'a str {
    Site::case_jurisdiction(inv, case)
}

/// What the source says a case does, each text under the i18n key of its
/// heading, in reading order: the problem it solves, its benefits, its
/// outputs, then the site's own description. The case page shows them, the
/// explorer's text filter and the search read them, the downloads hold them.
pub fn described(c: &Case) -> [(&'static str, Option<&Text>); 4] {
    [
        ("case_purpose", c.purpose.as_ref()),
        ("case_benefits", c.benefits.as_ref()),
        ("case_outputs", c.outputs.as_ref()),
        ("case_described", c.description.as_ref()),
    ]
}

/// Collapses runs of whitespace and trims, so that two spellings of a
/// name differing only in spacing are one value.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key of a free-text value (see the module comment); `None` when the
/// text is blank in every language.
pub fn text_key(site: &Site, t: &Text) -> Option<String> {
    std::iter::once("en")
        .chain(site.languages.iter().map(String::as_str))
        .find_map(|l| t.get(l))
        .or_else(|| {
            t.entries
                .iter()
                .map(|e| e.value.as_str())
                .find(|v| !v.trim().is_empty())
        })
        .map(squash)
}

/// The agency of a case, the free-text facet read by [`FreeFacet::agencies`].
pub fn agency(c: &Case) -> Option<&Text> {
    Some(&c.agency)
}

/// The development stage of a case, as published.
pub fn stage(c: &Case) -> Option<&Text> {
    c.stage.as_ref()
}

/// One option of a free-text facet in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeOption {
    /// The keys it stands for (one, unless several read the same here).
    pub keys: Vec<String>,
    /// What the reader sees.
    pub label: String,
    /// The language of `label` when it is not the page's.
    pub fb: Option<String>,
}

/// A free-text facet (agency or stage) in one language: its options in
/// order of label, and the option of each key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeFacet {
    /// The options, in order of label (code point order; the explorer
    /// orders them by count).
    pub options: Vec<FreeOption>,
    codes: HashMap<String, u32>,
}

impl FreeFacet {
    /// The facet of `field` over every case, labelled in `lang`: each
    /// key takes the label of the first case (in site order) that has it.
    pub fn build(site: &Site, lang: &str, field: fn(&Case) -> Option<&Text>) -> FreeFacet {
        let mut labels: HashMap<String, (String, Option<String>)> = HashMap::new();
        for (_, c) in site.cases() {
            let Some(t) = field(c) else { continue };
            let Some(key) = text_key(site, t) else {
                continue;
            };
            labels.entry(key).or_insert_with(|| {
                let (label, fb) = t.resolve(lang);
                (squash(label), fb.map(str::to_string))
            });
        }
        let mut by_label: BTreeMap<String, (Vec<String>, Option<String>)> = BTreeMap::new();
        for (key, (label, fb)) in labels {
            let e = by_label.entry(label).or_insert_with(|| (Vec::new(), fb));
            e.0.push(key);
        }
        let mut codes = HashMap::new();
        let options: Vec<FreeOption> = by_label
            .into_iter()
            .enumerate()
            .map(|(n, (label, (mut keys, fb)))| {
                keys.sort();
                for k in &keys {
                    codes.insert(k.clone(), n as u32);
                }
                FreeOption { keys, label, fb }
            })
            .collect();
        FreeFacet { options, codes }
    }

    /// The agencies of every case, labelled in `lang`.
    pub fn agencies(site: &Site, lang: &str) -> FreeFacet {
        Self::build(site, lang, agency)
    }

    /// The development stages of every case, labelled in `lang`.
    pub fn stages(site: &Site, lang: &str) -> FreeFacet {
        Self::build(site, lang, stage)
    }

    /// The option of a case's value (`None`: not stated).
    pub fn code(&self, site: &Site, t: Option<&Text>) -> Option<u32> {
        self.codes.get(&text_key(site, t?)?).copied()
    }
}

/// Positions (in the risk-flag vocabulary) of the flags ticked on a case,
/// ascending.
pub fn flags_ticked(site: &Site, c: &Case) -> Vec<usize> {
    let voc = site.vocabulary(V::RiskFlags);
    let mut out: Vec<usize> = c
        .risk_flags
        .iter()
        .filter_map(|f| voc.position(&f.value))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Positions of the flags not assessed on a case: unticked, and outside
/// what the method answerable for them can assess ([`Site::assessed`]).
pub fn flags_not_assessed(site: &Site, inv: &Inventory, c: &Case) -> Vec<usize> {
    site.vocabulary(V::RiskFlags)
        .terms
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            !c.risk_flags.iter().any(|x| x.value == f.id.value)
                && !Site::assessed(inv, c, &f.id.value)
        })
        .map(|(n, _)| n)
        .collect()
}

/// How one flag stands on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagState {
    /// Ticked.
    On,
    /// Assessed and not ticked.
    Off,
    /// Not assessed: never shown or counted as "not ticked".
    NotAssessed,
}

impl FlagState {
    /// Every flag of the vocabulary on `c`, in vocabulary order.
    pub fn all(site: &Site, inv: &Inventory, c: &Case) -> Vec<FlagState> {
        site.vocabulary(V::RiskFlags)
            .terms
            .iter()
            .map(|f| {
                if c.risk_flags.iter().any(|x| x.value == f.id.value) {
                    FlagState::On
                } else if Site::assessed(inv, c, &f.id.value) {
                    FlagState::Off
                } else {
                    FlagState::NotAssessed
                }
            })
            .collect()
    }

    /// `on`, `off` or `na` (template classes, data attributes).
    pub fn name(self) -> &'static str {
        match self {
            FlagState::On => "on",
            FlagState::Off => "off",
            FlagState::NotAssessed => "na",
        }
    }
}

/// The use facet's values: every use class followed by its sub-types, as
/// `class` and `class/sub` keys.
pub fn use_keys(site: &Site) -> Vec<(String, Option<usize>)> {
    let mut out = Vec::new();
    for t in &site.vocabulary(V::UseClasses).terms {
        let parent = out.len();
        out.push((t.id.value.clone(), None));
        for s in &t.subtypes {
            out.push((format!("{}/{}", t.id.value, s.id.value), Some(parent)));
        }
    }
    out
}

/// The use key of a case's sub-type (`class/sub`).
pub fn subtype_key(c: &Case) -> Option<String> {
    c.use_subtype
        .as_ref()
        .map(|s| format!("{}/{}", c.use_class.value, s.value))
}

/// The fragment of the case explorer's URL that filters on one value of one
/// facet (`flag=personal_data`), with the value escaped as the explorer's
/// script reads it (`encodeURIComponent`).
pub fn filter_fragment(facet: &str, key: &str) -> String {
    let mut out = format!("{facet}=");
    for b in key.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'~'
            | b'*'
            | b'\''
            | b'('
            | b')' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_escape_like_encode_uri_component() {
        assert_eq!(
            filter_fragment("flag", "personal_data"),
            "flag=personal_data"
        );
        assert_eq!(
            filter_fragment("agency", "Dept. of A & B/C"),
            "agency=Dept.%20of%20A%20%26%20B%2FC"
        );
        assert_eq!(
            filter_fragment("stage", "已部署"),
            "stage=%E5%B7%B2%E9%83%A8%E7%BD%B2"
        );
    }

    #[test]
    fn squash_collapses_spacing() {
        assert_eq!(squash("  Department   of\tState "), "Department of State");
    }
}
