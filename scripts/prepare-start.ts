/**
 * The heavy half of `npm start`, run by scripts/start.ts in a process of its
 * own that exits when done, so the launcher that stays beside the server for
 * the server's whole life holds none of this (the database, drizzle, the seed,
 * the build check: about 100 MB it would otherwise keep resident).
 *
 * Validates configuration, creates and migrates the database, seeds demo
 * content into an empty one, builds when the sources changed; writes what the
 * launcher needs (demo accounts, password, auth secret) as JSON to the file
 * named by argv[2], readable only by this user.
 */
import fs from "node:fs";
import { loadConfigOrExit } from "@/lib/config";
import { buildIfNeeded } from "./build-if-needed";
import { prepareData } from "./prepare-data";

export type Prepared = {
  accounts: { role: string; email: string }[];
  password: { value: string; generated: boolean };
  authSecret: string;
};

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error("usage: prepare-start.ts <result.json>");
  const cfg = loadConfigOrExit();
  const { accounts, password } = await prepareData(cfg);
  buildIfNeeded();
  const result: Prepared = { accounts: accounts.map((a) => ({ role: a.role, email: a.email })), password, authSecret: process.env.AUTH_SECRET ?? "" };
  fs.writeFileSync(out, JSON.stringify(result), { mode: 0o600 });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
