//! The ODT and DOCX briefings open in LibreOffice: each kind, in both
//! languages and both formats, is converted to PDF headlessly, and the PDF
//! is read back with poppler: the jurisdiction's name, a risk-flag label and
//! every table's header are in its text, pages are numbered "n / N", and
//! the charts are drawn (their bars' colour fills an area of the page).
//!
//! Skipped, saying why, without LibreOffice (Debian's
//! `libreoffice-writer-nogui`) or poppler-utils; with GOVATLAS_BROWSER_TESTS
//! set, as in CI, which installs both, a skip is a failure.

use crate::brief_cli::on_path;
use crate::brief_docs::{make, SUBJECTS};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn skip() -> bool {
    let missing: Vec<&str> = ["soffice", "pdftotext", "pdfinfo", "pdftoppm", "pdffonts"]
        .into_iter()
        .filter(|p| !on_path(p))
        .collect();
    if missing.is_empty() {
        return false;
    }
    let why = format!(
        "{} not found (libreoffice-writer-nogui, poppler-utils)",
        missing.join(", ")
    );
    assert!(
        std::env::var_os("GOVATLAS_BROWSER_TESTS").is_none(),
        "GOVATLAS_BROWSER_TESTS is set but {why}"
    );
    println!("skipped: {why}");
    true
}

/// Text each briefing's PDF must hold (compared without white space, which
/// PDF text extraction adds where lines wrap): names, a flag label, the
/// data date, and every table's header cells.
fn wanted(stem: &str) -> Vec<&'static str> {
    let zh_tables = [
        "文件",
        "類型",
        "拘束力",
        "狀態",
        "重要日期",
        "案例",
        "機關",
        "應用類型",
        "風險標記",
    ];
    let en_tables = [
        "Instrument",
        "Type",
        "Binding",
        "Status",
        "Key dates",
        "Case",
        "Agency",
        "Use class",
        "Risk flags",
    ];
    let mut w: Vec<&str> = vec!["2025-07"];
    match stem {
        "tw.zh-TW" => w.extend([
            "臺灣",
            "資料治理",
            "涵蓋的原則",
            "涵蓋文件",
            "風險",
            "案數",
            "比例",
        ]),
        "tw.en" => w.extend([
            "Taiwan",
            "Data governance",
            "Principles covered",
            "Covered by",
            "Flag",
            "Cases",
            "Share",
        ]),
        "cmp.en" => w.extend([
            "Taiwan",
            "European Union",
            "United States",
            "Data governance",
            "Principles covered",
            "Flag",
            "Total",
        ]),
        "cmp.zh-TW" => w.extend([
            "臺灣",
            "歐盟",
            "美國",
            "資料治理",
            "涵蓋的原則",
            "風險",
            "合計",
        ]),
        "inv.zh-TW" => w.extend([
            "臺灣",
            "資料治理",
            "人權保護",
            "倫理",
            "個人資料",
            "自動化決策風險",
            "風險",
            "案數",
            "比例",
        ]),
        other => panic!("no expectations for {other}"),
    }
    w.extend(if stem.contains("zh") {
        zh_tables
    } else {
        en_tables
    });
    w
}

