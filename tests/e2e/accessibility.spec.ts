// axe-core finds no violations on any view, in the light and the dark theme.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, ARTICLE, PARA } from "./lectern";

const VIEWS: [string, string, string][] = [
  ["list", "#/", "[data-view=list]"],
  ["reader", `#/doc/${ARTICLE}/${PARA.sovereignty}?q=sovereignty`, "[data-view=reader] mark"],
  ["search results", "#/search?q=internet%20sovereinty", "a.result"],
  ["no results", "#/search?q=kasakstann", "[data-suggestions]"],
  ["list, filtered and sorted", "#/?filter=ludwig&sort=date", "[data-list-count]"],
  ["quotes", "#/quotes", "[data-quotes=overview][aria-busy=false]"],
  ["quotes of a document", `#/quotes/${ARTICLE}`, "[data-quote-kind]"],
  ["compare", `#/compare?i=${encodeURIComponent(`p:${ARTICLE}/${PARA.keynote}/1-80`)}&i=${encodeURIComponent("t:We must respect every country’s right")}`, "[data-column]"],
  ["check", `#/check?q=${encodeURIComponent("foreign media outlets like the New York Times were refused entry")}`, "[data-verdict]"],
  ["similar", `#/similar/${ARTICLE}/${PARA.sovereignty}`, "[data-view=similar]"],
  ["about", "#/about", "[data-view=about]"],
  ["quote link (changed)", `#/quote?doc=${ARTICLE}&exact=${encodeURIComponent("foreign media outlets such as the New York Times were refused entry")}&p=2`, "[data-quote-verdict]"],
  ["quote link (ambiguous)", `#/quote?exact=${encodeURIComponent("Internet sovereignty")}`, "[data-quote-verdict]"],
  ["not found", "#/nowhere", "[data-view=not-found]"],
  ["embed", "?embed=1", "[data-open-full]"],
];

for (const scheme of ["light", "dark"] as const) {
  for (const [name, address, ready] of VIEWS) {
    test(`axe: ${name} (${scheme})`, async ({ lectern, page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const [query, hash] = address.startsWith("?") ? [address, "#/"] : ["", address];
      await page.goto(`./${query}${hash}`);
      await lectern.anyView.waitFor();
      await page.locator(ready).first().waitFor();
      const results = await new AxeBuilder({ page }).analyze();
      const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
      expect(found).toEqual([]);
    });
  }
}
