// Quote links (#/quote?exact=…) find their text again, or say honestly that they cannot; the
// comparison tray exports its quotes. Links with a stale ¶ or changed text stand for links made
// from an older build of an edited corpus (the engine's anchoring tests cover the versions).
import { readFile } from "node:fs/promises";
import { test, expect, ARTICLE, PARA, type Lectern } from "./lectern";

const verdict = (lectern: Lectern) => lectern.page.locator("[data-quote-verdict]");

/** A hand-made quote link, as an older build would have made it. */
function link(exact: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ doc: ARTICLE, exact, ...extra });
  return `#/quote?${params.toString().replace(/\+/g, "%20")}`;
}

test("a quote link made from Cite opens and says “Quoted exactly”, the quote marked", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}/${PARA.conference}`);
  const cite = lectern.passage(PARA.conference).locator("[data-cite]");
  await cite.locator("summary").first().click();
  const href = await cite.locator('[data-citation="quote-link"]').inputValue();
  expect(href).toMatch(new RegExp(`#/quote\\?doc=${ARTICLE}&exact=.+&p=${PARA.conference}&v=[0-9a-f]{12}$`));
  // A whole ¶ of more than 500 characters travels as start, end and hash.
  expect(href).toContain("&h=");
  await page.goto(href);
  await expect(verdict(lectern)).toHaveAttribute("data-quote-verdict", "exact");
  await expect(verdict(lectern)).toHaveText(`Quoted exactly (¶${PARA.conference})`);
  await expect(page.locator("[data-quote-text] mark")).toContainText("were denied entry to cover the conference proceedings");
  await expect(page.locator("[data-quote-version]")).toHaveCount(0);
});

test("a link whose ¶ is stale says “Found at ¶m (was ¶n)”", async ({ lectern, page }) => {
  await lectern.open(link("foreign media outlets such as the New York Times were denied entry", { p: "2", v: "000000000000" }));
  await expect(verdict(lectern)).toHaveAttribute("data-quote-verdict", "moved");
  await expect(verdict(lectern)).toHaveText(/^Found at ¶4 \(was ¶2\) in “Framing the Agenda/);
  await expect(page.locator("[data-quote-version]")).toContainText("000000000000");
  await expect(page.locator(`[data-quote-text] mark`)).toHaveText("foreign media outlets such as the New York Times were denied entry");
  await expect(page.locator("[data-read-in-context]")).toHaveAttribute("href", `#/doc/${ARTICLE}/${PARA.conference}`);
});

test("a link whose text has changed says so, with the word difference", async ({ lectern, page }) => {
  await lectern.open(link("foreign media outlets such as the New York Times were refused entry", { p: String(PARA.conference) }));
  await expect(verdict(lectern)).toHaveAttribute("data-quote-verdict", "changed");
  await expect(verdict(lectern)).toHaveText("The text has changed since this link was made: 1 word differs");
  await expect(page.locator('[data-column="0"] mark.w-changed')).toHaveText("refused (changed)");
  await expect(page.locator('[data-column="1"] mark.w-changed')).toHaveText("denied (changed)");
});

test("a link to text that is not there says “Not in this version of the corpus”", async ({ lectern, page }) => {
  await lectern.open(link("The quick brown fox jumps over the lazy dog while the band plays on", { p: "3" }));
  await expect(verdict(lectern)).toHaveAttribute("data-quote-verdict", "not-found");
  await expect(verdict(lectern)).toHaveText("Not in this version of the corpus");
});

test("a link with no quoted words says it was cut short; one naming an unknown document says so", async ({ lectern, page }) => {
  await lectern.open(`#/quote?doc=${ARTICLE}&p=3&exact=`);
  await expect(verdict(lectern)).toHaveAttribute("data-quote-verdict", "not-found");
  await expect(verdict(lectern)).toHaveText("This link holds no quoted words (it may have been cut short when it was copied)");
  await lectern.open(`#/quote?doc=renamed-article&exact=${encodeURIComponent("Internet governance")}`);
  await expect(page.locator("[data-quote-unknown-doc]")).toHaveText(
    "This copy has no document “renamed-article”, the one the link names, so the quote was looked for in every document.",
  );
  await expect(verdict(lectern)).toHaveAttribute("data-quote-verdict", /.+/);
  await lectern.open(`#/quote?doc=${ARTICLE}&exact=${encodeURIComponent("Internet governance")}`);
  await expect(verdict(lectern)).toHaveAttribute("data-quote-verdict", /.+/);
  await expect(page.locator("[data-quote-unknown-doc]")).toHaveCount(0);
});

test("a quote in several places with nothing to decide lists them all", async ({ lectern, page }) => {
  await lectern.open(`#/quote?exact=${encodeURIComponent("Internet sovereignty")}`);
  await expect(verdict(lectern)).toHaveAttribute("data-quote-verdict", "ambiguous");
  const places = page.locator("[data-places] > li");
  const n = await places.count();
  expect(n).toBeGreaterThan(2);
  await expect(verdict(lectern)).toHaveText(`The quoted text occurs in ${n} places, and the link cannot tell which one it means`);
  // Each place is one Tab away and opens the reader at its ¶.
  const first = places.first().locator("[data-read-in-context]");
  await lectern.tabTo(first);
  await page.keyboard.press("Enter");
  await expect(lectern.view("reader")).toBeVisible();
  expect(await lectern.hash()).toMatch(new RegExp(`^#/doc/${ARTICLE}/\\d+$`));
});

