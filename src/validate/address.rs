//! The warning for a site without a public address (see [`Address`]).
//!
//! Not an error: a site without one builds and reads well from disk or a
//! preview host. But its citations cannot give a URL and its sitemap and
//! feeds are not written, which an author publishing it should know.

use crate::diagnostics::{Diagnostic, FileId, SourceMap};
use crate::model::{Address, Site};

/// The warning for `site`'s address, if it is not a public one. `flag` says
/// whether the address came from `--base-url` rather than `site.yaml`.
pub fn address_warning(site: &Site, sources: &SourceMap, flag: bool) -> Option<Diagnostic> {
    let file: Option<FileId> = sources
        .ids()
        .find(|&id| sources.path(id) == "content/site.yaml");
    let effect = "citations say the site has no public address yet, and sitemap.xml and \
                  the Atom feeds are not written";
    let d = match &site.address {
        Address::Public(_) => return None,
        Address::Missing => Diagnostic::new("no-base-url", format!("no base_url, so {effect}"))
            .help(
                "once the site is published, add `base_url: https://…/` to content/site.yaml, \
             or pass --base-url (see docs/publishing.md)",
            ),
        Address::Reserved { url, why } => Diagnostic::new(
            "reserved-base-url",
            format!("{url} is not a public address ({why}), so {effect}"),
        )
        .help(if flag {
            "pass the address the site is published at"
        } else {
            "set base_url to the address the site is published at, or leave it out until it \
             has one (--base-url can give it when building)"
        }),
    };
    let d = d.warning();
    let located = match (&site.config.base_url, file, flag) {
        (Some(url), Some(f), false) => {
            Diagnostic::at(f, &url.referenced, d.code, d.message.clone())
                .field("base_url")
                .maybe_help(d.help.clone())
                .warning()
        }
        (_, Some(f), false) => d.in_file(f),
        _ => d,
    };
    Some(located)
}
