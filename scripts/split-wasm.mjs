// The split step of the build (run by Trunk's post_build hook, scripts/post-build.sh): cuts the
// views a visitor may never open out of the first download. Views marked as split points in the
// app (src/later.rs, Cargo feature `split`) become their own wasm files, fetched on first use;
// code they share with each other becomes shared parts; everything else stays in the main wasm.
//
// From Trunk's build it takes cargo's unprocessed wasm (linked with --emit-relocs, see
// .cargo/config.toml) and:
//   1. wasm-split-cli (crate wasm_split_cli_support, installed by scripts/setup.sh) splits it
//      at the split points and writes the loader module that fetches the parts;
//   2. wasm-bindgen makes the glue of the main wasm (keeping the linker's exports the parts use),
//      the classes the app never makes are dropped from both (withoutClasses), and the imports
//      from the glue get short names (shortImports);
//   3. in release builds wasm-opt (-Oz, the options below) shrinks the main wasm and every part,
//      and esbuild minifies the glue;
//   4. the parts get content-hashed names and the shared pieces are packed (packParts); the
//      loader module is folded into the glue (one module, one request), and the page's loader
//      made to fetch the files of the view it opens on while the main wasm downloads (LANDING);
//      the glue and the main wasm replace Trunk's under Trunk's names,
//      and index.html's integrity hashes are written anew;
//   5. the app is built once more without split points, for the single file (see `whole`).
// The loader fetches a part with fetch() + WebAssembly.instantiate on its bytes (not
// instantiateStreaming), so a host that serves .wasm with the wrong type still works.
//
// Usage: node scripts/split-wasm.mjs <staging dir> [--profile release|debug]
//   (the profile defaults to $TRUNK_PROFILE, then release)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, basename } from "node:path";
import { parseArgs } from "node:util";
import { transformSync } from "esbuild";
import * as acorn from "acorn";
import { findAssets, foldLoader, withEarlyStart, withIntegrity, WHOLE_DIR } from "./package.mjs";

/** wasm-opt's settings for the main wasm and every part: smallest code; the app never uses the
 * first KB of memory; repeat until nothing shrinks. Features as rustc emits them. */
export const WASM_OPT = ["-Oz", "--low-memory-unused", "--converge", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
  "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

/** `js` (an ES module) minified by esbuild: names shortened, whitespace and comments dropped,
 * syntax left as it is (no lowering). The glue is 110 KB of readable wrappers; minified, a
 * visitor downloads 3 KB gzip less at start. Exported names stay as they are. */
export function minified(js) {
  return transformSync(js, { minify: true, format: "esm", legalComments: "none" }).code;
}

const hash16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** The file name a part gets: what it holds, then its content hash. `split_kwic.wasm` (a view)
 * becomes `lectern-kwic-<hash>.wasm`, `chunk_3.wasm` (code views share) `lectern-shared-<hash>.wasm`. */
export function partName(file, bytes) {
  const view = /^split_([a-z0-9_]+?)(?:_\d+)?\.wasm$/.exec(file);
  const what = view ? view[1] : /^chunk_\d+\.wasm$/.test(file) ? "shared" : null;
  if (!what) throw new Error(`wasm-split-cli wrote ${file}, a file the split step does not know; update scripts/split-wasm.mjs.`);
  return `lectern-${what.replaceAll("_", "-")}-${hash16(bytes)}.wasm`;
}

/** The loader module with parts renamed, fetched without instantiateStreaming, and importing
 * the glue under `glueName`. Fails loudly when wasm-split-cli's output changes shape. */
export function rewriteLoader(js, names, glueName) {
  const glueImport = /import \{ initSync \} from "[^"]+";/;
  if (!glueImport.test(js)) throw new Error("the wasm-split loader no longer imports initSync from the glue; update scripts/split-wasm.mjs.");
  let out = js.replace(glueImport, `import { initSync } from "./${glueName}";`);
  const streaming = /WebAssembly\.instantiateStreaming\(src, imports\)/g;
  const count = (out.match(streaming) ?? []).length;
  out = out.replace(streaming, "src.then((r) => { if (!r.ok) throw new Error(`${r.url}: ${r.status}`); return r.arrayBuffer(); }).then((b) => WebAssembly.instantiate(b, imports))");
  for (const [from, to] of names) {
    const literal = `"./${from}"`;
    if (!out.includes(literal)) throw new Error(`the wasm-split loader does not name ${from}; update scripts/split-wasm.mjs.`);
    out = out.replaceAll(literal, `"./${to}"`);
  }
  if (count !== names.length) {
    throw new Error(`the wasm-split loader fetches ${count} parts in a way the split step does not know; update scripts/split-wasm.mjs.`);
  }
  return out;
}

