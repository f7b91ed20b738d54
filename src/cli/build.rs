//! `govatlas build`: content/ → output/.

use crate::diagnostics::Format;
use std::io::IsTerminal;
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
    /// The address the site is published at, in place of `base_url` in
    /// site.yaml (for citations, the sitemap and the feeds).
    #[arg(long, value_parser = super::parse_base_url)]
    pub base_url: Option<String>,
    /// Print how long each stage took.
    #[arg(long)]
    pub timings: bool,
    /// Build into an output folder that holds files govatlas did not
    /// write; they are kept in a folder beside it (`NAME.before-govatlas`).
    /// Never allowed for the site root, content/, templates/, themes/ or a
    /// file.
    #[arg(long)]
    pub force: bool,
}

/// A progress bar on a terminal; nothing otherwise (CI gets the summary lines).
struct Bar(Option<indicatif::ProgressBar>);

impl crate::pipeline::Progress for Bar {
    fn start(&self, files: usize) {
        if let Some(b) = &self.0 {
            b.set_length(files as u64);
        }
    }
    fn tick(&self) {
        if let Some(b) = &self.0 {
            b.inc(1);
        }
    }
}

/// Runs the build and prints one summary line.
pub fn execute(args: Args) -> i32 {
    let out = args
        .output_dir
        .clone()
        .unwrap_or_else(|| args.root.join("output"));
    // Before anything is read or written.
    let target = match crate::output::check(&args.root, &out, args.force) {
        Ok(t) => t,
        Err(r) => return super::report::refusal(r, args.format),
    };
    let bar = Bar(std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new(0);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} rendering {bar:30} {pos}/{len} files ({per_sec}, {eta} left)",
            )
            .expect("template"),
        );
        b
    }));
    let settings = crate::pipeline::Settings {
        base_url: args.base_url.clone(),
    };
    let result = crate::pipeline::build_with(&args.root, &target, &settings, &bar);
    if let Some(b) = &bar.0 {
        b.finish_and_clear();
    }
    match result {
        Ok(r) => {
            println!(
                "built {} pages ({} files, {:.1} MB) into {} in {:.2} s: {} written, {} unchanged, {} removed",
                r.pages,
                r.files,
                r.bytes as f64 / 1_000_000.0,
                out.display(),
                r.elapsed.as_secs_f64(),
                r.written,
                r.files - r.written,
                r.removed,
            );
            if let Some(backup) = &target.backup {
                println!(
                    "what was in {} before is now in {}",
                    out.display(),
                    backup.display()
                );
            }
            if r.public_address.is_none() {
                eprintln!(
                    "note: no public address (base_url missing or reserved): citations say so, \
                     and no sitemap.xml or Atom feeds were written; `govatlas check` says why, \
                     --base-url gives one"
                );
            }
            if args.timings {
                for (name, d) in &r.stages {
                    println!("  {name:<14} {:>8.3} s", d.as_secs_f64());
                }
            }
            0
        }
        Err(f) => super::report::failure(&f, args.format),
    }
}
