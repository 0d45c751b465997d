// Search as you type, by keyboard alone: find a misquoted passage and land on it.
import { test, expect, ARTICLE, PARA } from "./lectern";

test("keyboard only: / focuses, typing finds, ↓ and Enter open the paragraph with the words marked", async ({ lectern, page }) => {
  await lectern.open("#/");
  await page.keyboard.press("/");
  await expect(lectern.searchBox).toBeFocused();
  await page.keyboard.type("Tajikistan Kazakhstan", { delay: 20 });
  await expect(lectern.results().first()).toHaveAttribute("data-passage", String(PARA.kazakhstan));
  await expect(lectern.results().first()).toHaveAttribute("data-doc-id", ARTICLE);
  await expect(lectern.results().first().locator("mark")).toHaveText(["Kazakhstan", "Tajikstan"]);
  await expect(lectern.status).toHaveText(/passages? in 1 document/);

  await page.keyboard.press("ArrowDown");
  await expect(lectern.results().first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", String(PARA.kazakhstan));
  await expect(lectern.passage(PARA.kazakhstan).locator("mark").first()).toHaveText("Kazakhstan");
  await expect.poll(() => lectern.inViewport(lectern.passage(PARA.kazakhstan))).toBe(true);

  await page.goBack();
  await expect(lectern.view("search")).toBeVisible();
  await expect(lectern.searchBox).toHaveValue("Tajikistan Kazakhstan");
});

test("a pasted misquote (typos, a dropped word, two words swapped) finds its source first", async ({ lectern, page }) => {
  await lectern.open("#/");
  const misquote =
    "We need to respect each countrys right to chose their methods of cyber development, cyber administration and Internet policy public independently";
  await lectern.searchBox.fill(misquote);
  await expect(lectern.results().first()).toHaveAttribute("data-passage", String(PARA.keynote));
  await page.keyboard.press("Enter");
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", String(PARA.keynote));
});

test("a search link opened cold shows the same results, and Esc clears", async ({ lectern, page }) => {
  await lectern.open("#/search?q=%22internet%20governance%22");
  await expect(lectern.searchBox).toHaveValue('"internet governance"');
  await expect(lectern.results().first()).toBeVisible();
  // A query that brings its own quote marks is named as typed, not inside a second pair.
  await expect(page).toHaveTitle('"internet governance" — Search — Lectern');
  const snippets = await lectern.results().allTextContents();
  expect(snippets.length).toBeGreaterThan(0);
  for (const snippet of snippets) expect(snippet).toMatch(/Internet governance/i);
  const marked = await lectern.results().first().locator("mark").allTextContents();
  expect(marked).toEqual(["Internet", "governance"]);
  await lectern.searchBox.focus();
  await page.keyboard.press("Escape");
  await expect(lectern.searchBox).toHaveValue("");
  await expect(lectern.results()).toHaveCount(0);
});

test("no match says so and suggests a word", async ({ lectern }) => {
  await lectern.open("#/search?q=kasakstann");
  await expect(lectern.status).toHaveText("No passages match “kasakstann”.");
  await lectern.page.getByRole("link", { name: "kazakhstan" }).click();
  await expect(lectern.results().first()).toHaveAttribute("data-passage", String(PARA.kazakhstan));
});

test("a quoted misquote that is no exact phrase offers its words without the quote marks", async ({ lectern, page }) => {
  // The keynote's words, quoted, with a word dropped ("their") and one added ("own"): no
  // exact phrase matches (a phrase forgives typos, not a changed word).
  const quote = "“respect each country’s own right to choose methods of cyber development”";
  await lectern.open(`#/search?q=${encodeURIComponent(quote)}`);
  await expect(lectern.status).toHaveText(`No passages match ${quote}.`);
  const loose = "respect each country’s own right to choose methods of cyber development";
  await expect(page.locator("[data-suggestions]")).toContainText("No passage has these words as the exact phrase. Without the quote marks:");
  await page.locator("[data-suggestions] a").first().click();
  await expect(lectern.searchBox).toHaveValue(loose);
  await expect(lectern.results().first()).toHaveAttribute("data-passage", String(PARA.keynote));
});

test("typing without pause drops no keystroke, leaves no stale result, and the address follows the last one", async ({ lectern, page }) => {
  await lectern.open("#/");
  await lectern.searchBox.focus();
  const query = "multistakeholder model internet governance";
  await page.keyboard.type(query); // no delay: each keystroke lands before the last one's results
  await expect(lectern.searchBox).toHaveValue(query);
  const expected = await page.evaluate((q) => (window as any).wasmBindings.search(q, 20).map((r: { docId: string; passage: number }) => `${r.docId}/${r.passage}`), query);
  expect(expected.length).toBeGreaterThan(0);
  const shown = async () =>
    (await lectern.results().evaluateAll((links) => links.map((a) => [Number(a.getAttribute("data-rank")), `${a.getAttribute("data-doc-id")}/${a.getAttribute("data-passage")}`] as const)))
      .sort((a, b) => a[0] - b[0])
      .map(([, id]) => id);
  await expect.poll(shown).toEqual(expected);
  // The snippets mark the last query's words, not a prefix's.
  await expect(lectern.results().first().locator("mark").first()).toHaveText(/^(multi-?stakeholder|model|internet|governance)$/i);
  // The address bar and the tab's title follow once typing pauses; one Back leaves the search.
  await expect(page).toHaveURL(/#\/search\?q=multistakeholder%20model%20internet%20governance$/);
  await expect(page).toHaveTitle(`“${query}” — Search — Lectern`);
  await page.goBack();
  await expect(lectern.view("list")).toBeVisible();
});

test("while the reader types, the results' status is busy, so a screen reader hears the count once typing pauses", async ({ lectern, page }) => {
  await lectern.open("#/search?q=internet");
  await expect(lectern.status).toHaveAttribute("aria-busy", "false");
  // One keystroke, and the status read in the frame it is drawn in, well within the pause.
  const during = await page.evaluate(async () => {
    const box = document.getElementById("search-input") as HTMLInputElement;
    box.focus();
    box.value = "internet sov";
    box.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((done) => requestAnimationFrame(() => done(null)));
    return document.getElementById("search-status")!.getAttribute("aria-busy");
  });
  expect(during).toBe("true");
  await expect(lectern.status).toHaveAttribute("aria-busy", "false");
  await expect(lectern.status).toContainText("passage");
});
