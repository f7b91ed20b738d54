// Real-browser checks of a built govatlas site, served by `govatlas serve`.
// Run by tests/testsuite/browser.rs, which builds the fixture site, starts
// the server and sets:
//   GOVATLAS_URL   http://127.0.0.1:PORT/  (the server)
//   GOVATLAS_ROOT  the site root being served (a temporary copy; edited here)
//   GOVATLAS_OUT   its output folder (for the file:// check)
// Prints one line per check ("ok ..." / "FAIL ...") and exits 1 on any failure.
import { chromium } from "playwright-core";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BASE = process.env.GOVATLAS_URL;
const ROOT = process.env.GOVATLAS_ROOT;
const OUT = process.env.GOVATLAS_OUT;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!BASE || !ROOT || !OUT) {
  console.error("set GOVATLAS_URL, GOVATLAS_ROOT and GOVATLAS_OUT");
  process.exit(2);
}

let failures = 0;
async function check(name, fn) {
  try {
    await fn();
    console.log(`ok ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}: ${(e && e.stack) || e}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const context = await browser.newContext();
const page = await context.newPage();
const consoleErrors = [];
page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`); });
page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));

const url = (p) => new URL(p, BASE).href;

if (process.env.GOVATLAS_MODE === "sweep") {
  await check("any site: no console errors and no serious/critical axe violation on one page of each type", async () => {
    await sweep(pagesOf(OUT));
  });
  await browser.close();
  console.log(failures ? `${failures} check(s) failed` : "all browser checks passed");
  process.exit(failures ? 1 : 0);
}


async function searchFor(pageUrl, query) {
  await page.goto(pageUrl);
  await page.waitForSelector("#search-results[data-ready]", { state: "attached" });
  await page.fill("#q", query);
  await page.waitForFunction((q) => document.querySelector("#search-status").textContent.length > 0 && new URLSearchParams(location.search).get("q") === q, query);
  // The results of every kind, in the order shown (the filters and the
  // links between groups left out).
  return page.$$eval("#search-results .search-group:not(.search-terms) li a", (as) => as.map((a) => a.getAttribute("href")));
}

await check("Chinese query 車牌辨識 finds the case first", async () => {
  const hrefs = await searchFor(url("zh-TW/search.html"), "車牌辨識");
  assert(hrefs.length >= 1 && hrefs[0].endsWith("zh-TW/cases/tw-digi-2023-01.html"), `results: ${hrefs}`);
});
await check("Chinese sub-word query 辨識 finds the case (segmentation, not whitespace)", async () => {
  const hrefs = await searchFor(url("zh-TW/search.html"), "辨識");
  assert(hrefs.some((h) => h.endsWith("zh-TW/cases/tw-digi-2023-01.html")), `results: ${hrefs}`);
});
await check("English query high-impact finds the instrument", async () => {
  const hrefs = await searchFor(url("en/search.html"), "high-impact");
  assert(hrefs.some((h) => h.endsWith("en/frameworks/kr-ai-basic-act.html")), `results: ${hrefs}`);
});
await check("search from the header form lands on results (?q=)", async () => {
  await page.goto(url("en/index.html"));
  await page.fill("#site-q", "licence plate");
  await Promise.all([page.waitForNavigation(), page.press("#site-q", "Enter")]);
  await page.waitForSelector("#search-results[data-ready]", { state: "attached" });
  const hrefs = await page.$$eval("#search-results a", (as) => as.map((a) => a.getAttribute("href")));
  assert(hrefs.some((h) => h.endsWith("en/cases/tw-digi-2023-01.html")), `results: ${hrefs}`);
});
await check("search works from file:// too", async () => {
  const fileUrl = pathToFileURL(join(OUT, "en/search.html")).href + "?q=high-impact";
  await page.goto(fileUrl);
  await page.waitForSelector("#search-results[data-ready]", { state: "attached" });
  const n = await page.$$eval("#search-results a", (as) => as.filter((a) => a.href.endsWith("kr-ai-basic-act.html")).length);
  assert(n >= 1, "no result from file://");
});

