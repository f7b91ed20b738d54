//! View values for templates. Templates never see the model's types: each
//! function here picks what a page shows, resolved to one language, so the
//! model can change without breaking themes.

use super::text::{plain, tx, tx_opt};
use super::urls;
use crate::analytics::FlagRow;
use crate::model::Site;
use crate::schema::{Case, Framework, Inventory, Provision, Ref, Text, VocabularyKind as V};
use serde_json::{json, Value};

/// A site and one language: everything a view needs.
#[derive(Clone, Copy)]
pub struct View<'a> {
    /// The model.
    pub site: &'a Site,
    /// The language pages are rendered in.
    pub lang: &'a str,
}

impl<'a> View<'a> {
    /// A text in this language.
    pub fn tx(&self, t: &Text) -> Value {
        tx(t, self.lang)
    }

    /// An optional text in this language.
    pub fn tx_opt(&self, t: &Option<Text>) -> Value {
        tx_opt(t, self.lang)
    }

    /// Plain string of a text (for labels and sorting).
    pub fn plain(&self, t: &Text) -> String {
        plain(t, self.lang)
    }

    /// Label of a vocabulary term, or its id if unknown.
    pub fn term(&self, kind: V, id: &str) -> Value {
        match self.site.vocabulary(kind).get(id) {
            Some(t) => obj! {"id": id, "label": self.tx(&t.label)},
            None if id.is_empty() => {
                json!({"id": "", "label": {"t": super::i18n::get(self.lang, "not_stated"), "fb": null}})
            }
            None => json!({"id": id, "label": {"t": id, "fb": null}}),
        }
    }

    /// Plain label of a term.
    pub fn term_plain(&self, kind: V, id: &str) -> String {
        self.site
            .vocabulary(kind)
            .get(id)
            .map_or_else(|| id.to_string(), |t| self.plain(&t.label))
    }

    /// Label of a use sub-type.
    pub fn subtype(&self, class: &str, sub: &str) -> Value {
        let t = self
            .site
            .vocabulary(V::UseClasses)
            .get(class)
            .and_then(|c| c.subtypes.iter().find(|s| s.id.value == sub));
        match t {
            Some(t) => obj! {"id": sub, "label": self.tx(&t.label)},
            None => json!({"id": sub, "label": {"t": sub, "fb": null}}),
        }
    }

    /// Link to a jurisdiction.
    pub fn jurisdiction_link(&self, id: &str) -> Value {
        match self.site.jurisdiction(id) {
            Some(i) => {
                let j = &self.site.jurisdictions[i];
                obj! {"id": id, "url": urls::jurisdiction(self.lang, id), "name": self.tx(&j.name)}
            }
            None => json!({"id": id, "url": null, "name": {"t": id, "fb": null}}),
        }
    }

    /// One line about a framework, for lists and timelines.
    pub fn framework_summary(&self, i: usize) -> Value {
        let fw = &self.site.frameworks[i];
        let status = Site::current_status(fw);
        obj! {
            "id": fw.id.value.as_str(),
            "url": urls::framework(self.lang, &fw.id.value),
            "title": self.tx(&fw.title),
            "short_title": self.tx_opt(&fw.short_title),
            "type": self.term(V::InstrumentTypes, &fw.kind.value),
            "status": self.term(V::Statuses, status),
            "binding": fw.binding,
            "risk_based": fw.risk_based,
            "first_date": fw.status_history.first().map(|e| e.date.value.to_string()),
            "last_date": fw.status_history.last().map(|e| e.date.value.to_string()),
            "jurisdiction": self.jurisdiction_link(&fw.jurisdiction.value),
        }
    }

    /// Provisions, nested.
    pub fn provisions(&self, list: &[Provision]) -> Value {
        list.iter()
            .map(|p| {
                json!({
                    "id": p.id.value,
                    "label": self.tx(&p.label),
                    "title": self.tx_opt(&p.title),
                    "summary": self.tx_opt(&p.summary),
                    "explanation": self.tx_opt(&p.explanation),
                    "reproduced": p.reproduced,
                    "provisions": self.provisions(&p.provisions),
                })
            })
            .collect()
    }

