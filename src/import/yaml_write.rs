//! A small deterministic YAML writer for one inventory file.
//!
//! The schema types are Deserialize-only, so the importer builds this plain
//! model and writes it itself: keys in the schema's order, every string
//! double-quoted and escaped (so any text round-trips), no timestamps or
//! paths that vary between runs. The same model gives the same bytes.

use std::fmt::Write as _;

/// Text in several languages, in the order written (zh-TW first, then en).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutText(pub Vec<(String, String)>);

impl OutText {
    /// Builds from pairs, dropping blank values and putting zh-TW, en first.
    pub fn new<I, K, V>(pairs: I) -> OutText
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let mut v: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .filter(|(_, v)| !v.trim().is_empty())
            .collect();
        let rank = |k: &str| match k {
            "zh-TW" => 0,
            "en" => 1,
            _ => 2,
        };
        v.sort_by_key(|(k, _)| rank(k));
        OutText(v)
    }

    /// Text in one language only.
    pub fn one(lang: &str, value: &str) -> OutText {
        OutText::new([(lang, value)])
    }

    /// From the schema's text.
    pub fn from_schema(t: &crate::schema::Text) -> OutText {
        OutText::new(
            t.entries
                .iter()
                .map(|e| (e.lang.value.clone(), e.value.clone())),
        )
    }
}

/// A flag method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutMethod {
    /// Id.
    pub id: String,
    /// Label.
    pub label: OutText,
    /// Reasoning.
    pub description: OutText,
    /// The flags it can assess (absent: every flag).
    pub assesses: Option<Vec<String>>,
}

/// An inventory, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutInventory {
    /// Comment lines written at the top (without `# `).
    pub header: Vec<String>,
    /// Inventory id.
    pub id: String,
    /// Jurisdiction id.
    pub jurisdiction: String,
    /// Title.
    pub title: OutText,
    /// Publisher.
    pub publisher: OutText,
    /// Year.
    pub year: u16,
    /// Declared total.
    pub declared_total: Option<u32>,
    /// Description.
    pub description: Option<OutText>,
    /// Published source.
    pub source_url: Option<String>,
    /// Flag methods.
    pub flag_methods: Vec<OutMethod>,
    /// Default flag method.
    pub default_flag_method: Option<String>,
    /// Source ids.
    pub sources: Vec<String>,
    /// Cases.
    pub cases: Vec<OutCase>,
}

/// A case, ready to write (fields as in `schema::Case`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutCase {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: OutText,
    /// Agency.
    pub agency: OutText,
    /// Bureau.
    pub bureau: Option<OutText>,
    /// Description.
    pub description: Option<OutText>,
    /// Use class.
    pub use_class: String,
    /// Use sub-type.
    pub use_subtype: Option<String>,
    /// Technique ids.
    pub techniques: Vec<String>,
    /// Risk flag ids.
    pub risk_flags: Vec<String>,
    /// Flag method.
    pub flag_method: Option<String>,
    /// (flag, method) pairs.
    pub flag_provenance: Vec<(String, String)>,
    /// Flags its rules could not assess: the source gave no answer.
    pub not_assessed: Vec<String>,
    /// Stage.
    pub stage: Option<OutText>,
    /// Source URL.
    pub source_url: Option<String>,
    /// Overridden field names.
    pub overrides: Vec<String>,
}

impl OutCase {
    /// From the schema's case (as read back from `content/`).
    pub fn from_schema(c: &crate::schema::Case) -> OutCase {
        let refs = |v: &[crate::schema::Ref]| v.iter().map(|r| r.value.clone()).collect::<Vec<_>>();
        OutCase {
            id: c.id.value.clone(),
            name: OutText::from_schema(&c.name),
            agency: OutText::from_schema(&c.agency),
            bureau: c.bureau.as_ref().map(OutText::from_schema),
            description: c.description.as_ref().map(OutText::from_schema),
            use_class: c.use_class.value.clone(),
            use_subtype: c.use_subtype.as_ref().map(|r| r.value.clone()),
            techniques: refs(&c.techniques),
            risk_flags: refs(&c.risk_flags),
            flag_method: c.flag_method.as_ref().map(|r| r.value.clone()),
            flag_provenance: c
                .flag_provenance
                .iter()
                .map(|p| (p.flag.value.clone(), p.method.value.clone()))
                .collect(),
            not_assessed: refs(&c.not_assessed),
            stage: c.stage.as_ref().map(OutText::from_schema),
            source_url: c.source_url.as_ref().map(|s| s.value.clone()),
            overrides: refs(&c.overrides),
        }
    }
}

/// A YAML double-quoted scalar holding exactly `s`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{FEFF}' => out.push_str("\\uFEFF"),
            c if (c as u32) < 0x20 || (0x7F..=0x9F).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c if matches!(c as u32, 0xFFFE | 0xFFFF) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A mapping key: plain when it is a simple word (`zh-TW`), quoted otherwise.
