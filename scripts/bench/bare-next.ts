/**
 * A bare Next app for `npm run bench`: one static page, one dynamic page
 * (await connection()) and a dynamic page of a given size, built with the
 * portal's own Next version, so the benchmark can print "bare Next" figures
 * from the same machine and run.
 *
 * `/sized?bytes=N` renders a plain list of story cards (a heading, a link, a
 * summary, a date) until its HTML is about N bytes: what Next costs for a page
 * of a portal page's size with none of the portal's work (no proxy, layouts,
 * queries or metadata), so the bench can tell the two parts of a miss apart.
 *
 * It lives in the repository's git-ignored `.next-bench-bare/` rather than in
 * /tmp because Turbopack resolves `next` only inside its workspace root, and a
 * symlinked node_modules leads outside it. Rebuilt only when Next changes.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Measured from the page's own output (identity HTML at 10 and 30 cards). */
const SIZED_PAGE = { cardBytes: 1413, baseBytes: 4900 };

const FILES: Record<string, string> = {
  "package.json": `{ "name": "bare-next-for-bench", "private": true }\n`,
  "next.config.mjs": "export default {};\n",
  "app/layout.jsx": `export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n`,
  "app/page.jsx": `export default function Page() {\n  return <main><h1>Hello</h1><p>A bare Next page.</p></main>;\n}\n`,
  "app/dynamic/page.jsx": `import { connection } from "next/server";\nexport default async function Page() {\n  await connection();\n  return <main><h1>Hello</h1><p>Rendered at {new Date().toISOString()}.</p></main>;\n}\n`,
  "app/sized/page.jsx": `import { connection } from "next/server";
const WORDS = "research students campus climate health engineering music policy city river bridges sleep award".split(" ");
const words = (seed, n) => Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(" ");
// About ${SIZED_PAGE.cardBytes} bytes of HTML a card (markup plus Next's inline copy of it), ${SIZED_PAGE.baseBytes} around them.
export default async function Page({ searchParams }) {
  await connection();
  const bytes = Math.min(1e6, Number((await searchParams).bytes) || 0);
  const cards = Math.max(1, Math.round((bytes - ${SIZED_PAGE.baseBytes}) / ${SIZED_PAGE.cardBytes}));
  return (
    <main>
      <h1>Hello</h1>
      <ul className="card-grid">
        {Array.from({ length: cards }, (_, i) => (
          <li key={i} className="card">
            <p className="type-label">News release</p>
            <h3 className="card__title"><a href={"/news/story-" + i}>{words(i, 8)}</a></h3>
            <p className="card__summary">{words(i + 1, 30)}</p>
            <p className="meta"><time dateTime="2026-12-01">1 December 2026</time> · <a href="/topics/research">Research</a></p>
          </li>
        ))}
      </ul>
    </main>
  );
}
`,
};
/** Stamped beside the build: a change to the Next version or to these files rebuilds the bare app. */
const STAMP = JSON.stringify(FILES);

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
  const expected = `${version}\n${STAMP}`;
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === expected) return root;
  fs.rmSync(root, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const built = spawnSync(process.execPath, [nextBin(), "build"], { cwd: root, env: bareEnv(), stdio: ["ignore", "ignore", "inherit"] });
  if (built.status !== 0) throw new Error("The bare Next app did not build");
  fs.writeFileSync(stamp, expected);
  return root;
}

export function startBareNext(root: string, port: number): ChildProcess {
  return spawn(process.execPath, [nextBin(), "start", "-p", String(port)], { cwd: root, env: bareEnv(), stdio: "ignore", detached: true });
}
