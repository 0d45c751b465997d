// Check a quote printed elsewhere against the corpus.
import { writeFileSync } from "node:fs";
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

test("an exact quote taken from inside a sentence is given the sentence's words around it", async ({ lectern }) => {
  await lectern.open(`#/check?q=${encodeURIComponent("to participate in the international cyber space management equally")}`);
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
  const context = lectern.view("check").locator("[data-check-context]");
  await expect(context).toHaveText("In the source, the sentence begins “… cyber administration, and Internet public policy independently and” before the quote.");
  // A whole sentence quoted has nothing around it to say.
  await lectern.open(`#/check?q=${encodeURIComponent("The 2015 World Internet Conference organized by the Cyberspace Administration of China is one of the CCP’s latest endeavors toward this end.")}`);
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
  await expect(lectern.view("check").locator("[data-check-context]")).toHaveCount(0);
});

test("an exact quote whose near twin carries a negation names that twin beside the verdict", async ({ lectern, page }, info) => {
  // "Thou shalt kill" is word for word in ¶2; ¶1 says the opposite, one word away.
  const file = info.outputPath("law.md");
  writeFileSync(file, "---\ntitle: The Law\n---\n\nThou shalt not kill.\n\nAnd thou shalt kill the bullock before the LORD, by the door of the tabernacle.\n");
  await lectern.open("#/");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open documents…" }).click();
  await (await chooser).setFiles([file]);
  await expect(lectern.card("law")).toHaveAttribute("data-origin", "yours");
  await page.evaluate(() => { location.hash = `#/check?q=${encodeURIComponent("Thou shalt kill.")}`; });
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
  const negated = lectern.view("check").locator("[data-check-negated]");
  await expect(negated).toHaveAttribute("data-doc-id", "law");
  await expect(negated).toHaveAttribute("data-passage", "1");
  await expect(negated).toContainText("with a negation the quote lacks: The Law, ¶1: “Thou shalt not kill.”");
  await expect(lectern.view("check").locator("[data-check-context]")).toContainText("“the bullock before the LORD, by the door …”");
});

