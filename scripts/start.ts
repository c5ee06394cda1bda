/**
 * `npm start`: validate configuration, build when needed, create and migrate
 * the database, seed demo content into an empty database, then serve
 * (scripts/server.ts: Next behind the page cache).
 * A second start keeps every record: the seed only runs on an empty database.
 *
 * This process stays beside the server for its whole life (it forwards
 * signals and exits with it), so it stays small: the preparation runs in a
 * child that exits when done (scripts/prepare-start.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfigOrExit } from "@/lib/config";
import { SERVER_NODE_FLAGS } from "./lib/server-flags";
import type { Prepared } from "./prepare-start";

function prepare(): Prepared {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-start-"));
  const file = path.join(dir, "prepared.json");
  try {
    // The seed needs the react-server condition (it imports server-only modules); the server must not have it.
    const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "prepare-start.ts"), file], { stdio: "inherit", env: process.env });
    if (result.status !== 0) process.exit(result.status ?? 1);
    return JSON.parse(fs.readFileSync(file, "utf8")) as Prepared;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const cfg = loadConfigOrExit();
  const { accounts, password, authSecret } = prepare();

  const url = `http://localhost:${cfg.port}`;
  // The custom server (page cache in front of Next) runs in its own process without the
  // react-server condition the seed needs: Next loads its own React builds.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "--import", "tsx", path.join(__dirname, "server.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: authSecret },
  });
  let announced = false;
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /ready|started|Local:/i.test(chunk.toString())) {
      announced = true;
      console.log(`\n  ${cfg.siteName} Newsroom is running at ${url}`);
      console.log(`  Staff sign-in: ${url}/login`);
      if (accounts.length > 0) {
        console.log("  Demo accounts (created now):");
        for (const a of accounts) console.log(`    ${a.role.padEnd(12)} ${a.email}`);
        console.log(password.generated ? `  Password (generated, shown only this once): ${password.value}` : "  Password: the value of SEED_PASSWORD");
      }
      console.log("");
    }
  });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

main();
