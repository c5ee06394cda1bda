import os from "node:os";
import path from "node:path";
import { TextDecoder, TextEncoder } from "node:util";

// Every test file gets its own in-memory database (Jest gives each file its
// own globals, and db/client.ts keeps the connection on globalThis).
process.env.DATABASE_PATH = ":memory:";
// npm run test:pg: the same tests on PostgreSQL (helpers/db.ts gives each file its own database).
if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
process.env.SITE_TIME_ZONE ??= "Europe/London";
process.env.SITE_URL ??= "http://localhost:3000";
// Mail and uploads go to a per-process temp folder, never the real data/.
process.env.DATA_DIR = path.join(os.tmpdir(), `newsroom-test-${process.pid}`);

// jsdom has no TextEncoder; node-postgres (loaded by db/client.ts) needs it at import.
if (typeof globalThis.TextEncoder === "undefined") Object.assign(globalThis, { TextEncoder, TextDecoder });