test("an exact quote that leaves out the source's opening quote mark and closing comma has nothing marked", async ({ lectern, page }) => {
  await lectern.open("#/check");
  // The source reads “We need to respect each country’s right to choose their methods of cyber development, …
  await lectern.checkQuote("We need to respect each country’s right to choose their methods of cyber development");
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
  await expect(lectern.view("check").locator("[data-column] mark")).toHaveCount(0);
  await expect(lectern.view("check").locator('[data-column="1"] [data-quote-text]')).toHaveText(
    "We need to respect each country’s right to choose their methods of cyber development",
  );
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

test("a quote running across a paragraph break is found across both ¶s", async ({ lectern, page }) => {
  await lectern.open("#/check");
  await lectern.checkQuote(
    "made clear the theme of China’s second World Internet Conference, “An Interconnected World Shared and Governed by All”: " +
      "“We need to respect each country’s right to choose their methods of cyber development",
  );
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
  await expect(lectern.verdict).toContainText("found across ¶1–2");
  await expect(lectern.verdict).toHaveAttribute("data-first-passage", "1");
  await expect(lectern.verdict).toHaveAttribute("data-last-passage", "2");
});

test("a block quote of four ¶s pasted word for word is exact, across all four", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}`);
  await page.locator('[data-passage-text="4"]').waitFor();
  const texts = await page.locator("[data-passage-text]").evaluateAll((ps) => ps.slice(0, 4).map((p) => p.textContent!.trim()));
  expect(texts).toHaveLength(4);
  await lectern.open("#/check");
  await lectern.checkQuote(texts.join("\n\n"));
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
  await expect(lectern.verdict).toHaveAttribute("data-first-passage", "1");
  await expect(lectern.verdict).toHaveAttribute("data-last-passage", "4");
});

test("the quoter's ellipsis and bracketed words are reported apart, not as changed words", async ({ lectern }) => {
  await lectern.open("#/check");
  await lectern.checkQuote("We need to respect each country’s right … to participate in the international cyber space management equally");
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
  await expect(lectern.verdict).toContainText("with 1 omission marked by the quoter");
  await expect(lectern.view("check").locator('[data-column="1"] mark.w-left-out')).toHaveCount(1);
  // A spaced ellipsis is the quoter's mark too, not words left out.
  await lectern.checkQuote("We need to respect each country’s right . . . to participate in the international cyber space management equally");
  await expect(lectern.verdict).toContainText("with 1 omission marked by the quoter");
  await expect(lectern.view("check").locator('[data-column="0"] mark.w-mark')).toHaveText([/^\. \. \./]);
  await expect(lectern.view("check").locator('[data-column="0"] mark.w-left-out')).toHaveCount(0);
  await lectern.checkQuote("foreign media outlets such as [The Times] were refused entry to cover the conference");
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "differs");
  await expect(lectern.verdict).toContainText("Matches with 1 word different, with 1 insertion in brackets");
});

test("a quote found word for word in several places lists them all", async ({ lectern }) => {
  await lectern.open("#/check");
  await lectern.checkQuote("the international community");
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
  await expect(lectern.verdict).toHaveAttribute("data-places", "2");
  await expect(lectern.verdict).toContainText("Exact in 2 places");
  await expect(lectern.view("check").locator("[data-places] a[data-passage]")).toHaveCount(2);
  // The sentence around it is of the place shown beside it, which the line names.
  const shown = await lectern.view("check").locator(`[data-column="1"] a[data-passage]`).getAttribute("data-passage");
  await expect(lectern.view("check").locator("[data-check-context]")).toContainText(`In the source at “`);
  await expect(lectern.view("check").locator("[data-check-context]")).toContainText(`, ¶${shown}, the sentence`);
});

test("a reordered quote sharing scattered words is not found as quoted; the closest passages show their similarity", async ({ lectern }) => {
  await lectern.open("#/check");
  await lectern.checkQuote("the conference proceedings were covered by the New York Times while foreign media outlets were denied");
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "not-found");
  await expect(lectern.view("check").locator("[data-nearest] li").first()).toContainText("% similar");
});

test("the corpus side labels words only the corpus has; a paste is checked at once; the box has focus", async ({ lectern, page }) => {
  await lectern.open("#/");
  await page.getByRole("link", { name: "Check a quote" }).click();
  await expect(page.locator("[data-check-input]")).toBeFocused();
  await page.locator("[data-check-input]").evaluate((el: HTMLTextAreaElement) => {
    el.dispatchEvent(new Event("paste", { bubbles: true }));
    el.value = "We should never seek hegemony, interfere in other nations’ internal affairs";
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "differs");
  await expect(lectern.view("check").locator('[data-column="1"] mark.w-only')).toHaveText(["network (only in the corpus)"]);

  // "Check a quote" from a check starts afresh: an empty box with the cursor in it.
  await page.getByRole("link", { name: "Check a quote" }).click();
  await expect(page.locator("[data-check-input]")).toHaveValue("");
  await expect(page.locator("[data-check-input]")).toBeFocused();
  await expect(lectern.verdict).toHaveCount(0);
});

test("a quote that drops a negation is flagged, however similar the rest", async ({ lectern, page }) => {
  await lectern.open("#/check");
  await lectern.checkQuote("We should seek network hegemony");
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "differs");
  await expect(page.locator("[data-check-negation]")).toHaveText(
    "A negation differs: “never” is in the source but not in the quote. The quote may say the opposite of its source.",
  );
  await lectern.checkQuote("We should never seek network hegemony");
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
  await expect(page.locator("[data-check-negation]")).toHaveCount(0);
});

test("an ellipsis or brackets that change a negation do not make the quote exact", async ({ lectern, page }) => {
  await lectern.open("#/check");
  await lectern.checkQuote("We should … seek network hegemony");
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "differs");
  await expect(lectern.verdict).toContainText("The words match, with 1 omission marked by the quoter, but the marks change a negation");
  await expect(page.locator("[data-check-negation]")).toHaveText(
    "A negation differs: “never” is in the source, in the words the quoter’s ellipsis leaves out. The quote may say the opposite of its source.",
  );
  await lectern.checkQuote("We [do] seek network hegemony");
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "differs");
  await expect(page.locator("[data-check-negation]")).toContainText("“never” is in the source, in the words the quoter’s brackets replace");
  // An omission elsewhere is the quoter's right, and the quote stays exact.
  await lectern.checkQuote("We should never seek … hegemony");
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");
  await expect(page.locator("[data-check-negation]")).toHaveCount(0);
});
