import fs from "node:fs";
import path from "node:path";
import { GET } from "@/app/uploads/[name]/route";
import { config } from "@/lib/config";

const NAME = "0123456789abcdef0123456789abcdef";
const get = (name: string) => GET(new Request(`http://localhost/uploads/${encodeURIComponent(name)}`), { params: Promise.resolve({ name }) });

beforeAll(() => {
  const dir = config().uploadsDir;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${NAME}.jpg`), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  fs.writeFileSync(path.join(dir, `${NAME}-480.webp`), Buffer.from("RIFF....WEBP"));
  fs.writeFileSync(path.join(dir, `${NAME}.vtt`), "WEBVTT\n\n00:00.000 --> 00:01.000\nCafé\n");
  // Things that must never be served, inside and just outside the uploads folder.
  fs.writeFileSync(path.join(dir, "notes.txt"), "private");
  fs.writeFileSync(path.join(config().dataDir, "newsroom-secret.jpg"), "secret");
});
afterAll(() => {
  fs.rmSync(config().uploadsDir, { recursive: true, force: true });
  fs.rmSync(path.join(config().dataDir, "newsroom-secret.jpg"), { force: true });
});

describe("GET /uploads/[name]", () => {
  it("serves an upload with its type and year-long immutable caching", async () => {
    const res = await get(`${NAME}.jpg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-length")).toBe("7");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  });

  it("serves a variant as WebP", async () => {
    const res = await get(`${NAME}-480.webp`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
  });

  it("serves captions as UTF-8 WebVTT that the browser may not sniff (issue 11)", async () => {
    const res = await get(`${NAME}.vtt`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toBe("WEBVTT\n\n00:00.000 --> 00:01.000\nCafé\n");
  });

  it.each([
    `${NAME}-480.vtt`,
    `${NAME}.VTT`,
    "../newsroom-secret.jpg",
    "..%2Fnewsroom-secret.jpg",
    `../uploads/${NAME}.jpg`,
    `/etc/passwd`,
    "notes.txt",
    `${NAME}.JPG`,
    `${NAME.toUpperCase()}.jpg`,
    `${NAME}.jpg/`,
    `${NAME}.jpg\n`,
    `${NAME}.svg`,
    `${NAME}.html`,
    `${NAME}.jpg%00.html`,
    `${NAME}-480.webp.bak`,
    `${NAME.slice(1)}.jpg`,
    "",
  ])("answers 404 for %p", async (name) => {
    const res = await get(name);
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 404 for a well-formed name that does not exist", async () => {
    expect((await get(`${"f".repeat(32)}.png`)).status).toBe(404);
  });
});
