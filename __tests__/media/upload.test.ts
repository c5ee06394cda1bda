import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { getDb, first } from "@/db/client";
import * as s from "@/db/schema";
import { config } from "@/lib/config";
import { InvalidError } from "@/lib/errors";
import { storeUpload } from "@/lib/media/upload";
import { createStory, createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { HTML, makeImage, noisyJpeg, SVG } from "./images";

const asSession = (u: s.User) => ({ id: u.id, email: u.email, name: u.name, role: u.role });
/** The WriteContext every lib/ write takes second. */
const ctxOf = (u: s.User, ip: string | null = null) => ({ user: asSession(u), ip });
const details = { altText: "A heron standing in the river", caption: "Spring on the Harrow", credit: "Photo: Jo Bloggs", licence: "All rights reserved" };

const uploadsDir = () => config().uploadsDir;
const filesOnDisk = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()).sort() : []);
const mediaCount = async () => (await first(getDb().select({ n: count() }).from(s.media).limit(1)))?.n ?? 0;
const auditCount = async () => (await first(getDb().select({ n: count() }).from(s.auditLog).limit(1)))?.n ?? 0;

beforeEach(async () => {
  await freshDb();
  fs.rmSync(uploadsDir(), { recursive: true, force: true });
});
afterAll(() => fs.rmSync(uploadsDir(), { recursive: true, force: true }));

/** Counts before starting the attempt, so that a write made before the refusal would show. */
async function expectRefused(attempt: () => Promise<unknown>, message: RegExp): Promise<InvalidError> {
  const before = { media: await mediaCount(), audit: await auditCount(), files: filesOnDisk() };
  const promise = attempt();
  await expect(promise).rejects.toThrow(InvalidError);
  const error = (await promise.catch((e: unknown) => e)) as InvalidError;
  expect(error.message).toMatch(message);
  expect({ media: await mediaCount(), audit: await auditCount(), files: filesOnDisk() }).toEqual(before);
  return error;
}

describe("storeUpload accepts real images", () => {
  it.each([
    ["jpeg", "image/jpeg", "jpg"],
    ["png", "image/png", "png"],
    ["webp", "image/webp", "webp"],
    ["avif", "image/avif", "avif"],
  ] as const)("stores a %s with WebP variants, a row and an audit entry", async (format, mime, ext) => {
    const user = await createUser({ role: "editor" });
    const bytes = await makeImage(format, 1200, 800);
    const row = await storeUpload({ ...details, bytes }, ctxOf(user, "203.0.113.5"));

    const stored = () => fs.readFileSync(`${uploadsDir()}/${row.fileName}`);
    expect(row).toMatchObject({ mimeType: mime, width: 1200, height: 800, bytes: stored().length, altText: details.altText, caption: details.caption, credit: details.credit, licence: details.licence, uploadedBy: user.id });
    expect(row.fileName).toMatch(new RegExp(`^[a-f0-9]{32}\\.${ext}$`));
    expect(row.url).toBe(`/uploads/${row.fileName}`);
    // Never upscaled: 480 and 960 wide, then the original's 1200 instead of 1600.
    expect(row.variants.map((v) => v.width)).toEqual([480, 960, 1200]);

    const stem = row.fileName.split(".")[0];
    expect(filesOnDisk()).toEqual([row.fileName, `${stem}-1200.webp`, `${stem}-480.webp`, `${stem}-960.webp`].sort());
    // Re-encoded without metadata (see metadata.test.ts), in the same format and size.
    expect(await sharp(stored()).metadata()).toMatchObject({ format: format === "avif" ? "heif" : format, width: 1200, height: 800 });
    const variant = await sharp(fs.readFileSync(`${uploadsDir()}/${stem}-480.webp`)).metadata();
    expect(variant).toMatchObject({ format: "webp", width: 480, height: 320 });

    const audit = await getDb().select().from(s.auditLog).where(eq(s.auditLog.action, "media.upload"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, entity: "media", entityId: String(row.id), ip: "203.0.113.5" });
  });

  it("makes a single variant at the original width for a small image", async () => {
    const row = await storeUpload({ ...details, bytes: await makeImage("png", 300, 200) }, ctxOf(await createUser()));
    expect(row.variants.map((v) => v.width)).toEqual([300]);
  });
});

