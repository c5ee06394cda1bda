/**
 * Plausible daily read counts for the last seven days of the demo, so "Most
 * read this week" on a fresh home page is a real list, not a placeholder.
 * Deterministic: the counts come from the seeded PRNG, keyed by story and
 * day, so the same `now` always gives the same rows.
 */
import { createRng } from "./prng";
import { DAY, localDay } from "./time";

export type ViewedStory = { id: number; slug: string; publishAt: number | null; featured: boolean };
export type ViewRow = { storyId: number; day: string; views: number; republishViews: number };

export function planViews(stories: ViewedStory[], now: number): ViewRow[] {
  const rows: ViewRow[] = [];
  for (const story of stories) {
    if (story.publishAt === null || story.publishAt > now) continue;
    const rng = createRng(`views:${story.slug}`);
    // A few stories draw most readers (a long tail), the featured one more, and interest fades with age.
    const appeal = 8 + Math.floor(420 * rng.next() ** 3) + (story.featured ? 250 : 0);
    const firstDay = localDay(story.publishAt);
    for (let back = 6; back >= 0; back--) {
      const day = localDay(now - back * DAY);
      if (day < firstDay) continue;
      const ageDays = Math.max(0, (now - back * DAY - story.publishAt) / DAY);
      const fade = 1 / (1 + ageDays / 20);
      const views = Math.max(1, Math.round(appeal * fade * (0.6 + 0.8 * rng.next())));
      rows.push({ storyId: story.id, day, views, republishViews: Math.floor(views * 0.1 * rng.next()) });
    }
  }
  return rows;
}
