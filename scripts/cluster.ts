/**
 * `npm run cluster` (issue 10, "Past one machine"): the portal as it runs on
 * several machines, all on loopback, from one production build:
 *
 * - a throwaway PostgreSQL (scripts/lib/postgres.ts), migrated and seeded
 *   once by scripts/prepare-start.ts, exactly as `npm start` prepares;
 * - Redis, in memory only (scripts/lib/redis.ts): purges between instances;
 * - two instances of scripts/server.ts, started as scripts/start.ts starts
 *   one, sharing the database, Redis, the secrets, the uploads folder and
 *   the mail outbox;
 * - nginx in front (scripts/lib/nginx.ts): round robin, skipping a dead
 *   instance, and a page cache the instances purge on every change.
 *
 * Prints the URL and the demo accounts; Ctrl-C stops everything. The test
 * __tests__/cluster/coherence.cluster.ts uses startCluster() directly.
 * The production equivalent is in docs/deploy.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { freePort, hasExited, keepLog, stopChild, stopOnSignal, tail, waitForOk } from "./lib/child";
import { clusterBuild } from "./lib/cluster-build";
import { startNginx } from "./lib/nginx";
import { startPostgres } from "./lib/postgres";
import { startRedis } from "./lib/redis";
import { SERVER_NODE_FLAGS } from "./lib/server-flags";
import type { Prepared } from "./prepare-start";

const READY_TIMEOUT_MS = 120_000;

export type ClusterOptions = {
  /** How many portal instances (default 2). */
  instances?: number;
  /** The demo accounts' password; generated (and printed by the CLI) when unset. */
  seedPassword?: string;
  /** Echo every process's log lines to stdout, each with its name in front (the CLI does). */
  echo?: boolean;
  /** Told when a process stops without being asked to; by default a message on stderr. */
  onUnexpectedExit?: (name: string, how: string) => void;
  /** Synthetic stories added after the demo content, before the instances start (db/seed --stories). */
  stories?: number;
  /**
   * For `npm run bench:cluster` only: the instances' PAGE_CACHE_MISS_TOKEN, and nginx lets a
   * request with that header through uncached (scripts/lib/nginx.ts passMisses), so each is a render.
   */
  missToken?: string;
};

export type Instance = {
  name: string;
  url: string;
  pid: number;
  /** Kills this instance (SIGKILL unless told otherwise); the rest of the cluster keeps running. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

export type Cluster = {
  /** nginx, the site's address (SITE_URL). */
  url: string;
  /** nginx as the instances reach it to purge a page (PROXY_PURGE_URL). */
  proxyPurgeUrl: string;
  instances: Instance[];
  databaseUrl: string;
  redisUrl: string;
  /** Shared by every instance: uploads/ and outbox/ (the mail) live here. */
  dataDir: string;
  uploadsDir: string;
  outboxDir: string;
  /** One log file per process; removed by stop(). */
  logDir: string;
  nginxConf: string;
  /** Sends nginx's traffic to these instances only, or to all of them again (nginx reloads; its cache stays). */
  route: (instances: Instance[]) => Promise<void>;
  /** Start-up, ms: all of it, and the preparation (migrate, seed, build check); `built`: the sources had changed, so that included a production build. */
  timings: { totalMs: number; prepareMs: number; built: boolean };
  accounts: Prepared["accounts"];
  password: Prepared["password"];
  stop: () => Promise<void>;
};

