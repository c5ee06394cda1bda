/**
 * `npm run db:seed` — seeds an empty database with the demo content and
 * prints the demo accounts; leaves a database with content untouched.
 * `npm run db:seed -- --stories N` adds N synthetic published stories
 * (seeding the demo content first when the database is empty).
 *
 * Runs under tsx with the react-server condition, so nothing here may
 * import next/*.
 */
import crypto from "node:crypto";
import { closeDatabase, databaseLabel, openConfigured, type DB } from "@/db/client";
import { config } from "@/lib/config";
import { contentCounts, hasContent, seed } from "./demo";
import { seedSyntheticStories } from "./synthetic";

export { contentCounts, demoImages, hasContent, seed, type SeedOptions, type SeedResult } from "./demo";
export { seedSyntheticStories } from "./synthetic";

export function parseStoriesArg(argv: string[]): number | null {
  const i = argv.findIndex((a) => a === "--stories" || a.startsWith("--stories="));
  if (i === -1) return null;
  const arg = argv[i] as string;
  const raw = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[i + 1];
  const n = Number(raw);
  if (!raw || !Number.isInteger(n) || n < 0) throw new Error(`--stories needs a whole number, for example --stories 100000 (got ${raw ?? "nothing"})`);
  return n;
}

async function seedDemo(db: DB): Promise<void> {
  const password = process.env.SEED_PASSWORD || crypto.randomBytes(9).toString("base64url");
  const result = await seed(db, { password, now: Date.now() });
  if (!result.created) {
    console.log(`${databaseLabel(config().databasePath)} already has content: nothing was changed.`);
    return;
  }
  const counts = await contentCounts(db);
  console.log(`Seeded ${databaseLabel(config().databasePath)}: ${counts.stories} stories, ${counts.people} experts, ${counts.events} events, ${counts.open_days} open days.`);
  console.log("Demo accounts:");
  for (const a of result.accounts) console.log(`  ${a.role.padEnd(12)} ${a.email}`);
  console.log(process.env.SEED_PASSWORD ? "Password: the value of SEED_PASSWORD" : `Password (generated, shown only now): ${password}`);
}

async function main(argv: string[]): Promise<void> {
  const stories = parseStoriesArg(argv);
  const db = await openConfigured(config().databasePath);
  if (stories === null || !(await hasContent(db))) await seedDemo(db);
  if (stories !== null) {
    const started = performance.now();
    // One line per batch on a terminal (rewritten in place), every batch as its own line in a log.
    const tty = process.stdout.isTTY;
    const onProgress = (done: number, total: number) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const line = `  ${done.toLocaleString("en-GB")} / ${total.toLocaleString("en-GB")} synthetic stories (${seconds} s)`;
      process.stdout.write(tty ? `\r${line}${done === total ? "\n" : ""}` : `${line}\n`);
    };
    const added = await seedSyntheticStories(db, stories, { now: Date.now(), onProgress });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Added ${added} synthetic stories in ${seconds} s (${(await contentCounts(db)).stories} stories in total).`);
  }
  await closeDatabase(db);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
