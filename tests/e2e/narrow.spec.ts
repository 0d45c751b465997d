// At 320 px wide every view fits without sideways scrolling, and keyboard focus is visible.
import { test, expect, ARTICLE, PARA } from "./lectern";

test.use({ viewport: { width: 320, height: 640 } });

for (const hash of ["#/", "#/?filter=framing&sort=date", `#/doc/${ARTICLE}`, `#/doc/${ARTICLE}/${PARA.keynote}`, "#/quotes", `#/quotes/${ARTICLE}`,
  `#/compare?i=${encodeURIComponent(`p:${ARTICLE}/1`)}`, "#/nowhere"]) {
  test(`320 px: ${hash} fits the width`, async ({ lectern, page }) => {
    await lectern.open(hash);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("320 px: keyboard focus is visible and the skip link reaches the content", async ({ lectern, page }) => {
  await lectern.open("#/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe("solid");
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  expect(await lectern.hash()).toBe("#/");
});

test.describe("at 200% zoom (a 1280 px screen shows 640 CSS px)", () => {
  test.use({ viewport: { width: 640, height: 400 } });
  for (const hash of ["#/", `#/doc/${ARTICLE}/${PARA.keynote}`, "#/search?q=sovereignty", "#/quotes", "#/check?q=we%20need", "#/about",
    "#/compare?i=p%3Aframing-the-agenda%2F1&i=p%3Aframing-the-agenda%2F2"]) {
    test(`640 px: ${hash} fits the width`, async ({ lectern, page }) => {
      await lectern.open(hash);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test("with reduced motion preferred, nothing animates or scrolls smoothly", async ({ lectern, page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await lectern.open(`#/doc/${ARTICLE}/${PARA.conference}`);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
  expect(await lectern.passage(PARA.conference).evaluate((el) => getComputedStyle(el).transitionDuration)).toBe("0s");
  await page.emulateMedia({ reducedMotion: "no-preference" });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("smooth");
});

// A query with no spaces (a pasted URL, a long misspelling) is echoed in the status line: it
// wraps there rather than widening the page.
const UNBROKEN = "Hyrcontgendthitleatkuntprouscrepactfestshyrchomtractfindgrilstiolgiohustdundcondma";
for (const [hash, status] of [[`#/search?q=${UNBROKEN}`, "[data-result-count]"], [`#/kwic?q=${UNBROKEN}`, "[data-kwic-count]"]] as const) {
  test(`320 px: ${hash.slice(0, 8)}… with an unbroken query fits the width`, async ({ lectern, page }) => {
    await lectern.open(hash);
    await expect(page.locator(status)).toContainText(UNBROKEN);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true, isMobile: true });

  for (const [hash, targets] of [[`#/quotes/${ARTICLE}`, ".quote-meta a, .quote-meta button"], ["#/trends?q=internet, sovereignty", ".trends-table a"]] as const) {
    test(`320 px: ${hash}: its small links are targets of 24 px or more`, async ({ lectern, page }) => {
      await lectern.open(hash);
      await expect(page.locator(targets).first()).toBeVisible();
      const sizes = await page.locator(targets).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
      expect(sizes.length).toBeGreaterThan(2);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    });
  }
});