const rowCount = () => page.$$eval("#case-table tbody tr", (trs) => trs.length);
const tableReady = () => page.waitForSelector("#case-table[data-complete]", { state: "attached" });
const option = (facet, label) => page.locator(`#ex-facets [data-facet="${facet}"] label`, { hasText: label }).first();
await check("a facet narrows the case table, lands in the URL, survives a reload; sorting from the keyboard", async () => {
  await page.goto(url("en/cases/index.html"));
  await tableReady();
  const all = await rowCount();
  await option("flag", "Personal data").click();
  await tableReady();
  const narrowed = await rowCount();
  assert(narrowed > 0 && narrowed < all, `rows ${all} -> ${narrowed}`);
  const marks = await page.$$eval('#case-table tbody td.c-flag[data-label="Personal data"]', (tds) => tds.map((t) => t.className));
  assert(marks.length === narrowed && marks.every((c) => c.includes("f-on")), `rows without the flag: ${marks}`);
  await page.waitForFunction(() => location.hash.includes("flag=personal_data"));
  await option("jurisdiction", "Taiwan").click();
  await tableReady();
  const both = await rowCount();
  await page.waitForFunction(() => location.hash.includes("jurisdiction=tw"));
  await page.reload();
  await tableReady();
  assert((await rowCount()) === both, "row count changed after reload");
  assert(await option("flag", "Personal data").locator("input").isChecked(), "the option lost its tick");
  // Sorting by a header button, keyboard only.
  await page.focus("#case-table thead th.c-name button.sort");
  await page.keyboard.press("Enter");
  await tableReady();
  await page.waitForFunction(() => location.hash.includes("sort=name"));
  const names = await page.$$eval("#case-table tbody th a", (as) => as.map((t) => t.textContent));
  const sorted = [...names].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  assert(JSON.stringify(names) === JSON.stringify(sorted), `not sorted: ${names}`);
  await page.click("#ex-clear");
  await tableReady();
  assert((await rowCount()) === all, "clearing did not restore every row");
});
await check("a shared filtered link opens filtered", async () => {
  await page.goto(url("zh-TW/cases/index.html#jurisdiction=kr"));
  await tableReady();
  const ids = await page.$$eval("#case-table tbody tr", (trs) => trs.map((t) => t.id));
  assert(ids.length === 1 && ids[0] === "case-kr-sample-01", `rows: ${ids}`);
});

await check("the language switch lands on the same record", async () => {
  await page.goto(url("en/cases/tw-digi-2023-01.html"));
  await page.click("nav.lang a[hreflang=zh-TW]");
  await page.waitForLoadState();
  assert(page.url().endsWith("/zh-TW/cases/tw-digi-2023-01.html"), page.url());
  assert((await page.textContent("h1")).includes("車牌辨識"), "wrong h1");
  await page.click("nav.lang a[hreflang=en]");
  await page.waitForLoadState();
  assert(page.url().endsWith("/en/cases/tw-digi-2023-01.html"), page.url());
});

// One page of every type, in both languages.
const TYPES = [
  "index.html", "jurisdictions/index.html", "jurisdictions/tw.html", "frameworks/index.html",
  "frameworks/eu-ai-act.html", "inventories/index.html", "inventories/tw-digi-2023.html",
  "cases/index.html", "cases/tw-digi-2023-01.html", "compare/principles.html",
  "compare/jurisdictions.html", "compare/use-classes.html", "risks.html", "vocabularies.html",
  "pages/about.html", "changes.html", "search.html",
];

