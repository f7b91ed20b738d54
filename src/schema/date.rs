//! Dates as research sources give them: a year, a month, or a day.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// `2023`, `2023-12` or `2023-12-01`. Ordering puts a bare year before any
/// month of that year, which is what a timeline wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Four-digit year.
    pub year: u16,
    /// 1–12, when known.
    pub month: Option<u8>,
    /// 1–31 (checked against the month), when known.
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates
    /// such as `2024-02-30` with a message that says why.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let shape_ok = matches!(parts.len(), 1..=3)
            && parts[0].len() == 4
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !shape_ok {
            return Err(format!(
                "invalid date \"{s}\": expected YYYY, YYYY-MM or YYYY-MM-DD"
            ));
        }
        let year: u16 = parts[0]
            .parse()
            .map_err(|_| format!("invalid year in \"{s}\""))?;
        let month = match parts.get(1) {
            Some(m) => {
                let m: u8 = m.parse().unwrap_or(0);
                if !(1..=12).contains(&m) {
                    return Err(format!("invalid date \"{s}\": month must be 01 to 12"));
                }
                Some(m)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(d), Some(m)) => {
                let d: u8 = d.parse().unwrap_or(0);
                let max = days_in_month(year, m);
                if d == 0 || d > max {
                    return Err(format!(
                        "impossible date \"{s}\": {} {year} has {max} days",
                        MONTH_NAMES[m as usize - 1]
                    ));
                }
                Some(d)
            }
            _ => None,
        };
        Ok(PartialDate { year, month, day })
    }

    /// Days since 1970-01-01 of the first day this date covers (for feeds).
    pub fn days_from_epoch(&self) -> i64 {
        let (y, m, d) = (
            self.year as i64,
            self.month.unwrap_or(1) as i64,
            self.day.unwrap_or(1) as i64,
        );
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// `YYYY-MM-DD`, filling unknown parts with the first month or day.
    pub fn full_iso(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1)
        )
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date as YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PartialDate, E> {
                PartialDate::parse(v).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PartialDate, E> {
                PartialDate::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<PartialDate, E> {
                PartialDate::parse(&v.to_string()).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

/// A string `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or a bare year (YAML reads
/// an unquoted `2023` as a number, and the parser takes it). The schema
/// checks the shape; whether the day exists in that month is checked by the
/// parser, with the reason.
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date as precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD.",
            "anyOf": [
                {"type": "string", "pattern": "^\\s*[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\\s*$"},
                {"type": "integer", "minimum": 1000, "maximum": 9999}
            ],
            "examples": ["2024", "2024-06", "2024-06-13"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(PartialDate::parse("2023").unwrap().to_string(), "2023");
        assert_eq!(
            PartialDate::parse("2023-12").unwrap().to_string(),
            "2023-12"
        );
        assert_eq!(
            PartialDate::parse("2024-02-29").unwrap().to_string(),
            "2024-02-29"
        );
    }

    #[test]
    fn rejects_impossible_dates_with_reason() {
        assert_eq!(
            PartialDate::parse("2024-02-30").unwrap_err(),
            "impossible date \"2024-02-30\": February 2024 has 29 days"
        );
        assert!(PartialDate::parse("2023-13").is_err());
        assert!(PartialDate::parse("23-01-01").is_err());
    }

    #[test]
    fn year_sorts_before_its_months() {
        assert!(PartialDate::parse("2023").unwrap() < PartialDate::parse("2023-01").unwrap());
    }

    #[test]
    fn epoch_days() {
        assert_eq!(
            PartialDate::parse("1970-01-01").unwrap().days_from_epoch(),
            0
        );
        assert_eq!(
            PartialDate::parse("2000-03-01").unwrap().days_from_epoch(),
            11017
        );
    }
}
