// Benchmark (prints figures, asserts nothing): the release bundle's file sizes, raw and gzip,
// and the time from navigation start to the first rendered view in headless Chromium, served on
// localhost and, for the single file pkg/lectern.html, opened from disk (file://).
// Usage: node bench/startup.mjs [--runs 15]   (after `trunk build --release`)
import { launchChromium, numberOptions, probeFirstRender, quantile, serve } from "./common.mjs";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { isPart } from "../scripts/size.mjs";

const { runs } = numberOptions({ runs: 15 });
const dist = "dist";
const port = 8282;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let rawTotal = 0;
let gzTotal = 0;
console.log("Release bundle (dist/; the app is index.html, its JS, wasm and CSS):");
for (const name of readdirSync(dist).sort()) {
  const path = join(dist, name);
  if (!statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length;
  // The offline download and the embed host script are served beside the app, not loaded by
  // it; the views' parts load on first use, not at start.
  const app = !["lectern.html", "embed.js", "lectern-data.json"].includes(name) && !isPart(name);
  if (app) {
    rawTotal += bytes.length;
    gzTotal += gz;
  }
  const note = isPart(name) ? "  (loaded on first use)" : app ? "" : "  (not loaded by the app)";
  console.log(`  ${name.padEnd(40)} ${kb(bytes.length).padStart(10)} raw ${kb(gz).padStart(10)} gzip${note}`);
}
console.log(`  ${"app total at start".padEnd(40)} ${kb(rawTotal).padStart(10)} raw ${kb(gzTotal).padStart(10)} gzip`);

const single = readFileSync("pkg/lectern.html");
console.log(`Single file (pkg/lectern.html): ${kb(single.length)} raw, ${kb(gzipSync(single, { level: 9 }).length)} gzip`);

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
