import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import { updateMediaAction, uploadMediaAction } from "@/app/editor/media/actions";
import { getDb, first } from "@/db/client";
import * as s from "@/db/schema";
import { currentSessionUser } from "@/lib/auth/session";
import { purgedTags, watchPageCache } from "@/__tests__/helpers/page-cache";
import { config } from "@/lib/config";
import { getMedia, listMedia, MEDIA_PAGE_SIZE } from "@/lib/media/library";
import { createMedia, createStory, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { makeImage, SVG } from "./images";
import { setRequestHeaders } from "../helpers/stubs/next-headers";

beforeEach(() => setRequestHeaders({ "x-newsroom-socket-ip": "203.0.113.9" }));

const signIn = (u: s.User | null) =>
  (currentSessionUser as jest.Mock).mockResolvedValue(u && { id: u.id, email: u.email, name: u.name, role: u.role });
const counts = async () => ({
  media: (await first(getDb().select({ n: count() }).from(s.media).limit(1)))?.n,
  audit: (await first(getDb().select({ n: count() }).from(s.auditLog).limit(1)))?.n,
  files: fs.existsSync(config().uploadsDir) ? fs.readdirSync(config().uploadsDir).length : 0,
});

function uploadForm(bytes: Buffer, fields: Record<string, string> = {}): FormData {
  const fd = new FormData();
  // The name and declared type lie on purpose: only the bytes count.
  fd.set("file", new File([new Uint8Array(bytes)], "holiday.jpg", { type: "image/jpeg" }));
  const all = { altText: "Students on the library steps", caption: "", credit: "", licence: "", rightsExpireAt: "", ...fields };
  for (const [k, v] of Object.entries(all)) fd.set(k, v);
  return fd;
}

function seedMedia(uploadedBy: number, altText: string): Promise<s.Media> {
  return createMedia({ fileName: `${"a".repeat(31)}${uploadedBy % 10}.jpg`, url: "/uploads/x.jpg", mimeType: "image/jpeg", bytes: 10, width: 10, height: 10, altText, uploadedBy });
}

beforeEach(async () => {
  await freshDb();
  fs.rmSync(config().uploadsDir, { recursive: true, force: true });
});

describe("uploadMediaAction", () => {
  it("sends a signed-out visitor to sign in and stores nothing", async () => {
    signIn(null);
    const before = await counts();
    await expect(uploadMediaAction({}, uploadForm(await makeImage("jpeg")))).rejects.toThrow("NEXT_REDIRECT:/login");
    expect(await counts()).toEqual(before);
  });

  it("stores a contributor's image and goes to its page", async () => {
    const me = await createUser();
    signIn(me);
    const story = await createStory({ status: "draft", createdBy: me.id });
    await expect(uploadMediaAction({}, uploadForm(await makeImage("png"), { storyId: String(story.id), rightsExpireAt: "2030-06-30" }))).rejects.toThrow(/NEXT_REDIRECT:\/editor\/media\/\d+\?uploaded=1/);
    const row = await first(getDb().select().from(s.media).limit(1));
    expect(row).toMatchObject({ mimeType: "image/png", uploadedBy: me.id, altText: "Students on the library steps" });
    expect(row?.rightsExpireAt).toBe(Date.UTC(2030, 5, 30, 22, 59)); // 23:59 BST
    const audit = await first(getDb().select().from(s.auditLog).where(eq(s.auditLog.action, "media.upload")).limit(1));
    expect(audit).toMatchObject({ actorId: me.id, ip: "203.0.113.9" });
  });

  it("keeps what was typed when the file is refused", async () => {
    signIn(await createUser());
    const before = await counts();
    const state = await uploadMediaAction({}, uploadForm(SVG, { caption: "My caption" }));
    expect(state.ok).toBe(false);
    expect(state.errors?.file).toMatch(/not a JPEG, PNG, WebP or AVIF/);
    expect(state.values).toMatchObject({ altText: "Students on the library steps", caption: "My caption" });
    expect(await counts()).toEqual(before);
  });

  it("requires alt text before reading the file", async () => {
    signIn(await createUser());
    const before = await counts();
    const state = await uploadMediaAction({}, uploadForm(await makeImage("jpeg"), { altText: "" }));
    expect(state.errors?.altText).toMatch(/alt text/);
    expect(await counts()).toEqual(before);
  });

  it("refuses a missing file", async () => {
    signIn(await createUser());
    const fd = uploadForm(Buffer.alloc(0));
    fd.delete("file");
    const state = await uploadMediaAction({}, fd);
    expect(state.errors?.file).toBe("Choose an image file to upload.");
  });

  it("refuses a contributor uploading for another person's story", async () => {
    const owner = await createUser();
    const story = await createStory({ status: "draft", createdBy: owner.id });
    signIn(await createUser());
    const before = await counts();
    const state = await uploadMediaAction({}, uploadForm(await makeImage("jpeg"), { storyId: String(story.id) }));
    expect(state.message).toMatch(/only for your own stories/);
    expect(await counts()).toEqual(before);
  });

  it("refuses an unreal rights-expiry date", async () => {
    signIn(await createUser());
    const state = await uploadMediaAction({}, uploadForm(await makeImage("jpeg"), { rightsExpireAt: "2030-02-31" }));
    expect(state.errors?.rightsExpireAt).toMatch(/real date/);
  });
});

describe("updateMediaAction", () => {
  const edit = (fields: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({ altText: "New alt", caption: "New caption", credit: "New credit", licence: "CC BY 4.0", rightsExpireAt: "", ...fields })) fd.set(k, v);
    return fd;
  };

  it("lets a contributor edit their own image, with an audit entry and revalidation", async () => {
    const me = await createUser();
    const item = await seedMedia(me.id, "Old alt");
    signIn(me);
    watchPageCache();
    const state = await updateMediaAction(item.id, {}, edit({}));
    expect(state).toMatchObject({ ok: true, values: { altText: "New alt" } });
    expect(await first(getDb().select().from(s.media).where(eq(s.media.id, item.id)).limit(1))).toMatchObject({ altText: "New alt", caption: "New caption", credit: "New credit", licence: "CC BY 4.0" });
    expect(await first(getDb().select().from(s.auditLog).where(eq(s.auditLog.action, "media.update")).limit(1))).toMatchObject({ actorId: me.id, entityId: String(item.id) });
    expect(purgedTags).toContain("stories");
  });

  it("refuses a contributor editing someone else's image, leaving it unchanged", async () => {
    const item = await seedMedia((await createUser()).id, "Their alt");
    signIn(await createUser());
    const state = await updateMediaAction(item.id, {}, edit({}));
    expect(state.ok).toBe(false);
    expect((await first(getDb().select().from(s.media).where(eq(s.media.id, item.id)).limit(1)))?.altText).toBe("Their alt");
    expect((await first(getDb().select({ n: count() }).from(s.auditLog).limit(1)))?.n).toBe(0);
  });

  it("lets an editor edit anyone's image", async () => {
    const item = await seedMedia((await createUser()).id, "Their alt");
    signIn(await createUser({ role: "editor" }));
    expect((await updateMediaAction(item.id, {}, edit({}))).ok).toBe(true);
  });

  it("refuses empty alt text", async () => {
    const me = await createUser();
    const item = await seedMedia(me.id, "Old alt");
    signIn(me);
    const state = await updateMediaAction(item.id, {}, edit({ altText: " " }));
    expect(state.errors?.altText).toMatch(/alt text/);
    expect((await first(getDb().select().from(s.media).where(eq(s.media.id, item.id)).limit(1)))?.altText).toBe("Old alt");
  });
});

