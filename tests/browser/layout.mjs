// The layout test: every page kind of a built site, in every language, at 1366 and 390 px
// wide, in Chromium. Run by tests/testsuite/browser.rs (layout_of_every_page_kind) on the
// default site; by hand:  node tests/browser/layout.mjs OUTDIR [page-substring ...]
//
// Each page must:
//   - never be wider than the viewport (a wide table scrolls inside its own box);
//   - have no pointer target under 24 × 24 CSS px, unless WCAG 2.5.8 exempts it (a link
//     inside a sentence, or an undersized target whose 24 px circle touches no other target
//     or circle: the spacing exception);
//   - have no axe-core violation of WCAG 2.0/2.1/2.2 A and AA, whatever its impact;
//   - log no console error and make no failed request (the 404 page's own status excepted).
// And the menu must work without JavaScript: at 390 px the primary links are hidden until the
// menu is opened, at 1366 px they are shown.
//
// The site is served from OUTDIR by a small static server started here (so fetch() works, as
// on a real host), on 127.0.0.1 and an ephemeral port. Prints one line per page and width,
// "ok ..." or "FAIL page [language] @width: check: what, where (CSS path), and how to fix
// it", then a summary by check, and exits 1 if anything failed.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, normalize, sep } from "node:path";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [OUT, ...only] = process.argv.slice(2);
if (!OUT || !existsSync(join(OUT, "404.html"))) {
  console.error("usage: node layout.mjs OUTDIR [page-substring ...]  (OUTDIR: a built site)");
  process.exit(2);
}
const WIDTHS = [1366, 390];
const MIN_TARGET = 24;

/* ---------- A static server for OUTDIR ---------- */
const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml", ".xml": "application/xml",
  ".csv": "text/csv", ".txt": "text/plain", ".png": "image/png",
};
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = normalize(join(OUT, path));
  if (!file.startsWith(normalize(OUT) + sep) && file !== normalize(OUT)) { res.writeHead(400).end(); return; }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) {
    res.writeHead(404, { "content-type": TYPES[".html"] }).end(readFileSync(join(OUT, "404.html")));
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const BASE = `http://127.0.0.1:${server.address().port}/`;

/* ---------- Which pages: one of every kind, in every language ---------- */
const largest = (dir, keep = () => true) => {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith(".html") && keep(f));
  return files.reduce((a, b) => (a === null || statSync(join(dir, b)).size > statSync(join(dir, a)).size ? b : a), null);
};
const isRecord = (f) => f !== "index.html" && !/^page-\d+\.html$/.test(f) && !/-p\d+\.html$/.test(f);
function pagesOf(out) {
  const langs = readdirSync(out).filter((d) => existsSync(join(out, d, "index.html")) && statSync(join(out, d)).isDirectory()).sort();
  const list = [];
  for (const l of langs) {
    const add = (p) => { if (p && existsSync(join(out, p))) list.push(p); };
    add(`${l}/index.html`);
    for (const kind of ["jurisdictions", "frameworks", "inventories", "cases"]) {
      add(`${l}/${kind}/index.html`);
      const rec = largest(join(out, l, kind), isRecord); // the longest: most rows, provisions, text
      if (rec) add(`${l}/${kind}/${rec}`);
    }
    const compare = join(out, l, "compare");
    if (existsSync(compare)) readdirSync(compare).filter((f) => f.endsWith(".html")).sort().forEach((f) => add(`${l}/compare/${f}`));
    for (const f of ["risks.html", "search.html", "vocabularies.html", "changes.html", "sources.html"]) add(`${l}/${f}`);
    const md = largest(join(out, l, "pages"));
    if (md) add(`${l}/pages/${md}`);
    const brief = largest(join(out, l, "briefs"));
    if (brief) add(`${l}/briefs/${brief}`);
  }
  list.push("404.html");
  return list;
}
const PAGES = pagesOf(OUT).filter((p) => only.length === 0 || only.some((o) => p.includes(o)));

/* ---------- The checks that run inside the page ---------- */
// Every in-page check names elements by a short CSS path from the nearest landmark or
// element with an id, e.g. "main > section#frameworks-h > table.data", so that whoever
// owns the template can find it. Installed in the page before the checks run.
function installDescribe() {
  const one = (e) => {
    let s = e.tagName.toLowerCase();
    if (e.id) return `${s}#${e.id}`;
    if (typeof e.className === "string" && e.className.trim()) s += "." + e.className.trim().split(/\s+/).slice(0, 2).join(".");
    return s;
  };
  window.__describe = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      parts.unshift(one(e));
      if (e.id || ["MAIN", "HEADER", "FOOTER", "NAV", "ASIDE"].includes(e.tagName)) break;
    }
    const text = (el.textContent || el.value || "").trim().replace(/\s+/g, " ").slice(0, 30);
    return parts.join(" > ") + (text ? ` "${text}"` : "");
  };
}