/** Views whose files the hosted page fetches beside the main wasm when it opens on them (a
 * permalink, a shared search), so that showing them waits for no second round trip: the split
 * point's name (src/later.rs) and a pattern of `location.hash` that shows it (src/route.rs). */
export const LANDING = [
  ["reader", "^#/doc/[^/?]"],
  ["search_results", "^#/search(?:\\?|$)"],
];

/** The order in which views claim the shared pieces they use, most visited first: a piece goes
 * into the pack of the first view here that uses it, and a view fetches its own file and every
 * pack that holds a piece it uses. Views not named come after, in the loader's order.
 * `restore_documents` runs at every start of a page that keeps a reader's documents, so it
 * comes early: it would otherwise fetch the packs of many views for a little of each. */
export const PACK_ORDER = ["reader", "search_results", "restore_documents", "selection_tools", "cite_fields", "export_tools", "document_words",
  "compare", "check", "quote", "kwic", "trends", "words", "quotes", "document_quotes", "similar", "about"];

/** What the loader fetches: each load's variable, its file and the loads it needs first. */
function loadsOf(loader) {
  const program = acorn.parse(loader, { ecmaVersion: "latest", sourceType: "module" });
  const fetchOf = /fetch\(new URL\("(\.\/[^"]+\.wasm)", import\.meta\.url\)\)/;
  const loads = new Map();
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type !== "VariableDeclaration") continue;
    for (const d of declaration.declarations) {
      const text = loader.slice(d.init.start, d.init.end);
      // A split point whose module came out empty fetches nothing but may still need pieces.
      const file = fetchOf.exec(text)?.[1] ?? null;
      if (!/\bmakeLoad\(/.test(text)) continue;
      const deps = /[)}]\s*,\s*\[([^\]]*)\]\s*\)\s*\)?$/.exec(text);
      if (!deps) throw new Error(`the wasm-split loader's ${d.id.name} names no list of what it needs; update scripts/split-wasm.mjs.`);
      loads.set(d.id.name, { file, deps: deps[1].split(",").map((n) => n.trim()).filter(Boolean) });
    }
  }
  return loads;
}

/**
 * The loader with the shared pieces packed and the landing view's files fetched early:
 * - wasm-split cuts the code views share into one piece per set of views that use it (a
 *   permalink's reader needed 58 of them). Here each piece goes into the pack of the first view
 *   in `order` that uses it (PACK_ORDER); a pack is the pieces one after another, and the
 *   loader slices a piece out of its pack, fetched once. A view then fetches its own file and
 *   the packs of views before it that hold what it uses.
 * - `early(hash)` starts fetching the files of the view `hash` shows (`landing`, LANDING).
 * Every file is fetched once while that succeeds (early or not); a failure is forgotten, so
 * trying again fetches anew. `read(file)` gives a piece's bytes. Returns the loader and the
 * packs to write (`[name, bytes]`); the pieces themselves are no longer needed. Fails loudly
 * when the loader changes shape.
 */
