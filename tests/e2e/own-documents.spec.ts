// A reader's own documents: opened with "Open documents…", a folder, or dropped on the page;
// parsed by the build's rules (a bad file listed with the build's message), searchable and
// readable like the page's own, kept across a reload unless storage is refused, forgotten on
// request, and saved with the app as one file that works from disk with no network.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test, expect, ARTICLE } from "./lectern";

const FIXTURE = "tests/fixtures/own";
const FILES = readdirSync(FIXTURE).map((name) => join(FIXTURE, name));
/** The documents the fixture folder brings, by id (the clash with the article gets "-2"). */
const BROUGHT = ["framing-the-agenda-2", "interview", "notes", "speech"];

async function openFiles(page: import("@playwright/test").Page, files: string[]) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open documents…" }).click();
  await (await chooser).setFiles(files);
}

test("Open documents…: good files load beside the page's, a bad one is listed with the build's message", async ({ lectern, page }) => {
  await lectern.open("#/");
  await openFiles(page, FILES);
  for (const id of BROUGHT) await expect(lectern.card(id)).toHaveAttribute("data-origin", "yours");
  await expect(lectern.card(ARTICLE)).toHaveAttribute("data-origin", "page");
  await expect(lectern.card("interview")).toContainText("Yours");
  await expect(page.locator("[data-own-error]")).toHaveText(["untitled.md:1: the document has no title. Fix: add `title: Your title` to the front matter between the `---` lines."]);
  await expect(page.locator("[data-list-count]")).toContainText("5 documents");
  // The HTML page's text, through the browser's parser: no script ran, nothing was fetched.
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(lectern.card("speech")).toContainText("Remarks at the Harbour Festival");

  // The same file opened again is said to be open already, not shown (and counted) twice.
  await openFiles(page, [join(FIXTURE, "notes.txt")]);
  await expect(page.locator("[data-own-error]")).toHaveText(["notes.txt: the same document is already open as `notes`, word for word, so it was not added twice. Fix: none needed; to open a changed version, save the file first."]);
  await expect(page.locator("[data-list-count]")).toContainText("5 documents");
  await expect(lectern.card("notes-2")).toHaveCount(0);

  await lectern.searchBox.fill("fogbund mornings");
  await expect(lectern.results().first()).toHaveAttribute("data-doc-id", "interview");
  await expect(lectern.results().first()).toHaveAttribute("data-passage", "1");
  await lectern.results().first().click();
  await expect(lectern.highlighted()).toContainText("fogbound mornings");

  await lectern.open("#/doc/speech");
  await expect(lectern.passages()).toHaveText([
    "Remarks at the Harbour Festival",
    "Friends, neighbours, and sailors: the harbour is our common inheritance.",
    "We dredged the channel together and we will keep it open together.",
    "Keep the lights lit.",
    "Keep the charts true.",
  ].map((t) => new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))));

  // A citation of the reader's own document gives no link and no corpus version: no one else's
  // copy holds it.
  await lectern.passage(3).locator("[data-cite] summary").click();
  await expect(lectern.passage(3).locator('[data-citation="plain"]')).toHaveValue(
    /^“We dredged the channel together and we will keep it open together\.” — .*¶3\. From the citer’s own documents, opened in Lectern; not a shareable link\.$/);
  await expect(lectern.passage(3).locator('[data-citation="quote-link"]')).toHaveCount(0);
});

test("a folder through its picker, then check and compare on the loaded documents", async ({ lectern, page }) => {
  await lectern.open("#/");
  await page.locator("[data-open-folder]").setInputFiles(resolve(FIXTURE));
  await expect(lectern.card("notes")).toHaveAttribute("data-origin", "yours");
  await expect(lectern.card("interview")).toHaveAttribute("data-origin", "yours");

  await lectern.open("#/check");
  await page.locator("[data-check-input]").fill("The tide does not care what the schedule says");
  await page.locator("[data-check-submit]").click();
  await expect(lectern.verdict).toHaveAttribute("data-verdict", "exact");

  await page.goto(`./#/compare?i=${encodeURIComponent("p:notes/1")}&i=${encodeURIComponent("t:The keeper logs each passing vessel in a ledger")}`);
  await expect(lectern.columns()).toHaveCount(2);
  await expect(lectern.columns().first()).toContainText("ledger bound in green cloth");
});

test("files dropped on the page load like opened ones", async ({ lectern, page }) => {
  await lectern.open("#/search?q=ledger%20green%20cloth");
  const notes = readFileSync(join(FIXTURE, "notes.txt"), "utf8");
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "notes.txt", { type: "text/plain" }));
    for (const type of ["dragover", "drop"]) window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, notes);
  await expect(lectern.results().first()).toHaveAttribute("data-doc-id", "notes");
});

test("kept after a reload, gone after Forget my documents", async ({ lectern, page }) => {
  await lectern.open("#/");
  await openFiles(page, [join(FIXTURE, "notes.txt")]);
  await expect(page.locator('[data-own-kept="browser"]')).toBeVisible();
  await page.reload();
  await expect(lectern.card("notes")).toHaveAttribute("data-origin", "yours");
  await page.getByRole("button", { name: "Forget my documents" }).click();
  await expect(lectern.card("notes")).toHaveCount(0);
  await page.reload();
  await lectern.anyView.waitFor();
  await expect(lectern.card(ARTICLE)).toBeVisible();
  await expect(lectern.card("notes")).toHaveCount(0);
});

