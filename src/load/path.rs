//! The field path (`cases[3].risk_flags[1]`) at a position in a YAML file,
//! for errors that serde reports with a position but no path (wrong type,
//! unknown or missing field). The file is re-read as a plain tree of maps,
//! lists and scalars with their positions; the path is that of the last
//! node starting at or before the error. Files that are not valid YAML
//! give no path.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// Deepest nesting read for a path.
const MAX_DEPTH: usize = 24;

/// A YAML node; only its shape and positions matter here.
enum Node {
    Map(Vec<(Spanned<Key>, Spanned<Node>)>),
    Seq(Vec<Spanned<Node>>),
    Scalar,
}

/// A mapping key, whatever scalar it is.
struct Key(String);

fn pos<T>(s: &Spanned<T>) -> (u64, u64) {
    (s.referenced.line(), s.referenced.column())
}

/// The path at `(line, column)` of `text`; `parent_only` gives the path of
/// the mapping holding that position (for "unknown field" and "missing
/// field", which are about a record, not a value).
#[cfg(test)]
fn at(text: &str, line: u64, column: u64, parent_only: bool) -> Option<String> {
    find(text, line, column, parent_only).and_then(|f| f.path)
}

/// What [`find`] found.
pub(super) struct Found {
    /// The field path, if not the document itself.
    pub path: Option<String>,
    /// Where the node at that path starts: line, column, and the length
    /// of its first key (for a mapping) or of itself.
    pub start: (u64, u64, u64),
}

/// Like [`at`], also giving where the node at the path starts.
pub(super) fn find(text: &str, line: u64, column: u64, parent_only: bool) -> Option<Found> {
    // The real parse's limits, and a lower depth: this generic tree costs
    // more stack per level than the schema's types, and content is never
    // nested this deep (files that are get no path).
    let options = super::yaml::options_with_depth(text.len(), MAX_DEPTH);
    let root: Spanned<Node> = serde_saphyr::from_str_with_options(text, options).ok()?;
    let target = (line, column);
    let mut path = String::new();
    let mut node = &root;
    loop {
        match &node.value {
            Node::Map(entries) => {
                let Some((k, v)) = entries.iter().rev().find(|(k, _)| pos(k) <= target) else {
                    break;
                };
                // The error is at the key itself (an unknown field): the path
                // is the map's, and the key is in the message.
                if parent_only
                    && (pos(k) == target || !matches!(v.value, Node::Map(_) | Node::Seq(_)))
                {
                    break;
                }
                if parent_only && pos(v) > target {
                    break;
                }
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&k.value.0);
                node = v;
            }
            Node::Seq(items) => {
                let Some((i, v)) = items
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(_, v)| pos(v) <= target)
                else {
                    break;
                };
                if parent_only && !matches!(v.value, Node::Map(_) | Node::Seq(_)) {
                    break;
                }
                path.push_str(&format!("[{i}]"));
                node = v;
            }
            Node::Scalar => break,
        }
    }
    let (l, c) = pos(node);
    let len = match &node.value {
        Node::Map(entries) => entries
            .first()
            .filter(|(k, _)| pos(k) == (l, c))
            .map_or(1, |(k, _)| k.referenced.span().len().max(1)),
        _ => node.referenced.span().len().max(1),
    };
    Some(Found {
        path: (!path.is_empty()).then_some(path),
        start: (l, c, len),
    })
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

macro_rules! scalar {
    ($($f:ident: $t:ty),*) => {
        $(fn $f<E: de::Error>(self, _: $t) -> Result<Node, E> { Ok(Node::Scalar) })*
    };
}

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML node")
    }
    scalar!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_str: &str,
        visit_i128: i128, visit_u128: u128, visit_bytes: &[u8]);
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut v = Vec::new();
        while let Some(x) = seq.next_element()? {
            v.push(x);
        }
        Ok(Node::Seq(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut v = Vec::new();
        while let Some(e) = map.next_entry()? {
            v.push(e);
        }
        Ok(Node::Map(v))
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scalar key")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key, E> {
                Ok(Key(s.to_string()))
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Key, E> {
                Ok(Key(b.to_string()))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Key, E> {
                Ok(Key(n.to_string()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Key, E> {
                Ok(Key(n.to_string()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Key, E> {
                Ok(Key(n.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Key, E> {
                Ok(Key("null".into()))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::at;

    const DOC: &str = "id: x\ncases:\n  - id: c1\n    risk_flags: [a, b]\n  - id: c2\n    use_clas: y\n    flags: {k: [1, 2]}\n";

    #[test]
    fn finds_value_and_record_paths() {
        assert_eq!(
            at(DOC, 4, 21, false).as_deref(),
            Some("cases[0].risk_flags[1]")
        );
        assert_eq!(at(DOC, 1, 5, false).as_deref(), Some("id"));
        // An unknown field: the record holding it.
        assert_eq!(at(DOC, 6, 5, true).as_deref(), Some("cases[1]"));
        assert_eq!(at(DOC, 1, 1, true), None);
        assert_eq!(
            at(DOC, 7, 20, false).as_deref(),
            Some("cases[1].flags.k[1]")
        );
        assert_eq!(at("a: [", 1, 4, false), None);
    }
}
