//! No injection: a site whose every text field (names, summaries, labels,
//! provision text, source titles and URLs, matrix and table cells, chart
//! labels, page titles, Markdown bodies) holds a known XSS vector is built,
//! and every page and SVG it writes is parsed: no `<script>`, no `on*`
//! attribute, no `javascript:`/`data:` link, no `<iframe>`/`<object>`/
//! `<embed>`, no refresh to a script; while ordinary Markdown (tables,
//! footnotes, heading anchors, links) still renders.

use crate::common::BuiltSite;
use scraper::{Html, Selector};
use std::path::Path;

/// Filter-evasion vectors in the OWASP cheat sheet's manner.
const VECTORS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "\" onmouseover=\"alert(1)",
    "' onmouseover='alert(1)",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "<body onload=alert(1)>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<div style=\"background:url(javascript:alert(1))\">",
    "]]><script>alert(1)</script>",
    "{{ 7*7 }}{% raw %}<script>alert(1)</script>",
    "<details open ontoggle=alert(1)>",
    "<<SCRIPT>alert(1);//<</SCRIPT>",
];

/// Markdown-only vectors, mixed with ordinary Markdown that must survive.
const MARKDOWN: &str = r##"
## Method notes {#method-notes}

| Column | Value |
|---|---|
| a <script>alert(1)</script> | <img src=x onerror=alert(1)> |

