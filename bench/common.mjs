// Shared by the benchmark scripts: their number options, headless Debian Chromium, a static
// server for a build folder (waited for until it answers), and the probe that records when the
// app first renders a view.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";

/** The command line's `--name N` options, each a whole number ≥ 0 with the given default;
 * an unknown option or a value that is not a number stops the script with a message. */
export function numberOptions(defaults) {
  const options = Object.fromEntries(Object.keys(defaults).map((name) => [name, { type: "string" }]));
  let values;
  try {
    ({ values } = parseArgs({ options }));
  } catch (e) {
    console.error(`${e.message}\noptions: ${Object.entries(defaults).map(([k, v]) => `--${k} ${v}`).join(" ")}`);
    process.exit(2);
  }
  return Object.fromEntries(
    Object.entries(defaults).map(([name, fallback]) => {
      if (values[name] === undefined) return [name, fallback];
      const n = Number(values[name]);
      if (!Number.isInteger(n) || n < 0) {
        console.error(`--${name} takes a whole number; got ${JSON.stringify(values[name])}`);
        process.exit(2);
      }
      return [name, n];
    }),
  );
}

export async function launchChromium() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Serves `dir` on `port` with scripts/serve.mjs and waits until it answers (every 50 ms, for
 * at most `timeoutMs`); returns the base URL and a stop function. */
export async function serve(dir, port, timeoutMs = 10_000) {
  const server = spawn(process.execPath, ["scripts/serve.mjs", dir, "--port", String(port)], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}/`;
  let exited = null;
  server.on("exit", (code) => (exited = code));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`scripts/serve.mjs ${dir} --port ${port} stopped (exit ${exited}); is the port taken?`);
    try {
      await fetch(url, { method: "HEAD" });
      break;
    } catch {
      if (Date.now() > deadline) {
        server.kill();
        throw new Error(`scripts/serve.mjs ${dir} did not answer on ${url} within ${timeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { url, stop: () => server.kill() };
}

/** Makes `page` record in `window.__firstRender` the time (ms after navigation) of the first view. */
export async function probeFirstRender(page) {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector("[data-view]")) {
        window.__firstRender = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

/** The value at quantile `q` of an ascending array. */
export function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
