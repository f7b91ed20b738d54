//! The one-paragraph summaries, written from the numbers in the data.
//! Each function takes what it says, already counted, and returns plain
//! text in one language (templates escape it).
//!
//! The wording they share (lists, grouped numbers, plurals) is in [`words`];
//! the sentence about a set of cases, which every kind ends with, in
//! [`cases`]; then one module per kind of briefing.

mod cases;
mod compare;
mod inventory;
mod jurisdiction;
mod words;

pub use cases::CaseFigures;
pub use compare::{compare, CompareEntry};
pub use inventory::{inventory, InventoryFigures};
pub use jurisdiction::{jurisdiction, JurisdictionFigures};
pub use words::{grouped, list};
