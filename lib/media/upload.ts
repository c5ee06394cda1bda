import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/client";
import { media, stories, type Media } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { can } from "@/lib/auth/permissions";
import { config } from "@/lib/config";
import type { Actor, WriteContext } from "@/lib/context";
import { InvalidError } from "@/lib/errors";
import { isOwner } from "@/lib/stories/records";
import { mediaDetailsSchema, type MediaDetailsInput } from "@/lib/media/schema";
import { checkImage, makeVariants, withoutMetadata } from "./image-check";

export type UploadInput = Partial<MediaDetailsInput> & { bytes: Buffer; storyId?: number };

/** Public URL of a file in the uploads folder (served by app/uploads/[name]/route.ts). */
export const uploadUrl = (fileName: string) => `/uploads/${fileName}`;

/**
 * Checks a story id against the uploader: contributors may attach images
 * only to their own stories (created by them or authored through their
 * expert profile, the story editor's rule); editors and admins to any story.
 */
async function assertMayUploadFor(storyId: number | undefined, user: Actor): Promise<void> {
  if (storyId === undefined) return;
  const db = getDb();
  const story = await first(db.select({ id: stories.id, createdBy: stories.createdBy }).from(stories).where(eq(stories.id, storyId)).limit(1));
  // InvalidError rather than NotFound/Forbidden: the story is a field of the upload form, and marking it lets the uploader pick another.
  if (!story) throw new InvalidError("That story does not exist.", { storyId: "Choose a story from the list." });
  if (!can(user, "media.upload", { isOwner: await isOwner(db, story, user) })) {
    throw new InvalidError("You can upload images only for your own stories.", { storyId: "Choose one of your own stories." });
  }
}

/**
 * Stores an uploaded image: validates the details and the bytes (type from
 * content, ≤ 10 MB, ≤ 40 MP, decodable), writes the original under a
 * server-generated name plus WebP variants, then inserts the media row and
 * its audit entry in one transaction. Any refusal throws InvalidError before a
 * byte is written; a failed insert removes the files again. Nothing public
 * changes until a story or event points at the image, so there is nothing
 * to revalidate here.
 */
export async function storeUpload(input: UploadInput, { user, ip }: WriteContext): Promise<Media> {
  const parsed = mediaDetailsSchema.safeParse({
    altText: input.altText ?? "",
    caption: input.caption ?? "",
    credit: input.credit ?? "",
    licence: input.licence ?? "",
    rightsExpireAt: "",
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    throw new InvalidError(Object.values(errors)[0] ?? "Check the image details.", errors);
  }
  const details = { ...parsed.data, rightsExpireAt: input.rightsExpireAt ?? null };
  await assertMayUploadFor(input.storyId, user);

  const { kind, width, height } = await checkImage(input.bytes);
  // Never serve the uploader's bytes: they may carry the GPS position of the photo.
  const original = await withoutMetadata(input.bytes, kind);
  const variants = await makeVariants(original, width);

  const dir = config().uploadsDir;
  await fs.mkdir(dir, { recursive: true });
  const base = crypto.randomBytes(16).toString("hex");
  const fileName = `${base}.${kind.ext}`;
  const files = [
    { name: fileName, data: original },
    ...variants.map((v) => ({ name: `${base}-${v.width}.webp`, data: v.data })),
  ];
  const written: string[] = [];
  try {
    for (const file of files) {
      const target = path.join(dir, file.name);
      // "wx": never overwrite an existing file, however unlikely a name clash is.
      await fs.writeFile(target, file.data, { flag: "wx" });
      written.push(target);
    }
    return await transaction(async (tx) => {
      const row = (await first(
        tx
          .insert(media)
          .values({
            fileName,
            url: uploadUrl(fileName),
            mimeType: kind.mimeType,
            bytes: original.length,
            width,
            height,
            ...details,
            variants: variants.map((v) => ({ width: v.width, url: uploadUrl(`${base}-${v.width}.webp`) })),
            uploadedBy: user.id,
          })
          .returning(),
      ))!;
      await writeAudit(tx, {
        actor: user,
        action: "media.upload",
        entity: "media",
        entityId: row.id,
        ip,
        details: { fileName, mimeType: kind.mimeType, bytes: row.bytes, width, height, storyId: input.storyId ?? null },
      });
      return row;
    });
  } catch (error) {
    await Promise.all(written.map((f) => fs.rm(f, { force: true })));
    throw error;
  }
}
