// Tests for the size budget check (scripts/size.mjs): a figure over its limit is named; a
// figure at or under it, or with no limit, is not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { overBudget, sizes } from "./size.mjs";

const budget = { app_gzip_kb: 100, single_gzip_kb: 200 };

test("figures within the budget pass", () => {
  assert.deepEqual(overBudget({ gzip: 100 * 1024 }, { gzip: 150 * 1024 }, budget), []);
});

test("each figure over its limit is named with its size and limit", () => {
  const over = overBudget({ gzip: 100 * 1024 + 1 }, { gzip: 201 * 1024 }, budget);
  assert.equal(over.length, 2);
  assert.match(over[0], /hosted app, gzip: 100\.0 KB is over the budget of 100 KB/);
  assert.match(over[1], /single file, gzip: 201\.0 KB is over the budget of 200 KB/);
});

test("sizes are raw, gzip and brotli, and compression shrinks repetitive text", () => {
  const s = sizes(Buffer.from("lectern ".repeat(1000)));
  assert.equal(s.raw, 8000);
  assert.ok(s.gzip < 200 && s.brotli < 200, JSON.stringify(s));
});
