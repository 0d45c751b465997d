// The package step: links the corpus data into Trunk's dist/ and turns it into one
// self-contained file, pkg/lectern.html, that opens from disk (file://) with no network.
//
// The corpus and its index are data files written by `lectern bundle` (gzip, content-hashed
// names, listed in dist/lectern-data.json). In dist/index.html they are named by `<link
// rel=preload as=fetch data-lectern-data=…>` so the browser fetches them in parallel with the
// wasm; in the single file they are carried inline, base64 of their gzip bytes, in `<script
// type="application/octet-stream" data-lectern-data=…>` (never executed). Chromium refuses a module
// script or a wasm fetch from origin `null`, so the wasm-bindgen glue is inlined as an inline
// module script and the wasm (gzip, base64, inflated by the browser's DecompressionStream) is
// handed to its init function; the stylesheet is inlined too. Trunk's HTML is read with a real
// HTML parser (parse5) and the glue with a JS parser (acorn), and the step fails loudly, naming
// what it missed, if either changes shape. The same file is copied to dist/lectern.html for the
// hosted "Download for offline use" link, and pkg/embed.js is written.
// Both pages get a Content-Security-Policy meta tag as strict as the app allows: no remote
// sources, no eval ('wasm-unsafe-eval' only), inline code only by hash.
// Usage: node scripts/package.mjs [dist] [pkg]    (link the data, write both pages)
//        node scripts/package.mjs --link <dist>   (link the data into index.html only; Trunk's hook)
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { createHash } from "node:crypto";
import { gzipAsync } from "@gfx/zopfli";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { parse, serialize } from "parse5";
import * as acorn from "acorn";

const attr = (node, name) => node.attrs?.find((a) => a.name === name)?.value;

function walk(node, visit) {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
  if (node.content) walk(node.content, visit);
}

function remove(node) {
  const siblings = node.parentNode.childNodes;
  siblings.splice(siblings.indexOf(node), 1);
}

function element(tag, attrs, text, parent) {
  const el = { nodeName: tag, tagName: tag, attrs, namespaceURI: "http://www.w3.org/1999/xhtml", childNodes: [], parentNode: parent };
  el.childNodes.push({ nodeName: "#text", value: text, parentNode: el });
  return el;
}

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The policy of the single file: nothing from anywhere, its one script and style by hash. */
export function singleFilePolicy(script, style) {
  return [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(style)}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The policy of the hosted page: its own files, Trunk's inline loader by hash. */
export function hostedPolicy(loader) {
  return [
    "default-src 'self'",
    `script-src 'self' ${sha256(loader)} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Puts a CSP meta tag first in <head>, replacing one that is there already. */
function setPolicy(head, policy) {
  head.childNodes = head.childNodes.filter((n) => !(n.tagName === "meta" && attr(n, "http-equiv") === "Content-Security-Policy"));
  const meta = { nodeName: "meta", tagName: "meta", namespaceURI: "http://www.w3.org/1999/xhtml", childNodes: [], parentNode: head,
    attrs: [{ name: "http-equiv", value: "Content-Security-Policy" }, { name: "content", value: policy }] };
  const charset = head.childNodes.findIndex((n) => n.tagName === "meta" && attr(n, "charset"));
  head.childNodes.splice(charset + 1, 0, meta);
}

/** Trunk's page with its policy added (the loader script hashed as Trunk wrote it). */
export function withHostedPolicy(html) {
  const assets = findAssets(html);
  const loader = assets.loader.childNodes.map((n) => n.value).join("");
  setPolicy(assets.head, hostedPolicy(loader));
  return serialize(assets.doc);
}

/** Reads and checks the manifest `lectern bundle` wrote (dist/lectern-data.json). */
export function readManifest(text, where = "lectern-data.json") {
  const m = JSON.parse(text);
  const name = /^(corpus|index)-[0-9a-f]{16}\.bin$/;
  if (!name.test(m.corpus ?? "") || !name.test(m.index ?? "") || !/^[0-9a-f]{64}$/.test(m.sha256 ?? "") || typeof m.built !== "string") {
    throw new Error(`${where} is not a manifest written by \`lectern bundle\`; run \`lectern bundle <corpus> --out <dist>\` again.`);
  }
  return m;
}

