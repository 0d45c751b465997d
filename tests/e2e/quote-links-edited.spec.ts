// Quote links and comparison links made in this build (dist/: the bundled article, verbatim)
// opened in a build of an edited copy of it (tests/fixtures/edited-v2, served by EDITED_PORT;
// built by `make test-e2e`): a ¶ inserted after ¶1 that repeats a sentence of ¶4 in another
// context, a word fixed inside one quote ("Tajikstan"), a word fixed next to another ("seems"),
// a sentence deleted. Every link finds its text again with the right verdict and marks the
// right words, or says that it cannot. The engine test `anchor_versions.rs` anchors the same
// quotes in the same pair natively.
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { test, expect, ARTICLE, ARTICLE_TITLE, PARA } from "./lectern";
import { EDITED_PORT } from "../../playwright.config";

const EDITED = `http://127.0.0.1:${EDITED_PORT}/`;

/** A quote selected in this build, and what the edited build must say of its link. */
type Case = { name: string; para: number; words: string; kind: string; verdict: string; at?: number; now?: string };

const CASES: Case[] = [
  { name: "above the inserted ¶", para: PARA.opening, words: "made clear the theme of China’s second World Internet Conference", kind: "exact", verdict: "Quoted exactly (¶1)", at: 1 },
  { name: "below the inserted ¶", para: PARA.keynote, words: "We should never seek network hegemony", kind: "moved", verdict: "Found at ¶3 (was ¶2)", at: 3 },
  { name: "repeated above in another context", para: PARA.conference, words: "the conference organizers were concerned about controlling media coverage", kind: "moved", verdict: "Found at ¶5 (was ¶4)", at: 5 },
  { name: "a word fixed next to it", para: PARA.kazakhstan, words: "a lack of trust by the international community", kind: "moved", verdict: "Found at ¶6 (was ¶5)", at: 6 },
  {
    name: "a word fixed inside it", para: PARA.kazakhstan, words: "Kyrgyzstan, Tajikstan, and Uzbekistan—were already in China", kind: "changed",
    verdict: "The text has changed since this link was made: 1 word differs", at: 6, now: "Kyrgyzstan, Tajikistan, and Uzbekistan—were already in China",
  },
  // Too short for the fuzzy match (one word of one, one of three): found by their context.
  {
    name: "one misspelt word, fixed", para: PARA.kazakhstan, words: "Tajikstan", kind: "changed",
    verdict: "The text has changed since this link was made: 1 word differs", at: 6, now: "Tajikistan",
  },
  {
    name: "a word fixed inside a short quote", para: PARA.kazakhstan, words: "seems to reflect", kind: "changed",
    verdict: "The text has changed since this link was made: 1 word differs", at: 6, now: "seem to reflect",
  },
  { name: "deleted", para: PARA.last, words: "a new cybersecurity law waiting in the wings", kind: "not-found", verdict: "Not in this version of the corpus" },
];

/** Text as read, without the hidden labels of diff marks ("(changed)"). */
const plain = (locator: Locator) =>
  locator.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll(".visually-hidden").forEach((e) => e.remove());
    return copy.textContent!.trim();
  });

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
}

