//! The rules an ODT and a DOCX package must keep, checked on the briefings:
//! ODF's mimetype and manifest, Office Open XML's content types and
//! relationships, and in both that every style, bookmark, image and
//! relationship a part names exists.
//!
//! No ODF RelaxNG schema is packaged for Debian (LibreOffice and the ODF
//! Toolkit ship none), so the ODT is checked against these rules and opened
//! in LibreOffice (`brief_office`) rather than validated against the schema.

use crate::brief_package::{El, Package};
use std::collections::{BTreeMap, BTreeSet};

/// The ODF media type of a text document.
const ODT: &str = "application/vnd.oasis.opendocument.text";

fn names_of<'a>(els: impl Iterator<Item = &'a El>, attr: &str) -> BTreeSet<String> {
    els.filter_map(|e| e.attr(attr).map(str::to_string))
        .collect()
}

/// ODF's package rules, and every reference inside the parts resolved.
pub fn check_odt(bytes: &[u8], p: &Package) {
    // `mimetype` is the first entry, stored, with no extra field, so its
    // text sits at byte 38 (what `file` and other sniffers read).
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    assert_eq!(
        u16::from_le_bytes([bytes[8], bytes[9]]),
        0,
        "mimetype stored"
    );
    assert_eq!(u16::from_le_bytes([bytes[26], bytes[27]]), 8, "name length");
    assert_eq!(
        u16::from_le_bytes([bytes[28], bytes[29]]),
        0,
        "no extra field"
    );
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(&bytes[38..38 + ODT.len()], ODT.as_bytes());
    assert_eq!(p.entries[0].0, "mimetype");
    assert_eq!(p.entries[0].2, zip::CompressionMethod::Stored);
    assert_eq!(p.part("mimetype"), ODT.as_bytes());

    // The manifest lists the package and every part but itself and mimetype.
    let parts = p.xml_parts();
    let manifest = &parts["META-INF/manifest.xml"];
    assert_eq!(manifest.name, "manifest:manifest");
    assert_eq!(manifest.attr("manifest:version"), Some("1.3"));
    let mut listed = BTreeMap::new();
    for e in manifest.kids("manifest:file-entry") {
        let path = e.attr("manifest:full-path").unwrap().to_string();
        let media = e.attr("manifest:media-type").unwrap().to_string();
        assert!(listed.insert(path, media).is_none(), "listed twice");
    }
    assert_eq!(listed.remove("/").as_deref(), Some(ODT));
    let mut in_zip = p.names();
    in_zip.remove("mimetype");
    in_zip.remove("META-INF/manifest.xml");
    assert_eq!(
        listed.keys().cloned().collect::<BTreeSet<_>>(),
        in_zip,
        "manifest and archive differ"
    );
    for (path, media) in &listed {
        let want = match path.rsplit('.').next().unwrap() {
            "xml" => "text/xml",
            "svg" => "image/svg+xml",
            "png" => "image/png",
            other => panic!("unexpected part {path} ({other})"),
        };
        assert_eq!(media, want, "{path}");
    }

    let content = &parts["content.xml"];
    let styles = &parts["styles.xml"];
    assert_eq!(content.name, "office:document-content");
    assert_eq!(styles.name, "office:document-styles");
    assert_eq!(parts["meta.xml"].name, "office:document-meta");
    for root in [content, styles] {
        assert_eq!(root.attr("office:version"), Some("1.3"));
    }
    // Every style named is defined: paragraph, text, table, cell, graphic
    // styles, page layouts, master pages and fonts.
    let all: Vec<&El> = content
        .descendants()
        .into_iter()
        .chain(styles.descendants())
        .collect();
    let defined = names_of(
        all.iter()
            .copied()
            .filter(|e| e.name == "style:style" || e.name == "style:default-style"),
        "style:name",
    );
    let layouts = names_of(
        all.iter()
            .copied()
            .filter(|e| e.name == "style:page-layout"),
        "style:name",
    );
    let masters = names_of(
        all.iter()
            .copied()
            .filter(|e| e.name == "style:master-page"),
        "style:name",
    );
    let fonts = names_of(
        all.iter().copied().filter(|e| e.name == "style:font-face"),
        "style:name",
    );
    for e in &all {
        for (k, v) in &e.attrs {
            let set = match k.as_str() {
                "style:page-layout-name" => &layouts,
                "style:master-page-name" => &masters,
                k if k.starts_with("style:font-name") => &fonts,
                k if k.ends_with("style-name") => &defined,
                _ => continue,
            };
            assert!(set.contains(v), "{} names an undefined {k} {v:?}", e.name);
        }
    }
    // Headings are in the outline; images and internal links resolve.
    for h in content.all("text:h") {
        assert!(h.attr("text:outline-level").is_some());
    }
    let bookmarks = names_of(content.all("text:bookmark").into_iter(), "text:name");
    for e in content.descendants() {
        let Some(href) = e.attr("xlink:href") else {
            continue;
        };
        if let Some(anchor) = href.strip_prefix('#') {
            assert!(
                bookmarks.contains(anchor),
                "link to a missing bookmark {href}"
            );
        } else if e.name == "draw:image" {
            assert!(p.names().contains(href), "image {href} not in the package");
        } else {
            assert!(
                href.starts_with("https://") || href.starts_with("http://"),
                "{href}"
            );
        }
    }
    for frame in content.all("draw:frame") {
        let mimes: Vec<&str> = frame
            .kids("draw:image")
            .iter()
            .map(|i| i.attr("draw:mime-type").unwrap())
            .collect();
        assert_eq!(
            mimes,
            ["image/svg+xml", "image/png"],
            "SVG, then its PNG fallback"
        );
    }
}

