//! A case inventory as YAML (`content/inventories/<id>.yaml`), with the
//! line each case starts on so a problem found in the written text can be
//! traced back to the row it came from.

use super::{comments, list, quote, text, OutText};
use std::fmt::Write as _;

/// A flag method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutMethod {
    /// Id.
    pub id: String,
    /// Label.
    pub label: OutText,
    /// Reasoning.
    pub description: OutText,
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
    /// The case's own jurisdiction (absent: the inventory's).
    pub jurisdiction: Option<String>,
    /// Description.
    pub description: Option<OutText>,
    /// Problem it is meant to solve.
    pub purpose: Option<OutText>,
    /// Expected benefits.
    pub benefits: Option<OutText>,
    /// What it puts out.
    pub outputs: Option<OutText>,
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
            jurisdiction: c.jurisdiction.as_ref().map(|r| r.value.clone()),
            description: c.description.as_ref().map(OutText::from_schema),
            purpose: c.purpose.as_ref().map(OutText::from_schema),
            benefits: c.benefits.as_ref().map(OutText::from_schema),
            outputs: c.outputs.as_ref().map(OutText::from_schema),
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
            stage: c.stage.as_ref().map(OutText::from_schema),
            source_url: c.source_url.as_ref().map(|s| s.value.clone()),
            overrides: refs(&c.overrides),
        }
    }
}

/// An inventory written: its text and the line each case starts on.
pub struct Written {
    /// The YAML.
    pub text: String,
    /// Line (1-based) of each case's `- id:`.
    pub case_lines: Vec<u64>,
}

/// Writes the inventory as YAML.
pub fn write_inventory(inv: &OutInventory) -> Written {
    let mut o = String::with_capacity(1024 + inv.cases.len() * 700);
    comments(&mut o, &inv.header);
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
        return Written {
            text: o,
            case_lines: Vec::new(),
        };
    }
    o.push_str("cases:\n");
    let mut line = o.bytes().filter(|&b| b == b'\n').count() as u64 + 1;
    let mut case_lines = Vec::with_capacity(inv.cases.len());
    for c in &inv.cases {
        case_lines.push(line);
        let before = o.len();
        write_case(&mut o, c);
        line += o[before..].bytes().filter(|&b| b == b'\n').count() as u64;
    }
    Written {
        text: o,
        case_lines,
    }
}

fn write_case(o: &mut String, c: &OutCase) {
    let _ = writeln!(o, "  - id: {}", quote(&c.id));
    let _ = writeln!(o, "    name: {}", text(&c.name));
    let _ = writeln!(o, "    agency: {}", text(&c.agency));
    if let Some(b) = &c.bureau {
        let _ = writeln!(o, "    bureau: {}", text(b));
    }
    if let Some(j) = &c.jurisdiction {
        let _ = writeln!(o, "    jurisdiction: {}", quote(j));
    }
    for (key, t) in [
        ("description", &c.description),
        ("purpose", &c.purpose),
        ("benefits", &c.benefits),
        ("outputs", &c.outputs),
    ] {
        if let Some(t) = t {
            let _ = writeln!(o, "    {key}: {}", text(t));
        }
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
