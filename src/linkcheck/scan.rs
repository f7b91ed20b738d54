//! A small scanner for the tags of HTML that govatlas wrote: enough to find
//! link targets and element ids, with their line and column.

use std::collections::HashSet;

/// What one page holds.
#[derive(Debug, Default)]
pub(super) struct Page {
    /// Every `id` (and `<a name>`) in the page.
    pub ids: HashSet<String>,
    /// `(url, line, column)` of every `href`, `src`, `xlink:href`, and
    /// `<meta http-equiv=refresh content="0; url=…">` target.
    pub links: Vec<(String, u64, u64)>,
}

/// Scans `html`.
pub(super) fn scan(html: &str) -> Page {
    let mut page = Page::default();
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off;
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let start = i + 1;
        let name_end = html[start..]
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .map_or(b.len(), |e| start + e);
        let name = html[start..name_end].to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            i = start;
            continue;
        }
        let (attrs, end) = attributes(html, name_end);
        i = end;
        let mut refresh = false;
        let mut content = None;
        for (key, value, at) in attrs {
            match key.as_str() {
                "id" => {
                    page.ids.insert(value);
                }
                "name" if name == "a" => {
                    page.ids.insert(value);
                }
                "href" | "src" | "xlink:href" | "action" | "formaction" | "poster" => {
                    page.links.push(with_position(html, value, at));
                }
                "http-equiv" if value.eq_ignore_ascii_case("refresh") => refresh = true,
                "content" => content = Some((value, at)),
                _ => {}
            }
        }
        if let (true, Some((c, at))) = (refresh, content) {
            let lower = c.to_ascii_lowercase();
            if let Some(p) = lower.find("url=") {
                let url = c[p + 4..].trim().trim_matches(['\'', '"']).to_string();
                page.links.push(with_position(html, url, at));
            }
        }
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i = html[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(b.len(), |e| i + e);
        }
    }
    page
}

fn with_position(html: &str, url: String, at: usize) -> (String, u64, u64) {
    let before = &html[..at];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
    (url, line, column)
}

/// Attributes from `i` (just after the tag name) to the end of the tag:
/// `(lower-case name, decoded value, byte offset of the value)`, and the
/// offset after the tag.
fn attributes(html: &str, mut i: usize) -> (Vec<(String, String, usize)>, usize) {
    let b = html.as_bytes();
    let mut out = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (out, i);
        }
        if b[i] == b'>' {
            return (out, i + 1);
        }
        let k0 = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let key = html[k0..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let (v0, v1, next) = if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i] as char;
                let v0 = i + 1;
                let v1 = html[v0..].find(q).map_or(b.len(), |e| v0 + e);
                (v0, v1, (v1 + 1).min(b.len()))
            } else {
                let v0 = i;
                let v1 = html[v0..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .map_or(b.len(), |e| v0 + e);
                (v0, v1, v1)
            };
            out.push((key, decode(&html[v0..v1]), v0));
            i = next;
        } else if !key.is_empty() {
            out.push((key, String::new(), i));
        } else {
            i += 1;
        }
    }
}

/// Decodes the character references an escaper writes.
pub(super) fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let n = name.strip_prefix('#')?;
                    let v = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(v)
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_links_ids_and_positions() {
        let p = scan(
            "<!-- <a href=x> -->\n<a class=c href=\"a.html?x=1&amp;y=2\">x</a>\n\
             <h2 id='s&#233;'>s</h2><script>var a = '<a href=no>';</script>\
             <meta http-equiv=\"refresh\" content=\"0; url=en/index.html\">",
        );
        assert_eq!(
            p.links,
            vec![
                ("a.html?x=1&y=2".to_string(), 2, 18),
                ("en/index.html".to_string(), 3, 99),
            ]
        );
        assert!(p.ids.contains("sé"));
    }
}
