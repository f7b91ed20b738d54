//! `govatlas brief`: a briefing as one HTML file, a PDF, or a document an
//! official can edit (ODT, DOCX).

use crate::brief::{self, pdf, EditableFormat, Subject};
use crate::diagnostics::Format;
use std::path::{Path, PathBuf};

/// The file a briefing is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// One self-contained HTML file.
    Html,
    /// Printed to PDF by headless Chromium.
    Pdf,
    /// OpenDocument text.
    Odt,
    /// Word.
    Docx,
}

impl FileFormat {
    /// The file name extension.
    pub fn ext(self) -> &'static str {
        match self {
            FileFormat::Html => "html",
            FileFormat::Pdf => "pdf",
            FileFormat::Odt => "odt",
            FileFormat::Docx => "docx",
        }
    }

    fn from_ext(path: &Path) -> Option<FileFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        parse_format(&ext).ok()
    }
}

/// `--format`'s values. The problem formats it took before (human, json,
/// github) are now `--diagnostics`; the message says so.
fn parse_format(s: &str) -> Result<FileFormat, String> {
    match s {
        "html" => Ok(FileFormat::Html),
        "pdf" => Ok(FileFormat::Pdf),
        "odt" => Ok(FileFormat::Odt),
        "docx" => Ok(FileFormat::Docx),
        "human" | "json" | "github" => Err(format!(
            "--format chooses the file (html, pdf, odt, docx); problems in the content are \
             printed as {s} with --diagnostics {s}"
        )),
        _ => Err("possible values: html, pdf, odt, docx".into()),
    }
}

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
    /// Where to write it [default: brief-<subject>.<lang>.<format> in the
    /// current folder]; `-` writes to stdout (not for pdf).
    #[arg(long, global = true)]
    pub out: Option<PathBuf>,
    /// The file: html (one self-contained file), pdf (printed by headless
    /// Chromium), odt or docx (documents an official can edit) [default:
    /// from --out's extension, else html].
    #[arg(long, global = true, value_parser = parse_format)]
    pub format: Option<FileFormat>,
    /// Same as --format pdf. Chromium is found as $GOVATLAS_CHROMIUM or
    /// chromium, chromium-browser or google-chrome on PATH.
    #[arg(long, global = true)]
    pub pdf: bool,
    /// How to print problems in the content.
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    pub diagnostics: Format,
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
    let format = match (args.format, args.pdf) {
        (Some(f), true) if f != FileFormat::Pdf => {
            eprintln!(
                "error: --pdf asks for a PDF and --format for {}; give one of them",
                f.ext()
            );
            return EXIT_USAGE;
        }
        (Some(f), _) => f,
        (None, true) => FileFormat::Pdf,
        (None, false) => args
            .out
            .as_deref()
            .and_then(FileFormat::from_ext)
            .unwrap_or(FileFormat::Html),
    };
    let to_stdout = args.out.as_deref() == Some(Path::new("-"));
    if format == FileFormat::Pdf && to_stdout {
        eprintln!("error: a PDF cannot be written to stdout; give --out FILE.pdf");
        return EXIT_USAGE;
    }
    // Find the browser first: a missing one should not cost a content check.
    let chromium = if format == FileFormat::Pdf {
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
        Err(f) => return super::report::failure(&f, args.diagnostics),
    };
    let lang = args
        .lang
        .clone()
        .unwrap_or_else(|| site.config.default_language.value.clone());
    let version = brief::content_version(&sources);
    let bytes = match format {
        FileFormat::Html | FileFormat::Pdf => brief::BriefTheme::load(&args.root)
            .and_then(|theme| brief::render(&site, &theme, &subject, &lang, &version))
            .map(String::into_bytes),
        FileFormat::Odt | FileFormat::Docx => {
            let editable = if format == FileFormat::Odt {
                EditableFormat::Odt
            } else {
                EditableFormat::Docx
            };
            let fonts = brief::chart_png::ChartFonts::system();
            brief::render_editable(&site, &subject, &lang, &version, editable, &fonts).map(|e| {
                if let Some(w) = e.warning {
                    eprintln!("warning: {w}");
                }
                e.bytes
            })
        }
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return super::EXIT_CONTENT_ERRORS;
        }
    };
    let out = args.out.clone().unwrap_or_else(|| {
        PathBuf::from(format!(
            "brief-{}.{lang}.{}",
            subject.file_stem(),
            format.ext()
        ))
    });
    if to_stdout {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        return match stdout.write_all(&bytes).and_then(|_| stdout.flush()) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("error: writing to stdout: {e}");
                super::EXIT_CONTENT_ERRORS
            }
        };
    }
    if let Err(r) = crate::output::target::check_file(&args.root, &out) {
        return super::report::refusal(r, args.diagnostics);
    }
    let written = match &chromium {
        Some(c) => {
            let html = String::from_utf8_lossy(&bytes);
            pdf::print(c, &html, &out).map_err(|e| e.to_string())
        }
        None => pdf::write_atomic(&out, &bytes)
            .map(|_| bytes.len() as u64)
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
