// End-to-end tests: the release build in dist/ served on localhost, driven in Debian's Chromium
// (Playwright never downloads a browser here). One worker: the machine has two cores.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 8181);
/** dist/ again, under a deep sub-path, as a static host might serve it. */
export const SUBPATH_PORT = port + 1;
export const SUBPATH = "/some/deep/path/";
/** A second origin for host pages that embed Lectern in an iframe (serves the repository). */
export const HOST_PORT = port + 2;
/** The app built with the hostile corpus (tests/fixtures/hostile), see `make test-e2e`. */
export const HOSTILE_PORT = port + 3;
/** The app built with a generated corpus of 250 documents (target/gen-corpus, `--mb 3`), see `make test-e2e`. */
export const GEN_PORT = port + 4;
/** The app built with the bundled article edited (tests/fixtures/edited-v2), see `make test-e2e`:
 *  links made in dist/ are opened there, as in a later version of the corpus. */
export const EDITED_PORT = port + 5;
/** Where that corpus was generated, for specs that check counts against its files. */
export const GEN_CORPUS = "target/gen-corpus";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    headless: true,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    { command: `node scripts/serve.mjs dist --port ${port}`, url: `http://127.0.0.1:${port}/`, timeout: 20_000 },
    {
      command: `node scripts/serve.mjs dist --port ${SUBPATH_PORT} --base ${SUBPATH}`,
      url: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`,
      timeout: 20_000,
    },
    { command: `node scripts/serve.mjs . --port ${HOST_PORT}`, url: `http://127.0.0.1:${HOST_PORT}/tests/e2e/host/embed.html`, timeout: 20_000 },
    { command: `node scripts/serve.mjs target/hostile-dist --port ${HOSTILE_PORT}`, port: HOSTILE_PORT, timeout: 20_000 },
    { command: `node scripts/serve.mjs target/gen-dist --port ${GEN_PORT}`, port: GEN_PORT, timeout: 20_000 },
    { command: `node scripts/serve.mjs target/edited-dist --port ${EDITED_PORT}`, port: EDITED_PORT, timeout: 20_000 },
  ],
});
