//! `govatlas schema`: write the JSON Schema of every content file kind.

use crate::schema::json;
use std::path::PathBuf;

/// Arguments of `govatlas schema`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Site root (the folder holding content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the schemas [default: ROOT/.govatlas/schema].
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Writes the schemas (rewriting the files of an earlier version) and lists them.
pub fn execute(args: Args) -> i32 {
    let dir = args
        .out
        .unwrap_or_else(|| args.root.join(json::DEFAULT_DIR));
    match crate::init::write_schemas(&dir) {
        Ok(written) => {
            for s in json::all() {
                let state = if written.contains(&s.file) {
                    "written"
                } else {
                    "unchanged"
                };
                println!("{} ({state}): {}", dir.join(s.file).display(), s.applies_to);
            }
            println!(
                "editors with YAML support (yaml-language-server in VS Code or Neovim, JetBrains) \
                 use a schema named in a first line such as\n  \
                 # yaml-language-server: $schema=../../.govatlas/schema/inventory.json"
            );
            0
        }
        Err(e) => {
            eprintln!("error: writing schemas into {}: {e}", dir.display());
            super::EXIT_CONTENT_ERRORS
        }
    }
}
