/** "Why rivers flood – and what we can do" → "why-rivers-flood-and-what-we-can-do" */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/, "") || "untitled";
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * THE way to make a slug unique: `stem`, then `stem-2`, `stem-3`… until
 * `taken` (a lookup in the caller's table and transaction) says it is free.
 * The stem is cut so the numbered form stays within 80 characters.
 */
export async function uniqueSlug(stem: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(stem))) return stem;
  const cut = stem.slice(0, 75).replace(/-+$/, "");
  for (let n = 2; ; n++) {
    const candidate = `${cut}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