export function packParts(loader, read, { landing = LANDING, order = PACK_ORDER } = {}) {
  const loads = loadsOf(loader);
  const filesOf = (name, seen = new Set()) => {
    const load = loads.get(name);
    if (!load) throw new Error(`the wasm-split loader has no ${name}; update scripts/split-wasm.mjs.`);
    if (!seen.has(name)) {
      seen.add(name);
      for (const dep of load.deps) filesOf(dep, seen);
    }
    return [...seen].map((n) => loads.get(n).file).filter(Boolean);
  };
  const views = [...loads.keys()].filter((n) => n.startsWith("__wasm_split_load_")).map((n) => n.slice("__wasm_split_load_".length));
  const ranked = [...order.filter((v) => views.includes(v)), ...views.filter((v) => !order.includes(v))];
  const viewFile = new Set(views.map((v) => loads.get(`__wasm_split_load_${v}`).file).filter(Boolean));
  const claimed = new Set();
  const members = new Map();
  for (const view of ranked) {
    for (const file of filesOf(`__wasm_split_load_${view}`)) {
      if (viewFile.has(file) || claimed.has(file)) continue;
      claimed.add(file);
      if (!members.has(view)) members.set(view, []);
      members.get(view).push(file);
    }
  }
  const packs = [];
  const where = {};
  for (const [view, files] of members) {
    const pieces = files.map((f) => read(f));
    const bytes = Buffer.concat(pieces);
    const name = `./lectern-pack-${view.replaceAll("_", "-")}-${hash16(bytes)}.bin`;
    let at = 0;
    files.forEach((f, i) => (where[f] = [name, at, (at += pieces[i].length)]));
    packs.push([name.slice(2), bytes]);
  }
  // Which file (view file or pack) holds a load's file.
  const holder = (file) => where[file]?.[0] ?? file;
  const table = landing.map(([view, pattern]) => [pattern, [...new Set(filesOf(`__wasm_split_load_${view}`).map(holder))]]);
  const fetched = new Set([...viewFile, ...packs.map(([name]) => `./${name}`)]);
  // A packed piece is no file of its own: the loader names it by a short key.
  const key = new Map(Object.keys(where).map((file, i) => [file, `s${i}`]));
  const packedAt = Object.fromEntries(Object.entries(where).map(([file, at]) => [key.get(file), at]));
  let rewritten = 0;
  const body = loader.replace(/const src = fetch\(new URL\("(\.\/[^"]+\.wasm)", import\.meta\.url\)\);/g, (_, file) => {
    rewritten++;
    return `const src = fetchPart(${JSON.stringify(key.get(file) ?? file)});`;
  });
  const fetching = [...loads.values()].filter((l) => l.file);
  if (rewritten !== fetching.length) throw new Error(`the wasm-split loader fetches ${fetching.length} parts, ${rewritten} of them in a way the split step knows; update scripts/split-wasm.mjs.`);
  // Every file the loader fetches must be a view's file or in a pack, or its view could never load.
  const lost = fetching.filter((l) => !viewFile.has(l.file) && !where[l.file]).map((l) => l.file);
  if (lost.length) throw new Error(`no view needs ${lost.join(", ")}, which the wasm-split loader fetches; update scripts/split-wasm.mjs.`);
  const sources = [...fetched].map((f) => `    ${JSON.stringify(f)}: () => fetch(new URL(${JSON.stringify(f)}, import.meta.url)),`).join("\n");
  return {
    loader: `${body}
// The files of the parts: views' own, and packs of the code they share (scripts/split-wasm.mjs).
const partSources = {
${sources}
};
const packed = ${JSON.stringify(packedAt)};
const partFiles = new Map();
function fetchFile(file) {
    let bytes = partFiles.get(file);
    if (bytes === undefined) {
        bytes = partSources[file]().then((r) => { if (!r.ok) throw new Error(\`\${r.url}: \${r.status}\`); return r.arrayBuffer(); });
        bytes.catch(() => { if (partFiles.get(file) === bytes) partFiles.delete(file); });
        partFiles.set(file, bytes);
    }
    return bytes;
}
function fetchPart(file) {
    const at = packed[file];
    return at ? fetchFile(at[0]).then((b) => new Response(b.slice(at[1], at[2]))) : fetchFile(file).then((b) => new Response(b));
}
const landing = ${JSON.stringify(table)};
export const early = (hash) => {
    for (const [pattern, files] of landing) {
        if (new RegExp(pattern).test(hash)) for (const file of files) fetchFile(file).catch(() => {});
    }
};
`,
    packs,
    packedFiles: Object.keys(where).map((f) => f.slice(2)),
  };
}

