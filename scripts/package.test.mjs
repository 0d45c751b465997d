// Tests of the package step on fixtures shaped like Trunk's and wasm-bindgen's output, so a
// change in either fails here with a message instead of producing a broken single file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minified } from "./split-wasm.mjs";
import { findAssets, foldLoader, glueExports, inline, inlineParts, readManifest, singleFileReader, withData, withEarlyStart, withHostedPolicy, withIntegrity } from "./package.mjs";

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

test("the split step's new integrity hashes reach the links of a minified page", () => {
  const page = `<!DOCTYPE html><html><head><link crossorigin href=./app.js integrity=sha384-old rel=modulepreload><link as=fetch href=./app_bg.wasm integrity=sha384-old rel=preload><link href=./s.css integrity=sha384-css rel=stylesheet></head><body></body></html>`;
  const out = withIntegrity(page, new Map([["./app.js", "sha384-js"], ["./app_bg.wasm", "sha384-wasm"]]));
  assert.match(out, /href="\.\/app\.js" integrity="sha384-js"/);
  assert.match(out, /href="\.\/app_bg\.wasm" integrity="sha384-wasm"/);
  assert.match(out, /integrity="sha384-css"/);
  assert.throws(() => withIntegrity(page, new Map([["./other.js", "sha384-x"]])), /no link with an integrity hash for \.\/other\.js/);
});

