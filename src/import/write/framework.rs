//! One instrument as YAML (`content/frameworks/<folder>/<id>.yaml`), as
//! top-level blocks in the schema's key order, so that a re-import can put
//! back, block for block, the fields a researcher wrote or overrode.

use super::{list, quote, text, OutText};
use std::fmt::Write as _;

/// Top-level keys of a framework file, in the order they are written.
pub const KEY_ORDER: &[&str] = &[
    "id",
    "jurisdiction",
    "type",
    "title",
    "short_title",
    "issuer",
    "url",
    "binding",
    "risk_based",
    "summary",
    "status_history",
    "provisions",
    "principles",
    "relations",
    "matrices",
    "tables",
    "sources",
    "overrides",
];

/// A provision from the source's list of key provisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutProvision {
    /// Anchor (`p1`).
    pub id: String,
    /// Its number.
    pub label: OutText,
    /// Its title, where the source gives one.
    pub title: Option<OutText>,
    /// What it says.
    pub summary: OutText,
}

/// An instrument, ready to write.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutFramework {
    /// Stable id.
    pub id: String,
    /// Jurisdiction id.
    pub jurisdiction: String,
    /// Instrument type.
    pub kind: String,
    /// Title.
    pub title: OutText,
    /// Short title.
    pub short_title: Option<OutText>,
    /// Issuer.
    pub issuer: Option<OutText>,
    /// Its own URL.
    pub url: Option<String>,
    /// Binding.
    pub binding: bool,
    /// Risk-based (None: the mapping does not say).
    pub risk_based: Option<bool>,
    /// Summary.
    pub summary: Option<OutText>,
    /// (date, status) events, oldest first.
    pub status_history: Vec<(String, String)>,
    /// Key provisions.
    pub provisions: Vec<OutProvision>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// The blocks of an instrument: each key this import writes, with its text
/// (None: the import owns the key but this record has no value for it).
pub fn blocks(f: &OutFramework, managed: &[&'static str]) -> Vec<(&'static str, Option<String>)> {
    let one = |k: &str, v: String| Some(format!("{k}: {v}\n"));
    let t = |k: &str, v: &Option<OutText>| v.as_ref().and_then(|v| one(k, text(v)));
    managed
        .iter()
        .map(|&k| {
            let b = match k {
                "id" => one(k, quote(&f.id)),
                "jurisdiction" => one(k, quote(&f.jurisdiction)),
                "type" => one(k, quote(&f.kind)),
                "title" => one(k, text(&f.title)),
                "short_title" => t(k, &f.short_title),
                "issuer" => t(k, &f.issuer),
                "url" => f.url.as_ref().and_then(|u| one(k, quote(u))),
                "binding" => one(k, f.binding.to_string()),
                "risk_based" => f.risk_based.and_then(|b| one(k, b.to_string())),
                "summary" => t(k, &f.summary),
                "status_history" => (!f.status_history.is_empty()).then(|| {
                    let mut o = String::from("status_history:\n");
                    for (date, status) in &f.status_history {
                        let _ = writeln!(
                            o,
                            "  - {{date: {}, status: {}}}",
                            quote(date),
                            quote(status)
                        );
                    }
                    o
                }),
                "provisions" => (!f.provisions.is_empty()).then(|| {
                    let mut o = String::from("provisions:\n");
                    for p in &f.provisions {
                        let _ = writeln!(o, "  - id: {}", quote(&p.id));
                        let _ = writeln!(o, "    label: {}", text(&p.label));
                        if let Some(title) = &p.title {
                            let _ = writeln!(o, "    title: {}", text(title));
                        }
                        let _ = writeln!(o, "    summary: {}", text(&p.summary));
                    }
                    o
                }),
                "sources" => {
                    (!f.sources.is_empty()).then(|| format!("sources: {}\n", list(&f.sources)))
                }
                _ => None,
            };
            (k, b)
        })
        .collect()
}