fn key(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if plain {
        s.to_string()
    } else {
        quote(s)
    }
}

/// `{zh-TW: "...", en: "..."}`.
fn text(t: &OutText) -> String {
    let parts: Vec<String> =
        t.0.iter()
            .map(|(k, v)| format!("{}: {}", key(k), quote(v)))
            .collect();
    format!("{{{}}}", parts.join(", "))
}

/// `["a", "b"]`.
fn list(v: &[String]) -> String {
    let parts: Vec<String> = v.iter().map(|s| quote(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// Writes the inventory as YAML.
pub fn write_inventory(inv: &OutInventory) -> String {
    let mut o = String::with_capacity(1024 + inv.cases.len() * 700);
    for h in &inv.header {
        if h.is_empty() {
            o.push_str("#\n");
        } else {
            let _ = writeln!(o, "# {}", h.replace('\n', " "));
        }
    }
    let _ = writeln!(o, "id: {}", quote(&inv.id));
    let _ = writeln!(o, "jurisdiction: {}", quote(&inv.jurisdiction));
    let _ = writeln!(o, "title: {}", text(&inv.title));
    let _ = writeln!(o, "publisher: {}", text(&inv.publisher));
    let _ = writeln!(o, "year: {}", inv.year);
    if let Some(n) = inv.declared_total {
        let _ = writeln!(o, "declared_total: {n}");
    }
    if let Some(d) = &inv.description {
        let _ = writeln!(o, "description: {}", text(d));
    }
    if let Some(u) = &inv.source_url {
        let _ = writeln!(o, "source_url: {}", quote(u));
    }
    if !inv.flag_methods.is_empty() {
        o.push_str("flag_methods:\n");
        for m in &inv.flag_methods {
            let _ = writeln!(o, "  - id: {}", quote(&m.id));
            let _ = writeln!(o, "    label: {}", text(&m.label));
            let _ = writeln!(o, "    description: {}", text(&m.description));
            if let Some(a) = &m.assesses {
                let _ = writeln!(o, "    assesses: {}", list(a));
            }
        }
    }
    if let Some(m) = &inv.default_flag_method {
        let _ = writeln!(o, "default_flag_method: {}", quote(m));
    }
    if !inv.sources.is_empty() {
        let _ = writeln!(o, "sources: {}", list(&inv.sources));
    }
    if inv.cases.is_empty() {
        o.push_str("cases: []\n");
        return o;
    }
    o.push_str("cases:\n");
    for c in &inv.cases {
        write_case(&mut o, c);
    }
    o
}

fn write_case(o: &mut String, c: &OutCase) {
    let _ = writeln!(o, "  - id: {}", quote(&c.id));
    let _ = writeln!(o, "    name: {}", text(&c.name));
    let _ = writeln!(o, "    agency: {}", text(&c.agency));
    if let Some(b) = &c.bureau {
        let _ = writeln!(o, "    bureau: {}", text(b));
    }
    if let Some(d) = &c.description {
        let _ = writeln!(o, "    description: {}", text(d));
    }
    let _ = writeln!(o, "    use_class: {}", quote(&c.use_class));
    if let Some(s) = &c.use_subtype {
        let _ = writeln!(o, "    use_subtype: {}", quote(s));
    }
    if !c.techniques.is_empty() {
        let _ = writeln!(o, "    techniques: {}", list(&c.techniques));
    }
    if !c.risk_flags.is_empty() {
        let _ = writeln!(o, "    risk_flags: {}", list(&c.risk_flags));
    }
    if let Some(m) = &c.flag_method {
        let _ = writeln!(o, "    flag_method: {}", quote(m));
    }
    if !c.flag_provenance.is_empty() {
        let parts: Vec<String> = c
            .flag_provenance
            .iter()
            .map(|(f, m)| format!("{{flag: {}, method: {}}}", quote(f), quote(m)))
            .collect();
        let _ = writeln!(o, "    flag_provenance: [{}]", parts.join(", "));
    }
    if !c.not_assessed.is_empty() {
        let _ = writeln!(o, "    not_assessed: {}", list(&c.not_assessed));
    }
    if let Some(s) = &c.stage {
        let _ = writeln!(o, "    stage: {}", text(s));
    }
    if let Some(u) = &c.source_url {
        let _ = writeln!(o, "    source_url: {}", quote(u));
    }
    if !c.overrides.is_empty() {
        let _ = writeln!(o, "    overrides: {}", list(&c.overrides));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
        assert_eq!(quote("\u{1}"), r#""\x01""#);
        assert_eq!(quote("資料"), "\"資料\"");
    }
}
