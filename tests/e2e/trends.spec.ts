// Where words occur (#/trends): an SVG chart with role="img" and a title, a table of the same
// figures that matches the engine's counts (the concordance's totals), points that open the
// concordance, focus that announces the figure, within a document per tenth and per ¶, the key
// at 320 px, more than five terms, 320 px and axe-core.
import { test, expect, ARTICLE } from "./lectern";
import { GEN_PORT } from "../../playwright.config";

const GEN = `http://127.0.0.1:${GEN_PORT}/`;

test("chart and table of the article's words: counts as the concordance gives them", async ({ lectern, page }) => {
  await lectern.open("#/trends?q=sovereignty,cyberspace,internet%20sovereignty");
  const chart = page.locator("svg[data-trends-chart]");
  await expect(chart).toHaveAttribute("role", "img");
  await expect(chart.locator("title").first()).toContainText("sovereignty");
  const table = page.locator("table[data-trends-table]");
  await expect(table.locator("caption")).toContainText("per 10,000 words");
  const row = table.locator(`tbody tr[data-doc-id="${ARTICLE}"]`);
  const counts = await row.locator("td[data-count]").evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-count"))));
  expect(counts).toEqual([7, 3, 6]);
  // Each term has its own line pattern and marker, not only its colour.
  const dashes = await chart.locator("g.series > path.line").evaluateAll((ls) => ls.map((l) => l.getAttribute("stroke-dasharray")));
  expect(new Set(dashes).size).toBe(3);
  // The figure is words per 10,000: count × 10,000 / words, to one decimal.
  const words = Number(await row.locator("td").first().textContent());
  await expect(row.locator("td[data-count]").first()).toContainText(`${(Math.round((7 * 100_000) / words) / 10).toFixed(1)} (7)`);
});

test("focus on a figure says it and rings its point; Enter or a click on the point opens the concordance", async ({ lectern, page }) => {
  await lectern.open("#/trends?q=cyberspace");
  await page.locator("[data-trends-point]").first().click();
  await expect(page).toHaveURL(new RegExp(`#/kwic\\?q=cyberspace&doc=${ARTICLE}`));
  await page.goBack();
  await lectern.tabTo(page.locator("td[data-count] a").first());
  await expect(page.locator("[data-trends-point].is-hot")).toHaveCount(1);
  await expect(page.locator("[data-trends-figure]")).toContainText("“cyberspace”");
  await expect(page.locator("[data-trends-figure]")).toContainText("per 10,000 words (3 in");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`#/kwic\\?q=cyberspace&doc=${ARTICLE}`));
  await expect(page.locator("[data-kwic]")).toHaveAttribute("data-total", "3");
});

test("within a document per tenth and per ¶: the stretches add up to the document's count", async ({ lectern, page }) => {
  await lectern.open(`#/trends?q=internet&doc=${ARTICLE}`);
  const sum = async () => (await page.locator("td[data-count]").evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-count"))))).reduce((a, b) => a + b, 0);
  await expect(page.locator("tbody tr")).toHaveCount(10);
  expect(await sum()).toBe(24);
  await page.locator("[data-trends-split]").click();
  await expect(page).toHaveURL(/by=para/);
  await expect(page.locator("tbody tr")).toHaveCount(7);
  expect(await sum()).toBe(24);
});

test("the reader's selection offers trends for a word", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}/3`);
  await lectern.selectInPassage(3, "sovereignty");
  await page.locator("[data-selection-trends]").click();
  await expect(page.locator("td[data-count]").first()).toHaveAttribute("data-count", "7");
});

test("320 px and axe-core (light and dark)", async ({ lectern, page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await lectern.open("#/trends?q=sovereignty,cyberspace,china,world,internet");
  await expect(page.locator("table[data-trends-table]")).toBeVisible();
  const { overflow, violations } = await lectern.narrowAndAxe();
  expect(overflow).toBeLessThanOrEqual(0);
  expect(violations).toEqual([]);
});

test("the key names every term in full at 320 px, wrapped, not clipped at the chart's edge", async ({ lectern, page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const terms = ["internet sovereignty", "multistakeholder approach", "cyberspace"];
  await lectern.open(`#/trends?q=${encodeURIComponent(terms.join(","))}`);
  const key = page.locator("[data-trends-legend] li");
  await expect(key).toHaveText(terms);
  const right = await key.evaluateAll((items) => Math.max(...items.map((li) => li.getBoundingClientRect().right)));
  expect(right).toBeLessThanOrEqual(320);
  // Each entry shows its term's line pattern and marker, as the chart draws them.
  const dashes = await key.locator("path.line").evaluateAll((ls) => ls.map((l) => l.getAttribute("stroke-dasharray")));
  const drawn = await page.locator("svg[data-trends-chart] g.series > path.line").evaluateAll((ls) => ls.map((l) => l.getAttribute("stroke-dasharray")));
  expect(dashes).toEqual(drawn);
});

test("more than five terms: the first five are charted and the rest named as left out", async ({ lectern, page }) => {
  await lectern.open("#/trends?q=china,russia,internet,world,governance,sovereignty,cyberspace");
  await expect(page.locator("table[data-trends-table] thead th")).toHaveCount(2 + 5);
  await expect(page.locator("[data-trends-left-out]")).toHaveText("Up to five words or phrases are charted; left out: “sovereignty”, “cyberspace”.");
  await lectern.open("#/trends?q=china,russia");
  await expect(page.locator("table[data-trends-table] thead th")).toHaveCount(2 + 2);
  await expect(page.locator("[data-trends-left-out]")).toHaveCount(0);
});

test("generated corpus: one point per document, in date order, the sum equals the concordance's total", async ({ lectern, page }) => {
  await page.goto(`${GEN}#/kwic?q=the`);
  const total = Number(await page.locator("[data-kwic]").getAttribute("data-total"));
  expect(total).toBeGreaterThan(0);
  const started = Date.now();
  await page.goto(`${GEN}#/trends?q=the`);
  await expect(page.locator("table[data-trends-table] tbody tr").first()).toBeVisible();
  console.log(`trends "the" on the generated corpus: table shown ${Date.now() - started} ms after navigation (cold page)`);
  const counts = await page.locator("td[data-count]").evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-count"))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  expect(await page.locator("[data-trends-point]").count()).toBe(counts.length);
  // A row's document, by keyboard, far down the table: the table is drawn anew for the document,
  // and focus goes to the view's heading, shown from its start, not to the page's start.
  const row = page.locator("table[data-trends-table] tbody tr").nth(200);
  const id = await row.getAttribute("data-doc-id");
  await row.locator("th a").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`doc=${id}`));
  await expect(page.locator("main h1")).toBeFocused();
  await expect(page.locator("main h1")).toBeInViewport();
});
