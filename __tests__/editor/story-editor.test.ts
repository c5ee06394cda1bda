jest.mock("@/lib/mail", () => ({ sendMail: jest.fn(async () => ({ messageId: "test" })) }));

import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { saveStoryAction } from "@/app/editor/stories/actions";
import type { StoryFormState } from "@/lib/stories/form-state";
import { purgedTags, watchPageCache } from "@/__tests__/helpers/page-cache";
import { sendMail } from "@/lib/mail";
import { ConflictError } from "@/lib/errors";
import { restoreRevision, saveStory } from "@/lib/stories/editor";
import { diffRevisions, getDashboard, listRevisions } from "@/lib/stories/editor-reads";
import { createPreviewLink, getStoryByPreviewToken, hashPreviewToken } from "@/lib/stories/preview";
import { publishDueStories } from "@/lib/stories/schedule";
import { toLocalDateTimeInput } from "@/lib/dates";
import { storySchema } from "@/lib/stories/schema";
import { createStory, createStoryView } from "../factories";
import { freshDb } from "../helpers/db";
import { form } from "../helpers/form";
import { actAs } from "../helpers/session";
import { cast, dbState, lastAudit, storyForm } from "./helpers";
import { setRequestHeaders } from "../helpers/stubs/next-headers";

beforeEach(() => setRequestHeaders({ "x-newsroom-socket-ip": "203.0.113.9" }));

const db = () => getDb();
const storyRow = async (id: number) => (await db().select().from(s.stories).where(eq(s.stories.id, id)))[0]!;
const actor = (u: s.User) => ({ id: u.id, email: u.email, name: u.name, role: u.role });
const sessionUser = (u: s.User) => ({ user: actor(u), ip: null });
const parse = (values: Record<string, unknown>) => storySchema.parse(values);

let people: Awaited<ReturnType<typeof cast>>;
// config() resolves DATABASE_PATH=":memory:" to a file path, so take a real in-memory database.
beforeAll(() => freshDb());
beforeEach(async () => {
  people = await cast();
  watchPageCache();
  (sendMail as jest.Mock).mockClear();
});

/**
 * A workflow button pressed on the story form as saved, the way production
 * does it: the form posts the story's fields with the button's `intent`.
 * Taking the step ends in the redirect; a refusal resolves to the form state.
 */
async function step(storyId: number, user: s.User, intent: string, extra: Record<string, string> = {}): Promise<StoryFormState> {
  actAs(user);
  return saveStoryAction({}, form(storyForm(await storyRow(storyId), [people.ownerPerson.id], { intent, ...extra })));
}
const taken = (attempt: Promise<unknown>) => expect(attempt).rejects.toThrow("NEXT_REDIRECT");

function draftOf(owner = people.owner): Promise<s.Story> {
  return createStory({ status: "draft", publishAt: null, createdBy: owner.id, authors: [people.ownerPerson], slug: `draft-${Math.random().toString(36).slice(2, 8)}` });
}

