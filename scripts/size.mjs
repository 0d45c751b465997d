// The size budget of the release bundle: what a visitor downloads for the hosted app at start
// (index.html, its JS, wasm and CSS; not the views' parts fetched on first use, which are listed
// apart) and for the single file pkg/lectern.html, gzip -9 and
// brotli (quality 11), checked against size-budget.json. Deterministic: a build either fits or
// does not, so CI fails a change that makes the bundle heavier than the budget allows.
//
// Usage: node scripts/size.mjs [--dist dist] [--pkg pkg] [--check]
//   prints the sizes; with --check exits 1 when a figure is over its limit.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Files beside the app that it does not load: the offline download, the embed script and the
 * manifest of the corpus data (read by the package step, not by the page). */
const NOT_LOADED = new Set(["lectern.html", "embed.js", "lectern-data.json"]);

/** Raw, gzip -9 and brotli sizes of `bytes`. */
export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The views' own wasm files and the packs of the code they share, fetched only when a visitor
 * first opens the view (written by scripts/split-wasm.mjs; the main wasm is
 * `lectern-app-…_bg.wasm`). */
export const isPart = (name) => /^lectern-(?!app-)[a-z0-9-]+-[0-9a-f]{16}\.(?:wasm|bin)$/.test(name);

/** The sizes of every file the hosted app loads from `dist` at start, and their total; and
 * apart, the parts loaded on first use and theirs. */
export function appSizes(dist) {
  const all = readdirSync(dist)
    .filter((name) => statSync(join(dist, name)).isFile() && !NOT_LOADED.has(name))
    .sort()
    .map((name) => ({ name, ...sizes(readFileSync(join(dist, name))) }));
  const sum = (list) => {
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const f of list) for (const k of Object.keys(total)) total[k] += f[k];
    return total;
  };
  const files = all.filter((f) => !isPart(f.name));
  const parts = all.filter((f) => isPart(f.name));
  return { files, total: sum(files), parts, partsTotal: sum(parts) };
}

/** Lines naming each figure over its limit in `budget` (KB), empty when all fit. */
export function overBudget(app, single, budget) {
  const over = [];
  const check = (what, bytes, limitKb) => {
    if (limitKb !== undefined && bytes > limitKb * 1024) {
      over.push(`${what}: ${kb(bytes)} is over the budget of ${limitKb} KB`);
    }
  };
  check("hosted app, gzip", app.gzip, budget.app_gzip_kb);
  check("single file, gzip", single.gzip, budget.single_gzip_kb);
  return over;
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { dist: { type: "string", default: "dist" }, pkg: { type: "string", default: "pkg" }, check: { type: "boolean", default: false } },
  });
  const budget = JSON.parse(readFileSync(new URL("../size-budget.json", import.meta.url), "utf8"));
  const app = appSizes(values.dist);
  const single = sizes(readFileSync(join(values.pkg, "lectern.html")));
  const row = (name, s) => `  ${name.padEnd(42)} ${kb(s.raw).padStart(10)} raw ${kb(s.gzip).padStart(10)} gzip ${kb(s.brotli).padStart(10)} brotli`;
  console.log(`Hosted app (${values.dist}/):`);
  for (const f of app.files) console.log(row(f.name, f));
  console.log(row("app total (loaded at start)", app.total));
  if (app.parts.length) {
    console.log(`Loaded on first use (${app.parts.length} parts: views and the code they share):`);
    for (const f of app.parts) console.log(row(f.name, f));
    console.log(row("parts total", app.partsTotal));
  }
  console.log(row("single file (lectern.html)", single));
  console.log(`Budget (size-budget.json): app ≤ ${budget.app_gzip_kb} KB gzip, single file ≤ ${budget.single_gzip_kb} KB gzip` +
    ` (goal: app ${budget.goal_app_gzip_kb} KB, single file ${budget.goal_single_gzip_kb} KB).`);
  const over = overBudget(app.total, single, budget);
  for (const line of over) console.log(`  OVER: ${line}`);
  if (values.check && over.length > 0) {
    console.log("The bundle grew past its budget. Run `make bench-size` to see what is heavy, and make it lighter.");
    process.exit(1);
  }
}
