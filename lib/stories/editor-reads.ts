import "server-only";
import { and, asc, desc, eq, exists, gt, inArray, or, sql, type SQL } from "drizzle-orm";
import { diffLines, diffWords } from "diff";
import { first, getDb } from "@/db/client";
import { media, people, stories, storyAuthors, storyRevisions, storyViews, topics, users, type Story, type StorySnapshot, type StoryStatus } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/context";
import { formatDateTime, toLocalDateTimeInput } from "@/lib/dates";
import { InvalidError } from "@/lib/errors";
import { authorIdsOf, isOwner, topicIdsOf } from "./records";
import { availableActions, type StoryAction } from "./workflow";

/**
 * The story editor's reads (pages under app/editor/stories): the story as
 * the form needs it, lists, the dashboard, the history and its diffs. The
 * writes are in ./editor.ts.
 */

/** Stories the user created or is an author of. */
function ownedBy(userId: number): SQL {
  return or(
    eq(stories.createdBy, userId),
    exists(
      getDb()
        .select({ one: sql`1` })
        .from(storyAuthors)
        .innerJoin(people, eq(people.id, storyAuthors.personId))
        .where(and(eq(storyAuthors.storyId, stories.id), eq(people.userId, userId))),
    ),
  ) as SQL;
}

export type EditableStory = Story & {
  authorIds: number[];
  topicIds: number[];
  owner: boolean;
  editable: boolean;
  actions: StoryAction[];
  /** Readers can see it now. */
  isPublic: boolean;
};

/**
 * A story as the editor form needs it, or null when the user may not see it:
 * a contributor cannot open someone else's story by guessing its id.
 */
export async function getStoryForEditor(id: number, user: Actor): Promise<EditableStory | null> {
  const db = getDb();
  const story = await first(db.select().from(stories).where(eq(stories.id, id)).limit(1));
  if (!story) return null;
  const owner = await isOwner(db, story, user);
  if (!owner && !can(user, "story.manage")) return null;
  return {
    ...story,
    authorIds: await authorIdsOf(db, id),
    topicIds: await topicIdsOf(db, id),
    owner,
    editable: can(user, "story.edit", { status: story.status, isOwner: owner }),
    actions: availableActions(user.role, story.status, owner),
    isPublic: (story.status === "published" || story.status === "scheduled") && story.publishAt !== null && story.publishAt <= Date.now(),
  };
}

export type StoryListRow = Pick<Story, "id" | "title" | "slug" | "type" | "status" | "publishAt" | "updatedAt" | "workflowNote"> & {
  authors: string;
};

const listColumns = {
  id: stories.id,
  title: stories.title,
  slug: stories.slug,
  type: stories.type,
  status: stories.status,
  publishAt: stories.publishAt,
  updatedAt: stories.updatedAt,
  workflowNote: stories.workflowNote,
  // Drizzle renders a column inside a select field without its table when the
  // query has no join, so `${stories.id}` alone became a bare "id" that SQLite
  // resolved to people.id inside the subquery: every story got someone else's
  // authors. Name the table explicitly. string_agg(… ORDER BY) keeps byline order on both
  // databases (SQLite has it since 3.44).
  authors: sql<string>`coalesce((select string_agg(p.name, ', ' order by sa.position) from story_authors sa join people p on p.id = sa.person_id where sa.story_id = ${stories}.${sql.identifier(stories.id.name)}), '')`,
};

/** The editor's story list. Contributors only ever see their own. */
export async function listEditorStories(user: Actor, filters: { mine?: boolean; status?: StoryStatus; limit?: number } = {}): Promise<StoryListRow[]> {
  const conditions: SQL[] = [];
  if (filters.mine || !can(user, "story.manage")) conditions.push(ownedBy(user.id));
  if (filters.status) conditions.push(eq(stories.status, filters.status));
  return getDb()
    .select(listColumns)
    .from(stories)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(stories.updatedAt), desc(stories.id))
    .limit(filters.limit ?? 200);
}

/** Everything the form's pickers offer. */
export async function getEditorChoices() {
  const db = getDb();
  const [peopleRows, topicRows, mediaRows] = await Promise.all([
    db
      .select({ id: people.id, name: people.name, jobTitle: people.jobTitle, institution: people.institution, isGuest: people.isGuest })
      .from(people)
      .orderBy(asc(people.name)),
    db.select({ id: topics.id, name: topics.name, kind: topics.kind }).from(topics).orderBy(asc(topics.kind), asc(topics.name)),
    db.select({ id: media.id, altText: media.altText, url: media.url }).from(media).orderBy(desc(media.createdAt)).limit(300),
  ]);
  return { people: peopleRows, topics: topicRows, media: mediaRows };
}
export type EditorChoices = Awaited<ReturnType<typeof getEditorChoices>>;

/** The user's own expert profile, to pre-fill the byline of a new story. */
export async function ownPersonId(user: Actor): Promise<number | null> {
  return (await first(getDb().select({ id: people.id }).from(people).where(eq(people.userId, user.id)).limit(1)))?.id ?? null;
}

export type Dashboard = {
  myDrafts: StoryListRow[];
  returned: StoryListRow[];
  awaitingReview: StoryListRow[] | null;
  scheduled: StoryListRow[];
  recentlyPublished: StoryListRow[];
  republished: { id: number; title: string; republishViews: number }[];
};

