import os from "node:os";
import path from "node:path";

// Every test file gets its own in-memory database (Jest gives each file its
// own globals, and db/client.ts keeps the connection on globalThis).
process.env.DATABASE_PATH = ":memory:";
process.env.SITE_TIME_ZONE ??= "Europe/London";
process.env.SITE_URL ??= "http://localhost:3000";
// Mail and uploads go to a per-process temp folder, never the real data/.
process.env.DATA_DIR = path.join(os.tmpdir(), `newsroom-test-${process.pid}`);