test("where storage throws, the documents last as long as the page, and the page says so", async ({ lectern, page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  await lectern.open("#/");
  await openFiles(page, [join(FIXTURE, "interview.md")]);
  await expect(lectern.card("interview")).toHaveAttribute("data-origin", "yours");
  await expect(page.locator('[data-own-kept="page"]')).toContainText("they last until you close this page");
});

test("Save as one file: the app and every document in one HTML file that works from disk, offline", async ({ lectern, page, context }, info) => {
  await lectern.open("#/");
  await openFiles(page, [join(FIXTURE, "interview.md"), join(FIXTURE, "notes.txt")]);
  await expect(lectern.card("interview")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save as one file" }).click();
  const saved = info.outputPath("lectern.html");
  await (await download).saveAs(saved);
  expect((await download).suggestedFilename()).toBe("lectern.html");

  await context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  await page.goto(`file://${saved}#/`);
  await expect(lectern.card("interview")).toHaveAttribute("data-origin", "page");
  await expect(lectern.card(ARTICLE)).toBeVisible();
  await lectern.searchBox.fill("green cloth ledger");
  await expect(lectern.results().first()).toHaveAttribute("data-doc-id", "notes");
  await page.goto(`file://${saved}#/about`);
  await expect(page.locator('[data-about="documents"]')).toContainText("3 documents");
  await expect(page.locator('[data-about="checksum"]')).toHaveText(/^[0-9a-f]{64}$/);
});

test("from the single file on disk: open, save, and the saved file opens and saves more, offline", async ({ lectern, page, context }, info) => {
  await context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  await page.goto(`file://${resolve("pkg/lectern.html")}#/`);
  await openFiles(page, [join(FIXTURE, "interview.md")]);
  await expect(lectern.card("interview")).toHaveAttribute("data-origin", "yours");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save as one file" }).click();
  const saved = info.outputPath("lectern.html");
  await (await download).saveAs(saved);

  await page.goto(`file://${saved}#/`);
  await expect(lectern.card("interview")).toHaveAttribute("data-origin", "page");
  // The documents kept for the copy they were opened in stay with it: the saved file shows its
  // own, once, not "interview-2" beside them.
  await page.waitForTimeout(1000);
  await expect(page.locator('[data-origin="yours"]')).toHaveCount(0);
  await expect(page.locator("[data-list-count]")).toContainText("2 documents");
  await openFiles(page, [join(FIXTURE, "notes.txt")]);
  await expect(lectern.card("notes")).toHaveAttribute("data-origin", "yours");
  await lectern.searchBox.fill("harbour pilot fogbound");
  await expect(lectern.results().first()).toHaveAttribute("data-doc-id", "interview");

  // Every file on disk has one origin: another copy of the app shows none of these documents,
  // and the first copy still has its own after all this.
  const other = info.outputPath("someone-elses.html");
  copyFileSync(resolve("pkg/lectern.html"), other);
  await page.goto(`file://${other}#/`);
  await expect(lectern.card(ARTICLE)).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(page.locator('[data-origin="yours"]')).toHaveCount(0);
  await expect(page.locator("[data-list-count]")).toContainText("1 document");
  await page.goto(`file://${resolve("pkg/lectern.html")}#/`);
  await expect(lectern.card("interview")).toHaveAttribute("data-origin", "yours");
});

test("a search hit deep in a ¶ longer than the window is shown, not the ¶'s first lines", async ({ lectern, page }, info) => {
  // A .txt with single newlines is one ¶, pages long.
  const long = info.outputPath("long-notes.txt");
  const filler = Array.from({ length: 4000 }, (_, i) => `line ${i} of the harbour log`).join("\n");
  writeFileSync(long, `${filler}\nthe quartermaster signed at the end.\n`);
  await lectern.open("#/");
  await openFiles(page, [long]);
  await expect(lectern.card("long-notes")).toBeVisible();
  await lectern.searchBox.fill("quartermaster");
  await lectern.results().first().click();
  const mark = lectern.highlighted().locator("mark").first();
  await expect(mark).toHaveText("quartermaster");
  await expect.poll(() => mark.evaluate((m) => {
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }), { timeout: 5_000 }).toBe(true);
  await expect(page.locator("#p-1")).toBeFocused();
});

test("an older web page, saved as windows-1252, reads as written", async ({ lectern, page }, info) => {
  const old = info.outputPath("menu.html");
  writeFileSync(old, Buffer.from('<html><head><meta charset="windows-1252"><title>Caf\xe9 menu</title></head><body><p>Cr\xe8me br\xfbl\xe9e, \x93as before\x94.</p></body></html>', "latin1"));
  await lectern.open("#/");
  await openFiles(page, [old]);
  await expect(lectern.card("menu")).toContainText("Café menu");
  await lectern.open("#/doc/menu");
  await expect(lectern.passages()).toHaveText([/Crème brûlée, “as before”\./]);
});

test("Cancel stops a load and leaves the page as it was", async ({ lectern, page }) => {
  const generated = readdirSync("target/gen-corpus").map((name) => join("target/gen-corpus", name));
  await lectern.open("#/");
  await openFiles(page, generated);
  await page.locator("[data-own-cancel]").click();
  await expect(page.locator("[data-own-progress]")).toHaveCount(0);
  await page.waitForTimeout(500);
  await expect(page.locator('[data-origin="yours"]')).toHaveCount(0);
  await expect(page.locator("[data-list-count]")).toContainText("1 document");
});
