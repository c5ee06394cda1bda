import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";

let cached: string | undefined;

/**
 * The key that encrypts session cookies. AUTH_SECRET wins; otherwise one is
 * generated on first use and kept in <dataDir>/auth-secret (mode 0600), so
 * `npm start` works on a fresh machine and sessions survive a restart.
 */
export function authSecret(dataDir: string = config().dataDir): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  cached ??= readOrCreateSecret(path.join(dataDir, "auth-secret"));
  return cached;
}

export function readOrCreateSecret(file: string): string {
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    // "wx": if another process won the race, keep its secret rather than overwrite it.
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}

/** For tests: forget the secret read so far. */
export function resetAuthSecretCache(): void {
  cached = undefined;
}