    /// A numbered source list for `refs`.
    pub fn sources(&self, refs: &[Ref]) -> Value {
        refs.iter()
            .filter_map(|r| self.site.source(&r.value))
            .enumerate()
            .map(|(n, i)| {
                let s = &self.site.sources[i];
                obj! {
                    "n": n + 1,
                    "id": s.id.value.as_str(),
                    "title": self.tx(&s.title),
                    "url": s.url.as_ref().map(|u| u.value.trim()),
                    "publisher": self.tx_opt(&s.publisher),
                    "published": s.published.as_ref().map(|d| d.value.to_string()),
                    "accessed": s.accessed.as_ref().map(|d| d.value.to_string()),
                }
            })
            .collect()
    }

    /// Risk-flag column headings.
    pub fn flag_headers(&self) -> Value {
        self.site
            .vocabulary(V::RiskFlags)
            .terms
            .iter()
            .map(|t| obj! {"id": t.id.value.as_str(), "label": self.tx(&t.label)})
            .collect()
    }

    /// One row of a case table.
    pub fn case_row(&self, inv: &Inventory, case: &Case) -> Value {
        let flags = &self.site.vocabulary(V::RiskFlags).terms;
        let ticks: Vec<bool> = flags
            .iter()
            .map(|f| case.risk_flags.iter().any(|c| c.value == f.id.value))
            .collect();
        obj! {
            "id": case.id.value.as_str(),
            "url": urls::case(self.lang, &case.id.value),
            "name": self.tx(&case.name),
            "agency": self.tx(&case.agency),
            "inventory": obj! {"id": inv.id.value.as_str(), "url": urls::inventory(self.lang, &inv.id.value, 1), "title": self.tx(&inv.title)},
            "jurisdiction": Site::case_jurisdiction(inv, case),
            "use_class": self.term(V::UseClasses, &case.use_class.value),
            "use_subtype": case.use_subtype.as_ref().map(|s| self.subtype(&case.use_class.value, &s.value)),
            "techniques": case.techniques.iter().map(|t| self.term(V::Techniques, &t.value)).collect::<Vec<_>>(),
            "ticks": ticks,
            "flags": case.risk_flags.iter().map(|f| f.value.as_str()).collect::<Vec<_>>(),
        }
    }

    /// A flag-count table with its bar chart.
    pub fn flag_chart(&self, chart_id: &str, title: &str, row: &FlagRow) -> Value {
        let flags = &self.site.vocabulary(V::RiskFlags).terms;
        let bars: Vec<(String, u64)> = flags
            .iter()
            .zip(&row.counts)
            .map(|(f, &n)| (self.plain(&f.label), n as u64))
            .collect();
        let desc = bars
            .iter()
            .map(|(l, n)| format!("{l}: {n}"))
            .collect::<Vec<_>>()
            .join("; ");
        let desc = format!(
            "{} {}. {desc}",
            row.cases,
            if self.lang.starts_with("zh") {
                "案"
            } else {
                "cases"
            }
        );
        json!({
            "title": title,
            "svg": crate::charts::bar_chart(chart_id, title, &desc, &bars),
            "cases": row.cases,
            "unflagged": row.unflagged,
            "rows": flags.iter().zip(&row.counts).map(|(f, &n)| json!({"id": f.id.value, "label": self.tx(&f.label), "count": n, "percent": percent(n, row.cases)})).collect::<Vec<_>>(),
        })
    }

    /// A framework's relations, both those it declares and those pointing at it.
    pub fn relations(&self, i: usize) -> Value {
        let fw: &Framework = &self.site.frameworks[i];
        let outgoing: Vec<Value> = fw
            .relations
            .iter()
            .filter_map(|r| {
                self.site.framework(&r.target.value).map(|t| json!({"kind": r.kind.value.name(), "direction": "out", "other": self.framework_summary(t), "note": self.tx_opt(&r.note)}))
            })
            .collect();
        let incoming: Vec<Value> = self.site.incoming[i]
            .iter()
            .map(|inc| {
                let from = &self.site.frameworks[inc.from];
                json!({"kind": inc.kind.name(), "direction": "in", "other": self.framework_summary(inc.from), "note": self.tx_opt(&from.relations[inc.relation].note)})
            })
            .collect();
        json!({"outgoing": outgoing, "incoming": incoming})
    }
}

/// `n` as a whole-number percentage of `total` (0 when total is 0).
pub fn percent(n: usize, total: usize) -> u64 {
    if total == 0 {
        0
    } else {
        ((n as f64 * 100.0) / total as f64).round() as u64
    }
}
