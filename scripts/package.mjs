// The package step: turns Trunk's dist/ into one self-contained file, pkg/lectern.html, that
// opens from disk (file://) with no network. Chromium refuses a module script or a wasm fetch
// from origin `null`, so the wasm-bindgen glue is inlined as an inline module script and the
// wasm bytes (base64) are handed to its init function; the stylesheet is inlined too. Trunk's
// HTML is read with a real HTML parser (parse5) and the glue with a JS parser (acorn), and the
// step fails loudly, naming what it missed, if either changes shape. The same file is copied to
// dist/lectern.html for the hosted "Download for offline use" link, and pkg/embed.js is written.
// Both pages get a Content-Security-Policy meta tag as strict as the app allows: no remote
// sources, no eval ('wasm-unsafe-eval' only), inline code only by hash.
// Usage: node scripts/package.mjs [dist] [pkg]
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { createHash } from "node:crypto";
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

/** What the single file needs from Trunk's index.html: the stylesheet, the glue and the wasm. */
export function findAssets(html) {
  const doc = parse(html);
  const found = { styles: [], glue: null, wasm: null, loader: null, drop: [], head: null, body: null };
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
        if (attr(node, "type") === "application/wasm" || /\.wasm$/.test(attr(node, "href") ?? "")) found.wasm ??= attr(node, "href");
        found.drop.push(node);
      }
    }
    if (node.tagName === "script" && attr(node, "type") === "module") found.loader = node;
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

/** The glue's init function (its default export) and its other named exports. */
export function glueExports(glue) {
  const program = acorn.parse(glue, { ecmaVersion: "latest", sourceType: "module" });
  let init = null;
  const named = [];
  for (const statement of program.body) {
    if (statement.type === "ExportNamedDeclaration") {
      for (const spec of statement.specifiers) {
        if (spec.exported.name === "default") init = spec.local.name;
        else named.push(spec.exported.name);
      }
      if (statement.declaration?.id) named.push(statement.declaration.id.name);
      for (const d of statement.declaration?.declarations ?? []) named.push(d.id.name);
    }
    if (statement.type === "ExportDefaultDeclaration") {
      init = statement.declaration.id?.name ?? statement.declaration.name ?? null;
    }
  }
  if (!init) throw new Error("the wasm-bindgen glue has no default-exported init function by name; the package step needs updating.");
  return { init, named: named.filter((n) => n !== "initSync") };
}

/** One self-contained HTML document from Trunk's index.html and a reader of its files. */
export function inline(html, read) {
  const assets = findAssets(html);
  const css = assets.styles.map((link) => read(attr(link, "href")).toString("utf8")).join("\n");
  for (const link of assets.styles) remove(link);
  for (const link of assets.drop) remove(link);
  remove(assets.loader);
  const glue = read(assets.glue).toString("utf8");
  const { init, named } = glueExports(glue);
  const wasm = read(assets.wasm).toString("base64");
  const bootstrap = `
// Lectern single-file bootstrap: the wasm is carried inline, so nothing is fetched.
{
  const b64 = "${wasm}";
  const bytes = typeof Uint8Array.fromBase64 === "function"
    ? Uint8Array.fromBase64(b64)
    : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  window.__lecternSingleFile = true;
  await ${init}({ module_or_path: bytes });
  window.wasmBindings = { ${named.join(", ")} };
}
`;
  assets.head.childNodes.push(element("style", [], css, assets.head));
  // `</script` cannot occur inside the inline script: the glue and base64 never contain it, and
  // a check keeps it that way.
  const code = `${glue}\n${bootstrap}`;
  if (/<\/script/i.test(code)) throw new Error("the glue contains </script and cannot be inlined as is.");
  if (/<\/style/i.test(css)) throw new Error("the stylesheet contains </style and cannot be inlined as is.");
  assets.body.childNodes.push(element("script", [{ name: "type", value: "module" }], code, assets.body));
  setPolicy(assets.head, singleFilePolicy(code, css));
  return serialize(assets.doc);
}

/** The host script for sites that embed Lectern in an iframe (see the README). */
export const EMBED_JS = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "embed.js"), "utf8");

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length > 2) throw new Error(`usage: node scripts/package.mjs [dist] [pkg]; got ${positionals.join(" ")}`);
  const [dist = "dist", pkg = "pkg"] = positionals;
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const single = inline(html, (href) => readFileSync(join(dist, href.replace(/^\.\//, ""))));
  writeFileSync(join(dist, "index.html"), withHostedPolicy(html));
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, "lectern.html"), single);
  copyFileSync(join(pkg, "lectern.html"), join(dist, "lectern.html"));
  writeFileSync(join(pkg, "embed.js"), EMBED_JS);
  copyFileSync(join(pkg, "embed.js"), join(dist, "embed.js"));
  console.log(`wrote ${join(pkg, "lectern.html")} (${(single.length / 1024).toFixed(1)} KB) and ${join(pkg, "embed.js")}; copied both into ${dist}/`);
}
