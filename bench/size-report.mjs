// Size report (prints figures, asserts nothing): what the app's wasm is made of, by crate and
// by function, read by twiggy from the release build before wasm-opt strips the names. Use it
// to find what to cut; the budget itself is checked by scripts/size.mjs.
//
// Usage: node bench/size-report.mjs [--wasm target/wasm32-unknown-unknown/release/lectern-app.wasm] [--top 25]
//        node bench/size-report.mjs --main   (only the main wasm, what loads at start)
//   (after `trunk build --release`; `make bench-size` does both and installs twiggy if missing)
//
// Reading it: "by crate" adds up every function and data segment whose name starts with the
// crate's path (`core::fmt::…` is core, `<leptos::… as …>::…` is leptos); generic code is
// counted under the crate that defines the function, not the one that instantiated it, so a
// big `core` or `alloc` usually means many instantiations (formatting, sorting, collections)
// asked for by our own code. "data" is the read-only data: tables, strings and the corpus.
// "Our code by file" adds up our two crates' functions by the source file that defines them
// (a view's closures under its file; a split view's body, inlined into its split point, under
// `src/later.rs (name)`), so a change to one view shows where it lands; the
// generic code it instantiates is counted under the crates that define that code, as above.
// Sizes are before wasm-opt, so they add up to more than the shipped file; the shares hold.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/** Splits one CSV line of twiggy's output (names may be quoted and hold commas). */
function fields(line) {
  const out = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === "," && !quoted) {
      out.push(field);
      field = "";
    } else {
      field += c;
    }
  }
  out.push(field);
  return out;
}

/** A symbol's module path, read up to its first generic, trait or closure part, without the
 * crates' disambiguators (`core[c5930c85a12de822]::fmt::…`) and, for trait impls, from inside
 * `<…>`: `<&lectern_app::views::meta::Byline as …>::call_once` is lectern_app, views, meta, Byline. */
function modulePath(name) {
  return name
    .replace(/\[[0-9a-f]+\]/g, "")
    .replace(/^[<&]+(mut )?/, "")
    .replace(/^(dyn |impl )/, "")
    .split(/ as |[<>]|::\{/)[0]
    .split("::");
}

/** The crate a symbol belongs to: the first path segment, inside `<…>` for trait impls. */
export function crateOf(name) {
  if (/^data\[\d+\]$/.test(name) || name.startsWith("data segment")) return "data";
  const path = modulePath(name);
  if (path.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(path[0])) return path[0];
  if (/^(table|elem|type|import|export|global|memory)\b/.test(name)) return "wasm tables and glue";
  return "other";
}

/** Names and wasm-bindgen's own sections: stripped from the shipped file, so not counted. */
const stripped = (name) => name.startsWith("custom section") || name.endsWith(" subsection");

/** The source file of ours that defines a symbol (`src/views/trends.rs`,
 * `crates/engine/src/search.rs`), found in this checkout; null for other crates' code. A split
 * point's code in `src/later.rs` is named with its split point (`src/later.rs (kwic)`): the
 * compiler inlines the view's body there, so that is where most of a split view's own code
 * counts. */
export function fileOf(name, root = ROOT) {
  const path = modulePath(name);
  const dirs = { lectern_app: "src", lectern_engine: "crates/engine/src" };
  let dir = dirs[path[0]];
  if (!dir) return null;
  // Descend while the next segment is a folder of modules (src/views/).
  let i = 1;
  while (i < path.length - 1 && existsSync(`${root}/${dir}/${path[i]}/mod.rs`)) dir += `/${path[i++]}`;
  // A split point's module in later.rs holds its view's body, inlined there: say which.
  if (dir === "src" && path[i] === "later" && i + 2 < path.length) return `src/later.rs (${path[i + 1]})`;
  if (i < path.length && existsSync(`${root}/${dir}/${path[i]}.rs`)) return `${dir}/${path[i]}.rs`;
  return existsSync(`${root}/${dir}/mod.rs`) ? `${dir}/mod.rs` : `${dir}/lib.rs`;
}

const ROOT = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      wasm: { type: "string", default: "target/wasm32-unknown-unknown/release/lectern-app.wasm" },
      top: { type: "string", default: "25" },
      main: { type: "boolean", default: false },
    },
  });
  const top = Number(values.top) || 25;

  let wasm;
  if (values.main) {
    // Only what loads at start: the main wasm the split step left (scripts/split-wasm.mjs), already
    // through wasm-bindgen.
    wasm = "target/lectern-main.wasm";
  } else {
    // wasm-bindgen first, as Trunk does, so its descriptors and unused imports are gone; it keeps
    // the names that wasm-opt would strip.
    const out = "target/size-report";
    execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", out, values.wasm], { stdio: "inherit" });
    wasm = `${out}/${basename(values.wasm, ".wasm")}_bg.wasm`;
  }
  const csv = execFileSync("twiggy", ["top", "-n", "1000000", "--format", "csv", wasm], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });

  const rows = csv
    .trim()
    .split("\n")
    .slice(1)
    .map(fields)
    .map(([name, size]) => ({ name, size: Number(size) }))
    .filter((r) => Number.isFinite(r.size) && !stripped(r.name));
  const total = rows.reduce((sum, r) => sum + r.size, 0);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;

  /** Prints the `top` largest sums of the rows' sizes by `keyOf` (rows it gives no key are left out). */
  const table = (title, keyOf) => {
    const sums = new Map();
    for (const r of rows) {
      const key = keyOf(r.name);
      if (key) sums.set(key, (sums.get(key) ?? 0) + r.size);
    }
    console.log(title);
    for (const [key, size] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${key.padEnd(32)} ${kb(size).padStart(10)} ${pct(size).padStart(7)}`);
    }
  };
  console.log(`${wasm}: ${kb(total)} before wasm-opt, names and custom sections left out`);
  table(`\nBy crate:`, crateOf);
  table(`\nOur code by file:`, (name) => fileOf(name));
  console.log(`\nBiggest functions and data:`);
  for (const r of rows.sort((a, b) => b.size - a.size).slice(0, top)) {
    const name = r.name.length > 110 ? `${r.name.slice(0, 107)}…` : r.name;
    console.log(`  ${kb(r.size).padStart(9)} ${pct(r.size).padStart(6)}  ${name}`);
  }
}
