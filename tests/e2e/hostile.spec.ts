// A corpus whose titles, metadata and bodies are HTML and script payloads, built into the app
// (tests/fixtures/hostile): everything renders as text, nothing runs, only http(s) URLs link.
// The same payloads go through the search box, the check-a-quote paste and the URL hash.
import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect } from "./lectern";
import { HOSTILE_PORT } from "../../playwright.config";

const AT = `http://127.0.0.1:${HOSTILE_PORT}/`;
const DIR = "tests/fixtures/hostile";
const PAYLOADS = readdirSync(DIR)
  .filter((f) => f.endsWith(".md"))
  .map((f) => readFileSync(`${DIR}/${f}`, "utf8").match(/^title: '(.*)'$/m)![1].replace(/''/g, "'"));
const IDS = readdirSync(DIR).map((f) => f.replace(/\.(md|txt)$/, ""));

/** Arms the trap before any page script runs: a payload that executes sets window.__pwned. */
async function trap(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
  });
}

/** Nothing ran, no markup from the corpus became elements, and every link is safe. */
async function clean(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  for (const frame of page.frames()) {
    const foreign = await frame.evaluate(() =>
      [...document.querySelectorAll("img, svg, iframe, object, math, details:not([data-cite]):not([data-export]):not([data-reader-words]), form:not(.search):not(.check-form), input:not([data-search-input]):not([data-strict]):not([data-list-filter]):not([data-quotes-filter]):not([data-open-files]):not([data-open-folder]), base, meta[http-equiv=refresh], body style")]
        .filter((el) => !el.closest("[data-diff-legend]"))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(foreign).toEqual([]);
    const hrefs = await frame.evaluate(() => [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!));
    for (const href of hrefs) expect(href).toMatch(/^(#|https?:\/\/|lectern\.html$)/);
  }
}

test.beforeEach(async ({ page }) => trap(page));

test(`${PAYLOADS.length} payload documents list and read as text`, async ({ lectern, page }) => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(20);
  await page.goto(AT);
  await expect(lectern.view("list").locator("[data-doc-id]")).toHaveCount(IDS.length);
  for (const payload of PAYLOADS) await expect(lectern.view("list").getByText(payload, { exact: true }).first()).toBeVisible();
  await clean(page);
  for (const id of IDS) {
    await page.goto(`${AT}#/doc/${id}/1`);
    await expect(lectern.view("reader")).toBeVisible();
    await clean(page);
  }
  // Only the one https URL of the corpus is a link; javascript:, data:, vbscript: and // are text.
  await page.goto(`${AT}#/doc/payload-06`);
  await expect(page.locator(".origin a")).toHaveAttribute("href", "https://example.org/ok");
  await page.goto(`${AT}#/doc/payload-00`);
  await expect(page.locator(".origin a")).toHaveCount(0);
  await expect(page.locator(".origin")).toHaveText("javascript:window.__pwned=1");
});

test("payloads typed into the search box, pasted to check, and put in the hash stay text", async ({ lectern, page }) => {
  await page.goto(AT);
  for (const payload of PAYLOADS.slice(0, 8)) {
    await lectern.searchBox.fill(payload);
    await expect(lectern.status).toContainText(/passages? in|No passages match/);
    await clean(page);
  }
  await page.goto(`${AT}#/check`);
  await page.locator("[data-check-input]").fill(PAYLOADS.join("\n"));
  await page.locator("[data-check-submit]").click();
  await expect(lectern.verdict).toBeVisible();
  await clean(page);
  for (const payload of PAYLOADS.slice(0, 8)) {
    await page.goto(`${AT}#/${encodeURIComponent(payload)}`);
    await expect(lectern.view("not-found")).toContainText(payload.slice(0, 10));
    await page.goto(`${AT}#/compare?i=${encodeURIComponent(`t:${payload}`)}&i=${encodeURIComponent("p:payload-01/1")}`);
    await expect(lectern.columns()).toHaveCount(2);
    await clean(page);
  }
});
