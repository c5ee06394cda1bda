/**
 * The physical limit for `npm run bench`: a bare node:http server that sends
 * each page's exact bytes (status, headers and body as the portal sent them
 * once, same encoding) from memory. Run in its own process, like the portal,
 * so the load generator measures both the same way.
 *
 * Usage: node --import tsx scripts/bench/same-bytes-server.ts <manifest.json> <port>
 */
import fs from "node:fs";
import http from "node:http";

export type Recorded = { path: string; status: number; headers: [string, string][]; body: string /* base64 */ };

const [manifest, port] = process.argv.slice(2);
if (!manifest || !port) throw new Error("usage: same-bytes-server.ts <manifest.json> <port>");
const pages = new Map(
  (JSON.parse(fs.readFileSync(manifest, "utf8")) as Recorded[]).map((p) => [p.path, { ...p, bytes: Buffer.from(p.body, "base64") }]),
);

http
  .createServer((req, res) => {
    const page = pages.get(req.url ?? "");
    if (!page) {
      res.writeHead(404, { "content-length": "0" });
      res.end();
      return;
    }
    for (const [k, v] of page.headers) res.appendHeader(k, v);
    res.setHeader("content-length", String(page.bytes.length));
    res.writeHead(page.status);
    res.end(page.bytes);
  })
  .listen(Number(port), () => process.stdout.write("ready\n"));
