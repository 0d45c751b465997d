// Unknown ids, paragraphs and hashes show a friendly view with a way back, never a blank page.
import { test, expect, ARTICLE, ARTICLE_PASSAGES } from "./lectern";

for (const [hash, says] of [
  ["#/doc/no-such-document", "no document “no-such-document”"],
  [`#/doc/${ARTICLE}/99`, `has no ¶99; it has ¶1 to ¶${ARTICLE_PASSAGES}`],
  ["#/search/%E0%A4%A", "Nothing is at"],
]) {
  test(`not found: ${hash}`, async ({ lectern, page }) => {
    await lectern.open(hash);
    await expect(lectern.view("not-found")).toContainText(says);
    await expect(page).toHaveTitle("Not found — Lectern");
    await lectern.view("not-found").getByRole("link", { name: "All documents" }).click();
    await expect(lectern.view("list")).toBeVisible();
  });
}
