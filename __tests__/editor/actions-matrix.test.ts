jest.mock("@/lib/mail", () => ({ sendMail: jest.fn(async () => ({ messageId: "test" })) }));

import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import {
  createPreviewLinkAction,
  createStoryAction,
  restoreRevisionAction,
  saveStoryAction,
} from "@/app/editor/stories/actions";
import { POST as autosave } from "@/app/editor/stories/[id]/autosave/route";
import { purgedTags, watchPageCache } from "@/__tests__/helpers/page-cache";
import type { FormState } from "@/lib/form";
import { createPerson, createRevision, createStory } from "../factories";
import { freshDb } from "../helpers/db";
import { form } from "../helpers/form";
import { actAs } from "../helpers/session";
import { cast, dbState, storyForm, type Actor } from "./helpers";
import { setRequestHeaders } from "../helpers/stubs/next-headers";

beforeEach(() => setRequestHeaders({ "x-newsroom-socket-ip": "203.0.113.9" }));

beforeAll(() => freshDb());

type Outcome = "allowed" | "refused";
type Setup = () => Promise<{ run: () => Promise<unknown> }>;

let people: Awaited<ReturnType<typeof cast>>;
beforeEach(async () => {
  people = await cast();
  watchPageCache();
});

async function storyIn(status: s.StoryStatus, extra: Partial<s.NewStory> = {}) {
  const story = await createStory({
    status,
    publishAt: status === "published" ? Date.now() - 1000 : null,
    createdBy: people.owner.id,
    authors: [people.ownerPerson],
    ...extra,
  });
  await createRevision({ storyId: story.id, version: 1, reason: "save", snapshot: { ...story, authorIds: [people.ownerPerson.id], topicIds: [] } });
  return story;
}

const save = (status: s.StoryStatus, intent: string, extra: Record<string, string> = {}): Setup => async () => {
  const story = await storyIn(status);
  return { run: () => saveStoryAction({}, form(storyForm(story, [people.ownerPerson.id], { title: "Edited headline", intent, ...extra }))) };
};

const actions: Record<string, { setup: Setup; allowed: Actor[] }> = {
  "create a draft": {
    setup: async () => ({ run: () => createStoryAction({}, form({ type: "feature", title: "A new piece", authorIds: [String(people.ownerPerson.id)], body: "Hello" })) }),
    allowed: ["owner", "other-contributor", "editor", "admin"],
  },
  "save a draft": { setup: save("draft", "save"), allowed: ["owner", "editor", "admin"] },
  "submit for review": { setup: save("draft", "submit", { note: "Please review" }), allowed: ["owner", "editor", "admin"] },
  "return to author": { setup: save("in-review", "return", { note: "Needs a source" }), allowed: ["editor", "admin"] },
  "publish now": { setup: save("draft", "publish"), allowed: ["editor", "admin"] },
  "schedule": { setup: save("in-review", "schedule", { publishAt: "2099-01-01T09:00" }), allowed: ["editor", "admin"] },
  "unpublish": { setup: save("published", "unpublish"), allowed: ["editor", "admin"] },
  "schedule an unpublish": { setup: save("published", "schedule-unpublish", { unpublishAt: "2099-01-01T09:00" }), allowed: ["editor", "admin"] },
  "edit a story under review": { setup: save("in-review", "save"), allowed: ["editor", "admin"] },
  "add a guest expert": {
    setup: async () => ({ run: () => saveStoryAction({}, form({ intent: "add-guest", guestName: "Prof Visiting", guestInstitution: "Elsewhere University" })) }),
    allowed: ["owner", "other-contributor", "editor", "admin"],
  },
  "restore a revision": {
    setup: async () => {
      const story = await storyIn("draft");
      const revision = (await getDb().select().from(s.storyRevisions).where(eq(s.storyRevisions.storyId, story.id)))[0]!;
      return { run: () => restoreRevisionAction({}, form({ id: String(story.id), revisionId: String(revision.id) })) };
    },
    allowed: ["owner", "editor", "admin"],
  },
  "create a preview link": {
    setup: async () => {
      const story = await storyIn("draft");
      return { run: () => createPreviewLinkAction({}, form({ id: String(story.id), hours: "48" })) };
    },
    allowed: ["editor", "admin"],
  },
};

const actors: Actor[] = ["signed-out", "owner", "other-contributor", "editor", "admin"];

function userFor(actor: Actor): s.User | null {
  return { "signed-out": null, owner: people.owner, "other-contributor": people.other, editor: people.editor, admin: people.admin }[actor];
}

/** allowed = redirected onward or an ok state; refused = sent to /login or a refusal state. */
async function outcomeOf(run: () => Promise<unknown>): Promise<{ outcome: Outcome; detail: string }> {
  try {
    const state = (await run()) as FormState;
    return { outcome: state.ok ? "allowed" : "refused", detail: state.message ?? "" };
  } catch (error) {
    const message = (error as Error).message;
    if (!message.startsWith("NEXT_REDIRECT:")) throw error;
    return { outcome: message === "NEXT_REDIRECT:/login" ? "refused" : "allowed", detail: message };
  }
}

