import "server-only";
import { and, asc, desc, eq, exists, gt, inArray, or, sql, type SQL } from "drizzle-orm";
import { diffLines, diffWords } from "diff";
import { getDb } from "@/db/client";
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
export function getStoryForEditor(id: number, user: Actor): EditableStory | null {
  const db = getDb();
  const story = db.select().from(stories).where(eq(stories.id, id)).get();
  if (!story) return null;
  const owner = isOwner(db, story, user);
  if (!owner && !can(user, "story.manage")) return null;
  return {
    ...story,
    authorIds: authorIdsOf(db, id),
    topicIds: topicIdsOf(db, id),
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
  // authors. Name the table explicitly; the inner select keeps byline order.
  authors: sql<string>`coalesce((select group_concat(name, ', ') from (select p.name as name from story_authors sa join people p on p.id = sa.person_id where sa.story_id = ${stories}.${sql.identifier(stories.id.name)} order by sa.position)), '')`,
};

/** The editor's story list. Contributors only ever see their own. */
export function listEditorStories(user: Actor, filters: { mine?: boolean; status?: StoryStatus; limit?: number } = {}): StoryListRow[] {
  const conditions: SQL[] = [];
  if (filters.mine || !can(user, "story.manage")) conditions.push(ownedBy(user.id));
  if (filters.status) conditions.push(eq(stories.status, filters.status));
  return getDb()
    .select(listColumns)
    .from(stories)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(stories.updatedAt), desc(stories.id))
    .limit(filters.limit ?? 200)
    .all();
}

/** Everything the form's pickers offer. */
export function getEditorChoices() {
  const db = getDb();
  return {
    people: db
      .select({ id: people.id, name: people.name, jobTitle: people.jobTitle, institution: people.institution, isGuest: people.isGuest })
      .from(people)
      .orderBy(asc(people.name))
      .all(),
    topics: db.select({ id: topics.id, name: topics.name, kind: topics.kind }).from(topics).orderBy(asc(topics.kind), asc(topics.name)).all(),
    media: db.select({ id: media.id, altText: media.altText, url: media.url }).from(media).orderBy(desc(media.createdAt)).limit(300).all(),
  };
}
export type EditorChoices = ReturnType<typeof getEditorChoices>;

/** The user's own expert profile, to pre-fill the byline of a new story. */
export function ownPersonId(user: Actor): number | null {
  return getDb().select({ id: people.id }).from(people).where(eq(people.userId, user.id)).get()?.id ?? null;
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
export function getDashboard(user: Actor): Dashboard {
  const db = getDb();
  const pressOffice = can(user, "story.manage");
  const scope = pressOffice ? undefined : ownedBy(user.id);
  const list = (where: SQL | undefined, order: SQL, limit = 10) =>
    db.select(listColumns).from(stories).where(where).orderBy(order).limit(limit).all();
  const mine = ownedBy(user.id);
  const returnedWhere = and(mine, eq(stories.status, "draft"), sql`${stories.workflowNote} is not null`);
  return {
    myDrafts: list(and(mine, eq(stories.status, "draft"), sql`${stories.workflowNote} is null`), desc(stories.updatedAt)),
    returned: list(returnedWhere, desc(stories.updatedAt)),
    awaitingReview: pressOffice ? list(eq(stories.status, "in-review"), asc(stories.updatedAt), 50) : null,
    scheduled: list(and(scope, eq(stories.status, "scheduled"), gt(stories.publishAt, Date.now())), asc(stories.publishAt)),
    recentlyPublished: list(and(scope, inArray(stories.status, ["published", "scheduled"]), sql`${stories.publishAt} <= ${Date.now()}`), desc(stories.publishAt)),
    republished: db
      .select({ id: stories.id, title: stories.title, republishViews: sql<number>`sum(${storyViews.republishViews})` })
      .from(storyViews)
      .innerJoin(stories, eq(stories.id, storyViews.storyId))
      .where(scope)
      .groupBy(stories.id)
      .having(sql`sum(${storyViews.republishViews}) > 0`)
      .orderBy(desc(sql`sum(${storyViews.republishViews})`))
      .limit(10)
      .all(),
  };
}

/** Display names for users (history and conflict screens). */
export function userName(id: number | null): string | null {
  if (id === null) return null;
  return getDb().select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null;
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
  if (!a || !b || a.storyId !== b.storyId) throw new InvalidError("Choose two revisions of the same story to compare.");
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
