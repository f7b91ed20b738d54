//! The starter site's files: what `govatlas init` writes, by path.
//!
//! The vocabularies are the default site's own files (`include_str!` from
//! `content/vocabularies/`), so the starter cannot drift from them; the
//! example records, pages, `.gitignore` and CI workflow live beside this
//! file in `starter/`. Every YAML file under `content/` gets a first line
//! naming its JSON Schema, so an editor completes and checks it.

use super::install::Install;
use crate::schema::json;

/// The vocabularies a study of government AI use needs, from the default site.
const VOCABULARIES: [(&str, &str); 7] = [
    (
        "risk_flags.yaml",
        include_str!("../../content/vocabularies/risk_flags.yaml"),
    ),
    (
        "use_classes.yaml",
        include_str!("../../content/vocabularies/use_classes.yaml"),
    ),
    (
        "techniques.yaml",
        include_str!("../../content/vocabularies/techniques.yaml"),
    ),
    (
        "principles.yaml",
        include_str!("../../content/vocabularies/principles.yaml"),
    ),
    (
        "instrument_types.yaml",
        include_str!("../../content/vocabularies/instrument_types.yaml"),
    ),
    (
        "statuses.yaml",
        include_str!("../../content/vocabularies/statuses.yaml"),
    ),
    (
        "approaches.yaml",
        include_str!("../../content/vocabularies/approaches.yaml"),
    ),
];

/// Records and pages, with the path each is written to.
const RECORDS: [(&str, &str); 7] = [
    ("content/site.yaml", include_str!("starter/site.yaml")),
    (
        "content/sources/sources.yaml",
        include_str!("starter/sources.yaml"),
    ),
    (
        "content/jurisdictions/tw.yaml",
        include_str!("starter/jurisdiction.yaml"),
    ),
    (
        "content/frameworks/tw/tw-ai-basic-act-draft.yaml",
        include_str!("starter/framework.yaml"),
    ),
    (
        "content/inventories/tw-digi-2023.yaml",
        include_str!("starter/inventory.yaml"),
    ),
    (
        "content/pages/about.en.md",
        include_str!("starter/about.en.md"),
    ),
    (
        "content/pages/about.zh-TW.md",
        include_str!("starter/about.zh-TW.md"),
    ),
];

const GITIGNORE: &str = include_str!("starter/gitignore");
const WORKFLOW: &str = include_str!("starter/site.yml");

/// Where the CI workflow is written.
pub const WORKFLOW_PATH: &str = ".github/workflows/site.yml";

/// The first lines of a content file at `rel` (a path from the site root):
/// its schema for yaml-language-server (VS Code, Neovim, Helix...) and for
/// JetBrains IDEs, which read a comment of their own. Paths are relative
/// to the file, as both resolve them. None for a file with no schema or
/// that is not YAML (a page's front matter is inside Markdown).
pub fn schema_lines(rel: &str) -> Option<String> {
    let under_content = rel.strip_prefix("content/")?;
    if !(rel.ends_with(".yaml") || rel.ends_with(".yml")) {
        return None;
    }
    let file = json::file_for(under_content)?;
    let depth = rel.matches('/').count();
    let path = format!("{}{}/{file}", "../".repeat(depth), json::DEFAULT_DIR);
    Some(format!(
        "# yaml-language-server: $schema={path}\n# $schema: {path}\n"
    ))
}

/// Every file of the starter site except the schemas, as (path from the
/// site root, contents), in the order they are written.
pub fn files(install: &Install) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |rel: String, body: String| {
        let text = match schema_lines(&rel) {
            Some(lines) => lines + &body,
            None => body,
        };
        out.push((rel, text));
    };
    let (first, rest) = RECORDS.split_at(1);
    for (rel, body) in first {
        push(rel.to_string(), body.to_string());
    }
    for (name, body) in VOCABULARIES {
        let note = "# From govatlas's default site, whose study these terms come from: edit,\n\
                    # add or remove terms to fit yours (ids are used in references and URLs).\n";
        push(
            format!("content/vocabularies/{name}"),
            format!("{note}{body}"),
        );
    }
    for (rel, body) in rest {
        push(rel.to_string(), body.to_string());
    }
    push(".gitignore".into(), GITIGNORE.into());
    push(
        WORKFLOW_PATH.into(),
        WORKFLOW
            .replace("{{GOVATLAS_GIT}}", &install.git)
            .replace("{{GOVATLAS_REF}}", &install.rev),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_paths_are_relative_to_the_file() {
        assert_eq!(
            schema_lines("content/site.yaml").unwrap(),
            "# yaml-language-server: $schema=../.govatlas/schema/site.json\n\
             # $schema: ../.govatlas/schema/site.json\n"
        );
        assert!(schema_lines("content/frameworks/tw/x.yaml")
            .unwrap()
            .starts_with(
                "# yaml-language-server: $schema=../../../.govatlas/schema/framework.json\n"
            ));
        assert_eq!(schema_lines("content/pages/about.en.md"), None);
        assert_eq!(schema_lines(".github/workflows/site.yml"), None);
    }

    #[test]
    fn every_content_yaml_names_its_schema() {
        let install = Install {
            git: "https://git.example/govatlas".into(),
            rev: "main".into(),
        };
        let files = files(&install);
        for (rel, text) in &files {
            if rel.starts_with("content/") && rel.ends_with(".yaml") {
                assert!(
                    text.starts_with("# yaml-language-server: $schema="),
                    "{rel}"
                );
            }
        }
        let workflow = &files.iter().find(|(r, _)| r == WORKFLOW_PATH).unwrap().1;
        assert!(workflow.contains("GOVATLAS_GIT: \"https://git.example/govatlas\""));
        assert!(!workflow.contains("{{GOVATLAS"));
    }
}
