// Real-browser checks of the pages with figures and comparisons, in both
// languages at 1366 and 390 px: nothing wider than the viewport outside its
// own scroll box; no chart text clipped by its chart, ending in "…", or drawn
// under 11 CSS px; axe-core (WCAG 2.2 AA) without a violation; no console
// error. Run by tests/testsuite/figures_browser.rs on the built default site
// (file://, as a reader opening the output folder would).
//   GOVATLAS_OUT   the output folder
//   GOVATLAS_PAGES the pages to check, relative to it, space-separated
// Prints one line per check ("ok ..." / "FAIL ...") and exits 1 on any failure.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const OUT = process.env.GOVATLAS_OUT;
const PAGES = (process.env.GOVATLAS_PAGES || "").split(/\s+/).filter(Boolean);
if (!OUT || PAGES.length === 0) {
  console.error("set GOVATLAS_OUT and GOVATLAS_PAGES");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

let failures = 0;
function report(name, problems) {
  if (problems.length === 0) console.log(`ok ${name}`);
  else {
    failures++;
    console.log(`FAIL ${name}:\n  ${problems.slice(0, 25).join("\n  ")}${problems.length > 25 ? `\n  … ${problems.length - 25} more` : ""}`);
  }
}

// What the page shows that a reader would call broken, measured in the page.
function inspect() {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (/(auto|scroll)/.test(s.overflowX) && p.scrollWidth > p.clientWidth - 1) return true;
      if (/(auto|scroll|hidden)/.test(s.overflowX) && p !== document.documentElement && p !== document.body) {
        const r = p.getBoundingClientRect();
        if (r.right <= vw + 1) return true;
      }
    }
    return false;
  };
  if (document.documentElement.scrollWidth > vw + 1) {
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px in a ${vw} px viewport`);
  }
  for (const el of document.querySelectorAll("main *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 1) continue;
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    if (!scrolls(el)) {
      problems.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${[...el.classList].join(".")} ends at ${Math.round(r.right)} px, outside any scroll box`);
    }
  }
  for (const svg of document.querySelectorAll("main svg")) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue; // a layout made for another width, not shown
    const vb = svg.viewBox.baseVal;
    const scale = vb && vb.width ? box.width / vb.width : 1;
    for (const t of svg.querySelectorAll("text")) {
      const r = t.getBoundingClientRect();
      const label = `"${t.textContent}" in ${svg.closest("figure")?.id || "svg"} (${Math.round(box.width)} px)`;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        problems.push(`text ${label} is clipped: [${Math.round(r.left)}, ${Math.round(r.right)}] outside [${Math.round(box.left)}, ${Math.round(box.right)}]`);
      }
      if (/…|\.\.\.$/.test(t.textContent)) problems.push(`text ${label} ends in an ellipsis`);
      const size = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (size < 11 - 0.05) problems.push(`text ${label} is ${size.toFixed(1)} px`);
    }
    // Text drawn over other text: overlapping boxes of two labels.
    const boxes = [...svg.querySelectorAll("text")].map((t) => [t, t.getBoundingClientRect()]);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, ra] = boxes[i];
        const [b, rb] = boxes[j];
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 1 && h > 3) problems.push(`"${a.textContent}" and "${b.textContent}" overlap in ${svg.closest("figure")?.id || "svg"}`);
      }
    }
  }
  return problems;
}

for (const lang of ["zh-TW", "en"]) {
  for (const width of [1366, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    for (const p of PAGES.filter((p) => p.startsWith(`${lang}/`))) {
      errors.length = 0;
      await page.goto(pathToFileURL(join(OUT, p)).href);
      const problems = await page.evaluate(inspect);
      for (const e of errors) problems.push(`console: ${e}`);
      // (axe reads stylesheets by XHR, which file:// refuses with console
      // errors of its own: the page's are counted before it runs.)
      await page.addScriptTag({ content: AXE });
      const axe = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        resultTypes: ["violations"],
      }));
      for (const v of axe.violations) {
        problems.push(`axe ${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      }
      report(`${p} at ${width} px`, problems);
    }
    await context.close();
  }
}

await browser.close();
console.log(failures ? `${failures} check(s) failed` : "all figure checks passed");
process.exit(failures ? 1 : 0);
