import { eq } from "drizzle-orm";
import { moderateCommentsAction } from "@/app/editor/comments/actions";
import { getDb, first } from "@/db/client";
import { comments, type CommentStatus } from "@/db/schema";
import { purgedTags, watchPageCache } from "@/__tests__/helpers/page-cache";
import { countPendingComments, listCommentsForModeration } from "@/lib/comments/moderation";
import { createComment, createStory, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { auditActions, snapshot } from "./mocks";
import { form } from "../helpers/form";
import { actAs } from "../helpers/session";

jest.mock("@/lib/request", () => ({ clientIp: jest.fn(async () => "203.0.113.9") }));

let editor: Awaited<ReturnType<typeof createUser>>;
beforeEach(async () => {
  await freshDb();
  watchPageCache();
  editor = await createUser({ role: "editor" });
  actAs(editor);
});

function comment(storyId: number, status: CommentStatus = "pending", createdAt = Date.now()) {
  return createComment({ storyId, name: "Reader", email: "r@x.test", body: `Comment ${status}`, status, createdAt });
}
const statusOf = async (id: number) => (await first(getDb().select({ s: comments.status }).from(comments).where(eq(comments.id, id)).limit(1)))!.s;

describe("comment moderation", () => {
  it("lists pending comments first, oldest first, with the story title", async () => {
    const story = await createStory({ title: "Rivers and floods" });
    const approved = await comment(story.id, "approved", 3000);
    const late = await comment(story.id, "pending", 2000);
    const early = await comment(story.id, "pending", 1000);
    const list = await listCommentsForModeration();
    expect(list.comments.map((c) => c.id)).toEqual([early.id, late.id, approved.id]);
    expect(list.comments[0]).toMatchObject({ storyTitle: "Rivers and floods", storySlug: story.slug });
    expect(await countPendingComments()).toBe(2);
  });

  it("bulk-approves ticked comments, audits each, and revalidates each story's comments", async () => {
    const a = await createStory();
    const b = await createStory();
    const c1 = await comment(a.id);
    const c2 = await comment(b.id);
    const untouched = await comment(a.id);
    const state = await moderateCommentsAction({}, form({ commentIds: [String(c1.id), String(c2.id)], decision: "approve" }));
    expect(state).toMatchObject({ ok: true, message: "2 comments approved." });
    expect(await Promise.all([statusOf(c1.id), statusOf(c2.id), statusOf(untouched.id)])).toEqual(["approved", "approved", "pending"]);
    expect(await first(getDb().select().from(comments).where(eq(comments.id, c1.id)).limit(1))).toMatchObject({ moderatedBy: editor.id });
    expect(await auditActions()).toEqual(["comment.approve", "comment.approve"]);
    expect(purgedTags).toEqual(expect.arrayContaining([`comments:${a.id}`, `comments:${b.id}`]));
  });

  it("a row's own button rejects just that comment, even with others ticked", async () => {
    const story = await createStory();
    const c1 = await comment(story.id);
    const c2 = await comment(story.id);
    await moderateCommentsAction({}, form({ commentIds: [String(c2.id)], decision: `reject:${c1.id}` }));
    expect(await Promise.all([statusOf(c1.id), statusOf(c2.id)])).toEqual(["rejected", "pending"]);
  });

  it("refuses an empty selection or an unknown decision, writing nothing", async () => {
    const story = await createStory();
    await comment(story.id);
    const before = await snapshot();
    expect(await moderateCommentsAction({}, form({ decision: "approve" }))).toMatchObject({ ok: false, errors: { commentIds: "Tick at least one comment." } });
    expect(await moderateCommentsAction({}, form({ commentIds: "1", decision: "delete" }))).toMatchObject({ ok: false, errors: { decision: expect.any(String) } });
    expect(await snapshot()).toEqual(before);
  });
});
