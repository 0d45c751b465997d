// Tests of the dev server (scripts/serve.mjs) with raw HTTP requests, as a hostile or broken
// client sends them: malformed percent-encoding, `..` traversal (raw and encoded), huge headers,
// HEAD, the sub-path. After each, the server must still answer a good request.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "node:net";
import { normaliseBase, staticServer } from "./serve.mjs";

const outside = mkdtempSync(join(tmpdir(), "lectern-serve-"));
const root = join(outside, "dist");
mkdirSync(join(root, "sub"), { recursive: true });
writeFileSync(join(root, "index.html"), "<!DOCTYPE html><p>home</p>");
writeFileSync(join(root, "app.wasm"), Buffer.from([0, 97, 115, 109]));
writeFileSync(join(root, "sub", "index.html"), "<p>sub</p>");
writeFileSync(join(root, "ä.txt"), "umlaut");
writeFileSync(join(outside, "secret.txt"), "the-secret-content");

const servers = [];
/** Starts a server on a free port; resolves to its port. */
async function start(base) {
  const server = staticServer(root, base);
  servers.push(server);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return server.address().port;
}
let port, subPort;
before(async () => {
  port = await start("/");
  subPort = await start("/docs/lectern");
});
after(() => {
  for (const s of servers) s.close();
  rmSync(outside, { recursive: true, force: true });
});

/** Sends `target` verbatim (no client-side normalisation); resolves to { status, headers, body }. */
function raw(p, target, { method = "GET", headers = "" } = {}) {
  return new Promise((resolve, reject) => {
    const socket = connect(p, "127.0.0.1");
    const chunks = [];
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", reject);
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const [head, ...rest] = text.split("\r\n\r\n");
      const [statusLine, ...lines] = head.split("\r\n");
      const map = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
      resolve({ status: Number(statusLine.split(" ")[1]), headers: map, body: rest.join("\r\n\r\n") });
    });
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`);
  });
}

async function stillServes(p = port, path = "/") {
  const r = await raw(p, path);
  assert.equal(r.status, 200, "the server still answers after the bad request");
  assert.match(r.body, /home/);
}

test("serves files with their types and revalidation", async () => {
  const home = await raw(port, "/");
  assert.equal(home.status, 200);
  assert.match(home.headers["content-type"], /^text\/html/);
  assert.equal(home.headers["cache-control"], "no-cache");
  assert.equal((await raw(port, "/app.wasm")).headers["content-type"], "application/wasm");
  assert.match((await raw(port, "/sub/")).body, /sub/);
  assert.equal((await raw(port, "/%C3%A4.txt")).body, "umlaut");
  assert.equal((await raw(port, "/?q=1")).status, 200);
  assert.equal((await raw(port, "/missing.js")).status, 404);
});

test("malformed percent-encoding is refused, and the server lives on", async () => {
  for (const target of ["/%E4", "/%", "/%ZZ", "/a%00b", "/%C3%28"]) {
    const r = await raw(port, target);
    assert.ok(r.status >= 400 && r.status < 500, `${target}: ${r.status}`);
    await stillServes();
  }
});

test("no path leaves the folder, raw or encoded", async () => {
  for (const target of ["/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2E%2E%2Fsecret.txt", "/..\\secret.txt"]) {
    const r = await raw(port, target);
    assert.ok(r.status >= 400 && r.status < 500, `${target}: ${r.status}`);
    assert.doesNotMatch(r.body, /the-secret-content/, target);
    await stillServes();
  }
});

test("huge headers are refused, and the server lives on", async () => {
  const r = await raw(port, "/", { headers: `X-Big: ${"x".repeat(100_000)}\r\n` });
  assert.equal(r.status, 431);
  await stillServes();
});

test("HEAD answers with headers and no body", async () => {
  const r = await raw(port, "/app.wasm", { method: "HEAD" });
  assert.equal(r.status, 200);
  assert.equal(r.headers["content-type"], "application/wasm");
  assert.equal(r.body, "");
});

test("under a sub-path, only the sub-path is served", async () => {
  assert.equal(normaliseBase("docs/lectern"), "/docs/lectern/");
  const redirect = await raw(subPort, "/docs/lectern");
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.location, "/docs/lectern/");
  assert.match((await raw(subPort, "/docs/lectern/")).body, /home/);
  assert.equal((await raw(subPort, "/docs/lectern/app.wasm")).headers["content-type"], "application/wasm");
  assert.equal((await raw(subPort, "/")).status, 404);
  assert.equal((await raw(subPort, "/docs/lecternX/")).status, 404);
  const escape = await raw(subPort, "/docs/lectern/../../secret.txt");
  assert.doesNotMatch(escape.body, /the-secret-content/);
  assert.equal((await raw(subPort, "/docs/lectern/%E4")).status, 400);
  await stillServes(subPort, "/docs/lectern/");
});
