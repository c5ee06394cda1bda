/**
 * A bare Next app for `npm run bench`: one static page and one dynamic page
 * (await connection()), built with the portal's own Next version, so the
 * benchmark can print "bare Next" figures from the same machine and run.
 *
 * It lives in the repository's git-ignored `.next-bench-bare/` rather than in
 * /tmp because Turbopack resolves `next` only inside its workspace root, and a
 * symlinked node_modules leads outside it. Rebuilt only when Next changes.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const FILES: Record<string, string> = {
  "package.json": `{ "name": "bare-next-for-bench", "private": true }\n`,
  "next.config.mjs": "export default {};\n",
  "app/layout.jsx": `export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n`,
  "app/page.jsx": `export default function Page() {\n  return <main><h1>Hello</h1><p>A bare Next page.</p></main>;\n}\n`,
  "app/dynamic/page.jsx": `import { connection } from "next/server";\nexport default async function Page() {\n  await connection();\n  return <main><h1>Hello</h1><p>Rendered at {new Date().toISOString()}.</p></main>;\n}\n`,
};

const nextBin = () => require.resolve("next/dist/bin/next");

/** The portal's environment minus its build folder: the bare app builds into its own .next. */
function bareEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  delete env.NEXT_DIST_DIR;
  return env;
}

export function buildBareNext(root = path.join(process.cwd(), ".next-bench-bare")): string {
  const version = (JSON.parse(fs.readFileSync(require.resolve("next/package.json"), "utf8")) as { version: string }).version;
  const stamp = path.join(root, ".next", "bench-next-version");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === version) return root;
  fs.rmSync(root, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const built = spawnSync(process.execPath, [nextBin(), "build"], { cwd: root, env: bareEnv(), stdio: ["ignore", "ignore", "inherit"] });
  if (built.status !== 0) throw new Error("The bare Next app did not build");
  fs.writeFileSync(stamp, version);
  return root;
}

export function startBareNext(root: string, port: number): ChildProcess {
  return spawn(process.execPath, [nextBin(), "start", "-p", String(port)], { cwd: root, env: bareEnv(), stdio: "ignore", detached: true });
}
