// Lectern in an iframe on a page from another origin: height messages resize the frame up to a
// maximum (then it scrolls inside itself, never the host page), the hash selects the state, and
// "Open in Lectern" carries it; also inside sandbox="allow-scripts".
import { test, expect, ARTICLE, PARA } from "./lectern";
import { GEN_PORT, HOST_PORT } from "../../playwright.config";

const HOST = `http://127.0.0.1:${HOST_PORT}/tests/e2e/host/embed.html`;

for (const { name, file, sandbox } of [
  { name: "the single file", file: "lectern.html", sandbox: null },
  { name: "the single file, sandbox=allow-scripts", file: "lectern.html", sandbox: "allow-scripts" },
  { name: "dist/index.html", file: "index.html", sandbox: null },
]) {
  test(`embedded (${name}): resized to its content, deep-linked, and opens in full`, async ({ lectern, page, baseURL }) => {
    const src = `${baseURL}${file}?embed=1#/search?q=Kazakhstan`;
    const params = new URLSearchParams({ src, ...(sandbox ? { sandbox } : {}) });
    await page.goto(`${HOST}?${params}`);
    const frame = page.frameLocator("#plain");
    await expect(frame.locator("a.result").first()).toHaveAttribute("data-passage", String(PARA.kazakhstan));
    await expect(frame.locator(".brand")).toHaveCount(0);

    const iframe = page.locator("#plain");
    await expect(iframe).toHaveAttribute("data-lectern-height", /\d+/);
    const reported = Number(await iframe.getAttribute("data-lectern-height"));
    expect(reported).toBeGreaterThan(150);
    expect(Math.round((await iframe.boundingBox())!.height)).toBeGreaterThanOrEqual(Math.min(reported, 800));

    const open = frame.locator("[data-open-full]");
    await expect(open).toHaveAttribute("href", new RegExp(`/${file.replace(".", "\\.")}#/search\\?q=Kazakhstan$`));
    await expect(open).toHaveAttribute("target", "_blank");

    // Opening a paragraph changes the content height, and the frame follows.
    await frame.locator("a.result").first().click();
    await expect(frame.locator("[data-view=reader]")).toBeVisible();
    await expect.poll(async () => Number(await iframe.getAttribute("data-lectern-height"))).not.toBe(reported);
    await expect(open).toHaveAttribute("href", new RegExp(`#/doc/${ARTICLE}/${PARA.kazakhstan}\\?q=Kazakhstan$`));
  });
}

test("messages that are not from the frame, or not of the expected shape, are ignored", async ({ page, baseURL }) => {
  const src = `${baseURL}lectern.html?embed=1#/`;
  await page.goto(`${HOST}?${new URLSearchParams({ src })}`);
  const iframe = page.locator("#plain");
  await expect(iframe).toHaveAttribute("data-lectern-height", /\d+/);
  const before = await iframe.getAttribute("style");
  await page.evaluate(() => {
    for (const data of [{ type: "lectern:height", height: 99999999 }, { type: "lectern:height", height: "500" }, { type: "other", height: 500 }, "lectern:height"]) {
      window.postMessage(data, "*");
    }
    window.postMessage({ type: "lectern:height", height: 777 }, "*"); // right shape, wrong sender
  });
  await page.waitForTimeout(200);
  expect(await iframe.getAttribute("style")).toBe(before);
});

test("the host can select a view, and only a view, by message", async ({ page, baseURL }) => {
  const src = `${baseURL}lectern.html?embed=1#/`;
  await page.goto(`${HOST}?${new URLSearchParams({ src })}`);
  const frame = page.frameLocator("#plain");
  await expect(frame.locator("[data-view=list]")).toBeVisible();
  // The reader is typing in the host page when the host moves the frame to a ¶.
  await page.evaluate(() => {
    const input = document.createElement("input");
    input.id = "host-input";
    document.body.prepend(input);
    input.focus();
  });
  await page.evaluate((hash) => {
    const target = (document.getElementById("plain") as HTMLIFrameElement).contentWindow!;
    target.postMessage({ type: "lectern:navigate", hash: "javascript:alert(1)" }, "*");
    target.postMessage({ type: "lectern:navigate", hash }, "*");
  }, `#/doc/${ARTICLE}/${PARA.keynote}`);
  await expect(frame.locator("[data-view=reader] .is-target")).toHaveAttribute("data-passage", String(PARA.keynote));
  // The frame shows the ¶ without taking focus from the host.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("host-input");
  // Nor does an empty Check, which puts the cursor in its box when the reader opens it.
  await page.evaluate(() => {
    const target = (document.getElementById("plain") as HTMLIFrameElement).contentWindow!;
    target.postMessage({ type: "lectern:navigate", hash: "#/check" }, "*");
  });
  await expect(frame.locator("[data-check-input]")).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("host-input");
});

