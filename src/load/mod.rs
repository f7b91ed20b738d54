//! Stage 1, load: find the content files, decode them, and parse each into
//! its schema type. Files are parsed in parallel; a file that fails to parse
//! becomes a diagnostic and the others still load, so one run reports all.

pub mod edit;
mod files;
mod markdown;
pub mod overlay;
mod path;
mod read;
mod yaml;
mod yaml_words;

pub use files::{ContentKind, MAX_FILE_BYTES};

use crate::diagnostics::{Diagnostic, Diagnostics, FileId, SourceMap};
use crate::schema::{
    Framework, Inventory, Jurisdiction, PageFrontMatter, SiteConfig, SourcesFile, Spanned,
    VocabularyFile,
};
use rayon::prelude::*;
use std::path::Path;

/// A Markdown page in one language (`content/pages/about.en.md`).
#[derive(Debug, Clone)]
pub struct PageFile {
    /// `about`.
    pub slug: String,
    /// `en`.
    pub lang: String,
    /// Front matter.
    pub front: PageFrontMatter,
    /// The Markdown body.
    pub body: String,
}

/// Everything parsed from `content/`, each record beside the file it came from.
#[derive(Debug, Default)]
pub struct LoadedContent {
    /// The text of every file read, for diagnostics.
    pub sources: SourceMap,
    /// `site.yaml`.
    pub config: Option<(FileId, SiteConfig)>,
    /// Vocabulary files.
    pub vocabularies: Vec<(FileId, VocabularyFile)>,
    /// Bibliography files.
    pub bibliography: Vec<(FileId, SourcesFile)>,
    /// Jurisdictions.
    pub jurisdictions: Vec<(FileId, Jurisdiction)>,
    /// Frameworks (instruments).
    pub frameworks: Vec<(FileId, Framework)>,
    /// Case inventories.
    pub inventories: Vec<(FileId, Inventory)>,
    /// Markdown pages.
    pub pages: Vec<(FileId, PageFile)>,
    /// Language keys of every bilingual text, by file.
    pub text_languages: Vec<(FileId, Vec<Spanned<String>>)>,
    /// Files found but not loaded (unreadable, not UTF-8, or failing to
    /// parse), with what they would have held. Validation uses this to
    /// avoid reporting references into them as unknown.
    pub failed: Vec<(FileId, ContentKind)>,
}

/// One parsed file.
enum Parsed {
    Config(SiteConfig),
    Vocabulary(VocabularyFile),
    Sources(SourcesFile),
    Jurisdiction(Jurisdiction),
    Framework(Framework),
    Inventory(Inventory),
    Page(PageFile),
}

/// Stack of each parser thread; see [`load_with_limit`].
pub const PARSER_STACK_BYTES: usize = 8 * 1024 * 1024;

/// Loads the content under `root/content`.
pub fn load(root: &Path) -> (LoadedContent, Diagnostics) {
    load_with_limit(root, MAX_FILE_BYTES)
}

/// Like [`load`], refusing files over `max_bytes`.
pub fn load_with_limit(root: &Path, max_bytes: u64) -> (LoadedContent, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut content = LoadedContent::default();
    let found = files::discover(
        root,
        max_bytes,
        &mut content.sources,
        &mut diags,
        &mut content.failed,
    );

    let parse = |f: &files::Found| {
        let text = content.sources.text(f.id);
        let (parsed, langs) = crate::schema::collect_language_keys(|| parse_file(f, text));
        (f.id, parsed, langs)
    };
    // Parsing recurses once per level of YAML nesting (up to the limit of
    // 64), which can need more than the 2 MiB stack of rayon's default
    // threads in a debug build: parser threads get the main thread's 8 MiB.
    let results: Vec<_> = match rayon::ThreadPoolBuilder::new()
        .stack_size(PARSER_STACK_BYTES)
        .build()
    {
        Ok(pool) => pool.install(|| found.par_iter().map(parse).collect()),
        Err(_) => found.iter().map(parse).collect(),
    };

    for ((id, parsed, langs), f) in results.into_iter().zip(&found) {
        match parsed {
            Ok(p) => {
                content.text_languages.push((id, langs));
                match p {
                    Parsed::Config(c) => {
                        if content.config.is_some() {
                            diags.push(
                                Diagnostic::new("duplicate-config", "a second site.yaml")
                                    .in_file(id),
                            );
                        } else {
                            content.config = Some((id, c));
                        }
                    }
                    Parsed::Vocabulary(v) => content.vocabularies.push((id, v)),
                    Parsed::Sources(s) => content.bibliography.push((id, s)),
                    Parsed::Jurisdiction(j) => content.jurisdictions.push((id, j)),
                    Parsed::Framework(f) => content.frameworks.push((id, f)),
                    Parsed::Inventory(i) => content.inventories.push((id, i)),
                    Parsed::Page(p) => content.pages.push((id, p)),
                }
            }
            Err(d) => {
                diags.push(*d);
                content.failed.push((id, f.kind.clone()));
            }
        }
    }
    (content, diags)
}

