import { search } from "@/lib/search/public";
import { getStoryBySlug, listStories } from "@/lib/stories/public";
import { createStory } from "../factories";
import { freshDb } from "../helpers/db";

beforeEach(() => freshDb());

describe("a story's expiry (unpublish time)", () => {
  it("hides it from lists, the story page and search as soon as it passes, before any scheduler run", async () => {
    const expired = await createStory({ title: "Quarantined manuscript expired", unpublishAt: Date.now() - 1000 });
    const live = await createStory({ title: "Quarantined manuscript still live", unpublishAt: Date.now() + 3_600_000 });
    const slugs = (await listStories()).items.map((s) => s.slug);
    expect(slugs).toContain(live.slug);
    expect(slugs).not.toContain(expired.slug);
    expect(await getStoryBySlug(expired.slug)).toBeNull();
    expect(await getStoryBySlug(live.slug)).not.toBeNull();
    const found = (await search({ q: "quarantined manuscript" })).hits.map((h) => h.title);
    expect(found.join(" ")).toContain("still live");
    expect(found.join(" ")).not.toContain("expired");
  });
});
