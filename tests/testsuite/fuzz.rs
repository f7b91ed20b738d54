//! A fuzz target for the content loader, on stable Rust and without extra
//! crates: random YAML-ish documents (mutations of every fixture file, and
//! documents generated from the schema's own field names) are thrown at the
//! per-file parser for every kind of content file, and some at the whole
//! pipeline (load → validate → render in memory) by swapping one file of
//! the basic fixture site. Any panic is a failure; the input that caused it
//! is saved under `target/fuzz-crashes/`.
//!
//! As part of the test suite it tries a fixed 600 inputs from a fixed seed,
//! so every run of `cargo test` does the same. For a long run with a random
//! seed:
//!
//! ```text
//! GOVATLAS_FUZZ_SECS=600 cargo test --test testsuite fuzz -- --nocapture
//! ```
//!
//! `GOVATLAS_FUZZ_SEED=<n>` replays a run (the seed is printed);
//! `GOVATLAS_FUZZ_TRACE=<file>` writes each input there before trying it, to
//! catch one that aborts the process (a stack overflow).

use crate::common::{fixture, repo_root};
use govatlas::diagnostics::{render_github, render_human, render_json, SourceMap};
use govatlas::load::{parse_text, ContentKind};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

/// splitmix64: small, fast, and reproducible from a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Tokens that matter to YAML, and a few that matter to us.
const TOKENS: &[&str] = &[
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "\t",
    "\"",
    "'",
    "#",
    "\n",
    "  ",
    "---\n",
    "...\n",
    "\u{FEFF}",
    "!!str ",
    "!!binary ",
    "<<: *a",
    "|\n  ",
    ">\n  ",
    "? ",
    "%YAML 1.2\n",
    "!",
    "@",
    "`",
    "\\",
    "\r\n",
    "\r",
    "\0",
    "~",
    "null",
    "true",
    "2024-02-30",
    "9999-99-99",
    "0x1F",
    "1e999",
    "-1",
    "65536",
    ".nan",
    "<script>",
    "../",
    "zh-TW",
    "en",
    "\u{200B}",
    "臺灣",
    "\u{1F600}",
];

/// Field names of the schema, so generated documents get past the first key.
const KEYS: &[&str] = &[
    "id",
    "kind",
    "name",
    "title",
    "summary",
    "type",
    "jurisdiction",
    "binding",
    "provisions",
    "label",
    "cases",
    "risk_flags",
    "use_class",
    "use_subtype",
    "techniques",
    "sources",
    "url",
    "status_history",
    "date",
    "status",
    "relations",
    "target",
    "matrices",
    "cells",
    "rows",
    "columns",
    "levels",
    "tables",
    "principles",
    "maps_to",
    "wording",
    "approaches",
    "from",
    "to",
    "vocabulary",
    "terms",
    "subtypes",
    "languages",
    "default_language",
    "base_url",
    "zh-TW",
    "en",
    "year",
    "declared_total",
    "flag_methods",
    "flag_provenance",
    "overrides",
    "order",
];

fn scalar(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => rng.pick(KEYS).to_string(),
        1 => rng.below(100_000).to_string(),
        2 => format!(
            "20{:02}-{:02}-{:02}",
            rng.below(40),
            rng.below(14),
            rng.below(33)
        ),
        3 => rng.pick(&["true", "false", "null", "~", "yes"]).to_string(),
        4 => format!("\"{}\"", rng.pick(TOKENS).replace('"', "\\\"")),
        5 => rng.pick(TOKENS).to_string(),
        6 => "https://example.org/a".to_string(),
        _ => rng
            .pick(&["tw", "us", "doc-a", "art-1", "ethics", "law", "draft"])
            .to_string(),
    }
}

/// A random document shaped like content: maps of schema keys, lists,
/// flow and block style mixed.
fn generate(rng: &mut Rng, depth: usize, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match if depth > 5 { 2 } else { rng.below(5) } {
        0 => {
            for _ in 0..1 + rng.below(5) {
                out.push_str(&format!("\n{pad}{}:", rng.pick(KEYS)));
                if rng.chance(60) {
                    out.push(' ');
                    out.push_str(&scalar(rng));
                } else {
                    generate(rng, depth + 1, indent + 2, out);
                }
            }
        }
        1 => {
            for _ in 0..1 + rng.below(4) {
                out.push_str(&format!("\n{pad}- "));
                generate(rng, depth + 1, indent + 2, out);
            }
        }
        2 => out.push_str(&scalar(rng)),
        3 => {
            out.push('{');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&format!("{}: ", rng.pick(KEYS)));
                generate(rng, depth + 2, 0, out);
            }
            out.push('}');
        }
        _ => {
            out.push('[');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push_str(", ");
                }
                generate(rng, depth + 2, 0, out);
            }
            out.push(']');
        }
    }
}