// Pointer targets under 24 × 24 px that WCAG 2.5.8 does not exempt.
function smallTargets(min) {
  const SEL = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=tab], [role=checkbox]";
  const targets = [];
  for (const el of document.querySelectorAll(SEL)) {
    // Not rendered: hidden, or in a closed <details> (whose boxes still measure).
    if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    if (r.width === 0 || r.height === 0) continue;
    if (r.width <= 1 && r.height <= 1) continue; // visually hidden (sr-only)
    if (r.bottom + window.scrollY < 0 || r.right + window.scrollX < 0) continue; // parked off-screen (a skip link until focused)
    targets.push({ el, r, cs });
  }
  // Inline exception: a link set in a line of text (its block holds letters or digits
  // outside any target), whose size the line height decides.
  const inSentence = ({ el, cs }) => {
    if (cs.display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest(SEL)) continue;
      if (/[\p{L}\p{N}]/u.test(n.textContent)) return true;
    }
    return false;
  };
  const center = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const distToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const small = targets.filter((t) => (t.r.width < min - 0.5 || t.r.height < min - 0.5) && !inSentence(t));
  const related = (a, b) => a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el);
  const smallSet = new Set(small);
  const bad = [];
  for (const a of small) {
    const ca = center(a.r);
    const clash = targets.find((b) => {
      if (related(a, b)) return false;
      if (smallSet.has(b)) return Math.hypot(ca[0] - center(b.r)[0], ca[1] - center(b.r)[1]) < min;
      return distToRect(ca, b.r) < min / 2;
    });
    if (clash) {
      bad.push(`${window.__describe(a.el)} is ${Math.round(a.r.width)}×${Math.round(a.r.height)} px, its centre ${Math.round(distToRect(ca, clash.r))} px from ${window.__describe(clash.el)}`);
    }
  }
  return { count: bad.length, examples: bad.slice(0, 4) };
}

// Elements reaching past the right edge of the viewport (not inside a box that scrolls).
function overflow() {
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  const culprits = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right <= width + 1 || r.width === 0 || !el.checkVisibility()) continue;
    // Clipped by a scrolling ancestor? An absolutely positioned box is clipped only by
    // the scrollers on its chain of containing blocks.
    let abs = ["absolute", "fixed"].includes(getComputedStyle(el).position), clipped = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const cs = getComputedStyle(p);
      if (abs && cs.position === "static") continue;
      if (cs.overflowX !== "visible") { clipped = true; break; }
      if (abs) abs = ["absolute", "fixed"].includes(cs.position);
    }
    if (clipped) continue;
    if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1 && el.parentElement !== document.body) continue; // report the outermost
    culprits.push(`${window.__describe(el)} (its right edge at ${Math.round(r.right)} px)`);
  }
  return { scrollWidth: root.scrollWidth, width, culprits: culprits.slice(0, 4) };
}

// axe-core over `where` ("document" or a selector), WCAG 2.0–2.2 A and AA rules only.
function AXE_RUN(where) {
  return window.axe.run(where === "document" ? document : { include: [where] }, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    resultTypes: ["violations"],
  });
}

/* ---------- Run ---------- */
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const failures = [];
const failedChecks = new Map(); // check → pages

// What to do about each kind of failure, printed once per failing check in the summary.
const HINTS = {
  "wider than the viewport": "put a wide table in <div class=\"table-wrap\" tabindex=\"0\"> (it scrolls inside its box), give an SVG or image max-width: 100%, let long words and URLs break (overflow-wrap: anywhere), and give grid/flex children min-width: 0",
  "targets under 24 px": "make the link or control at least 24 × 24 CSS px (padding-block on an inline link grows the target, not the line; min-height on a block), or keep its 24 px circle clear of other targets (WCAG 2.5.8)",
  "console errors": "the page's scripts logged an error or threw; open the page in a browser with the console open",
  "failed requests": "the page asks for a file the site does not have (a link in a template or a fetch() in a script points to a wrong path)",
  "menu": "the navigation must work without JavaScript: details.nav-menu > summary hides nav.primary below 40em and shows it above",
};
const LANG = (page) => (page.includes("/") ? page.split("/")[0] : "root");

function fail(page, width, check, detail) {
  failures.push(`${page} [${LANG(page)}] @${width}px: ${check}: ${detail}`);
  const key = `${check}`;
  if (!failedChecks.has(key)) failedChecks.set(key, new Set());
  failedChecks.get(key).add(`${page}@${width}`);
}

