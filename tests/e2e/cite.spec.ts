// Cite the selection: the selection bar offers Cite beside Compare and Check, and the citation
// carries the author, the date and the corpus version (build date and checksum, as About shows).
import { test, expect, ARTICLE } from "./lectern";

test("select words, Cite: author, date, corpus version and a permalink, in plain text and Markdown", async ({ lectern, page, baseURL }) => {
  await lectern.open("#/about");
  const checksum = (await page.locator('[data-about="checksum"]').textContent())!;
  const built = (await page.locator('[data-about="build-date"]').textContent())!;

  await lectern.open(`#/doc/${ARTICLE}/2`);
  await lectern.selectInPassage(2, "each country’s right to choose their methods");
  const bar = page.locator("[data-selection-bar]");
  await expect(bar.getByRole("button", { name: "Compare selection" })).toBeVisible();
  await expect(bar.getByRole("link", { name: "Check selection" })).toBeVisible();
  await bar.getByRole("button", { name: "Cite" }).click();
  await expect(bar.getByRole("button", { name: "Cite" })).toHaveAttribute("aria-expanded", "true");
  const plain = bar.locator('[data-citation="plain"]');
  await expect(plain).toHaveValue(
    `“each country’s right to choose their methods” — Jessica Ludwig, “Framing the Agenda: China’s Use of International Fora to Promote ‘Internet Sovereignty’”, ned-micro-blog, 2015-12-22, ¶2. ` +
      `Lectern corpus built ${built}, SHA-256 ${checksum.slice(0, 12)}. ${baseURL}#/doc/${ARTICLE}/2`,
  );
  await expect(bar.locator('[data-citation="markdown"]')).toHaveValue(/^> each country’s right to choose their methods\n\n— Jessica Ludwig, \*Framing/);
  await expect(bar.locator('[data-citation="markdown"]')).toHaveValue(new RegExp(`\\[Permalink\\]\\(${baseURL}#/doc/${ARTICLE}/2\\)$`));

  // A new selection closes the citation of the old one.
  await lectern.selectInPassage(3, "Internet");
  await expect(bar.locator("[data-selection-cite]")).toHaveCount(0);
});

test("the selection bar closes with Esc or its Close button, and focus returns to the ¶", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}/2`);
  const bar = page.locator("[data-selection-bar]");
  await lectern.selectInPassage(2, "each country’s right");
  await bar.getByRole("button", { name: "Cite" }).click();
  await page.keyboard.press("Escape");
  await expect(bar).toHaveCount(0);
  await expect(lectern.passage(2)).toBeFocused();
  expect(await page.evaluate(() => getSelection()!.toString())).toBe("");

  await lectern.selectInPassage(3, "Internet");
  await bar.getByRole("button", { name: "Close" }).click();
  await expect(bar).toHaveCount(0);
  await expect(lectern.passage(3)).toBeFocused();
});
