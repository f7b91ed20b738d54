// Screenshots of pages of a built site, for looking at what ships.
// usage: node shots.mjs OUTDIR SHOTDIR page1 page2 ...   (pages relative to OUTDIR, e.g. en/index.html)
// Each page is taken at 1366 and 390 px wide, full page.
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
const [out, shots, ...pages] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const width of [1366, 390]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const p of pages) {
    await page.goto(pathToFileURL(join(out, p)).href);
    await page.waitForTimeout(150);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    const name = `${p.replace(/[\/.#?]/g, "_")}-${width}.png`;
    await page.screenshot({ path: join(shots, name), fullPage: process.env.FULL !== "0" });
    console.log(`${name} scrollWidth=${sw}`);
  }
  await page.close();
}
await browser.close();