fn resolve(base_dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = base_dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Office Open XML's package rules, and every reference resolved.
pub fn check_docx(p: &Package) {
    let parts = p.xml_parts();
    let names = p.names();
    // [Content_Types].xml gives every part a type, and overrides only parts that exist.
    let types = &parts["[Content_Types].xml"];
    let defaults = names_of(types.kids("Default").into_iter(), "Extension");
    let overrides = names_of(types.kids("Override").into_iter(), "PartName");
    for name in &names {
        if name == "[Content_Types].xml" {
            continue;
        }
        let ext = name.rsplit('.').next().unwrap();
        assert!(
            overrides.contains(&format!("/{name}")) || defaults.contains(ext),
            "{name} has no content type"
        );
    }
    for o in &overrides {
        assert!(names.contains(&o[1..]), "override for a missing part {o}");
    }
    assert!(overrides.contains("/word/document.xml"));
    // Relationships: unique ids, internal targets exist, external ones are web links.
    let mut rel_ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, root) in &parts {
        let Some((dir, file)) = name.rsplit_once("_rels/") else {
            continue;
        };
        let source = format!("{dir}{}", file.trim_end_matches(".rels"));
        let mut ids = BTreeSet::new();
        for r in root.kids("Relationship") {
            let id = r.attr("Id").unwrap().to_string();
            assert!(ids.insert(id.clone()), "{name}: {id} twice");
            let target = r.attr("Target").unwrap();
            if r.attr("TargetMode") == Some("External") {
                assert!(
                    target.starts_with("https://") || target.starts_with("http://"),
                    "{target}"
                );
            } else {
                assert!(
                    names.contains(&resolve(dir, target)),
                    "{name}: missing target {target}"
                );
            }
        }
        rel_ids.insert(source, ids);
    }
    assert_eq!(
        parts["_rels/.rels"].kids("Relationship")[0].attr("Target"),
        Some("word/document.xml")
    );
    // Every relationship a part names is one of its own; every style and
    // numbering it names is defined; internal links reach a bookmark.
    let styles = &parts["word/styles.xml"];
    let style_ids = names_of(styles.all("w:style").into_iter(), "w:styleId");
    let num_ids = names_of(
        parts["word/numbering.xml"].all("w:num").into_iter(),
        "w:numId",
    );
    for part in [
        "word/document.xml",
        "word/header1.xml",
        "word/footer1.xml",
        "word/styles.xml",
    ] {
        let root = &parts[part];
        let own = rel_ids.get(part).cloned().unwrap_or_default();
        let bookmarks = names_of(root.all("w:bookmarkStart").into_iter(), "w:name");
        for e in root.descendants() {
            for (k, v) in &e.attrs {
                match k.as_str() {
                    "r:id" | "r:embed" => assert!(own.contains(v), "{part}: no relationship {v}"),
                    "w:val"
                        if matches!(
                            e.name.as_str(),
                            "w:pStyle" | "w:rStyle" | "w:tblStyle" | "w:basedOn"
                        ) =>
                    {
                        assert!(style_ids.contains(v), "{part}: undefined style {v}")
                    }
                    "w:val" if e.name == "w:numId" => {
                        assert!(num_ids.contains(v), "{part}: numbering {v}")
                    }
                    "w:anchor" => assert!(bookmarks.contains(v), "{part}: no bookmark {v}"),
                    _ => {}
                }
            }
        }
    }
    let ids: Vec<&str> = parts["word/document.xml"]
        .all("w:bookmarkStart")
        .iter()
        .map(|b| b.attr("w:id").unwrap())
        .collect();
    assert_eq!(
        ids.len(),
        ids.iter().collect::<BTreeSet<_>>().len(),
        "bookmark ids are unique"
    );
    // Each chart: a PNG, and its SVG through Word's svgBlip extension.
    let document = &parts["word/document.xml"];
    for blip in document.all("a:blip") {
        let svg = blip.all("asvg:svgBlip");
        assert_eq!(svg.len(), 1, "an SVG beside each PNG");
    }
}
