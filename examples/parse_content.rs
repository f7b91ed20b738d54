//! Stop-gap until `govatlas check` exists: parses every file under a content
//! directory into the schema types and prints each parse error as
//! `file:line:col: message`. Usage: `cargo run --example parse_content -- content`
use govatlas::schema::*;
use std::path::Path;

fn parse<T: for<'de> serde::Deserialize<'de>>(path: &Path, src: &str) -> bool {
    match serde_saphyr::from_str::<T>(src) {
        Ok(_) => true,
        Err(e) => {
            let (l, c) = e
                .location()
                .map(|l| (l.line(), l.column()))
                .unwrap_or((0, 0));
            println!("{}:{l}:{c}: {}", path.display(), e.without_snippet());
            false
        }
    }
}

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| "content".into());
    let mut bad = 0;
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.unwrap();
        let p = entry.path();
        if p.extension().and_then(|e| e.to_str()) != Some("yaml") {
            continue;
        }
        let src = std::fs::read_to_string(p).unwrap();
        let rel = p.strip_prefix(&root).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap();
        let ok = match first {
            "site.yaml" => parse::<SiteConfig>(p, &src),
            "vocabularies" => parse::<VocabularyFile>(p, &src),
            "sources" => parse::<SourcesFile>(p, &src),
            "jurisdictions" => parse::<Jurisdiction>(p, &src),
            "frameworks" => parse::<Framework>(p, &src),
            "inventories" => parse::<Inventory>(p, &src),
            _ => {
                println!("{}: unknown content file", p.display());
                false
            }
        };
        if !ok {
            bad += 1;
        }
    }
    println!("{bad} file(s) with errors");
    std::process::exit(if bad > 0 { 1 } else { 0 });
}
