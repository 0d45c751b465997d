// Benchmark (prints figures, asserts nothing): a reader's own documents opened in the page —
// the generated 12 MB corpus (250 Markdown files) set on "Open documents…" in headless
// Chromium, timed until they are listed as the reader's (read, parsed, indexed, shown) and
// until a search finds one of them, with the longest main-thread task while loading (until
// every card is listed) and during that first search (which builds the typo table).
// Usage: node bench/own-documents.mjs [--runs 3] [--mb 12]   (after `make build`)
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { launchChromium, numberOptions, quantile, serve } from "./common.mjs";

const { runs, mb } = numberOptions({ runs: 3, mb: 12 });
const corpus = resolve(`target/bench/corpus-${mb}mb`);
if (!existsSync(corpus)) {
  execFileSync("cargo", ["run", "-q", "--release", "-p", "lectern-corpus", "--bin", "lectern", "--", "generate", corpus, "--mb", String(mb)], { stdio: "inherit" });
}
const files = readdirSync(corpus).filter((n) => !n.startsWith(".")).map((n) => join(corpus, n));
const server = await serve("dist", 8292);
const browser = await launchChromium();
const shown = [];
const searched = [];
const longest = [];
const firstSearch = [];
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("http://127.0.0.1:8292/#/");
  await page.locator('[data-view="list"]').waitFor();
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__longest = Math.max(window.__longest, e.duration)))).observe({ type: "longtask" });
  });
  const started = Date.now();
  await page.locator("[data-open-files]").setInputFiles(files);
  await page.locator('[data-origin="yours"]').first().waitFor({ timeout: 120_000 });
  shown.push(Date.now() - started);
  // Let the list finish rendering, then read the longest task of the whole load.
  await page.locator('[data-list-cards][aria-busy="false"]').waitFor();
  longest.push(await page.evaluate(() => window.__longest));
  await page.evaluate(() => (window.__longest = 0));
  await page.locator("[data-search-input]").fill("the");
  await page.locator('a.result').first().waitFor();
  searched.push(Date.now() - started);
  firstSearch.push(await page.evaluate(() => window.__longest));
  await context.close();
}
await browser.close();
server.stop();
const line = (label, values) => `  ${label.padEnd(34)} median ${quantile([...values].sort((a, b) => a - b), 0.5).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;
console.log(`${files.length} files of the generated ${mb} MB corpus opened in the page (${runs} runs):`);
console.log(line("listed as yours (read+parse+index)", shown));
console.log(line("first search answered", searched));
console.log(line("longest main-thread task, loading", longest));
console.log(line("longest task of the first search", firstSearch));