/** The attributes that name one data file (`kind` is "corpus" or "index"); the corpus's carry
 * the build's stamp. */
function dataAttrs(kind, manifest) {
  const attrs = [{ name: "data-lectern-data", value: kind }];
  if (kind === "corpus") attrs.push({ name: "data-sha256", value: manifest.sha256 }, { name: "data-built", value: manifest.built });
  return attrs;
}

/** Trunk's page with the data files of `manifest` linked (any earlier links replaced): preload
 * links, so the browser fetches them in parallel with the wasm. */
export function withData(html, manifest) {
  const assets = findAssets(html);
  for (const node of assets.data) remove(node);
  for (const kind of ["corpus", "index"]) {
    const link = { nodeName: "link", tagName: "link", namespaceURI: "http://www.w3.org/1999/xhtml", childNodes: [], parentNode: assets.head,
      attrs: [{ name: "rel", value: "preload" }, { name: "href", value: `./${manifest[kind]}` }, { name: "as", value: "fetch" },
        { name: "crossorigin", value: "anonymous" }, ...dataAttrs(kind, manifest)] };
    assets.head.childNodes.push(link);
  }
  return serialize(assets.doc);
}

/** The page with the `integrity` of each link whose href `integrity` (a Map) names set anew:
 * the split step rewrites the glue and the wasm after Trunk hashed them. Read with the HTML
 * parser, as Trunk's minified page quotes no attribute; fails when a file is not linked. */
export function withIntegrity(html, integrity) {
  const doc = parse(html);
  const left = new Set(integrity.keys());
  walk(doc, (node) => {
    const href = node.tagName === "link" && attr(node, "href");
    const hash = href && integrity.get(href);
    const at = hash && node.attrs.find((a) => a.name === "integrity");
    if (at) {
      at.value = hash;
      left.delete(href);
    }
  });
  if (left.size) throw new Error(`index.html has no link with an integrity hash for ${[...left].join(", ")}; update scripts/split-wasm.mjs.`);
  return serialize(doc);
}

/** The page with Trunk's loader made to start fetching the files of the view it opens on
 * (the glue's `__lecternEarly`, written by the split step) while the main wasm downloads
 * (its preload link started that), before it waits for it. */
