import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { baseUrl } from "./browser";
import { readState } from "./server";

/**
 * Plain HTTP against the running production server, for the page-cache
 * journeys: raw requests (no automatic decompression, so Content-Encoding and
 * byte counts are what the server sent) and the server's own database file.
 */
export type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string };

export function request(pathname: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  const url = new URL(pathname, baseUrl());
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString("utf8") });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * Requests until the answer comes from the cache. A copy older than the cache's lifetime is
 * answered STALE while one refresh renders, so a page warmed by an earlier test file may take
 * a request or two to be a plain HIT again.
 */
export async function cached(pathname: string, headers: Record<string, string> = {}): Promise<Raw> {
  for (let i = 0; ; i++) {
    const res = await request(pathname, { headers });
    if (res.headers["x-cache"] === "HIT" || i >= 30) return res;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The server's own database file (the e2e data folder, or E2E_DATA_DIR for a server you started). */
export function openServerDb(): Database.Database {
  const dataDir = process.env.E2E_DATA_DIR || readState().dataDir;
  const db = new Database(path.join(dataDir, "newsroom.db"));
  db.pragma("busy_timeout = 5000");
  return db;
}

export const one = (db: Database.Database, sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as Record<string, string | number>;
