//! The briefing's templates and style sheet. Compiled into the binary from
//! `themes/default`, and overridable like the site's: a site that puts
//! `brief.html`, `brief_macros.html` or `brief.css` in its own `templates/`
//! folder gets its file instead.

use crate::render::template_error;
use std::path::Path;
use tera::Tera;

/// Default templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "brief.html",
        include_str!("../../themes/default/templates/brief.html"),
    ),
    (
        "brief_macros.html",
        include_str!("../../themes/default/templates/brief_macros.html"),
    ),
];

/// The default print style sheet, inlined into every briefing.
const CSS: &str = include_str!("../../themes/default/static/brief.css");

/// Compiled briefing templates and the style sheet.
pub struct BriefTheme {
    tera: Tera,
    css: String,
}

impl BriefTheme {
    /// The default templates with the site's overrides from `root/templates/`.
    pub fn load(root: &Path) -> Result<BriefTheme, String> {
        let dir = root.join("templates");
        let read = |name: &str| -> Result<Option<String>, String> {
            let p = dir.join(name);
            if p.is_file() {
                std::fs::read_to_string(&p)
                    .map(Some)
                    .map_err(|e| format!("{}: {e}", p.display()))
            } else {
                Ok(None)
            }
        };
        let mut templates = Vec::new();
        for (name, text) in TEMPLATES {
            templates.push((
                name.to_string(),
                read(name)?.unwrap_or_else(|| text.to_string()),
            ));
        }
        let css = read("brief.css")?.unwrap_or_else(|| CSS.to_string());
        let mut tera = Tera::default();
        tera.add_raw_templates(templates)
            .map_err(|e| template_error(&e))?;
        tera.autoescape_on(vec![".html"]);
        Ok(BriefTheme { tera, css })
    }

    /// Renders `brief.html` with `ctx` (the style sheet is added as `css`).
    pub fn render(&self, mut ctx: serde_json::Value) -> Result<String, String> {
        ctx["css"] = serde_json::Value::String(self.css.clone());
        let ctx = tera::Context::from_value(ctx).map_err(|e| template_error(&e))?;
        self.tera
            .render("brief.html", &ctx)
            .map_err(|e| format!("rendering the briefing: {}", template_error(&e)))
    }
}
