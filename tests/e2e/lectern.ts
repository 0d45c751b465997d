// The page object for Lectern's end-to-end tests, and a `test` whose every run also fails on a
// console error, an uncaught exception or a request that leaves the served origin.
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const ARTICLE = "framing-the-agenda";
export const ARTICLE_TITLE = "Framing the Agenda: China’s Use of International Fora to Promote ‘Internet Sovereignty’";
/** How many ¶ the bundled article (corpus/framing-the-agenda.md) has. */
export const ARTICLE_PASSAGES = 7;
/** The article's ¶ that the specs rely on, by what is in them: if the article changes, change
 * the numbers here, not in the specs. */
export const PARA = {
  /** "Last week in Wuzhen, China, …": the keynote and its setting. */
  opening: 1,
  /** The keynote quotation: “We need to respect each country’s right to choose …”, “We should
   * never seek network hegemony”. */
  keynote: 2,
  /** The concept of “Internet sovereignty”. */
  sovereignty: 3,
  /** The 2015 World Internet Conference; the New York Times refused entry. */
  conference: 4,
  /** Kazakhstan and “Tajikstan”, the so-called “world” conference. */
  kazakhstan: 5,
  /** The “multistakeholder” approach, “moderate,” and “sector,”. */
  multistakeholder: 6,
  /** The last: “instruments of the country’s censorship and surveillance regime.” */
  last: 7,
} as const;

export class Lectern {
  constructor(readonly page: Page) {}

  /** Opens the app cold at `hash` (e.g. "#/doc/x/3") and waits for a view to render; `at` is
   *  the build to open (another served corpus), the default one when omitted. */
  async open(hash = "#/", at = "./") {
    await this.page.goto(`${at}${hash}`);
    // A view loaded on first use says "loading" under [data-view] while its file comes.
    await this.page.locator("[data-view]:not([data-view=loading])").first().waitFor();
  }

  get anyView(): Locator {
    return this.page.locator("[data-view]").first();
  }

  get searchBox(): Locator {
    return this.page.locator("[data-search-input]");
  }

  get status(): Locator {
    return this.page.locator("#search-status");
  }

  results(): Locator {
    return this.view("search").locator("a.result");
  }

  /** Documents found by their title or id, listed above the passages. */
  docResults(): Locator {
    return this.view("search").locator("[data-doc-result]");
  }

  get showMore(): Locator {
    return this.view("search").getByRole("button", { name: "Show more" });
  }

  /** The count the status line states, from its `data-result-count`. */
  async resultCount(): Promise<number> {
    return Number(await this.status.getAttribute("data-result-count"));
  }

  /** The reader's bar: the document's title, the way back to the results, previous/next. */
  get docBar(): Locator {
    return this.view("reader").locator("[data-doc-bar]");
  }

  get backToResults(): Locator {
    return this.docBar.getByRole("link", { name: "Back to results" });
  }

  docStep(rel: "prev" | "next"): Locator {
    return this.docBar.locator(`a[rel="${rel}"]`);
  }

  get tray(): Locator {
    return this.page.locator("[data-tray]");
  }

  columns(): Locator {
    return this.view("compare").locator("[data-column]");
  }

  get verdict(): Locator {
    return this.page.locator("[data-verdict]");
  }

  /** Types `quote` into the check view's box and submits it. */
  async checkQuote(quote: string) {
    await this.page.locator("[data-check-input]").fill(quote);
    await this.page.locator("[data-check-submit]").click();
  }

  /** Selects `words` inside the text of ¶n in the reader, as a mouse drag would. */
  async selectInPassage(n: number, words: string) {
    // A cold page (a deep link, the single file) may not have rendered the ¶ yet.
    await this.page.locator(`[data-passage-text="${n}"]`).waitFor();
    await this.page.evaluate(
      ({ n, words }) => {
        const p = document.querySelector(`[data-passage-text="${n}"]`)!;
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        const full = nodes.map((t) => t.data).join("");
        const start = full.indexOf(words);
        if (start < 0) throw new Error(`"${words}" is not in ¶${n}`);
        const locate = (offset: number): [Text, number] => {
          for (const t of nodes) {
            if (offset <= t.data.length) return [t, offset];
            offset -= t.data.length;
          }
          throw new Error("offset out of range");
        };
        const range = document.createRange();
        range.setStart(...locate(start));
        range.setEnd(...locate(start + words.length));
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
      },
      { n, words },
    );
  }

  /** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
  async tabTo(target: Locator, { backwards = false, max = 80 } = {}) {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    }
    throw new Error("could not reach the element by keyboard");
  }

  /** The list's filter box, sort control and "12 of 250 documents" count. */
  get listFilter(): Locator {
    return this.page.getByLabel("Filter by title, author or date");
  }

  get listSort(): Locator {
    return this.page.getByLabel("Sort by");
  }

  get listCount(): Locator {
    return this.page.locator("[data-list-count]");
  }

