//! `govatlas build`: content/ → output/.

use crate::diagnostics::Format;
use std::path::PathBuf;

/// Arguments of `govatlas build`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Site root (the folder holding content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site [default: ROOT/output].
    #[arg(long)]
    pub output_dir: Option<PathBuf>,
    /// How to print problems in the content.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Runs the build and prints one summary line.
pub fn execute(args: Args) -> i32 {
    let out = args
        .output_dir
        .clone()
        .unwrap_or_else(|| args.root.join("output"));
    match crate::pipeline::build(&args.root, &out) {
        Ok(r) => {
            println!(
                "built {} pages ({} files, {:.1} MB) into {} in {:.2} s",
                r.pages,
                r.files,
                r.bytes as f64 / 1_000_000.0,
                r.output.display(),
                r.elapsed.as_secs_f64()
            );
            0
        }
        Err(f) => super::report::failure(&f, args.format),
    }
}
