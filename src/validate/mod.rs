//! Stage 2, validate: check what one file cannot check alone (ids unique
//! across files, every reference resolves, dates in order, no relation
//! cycles) and assemble the [`Site`] model when nothing is wrong.
//!
//! Checks never stop at the first problem: each is reported with the
//! position of the offending value and the field path, and the run goes on.

mod address;
mod checker;
mod ids;
mod inventories;
mod labels;
mod parents;
mod paths;
mod records;
mod site;
mod unsure;
mod vocab;

use checker::{unknown, Checker, Kind};
use unsure::Unsure;

use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, FileId, SourceMap};
use crate::load::{ContentKind, LoadedContent};
use crate::model::{self, Site};
use crate::schema::Spanned;
use std::collections::{BTreeMap, HashMap};

pub use address::address_warning;
pub use ids::{check_id_syntax, shown, slug};
pub use records::is_valid_url;

/// Validates loaded content. Returns the site when there are no problems.
pub fn validate(content: LoadedContent, diags: &mut Diagnostics) -> Option<Site> {
    let LoadedContent {
        sources: map,
        config,
        vocabularies,
        bibliography,
        jurisdictions,
        frameworks,
        inventories,
        pages,
        text_languages,
        failed,
    } = content;
    let config_failed = failed.iter().any(|(_, k)| *k == ContentKind::Config);
    if config.is_none() && !config_failed {
        // Loading reports a missing site.yaml at its path; this is for
        // content made some other way.
        diags.push(
            Diagnostic::new("no-config", "content/site.yaml is missing").help(
                "run `govatlas init` to start a site, or create content/site.yaml with title, languages and default_language",
            ),
        );
    }
    let mut cx = Checker {
        diags,
        vocab: BTreeMap::new(),
        known: HashMap::new(),
        unsure: Unsure::from_failed(&map, &failed),
        map: &map,
    };

    // Without a usable site.yaml the other files are still checked (so one
    // run shows every problem), except for their language keys.
    if let Some((config_file, config)) = &config {
        site::check_config(&mut cx, *config_file, config);
    }
    let languages: Vec<String> = config
        .as_ref()
        .map(|(_, c)| c.languages.iter().map(|l| l.value.clone()).collect())
        .unwrap_or_default();
    let source_languages: Vec<String> = config
        .as_ref()
        .map(|(_, c)| c.source_languages.iter().map(|l| l.value.clone()).collect())
        .unwrap_or_default();
    for (file, keys) in text_languages.iter().filter(|_| config.is_some()) {
        check_language_keys(&mut cx, *file, keys, &languages, &source_languages);
    }

    // Vocabularies first: every other record refers to them.
    vocab::merge(&mut cx, &vocabularies);
    labels::check(&mut cx, &vocabularies);

    // Then every record id, so references can be checked in any order.
    let bib: Vec<_> = bibliography
        .iter()
        .flat_map(|(f, s)| {
            s.sources
                .iter()
                .enumerate()
                .map(move |(i, src)| (*f, i, src))
        })
        .collect();
    cx.register(
        Kind::Source,
        bib.iter()
            .map(|(f, i, s)| (*f, &s.id, format!("sources[{i}].id"))),
    );
    cx.register(
        Kind::Jurisdiction,
        jurisdictions
            .iter()
            .map(|(f, j)| (*f, &j.id, "id".to_string())),
    );
    cx.register(
        Kind::Framework,
        frameworks
            .iter()
            .map(|(f, j)| (*f, &j.id, "id".to_string())),
    );
    cx.register(
        Kind::Inventory,
        inventories
            .iter()
            .map(|(f, j)| (*f, &j.id, "id".to_string())),
    );
    cx.register(
        Kind::Case,
        inventories.iter().flat_map(|(f, inv)| {
            inv.cases
                .iter()
                .enumerate()
                .map(move |(i, c)| (*f, &c.id, format!("cases[{i}].id")))
        }),
    );

    paths::claim(
        &mut cx,
        &paths::Records {
            jurisdictions: &jurisdictions,
            frameworks: &frameworks,
            inventories: &inventories,
        },
    );

    for (f, i, s) in &bib {
        records::check_source(&mut cx, *f, *i, s);
    }
    for (f, j) in &jurisdictions {
        records::check_jurisdiction(&mut cx, *f, j);
    }
    parents::check_parent_cycles(&mut cx, &jurisdictions);
    for (f, fw) in &frameworks {
        records::check_framework(&mut cx, *f, fw);
    }
    records::check_relation_cycles(&mut cx, &frameworks);
    for (f, inv) in &inventories {
        inventories::check_inventory(&mut cx, *f, inv);
    }
    site::check_pages(&mut cx, &pages, config.is_some().then_some(&languages[..]));

    let (_, config) = config?;
    if !cx.diags.is_empty() {
        return None;
    }
    let vocab = std::mem::take(&mut cx.vocab);
    Some(model::assemble(
        config,
        vocab,
        bibliography
            .into_iter()
            .flat_map(|(_, s)| s.sources)
            .collect(),
        jurisdictions.into_iter().map(|(_, j)| j).collect(),
        frameworks.into_iter().map(|(_, f)| f).collect(),
        inventories.into_iter().map(|(_, i)| i).collect(),
        pages.into_iter().map(|(_, p)| p).collect(),
    ))
}

