// Views loaded on first use (src/later.rs, scripts/split-wasm.mjs): the first view fetches none
// of their files; a view fetches its own the first time it is shown; and a file that does not
// arrive is said in words, with a way to try again.
import { test as plain } from "@playwright/test";
import { test, expect, Lectern, ARTICLE, PARA } from "./lectern";

/** The views' own wasm files (the main wasm is lectern-app-…_bg.wasm). */
const PART = /\/lectern-(?!app-)[a-z0-9-]+-[0-9a-f]{16}\.wasm$/;

test("the first view fetches no view's file; the concordance fetches its own when first shown", async ({ lectern, page }) => {
  const parts: string[] = [];
  page.on("request", (r) => PART.test(r.url()) && parts.push(r.url().split("/").pop()!));
  await lectern.open("#/");
  await lectern.searchBox.fill("network");
  await expect(lectern.results().first()).toHaveAttribute("data-doc-id", ARTICLE);
  expect(parts).toEqual([]);

  await lectern.open("#/kwic?q=network");
  await expect(page.locator("[data-kwic]")).toBeVisible();
  expect(parts.some((p) => p.startsWith("lectern-kwic-"))).toBe(true);
  expect(parts.some((p) => p.startsWith("lectern-trends-"))).toBe(false);
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
  // The header's search still works: the main wasm was never in question.
  await lectern.searchBox.fill("network");
  await expect(lectern.results().first()).toHaveAttribute("data-doc-id", ARTICLE);
});

plain("a panel whose file does not arrive says so inside its view; Try again fills it", async ({ page }) => {
  const lectern = new Lectern(page);
  let offline = true;
  await page.route(PART, (route) => (offline ? route.abort() : route.continue()));
  await lectern.open(`#/doc/${ARTICLE}/${PARA.keynote}`);
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