async function sweep(pages) {
  const problems = [];
  const notes = new Set();
  for (const p of pages) {
    consoleErrors.length = 0;
    const resp = await page.goto(url(p) + (p.endsWith("search.html") ? "?q=AI" : ""));
    assert(resp.ok() || p === "404.html", `${p}: HTTP ${resp.status()}`);
    if (p.endsWith("cases/index.html") || p.includes("inventories/")) await page.waitForSelector("#case-table[data-complete], main:not(:has(#explorer))", { state: "attached" });
    if (p.endsWith("search.html")) await page.waitForSelector("#search-results[data-ready]", { state: "attached" });
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    for (const v of result.violations) {
      if (v.impact !== "serious" && v.impact !== "critical") notes.add(`axe ${v.impact} ${v.id}`);
      else {
        problems.push(`${p}: axe ${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      }
    }
    for (const e of consoleErrors) problems.push(`${p}: console: ${e}`);
  }
  console.log(`  (${pages.length} pages checked by axe; minor/moderate, not failing: ${[...notes].join(", ") || "none"})`);
  assert(problems.length === 0, "\n  " + problems.join("\n  "));
}

/* For any site: one page of each type found in the output folder (the
   first record of each kind and the largest, which has the longest tables). */
function pagesOf(out) {
  const pick = [];
  const langs = readdirSync(out).filter((d) => existsSync(join(out, d, "index.html")) && statSync(join(out, d)).isDirectory());
  for (const l of langs) {
    for (const f of ["index.html", "changes.html", "search.html", "risks.html", "vocabularies.html"]) {
      if (existsSync(join(out, l, f))) pick.push(`${l}/${f}`);
    }
    for (const dir of ["jurisdictions", "frameworks", "inventories", "cases", "pages", "compare"]) {
      const d = join(out, l, dir);
      if (!existsSync(d)) continue;
      const files = readdirSync(d).filter((f) => f.endsWith(".html")).sort();
      const records = files.filter((f) => f !== "index.html" && !/^page-\d+\.html$/.test(f));
      const chosen = new Set(files.includes("index.html") ? ["index.html"] : []);
      if (dir === "compare") records.forEach((f) => chosen.add(f));
      else if (records.length) {
        chosen.add(records[0]);
        chosen.add(records.reduce((a, b) => (statSync(join(d, b)).size > statSync(join(d, a)).size ? b : a)));
      }
      for (const f of chosen) pick.push(`${l}/${dir}/${f}`);
    }
  }
  return pick.concat(existsSync(join(out, "404.html")) ? ["404.html"] : []);
}

await check("no console errors and no serious/critical axe violation on any page type", async () => {
  await sweep(["zh-TW", "en"].flatMap((l) => TYPES.map((t) => `${l}/${t}`)).concat(["404.html"]));
});

await check("serve: an edit reloads the open page; a broken file shows the overlay; a fix clears it", async () => {
  const file = join(ROOT, "content/inventories/tw-digi-2023.yaml");
  const original = readFileSync(file, "utf8");
  try {
    await page.goto(url("en/cases/tw-digi-2023-01.html"));
    await page.waitForTimeout(300);
    writeFileSync(file, original.replace("Smarter licence-plate recognition", "Smarter licence-plate recognition edited"));
    await page.waitForFunction(() => document.querySelector("h1").textContent.includes("edited"), null, { timeout: 15000 });
    writeFileSync(file, original.replace("risk_flags: [data_governance]\n", "risk_flags: [data-governance]\n"));
    await page.waitForSelector("#govatlas-error-overlay", { timeout: 15000 });
    const text = await page.textContent("#govatlas-error-overlay");
    assert(/content\/inventories\/tw-digi-2023\.yaml:\d+:\d+/.test(text), `no file:line:col in overlay: ${text}`);
    assert(text.includes("data-governance"), "overlay lacks the message");
    const written = readFileSync(join(OUT, "en/cases/tw-digi-2023-01.html"), "utf8");
    assert(written.includes("edited") && !written.includes("live.js"), "output/ changed by the failed build or holds the live script");
    writeFileSync(file, original);
    await page.waitForFunction(() => !document.querySelector("#govatlas-error-overlay") && !document.querySelector("h1").textContent.includes("edited"), null, { timeout: 15000 });
  } finally {
    writeFileSync(file, original);
  }
});

if (process.env.SCREENSHOTS) {
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(url("zh-TW/cases/index.html#flag=personal_data&sort=name"));
  await page.waitForSelector("#case-table[data-complete]", { state: "attached" });
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/cases.png`, fullPage: true });
  await page.goto(url("zh-TW/search.html?q=車牌"));
  await page.waitForSelector("#search-results[data-ready]", { state: "attached" });
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/search.png` });
  await page.goto(url("en/frameworks/eu-ai-act.html"));
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/framework.png`, fullPage: true });
}

await browser.close();
console.log(failures ? `${failures} check(s) failed` : "all browser checks passed");
process.exit(failures ? 1 : 0);