/** The app built again without the `split` feature, for the single file: it carries every view
 * anyway, and one wasm is 50 KB gzip lighter than a main wasm and its parts, and starts as fast.
 * Written to WHOLE_DIR with the name of the split build's glue it goes with, so the package step
 * uses it only beside that build. (Cargo keeps both builds of the app, one per feature set, so
 * switching costs a link, not a rebuild.) */
function whole(raw, profile, stem, glueName, work, optimised) {
  run("cargo", ["build", "--target", "wasm32-unknown-unknown", "--bin", "lectern-app", ...(profile === "release" ? ["--release"] : [])]);
  const out = join(work, "whole");
  // The linker's relocations (kept for the split) would otherwise pass through wasm-bindgen and
  // wasm-opt into the file: 1.5 MB of them.
  const input = join(work, "whole.wasm");
  writeFileSync(input, withoutCustomSections(readFileSync(raw), (name) => name === "linking" || name.startsWith("reloc.")));
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", out, "--out-name", stem, input]);
  dropUnusedClasses(out, stem);
  const short = shortNames(readFileSync(join(out, `${stem}_bg.wasm`)), readFileSync(join(out, `${stem}.js`), "utf8"), `./${stem}_bg.js`);
  writeFileSync(join(out, `${stem}_bg.wasm`), short.wasm);
  const wasm = optimised(join(out, `${stem}_bg.wasm`));
  rmSync(WHOLE_DIR, { recursive: true, force: true });
  mkdirSync(WHOLE_DIR, { recursive: true });
  const glue = short.glue;
  writeFileSync(join(WHOLE_DIR, "lectern-app.js"), profile === "release" ? minified(glue) : glue);
  writeFileSync(join(WHOLE_DIR, "lectern-app_bg.wasm"), wasm);
  writeFileSync(join(WHOLE_DIR, "whole.json"), JSON.stringify({ glue: glueName }) + "\n");
}

/** Rewrites wasm-bindgen's output in `dir` without UNUSED_CLASSES (see `withoutClasses`). */
function dropUnusedClasses(dir, stem) {
  const wasmPath = join(dir, `${stem}_bg.wasm`);
  const gluePath = join(dir, `${stem}.js`);
  const { wasm, glue } = withoutClasses(readFileSync(wasmPath), readFileSync(gluePath, "utf8"));
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, glue);
}

/** Reads the unsigned LEB128 number at `at` in `bytes`: `[value, the offset after it]`. */
function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** `value` as unsigned LEB128. */
function toLeb128(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/**
 * The main wasm and its glue with the imports from the glue (module `module`) renamed to short
 * names: wasm-bindgen names each `__wbg_<method>_<16 hex digits>` (257 in this app), written in
 * the wasm and again in the glue, and the hashes do not compress: about 7 KB gzip at start.
 * The glue's import object names each import once, as `name: function…`; an import named
 * otherwise, or anywhere else in the glue, fails the build rather than break the page. Every
 * other section of the wasm, and every other module's imports, stay byte for byte.
 */
export function shortImports(wasm, glue, module) {
  const out = [wasm.subarray(0, 8)];
  let renamed = glue;
  let count = 0;
  for (const { id, start, payload, end } of sections(wasm)) {
    if (id !== 2) {
      out.push(wasm.subarray(start, end));
      continue;
    }
    let [n, p] = leb128(wasm, payload);
    const entries = [toLeb128(n)];
    const text = () => {
      const [length, from] = leb128(wasm, p);
      p = from + length;
      return wasm.subarray(from, p).toString("utf8");
    };
    for (; n > 0; n--) {
      const from = text();
      let name = text();
      const descriptor = p;
      const kind = wasm[p++];
      const skip = () => ([, p] = leb128(wasm, p));
      if (kind === 0) skip();
      else if (kind === 1 || kind === 2) {
        if (kind === 1) p++;
        const [limits, next] = leb128(wasm, p);
        p = next;
        skip();
        if (limits & 1) skip();
      } else if (kind === 3) p += 2;
      else throw new Error(`an import of kind ${kind} the split step does not know; update scripts/split-wasm.mjs.`);
      if (from === module) {
        const short = `_${(count++).toString(36)}`;
        const uses = renamed.match(new RegExp(`\\b${name}\\b`, "g"))?.length ?? 0;
        const key = new RegExp(`(^|[{,\\s])${name}:`);
        if (uses !== 1 || !key.test(renamed)) {
          throw new Error(`the glue names the import ${name} ${uses} times, not once as a key; update scripts/split-wasm.mjs.`);
        }
        renamed = renamed.replace(key, `$1${short}:`);
        name = short;
      }
      entries.push(toLeb128(Buffer.byteLength(from)), Buffer.from(from), toLeb128(Buffer.byteLength(name)), Buffer.from(name), wasm.subarray(descriptor, p));
    }
    const body = Buffer.concat(entries);
    out.push(Buffer.from([2]), toLeb128(body.length), body);
  }
  if (!count) throw new Error(`the wasm imports nothing from ${module}; update scripts/split-wasm.mjs.`);
  return { wasm: Buffer.concat(out), glue: renamed };
}

/** The wasm and its glue with wasm-bindgen's long names made short: the imports from the glue
 * (`shortImports`) and the closures' exports (`shortExports`). */
function shortNames(wasm, glue, module) {
  const short = shortImports(wasm, glue, module);
  return shortExports(short.wasm, short.glue);
}

/** The sections of `wasm` in order, each as `{ id, start, payload, end }` (byte offsets of the
 * section, of its contents, and after it). */
function* sections(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const [size, payload] = leb128(wasm, at + 1);
    at = payload + size;
    yield { id: wasm[start], start, payload, end: at };
  }
}

