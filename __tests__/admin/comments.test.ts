import { eq } from "drizzle-orm";
import { moderateCommentsAction } from "@/app/editor/comments/actions";
import { getDb } from "@/db/client";
import { comments, type CommentStatus } from "@/db/schema";
import { purgedTags, watchPageCache } from "@/__tests__/helpers/page-cache";
import { countPendingComments, listCommentsForModeration } from "@/lib/comments/moderation";
import { createComment, createStory, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { auditActions, snapshot } from "./mocks";
import { form } from "../helpers/form";
import { actAs } from "../helpers/session";

jest.mock("@/lib/request", () => ({ clientIp: jest.fn(async () => "203.0.113.9") }));

let editor: ReturnType<typeof createUser>;
beforeEach(() => {
  freshDb();
  watchPageCache();
  editor = createUser({ role: "editor" });
  actAs(editor);
});

function comment(storyId: number, status: CommentStatus = "pending", createdAt = Date.now()) {
  return createComment({ storyId, name: "Reader", email: "r@x.test", body: `Comment ${status}`, status, createdAt });
}
const statusOf = (id: number) => getDb().select({ s: comments.status }).from(comments).where(eq(comments.id, id)).get()!.s;

describe("comment moderation", () => {
  it("lists pending comments first, oldest first, with the story title", () => {
    const story = createStory({ title: "Rivers and floods" });
    const approved = comment(story.id, "approved", 3000);
    const late = comment(story.id, "pending", 2000);
    const early = comment(story.id, "pending", 1000);
    const list = listCommentsForModeration();
    expect(list.comments.map((c) => c.id)).toEqual([early.id, late.id, approved.id]);
    expect(list.comments[0]).toMatchObject({ storyTitle: "Rivers and floods", storySlug: story.slug });
    expect(countPendingComments()).toBe(2);
  });

  it("bulk-approves ticked comments, audits each, and revalidates each story's comments", async () => {
    const a = createStory();
    const b = createStory();
    const c1 = comment(a.id);
    const c2 = comment(b.id);
    const untouched = comment(a.id);
    const state = await moderateCommentsAction({}, form({ commentIds: [String(c1.id), String(c2.id)], decision: "approve" }));
    expect(state).toMatchObject({ ok: true, message: "2 comments approved." });
    expect([statusOf(c1.id), statusOf(c2.id), statusOf(untouched.id)]).toEqual(["approved", "approved", "pending"]);
    expect(getDb().select().from(comments).where(eq(comments.id, c1.id)).get()).toMatchObject({ moderatedBy: editor.id });
    expect(auditActions()).toEqual(["comment.approve", "comment.approve"]);
    expect(purgedTags).toEqual(expect.arrayContaining([`comments:${a.id}`, `comments:${b.id}`]));
  });

  it("a row's own button rejects just that comment, even with others ticked", async () => {
    const story = createStory();
    const c1 = comment(story.id);
    const c2 = comment(story.id);
    await moderateCommentsAction({}, form({ commentIds: [String(c2.id)], decision: `reject:${c1.id}` }));
    expect([statusOf(c1.id), statusOf(c2.id)]).toEqual(["rejected", "pending"]);
  });

  it("refuses an empty selection or an unknown decision, writing nothing", async () => {
    const story = createStory();
    comment(story.id);
    const before = snapshot();
    expect(await moderateCommentsAction({}, form({ decision: "approve" }))).toMatchObject({ ok: false, errors: { commentIds: "Tick at least one comment." } });
    expect(await moderateCommentsAction({}, form({ commentIds: "1", decision: "delete" }))).toMatchObject({ ok: false, errors: { decision: expect.any(String) } });
    expect(snapshot()).toEqual(before);
  });
});
