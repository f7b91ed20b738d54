//! The data dictionary's entries for the figures' downloads
//! (`data/figures/…`): the figures code lists each file it writes here,
//! with its columns, and the data page and `data/dictionary.csv` show them
//! after the case downloads. None yet.

use super::dictionary::File;
use crate::model::Site;

/// The figures' downloads and their columns.
pub fn files(_site: &Site) -> Vec<File> {
    Vec::new()
}