/** `wasm` without the custom sections whose name `drop` accepts (the other sections as they are). */
export function withoutCustomSections(wasm, drop) {
  const kept = [wasm.subarray(0, 8)];
  for (const { id, start, payload, end } of sections(wasm)) {
    if (id === 0) {
      const [length, name] = leb128(wasm, payload);
      if (drop(wasm.subarray(name, name + length).toString("utf8"))) continue;
    }
    kept.push(wasm.subarray(start, end));
  }
  return Buffer.concat(kept);
}

/** `wasm` with each export's name passed through `rename`: the name it returns (the same name
 * keeps the entry byte for byte), or null to drop the export. Every other section stays byte for
 * byte. */
function mapExports(wasm, rename) {
  const out = [wasm.subarray(0, 8)];
  for (const { id, start, payload, end } of sections(wasm)) {
    if (id !== 7) {
      out.push(wasm.subarray(start, end));
      continue;
    }
    let [n, p] = leb128(wasm, payload);
    const kept = [];
    for (; n > 0; n--) {
      const entry = p;
      const [length, name] = leb128(wasm, p);
      const text = wasm.subarray(name, name + length).toString("utf8");
      // The name, then the kind (one byte) and the index (LEB128).
      const descriptor = name + length;
      [, p] = leb128(wasm, descriptor + 1);
      const to = rename(text);
      if (to === text) kept.push(wasm.subarray(entry, p));
      else if (to !== null) kept.push(Buffer.concat([toLeb128(Buffer.byteLength(to)), Buffer.from(to), wasm.subarray(descriptor, p)]));
    }
    const body = Buffer.concat([toLeb128(kept.length), ...kept]);
    out.push(Buffer.from([7]), toLeb128(body.length), body);
  }
  return Buffer.concat(out);
}

/** `wasm` without the exports whose name `drop` accepts (every other byte as it is), so that
 * wasm-opt can remove the code only they reach; and the names dropped. */
export function withoutExports(wasm, drop) {
  const dropped = [];
  const out = mapExports(wasm, (name) => (drop(name) ? (dropped.push(name), null) : name));
  return { wasm: out, dropped };
}

/** The exports wasm-bindgen makes for the closures the glue calls back into, named after their
 * types: `wasm_bindgen_<16 hex digits>___convert__closures_____invoke___…`, up to 332 characters
 * each (7 in this app, about 1 KB of names in the wasm and again in the glue). */
export const LONG_EXPORTS = /^wasm_bindgen_[0-9a-f]{16}___convert__closures_/;

