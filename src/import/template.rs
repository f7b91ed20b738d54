//! Templates over columns: `"{agency}-{name:40}"` for ids,
//! `"https://example.org/{id}"` for URLs. A placeholder names a column (or a
//! built-in such as `{line}`), optionally cut to a length (`:40`); one that
//! names neither is an error when the mapping is checked, never text copied
//! into every record.

use super::columns::Columns;

/// One part of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Text written as is.
    Text(String),
    /// A placeholder.
    Var {
        /// Column or built-in name.
        name: String,
        /// Length to cut the value to.
        max: Option<usize>,
    },
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Its parts in order.
    pub parts: Vec<Part>,
}

impl Template {
    /// Parses `{name}` and `{name:N}` placeholders.
    pub fn parse(s: &str) -> Result<Template, String> {
        let mut parts = Vec::new();
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            if let Some(close) = rest[..open].find('}') {
                return Err(format!("{s:?}: `}}` at {} has no `{{`", close));
            }
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_string()));
            }
            let after = &rest[open + 1..];
            let close = after
                .find('}')
                .ok_or_else(|| format!("{s:?}: a `{{` is not closed"))?;
            let inner = after[..close].trim();
            if inner.is_empty() || inner.contains('{') {
                return Err(format!("{s:?}: an empty or nested placeholder"));
            }
            let (name, max) = match inner.rsplit_once(':') {
                Some((n, m)) if !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()) => (
                    n.trim().to_string(),
                    Some(m.parse::<usize>().unwrap_or(0).max(1)),
                ),
                _ => (inner.to_string(), None),
            };
            parts.push(Part::Var { name, max });
            rest = &after[close + 1..];
        }
        if rest.contains('}') {
            return Err(format!("{s:?}: a `}}` has no `{{`"));
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_string()));
        }
        Ok(Template { parts })
    }

    /// The placeholder names.
    pub fn vars(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Var { name, .. } => Some(name.as_str()),
            Part::Text(_) => None,
        })
    }

    /// Every placeholder is one of `builtins` or a column of the file.
    pub fn check(&self, at: &str, columns: &Columns, builtins: &[&str]) -> Result<(), String> {
        for v in self.vars() {
            if builtins.contains(&v) || columns.has(v) {
                continue;
            }
            let near = builtins
                .iter()
                .map(|b| b.to_string())
                .chain(columns.table().headers.iter().cloned())
                .min_by_key(|h| strsim::levenshtein(&h.to_lowercase(), &v.to_lowercase()))
                .unwrap_or_default();
            let also = if builtins.is_empty() {
                String::new()
            } else {
                format!(
                    " nor one of {}",
                    builtins
                        .iter()
                        .map(|b| format!("{{{b}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            return Err(format!(
                "{at}: placeholder {{{v}}} is no column of the file{also} (did you mean {{{near}}}?)"
            ));
        }
        Ok(())
    }

    /// Fills the template: `value(name, max)` gives each placeholder's text.
    pub fn render(&self, mut value: impl FnMut(&str, Option<usize>) -> String) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Var { name, max } => out.push_str(&value(name, *max)),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_placeholders_and_lengths() {
        let t = Template::parse("{agency}-{name:40}/x").unwrap();
        assert_eq!(
            t.parts,
            [
                Part::Var {
                    name: "agency".into(),
                    max: None
                },
                Part::Text("-".into()),
                Part::Var {
                    name: "name".into(),
                    max: Some(40)
                },
                Part::Text("/x".into()),
            ]
        );
        assert!(Template::parse("{a").is_err());
        assert!(Template::parse("a}").is_err());
        assert!(Template::parse("{}").is_err());
        // A colon not followed by a number is part of the name.
        assert_eq!(
            Template::parse("{Date: adopted}").unwrap().parts,
            [Part::Var {
                name: "Date: adopted".into(),
                max: None
            }]
        );
    }
}
