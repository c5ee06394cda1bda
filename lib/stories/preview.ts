import "server-only";
import crypto from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/client";
import { media, previewLinks, stories, type Story } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/permissions";
import { config } from "@/lib/config";
import type { WriteContext } from "@/lib/context";
import { listStoryAuthors } from "./public";
import { storyNotFound } from "./records";

const HOUR = 3_600_000;

/** Only the hash is stored: a leaked database does not leak working links. */
export function hashPreviewToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/**
 * An embargo-safe link to share a draft with a journalist: random, expiring,
 * read-only. The token is returned once (to show the editor) and never stored.
 */
export async function createPreviewLink({ id: storyId, hours }: { id: number; hours: number }, ctx: WriteContext & { now?: number }) {
  const { user } = ctx;
  assertCan(user, "story.manage", undefined, "Only the press office can share preview links.");
  const now = ctx.now ?? Date.now();
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = now + hours * HOUR;
  await transaction(async (tx) => {
    const story = await first(tx.select({ id: stories.id }).from(stories).where(eq(stories.id, storyId)).limit(1));
    if (!story) throw storyNotFound();
    const link = (await first(
      tx
        .insert(previewLinks)
        .values({ storyId, tokenHash: hashPreviewToken(token), expiresAt, createdBy: user.id, createdAt: now })
        .returning({ id: previewLinks.id }),
    ))!;
    // The token itself stays out of the audit log.
    await writeAudit(tx, { actor: user, action: "story.preview-link", entity: "story", entityId: storyId, ip: ctx.ip, details: { linkId: link.id, expiresAt } });
  });
  return { token, url: `${config().siteUrl}/preview/${token}`, expiresAt };
}

export type PreviewStory = Pick<
  Story,
  | "id"
  | "type"
  | "title"
  | "standfirst"
  | "body"
  | "status"
  | "publishAt"
  | "syndicationSource"
  | "syndicationUrl"
  | "syndicationLicence"
  | "mediaUrl"
  | "captionsUrl"
  | "transcript"
  | "republishLicence"
> & {
  authors: { name: string; jobTitle: string; institution: string }[];
  hero: { url: string; alt: string; caption: string; credit: string } | null;
  expiresAt: number;
};

/** The story behind a preview token, or null when the token is unknown or expired. */
export async function getStoryByPreviewToken(token: string, now: number = Date.now()): Promise<PreviewStory | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const db = getDb();
  const link = await first(
    db
      .select({ storyId: previewLinks.storyId, expiresAt: previewLinks.expiresAt })
      .from(previewLinks)
      .where(and(eq(previewLinks.tokenHash, hashPreviewToken(token)), gt(previewLinks.expiresAt, now)))
      .limit(1),
  );
  if (!link) return null;
  const story = await first(db.select().from(stories).where(eq(stories.id, link.storyId)).limit(1));
  if (!story) return null;
  const authors = await listStoryAuthors(story.id);
  const hero = story.heroImageId
    ? ((await first(
        db
          .select({ url: media.url, alt: media.altText, caption: media.caption, credit: media.credit })
          .from(media)
          .where(eq(media.id, story.heroImageId))
          .limit(1),
      )) ?? null)
    : null;
  return {
    id: story.id,
    type: story.type,
    title: story.title,
    standfirst: story.standfirst,
    body: story.body,
    status: story.status,
    publishAt: story.publishAt,
    syndicationSource: story.syndicationSource,
    syndicationUrl: story.syndicationUrl,
    syndicationLicence: story.syndicationLicence,
    mediaUrl: story.mediaUrl,
    captionsUrl: story.captionsUrl,
    transcript: story.transcript,
    republishLicence: story.republishLicence,
    authors,
    hero,
    expiresAt: link.expiresAt,
  };
}
