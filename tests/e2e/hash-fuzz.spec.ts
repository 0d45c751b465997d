// A browser smoke test of hostile addresses: a few dozen random and mutated hashes — garbage,
// huge numbers, unknown ids, broken percent-encoding, script-looking text, 100 KB long — in the
// release build with its panic hook. Each must show a view (a not-found view offering the way
// home when nothing is there) without the crash panel, and the app must still follow a good link
// afterwards. The 10,000-hash fuzz of the parser itself runs natively (src/route.rs); this only
// proves the wiring survives in a real browser, so it stays short (Chromium also throttles more
// than about 200 address changes in 10 seconds).
import { test, expect, ARTICLE, PARA } from "./lectern";

const COUNT = 40;

function hashes(): string[] {
  const parts = [
    "#/", "doc/", ARTICLE, "nope/", "search?q=", "compare?i=", "check?q=", "similar/", "quotes", "about", "/", "?", "&", "=",
    "%", "%E4", "%ZZ", "%00", "99999999999999999999999", "-1", "0", "3", "7", "8", `p%3A${ARTICLE}%2F1`, "t%3A", "p:x/1/0-99999",
    "<script>", "javascript:", "☃", "\u202e", "#", "+", " ", "..", "%2F", "i=", "q=", "\u0000", "𝒳",
    `q:${ARTICLE}~1~~~Last week~`, "q%3A~~~~", "~", "%7E",
  ];
  // xorshift32: the same hashes on every run.
  let state = 0x2545f491;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const out: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    let h = "";
    for (let k = next() % 12; k >= 0; k--) h += parts[next() % parts.length];
    if (i % 20 === 0) h += "x".repeat(100_000);
    out.push(h);
  }
  return out;
}

test(`${COUNT} random hashes each show a view, and the app still follows a good link`, async ({ lectern, page }) => {
  await lectern.open("#/");
  const failures = await page.evaluate(async (batch) => {
    const failures: string[] = [];
    for (const hash of batch) {
      location.hash = hash;
      window.dispatchEvent(new HashChangeEvent("hashchange"));
      await Promise.resolve();
      await Promise.resolve();
      const view = document.querySelector("main [data-view]");
      const name = view?.getAttribute("data-view");
      // The header's home link is always there; a dead end must offer its own way back.
      const wayBack = name !== "not-found" || !!view!.querySelector('a[href="#/"]');
      const crashed = !!document.getElementById("lectern-crash");
      if (!view || !wayBack || crashed) failures.push(`${hash.slice(0, 80)}: view ${name}, way back ${wayBack}, crash ${crashed}`);
    }
    return failures;
  }, hashes());
  expect(failures).toEqual([]);
  // A panic would have stopped the app (panic = abort): it must still route a real deep link.
  await page.evaluate((hash) => (location.hash = hash), `#/doc/${ARTICLE}/${PARA.kazakhstan}`);
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", String(PARA.kazakhstan));
});
