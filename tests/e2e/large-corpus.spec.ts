// Search on a generated corpus of 250 documents (target/gen-corpus, built into target/gen-dist
// by `make test-e2e`): every result is reachable through "Show more" and Back returns to as
// many, the counts agree with the corpus files, a title or an id finds its document first, and
// the reader links to the neighbouring documents.
import { readdirSync, readFileSync } from "node:fs";
import { test, expect } from "./lectern";
import { GEN_CORPUS, GEN_PORT } from "../../playwright.config";

const AT = `http://127.0.0.1:${GEN_PORT}/`;

type Doc = { id: string; title: string; passages: string[] };
const DOCS: Doc[] = readdirSync(GEN_CORPUS)
  .filter((f) => f.endsWith(".md"))
  .sort()
  .map((f) => {
    const [, front, body] = readFileSync(`${GEN_CORPUS}/${f}`, "utf8").match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/)!;
    const passages = body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    return { id: f.replace(/\.md$/, ""), title: front.match(/^title: "(.*)"$/m)![1], passages };
  });

/** A passage's words as the engine indexes them: lowercase, and hyphenated pairs also joined. */
function words(passage: string): Set<string> {
  const out = new Set<string>();
  for (const [run] of passage.toLowerCase().matchAll(/[a-z0-9]+(?:-[a-z0-9]+)*/g)) {
    const parts = run.split("-");
    parts.forEach((p, i) => {
      out.add(p);
      if (i + 1 < parts.length) out.add(p + parts[i + 1]);
    });
  }
  return out;
}

const PASSAGES = DOCS.flatMap((d) => d.passages.map((text) => ({ id: d.id, words: words(text) })));
const VOCABULARY = new Set(PASSAGES.flatMap((p) => [...p.words]));

/** Three-letter function words (crates/engine/src/stopwords.rs): a query of one counts differently. */
const FUNCTION_WORDS = "all and any are but can did few for had has her him his how its may nor not off our out own she the too was who why yet you".split(" ");

/** A three-letter start of words (too short for typo tolerance) that search expands to every
 *  word it starts (at most 24), matching 45 to 100 passages: more than two pages. */
const PREFIX = (() => {
  const starts = new Set([...VOCABULARY].filter((w) => /^[a-z]{3}/.test(w)).map((w) => w.slice(0, 3)));
  for (const start of [...starts].sort()) {
    if (FUNCTION_WORDS.includes(start)) continue;
    const completions = [...VOCABULARY].filter((w) => w.startsWith(start) && w !== start);
    if (completions.length > 24) continue;
    const matching = PASSAGES.filter((p) => [...p.words].some((w) => w.startsWith(start)));
    if (matching.length >= 45 && matching.length <= 100) {
      return { start, passages: matching.length, documents: new Set(matching.map((p) => p.id)).size };
    }
  }
  throw new Error(`no suitable prefix in ${GEN_CORPUS}; regenerate it with \`make test-e2e\``);
})();

test("the corpus has hundreds of documents", () => {
  expect(DOCS.length).toBeGreaterThanOrEqual(200);
});

/** Focus is on the first result, in page order, that Show more added (ranked `first` or
 *  lower): results are grouped by document, so a new one can be listed above older ones. */
async function expectFocusOnFirstNew(page: import("@playwright/test").Page, first: number) {
  await expect(page.locator(":focus")).toHaveAttribute("data-rank", /\d+/);
  const { ranks, at } = await page.evaluate(() => {
    const links = [...document.querySelectorAll("a[data-rank]")];
    return { ranks: links.map((a) => Number(a.getAttribute("data-rank"))), at: links.indexOf(document.activeElement as Element) };
  });
  expect(at).toBe(ranks.findIndex((r) => r >= first));
}

