//! `govatlas serve`: build, serve `output/` on 127.0.0.1, rebuild when the
//! content, templates or themes change, and reload open pages.
//!
//! Three parts, each small:
//! - [`http`]: a static file server (on [`conn`], connections with limits
//!   and deadlines) that injects the live
//!   script into the HTML it *serves* (never into the files it wrote) and
//!   answers `/__govatlas/state` with the build version and any errors;
//! - [`watch`]: a notify watcher with a short debounce;
//! - this module: the loop that rebuilds and publishes the new state.
//!
//! A build goes through [`Rebuild`], so a faster (incremental) build can be
//! dropped in without touching the server. `pipeline::build` writes
//! atomically and only on success, so a failed build never reaches
//! `output/`: the browser keeps the last good pages under an error overlay.

pub mod aggregates;
mod conn;
mod http;
pub mod incremental;
mod watch;

use crate::diagnostics::render_human;
use crate::pipeline::{BuildReport, Failure, Settings};
use serde::Serialize;
use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// A build function: (site root, output dir, paths changed since the last
/// call, empty on the first) → report or failure.
pub type Rebuild = Box<dyn FnMut(&Path, &Path, &[String]) -> Result<BuildReport, Failure> + Send>;

/// Always the full pipeline, with `settings` (`--base-url`).
pub fn full_rebuild(settings: Settings) -> Rebuild {
    Box::new(move |root, out, _| {
        // Refused output folders stay refused on every rebuild.
        let target = crate::output::check(root, out, false)?;
        crate::pipeline::build_with(root, &target, &settings, &crate::pipeline::Quiet)
    })
}

/// The default: a full build first, then edits to existing cases applied
/// incrementally ([`incremental`]), anything else built in full again.
pub fn incremental_rebuild(settings: Settings) -> Rebuild {
    let mut session: Option<incremental::Session> = None;
    Box::new(move |root, out, changed| {
        if let (Some(s), false) = (session.as_mut(), changed.is_empty()) {
            if let incremental::Applied::Done(result) = s.apply(out, changed) {
                return result;
            }
        }
        let (s, result) = incremental::Session::start_with(root, out, &settings);
        session = s;
        result
    })
}

/// Quiet time after the last file event before rebuilding: an editor's
/// save is a burst of events within a few milliseconds, and a rebuild of
/// one edited case takes tens.
pub const DEFAULT_DEBOUNCE_MS: u64 = 10;

/// What `serve` needs to know.
#[derive(Debug, Clone)]
pub struct Options {
    /// Site root (holds `content/`).
    pub root: PathBuf,
    /// Where the site is written and served from.
    pub out: PathBuf,
    /// Port on 127.0.0.1 (0: any free port).
    pub port: u16,
    /// Quiet time after the last change before rebuilding.
    pub debounce: Duration,
}

/// One problem shown in the browser overlay.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// `content/x.yaml` (relative to the root), when known.
    pub file: Option<String>,
    /// 1-based line (0: unknown).
    pub line: u64,
    /// 1-based column (0: unknown).
    pub column: u64,
    /// The field path (`cases[3].risk_flags[1]`).
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The whole diagnostic as the terminal prints it (no colour).
    pub text: String,
}

/// What open pages ask for: the number of good builds, and the errors of
/// the last build if it failed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct State {
    /// Increases with every successful build; pages reload when it changes.
    pub version: u64,
    /// Problems of the last build; empty when it succeeded.
    pub errors: Vec<Problem>,
    /// Increases with every change of the state: a page that asks with
    /// `?wait=G` is answered as soon as it is no longer `G`.
    pub generation: u64,
}

/// The state, and a signal for the pages waiting for it to change.
#[derive(Debug, Default)]
pub struct Live {
    state: Mutex<State>,
    changed: Condvar,
}

