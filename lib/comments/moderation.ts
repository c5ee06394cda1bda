import "server-only";
import { and, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/client";
import { comments, stories, type CommentStatus } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { revalidate, tags } from "@/lib/cache";
import type { WriteContext } from "@/lib/context";
import type { ModerateCommentsInput } from "./schema";
import { pageOf } from "@/lib/pagination";

export { COMMENT_STATUSES, type CommentStatus } from "@/db/schema";

export const MODERATION_PAGE_SIZE = 50;

export type ModerationComment = {
  id: number;
  storyId: number;
  storyTitle: string;
  storySlug: string;
  name: string;
  email: string;
  body: string;
  status: CommentStatus;
  createdAt: number;
  moderatedAt: number | null;
};

export async function countPendingComments(): Promise<number> {
  return (await first(getDb().select({ n: count() }).from(comments).where(eq(comments.status, "pending"))))?.n ?? 0;
}

/** Pending comments first (oldest first, as a queue), then the rest newest first. */
export async function listCommentsForModeration(options: { status?: CommentStatus; page?: number } = {}): Promise<{
  comments: ModerationComment[];
  total: number;
  page: number;
  pageCount: number;
}> {
  const db = getDb();
  const condition = options.status ? eq(comments.status, options.status) : undefined;
  const total = (await first(db.select({ n: count() }).from(comments).where(condition)))?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, options.page, MODERATION_PAGE_SIZE);
  const rows = await db
    .select({
      id: comments.id,
      storyId: comments.storyId,
      storyTitle: stories.title,
      storySlug: stories.slug,
      name: comments.name,
      email: comments.email,
      body: comments.body,
      status: comments.status,
      createdAt: comments.createdAt,
      moderatedAt: comments.moderatedAt,
    })
    .from(comments)
    .innerJoin(stories, eq(stories.id, comments.storyId))
    .where(condition)
    .orderBy(
      sql`CASE WHEN ${comments.status} = 'pending' THEN 0 ELSE 1 END`,
      sql`CASE WHEN ${comments.status} = 'pending' THEN ${comments.createdAt} ELSE -${comments.createdAt} END`,
      desc(comments.id),
    )
    .limit(MODERATION_PAGE_SIZE)
    .offset(offset);
  return { comments: rows, total, page, pageCount };
}

/**
 * Approves or rejects comments and refreshes the comment lists that changed;
 * returns how many changed. Comments already in that state are left alone.
 */
export async function moderateComments(
  { commentIds: ids, decision }: ModerateCommentsInput,
  { user: actor, ip }: WriteContext,
  now = Date.now(),
): Promise<{ changed: number; storyIds: number[] }> {
  const status: CommentStatus = decision === "approve" ? "approved" : "rejected";
  const result = await transaction(async (tx) => {
    const targets = await tx
      .select({ id: comments.id, storyId: comments.storyId, status: comments.status })
      .from(comments)
      .where(and(inArray(comments.id, ids), ne(comments.status, status)));
    if (targets.length === 0) return { changed: 0, storyIds: [] };
    await tx
      .update(comments)
      .set({ status, moderatedBy: actor.id, moderatedAt: now })
      .where(inArray(comments.id, targets.map((t) => t.id)));
    for (const t of targets) {
      await writeAudit(tx, { actor, action: `comment.${decision}`, entity: "comment", entityId: t.id, ip, details: { storyId: t.storyId, from: t.status } });
    }
    return { changed: targets.length, storyIds: [...new Set(targets.map((t) => t.storyId))] };
  });
  revalidate(...result.storyIds.map((id) => tags.comments(id)));
  return result;
}
