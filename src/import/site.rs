//! What an import needs to know about the site before it reads the file:
//! whether the mapping's text language is one the site takes, and if not,
//! the exact line to add to `content/site.yaml`.

use crate::diagnostics::did_you_mean;
use crate::schema::SiteConfig;
use std::path::Path;

/// An error unless `lang` is one of the site's languages or source
/// languages. A site.yaml that cannot be read is left to the validation of
/// what the import would write, which reports it.
pub fn check_text_language(root: &Path, at: &str, lang: &str) -> Result<(), String> {
    let path = root.join("content/site.yaml");
    let Some(text) = crate::load::read_text(&path) else {
        return Ok(());
    };
    let Ok(config) = serde_saphyr::from_str::<SiteConfig>(&text) else {
        return Ok(());
    };
    let languages: Vec<&str> = config.languages.iter().map(|l| l.value.as_str()).collect();
    let sources: Vec<&str> = config
        .source_languages
        .iter()
        .map(|l| l.value.as_str())
        .collect();
    if languages.contains(&lang) || sources.contains(&lang) {
        return Ok(());
    }
    if let Some(near) = did_you_mean(lang, languages.iter().chain(&sources).copied()) {
        return Err(format!(
            "{at}: unknown language `{lang}` (did you mean `{near}`? site.yaml lists {})",
            languages.join(", ")
        ));
    }
    let mut all = sources.clone();
    all.push(lang);
    let line = format!("source_languages: [{}]", all.join(", "));
    let how = match config.source_languages.first() {
        None => format!("add this line to content/site.yaml:\n\n{line}\n"),
        Some(first) => {
            let n = first.referenced.line();
            let written = text.lines().nth(n.saturating_sub(1) as usize).unwrap_or("");
            if written.trim_start().starts_with("source_languages:") {
                format!("change line {n} of content/site.yaml to:\n\n{line}\n")
            } else {
                format!("add `- {lang}` to source_languages in content/site.yaml (its first item is on line {n})")
            }
        }
    };
    Err(format!(
        "{at} is `{lang}`, a language the site does not publish in (site.yaml lists {}). To keep the texts in {lang} as originals, shown with the missing-translation mark on every edition, {how}",
        languages.join(", ")
    ))
}