describe("concurrency", () => {
  test("two editors load version 1; the first saves; the second is refused with the first's text and nothing is overwritten", async () => {
    const story = await draftOf();
    expect(story.version).toBe(1);
    const [first, second] = [people.editor, people.editor2];

    actAs(first);
    await expect(saveStoryAction({}, form(storyForm(story, [people.ownerPerson.id], { body: "First editor's text." })))).rejects.toThrow(
      `NEXT_REDIRECT:/editor/stories/${story.id}/edit?done=save`,
    );
    expect((await storyRow(story.id)).version).toBe(2);
    const before = await dbState();

    actAs(second);
    const state: StoryFormState = await saveStoryAction({}, form(storyForm(story, [people.ownerPerson.id], { body: "Second editor's text." })));
    expect(state.ok).toBe(false);
    expect(state.message).toMatch(/Ed Itor saved this story while you were editing it/);
    expect(state.conflict?.body).toBe("First editor's text.");
    expect(state.conflict?.version).toBe(2);
    // what the second editor typed is still there
    expect(state.values?.body).toBe("Second editor's text.");
    expect(await dbState()).toBe(before);
    expect((await storyRow(story.id)).body).toBe("First editor's text.");
  });

  test("an autosave followed by the author's manual save (based on the autosave's version) is not a conflict", async () => {
    const story = await draftOf();
    const me = sessionUser(people.owner);
    const auto = await saveStory({ ...parse(storyForm(story, [people.ownerPerson.id], { body: "autosaved words" })), reason: "autosave" }, me);
    expect(auto.version).toBe(2);
    const manual = await saveStory(parse(storyForm({ ...story, version: auto.version }, [people.ownerPerson.id], { body: "final words" })), me);
    expect(manual.version).toBe(3);
    expect((await storyRow(story.id)).body).toBe("final words");
  });

  test("a manual save posted while the author's own autosave was landing is not a conflict either", async () => {
    const story = await draftOf();
    const me = sessionUser(people.owner);
    await saveStory({ ...parse(storyForm(story, [people.ownerPerson.id], { body: "autosave" })), reason: "autosave" }, me);
    // still based on version 1
    const manual = await saveStory(parse(storyForm(story, [people.ownerPerson.id], { body: "manual" })), me);
    expect(manual.version).toBe(3);
  });

  test("someone else's autosave still counts as a conflict", async () => {
    const story = await draftOf();
    await saveStory({ ...parse(storyForm(story, [people.ownerPerson.id], { body: "editor autosave" })), reason: "autosave" }, sessionUser(people.editor));
    await expect(saveStory(parse(storyForm(story, [people.ownerPerson.id], { body: "mine" })), sessionUser(people.owner))).rejects.toBeInstanceOf(ConflictError);
    expect((await storyRow(story.id)).body).toBe("editor autosave");
  });
});

describe("saving", () => {
  test("each save bumps the version, writes a revision and an audit entry, and revalidates the story's pages", async () => {
    const story = await draftOf();
    await saveStory(parse(storyForm(story, [people.ownerPerson.id], { title: "A better headline" })), sessionUser(people.owner));
    const revisions = await listRevisions(story.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 2, reason: "save", createdByName: "Dr Ada Owner" });
    expect(await lastAudit()).toMatchObject({ action: "story.save", entity: "story", entityId: String(story.id), actorId: people.owner.id });
    expect(purgedTags).toEqual(expect.arrayContaining(["stories", `story:${story.slug}`, "people", "topics"]));
  });

  test("a slug change keeps the old address as a redirect, and a new slug may not take another story's old address", async () => {
    const story = await draftOf();
    const oldSlug = story.slug;
    const saved = await saveStory(parse(storyForm(story, [people.ownerPerson.id], { slug: "a-new-address" })), sessionUser(people.editor));
    expect(saved.slug).toBe("a-new-address");
    expect((await db().select().from(s.slugRedirects).where(eq(s.slugRedirects.oldSlug, oldSlug)))[0]?.storyId).toBe(story.id);
    expect(purgedTags).toEqual(expect.arrayContaining([`story:${oldSlug}`, "story:a-new-address"]));

    const other = await draftOf();
    const before = await dbState();
    actAs(people.editor);
    await expect(saveStoryAction({}, form(storyForm(other, [people.ownerPerson.id], { slug: oldSlug })))).resolves.toMatchObject({
      errors: { slug: expect.stringMatching(/already uses \(or used to use\)/) },
    });
    expect(await dbState()).toBe(before);
  });

  test("validation errors keep what was typed and write nothing", async () => {
    const story = await draftOf();
    actAs(people.owner);
    const before = await dbState();
    const state = await saveStoryAction(
      {},
      form(storyForm(story, [], { title: "No", seoDescription: "x".repeat(161), type: "video", body: "Typed text survives" })),
    );
    expect(state.ok).toBe(false);
    expect(state.errors).toMatchObject({
      title: "The headline needs at least 3 characters.",
      authorIds: expect.stringMatching(/at least one author/),
      seoDescription: expect.stringMatching(/160 characters/),
      mediaUrl: expect.stringMatching(/needs the web address of the video/),
    });
    expect(state.values?.body).toBe("Typed text survives");
    expect(await dbState()).toBe(before);
  });
});