for (const width of WIDTHS) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  let errors = [];
  let failed = [];
  // The browser asks a server for /favicon.ico by itself when a page names no icon (a
  // briefing names none: it must link to nothing); that request is not the page's.
  page.on("console", (m) => {
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("requestfailed", (r) => failed.push(`${r.url().replace(BASE, "/")} (${r.failure()?.errorText})`));
  page.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.url().replace(BASE, "/")} (HTTP ${r.status()})`); });
  for (const p of PAGES) {
    errors = []; failed = [];
    const query = p.endsWith("/search.html") ? "?q=AI" : "";
    await page.goto(BASE + p + query, { waitUntil: "networkidle" });
    if (p === "404.html") failed = failed.filter((f) => !f.startsWith(`/404.html (HTTP 404)`));
    if (query) await page.waitForSelector("#search-results[data-ready]", { state: "attached", timeout: 10000 }).catch(() => {});
    const before = failures.length;
    await page.evaluate(installDescribe);
    const o = await page.evaluate(overflow);
    if (o) fail(p, width, "wider than the viewport", `the document is ${o.scrollWidth} px wide in a ${o.width} px viewport; outermost boxes past the edge: ${o.culprits.join("; ") || "(none found: a pseudo-element or a margin)"}`);
    const t = await page.evaluate(smallTargets, MIN_TARGET);
    if (t.count) fail(p, width, "targets under 24 px", `${t.count} target(s), e.g. ${t.examples.join("; ")}`);
    await page.addScriptTag({ content: AXE });
    // axe takes the content of a closed <details> for hidden; where the stylesheet shows it
    // anyway (the navigation bar and a document's contents on wide screens), mark the
    // details open so that axe checks what readers see.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll("details:not([open])")) {
        const inner = [...d.children].find((c) => c.tagName !== "SUMMARY");
        if (inner && inner.checkVisibility()) d.open = true;
      }
    });
    const axe = await page.evaluate(AXE_RUN, "document");
    const axeDetail = (v) => `${v.help} (${v.impact}; ${v.helpUrl.replace(/\?.*$/, "")}); ${v.nodes.length} element(s): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}${n.failureSummary ? " — " + n.failureSummary.split("\n").slice(1, 2).join("").trim() : ""}`).join(" | ")}`;
    for (const v of axe.violations) fail(p, width, `axe ${v.id}`, axeDetail(v));
    // The menu as it opens on a narrow screen.
    const menu = page.locator("details.nav-menu:not([open]) > summary");
    if ((await menu.count()) && (await menu.isVisible())) {
      await menu.click();
      const inMenu = await page.evaluate(AXE_RUN, "nav.primary");
      for (const v of inMenu.violations) fail(p, width, `axe ${v.id} (open menu)`, axeDetail(v));
    }
    if (errors.length) fail(p, width, "console errors", errors.slice(0, 3).join(" | "));
    if (failed.length) fail(p, width, "failed requests", failed.slice(0, 3).join(" | "));
    console.log(failures.length === before ? `ok ${p} @${width}` : `FAIL ${p} @${width}:\n  ${failures.slice(before).join("\n  ")}`);
  }
  await context.close();
}

// The menu, with JavaScript off: hidden behind its button at 390 px, open on a click;
// always shown at 1366 px.
{
  const home = PAGES.find((p) => /^[^/]+\/index\.html$/.test(p));
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(BASE + home);
    const links = page.locator("nav.primary a");
    const n = await links.count();
    const shown = async () => (await Promise.all([...Array(n).keys()].map((i) => links.nth(i).isVisible()))).filter(Boolean).length;
    if (n < 5) fail(home, width, "menu", `only ${n} links in nav.primary`);
    else if (width < 600) {
      if ((await shown()) !== 0) fail(home, width, "menu", "links shown before the menu is opened");
      await page.locator("details.nav-menu > summary").click();
      if ((await shown()) !== n) fail(home, width, "menu", `${await shown()} of ${n} links shown after opening it without JavaScript`);
    } else if ((await shown()) !== n) fail(home, width, "menu", `${await shown()} of ${n} links shown at ${width} px`);
    console.log(`${failures.some((f) => f.includes(": menu:")) ? "FAIL" : "ok"} menu without JavaScript @${width}`);
    await context.close();
  }
}

await browser.close();
server.close();
console.log(`\n${PAGES.length} pages × ${WIDTHS.length} widths`);
if (failures.length) {
  console.log(`${failures.length} failure(s), by check:`);
  for (const [check, pages] of failedChecks) {
    console.log(`  ${check}: ${[...pages].join(", ")}`);
    const hint = HINTS[check.replace(/ \(open menu\)$/, "")];
    if (hint) console.log(`    how to fix: ${hint}`);
    else if (check.startsWith("axe ")) console.log(`    how to fix: see the rule's page named above (https://dequeuniversity.com/rules/axe/)`);
  }
  process.exit(1);
}
console.log("layout: all checks passed");
