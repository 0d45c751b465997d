// 10,000 random and mutated hashes — garbage, huge numbers, unknown ids, broken
// percent-encoding, script-looking text, 100 KB long — each show a view with a way back and
// never crash the app. Chromium ignores more than about 200 address changes in 10 seconds per
// page, so the hashes go in batches of 190, each in a fresh page.
import { test, expect } from "@playwright/test";

const TOTAL = 10_000;
const BATCH = 190;

function hashes(): string[] {
  const parts = [
    "#/", "doc/", "framing-the-agenda", "nope/", "search?q=", "compare?i=", "check?q=", "similar/", "quotes", "about", "/", "?", "&", "=",
    "%", "%E4", "%ZZ", "%00", "99999999999999999999999", "-1", "0", "3", "7", "8", "p%3Aframing-the-agenda%2F1", "t%3A", "p:x/1/0-99999",
    "<script>", "javascript:", "☃", "\u202e", "#", "+", " ", "..", "%2F", "i=", "q=", "\u0000", "𝒳",
  ];
  let state = 0x2545f491;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const out: string[] = [];
  for (let i = 0; i < TOTAL; i++) {
    let h = "";
    for (let k = next() % 12; k >= 0; k--) h += parts[next() % parts.length];
    if (i % 1000 === 0) h += "x".repeat(100_000);
    out.push(h);
  }
  return out;
}

test("10,000 random hashes each show a view with a way back", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const all = hashes();
  const problems: string[] = [];
  let checked = 0;
  for (let start = 0; start < all.length; start += BATCH) {
    const page = await browser.newPage();
    page.on("pageerror", (e) => problems.push(`exception: ${e.message}`));
    page.on("console", (m) => {
      // Chromium says so when it starts ignoring address changes; then the batch proved nothing.
      if (m.type() === "error" || /Throttling navigation/i.test(m.text())) problems.push(`console: ${m.text().slice(0, 200)}`);
    });
    await page.goto(baseURL!);
    await page.locator("[data-view]").first().waitFor();
    const result = await page.evaluate(async (batch) => {
      const failures: string[] = [];
      let done = 0;
      for (const hash of batch) {
        location.hash = hash;
        window.dispatchEvent(new HashChangeEvent("hashchange"));
        await Promise.resolve();
        await Promise.resolve();
        const shown = document.querySelector("main [data-view]");
        const home = document.querySelector("[data-nav=home]");
        const crashed = document.getElementById("lectern-crash");
        if (!shown || !home || crashed) failures.push(`${hash.slice(0, 80)}: view ${!!shown}, home ${!!home}, crash ${!!crashed}`);
        done++;
      }
      return { failures, done };
    }, all.slice(start, start + BATCH));
    problems.push(...result.failures);
    checked += result.done;
    await page.close();
  }
  expect(problems.slice(0, 10)).toEqual([]);
  expect(checked).toBe(TOTAL);
});