describe("revisions", () => {
  test("revisions are readable as a diff and restoring one creates a new revision", async () => {
    const story = await draftOf();
    const editor = sessionUser(people.editor);
    await saveStory(parse(storyForm(story, [people.ownerPerson.id], { body: "Line one\nLine two" })), editor);
    await saveStory(parse(storyForm({ ...story, version: 2 }, [people.ownerPerson.id], { body: "Line one\nLine 2 changed", title: "Changed headline" })), editor);
    const [newest, older] = await listRevisions(story.id);
    const diff = await diffRevisions(older!.id, newest!.id);
    expect(diff.map((d) => d.label)).toEqual(["Headline", "Article"]);
    const article = diff.find((d) => d.field === "body")!;
    expect(article.parts).toEqual(
      expect.arrayContaining([
        { kind: "same", text: "Line one\n" },
        { kind: "removed", text: "Line two" },
        { kind: "added", text: "Line 2 changed" },
      ]),
    );

    const restored = await restoreRevision({ id: story.id, revisionId: older!.id }, editor);
    expect(restored.version).toBe(4);
    expect((await storyRow(story.id)).body).toBe("Line one\nLine two");
    const after = await listRevisions(story.id);
    expect(after).toHaveLength(3);
    expect(after[0]).toMatchObject({ reason: "restore", version: 4 });
    expect(after[0]!.note).toMatch(/Restored version 2/);
  });
});

describe("workflow steps", () => {
  test("submit, return (with note, e-mailed) and publish are recorded with who, when and the note", async () => {
    const story = await draftOf();
    await taken(step(story.id, people.owner, "submit", { note: "Ready for you" }));
    expect(await storyRow(story.id)).toMatchObject({ status: "in-review", workflowNote: "Ready for you" });

    await taken(step(story.id, people.editor, "return", { note: "Please add a source." }));
    expect(await storyRow(story.id)).toMatchObject({ status: "draft", workflowNote: "Please add a source." });
    expect(sendMail).toHaveBeenCalledWith(expect.objectContaining({ to: people.owner.email, text: expect.stringContaining("Please add a source.") }));
    const returnRevision = (await listRevisions(story.id))[0]!;
    expect(returnRevision).toMatchObject({ reason: "return", note: "Please add a source.", createdByName: "Ed Itor" });
    expect(await lastAudit()).toMatchObject({ action: "story.return", details: expect.objectContaining({ from: "in-review", to: "draft" }) });

    await taken(step(story.id, people.editor, "publish"));
    expect((await storyRow(story.id)).status).toBe("published");
    expect(sendMail).toHaveBeenLastCalledWith(expect.objectContaining({ subject: expect.stringMatching(/is published/) }));
  });

  test("returning needs a note; scheduling needs a future time", async () => {
    const story = await draftOf();
    await taken(step(story.id, people.owner, "submit"));
    const before = await dbState();
    await expect(step(story.id, people.editor, "return")).resolves.toMatchObject({ errors: { note: expect.any(String) } });
    await expect(step(story.id, people.editor, "schedule", { publishAt: toLocalDateTimeInput(Date.now() - 60_000) })).resolves.toMatchObject({
      errors: { publishAt: expect.any(String) },
    });
    expect(await dbState()).toBe(before);
  });

  test("accessibility problems block publishing unless an editor ticks publish anyway, which is audited", async () => {
    const story = await draftOf();
    await saveStory(parse(storyForm(story, [people.ownerPerson.id], { body: "![](/x.jpg)\n\n[click here](/somewhere)" })), sessionUser(people.editor));
    const before = await dbState();
    await expect(step(story.id, people.editor, "publish")).resolves.toMatchObject({
      message: expect.stringMatching(/accessibility check found 2 problems/),
    });
    expect(await dbState()).toBe(before);
    await taken(step(story.id, people.editor, "publish", { a11yOverride: "on" }));
    expect((await storyRow(story.id)).status).toBe("published");
    expect((await lastAudit())?.details).toMatchObject({ a11yOverride: expect.arrayContaining(["image-alt", "link-text"]) });
  });
});

