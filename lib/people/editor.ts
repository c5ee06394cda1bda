import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { first, getDb, transaction, type Tx } from "@/db/client";
import { people, users, type Person } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/permissions";
import { revalidate, tags } from "@/lib/cache";
import type { WriteContext } from "@/lib/context";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { PersonInput, ProfileInput } from "@/lib/people/schema";
import { slugify, uniqueSlug } from "@/lib/slug";

export type PersonSummary = Pick<Person, "id" | "slug" | "name" | "jobTitle" | "department" | "isGuest" | "userId" | "availableForMedia">;

export async function listPeopleForEditor(): Promise<PersonSummary[]> {
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
    .orderBy(asc(people.name));
}

export async function getPersonForEditor(id: number): Promise<Person | null> {
  return (await first(getDb().select().from(people).where(eq(people.id, id)).limit(1))) ?? null;
}

/** The profile linked to a user account (a contributor's own), if any. */
export async function getOwnPerson(userId: number): Promise<Person | null> {
  return (await first(getDb().select().from(people).where(eq(people.userId, userId)).orderBy(asc(people.id)).limit(1))) ?? null;
}

/** Accounts a profile may be linked to. */
export async function listLinkableUsers(): Promise<{ id: number; name: string; email: string }[]> {
  return getDb().select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name));
}

async function slugTaken(tx: Tx, slug: string, exceptId?: number): Promise<boolean> {
  const condition = exceptId ? and(eq(people.slug, slug), ne(people.id, exceptId)) : eq(people.slug, slug);
  return Boolean(await first(tx.select({ id: people.id }).from(people).where(condition).limit(1)));
}

/** A typed slug must be free; one made from the name gets a number until it is. In the writing transaction, so the check and the write go together. */
async function chooseSlug(tx: Tx, input: PersonInput): Promise<string> {
  if (input.slug) {
    if (await slugTaken(tx, input.slug, input.id)) throw new InvalidError("Another expert already has that web address.", { slug: "Another expert already has that web address." });
    return input.slug;
  }
  return uniqueSlug(slugify(input.name), (s) => slugTaken(tx, s, input.id));
}

/** Editors: create or update any profile; refreshes the old and the new public page. */
export async function savePerson(input: PersonInput, { user: actor, ip }: WriteContext): Promise<{ id: number; slugs: string[] }> {
  const values = {
    name: input.name,
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
  if (values.userId && !(await first(getDb().select({ id: users.id }).from(users).where(eq(users.id, values.userId)).limit(1)))) {
    throw new InvalidError("Choose an account from the list.", { userId: "Choose an account from the list." });
  }
  const saved = await transaction(async (tx) => {
    const slug = await chooseSlug(tx, input);
    if (input.id) {
      const before = await first(tx.select({ slug: people.slug }).from(people).where(eq(people.id, input.id)).limit(1));
      if (!before) throw new NotFoundError("That expert no longer exists.");
      await tx.update(people).set({ ...values, slug }).where(eq(people.id, input.id));
      await writeAudit(tx, { actor, action: "person.update", entity: "person", entityId: input.id, ip, details: { name: input.name, slug } });
      return { id: input.id, slugs: [...new Set([before.slug, slug])] };
    }
    const row = (await first(tx.insert(people).values({ ...values, slug }).returning({ id: people.id })))!;
    await writeAudit(tx, { actor, action: "person.create", entity: "person", entityId: row.id, ip, details: { name: input.name, slug, isGuest: input.isGuest } });
    return { id: row.id, slugs: [slug] };
  });
  revalidate(tags.people, ...saved.slugs.map((s) => tags.person(s)));
  return saved;
}

/**
 * The fields anyone may change on a profile they are allowed to edit (bio,
 * expertise, photo, media availability): the press office on any profile,
 * a contributor only on the one linked to their own account (the posted id
 * is checked against the session, never trusted).
 */
export async function updateProfile({ personId, ...input }: ProfileInput, { user: actor, ip }: WriteContext): Promise<{ slug: string }> {
  const { slug } = await transaction(async (tx) => {
    const before = await first(tx.select({ slug: people.slug, userId: people.userId }).from(people).where(eq(people.id, personId)).limit(1));
    if (!before) throw new NotFoundError("You can only edit your own expert profile.");
    assertCan(actor, "person.edit", before, "You can only edit your own expert profile.");
    await tx
      .update(people)
      .set({ bio: input.bio, expertise: input.expertise, photoUrl: input.photoUrl || null, availableForMedia: input.availableForMedia, updatedAt: Date.now() })
      .where(eq(people.id, personId));
    await writeAudit(tx, { actor, action: "person.update-profile", entity: "person", entityId: personId, ip, details: { availableForMedia: input.availableForMedia } });
    return { slug: before.slug };
  });
  revalidate(tags.people, tags.person(slug));
  return { slug };
}
