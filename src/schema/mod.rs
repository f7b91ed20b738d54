//! The content format: what authors write in `content/`, as serde types.
//!
//! These types mirror the YAML one-to-one and stay dumb: they carry source
//! positions ([`Spanned`]) on every value a diagnostic may need to point at,
//! and nothing else. Cross-record checks live in `validate`; indexes and
//! back-references live in `model`.
//!
//! Every struct denies unknown fields, so a misspelt key is an error with the
//! nearest valid name rather than a silently ignored value.

mod date;
mod framework;
mod inventory;
pub mod json;
mod spanned;
mod text;

pub use date::PartialDate;
pub use framework::*;
pub use inventory::*;
pub use spanned::Spanned;
pub use text::{
    collect_language_keys, forbidden_in_text, take_forbidden_char, Text, TextEntry, EMPTY_TEXT,
    FORBIDDEN_CHAR,
};

use schemars::JsonSchema;
use serde::Deserialize;

/// A reference to another record by id, with the place it was written.
pub type Ref = Spanned<String>;

/// `content/site.yaml`: the site's configuration.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title in every language.
    pub title: Text,
    /// One-paragraph description shown on the home page and in feeds.
    #[serde(default)]
    pub description: Option<Text>,
    /// Absolute URL the site is published at (used only in citations, the
    /// sitemap and the feeds; every link inside the site is relative so it
    /// opens from disk). Leave it out until the site has a public address:
    /// citations then say so. `--base-url` overrides it.
    #[serde(default)]
    pub base_url: Option<Spanned<String>>,
    /// Language codes, in menu order. govatlas ships zh-TW and en.
    pub languages: Vec<Spanned<String>>,
    /// The language `index.html` at the root redirects to.
    pub default_language: Spanned<String>,
    /// The date the research data was last checked; shown in citations and
    /// briefings. Never taken from the clock, so builds are reproducible.
    #[serde(default)]
    pub data_date: Option<Spanned<PartialDate>>,
    /// Who maintains the site (shown in the footer and citations).
    #[serde(default)]
    pub author: Option<Text>,
    /// Languages texts may be written in without the site publishing an
    /// edition in them (`[nl]` for an imported Dutch register): such a text
    /// is shown as the original, marked with its language, on every edition.
    /// A code in neither list is an error, so a typo is still caught.
    #[serde(default)]
    pub source_languages: Vec<Spanned<String>>,
}

/// Which vocabulary a file under `content/vocabularies/` defines.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum VocabularyKind {
    /// The risk flags cases are ticked against.
    RiskFlags,
    /// Use classes (Engstrom et al. 2020) with their sub-types.
    UseClasses,
    /// AI techniques a case uses.
    Techniques,
    /// Kinds of instrument: law, draft bill, executive order, ...
    InstrumentTypes,
    /// Lifecycle statuses of an instrument: draft, adopted, in force, ...
    Statuses,
    /// The shared principles crosswalk.
    Principles,
    /// Regulatory approaches a jurisdiction takes (strict, light-touch, ...).
    Approaches,
    /// Functions of AI in government, with their listed uses.
    GovFunctions,
}

impl SiteConfig {
    /// The site's data date as written (`2025-07`), if it has one: what
    /// pages, briefings and downloads print.
    pub fn data_date_text(&self) -> Option<String> {
        self.data_date.as_ref().map(|d| d.value.to_string())
    }
}

impl VocabularyKind {
    /// Every kind, in the order pages list them.
    pub const ALL: [VocabularyKind; 8] = [
        Self::RiskFlags,
        Self::UseClasses,
        Self::Techniques,
        Self::InstrumentTypes,
        Self::Statuses,
        Self::Principles,
        Self::Approaches,
        Self::GovFunctions,
    ];

    /// The snake_case name used in YAML and in `taxonomies.json`.
    pub fn name(self) -> &'static str {
        match self {
            Self::RiskFlags => "risk_flags",
            Self::UseClasses => "use_classes",
            Self::Techniques => "techniques",
            Self::InstrumentTypes => "instrument_types",
            Self::Statuses => "statuses",
            Self::Principles => "principles",
            Self::Approaches => "approaches",
            Self::GovFunctions => "gov_functions",
        }
    }
}

/// A file under `content/vocabularies/`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VocabularyFile {
    /// Which vocabulary this is; each may be defined once.
    pub vocabulary: Spanned<VocabularyKind>,
    /// Heading for the vocabulary on the site.
    #[serde(default)]
    pub title: Option<Text>,
    /// What the vocabulary is and where it comes from.
    #[serde(default)]
    pub description: Option<Text>,
    /// The terms, in display order.
    pub terms: Vec<Term>,
}