test("counts are of every match, and Show more reaches every result; Back returns to as many", async ({ lectern, page }) => {
  const { start, passages, documents } = PREFIX;
  await lectern.open(`#/search?q=${start}`, AT);
  await expect(lectern.results()).toHaveCount(20);
  await expect(lectern.status).toHaveText(`${passages} passages in ${documents} documents, the best 20 shown.`);
  expect(await lectern.resultCount()).toBe(passages);

  // Show more until every passage is listed; focus moves to the first new result each time.
  for (let shown = 40; shown < passages + 20; shown += 20) {
    await lectern.showMore.click();
    await expect(lectern.results()).toHaveCount(Math.min(shown, passages));
    expect(await lectern.hash()).toBe(`#/search?q=${start}&n=${shown}`);
    await expectFocusOnFirstNew(page, shown - 19);
  }
  await expect(lectern.showMore).toHaveCount(0);
  await expect(lectern.status).toHaveText(`${passages} passages in ${documents} documents.`);
  const listed = await lectern.hash();

  // Open the last result, come back by the link and by Back: the same results, all of them.
  await lectern.results().last().click();
  await expect(lectern.view("reader")).toBeVisible();
  await expect(lectern.backToResults).toHaveAttribute("href", listed);
  await page.goBack();
  await expect(lectern.results()).toHaveCount(passages);
  expect(await lectern.hash()).toBe(listed);
  await lectern.results().first().click();
  await lectern.backToResults.click();
  await expect(lectern.results()).toHaveCount(passages);
});

test("Show more by keyboard: Enter on the button, focus on the first new result", async ({ lectern, page }) => {
  await lectern.open(`#/search?q=${PREFIX.start}`, AT);
  await expect(lectern.results()).toHaveCount(20);
  await lectern.showMore.focus();
  await page.keyboard.press("Enter");
  await expect(lectern.results()).toHaveCount(40);
  await expectFocusOnFirstNew(page, 21);
  await expect(lectern.status).toHaveText(/the best 40 shown/);
});

test("a title or an id finds the document itself first, a long quotation finds none", async ({ lectern, page }) => {
  const doc = DOCS[123];
  await lectern.open("#/", AT);
  await lectern.searchBox.fill(doc.title);
  await expect(lectern.docResults().first()).toHaveAttribute("data-doc-id", doc.id);
  await expect(lectern.docResults().first()).toContainText(doc.title);

  await lectern.searchBox.fill(doc.id);
  await expect(lectern.docResults().first()).toHaveAttribute("data-doc-id", doc.id);
  // Enter opens the best result, the document.
  await lectern.searchBox.press("Enter");
  await expect(lectern.view("reader")).toHaveAttribute("data-doc-id", doc.id);
  await expect(lectern.backToResults).toBeVisible();

  const quotation = doc.passages[1].split(" ").slice(0, 25).join(" ");
  await lectern.searchBox.fill(quotation);
  await expect(lectern.results().first()).toHaveAttribute("data-doc-id", doc.id);
  await expect(lectern.results().first()).toHaveAttribute("data-passage", "2");
  await expect(lectern.docResults()).toHaveCount(0);
  await page.keyboard.press("Escape");
});

test("the reader keeps the title in view and links to the previous and next documents", async ({ lectern, page }) => {
  const [before, doc, after] = DOCS.slice(99, 102);
  await lectern.open(`#/doc/${doc.id}/${doc.passages.length}`, AT);
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", String(doc.passages.length));
  await expect(lectern.docBar).toContainText(doc.title);
  await expect.poll(() => lectern.inViewport(lectern.docBar)).toBe(true);
  await expect(lectern.backToResults).toHaveCount(0);
  await expect(lectern.docStep("prev")).toHaveAccessibleName(`Previous document: ${before.title}`);
  await expect(lectern.docStep("next")).toHaveAccessibleName(`Next document: ${after.title}`);
  await lectern.docStep("next").click();
  await expect(lectern.view("reader")).toHaveAttribute("data-doc-id", after.id);
  await page.goBack();
  await expect(lectern.view("reader")).toHaveAttribute("data-doc-id", doc.id);

  await lectern.open(`#/doc/${DOCS[0].id}`, AT);
  await expect(lectern.docStep("prev")).toHaveCount(0);
  await expect(lectern.docStep("next")).toHaveAttribute("href", `#/doc/${DOCS[1].id}`);
});
