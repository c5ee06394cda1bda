import "server-only";
import { and, count, desc, eq, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/client";
import { media, type Media } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { revalidate, tags } from "@/lib/cache";
import type { WriteContext } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import type { MediaDetailsInput } from "@/lib/media/schema";
import { pageOf } from "@/lib/pagination";

export const MEDIA_PAGE_SIZE = 24;

export type MediaItem = Pick<
  Media,
  "id" | "url" | "fileName" | "mimeType" | "bytes" | "width" | "height" | "altText" | "caption" | "credit" | "licence" | "rightsExpireAt" | "variants" | "uploadedBy" | "createdAt"
>;

const columns = {
  id: media.id,
  url: media.url,
  fileName: media.fileName,
  mimeType: media.mimeType,
  bytes: media.bytes,
  width: media.width,
  height: media.height,
  altText: media.altText,
  caption: media.caption,
  credit: media.credit,
  licence: media.licence,
  rightsExpireAt: media.rightsExpireAt,
  variants: media.variants,
  uploadedBy: media.uploadedBy,
  createdAt: media.createdAt,
};

/** Contributors see only what they uploaded; editors and admins (media.manage) see everything. */
function visibleTo(user: SessionUser): SQL | undefined {
  return can(user, "media.manage") ? undefined : eq(media.uploadedBy, user.id);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
/** LIKE with an ESCAPE clause, so "%" or "_" typed in the search box match literally; lower() on both sides, as PostgreSQL's LIKE heeds case. */
const contains = (column: AnyColumn, pattern: string) => sql`lower(${column}) LIKE ${pattern.toLowerCase()} ESCAPE '\\'`;

export type MediaPage = { items: MediaItem[]; total: number; page: number; pageCount: number; q: string };

/** Newest first, 24 a page, optionally filtered by words in alt text, caption, credit or licence. */
export async function listMedia({ page = 1, q = "" }: { page?: number; q?: string }, user: SessionUser): Promise<MediaPage> {
  const db = getDb();
  const query = q.trim().slice(0, 100);
  const conditions: (SQL | undefined)[] = [visibleTo(user)];
  if (query) {
    const pattern = `%${escapeLike(query)}%`;
    conditions.push(
      or(
        contains(media.altText, pattern),
        contains(media.caption, pattern),
        contains(media.credit, pattern),
        contains(media.licence, pattern),
      ),
    );
  }
  const where = and(...conditions);
  const total = (await first(db.select({ n: count() }).from(media).where(where)))?.n ?? 0;
  const { page: current, pageCount, offset } = pageOf(total, page, MEDIA_PAGE_SIZE);
  const items = await db
    .select(columns)
    .from(media)
    .where(where)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(MEDIA_PAGE_SIZE)
    .offset(offset);
  return { items, total, page: current, pageCount, q: query };
}

/** One item, or null when it does not exist or the user may not see it (no guessing ids). */
export async function getMedia(id: number, user: SessionUser): Promise<MediaItem | null> {
  const row = await first(getDb().select(columns).from(media).where(eq(media.id, id)).limit(1));
  if (!row || !can(user, "media.edit", row)) return null;
  return row;
}

/**
 * Updates alt text, caption, credit, licence and rights expiry (editors any
 * item, contributors their own) with an audit entry; refreshes public pages
 * because stories and events render these details with the image.
 */
export async function updateMediaDetails({ id, ...input }: MediaDetailsInput & { id: number }, { user, ip }: WriteContext): Promise<MediaItem> {
  const updated = await transaction(async (tx) => {
    const current = await first(tx.select(columns).from(media).where(eq(media.id, id)).limit(1));
    // Not found either way, so a contributor cannot learn which ids exist.
    if (!current || !can(user, "media.edit", current)) throw new NotFoundError("That image does not exist or you cannot edit it.");
    await tx
      .update(media)
      .set({
        altText: input.altText,
        caption: input.caption,
        credit: input.credit,
        licence: input.licence,
        rightsExpireAt: input.rightsExpireAt,
      })
      .where(eq(media.id, id));
    const changed = (Object.keys(input) as (keyof MediaDetailsInput)[]).filter((k) => current[k] !== input[k]);
    await writeAudit(tx, { actor: user, action: "media.update", entity: "media", entityId: id, ip, details: { changed } });
    return { ...current, ...input };
  });
  revalidate(tags.stories, tags.events, tags.people);
  return updated;
}
