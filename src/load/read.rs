//! Reading one content file: only a regular file within the size limit,
//! decoded as UTF-8 (a byte-order mark dropped).
//!
//! The file's type is looked at before it is opened: opening a FIFO for
//! reading waits for a writer forever, and a device or socket is never
//! content. (On Linux the file is also opened without blocking, so one
//! swapped in between the look and the open cannot hang the build.)

use crate::diagnostics::{Diagnostic, FileId};
use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// Why a file could not be read.
pub(super) enum ReadProblem {
    /// The system refused (permission, gone).
    Io(String),
    /// A FIFO, socket or device, by name.
    NotAFile(&'static str),
    TooLarge(u64),
    NotUtf8 {
        line: u64,
        column: u64,
        offset: usize,
    },
}

impl ReadProblem {
    pub(super) fn into_diagnostic(self, id: FileId, max_bytes: u64) -> Diagnostic {
        match self {
            ReadProblem::Io(e) => {
                Diagnostic::new("unreadable", format!("cannot read this file: {e}"))
                    .in_file(id)
                    .help("check its permissions")
            }
            ReadProblem::NotAFile(kind) => Diagnostic::new(
                "not-a-file",
                format!("this is {kind}, not a regular file; it was not opened"),
            )
            .in_file(id)
            .help("content files are plain files; remove it or move it out of content/"),
            ReadProblem::TooLarge(n) => Diagnostic::new(
                "file-too-large",
                format!("file is {n} bytes, over the limit of {max_bytes} bytes"),
            )
            .in_file(id)
            .help("split it into several files"),
            ReadProblem::NotUtf8 {
                line,
                column,
                offset,
            } => Diagnostic::new(
                "not-utf8",
                format!("file is not valid UTF-8 (first bad byte at offset {offset})"),
            )
            .in_file(id)
            .at_line(line, column)
            .help("save the file as UTF-8"),
        }
    }
}

/// An I/O error in words (see [`crate::diagnostics::io_reason`]).
pub(super) fn reason(e: &io::Error) -> String {
    crate::diagnostics::io_reason(e)
}

/// What a file system entry is when it is not a regular file or folder.
pub(super) fn special_kind(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        } else if t.is_socket() {
            return "a socket";
        } else if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = t;
    "not a regular file"
}

fn open(path: &Path) -> io::Result<fs::File> {
    let mut o = fs::OpenOptions::new();
    o.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK);
    }
    o.open(path)
}

/// Reads a file as UTF-8 text, dropping a byte-order mark. CRLF line ends
/// are left as they are: the YAML parser accepts them.
pub(super) fn read_text(path: &Path, max_bytes: u64) -> Result<String, (ReadProblem, String)> {
    let io = |e: io::Error| (ReadProblem::Io(reason(&e)), String::new());
    let meta = fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err((
            ReadProblem::NotAFile(special_kind(&meta.file_type())),
            String::new(),
        ));
    }
    if meta.len() > max_bytes {
        return Err((ReadProblem::TooLarge(meta.len()), String::new()));
    }
    let mut f = open(path).map_err(io)?;
    let meta = f.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err((
            ReadProblem::NotAFile(special_kind(&meta.file_type())),
            String::new(),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One more byte than allowed: a file that grew past the limit since
    // it was looked at is still refused.
    f.by_ref()
        .take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err((ReadProblem::TooLarge(bytes.len() as u64), String::new()));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let good = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or("");
        let line = good.matches('\n').count() as u64 + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
        (
            ReadProblem::NotUtf8 {
                line,
                column,
                offset,
            },
            String::from_utf8_lossy(e.as_bytes()).into_owned(),
        )
    })
}
