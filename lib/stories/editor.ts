import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { people, slugRedirects, stories, type Story, type StoryStatus } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { AuthError, hasRole } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/session";
import { revalidate, tags } from "@/lib/cache";
import { FormError } from "@/lib/form";
import { slugify } from "@/lib/slug";
import type { GuestExpertInput, StoryFields, StoryInput } from "@/lib/validation/story";
import { markdownToSearchText } from "@/db/search-text";
import { notifyAuthors, type StoryNotice } from "./notify";
import {
  SLUG_TAKEN_MESSAGE,
  StaleEditError,
  StoryNotFoundError,
  authorIdsOf,
  checkReferences,
  currentVersionOf,
  isOwner,
  loadStory,
  onlyOwnAutosavesSince,
  replaceAuthorsAndTopics,
  slugTaken,
  topicIdsOf,
  writeRevision,
  type Tx,
} from "./records";
import { planTransition, type TransitionRequest } from "./transitions";
import { canEdit, type StoryAction } from "./workflow";

export { StaleEditError, StoryNotFoundError } from "./records";
export type { CurrentVersion } from "./records";
export type { TransitionRequest } from "./transitions";
export { listRevisions, diffRevisions, restoreRevision } from "./revisions";
export { createPreviewLink, getStoryByPreviewToken } from "./preview";

type Ctx = { ip?: string | null; now?: number };
export type SaveOptions = Ctx & { reason?: "save" | "autosave"; transition?: TransitionRequest };
export type SaveResult = { id: number; slug: string; version: number; status: StoryStatus };

const NOTICES: Partial<Record<StoryAction, StoryNotice>> = { return: "return", publish: "publish", schedule: "schedule" };

