import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { diffLines, diffWords } from "diff";
import { getDb } from "@/db/client";
import { media, people, stories, storyRevisions, topics, users, type StorySnapshot } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { AuthError, hasRole } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/session";
import { revalidate, tags } from "@/lib/cache";
import { markdownToSearchText } from "@/db/search-text";
import { formatDateTime } from "@/lib/dates";
import { FormError } from "@/lib/form";
import { isOwner, loadStory, replaceAuthorsAndTopics, StoryNotFoundError, writeRevision } from "./records";
import { canEdit } from "./workflow";

export type RevisionSummary = {
  id: number;
  version: number;
  reason: string;
  note: string | null;
  createdAt: number;
  createdByName: string | null;
};

/** Newest first. */
export function listRevisions(storyId: number): RevisionSummary[] {
  return getDb()
    .select({
      id: storyRevisions.id,
      version: storyRevisions.version,
      reason: storyRevisions.reason,
      note: storyRevisions.note,
      createdAt: storyRevisions.createdAt,
      createdByName: users.name,
    })
    .from(storyRevisions)
    .leftJoin(users, eq(users.id, storyRevisions.createdBy))
    .where(eq(storyRevisions.storyId, storyId))
    .orderBy(desc(storyRevisions.id))
    .all();
}

export type DiffPart = { kind: "added" | "removed" | "same"; text: string };
export type FieldDiff = { field: string; label: string; parts: DiffPart[] };

/** The fields a reader of the history cares about, in form order. */
const FIELDS: { key: keyof StorySnapshot; label: string; long?: boolean }[] = [
  { key: "type", label: "Type" },
  { key: "title", label: "Headline" },
  { key: "slug", label: "Web address" },
  { key: "standfirst", label: "Standfirst", long: true },
  { key: "body", label: "Article", long: true },
  { key: "heroImageId", label: "Main picture" },
  { key: "authorIds", label: "Authors" },
  { key: "topicIds", label: "Topics" },
  { key: "syndicationSource", label: "Originally published by" },
  { key: "syndicationUrl", label: "Original web address" },
  { key: "syndicationLicence", label: "Licence of the original" },
  { key: "mediaUrl", label: "Video or audio address" },
  { key: "transcript", label: "Transcript", long: true },
  { key: "featured", label: "Featured on the home page" },
  { key: "seoDescription", label: "Search-engine description" },
  { key: "republishLicence", label: "Republishing licence" },
  { key: "commentsEnabled", label: "Comments" },
  { key: "status", label: "Status" },
  { key: "publishAt", label: "Publish time" },
  { key: "unpublishAt", label: "Unpublish time" },
];

type Names = { people: Map<number, string>; topics: Map<number, string>; media: Map<number, string> };

function display(key: keyof StorySnapshot, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === "") return "(none)";
  if (key === "authorIds") return (value as number[]).map((id) => names.people.get(id) ?? `(deleted expert ${id})`).join("\n");
  if (key === "topicIds") return (value as number[]).map((id) => names.topics.get(id) ?? `(deleted topic ${id})`).join("\n");
  if (key === "heroImageId") return names.media.get(value as number) ?? `(deleted picture ${String(value)})`;
  if (key === "publishAt" || key === "unpublishAt") return formatDateTime(value as number);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

function loadNames(snapshots: StorySnapshot[]): Names {
  const db = getDb();
  const personIds = [...new Set(snapshots.flatMap((s) => s.authorIds))];
  const topicIds = [...new Set(snapshots.flatMap((s) => s.topicIds))];
  const mediaIds = [...new Set(snapshots.map((s) => s.heroImageId).filter((id): id is number => id !== null))];
  return {
    people: new Map(personIds.length ? db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds)).all().map((r) => [r.id, r.name]) : []),
    topics: new Map(topicIds.length ? db.select({ id: topics.id, name: topics.name }).from(topics).where(inArray(topics.id, topicIds)).all().map((r) => [r.id, r.name]) : []),
    media: new Map(mediaIds.length ? db.select({ id: media.id, alt: media.altText }).from(media).where(inArray(media.id, mediaIds)).all().map((r) => [r.id, r.alt]) : []),
  };
}