/// One content file's text as [`load`] decodes it (byte-order mark
/// dropped), or None when it cannot be read as UTF-8 text within the size
/// limit (a full load then says why).
pub fn read_text(path: &Path) -> Option<String> {
    read::read_text(path, MAX_FILE_BYTES).ok()
}

/// Parses one file's text as the record `kind` says it holds, as the build
/// would; for tests and the fuzz target. Never panics, whatever the text.
pub fn parse_text(kind: &ContentKind, text: &str) -> Result<(), Box<Diagnostic>> {
    let f = files::Found {
        id: FileId(0),
        kind: kind.clone(),
    };
    let (parsed, _) = crate::schema::collect_language_keys(|| parse_file(&f, text));
    parsed.map(|_| ())
}

fn parse_file(f: &files::Found, text: &str) -> Result<Parsed, Box<Diagnostic>> {
    use ContentKind as K;
    Ok(match f.kind {
        K::Config => Parsed::Config(yaml::parse(f.id, text, 0)?),
        K::Vocabulary => Parsed::Vocabulary(yaml::parse(f.id, text, 0)?),
        K::Sources => Parsed::Sources(yaml::parse(f.id, text, 0)?),
        K::Jurisdiction => Parsed::Jurisdiction(yaml::parse(f.id, text, 0)?),
        K::Framework => Parsed::Framework(yaml::parse(f.id, text, 0)?),
        K::Inventory => Parsed::Inventory(yaml::parse(f.id, text, 0)?),
        K::Page { ref slug, ref lang } => {
            let (front, body) = markdown::split_front_matter(f.id, text)?;
            Parsed::Page(PageFile {
                slug: slug.clone(),
                lang: lang.clone(),
                front,
                body,
            })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The deepest documents the limits let through, on half the stack the
    /// parser threads get: a margin of two for other builds and platforms.
    #[test]
    fn the_deepest_inputs_fit_in_half_the_parser_stack() {
        let nested = |depth: usize, leaf: &str| {
            let mut s = String::from(
                "id: a\njurisdiction: tw\ntype: law\ntitle: {en: A}\nbinding: true\nprovisions: ",
            );
            for i in 0..depth {
                s.push_str(&format!("[{{id: p{i}, label: {{en: P}}, provisions: "));
            }
            s.push_str(leaf);
            for _ in 0..depth {
                s.push_str("}]");
            }
            s
        };
        let docs = [
            // Typed parse down to the depth limit.
            nested(40, "[]"),
            // A type error early, then deep nesting for the path finder.
            format!("id: [{}]", nested(40, "[]").replace('\n', ", ")),
            format!("binding: {{x: {}}}\n", "[".repeat(200)),
        ];
        std::thread::Builder::new()
            .stack_size(PARSER_STACK_BYTES / 2)
            .spawn(move || {
                for d in &docs {
                    let _ = parse_text(&ContentKind::Framework, d);
                }
            })
            .unwrap()
            .join()
            .expect("parsing overflowed half the parser stack");
    }
}