export function withEarlyStart(html) {
  const assets = findAssets(html);
  const text = assets.loader.childNodes[0];
  const start = /^(const wasm = await init\()/m;
  if (!text || !start.test(text.value)) throw new Error("Trunk's loader script no longer reads `const wasm = await init(`; update withEarlyStart in scripts/package.mjs.");
  if (!text.value.includes("__lecternEarly")) text.value = text.value.replace(start, "bindings.__lecternEarly?.(location.hash);\n$1");
  return serialize(assets.doc);
}

/** What the single file needs from Trunk's index.html: the stylesheet, the glue and the wasm. */
export function findAssets(html) {
  const doc = parse(html);
  const found = { styles: [], glue: null, wasm: null, loader: null, drop: [], data: [], head: null, body: null };
  walk(doc, (node) => {
    if (node.tagName === "head") found.head = node;
    if (node.tagName === "body") found.body = node;
    if (node.tagName === "link") {
      const rel = attr(node, "rel");
      if (rel === "stylesheet") found.styles.push(node);
      else if (rel === "modulepreload") {
        found.glue ??= attr(node, "href");
        found.drop.push(node);
      } else if (rel === "preload") {
        if (attr(node, "data-lectern-data")) found.data.push(node);
        else if (attr(node, "type") === "application/wasm" || /\.wasm$/.test(attr(node, "href") ?? "")) found.wasm ??= attr(node, "href");
        found.drop.push(node);
      }
    }
    if (node.tagName === "script" && attr(node, "type") === "module") found.loader = node;
    if (node.tagName === "script" && attr(node, "data-lectern-data")) found.data.push(node);
  });
  // The loader names the glue it imports; trust it over the preload hint when both exist.
  if (found.loader) {
    const code = found.loader.childNodes.map((n) => n.value).join("");
    const program = acorn.parse(code, { ecmaVersion: "latest", sourceType: "module" });
    const imported = program.body.find((s) => s.type === "ImportDeclaration");
    if (imported) found.glue = imported.source.value;
  }
  const missing = [
    !found.head && "<head>",
    !found.body && "<body>",
    !found.styles.length && "a stylesheet <link>",
    !found.loader && "Trunk's <script type=module> loader",
    !found.glue && "the wasm-bindgen glue (import in the loader or modulepreload link)",
    !found.wasm && "the wasm file (<link rel=preload type=application/wasm>)",
  ].filter(Boolean);
  if (missing.length) throw new Error(`Trunk's index.html has changed shape: could not find ${missing.join(", ")}.`);
  return { doc, ...found };
}

/** The glue's init function (its default export) and its other named exports, each with the
 * name it has inside the module (`local`): a minified glue exports `t as search`. */
export function glueExports(glue) {
  const program = acorn.parse(glue, { ecmaVersion: "latest", sourceType: "module" });
  let init = null;
  const named = [];
  for (const statement of program.body) {
    if (statement.type === "ExportNamedDeclaration") {
      for (const spec of statement.specifiers) {
        if (spec.exported.name === "default") init = spec.local.name;
        else named.push({ name: spec.exported.name, local: spec.local.name });
      }
      if (statement.declaration?.id) named.push({ name: statement.declaration.id.name, local: statement.declaration.id.name });
      for (const d of statement.declaration?.declarations ?? []) named.push({ name: d.id.name, local: d.id.name });
    }
    if (statement.type === "ExportDefaultDeclaration") {
      init = statement.declaration.id?.name ?? statement.declaration.name ?? null;
    }
  }
  if (!init) throw new Error("the wasm-bindgen glue has no default-exported init function by name; the package step needs updating.");
  return { init, named: named.filter((n) => n.name !== "initSync") };
}

/** One self-contained HTML document from Trunk's index.html and a reader of its files. */
export async function inline(html, read, manifest) {
  const assets = findAssets(html);
  const css = assets.styles.map((link) => read(attr(link, "href")).toString("utf8")).join("\n");
  for (const link of assets.styles) remove(link);
  for (const link of assets.drop) remove(link);
  for (const node of assets.data) remove(node);
  remove(assets.loader);
  const parts = inlineParts(read(assets.glue).toString("utf8"), read);
  const glue = parts.code;
  const { init, named } = glueExports(glue);
  // gzip then base64: a quarter of the size on disk of plain base64, and a third less gzip.
  const wasm = await packed(read(assets.wasm));
  const bootstrap = `
// Lectern single-file bootstrap: the wasm is carried inline (gzip, base64), so nothing is fetched.
{
  const b64 = "${wasm}";
  const packed = typeof Uint8Array.fromBase64 === "function"
    ? Uint8Array.fromBase64(b64)
    : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  if (typeof DecompressionStream !== "function") {
    document.querySelector("[data-boot]").textContent = "Lectern needs a current browser (one with DecompressionStream) to open this file.";
    throw new Error("no DecompressionStream");
  }
  const bytes = await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  window.__lecternSingleFile = true;
  await ${init}({ module_or_path: bytes });
  window.wasmBindings = { ${named.map(({ name, local }) => `${name}: ${local}`).join(", ")} };
}
`;
  assets.head.childNodes.push(element("style", [], css, assets.head));
  // `</script` cannot occur inside the inline script: the glue and base64 never contain it, and
  // a check keeps it that way.
  const code = `${glue}\n${bootstrap}`;
  if (/<\/script/i.test(code)) throw new Error("the glue contains </script and cannot be inlined as is.");
  if (/<\/style/i.test(css)) throw new Error("the stylesheet contains </style and cannot be inlined as is.");
  for (const kind of ["corpus", "index"]) {
    // Data scripts are never executed, so the policy needs no hash for them; base64 cannot
    // contain </script.
    const attrs = [{ name: "type", value: "application/octet-stream" }, ...dataAttrs(kind, manifest)];
    assets.body.childNodes.push(element("script", attrs, read(`./${manifest[kind]}`).toString("base64"), assets.body));
  }
  if (parts.files.length) {
    // All parts in one gzip stream (they share much code shape: 15 % smaller than one each),
    // with where each one lies in it.
    let at = 0;
    const where = parts.files.map(([name, bytes]) => [name, at, (at += bytes.length)]);
    const attrs = [{ name: "type", value: "application/octet-stream" }, { name: "data-lectern-parts", value: JSON.stringify(where) }];
    assets.body.childNodes.push(element("script", attrs, await packed(Buffer.concat(parts.files.map(([, bytes]) => bytes))), assets.body));
  }
  assets.body.childNodes.push(element("script", [{ name: "type", value: "module" }], code, assets.body));
  setPolicy(assets.head, singleFilePolicy(code, css));
  return serialize(assets.doc);
}

/** The glue with the split loader module (scripts/split-wasm.mjs) folded into it: one module
 * instead of two, which the hosted page loads with one request less and the single file can
 * inline (a module from origin `null` cannot import another). The loader's exports become the
 * properties of `__lecternParts`, which the glue's imports of the loader are bound to. Fails
 * loudly when either changes shape. */
export function foldLoader(glue, loader) {
  const program = acorn.parse(glue, { ecmaVersion: "latest", sourceType: "module" });
  const imports = program.body.filter((s) => s.type === "ImportDeclaration");
  if (!imports.length || imports.some((s) => s.source.value !== imports[0].source.value)) {
    throw new Error(`the glue imports ${imports.map((s) => s.source.value).join(", ") || "nothing"}, not only the split loader; the split step needs updating.`);
  }
  const loaderProgram = acorn.parse(loader, { ecmaVersion: "latest", sourceType: "module" });
  const exported = [];
  // Cut from the end so the earlier offsets stay right.
  for (const s of [...loaderProgram.body].reverse()) {
    if (s.type === "ImportDeclaration") loader = loader.slice(0, s.start) + loader.slice(s.end);
    else if (s.type === "ExportNamedDeclaration" && s.declaration?.type === "VariableDeclaration") {
      for (const d of s.declaration.declarations) exported.push(d.id.name);
      loader = loader.slice(0, s.start) + loader.slice(s.declaration.start);
    } else if (s.type.startsWith("Export")) throw new Error("the split loader exports something other than constants; the split step needs updating.");
  }
  let body = glue;
  for (const s of [...imports].reverse()) {
    const names = s.specifiers.map((sp) => (sp.type === "ImportNamespaceSpecifier" ? `const ${sp.local.name} = __lecternParts;` : `const ${sp.local.name} = __lecternParts.${sp.imported.name};`));
    body = body.slice(0, s.start) + names.join(" ") + body.slice(s.end);
  }
  return `// The loader of the views loaded on first use (scripts/split-wasm.mjs).
const __lecternParts = (() => {
${loader}
return { ${exported.reverse().join(", ")} };
})();
${body}`;
}

/** The glue of a split app made to read its parts from the single file instead of fetching
 * them: each `fetch(new URL("./<part>.wasm", import.meta.url))` of the folded loader becomes a
 * read from one `<script type="application/octet-stream" data-lectern-parts=…>` (all parts,
 * gzip then base64; the attribute says where each lies). Returns the code and the parts' files;
 * a glue that fetches no part is returned as is. */
export function inlineParts(glue, read) {
  const files = [];
  const code = glue.replace(/fetch\(new URL\("\.\/([^"]+\.(?:wasm|bin))",\s*import\.meta\.url\)\)/g, (_, name) => {
    files.push([name, read(`./${name}`)]);
    return `__lecternPart(${JSON.stringify(name)})`;
  });
  if (!files.length) return { code: glue, files };
  const prelude = `// The views loaded on first use, read from this file instead of fetched.
let __lecternAllParts;
function __lecternPart(name) {
  const node = document.querySelector("script[data-lectern-parts]");
  const where = node && JSON.parse(node.dataset.lecternParts).find((w) => w[0] === name);
  if (!where) return Promise.reject(new Error(\`\${name} is not in this file\`));
  __lecternAllParts ??= (() => {
    const b64 = node.textContent;
    const packed = typeof Uint8Array.fromBase64 === "function" ? Uint8Array.fromBase64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  })();
  return __lecternAllParts.then((all) => new Response(all.slice(where[1], where[2])));
}
`;
  return { code: prelude + code, files };
}

