//! Files in `content/` that are not the site's to read, made at run time
//! (they cannot be committed): a FIFO, a socket, an unreadable file or
//! folder, a symbolic-link loop, links leading out of the site. Each is
//! reported by its path in every format, nothing hangs, nothing outside
//! the site is read or quoted, and a previous output is left as it was.

use crate::common::{fixture, snapshot, BuiltSite};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A site of one jurisdiction, with a framework that refers to another
/// framework (`hidden`), in a temporary folder everyone may read.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let c = root.join("content");
    for d in ["jurisdictions", "frameworks", "vocabularies"] {
        std::fs::create_dir_all(c.join(d)).unwrap();
    }
    let v = fixture("invalid/relation-self/content");
    std::fs::copy(v.join("site.yaml"), c.join("site.yaml")).unwrap();
    for f in ["instrument_types.yaml", "statuses.yaml"] {
        std::fs::copy(
            v.join("vocabularies").join(f),
            c.join("vocabularies").join(f),
        )
        .unwrap();
    }
    std::fs::write(
        c.join("jurisdictions/tw.yaml"),
        "id: tw\nkind: country\nname: {zh-TW: 臺灣, en: Taiwan}\n",
    )
    .unwrap();
    std::fs::write(
        c.join("frameworks/later.yaml"),
        "id: later\njurisdiction: tw\ntype: law\ntitle: {zh-TW: 法, en: Act}\nbinding: true\nrelations:\n  - {type: revokes, target: hidden}\n",
    )
    .unwrap();
    open_to_all(root);
    dir
}

#[cfg(unix)]
fn open_to_all(root: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for e in walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
    {
        let mode = if e.file_type().is_dir() { 0o755 } else { 0o644 };
        let _ = std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(mode));
    }
}

#[cfg(not(unix))]
fn open_to_all(_: &Path) {}

/// Runs govatlas (as an unprivileged user when the tests run as root, for
/// whom no file is unreadable), killing it after a generous minute: a
/// hang is a failure, not a stuck test run.
fn run(args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_govatlas"));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    if running_as_root() {
        use std::os::unix::process::CommandExt;
        cmd.uid(65534).gid(65534);
    }
    let mut child = cmd.spawn().expect("spawn");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("govatlas {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let tmp = tempfile::NamedTempFile::new().unwrap();
    tmp.as_file().metadata().unwrap().uid() == 0
}

/// `check` in `format` on `root`: exit code 1 and its stderr.
fn check(root: &Path, format: &str) -> String {
    let o = run(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        format,
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    stderr
}

/// Also `build` over a previous output: the same report, the output as
/// it was.
fn build_leaves_output(root: &Path, expected: &str) {
    let built = BuiltSite::build(&fixture("basic"));
    open_to_all(built.dir.path());
    let before = snapshot(&built.out);
    let o = run(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output-dir",
        built.out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stderr), expected);
    assert!(snapshot(&built.out) == before, "the output changed");
}

const SUMMARY_1: &str = "error: 1 problem found; nothing was written\n";

