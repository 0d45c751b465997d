// pkg/lectern.html opened from disk with every network request blocked: everything works.
import { resolve } from "node:path";
import { test, expect, ARTICLE, ARTICLE_PASSAGES, PARA } from "./lectern";

const SINGLE_FILE = `file://${resolve("pkg/lectern.html")}`;

test.beforeEach(async ({ context }) => {
  await context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
});

test("from file:// with no network: list, search, reader, compare, reading tools and check all work", async ({ lectern, page }) => {
  await page.goto(`${SINGLE_FILE}#/`);
  await expect(lectern.card(ARTICLE)).toContainText(`${ARTICLE_PASSAGES} ¶`);

  await lectern.searchBox.fill("sovereinty");
  await expect(lectern.results().first()).toHaveAttribute("data-doc-id", ARTICLE);
  await lectern.results().first().click();
  await expect(lectern.highlighted()).toHaveCount(1);

  await page.goto(`${SINGLE_FILE}#/compare?i=${encodeURIComponent(`p:${ARTICLE}/${PARA.opening}`)}&i=${encodeURIComponent("t:Last week in Wuzhen China")}`);
  await expect(lectern.columns()).toHaveCount(2);
  await expect(lectern.columns().nth(1).locator("[data-similarity]")).toBeVisible();

  // The reading tools are views loaded on first use: in the single file their code is inline.
  await page.goto(`${SINGLE_FILE}#/kwic?q=network`);
  await expect(page.locator("[data-kwic] [data-doc-id]").first()).toHaveAttribute("data-doc-id", ARTICLE);
  await page.goto(`${SINGLE_FILE}#/trends?q=network`);
  await expect(page.locator("[data-view=trends]")).toBeVisible();

  await page.goto(`${SINGLE_FILE}#/check`);
  await page.locator("[data-check-input]").fill("We should never seek network hegemony");
  await page.locator("[data-check-submit]").click();
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
});

test("a citation made in the single file says it comes from a saved copy, with no file:// link", async ({ lectern, page }) => {
  await page.goto(`${SINGLE_FILE}#/doc/${ARTICLE}/2`);
  await lectern.selectInPassage(2, "each country’s right");
  await page.locator("[data-selection-bar]").getByRole("button", { name: "Cite" }).click();
  const plain = page.locator('[data-selection-bar] [data-citation="plain"]');
  await expect(plain).toHaveValue(/¶2\. Lectern corpus built \d{4}-\d{2}-\d{2}, SHA-256 [0-9a-f]{12}\. From a saved copy of Lectern, not a shareable link\.$/);
  for (const field of await page.locator("[data-citation]").all()) expect(await field.inputValue()).not.toContain("file:");
});

test("the single file says what it is: build date, document count and corpus checksum", async ({ page }) => {
  await page.goto(`${SINGLE_FILE}#/about`);
  await expect(page.locator('[data-about="kind"]')).toContainText("offline copy");
  await expect(page.locator('[data-about="documents"]')).toHaveText("1 document, 7 paragraphs");
  await expect(page.locator('[data-about="checksum"]')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.locator('[data-about="build-date"]')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.locator("[data-download]")).toHaveCount(0);
});

test("reopening a saved page with the app already rendered mounts it once", async ({ page }) => {
  await page.goto(`${SINGLE_FILE}#/`);
  await expect(page.locator("[data-view=list]")).toHaveCount(1);
  // What "Save page as…, complete" keeps: the rendered app and the scripts, which run again.
  const saved = await page.content();
  await page.setContent(saved);
  await page.waitForTimeout(500);
  await expect(page.locator("#lectern")).toHaveCount(1);
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("[data-view=list]")).toHaveCount(1);
});

test("the single file's policy lets nothing else run or load", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => msg.type() === "error" && violations.push(msg.text()));
  await page.goto(`${SINGLE_FILE}#/`);
  await expect(page.locator("[data-view=list]")).toBeVisible();
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__pwned = true";
    document.body.append(script);
    const img = document.createElement("img");
    img.src = "https://example.org/tracker.png";
    document.body.append(img);
  });
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(violations.some((v) => /Content Security Policy/.test(v))).toBe(true);
});