/**
 * A readable, per-field comparison of two revisions of the same story
 * (a → b): long text by line, short text by word; unchanged fields left out.
 */
export function diffRevisions(aId: number, bId: number): FieldDiff[] {
  const db = getDb();
  const [a, b] = [aId, bId].map((id) => db.select().from(storyRevisions).where(eq(storyRevisions.id, id)).get());
  if (!a || !b || a.storyId !== b.storyId) throw new FormError("Choose two revisions of the same story to compare.");
  const names = loadNames([a.snapshot, b.snapshot]);
  const out: FieldDiff[] = [];
  for (const { key, label, long } of FIELDS) {
    const before = display(key, a.snapshot[key], names);
    const after = display(key, b.snapshot[key], names);
    if (before === after) continue;
    const changes = long || key === "authorIds" || key === "topicIds" ? diffLines(before, after) : diffWords(before, after);
    out.push({
      field: key,
      label,
      parts: changes.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value })),
    });
  }
  return out;
}

/**
 * Puts a revision's content back as a new save (with its own revision, so a
 * restore can itself be undone). Status, dates and the web address stay as
 * they are now: restoring old wording never moves or unpublishes a story.
 */
export function restoreRevision(storyId: number, revisionId: number, user: SessionUser, ctx: { ip?: string | null } = {}) {
  const now = Date.now();
  const result = getDb().transaction((tx) => {
    const row = loadStory(tx, storyId);
    if (!row) throw new StoryNotFoundError();
    const owner = isOwner(tx, row, user);
    if (!canEdit(user.role, row.status, owner)) throw new AuthError(403, "You cannot change this story now.");
    const revision = tx
      .select()
      .from(storyRevisions)
      .where(and(eq(storyRevisions.id, revisionId), eq(storyRevisions.storyId, storyId)))
      .get();
    if (!revision) throw new FormError("That revision could not be found for this story.");
    const snap = revision.snapshot;
    const heroOk = snap.heroImageId !== null && tx.select({ id: media.id }).from(media).where(eq(media.id, snap.heroImageId)).get();
    const updated = tx
      .update(stories)
      .set({
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
        featured: hasRole(user, "editor") ? snap.featured : row.featured,
        version: row.version + 1,
        updatedBy: user.id,
        updatedAt: now,
      })
      .where(and(eq(stories.id, row.id), eq(stories.version, row.version)))
      .returning()
      .get();
    if (!updated) throw new FormError("The story changed while restoring. Please try again.");
    // Authors or topics deleted since then are left out rather than failing the restore.
    const livePeople = new Set(snap.authorIds.length ? tx.select({ id: people.id }).from(people).where(inArray(people.id, snap.authorIds)).all().map((r) => r.id) : []);
    const liveTopics = new Set(snap.topicIds.length ? tx.select({ id: topics.id }).from(topics).where(inArray(topics.id, snap.topicIds)).all().map((r) => r.id) : []);
    const authorIds = snap.authorIds.filter((id) => livePeople.has(id));
    if (authorIds.length > 0) replaceAuthorsAndTopics(tx, row.id, authorIds, snap.topicIds.filter((id) => liveTopics.has(id)));
    const note = `Restored version ${revision.version} from ${formatDateTime(revision.createdAt)}`;
    writeRevision(tx, updated, { reason: "restore", note, userId: user.id });
    writeAudit(tx, { actor: user, action: "story.restore", entity: "story", entityId: row.id, ip: ctx.ip, details: { revisionId, version: updated.version } });
    return updated;
  });
  revalidate(tags.stories, tags.story(result.slug), tags.people, tags.topics);
  return { id: result.id, slug: result.slug, version: result.version, status: result.status };
}