test("a hidden frame (no animation frames) still gets its search ready", async ({ page, baseURL }) => {
  const src = `${baseURL}lectern.html?embed=1#/search?q=Kazakhstan`;
  await page.goto(`${HOST}?${new URLSearchParams({ src, hidden: "1" })}`);
  const frame = page.frameLocator("#plain");
  await expect(frame.locator("a.result")).not.toHaveCount(0, { timeout: 5_000 });
  await expect(frame.locator("a.result").first()).toHaveAttribute("data-passage", String(PARA.kazakhstan));
});

/** The host page's and the frame's scroll positions. */
async function scrolls(page: import("@playwright/test").Page) {
  const host = await page.evaluate(() => window.scrollY);
  const frame = await page.frame({ url: /embed=1/ })!.evaluate(() => document.scrollingElement!.scrollTop);
  return { host, frame };
}

test("at real sizes (250 documents) the frame stops at 800 px, scrolls inside itself, never the host, and leads back to the results", async ({ page }) => {
  // A host viewport shorter than the frame: scrollIntoView would have to move the host page.
  await page.setViewportSize({ width: 900, height: 400 });
  const src = `http://127.0.0.1:${GEN_PORT}/index.html?embed=1#/search?q=pluntym`;
  await page.goto(`${HOST}?${new URLSearchParams({ src })}`);
  const frame = page.frameLocator("#plain");
  const iframe = page.locator("#plain");
  await expect(frame.locator("a.result").first()).toBeVisible();
  await expect.poll(async () => Number(await iframe.getAttribute("data-lectern-height"))).toBeGreaterThan(800);
  await expect.poll(async () => Math.round((await iframe.boundingBox())!.height)).toBe(800 + 2); // + its 1 px border

  // A long document opened deep: the frame scrolls to the ¶, the host page stays where it was.
  const result = frame.locator("a.result").nth(3);
  const [id, n] = [await result.getAttribute("data-doc-id"), await result.getAttribute("data-passage")];
  expect((await scrolls(page)).host).toBe(0);
  await page.evaluate((hash) => {
    (document.getElementById("plain") as HTMLIFrameElement).contentWindow!.postMessage({ type: "lectern:navigate", hash }, "*");
  }, `#/doc/${id}/${n}?q=pluntym`);
  const target = frame.locator(".passage.is-target");
  await expect(target).toHaveAttribute("data-passage", n!);
  // The frame scrolls (smoothly, unless reduced motion is preferred) until the ¶'s first match
  // is in its view (the ¶ itself, or, in a ¶ longer than the frame, where the match is).
  const inFrame = () =>
    target.locator("mark").first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
  await expect.poll(inFrame, { timeout: 5_000 }).toBe(true);
  expect((await scrolls(page)).frame).toBeGreaterThan(0);
  expect((await scrolls(page)).host).toBe(0);
  expect(Math.round((await iframe.boundingBox())!.height)).toBe(802);

  // The way back to the results, inside the frame.
  await frame.locator("[data-back-to-results]").click();
  await expect(frame.locator("a.result").first()).toBeVisible();
  await expect(frame.locator("[data-back-to-results]")).toHaveCount(0);
  expect((await scrolls(page)).host).toBe(0);
});

test("data-max-height on the iframe sets its cap", async ({ page }) => {
  const src = `http://127.0.0.1:${GEN_PORT}/index.html?embed=1#/search?q=pluntym`;
  await page.goto(`${HOST}?${new URLSearchParams({ src, maxHeight: "500" })}`);
  const iframe = page.locator("#plain");
  await expect.poll(async () => Number(await iframe.getAttribute("data-lectern-height"))).toBeGreaterThan(500);
  await expect.poll(async () => Math.round((await iframe.boundingBox())!.height)).toBe(502);
});

test("in a sandbox that blocks downloads, Save as one file does not claim it saved", async ({ page, baseURL }) => {
  const src = `${baseURL}lectern.html?embed=1#/`;
  await page.goto(`${HOST}?${new URLSearchParams({ src, sandbox: "allow-scripts" })}`);
  const frame = page.frameLocator("#plain");
  await frame.getByRole("button", { name: "Save as one file" }).click();
  await expect(frame.locator("[data-save-status]")).toHaveText(
    "lectern.html was handed to your browser: open it from disk, no network needed. If no download appears, the page around Lectern does not allow downloads: open Lectern in a tab of its own to save.");
});

test("a citation made in the frame links to the full page, not the embedded one", async ({ page, baseURL }) => {
  const src = `${baseURL}index.html?embed=1#/doc/${ARTICLE}/${PARA.keynote}`;
  await page.goto(`${HOST}?${new URLSearchParams({ src })}`);
  const frame = page.frameLocator("#plain");
  const passage = frame.locator(`[data-view=reader] [data-passage="${PARA.keynote}"]`);
  await passage.locator("[data-cite] summary").click();
  await expect(passage.locator('[data-citation="plain"]')).toHaveValue(new RegExp(` ${baseURL}index\\.html#/doc/${ARTICLE}/${PARA.keynote}$`));
});