/** Why this user may not change this story, worded for them. */
function editRefusal(user: SessionUser, story: Story, owner: boolean): AuthError {
  if (!owner && !hasRole(user, "editor")) return new AuthError(403, "You can only change stories you wrote.");
  return new AuthError(403, "This story is with the press office, so it cannot be changed now. It will come back to you if changes are needed.");
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

/** Moves a story to a new address, keeping the old one as a redirect. */
function changeSlug(tx: Tx, story: Story, slug: string): void {
  if (slugTaken(tx, slug, story.id)) throw new FormError(SLUG_TAKEN_MESSAGE, { slug: SLUG_TAKEN_MESSAGE });
  // Going back to one of its own old addresses: that address is current again.
  tx.delete(slugRedirects).where(and(eq(slugRedirects.oldSlug, slug), eq(slugRedirects.storyId, story.id))).run();
  tx.insert(slugRedirects)
    .values({ oldSlug: story.slug, storyId: story.id, createdAt: Date.now() })
    .onConflictDoUpdate({ target: slugRedirects.oldSlug, set: { storyId: story.id } })
    .run();
}

function uniqueSlug(tx: Tx, base: string): string {
  let candidate = base;
  for (let n = 2; slugTaken(tx, candidate, null); n++) candidate = `${base}-${n}`;
  return candidate;
}

function revalidateStory(slugs: (string | null | undefined)[]): void {
  const storyTags = [...new Set(slugs.filter((s): s is string => !!s))].map((s) => tags.story(s));
  revalidate(tags.stories, ...storyTags, tags.people, tags.topics);
}

/** A new draft owned by `user`. Only the press office may set "featured". */
export function createDraft(fields: StoryFields, user: SessionUser, ctx: Ctx = {}): SaveResult {
  const now = ctx.now ?? Date.now();
  const story = getDb().transaction((tx) => {
    checkReferences(tx, fields);
    if (fields.slug && slugTaken(tx, fields.slug, null)) throw new FormError(SLUG_TAKEN_MESSAGE, { slug: SLUG_TAKEN_MESSAGE });
    const row = tx
      .insert(stories)
      .values({
        ...contentOf(fields),
        slug: fields.slug ?? uniqueSlug(tx, slugify(fields.title)),
        featured: hasRole(user, "editor") ? fields.featured : false,
        status: "draft",
        version: 1,
        createdBy: user.id,
        updatedBy: user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    replaceAuthorsAndTopics(tx, row.id, fields.authorIds, fields.topicIds);
    writeRevision(tx, row, { reason: "save", note: "Created", userId: user.id });
    writeAudit(tx, { actor: user, action: "story.create", entity: "story", entityId: row.id, ip: ctx.ip, details: { title: row.title } });
    return row;
  });
  return { id: story.id, slug: story.slug, version: story.version, status: story.status };
}

/**
 * Saves an edit, optionally with a workflow step, in ONE transaction:
 * permission, version check (a stale edit throws StaleEditError and writes
 * nothing), update with version + 1, authors/topics, slug redirect,
 * revision snapshot and audit entry. Then refreshes the public pages and
 * e-mails the author when a story is returned or published.
 */
export async function saveStory(input: StoryInput, user: SessionUser, options: SaveOptions = {}): Promise<SaveResult> {
  const now = options.now ?? Date.now();
  const transition = options.transition;
  const outcome = getDb().transaction((tx) => {
    const row = loadStory(tx, input.id);
    if (!row) throw new StoryNotFoundError();
    const owner = isOwner(tx, row, user);
    if (!canEdit(user.role, row.status, owner)) throw editRefusal(user, row, owner);
    if (options.reason === "autosave" && (row.status === "published" || row.status === "scheduled")) {
      // An autosave would push half-typed text to readers.
      throw new FormError("Changes to a published or scheduled story are not saved automatically. Use Save when you are ready.");
    }

    if (input.version !== row.version) {
      const ownAutosave = input.version < row.version && onlyOwnAutosavesSince(tx, row.id, input.version, user.id);
      if (!ownAutosave) throw new StaleEditError(currentVersionOf(tx, row));
    }
    checkReferences(tx, input);
    const slug = input.slug ?? row.slug;
    if (slug !== row.slug) changeSlug(tx, row, slug);
    const plan = transition ? planTransition(row, input.body, user, owner, transition, now) : null;

    const updated = tx
      .update(stories)
      .set({
        ...contentOf(input),
        slug,
        // Status, dates and "featured" are the press office's: posted by a contributor they are ignored.
        featured: hasRole(user, "editor") ? input.featured : row.featured,
        ...(plan?.patch ?? {}),
        version: row.version + 1,
        updatedBy: user.id,
        updatedAt: now,
      })
      .where(and(eq(stories.id, row.id), eq(stories.version, row.version)))
      .returning()
      .get();
    if (!updated) throw new StaleEditError(currentVersionOf(tx, row));
    replaceAuthorsAndTopics(tx, row.id, input.authorIds, input.topicIds);

    const reason = plan?.rule.action ?? options.reason ?? "save";
    writeRevision(tx, updated, { reason, note: plan?.note, userId: user.id });
    writeAudit(tx, {
      actor: user,
      action: `story.${reason}`,
      entity: "story",
      entityId: row.id,
      ip: options.ip,
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
  if (notice) await notifyAuthors(outcome.updated.id, notice, outcome.plan?.note ?? null, user.id);
  const { id, slug, version, status } = outcome.updated;
  return { id, slug, version, status };
}

/** The story's saved fields as a save input (for a workflow step with no edits). */
export function currentInput(storyId: number): StoryInput | null {
  const db = getDb();
  const row = loadStory(db, storyId);
  if (!row) return null;
  return {
    ...contentOf(row),
    id: row.id,
    version: row.version,
    slug: row.slug,
    featured: row.featured,
    authorIds: authorIdsOf(db, row.id),
    topicIds: topicIdsOf(db, row.id),
  };
}

/**
 * A workflow step on the story as saved (submit, return, publish, schedule,
 * unpublish, schedule unpublish). Pass `version` to refuse the step if the
 * story changed since the user looked at it.
 */
export async function transitionStory(
  storyId: number,
  transition: TransitionRequest,
  user: SessionUser,
  options: Ctx & { version?: number } = {},
): Promise<SaveResult> {
  const input = currentInput(storyId);
  if (!input) throw new StoryNotFoundError();
  return saveStory({ ...input, version: options.version ?? input.version }, user, { ...options, transition });
}

export type GuestExpert = { id: number; name: string; jobTitle: string; institution: string };

/** An expert without an account (e.g. a co-author from another university), created from the authors picker. */
export function createGuestExpert(input: GuestExpertInput, user: SessionUser, ctx: Ctx = {}): GuestExpert {
  const person = getDb().transaction((tx) => {
    let slug = slugify(input.guestName);
    for (let n = 2; tx.select({ id: people.id }).from(people).where(eq(people.slug, slug)).get(); n++) {
      slug = `${slugify(input.guestName)}-${n}`;
    }
    const row = tx
      .insert(people)
      .values({
        slug,
        name: input.guestName,
        jobTitle: input.guestJobTitle ?? "",
        institution: input.guestInstitution ?? "",
        isGuest: true,
      })
      .returning()
      .get();
    writeAudit(tx, { actor: user, action: "person.create-guest", entity: "person", entityId: row.id, ip: ctx.ip, details: { name: row.name } });
    return row;
  });
  revalidate(tags.people);
  return { id: person.id, name: person.name, jobTitle: person.jobTitle, institution: person.institution };
}
