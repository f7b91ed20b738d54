//! govatlas: a static report and knowledge-site generator for AI-governance research.
pub mod import;
pub mod schema;
/// Command-line commands (TEMPORARY wiring on the `import` branch; the lead owns this).
pub mod cli {
    pub mod import;
}
