// At 320 px wide every view fits without sideways scrolling, and keyboard focus is visible.
import { test, expect, ARTICLE } from "./lectern";

test.use({ viewport: { width: 320, height: 640 } });

for (const hash of ["#/", `#/doc/${ARTICLE}`, `#/doc/${ARTICLE}/2`, "#/nowhere"]) {
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