impl Live {
    /// The current state.
    pub fn get(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Changes the state, and wakes whoever waits for a change (the HTTP
    /// server, which then answers the pages waiting for one).
    pub fn update(&self, f: impl FnOnce(&mut State)) {
        let mut s = self.get();
        f(&mut s);
        s.generation += 1;
        self.changed.notify_all();
    }

    /// Waits up to `timeout` for the generation to differ from `seen`;
    /// returns the state then.
    pub fn wait_past(&self, seen: u64, timeout: Duration) -> MutexGuard<'_, State> {
        self.changed
            .wait_timeout_while(self.get(), timeout, |s| s.generation == seen)
            .unwrap_or_else(|e| e.into_inner())
            .0
    }
}

/// Held for writing while an incremental rebuild overwrites files in
/// `output/`, and for reading while the server reads one: a page is served
/// from before an edit or after it, never half-written. (Full builds need
/// no gate: they exchange whole directories.)
pub(crate) static PUBLISHING: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// Shared between the build loop and the HTTP workers.
pub type Shared = Arc<Live>;

/// Turns a failure into overlay problems.
pub fn problems(f: &Failure) -> Vec<Problem> {
    match f {
        Failure::Content(diags, sources) => diags
            .sorted(sources)
            .iter()
            .map(|d| Problem {
                file: d.file.map(|id| sources.path(id).to_string()),
                line: d.line,
                column: d.column,
                field: d.field.clone(),
                message: d.message.clone(),
                help: d.help.clone(),
                text: render_human(d, sources, false),
            })
            .collect(),
        Failure::Other(msg) => vec![Problem {
            file: None,
            line: 0,
            column: 0,
            field: None,
            message: msg.clone(),
            help: None,
            text: format!("error: {msg}\n"),
        }],
    }
}

fn print_failure(f: &Failure) {
    let styled = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    match f {
        Failure::Content(diags, sources) => {
            let sorted = diags.sorted(sources);
            for d in &sorted {
                eprint!("{}", render_human(d, sources, styled));
            }
            eprintln!(
                "error: {} problem{} found; output/ left as it was, the browser shows them",
                sorted.len(),
                if sorted.len() == 1 { "" } else { "s" }
            );
        }
        Failure::Other(msg) => eprintln!("error: {msg}"),
    }
}

/// Builds once (after `changed` paths changed) and records the outcome in
/// `state`.
pub fn build_once(
    opts: &Options,
    rebuild: &mut Rebuild,
    state: &Shared,
    changed: &[String],
) -> bool {
    match rebuild(&opts.root, &opts.out, changed) {
        Ok(r) if is_incremental(&r) && r.written == 0 => {
            // Nothing in the site changed (an editor's temporary file, a
            // save without changes): open pages need not reload, unless
            // they show errors that this content no longer has (a bad edit
            // undone).
            if !state.get().errors.is_empty() {
                state.update(|s| {
                    s.errors.clear();
                    s.version += 1;
                });
            }
            println!("no change to the site (build {})", state.get().version);
            true
        }
        Ok(r) => {
            state.update(|s| {
                s.version += 1;
                s.errors.clear();
            });
            let s = state.get();
            if r.stages
                .first()
                .is_some_and(|(name, _)| *name == "incremental")
            {
                let parts: Vec<String> = r.stages[1..]
                    .iter()
                    .map(|(name, t)| format!("{name} {:.1}", t.as_secs_f64() * 1000.0))
                    .collect();
                println!(
                    "updated {} pages and {} other files ({} changed) in {:.1} ms (build {}; {} ms)",
                    r.pages,
                    r.files.saturating_sub(r.pages),
                    r.written,
                    r.elapsed.as_secs_f64() * 1000.0,
                    s.version,
                    parts.join(", ")
                );
            } else {
                println!(
                    "built {} pages in {:.2} s (build {})",
                    r.pages,
                    r.elapsed.as_secs_f64(),
                    s.version
                );
            }
            true
        }
        Err(f) => {
            print_failure(&f);
            state.update(|s| s.errors = problems(&f));
            false
        }
    }
}

fn is_incremental(r: &BuildReport) -> bool {
    r.stages
        .first()
        .is_some_and(|(name, _)| *name == "incremental")
}

/// Builds, starts the server and rebuilds on every change until killed.
/// `on_ready` gets the address once the server listens.
pub fn run(
    opts: Options,
    mut rebuild: Rebuild,
    on_ready: impl FnOnce(SocketAddr),
) -> Result<(), String> {
    let state: Shared = Arc::default();
    build_once(&opts, &mut rebuild, &state, &[]);
    let changes = watch::start(&opts.root, opts.debounce)?;
    let addr = http::start(&opts.out, opts.port, state.clone())?;
    on_ready(addr);
    for batch in changes {
        println!("changed: {}", batch.join(", "));
        build_once(&opts, &mut rebuild, &state, &batch);
    }
    Err("the file watcher stopped".into())
}
