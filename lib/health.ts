import "server-only";
import { sql } from "drizzle-orm";
import { first, getDb, rows } from "@/db/client";

/** True when the database answers a trivial query. */
export async function databaseIsHealthy(): Promise<boolean> {
  try {
    return (await first(rows<{ ok: number }>(getDb(), sql`select 1 as ok`))) !== undefined;
  } catch {
    return false;
  }
}
