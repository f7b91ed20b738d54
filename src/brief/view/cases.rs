//! Cases in a briefing: the figures its summary gives about them, and the
//! rows of the notable-cases and all-cases tables.

use super::NOTABLE_CASES;
use crate::analytics::FlagRow;
use crate::brief::summary::CaseFigures;
use crate::render::views::View;
use crate::schema::{Case, Inventory, VocabularyKind as V};
use serde_json::{json, Value};

pub(super) fn case_figures(v: View, row: &FlagRow, inventories: usize) -> CaseFigures {
    let flags = &v.site.vocabulary(V::RiskFlags).terms;
    // The first flag with the highest count (vocabulary order breaks ties).
    let top = row.counts.iter().enumerate().filter(|(_, &n)| n > 0).fold(
        None,
        |best: Option<(usize, usize)>, (i, &n)| match best {
            Some((_, bn)) if bn >= n => best,
            _ => Some((i, n)),
        },
    );
    CaseFigures {
        cases: row.cases,
        inventories,
        flagged: row.cases - row.unflagged,
        top_flag: top.map(|(i, n)| (v.plain(&flags[i].label), n)),
    }
}

/// The most-flagged cases among `cases`, most flags first, ties in order.
pub(super) fn notable(v: View, cases: &[(usize, &Case)]) -> Vec<Value> {
    let mut ranked: Vec<(usize, usize)> = cases
        .iter()
        .enumerate()
        .filter(|(_, (_, c))| !c.risk_flags.is_empty())
        .map(|(k, (_, c))| (k, c.risk_flags.len()))
        .collect();
    ranked.sort_by_key(|&(k, n)| (std::cmp::Reverse(n), k));
    ranked
        .into_iter()
        .take(NOTABLE_CASES)
        .map(|(k, _)| {
            let (inv, case) = cases[k];
            case_row(v, &v.site.inventories[inv], case)
        })
        .collect()
}

pub(super) fn case_row(v: View, inv: &Inventory, case: &Case) -> Value {
    let vocab = v.site.vocabulary(V::RiskFlags);
    let mut flags: Vec<usize> = case
        .risk_flags
        .iter()
        .filter_map(|f| vocab.position(&f.value))
        .collect();
    flags.sort_unstable();
    json!({
        "id": case.id.value,
        "name": v.tx(&case.name),
        "agency": v.tx(&case.agency),
        "inventory": v.tx(&inv.title),
        "use_class": v.term(V::UseClasses, &case.use_class.value),
        "flags": flags.iter().map(|&i| v.tx(&vocab.terms[i].label)).collect::<Vec<_>>(),
        "ticks": vocab.terms.iter().map(|t| case.risk_flags.iter().any(|f| f.value == t.id.value)).collect::<Vec<_>>(),
        "n_flags": flags.len(),
    })
}
