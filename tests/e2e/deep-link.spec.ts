// A permalink opened cold lands on its paragraph, and the article reads verbatim.
import { test, expect, ARTICLE, ARTICLE_PASSAGES, PARA } from "./lectern";

test("a deep link opens the reader at ¶n, highlighted, in view and focused", async ({ lectern, page }) => {
  await page.setViewportSize({ width: 1024, height: 600 });
  await lectern.open(`#/doc/${ARTICLE}/${PARA.kazakhstan}`);
  await expect(lectern.highlighted()).toHaveCount(1);
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", String(PARA.kazakhstan));
  await expect.poll(() => lectern.inViewport(lectern.passage(PARA.kazakhstan))).toBe(true);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-passage"))).toBe(String(PARA.kazakhstan));
  await expect(lectern.passage(PARA.kazakhstan)).toContainText("the so-called “world” conference");
});

test("the article keeps its curly quotes and every paragraph", async ({ lectern }) => {
  await lectern.open(`#/doc/${ARTICLE}`);
  await expect(lectern.passages()).toHaveCount(ARTICLE_PASSAGES);
  await expect(lectern.passage(PARA.opening)).toContainText("“An Interconnected World Shared and Governed by All”:");
  await expect(lectern.passage(PARA.keynote)).toContainText("“We need to respect each country’s right to choose");
  await expect(lectern.passage(PARA.last)).toContainText("instruments of the country’s censorship and surveillance regime.");
  await expect(lectern.view("reader")).not.toContainText("Shutterstock");
});
