import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { first, transaction, type Tx } from "@/db/client";
import { media, people, slugRedirects, stories, storyRevisions, topics, type Story, type StoryStatus } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { assertCan, can } from "@/lib/auth/permissions";
import { revalidate, tags } from "@/lib/cache";
import type { Actor, WriteContext } from "@/lib/context";
import { formatDateTime } from "@/lib/dates";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { slugify, uniqueSlug } from "@/lib/slug";
import { markdownToSearchText } from "@/db/search-text";
import type { GuestExpertInput, StoryFields, StoryInput } from "./schema";
import { notifyAuthors, type StoryNotice } from "./notify";
import {
  SLUG_TAKEN_MESSAGE,
  checkReferences,
  currentVersionOf,
  isOwner,
  loadStory,
  onlyOwnAutosavesSince,
  replaceAuthorsAndTopics,
  slugTaken,
  staleEdit,
  storyNotFound,
  writeRevision,
} from "./records";
import { planTransition, type TransitionRequest } from "./transitions";
import type { StoryAction } from "./workflow";

/**
 * The story editor's writes. Each takes its input, then the WriteContext
 * (who, from where), runs in one transaction with its audit entry, and
 * refreshes what it changed.
 * The editor's reads are in ./editor-reads.ts.
 */

export type { CurrentVersion } from "./records";
export type { TransitionRequest } from "./transitions";

export type SaveInput = StoryInput & { reason?: "save" | "autosave"; transition?: TransitionRequest };
export type SaveResult = { id: number; slug: string; version: number; status: StoryStatus };

const NOTICES: Partial<Record<StoryAction, StoryNotice>> = { return: "return", publish: "publish", schedule: "schedule" };

/** Why this user may not change this story, worded for them. */
function editRefusal(user: Actor, owner: boolean): string {
  if (!owner && !can(user, "story.manage")) return "You can only change stories you wrote.";
  return "This story is with the press office, so it cannot be changed now. It will come back to you if changes are needed.";
}

/** The story's content fields as written to the row (shared by create, save and restore). */
function contentOf(fields: Omit<StoryFields, "slug" | "authorIds" | "topicIds" | "featured">) {
  return {
    type: fields.type,
    title: fields.title,
    standfirst: fields.standfirst,
    body: fields.body,
    bodyText: markdownToSearchText(fields.body),
    heroImageId: fields.heroImageId,
    syndicationSource: fields.syndicationSource,
    syndicationUrl: fields.syndicationUrl,
    syndicationLicence: fields.syndicationLicence,
    mediaUrl: fields.mediaUrl,
    transcript: fields.transcript,
    seoDescription: fields.seoDescription,
    republishLicence: fields.republishLicence,
    commentsEnabled: fields.commentsEnabled,
  };
}

/**
 * Writes the next version of a story, only if nobody saved since `row` was read
 * (optimistic lock): undefined when the version moved on.
 */
async function saveVersion(tx: Tx, row: Story, user: Actor, now: number, set: Partial<typeof stories.$inferInsert>): Promise<Story | undefined> {
  return first(
    tx
      .update(stories)
      .set({ ...set, version: row.version + 1, updatedBy: user.id, updatedAt: now })
      .where(and(eq(stories.id, row.id), eq(stories.version, row.version)))
      .returning(),
  );
}

/** Moves a story to a new address, keeping the old one as a redirect. */
async function changeSlug(tx: Tx, story: Story, slug: string): Promise<void> {
  if (await slugTaken(tx, slug, story.id)) throw new InvalidError(SLUG_TAKEN_MESSAGE, { slug: SLUG_TAKEN_MESSAGE });
  // Going back to one of its own old addresses: that address is current again.
  await tx.delete(slugRedirects).where(and(eq(slugRedirects.oldSlug, slug), eq(slugRedirects.storyId, story.id)));
  await tx
    .insert(slugRedirects)
    .values({ oldSlug: story.slug, storyId: story.id, createdAt: Date.now() })
    .onConflictDoUpdate({ target: slugRedirects.oldSlug, set: { storyId: story.id } });
}

function revalidateStory(slugs: (string | null | undefined)[]): void {
  const storyTags = [...new Set(slugs.filter((s): s is string => !!s))].map((s) => tags.story(s));
  revalidate(tags.stories, ...storyTags, tags.people, tags.topics);
}