/** gzip, then base64: how the single file carries binary data. The gzip is Zopfli's: the same
 * format, which the browser's DecompressionStream inflates as fast, 4 % smaller than zlib's
 * level 9 (the whole app's wasm: 299.4 KB against 313.2 KB) for about 2 s more per package step; five
 * iterations, as more gain under 0.1 KB. Data files from `lectern bundle` are gzip already and
 * are only base64-encoded. */
async function packed(bytes) {
  return Buffer.from(await gzipAsync(bytes, { numiterations: 5 })).toString("base64");
}

/** Where the split step (scripts/split-wasm.mjs) keeps the app built without split points, for
 * the single file: it carries every view anyway, and one wasm is lighter than a main wasm and
 * its parts. */
export const WHOLE_DIR = join(process.env.CARGO_TARGET_DIR ?? "target", "whole");

/** A reader of the files of `dist` that, for the single file, reads the glue and wasm of the app
 * built without split points instead, when WHOLE_DIR holds the one built with this `dist`'s
 * app; else `dist`'s own files (the single file then carries the parts). */
export function singleFileReader(html, dist, wholeDir = WHOLE_DIR) {
  const own = (href) => readFileSync(join(dist, href.replace(/^\.\//, "")));
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(wholeDir, "whole.json"), "utf8"));
  } catch {
    return { read: own, whole: false };
  }
  const assets = findAssets(html);
  if (stamp.glue !== assets.glue.replace(/^\.\//, "")) return { read: own, whole: false };
  const files = new Map([[assets.glue, "lectern-app.js"], [assets.wasm, "lectern-app_bg.wasm"]]);
  return { read: (href) => (files.has(href) ? readFileSync(join(wholeDir, files.get(href))) : own(href)), whole: true };
}

/** The host script for sites that embed Lectern in an iframe (see the README). */
export const EMBED_JS = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "embed.js"), "utf8");

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { link: { type: "boolean" } } });
  if (positionals.length > 2 || (values.link && positionals.length !== 1)) {
    throw new Error(`usage: node scripts/package.mjs [dist] [pkg] | --link <dist>; got ${process.argv.slice(2).join(" ")}`);
  }
  const [dist = "dist", pkg = "pkg"] = positionals;
  const manifestPath = join(dist, "lectern-data.json");
  let manifestText;
  try {
    manifestText = readFileSync(manifestPath, "utf8");
  } catch {
    throw new Error(`${manifestPath} is missing: bundle a corpus into ${dist} first (\`lectern bundle <corpus> --out ${dist}\`, which \`trunk build\` runs by itself).`);
  }
  const manifest = readManifest(manifestText, manifestPath);
  const html = withData(readFileSync(join(dist, "index.html"), "utf8"), manifest);
  if (values.link) {
    writeFileSync(join(dist, "index.html"), html);
    console.log(`linked ${manifest.corpus} and ${manifest.index} into ${join(dist, "index.html")}`);
  } else {
    const { read, whole } = singleFileReader(html, dist);
    const single = await inline(html, read, manifest);
    writeFileSync(join(dist, "index.html"), withHostedPolicy(html));
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, "lectern.html"), single);
    copyFileSync(join(pkg, "lectern.html"), join(dist, "lectern.html"));
    writeFileSync(join(pkg, "embed.js"), EMBED_JS);
    copyFileSync(join(pkg, "embed.js"), join(dist, "embed.js"));
    const kind = whole ? "the app without split points" : "the split app and its parts";
    console.log(`wrote ${join(pkg, "lectern.html")} (${(single.length / 1024).toFixed(1)} KB, ${kind}) and ${join(pkg, "embed.js")}; copied both into ${dist}/`);
  }
}
