import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, waitForOk } from "@/scripts/lib/child";
import { E2E_PASSWORD, STATE_FILE } from "./server";

/** Starts the real `npm start` path (build if needed, migrate, seed) with a fresh data folder. */
export default async function globalSetup(): Promise<void> {
  // For quick iteration: E2E_BASE_URL=http://localhost:3100 runs the journeys against a server you started.
  if (process.env.E2E_BASE_URL) {
    fs.writeFileSync(STATE_FILE, JSON.stringify({ baseUrl: process.env.E2E_BASE_URL, pid: 0, dataDir: "" }));
    return;
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-e2e-"));
  const baseUrl = `http://localhost:${port}`;
  const child = spawn(path.join(process.cwd(), "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/start.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_PATH: "",
      NEXT_DIST_DIR: ".next-e2e",
      SITE_URL: baseUrl,
      SEED_PASSWORD: E2E_PASSWORD,
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      // The browser reaches the server over loopback, standing in for a reverse proxy in front of
      // the site: its X-Forwarded-For (set per browser context by the journeys) names the reader,
      // so each journey gets its own rate-limit bucket, as real readers behind a proxy do.
      TRUSTED_PROXIES: "127.0.0.1,::1",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitForOk("The e2e server", `${baseUrl}/api/health`, child, 15 * 60_000);
  fs.writeFileSync(STATE_FILE, JSON.stringify({ baseUrl, pid: child.pid, dataDir }));
}
