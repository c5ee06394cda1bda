import "server-only";
import { and, asc, eq, gt, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
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

export function loadStory(tx: Tx, id: number): Story | undefined {
  return tx.select().from(stories).where(eq(stories.id, id)).get();
}

export function authorIdsOf(tx: Tx, storyId: number): number[] {
  return tx
    .select({ id: storyAuthors.personId })
    .from(storyAuthors)
    .where(eq(storyAuthors.storyId, storyId))
    .orderBy(asc(storyAuthors.position))
    .all()
    .map((r) => r.id);
}

export function topicIdsOf(tx: Tx, storyId: number): number[] {
  return tx
    .select({ id: storyTopics.topicId })
    .from(storyTopics)
    .where(eq(storyTopics.storyId, storyId))
    .all()
    .map((r) => r.id);
}

/** The user created the story or is one of its authors (through their expert profile). */
export function isOwner(tx: Tx, story: Pick<Story, "id" | "createdBy">, user: Pick<Actor, "id">): boolean {
  if (story.createdBy === user.id) return true;
  const row = tx
    .select({ id: people.id })
    .from(storyAuthors)
    .innerJoin(people, eq(people.id, storyAuthors.personId))
    .where(and(eq(storyAuthors.storyId, story.id), eq(people.userId, user.id)))
    .get();
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

export function currentVersionOf(tx: Tx, story: Story): CurrentVersion {
  const by = story.updatedBy ? tx.select({ name: users.name }).from(users).where(eq(users.id, story.updatedBy)).get() : undefined;
  return { ...snapshotOf(story, authorIdsOf(tx, story.id), topicIdsOf(tx, story.id)), id: story.id, updatedByName: by?.name ?? null };
}

/**
 * Was every save since `baseVersion` an autosave by this same user? Then a
 * manual save based on `baseVersion` is the author catching up with their
 * own autosave (e.g. one that finished while the form was being posted),
 * not a conflict with somebody else.
 */
export function onlyOwnAutosavesSince(tx: Tx, storyId: number, baseVersion: number, userId: number): boolean {
  const since = tx
    .select({ reason: storyRevisions.reason, by: storyRevisions.createdBy })
    .from(storyRevisions)
    .where(and(eq(storyRevisions.storyId, storyId), gt(storyRevisions.version, baseVersion)))
    .all();
  return since.length > 0 && since.every((r) => r.reason === "autosave" && r.by === userId);
}

export function writeRevision(
  tx: Tx,
  story: Story,
  entry: { reason: string; note?: string | null; userId: number | null },
): void {
  tx.insert(storyRevisions)
    .values({
      storyId: story.id,
      version: story.version,
      snapshot: snapshotOf(story, authorIdsOf(tx, story.id), topicIdsOf(tx, story.id)),
      reason: entry.reason,
      note: entry.note ?? null,
      createdBy: entry.userId,
      createdAt: Date.now(),
    })
    .run();
}

export function replaceAuthorsAndTopics(tx: Tx, storyId: number, authorIds: number[], topicIds: number[]): void {
  tx.delete(storyAuthors).where(eq(storyAuthors.storyId, storyId)).run();
  authorIds.forEach((personId, position) => tx.insert(storyAuthors).values({ storyId, personId, position }).run());
  tx.delete(storyTopics).where(eq(storyTopics.storyId, storyId)).run();
  for (const topicId of topicIds) tx.insert(storyTopics).values({ storyId, topicId }).run();
}

/** Refuses ids that do not exist (a stale picker, or a hand-made post). */
export function checkReferences(tx: Tx, input: { authorIds: number[]; topicIds: number[]; heroImageId: number | null }): void {
  const count = (table: typeof people | typeof topics | typeof media, col: typeof people.id | typeof topics.id | typeof media.id, ids: number[]) =>
    ids.length ? tx.select({ id: col }).from(table).where(inArray(col, ids)).all().length : 0;
  if (count(people, people.id, input.authorIds) !== input.authorIds.length) {
    throw new InvalidError("One of the chosen authors no longer exists.", { authorIds: "One of the chosen authors no longer exists. Please choose again." });
  }
  if (count(topics, topics.id, input.topicIds) !== input.topicIds.length) {
    throw new InvalidError("One of the chosen topics no longer exists.", { topicIds: "One of the chosen topics no longer exists. Please choose again." });
  }
  if (input.heroImageId !== null && count(media, media.id, [input.heroImageId]) !== 1) {
    throw new InvalidError("The chosen picture no longer exists.", { heroImageId: "The chosen picture is no longer in the media library. Please choose another." });
  }
}

/**
 * Is `slug` free for story `storyId`? It must not be another story's current
 * address, nor one of another story's old addresses (which still redirect).
 */
export function slugTaken(tx: Tx, slug: string, storyId: number | null): boolean {
  const current = tx
    .select({ id: stories.id })
    .from(stories)
    .where(storyId === null ? eq(stories.slug, slug) : and(eq(stories.slug, slug), ne(stories.id, storyId)))
    .get();
  if (current) return true;
  const old = tx.select({ storyId: slugRedirects.storyId }).from(slugRedirects).where(eq(slugRedirects.oldSlug, slug)).get();
  return old !== undefined && old.storyId !== storyId;
}

export const SLUG_TAKEN_MESSAGE = "Another story already uses (or used to use) this web address. Please choose a different one.";
