/**
 * Builds the production bundle unless one already exists for exactly these
 * sources. A content hash (not mtimes, which a fresh clone resets) of every
 * file that goes into the build is stored next to the build.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const INPUTS = ["app", "components", "lib", "db", "public", "next.config.ts", "package-lock.json", "tsconfig.json", "instrumentation.ts", "proxy.ts"];
const SKIP = new Set(["node_modules", ".next", "data", "seed"]);

function walk(entry: string, hash: crypto.Hash): void {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(entry).sort()) {
      if (!SKIP.has(name)) walk(path.join(entry, name), hash);
    }
    return;
  }
  hash.update(entry).update("\0").update(fs.readFileSync(entry)).update("\0");
}

export function sourceHash(root = process.cwd()): string {
  const hash = crypto.createHash("sha256");
  for (const input of INPUTS) walk(path.join(root, input), hash);
  return hash.digest("hex");
}

export function buildIfNeeded(distDir = process.env.NEXT_DIST_DIR ?? ".next"): void {
  const stampFile = path.join(distDir, "newsroom-source-hash");
  const hash = sourceHash();
  const built = fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === hash;
  if (built) {
    console.log("Production build is up to date.");
    return;
  }
  console.log("Building the portal for production (first start or sources changed)…");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error("The production build failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stampFile, hash);
}
