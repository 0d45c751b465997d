// Tests of the split step (scripts/split-wasm.mjs) on text shaped like wasm-split-cli's output,
// so a change in that tool fails here with a message instead of shipping a page that cannot
// load its views.
import { test } from "node:test";
import assert from "node:assert/strict";
import { partName, rewriteLoader, withEarly, withoutCustomSections } from "./split-wasm.mjs";

const LOADER = `import { initSync } from "./lectern-app.js";

function makeLoad(fetcher, deps) { return fetcher; }
export const __wasm_split_load_kwic_1 = makeLoad(() => {
    const src = fetch(new URL("./split_kwic_1234.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}, []);
const chunk_3 = makeLoad(() => {
    const src = fetch(new URL("./chunk_3.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}, []);
`;

test("parts are named for what they hold and by their content", () => {
  const check = (file, bytes, expected) => assert.match(partName(file, Buffer.from(bytes)), expected);
  check("split_kwic.wasm", "a", /^lectern-kwic-[0-9a-f]{16}\.wasm$/);
  check("split_document_quotes_1562936478087921834.wasm", "a", /^lectern-document-quotes-[0-9a-f]{16}\.wasm$/);
  check("chunk_13.wasm", "a", /^lectern-shared-[0-9a-f]{16}\.wasm$/);
  assert.notEqual(partName("chunk_1.wasm", Buffer.from("a")), partName("chunk_1.wasm", Buffer.from("b")));
  assert.throws(() => partName("something.wasm", Buffer.from("a")), /does not know/);
});

test("the loader imports the glue by its name, fetches the renamed parts and needs no wasm MIME type", () => {
  const out = rewriteLoader(LOADER, [["split_kwic_1234.wasm", "lectern-kwic-aa.wasm"], ["chunk_3.wasm", "lectern-shared-bb.wasm"]], "lectern-app-9.js");
  assert.match(out, /^import \{ initSync \} from "\.\/lectern-app-9\.js";/);
  assert.match(out, /new URL\("\.\/lectern-kwic-aa\.wasm", import\.meta\.url\)/);
  assert.match(out, /new URL\("\.\/lectern-shared-bb\.wasm", import\.meta\.url\)/);
  assert.doesNotMatch(out, /instantiateStreaming|"\.\/split_kwic|"\.\/chunk_3/);
  assert.equal(out.match(/WebAssembly\.instantiate\(b, imports\)/g).length, 2);
});

test("a loader that changed shape is refused with a message", () => {
  assert.throws(() => rewriteLoader(LOADER.replace("import { initSync }", "import { init }"), [], "g.js"), /initSync/);
  assert.throws(() => rewriteLoader(LOADER, [["split_other.wasm", "x.wasm"]], "g.js"), /does not name split_other/);
  assert.throws(() => rewriteLoader(LOADER, [["chunk_3.wasm", "x.wasm"]], "g.js"), /fetches 2 parts/);
});

/** A loader as wasm-split-cli writes it, parts renamed: the reader needs two shared pieces, one
 * of which needs a third; kwic needs one of them. */
const SHARED = (name, deps) => `const ${name} = makeLoad(() => {
    const src = fetch(new URL("./lectern-shared-${name}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => src;
}
, [${deps}]);
`;
const VIEW = (name, deps) => `export const __wasm_split_load_${name} = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./lectern-${name}-aa.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => src;
}
, [${deps}]));
`;
const LOADS = `function makeLoad(fetcher, deps) { return () => Promise.all([...deps.map((d) => d()), fetcher()(null)]); }
function wrapAsyncCb(f) { return f; }
${SHARED("c1", "")}${SHARED("c2", "c1")}${SHARED("c3", "")}${VIEW("reader", "c2, c3")}${VIEW("kwic", "c3")}`;

test("the page opening on a view fetches its files at once, and its loader takes those fetches", async () => {
  const out = withEarly(LOADS, [["reader", "^#/doc/"], ["kwic", "^#/kwic"]]);
  const fetched = [];
  const early = new Function("fetch", "URL", "meta", `${out.replace(/^export /gm, "").replaceAll("import.meta", "meta")}; return { early, __wasm_split_load_reader, __wasm_split_load_kwic };`);
  const run = early((url) => {
    fetched.push(url.href.replace("file:///app/", ""));
    return Promise.resolve(url.href);
  }, URL, { url: "file:///app/glue.js" });
  run.early("#/doc/essay/4");
  assert.deepEqual(fetched.sort(), ["lectern-reader-aa.wasm", "lectern-shared-c1.wasm", "lectern-shared-c2.wasm", "lectern-shared-c3.wasm"]);
  // Showing the reader fetches nothing more; kwic then fetches its own file, and c3 anew.
  await run.__wasm_split_load_reader();
  assert.equal(fetched.length, 4);
  await run.__wasm_split_load_kwic();
  assert.deepEqual(fetched.slice(4).sort(), ["lectern-kwic-aa.wasm", "lectern-shared-c3.wasm"]);
  // Another landing fetches nothing early.
  run.early("#/");
  assert.equal(fetched.length, 6);
  assert.throws(() => withEarly(LOADS, [["trends", "^#/trends"]]), /has no __wasm_split_load_trends/);
  assert.throws(() => withEarly(LOADS.replace("}\n, [c2, c3]", "}, c2"), [["reader", "^#/doc/"]]), /names no list/);
});

test("custom sections are dropped by name, every other section kept byte for byte", () => {
  const section = (id, body) => Buffer.concat([Buffer.from([id, body.length]), body]);
  const custom = (name, data) => section(0, Buffer.concat([Buffer.from([name.length]), Buffer.from(name), Buffer.from(data)]));
  const header = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  const type = section(1, Buffer.from([1, 0x60, 0, 0]));
  const wasm = Buffer.concat([header, type, custom("linking", "xx"), custom("reloc.CODE", "yy"), custom("producers", "zz")]);
  const out = withoutCustomSections(wasm, (name) => name === "linking" || name.startsWith("reloc."));
  assert.deepEqual(out, Buffer.concat([header, type, custom("producers", "zz")]));
  assert.throws(() => withoutCustomSections(Buffer.from("not wasm at all"), () => true), /not a wasm module/);
});
