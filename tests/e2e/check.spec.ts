// Check a quote printed elsewhere against the corpus.
import { test, expect, ARTICLE, PARA } from "./lectern";

test("a misquote with two words changed: “matches with 2 words different”, pointing at ¶4", async ({ lectern, page }) => {
  await lectern.open("#/check");
  await page.locator("[data-check-input]").fill(
    "Meanwhile, foreign media outlets such as the New York Times were refused entry to report the conference proceedings.",
  );
  await page.locator("[data-check-submit]").click();
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "differs");
  await expect(lectern.verdict).toContainText("Matches with 2 words different");
  const source = lectern.view("check").locator(`[data-column="1"] a[data-passage]`);
  await expect(source).toHaveAttribute("data-passage", String(PARA.conference));
  await expect(source).toHaveAttribute("data-doc-id", ARTICLE);
  await expect(lectern.view("check").locator('[data-column="1"] mark.w-changed')).toHaveText(["denied (changed)", "cover (changed)"]);
});

test("an exact quote is exact; an unrelated sentence is not found", async ({ lectern, page }) => {
  await lectern.open(`#/check?q=${encodeURIComponent("“An Interconnected World Shared and Governed by All”")}`);
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
  await page.locator("[data-check-input]").fill("The quick brown fox jumps over the lazy dog while the band plays on.");
  await page.locator("[data-check-submit]").click();
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "not-found");
  await expect(lectern.verdict).toHaveText(/Not found in this corpus/);
});

test("a 1 MB paste is checked without freezing, and the cut is reported", async ({ lectern, page }) => {
  await lectern.open("#/check");
  await page.locator("[data-check-input]").evaluate((el: HTMLTextAreaElement) => {
    el.value = "We should never seek network hegemony. " + "filler words go on and on ".repeat(40_000);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  const started = Date.now();
  await page.locator("[data-check-submit]").click();
  await expect(lectern.verdict).toContainText("characters were checked");
  expect(Date.now() - started).toBeLessThan(10_000);
});
