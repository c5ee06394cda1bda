import { openDatabase } from "@/db/client";
import { migrate } from "@/db/migrate";

describe("migrations", () => {
  it("apply to an empty database and create every table, index and search index", () => {
    const db = openDatabase(":memory:");
    const names = db.$client
      .prepare("select name from sqlite_master where type in ('table','index') order by name")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const table of ["users", "people", "stories", "story_authors", "story_topics", "story_revisions", "slug_redirects", "media", "events", "open_days", "open_day_sessions", "registrations", "comments", "promos", "audit_log", "stories_fts", "events_fts", "people_fts"]) {
      expect(names).toContain(table);
    }
    expect(names).toContain("stories_public");
  });

  it("turns on foreign keys and a busy timeout", () => {
    const db = openDatabase(":memory:");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("is safe to apply twice", () => {
    const db = openDatabase(":memory:");
    expect(() => migrate(db)).not.toThrow();
  });
});
