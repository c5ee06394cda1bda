import "server-only";
import { eq, sql } from "drizzle-orm";
import { first, transaction, type Tx } from "@/db/client";
import { people, stories, storyAuthors } from "@/db/schema";
import { markdownToSearchText } from "@/db/search-text";
import { writeAudit } from "@/lib/audit";
import { revalidate, tags } from "@/lib/cache";
import { config } from "@/lib/config";
import type { Actor, WriteContext } from "@/lib/context";
import { InvalidError } from "@/lib/errors";
import { slugify, uniqueSlug } from "@/lib/slug";
import { importRepublishSnippet, type ImportedAuthor, type ImportedSnippet } from "./import-snippet";
import { slugTaken, writeRevision } from "./records";

/**
 * An existing person with the same name (and, when both are known, the same
 * institution) is reused; anyone else becomes a guest expert without an account.
 */
async function findOrCreateAuthor(tx: Tx, author: ImportedAuthor, user: Actor, ip: string | null): Promise<{ id: number; created: boolean }> {
  const sameName = await tx
    .select({ id: people.id, institution: people.institution })
    .from(people)
    .where(sql`lower(${people.name}) = lower(${author.name})`);
  const institution = author.institution?.toLowerCase() ?? "";
  const match = sameName.find((p) => !institution || !p.institution || p.institution.toLowerCase() === institution);
  if (match) return { id: match.id, created: false };

  const slug = await uniqueSlug(slugify(author.name, 70), async (s) => !!(await first(tx.select({ id: people.id }).from(people).where(eq(people.slug, s)).limit(1))));
  const person = (await first(
    tx
      .insert(people)
      .values({ slug, name: author.name, jobTitle: author.jobTitle ?? "", institution: author.institution ?? "", isGuest: true })
      .returning({ id: people.id }),
  ))!;
  await writeAudit(tx, { actor: user, action: "person.create", entity: "person", entityId: person.id, ip, details: { slug, guest: true, via: "import" } });
  return { id: person.id, created: true };
}

export type ImportResult = { storyId: number; notes: string[] };

/**
 * Creates a draft expert comment from a pasted republishing snippet, in one
 * transaction: guest experts for unknown authors, the story with its
 * syndication fields (including the counter image URL the outlet requires),
 * its first revision (reason "import", the notes as its note) and the audit entries.
 */
export async function importSnippetAsDraft({ snippet: html }: { snippet: string }, { user, ip }: WriteContext): Promise<ImportResult> {
  const imported: ImportedSnippet = importRepublishSnippet(html, { siteUrl: config().siteUrl });
  if (!imported.title) throw new InvalidError("The snippet has no headline (an <h1>). Paste the whole republishing snippet.", { snippet: "Paste the whole snippet, including the headline." });
  if (!imported.bodyMarkdown) throw new InvalidError("The snippet has no article text. Paste the whole republishing snippet.", { snippet: "Paste the whole snippet, including the article text." });

  const result = await transaction(async (tx) => {
    // One after another: a name met twice must find the guest expert the first one created.
    const authorRows: { id: number; created: boolean }[] = [];
    for (const a of imported.authors) authorRows.push(await findOrCreateAuthor(tx, a, user, ip));
    const authorIds = [...new Set(authorRows.map((a) => a.id))];
    const slug = await uniqueSlug(slugify(imported.title, 70), (s) => slugTaken(tx, s, null));
    const story = (await first(
      tx
        .insert(stories)
        .values({
          type: "expert-comment",
          slug,
          title: imported.title.slice(0, 300),
          body: imported.bodyMarkdown,
          bodyText: markdownToSearchText(imported.bodyMarkdown),
          status: "draft",
          syndicationSource: imported.syndicationSource,
          syndicationUrl: imported.syndicationUrl,
          syndicationLicence: imported.syndicationLicence,
          syndicationCounterUrl: imported.counterImageUrl,
          createdBy: user.id,
          updatedBy: user.id,
        })
        .returning(),
    ))!;
    for (const [position, personId] of authorIds.entries()) await tx.insert(storyAuthors).values({ storyId: story.id, personId, position });
    await writeRevision(tx, story, { reason: "import", note: imported.notes.join("\n") || null, userId: user.id });
    await writeAudit(tx, {
      actor: user,
      action: "story.import",
      entity: "story",
      entityId: story.id,
      ip,
      details: {
        slug,
        source: imported.syndicationSource,
        syndicationUrl: imported.syndicationUrl,
        guestExpertsCreated: authorRows.filter((a) => a.created).length,
        notes: imported.notes.length,
      },
    });
    return { storyId: story.id, createdPeople: authorRows.some((a) => a.created) };
  });
  // The draft is not public; new guest experts may be listed on public pages.
  if (result.createdPeople) revalidate(tags.people);
  return { storyId: result.storyId, notes: imported.notes };
}
