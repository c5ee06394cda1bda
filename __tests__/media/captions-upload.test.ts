jest.mock("@/lib/auth/session", () => ({ currentSessionUser: jest.fn() }));
jest.mock("next/navigation", () => ({
  redirect: jest.fn((url: string) => {
    throw new Error(`NEXT_REDIRECT:${url}`);
  }),
  notFound: jest.fn(() => {
    throw new Error("NEXT_NOT_FOUND");
  }),
}));
jest.mock("next/headers", () => ({ headers: async () => new Headers({ "x-newsroom-socket-ip": "203.0.113.9" }) }));

import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { removeCaptionsAction, uploadCaptionsAction } from "@/app/editor/media/actions";
import { getDb, first } from "@/db/client";
import * as s from "@/db/schema";
import { currentSessionUser } from "@/lib/auth/session";
import { purgedTags, watchPageCache } from "@/__tests__/helpers/page-cache";
import { config } from "@/lib/config";
import { ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { MAX_CAPTIONS_BYTES } from "@/lib/media/captions-check";
import { removeCaptions, storeCaptions } from "@/lib/media/captions-upload";
import { createStory, createUser } from "../factories";
import { freshDb } from "../helpers/db";

/** Issue 11: an editor attaches a WebVTT captions file to a video story. */
const VTT = "WEBVTT\n\n00:00.000 --> 00:02.500\n<v Narrator>This film was made on location.\n\n00:02.500 --> 00:05.000\nAt the <i>University of Harrowgate</i>.\n";

const ctxOf = (u: s.User, ip: string | null = "203.0.113.5") => ({ user: { id: u.id, email: u.email, name: u.name, role: u.role }, ip });
const file = (text: string | Buffer, fileName = "captions.vtt", mimeType = "text/vtt") => ({ bytes: Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8"), fileName, mimeType });
const uploadsDir = () => config().uploadsDir;
const filesOnDisk = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()).sort() : []);
const storyRow = (id: number) => first(getDb().select().from(s.stories).where(eq(s.stories.id, id)).limit(1));
const auditCount = async () => (await first(getDb().select({ n: count() }).from(s.auditLog).limit(1)))?.n ?? 0;
const videoStory = (overrides: Parameters<typeof createStory>[0] = {}) => createStory({ type: "video", mediaUrl: "/demo/media/clip.mp4", ...overrides });

beforeEach(async () => {
  await freshDb();
  fs.rmSync(uploadsDir(), { recursive: true, force: true });
});
afterAll(() => fs.rmSync(uploadsDir(), { recursive: true, force: true }));

async function expectRefused(attempt: () => Promise<unknown>, type: typeof InvalidError | typeof ForbiddenError | typeof NotFoundError, message: RegExp, storyId?: number) {
  const before = { story: storyId ? await storyRow(storyId) : null, audit: await auditCount(), files: filesOnDisk() };
  const error = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  expect((error as Error).message).toMatch(message);
  expect({ story: storyId ? await storyRow(storyId) : null, audit: await auditCount(), files: filesOnDisk() }).toEqual(before);
  return error as InvalidError;
}

describe("storeCaptions", () => {
  it("stores a WebVTT file under a server-made name, records it on the story with an audit entry, and refreshes the story page", async () => {
    const editor = await createUser({ role: "editor" });
    const story = await videoStory({ createdBy: (await createUser()).id });
    watchPageCache();
    const { captionsUrl } = await storeCaptions({ storyId: story.id, ...file(VTT, "../../My Film (final).vtt") }, ctxOf(editor));

    expect(captionsUrl).toMatch(/^\/uploads\/[a-f0-9]{32}\.vtt$/);
    const name = captionsUrl.replace("/uploads/", "");
    expect(filesOnDisk()).toEqual([name]);
    expect(fs.readFileSync(path.join(uploadsDir(), name), "utf8")).toBe(VTT);
    expect((await storyRow(story.id))?.captionsUrl).toBe(captionsUrl);
    const audit = await getDb().select().from(s.auditLog).where(eq(s.auditLog.action, "story.captions"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: editor.id, entity: "story", entityId: String(story.id), ip: "203.0.113.5" });
    expect(purgedTags).toContain(`story:${story.slug}`);
  });

  it("accepts a .vtt whose browser type is unknown, and text/vtt under another name; a byte-order mark and CRLF are normalised", async () => {
    const editor = ctxOf(await createUser({ role: "editor" }));
    const a = await storeCaptions({ storyId: (await videoStory()).id, ...file(VTT, "clip.vtt", "") }, editor);
    const b = await storeCaptions({ storyId: (await videoStory()).id, ...file(`\uFEFF${VTT.replace(/\n/g, "\r\n")}`, "captions", "text/vtt") }, editor);
    expect(fs.readFileSync(path.join(uploadsDir(), a.captionsUrl.replace("/uploads/", "")), "utf8")).toBe(VTT);
    expect(fs.readFileSync(path.join(uploadsDir(), b.captionsUrl.replace("/uploads/", "")), "utf8")).toBe(VTT);
  });

  it("strips scripts and HTML tags from cue text, keeping WebVTT's own cue tags", async () => {
    const story = await videoStory();
    const hostile = `WEBVTT\n\n00:00.000 --> 00:02.000\n<script>alert(1)</script><v Narrator>Hello <b>there</b><img src=x onerror=alert(2)>\n\n00:02.000 --> 00:04.000\n<SCRIPT src="https://evil.example/x.js"></SCRIPT>Bye <c.loud>now</c> <00:03.000>later <scrip<script>t>\n`;
    const { captionsUrl } = await storeCaptions({ storyId: story.id, ...file(hostile) }, ctxOf(await createUser({ role: "editor" })));
    const stored = fs.readFileSync(path.join(uploadsDir(), captionsUrl.replace("/uploads/", "")), "utf8");
    expect(stored.toLowerCase()).not.toContain("<script");
    expect(stored).not.toContain("<img");
    expect(stored).not.toContain("alert(1)");
    expect(stored).toContain("<v Narrator>Hello <b>there</b>");
    expect(stored).toContain("Bye <c.loud>now</c> <00:03.000>later");
  });

  it("replaces earlier captions, removing the old file", async () => {
    const story = await videoStory();
    const editor = ctxOf(await createUser({ role: "editor" }));
    const first = await storeCaptions({ storyId: story.id, ...file(VTT) }, editor);
    const second = await storeCaptions({ storyId: story.id, ...file(VTT.replace("location", "campus")) }, editor);
    expect(second.captionsUrl).not.toBe(first.captionsUrl);
    expect(filesOnDisk()).toEqual([second.captionsUrl.replace("/uploads/", "")]);
    expect((await storyRow(story.id))?.captionsUrl).toBe(second.captionsUrl);
  });

  describe("refuses, changing nothing on the story, the audit log or the disk", () => {
    const editor = async () => ctxOf(await createUser({ role: "editor" }));

    it("an empty file", async () => {
      const story = await videoStory();
      const error = await expectRefused(async () => storeCaptions({ storyId: story.id, ...file("") }, await editor()), InvalidError, /Choose a WebVTT captions file/, story.id);
      expect(error.fields.file).toMatch(/Choose a WebVTT captions file/);
    });

    it("a file that is neither .vtt nor text/vtt (an .srt)", async () => {
      const story = await videoStory();
      const error = await expectRefused(async () => storeCaptions({ storyId: story.id, ...file(VTT, "captions.srt", "application/x-subrip") }, await editor()), InvalidError, /not a WebVTT captions file/, story.id);
      expect(error.fields.file).toMatch(/\.vtt/);
    });

    it("a file that does not start with WEBVTT", async () => {
      const story = await videoStory();
      await expectRefused(async () => storeCaptions({ storyId: story.id, ...file("1\n00:00:00,000 --> 00:00:02,000\nHello\n") }, await editor()), InvalidError, /does not start with “WEBVTT”/, story.id);
      await expectRefused(async () => storeCaptions({ storyId: story.id, ...file("WEBVTTX\n\nHello\n") }, await editor()), InvalidError, /does not start with “WEBVTT”/, story.id);
      await expectRefused(async () => storeCaptions({ storyId: story.id, ...file("<html><script>alert(1)</script></html>", "x.vtt") }, await editor()), InvalidError, /does not start with “WEBVTT”/, story.id);
    });

    it("a file over 1 MB", async () => {
      const story = await videoStory();
      const big = `${VTT}\nNOTE ${"x".repeat(MAX_CAPTIONS_BYTES)}\n`;
      await expectRefused(async () => storeCaptions({ storyId: story.id, ...file(big) }, await editor()), InvalidError, /captions files must be 1 MB or smaller/, story.id);
    });

    it("a file that is not UTF-8 text", async () => {
      const story = await videoStory();
      const latin1 = Buffer.concat([Buffer.from("WEBVTT\n\n00:00.000 --> 00:01.000\nCaf"), Buffer.from([0xe9]), Buffer.from("\n")]);
      await expectRefused(async () => storeCaptions({ storyId: story.id, ...file(latin1) }, await editor()), InvalidError, /not UTF-8 text/, story.id);
      const binary = Buffer.concat([Buffer.from("WEBVTT\n\n"), Buffer.from([0, 1, 2, 3])]);
      await expectRefused(async () => storeCaptions({ storyId: story.id, ...file(binary) }, await editor()), InvalidError, /not UTF-8 text/, story.id);
    });

    it("a story that is not a video", async () => {
      const story = await createStory({ type: "audio", mediaUrl: "/demo/media/a.mp3" });
      await expectRefused(async () => storeCaptions({ storyId: story.id, ...file(VTT) }, await editor()), InvalidError, /only to video stories/, story.id);
    });

    it("a story that does not exist", async () => {
      await expectRefused(async () => storeCaptions({ storyId: 9999, ...file(VTT) }, await editor()), NotFoundError, /could not be found/);
    });
  });

  describe("whoever may edit the story", () => {
    it("lets a contributor caption their own draft", async () => {
      const me = await createUser();
      const story = await videoStory({ status: "draft", createdBy: me.id });
      const { captionsUrl } = await storeCaptions({ storyId: story.id, ...file(VTT) }, ctxOf(me));
      expect((await storyRow(story.id))?.captionsUrl).toBe(captionsUrl);
    });

    it("refuses a contributor on someone else's draft and on their own story once it is with the press office", async () => {
      const me = await createUser();
      const theirs = await videoStory({ status: "draft", createdBy: (await createUser()).id });
      await expectRefused(() => storeCaptions({ storyId: theirs.id, ...file(VTT) }, ctxOf(me)), ForbiddenError, /cannot change this story/, theirs.id);
      const mine = await videoStory({ status: "in-review", createdBy: me.id });
      await expectRefused(() => storeCaptions({ storyId: mine.id, ...file(VTT) }, ctxOf(me)), ForbiddenError, /cannot change this story/, mine.id);
    });

    it("lets an editor caption a published story", async () => {
      const story = await videoStory({ status: "published", createdBy: (await createUser()).id });
      await storeCaptions({ storyId: story.id, ...file(VTT) }, ctxOf(await createUser({ role: "editor" })));
      expect((await storyRow(story.id))?.captionsUrl).toMatch(/\.vtt$/);
    });
  });
});

describe("removeCaptions", () => {
  it("clears the story's captions, deletes the file and writes an audit entry", async () => {
    const story = await videoStory();
    const editor = await createUser({ role: "editor" });
    await storeCaptions({ storyId: story.id, ...file(VTT) }, ctxOf(editor));
    watchPageCache();
    await removeCaptions({ storyId: story.id }, ctxOf(editor));
    expect((await storyRow(story.id))?.captionsUrl).toBeNull();
    expect(filesOnDisk()).toEqual([]);
    expect(await getDb().select().from(s.auditLog).where(eq(s.auditLog.action, "story.captions.remove"))).toHaveLength(1);
    expect(purgedTags).toContain(`story:${story.slug}`);
  });

  it("refuses a contributor on someone else's story", async () => {
    const story = await videoStory({ status: "draft", createdBy: (await createUser()).id });
    await storeCaptions({ storyId: story.id, ...file(VTT) }, ctxOf(await createUser({ role: "editor" })));
    await expectRefused(async () => removeCaptions({ storyId: story.id }, ctxOf(await createUser())), ForbiddenError, /cannot change this story/, story.id);
  });
});

describe("the captions actions", () => {
  const signIn = (u: s.User | null) => (currentSessionUser as jest.Mock).mockResolvedValue(u && ctxOf(u).user);
  const captionsForm = (text: string | null, name = "captions.vtt", type = "text/vtt") => {
    const fd = new FormData();
    if (text !== null) fd.set("file", new File([text], name, { type }));
    return fd;
  };

  it("sends a signed-out visitor to sign in and stores nothing", async () => {
    const story = await videoStory();
    signIn(null);
    await expect(uploadCaptionsAction(story.id, {}, captionsForm(VTT))).rejects.toThrow("NEXT_REDIRECT:/login");
    expect((await storyRow(story.id))?.captionsUrl).toBeNull();
    expect(filesOnDisk()).toEqual([]);
  });

  it("stores the captions with the request's IP in the audit entry", async () => {
    const me = await createUser();
    const story = await videoStory({ status: "draft", createdBy: me.id });
    signIn(me);
    const state = await uploadCaptionsAction(story.id, {}, captionsForm(VTT));
    expect(state).toMatchObject({ ok: true, message: "The captions have been added." });
    expect((await storyRow(story.id))?.captionsUrl).toMatch(/^\/uploads\/[a-f0-9]{32}\.vtt$/);
    expect(await first(getDb().select().from(s.auditLog).where(eq(s.auditLog.action, "story.captions")).limit(1))).toMatchObject({ actorId: me.id, ip: "203.0.113.9" });
  });

  it("marks the file field when no file or a wrong file is sent", async () => {
    const story = await videoStory();
    signIn(await createUser({ role: "editor" }));
    expect((await uploadCaptionsAction(story.id, {}, captionsForm(null))).errors?.file).toMatch(/Choose a WebVTT captions file/);
    expect((await uploadCaptionsAction(story.id, {}, captionsForm("hello", "notes.txt", "text/plain"))).errors?.file).toMatch(/not a WebVTT captions file/);
    expect((await storyRow(story.id))?.captionsUrl).toBeNull();
  });

  it("refuses a contributor captioning another person's story", async () => {
    const story = await videoStory({ status: "draft", createdBy: (await createUser()).id });
    signIn(await createUser());
    const state = await uploadCaptionsAction(story.id, {}, captionsForm(VTT));
    expect(state.ok).toBe(false);
    expect(state.message).toMatch(/cannot change this story/);
    expect((await storyRow(story.id))?.captionsUrl).toBeNull();
  });

  it("removes captions", async () => {
    const story = await videoStory();
    signIn(await createUser({ role: "editor" }));
    await uploadCaptionsAction(story.id, {}, captionsForm(VTT));
    expect(await removeCaptionsAction(story.id, {}, new FormData())).toMatchObject({ ok: true, message: "The captions have been removed." });
    expect((await storyRow(story.id))?.captionsUrl).toBeNull();
  });
});
