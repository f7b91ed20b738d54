//! Splitting a Markdown page into its YAML front matter and body.

use super::yaml;
use crate::diagnostics::{Diagnostic, FileId};
use crate::schema::PageFrontMatter;

/// Splits `---\n<yaml>\n---\n<body>`; errors in the front matter point at
/// their line in the whole file, not in the front matter.
pub(super) fn split_front_matter(
    file: FileId,
    text: &str,
) -> Result<(PageFrontMatter, String), Box<Diagnostic>> {
    let missing = || {
        Box::new(
            Diagnostic::new("front-matter", "page has no front matter")
                .in_file(file)
                .at_line(1, 1)
                .help("start the file with ---, a line `title: ...`, and --- "),
        )
    };
    let rest = text.strip_prefix("---").ok_or_else(missing)?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
        .ok_or_else(missing)?;
    let mut end = None;
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            end = Some((pos, pos + line.len()));
            break;
        }
        pos += line.len();
    }
    let (yaml_end, body_start) = end.ok_or_else(|| {
        Box::new(
            Diagnostic::new("front-matter", "front matter is not closed")
                .in_file(file)
                .at_line(1, 1)
                .help("end the front matter with a line holding only ---"),
        )
    })?;
    let front = yaml::parse(file, &rest[..yaml_end], 1)?;
    Ok((front, rest[body_start..].to_string()))
}