/** The editor home page: what needs this user's attention. */
export async function getDashboard(user: Actor): Promise<Dashboard> {
  const db = getDb();
  const pressOffice = can(user, "story.manage");
  const scope = pressOffice ? undefined : ownedBy(user.id);
  const list = (where: SQL | undefined, order: SQL, limit = 10) => db.select(listColumns).from(stories).where(where).orderBy(order).limit(limit);
  const mine = ownedBy(user.id);
  const returnedWhere = and(mine, eq(stories.status, "draft"), sql`${stories.workflowNote} is not null`);
  const [myDrafts, returned, awaitingReview, scheduled, recentlyPublished, republished] = await Promise.all([
    list(and(mine, eq(stories.status, "draft"), sql`${stories.workflowNote} is null`), desc(stories.updatedAt)),
    list(returnedWhere, desc(stories.updatedAt)),
    pressOffice ? list(eq(stories.status, "in-review"), asc(stories.updatedAt), 50) : null,
    list(and(scope, eq(stories.status, "scheduled"), gt(stories.publishAt, Date.now())), asc(stories.publishAt)),
    list(and(scope, inArray(stories.status, ["published", "scheduled"]), sql`${stories.publishAt} <= ${Date.now()}`), desc(stories.publishAt)),
    db
      .select({ id: stories.id, title: stories.title, republishViews: sql<number>`sum(${storyViews.republishViews})`.mapWith(Number) })
      .from(storyViews)
      .innerJoin(stories, eq(stories.id, storyViews.storyId))
      .where(scope)
      .groupBy(stories.id)
      .having(sql`sum(${storyViews.republishViews}) > 0`)
      .orderBy(desc(sql`sum(${storyViews.republishViews})`))
      .limit(10),
  ]);
  return { myDrafts, returned, awaitingReview, scheduled, recentlyPublished, republished };
}

/** Display names for users (history and conflict screens). */
export async function userName(id: number | null): Promise<string | null> {
  if (id === null) return null;
  return (await first(getDb().select({ name: users.name }).from(users).where(eq(users.id, id)).limit(1)))?.name ?? null;
}

/** A saved story as the form's starting values (checkboxes "on" when ticked, dates as datetime-local text). */
export function storyFormValues(story: EditableStory): Record<string, string | string[]> {
  const text = (v: string | null) => v ?? "";
  return {
    type: story.type,
    title: story.title,
    slug: story.slug,
    standfirst: story.standfirst,
    body: story.body,
    heroImageId: story.heroImageId === null ? "" : String(story.heroImageId),
    authorIds: story.authorIds.map(String),
    topicIds: story.topicIds.map(String),
    syndicationSource: text(story.syndicationSource),
    syndicationUrl: text(story.syndicationUrl),
    syndicationLicence: text(story.syndicationLicence),
    mediaUrl: text(story.mediaUrl),
    transcript: text(story.transcript),
    featured: story.featured ? "on" : "",
    seoDescription: text(story.seoDescription),
    republishLicence: story.republishLicence,
    commentsEnabled: story.commentsEnabled ? "on" : "",
    publishAt: story.publishAt !== null && story.publishAt > Date.now() ? toLocalDateTimeInput(story.publishAt) : "",
    unpublishAt: story.unpublishAt !== null ? toLocalDateTimeInput(story.unpublishAt) : "",
  };
}

export type RevisionSummary = {
  id: number;
  version: number;
  reason: string;
  note: string | null;
  createdAt: number;
  createdByName: string | null;
};

/** Newest first. */
export async function listRevisions(storyId: number): Promise<RevisionSummary[]> {
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
    .orderBy(desc(storyRevisions.id));
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

async function loadNames(snapshots: StorySnapshot[]): Promise<Names> {
  const db = getDb();
  const personIds = [...new Set(snapshots.flatMap((s) => s.authorIds))];
  const topicIds = [...new Set(snapshots.flatMap((s) => s.topicIds))];
  const mediaIds = [...new Set(snapshots.map((s) => s.heroImageId).filter((id): id is number => id !== null))];
  const [personRows, topicRows, mediaRows] = await Promise.all([
    personIds.length ? db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds)) : [],
    topicIds.length ? db.select({ id: topics.id, name: topics.name }).from(topics).where(inArray(topics.id, topicIds)) : [],
    mediaIds.length ? db.select({ id: media.id, alt: media.altText }).from(media).where(inArray(media.id, mediaIds)) : [],
  ]);
  return {
    people: new Map(personRows.map((r) => [r.id, r.name])),
    topics: new Map(topicRows.map((r) => [r.id, r.name])),
    media: new Map(mediaRows.map((r) => [r.id, r.alt])),
  };
}

/**
 * A readable, per-field comparison of two revisions of the same story
 * (a → b): long text by line, short text by word; unchanged fields left out.
 */
export async function diffRevisions(aId: number, bId: number): Promise<FieldDiff[]> {
  const db = getDb();
  const [a, b] = await Promise.all([aId, bId].map((id) => first(db.select().from(storyRevisions).where(eq(storyRevisions.id, id)).limit(1))));
  if (!a || !b || a.storyId !== b.storyId) throw new InvalidError("Choose two revisions of the same story to compare.");
  const names = await loadNames([a.snapshot, b.snapshot]);
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