/** Runs a script of this repository to its end, as the server runs (react-server condition), its output kept in `logFile`. */
async function runScript(what: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, echo: boolean): Promise<void> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  keepLog(child, path.basename(logFile, ".log"), logFile, echo);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${what} failed (exit ${code})`);
}

/** Runs scripts/prepare-start.ts as `npm start` does: migrate (advisory lock on PostgreSQL), seed if empty, build check. */
async function prepare(env: NodeJS.ProcessEnv, logFile: string, echo: boolean): Promise<Prepared & { built: boolean }> {
  const out = path.join(path.dirname(logFile), "prepared.json");
  await runScript("Preparing the database", [path.join(__dirname, "prepare-start.ts"), out], env, logFile, echo);
  const prepared = JSON.parse(fs.readFileSync(out, "utf8")) as Prepared;
  fs.rmSync(out);
  return { ...prepared, built: fs.readFileSync(logFile, "utf8").includes("Building the portal") };
}

async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Calls `onDown` once if nothing answers on the database's port any more (PostgreSQL runs detached, not as a child). */
function watchPort(port: number, onDown: () => void): () => void {
  let misses = 0;
  const timer = setInterval(() => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      misses = 0;
      socket.destroy();
    });
    socket.once("error", () => {
      if (++misses === 2) onDown();
    });
  }, 2_000);
  timer.unref();
  return () => clearInterval(timer);
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const count = options.instances ?? 2;
  const echo = options.echo ?? false;
  const report = options.onUnexpectedExit ?? ((name, how) => console.error(`\n  ! ${name} ${how}. The rest keeps running until Ctrl-C.\n`));
  const started = Date.now();
  const build = clusterBuild();

  const root = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-cluster-"));
  const dataDir = path.join(root, "data");
  const logDir = path.join(root, "logs");
  const uploadsDir = path.join(dataDir, "uploads");
  const tmpDir = path.join(root, "tmp");
  for (const dir of [dataDir, logDir, uploadsDir, tmpDir]) fs.mkdirSync(dir, { recursive: true });

  // Everything started so far, stopped in reverse order by stop() or when a later step fails.
  const cleanups: (() => Promise<void> | void)[] = [() => fs.rmSync(root, { recursive: true, force: true })];
  let stopping = false;
  let stopped: Promise<void> | undefined;
  // One stop however many callers (a signal and a finally block): each waits for the same one.
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      for (const cleanup of cleanups.splice(0).reverse()) {
        try {
          await cleanup();
        } catch (error) {
          console.error("[cluster] while stopping:", error);
        }
      }
    })());

  try {
    const redis = await startRedis({ logFile: path.join(logDir, "redis.log"), echo });
    cleanups.push(redis.stop);
    const postgres = await startPostgres();
    cleanups.push(postgres.stop);
    const databaseUrl = await createDatabase(postgres.url, "newsroom");

    const nginxPort = await freePort();
    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    const url = `http://localhost:${nginxPort}`;
    const proxyPurgeUrl = `http://127.0.0.1:${nginxPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: build.distDir,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: build.actionsKey,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      UPLOADS_DIR: uploadsDir,
      SITE_URL: url,
      PROXY_PURGE_URL: proxyPurgeUrl,
      // Only nginx's X-Forwarded-For is believed, and only from loopback, where nginx connects from.
      TRUSTED_PROXIES: "127.0.0.1",
      // nginx answers most page views from its cache, so only the no-store counter image counts (lib/config.ts).
      VIEW_COUNTING: "beacon",
      // The instances' own temp files (server.ts's render socket) go with the cluster, even from a killed one.
      TMPDIR: tmpDir,
      ...(options.seedPassword ? { SEED_PASSWORD: options.seedPassword } : {}),
      ...(options.missToken ? { PAGE_CACHE_MISS_TOKEN: options.missToken } : {}),
    };
    // Its build step (when the sources changed) must not see REDIS_URL: next.config.ts would use the
    // Redis cache handler while prerendering. Nothing else there needs Redis.
    const prepareStarted = Date.now();
    const { accounts, password, built } = await prepare({ ...env, REDIS_URL: undefined }, path.join(logDir, "prepare.log"), echo);
    build.keepKey();
    if (options.stories) {
      await runScript("Seeding synthetic stories", [path.join(__dirname, "../db/seed/index.ts"), "--stories", String(options.stories)], { ...env, REDIS_URL: undefined }, path.join(logDir, "seed.log"), echo);
    }
    const prepareMs = Date.now() - prepareStarted;

    const upstreamOf = (port: number) => `127.0.0.1:${port}`;
    const nginx = await startNginx({ dir: path.join(root, "nginx"), port: nginxPort, upstreams: ports.map(upstreamOf), passMisses: Boolean(options.missToken), echo });
    cleanups.push(nginx.stop);
    const children: { name: string; process: ChildProcess; expected: boolean }[] = [];
    const instances = ports.map((port, i): Instance => {
      const name = `instance ${String.fromCharCode(65 + i)}`;
      const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "--import", "tsx", path.join(__dirname, "server.ts")], {
        env: { ...env, PORT: String(port) },
        // Not detached: in this process group, a Ctrl-C that ends a test run before its clean-up reaches the instances too.
        stdio: ["ignore", "pipe", "pipe"],
      });
      keepLog(child, String.fromCharCode(65 + i), path.join(logDir, `instance-${String.fromCharCode(97 + i)}.log`), echo);
      const entry = { name, process: child, expected: false };
      children.push(entry);
      cleanups.push(() => stopChild(child, "SIGTERM", 8_000));
      return {
        name,
        url: `http://localhost:${port}`,
        pid: child.pid!,
        kill: async (signal = "SIGKILL") => {
          entry.expected = true;
          await stopChild(child, signal, 5_000);
        },
      };
    });
    children.push({ name: "nginx", process: nginx.process, expected: false }, { name: "redis", process: redis.process, expected: false });
    await Promise.all(instances.map((instance, i) => waitForOk(instance.name, `http://127.0.0.1:${ports[i]}/api/health`, children[i]!.process, READY_TIMEOUT_MS)));
    await waitForOk("nginx", `${url}/api/health`, nginx.process, 10_000);

    for (const child of children) {
      child.process.once("exit", (code, signal) => {
        if (!stopping && !child.expected) report(`${child.name} (pid ${child.process.pid})`, `exited unexpectedly (${signal ?? `code ${code}`})`);
      });
    }
    cleanups.push(watchPort(Number(new URL(databaseUrl).port), () => !stopping && report("PostgreSQL", "stopped answering")));
    // An instance started but not yet exited when its watcher was added is covered; one already gone is an error now.
    const gone = children.find((c) => hasExited(c.process));
    if (gone) throw new Error(`${gone.name} exited during start-up`);

    const totalMs = Date.now() - started;
    const timings = { totalMs, prepareMs, built };
    const route = (to: Instance[]) => nginx.setUpstreams(to.map((i) => upstreamOf(Number(new URL(i.url).port))));
    return { url, proxyPurgeUrl, instances, route, timings, databaseUrl, redisUrl: redis.url, dataDir, uploadsDir, outboxDir: path.join(dataDir, "outbox"), logDir, nginxConf: nginx.confFile, accounts, password, stop };
  } catch (error) {
    // The logs go with the temp folder, so their last lines are shown first.
    console.error("[cluster] start-up failed. The last lines of each log:");
    for (const file of fs.existsSync(logDir) ? fs.readdirSync(logDir) : []) console.error(`--- ${file}\n${tail(path.join(logDir, file), 15)}`);
    await stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const arm = stopOnSignal();
  const cluster = await startCluster({ echo: process.env.CLUSTER_QUIET !== "1" });
  arm(cluster.stop);
  console.log(`\n  Newsroom cluster running at ${cluster.url} (started in ${(cluster.timings.totalMs / 1000).toFixed(1)} s${cluster.timings.built ? `, ${(cluster.timings.prepareMs / 1000).toFixed(1)} s of it preparing and building` : ""})`);
  console.log(`  Staff sign-in: ${cluster.url}/login (use localhost, not 127.0.0.1: sign-in cookies are tied to the host name)`);
  for (const i of cluster.instances) console.log(`  ${i.name}: ${i.url} (pid ${i.pid})`);
  console.log(`  PostgreSQL ${cluster.databaseUrl}, Redis ${cluster.redisUrl}`);
  console.log(`  nginx config ${cluster.nginxConf}; logs in ${cluster.logDir}; mail in ${cluster.outboxDir}`);
  console.log("  Demo accounts:");
  for (const a of cluster.accounts) console.log(`    ${a.role.padEnd(12)} ${a.email}`);
  console.log(cluster.password.generated ? `  Password (generated for this run): ${cluster.password.value}` : "  Password: the value of SEED_PASSWORD");
  console.log("  Ctrl-C stops everything and throws it all away.\n");
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
