/**
 * Shared set-up for the story editor tests: a cast of users, the form of a
 * story and snapshots of what an action may write. Signing in (actAs) and
 * form data (form) are in __tests__/helpers/.
 */
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { createPerson, createUser } from "../factories";

export type Actor = "signed-out" | "owner" | "other-contributor" | "editor" | "admin";

/** A cast of users: a contributor with an expert profile, another contributor, an editor and an admin. */
export async function cast() {
  const owner = await createUser({ role: "contributor", name: "Dr Ada Owner" });
  const ownerPerson = await createPerson({ name: "Dr Ada Owner", userId: owner.id });
  const other = await createUser({ role: "contributor", name: "Dr Other" });
  const editor = await createUser({ role: "editor", name: "Ed Itor" });
  const editor2 = await createUser({ role: "editor", name: "Second Editor" });
  const admin = await createUser({ role: "admin", name: "Ad Min" });
  return { owner, ownerPerson, other, editor, editor2, admin };
}

/** Everything a story action could change, to assert "nothing written". */
export async function dbState(): Promise<string> {
  const db = getDb();
  return JSON.stringify({
    stories: await db.select().from(s.stories),
    authors: await db.select().from(s.storyAuthors),
    topics: await db.select().from(s.storyTopics),
    revisions: await db.select().from(s.storyRevisions),
    redirects: await db.select().from(s.slugRedirects),
    previews: await db.select().from(s.previewLinks),
    people: await db.select().from(s.people),
    audit: await db.select().from(s.auditLog),
  });
}

/** The form fields of a story as the edit form posts them. */
export function storyForm(story: s.Story, authorIds: number[], overrides: Record<string, string | string[] | undefined> = {}) {
  return {
    id: String(story.id),
    version: String(story.version),
    type: story.type,
    title: story.title,
    slug: story.slug,
    standfirst: story.standfirst,
    body: story.body,
    authorIds: authorIds.map(String),
    republishLicence: story.republishLicence,
    commentsEnabled: story.commentsEnabled ? "on" : undefined,
    featured: story.featured ? "on" : undefined,
    ...overrides,
  };
}

export async function lastAudit() {
  const rows = await getDb().select().from(s.auditLog);
  return rows[rows.length - 1];
}
