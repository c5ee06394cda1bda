/**
 * The one production build every instance of `npm run cluster` runs from,
 * and its server-actions encryption key.
 *
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be set when building and be the
 * same at run time on every instance, so a form rendered by one instance can
 * be posted to another (node_modules/next/dist/docs/01-app/02-guides/
 * self-hosting.md, "Server Functions encryption key"). The cluster therefore
 * builds into a folder of its own (.next-cluster, git-ignored; NEXT_DIST_DIR
 * overrides it), makes the key once, keeps it beside the build and reuses it
 * for every rebuild. Whether to rebuild is scripts/build-if-needed.ts's
 * decision (the sources' hash), made inside scripts/prepare-start.ts as for
 * `npm start`.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const CLUSTER_DIST_DIR = ".next-cluster";
const KEY_FILE = "newsroom-actions-key";
/** build-if-needed's stamp: removed when the key is new, so the build is made with it. */
const STAMP_FILE = "newsroom-source-hash";

export type ClusterBuild = {
  distDir: string;
  actionsKey: string;
  /** Writes the key beside the build; call after the build step (next build empties the folder). */
  keepKey: () => void;
};

export function clusterBuild(distDir: string = process.env.NEXT_DIST_DIR || CLUSTER_DIST_DIR): ClusterBuild {
  const keyFile = path.join(distDir, KEY_FILE);
  const kept = fs.existsSync(keyFile) ? fs.readFileSync(keyFile, "utf8").trim() : "";
  if (!kept) fs.rmSync(path.join(distDir, STAMP_FILE), { force: true });
  const actionsKey = kept || crypto.randomBytes(32).toString("base64");
  return { distDir, actionsKey, keepKey: () => fs.writeFileSync(keyFile, actionsKey, { mode: 0o600 }) };
}
