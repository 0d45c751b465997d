// The list of documents at scale (a generated corpus of 250 documents, target/gen-dist): filter
// as you type over titles, authors and dates, sort by title, date, author or size, the count of
// shown/all, all kept in the address; and how long the list takes to render.
import { test, expect } from "./lectern";
import { GEN_PORT } from "../../playwright.config";

const GEN = `http://127.0.0.1:${GEN_PORT}/`;
const TOTAL = 250;
/** The generator leaves out every 25th document's author and every 40th's date. */
const WITHOUT_AUTHOR = 10;
const WITHOUT_DATE = 6;

test("filter by author as you type, kept in the address; clearing it shows all", async ({ lectern, page }) => {
  await page.goto(`${GEN}#/`);
  await expect(lectern.listCount).toHaveText(/^250 documents · \d+ paragraphs$/);
  await expect(lectern.view("list").locator("li.card")).toHaveCount(TOTAL);

  await lectern.listFilter.pressSequentially("writ");
  await expect(lectern.listCount).toHaveText(`${TOTAL - WITHOUT_AUTHOR} of ${TOTAL} documents`);
  await expect(lectern.view("list").locator("li.card")).toHaveCount(TOTAL - WITHOUT_AUTHOR);
  expect(await lectern.hash()).toBe("#/?filter=writ");

  // A title word narrows to the documents whose title, author or date has a word starting so.
  const title = (await lectern.view("list").locator("li.card h2").nth(7).textContent())!;
  const word = title.split(" ")[1].toLowerCase();
  await lectern.listFilter.fill(word);
  const shown = lectern.view("list").locator("li.card");
  const n = await shown.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(TOTAL);
  await expect(lectern.listCount).toHaveText(`${n} of ${TOTAL} documents`);
  for (const text of await shown.allTextContents()) expect(text.toLowerCase()).toMatch(new RegExp(`\\b${word}`));

  // The filter survives a reload (it is in the address) and Back leaves the list as a whole.
  await page.reload();
  await expect(lectern.listFilter).toHaveValue(word);
  await expect(shown).toHaveCount(n);
  await lectern.listFilter.fill("no-such-thing-anywhere");
  await expect(page.locator("[data-list-empty]")).toBeVisible();
  await page.locator("[data-list-empty] button").click();
  await expect(shown).toHaveCount(TOTAL);
  expect(await lectern.hash()).toBe("#/");
});

test("sort by date, author and size; undated and authorless documents come last", async ({ lectern, page }) => {
  await page.goto(`${GEN}#/`);
  await lectern.listReady();
  const titles = () => lectern.view("list").locator("li.card h2").allTextContents();
  const byTitle = await titles();
  expect(byTitle).toEqual([...byTitle].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));

  await lectern.listSort.selectOption("date");
  expect(await lectern.hash()).toBe("#/?sort=date");
  await lectern.listReady();
  const dates = await lectern.view("list").locator("li.card").evaluateAll((cards) =>
    cards.map((c) => c.querySelector("time")?.getAttribute("datetime") ?? null),
  );
  const dated = dates.filter((d): d is string => d !== null);
  expect(dated).toHaveLength(TOTAL - WITHOUT_DATE);
  expect(dates.slice(-WITHOUT_DATE)).toEqual(Array(WITHOUT_DATE).fill(null));
  expect(dated).toEqual([...dated].sort());

  await lectern.listSort.selectOption("author");
  expect(await lectern.hash()).toBe("#/?sort=author");
  await lectern.listReady();
  const authors = await lectern.view("list").locator("li.card").evaluateAll((cards) =>
    cards.map((c) => c.querySelector("[data-meta=author]")?.textContent ?? null),
  );
  expect(authors.slice(-WITHOUT_AUTHOR)).toEqual(Array(WITHOUT_AUTHOR).fill(null));
  expect(authors.slice(0, -WITHOUT_AUTHOR).every((a) => a !== null)).toBe(true);

  await lectern.listSort.selectOption("size");
  expect(await lectern.hash()).toBe("#/?sort=size");
  await lectern.listReady();
  const paragraphs = await lectern.view("list").locator("[data-meta=passages]").allTextContents();
  expect(paragraphs).toHaveLength(TOTAL);

  // Filter and sort together, from a shared address; a malformed sort falls back to title.
  await page.goto(`${GEN}#/?filter=writer&sort=date`);
  await expect(lectern.listSort).toHaveValue("date");
  await expect(lectern.listFilter).toHaveValue("writer");
  await expect(lectern.listCount).toHaveText(`${TOTAL - WITHOUT_AUTHOR} of ${TOTAL} documents`);
  await page.goto(`${GEN}#/?sort=bogus`);
  await expect(lectern.listSort).toHaveValue("title");
  await lectern.listReady();
  expect(await titles()).toEqual(byTitle);
});

test("the list at 250 documents: render times, and no long task while filtering and sorting", async ({ lectern, page }) => {
  await page.goto(`${GEN}#/about`);
  await lectern.view("list").or(page.locator("[data-view=about]")).waitFor();
  // Let the index decode (after the first render) before measuring.
  await lectern.searchBox.fill("pluntym");
  await expect(lectern.results().first()).toBeVisible();
  await lectern.watchLongTasks();
  const full = await lectern.timeTo("#/", "li.card", TOTAL);
  await lectern.listSort.selectOption("date");
  const firstByDate = (await lectern.cardIds())[0];
  await lectern.listSort.selectOption("title");
  const sorted = await lectern.timeTo("#/?sort=date", `ul.cards > li:first-child[data-doc-id="${firstByDate}"]`);
  const filtered = await lectern.timeTo("#/?sort=date&filter=writer", `ul.cards > li:nth-child(${TOTAL - WITHOUT_AUTHOR}):last-child`);
  const tasks = await lectern.longTasks();
  console.log(`list at ${TOTAL} documents: full render ${full.toFixed(1)} ms, re-sort ${sorted.toFixed(1)} ms, filter ${filtered.toFixed(1)} ms; long tasks ${JSON.stringify(tasks.map(Math.round))}`);
  expect(full).toBeLessThan(1000);
});