test("the selection bar offers a quote link for the selected words", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}/${PARA.keynote}`);
  await lectern.selectInPassage(PARA.keynote, "We should never seek network hegemony");
  await page.locator("[data-selection-bar] [data-quote-link]").click();
  await expect(verdict(lectern)).toHaveText(`Quoted exactly (¶${PARA.keynote})`);
  await expect(page.locator("[data-quote-text] mark")).toHaveText("We should never seek network hegemony");
  expect(await lectern.hash()).toContain("&prefix=");
});

test("the check view offers a quote link for its best match", async ({ lectern, page }) => {
  await lectern.open(`#/check?q=${encodeURIComponent("foreign media outlets such as the New York Times were denied entry")}`);
  const quoteLink = page.locator("[data-quote-link]");
  await quoteLink.click();
  await expect(verdict(lectern)).toHaveText(`Quoted exactly (¶${PARA.conference})`);
});

test("the tray exports its quotes as Markdown, BibTeX, CSL-JSON and CSV, by keyboard, as downloads", async ({ lectern, page }) => {
  const items = [`p:${ARTICLE}/${PARA.keynote}`, "t:We must respect every country’s right"];
  await lectern.open(`#/compare?${items.map((i) => `i=${encodeURIComponent(i)}`).join("&")}`);
  const exp = page.locator('[data-export="tray"]');
  await lectern.tabTo(exp.locator("summary"));
  await page.keyboard.press("Enter");
  const text = exp.locator("[data-export-text]");
  const markdown = await text.inputValue();
  expect(markdown).toContain("> “We need to respect each country’s right to choose their methods of cyber development");
  expect(markdown).toContain("— Jessica Ludwig, *Framing the Agenda");
  expect(markdown).toMatch(/\[Quote link\]\(http:\/\/127\.0\.0\.1:\d+\/#\/quote\?doc=framing-the-agenda&exact=.+&p=2&v=[0-9a-f]{12}\)/);
  expect(markdown).toContain("> We must respect every country’s right\n\n— Pasted text (not from the corpus).");

  const expected = { Markdown: ["md", "> “We need"], BibTeX: ["bib", "@misc{framing-the-agenda-p2,"], "CSL-JSON": ["json", '"id": "framing-the-agenda-p2"'], CSV: ["csv", "quote,author,title,source,date,paragraph,link"] };
  for (const [label, [ext, start]] of Object.entries(expected)) {
    await exp.locator("[data-export-format]").focus();
    await exp.locator("[data-export-format]").selectOption(label);
    await expect(text).toHaveValue(new RegExp(start.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await lectern.tabTo(exp.locator("[data-export-download]"));
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe(`lectern-quotes.${ext}`);
    const saved = await readFile((await download.path())!, "utf8");
    // A text field shows line breaks as \n; the CSV file keeps RFC 4180's \r\n.
    expect(saved.replace(/\r\n/g, "\n")).toBe(await text.inputValue());
    if (ext === "csv") expect(saved).toMatch(/^quote,author,title,source,date,paragraph,link\r\n"“We need/);
    await expect(exp.locator('[role="status"]')).toHaveText(`Downloaded lectern-quotes.${ext}.`);
  }
  await exp.locator("[data-export-format]").selectOption("CSL-JSON");
  const json = JSON.parse(await text.inputValue());
  expect(json).toHaveLength(1);
  expect(json[0].URL).toContain("#/quote?");
});

test("a single quote exports from Cite", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}/${PARA.keynote}`);
  const cite = lectern.passage(PARA.keynote).locator("[data-cite]");
  await cite.locator("summary").first().click();
  const exp = cite.locator('[data-export="quote"]');
  await exp.locator("summary").click();
  const markdown = await exp.locator("[data-export-text]").inputValue();
  expect(markdown).toMatch(/^> “We need to respect/);
  expect(markdown).toMatch(new RegExp(`¶${PARA.keynote}\\. \\[Quote link\\]\\(http://127\\.0\\.0\\.1:\\d+/#/quote\\?doc=${ARTICLE}&`));
  await exp.locator("[data-export-format]").selectOption("BibTeX");
  await expect(exp.locator("[data-export-text]")).toHaveValue(/^@misc\{framing-the-agenda-p2,\n  author = \{Jessica Ludwig\},/);
});

test("a quote link works in embed mode", async ({ lectern, page }) => {
  await page.goto(`./?embed=1${link("foreign media outlets such as the New York Times were denied entry", { p: "2" })}`);
  await expect(verdict(lectern)).toHaveText(/^Found at ¶4 \(was ¶2\)/);
});

test.describe("at 320 px", () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const [name, hash] of [
    ["changed", link("foreign media outlets such as the New York Times were refused entry", { p: "4" })],
    ["ambiguous", `#/quote?exact=${encodeURIComponent("Internet sovereignty")}`],
  ]) {
    test(`a ${name} quote link fits the width`, async ({ lectern, page }) => {
      await lectern.open(hash);
      await verdict(lectern).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
