// Shared by the benchmark scripts: headless Debian Chromium, a static server for a build
// folder, and the probe that records when the app first renders a view.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";

export async function launchChromium() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Serves `dir` on `port` with scripts/serve.mjs; returns the base URL and a stop function. */
export async function serve(dir, port) {
  const server = spawn(process.execPath, ["scripts/serve.mjs", dir, "--port", String(port)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 300));
  return { url: `http://127.0.0.1:${port}/`, stop: () => server.kill() };
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