/// One term of a vocabulary.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable id, used in references and URLs (`personal_data`).
    pub id: Ref,
    /// Label in every language.
    pub label: Text,
    /// Longer explanation.
    #[serde(default)]
    pub description: Option<Text>,
    /// Sub-types (use classes have them: enforcement → intelligent recognition).
    #[serde(default)]
    pub subtypes: Vec<Term>,
    /// Listed uses (government AI functions have them).
    #[serde(default)]
    pub uses: Vec<Text>,
    /// Other names readers search for, in any language (`個資`, `PII` for
    /// personal data): the search finds the term's cases by them too.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A record's sources: ids of entries in `content/sources/`.
pub type SourceRefs = Vec<Ref>;

/// A file under `content/sources/`: bibliography entries records cite by id.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    /// The entries.
    pub sources: Vec<Source>,
}

/// One bibliography entry.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id records cite (`seed-004-study`).
    pub id: Ref,
    /// Title in every language (a title in one language is fine: the other
    /// falls back with a marker).
    pub title: Text,
    /// Where it is published; http(s) only.
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    /// Who published it.
    #[serde(default)]
    pub publisher: Option<Text>,
    /// When it was published.
    #[serde(default)]
    pub published: Option<Spanned<PartialDate>>,
    /// When the URL was last checked.
    #[serde(default)]
    pub accessed: Option<Spanned<PartialDate>>,
    /// What this entry gives that the research documents do not (a
    /// publisher, a date, a full title), taken from the work itself at its
    /// `url`. Shown as "not from the documents".
    #[serde(default)]
    pub not_in_documents: Option<Text>,
}

/// A fact a record gives that the research documents do not, with the
/// source it comes from. Pages mark it "not from the documents".
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Supplement {
    /// What the fact is ("the order's number, 14091").
    pub what: Text,
    /// Where it comes from: a bibliography entry.
    pub source: Ref,
}

/// Kind of jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JurisdictionKind {
    /// A state (ISO 3166-1 alpha-2 id).
    Country,
    /// A supranational union (the EU).
    Union,
    /// An international body (CoE, UN, G7, OECD).
    International,
    /// A constituent part of a country: a US state, a province, a Land. Has a `parent`.
    State,
    /// A city, county or other local government. Has a `parent`.
    City,
}

impl JurisdictionKind {
    /// The snake_case name used in YAML and in page data.
    pub fn name(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Union => "union",
            Self::International => "international",
            Self::State => "state",
            Self::City => "city",
        }
    }

    /// Whether the kind is part of another jurisdiction (and must name it as `parent`).
    pub fn is_subnational(self) -> bool {
        matches!(self, Self::State | Self::City)
    }
}

/// A file under `content/jurisdictions/`: one jurisdiction.
// The `if`/`then` says in the schema what validate/parents.rs checks: a state
// or city names its parent, so an editor flags the missing key as you type.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "if" = {"properties": {"kind": {"enum": ["state", "city"]}}, "required": ["kind"]},
    "then" = {"required": ["parent"]}
))]
pub struct Jurisdiction {
    /// Short lowercase code, stable in URLs (`tw`, `us`, `eu`, `coe`).
    pub id: Ref,
    /// Country, union, international body, state or city.
    pub kind: Spanned<JurisdictionKind>,
    /// The jurisdiction it is part of (a state's country, a city's state or
    /// country). Required for states and cities.
    #[serde(default)]
    pub parent: Option<Ref>,
    /// Name in every language.
    pub name: Text,
    /// A paragraph on how it governs AI.
    #[serde(default)]
    pub summary: Option<Text>,
    /// The dedicated AI body, if it has one (Japan's AISI).
    #[serde(default)]
    pub dedicated_body: Option<Text>,
    /// Its regulatory approach over time, oldest first.
    #[serde(default)]
    pub approaches: Vec<ApproachPeriod>,
    /// Sources for what the record says.
    #[serde(default)]
    pub sources: SourceRefs,
}

/// A period during which a jurisdiction took one regulatory approach.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproachPeriod {
    /// Term of the `approaches` vocabulary.
    pub approach: Ref,
    /// When it began.
    pub from: Spanned<PartialDate>,
    /// When it ended (absent: still current).
    #[serde(default)]
    pub to: Option<Spanned<PartialDate>>,
    /// What the approach meant in practice.
    pub summary: Text,
}

/// Front matter of a Markdown page under `content/pages/` (`about.en.md`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    /// Page title in this file's language.
    pub title: Spanned<String>,
    /// Position in the menu (lower first).
    #[serde(default)]
    pub order: i32,
}