describe("preview links", () => {
  test("a preview token works, is stored only as a hash, and expires", async () => {
    const story = await draftOf();
    const now = Date.now();
    const link = await createPreviewLink({ id: story.id, hours: 2 }, { ...sessionUser(people.editor), now });
    expect(link.url).toContain(`/preview/${link.token}`);
    const rows = await db().select().from(s.previewLinks).where(eq(s.previewLinks.storyId, story.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashPreviewToken(link.token));
    expect(JSON.stringify(await db().select().from(s.previewLinks))).not.toContain(link.token);
    expect(JSON.stringify(await db().select().from(s.auditLog))).not.toContain(link.token);

    expect((await getStoryByPreviewToken(link.token, now + 60_000))?.title).toBe(story.title);
    expect(await getStoryByPreviewToken(link.token, now + 2 * 3_600_000 + 1)).toBeNull();
    expect(await getStoryByPreviewToken(`${link.token.slice(0, -2)}xx`, now)).toBeNull();
  });

  test("a contributor cannot create a preview link", async () => {
    const story = await draftOf();
    const before = await dbState();
    await expect(createPreviewLink({ id: story.id, hours: 2 }, sessionUser(people.owner))).rejects.toThrow(/Only the press office/);
    expect(await dbState()).toBe(before);
  });
});

describe("scheduler", () => {
  test("publishes a due story exactly once, and unpublishes when the unpublish time passes", async () => {
    const now = Date.now();
    const due = await createStory({ status: "scheduled", publishAt: now - 1000, createdBy: people.owner.id, authors: [people.ownerPerson] });
    const later = await createStory({ status: "scheduled", publishAt: now + 3_600_000 });
    const expiring = await createStory({ status: "published", publishAt: now - 10_000, unpublishAt: now - 1 });

    const first = await publishDueStories(now);
    expect(first).toEqual({ published: [due.id], unpublished: [expiring.id] });
    expect((await storyRow(due.id)).status).toBe("published");
    expect((await storyRow(later.id)).status).toBe("scheduled");
    expect((await storyRow(expiring.id)).status).toBe("unpublished");
    expect(sendMail).toHaveBeenCalledTimes(1);
    expect(purgedTags).toEqual(expect.arrayContaining(["stories", `story:${due.slug}`, `story:${expiring.slug}`]));

    const revisionsAfterFirst = (await db().select().from(s.storyRevisions)).length;
    const second = await publishDueStories(now + 1000);
    expect(second).toEqual({ published: [], unpublished: [] });
    expect(await db().select().from(s.storyRevisions)).toHaveLength(revisionsAfterFirst);
    expect(sendMail).toHaveBeenCalledTimes(1);
  });
});

describe("dashboard", () => {
  test("shows returned stories with the note to their author, review queue to editors, and republication counts", async () => {
    const story = await draftOf();
    await taken(step(story.id, people.owner, "submit"));
    expect((await getDashboard(actor(people.editor))).awaitingReview?.map((r) => r.id)).toContain(story.id);
    expect((await getDashboard(actor(people.owner))).awaitingReview).toBeNull();
    await taken(step(story.id, people.editor, "return", { note: "Shorter, please." }));
    const mine = await getDashboard(actor(people.owner));
    expect(mine.returned).toEqual([expect.objectContaining({ id: story.id, workflowNote: "Shorter, please." })]);
    expect((await getDashboard(actor(people.other))).returned).toEqual([]);

    const published = await createStory({ createdBy: people.owner.id });
    await createStoryView({ storyId: published.id, day: "2025-01-01", views: 5, republishViews: 3 });
    await createStoryView({ storyId: published.id, day: "2025-01-02", views: 1, republishViews: 4 });
    expect((await getDashboard(actor(people.owner))).republished).toEqual([{ id: published.id, title: published.title, republishViews: 7 }]);
  });
});
