/**
 * `npm start`: validate configuration, build when needed, create and migrate
 * the database, seed demo content into an empty database, then serve
 * (scripts/server.ts: Next behind the page cache).
 * A second start keeps every record: the seed only runs on an empty database.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { loadConfigOrExit } from "@/lib/config";
import { buildIfNeeded } from "./build-if-needed";
import { prepareData } from "./prepare-data";

function main(): void {
  const cfg = loadConfigOrExit();
  const { accounts, password } = prepareData(cfg);
  buildIfNeeded();

  const url = `http://localhost:${cfg.port}`;
  // The custom server (page cache in front of Next) runs in its own process without the
  // react-server condition this script needs for the seed: Next loads its own React builds.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "server.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
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
