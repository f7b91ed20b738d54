//! Reader features on the `reader` fixture: search index, case-table rows
//! and filters, citations, feeds, changes page, sitemap and robots.txt,
//! the language switch, and `govatlas serve` (live reload state, error
//! overlay data, output/ untouched by a failed build).

use crate::common::{copy_dir, fixture, texts, BuiltSite};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn site() -> BuiltSite {
    BuiltSite::build(&fixture("reader"))
}

/// The JSON inside a `(window.x=window.x||{})["lang"]={...};` script.
fn script_json(js: &str) -> Value {
    let start = js.find("]=").expect("assignment") + 2;
    let body = js[start..].trim_end().trim_end_matches(';');
    serde_json::from_str(body).expect("json in script")
}

/// The pages a token's postings lead to (a case document holds its id,
/// and the index's `case_url` leads to its page).
fn doc_ids(index: &Value, token: &str) -> Vec<String> {
    index["terms"][token]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|p| {
            let d = &index["docs"][p.as_u64().unwrap() as usize / 4];
            let url = d[0].as_str().unwrap();
            if d[2] == "case" {
                format!("{}{url}.html", index["case_url"].as_str().unwrap())
            } else {
                url.to_string()
            }
        })
        .collect()
}

#[test]
fn chinese_is_indexed_by_bigrams_english_by_words() {
    let s = site();
    let zh = script_json(&s.read("search/zh-TW.js"));
    for bigram in ["車牌", "牌辨", "辨識"] {
        assert!(
            doc_ids(&zh, bigram).contains(&"zh-TW/cases/tw-digi-2023-01.html".to_string()),
            "{bigram} does not lead to the case"
        );
    }
    // Whitespace splitting would have made the whole name one token.
    assert!(zh["terms"].get("車牌辨識系統智慧化").is_none());
    let en = script_json(&s.read("search/en.js"));
    let high = doc_ids(&en, "high");
    let impact = doc_ids(&en, "impact");
    let both: Vec<_> = high.iter().filter(|d| impact.contains(d)).collect();
    assert!(both.contains(&&"en/frameworks/kr-ai-basic-act.html".to_string()));
    // Provisions are documents of their own, with an anchor.
    assert!(impact.contains(&"en/frameworks/kr-ai-basic-act.html#art-33".to_string()));
    // Every kind is covered.
    let kinds: Vec<&str> = en["docs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d[2].as_str().unwrap())
        .collect();
    for k in [
        "jurisdiction",
        "framework",
        "provision",
        "inventory",
        "case",
        "page",
    ] {
        assert!(kinds.contains(&k), "no {k} in the index");
    }
}

#[test]
fn search_page_and_header_form() {
    let s = site();
    let doc = s.html("en/search.html");
    assert_eq!(texts(&doc, "form.search-page label"), ["Search this site"]);
    let list = scraper::Selector::parse("#search-results").unwrap();
    let ol = doc.select(&list).next().expect("results");
    assert_eq!(ol.value().attr("data-index"), Some("../search/en.js"));
    let home = s.html("zh-TW/index.html");
    let form = scraper::Selector::parse("header form[role=search]").unwrap();
    let f = home.select(&form).next().expect("header search");
    assert_eq!(f.value().attr("action"), Some("../zh-TW/search.html"));
}

#[test]
fn case_rows_and_explorer_shell() {
    let s = site();
    let rows = script_json(&s.read("data/case-rows.en.js"));
    assert_eq!(rows["rows"].as_array().unwrap().len(), 5);
    let invs = rows["inventories"].as_array().unwrap();
    let kr = invs
        .iter()
        .find(|i| i[0] == "kr-sample")
        .expect("kr-sample");
    assert_eq!(
        rows["jurisdictions"][kr[3].as_u64().unwrap() as usize][0],
        "kr"
    );
    let doc = s.html("en/cases/index.html");
    // Progressive enhancement: the facets and the bar are hidden until the
    // script runs, and the server-rendered table holds every row.
    for hidden in ["#ex-side[hidden]", "#ex-bar[hidden]"] {
        let sel = scraper::Selector::parse(hidden).unwrap();
        assert!(doc.select(&sel).next().is_some(), "{hidden}");
    }
    let sel = scraper::Selector::parse("#explorer").unwrap();
    let ex = doc.select(&sel).next().expect("explorer");
    assert_eq!(
        ex.value().attr("data-rows"),
        Some("../../data/case-rows.en.js")
    );
    assert_eq!(
        ex.value().attr("data-text"),
        Some("../../data/case-text.en.js")
    );
    assert_eq!(texts(&doc, "#case-table tbody tr").len(), 5);
}

#[test]
fn cite_this_uses_base_url_and_content_date() {
    let s = site();
    for (page, url) in [
        (
            "en/frameworks/eu-ai-act.html",
            "https://govatlas-fixture.github.io/atlas/en/frameworks/eu-ai-act.html",
        ),
        (
            "zh-TW/cases/tw-digi-2023-01.html",
            "https://govatlas-fixture.github.io/atlas/zh-TW/cases/tw-digi-2023-01.html",
        ),
        (
            "en/inventories/tw-digi-2023.html",
            "https://govatlas-fixture.github.io/atlas/en/inventories/tw-digi-2023.html",
        ),
    ] {
        let doc = s.html(page);
        let text = texts(&doc, "pre.cite-text").join("");
        let bib = texts(&doc, "pre.cite-bibtex").join("");
        assert!(
            text.contains(url) && text.contains("2025-07"),
            "{page}: {text}"
        );
        assert!(
            bib.starts_with("@misc{") && bib.contains("month = jul") && bib.contains(url),
            "{page}: {bib}"
        );
    }
}

#[test]
fn feed_and_changes_page_come_from_status_dates() {
    let s = site();
    let feed = s.read("en/feed.xml");
    assert!(
        feed.starts_with("<?xml") && feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
    );
    // Newest first; the feed's date is the newest content date, not the clock.
    assert!(feed.contains("<updated>2026-01-22T00:00:00Z</updated>\n<author>"));
    let dates: Vec<&str> = feed
        .match_indices("<entry>")
        .map(|(i, _)| {
            let u = feed[i..].find("<updated>").unwrap() + i + 9;
            &feed[u..u + 10]
        })
        .collect();
    assert_eq!(dates.len(), 7);
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let doc = s.html("zh-TW/changes.html");
    let rows = texts(&doc, "table.changes tbody tr");
    assert_eq!(rows.len(), 7);
    assert!(rows[0].starts_with("2026-01-22"));
    // Anchors on the framework page the changes link to.
    let fw = s.html("en/frameworks/eu-ai-act.html");
    let sel = scraper::Selector::parse("ol.history li#status-2").unwrap();
    assert!(fw.select(&sel).next().is_some());
}

#[test]
fn sitemap_robots_and_language_switch() {
    let s = site();
    // sitemap.xml is an index of sitemap files (one here: 5 cases make
    // far fewer than 50,000 pages).
    assert_eq!(
        s.read("sitemap.xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
         <sitemap><loc>https://govatlas-fixture.github.io/atlas/sitemap-1.xml</loc></sitemap>\n</sitemapindex>\n"
    );
    assert!(!s.out.join("sitemap-2.xml").exists());
    let map = s.read("sitemap-1.xml");
    // One <url> per page (each lists its language versions).
    let pages = walkdir::WalkDir::new(&s.out)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .filter(|e| {
            let rel = e
                .path()
                .strip_prefix(&s.out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            rel.contains('/') && !rel.contains("/briefs/")
        })
        .count();
    assert_eq!(map.matches("<url>").count(), pages);
    assert!(map.contains("<url><loc>https://govatlas-fixture.github.io/atlas/en/cases/tw-digi-2023-01.html</loc><xhtml:link rel=\"alternate\" hreflang=\"zh-TW\" href=\"https://govatlas-fixture.github.io/atlas/zh-TW/cases/tw-digi-2023-01.html\"/>"));
    assert!(map.contains("hreflang=\"x-default\""));
    assert!(!map.contains("404.html"));
    assert!(s
        .read("robots.txt")
        .contains("Sitemap: https://govatlas-fixture.github.io/atlas/sitemap.xml"));
    let doc = s.html("en/cases/tw-digi-2023-01.html");
    let html = scraper::Selector::parse("html[lang=en]").unwrap();
    assert!(doc.select(&html).next().is_some());
    let sw = scraper::Selector::parse("nav.lang a[hreflang=zh-TW]").unwrap();
    assert_eq!(
        doc.select(&sw).next().unwrap().value().attr("href"),
        Some("../../zh-TW/cases/tw-digi-2023-01.html")
    );
}

#[test]
fn reader_files_are_deterministic() {
    let a = site();
    let b = site();
    for f in [
        "search/zh-TW.js",
        "search/en.js",
        "en/feed.xml",
        "sitemap.xml",
        "sitemap-1.xml",
        "data/case-rows.zh-TW.js",
        "en/changes.html",
    ] {
        assert_eq!(a.read(f), b.read(f), "{f} differs between builds");
    }
}

// ---- govatlas serve ----

/// A running `govatlas serve`, killed on drop.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// Starts `govatlas serve --port 0` on `root`, writing into `out`.
    pub fn start(root: &Path, out: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_govatlas"))
            .args(["serve", "--port", "0", "--debounce-ms", "100", "--root"])
            .arg(root)
            .arg("--output-dir")
            .arg(out)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::from(
                std::fs::File::create(out.with_extension("serve-stderr.txt")).expect("stderr file"),
            ))
            .spawn()
            .expect("start govatlas serve");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(i) = line.find("http://") {
                    let rest = &line[i + 7..];
                    let end = rest.find('/').unwrap_or(rest.len());
                    let _ = tx.send(rest[..end].to_string());
                }
            }
        });
        let addr = rx
            .recv_timeout(Duration::from_secs(600))
            .unwrap_or_else(|_| {
                panic!(
                    "serve did not print its address; stderr:\n{}",
                    std::fs::read_to_string(out.with_extension("serve-stderr.txt"))
                        .unwrap_or_default()
                )
            });
        Server { child, addr }
    }

    /// GET `path`: (status, body).
    pub fn get(&self, path: &str) -> (u16, String) {
        http_get(&self.addr, path)
    }
    /// The build state.
    pub fn state(&self) -> Value {
        serde_json::from_str(&self.get("/__govatlas/state").1).expect("state json")
    }

    /// Waits until `f(state)` holds.
    pub fn wait_for(&self, what: &str, f: impl Fn(&Value) -> bool) -> Value {
        let start = Instant::now();
        loop {
            let s = self.state();
            if f(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}: {s}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// GET `path` from `addr`: (status, body).
fn http_get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).to_string();
    let status: u16 = text[9..12].parse().unwrap();
    let body = text
        .split_once("\r\n\r\n")
        .map(|x| x.1.to_string())
        .unwrap_or_default();
    (status, body)
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serve_rebuilds_injects_and_reports_errors() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let out = dir.path().join("out");
    copy_dir(&fixture("reader"), &root);
    let server = Server::start(&root, &out);
    assert_eq!(server.state()["version"], 1);

    // Served HTML carries the live script; the written file does not.
    let (status, page) = server.get("/en/cases/tw-digi-2023-01.html");
    assert_eq!(status, 200);
    assert!(page.contains("/__govatlas/live.js"));
    let written = std::fs::read_to_string(out.join("en/cases/tw-digi-2023-01.html")).unwrap();
    assert!(!written.contains("__govatlas"));
    assert_eq!(server.get("/no/such/page.html").0, 404);
    assert_eq!(server.get("/../Cargo.toml").0, 400);

    // An edit rebuilds, and a page waiting for a change of state (as the
    // live script does) is answered with it, not before.
    let generation = server.state()["generation"].as_u64().unwrap();
    let (addr, wait) = (
        server.addr.clone(),
        format!("/__govatlas/state?wait={generation}"),
    );
    let waiting = std::thread::spawn(move || http_get(&addr, &wait));
    std::thread::sleep(Duration::from_millis(500));
    assert!(!waiting.is_finished(), "answered with no change");
    let file = root.join("content/inventories/tw-digi-2023.yaml");
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        original.replace("Smarter licence-plate recognition", "Plate reader v2"),
    )
    .unwrap();
    let (status, answer) = waiting.join().unwrap();
    assert_eq!(status, 200);
    let answer: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(answer["version"], 2, "{answer}");
    assert!(answer["generation"].as_u64().unwrap() > generation);
    server.wait_for("build 2", |s| s["version"] == 2);
    assert!(server
        .get("/en/cases/tw-digi-2023-01.html")
        .1
        .contains("Plate reader v2"));

    // A broken file: errors with file:line:col, output/ unchanged.
    let before = std::fs::read(out.join("en/cases/tw-digi-2023-01.html")).unwrap();
    std::fs::write(
        &file,
        original.replace(
            "risk_flags: [data_governance]\n",
            "risk_flags: [data-governance]\n",
        ),
    )
    .unwrap();
    let s = server.wait_for("errors", |s| !s["errors"].as_array().unwrap().is_empty());
    assert_eq!(s["version"], 2);
    let e = &s["errors"][0];
    assert_eq!(e["file"], "content/inventories/tw-digi-2023.yaml");
    assert!(e["line"].as_u64().unwrap() > 0 && e["column"].as_u64().unwrap() > 0);
    assert!(e["message"].as_str().unwrap().contains("data-governance"));
    assert_eq!(
        std::fs::read(out.join("en/cases/tw-digi-2023-01.html")).unwrap(),
        before
    );

    // Fixed: a new version, no errors.
    std::fs::write(&file, &original).unwrap();
    server.wait_for("build 3", |s| {
        s["version"] == 3 && s["errors"].as_array().unwrap().is_empty()
    });
}

#[test]
fn a_theme_folder_on_disk_overrides_the_compiled_theme() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&fixture("reader"), &root);
    let theme = root.join("themes/default");
    std::fs::create_dir_all(theme.join("templates")).unwrap();
    std::fs::create_dir_all(theme.join("static")).unwrap();
    std::fs::write(
        theme.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block main %}<h1>Lost in the atlas</h1>{% endblock main %}",
    )
    .unwrap();
    std::fs::write(theme.join("static/style.css"), "body { color: #123456; }\n").unwrap();
    let s = BuiltSite::build(&root);
    assert!(s.read("404.html").contains("Lost in the atlas"));
    assert_eq!(s.read("static/style.css"), "body { color: #123456; }\n");
    assert!(s.read("static/search.js").contains("govatlasSearch"));
}
