//! Stage 6, render: every page of the site as HTML bytes, plus the data
//! downloads. Templates come from the theme compiled into the binary
//! (`themes/default/templates`), and a site overrides any of them by putting
//! a file of the same name in its own `templates/` folder.
//!
//! The theme is in [`default_theme`] (compiled in) and [`theme`] (loaded,
//! with a site's overrides); rendering the whole site into a [`Sink`] in
//! [`stream`]; each kind of page and data file in the modules below.

/// A JSON object built by moving each value in (`Value::from`), unlike
/// `serde_json::json!`, which serializes every value again (a deep copy of
/// any nested `Value`): `obj!{"id": id, "label": label}`.
macro_rules! obj {
    ($($k:literal : $v:expr),* $(,)?) => {{
        let mut m = serde_json::Map::new();
        $( m.insert(String::from($k), serde_json::Value::from($v)); )*
        serde_json::Value::Object(m)
    }};
}
pub(crate) use obj;

pub mod case_rows;
pub mod cite;
pub mod data;
mod default_theme;
pub mod facets;
pub mod feed;
mod figure_strings;
pub mod figures;
pub mod i18n;
pub mod layout;
pub mod pages;
pub mod related;
mod root;
pub mod search;
pub mod sitemap;
mod stream;
pub mod text;
mod theme;
pub mod urls;
pub mod views;

pub use default_theme::STATIC_FILES;
pub use stream::{render_jobs, render_site, render_site_to, RenderStats, Sink};
pub(crate) use theme::template_error;
pub use theme::{escape_html, Theme};

/// One rendered file: path relative to the output root, and its bytes.
pub type RenderedFile = (String, Vec<u8>);
