// Benchmark (prints figures, asserts nothing): the release bundle's file sizes, raw and gzip,
// and the time from navigation start to the first rendered view in headless Chromium, served on
// localhost and, for the single file pkg/lectern.html, opened from disk (file://).
// Usage: node bench/startup.mjs [--runs 15]   (after `trunk build --release`)
import { launchChromium, numberOptions, probeFirstRender, quantile, serve } from "./common.mjs";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { appSizes, kb, sizes } from "../scripts/size.mjs";

const { runs } = numberOptions({ runs: 15 });
const dist = "dist";
const port = 8282;

// The sizes as the budget check counts them (scripts/size.mjs): what loads at start, and apart
// the parts views load on first use.
const app = appSizes(dist);
const row = (name, f) => `  ${name.padEnd(44)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`;
console.log("Release bundle (dist/), loaded at start:");
for (const f of app.files) console.log(row(f.name, f));
console.log(row("app total at start", app.total));
if (app.parts.length) console.log(row(`${app.parts.length} parts, loaded on first use`, app.partsTotal));
const single = sizes(readFileSync("pkg/lectern.html"));
console.log(`Single file (pkg/lectern.html): ${kb(single.raw)} raw, ${kb(single.gzip)} gzip`);

const server = await serve(dist, port);
const browser = await launchChromium();

/** Cold loads of `url`: ms from navigation to the first view, and until search answers. */
async function measure(url) {
  const render = [];
  const ready = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await probeFirstRender(page);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstRender !== undefined && window.wasmBindings);
    render.push(await page.evaluate(() => window.__firstRender));
    // Interactive for search: the index decoded and a query answered.
    ready.push(await page.evaluate(() => {
      window.wasmBindings.search("sovereignty", 5);
      return performance.now();
    }));
    await context.close();
  }
  const line = (name, times) => {
    times.sort((a, b) => a - b);
    return `  ${name}: min ${quantile(times, 0).toFixed(0)} ms, median ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms`;
  };
  return [line("first view", render), line("search answered", ready)].join("\n");
}

try {
  console.log(`dist/ on localhost (${runs} cold loads of #/doc/framing-the-agenda/5):`);
  console.log(await measure(`${server.url}#/doc/framing-the-agenda/5`));
  console.log(`pkg/lectern.html from file:// (${runs} cold loads):`);
  console.log(await measure(`file://${resolve("pkg/lectern.html")}#/doc/framing-the-agenda/5`));
} finally {
  await browser.close();
  server.stop();
}
