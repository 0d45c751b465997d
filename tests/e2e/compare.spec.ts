// Collect quotes and see them side by side, word by word; a shared comparison link reproduces it
// without touching the reader's own comparison until they choose to add it or replace theirs.
import { test, expect, ARTICLE, PARA } from "./lectern";

test("select text in the reader, compare it with the keynote quote: two columns, the difference marked", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}/${PARA.keynote}`);
  await lectern.selectInPassage(PARA.keynote, "each country’s right to choose their methods");
  await page.locator("[data-compare-selection]").click();
  await expect(lectern.tray).toHaveText("Compare (1)");
  // The button gives way to a link, and focus goes with it.
  await expect(page.locator("[data-compare-now]")).toBeFocused();

  await lectern.open(`#/quotes/${ARTICLE}`);
  const keynote = page.locator(`[data-quote-kind="quotation"][data-passage="${PARA.keynote}"]`);
  await expect(keynote).toContainText("We need to respect each country’s right");
  await keynote.locator("[data-compare]").click();
  await expect(lectern.tray).toHaveText("Compare (2)");

  await lectern.tray.click();
  await expect(lectern.columns()).toHaveCount(2);
  await expect(lectern.columns().nth(0).locator("[data-quote-text]")).toHaveText("each country’s right to choose their methods");
  // The whole quote has words the selection lacks: marked as only in this quote, not as changed.
  await expect(lectern.columns().nth(1).locator("mark.w-only").first()).toBeVisible();
  await expect(lectern.columns().nth(1).locator("mark.w-changed")).toHaveCount(0);
  const similarity = Number(await lectern.columns().nth(1).locator("[data-similarity]").getAttribute("data-similarity"));
  expect(similarity).toBeGreaterThan(0);
  expect(similarity).toBeLessThan(100);
  await expect(lectern.columns().nth(0).locator(`a[data-passage="${PARA.keynote}"]`)).toHaveAttribute("href", `#/doc/${ARTICLE}/${PARA.keynote}`);
});

test("a shared comparison link opened cold reproduces the view, and strict mode counts punctuation", async ({ lectern, page }) => {
  const items = [`p:${ARTICLE}/${PARA.multistakeholder}`, "t:a more moderate “multistakeholder” approach entailing input from the private sector"];
  await lectern.open(`#/compare?${items.map((i) => `i=${encodeURIComponent(i)}`).join("&")}`);
  await expect(lectern.columns()).toHaveCount(2);
  await expect(lectern.tray).toHaveText("Compare (0)");
  await expect(lectern.columns().nth(1)).toContainText("Pasted text");
  // ¶6 has “moderate,” and “sector,” where the paste drops the commas: minor, not changed…
  await expect(lectern.columns().nth(1).locator("mark.w-changed")).toHaveCount(0);
  await expect(lectern.columns().nth(1).locator("mark.w-minor")).toHaveText(["moderate (punctuation, case or accents differ)", "sector (punctuation, case or accents differ)"]);
  // …unless the comparison is strict.
  await page.locator("[data-strict]").check();
  await expect(lectern.columns().nth(1).locator("mark.w-minor")).toHaveCount(0);
  await expect(lectern.columns().nth(1).locator("mark.w-changed")).toHaveCount(2);
  // Strict is part of the comparison's link: a reload keeps it.
  expect(await lectern.hash()).toContain("strict=1");
  await page.reload();
  await expect(page.locator("[data-strict]")).toBeChecked();
  await expect(lectern.columns().nth(1).locator("mark.w-changed")).toHaveCount(2);
  await lectern.columns().nth(0).locator("[data-remove]").click();
  await expect(lectern.columns()).toHaveCount(1);
  expect(await lectern.hash()).not.toContain(encodeURIComponent(`p:${ARTICLE}/${PARA.multistakeholder}`));
  // The URL follows the edit, so a reload (or the link) shows the comparison as it now is.
  await page.reload();
  await expect(lectern.columns()).toHaveCount(1);
  await expect(lectern.columns().nth(0)).toContainText("Pasted text");
  await expect(page.locator("[data-strict]")).toBeChecked();
});

test("a quote whose ellipsis hides the source's negation is called out beside its similarity", async ({ lectern, page }) => {
  // ¶2 says "We should never seek network hegemony"; the quote's ellipsis leaves out "never".
  const items = [`p:${ARTICLE}/${PARA.keynote}`, "t:We should … seek network hegemony", "t:We should not seek network hegemony", "t:We should never seek network hegemony"];
  await lectern.open(`#/compare?${items.map((i) => `i=${encodeURIComponent(i)}`).join("&")}`);
  await expect(lectern.columns()).toHaveCount(4);
  await expect(lectern.columns().nth(1).locator("[data-compare-negation]")).toHaveText(
    "A negation differs from quote 1: “never” is in quote 1, where this quote has an ellipsis. The two may say opposite things.");
  // The same negation on both sides is no warning, nor one negation written for another ("not"
  // for "never": a word changed, not the sense), nor is quote 1 warned against itself.
  await expect(lectern.columns().nth(2).locator("[data-compare-negation]")).toHaveCount(0);
  await expect(lectern.columns().nth(3).locator("[data-compare-negation]")).toHaveCount(0);
  await expect(lectern.columns().nth(0).locator("[data-compare-negation]")).toHaveCount(0);
  // With quote 1 removed, the quote with the ellipsis leads, and the others are weighed against it.
  await lectern.columns().nth(0).locator("[data-remove]").click();
  await expect(lectern.columns()).toHaveCount(3);
  await expect(lectern.columns().nth(2).locator("[data-compare-negation]")).toHaveText(
    "A negation differs from quote 1: “never” is in this quote, where quote 1 has an ellipsis. The two may say opposite things.");
  await expect(page.locator("[data-compare-negation]")).toHaveCount(2);
});