A claim.[^note] See [the example](https://example.org/ok) and [the notes](#method-notes).

[click](javascript:alert(1)) [click2](JaVaScRiPt:alert(1)) [click3](data:text/html,<script>alert(1)</script>)
[click4](  javascript:alert(1)) <a href="jav&#x0A;ascript:alert(1)">x</a> ![img](javascript:alert(1))

<script>alert(1)</script>
<iframe src="https://evil.example/"></iframe>
<svg onload=alert(1)><a xlink:href="javascript:alert(1)">x</a></svg>
<p onclick="alert(1)" style="x">para</p>
<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">b</button></form>
<a href="#" onmouseover="alert(1)">hover</a>

[^note]: The footnote's text.
"##;

/// A YAML scalar: JSON strings are valid YAML double-quoted strings.
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// A bilingual text holding vector `i` (and the next one in the other language).
fn t(i: &mut usize) -> String {
    let a = VECTORS[*i % VECTORS.len()];
    let b = VECTORS[(*i + 1) % VECTORS.len()];
    *i += 2;
    format!("{{zh-TW: {}, en: {}}}", q(a), q(b))
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join("content").join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// Every record type with every text field set to a vector.
fn hostile_site(root: &Path) {
    let i = &mut 0;
    write(
        root,
        "site.yaml",
        &format!(
            "title: {}\ndescription: {}\nauthor: {}\nbase_url: https://example.org/\nlanguages: [zh-TW, en]\ndefault_language: zh-TW\ndata_date: 2025-01-01\n",
            t(i), t(i), t(i)
        ),
    );
    let vocab = |kind: &str, ids: &[&str], i: &mut usize| {
        let mut s = format!(
            "vocabulary: {kind}\ntitle: {}\ndescription: {}\nterms:\n",
            t(i),
            t(i)
        );
        for id in ids {
            s.push_str(&format!(
                "  - id: {id}\n    label: {}\n    description: {}\n",
                t(i),
                t(i)
            ));
            if kind == "use_classes" {
                s.push_str(&format!(
                    "    subtypes:\n      - {{id: {id}_sub, label: {}, description: {}}}\n",
                    t(i),
                    t(i)
                ));
            }
        }
        s
    };
    for (kind, ids) in [
        ("risk_flags", &["flag_a", "flag_b"][..]),
        ("use_classes", &["class_a", "class_b"]),
        ("techniques", &["tech_a"]),
        ("instrument_types", &["law"]),
        ("statuses", &["draft", "adopted"]),
        ("principles", &["principle_a", "principle_b"]),
        ("approaches", &["approach_a"]),
    ] {
        write(
            root,
            &format!("vocabularies/{kind}.yaml"),
            &vocab(kind, ids, i),
        );
    }
    write(
        root,
        "sources/docs.yaml",
        &format!(
            "sources:\n  - id: doc-a\n    title: {}\n    url: {}\n    publisher: {}\n    published: 2024\n",
            t(i),
            q("https://example.org/'onmouseover='alert(1)'"),
            t(i)
        ),
    );
    write(
        root,
        "jurisdictions/xx.yaml",
        &format!(
            "id: xx\nkind: country\nname: {}\nsummary: {}\ndedicated_body: {}\napproaches:\n  - {{approach: approach_a, from: 2024, summary: {}}}\nsources: [doc-a]\n",
            t(i), t(i), t(i), t(i)
        ),
    );
    for (id, rel) in [("fw-a", "supersedes"), ("fw-b", "cites")] {
        let target = if id == "fw-a" { "fw-b" } else { "fw-a" };
        write(
            root,
            &format!("frameworks/{id}.yaml"),
            &format!(
                "id: {id}\njurisdiction: xx\ntype: law\ntitle: {}\nshort_title: {}\nissuer: {}\nbinding: true\nrisk_based: true\nsummary: {}\n\
                 status_history:\n  - {{date: 2024-01-01, status: draft, note: {}}}\n  - {{date: 2024-06-01, status: adopted}}\n\
                 provisions:\n  - id: p1\n    label: {}\n    title: {}\n    summary: {}\n    explanation: {}\n    provisions:\n      - {{id: p1-1, label: {}, summary: {}}}\n\
                 principles:\n  - {{maps_to: [principle_a, principle_b], wording: {}, provision: p1}}\n\
                 relations:\n  - {{type: {rel}, target: {target}, note: {}}}\n\
                 matrices:\n  - id: m\n    title: {}\n    description: {}\n    row_axis: {}\n    column_axis: {}\n    rows: [{}, {}]\n    columns: [{}]\n    levels:\n      - {{id: lo, label: {}}}\n      - {{id: hi, label: {}}}\n    cells: [[lo], [hi]]\n\
                 tables:\n  - id: tb\n    title: {}\n    columns: [{}, {}]\n    rows:\n      - [{}, {}]\n\
                 sources: [doc-a]\n",
                t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i),
                t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i), t(i)
            ),
        );
    }
    let mut inv = format!(
        "id: inv\njurisdiction: xx\ntitle: {}\npublisher: {}\nyear: 2023\ndeclared_total: 9\ndescription: {}\nsource_url: https://example.org/inv\n\
         flag_methods:\n  - {{id: m1, label: {}, description: {}}}\ndefault_flag_method: m1\nsources: [doc-a]\ncases:\n",
        t(i), t(i), t(i), t(i), t(i)
    );
    for (n, class) in [(1, "class_a"), (2, "class_b"), (3, "class_a")] {
        inv.push_str(&format!(
            "  - id: case-{n}\n    name: {}\n    agency: {}\n    bureau: {}\n    description: {}\n    stage: {}\n    use_class: {class}\n    use_subtype: {class}_sub\n    techniques: [tech_a]\n    risk_flags: [flag_a, flag_b]\n    source_url: https://example.org/c{n}\n",
            t(i), t(i), t(i), t(i), t(i)
        ));
    }
    write(root, "inventories/inv.yaml", &inv);
    for lang in ["en", "zh-TW"] {
        write(
            root,
            &format!("pages/about.{lang}.md"),
            &format!(
                "---\ntitle: {}\norder: 1\n---\n{MARKDOWN}",
                q(VECTORS[*i % VECTORS.len()])
            ),
        );
        *i += 1;
    }
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn no_vector_in_any_field_reaches_the_output_live() {
    let tmp = tempfile::tempdir().unwrap();
    hostile_site(tmp.path());
    let site = BuiltSite::build(tmp.path());
    if let Ok(keep) = std::env::var("GOVATLAS_XSS_KEEP") {
        // For looking at the output by hand.
        let _ = std::process::Command::new("cp")
            .args(["-r", site.out.to_str().unwrap(), &keep])
            .status();
    }

    let (problems, checked) = live_vectors(&site.out);
    assert!(checked > 30, "only {checked} files checked");
    assert!(
        problems.is_empty(),
        "{} live vectors:\n{}",
        problems.len(),
        problems.join("\n")
    );

    // The link checker agrees: no script or data URL anywhere. (It does
    // report the `<img src=x>` the vectors leave behind as broken.)
    let check = crate::common::govatlas(&["check", "--root", tmp.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(!stderr.contains("script or data URL"), "{stderr}");
    assert!(
        stderr.contains("error[broken-link]: link \"x\""),
        "{stderr}"
    );

    // The vectors are shown as text, not dropped: the reader sees what the
    // source said.
    let fw = site.read("en/frameworks/fw-a.html");
    assert!(
        fw.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "escaped text missing"
    );

    // Ordinary Markdown still works next to the vectors.
    let about = site.html("en/pages/about.html");
    assert!(
        about.select(&sel("article table td")).next().is_some(),
        "table"
    );
    assert!(
        about.select(&sel("h2#method-notes")).next().is_some(),
        "heading anchor"
    );
    assert!(
        about
            .select(&sel("a[href=\"#method-notes\"]"))
            .next()
            .is_some(),
        "link to the heading"
    );
    assert!(
        about
            .select(&sel("a[href=\"https://example.org/ok\"]"))
            .next()
            .is_some(),
        "external link"
    );
    assert!(
        about.select(&sel(".footnote-definition")).next().is_some(),
        "footnote definition"
    );
    assert!(
        about
            .select(&sel("sup.footnote-reference a"))
            .next()
            .is_some(),
        "footnote reference"
    );
}

/// Every live script vector in the `.html` and `.svg` files under `out`,
/// and how many files were read.
fn live_vectors(out: &Path) -> (Vec<String>, usize) {
    let mut problems = Vec::new();
    let mut checked = 0;
    for e in walkdir::WalkDir::new(out)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = e.path();
        let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
        if !matches!(ext, "html" | "svg") {
            continue;
        }
        checked += 1;
        let rel = path.strip_prefix(out).unwrap().display().to_string();
        let doc = Html::parse_document(&std::fs::read_to_string(path).unwrap());
        for bad in ["iframe", "object", "embed", "frame", "base"] {
            if doc.select(&sel(bad)).next().is_some() {
                problems.push(format!("{rel}: a <{bad}> element"));
            }
        }
        // The theme's own scripts are external files under static/ with no
        // inline code; any other script element came from content.
        for s in doc.select(&sel("script")) {
            let src = s.value().attr("src").unwrap_or("");
            let theme = src.ends_with(".js")
                && src.trim_start_matches("../").starts_with("static/")
                && s.text().all(|t| t.trim().is_empty());
            if !theme {
                problems.push(format!("{rel}: a <script> element (src={src:?})"));
            }
        }
        // The theme's forms: the header search, the search page, the case filters.
        for f in doc.select(&sel("form")) {
            let v = f.value();
            let theme = v
                .attr("class")
                .is_some_and(|c| c == "site-search" || c == "search-page")
                || v.attr("id") == Some("case-filters");
            if !theme {
                problems.push(format!("{rel}: a <form> element"));
            }
        }
        for el in doc.select(&sel("*")) {
            for (name, value) in el.value().attrs() {
                let name = name.to_ascii_lowercase();
                if name.starts_with("on") {
                    problems.push(format!("{rel}: <{} {name}=…>", el.value().name()));
                }
                let squeezed: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let url_attr = matches!(
                    name.as_str(),
                    "href" | "src" | "xlink:href" | "action" | "formaction" | "poster" | "content"
                );
                if url_attr
                    && ["javascript:", "data:", "vbscript:"]
                        .iter()
                        .any(|s| squeezed.starts_with(s) || squeezed.contains(&format!("url={s}")))
                {
                    problems.push(format!("{rel}: {name}={value:?}"));
                }
                if name == "style" && squeezed.contains("javascript:") {
                    problems.push(format!("{rel}: style={value:?}"));
                }
            }
        }
        if ext == "html" {
            for m in doc.select(&sel("meta[http-equiv]")) {
                if rel != "index.html" {
                    problems.push(format!("{rel}: a <meta http-equiv> from content"));
                }
                let _ = m;
            }
        }
    }
    (problems, checked)
}

#[test]
fn the_checker_itself_catches_live_script() {
    // A template override is trusted (it is the site's own code), so it is
    // the way to plant live script and see that the checks above notice.
    let tmp = tempfile::tempdir().unwrap();
    hostile_site(tmp.path());
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(
        tmp.path().join("templates/404.html"),
        "<html><body><script>x()</script><p onclick=\"x()\">p</p><a href=\" JaVa\tScRiPt:x()\">a</a></body></html>",
    )
    .unwrap();
    let site = BuiltSite::build(tmp.path());
    let (problems, _) = live_vectors(&site.out);
    assert_eq!(
        problems,
        [
            "404.html: a <script> element (src=\"\")",
            "404.html: <p onclick=…>",
            "404.html: href=\" JaVa\\tScRiPt:x()\"",
        ]
    );
}

#[test]
fn source_urls_must_be_http() {
    // The validator refuses script and data URLs before anything renders.
    let tmp = tempfile::tempdir().unwrap();
    hostile_site(tmp.path());
    write(
        tmp.path(),
        "sources/docs.yaml",
        "sources:\n  - {id: doc-a, title: {en: A}, url: \"JaVaScRiPt:alert(1)\"}\n",
    );
    let out = crate::common::govatlas(&["check", "--root", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .starts_with("error[invalid-url]: sources[0].url: invalid URL \"JaVaScRiPt:alert(1)\""));
}
