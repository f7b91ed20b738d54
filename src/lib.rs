//! govatlas: a static report and knowledge-site generator for AI-governance research.
pub mod schema;
