import "server-only";
import { and, asc, eq, gt, inArray, ne } from "drizzle-orm";
import { first, type Tx } from "@/db/client";
import {
  media,
  people,
  slugRedirects,
  stories,
  storyAuthors,
  storyRevisions,
  storyTopics,
  topics,
  users,
  type Story,
  type StorySnapshot,
} from "@/db/schema";
import type { Actor } from "@/lib/context";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";

/** The current state of a story as the conflict screen shows it. */
export type CurrentVersion = StorySnapshot & { id: number; updatedByName: string | null };

/**
 * Someone else saved the story after this edit was loaded. Nothing was
 * written; `current` is their version so the editor can show it beside
 * what this user typed (the action passes it to the form as `conflict`,
 * the autosave route answers 409 with its version).
 */
export function staleEdit(current: CurrentVersion): ConflictError<CurrentVersion> {
  return new ConflictError(
    `${current.updatedByName ?? "Someone else"} saved this story while you were editing it, so your changes have not been saved yet. ` +
      "Their version is shown beside yours: copy across anything you want to keep, then save again.",
    current,
  );
}

export const storyNotFound = (): NotFoundError => new NotFoundError("This story could not be found. It may have been deleted.");

export async function loadStory(tx: Tx, id: number): Promise<Story | undefined> {
  return first(tx.select().from(stories).where(eq(stories.id, id)).limit(1));
}

export async function authorIdsOf(tx: Tx, storyId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: storyAuthors.personId })
    .from(storyAuthors)
    .where(eq(storyAuthors.storyId, storyId))
    .orderBy(asc(storyAuthors.position));
  return rows.map((r) => r.id);
}

export async function topicIdsOf(tx: Tx, storyId: number): Promise<number[]> {
  const rows = await tx.select({ id: storyTopics.topicId }).from(storyTopics).where(eq(storyTopics.storyId, storyId));
  return rows.map((r) => r.id);
}

/** The user created the story or is one of its authors (through their expert profile). */
export async function isOwner(tx: Tx, story: Pick<Story, "id" | "createdBy">, user: Pick<Actor, "id">): Promise<boolean> {
  if (story.createdBy === user.id) return true;
  const row = await first(
    tx
      .select({ id: people.id })
      .from(storyAuthors)
      .innerJoin(people, eq(people.id, storyAuthors.personId))
      .where(and(eq(storyAuthors.storyId, story.id), eq(people.userId, user.id)))
      .limit(1),
  );
  return row !== undefined;
}

export function snapshotOf(story: Story, authorIds: number[], topicIds: number[]): StorySnapshot {
  // Identity and creation fields never change, so a snapshot leaves them out.
  const rest: Partial<Story> = { ...story };
  delete rest.id;
  delete rest.createdAt;
  delete rest.createdBy;
  return { ...(rest as Omit<Story, "id" | "createdAt" | "createdBy">), authorIds, topicIds };
}

export async function currentVersionOf(tx: Tx, story: Story): Promise<CurrentVersion> {
  const by = story.updatedBy ? await first(tx.select({ name: users.name }).from(users).where(eq(users.id, story.updatedBy)).limit(1)) : undefined;
  const snapshot = snapshotOf(story, await authorIdsOf(tx, story.id), await topicIdsOf(tx, story.id));
  return { ...snapshot, id: story.id, updatedByName: by?.name ?? null };
}

/**
 * Was every save since `baseVersion` an autosave by this same user? Then a
 * manual save based on `baseVersion` is the author catching up with their
 * own autosave (e.g. one that finished while the form was being posted),
 * not a conflict with somebody else.
 */
export async function onlyOwnAutosavesSince(tx: Tx, storyId: number, baseVersion: number, userId: number): Promise<boolean> {
  const since = await tx
    .select({ reason: storyRevisions.reason, by: storyRevisions.createdBy })
    .from(storyRevisions)
    .where(and(eq(storyRevisions.storyId, storyId), gt(storyRevisions.version, baseVersion)));
  return since.length > 0 && since.every((r) => r.reason === "autosave" && r.by === userId);
}

export async function writeRevision(
  tx: Tx,
  story: Story,
  entry: { reason: string; note?: string | null; userId: number | null },
): Promise<void> {
  const snapshot = snapshotOf(story, await authorIdsOf(tx, story.id), await topicIdsOf(tx, story.id));
  await tx.insert(storyRevisions).values({
    storyId: story.id,
    version: story.version,
    snapshot,
    reason: entry.reason,
    note: entry.note ?? null,
    createdBy: entry.userId,
    createdAt: Date.now(),
  });
}

export async function replaceAuthorsAndTopics(tx: Tx, storyId: number, authorIds: number[], topicIds: number[]): Promise<void> {
  await tx.delete(storyAuthors).where(eq(storyAuthors.storyId, storyId));
  for (const [position, personId] of authorIds.entries()) await tx.insert(storyAuthors).values({ storyId, personId, position });
  await tx.delete(storyTopics).where(eq(storyTopics.storyId, storyId));
  for (const topicId of topicIds) await tx.insert(storyTopics).values({ storyId, topicId });
}

/** Refuses ids that do not exist (a stale picker, or a hand-made post). */
export async function checkReferences(tx: Tx, input: { authorIds: number[]; topicIds: number[]; heroImageId: number | null }): Promise<void> {
  const count = async (table: typeof people | typeof topics | typeof media, col: typeof people.id | typeof topics.id | typeof media.id, ids: number[]) =>
    ids.length ? (await tx.select({ id: col }).from(table).where(inArray(col, ids))).length : 0;
  if ((await count(people, people.id, input.authorIds)) !== input.authorIds.length) {
    throw new InvalidError("One of the chosen authors no longer exists.", { authorIds: "One of the chosen authors no longer exists. Please choose again." });
  }
  if ((await count(topics, topics.id, input.topicIds)) !== input.topicIds.length) {
    throw new InvalidError("One of the chosen topics no longer exists.", { topicIds: "One of the chosen topics no longer exists. Please choose again." });
  }
  if (input.heroImageId !== null && (await count(media, media.id, [input.heroImageId])) !== 1) {
    throw new InvalidError("The chosen picture no longer exists.", { heroImageId: "The chosen picture is no longer in the media library. Please choose another." });
  }
}

/**
 * Is `slug` free for story `storyId`? It must not be another story's current
 * address, nor one of another story's old addresses (which still redirect).
 */
export async function slugTaken(tx: Tx, slug: string, storyId: number | null): Promise<boolean> {
  const current = await first(
    tx
      .select({ id: stories.id })
      .from(stories)
      .where(storyId === null ? eq(stories.slug, slug) : and(eq(stories.slug, slug), ne(stories.id, storyId)))
      .limit(1),
  );
  if (current) return true;
  const old = await first(tx.select({ storyId: slugRedirects.storyId }).from(slugRedirects).where(eq(slugRedirects.oldSlug, slug)).limit(1));
  return old !== undefined && old.storyId !== storyId;
}

export const SLUG_TAKEN_MESSAGE = "Another story already uses (or used to use) this web address. Please choose a different one.";
