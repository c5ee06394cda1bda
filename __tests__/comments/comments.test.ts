import { count, eq } from "drizzle-orm";
import { getDb, first } from "@/db/client";
import { auditLog, comments, rateLimits } from "@/db/schema";
import { createComment, createStory } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import { submitCommentAction } from "@/app/(public)/news/[slug]/actions";
import { listApprovedComments } from "@/lib/comments/public";
import { COMMENT_THANKS, commentSchema } from "@/lib/comments/schema";
import { form } from "../helpers/form";

jest.mock("@/lib/request", () => ({ clientIp: jest.fn(async () => "203.0.113.7") }));
const { clientIp } = jest.requireMock("@/lib/request") as { clientIp: jest.Mock };

const HOUR = 3_600_000;

const good = (storyId: number, extra: Record<string, string> = {}) =>
  form({ storyId: String(storyId), name: "Jo Reader", email: "jo@example.com", body: "A thoughtful comment.", website: "", ...extra });

const commentCount = async () => (await first(getDb().select({ n: count() }).from(comments).limit(1)))?.n ?? 0;

beforeEach(async () => {
  await freshDb();
  clientIp.mockResolvedValue("203.0.113.7");
});

describe("commentSchema", () => {
  const base = { storyId: "1", name: "Jo", email: "jo@example.com", body: "Hi", website: "" };
  it.each([
    ["an empty name", { name: "   " }, "name"],
    ["an 81-character name", { name: "x".repeat(81) }, "name"],
    ["a bad email", { email: "not-an-email" }, "email"],
    ["a one-character comment", { body: "x" }, "body"],
    ["a 4,001-character comment", { body: "x".repeat(4001) }, "body"],
    ["a filled honeypot", { website: "http://spam.example" }, "website"],
    ["a missing story", { storyId: "abc" }, "storyId"],
  ])("refuses %s", (_name, patch, field) => {
    const result = commentSchema.safeParse({ ...base, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it("accepts the limits exactly", () => {
    expect(commentSchema.safeParse({ ...base, name: "x".repeat(80), body: "y".repeat(4000) }).success).toBe(true);
  });
});

describe("submitCommentAction", () => {
  it("stores a pending comment with an audit entry and thanks the reader", async () => {
    const story = await createStory();
    const state = await submitCommentAction({}, good(story.id));
    expect(state).toEqual({ ok: true, message: COMMENT_THANKS });
    const rows = await getDb().select().from(comments);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ storyId: story.id, name: "Jo Reader", email: "jo@example.com", body: "A thoughtful comment.", status: "pending" });
    expect(rows[0]?.ipHash).toMatch(/^[0-9a-f]{32}$/);
    expect(rows[0]?.ipHash).not.toContain("203.0.113.7");
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, "comment.submit"))).toHaveLength(1);
    // Pending comments are not public.
    expect(await listApprovedComments(story.id)).toEqual([]);
  });

  it("keeps what was typed and writes nothing on a validation error", async () => {
    const story = await createStory();
    const state = await submitCommentAction({}, good(story.id, { email: "nope", body: "" }));
    expect(state.ok).toBe(false);
    expect(state.errors).toMatchObject({ email: expect.any(String), body: "Enter your comment." });
    expect(state.values).toMatchObject({ name: "Jo Reader", email: "nope", body: "" });
    expect(await commentCount()).toBe(0);
    expect((await first(getDb().select({ n: count() }).from(auditLog).limit(1)))?.n).toBe(0);
  });

  it("pretends to accept a filled honeypot but stores nothing", async () => {
    const story = await createStory();
    const state = await submitCommentAction({}, good(story.id, { website: "http://cheap-pills.example" }));
    expect(state).toEqual({ ok: true, message: COMMENT_THANKS });
    expect(await commentCount()).toBe(0);
  });

  it("refuses the sixth comment from one IP within ten minutes", async () => {
    const story = await createStory();
    for (let i = 0; i < 5; i += 1) expect((await submitCommentAction({}, good(story.id))).ok).toBe(true);
    const sixth = await submitCommentAction({}, good(story.id, { body: "One more thing." }));
    expect(sixth.ok).toBe(false);
    expect(sixth.message).toMatch(/wait ten minutes/);
    expect(sixth.values).toMatchObject({ body: "One more thing." });
    expect(await commentCount()).toBe(5);
    // Another reader is not affected.
    clientIp.mockResolvedValue("198.51.100.2");
    expect((await submitCommentAction({}, good(story.id))).ok).toBe(true);
    expect((await getDb().select().from(rateLimits)).length).toBeGreaterThan(0);
  });

  it("refuses a story with comments switched off", async () => {
    const story = await createStory({ commentsEnabled: false });
    const state = await submitCommentAction({}, good(story.id));
    expect(state).toMatchObject({ ok: false, message: "Comments are closed on this story." });
    expect(await commentCount()).toBe(0);
  });

  it.each([
    ["a draft", { status: "draft" as const }],
    ["an embargoed story", { status: "scheduled" as const, publishAt: Date.now() + HOUR }],
    ["an unpublished story", { status: "unpublished" as const }],
  ])("refuses %s", async (_name, overrides) => {
    const story = await createStory(overrides);
    const state = await submitCommentAction({}, good(story.id));
    expect(state).toMatchObject({ ok: false, message: "This story cannot take comments." });
    expect(await commentCount()).toBe(0);
  });

  it("refuses a story that does not exist", async () => {
    expect((await submitCommentAction({}, good(999_999))).ok).toBe(false);
    expect(await commentCount()).toBe(0);
  });
});

describe("listApprovedComments", () => {
  it("returns approved comments only, oldest first, without e-mail addresses", async () => {
    const story = await createStory();
    const other = await createStory();
    await createComment({ storyId: story.id, name: "Second", email: "b@example.com", body: "Later", status: "approved", createdAt: 2000 });
    await createComment({ storyId: story.id, name: "First", email: "a@example.com", body: "Earlier", status: "approved", createdAt: 1000 });
    await createComment({ storyId: story.id, name: "Waiting", email: "c@example.com", body: "Pending", status: "pending" });
    await createComment({ storyId: story.id, name: "Spam", email: "d@example.com", body: "Rejected", status: "rejected" });
    await createComment({ storyId: other.id, name: "Elsewhere", email: "e@example.com", body: "Other story", status: "approved" });
    const list = await listApprovedComments(story.id);
    expect(list.map((c) => c.name)).toEqual(["First", "Second"]);
    for (const c of list) expect(Object.keys(c).sort()).toEqual(["body", "createdAt", "id", "name"]);
    expect(JSON.stringify(list)).not.toContain("@example.com");
  });

  it("returns nothing for a story that is not public", async () => {
    const story = await createStory({ status: "draft" });
    await createComment({ storyId: story.id, name: "A", email: "a@example.com", body: "Hi", status: "approved" });
    expect(await listApprovedComments(story.id)).toEqual([]);
  });
});
