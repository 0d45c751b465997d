// The static file server of `make serve`, the e2e tests and the benchmarks: serves a build
// folder as any static host would, optionally under a sub-path (`--base /some/path/`), so the
// bundle's relative URLs are tested there too.
// Usage: node scripts/serve.mjs <dir> [--port 8080] [--host 127.0.0.1] [--base /some/path/]
//
// The file serving itself is `serve-static` (Express's, on `send`): MIME types (.wasm included),
// HEAD, ranges, malformed percent-encoding (400) and `..` traversal, raw or encoded (403), are
// handled there. This file only maps the sub-path and turns caching off. Guarantee: no request
// can stop the server; only files inside <dir> are served. Tested in scripts/serve.test.mjs.
import { createServer } from "node:http";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import serveStatic from "serve-static";
import finalhandler from "finalhandler";

/** `some/path` → `/some/path/`: the sub-path always starts and ends with a slash. */
export function normaliseBase(base) {
  let b = base.startsWith("/") ? base : "/" + base;
  if (!b.endsWith("/")) b += "/";
  return b;
}

/** An HTTP server (not yet listening) for the files in `root` under the URL path `base`. */
export function staticServer(root, base = "/") {
  base = normaliseBase(base);
  const files = serveStatic(resolve(root), {
    index: ["index.html"],
    cacheControl: false,
    // Report 400 (malformed), 403 (traversal) and 404 as they are, not all as 404.
    fallthrough: false,
    // A build is re-made while served: always revalidate.
    setHeaders: (res) => res.setHeader("cache-control", "no-cache"),
  });
  return createServer((req, res) => {
    const done = finalhandler(req, res);
    // `req.url` is the raw request target; it may be anything a client sends, so split it by
    // hand rather than with `new URL` (which throws on some targets).
    const url = req.url ?? "/";
    const queryAt = url.search(/[?#]/);
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    if (path === base.slice(0, -1)) {
      res.writeHead(301, { location: base }).end();
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    req.url = "/" + url.slice(base.length);
    files(req, res, done);
  });
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
      base: { type: "string", default: "/" },
    },
  });
  if (positionals.length > 1) throw new Error(`serve.mjs serves one folder; got ${positionals.join(", ")}`);
  const root = resolve(positionals[0] ?? "dist");
  const base = normaliseBase(values.base);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port takes a port number; got ${values.port}`);
  const server = staticServer(root, base);
  server.listen(port, values.host, () => console.log(`Serving ${root} at http://${values.host}:${port}${base}`));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    main();
  } catch (e) {
    console.error(`serve.mjs: ${e.message}`);
    process.exit(2);
  }
}
