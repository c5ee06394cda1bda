/**
 * A throwaway PostgreSQL server for tests and `npm run cluster`: initdb in a
 * temp folder, pg_ctl start on a free loopback port, removed on stop.
 * Debian's postgresql package provides the binaries (/usr/lib/postgresql/<v>/bin).
 * Run as root, the server runs as the postgres user (initdb refuses root).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./child";

export type Postgres = { url: string; stop: () => void };

export function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, "bin")).find((bin) => fs.existsSync(path.join(bin, "initdb")));
  if (!found) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql (or set TEST_DATABASE_URL to a server of yours).");
  return found;
}

export async function startPostgres(options: { maxConnections?: number } = {}): Promise<Postgres> {
  const bin = postgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-pg-"));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args], { stdio: "pipe" })
      : execFileSync(path.join(bin, cmd), args, { stdio: "pipe" });
  const data = path.join(dir, "data");
  let port: number;
  try {
    if (asRoot) execFileSync("chown", ["postgres", dir]);
    run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
    port = await freePort();
    const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", `-c max_connections=${options.maxConnections ?? 300}`, "-c fsync=off"];
    run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", settings.join(" "), "start"]);
  } catch (error) {
    // A server that failed to start leaves nothing behind: stop one half started, then drop the folder.
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // It was not running.
    }
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
