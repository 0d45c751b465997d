// Search benchmark (prints figures, asserts nothing). For a generated ~12 MB corpus and for the
// bundled article: Lectern's search latency and success@1 per query kind inside headless
// Chromium through the built app (window.wasmBindings.search), next to MiniSearch (fuzzy 0.2,
// prefix) and Fuse.js (ignoreLocation) from npm on the same passages and queries, as ratios.
// Also the time to first render and until the index is decoded.
// Usage: node bench/search.mjs [--per-kind 100] [--fuse-per-kind 10] [--mb 12]
import { execFileSync } from "node:child_process";
import { launchChromium, numberOptions, probeFirstRender, serve } from "./common.mjs";
import { existsSync, readFileSync } from "node:fs";

const { "per-kind": perKind, "fuse-per-kind": fusePerKind, mb } = numberOptions({ "per-kind": 100, "fuse-per-kind": 10, mb: 12 });
const root = process.cwd();
const work = `${root}/target/bench`;
const lectern = (...args) =>
  execFileSync("cargo", ["run", "-q", "--release", "-p", "lectern-corpus", "--bin", "lectern", "--", ...args], {
    maxBuffer: 1 << 30,
    encoding: "utf8",
  });

// 1. The generated corpus and a build of the app that bundles it.
const corpusDir = `${work}/corpus-${mb}mb`;
if (!existsSync(corpusDir)) console.log(lectern("generate", corpusDir, "--mb", String(mb)).trim());
const benchDist = `${work}/dist-${mb}mb`;
console.log(`building the app with LECTERN_CORPUS=${corpusDir} …`);
execFileSync("trunk", ["build", "--release", "--dist", benchDist], {
  env: { ...process.env, LECTERN_CORPUS: corpusDir },
  stdio: ["ignore", "ignore", "inherit"],
});
if (!existsSync(`${root}/dist/index.html`)) execFileSync("trunk", ["build", "--release"], { stdio: "inherit" });

const browser = await launchChromium();

const minisearchSrc = readFileSync(`${root}/node_modules/minisearch/dist/es/index.js`, "utf8");
const fuseSrc = readFileSync(`${root}/node_modules/fuse.js/dist/fuse.min.mjs`, "utf8");

async function run(label, url, dataJson, withFuse) {
  const data = JSON.parse(dataJson);
  const page = await browser.newPage();
  await probeFirstRender(page);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstRender !== undefined && window.wasmBindings);
  const firstRender = await page.evaluate(() => window.__firstRender);
  // The first search waits for nothing: it decodes the index if the app has not yet.
  const indexReady = await page.evaluate(() => {
    const t = performance.now();
    window.wasmBindings.search("warm up", 1);
    return performance.now() - t;
  });
  const results = await page.evaluate(
    async ({ data, minisearchSrc, fuseSrc, withFuse, fusePerKind }) => {
      const load = async (src) => (await import(URL.createObjectURL(new Blob([src], { type: "text/javascript" })))).default;
      const MiniSearch = await load(minisearchSrc);
      const Fuse = await load(fuseSrc);
      const time = (f) => {
        const t = performance.now();
        const r = f();
        return [performance.now() - t, r];
      };
      const out = { build: {}, rows: [] };
      const [msBuild, ms] = time(() => {
        const m = new MiniSearch({ fields: ["text"], storeFields: ["docId", "passage"], searchOptions: { fuzzy: 0.2, prefix: true } });
        m.addAll(data.passages);
        return m;
      });
      out.build.minisearch = msBuild;
      let fuse = null;
      if (withFuse) {
        const [fuseBuild, f] = time(() => new Fuse(data.passages, { keys: ["text"], ignoreLocation: true }));
        out.build.fuse = fuseBuild;
        fuse = f;
      }
      const engines = {
        lectern: (q) => {
          const r = window.wasmBindings.search(q, 10)[0];
          return r && `${r.docId}/${r.passage}`;
        },
        minisearch: (q) => {
          const r = ms.search(q)[0];
          return r && `${r.docId}/${r.passage}`;
        },
        fuse: (q) => {
          const r = fuse.search(q, { limit: 10 })[0];
          return r && `${r.item.docId}/${r.item.passage}`;
        },
      };
      // Warm up every engine (the JIT tiers up wasm and JS alike) before anything is timed, as a
      // reader's first keystrokes would.
      for (const [name, search] of Object.entries(engines)) {
        if (name === "fuse") continue;
        for (const q of data.queries.slice(0, 40)) search(q.text);
      }
      const kinds = [...new Set(data.queries.map((q) => q.kind))];
      for (const kind of kinds) {
        const qs = data.queries.filter((q) => q.kind === kind);
        for (const [name, search] of Object.entries(engines)) {
          if (name === "fuse" && !withFuse) continue;
          const subset = name === "fuse" ? qs.slice(0, fusePerKind) : qs;
          const times = [];
          let hits = 0;
          for (const q of subset) {
            const [ms, top] = time(() => search(q.text));
            times.push(ms);
            if (top === `${q.docId}/${q.passage}`) hits++;
          }
          times.sort((a, b) => a - b);
          out.rows.push({ kind, name, n: subset.length, p50: times[Math.floor(0.5 * times.length)], p95: times[Math.min(times.length - 1, Math.floor(0.95 * times.length))], max: times.at(-1), s1: hits / subset.length });
        }
      }
      return out;
    },
    { data, minisearchSrc, fuseSrc, withFuse, fusePerKind },
  );
  await page.close();

  const mbText = data.passages.reduce((n, p) => n + Buffer.byteLength(p.text), 0) / 1e6;
  console.log(`\n${label}: ${data.passages.length} passages, ${mbText.toFixed(2)} MB of text`);
  console.log(`  first render ${firstRender.toFixed(0)} ms after navigation; first search (decodes the index if not yet) ${indexReady.toFixed(0)} ms`);
  console.log(`  index build in the page: MiniSearch ${results.build.minisearch.toFixed(0)} ms` + (withFuse ? `, Fuse.js ${results.build.fuse.toFixed(0)} ms` : "") + " (Lectern's is built at compile time)");
  console.log(`  ${"query kind".padEnd(22)} ${"engine".padEnd(11)} ${"n".padStart(4)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)} ${"success@1".padStart(10)}`);
  for (const r of results.rows) {
    console.log(`  ${r.kind.padEnd(22)} ${r.name.padEnd(11)} ${String(r.n).padStart(4)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)} ${r.max.toFixed(2).padStart(8)} ${r.s1.toFixed(3).padStart(10)}`);
  }
  console.log("  ratios to Lectern (p95 latency ×, success@1 difference):");
  for (const kind of [...new Set(results.rows.map((r) => r.kind))]) {
    const l = results.rows.find((r) => r.kind === kind && r.name === "lectern");
    for (const o of results.rows.filter((r) => r.kind === kind && r.name !== "lectern")) {
      console.log(`    ${kind.padEnd(22)} ${o.name.padEnd(11)} ${(o.p95 / l.p95).toFixed(1)}× slower, success@1 ${(o.s1 - l.s1 >= 0 ? "+" : "")}${(o.s1 - l.s1).toFixed(3)}`);
    }
  }
}

const big = await serve(benchDist, 8383);
const small = await serve("dist", 8384);
try {
  await run(`Generated corpus (${mb} MB)`, big.url, lectern("queries", corpusDir, "--per-kind", String(perKind)), fusePerKind > 0);
  await run("Bundled article", small.url, lectern("queries", "corpus", "--per-kind", String(perKind)), fusePerKind > 0);
} finally {
  await browser.close();
  big.stop();
  small.stop();
}
