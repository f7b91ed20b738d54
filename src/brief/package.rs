//! The containers of the ODT and DOCX briefings: XML parts written with
//! `quick-xml` (which escapes every text and attribute), packed by `zip`.
//!
//! Reproducible: parts go into the archive in the order given, each with
//! the same fixed time stamp (1980-01-01 00:00, the earliest a zip can
//! hold) and permissions, deflated by the pure-Rust backend; nothing reads
//! the clock or makes a random id. The same document gives the same bytes.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// An XML part being written.
pub struct Xml(Writer<Vec<u8>>);

/// Writing into a `Vec` cannot fail; quick-xml's error is only about the sink.
const MEMORY: &str = "writing XML to memory";

impl Xml {
    /// A new part, starting with the XML declaration.
    pub fn new() -> Xml {
        let mut w = Writer::new(Vec::new());
        w.write_event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )))
        .expect(MEMORY);
        w.get_mut().push(b'\n');
        Xml(w)
    }

    fn tag<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
        let mut t = BytesStart::new(name);
        for (k, v) in attrs {
            t.push_attribute((*k, xml_chars(v).as_ref()));
        }
        t
    }

    /// `<name attrs>`.
    pub fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.0
            .write_event(Event::Start(Self::tag(name, attrs)))
            .expect(MEMORY);
    }

    /// `</name>`.
    pub fn end(&mut self, name: &str) {
        self.0
            .write_event(Event::End(BytesEnd::new(name)))
            .expect(MEMORY);
    }

    /// `<name attrs/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.0
            .write_event(Event::Empty(Self::tag(name, attrs)))
            .expect(MEMORY);
    }

    /// Escaped text.
    pub fn text(&mut self, s: &str) {
        self.0
            .write_event(Event::Text(BytesText::new(&xml_chars(s))))
            .expect(MEMORY);
    }

    /// `<name attrs>text</name>`.
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start(name, attrs);
        self.text(text);
        self.end(name);
    }

    /// The part's bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.0.into_inner()
    }
}

/// `s` without the characters XML 1.0 forbids (control characters other
/// than tab and line breaks, U+FFFE and U+FFFF): content text cannot make
/// a part unreadable.
pub fn xml_chars(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if s.contains(bad) {
        s.chars().filter(|&c| !bad(c)).collect::<String>().into()
    } else {
        s.into()
    }
}

/// One file of a package.
pub struct Part {
    /// Its path inside the archive.
    pub path: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Deflate it (PNGs and ODF's `mimetype` are stored as they are).
    pub compress: bool,
}

impl Part {
    /// A part to deflate.
    pub fn deflated(path: impl Into<String>, bytes: Vec<u8>) -> Part {
        Part {
            path: path.into(),
            bytes,
            compress: true,
        }
    }

    /// A part to store uncompressed.
    pub fn stored(path: impl Into<String>, bytes: Vec<u8>) -> Part {
        Part {
            path: path.into(),
            bytes,
            compress: false,
        }
    }
}

/// The archive of `parts`, in the order given.
pub fn zip(parts: &[Part]) -> Result<Vec<u8>, String> {
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    let base = SimpleFileOptions::default()
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for p in parts {
        let options = if p.compress {
            base.compression_method(CompressionMethod::Deflated)
                .compression_level(Some(6))
        } else {
            base.compression_method(CompressionMethod::Stored)
        };
        z.start_file(p.path.as_str(), options)
            .and_then(|_| z.write_all(&p.bytes).map_err(Into::into))
            .map_err(|e| format!("packing {}: {e}", p.path))?;
    }
    z.finish()
        .map(Cursor::into_inner)
        .map_err(|e| format!("packing the document: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_cleaned() {
        let mut x = Xml::new();
        x.leaf("a", &[("k", "\"<&\u{1}")], "</a><b>\u{0}&");
        let s = String::from_utf8(x.into_bytes()).unwrap();
        assert!(
            s.ends_with("<a k=\"&quot;&lt;&amp;\">&lt;/a&gt;&lt;b&gt;&amp;</a>"),
            "{s}"
        );
    }

    #[test]
    fn same_parts_same_bytes_with_a_fixed_time() {
        let parts = || {
            vec![
                Part::stored("mimetype", b"application/x-test".to_vec()),
                Part::deflated("content.xml", "<a/>".repeat(100).into_bytes()),
            ]
        };
        let a = zip(&parts()).unwrap();
        assert_eq!(a, zip(&parts()).unwrap());
        let mut r = zip::ZipArchive::new(Cursor::new(a)).unwrap();
        let first = r.by_index(0).unwrap();
        assert_eq!(first.name().unwrap(), "mimetype");
        assert_eq!(first.compression(), CompressionMethod::Stored);
        assert_eq!(first.last_modified(), Some(DateTime::default()));
    }
}
