// dist/ under a deep sub-path of a static host, and the offline download it offers.
import { test, expect, ARTICLE, PARA } from "./lectern";
import { SUBPATH, SUBPATH_PORT } from "../../playwright.config";

const AT = `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`;

test("served from a sub-path: deep link, search and navigation work", async ({ lectern, page }) => {
  await page.goto(`${AT}#/doc/${ARTICLE}/${PARA.sovereignty}`);
  await expect(lectern.highlighted()).toHaveAttribute("data-passage", String(PARA.sovereignty));
  await lectern.searchBox.fill("Kazakhstan");
  await expect(lectern.results().first()).toHaveAttribute("data-passage", String(PARA.kazakhstan));
  await page.getByRole("link", { name: "Lectern" }).first().click();
  await expect(lectern.view("list")).toBeVisible();
  expect(page.url()).toBe(`${AT}#/`);
});

test("the hosted build offers the single file for download, and it is there", async ({ page, request }) => {
  await page.goto(`${AT}#/about`);
  await expect(page.locator('[data-about="kind"]')).toHaveText("the hosted copy");
  const link = page.locator("[data-download]");
  await expect(link).toHaveAttribute("href", "lectern.html");
  const response = await request.get(`${AT}lectern.html`);
  expect(response.ok()).toBe(true);
  expect(await response.text()).toContain("__lecternSingleFile");
});
