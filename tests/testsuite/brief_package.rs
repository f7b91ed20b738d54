//! Reading the ODT and DOCX briefings back for the tests: the archive, each
//! XML part as a tree (parsing checks that it is well-formed), the tables
//! as text, and the structural rules of each package format.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

/// An element of a parsed XML part.
#[derive(Debug, Default)]
pub struct El {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug)]
pub enum Node {
    El(El),
    Text(String),
}

impl El {
    pub fn attr(&self, k: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(a, _)| a == k)
            .map(|(_, v)| v.as_str())
    }

    /// This element and every element below it, in document order.
    pub fn descendants(&self) -> Vec<&El> {
        let mut out = vec![self];
        for c in &self.children {
            if let Node::El(e) = c {
                out.extend(e.descendants());
            }
        }
        out
    }

    pub fn all(&self, name: &str) -> Vec<&El> {
        self.descendants()
            .into_iter()
            .filter(|e| e.name == name)
            .collect()
    }

    pub fn kids(&self, name: &str) -> Vec<&El> {
        self.children
            .iter()
            .filter_map(|c| match c {
                Node::El(e) if e.name == name => Some(e),
                _ => None,
            })
            .collect()
    }

    /// The text a reader sees: ODF's `text:s` spaces, tabs and line
    /// breaks, and Word's `w:t`, `w:tab` and `w:br`.
    pub fn text(&self) -> String {
        let mut s = String::new();
        match self.name.as_str() {
            "text:s" => {
                let n: usize = self.attr("text:c").map_or(1, |c| c.parse().unwrap());
                s.push_str(&" ".repeat(n));
            }
            "text:tab" | "w:tab" => s.push('\t'),
            "text:line-break" | "w:br" => s.push('\n'),
            // Word's text is in w:t only; names of fields and properties are not text.
            "w:instrText" | "w:rPr" | "w:pPr" => {}
            _ => {
                for c in &self.children {
                    match c {
                        Node::El(e) => s.push_str(&e.text()),
                        Node::Text(t) if !self.name.starts_with("w:") || self.name == "w:t" => {
                            s.push_str(t)
                        }
                        Node::Text(_) => {}
                    }
                }
            }
        }
        s
    }
}

/// Parses an XML part, panicking (with the part's name) unless it is
/// well-formed: matching tags, unique attributes, one root element.
pub fn parse_xml(name: &str, bytes: &[u8]) -> El {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_reader(bytes);
    r.config_mut().trim_text(false);
    let mut stack: Vec<El> = vec![El::default()];
    let mut buf = Vec::new();
    let open = |e: &quick_xml::events::BytesStart| El {
        name: e.name().as_ref().to_string(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.unwrap_or_else(|err| panic!("{name}: bad attribute: {err}"));
                (
                    a.key.as_ref().to_string(),
                    a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect(),
        children: Vec::new(),
    };
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => stack.push(open(&e)),
            Ok(Event::Empty(e)) => {
                let el = open(&e);
                stack.last_mut().unwrap().children.push(Node::El(el));
            }
            Ok(Event::End(_)) => {
                let el = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(Node::El(el));
            }
            Ok(Event::Text(t)) => {
                let t = t.xml10_content().into_owned();
                stack.last_mut().unwrap().children.push(Node::Text(t));
            }
            Ok(Event::GeneralRef(e)) => {
                let t = format!("&{};", e.into_inner());
                let t = quick_xml::escape::unescape(&t).unwrap().into_owned();
                stack.last_mut().unwrap().children.push(Node::Text(t));
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name} is not well-formed XML: {e}"),
        }
        buf.clear();
    }
    assert_eq!(stack.len(), 1, "{name}: unclosed elements");
    let mut roots: Vec<El> = stack
        .pop()
        .unwrap()
        .children
        .into_iter()
        .filter_map(|c| match c {
            Node::El(e) => Some(e),
            Node::Text(t) => {
                assert!(t.trim().is_empty(), "{name}: text outside the root");
                None
            }
        })
        .collect();
    assert_eq!(roots.len(), 1, "{name}: one root element");
    roots.pop().unwrap()
}

/// A package: its entries in archive order.
pub struct Package {
    pub entries: Vec<(
        String,
        Vec<u8>,
        zip::CompressionMethod,
        Option<zip::DateTime>,
    )>,
}

impl Package {
    pub fn read(path: &Path) -> Package {
        let bytes = std::fs::read(path).unwrap();
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut entries = Vec::new();
        for i in 0..z.len() {
            let mut f = z.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            entries.push((
                f.name().unwrap().to_string(),
                data,
                f.compression(),
                f.last_modified(),
            ));
        }
        Package { entries }
    }

    pub fn names(&self) -> BTreeSet<String> {
        self.entries.iter().map(|e| e.0.clone()).collect()
    }

    pub fn part(&self, name: &str) -> &[u8] {
        &self
            .entries
            .iter()
            .find(|e| e.0 == name)
            .unwrap_or_else(|| panic!("no part {name}"))
            .1
    }

    pub fn xml(&self, name: &str) -> El {
        parse_xml(name, self.part(name))
    }

    /// Every XML part, parsed (so each is checked to be well-formed).
    pub fn xml_parts(&self) -> BTreeMap<String, El> {
        self.entries
            .iter()
            .filter(|e| e.0.ends_with(".xml") || e.0.ends_with(".rels"))
            .map(|e| (e.0.clone(), parse_xml(&e.0, &e.1)))
            .collect()
    }
}

/// Tables as rows of cell texts (a cell's paragraphs joined by newlines).
pub type Tables = Vec<Vec<Vec<String>>>;

fn cells_text(cell: &El, para: &str) -> String {
    cell.all(para)
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The ODT's tables, from content.xml.
pub fn odt_tables(p: &Package) -> Tables {
    p.xml("content.xml")
        .all("table:table")
        .iter()
        .map(|t| {
            t.all("table:table-row")
                .iter()
                .map(|r| {
                    r.kids("table:table-cell")
                        .iter()
                        .map(|c| cells_text(c, "text:p"))
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// The DOCX's tables, from word/document.xml.
pub fn docx_tables(p: &Package) -> Tables {
    p.xml("word/document.xml")
        .all("w:tbl")
        .iter()
        .map(|t| {
            t.kids("w:tr")
                .iter()
                .map(|r| {
                    r.kids("w:tc")
                        .iter()
                        .map(|c| cells_text(c, "w:p"))
                        .collect()
                })
                .collect()
        })
        .collect()
}
