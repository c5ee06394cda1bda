import fs from "node:fs";
import { readState, STATE_FILE } from "./server";

export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(STATE_FILE)) return;
  const { pid, dataDir } = readState();
  fs.rmSync(STATE_FILE, { force: true });
  if (pid === 0) return; // an external server (E2E_BASE_URL): leave it running
  try {
    process.kill(-pid, "SIGTERM"); // the whole process group: tsx, next start
  } catch {
    // already gone
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(STATE_FILE, { force: true });
}
