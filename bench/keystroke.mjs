// Keystroke-to-results benchmark (prints figures, asserts nothing): queries of each kind typed
// character by character into the real search box of a build that bundles a generated corpus
// (12 MB by default), in headless Chromium. For every keystroke it measures the time from the
// `input` event (a capturing listener on window, so before the app's own) to the last change
// the app makes to the page for it (a MutationObserver on the document; the time of its last
// callback), then reports p50/p95/max per query kind. Beside it, the engine alone: the same
// prefixes through `window.wasmBindings.search(prefix, 20)`, so the rest is the view's share.
// After each query's last keystroke it checks that the box holds the whole query (no dropped
// keystroke) and that the results shown are the engine's for it (nothing stale).
// With --rounds N every query is typed N times and each keystroke counts its least time: on a
// shared machine that filters out the moments another process held the core.
//
// Usage: node bench/keystroke.mjs [--per-kind 10] [--rounds 3] [--mb 12] [--port 8385]
//   Builds target/bench/corpus-<mb>mb (`lectern generate`) and target/bench-dist
//   (`LECTERN_CORPUS=… trunk build --release --dist target/bench-dist`) when missing; delete
//   target/bench-dist to measure a changed app.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { launchChromium, numberOptions, quantile, serve } from "./common.mjs";

const { "per-kind": perKind, rounds, mb, port } = numberOptions({ "per-kind": 10, rounds: 3, mb: 12, port: 8385 });
const root = process.cwd();
const lectern = (...args) =>
  execFileSync("cargo", ["run", "-q", "--release", "-p", "lectern-corpus", "--bin", "lectern", "--", ...args], {
    maxBuffer: 1 << 30,
    encoding: "utf8",
  });

const corpusDir = `${root}/target/bench/corpus-${mb}mb`;
if (!existsSync(corpusDir)) console.log(lectern("generate", corpusDir, "--mb", String(mb)).trim());
const dist = `${root}/target/bench-dist`;
if (!existsSync(`${dist}/index.html`)) {
  console.log(`building the app with LECTERN_CORPUS=${corpusDir} into ${dist} …`);
  execFileSync("trunk", ["build", "--release", "--dist", dist], {
    env: { ...process.env, LECTERN_CORPUS: corpusDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
const { queries } = JSON.parse(lectern("queries", corpusDir, "--per-kind", String(perKind)));

const server = await serve(dist, port);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${server.url}#/search`);
  await page.waitForFunction(() => window.wasmBindings && document.querySelector("[data-search-input]"));
  // The index is decoded after the first render; wait until search is ready.
  await page.waitForFunction(() => !document.querySelector("#search-status")?.textContent.startsWith("Preparing"));
  await page.evaluate(() => {
    window.__keys = { input: 0, last: 0, changes: 0 };
    addEventListener("input", () => Object.assign(window.__keys, { input: performance.now(), last: 0, changes: 0 }), { capture: true });
    new MutationObserver((records) => {
      window.__keys.last = performance.now();
      window.__keys.changes += records.length;
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const box = page.locator("[data-search-input]");
  // Everything the page does for a keystroke is done by the second animation frame after it.
  const settled = () =>
    page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done({ ...window.__keys }))))));

  // Warm up (the JIT tiers up the wasm as a reader's first keystrokes would), untimed.
  for (const q of queries.slice(0, 3)) {
    await box.fill("");
    await box.pressSequentially(q.text.slice(0, 30));
  }

  const kinds = [...new Set(queries.map((q) => q.kind))];
  const rows = [];
  const problems = [];
  for (const kind of kinds) {
    const ui = [];
    const prefixes = [];
    for (const q of queries.filter((q) => q.kind === kind)) {
      const least = [...q.text].map(() => Infinity);
      for (let round = 0; round < Math.max(1, rounds); round++) {
        await box.fill("");
        await settled();
        for (const [i, ch] of [...q.text].entries()) {
          await page.keyboard.type(ch);
          const k = await settled();
          if (k.input > 0 && k.last >= k.input) least[i] = Math.min(least[i], k.last - k.input);
        }
      }
      ui.push(...least.filter(Number.isFinite));
      prefixes.push(...[...q.text].map((_, i) => [...q.text].slice(0, i + 1).join("")));
      // After the last keystroke: the whole query is in the box and the results are its own, in
      // rank order (the view groups them by document).
      const shown = await page.evaluate(() => [...document.querySelectorAll("#search-results a[data-passage]")].sort((a, b) => a.dataset.rank - b.dataset.rank).map((a) => `${a.dataset.docId}/${a.dataset.passage}`));
      const [value, expected] = await page.evaluate((text) => [document.querySelector("[data-search-input]").value, window.wasmBindings.search(text, 20).map((r) => `${r.docId}/${r.passage}`)], q.text);
      if (value !== q.text) problems.push(`dropped keystrokes: typed ${JSON.stringify(q.text)}, the box holds ${JSON.stringify(value)}`);
      if (shown.join(" ") !== expected.join(" ")) problems.push(`stale results after typing ${JSON.stringify(q.text)}`);
    }
    // The engine alone on the same prefixes, 20 results as the view asks for.
    const engine = await page.evaluate(
      ({ prefixes, rounds }) =>
        prefixes.map((p) => {
          let least = Infinity;
          for (let round = 0; round < rounds; round++) {
            const t = performance.now();
            window.wasmBindings.search(p, 20);
            least = Math.min(least, performance.now() - t);
          }
          return least;
        }),
      { prefixes, rounds: Math.max(1, rounds) },
    );
    ui.sort((a, b) => a - b);
    engine.sort((a, b) => a - b);
    rows.push({ kind, n: ui.length, ui, engine });
  }

  console.log(`\nKeystroke to results on a generated ${mb} MB corpus (${perKind} queries per kind, typed one character at a time, the least of ${Math.max(1, rounds)} rounds per keystroke):`);
  console.log(`  ${"query kind".padEnd(22)} ${"keys".padStart(5)} ${"UI p50".padStart(8)} ${"UI p95".padStart(8)} ${"UI max".padStart(8)} ${"engine p50".padStart(11)} ${"engine p95".padStart(11)}`);
  const ms = (x) => `${x.toFixed(1)}`;
  for (const r of rows) {
    console.log(
      `  ${r.kind.padEnd(22)} ${String(r.n).padStart(5)} ${ms(quantile(r.ui, 0.5)).padStart(8)} ${ms(quantile(r.ui, 0.95)).padStart(8)} ${ms(r.ui.at(-1)).padStart(8)} ${ms(quantile(r.engine, 0.5)).padStart(11)} ${ms(quantile(r.engine, 0.95)).padStart(11)}`,
    );
  }
  console.log(problems.length ? `  PROBLEMS:\n    ${problems.join("\n    ")}` : "  every query: no keystroke dropped, no stale results after the last one");
} finally {
  await browser.close();
  server.stop();
}
