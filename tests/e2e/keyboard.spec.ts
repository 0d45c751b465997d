// The whole compare-and-check flow by keyboard alone: no mouse, no programmatic clicks; and
// where focus goes when a link leads to another view.
import { test, expect, ARTICLE, PARA } from "./lectern";

test("keyboard only: collect two paragraphs, compare, remove one, then check a quote", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}`);
  await lectern.tabTo(page.locator(`[data-compare-passage="${PARA.keynote}"]`));
  await page.keyboard.press("Enter");
  await lectern.tabTo(page.locator(`[data-compare-passage="${PARA.sovereignty}"]`));
  await page.keyboard.press("Enter");
  await expect(lectern.tray).toHaveText("Compare (2)");

  await lectern.tabTo(lectern.tray, { backwards: true });
  await page.keyboard.press("Enter");
  await expect(lectern.columns()).toHaveCount(2);
  await lectern.tabTo(lectern.columns().nth(0).locator("[data-remove]"));
  await page.keyboard.press("Enter");
  await expect(lectern.columns()).toHaveCount(1);

  await lectern.tabTo(page.getByRole("link", { name: "Check a quote" }), { backwards: true });
  await page.keyboard.press("Enter");
  await lectern.tabTo(page.locator("[data-check-input]"));
  await page.keyboard.type("We should never seek network hegemony");
  await page.keyboard.press("Control+Enter");
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
  await expect(lectern.verdict).toContainText(`¶${PARA.keynote}`);
});

test("a link to another view puts focus on its heading; typing a search keeps it in the box", async ({ lectern, page }) => {
  await lectern.open("#/search?q=sovereignty");
  await lectern.tabTo(page.locator("[data-results-kwic]"));
  await page.keyboard.press("Enter");
  await expect(page.locator("#kwic-title")).toBeFocused();
  // A header link, and Back, announce the view they lead to the same way.
  await lectern.tabTo(page.getByRole("link", { name: "Quotes" }), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page.locator("#quotes-title")).toBeFocused();
  await page.goBack();
  await expect(page.locator("#kwic-title")).toBeFocused();
  // Typing in the search box from any view opens the results and leaves focus in the box.
  await lectern.searchBox.focus();
  await page.keyboard.type("internet");
  await expect(lectern.results().first()).toBeVisible();
  await expect(lectern.searchBox).toBeFocused();
});