/** A new draft owned by `ctx.user`. Only the press office may set "featured". */
export async function createDraft(fields: StoryFields, ctx: WriteContext): Promise<SaveResult> {
  const { user } = ctx;
  const now = Date.now();
  const story = await transaction(async (tx) => {
    await checkReferences(tx, fields);
    if (fields.slug && (await slugTaken(tx, fields.slug, null))) throw new InvalidError(SLUG_TAKEN_MESSAGE, { slug: SLUG_TAKEN_MESSAGE });
    const slug = fields.slug ?? (await uniqueSlug(slugify(fields.title), (candidate) => slugTaken(tx, candidate, null)));
    const row = (await first(
      tx
        .insert(stories)
        .values({
          ...contentOf(fields),
          slug,
          featured: can(user, "story.manage") ? fields.featured : false,
          status: "draft",
          version: 1,
          createdBy: user.id,
          updatedBy: user.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
    ))!;
    await replaceAuthorsAndTopics(tx, row.id, fields.authorIds, fields.topicIds);
    await writeRevision(tx, row, { reason: "save", note: "Created", userId: user.id });
    await writeAudit(tx, { actor: user, action: "story.create", entity: "story", entityId: row.id, ip: ctx.ip, details: { title: row.title } });
    return row;
  });
  return { id: story.id, slug: story.slug, version: story.version, status: story.status };
}

/**
 * Saves an edit, optionally with a workflow step, in ONE transaction:
 * permission, version check (a stale edit throws a ConflictError carrying
 * the newer version and writes nothing), update with version + 1,
 * authors/topics, slug redirect, revision snapshot and audit entry. Then
 * refreshes the public pages and e-mails the author when a story is
 * returned or published.
 */
export async function saveStory(input: SaveInput, ctx: WriteContext): Promise<SaveResult> {
  const { user } = ctx;
  const now = Date.now();
  const { transition, reason: saveReason } = input;
  const outcome = await transaction(async (tx) => {
    const row = await loadStory(tx, input.id);
    if (!row) throw storyNotFound();
    const owner = await isOwner(tx, row, user);
    assertCan(user, "story.edit", { status: row.status, isOwner: owner }, editRefusal(user, owner));
    if (saveReason === "autosave" && (row.status === "published" || row.status === "scheduled")) {
      // An autosave would push half-typed text to readers.
      throw new InvalidError("Changes to a published or scheduled story are not saved automatically. Use Save when you are ready.");
    }

    if (input.version !== row.version) {
      const ownAutosave = input.version < row.version && (await onlyOwnAutosavesSince(tx, row.id, input.version, user.id));
      if (!ownAutosave) throw staleEdit(await currentVersionOf(tx, row));
    }
    await checkReferences(tx, input);
    const slug = input.slug ?? row.slug;
    if (slug !== row.slug) await changeSlug(tx, row, slug);
    const plan = transition ? planTransition(row, input.body, user, owner, transition, now) : null;

    const updated = await saveVersion(tx, row, user, now, {
      ...contentOf(input),
      slug,
      // Status, dates and "featured" are the press office's: posted by a contributor they are ignored.
      featured: can(user, "story.manage") ? input.featured : row.featured,
      ...(plan?.patch ?? {}),
    });
    if (!updated) throw staleEdit(await currentVersionOf(tx, row));
    await replaceAuthorsAndTopics(tx, row.id, input.authorIds, input.topicIds);

    const reason = plan?.rule.action ?? saveReason ?? "save";
    await writeRevision(tx, updated, { reason, note: plan?.note, userId: user.id });
    await writeAudit(tx, {
      actor: user,
      action: `story.${reason}`,
      entity: "story",
      entityId: row.id,
      ip: ctx.ip,
      details: {
        version: updated.version,
        ...(plan ? { from: row.status, to: updated.status, note: plan.note } : {}),
        ...(slug !== row.slug ? { oldSlug: row.slug, slug } : {}),
        ...(plan?.overridden.length ? { a11yOverride: plan.overridden.map((p) => p.rule) } : {}),
      },
    });
    return { row, updated, plan };
  });

  revalidateStory([outcome.updated.slug, outcome.row.slug]);
  const notice = outcome.plan ? NOTICES[outcome.plan.rule.action] : undefined;
  if (notice) await notifyAuthors({ storyId: outcome.updated.id, notice, note: outcome.plan?.note }, user);
  const { id, slug, version, status } = outcome.updated;
  return { id, slug, version, status };
}

export type GuestExpert = { id: number; name: string; jobTitle: string; institution: string };

/** An expert without an account (e.g. a co-author from another university), created from the authors picker. */
export async function createGuestExpert(input: GuestExpertInput, { user, ip }: WriteContext): Promise<GuestExpert> {
  const person = await transaction(async (tx) => {
    const slug = await uniqueSlug(
      slugify(input.guestName),
      async (candidate) => !!(await first(tx.select({ id: people.id }).from(people).where(eq(people.slug, candidate)).limit(1))),
    );
    const row = (await first(
      tx
        .insert(people)
        .values({
          slug,
          name: input.guestName,
          jobTitle: input.guestJobTitle ?? "",
          institution: input.guestInstitution ?? "",
          isGuest: true,
        })
        .returning(),
    ))!;
    await writeAudit(tx, { actor: user, action: "person.create-guest", entity: "person", entityId: row.id, ip, details: { name: row.name } });
    return row;
  });
  revalidate(tags.people);
  return { id: person.id, name: person.name, jobTitle: person.jobTitle, institution: person.institution };
}

/**
 * Puts a revision's content back as a new save (with its own revision, so a
 * restore can itself be undone). Status, dates and the web address stay as
 * they are now: restoring old wording never moves or unpublishes a story.
 */
export async function restoreRevision({ id: storyId, revisionId }: { id: number; revisionId: number }, ctx: WriteContext): Promise<SaveResult> {
  const { user } = ctx;
  const now = Date.now();
  const result = await transaction(async (tx) => {
    const row = await loadStory(tx, storyId);
    if (!row) throw storyNotFound();
    assertCan(user, "story.edit", { status: row.status, isOwner: await isOwner(tx, row, user) }, "You cannot change this story now.");
    const revision = await first(
      tx
        .select()
        .from(storyRevisions)
        .where(and(eq(storyRevisions.id, revisionId), eq(storyRevisions.storyId, storyId)))
        .limit(1),
    );
    if (!revision) throw new NotFoundError("That revision could not be found for this story.");
    const snap = revision.snapshot;
    const heroOk = snap.heroImageId !== null && (await first(tx.select({ id: media.id }).from(media).where(eq(media.id, snap.heroImageId)).limit(1)));
    const updated = await saveVersion(tx, row, user, now, {
      type: snap.type,
      title: snap.title,
      standfirst: snap.standfirst,
      body: snap.body,
      bodyText: markdownToSearchText(snap.body),
      heroImageId: heroOk ? snap.heroImageId : null,
      syndicationSource: snap.syndicationSource,
      syndicationUrl: snap.syndicationUrl,
      syndicationLicence: snap.syndicationLicence,
      mediaUrl: snap.mediaUrl,
      transcript: snap.transcript,
      seoDescription: snap.seoDescription,
      republishLicence: snap.republishLicence,
      commentsEnabled: snap.commentsEnabled,
      featured: can(user, "story.manage") ? snap.featured : row.featured,
    });
    if (!updated) throw new ConflictError("The story changed while restoring. Please try again.");
    // Authors or topics deleted since then are left out rather than failing the restore.
    const livePeople = new Set(snap.authorIds.length ? (await tx.select({ id: people.id }).from(people).where(inArray(people.id, snap.authorIds))).map((r) => r.id) : []);
    const liveTopics = new Set(snap.topicIds.length ? (await tx.select({ id: topics.id }).from(topics).where(inArray(topics.id, snap.topicIds))).map((r) => r.id) : []);
    const authorIds = snap.authorIds.filter((id) => livePeople.has(id));
    if (authorIds.length > 0) await replaceAuthorsAndTopics(tx, row.id, authorIds, snap.topicIds.filter((id) => liveTopics.has(id)));
    const note = `Restored version ${revision.version} from ${formatDateTime(revision.createdAt)}`;
    await writeRevision(tx, updated, { reason: "restore", note, userId: user.id });
    await writeAudit(tx, { actor: user, action: "story.restore", entity: "story", entityId: row.id, ip: ctx.ip, details: { revisionId, version: updated.version } });
    return updated;
  });
  revalidate(tags.stories, tags.story(result.slug), tags.people, tags.topics);
  return { id: result.id, slug: result.slug, version: result.version, status: result.status };
}