#[cfg(unix)]
#[test]
fn a_fifo_is_reported_and_never_opened() {
    let site = site();
    let c = site.path().join("content");
    std::fs::write(
        c.join("frameworks/hidden.yaml"),
        "id: hidden\njurisdiction: tw\ntype: law\ntitle: {zh-TW: 法, en: Act}\nbinding: true\n",
    )
    .unwrap();
    let fifo = c.join("jurisdictions/x.yaml");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let expected = "error[not-a-file]: this is a FIFO (named pipe), not a regular file; it was not opened\n \
         --> content/jurisdictions/x.yaml\n  |\n  = help: content files are plain files; remove it or move it out of content/\n\n";
    assert_eq!(
        check(site.path(), "human"),
        format!("{expected}{SUMMARY_1}")
    );
    assert_eq!(
        check(site.path(), "json"),
        "{\"code\":\"not-a-file\",\"column\":null,\"field\":null,\"file\":\"content/jurisdictions/x.yaml\",\"help\":\"content files are plain files; remove it or move it out of content/\",\"line\":null,\"message\":\"this is a FIFO (named pipe), not a regular file; it was not opened\",\"severity\":\"error\"}\n"
    );
    assert_eq!(
        check(site.path(), "github"),
        "::error file=content/jurisdictions/x.yaml,title=not-a-file::this is a FIFO (named pipe), not a regular file; it was not opened (help: content files are plain files; remove it or move it out of content/)\n"
    );
    build_leaves_output(site.path(), &format!("{expected}{SUMMARY_1}"));
    // A socket too.
    std::fs::remove_file(&fifo).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(c.join("frameworks/s.yaml")).unwrap();
    assert!(check(site.path(), "human").starts_with(
        "error[not-a-file]: this is a socket, not a regular file; it was not opened\n --> content/frameworks/s.yaml\n"
    ));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_at_the_link() {
    let site = site();
    let c = site.path().join("content");
    std::fs::write(
        c.join("frameworks/hidden.yaml"),
        "id: hidden\njurisdiction: tw\ntype: law\ntitle: {zh-TW: 法, en: Act}\nbinding: true\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("..", c.join("jurisdictions/loop")).unwrap();
    let expected = "error[unreadable]: symbolic link loop: this leads back to content, which holds it\n \
         --> content/jurisdictions/loop\n  |\n  = help: remove the link, or point it at a folder that does not hold it\n\n";
    assert_eq!(
        check(site.path(), "human"),
        format!("{expected}{SUMMARY_1}")
    );
    assert!(check(site.path(), "json").contains("\"file\":\"content/jurisdictions/loop\""));
    build_leaves_output(site.path(), &format!("{expected}{SUMMARY_1}"));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_or_folder_is_reported_without_bogus_references() {
    use std::os::unix::fs::PermissionsExt;
    let site = site();
    let c = site.path().join("content");
    let private = c.join("frameworks/private");
    std::fs::create_dir(&private).unwrap();
    std::fs::write(
        private.join("hidden.yaml"),
        "id: hidden\njurisdiction: tw\ntype: law\ntitle: {zh-TW: 法, en: Act}\nbinding: true\n",
    )
    .unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o000)).unwrap();
    // `later` refers to `hidden`, which is in the folder no one can read:
    // that is not reported as an unknown framework.
    let expected = "error[unreadable]: cannot read this: permission denied\n \
         --> content/frameworks/private\n  |\n  = help: check its permissions\n\n";
    assert_eq!(
        check(site.path(), "human"),
        format!("{expected}{SUMMARY_1}")
    );
    assert!(check(site.path(), "github").starts_with(
        "::error file=content/frameworks/private,title=unreadable::cannot read this: permission denied"
    ));
    build_leaves_output(site.path(), &format!("{expected}{SUMMARY_1}"));

    // The same with the file unreadable instead of its folder.
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o755)).unwrap();
    let file = private.join("hidden.yaml");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    assert_eq!(
        check(site.path(), "human"),
        "error[unreadable]: cannot read this file: permission denied\n \
         --> content/frameworks/private/hidden.yaml\n  |\n  = help: check its permissions\n\n"
            .to_string()
            + SUMMARY_1
    );
}

#[cfg(unix)]
#[test]
fn links_out_of_the_site_are_reported_by_path_and_never_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.yaml");
    std::fs::write(&secret, "root:x:0:0:the secret first line\n").unwrap();
    let shared = outside.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::write(shared.join("hidden.yaml"), "id: hidden\njurisdiction: tw\ntype: law\ntitle: {zh-TW: 秘密, en: Secret}\nbinding: true\n").unwrap();
    open_to_all(outside.path());
    let site = site();
    let c = site.path().join("content");
    std::os::unix::fs::symlink(&secret, c.join("jurisdictions/passwd.yaml")).unwrap();
    std::os::unix::fs::symlink(&shared, c.join("frameworks/shared")).unwrap();
    // A link that stays inside the site is followed.
    std::os::unix::fs::symlink("tw.yaml", c.join("jurisdictions/tw-link.yml")).unwrap();
    let human = check(site.path(), "human");
    let expected = "error[outside-root]: symbolic link leads outside the site root; it was not read\n \
         --> content/frameworks/shared\n  |\n  = help: copy the file into the site, or link to one inside it\n\n\
         error[outside-root]: symbolic link leads outside the site root; it was not read\n \
         --> content/jurisdictions/passwd.yaml\n  |\n  = help: copy the file into the site, or link to one inside it\n\n\
         error[duplicate-id]: id: jurisdiction id `tw` is already used\n \
         --> content/jurisdictions/tw.yaml:1:5\n  |\n1 | id: tw\n  |     ^^\n  |\n  \
         = help: first defined at content/jurisdictions/tw-link.yml:1; ids must be unique across the site\n\n\
         error: 3 problems found; nothing was written\n";
    assert_eq!(human, expected);
    for format in ["human", "json", "github"] {
        let out = check(site.path(), format);
        assert!(
            !out.contains("secret") && !out.contains("root:x") && !out.contains("秘密"),
            "{out}"
        );
    }
}

#[test]
fn extensions_are_matched_without_case() {
    let site = site();
    let c = site.path().join("content");
    std::fs::write(
        c.join("frameworks/hidden.YAML"),
        "id: hidden\njurisdiction: tw\ntype: law\ntitle: {zh-TW: 法, en: Act}\nbinding: true\n",
    )
    .unwrap();
    std::fs::write(
        c.join("jurisdictions/de.Yml"),
        "id: de\nkind: country\nname: {zh-TW: 德國, en: Germany}\n",
    )
    .unwrap();
    std::fs::create_dir(c.join("pages")).unwrap();
    std::fs::write(
        c.join("pages/about.en.MD"),
        "---\ntitle: About\n---\nText.\n",
    )
    .unwrap();
    let o = run(&["check", "--root", site.path().to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        stdout.contains("content is valid: 2 jurisdictions, 2 frameworks"),
        "{stdout}"
    );
}