describe.each(Object.entries(actions))("%s", (_name, { setup, allowed }) => {
  test.each(actors)("as %s", async (actor) => {
    const { run } = await setup();
    actAs(userFor(actor));
    const before = await dbState();
    const { outcome, detail } = await outcomeOf(run);
    const expected: Outcome = allowed.includes(actor) ? "allowed" : "refused";
    expect({ outcome, detail }).toEqual({ outcome: expected, detail: expect.any(String) });
    if (expected === "refused") {
      expect(await dbState()).toBe(before);
      expect(purgedTags).toEqual([]);
    } else {
      expect(await dbState()).not.toBe(before);
      // every allowed write leaves an audit entry from this actor
      const audit = (await getDb().select().from(s.auditLog)).at(-1)!;
      expect(audit.actorId).toBe(userFor(actor)!.id);
    }
  });
});

describe("press-office fields posted by a contributor", () => {
  test("status, featured and publishAt are ignored", async () => {
    const story = await storyIn("draft");
    actAs(people.owner);
    await expect(
      saveStoryAction(
        {},
        form(storyForm(story, [people.ownerPerson.id], { status: "published", featured: "on", publishAt: "2020-01-01T09:00", unpublishAt: "2099-01-01T09:00" })),
      ),
    ).rejects.toThrow(/NEXT_REDIRECT:\/editor\/stories\/\d+\/edit/);
    const row = (await getDb().select().from(s.stories).where(eq(s.stories.id, story.id)))[0]!;
    expect(row).toMatchObject({ status: "draft", featured: false, publishAt: null, unpublishAt: null, version: 2 });
  });

  test("a contributor's publish button is refused and nothing is written", async () => {
    const story = await storyIn("draft");
    actAs(people.owner);
    const before = await dbState();
    const state = await saveStoryAction({}, form(storyForm(story, [people.ownerPerson.id], { intent: "publish", featured: "on" })));
    expect(state).toMatchObject({ ok: false, message: expect.stringMatching(/cannot “publish now”/) });
    expect(await dbState()).toBe(before);
  });
});

describe("revalidation", () => {
  test("publishing revalidates the story list, the story, people and topics", async () => {
    const story = await storyIn("in-review");
    actAs(people.editor);
    await expect(saveStoryAction({}, form(storyForm(story, [people.ownerPerson.id], { intent: "publish" })))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(purgedTags).toEqual(expect.arrayContaining(["stories", `story:${story.slug}`, "people", "topics"]));
  });
});

describe("autosave route", () => {
  const post = (story: s.Story, overrides: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    autosave(
      new Request(`http://localhost:3000/editor/stories/${story.id}/autosave`, {
        method: "POST",
        body: form(storyForm(story, [people.ownerPerson.id], { body: "autosaved", ...overrides })),
        headers: { host: "localhost:3000", origin: "http://localhost:3000", ...headers },
      }),
      { params: Promise.resolve({ id: String(story.id) }) },
    );

  test.each([
    ["signed-out", 401],
    ["owner", 200],
    ["other-contributor", 403],
    ["editor", 200],
    ["admin", 200],
  ] as const)("as %s → %i", async (actor, status) => {
    const story = await storyIn("draft");
    actAs(userFor(actor));
    const before = await dbState();
    const response = await post(story);
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    if (status === 200) {
      expect(await response.json()).toMatchObject({ version: 2 });
      const revision = (await getDb().select().from(s.storyRevisions)).at(-1)!;
      expect(revision.reason).toBe("autosave");
    } else {
      expect(await dbState()).toBe(before);
    }
  });

  test("a stale autosave is refused with 409; a cross-site post with 403; a published story is not autosaved", async () => {
    actAs(people.editor);
    const story = await storyIn("draft");
    expect((await post(story)).status).toBe(200);
    const before = await dbState();
    expect((await post(story, { body: "again from an old version" })).status).toBe(200); // own autosave: not a conflict
    actAs(people.admin);
    expect((await post(story, { body: "someone else" })).status).toBe(409);
    expect((await post(story, {}, { origin: "https://evil.example" })).status).toBe(403);
    // Host headers are the sender's words: naming the evil site there does not make it this site (issue 11).
    const forged = await dbState();
    expect((await post(story, { body: "forged" }, { origin: "https://evil.example", host: "evil.example", "x-forwarded-host": "evil.example" })).status).toBe(403);
    expect(await dbState()).toBe(forged);
    const live = await storyIn("published");
    const liveBefore = await dbState();
    expect((await post(live)).status).toBe(422);
    expect(await dbState()).toBe(liveBefore);
    expect(before).not.toBe(liveBefore);
  });
});

describe("adding an expert to the byline without JavaScript", () => {
  it("returns the form as typed with the expert appended, and writes nothing", async () => {
    const extra = await createPerson({ name: "Prof Second Author" });
    actAs(people.owner);
    const before = await dbState();
    const state = (await createStoryAction(
      {},
      form({ intent: "add-author", title: "Half-written", authorIds: [String(people.ownerPerson.id)], addAuthorId: String(extra.id) }),
    )) as FormState;
    expect(state.ok).toBe(true);
    expect(state.values?.title).toBe("Half-written");
    expect([state.values?.authorIds].flat()).toEqual([String(people.ownerPerson.id), String(extra.id)]);
    expect(await dbState()).toEqual(before);
  });

  it("says what is wrong when no expert was chosen", async () => {
    actAs(people.owner);
    const state = (await saveStoryAction({}, form({ intent: "add-author", addAuthorId: "" }))) as FormState;
    expect(state.ok).toBe(false);
    expect(state.errors?.authorIds).toBe("Choose an expert to add.");
  });
});
