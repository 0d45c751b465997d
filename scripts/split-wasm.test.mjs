// Tests of the split step (scripts/split-wasm.mjs) on text shaped like wasm-split-cli's output,
// so a change in that tool fails here with a message instead of shipping a page that cannot
// load its views.
import { test } from "node:test";
import assert from "node:assert/strict";
import { partName, rewriteLoader, withoutCustomSections } from "./split-wasm.mjs";

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
