import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { first, getDb } from "@/db/client";
import { jsonArrayHasIgnoringCase } from "@/db/portable";
import { people } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { listedExpert } from "@/lib/people/visibility";

/**
 * The public expert directory. Staff experts are always listed; guest
 * experts (authors imported from another outlet, with no account) only once
 * they have a public story, so a draft never exposes a name early.
 */

export type ExpertCardData = {
  id: number;
  slug: string;
  name: string;
  jobTitle: string;
  department: string;
  institution: string;
  photoUrl: string | null;
  expertise: string[];
  availableForMedia: boolean;
};
export type ExpertProfile = ExpertCardData & { bio: string; mediaEmail: string | null; isGuest: boolean };
export type ExpertFilters = { expertise?: string; department?: string; available?: boolean };

const cardColumns = {
  id: people.id, slug: people.slug, name: people.name, jobTitle: people.jobTitle, department: people.department,
  institution: people.institution, photoUrl: people.photoUrl, expertise: people.expertise, availableForMedia: people.availableForMedia,
};


export function listExperts({ expertise, department, available }: ExpertFilters = {}) {
  const key = ["people:experts", expertise ?? "", department ?? "", available ? 1 : 0];
  return cachedQuery(key, [tags.people, tags.stories], async (): Promise<ExpertCardData[]> => {
    const where = and(
      listedExpert(),
      // Expertise is a JSON array: match one entry, ignoring case.
      expertise ? jsonArrayHasIgnoringCase(people.expertise, expertise) : undefined,
      department ? eq(people.department, department) : undefined,
      available ? eq(people.availableForMedia, true) : undefined,
    );
    return getDb().select(cardColumns).from(people).where(where).orderBy(asc(people.name), asc(people.id));
  });
}

/** The values offered in the directory's filters (from listed experts only). */
export function listExpertFacets() {
  return cachedQuery(["people:facets"], [tags.people, tags.stories], async () => {
    const rows = await getDb().select({ expertise: people.expertise, department: people.department }).from(people).where(listedExpert());
    const byLower = new Map<string, string>();
    for (const r of rows) for (const e of r.expertise) if (e.trim()) byLower.set(e.trim().toLowerCase(), byLower.get(e.trim().toLowerCase()) ?? e.trim());
    const sort = (a: string, b: string) => a.localeCompare(b, "en-GB");
    return {
      expertise: [...byLower.values()].sort(sort),
      departments: [...new Set(rows.map((r) => r.department).filter(Boolean))].sort(sort),
    };
  });
}

export function getExpertBySlug(slug: string) {
  return cachedQuery(["people:by-slug", slug], [tags.people, tags.person(slug), tags.stories], async (): Promise<ExpertProfile | null> => {
    const row = await first(
      getDb()
        .select({ ...cardColumns, bio: people.bio, mediaEmail: people.mediaEmail, isGuest: people.isGuest })
        .from(people)
        .where(and(eq(people.slug, slug), listedExpert()))
        .limit(1),
    );
    return row ?? null;
  });
}
