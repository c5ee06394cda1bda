import "server-only";
import crypto from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/client";
import { comments, stories } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { cachedQuery, tags } from "@/lib/cache";
import type { PublicContext } from "@/lib/context";
import { InvalidError, RateLimitedError } from "@/lib/errors";
import { takeToken } from "@/lib/rate-limit";
import { publicStory } from "@/lib/stories/visibility";
import type { CommentInput } from "@/lib/comments/schema";

/**
 * First-party, pre-moderated comments: readers submit, a moderator approves
 * (lib/comments-moderation.ts), and only approved ones are shown. E-mail
 * addresses are kept for the moderators and never leave this module's
 * public read.
 */

export const COMMENT_RATE = { limit: 5, windowMs: 10 * 60_000 } as const;

export type PublicComment = { id: number; name: string; body: string; createdAt: number };

/** Approved comments on a public story, oldest first (a conversation reads top to bottom). */
export function listApprovedComments(storyId: number): Promise<PublicComment[]> {
  return cachedQuery(["comments:approved", storyId], [tags.comments(storyId), tags.stories], () =>
    getDb()
      .select({ id: comments.id, name: comments.name, body: comments.body, createdAt: comments.createdAt })
      .from(comments)
      .innerJoin(stories, eq(stories.id, comments.storyId))
      .where(and(eq(comments.storyId, storyId), eq(comments.status, "approved"), publicStory()))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
  );
}

function hashIp(ip: string): string {
  return crypto.createHash("sha256").update(`comment:${ip}`).digest("hex").slice(0, 32);
}

/**
 * Stores a pending comment. Refuses (RateLimitedError) when the IP has sent too
 * many lately, or the story is not public or has comments switched off.
 */
export async function submitComment(input: Omit<CommentInput, "website">, { ip }: PublicContext): Promise<{ id: number }> {
  // Counted before the write, in its own transaction, so a refused comment still counts.
  if (!(await takeToken("comment", ip, COMMENT_RATE.limit, COMMENT_RATE.windowMs))) {
    throw new RateLimitedError("You have sent several comments in the last few minutes. Please wait ten minutes and try again.");
  }
  return transaction(async (tx) => {
    const story = await first(
      tx
        .select({ id: stories.id, commentsEnabled: stories.commentsEnabled })
        .from(stories)
        .where(and(eq(stories.id, input.storyId), publicStory()))
        .limit(1),
    );
    if (!story) throw new InvalidError("This story cannot take comments.");
    if (!story.commentsEnabled) throw new InvalidError("Comments are closed on this story.");
    const row = (await first(
      tx
        .insert(comments)
        .values({ storyId: story.id, name: input.name, email: input.email, body: input.body, status: "pending", ipHash: hashIp(ip) })
        .returning({ id: comments.id }),
    ))!;
    await writeAudit(tx, { actor: null, action: "comment.submit", entity: "comment", entityId: row.id, details: { storyId: story.id } });
    return row;
  });
}
