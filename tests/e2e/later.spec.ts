// Views loaded on first use (src/later.rs, scripts/split-wasm.mjs): the home view fetches none
// of their files; a view fetches its own the first time it is shown (a permalink's reader beside
// the main wasm, the results when the search box gets focus); and a file that does not arrive is
// said in words, with a way to try again.
import { test as plain } from "@playwright/test";
import { test, expect, Lectern, ARTICLE, PARA } from "./lectern";

/** The views' own wasm files and the packs of code they share (the main wasm is lectern-app-…_bg.wasm). */
const PART = /\/lectern-(?!app-)[a-z0-9-]+-[0-9a-f]{16}\.(?:wasm|bin)$/;

test("the home view fetches no view's file; focusing search fetches the results', the concordance its own", async ({ lectern, page }) => {
  const parts: string[] = [];
  page.on("request", (r) => PART.test(r.url()) && parts.push(r.url().split("/").pop()!));
  await lectern.open("#/");
  await expect(page.locator("[data-view=list]")).toBeVisible();
  expect(parts).toEqual([]);
  await lectern.searchBox.focus();
  await expect.poll(() => parts.some((p) => p.startsWith("lectern-search-results-"))).toBe(true);
  await lectern.searchBox.fill("network");
  await expect(lectern.results().first()).toHaveAttribute("data-doc-id", ARTICLE);
  expect(parts.some((p) => p.startsWith("lectern-kwic-"))).toBe(false);

  await lectern.open("#/kwic?q=network");
  await expect(page.locator("[data-kwic]")).toBeVisible();
  expect(parts.some((p) => p.startsWith("lectern-kwic-"))).toBe(true);
  expect(parts.some((p) => p.startsWith("lectern-trends-"))).toBe(false);
});

plain("a permalink fetches the reader's files beside the main wasm, each once", async ({ page }) => {
  const lectern = new Lectern(page);
  const parts: string[] = [];
  let readerAsked: () => void;
  const reader = new Promise<void>((resolve) => (readerAsked = resolve));
  page.on("request", (r) => {
    if (!PART.test(r.url())) return;
    parts.push(r.url().split("/").pop()!);
    if (r.url().includes("/lectern-reader-")) readerAsked();
  });
  // The main wasm is held back until the reader's file is asked for (or 5 s pass): the page must
  // not wait for the main wasm to start fetching the view it opens on.
  let early = false;
  await page.route(/_bg\.wasm$/, async (route) => {
    early = await Promise.race([reader.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
    await route.continue();
  });
  await lectern.open(`#/doc/${ARTICLE}/${PARA.keynote}`);
  await expect(lectern.passage(PARA.keynote)).toBeVisible();
  expect(early).toBe(true);
  expect(parts.filter((p) => p.startsWith("lectern-reader-"))).toHaveLength(1);
  expect(new Set(parts).size).toBe(parts.length);
});

plain("a permalink whose reader file does not arrive says so; Try again shows the passage", async ({ page }) => {
  const lectern = new Lectern(page);
  let offline = true;
  await page.route(PART, (route) => (offline ? route.abort() : route.continue()));
  await page.goto(`./#/doc/${ARTICLE}/${PARA.keynote}`);
  const failed = page.locator("[data-view=load-failed]");
  await expect(failed.getByRole("heading", { name: "This view could not be loaded" })).toBeVisible();
  offline = false;
  await failed.getByRole("button", { name: "Try again" }).click();
  await expect(lectern.passage(PARA.keynote)).toBeVisible();
  await expect(page.locator("[data-view]")).toHaveAttribute("data-view", "reader");
});

plain("a view whose file does not arrive says so, and Try again shows it once the file comes", async ({ page }) => {
  const lectern = new Lectern(page);
  let offline = true;
  await page.route(PART, (route) => (offline ? route.abort() : route.continue()));
  await page.goto("./#/trends?q=network");
  const failed = page.locator("[data-view=load-failed]");
  await expect(failed.getByRole("heading", { name: "This view could not be loaded" })).toBeVisible();
  offline = false;
  await failed.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator("[data-view=trends]")).toBeVisible();
  await expect(failed).toHaveCount(0);
  // The header's search works once the connection is back: the results' own file loads.
  await lectern.searchBox.fill("network");
  await expect(lectern.results().first()).toHaveAttribute("data-doc-id", ARTICLE);
});

plain("a panel whose file does not arrive says so inside its view; Try again fills it", async ({ page }) => {
  const lectern = new Lectern(page);
  let offline = false;
  await page.route(PART, (route) => (offline ? route.abort() : route.continue()));
  await lectern.open(`#/doc/${ARTICLE}/${PARA.keynote}`);
  // The reader's own files are in; the connection goes down before Cite is opened.
  await expect(lectern.passage(PARA.keynote)).toBeVisible();
  offline = true;
  const cite = lectern.passage(PARA.keynote).locator("[data-cite]");
  await cite.locator("summary").first().click();
  const failed = cite.locator("[data-part=load-failed]");
  await expect(failed).toContainText("This could not be loaded.");
  // The page keeps one view: a panel's failure is not the view's.
  await expect(page.locator("[data-view]")).toHaveAttribute("data-view", "reader");
  offline = false;
  await failed.getByRole("button", { name: "Try again" }).click();
  await expect(failed).toHaveCount(0);
  // A panel inside that panel (Export) loads its own file when opened.
  const exp = cite.locator('[data-export="quote"]');
  await exp.locator("summary").click();
  await expect(exp.locator("[data-export-text]")).toHaveValue(/^> “We need to respect/);
});

plain("when the code that reads documents does not arrive, the page says so; a second try reads them", async ({ page }) => {
  const lectern = new Lectern(page);
  let offline = true;
  await page.route(PART, (route) => (offline ? route.abort() : route.continue()));
  await lectern.open("#/");
  const open = async () => {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Open documents…" }).click();
    await (await chooser).setFiles(["tests/fixtures/own/interview.md"]);
  };
  await open();
  await expect(page.locator("[data-own-error]")).toContainText("Your files were not read: this page could not load the code that handles your documents.");
  await expect(lectern.card("interview")).toHaveCount(0);
  offline = false;
  await open();
  await expect(lectern.card("interview")).toHaveAttribute("data-origin", "yours");
  await expect(page.locator("[data-own-error]")).toHaveCount(0);
});
