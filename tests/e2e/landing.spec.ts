// Where a link lands in the reader, and how it gets there: opening a document jumps straight to
// its ¶ (or its top), however far the view before was scrolled, so the reader sees no text they
// did not ask for and the bar's links do not move under the pointer; moving to another ¶ of the
// same document glides, unless the reader asked for less motion. On the generated corpus
// (target/gen-corpus, built into target/gen-dist by `make test-e2e`), whose documents are long.
import { test, expect, type Lectern } from "./lectern";
import { GEN_PORT } from "../../playwright.config";

const AT = `http://127.0.0.1:${GEN_PORT}/`;

/** The list scrolled to its end, and a document (not the list's last) with its ¶ count. */
async function scrolledList(lectern: Lectern): Promise<{ id: string; last: number }> {
  await lectern.open("#/", AT);
  await lectern.listReady();
  await lectern.page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: "instant" }));
  expect(await lectern.page.evaluate(() => scrollY)).toBeGreaterThan(2000);
  const id = (await lectern.view("list").locator("[data-doc-id]").nth(2).getAttribute("data-doc-id"))!;
  return { id, last: await documentLength(lectern, id) };
}

/** How many ¶ document `id` has, read from its reader without leaving the current view. */
async function documentLength(lectern: Lectern, id: string): Promise<number> {
  const page = await lectern.page.context().newPage();
  await page.goto(`${AT}#/doc/${id}`);
  const passages = page.locator("[data-view=reader] [data-passage]");
  await passages.first().waitFor();
  const count = await passages.count();
  await page.close();
  expect(count).toBeGreaterThanOrEqual(10);
  return count;
}

test("a link to a ¶ of another document lands on it at once, from a view scrolled far down", async ({ lectern, page }) => {
  const { id, last } = await scrolledList(lectern);
  const ys = await lectern.scrollsAfterLanding(lectern.passage(last), () => page.evaluate((h) => { location.hash = h; }, `#/doc/${id}/${last}`));
  expect(new Set(ys).size).toBe(1);
  expect(await lectern.inViewport(lectern.passage(last))).toBe(true);
});

test("the next document opens at its top at once, from deep in the one before", async ({ lectern, page }) => {
  const { id, last } = await scrolledList(lectern);
  await page.evaluate((h) => { location.hash = h; }, `#/doc/${id}/${last}`);
  await expect(lectern.passage(last)).toBeFocused();
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
  const title = lectern.view("reader").locator("#doc-title");
  const ys = await lectern.scrollsAfterLanding(title, () => lectern.docStep("next").click());
  expect(ys).toEqual(ys.map(() => 0));
});

test("another ¶ of the same document is reached by gliding, or at once with reduced motion", async ({ lectern, page }) => {
  await lectern.open("#/", AT);
  const id = (await lectern.view("list").locator("[data-doc-id]").first().getAttribute("data-doc-id"))!;
  const last = await documentLength(lectern, id);
  const go = (n: number) => () => page.evaluate((h) => { location.hash = h; }, `#/doc/${id}/${n}`);

  await lectern.open(`#/doc/${id}/1`, AT);
  await expect(lectern.passage(1)).toBeFocused();
  const gliding = await lectern.scrollsAfterLanding(lectern.passage(last), go(last));
  expect(new Set(gliding).size).toBeGreaterThan(1);

  await page.emulateMedia({ reducedMotion: "reduce" });
  const jumping = await lectern.scrollsAfterLanding(lectern.passage(1), go(1));
  expect(new Set(jumping).size).toBe(1);
});

/** Where ¶`n` sits after landing: its top and bottom against the bottom of the reader's sticky
 *  bar and the bottom of the window, and whether it is taller than the room between them. */
async function landedAt(lectern: Lectern, n: number) {
  await expect(lectern.passage(n)).toBeFocused();
  // Let any glide finish: the ¶ is where it will stay once the page has not moved for 150 ms
  // (a glide may wait a frame or two before it starts, so frame to frame is too short).
  await lectern.page.waitForFunction(() => new Promise((done) => { const y = scrollY; setTimeout(() => done(scrollY === y), 150); }));
  return lectern.passage(n).evaluate((el) => {
    const bar = document.querySelector("[data-doc-bar]")!.getBoundingClientRect().bottom;
    const r = el.getBoundingClientRect();
    return { top: r.top - bar, bottom: innerHeight - r.bottom, tall: r.height > innerHeight - bar };
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("a ¶ taller than the window lands with its start just below the bar; a short one whole, below it", async ({ lectern }) => {
    const { id, last } = await scrolledList(lectern);
    // The longest ¶ of a long document and its shortest.
    await lectern.open(`#/doc/${id}`, AT);
    const heights = await lectern.view("reader").locator("[data-passage]").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    const longest = heights.indexOf(Math.max(...heights)) + 1;
    const shortest = heights.indexOf(Math.min(...heights)) + 1;
    expect(heights.length).toBe(last);

    // Opened cold, as a shared permalink is.
    await lectern.page.goto("about:blank");
    await lectern.open(`#/doc/${id}/${longest}?q=the`, AT);
    const tall = await landedAt(lectern, longest);
    expect(tall.tall, "the longest ¶ must be taller than the window for this test").toBe(true);
    expect(tall.top).toBeGreaterThanOrEqual(0);
    expect(tall.top).toBeLessThanOrEqual(24);

    await lectern.page.goto("about:blank");
    await lectern.open(`#/doc/${id}/${shortest}`, AT);
    const short = await landedAt(lectern, shortest);
    expect(short.tall).toBe(false);
    expect(short.top).toBeGreaterThanOrEqual(0);
    expect(short.bottom).toBeGreaterThanOrEqual(0);
  });
});