fn run(cmd: &mut Command) -> String {
    let o = cmd.output().unwrap();
    assert!(
        o.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// Converts every file in `src` to PDF in `out` with one LibreOffice run,
/// in a private profile (other runs on the machine keep theirs).
fn convert(dir: &Path, src: &Path, out: &Path) {
    let files: Vec<_> = std::fs::read_dir(src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let mut child = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(out)
        .args(&files)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // A hung office suite must not hang the tests (it is not a timing check).
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "soffice failed: {status}");
            return;
        }
        if start.elapsed() > Duration::from_secs(600) {
            child.kill().unwrap();
            panic!("soffice did not finish converting");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The pages of `pdftoppm`'s output on stdout: PPM images, one after another.
fn pages(mut ppm: &[u8]) -> Vec<(usize, usize, &[u8])> {
    let mut out = Vec::new();
    while !ppm.is_empty() {
        // "P6" w h 255, each followed by one white-space byte, then the pixels.
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            let start = at;
            while !ppm[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(std::str::from_utf8(&ppm[start..at]).unwrap().to_string());
            at += 1;
        }
        assert_eq!(fields[0], "P6");
        let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
        out.push((w, h, &ppm[at..at + w * h * 3]));
        ppm = &ppm[at + w * h * 3..];
    }
    out
}

/// Pixels of the charts' bar colour with bar colour 3 pixels below them
/// too: the bars' area, which rules (at most 2 pixels thick at 60 dpi) lack.
fn bar_pixels(ppm: &[u8]) -> usize {
    let mut n = 0;
    for (w, h, px) in pages(ppm) {
        let bar = |x: usize, y: usize| {
            let p = &px[(y * w + x) * 3..][..3];
            p[0].abs_diff(0x1f) < 16 && p[1].abs_diff(0x5f) < 16 && p[2].abs_diff(0x99) < 16
        };
        n += (0..h.saturating_sub(3))
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .filter(|&(x, y)| bar(x, y) && bar(x, y + 3))
            .count();
    }
    n
}

#[test]
fn editable_briefings_open_in_libreoffice() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (src, pdf) = (dir.path().join("src"), dir.path().join("pdf"));
    std::fs::create_dir_all(&src).unwrap();
    for (stem, args) in SUBJECTS {
        for format in ["odt", "docx"] {
            let (bytes, _) = make(dir.path(), stem, args, format);
            std::fs::write(src.join(format!("{stem}-{format}.{format}")), bytes).unwrap();
        }
    }
    convert(dir.path(), &src, &pdf);
    // Where Noto Sans CJK is installed (CI installs fonts-noto-cjk), the
    // PDF must use it for the Chinese.
    let cjk_font = Command::new("fc-list")
        .arg(":lang=zh-tw")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("Noto Sans CJK"));
    for (stem, _) in SUBJECTS {
        for format in ["odt", "docx"] {
            let name = format!("{stem}-{format}");
            let file = pdf.join(format!("{name}.pdf"));
            assert!(file.is_file(), "LibreOffice did not convert {name}");
            let info = run(Command::new("pdfinfo").arg(&file));
            let pages: usize = info
                .lines()
                .find_map(|l| l.strip_prefix("Pages:"))
                .map(|n| n.trim().parse().unwrap())
                .unwrap();
            assert!((2..=8).contains(&pages), "{name}: {pages} pages");
            let text = run(Command::new("pdftotext").arg(&file).arg("-"));
            let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            for want in wanted(stem) {
                let want: String = want.chars().filter(|c| !c.is_whitespace()).collect();
                assert!(
                    flat.contains(&want),
                    "{name}: {want:?} not in the PDF's text"
                );
            }
            // "n / N" on a line of its own at the foot of every page but
            // the cover (pdftotext drops the thin spaces around the slash).
            let numbered = |n: usize| {
                let text = run(Command::new("pdftotext")
                    .args(["-layout", "-f", &n.to_string(), "-l", &n.to_string()])
                    .arg(&file)
                    .arg("-"));
                let want = format!("{n}/{pages}");
                text.lines().any(|l| l.replace(' ', "") == want)
            };
            assert!(!numbered(1), "{name}: a page number on the cover");
            for n in [2, pages] {
                assert!(numbered(n), "{name}: page {n} has no number");
            }
            // The charts are drawn (as SVG or from the PNG fallback).
            let ppm = run_bytes(Command::new("pdftoppm").args(["-r", "60"]).arg(&file));
            let bars = bar_pixels(&ppm);
            // One chart covers ~5,000 such pixels; a briefing without one, none.
            assert!(
                bars > 2000,
                "{name}: {bars} pixels of bars; are the charts there?"
            );
            if stem.contains("zh") && cjk_font {
                let fonts = run(Command::new("pdffonts").arg(&file));
                assert!(
                    fonts.contains("CJK"),
                    "{name}: Chinese set in no CJK font:\n{fonts}"
                );
            }
        }
    }
}

fn run_bytes(cmd: &mut Command) -> Vec<u8> {
    let o = cmd.output().unwrap();
    assert!(o.status.success(), "{cmd:?}");
    o.stdout
}