describe("listMedia and getMedia", () => {
  const session = (u: s.User) => ({ id: u.id, email: u.email, name: u.name, role: u.role });

  it("shows contributors only their own uploads and editors everything", async () => {
    const me = await createUser();
    const other = await createUser();
    await seedMedia(me.id, "Mine");
    const theirs = await seedMedia(other.id, "Theirs");
    expect((await listMedia({}, session(me))).items.map((m) => m.altText)).toEqual(["Mine"]);
    expect((await listMedia({}, session(await createUser({ role: "editor" })))).total).toBe(2);
    expect(await getMedia(theirs.id, session(me))).toBeNull();
    expect((await getMedia(theirs.id, session(await createUser({ role: "admin" }))))?.altText).toBe("Theirs");
  });

  it("searches alt text, caption and credit, treating % literally", async () => {
    const me = await createUser({ role: "editor" });
    await seedMedia(me.id, "A heron by the weir");
    await seedMedia(me.id, "Graduation day");
    await seedMedia(me.id, "50% of the lake frozen");
    expect((await listMedia({ q: "heron" }, session(me))).items.map((m) => m.altText)).toEqual(["A heron by the weir"]);
    expect((await listMedia({ q: "%" }, session(me))).items.map((m) => m.altText)).toEqual(["50% of the lake frozen"]);
  });

  it("paginates, clamping pages past the end", async () => {
    const me = await createUser({ role: "editor" });
    for (let i = 0; i < MEDIA_PAGE_SIZE + 3; i++) await seedMedia(me.id, `Image ${i}`);
    const first = await listMedia({ page: 1 }, session(me));
    expect(first).toMatchObject({ total: MEDIA_PAGE_SIZE + 3, pageCount: 2 });
    expect(first.items).toHaveLength(MEDIA_PAGE_SIZE);
    expect(await listMedia({ page: 9 }, session(me))).toMatchObject({ page: 2 });
    expect((await listMedia({ page: 2 }, session(me))).items).toHaveLength(3);
  });
});
