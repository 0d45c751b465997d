// Tests of the split step (scripts/split-wasm.mjs) on text shaped like wasm-split-cli's output,
// so a change in that tool fails here with a message instead of shipping a page that cannot
// load its views.
import { test } from "node:test";
import assert from "node:assert/strict";
import { packParts, partName, rewriteLoader, shortExports, shortImports, withoutClasses, withoutCustomSections, withoutExports } from "./split-wasm.mjs";

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
const LOADS = `function makeLoad(fetcher, deps) { return () => Promise.all([...deps.map((d) => d()), fetcher()(null)]).then((all) => all.flat()); }
function wrapAsyncCb(f) { return f; }
${SHARED("c1", "")}${SHARED("c2", "c1")}${SHARED("c3", "")}${VIEW("reader", "c2, c3")}${VIEW("kwic", "c3")}`;

/** Runs a loader made by packParts with `fetch` faked over `files` (name → text); returns its
 * exports and the names fetched, in order. */
function runLoader(loader, files, fail = new Set()) {
  const fetched = [];
  const fakeFetch = (url) => {
    const name = url.href.replace("file:///app/", "");
    fetched.push(name);
    if (fail.has(name)) {
      fail.delete(name);
      return Promise.reject(new Error(`${name} did not arrive`));
    }
    return Promise.resolve(new Response(files[name] ?? assert.fail(`fetched ${name}, which is not there`)));
  };
  const make = new Function("fetch", "meta", `${loader.replace(/^export /gm, "").replaceAll("import.meta", "meta")}; return { early, __wasm_split_load_reader, __wasm_split_load_kwic };`);
  return { loads: make(fakeFetch, { url: "file:///app/glue.js" }), fetched };
}

test("shared pieces travel in packs, each claimed by the first view that uses it; a view fetches its file and the packs it needs", async () => {
  const pieces = { "lectern-shared-c1.wasm": "one", "lectern-shared-c2.wasm": "two", "lectern-shared-c3.wasm": "three" };
  const { loader, packs, packedFiles } = packParts(LOADS, (f) => Buffer.from(pieces[f.slice(2)]), { landing: [["reader", "^#/doc/"]], order: ["reader", "kwic"] });
  assert.deepEqual(packedFiles.sort(), Object.keys(pieces));
  assert.equal(packs.length, 1);
  const [pack, bytes] = packs[0];
  assert.match(pack, /^lectern-pack-reader-[0-9a-f]{16}\.bin$/);
  assert.equal(bytes.toString().length, "onetwothree".length);
  const files = { [pack]: bytes, "lectern-reader-aa.wasm": "reader", "lectern-kwic-aa.wasm": "kwic" };
  const { loads, fetched } = runLoader(loader, files);
  // Opening on a permalink fetches the reader's file and its pack at once, before any view asks.
  loads.early("#/doc/essay/4");
  assert.deepEqual(fetched.sort(), [pack, "lectern-reader-aa.wasm"].sort());
  const shown = await loads.__wasm_split_load_reader();
  // Each piece is its own bytes, cut from the pack.
  assert.deepEqual((await Promise.all(shown.map((r) => r.text()))).sort(), ["one", "reader", "three", "two"]);
  assert.equal(fetched.length, 2);
  // kwic needs c3, in the reader's pack, already in: it fetches only its own file.
  await loads.__wasm_split_load_kwic();
  assert.deepEqual(fetched.slice(2), ["lectern-kwic-aa.wasm"]);
  // Another landing fetches nothing early.
  loads.early("#/");
  assert.equal(fetched.length, 3);
});

test("a pack that did not arrive is fetched anew when the view is asked for again", async () => {
  const pieces = { "lectern-shared-c1.wasm": "one", "lectern-shared-c2.wasm": "two", "lectern-shared-c3.wasm": "three" };
  const { loader, packs } = packParts(LOADS, (f) => Buffer.from(pieces[f.slice(2)]), { landing: [["reader", "^#/doc/"]], order: ["kwic", "reader"] });
  // kwic claims c3 first; the reader's pack has the rest.
  assert.deepEqual(packs.map(([name]) => name.replace(/-[0-9a-f]{16}\.bin$/, "")).sort(), ["lectern-pack-kwic", "lectern-pack-reader"]);
  const files = Object.fromEntries([...packs, ["lectern-reader-aa.wasm", "reader"], ["lectern-kwic-aa.wasm", "kwic"]]);
  const kwicPack = packs.find(([name]) => name.startsWith("lectern-pack-kwic"))[0];
  const { loads, fetched } = runLoader(loader, files, new Set([kwicPack]));
  loads.early("#/doc/essay");
  await assert.rejects(loads.__wasm_split_load_reader(), /did not arrive/);
  const shown = await loads.__wasm_split_load_reader();
  assert.deepEqual((await Promise.all(shown.map((r) => r.text()))).sort(), ["one", "reader", "three", "two"]);
  assert.equal(fetched.filter((f) => f === kwicPack).length, 2);
  assert.equal(fetched.filter((f) => f === "lectern-reader-aa.wasm").length, 1);
});

