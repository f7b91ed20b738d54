//! Re-importing cases: merging freshly imported cases into the inventory already in
//! `content/`, keeping what a researcher changed by hand.
//!
//! A case's `overrides` lists the fields a researcher edited; those fields
//! keep their value from `content/` and every other field is replaced by the
//! import. Listing `risk_flags` also keeps `flag_method` and
//! `flag_provenance` (the flags then come from the researcher, not a rule).
//! Cases no longer in the source are reported; one with overrides is kept
//! (a researcher's work is never deleted silently), others are dropped.

use crate::import::mapping::cases::OVERRIDABLE;
use crate::import::report::{GoneRecord, MergeOutcome};
use crate::import::write::inventory::OutCase;
use crate::schema::Inventory;
use std::collections::{BTreeMap, HashSet};

/// Problems with the existing file (an override naming no field).
#[derive(Debug, Clone)]
pub struct MergeError(pub String);

/// Parses an existing inventory file (large files allowed).
pub fn read_existing(text: &str) -> Result<Inventory, String> {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 10_000_000;
    budget.max_events = 50_000_000;
    let mut opts = serde_saphyr::Options::default();
    opts.budget = Some(budget);
    serde_saphyr::from_str_with_options(text, opts).map_err(|e| e.to_string())
}

/// Merges `fresh` (in source order) with the cases of `existing`.
pub fn merge(
    fresh: Vec<OutCase>,
    existing: Option<&Inventory>,
) -> Result<(Vec<OutCase>, MergeOutcome), MergeError> {
    let mut outcome = MergeOutcome::default();
    let Some(existing) = existing else {
        outcome.added = fresh.len();
        return Ok((fresh, outcome));
    };
    let mut old: BTreeMap<String, OutCase> = BTreeMap::new();
    let mut old_order: Vec<String> = Vec::new();
    for c in &existing.cases {
        for o in &c.overrides {
            if !OVERRIDABLE.contains(&o.value.as_str()) {
                let near = OVERRIDABLE
                    .iter()
                    .min_by_key(|f| strsim::levenshtein(f, &o.value))
                    .unwrap();
                return Err(MergeError(format!(
                    "{}:{}: case {:?}: overrides names no field {:?} (did you mean {:?}? fields: {})",
                    o.referenced.line(),
                    o.referenced.column(),
                    c.id.value,
                    o.value,
                    near,
                    OVERRIDABLE.join(", ")
                )));
            }
        }
        old_order.push(c.id.value.clone());
        old.insert(c.id.value.clone(), OutCase::from_schema(c));
    }
    let fresh_ids: HashSet<String> = fresh.iter().map(|c| c.id.clone()).collect();
    let mut out = Vec::with_capacity(fresh.len());
    for mut c in fresh {
        match old.get(&c.id) {
            None => outcome.added += 1,
            Some(prev) => {
                if !prev.overrides.is_empty() {
                    outcome.overrides_kept += apply_overrides(&mut c, prev);
                }
                if &c == prev {
                    outcome.unchanged += 1;
                } else {
                    outcome.updated += 1;
                }
            }
        }
        out.push(c);
    }
    for id in old_order {
        if fresh_ids.contains(&id) {
            continue;
        }
        let prev = &old[&id];
        let kept = !prev.overrides.is_empty();
        if kept {
            out.push(prev.clone());
        }
        outcome.gone.push(GoneRecord {
            id,
            kept,
            note: if kept {
                "kept (it has overrides)".into()
            } else {
                "removed".into()
            },
        });
    }
    Ok((out, outcome))
}

/// Copies the overridden fields of `prev` into `c`; returns how many.
fn apply_overrides(c: &mut OutCase, prev: &OutCase) -> usize {
    c.overrides = prev.overrides.clone();
    for f in &prev.overrides {
        match f.as_str() {
            "name" => c.name = prev.name.clone(),
            "agency" => c.agency = prev.agency.clone(),
            "bureau" => c.bureau = prev.bureau.clone(),
            "jurisdiction" => c.jurisdiction = prev.jurisdiction.clone(),
            "description" => c.description = prev.description.clone(),
            "purpose" => c.purpose = prev.purpose.clone(),
            "benefits" => c.benefits = prev.benefits.clone(),
            "outputs" => c.outputs = prev.outputs.clone(),
            "use_class" => c.use_class = prev.use_class.clone(),
            "use_subtype" => c.use_subtype = prev.use_subtype.clone(),
            "techniques" => c.techniques = prev.techniques.clone(),
            "risk_flags" => {
                c.risk_flags = prev.risk_flags.clone();
                c.flag_method = prev.flag_method.clone();
                c.flag_provenance = prev.flag_provenance.clone();
            }
            "stage" => c.stage = prev.stage.clone(),
            "source_url" => c.source_url = prev.source_url.clone(),
            _ => {}
        }
    }
    prev.overrides.len()
}
