// A permalink opened cold lands on its paragraph, and the article reads verbatim.
import { test, expect, ARTICLE } from "./lectern";

test("a deep link opens the reader at ¶n, highlighted, in view and focused", async ({ lectern, page }) => {
  await page.setViewportSize({ width: 1024, height: 600 });
  await lectern.open(`#/doc/${ARTICLE}/5`);
  await expect(lectern.highlighted()).toHaveCount(1);
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", "5");
  await expect.poll(() => lectern.inViewport(lectern.passage(5))).toBe(true);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-passage"))).toBe("5");
  await expect(lectern.passage(5)).toContainText("the so-called “world” conference");
});

test("the article keeps its curly quotes and every paragraph", async ({ lectern }) => {
  await lectern.open(`#/doc/${ARTICLE}`);
  await expect(lectern.passages()).toHaveCount(7);
  await expect(lectern.passage(1)).toContainText("“An Interconnected World Shared and Governed by All”:");
  await expect(lectern.passage(2)).toContainText("“We need to respect each country’s right to choose");
  await expect(lectern.passage(7)).toContainText("instruments of the country’s censorship and surveillance regime.");
  await expect(lectern.view("reader")).not.toContainText("Shutterstock");
});