/**
 * The wasm and its glue with the exports `long` matches renamed to short names (`_c0`, `_c1`, …).
 * The glue calls each as `wasm.<name>`, exactly once; its own functions of the same name are left
 * to the minifier. A glue that uses such an export otherwise (as a string, through another object)
 * fails the build rather than break the page.
 */
export function shortExports(wasm, glue, long = LONG_EXPORTS) {
  let renamed = glue;
  let count = 0;
  const out = mapExports(wasm, (name) => {
    if (!long.test(name)) return name;
    const short = `_c${(count++).toString(36)}`;
    const call = new RegExp(`\\bwasm\\.${name}\\b`, "g");
    const calls = renamed.match(call)?.length ?? 0;
    renamed = renamed.replace(call, `wasm.${short}`);
    if (calls !== 1 || new RegExp(`[.'"\`]${name}\\b`).test(renamed)) {
      throw new Error(`the glue calls the export ${name} ${calls} times as wasm.${name}, or names it otherwise; update scripts/split-wasm.mjs.`);
    }
    return short;
  });
  return { wasm: out, glue: renamed };
}

/** Classes every wasm exports that the app never makes: leptos always depends on server_fn with
 * its browser client, which brings wasm-streams, whose `#[wasm_bindgen]` stream adapters are
 * exported whether used or not (the app calls no server function). Dropping them and their glue
 * saves about 2 KB gzip at start and in the single file. */
export const UNUSED_CLASSES = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];

/** The wasm and its glue without `classes`: their exports (`<class>_<method>`, `__wbg_<class>_free`,
 * the class lower-cased), and the glue's class, its finalization registry and its dispose hook.
 * Fails the build when the glue still names a class or a dropped export afterwards (a newer
 * wasm-bindgen may make them from the wasm), rather than ship a glue that calls what is gone. */
export function withoutClasses(wasm, glue, classes = UNUSED_CLASSES) {
  const lower = classes.map((c) => c.toLowerCase());
  const { wasm: smaller, dropped } = withoutExports(wasm, (name) => lower.some((c) => name.startsWith(`${c}_`) || name === `__wbg_${c}_free`));
  // Exactly what wasm-bindgen writes for a class: `export class C`, `const CFinalization = …`,
  // `if (Symbol.dispose) C.prototype[…] = …`; anything else that names it stays (and fails below).
  const ours = (node) =>
    (node.type === "ExportNamedDeclaration" && node.declaration?.type === "ClassDeclaration" && classes.includes(node.declaration.id.name)) ||
    (node.type === "VariableDeclaration" && node.declarations.every((d) => classes.some((c) => d.id.name === `${c}Finalization`))) ||
    (node.type === "IfStatement" && classes.some((c) => glue.slice(node.start, node.end).startsWith(`if (Symbol.dispose) ${c}.prototype`)));
  const cuts = acorn.parse(glue, { ecmaVersion: "latest", sourceType: "module" }).body.filter(ours);
  let kept = glue;
  for (const node of cuts.reverse()) kept = kept.slice(0, node.start) + kept.slice(node.end);
  const left = [...classes.filter((c) => new RegExp(`\\b${c}\\b`).test(kept)), ...dropped.filter((name) => kept.includes(name))];
  if (left.length) throw new Error(`the glue still uses ${left.join(", ")}, which the split step drops; update UNUSED_CLASSES in scripts/split-wasm.mjs.`);
  return { wasm: smaller, glue: kept, dropped };
}

function run(tool, args) {
  try {
    execFileSync(tool, args, { stdio: ["ignore", "ignore", "pipe"] });
  } catch (e) {
    const hint = tool === "wasm-split-cli" ? " (scripts/setup.sh installs it)" : "";
    throw new Error(`${tool} ${args.join(" ")} failed${hint}:\n${e.stderr ?? e.message}`);
  }
}

