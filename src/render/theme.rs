//! Compiled templates: the default theme layered with a checkout's theme
//! folder and the site's own overrides, and the HTML escaping and error
//! text they use.

use super::default_theme::{STATIC_FILES, TEMPLATES};
use super::RenderedFile;
use std::path::Path;
use tera::Tera;

/// Compiled templates.
pub struct Theme {
    pub(super) tera: Tera,
    pub(super) statics: Vec<RenderedFile>,
}

impl Theme {
    /// Compiles the default templates, then, by file name, those of a
    /// `root/themes/default/templates/` folder on disk (so `govatlas serve`
    /// run in a checkout shows theme edits without recompiling), then the
    /// site's own overrides from `root/templates/*.html`. Static files are
    /// layered the same way from `root/themes/default/static/`. Template
    /// errors are reported as text.
    pub fn load(root: &Path) -> Result<Theme, String> {
        let mut tera = Tera::default();
        let mut templates: Vec<(String, String)> = TEMPLATES
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect();
        for dir in [
            root.join("themes/default/templates"),
            root.join("templates"),
        ] {
            for (name, bytes) in files_in(&dir, ".html")? {
                let text = String::from_utf8(bytes)
                    .map_err(|_| format!("{}: not UTF-8", dir.join(&name).display()))?;
                templates.retain(|(n, _)| *n != name);
                templates.push((name, text));
            }
        }
        tera.add_raw_templates(templates)
            .map_err(|e| template_error(&e))?;
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        let mut statics: Vec<RenderedFile> = STATIC_FILES
            .iter()
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        for (name, bytes) in files_in(&root.join("themes/default/static"), "")? {
            let path = format!("static/{name}");
            statics.retain(|(p, _)| *p != path);
            statics.push((path, bytes));
        }
        Ok(Theme { tera, statics })
    }
}

/// The files directly in `dir` whose names end with `suffix`, sorted by
/// name (none when `dir` does not exist).
fn files_in(dir: &Path, suffix: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    let mut out = Vec::new();
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(suffix) && !name.starts_with('.') {
            let bytes =
                std::fs::read(e.path()).map_err(|err| format!("{}: {err}", e.path().display()))?;
            out.push((name, bytes));
        }
    }
    Ok(out)
}

/// Escapes the five characters that matter in HTML text and quoted
/// attributes. (Tera's default also escapes `/`, which only bloats URLs.)
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A Tera error with its chain of causes, on one line.
pub(crate) fn template_error(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}
