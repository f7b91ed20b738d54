//! govatlas: a static report and knowledge-site generator for AI-governance research.
//!
//! The pipeline, one module per stage: [`load`] (files → schema records) →
//! [`validate`] (references, ids, dates → [`model::Site`]) → [`analytics`]
//! and [`charts`] (numbers and SVG) → [`render`] (pages and data) →
//! [`output`] (atomic write). [`pipeline`] chains them; [`cli`] is the
//! command line.

pub mod analytics;
pub mod brief;
pub mod charts;
pub mod cli;
pub mod diagnostics;
pub mod import;
pub mod init;
pub mod linkcheck;
pub mod load;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod schema;
pub mod serve;
pub mod validate;
