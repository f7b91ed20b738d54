//! Printing a briefing to PDF with headless Chromium.
//!
//! The HTML goes to a private temporary folder; Chromium prints it to a
//! partial file beside the destination, which is renamed into place only
//! when Chromium succeeded and the file is a PDF. A failed or killed print
//! leaves the destination as it was.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Environment variable naming the browser to use.
pub const ENV: &str = "GOVATLAS_CHROMIUM";
/// Programs looked for on `PATH`, in order.
pub const CANDIDATES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];
/// How long a print may take before Chromium is stopped.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// Why no PDF was made.
#[derive(Debug)]
pub enum PdfError {
    /// No browser found; the message says how to install one.
    NotFound(String),
    /// The browser ran and failed, or the file could not be written.
    Failed(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::NotFound(m) | PdfError::Failed(m) => f.write_str(m),
        }
    }
}

fn install_hint() -> String {
    format!(
        "install it with `sudo apt-get install chromium fonts-noto-cjk` (Debian/Ubuntu; the fonts \
         give the Chinese text real glyphs), or point {ENV} at a Chrome or Chromium binary. \
         Without --pdf the HTML briefing needs no browser: open it and print it from any browser."
    )
}

/// The browser to print with: `$GOVATLAS_CHROMIUM` if set, else the first
/// of [`CANDIDATES`] on `PATH`.
pub fn find_chromium() -> Result<PathBuf, PdfError> {
    if let Some(p) = std::env::var_os(ENV).filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        if let Some(found) = resolve(&p) {
            return Ok(found);
        }
        return Err(PdfError::NotFound(format!(
            "--pdf needs Chromium, but {ENV}={} is not an executable file; {}",
            p.display(),
            install_hint()
        )));
    }
    for name in CANDIDATES {
        if let Some(found) = resolve(Path::new(name)) {
            return Ok(found);
        }
    }
    Err(PdfError::NotFound(format!(
        "--pdf needs Chromium, and none was found (looked for {} on PATH and {ENV}); {}",
        CANDIDATES.join(", "),
        install_hint()
    )))
}

fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        p.metadata()
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        p.is_file()
    }
}

/// A program name or path, resolved against `PATH` when it has no separator.
fn resolve(p: &Path) -> Option<PathBuf> {
    if p.components().count() > 1 || p.is_absolute() {
        return is_executable(p).then(|| p.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .filter(|d| !d.as_os_str().is_empty())
        .map(|d| d.join(p))
        .find(|c| is_executable(c))
}

/// A `file://` URL for an absolute path, with unsafe bytes percent-encoded.
fn file_url(p: &Path) -> String {
    let mut out = String::from("file://");
    for b in p.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A fresh private folder under the system temp folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> std::io::Result<TempDir> {
        static N: AtomicUsize = AtomicUsize::new(0);
        let base = std::env::temp_dir();
        loop {
            let p = base.join(format!(
                "govatlas-brief-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            ));
            match std::fs::create_dir(&p) {
                Ok(()) => return Ok(TempDir(p)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Removes a partial file on drop unless it was kept.
struct Partial(Option<PathBuf>);

impl Drop for Partial {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Prints `html` to a PDF at `out` with `chromium`; returns the PDF's size.
pub fn print(chromium: &Path, html: &str, out: &Path) -> Result<u64, PdfError> {
    let fail = |what: &str, e: &dyn std::fmt::Display| PdfError::Failed(format!("{what}: {e}"));
    let tmp = TempDir::new().map_err(|e| fail("creating a temporary folder", &e))?;
    let page = tmp.0.join("brief.html");
    std::fs::write(&page, html).map_err(|e| fail("writing the temporary HTML", &e))?;
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| fail(&format!("creating {}", dir.display()), &e))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "brief.pdf".into());
    let partial_path = dir.join(format!(".{name}.partial-{}", std::process::id()));
    let partial_abs =
        std::path::absolute(&partial_path).map_err(|e| fail("resolving the output path", &e))?;
    let mut partial = Partial(Some(partial_path.clone()));

    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--mute-audio",
            "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
        ])
        .arg(format!(
            "--user-data-dir={}",
            tmp.0.join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", partial_abs.display()))
        .arg(file_url(
            &std::path::absolute(&page).map_err(|e| fail("resolving the HTML path", &e))?,
        ))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| fail(&format!("starting {}", chromium.display()), &e))?;
    // Read stderr on a thread so a chatty browser cannot block on a full pipe.
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(e) = stderr.as_mut() {
            let _ = e.read_to_string(&mut s);
        }
        s
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PdfError::Failed(format!(
                    "{} did not finish printing within {} s; stopped it",
                    chromium.display(),
                    TIMEOUT.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(fail("waiting for Chromium", &e)),
        }
    };
    let log = reader.join().unwrap_or_default();
    let tail = || {
        let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
        lines[lines.len().saturating_sub(8)..].join("\n")
    };
    if !status.success() {
        return Err(PdfError::Failed(format!(
            "{} failed ({status}):\n{}",
            chromium.display(),
            tail()
        )));
    }
    let mut head = [0u8; 5];
    let ok = std::fs::File::open(&partial_path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == b"%PDF-";
    if !ok {
        return Err(PdfError::Failed(format!(
            "{} exited without writing a PDF:\n{}",
            chromium.display(),
            tail()
        )));
    }
    let size = std::fs::metadata(&partial_path)
        .map(|m| m.len())
        .map_err(|e| fail("reading the PDF", &e))?;
    std::fs::rename(&partial_path, out)
        .map_err(|e| fail(&format!("writing {}", out.display()), &e))?;
    partial.0 = None;
    Ok(size)
}

/// Writes `bytes` to `out` through a partial file and a rename.
pub fn write_atomic(out: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "brief.html".into());
    let tmp = dir.join(format!(".{name}.partial-{}", std::process::id()));
    let mut partial = Partial(Some(tmp.clone()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, out)?;
    partial.0 = None;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/臺.html")),
            "file:///tmp/a%20b/%E8%87%BA.html"
        );
    }
}
