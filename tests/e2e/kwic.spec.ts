// The concordance (#/kwic): exact counts folded as search folds, phrases, sorting, one document,
// suggestions for a word the corpus lacks, keyboard, CSV, 320 px, axe-core, and the most common
// word of a generated corpus paged quickly.
import { readFile } from "node:fs/promises";
import { test, expect, ARTICLE } from "./lectern";
import { GEN_PORT } from "../../playwright.config";

const GEN = `http://127.0.0.1:${GEN_PORT}/`;
const rows = "[data-kwic] li[data-doc-id]";

test("every occurrence, folded as search folds, with the exact total", async ({ lectern, page }) => {
  // The article's counts of these words and phrases (case, curly apostrophes folded).
  for (const [query, total] of [["sovereignty", 7], ["SOVEREIGNTY", 7], ["cyberspace", 3], ["internet sovereignty", 6], ["network hegemony", 1]] as const) {
    await lectern.open(`#/kwic?q=${encodeURIComponent(query)}`);
    await expect(page.locator("[data-kwic]")).toHaveAttribute("data-total", String(total));
    await expect(page.locator(rows)).toHaveCount(total);
    await expect(page.locator(`${rows} mark`).first()).toHaveText(new RegExp(query, "i"));
  }
  const first = page.locator(rows).first();
  await expect(first).toHaveAttribute("data-doc-id", ARTICLE);
  expect(Number(await first.getAttribute("data-passage"))).toBeGreaterThan(0);
});

test("the most common word is paged: 50 rows, then 50 more; the total is exact", async ({ lectern, page }) => {
  await lectern.open("#/kwic?q=the");
  const list = page.locator("[data-kwic]");
  const total = Number(await list.getAttribute("data-total"));
  expect(total).toBeGreaterThan(50);
  await expect(page.locator(rows)).toHaveCount(50);
  await page.locator("[data-kwic-more]").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(rows)).toHaveCount(Math.min(100, total));
  expect(await lectern.hash()).toContain("n=100");
  // The keyboard goes on from the first new row, not from the button drawn below them.
  await expect(page.locator(`${rows} a.kwic-row`).nth(50)).toBeFocused();
});