test("the hosted page's loader starts the landing view's fetches before the main wasm's, once", () => {
  const page = withEarlyStart(withEarlyStart(TRUNK_HTML));
  assert.equal(page.match(/__lecternEarly/g).length, 1);
  assert.match(page, /bindings\.__lecternEarly\?\.\(location\.hash\);\nconst wasm = await init\(/);
  assert.throws(() => withEarlyStart(TRUNK_HTML.replace("const wasm = await init(", "await init(")), /no longer reads/);
});

test("names the glue's init function and its exports", () => {
  const search = { name: "search", local: "search" };
  assert.deepEqual(glueExports(GLUE), { init: "__wbg_init", named: [search] });
  assert.deepEqual(glueExports("export default async function boot() {}\nexport function search() {}"), { init: "boot", named: [search] });
  // A minified glue exports its functions under other names than it calls them.
  assert.deepEqual(glueExports("function t(){}function o(){}function s(){}export{o as default,s as initSync,t as search};"), { init: "o", named: [{ name: "search", local: "t" }] });
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

test("the single file inlines everything and references no other file", async () => {
  const out = await single();
  assert.match(out, /<style>body\{color:red\}<\/style>/);
  assert.match(out, /await __wbg_init\(\{ module_or_path: bytes \}\)/);
  const wasm = out.match(/const b64 = "([^"]+)"/)[1];
  assert.equal(gunzipSync(Buffer.from(wasm, "base64")).toString(), "\0asm", "the wasm, gzip then base64");
  const data = (kind) => out.match(new RegExp(`<script type="application/octet-stream" data-lectern-data="${kind}"[^>]*>([^<]*)</script>`));
  assert.equal(gunzipSync(Buffer.from(data("corpus")[1], "base64")).toString(), "the corpus");
  assert.equal(gunzipSync(Buffer.from(data("index")[1], "base64")).toString(), "the index");
  assert.match(data("corpus")[0], new RegExp(`data-sha256="${MANIFEST.sha256}" data-built="2026-11-26"`));
  assert.match(out, /window\.wasmBindings = \{ search: search \}/);
  assert.doesNotMatch(out, /href="\.\/|src="\.\/|import .* from '\.\//);
  assert.match(out, /data-boot/);
});

test("a page that has changed shape fails with what is missing", () => {
  assert.throws(() => findAssets("<html><head></head><body></body></html>"), /could not find a stylesheet <link>, Trunk's <script type=module> loader/);
});

test("both pages carry a strict policy that allows exactly their inline code", async () => {
  const hash = (text) => createHash("sha256").update(text, "utf8").digest("base64");
  const page = await single();
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

// The glue of a split build imports the loader module that fetches the views' parts
// (scripts/split-wasm.mjs folds it into the glue); the single file reads the parts inline.
const SPLIT_LOADER = `import { initSync } from "./lectern-app-2.js";

let sharedImports = undefined;
function getSharedImports() { return initSync(undefined, undefined); }
function makeLoad(fetcher) { return () => fetcher()(getSharedImports()); }
export const __wasm_split_load_kwic = makeLoad(() => {
    const src = fetch(new URL("./lectern-kwic-0123456789abcdef.wasm", import.meta.url));
    return async (imports) => src;
});
export const __wasm_split_load_trends = makeLoad(() => {
    const src = fetch(new URL("./lectern-shared-fedcba9876543210.wasm", import.meta.url));
    return async (imports) => src;
});
`;
const SPLIT_GLUE = `import * as import1 from "./lectern-parts-00112233445566aa.js"
import * as import2 from "./lectern-parts-00112233445566aa.js"
function __wbg_get_imports() { return { "./__wasm_split.js": import1, "./__wasm_split.js#2": import2 }; }
${GLUE}`;

test("the split loader folds into the glue: one module that imports nothing", () => {
  const folded = foldLoader(SPLIT_GLUE, SPLIT_LOADER);
  assert.doesNotMatch(folded, /^import /m);
  assert.doesNotMatch(folded, /export const/);
  assert.match(folded, /const import1 = __lecternParts;/);
  assert.match(folded, /return \{ __wasm_split_load_kwic, __wasm_split_load_trends \};/);
  // The hosted page still fetches its parts beside the glue.
  assert.match(folded, /fetch\(new URL\("\.\/lectern-kwic-0123456789abcdef\.wasm", import\.meta\.url\)\)/);
  assert.deepEqual(glueExports(folded).named.map((n) => n.name), ["search"]);
  assert.throws(() => foldLoader(`import * as x from "./other.js"\n${SPLIT_GLUE}`, SPLIT_LOADER), /not only the split loader/);
  assert.throws(() => foldLoader(GLUE, SPLIT_LOADER), /imports nothing/);
});

test("the single file reads a split app's parts from itself", () => {
  const files = { "./lectern-kwic-0123456789abcdef.wasm": "\0asm kwic", "./lectern-shared-fedcba9876543210.wasm": "\0asm shared" };
  const readSplit = (href) => Buffer.from(files[href] ?? assert.fail(`unexpected read of ${href}`));
  const { code, files: parts } = inlineParts(foldLoader(SPLIT_GLUE, SPLIT_LOADER), readSplit);
  assert.deepEqual(parts.map(([name]) => name), ["lectern-kwic-0123456789abcdef.wasm", "lectern-shared-fedcba9876543210.wasm"]);
  assert.doesNotMatch(code, /new URL\("\.\/lectern-/);
  assert.match(code, /__lecternPart\("lectern-kwic-0123456789abcdef\.wasm"\)/);
  assert.deepEqual(glueExports(code).named.map((n) => n.name), ["search"]);
  // The release build's glue is minified (no space after the comma); its parts are found all the same.
  const small = inlineParts(minified(foldLoader(SPLIT_GLUE, SPLIT_LOADER)), readSplit);
  assert.deepEqual(small.files.map(([name]) => name), parts.map(([name]) => name));
  assert.doesNotMatch(small.code, /new URL\("\.\/lectern-/);
  // Packs of shared code (.bin) are read from the file too.
  const pack = inlineParts(`const s = { "./lectern-pack-reader-0011223344556677.bin": () => fetch(new URL("./lectern-pack-reader-0011223344556677.bin", import.meta.url)) };`, (href) => Buffer.from(href));
  assert.deepEqual(pack.files.map(([name]) => name), ["lectern-pack-reader-0011223344556677.bin"]);
  assert.match(pack.code, /__lecternPart\("lectern-pack-reader-0011223344556677\.bin"\)/);
  // A glue that fetches no part is left as it is.
  assert.equal(inlineParts(GLUE, read).code, GLUE);
});

test("the single file carries every part in one data script that says where each lies", async () => {
  const files = {
    ...FILES,
    "./lectern-app-2.js": foldLoader(SPLIT_GLUE, SPLIT_LOADER),
    "./lectern-kwic-0123456789abcdef.wasm": "\0asm kwic",
    "./lectern-shared-fedcba9876543210.wasm": "\0asm shared",
  };
  const readSplit = (href) => Buffer.from(files[href] ?? assert.fail(`unexpected read of ${href}`));
  const html = await inline(withData(TRUNK_HTML, MANIFEST), readSplit, MANIFEST);
  const found = [...html.matchAll(/<script type="application\/octet-stream" data-lectern-parts="([^"]+)">([^<]+)<\/script>/g)];
  assert.equal(found.length, 1);
  const where = JSON.parse(found[0][1].replaceAll("&quot;", '"'));
  const all = gunzipSync(Buffer.from(found[0][2], "base64"));
  for (const [name, start, end] of where) assert.equal(all.subarray(start, end).toString(), files[`./${name}`]);
  assert.equal(where.length, 2);
});

test("the single file reads the whole app only when it was built with this dist's app", () => {
  const root = mkdtempSync(join(tmpdir(), "lectern-whole-"));
  try {
    const dist = join(root, "dist");
    const whole = join(root, "whole");
    mkdirSync(dist);
    mkdirSync(whole);
    writeFileSync(join(dist, "lectern-app-2.js"), "split glue");
    writeFileSync(join(dist, "lectern-app-2_bg.wasm"), "split wasm");
    writeFileSync(join(whole, "lectern-app.js"), "whole glue");
    writeFileSync(join(whole, "lectern-app_bg.wasm"), "whole wasm");
    const check = (stamp, expected) => {
      if (stamp) writeFileSync(join(whole, "whole.json"), JSON.stringify(stamp));
      const { read, whole: used } = singleFileReader(TRUNK_HTML, dist, whole);
      assert.equal(used, expected.startsWith("whole"));
      assert.equal(`${read("./lectern-app-2.js")} / ${read("./lectern-app-2_bg.wasm")}`, expected);
    };
    check(null, "split glue / split wasm");
    check({ glue: "lectern-app-1.js" }, "split glue / split wasm");
    check({ glue: "lectern-app-2.js" }, "whole glue / whole wasm");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
