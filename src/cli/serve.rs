//! `govatlas serve`: build, serve on 127.0.0.1, rebuild on change, reload
//! open pages, and show content errors in the browser.

use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `govatlas serve`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Site root (the folder holding content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Where to write and serve the site [default: ROOT/output].
    #[arg(long)]
    pub output_dir: Option<PathBuf>,
    /// The address the site is published at, in place of `base_url` in
    /// site.yaml (for citations, the sitemap and the feeds).
    #[arg(long, value_parser = super::parse_base_url)]
    pub base_url: Option<String>,
    /// Milliseconds of quiet after a change before rebuilding.
    #[arg(long, default_value_t = crate::serve::DEFAULT_DEBOUNCE_MS)]
    pub debounce_ms: u64,
}

/// Runs until killed; returns an exit code only when it cannot start.
pub fn execute(args: Args) -> i32 {
    let out = args
        .output_dir
        .clone()
        .unwrap_or_else(|| args.root.join("output"));
    // Serve writes where a build does: the same folders are refused.
    if let Err(r) = crate::output::check(&args.root, &out, false) {
        return super::report::refusal(r, crate::diagnostics::Format::Human);
    }
    let settings = crate::pipeline::Settings {
        base_url: args.base_url.clone(),
    };
    let opts = crate::serve::Options {
        root: args.root.clone(),
        out,
        port: args.port,
        debounce: Duration::from_millis(args.debounce_ms),
    };
    let result = crate::serve::run(
        opts.clone(),
        crate::serve::incremental_rebuild(settings),
        |addr| {
            println!(
            "serving http://{addr}/ from {} (watching content/, templates/, themes/ under {}; Ctrl-C stops)",
            opts.out.display(),
            opts.root.display()
        );
            use std::io::Write;
            let _ = std::io::stdout().flush();
        },
    );
    match result {
        Ok(()) => 0,
        Err(msg) => {
            eprintln!("error: {msg}");
            2
        }
    }
}
