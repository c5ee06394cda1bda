/**
 * A throwaway Redis server for `npm run cluster`: Debian's redis-server on a
 * free loopback port, nothing saved to disk (no RDB snapshots, no AOF), its
 * working folder a temp dir removed on stop. It only carries what may be
 * lost: page-cache purges between instances, the proxy's URLs by tag and
 * Next's shared cache (lib/next-cache-handler.cjs).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { keepLog, stopChild, waitForPort } from "./child";
import { freePort } from "./child";

export type Redis = { url: string; process: ChildProcess; stop: () => Promise<void> };

const REDIS_SERVER = "/usr/bin/redis-server";

export async function startRedis(options: { logFile?: string; echo?: boolean } = {}): Promise<Redis> {
  if (!fs.existsSync(REDIS_SERVER)) throw new Error("Redis is not installed: apt-get install -y redis-server");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-redis-"));
  const port = await freePort();
  // --save "" and --appendonly no: purely in memory. The log goes to stdout, kept by keepLog.
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no", "--logfile", ""];
  const child = spawn(REDIS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
  keepLog(child, "redis", options.logFile ?? path.join(dir, "redis.log"), options.echo ?? false);
  const stop = async () => {
    await stopChild(child, "SIGTERM", 3_000);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort("redis-server", port, child, 10_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, process: child, stop };
}