test("a view whose module came out empty still gets the pieces it needs packed", () => {
  const loads = `${LOADS}export const __wasm_split_load_about = wrapAsyncCb(makeLoad(() => async (_imp) => ({})\n, [c3]));\n`;
  const read = (f) => Buffer.from(f);
  const { packs, packedFiles } = packParts(loads, read, { landing: [], order: ["about", "reader"] });
  assert.ok(packedFiles.includes("lectern-shared-c3.wasm"));
  assert.ok(packs.some(([name]) => name.startsWith("lectern-pack-about-")));
});

test("a loader whose shape the packing does not know is refused with a message", () => {
  const read = () => Buffer.from("x");
  assert.throws(() => packParts(LOADS, read, { landing: [["trends", "^#/trends"]] }), /has no __wasm_split_load_trends/);
  assert.throws(() => packParts(LOADS.replace("}\n, [c2, c3]", "}, c2"), read), /names no list/);
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

test("imports from the glue get short names in the wasm and in the glue's import object, and nothing else changes", async () => {
  const bytes = (text) => [text.length, ...Buffer.from(text)];
  // Section sizes as LEB128: the import section is longer than 127 bytes.
  const section = (id, body) => Buffer.from([id, ...(body.length < 128 ? [body.length] : [(body.length & 0x7f) | 0x80, body.length >> 7]), ...body]);
  const header = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  const type = section(1, [1, 0x60, 0, 0]);
  const imports = (a, b) => section(2, [3, ...bytes("./app_bg.js"), ...bytes(a), 0, 0, ...bytes("./__wasm_split.js"), ...bytes("__wasm_split_load_x"), 0, 0, ...bytes("./app_bg.js"), ...bytes(b), 0, 0]);
  const exported = section(7, [0]);
  const wasm = Buffer.concat([header, type, imports("__wbg_now_0123456789abcdef", "__wbindgen_throw_fedcba9876543210"), exported]);
  const glue = `function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_now_0123456789abcdef: function() { return Date.now(); },
        __wbindgen_throw_fedcba9876543210: function(a, b) { throw new Error(a); },
    };
    return { __proto__: null, "./app_bg.js": import0 };
}`;
  const out = shortImports(wasm, glue, "./app_bg.js");
  assert.deepEqual(out.wasm, Buffer.concat([header, type, imports("_0", "_1"), exported]));
  assert.match(out.glue, /\n {8}_0: function\(\) \{ return Date\.now\(\); \},\n {8}_1: function\(a, b\)/);
  assert.doesNotMatch(out.glue, /__wbg_now|__wbindgen_throw/);
  // The renamed module is valid, and instantiates with the renamed glue's import object.
  const module = new WebAssembly.Module(out.wasm);
  assert.deepEqual(WebAssembly.Module.imports(module).map((i) => i.name), ["_0", "__wasm_split_load_x", "_1"]);
  const renamedImports = new Function(`${out.glue}\nreturn __wbg_get_imports();`)();
  renamedImports["./__wasm_split.js"] = { __wasm_split_load_x: () => {} };
  assert.ok(new WebAssembly.Instance(module, renamedImports));
  // The glue as it was does not fit the renamed wasm: the instantiation above checks the names.
  const before = new Function(`${glue}\nreturn __wbg_get_imports();`)();
  before["./__wasm_split.js"] = { __wasm_split_load_x: () => {} };
  assert.throws(() => new WebAssembly.Instance(module, before), /_0/);
  // A glue that names an import anywhere else than as its key is refused.
  const twice = glue.replace("return Date.now();", "return __wbg_now_0123456789abcdef;");
  assert.throws(() => shortImports(wasm, twice, "./app_bg.js"), /names the import __wbg_now_0123456789abcdef 2 times/);
  assert.throws(() => shortImports(wasm, glue, "./other_bg.js"), /imports nothing from \.\/other_bg\.js/);
});

/** A wasm module with a type section and the exports `names`, of functions `indexes` (0, 1, … unless given). */
function exporting(names, indexes = names.map((_, i) => i)) {
  const bytes = (text) => [text.length, ...Buffer.from(text)];
  const section = (id, body) => Buffer.from([id, ...(body.length < 128 ? [body.length] : [(body.length & 0x7f) | 0x80, body.length >> 7]), ...body]);
  const header = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  return Buffer.concat([header, section(1, [1, 0x60, 0, 0]), section(7, [names.length, ...names.flatMap((n, i) => [...bytes(n), 0, indexes[i]])])]);
}

test("exports are dropped by name, every other export (with its index) and section kept byte for byte", () => {
  const check = (names, drop, expected) => {
    const out = withoutExports(exporting(names), drop);
    assert.deepEqual(out.wasm, exporting(...expected));
    assert.deepEqual(out.dropped, names.filter(drop));
  };
  check(["search", "gone_1", "memory_x"], (n) => n.startsWith("gone"), [["search", "memory_x"], [0, 2]]);
  check(["search"], () => false, [["search"]]);
  check(["a", "b"], () => true, [[]]);
  assert.throws(() => withoutExports(Buffer.from("not wasm at all"), () => true), /not a wasm module/);
});

const CLOSURE = "wasm_bindgen_0123456789abcdef___convert__closures_____invoke___JsValue______true_";
const CLOSURE_GLUE = `function ${CLOSURE}(arg0, arg1) {
    wasm.${CLOSURE}(arg0, arg1);
}
function ${CLOSURE}_14(arg0, arg1) {
    wasm.${CLOSURE}_14(arg0, arg1);
}
const imports = { cb: (a, b) => makeMutClosure(a, b, ${CLOSURE}), cb14: (a, b) => makeMutClosure(a, b, ${CLOSURE}_14) };
export function search(q) { return wasm.search(q); }
`;

test("the closures' long exports get short names in the wasm and where the glue calls them; any other use fails the build", () => {
  const wasm = exporting(["search", `${CLOSURE}_14`, "memory", CLOSURE], [0, 1, 2, 3]);
  const out = shortExports(wasm, CLOSURE_GLUE);
  assert.deepEqual(out.wasm, exporting(["search", "_c0", "memory", "_c1"], [0, 1, 2, 3]));
  // Only the calls into the wasm change: the glue's own functions keep their names (the minifier
  // shortens those), and the one name that is a prefix of the other is not confused with it.
  assert.equal(out.glue, CLOSURE_GLUE.replace(`wasm.${CLOSURE}(`, "wasm._c1(").replace(`wasm.${CLOSURE}_14(`, "wasm._c0("));
  // No such export: the wasm and the glue as they were.
  assert.deepEqual(shortExports(exporting(["search"]), "x"), { wasm: exporting(["search"]), glue: "x" });
  const check = (glue, message) => assert.throws(() => shortExports(wasm, glue), message);
  check(CLOSURE_GLUE.replace(`wasm.${CLOSURE}(`, `other.${CLOSURE}(`), new RegExp(`the glue calls the export ${CLOSURE} 0 times`));
  check(`${CLOSURE_GLUE}wasm.${CLOSURE}(1, 2);\n`, new RegExp(`the glue calls the export ${CLOSURE} 2 times`));
  check(`${CLOSURE_GLUE}const f = wasm["${CLOSURE}"];\n`, new RegExp(`the glue calls the export ${CLOSURE} 1 times as wasm\\.${CLOSURE}, or names it otherwise`));
});

const CLASS_GLUE = `export function search(q) { return wasm.search(q); }
const WidgetFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_widget_free(ptr, 1));
export class Widget {
    free() { wasm.__wbg_widget_free(this.__wbg_ptr, 0); }
    pull(c) { return wasm.widget_pull(this.__wbg_ptr, c); }
}
if (Symbol.dispose) Widget.prototype[Symbol.dispose] = Widget.prototype.free;
export function other() { return 1; }
`;

test("a class the app never makes leaves the wasm's exports and the glue; a glue that uses it fails the build", () => {
  const wasm = exporting(["search", "__wbg_widget_free", "widget_pull", "widgetry_x"]);
  const out = withoutClasses(wasm, CLASS_GLUE, ["Widget"]);
  assert.deepEqual(out.dropped, ["__wbg_widget_free", "widget_pull"]);
  assert.equal(out.glue.replace(/\n+/g, "\n"), "export function search(q) { return wasm.search(q); }\nexport function other() { return 1; }\n");
  assert.deepEqual(out.wasm, exporting(["search", "widgetry_x"], [0, 3]));
  // Nothing to drop: the glue and the wasm as they were.
  assert.deepEqual(withoutClasses(exporting(["search"]), "export function search() {}\n", ["Widget"]), { wasm: exporting(["search"]), glue: "export function search() {}\n", dropped: [] });
  const made = CLASS_GLUE.replace("export function other() { return 1; }", "const imports = { make: (p) => Widget.__wrap(p) };");
  assert.throws(() => withoutClasses(wasm, made, ["Widget"]), /the glue still uses Widget/);
});
