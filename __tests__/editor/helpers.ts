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
export function cast() {
  const owner = createUser({ role: "contributor", name: "Dr Ada Owner" });
  const ownerPerson = createPerson({ name: "Dr Ada Owner", userId: owner.id });
  const other = createUser({ role: "contributor", name: "Dr Other" });
  const editor = createUser({ role: "editor", name: "Ed Itor" });
  const editor2 = createUser({ role: "editor", name: "Second Editor" });
  const admin = createUser({ role: "admin", name: "Ad Min" });
  return { owner, ownerPerson, other, editor, editor2, admin };
}

/** Everything a story action could change, to assert "nothing written". */
export function dbState() {
  const db = getDb();
  return JSON.stringify({
    stories: db.select().from(s.stories).all(),
    authors: db.select().from(s.storyAuthors).all(),
    topics: db.select().from(s.storyTopics).all(),
    revisions: db.select().from(s.storyRevisions).all(),
    redirects: db.select().from(s.slugRedirects).all(),
    previews: db.select().from(s.previewLinks).all(),
    people: db.select().from(s.people).all(),
    audit: db.select().from(s.auditLog).all(),
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

export function lastAudit() {
  const rows = getDb().select().from(s.auditLog).all();
  return rows[rows.length - 1];
}