test("a word the corpus lacks is not counted loosely: near words are offered", async ({ lectern, page }) => {
  await lectern.open("#/kwic?q=sovereinty");
  await expect(page.locator("[data-kwic]")).toHaveAttribute("data-total", "0");
  await expect(page.locator("[data-kwic-count]")).toContainText("does not occur");
  await page.locator("[data-suggestions] a", { hasText: "sovereignty" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-kwic]")).toHaveAttribute("data-total", "7");
  // The followed suggestion is gone with the suggestions; focus goes to the heading, not the page's start.
  await expect(page.locator("h1")).toBeFocused();
});

test("sorting by the word to the left orders the rows by it", async ({ lectern, page }) => {
  await lectern.open("#/kwic?q=internet");
  await page.getByLabel("Sort by").selectOption("left");
  await expect(page).toHaveURL(/sort=left/);
  const lefts = await page.locator(`${rows} .kwic-left`).evaluateAll((els) =>
    els.map((e) => ((e.textContent ?? "").match(/[\p{L}\p{N}’']+(?=[^\p{L}\p{N}]*$)/u)?.[0] ?? "").toLowerCase().replace(/[’']/g, "")));
  const sorted = [...lefts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(lefts).toEqual(sorted);
});

test("by keyboard: j/k and arrows move through rows, Enter opens the ¶ with the word marked", async ({ lectern, page }) => {
  await lectern.open("#/kwic?q=cyberspace");
  await expect(page.locator(rows)).toHaveCount(3);
  const link = (i: number) => page.locator(`${rows} a.kwic-row`).nth(i);
  await page.locator("h1").click();
  await page.keyboard.press("j");
  await expect(link(0)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(link(1)).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await expect(link(1)).toBeFocused();
  const passage = await page.locator(rows).nth(1).getAttribute("data-passage");
  await page.keyboard.press("Enter");
  await expect(page.locator(`[data-view=reader] li[data-passage="${passage}"] mark`).first()).toHaveText(/cyberspace/i);
});

test("CSV export holds every row in the order shown", async ({ lectern, page }) => {
  await lectern.open("#/kwic?q=cyberspace");
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-kwic-csv]").click()]);
  expect(download.suggestedFilename()).toBe("lectern-concordance.csv");
  const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
  expect(lines[0]).toBe("document,title,paragraph,left,keyword,right");
  expect(lines).toHaveLength(4);
  const passages = await page.locator(rows).evaluateAll((els) => els.map((e) => e.getAttribute("data-passage")));
  lines.slice(1).forEach((line, i) => {
    expect(line.startsWith(`"${ARTICLE}",`)).toBe(true);
    expect(line).toContain(`,"${passages[i]}",`);
    expect(line.toLowerCase()).toContain(`,"cyberspace",`);
  });
});

test("one document only, and links from search results and the concordance to trends", async ({ lectern, page }) => {
  // Several words go to the concordance as one phrase, and the link says so.
  await lectern.open("#/search?q=network%20hegemony");
  await expect(page.locator("[data-results-kwic]")).toHaveText("Every occurrence of the phrase (concordance)");
  await expect(page.locator("[data-results-trends]")).toHaveText("Where the phrase occurs (trends)");
  await lectern.open("#/search?q=cyberspace");
  await expect(page.locator("[data-results-kwic]")).toHaveText("Every occurrence (concordance)");
  await page.locator("[data-results-kwic]").click();
  await expect(page.locator("[data-kwic]")).toHaveAttribute("data-total", "3");
  await page.locator("[data-kwic-doc]").selectOption(ARTICLE);
  await expect(page).toHaveURL(new RegExp(`doc=${ARTICLE}`));
  await expect(page.locator("[data-kwic]")).toHaveAttribute("data-total", "3");
  await page.locator("[data-kwic-trends]").click();
  await expect(page.locator("[data-view=trends]")).toBeVisible();

  // A link to a document this corpus lacks says so, and counts in every document.
  await lectern.open("#/kwic?q=cyberspace&doc=nope");
  await expect(page.locator("[data-kwic-count]")).toHaveText("There is no document “nope” in this corpus; every document is counted. 3 occurrences in 1 document.");
  await lectern.open("#/trends?q=cyberspace&doc=nope");
  await expect(page.locator("[data-view=trends]")).toContainText("There is no document “nope” in this corpus; every document is counted. Per document");
  await expect(page.locator("[data-view=trends] table caption")).toContainText("by document");
});

test("320 px: rows fit the width; axe finds no violations (light and dark)", async ({ lectern, page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await lectern.open("#/kwic?q=internet");
  await expect(page.locator(rows).first()).toBeVisible();
  const { overflow, violations } = await lectern.narrowAndAxe();
  expect(overflow).toBeLessThanOrEqual(0);
  expect(violations).toEqual([]);
});

test("generated corpus: the most common word's first rows come quickly, the total is exact", async ({ lectern, page }) => {
  await page.goto(`${GEN}#/`);
  await lectern.searchBox.fill("the");
  await expect(lectern.results().first()).toBeVisible();
  const ms = await lectern.timeTo("#/kwic?q=the", `${rows}`, 50);
  const total = Number(await page.locator("[data-kwic]").getAttribute("data-total"));
  console.log(`kwic "the" on the generated corpus: ${total} occurrences, first 50 rows in ${ms.toFixed(0)} ms`);
  expect(total).toBeGreaterThan(10_000);
  expect(ms).toBeLessThan(1000);
  await expect(page.locator(rows)).toHaveCount(50);
  // Sorting reads every passage holding the word: measured, and the total stays exact.
  const sorted = await lectern.timeTo("#/kwic?q=the&sort=left", `[data-kwic][data-sort="left"] li`);
  console.log(`kwic "the" sorted by the word to the left: ${sorted.toFixed(0)} ms`);
  await expect(page.locator("[data-kwic]")).toHaveAttribute("data-total", String(total));
  const rare = await lectern.timeTo("#/kwic?q=pluntym", `${rows}`);
  console.log(`kwic "pluntym" (rare): ${rare.toFixed(0)} ms`);
});
