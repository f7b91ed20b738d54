//! [`Spanned`]: a value with the place it was written, as serde-saphyr reads it.
//!
//! serde-saphyr's own `Spanned<T>` does the reading; this type has the same
//! fields and is built from it. It exists so the content types can derive
//! [`schemars::JsonSchema`]: neither crate implements the other's trait, and
//! Rust lets only this crate implement a foreign trait for a type of its
//! own. Its schema is the schema of `T`, because the position is not in the
//! YAML: a field of type `Spanned<String>` is written as a plain string.

use serde::{Deserialize, Deserializer};
use serde_saphyr::Location;
use std::borrow::Cow;

/// A value with where it was written: `referenced` is the place the value
/// is used (an alias, or the value itself), `defined` the place it is written
/// (an anchor's target, or the value itself).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where the value is used.
    pub referenced: Location,
    /// Where the value is written.
    pub defined: Location,
}

impl<T> Spanned<T> {
    /// A value with the places it was used and written (`Location::UNKNOWN`
    /// for values made in code).
    pub const fn new(value: T, referenced: Location, defined: Location) -> Self {
        Spanned {
            value,
            referenced,
            defined,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        Ok(Spanned::new(s.value, s.referenced, s.defined))
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_position_serde_saphyr_reads() {
        #[derive(Deserialize)]
        struct Doc {
            name: Spanned<String>,
        }
        let doc: Doc = serde_saphyr::from_str("\nname: 資料治理\n").unwrap();
        assert_eq!(doc.name.value, "資料治理");
        assert_eq!(doc.name.referenced.line(), 2);
        assert_eq!(doc.name.referenced.column(), 7);
    }
}