test("quote links made from a selection find their text in the edited corpus, or say they cannot", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}`);
  const links: string[] = [];
  for (const c of CASES) {
    await lectern.selectInPassage(c.para, c.words);
    const link = page.locator("[data-selection-bar] [data-quote-link]");
    await expect(page.locator("[data-selection-bar]")).toContainText(c.words.slice(0, 30));
    links.push((await link.getAttribute("href"))!);
  }
  for (const [i, c] of CASES.entries()) {
    await lectern.open(links[i], EDITED);
    const verdict = page.locator("[data-quote-verdict]");
    await expect(verdict, c.name).toHaveAttribute("data-quote-verdict", c.kind);
    await expect(verdict, c.name).toHaveText(c.kind === "moved" ? `${c.verdict} in “${ARTICLE_TITLE}”` : c.verdict);
    await expect(page.locator("[data-quote-version]"), "the link names the version it was made in").toBeVisible();
    const place = page.locator(".quote-place");
    if (c.at === undefined) {
      await expect(place).toHaveCount(0);
      await expect(page.locator("[data-view=quote] > [data-quote-text]")).toHaveText(c.words);
    } else {
      await expect(place, c.name).toHaveAttribute("data-passage", String(c.at));
      await expect(place.locator("mark"), c.name).toHaveText(c.now ?? c.words);
    }
  }
  // The changed quote, by keyboard: from its verdict to the ¶ it is in now.
  await lectern.open(links[4], EDITED);
  await lectern.tabTo(page.locator(".quote-place [data-read-in-context]"));
  await page.keyboard.press("Enter");
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", "6");
  await expect(lectern.highlighted()).toContainText("Tajikistan");
});

test("a comparison made in this build keeps its quotes in the edited corpus, each column with its verdict", async ({ lectern, page }) => {
  await lectern.open(`#/doc/${ARTICLE}`);
  for (const c of CASES) {
    await lectern.selectInPassage(c.para, c.words);
    await page.locator("[data-compare-selection]").click();
    await expect(page.locator("[data-compare-now]")).toBeVisible();
  }
  // A whole ¶ over 500 characters travels as start, end and hash; its middle is edited.
  await page.locator(`[data-compare-passage="${PARA.kazakhstan}"]`).click();
  await expect(lectern.tray).toHaveText(`Compare (${CASES.length + 1})`);
  await lectern.tray.click();
  await expect(lectern.columns()).toHaveCount(CASES.length + 1);
  // In the build they were made in, every quote is where it was.
  for (let i = 0; i <= CASES.length; i++) await expect(lectern.columns().nth(i)).toHaveAttribute("data-anchor", "exact");
  const hash = await lectern.hash();
  expect(hash).toMatch(new RegExp(`^#/compare\\?i=q:${ARTICLE}~${PARA.opening}~[0-9a-f]{12}~`));
  expect(hash, "links stay short: the text is escaped once").not.toContain("%25");

  await lectern.open(hash, EDITED);
  const columns = lectern.columns();
  await expect(columns).toHaveCount(CASES.length + 1);
  for (const [i, c] of CASES.entries()) {
    const column = columns.nth(i);
    await expect(column, c.name).toHaveAttribute("data-anchor", c.kind);
    // The column's source names the document, so its verdict does not.
    await expect(column.locator("[data-column-verdict]"), c.name).toHaveText(`${c.verdict} · Quote link`);
    expect(await plain(column.locator("[data-quote-text]")), c.name).toBe(c.now ?? c.words);
    if (c.at === undefined) await expect(column.locator(".column-source a")).toHaveCount(0);
    else await expect(column.locator(".column-source a"), c.name).toHaveAttribute("data-passage", String(c.at));
  }
  const whole = columns.nth(CASES.length);
  await expect(whole).toHaveAttribute("data-anchor", "changed");
  await expect(whole.locator("[data-column-verdict]")).toContainText("the middle of the quote differs");
  await expect(whole.locator(".column-source a")).toHaveAttribute("data-passage", "6");

  // By keyboard: a column's quote link opens the full verdict; the shared comparison is added.
  await lectern.tabTo(columns.nth(1).locator("[data-column-quote-link]"));
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-quote-verdict]")).toHaveAttribute("data-quote-verdict", "moved");
  await page.goBack();
  await lectern.tabTo(page.locator("[data-tray-add]"));
  await page.keyboard.press("Enter");
  await expect(lectern.tray).toHaveText(`Compare (${CASES.length + 1})`);
  // The export quotes the text as it is now, cited at its ¶ now, with the link it came with.
  await page.locator('[data-export="tray"] summary').click();
  const markdown = await page.locator("[data-export-text]").inputValue();
  expect(markdown).toContain(`> ${CASES.find((c) => c.name === "a word fixed inside it")!.now}\n`);
  expect(markdown).toMatch(new RegExp(`¶6\\. \\[Quote link\\]\\(http://127\\.0\\.0\\.1:\\d+/#/quote\\?doc=${ARTICLE}&exact=Kyrgyzstan,%20Tajikstan`));
  // A quote this version no longer holds is not passed off as pasted text.
  const deleted = CASES.find((c) => c.kind === "not-found")!;
  expect(markdown).toContain(`> ${deleted.words}\n\n— No single place in this version of the corpus; its quote link shows what became of it. [Quote link](`);
  await expect(page.locator("[data-export-left-out]")).toHaveCount(0);
  // BibTeX cites sources only: the quote with no place here is left out, and the panel says so.
  await page.locator("[data-export-format]").selectOption("BibTeX");
  await expect(page.locator("[data-export-left-out]")).toHaveText(
    "Left out: 1 quote with no place in this corpus (pasted text, or a quote this version no longer holds); BibTeX cites sources only.",
  );
  await axe(page);
});

test("comparison links from before quote selectors still open, and a quote nothing can place says so", async ({ lectern, page }) => {
  // A ¶ and a span (`p:`), pasted text (`t:`), and a bare selector of words found in many places.
  const items = [`p:${ARTICLE}/${PARA.keynote}`, `p:${ARTICLE}/${PARA.opening}/0-9`, "t:We must respect every country’s right", "q:~~~~Internet sovereignty"];
  const hash = `#/compare?${items.map((i) => `i=${encodeURIComponent(i)}`).join("&")}`;
  for (const at of ["./", EDITED]) {
    await lectern.open(hash, at);
    const columns = lectern.columns();
    await expect(columns).toHaveCount(4);
    expect(await plain(columns.nth(1).locator("[data-quote-text]"))).toBe("Last week");
    await expect(columns.nth(2).locator(".column-source")).toHaveText("Pasted text (not from the corpus)");
    await expect(columns.nth(3)).toHaveAttribute("data-anchor", "ambiguous");
    await expect(columns.nth(3).locator("[data-column-verdict]")).toContainText(/occurs in \d+ places/);
    for (const i of [0, 1, 2]) await expect(columns.nth(i)).not.toHaveAttribute("data-anchor", /.*/);
  }
  await axe(page);
  // A tray saved before quote selectors loads as it was.
  await page.evaluate((saved) => localStorage.setItem("lectern:tray", saved), hash);
  await page.reload();
  await expect(lectern.tray).toHaveText("Compare (4)");
  await lectern.tray.click();
  await expect(lectern.columns()).toHaveCount(4);
  await expect(page.locator("[data-tray-offer]"), "the saved tray is the reader's own comparison").toHaveCount(0);
});