  /** The document ids of the list's cards, in order. */
  cardIds(): Promise<string[]> {
    return this.view("list").locator("li.card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-doc-id")!));
  }

  get quotesFilter(): Locator {
    return this.page.locator("[data-quotes-filter]");
  }

  get quotesCount(): Locator {
    return this.page.locator("[data-quotes-count]");
  }

  /** The overview's rows (`#/quotes`), one per document with quotes. */
  quoteDocs(): Locator {
    return this.page.locator('[data-quotes="overview"] li[data-doc-id]');
  }

  /** Starts recording main-thread long tasks (over 50 ms) in this page; see `longTasks`. */
  async watchLongTasks() {
    await this.page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[]; __longTaskObserver?: PerformanceObserver };
      w.__longTasks = [];
      w.__longTaskObserver?.disconnect();
      w.__longTaskObserver = new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration)));
      w.__longTaskObserver.observe({ type: "longtask" });
    });
  }

  /** The durations (ms) of the long tasks seen since `watchLongTasks`. */
  longTasks(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  }

  /**
   * Milliseconds from setting the hash to `hash` until `ready` (a CSS selector) matches at least
   * `count` elements, polled on every task.
   */
  timeTo(hash: string, ready: string, count = 1): Promise<number> {
    return this.page.evaluate(
      ({ hash, ready, count }) =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          location.hash = hash;
          const poll = () => (document.querySelectorAll(ready).length >= count ? resolve(performance.now() - start) : setTimeout(poll, 0));
          poll();
        }),
      { hash, ready, count },
    );
  }

  /** Whether the page fits its width (no sideways scrolling) and axe-core finds no violations
   *  in the light and the dark theme: the violations, and the overflow in px. */
  async narrowAndAxe(): Promise<{ overflow: number; violations: string[] }> {
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const violations: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      await this.page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page: this.page }).analyze();
      violations.push(...results.violations.map((v) => `${scheme}: ${v.id}: ${v.help}`));
    }
    return { overflow, violations };
  }

  view(name: "list" | "reader" | "not-found" | "search" | "compare" | "check" | "quotes"): Locator {
    return this.page.locator(`[data-view="${name}"]`);
  }

  /** Waits until the document list has rendered every card (it renders a slice per task). */
  async listReady() {
    await expect(this.view("list").locator("[data-list-cards]")).toHaveAttribute("aria-busy", "false");
  }

  card(id: string): Locator {
    return this.view("list").locator(`[data-doc-id="${id}"]`);
  }

  passages(): Locator {
    return this.view("reader").locator("[data-passage]");
  }

  passage(n: number): Locator {
    return this.view("reader").locator(`[data-passage="${n}"]`);
  }

  permalink(n: number): Locator {
    return this.passage(n).locator(".pilcrow");
  }

  highlighted(): Locator {
    return this.page.locator(".passage.is-target");
  }

  hash(): Promise<string> {
    return this.page.evaluate(() => location.hash);
  }

  /** The page's scroll position in every animation frame after `landing` takes focus, from
   *  `act` until 30 frames after that: one value when the page jumped there, several while it
   *  glides. (Focus is given in the same frame as the scroll that lands on it.) */
  async scrollsAfterLanding(landing: Locator, act: () => Promise<void>): Promise<number[]> {
    type Trail = { trail: [number, Element | null][]; trailFrame: number };
    await this.page.evaluate(() => {
      const w = window as unknown as Trail;
      w.trail = [];
      const frame = () => {
        w.trail.push([scrollY, document.activeElement]);
        w.trailFrame = requestAnimationFrame(frame);
      };
      w.trailFrame = requestAnimationFrame(frame);
    });
    await act();
    await expect(landing).toBeFocused();
    await this.page.evaluate(() => new Promise<void>((done) => {
      let left = 30;
      const frame = () => (--left > 0 ? requestAnimationFrame(frame) : done());
      requestAnimationFrame(frame);
    }));
    return landing.evaluate((el) => {
      const w = window as unknown as Trail;
      cancelAnimationFrame(w.trailFrame);
      return w.trail.filter(([, focused]) => focused === el).map(([y]) => y);
    });
  }

  /** True when the element's box lies at least partly inside the viewport. */
  async inViewport(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    });
  }
}

export const test = base.extend<{ lectern: Lectern }>({
  lectern: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    // The page's own files: the served build, its sub-path copy and the host-page origin of the
    // embedding tests (all on this machine), files opened from disk, and inline data.
    const base = new URL(baseURL!);
    const own = [0, 1, 2, 3, 4, 5].map((offset) => `http://127.0.0.1:${Number(base.port) + offset}/`);
    const allowed = (url: string) => own.some((o) => url.startsWith(o)) || /^(file|data|blob):/.test(url);
    page.on("console", (msg) => msg.type() === "error" && problems.push(`console: ${msg.text()}`));
    page.on("pageerror", (err) => problems.push(`exception: ${err.message}`));
    page.on("request", (req) => {
      if (!allowed(req.url())) problems.push(`request: ${req.url()}`);
    });
    // Content-Security-Policy violations, reported by the page itself (in every frame).
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
      });
    });
    await use(new Lectern(page));
    expect(problems, "no console errors, exceptions or outside requests").toEqual([]);
  },
});

export { expect };
