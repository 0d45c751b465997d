// Tests of the package step on fixtures shaped like Trunk's and wasm-bindgen's output, so a
// change in either fails here with a message instead of producing a broken single file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { findAssets, glueExports, inline, readManifest, withData, withHostedPolicy } from "./package.mjs";

const TRUNK_HTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Lectern</title>
<link rel="stylesheet" href="./lectern-1.css" integrity="sha384-x"/>
<script type="module">
import init, * as bindings from './lectern-app-2.js';
const wasm = await init({ module_or_path: './lectern-app-2_bg.wasm' });
window.wasmBindings = bindings;
</script>
<link rel="modulepreload" href="./lectern-app-2.js" crossorigin="anonymous"><link rel="preload" href="./lectern-app-2_bg.wasm" as="fetch" type="application/wasm"></head>
<body><p data-boot>Loading Lectern…</p></body></html>`;

const GLUE = `function search(q, n) { return []; }
async function __wbg_init(module_or_path) { return module_or_path; }
function initSync(m) {}
export { initSync, search, __wbg_init as default };`;

const MANIFEST = {
  corpus: "corpus-0123456789abcdef.bin",
  index: "index-fedcba9876543210.bin",
  sha256: "7bffd7fce27d8e56905ecde426aa63cbe21a3a4660652e1877d30c0737bba4ed",
  built: "2026-11-26",
};
const FILES = {
  "./lectern-1.css": "body{color:red}",
  "./lectern-app-2.js": GLUE,
  "./lectern-app-2_bg.wasm": "\0asm",
  "./corpus-0123456789abcdef.bin": gzipSync("the corpus"),
  "./index-fedcba9876543210.bin": gzipSync("the index"),
};
const read = (href) => Buffer.from(FILES[href] ?? assert.fail(`unexpected read of ${href}`));
const single = () => inline(withData(TRUNK_HTML, MANIFEST), read, MANIFEST);

test("finds the stylesheet, the glue and the wasm in Trunk's page", () => {
  const found = findAssets(TRUNK_HTML);
  assert.equal(found.glue, "./lectern-app-2.js");
  assert.equal(found.wasm, "./lectern-app-2_bg.wasm");
  assert.equal(found.styles.length, 1);
});

test("names the glue's init function and its exports", () => {
  assert.deepEqual(glueExports(GLUE), { init: "__wbg_init", named: ["search"] });
  assert.deepEqual(glueExports("export default async function boot() {}\nexport function search() {}"), { init: "boot", named: ["search"] });
  assert.throws(() => glueExports("export const x = 1;"), /no default-exported init function/);
});

test("the hosted page links the data files for preloading, once however often it is linked", () => {
  const linked = withData(withData(TRUNK_HTML, { ...MANIFEST, corpus: "corpus-1111111111111111.bin" }), MANIFEST);
  const links = findAssets(linked).data.map((n) => Object.fromEntries(n.attrs.map((a) => [a.name, a.value])));
  assert.deepEqual(links, [
    { rel: "preload", href: "./corpus-0123456789abcdef.bin", as: "fetch", crossorigin: "anonymous", "data-lectern-data": "corpus", "data-sha256": MANIFEST.sha256, "data-built": "2026-11-26" },
    { rel: "preload", href: "./index-fedcba9876543210.bin", as: "fetch", crossorigin: "anonymous", "data-lectern-data": "index" },
  ]);
  assert.equal(findAssets(linked).wasm, "./lectern-app-2_bg.wasm", "a data link is not taken for the wasm");
});

test("a manifest not written by lectern bundle is refused with the fix", () => {
  assert.deepEqual(readManifest(JSON.stringify(MANIFEST)), MANIFEST);
  for (const bad of [{}, { ...MANIFEST, corpus: "../x.bin" }, { ...MANIFEST, sha256: "abc" }]) {
    assert.throws(() => readManifest(JSON.stringify(bad)), /run `lectern bundle <corpus> --out <dist>` again/);
  }
});

test("the single file inlines everything and references no other file", () => {
  const out = single();
  assert.match(out, /<style>body\{color:red\}<\/style>/);
  assert.match(out, /await __wbg_init\(\{ module_or_path: bytes \}\)/);
  const wasm = out.match(/const b64 = "([^"]+)"/)[1];
  assert.equal(gunzipSync(Buffer.from(wasm, "base64")).toString(), "\0asm", "the wasm, gzip then base64");
  const data = (kind) => out.match(new RegExp(`<script type="application/octet-stream" data-lectern-data="${kind}"[^>]*>([^<]*)</script>`));
  assert.equal(gunzipSync(Buffer.from(data("corpus")[1], "base64")).toString(), "the corpus");
  assert.equal(gunzipSync(Buffer.from(data("index")[1], "base64")).toString(), "the index");
  assert.match(data("corpus")[0], new RegExp(`data-sha256="${MANIFEST.sha256}" data-built="2026-11-26"`));
  assert.match(out, /window\.wasmBindings = \{ search \}/);
  assert.doesNotMatch(out, /href="\.\/|src="\.\/|import .* from '\.\//);
  assert.match(out, /data-boot/);
});

test("a page that has changed shape fails with what is missing", () => {
  assert.throws(() => findAssets("<html><head></head><body></body></html>"), /could not find a stylesheet <link>, Trunk's <script type=module> loader/);
});

test("both pages carry a strict policy that allows exactly their inline code", () => {
  const hash = (text) => createHash("sha256").update(text, "utf8").digest("base64");
  const page = single();
  const policy = page.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const script = page.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  const style = page.match(/<style>([\s\S]*?)<\/style>/)[1];
  assert.match(policy, /default-src 'none'/);
  assert.ok(policy.includes(`'sha256-${hash(script)}'`), "the inline script's hash");
  assert.ok(policy.includes(`'sha256-${hash(style)}'`), "the inline style's hash");
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|https?:/);

  const hosted = withHostedPolicy(TRUNK_HTML);
  const loader = TRUNK_HTML.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  assert.ok(hosted.includes(`'sha256-${hash(loader)}'`), "Trunk's loader by hash");
  assert.equal(hosted.match(/Content-Security-Policy/g).length, 1);
  assert.equal(withHostedPolicy(hosted).match(/Content-Security-Policy/g).length, 1, "running twice keeps one policy");
});
