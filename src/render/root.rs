//! The two pages at the root of the output: `index.html`, a redirect to the
//! default language's home, and `404.html`, which a host serves for any
//! missing address, whatever language the reader came from.

use super::{i18n, layout, template_error, urls, Sink, Theme};
use crate::model::Site;
use serde_json::{json, Value};

/// Renders the redirect and the 404 page into `sink`; returns how many pages it wrote.
pub(super) fn root_pages(site: &Site, theme: &Theme, sink: &dyn Sink) -> Result<usize, String> {
    let default = site.config.default_language.value.as_str();
    let mut ctx = tera::Context::new();
    ctx.insert("target", &urls::home(default));
    ctx.insert("lang", default);
    ctx.insert("site", &layout::common_context(site, default));
    let html = theme
        .tera
        .render("redirect.html", &ctx)
        .map_err(|e| template_error(&e))?;
    sink.put("index.html", html.as_bytes())?;

    let mut ctx = tera::Context::new();
    let base = layout::common_context(site, default);
    ctx.insert("lang", default);
    ctx.insert("t", &base["t"]);
    ctx.insert("site", &base);
    // Relative from the output root, even with a public address: absolute links would
    // make `govatlas serve` and preview hosts load the published site's stylesheet.
    ctx.insert("root", "");
    ctx.insert("path", "404.html");
    ctx.insert("crumbs", &Vec::<Value>::new());
    ctx.insert("section", "");
    ctx.insert("alternates", &Vec::<Value>::new());
    // The page is in the default language; a reader of another language
    // gets the same message in theirs, with the way to that language's home.
    let others: Vec<Value> = site
        .languages
        .iter()
        .filter(|l| l.as_str() != default)
        .map(|l| {
            json!({
                "lang": l,
                "home": urls::home(l),
                "title": i18n::get(l, "not_found"),
                "help": i18n::get(l, "not_found_elsewhere"),
                "home_label": i18n::get(l, "home_in_language"),
            })
        })
        .collect();
    ctx.insert("others", &others);
    let html = theme
        .tera
        .render("404.html", &ctx)
        .map_err(|e| template_error(&e))?;
    sink.put("404.html", html.as_bytes())?;
    Ok(2)
}
