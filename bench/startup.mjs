// Benchmark (prints figures, asserts nothing): the release bundle's file sizes, raw and gzip,
// and the time from navigation start to the first rendered view in headless Chromium.
// Usage: node bench/startup.mjs [--runs 15]   (after `trunk build --release`)
import { launchChromium, probeFirstRender, quantile, serve } from "./common.mjs";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 15;
const dist = "dist";
const port = 8282;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let rawTotal = 0;
let gzTotal = 0;
console.log("Release bundle (dist/):");
for (const name of readdirSync(dist).sort()) {
  const path = join(dist, name);
  if (!statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length;
  rawTotal += bytes.length;
  gzTotal += gz;
  console.log(`  ${name.padEnd(40)} ${kb(bytes.length).padStart(10)} raw ${kb(gz).padStart(10)} gzip`);
}
console.log(`  ${"total".padEnd(40)} ${kb(rawTotal).padStart(10)} raw ${kb(gzTotal).padStart(10)} gzip`);

const server = await serve(dist, port);
const browser = await launchChromium();
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await probeFirstRender(page);
    await page.goto(`${server.url}#/doc/framing-the-agenda/5`);
    await page.waitForFunction(() => window.__firstRender !== undefined);
    times.push(await page.evaluate(() => window.__firstRender));
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
times.sort((a, b) => a - b);
const pick = (q) => quantile(times, q);
console.log(`Time to first render (navigation start → reader shown, ${runs} cold loads, localhost):`);
console.log(`  min ${pick(0).toFixed(0)} ms, median ${pick(0.5).toFixed(0)} ms, p95 ${pick(0.95).toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms`);
