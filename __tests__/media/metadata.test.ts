import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import * as s from "@/db/schema";
import { config } from "@/lib/config";
import { storeUpload } from "@/lib/media/upload";
import { createUser } from "../factories";
import { freshDb } from "../helpers/db";

const details = { altText: "A heron standing in the river", caption: "", credit: "Photo: Jo Bloggs", licence: "All rights reserved" };
const asSession = (u: s.User) => ({ id: u.id, email: u.email, name: u.name, role: u.role });

beforeEach(async () => {
  await freshDb();
  fs.rmSync(config().uploadsDir, { recursive: true, force: true });
});
afterAll(() => fs.rmSync(config().uploadsDir, { recursive: true, force: true }));

/** A photo as a phone writes it: GPS position and camera in EXIF, taken sideways (orientation 6). */
async function phonePhoto(format: "jpeg" | "png" | "webp"): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 80, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .withExif({ IFD0: { Make: "PhoneCo", Model: "Snapper 9"}, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" } })
    .withMetadata({ orientation: 6 })
    [format]()
    .toBuffer();
}

describe("uploaded originals are stored without metadata", () => {
  it.each(["jpeg", "png", "webp"] as const)("a %s with EXIF GPS is stored without EXIF, upright, in its own format", async (format) => {
    const bytes = await phonePhoto(format);
    const before = await sharp(bytes).metadata();
    // The fixture really carries what we mean to strip.
    expect(before.exif?.toString("latin1")).toContain("Snapper 9");
    expect(before.orientation).toBe(6);

    const user = await createUser({ role: "editor" });
    const item = await storeUpload({ ...details, bytes }, { user: asSession(user), ip: null });
    const stored = fs.readFileSync(path.join(config().uploadsDir, item.fileName));
    const after = await sharp(stored).metadata();
    expect(after.format).toBe(format);
    expect(after.exif).toBeUndefined();
    expect(after.orientation ?? 1).toBe(1);
    expect(stored.includes(Buffer.from("Snapper 9"))).toBe(false);
    expect(stored.includes(Buffer.from("PhoneCo"))).toBe(false);
    // Turned upright by its orientation tag before the tag was dropped.
    expect({ width: after.width, height: after.height }).toEqual({ width: 80, height: 120 });
    expect({ width: item.width, height: item.height, bytes: item.bytes }).toEqual({ width: 80, height: 120, bytes: stored.length });
  });
});
