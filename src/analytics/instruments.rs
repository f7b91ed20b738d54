//! Figures about instruments: each one's status as of the site's data
//! date, the jurisdictions' instruments counted by phase, and the
//! principles crosswalk (principle × instrument, principle × jurisdiction).

use crate::model::Site;
use crate::schema::{Framework, PartialDate, StatusEvent, VocabularyKind as V};

/// Where an instrument stands, in the groups a comparison counts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// In force, adopted, signed, published, established, open for signature.
    Current,
    /// Drafted, proposed or announced: not (yet) adopted.
    Pending,
    /// Revoked, superseded or lapsed: no longer in effect.
    Ended,
    /// The sources give no status.
    NotStated,
}

impl Phase {
    /// Every phase, in the order comparisons show them.
    pub const ALL: [Phase; 4] = [
        Phase::Current,
        Phase::Pending,
        Phase::Ended,
        Phase::NotStated,
    ];

    /// The phase of a status term. The statuses vocabulary is the site's;
    /// the ids below are those of the default vocabulary, and any other
    /// status counts as current (it was reached and not undone).
    pub fn of(status: &str) -> Phase {
        match status {
            "" => Phase::NotStated,
            "draft" | "proposed" | "announced" => Phase::Pending,
            "revoked" | "superseded" | "lapsed" | "repealed" | "expired" | "withdrawn" => {
                Phase::Ended
            }
            _ => Phase::Current,
        }
    }

    /// Stable id (for data attributes, CSS and downloads).
    pub fn id(self) -> &'static str {
        match self {
            Phase::Current => "current",
            Phase::Pending => "pending",
            Phase::Ended => "ended",
            Phase::NotStated => "not_stated",
        }
    }
}

/// Whether `d` falls on or before `limit`, at `limit`'s precision: an
/// event of 2025-07-15 is within a data date of 2025-07, and one of 2025
/// within any data date of 2025.
pub fn on_or_before(d: PartialDate, limit: PartialDate) -> bool {
    let cut = PartialDate {
        year: d.year,
        month: limit.month.and(d.month),
        day: limit.day.and(d.day),
    };
    cut <= limit
}

/// The last status event of `fw` on or before `date` (all of them when
/// the site gives no data date).
pub fn status_event(fw: &Framework, date: Option<PartialDate>) -> Option<&StatusEvent> {
    fw.status_history
        .iter()
        .rev()
        .find(|e| date.is_none_or(|d| on_or_before(e.date.value, d)))
}

/// The status id of `fw` as of `date` ("" when none is known by then).
pub fn status_as_of(fw: &Framework, date: Option<PartialDate>) -> &str {
    status_event(fw, date).map_or("", |e| e.status.value.as_str())
}

/// One jurisdiction's instruments, by phase as of the data date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct JurisdictionInstruments {
    /// The jurisdiction's id.
    pub id: String,
    /// Its instruments (framework indexes), oldest first.
    pub instruments: Vec<usize>,
    /// The instruments of each phase, in [`Phase::ALL`] order.
    pub by_phase: [Vec<usize>; 4],
}

impl JurisdictionInstruments {
    /// The instruments in `phase`.
    pub fn of_phase(&self, phase: Phase) -> &[usize] {
        &self.by_phase[Phase::ALL.iter().position(|p| *p == phase).unwrap_or(0)]
    }
}

/// The principles crosswalk: which crosswalk principles each instrument's
/// own principles are mapped to.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Crosswalk {
    /// Instruments that name principles (framework indexes), grouped by
    /// jurisdiction in model order, oldest first within each.
    pub instruments: Vec<usize>,
    /// For each jurisdiction (model order): how many of its instruments
    /// name principles.
    pub naming: Vec<usize>,
    /// `[principle][k]`: how many of the `k`th instrument's own principles
    /// the site maps to the crosswalk principle (0: it maps none there).
    pub cells: Vec<Vec<usize>>,
    /// `[principle][jurisdiction]`: how many of the jurisdiction's
    /// instruments have a principle mapped to it.
    pub by_jurisdiction: Vec<Vec<usize>>,
}

/// The jurisdictions' instruments by phase, as of `date`.
pub fn jurisdictions(site: &Site, date: Option<PartialDate>) -> Vec<JurisdictionInstruments> {
    site.jurisdictions
        .iter()
        .map(|j| {
            let instruments = site.frameworks_of(&j.id.value);
            let mut by_phase: [Vec<usize>; 4] = Default::default();
            for &i in &instruments {
                let phase = Phase::of(status_as_of(&site.frameworks[i], date));
                let k = Phase::ALL.iter().position(|p| *p == phase).unwrap_or(0);
                by_phase[k].push(i);
            }
            JurisdictionInstruments {
                id: j.id.value.clone(),
                instruments,
                by_phase,
            }
        })
        .collect()
}

/// The crosswalk of the site's instruments.
pub fn crosswalk(site: &Site) -> Crosswalk {
    let principles = &site.vocabulary(V::Principles).terms;
    let mut instruments = Vec::new();
    let mut naming = Vec::new();
    let mut owner = Vec::new(); // jurisdiction position of each listed instrument
    for (jk, j) in site.jurisdictions.iter().enumerate() {
        let own: Vec<usize> = site
            .frameworks_of(&j.id.value)
            .into_iter()
            .filter(|&i| !site.frameworks[i].principles.is_empty())
            .collect();
        naming.push(own.len());
        owner.extend(std::iter::repeat_n(jk, own.len()));
        instruments.extend(own);
    }
    let cells: Vec<Vec<usize>> = principles
        .iter()
        .map(|p| {
            instruments
                .iter()
                .map(|&i| {
                    site.frameworks[i]
                        .principles
                        .iter()
                        .filter(|own| own.maps_to.iter().any(|m| m.value == p.id.value))
                        .count()
                })
                .collect()
        })
        .collect();
    let by_jurisdiction = cells
        .iter()
        .map(|row| {
            let mut counts = vec![0; site.jurisdictions.len()];
            for (k, &n) in row.iter().enumerate() {
                if n > 0 {
                    counts[owner[k]] += 1;
                }
            }
            counts
        })
        .collect();
    Crosswalk {
        instruments,
        naming,
        cells,
        by_jurisdiction,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn events_count_up_to_the_data_date_at_its_precision() {
        assert!(on_or_before(d("2025-07-15"), d("2025-07")));
        assert!(on_or_before(d("2025"), d("2025-07")));
        assert!(on_or_before(d("2024-12-31"), d("2025")));
        assert!(!on_or_before(d("2025-08"), d("2025-07")));
        assert!(!on_or_before(d("2026"), d("2025-07")));
    }

    #[test]
    fn statuses_fall_into_phases() {
        assert_eq!(Phase::of("in_force"), Phase::Current);
        assert_eq!(Phase::of("open_for_signature"), Phase::Current);
        assert_eq!(Phase::of("proposed"), Phase::Pending);
        assert_eq!(Phase::of("lapsed"), Phase::Ended);
        assert_eq!(Phase::of("superseded"), Phase::Ended);
        assert_eq!(Phase::of(""), Phase::NotStated);
    }
}
