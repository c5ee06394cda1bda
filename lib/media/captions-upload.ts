import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { first, getDb, transaction, type Tx } from "@/db/client";
import { stories } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/permissions";
import { revalidate, tags } from "@/lib/cache";
import { config } from "@/lib/config";
import type { Actor, WriteContext } from "@/lib/context";
import { InvalidError } from "@/lib/errors";
import { isOwner, storyNotFound } from "@/lib/stories/records";
import { checkCaptions } from "./captions-check";
import { uploadUrl } from "./upload";

const REFUSED = "You cannot change this story, so you cannot change its captions.";

export type CaptionsInput = { storyId: number; bytes: Buffer; fileName: string; mimeType: string };

/** The story, if this user may edit it (the story editor's rule: can "story.edit"). */
async function editableStory(tx: Tx, storyId: number, user: Actor) {
  const story = await first(
    tx
      .select({ id: stories.id, slug: stories.slug, type: stories.type, status: stories.status, createdBy: stories.createdBy, captionsUrl: stories.captionsUrl })
      .from(stories)
      .where(eq(stories.id, storyId))
      .limit(1),
  );
  if (!story) throw storyNotFound();
  assertCan(user, "story.edit", { status: story.status, isOwner: await isOwner(tx, story, user) }, REFUSED);
  return story;
}

/** The file behind an /uploads URL we wrote, or null for anything else (never a path outside the folder). */
function uploadedFile(url: string | null): string | null {
  const name = /^\/uploads\/([a-f0-9]{32}\.vtt)$/.exec(url ?? "")?.[1];
  return name ? path.join(config().uploadsDir, name) : null;
}

/**
 * Attaches a WebVTT captions file to a video story: checked and cleaned
 * (lib/media/captions-check.ts), written under a server-made name, then the
 * story's captions_url and the audit entry in one transaction. A refusal
 * writes nothing; a failed transaction removes the new file; the replaced
 * file is removed only after the commit. Does not bump the story's version:
 * captions are not part of the story form, so an open edit is not made stale.
 */
export async function storeCaptions({ storyId, ...file }: CaptionsInput, { user, ip }: WriteContext): Promise<{ captionsUrl: string }> {
  const before = await editableStory(getDb(), storyId, user);
  if (before.type !== "video") throw new InvalidError("Captions can be added only to video stories.", { file: "Captions can be added only to video stories." });
  const text = checkCaptions(file);

  const dir = config().uploadsDir;
  await fs.promises.mkdir(dir, { recursive: true });
  const fileName = `${crypto.randomBytes(16).toString("hex")}.vtt`;
  const target = path.join(dir, fileName);
  await fs.promises.writeFile(target, text, { encoding: "utf8", flag: "wx" });
  let result: { slug: string; previous: string | null };
  try {
    result = await transaction(async (tx) => {
      // Checked again inside the transaction: the story may have moved on while the file was written.
      const story = await editableStory(tx, storyId, user);
      await tx.update(stories).set({ captionsUrl: uploadUrl(fileName) }).where(eq(stories.id, storyId));
      await writeAudit(tx, { actor: user, action: "story.captions", entity: "story", entityId: storyId, ip, details: { fileName, bytes: Buffer.byteLength(text), replaced: story.captionsUrl } });
      return { slug: story.slug, previous: story.captionsUrl };
    });
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    throw error;
  }
  const old = uploadedFile(result.previous);
  if (old) await fs.promises.rm(old, { force: true });
  revalidate(tags.story(result.slug));
  return { captionsUrl: uploadUrl(fileName) };
}

/** Takes the captions off a story (audited) and deletes the file. */
export async function removeCaptions({ storyId }: { storyId: number }, { user, ip }: WriteContext): Promise<void> {
  const result = await transaction(async (tx) => {
    const story = await editableStory(tx, storyId, user);
    await tx.update(stories).set({ captionsUrl: null }).where(eq(stories.id, storyId));
    await writeAudit(tx, { actor: user, action: "story.captions.remove", entity: "story", entityId: storyId, ip, details: { removed: story.captionsUrl } });
    return story;
  });
  const old = uploadedFile(result.captionsUrl);
  if (old) fs.rmSync(old, { force: true });
  revalidate(tags.story(result.slug));
}