test("on a phone the columns stack", async ({ lectern, page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await lectern.open(`#/compare?i=${encodeURIComponent(`p:${ARTICLE}/${PARA.opening}`)}&i=${encodeURIComponent(`p:${ARTICLE}/${PARA.keynote}`)}`);
  const [a, b] = [await lectern.columns().nth(0).boundingBox(), await lectern.columns().nth(1).boundingBox()];
  expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("similar passages are ranked and one click from the side-by-side view", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}/${PARA.multistakeholder}`);
  await lectern.passage(PARA.multistakeholder).getByRole("link", { name: `Similar to paragraph ${PARA.multistakeholder}` }).click();
  const items = page.locator("[data-view=similar] li[data-passage]");
  await expect(items.first()).toBeVisible();
  const figures = await items.evaluateAll((lis) => lis.map((li) => Number(li.textContent!.match(/(\d+)% similar/)![1])));
  expect(figures).toEqual([...figures].sort((a, b) => b - a));
  expect(await items.evaluateAll((lis, n) => lis.some((li) => li.getAttribute("data-passage") === n), String(PARA.multistakeholder))).toBe(false);
  await items.first().locator("[data-compare-link]").click();
  await expect(lectern.columns()).toHaveCount(2);
  await expect(lectern.columns().nth(0).locator(`a[data-passage="${PARA.multistakeholder}"]`)).toBeVisible();
});

const SHARED = [`p:${ARTICLE}/6`, "t:a more moderate approach"];
const SHARED_HASH = `#/compare?${SHARED.map((i) => `i=${encodeURIComponent(i)}`).join("&")}`;
const stored = (page: import("@playwright/test").Page) => page.evaluate(() => localStorage.getItem("lectern:tray"));

test("a shared link leaves my comparison alone until I choose: Add to my comparison", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}`);
  await page.locator('[data-compare-passage="2"]').click();
  await expect(lectern.tray).toHaveText("Compare (1)");
  const mine = await stored(page);
  // A ¶ added to the tray travels as its quote selector: document, ¶, corpus version, text.
  expect(decodeURIComponent(mine!)).toContain(`q:${ARTICLE}~2~`);

  await lectern.open(SHARED_HASH);
  await expect(lectern.columns()).toHaveCount(2);
  const offer = page.locator("[data-tray-offer]");
  await expect(offer).toContainText("Your own comparison has 1 quote.");
  // Showing the shared comparison changed neither the tray nor storage.
  await expect(lectern.tray).toHaveText("Compare (1)");
  expect(await stored(page)).toBe(mine);
  await page.reload();
  await expect(lectern.columns()).toHaveCount(2);
  expect(await stored(page)).toBe(mine);

  await offer.getByRole("button", { name: "Add to my comparison" }).click();
  await expect(lectern.tray).toHaveText("Compare (3)");
  await expect(lectern.columns()).toHaveCount(3);
  await expect(lectern.columns().nth(0).locator('a[data-passage="2"]')).toBeVisible();
  await expect(offer).toHaveCount(0);
  expect(decodeURIComponent((await stored(page))!)).toContain(`p:${ARTICLE}/6`);
  expect(await lectern.hash()).toBe(await stored(page));
});

test("Replace mine swaps my comparison for the shared one; Side by side from Similar asks too", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}`);
  for (const n of [1, 2, 3]) await page.locator(`[data-compare-passage="${n}"]`).click();
  await expect(lectern.tray).toHaveText("Compare (3)");

  await lectern.open(SHARED_HASH);
  await expect(lectern.tray).toHaveText("Compare (3)");
  await page.getByRole("button", { name: "Replace mine" }).click();
  await expect(lectern.tray).toHaveText("Compare (2)");
  await expect(page.locator("[data-tray-offer]")).toHaveCount(0);
  await expect(page.locator("#compare-title")).toBeFocused();
  expect(decodeURIComponent((await stored(page))!)).toBe(decodeURIComponent(SHARED_HASH));
  // Now that it is mine, editing it edits my comparison.
  await lectern.columns().nth(1).locator("[data-remove]").click();
  await expect(lectern.tray).toHaveText("Compare (1)");

  await lectern.open(`#/similar/${ARTICLE}/6`);
  await page.locator("[data-view=similar] [data-compare-link]").first().click();
  await expect(lectern.columns()).toHaveCount(2);
  await expect(page.locator("[data-tray-offer]")).toBeVisible();
  await expect(lectern.tray).toHaveText("Compare (1)");
});

test("by keyboard, focus follows a moved quote, and lands on the next quote after a removal", async ({ lectern, page }) => {
  const texts = ["first quote here", "second quote here", "third quote here"];
  await lectern.open(`#/compare?${texts.map((t) => `i=${encodeURIComponent(`t:${t}`)}`).join("&")}`);
  await expect(lectern.columns()).toHaveCount(3);
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent);
  await page.getByRole("button", { name: "Move quote 1 later" }).focus();
  await page.keyboard.press("Enter");
  await expect(lectern.columns().nth(1)).toContainText("first");
  await expect.poll(focusedLabel).toBe("Move quote 2 later");
  // Enter again moves the same quote on, to the end, where only "earlier" is left to focus.
  await page.keyboard.press("Enter");
  await expect(lectern.columns().nth(2)).toContainText("first");
  await expect.poll(focusedLabel).toBe("Move quote 3 earlier");

  await page.getByRole("button", { name: "Remove quote 1" }).focus();
  await page.keyboard.press("Enter");
  await expect(lectern.columns()).toHaveCount(2);
  await expect.poll(focusedLabel).toBe("Quote 1");
  await expect(lectern.columns().nth(0)).toContainText("third");
});
