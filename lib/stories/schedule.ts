import "server-only";
import { and, eq, gt, inArray, isNotNull, lt, lte, sql } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/client";
import { unindexed } from "@/db/portable";
import { stories, type Story } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { revalidate, tags } from "@/lib/cache";
import { boundaryJob, type Job } from "@/lib/job";
import { notifyAuthors } from "./notify";
import { writeRevision } from "./records";

/**
 * Flips scheduled stories to published once their time has come, and
 * unpublishes stories whose unpublish time has passed. Idempotent: each
 * update is conditional on the status it expects, so a second (or
 * overlapping) run finds nothing to do and sends no second e-mail.
 *
 * The version is not bumped: the content did not change, so an editor with
 * the story open can still save without a conflict (saves never write the
 * status).
 */
export async function publishDueStories(now: number = Date.now()): Promise<{ published: number[]; unpublished: number[] }> {
  const db = getDb();
  const changed: { story: Story; kind: "publish" | "unpublish" }[] = [];

  const due = await db
    .select({ id: stories.id })
    .from(stories)
    .where(and(eq(stories.status, "scheduled"), lte(stories.publishAt, now)));
  const expired = await db
    .select({ id: stories.id })
    .from(stories)
    // unindexed() (SQLite's `+status`) keeps SQLite off the status-leading index (it would read every published row): stories_unpublish finds these.
    .where(and(inArray(unindexed<string>(stories.status), ["published", "scheduled"]), isNotNull(stories.unpublishAt), lte(stories.unpublishAt, now)));

  await transaction(async (tx) => {
    for (const { id } of expired) {
      const row = await first(
        tx
          .update(stories)
          .set({ status: "unpublished", unpublishAt: null, updatedAt: now })
          .where(and(eq(stories.id, id), inArray(stories.status, ["published", "scheduled"]), lte(stories.unpublishAt, now)))
          .returning(),
      );
      if (!row) continue;
      await writeRevision(tx, row, { reason: "unpublish", note: "Unpublished automatically at the scheduled time", userId: null });
      await writeAudit(tx, { actor: null, action: "story.unpublish.scheduled", entity: "story", entityId: id, details: { at: now } });
      changed.push({ story: row, kind: "unpublish" });
    }
    for (const { id } of due) {
      const row = await first(
        tx
          .update(stories)
          .set({ status: "published", updatedAt: now })
          .where(and(eq(stories.id, id), eq(stories.status, "scheduled"), lte(stories.publishAt, now)))
          .returning(),
      );
      if (!row) continue;
      await writeRevision(tx, row, { reason: "publish", note: "Published automatically at the scheduled time", userId: null });
      await writeAudit(tx, { actor: null, action: "story.publish.scheduled", entity: "story", entityId: id, details: { at: now } });
      changed.push({ story: row, kind: "publish" });
    }
  });

  if (changed.length > 0) {
    revalidate(tags.stories, ...changed.map((c) => tags.story(c.story.slug)), tags.people, tags.topics);
  }
  for (const c of changed) if (c.kind === "publish") await notifyAuthors({ storyId: c.story.id, notice: "publish" }, null);
  return {
    published: changed.filter((c) => c.kind === "publish").map((c) => c.story.id),
    unpublished: changed.filter((c) => c.kind === "unpublish").map((c) => c.story.id),
  };
}

/**
 * A published story whose publish time (set in the future) or expiry falls in
 * (from, to]: its status needs no change, but the lists it appears in do.
 * Only times that were still ahead when the row was last written count: a
 * "publish now" (publishAt = the save's own time) was purged by the save.
 */
export async function storyBoundaryPassed(from: number, to: number): Promise<boolean> {
  const db = getDb();
  // The status test is unindexed (SQLite's `+status`) so SQLite walks the time column's own index (a range of a few rows),
  // not the status index (every published story: ~1 s a tick at 100,000 stories).
  const hit = async (column: typeof stories.publishAt | typeof stories.unpublishAt) =>
    (await first(
      db
        .select({ one: sql`1` })
        .from(stories)
        .where(and(eq(unindexed(stories.status), "published"), gt(column, from), lte(column, to), lt(stories.updatedAt, column)))
        .limit(1),
    )) !== undefined;
  return (await hit(stories.publishAt)) || (await hit(stories.unpublishAt));
}

/** Twice a second, so a story scheduled for 10:00 is on the home page by 10:00:01 even when the machine is busy (each check is an index lookup). */
export const storyJobs: Job[] = [
  { name: "stories.publish-due", everyMs: 500, once: true, run: (now) => publishDueStories(now) },
  boundaryJob("stories.boundaries", [tags.stories, tags.people, tags.topics], storyBoundaryPassed),
];