/// Each bilingual text's language keys are among the site's languages or
/// its source languages (texts kept in their own language, with no edition).
fn check_language_keys(
    cx: &mut Checker,
    file: FileId,
    keys: &[Spanned<String>],
    languages: &[String],
    source_languages: &[String],
) {
    let listed = if source_languages.is_empty() {
        languages.join(", ")
    } else {
        format!(
            "{}, and as source languages {}",
            languages.join(", "),
            source_languages.join(", ")
        )
    };
    for key in keys {
        if !languages.contains(&key.value) && !source_languages.contains(&key.value) {
            cx.error_at(
                file,
                key,
                "unknown-language",
                None,
                unknown("language", &key.value),
            )
            .help(
                match did_you_mean(
                    &key.value,
                    languages.iter().chain(source_languages).map(String::as_str),
                ) {
                    Some(n) => format!("did you mean `{n}`? (site.yaml lists {listed})"),
                    None => format!(
                        "site.yaml lists {listed}; a language texts are written in without an edition of its own goes in its source_languages"
                    ),
                },
            );
        }
    }
}

/// Checks an inventory file edited while serving against the valid site it
/// belonged to: the checks [`validate`] runs on one inventory and its
/// language keys, with the rest of the site as it was.
///
/// Only for an edit that keeps every id where it was (the caller checks),
/// so no id can collide and every other record's references still hold.
pub fn check_inventory_edit(
    site: &Site,
    map: &SourceMap,
    file: FileId,
    inventory: &crate::schema::Inventory,
    language_keys: &[Spanned<String>],
    diags: &mut Diagnostics,
) {
    let known = |ids: &mut dyn Iterator<Item = &String>| -> HashMap<String, (FileId, u64)> {
        ids.map(|id| (id.clone(), (file, 0))).collect()
    };
    let mut cx = Checker {
        diags,
        vocab: site.vocab.clone(),
        known: HashMap::from([
            (
                Kind::Source,
                known(&mut site.sources.iter().map(|s| &s.id.value)),
            ),
            (
                Kind::Jurisdiction,
                known(&mut site.jurisdictions.iter().map(|j| &j.id.value)),
            ),
            (
                Kind::Framework,
                known(&mut site.frameworks.iter().map(|f| &f.id.value)),
            ),
            (
                Kind::Inventory,
                known(&mut site.inventories.iter().map(|i| &i.id.value)),
            ),
            (
                Kind::Case,
                known(&mut site.cases().map(|(_, c)| &c.id.value)),
            ),
        ]),
        unsure: Unsure::default(),
        map,
    };
    let source_languages: Vec<String> = site
        .config
        .source_languages
        .iter()
        .map(|l| l.value.clone())
        .collect();
    check_language_keys(
        &mut cx,
        file,
        language_keys,
        &site.languages,
        &source_languages,
    );
    inventories::check_inventory(&mut cx, file, inventory);
}
