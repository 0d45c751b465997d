// Tests for the size budget check (scripts/size.mjs): a figure over its limit is named; a
// figure at or under it, or with no limit, is not; parts loaded on first use are not counted
// as loaded at start.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appSizes, overBudget, sizes } from "./size.mjs";

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

test("what loads at start is counted apart from the parts views load on first use", () => {
  const dist = mkdtempSync(join(tmpdir(), "lectern-size-"));
  try {
    const files = {
      "index.html": "<!DOCTYPE html>",
      "lectern-app-0123456789abcdef.js": "glue",
      "lectern-app-0123456789abcdef_bg.wasm": "main wasm",
      "lectern-kwic-0123456789abcdef.wasm": "a view",
      "lectern-shared-fedcba9876543210.wasm": "shared code",
      "lectern-pack-reader-0011223344556677.bin": "packed",
      "corpus-0123456789abcdef.bin": "data",
      "lectern.html": "the single file, not loaded",
      "lectern-data.json": "{}",
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, name), text);
    const app = appSizes(dist);
    assert.deepEqual(app.files.map((f) => f.name), ["corpus-0123456789abcdef.bin", "index.html", "lectern-app-0123456789abcdef.js", "lectern-app-0123456789abcdef_bg.wasm"]);
    assert.deepEqual(app.parts.map((f) => f.name), ["lectern-kwic-0123456789abcdef.wasm", "lectern-pack-reader-0011223344556677.bin", "lectern-shared-fedcba9876543210.wasm"]);
    assert.equal(app.total.raw, "data<!DOCTYPE html>gluemain wasm".length);
    assert.equal(app.partsTotal.raw, "a viewpackedshared code".length);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
