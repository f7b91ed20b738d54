// Benchmark of the case explorer (not a test: it prints figures and asserts nothing).
//
//   cargo run --release --example synth -- 100000 /tmp/synth100k
//   cargo run --release -- build --root /tmp/synth100k --output-dir /tmp/synth100k/output
//   node tests/browser/bench-explorer.mjs /tmp/synth100k/output [--clicks 60] [--lang en]
//
// Opens <lang>/cases/index.html from file:// in Chromium, as a reader would, and reports:
//  * the payload: data/case-rows.<lang>.js and data/case-text.<lang>.js, raw and gzipped;
//  * the load: from navigation to the explorer's first drawn table;
//  * facet clicks: each timed from the click to the frame after the answer is drawn (counts,
//    rows, pager; the script's own work plus the browser's style and layout), as median, p95
//    and max over the clicks; plus the script's share (engine pass) from the page's own timer;
//  * sorting: the first sort by name (builds the order) and a later one.
// The machine's load average is printed, since other jobs share the cores.
import { chromium } from "playwright-core";
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadavg, cpus } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const out = args[0];
if (!out) {
  console.error("usage: node bench-explorer.mjs OUTDIR [--clicks N] [--lang LANG]");
  process.exit(2);
}
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i > 0 ? args[i + 1] : dflt;
};
const CLICKS = +opt("--clicks", 60);
const LANG = opt("--lang", "en");

const size = (p) => {
  const bytes = readFileSync(join(out, p));
  return { raw: bytes.length, gz: gzipSync(bytes).length };
};
const mb = (n) => (n / 1e6).toFixed(2) + " MB";
const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
const errors = [];
page.on("pageerror", (e) => errors.push(e.message));

console.log(`explorer benchmark: ${out}, ${LANG}, ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
for (const l of [LANG]) {
  const rows = size(`data/case-rows.${l}.js`);
  const text = size(`data/case-text.${l}.js`);
  console.log(`payload ${l}: case-rows ${mb(rows.raw)} (${mb(rows.gz)} gzipped), case-text ${mb(text.raw)} (${mb(text.gz)} gzipped, loaded on the first text filter)`);
}

const t0 = Date.now();
await page.goto(pathToFileURL(join(out, LANG, "cases/index.html")).href);
await page.waitForSelector("#case-table[data-filtered]", { state: "attached", timeout: 600000 });
const load = Date.now() - t0;
const cases = await page.evaluate(() => window.govatlasExplorer && window.govatlasExplorer.cases);
console.log(`load: ${load} ms to the first drawn table (${cases} cases)`);

// The options to click: the first two with cases of every facet shown.
const targets = await page.$$eval("#ex-facets input[type=checkbox][data-f]", (boxes) => {
  const per = {};
  for (const b of boxes) {
    const li = b.closest("li");
    if (li.hidden || li.classList.contains("zero")) continue;
    const f = b.getAttribute("data-f");
    per[f] = per[f] || [];
    if (per[f].length < 2) per[f].push(`#ex-facets input[data-f="${f}"][value="${b.value}"]`);
  }
  return Object.values(per).flat();
});
if (!targets.length) throw new Error("no facet option to click");

async function timedClick(sel) {
  return page.evaluate(async (sel) => {
    const box = document.querySelector(sel);
    const t = performance.now();
    box.click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { total: performance.now() - t, engine: window.govatlasExplorer.lastRun, shown: document.querySelector("#case-count").textContent };
  }, sel);
}

const totals = [], engines = [];
for (let k = 0; k < CLICKS; k++) {
  // Select the options in turn, then take them away in the same order.
  const sel = targets[k % targets.length];
  const r = await timedClick(sel);
  totals.push(r.total);
  engines.push(r.engine);
  if (process.env.VERBOSE) console.log(`  ${sel}: ${r.total.toFixed(1)} ms (engine ${r.engine.toFixed(1)}) ${r.shown}`);
}
const line = (xs) => `median ${q(xs, 0.5).toFixed(1)} ms, p95 ${q(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
console.log(`facet clicks (${CLICKS}, over ${targets.length} options): ${line(totals)}`);
console.log(`  of which the engine pass: ${line(engines)}`);

const sortBy = async (v) => page.evaluate(async (v) => {
  const s = document.querySelector("#ex-sort");
  const t = performance.now();
  s.value = v;
  s.dispatchEvent(new Event("change"));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t;
}, v);
const first = await sortBy("name"), back = await sortBy("");
const again = await sortBy("name");
console.log(`sort by name: first ${first.toFixed(0)} ms (builds the order), again ${again.toFixed(0)} ms; back to inventory order ${back.toFixed(0)} ms`);
if (errors.length) console.log(`page errors: ${errors.join("; ")}`);
await browser.close();
