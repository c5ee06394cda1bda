import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "@/lib/config";
import { closeDatabase, databaseLabel, openConfigured } from "@/db/client";
import { seed } from "@/db/seed";

/**
 * Creates the data folder, the auth secret (when AUTH_SECRET is not set),
 * migrates the database (SQLite or PostgreSQL) and seeds it when it is empty. Sets AUTH_SECRET in
 * this process's environment so the server it starts inherits it.
 */
export async function prepareData(cfg: Config) {
  fs.mkdirSync(cfg.dataDir, { recursive: true });
  fs.mkdirSync(cfg.uploadsDir, { recursive: true });
  fs.mkdirSync(cfg.outboxDir, { recursive: true });

  if (!process.env.AUTH_SECRET) {
    const secretFile = path.join(cfg.dataDir, "auth-secret");
    if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
    process.env.AUTH_SECRET = fs.readFileSync(secretFile, "utf8").trim();
  }

  const generated = !process.env.SEED_PASSWORD;
  const password = { value: process.env.SEED_PASSWORD ?? crypto.randomBytes(9).toString("base64url"), generated };
  const db = await openConfigured(cfg.databasePath);
  const where = databaseLabel(cfg.databasePath);
  try {
    const result = await seed(db, { password: password.value, now: Date.now() });
    if (result.created) console.log(`Created ${where} with demo content.`);
    else console.log(`Using the existing database at ${where}.`);
    return { accounts: result.created ? result.accounts : [], password };
  } finally {
    await closeDatabase(db);
  }
}
