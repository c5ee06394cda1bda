import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const STATE_FILE = path.join(os.tmpdir(), "newsroom-e2e-state.json");
/** The demo accounts' password in browser tests (E2E_PASSWORD overrides it for an already-running server). */
export const E2E_PASSWORD = process.env.E2E_PASSWORD ?? "e2e-Password-2026";

export type E2EState = { baseUrl: string; pid: number; dataDir: string };

export function readState(): E2EState {
  return JSON.parse(fs.readFileSync(STATE_FILE, "utf8")) as E2EState;
}