describe("storeUpload refuses, writing nothing to the database or the disk", () => {
  const editor = async () => ctxOf(await createUser({ role: "editor" }));

  it("refuses an SVG renamed .jpg (the name is never consulted)", async () => {
    const ctx = await editor();
    await expectRefused(() => storeUpload({ ...details, bytes: SVG }, ctx), /not a JPEG, PNG, WebP or AVIF/);
  });

  it("refuses an HTML file renamed .jpg", async () => {
    const ctx = await editor();
    await expectRefused(() => storeUpload({ ...details, bytes: HTML }, ctx), /not a JPEG, PNG, WebP or AVIF/);
  });

  it("refuses HTML that starts with JPEG magic bytes (sharp must agree)", async () => {
    const polyglot = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), HTML]);
    const ctx = await editor();
    await expectRefused(() => storeUpload({ ...details, bytes: polyglot }, ctx), /damaged or incomplete|not a JPEG/);
  });

  it("refuses a truncated JPEG", async () => {
    const jpeg = await noisyJpeg();
    const ctx = await editor();
    await expectRefused(() => storeUpload({ ...details, bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)) }, ctx), /damaged or incomplete/);
  });

  it("refuses a truncated PNG", async () => {
    const png = await makeImage("png", 800, 600);
    const ctx = await editor();
    await expectRefused(() => storeUpload({ ...details, bytes: png.subarray(0, Math.floor(png.length * 0.6)) }, ctx), /damaged or incomplete/);
  });

  it("refuses a file over 10 MB", async () => {
    const big = Buffer.concat([await makeImage("jpeg", 100, 100), Buffer.alloc(11 * 1024 * 1024)]);
    const ctx = await editor();
    await expectRefused(() => storeUpload({ ...details, bytes: big }, ctx), /11\.0 MB; images must be 10 MB or smaller/);
  });

  it("refuses an image over 40 megapixels", async () => {
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#ffffff" } }).png({ compressionLevel: 9 }).toBuffer();
    expect(huge.length).toBeLessThan(10 * 1024 * 1024);
    const ctx = await editor();
    await expectRefused(() => storeUpload({ ...details, bytes: huge }, ctx), /8000 × 6000 pixels \(48\.0 megapixels\); images must be 40 megapixels or smaller/);
  });

  it("refuses an empty file", async () => {
    const ctx = await editor();
    await expectRefused(() => storeUpload({ ...details, bytes: Buffer.alloc(0) }, ctx), /Choose an image file/);
  });

  it.each([[""], ["   "], [undefined]])("requires alt text (%p)", async (altText) => {
    const bytes = await makeImage("jpeg");
    const ctx = await editor();
    const error = await expectRefused(() => storeUpload({ ...details, altText, bytes }, ctx), /alt text/i);
    expect(error.fields.altText).toMatch(/alt text/i);
  });
});

describe("uploading for a story", () => {
  it("lets a contributor upload for their own story", async () => {
    const me = await createUser();
    const story = await createStory({ status: "draft", createdBy: me.id });
    const row = await storeUpload({ ...details, bytes: await makeImage("jpeg"), storyId: story.id }, ctxOf(me));
    expect(row.uploadedBy).toBe(me.id);
  });

  it("refuses a contributor uploading for someone else's story", async () => {
    const owner = await createUser();
    const other = await createUser();
    const story = await createStory({ status: "draft", createdBy: owner.id });
    const bytes = await makeImage("jpeg");
    await expectRefused(() => storeUpload({ ...details, bytes, storyId: story.id }, ctxOf(other)), /only for your own stories/);
  });

  it("lets an editor upload for anyone's story", async () => {
    const owner = await createUser();
    const story = await createStory({ status: "draft", createdBy: owner.id });
    const row = await storeUpload({ ...details, bytes: await makeImage("webp"), storyId: story.id }, ctxOf(await createUser({ role: "editor" })));
    expect(row.id).toBeGreaterThan(0);
  });

  it("refuses a story that does not exist", async () => {
    const bytes = await makeImage("jpeg");
    const admin = await createUser({ role: "admin" });
    await expectRefused(() => storeUpload({ ...details, bytes, storyId: 9999 }, ctxOf(admin)), /does not exist/);
  });
});
