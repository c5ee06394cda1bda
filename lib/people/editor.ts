import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { people, users, type Person } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { FormError } from "@/lib/form";
import { slugify } from "@/lib/slug";
import type { OwnProfileInput, PersonInput } from "@/lib/validation/person";

type Actor = { id: number; email: string };

export type PersonSummary = Pick<Person, "id" | "slug" | "name" | "jobTitle" | "department" | "isGuest" | "userId" | "availableForMedia">;

export function listPeopleForEditor(): PersonSummary[] {
  return getDb()
    .select({
      id: people.id,
      slug: people.slug,
      name: people.name,
      jobTitle: people.jobTitle,
      department: people.department,
      isGuest: people.isGuest,
      userId: people.userId,
      availableForMedia: people.availableForMedia,
    })
    .from(people)
    .orderBy(asc(people.name))
    .all();
}

export function getPersonForEditor(id: number): Person | null {
  return getDb().select().from(people).where(eq(people.id, id)).get() ?? null;
}

/** The profile linked to a user account (a contributor's own), if any. */
export function getOwnPerson(userId: number): Person | null {
  return getDb().select().from(people).where(eq(people.userId, userId)).orderBy(asc(people.id)).get() ?? null;
}

/** Accounts a profile may be linked to. */
export function listLinkableUsers(): { id: number; name: string; email: string }[] {
  return getDb().select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name)).all();
}

function slugTaken(slug: string, exceptId?: number): boolean {
  const condition = exceptId ? and(eq(people.slug, slug), ne(people.id, exceptId)) : eq(people.slug, slug);
  return Boolean(getDb().select({ id: people.id }).from(people).where(condition).get());
}

/** A typed slug must be free; one made from the name gets a number until it is. */
function chooseSlug(input: PersonInput): string {
  if (input.slug) {
    if (slugTaken(input.slug, input.id)) throw new FormError("Another expert already has that web address.", { slug: "Another expert already has that web address." });
    return input.slug;
  }
  const base = slugify(input.name);
  let slug = base;
  for (let n = 2; slugTaken(slug, input.id); n++) slug = `${base}-${n}`;
  return slug;
}

/** Editors: create or update any profile. Returns the slugs to revalidate (old and new). */
export function savePerson(input: PersonInput, actor: Actor, ip: string | null): { id: number; slugs: string[] } {
  const db = getDb();
  const slug = chooseSlug(input);
  const values = {
    name: input.name,
    slug,
    jobTitle: input.jobTitle,
    department: input.department,
    institution: input.institution,
    bio: input.bio,
    expertise: input.expertise,
    photoUrl: input.photoUrl || null,
    availableForMedia: input.availableForMedia,
    mediaEmail: input.mediaEmail || null,
    isGuest: input.isGuest,
    // A guest expert has no account, whatever was posted.
    userId: input.isGuest ? null : (input.userId ?? null),
    updatedAt: Date.now(),
  };
  if (values.userId && !db.select({ id: users.id }).from(users).where(eq(users.id, values.userId)).get()) {
    throw new FormError("Choose an account from the list.", { userId: "Choose an account from the list." });
  }
  return db.transaction((tx) => {
    if (input.id) {
      const before = tx.select({ slug: people.slug }).from(people).where(eq(people.id, input.id)).get();
      if (!before) throw new FormError("That expert no longer exists.");
      tx.update(people).set(values).where(eq(people.id, input.id)).run();
      writeAudit(tx, { actor, action: "person.update", entity: "person", entityId: input.id, ip, details: { name: input.name, slug } });
      return { id: input.id, slugs: [...new Set([before.slug, slug])] };
    }
    const row = tx.insert(people).values(values).returning({ id: people.id }).get();
    writeAudit(tx, { actor, action: "person.create", entity: "person", entityId: row.id, ip, details: { name: input.name, slug, isGuest: input.isGuest } });
    return { id: row.id, slugs: [slug] };
  });
}

/**
 * The fields anyone may change on a profile they are allowed to edit (bio,
 * expertise, photo, media availability). The caller decides who may edit
 * which profile; this only writes.
 */
export function updateProfile(personId: number, input: OwnProfileInput, actor: Actor, ip: string | null): { slug: string } {
  return getDb().transaction((tx) => {
    const before = tx.select({ slug: people.slug }).from(people).where(eq(people.id, personId)).get();
    if (!before) throw new FormError("That expert no longer exists.");
    tx.update(people)
      .set({ bio: input.bio, expertise: input.expertise, photoUrl: input.photoUrl || null, availableForMedia: input.availableForMedia, updatedAt: Date.now() })
      .where(eq(people.id, personId))
      .run();
    writeAudit(tx, { actor, action: "person.update-profile", entity: "person", entityId: personId, ip, details: { availableForMedia: input.availableForMedia } });
    return { slug: before.slug };
  });
}
