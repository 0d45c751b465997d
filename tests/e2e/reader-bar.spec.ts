// The reader's bar on the article build: opened from a result or a permalink, the document's
// title stays in view; from a result, "Back to results" returns to the same search. The
// article is the only document, so there is no previous or next one.
import { test, expect, ARTICLE, ARTICLE_TITLE, type Lectern } from "./lectern";
import type { Locator } from "@playwright/test";

/** How far below the reader's bar `target` starts (negative: under it). */
const belowBar = (lectern: Lectern, target: Locator) => async () => {
  const [box, bar] = [await target.boundingBox(), await lectern.docBar.boundingBox()];
  return box!.y - (bar!.y + bar!.height);
};

test("from a result: the title in view and a link back to the same results", async ({ lectern, page }) => {
  await lectern.open("#/search?q=kazakhstan%20tajikistan");
  await lectern.results().first().click();
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", "5");
  await expect(lectern.docBar).toContainText(ARTICLE_TITLE);
  await expect.poll(() => lectern.inViewport(lectern.docBar)).toBe(true);
  await expect.poll(() => lectern.inViewport(lectern.passage(5))).toBe(true);
  await expect(lectern.backToResults).toHaveAttribute("href", "#/search?q=kazakhstan%20tajikistan");
  await expect(lectern.docStep("prev")).toHaveCount(0);
  await expect(lectern.docStep("next")).toHaveCount(0);

  await lectern.backToResults.click();
  await expect(lectern.view("search")).toBeVisible();
  await expect(lectern.searchBox).toHaveValue("kazakhstan tajikistan");
  await expect(lectern.results().first()).toHaveAttribute("data-passage", "5");
});

test("from a permalink: the title in view, no way back to results", async ({ lectern, page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await lectern.open(`#/doc/${ARTICLE}/6`);
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", "6");
  await expect.poll(() => lectern.inViewport(lectern.docBar)).toBe(true);
  await expect(lectern.backToResults).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "no sideways scrolling at 320 px").toBeLessThanOrEqual(0);
});

test("tabbing back to an earlier ¶'s permalink brings it out from under the bar", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}/6`);
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", "6");
  const permalink = page.getByRole("link", { name: "Permalink to paragraph 5" });
  await lectern.tabTo(permalink, { backwards: true });
  await expect(permalink).toBeFocused();
  // The page may glide there: measured once it has settled.
  await expect.poll(belowBar(lectern, permalink), { message: "the focused permalink starts below the bar" }).toBeGreaterThanOrEqual(0);
});

test("on a phone, tabbing back to an earlier ¶'s Cite brings it out from under the bar", async ({ lectern, page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await lectern.open(`#/doc/${ARTICLE}/6`);
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", "6");
  const cite = lectern.passage(5).locator("[data-cite] summary");
  await lectern.tabTo(cite, { backwards: true });
  await expect(cite).toBeFocused();
  await expect.poll(belowBar(lectern, cite), { message: "the focused Cite starts below the bar" }).toBeGreaterThanOrEqual(0);
});

test("on a phone, a permalink to a long ¶ that quotes someone opens at the ¶'s start", async ({ lectern, page }) => {
  // ¶7 ends with a quotation; only a search's match, never the ¶'s own quotation, moves the view
  // past the ¶'s first lines.
  await page.setViewportSize({ width: 320, height: 420 });
  await lectern.open(`#/doc/${ARTICLE}/7`);
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", "7");
  const gap = belowBar(lectern, lectern.highlighted());
  await expect.poll(gap).toBeGreaterThanOrEqual(0);
  expect(await gap()).toBeLessThan(40);
});
