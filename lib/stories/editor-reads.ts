import "server-only";
import { and, asc, desc, eq, exists, gt, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { media, people, stories, storyAuthors, storyViews, topics, users, type Story, type StoryStatus } from "@/db/schema";
import { hasRole } from "@/lib/auth/guard";
import { toLocalDateTimeInput } from "@/lib/dates";
import type { SessionUser } from "@/lib/auth/session";
import { authorIdsOf, isOwner, topicIdsOf } from "./records";
import { availableActions, canEdit, type StoryAction } from "./workflow";

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
export function getStoryForEditor(id: number, user: SessionUser): EditableStory | null {
  const db = getDb();
  const story = db.select().from(stories).where(eq(stories.id, id)).get();
  if (!story) return null;
  const owner = isOwner(db, story, user);
  if (!owner && !hasRole(user, "editor")) return null;
  return {
    ...story,
    authorIds: authorIdsOf(db, id),
    topicIds: topicIdsOf(db, id),
    owner,
    editable: canEdit(user.role, story.status, owner),
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
export function listEditorStories(user: SessionUser, filters: { mine?: boolean; status?: StoryStatus; limit?: number } = {}): StoryListRow[] {
  const conditions: SQL[] = [];
  if (filters.mine || !hasRole(user, "editor")) conditions.push(ownedBy(user.id));
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
export function ownPersonId(user: SessionUser): number | null {
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
export function getDashboard(user: SessionUser): Dashboard {
  const db = getDb();
  const pressOffice = hasRole(user, "editor");
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