/** Splits the app Trunk built into `staging`; returns the parts it wrote. */
export function split(staging, profile) {
  const targetDir = process.env.CARGO_TARGET_DIR ?? "target";
  const raw = join(targetDir, "wasm32-unknown-unknown", profile, "lectern-app.wasm");
  if (!existsSync(raw)) throw new Error(`${raw} is missing: the split step runs after Trunk's cargo build of lectern-app.`);
  const htmlPath = join(staging, "index.html");
  const html = readFileSync(htmlPath, "utf8");
  const assets = findAssets(html);
  const glueName = basename(assets.glue);
  const wasmName = basename(assets.wasm);
  const work = mkdtempSync(join(tmpdir(), "lectern-split-"));
  try {
    const stem = glueName.replace(/\.js$/, "");
    run("wasm-split-cli", [raw, join(work, "split"), "--out-name", stem]);
    const parts = readdirSync(join(work, "split")).filter((f) => f.endsWith(".wasm") && f !== `${stem}.wasm`).sort();
    if (!parts.length) throw new Error("wasm-split-cli found no split points: build with the `split` feature (index.html asks Trunk for it).");
    run("wasm-bindgen", ["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", join(work, "bindgen"), "--out-name", stem, join(work, "split", `${stem}.wasm`)]);
    dropUnusedClasses(join(work, "bindgen"), stem);
    const optimised = (from) => {
      if (profile !== "release") return readFileSync(from);
      const to = `${from}.opt`;
      // LECTERN_WASM_NAMES=1 keeps the functions' names, so that a browser's profiler names
      // them (for profiling only: the names weigh about a megabyte, and the size check fails).
      run("wasm-opt", [...WASM_OPT, ...(process.env.LECTERN_WASM_NAMES ? ["-g"] : []), from, "-o", to]);
      return readFileSync(to);
    };
    const names = [];
    const written = [];
    for (const part of parts) {
      const bytes = optimised(join(work, "split", part));
      const name = partName(part, bytes);
      writeFileSync(join(staging, name), bytes);
      names.push([part, name]);
      written.push(name);
    }
    const renamed = rewriteLoader(readFileSync(join(work, "split", "__wasm_split.js"), "utf8"), names, glueName);
    const { loader, packs, packedFiles } = packParts(renamed, (file) => readFileSync(join(staging, file)));
    for (const [name, bytes] of packs) writeFileSync(join(staging, name), bytes);
    // The pieces now travel in packs: only the packs are written.
    for (const name of packedFiles) {
      rmSync(join(staging, name));
      written.splice(written.indexOf(name), 1);
    }
    for (const [name] of packs) written.push(name);
    // The release main wasm as wasm-bindgen left it, names and all, for the size report
    // (bench/size-report.mjs --main).
    if (profile === "release") copyFileSync(join(work, "bindgen", `${stem}_bg.wasm`), join(targetDir, "lectern-main.wasm"));
    const short = shortNames(readFileSync(join(work, "bindgen", `${stem}_bg.wasm`)), readFileSync(join(work, "bindgen", `${stem}.js`), "utf8"), `./${stem}_bg.js`);
    writeFileSync(join(work, "bindgen", `${stem}_bg.wasm`), short.wasm);
    // The page's loader calls `__lecternEarly(location.hash)` while the main wasm downloads.
    const folded = `${foldLoader(short.glue, loader)}export const __lecternEarly = __lecternParts.early;\n`;
    const glue = profile === "release" ? minified(folded) : folded;
    const wasm = optimised(join(work, "bindgen", `${stem}_bg.wasm`));
    writeFileSync(join(staging, glueName), glue);
    writeFileSync(join(staging, wasmName), wasm);
    // The glue and the wasm changed under Trunk's names: their integrity hashes must follow.
    const integrity = new Map([[assets.glue, sri(Buffer.from(glue))], [assets.wasm, sri(wasm)]]);
    writeFileSync(htmlPath, withIntegrity(withEarlyStart(html), integrity));
    whole(raw, profile, stem, glueName, work, optimised);
    return written;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { profile: { type: "string" } } });
  const staging = positionals[0] ?? process.env.TRUNK_STAGING_DIR;
  if (!staging) {
    console.error("usage: node scripts/split-wasm.mjs <staging dir> [--profile release|debug]");
    process.exit(2);
  }
  const parts = split(staging, values.profile ?? process.env.TRUNK_PROFILE ?? "release");
  console.log(`split the app into ${parts.length} parts loaded on first use`);
}
