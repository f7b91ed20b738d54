//! Re-importing: what is already in `content/` meets what the import made.
//! [`cases`] merges cases into the inventory, keeping the fields a case
//! overrides and the gone cases that have overrides; [`frameworks`] rewrites
//! an instrument's file block by block, keeping every top-level field the
//! import does not write or that the record overrides, byte for byte.

pub mod cases;
pub mod frameworks;
