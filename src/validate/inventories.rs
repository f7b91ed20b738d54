//! Checks of a case inventory: its references, flag methods and rules,
//! and each case (ids, vocabulary terms, flags and who set them, URLs).

use super::records::{check_sources, check_url};
use super::{Checker, Kind};
use crate::diagnostics::{did_you_mean, FileId};
use crate::schema::{Inventory, Spanned, VocabularyKind as V};
use std::collections::HashSet;

/// Fields of a case that `overrides` may name.
use crate::schema::OVERRIDABLE_CASE_FIELDS as CASE_FIELDS;

pub(super) fn check_inventory(cx: &mut Checker, file: FileId, inv: &Inventory) {
    cx.reference(
        file,
        &inv.jurisdiction,
        Kind::Jurisdiction,
        "jurisdiction".into(),
    );
    if let Some(url) = &inv.source_url {
        check_url(cx, file, url, "source_url".into());
    }
    if let Some(total) = &inv.declared_total {
        if (inv.cases.len() as u64) > total.value as u64 {
            cx.error_at(
                file,
                total,
                "count-mismatch",
                Some("declared_total".into()),
                format!(
                    "inventory holds {} case{} but declares only {}",
                    inv.cases.len(),
                    if inv.cases.len() == 1 { "" } else { "s" },
                    total.value
                ),
            );
        }
    }
    let mut methods = HashSet::new();
    for (i, m) in inv.flag_methods.iter().enumerate() {
        cx.id(file, &m.id, &format!("flag_methods[{i}].id"));
        for (k, f) in m.assesses.iter().flatten().enumerate() {
            cx.term(
                file,
                f,
                V::RiskFlags,
                format!("flag_methods[{i}].assesses[{k}]"),
            );
        }
        if !methods.insert(m.id.value.as_str()) {
            cx.error_at(
                file,
                &m.id,
                "duplicate-id",
                Some(format!("flag_methods[{i}].id")),
                format!("flag method `{}` is defined twice", m.id.value),
            );
        }
    }
    let method_ref = |cx: &mut Checker, r: &Spanned<String>, field: String| {
        if !methods.contains(r.value.as_str()) {
            let help = did_you_mean(&r.value, methods.iter().copied())
                .map(|n| format!("did you mean `{n}`?"))
                .or_else(|| Some("define it under the inventory's flag_methods".to_string()));
            cx.error_at(
                file,
                r,
                "unknown-reference",
                Some(field),
                format!("unknown flag method `{}`", r.value),
            )
            .maybe_help(help);
        }
    };
    if let Some(d) = &inv.default_flag_method {
        method_ref(cx, d, "default_flag_method".into());
    }
    for (i, case) in inv.cases.iter().enumerate() {
        let p = format!("cases[{i}]");
        if cx.term(
            file,
            &case.use_class,
            V::UseClasses,
            format!("{p}.use_class"),
        ) {
            if let Some(sub) = &case.use_subtype {
                let class = cx
                    .vocabulary(V::UseClasses)
                    .get(&case.use_class.value)
                    .expect("checked");
                if !class.subtypes.iter().any(|s| s.id.value == sub.value) {
                    let names: Vec<String> =
                        class.subtypes.iter().map(|s| s.id.value.clone()).collect();
                    let help = did_you_mean(&sub.value, names.iter().map(String::as_str))
                        .map(|n| format!("did you mean `{n}`?"))
                        .unwrap_or_else(|| {
                            format!(
                                "sub-types of {}: {}",
                                case.use_class.value,
                                names.join(", ")
                            )
                        });
                    cx.error_at(
                        file,
                        sub,
                        "unknown-reference",
                        Some(format!("{p}.use_subtype")),
                        format!(
                            "`{}` is not a sub-type of use class `{}`",
                            sub.value, case.use_class.value
                        ),
                    )
                    .help(help);
                }
            }
        }
        for (k, t) in case.techniques.iter().enumerate() {
            cx.term(file, t, V::Techniques, format!("{p}.techniques[{k}]"));
        }
        let mut flags = HashSet::new();
        for (k, f) in case.risk_flags.iter().enumerate() {
            cx.term(file, f, V::RiskFlags, format!("{p}.risk_flags[{k}]"));
            if !flags.insert(f.value.as_str()) {
                cx.error_at(
                    file,
                    f,
                    "duplicate-id",
                    Some(format!("{p}.risk_flags[{k}]")),
                    format!("risk flag `{}` is ticked twice", f.value),
                );
            }
        }
        if let Some(m) = &case.flag_method {
            method_ref(cx, m, format!("{p}.flag_method"));
        }
        for (k, prov) in case.flag_provenance.iter().enumerate() {
            if !flags.contains(prov.flag.value.as_str()) {
                cx.error_at(
                    file,
                    &prov.flag,
                    "unknown-reference",
                    Some(format!("{p}.flag_provenance[{k}].flag")),
                    format!("`{}` is not among this case's risk_flags", prov.flag.value),
                );
            }
            method_ref(cx, &prov.method, format!("{p}.flag_provenance[{k}].method"));
        }
        for (k, f) in case.risk_flags.iter().enumerate() {
            if !crate::model::Site::assessed(inv, case, &f.value) {
                let method = crate::model::Site::flag_method(inv, case, &f.value).unwrap_or("");
                cx.error_at(
                    file,
                    f,
                    "flag-not-assessed",
                    Some(format!("{p}.risk_flags[{k}]")),
                    format!(
                        "risk flag `{}` is ticked, but flag method `{method}` does not assess it",
                        f.value
                    ),
                )
                .help(format!(
                    "add `{}` to that method's `assesses`, or name in flag_provenance the method that set it",
                    f.value
                ));
            }
        }
        if let Some(j) = &case.jurisdiction {
            cx.reference(file, j, Kind::Jurisdiction, format!("{p}.jurisdiction"));
        }
        if let Some(url) = &case.source_url {
            check_url(cx, file, url, format!("{p}.source_url"));
        }
        for (k, o) in case.overrides.iter().enumerate() {
            if !CASE_FIELDS.contains(&o.value.as_str()) {
                let help = did_you_mean(&o.value, CASE_FIELDS.iter().copied())
                    .map(|n| format!("did you mean `{n}`?"));
                cx.error_at(
                    file,
                    o,
                    "unknown-field",
                    Some(format!("{p}.overrides[{k}]")),
                    format!("`{}` is not a case field", o.value),
                )
                .maybe_help(help);
            }
        }
    }
    check_sources(cx, file, &inv.sources, "");
}
