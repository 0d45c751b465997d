// Lectern in an iframe on a page from another origin: height messages resize the frame, the
// hash selects the state, and "Open in Lectern" carries it; also inside sandbox="allow-scripts".
import { test, expect, ARTICLE, PARA } from "./lectern";
import { HOST_PORT } from "../../playwright.config";

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
    expect(Math.round((await iframe.boundingBox())!.height)).toBeGreaterThanOrEqual(reported);

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
  await page.evaluate((hash) => {
    const target = (document.getElementById("plain") as HTMLIFrameElement).contentWindow!;
    target.postMessage({ type: "lectern:navigate", hash: "javascript:alert(1)" }, "*");
    target.postMessage({ type: "lectern:navigate", hash }, "*");
  }, `#/doc/${ARTICLE}/${PARA.keynote}`);
  await expect(frame.locator("[data-view=reader] .is-target")).toHaveAttribute("data-passage", String(PARA.keynote));
});

test("a hidden frame (no animation frames) still gets its search ready", async ({ page, baseURL }) => {
  const src = `${baseURL}lectern.html?embed=1#/search?q=Kazakhstan`;
  await page.goto(`${HOST}?${new URLSearchParams({ src, hidden: "1" })}`);
  const frame = page.frameLocator("#plain");
  await expect(frame.locator("a.result")).not.toHaveCount(0, { timeout: 5_000 });
  await expect(frame.locator("a.result").first()).toHaveAttribute("data-passage", String(PARA.kazakhstan));
});
