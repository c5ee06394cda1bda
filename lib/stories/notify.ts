import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { first, getDb } from "@/db/client";
import { people, stories, storyAuthors, users } from "@/db/schema";
import { config } from "@/lib/config";
import { formatDateTime } from "@/lib/dates";
import { sendMail } from "@/lib/mail";

export type StoryNotice = "return" | "publish" | "schedule";

/** The story's people with accounts: its creator and every author linked to a user, minus whoever acted. */
async function recipients(storyId: number, creatorId: number | null, actorId: number | null): Promise<string[]> {
  const db = getDb();
  const authorRows = await db
    .select({ userId: people.userId })
    .from(storyAuthors)
    .innerJoin(people, eq(people.id, storyAuthors.personId))
    .where(eq(storyAuthors.storyId, storyId));
  const authorUsers = authorRows.map((r) => r.userId).filter((id): id is number => id !== null);
  const ids = [...new Set([creatorId, ...authorUsers])].filter((id): id is number => id !== null && id !== actorId);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, false)));
  return rows.map((r) => r.email);
}

/**
 * Tells the author what happened to their story. Sent after the change has
 * committed; a mail failure is logged and never undoes the change.
 */
export async function notifyAuthors(
  { storyId, notice, note = null }: { storyId: number; notice: StoryNotice; note?: string | null },
  /** Whoever acted is not told about their own step; null for the scheduler. */
  actor: { id: number } | null,
): Promise<void> {
  const actorId = actor?.id ?? null;
  try {
    const story = await first(getDb().select().from(stories).where(eq(stories.id, storyId)).limit(1));
    if (!story) return;
    const to = await recipients(storyId, story.createdBy, actorId);
    if (to.length === 0) return;
    const { siteUrl, siteName } = config();
    const editUrl = `${siteUrl}/editor/stories/${story.id}/edit`;
    const publicUrl = `${siteUrl}/news/${story.slug}`;
    const mails = {
      return: {
        subject: `Your story “${story.title}” has been returned with a note`,
        text: `The press office has returned your story “${story.title}” to you with this note:\n\n${note ?? "(no note)"}\n\nYou can make the changes and submit it again here:\n${editUrl}\n`,
      },
      publish: {
        subject: `Your story “${story.title}” is published`,
        text: `Your story “${story.title}” is now published on the ${siteName} newsroom:\n${publicUrl}\n`,
      },
      schedule: {
        subject: `Your story “${story.title}” is scheduled`,
        text: `Your story “${story.title}” will be published on ${story.publishAt ? formatDateTime(story.publishAt) : "the scheduled date"}:\n${publicUrl}\n`,
      },
    } satisfies Record<StoryNotice, { subject: string; text: string }>;
    await sendMail({ to: to.join(", "), ...mails[notice] });
  } catch (error) {
    console.error(`[stories] could not e-mail the author of story ${storyId}:`, error);
  }
}
