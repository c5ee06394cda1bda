import { asc, count, eq } from "drizzle-orm";
import { importSnippetAction } from "@/app/editor/stories/import/actions";
import { first, getDb } from "@/db/client";
import * as s from "@/db/schema";
import { createPerson, createStory, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { COUNTER_URL, ORIGINAL_URL, SNIPPET } from "./fixture";
import { setRequestHeaders } from "../helpers/stubs/next-headers";
import { form } from "../helpers/form";
import { actAs } from "../helpers/session";

beforeEach(() => setRequestHeaders({ "x-newsroom-socket-ip": "203.0.113.7" }));

const snippetForm = (snippet: string) => form({ snippet });
const counts = async () => {
  const db = getDb();
  return {
    stories: (await first(db.select({ n: count() }).from(s.stories)))?.n,
    people: (await first(db.select({ n: count() }).from(s.people)))?.n,
    revisions: (await first(db.select({ n: count() }).from(s.storyRevisions)))?.n,
    audit: (await first(db.select({ n: count() }).from(s.auditLog)))?.n,
  };
};

beforeEach(() => freshDb());

describe("importSnippetAction", () => {
  it("creates a draft expert comment with guest experts, syndication fields, a revision and audit entries", async () => {
    const me = await createUser();
    actAs(me);
    let redirectedTo = "";
    await importSnippetAction({}, snippetForm(SNIPPET)).catch((e: Error) => (redirectedTo = e.message));

    const db = getDb();
    const story = await first(db.select().from(s.stories).limit(1));
    expect(redirectedTo).toBe(`NEXT_REDIRECT:/editor/stories/${story?.id}/edit?imported=1`);
    expect(story).toMatchObject({
      type: "expert-comment",
      status: "draft",
      title: "Why the Harrow floods every spring – and what towns can do",
      slug: "why-the-harrow-floods-every-spring-and-what-towns-can-do",
      syndicationSource: "The Conversation",
      syndicationUrl: ORIGINAL_URL,
      syndicationLicence: "CC BY-ND 4.0",
      syndicationCounterUrl: COUNTER_URL,
      createdBy: me.id,
      version: 1,
    });
    expect(story?.body).toContain("## A river with nowhere to go");
    expect(story?.body).not.toMatch(/sandbags|count\.gif/i);

    const authors = await db
      .select({ name: s.people.name, jobTitle: s.people.jobTitle, institution: s.people.institution, isGuest: s.people.isGuest, slug: s.people.slug })
      .from(s.storyAuthors)
      .innerJoin(s.people, eq(s.people.id, s.storyAuthors.personId))
      .orderBy(asc(s.storyAuthors.position));
    expect(authors).toEqual([
      { name: "Amira Okafor", jobTitle: "Professor of Hydrology", institution: "University of Harrowgate", isGuest: true, slug: "amira-okafor" },
      { name: "Tom Reyes", jobTitle: "Research Fellow", institution: "Northfield Institute", isGuest: true, slug: "tom-reyes" },
    ]);

    const revision = await first(db.select().from(s.storyRevisions).limit(1));
    expect(revision).toMatchObject({ storyId: story?.id, reason: "import", version: 1, createdBy: me.id });
    expect(revision?.note).toMatch(/Dropped the image "Sandbags stacked outside a terraced house"/);
    expect(revision?.snapshot).toMatchObject({ title: story?.title, syndicationCounterUrl: COUNTER_URL, authorIds: expect.any(Array) });

    const audit = await db.select({ action: s.auditLog.action, ip: s.auditLog.ip, actorId: s.auditLog.actorId }).from(s.auditLog).orderBy(asc(s.auditLog.id));
    expect(audit).toEqual([
      { action: "person.create", ip: "203.0.113.7", actorId: me.id },
      { action: "person.create", ip: "203.0.113.7", actorId: me.id },
      { action: "story.import", ip: "203.0.113.7", actorId: me.id },
    ]);
  });

  it("reuses an existing expert and keeps slugs unique", async () => {
    const existing = await createPerson({ name: "Amira Okafor", institution: "University of Harrowgate", slug: "amira-okafor" });
    await createPerson({ name: "Someone Else", slug: "tom-reyes" });
    await createStory({ slug: "why-the-harrow-floods-every-spring-and-what-towns-can-do" });
    actAs(await createUser());
    await importSnippetAction({}, snippetForm(SNIPPET)).catch(() => undefined);

    const db = getDb();
    const story = await first(db.select().from(s.stories).where(eq(s.stories.type, "expert-comment")).limit(1));
    expect(story?.slug).toBe("why-the-harrow-floods-every-spring-and-what-towns-can-do-2");
    const authorIds = await db.select({ id: s.storyAuthors.personId }).from(s.storyAuthors).where(eq(s.storyAuthors.storyId, story?.id ?? 0)).orderBy(asc(s.storyAuthors.position));
    expect(authorIds[0]?.id).toBe(existing.id);
    const tom = await first(db.select().from(s.people).where(eq(s.people.name, "Tom Reyes")).limit(1));
    expect(tom).toMatchObject({ slug: "tom-reyes-2", isGuest: true });
  });

  it("sends a signed-out visitor to sign in and changes nothing", async () => {
    actAs(null);
    const before = await counts();
    await expect(importSnippetAction({}, snippetForm(SNIPPET))).rejects.toThrow("NEXT_REDIRECT:/login");
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["an empty paste", "   ", /Paste the republishing snippet/],
    ["a snippet with no headline", "<p>Only text.</p>", /no headline/],
    ["a snippet with no text", "<h1>Just a title</h1><script>evil()</script>", /no article text/],
  ])("refuses %s, keeping what was pasted and changing nothing", async (_name, snippet, message) => {
    actAs(await createUser());
    const before = await counts();
    const state = await importSnippetAction({}, snippetForm(snippet));
    expect(state.ok).toBe(false);
    expect(`${state.message} ${Object.values(state.errors ?? {}).join(" ")}`).toMatch(message);
    expect(state.values?.snippet).toBe(snippet);
    expect(await counts()).toEqual(before);
  });
});
