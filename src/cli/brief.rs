//! `govatlas brief`: a print-ready briefing as one HTML file, or a PDF.

use crate::brief::{self, pdf, Subject};
use crate::diagnostics::Format;
use std::path::PathBuf;

/// Arguments of `govatlas brief`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// What the briefing is about.
    #[command(subcommand)]
    pub what: What,
    /// Site root (the folder holding content/).
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
    /// Language of the briefing [default: the site's default language].
    #[arg(long, global = true, value_parser = ["zh-TW", "en"])]
    pub lang: Option<String>,
    /// Where to write it [default: brief-<subject>.<lang>.html, or .pdf
    /// with --pdf, in the current folder]; `-` writes the HTML to stdout.
    #[arg(long, global = true)]
    pub out: Option<PathBuf>,
    /// Print to PDF with headless Chromium (chromium, chromium-browser or
    /// google-chrome on PATH, or $GOVATLAS_CHROMIUM).
    #[arg(long, global = true)]
    pub pdf: bool,
    /// How to print problems in the content.
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The address the site is published at, in place of `base_url` in
    /// site.yaml (shown on the cover).
    #[arg(long, global = true, value_parser = super::parse_base_url)]
    pub base_url: Option<String>,
}

/// The subject of a briefing.
#[derive(clap::Subcommand, Debug)]
pub enum What {
    /// One jurisdiction: its instruments, principles, cases and risk flags.
    Jurisdiction {
        /// Jurisdiction id (`tw`).
        id: String,
    },
    /// Several jurisdictions side by side.
    Compare {
        /// Two or more jurisdiction ids, comma-separated (`tw,eu,us`).
        #[arg(value_delimiter = ',', required = true, num_args = 1..)]
        ids: Vec<String>,
    },
    /// One case inventory: its coverage, cases and risk flags.
    Inventory {
        /// Inventory id (`tw-digi-2023`).
        id: String,
    },
}

/// Exit code of bad usage (as clap's).
const EXIT_USAGE: i32 = 2;

/// Writes the briefing and prints where.
pub fn execute(args: Args) -> i32 {
    let subject = match args.what {
        What::Jurisdiction { id } => Subject::Jurisdiction(id),
        What::Inventory { id } => Subject::Inventory(id),
        What::Compare { ids } => {
            let mut unique: Vec<String> = Vec::new();
            for id in ids.into_iter().map(|s| s.trim().to_string()) {
                if !id.is_empty() && !unique.contains(&id) {
                    unique.push(id);
                }
            }
            let ids = unique;
            if ids.len() < 2 {
                eprintln!(
                    "error: compare needs two or more different jurisdiction ids, comma-separated (e.g. `govatlas brief compare tw,eu`)"
                );
                return EXIT_USAGE;
            }
            Subject::Compare(ids)
        }
    };
    if args.pdf && args.out.as_deref() == Some(std::path::Path::new("-")) {
        eprintln!("error: --pdf cannot write to stdout; give --out FILE.pdf");
        return EXIT_USAGE;
    }
    // Find the browser first: a missing one should not cost a content check.
    let chromium = if args.pdf {
        match pdf::find_chromium() {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("error: {e}");
                return super::EXIT_CONTENT_ERRORS;
            }
        }
    } else {
        None
    };
    let settings = crate::pipeline::Settings {
        base_url: args.base_url.clone(),
    };
    let (site, sources) = match crate::pipeline::check_with(&args.root, &settings) {
        Ok(x) => x,
        Err(f) => return super::report::failure(&f, args.format),
    };
    let lang = args
        .lang
        .clone()
        .unwrap_or_else(|| site.config.default_language.value.clone());
    let html = brief::BriefTheme::load(&args.root).and_then(|theme| {
        brief::render(
            &site,
            &theme,
            &subject,
            &lang,
            &brief::content_version(&sources),
        )
    });
    let html = match html {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: {e}");
            return super::EXIT_CONTENT_ERRORS;
        }
    };
    let ext = if args.pdf { "pdf" } else { "html" };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("brief-{}.{lang}.{ext}", subject.file_stem())));
    if out.as_os_str() == "-" {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        return match stdout
            .write_all(html.as_bytes())
            .and_then(|_| stdout.flush())
        {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("error: writing to stdout: {e}");
                super::EXIT_CONTENT_ERRORS
            }
        };
    }
    let written = match &chromium {
        Some(c) => pdf::print(c, &html, &out).map_err(|e| e.to_string()),
        None => pdf::write_atomic(&out, html.as_bytes())
            .map(|_| html.len() as u64)
            .map_err(|e| format!("writing {}: {e}", out.display())),
    };
    match written {
        Ok(bytes) => {
            println!(
                "wrote {} ({:.1} kB, {lang})",
                out.display(),
                bytes as f64 / 1000.0
            );
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            super::EXIT_CONTENT_ERRORS
        }
    }
}
