//! `govatlas check` renders the site in memory and checks every internal
//! link and `#fragment`: none broken on the good sites, and planted broken
//! links (in a Markdown page and in a template override) are caught with
//! the page and the link named. External links are counted, never fetched.

use crate::common::{copy_dir, fixture, govatlas, repo_root};
use std::path::Path;

fn check(root: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", "--root", root.to_str().unwrap()];
    args.extend_from_slice(extra);
    govatlas(&args)
}

#[test]
fn the_basic_site_has_no_broken_link() {
    let out = check(&fixture("basic"), &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(", 0 broken, "), "{stdout}");
    assert!(
        stdout.contains("1 external links not fetched (--external lists them)"),
        "{stdout}"
    );
}

#[test]
fn external_links_are_listed_with_their_pages() {
    let out = check(&fixture("basic"), &["--external"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let ext: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("external "))
        .collect();
    assert_eq!(ext.len(), 1, "{stdout}");
    assert!(
        ext[0].starts_with("external https://example.org/a (en/briefs/inventory-tw-test.html, "),
        "{}",
        ext[0]
    );
}

#[test]
fn the_default_site_has_no_broken_link() {
    let root = repo_root();
    if !root.join("content/site.yaml").exists() {
        return; // no default content in this checkout yet
    }
    let out = check(&root, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(", 0 broken, "), "{stdout}");
}

#[test]
fn planted_broken_links_are_errors_naming_page_and_link() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("basic"), tmp.path());
    let about = tmp.path().join("content/pages/about.en.md");
    let mut text = std::fs::read_to_string(&about).unwrap();
    text.push_str(
        "\nSee [the methods](methodology.html), [the top](#top-of-page), \
         [cases](../cases/) and [Taiwan](../jurisdictions/tw.html#approach-nowhere).\n",
    );
    std::fs::write(&about, text).unwrap();
    // A theme override with a link to a page that does not exist.
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(
        tmp.path().join("templates/404.html"),
        "<!DOCTYPE html><html><body><a href=\"{{ root }}missing/index.html\">home</a></body></html>\n",
    )
    .unwrap();

    let out = check(tmp.path(), &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let headlines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(
        headlines,
        [
            "error[broken-link]: link \"missing/index.html\" in 404.html: no file missing/index.html in the site",
            "error[broken-link]: link \"methodology.html\" in en/pages/about.html: no file en/pages/methodology.html in the site",
            "error[broken-link]: link \"#top-of-page\" in en/pages/about.html: en/pages/about.html has no element with id \"top-of-page\"",
            "error[broken-link]: link \"../jurisdictions/tw.html#approach-nowhere\" in en/pages/about.html: en/jurisdictions/tw.html has no element with id \"approach-nowhere\"",
            "error: 4 problems found; nothing was written",
        ],
        "{stderr}"
    );
    // Each points into the rendered page, with a caret under the link.
    assert!(
        stderr.contains(" --> (rendered) en/pages/about.html:"),
        "{stderr}"
    );
    assert!(stderr.contains("^^^^^^^^^^^^^^^^"), "{stderr}");

    // The JSON form names the page and the link too.
    let out = check(tmp.path(), &["--format", "json"]);
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stderr).lines().next().unwrap()).unwrap();
    assert_eq!(first["code"], "broken-link");
    assert_eq!(first["file"], "(rendered) 404.html");
}
