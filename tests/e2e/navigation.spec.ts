// List → document → ¶ permalink → back, as a visitor clicks through.
import { test, expect, ARTICLE, ARTICLE_TITLE, ARTICLE_PASSAGES } from "./lectern";

test("list, document, permalink and back", async ({ lectern, page }) => {
  await lectern.open();
  const card = lectern.card(ARTICLE);
  await expect(card).toContainText(ARTICLE_TITLE);
  await expect(card).toContainText("by Jessica Ludwig");
  await expect(card).toContainText("December 22, 2015");
  await expect(card).toContainText("ned-micro-blog");
  await expect(card).toContainText(`${ARTICLE_PASSAGES} ¶`);

  await card.getByRole("link").click();
  await expect(lectern.view("reader")).toBeVisible();
  expect(await lectern.hash()).toBe(`#/doc/${ARTICLE}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ARTICLE_TITLE);
  await expect(lectern.passages()).toHaveCount(ARTICLE_PASSAGES);
  await expect(page).toHaveTitle(`${ARTICLE_TITLE} — Lectern`);

  await lectern.permalink(6).click();
  expect(await lectern.hash()).toBe(`#/doc/${ARTICLE}/6`);
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", "6");
  await expect.poll(() => lectern.inViewport(lectern.passage(6))).toBe(true);

  await page.goBack();
  expect(await lectern.hash()).toBe(`#/doc/${ARTICLE}`);
  await expect(lectern.highlighted()).toHaveCount(0);

  await page.goBack();
  await expect(lectern.view("list")).toBeVisible();
  await page.goForward();
  await expect(lectern.view("reader")).toBeVisible();
});

test("a link at the foot of a long view opens the next view from its start, its heading focused in view", async ({ lectern, page }) => {
  await page.setViewportSize({ width: 375, height: 600 });
  await lectern.open(`#/doc/${ARTICLE}`);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await page.locator('[data-nav="about"]').click();
  const heading = page.locator("#about-title");
  await expect(heading).toBeFocused();
  await expect.poll(() => heading.evaluate((h) => h.getBoundingClientRect().top >= 0)).toBe(true);
});