fn mutate(rng: &mut Rng, seed: &str, seeds: &[String]) -> String {
    let mut b: Vec<u8> = seed.as_bytes().to_vec();
    let rounds = if rng.chance(50) { 1 } else { 2 + rng.below(5) };
    for _ in 0..rounds {
        let at = rng.below(b.len() + 1);
        match rng.below(8) {
            0 => b.splice(at..at, rng.pick(TOKENS).bytes()).for_each(drop),
            1 if !b.is_empty() => {
                let end = (at + rng.below(20)).min(b.len());
                b.drain(at.min(end)..end);
            }
            2 if at < b.len() => b[at] = rng.next() as u8,
            3 if !b.is_empty() => {
                let end = (at + rng.below(200)).min(b.len());
                let chunk = b[at.min(end)..end].to_vec();
                b.splice(at..at, chunk).for_each(drop);
            }
            4 => {
                // A line from another file.
                let other = rng.pick(seeds);
                let lines: Vec<&str> = other.lines().collect();
                if !lines.is_empty() {
                    let l = format!("{}\n", rng.pick(&lines));
                    b.splice(at..at, l.bytes()).for_each(drop);
                }
            }
            5 => {
                let mut s = String::new();
                generate(rng, 0, 0, &mut s);
                b.splice(at..at, s.bytes()).for_each(drop);
            }
            6 => {
                // Re-indent from a line start.
                let start = b[..at]
                    .iter()
                    .rposition(|&c| c == b'\n')
                    .map_or(0, |p| p + 1);
                let n = rng.below(5);
                b.splice(start..start, std::iter::repeat_n(b' ', n))
                    .for_each(drop);
            }
            _ => {
                // Keep the text a valid-looking record but swap a value.
                let s = scalar(rng);
                b.splice(at..at, s.bytes()).for_each(drop);
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

fn kind_of(path: &Path) -> Option<ContentKind> {
    let s = path.to_string_lossy();
    Some(if s.ends_with("site.yaml") {
        ContentKind::Config
    } else if s.contains("/vocabularies/") {
        ContentKind::Vocabulary
    } else if s.contains("/sources/") {
        ContentKind::Sources
    } else if s.contains("/jurisdictions/") {
        ContentKind::Jurisdiction
    } else if s.contains("/frameworks/") {
        ContentKind::Framework
    } else if s.contains("/inventories/") {
        ContentKind::Inventory
    } else if s.ends_with(".md") {
        ContentKind::Page {
            slug: "about".into(),
            lang: "en".into(),
        }
    } else {
        return None;
    })
}

/// Every fixture file, with the kind it is read as.
fn seeds() -> Vec<(ContentKind, String, std::path::PathBuf)> {
    let mut v = Vec::new();
    for e in walkdir::WalkDir::new(repo_root().join("tests/fixtures"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        if let (Some(kind), Ok(text)) = (kind_of(e.path()), std::fs::read_to_string(e.path())) {
            if text.len() < 100_000 {
                v.push((kind, text, e.path().to_path_buf()));
            }
        }
    }
    v
}

/// What in a message (outside the content's own words, which are in
/// backticks or quotes) is Rust rather than YAML: a type, a debug dump.
fn speaks_rust(message: &str, help: Option<&str>) -> Option<String> {
    let text = format!("{message} {}", help.unwrap_or(""));
    let mut ours = String::new();
    let mut closing = None;
    for c in text.chars() {
        match closing {
            Some(end) if c == end => closing = None,
            Some(_) => {}
            None if c == '`' || c == '"' => closing = Some(c),
            None => ours.push(c),
        }
    }
    for needle in [
        "Option<", "Vec<", "String>", "&str", "Cow<", "::", "struct ", "enum ", " { ",
    ] {
        if ours.contains(needle) {
            return Some(needle.to_string());
        }
    }
    let rust_types = [
        "u8", "u16", "u32", "u64", "usize", "i32", "i64", "f64", "None", "Some",
    ];
    ours.split(|c: char| !c.is_alphanumeric())
        .find(|w| rust_types.contains(w))
        .map(str::to_string)
}

fn save_crash(name: &str, text: &str) -> String {
    let dir = repo_root().join("target/fuzz-crashes");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn the_loader_never_panics_on_random_input() {
    // The loader parses on threads with this stack; so does the fuzzer.
    std::thread::Builder::new()
        .stack_size(govatlas::load::PARSER_STACK_BYTES)
        .spawn(fuzz)
        .unwrap()
        .join()
        .unwrap();
}

fn fuzz() {
    let secs: Option<u64> = std::env::var("GOVATLAS_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok());
    let seed: u64 = std::env::var("GOVATLAS_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| match secs {
            // A long run explores; the test suite's run is the same every time.
            Some(_) => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64,
            None => 1,
        });
    let started = Instant::now();
    let deadline = secs.map(|s| started + Duration::from_secs(s));
    let more = |n: u64| match deadline {
        Some(d) => Instant::now() < d,
        None => n < 600,
    };
    println!(
        "fuzz: seed {seed}, {}",
        secs.map_or("600 inputs".to_string(), |s| format!("{s} s"))
    );
    let mut rng = Rng(seed);
    let seeds = seeds();
    assert!(!seeds.is_empty());
    let texts: Vec<String> = seeds.iter().map(|(_, t, _)| t.clone()).collect();
    let kinds: Vec<ContentKind> = seeds.iter().map(|(k, _, _)| k.clone()).collect();

    // A copy of the basic site whose files the whole-pipeline rounds replace.
    let site = tempfile::tempdir().unwrap();
    let basic = fixture("basic");
    let mut site_files = Vec::new();
    for e in walkdir::WalkDir::new(&basic)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(&basic).unwrap();
        let to = site.path().join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
            site_files.push((to, std::fs::read_to_string(e.path()).unwrap()));
        }
    }
    site_files.sort();
    let theme = govatlas::render::Theme::load(site.path()).unwrap();

    let trace = std::env::var_os("GOVATLAS_FUZZ_TRACE");
    let (mut parsed, mut rejected, mut whole, mut built) = (0u64, 0u64, 0u64, 0u64);
    let mut crashes = Vec::new();
    let mut n = 0u64;
    while more(n) && crashes.len() < 5 {
        n += 1;
        if n.is_multiple_of(20) {
            // The whole pipeline with one file of a good site mutated.
            let (path, good) = &site_files[rng.below(site_files.len())];
            let text = mutate(&mut rng, good, &texts);
            if let Some(trace) = &trace {
                std::fs::write(trace, format!("{}\n{text}", path.display())).unwrap();
            }
            std::fs::write(path, &text).unwrap();
            let r = catch_unwind(AssertUnwindSafe(|| {
                let checked = govatlas::pipeline::check(site.path());
                if let Err(govatlas::pipeline::Failure::Content(diags, map)) = &checked {
                    for d in diags.sorted(map) {
                        if let Some(leak) = speaks_rust(&d.message, d.help.as_deref()) {
                            panic!("a message shows {leak:?}: {}", d.message);
                        }
                    }
                }
                checked.ok().map(|(s, _)| {
                    let files = govatlas::render::render_site(&s, &theme).unwrap_or_default();
                    // Whatever the content, every output path stays inside output/.
                    for (p, _) in &files {
                        assert!(
                            !p.starts_with('/')
                                && !p.contains('\\')
                                && !p
                                    .split('/')
                                    .any(|seg| seg.is_empty() || seg == "." || seg == "..")
                                && !p.chars().any(char::is_control),
                            "unsafe output path {p:?}"
                        );
                    }
                    let _ = govatlas::linkcheck::check(&files, None);
                })
            }));
            std::fs::write(path, good).unwrap();
            whole += 1;
            match r {
                Ok(Some(_)) => built += 1,
                Ok(None) => {}
                Err(_) => {
                    let rel = path.strip_prefix(site.path()).unwrap();
                    crashes.push(save_crash(
                        &format!("pipeline-{n}-{}", rel.to_string_lossy().replace('/', "_")),
                        &text,
                    ));
                }
            }
            continue;
        }
        let i = rng.below(texts.len());
        let text = if rng.chance(20) {
            let mut s = String::new();
            generate(&mut rng, 0, 0, &mut s);
            s
        } else {
            mutate(&mut rng, &texts[i], &texts)
        };
        let kind = &kinds[i];
        if let Some(trace) = &trace {
            // Before a crash that aborts the process (a stack overflow).
            std::fs::write(trace, format!("{kind:?}\n{text}")).unwrap();
        }
        // Parse, and print the diagnostic in every format (carets on odd
        // lines are where renderers break).
        let r = catch_unwind(AssertUnwindSafe(|| match parse_text(kind, &text) {
            Ok(()) => true,
            Err(d) => {
                let mut map = SourceMap::default();
                let file = map.add("f.yaml".into(), Path::new("f.yaml"), text.as_str().into());
                let mut d = *d;
                if let Some(leak) = speaks_rust(&d.message, d.help.as_deref()) {
                    panic!("a message shows {leak:?}: {}", d.message);
                }
                d.file = Some(file);
                let _ = render_human(&d, &map, n.is_multiple_of(2));
                let _ = render_json(&d, &map);
                let _ = render_github(&d, &map);
                false
            }
        }));
        match r {
            Ok(true) => parsed += 1,
            Ok(false) => rejected += 1,
            Err(_) => crashes.push(save_crash(&format!("parse-{n}-{kind:?}.yaml"), &text)),
        }
    }
    println!(
        "fuzz: {n} inputs in {:.0} s: {parsed} parsed, {rejected} rejected with a diagnostic, \
         {whole} whole-pipeline runs ({built} rendered); {} panics",
        started.elapsed().as_secs_f64(),
        crashes.len()
    );
    assert!(
        crashes.is_empty(),
        "panics (seed {seed}); inputs saved to:\n{}",
        crashes.join("\n")
    );
}
