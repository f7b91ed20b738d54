//! What each kind of briefing shows, as template values in one language.
//! Everything is computed from the model (and `analytics`); nothing here
//! reads the clock or the disk, so the same content gives the same bytes.
//!
//! One module per kind of briefing ([`jurisdiction()`], [`compare()`],
//! [`inventory()`]), and the parts they share: the numbered source list
//! ([`cites`]), the cover and section list ([`cover`]), the instruments
//! ([`instruments`]) and the cases ([`cases`]).

mod cases;
mod cites;
mod compare;
mod cover;
mod instruments;
mod inventory;
mod jurisdiction;

pub use compare::compare;
pub use inventory::inventory;
pub use jurisdiction::jurisdiction;

/// Cases listed in a "notable cases" table.
pub const NOTABLE_CASES: usize = 5;
/// An inventory briefing lists every case when it holds at most this many.
pub const FULL_CASE_LIST: usize = 40;
