// Returning from a document to the view it was opened from puts focus back on the link that was
// followed, scrolled into view: by Back, by "Back to results" (after moving within the
// document), and in the document list. Typing a query from the reader is no return: focus stays
// in the search box. On the generated corpus (target/gen-corpus, built into target/gen-dist by
// `make test-e2e`), whose lists are long enough to lose one's place in.
import { test, expect } from "./lectern";
import { GEN_PORT } from "../../playwright.config";

const AT = `http://127.0.0.1:${GEN_PORT}/`;
const QUERY = "the";

test("Back from a result's document focuses that result, in view", async ({ lectern, page }) => {
  await lectern.open(`#/search?q=${QUERY}&n=100`, AT);
  await expect(lectern.results()).toHaveCount(100);
  const opened = lectern.results().nth(80);
  await opened.click();
  await expect(lectern.view("reader")).toBeVisible();
  await page.goBack();
  await expect(opened).toBeFocused();
  expect(await lectern.inViewport(opened)).toBe(true);
});

test("Back to results, after moving within the document, focuses the result it was opened from", async ({ lectern }) => {
  await lectern.open(`#/search?q=${QUERY}&n=100`, AT);
  await expect(lectern.results()).toHaveCount(100);
  const opened = lectern.results().nth(60);
  const href = await opened.getAttribute("href");
  await opened.click();
  await expect(lectern.view("reader")).toBeVisible();
  // The bar's title leads to the top of the document, keeping the way back.
  await lectern.docBar.locator("[data-doc-bar-title]").click();
  await expect(lectern.view("reader").locator("#doc-title")).toBeFocused();
  await lectern.backToResults.click();
  await expect(lectern.results()).toHaveCount(100);
  await expect(lectern.results().nth(60)).toBeFocused();
  await expect(lectern.results().nth(60)).toHaveAttribute("href", href!);
  expect(await lectern.inViewport(lectern.results().nth(60))).toBe(true);
});

test("Back from a document opened from the list focuses its card's link, in view", async ({ lectern, page }) => {
  await lectern.open("#/", AT);
  await lectern.listReady();
  const link = lectern.view("list").locator("[data-doc-id]").nth(150).getByRole("link").first();
  await link.click();
  await expect(lectern.view("reader")).toBeVisible();
  await page.goBack();
  await expect(link).toBeFocused();
  expect(await lectern.inViewport(link)).toBe(true);
});

test("typing the same query from the reader keeps focus in the search box", async ({ lectern, page }) => {
  await lectern.open(`#/search?q=${QUERY}`, AT);
  await expect(lectern.results()).toHaveCount(20);
  await lectern.results().nth(3).click();
  await expect(lectern.view("reader")).toBeVisible();
  await lectern.searchBox.fill(QUERY);
  await expect(lectern.results()).toHaveCount(20);
  // Long enough for a return to have moved focus, had typing been taken for one.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  await expect(lectern.searchBox).toBeFocused();
});

test("a concordance row's document leads back to the concordance, not to search results", async ({ lectern, page }) => {
  await lectern.open("#/kwic?q=bruntmeal", AT);
  const rows = page.locator("[data-kwic] a.kwic-row");
  await expect(rows).toHaveCount(50);
  // A row whose ¶ has the word once: Back focuses the first row with the link followed.
  const hrefs = await rows.evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  const at = hrefs.findIndex((h, i) => i >= 20 && hrefs.indexOf(h) === hrefs.lastIndexOf(h));
  expect(at).toBeGreaterThanOrEqual(20);
  const href = hrefs[at];
  await rows.nth(at).click();
  await expect(lectern.view("reader")).toBeVisible();
  const back = lectern.docBar.locator("[data-back-to-results]");
  await expect(back).toHaveText(/Back to the concordance/);
  await back.click();
  await expect(lectern.view("kwic")).toBeVisible();
  await expect(rows.nth(at)).toBeFocused();
  await expect(rows.nth(at)).toHaveAttribute("href", href!);
  // Opened from search, the same bar still leads back to the results.
  await lectern.open(`#/search?q=${QUERY}`, AT);
  await lectern.results().nth(2).click();
  await expect(lectern.backToResults).toBeVisible();
});
