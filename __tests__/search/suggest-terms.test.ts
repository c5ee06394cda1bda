import { eq, sql } from "drizzle-orm";
import { exec, getDb, isPg, rows, transaction } from "@/db/client";
import { stories } from "@/db/schema";
import { createStory } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import { postgresSearch } from "@/lib/search/engine-postgres";
import { refreshSearchTerms, refreshSearchTermsInBackground, searchJobs } from "@/lib/search/jobs";
import { suggestQuery } from "@/lib/search/suggest";

/**
 * "Did you mean" reads a term list: fts5vocab on SQLite (always in step),
 * on PostgreSQL the search_terms view of db/migrations-pg/0003 plus the
 * stories written since its refresh (lib/search/jobs.ts). suggest.ts keeps
 * each initial's terms per database, and on PostgreSQL a file's tests share
 * one database, so each test here asks about words of its own initial.
 */

beforeEach(async () => {
  await freshDb();
});

const onPostgres = (name: string, fn: () => Promise<void>) => (isPg ? it(name, fn) : undefined);

const pendingCount = async () => Number((await rows<{ n: number }>(getDb(), sql`SELECT count(*) AS n FROM search_terms_pending`))[0]?.n);
const listed = async (word: string) => (await rows<{ ndoc: number }>(getDb(), sql`SELECT ndoc FROM search_terms WHERE word = ${word}`))[0]?.ndoc;

it("suggests words of stories written before and after the term list's last refresh", async () => {
  await createStory({ title: "Glacier retreat measured in the Alps" });
  await refreshSearchTerms();
  await createStory({ title: "Volcano ash grounds flights" });
  if (isPg) {
    // One word from each half: the refreshed view, and the stories written since.
    expect(await listed("glacier")).toBe(1);
    expect(await listed("volcano")).toBeUndefined();
    expect(await pendingCount()).toBe(1);
  }
  expect(await suggestQuery("glaceir")).toBe("glacier");
  expect(await suggestQuery("volcanno")).toBe("volcano");
});

onPostgres("refreshes only when stories were written, and counts each story once", async () => {
  const first = await createStory({ title: "Heron nests on the lake" });
  await createStory({ title: "A heron in the city" });
  expect(await refreshSearchTerms()).toBe(true);
  expect(await pendingCount()).toBe(0);
  expect(await listed("heron")).toBe(2);
  expect(await refreshSearchTerms()).toBe(false);

  // A change that leaves the words alone is not listed; one that changes them is.
  await getDb().update(stories).set({ status: "unpublished" }).where(eq(stories.id, first.id));
  expect(await pendingCount()).toBe(0);
  await getDb().update(stories).set({ title: "Heron nests on the lake, again" }).where(eq(stories.id, first.id));
  expect(await pendingCount()).toBe(1);

  // A new story adds to the view's count at once, before any refresh.
  await createStory({ title: "Heron habitat survey" });
  const terms = await rows<{ term: string; doc: number }>(getDb(), postgresSearch.vocabulary("h", "i", 100));
  // 2 in the view, 1 new, and the story edited since the refresh counted in both halves until the
  // next one (engine-postgres.ts: doc only orders candidates at the same distance).
  expect(terms.find((t) => t.term === "heron")?.doc).toBe(4);
  expect(terms.find((t) => t.term === "habitat")?.doc).toBe(1);
  expect(terms.map((t) => t.term)).toEqual([...terms.map((t) => t.term)].sort());

  expect(await refreshSearchTerms()).toBe(true);
  expect(await listed("heron")).toBe(3);
  expect(await listed("habitat")).toBe(1);
});

it("is a scheduled job on PostgreSQL only, which does not hold up the scheduler's tick", async () => {
  if (!isPg) {
    expect(searchJobs).toEqual([]);
    return;
  }
  expect(searchJobs.map((j) => [j.name, j.everyMs])).toEqual([["search.refresh-terms", 5 * 60_000]]);
  await createStory({ title: "Kestrel hovers over the motorway" });
  // Not a Promise: the scheduler awaits what run() returns, so a returned refresh would hold up its tick.
  expect(searchJobs[0]?.run(Date.now())).toBeUndefined();
  // The refresh goes on in the background: joined here.
  await refreshSearchTermsInBackground();
  expect(await pendingCount()).toBe(0);
  expect(await listed("kestrel")).toBe(1);
});

onPostgres("refreshes under the search_path PostgreSQL 17 gives REFRESH MATERIALIZED VIEW (pg_catalog, pg_temp)", async () => {
  await createStory({ title: "Osprey nests on the pylon" });
  // PostgreSQL 15 and 16 refresh under the caller's search_path; 17 and later under this one.
  await transaction(async (tx) => {
    await exec(tx, sql`SET LOCAL search_path = pg_catalog, pg_temp`);
    await exec(tx, sql`REFRESH MATERIALIZED VIEW CONCURRENTLY public.search_terms`);
  });
  expect(await listed("osprey")).toBe(1);
});
