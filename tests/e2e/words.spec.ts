// Frequency lists (#/words and the reader's "What this document is about"): most frequent words
// with the function-word switch, phrases, keywords, each linking to its concordance; 320 px and
// axe-core.
import { test, expect, ARTICLE } from "./lectern";

test("the corpus's words: function words left out unless asked for; a word opens its concordance", async ({ lectern, page }) => {
  await lectern.open("#/words");
  const top = page.locator('[data-words="top"] li');
  await expect(top.first()).toBeVisible();
  const terms = await top.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-term")));
  expect(terms).not.toContain("the");
  expect(terms[0]).toBe("internet");
  await expect(top.first()).toHaveAttribute("data-count", "24");
  await page.locator("[data-words-stop]").uncheck();
  await expect(page).toHaveURL(/all=1/);
  await expect(top.first()).toHaveAttribute("data-term", "the");
  await expect(top.first()).toHaveAttribute("data-count", "59");
  await top.first().locator("a").click();
  await expect(page.locator("[data-kwic]")).toHaveAttribute("data-total", "59");
  await expect(page.locator('[data-words="phrases"]')).toHaveCount(0);
});

test("phrases of the corpus, counted as the concordance counts them", async ({ lectern, page }) => {
  await lectern.open("#/words");
  const phrase = page.locator('[data-words="phrases"] li[data-term="internet sovereignty"]');
  await expect(phrase).toHaveAttribute("data-count", "6");
  await phrase.locator("a").click();
  await expect(page.locator("[data-kwic]")).toHaveAttribute("data-total", "6");
});

test("the reader's collapsible lists, by keyboard, with keywords", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}`);
  const details = page.locator("[data-reader-words]");
  await lectern.tabTo(details.locator("summary"));
  await page.keyboard.press("Enter");
  await expect(details.locator('[data-words="top"] li').first()).toHaveAttribute("data-term", "internet");
  // One document: there is no rest of the corpus to find its distinctive words against.
  await expect(details.locator("[data-keywords-none]")).toBeVisible();
  await expect(details.locator('[data-words="keywords"]')).toHaveCount(0);
  await lectern.tabTo(details.locator('[data-words="top"] li a').first());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`#/kwic\\?q=internet&doc=${ARTICLE}`));
  await expect(page.locator("[data-kwic]")).toHaveAttribute("data-total", "24");
});

test("the header links to the word lists; 320 px and axe-core (light and dark)", async ({ lectern, page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await lectern.open("#/");
  await page.locator("[data-nav=words]").click();
  await expect(page.locator('[data-words="phrases"] li').first()).toBeVisible();
  const { overflow, violations } = await lectern.narrowAndAxe();
  expect(overflow).toBeLessThanOrEqual(0);
  expect(violations).toEqual([]);
});
