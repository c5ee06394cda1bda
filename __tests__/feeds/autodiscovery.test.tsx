import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { generateMetadata as newsMetadata } from "@/app/(public)/news/page";
import { generateMetadata as topicMetadata } from "@/app/(public)/topics/[slug]/page";
import { createTopic } from "../factories";
import { freshDb } from "../helpers/db";

jest.mock("next/server", () => ({ connection: async () => undefined }));

const RSS = "application/rss+xml";

beforeEach(async () => {
  await freshDb();
});

/** RSS autodiscovery (issue 11): feed readers and browsers find the feed from any public page. */
describe("RSS autodiscovery", () => {
  it("every public page links the newsroom feed in its head", async () => {
    const { default: PublicLayout } = await import("@/app/(public)/layout");
    const html = renderToStaticMarkup(await PublicLayout({ children: <p>content</p> }));
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="University of Harrowgate Newsroom" href="/feed.xml"/>');
  });

  it("/news?type= and ?topic= point to the filtered feed", async () => {
    await createTopic({ slug: "physics", name: "Physics" });
    const props = (q: Record<string, string>) => ({ searchParams: Promise.resolve(q) });
    expect((await newsMetadata(props({}))).alternates?.types).toBeUndefined();
    expect((await newsMetadata(props({ type: "feature" }))).alternates?.types?.[RSS]).toEqual([
      { url: "/feed.xml?type=feature", title: "University of Harrowgate Newsroom: Features" },
    ]);
    expect((await newsMetadata(props({ type: "feature", topic: "physics", page: "2" }))).alternates?.types?.[RSS]).toEqual([
      { url: "/feed.xml?type=feature&topic=physics", title: "University of Harrowgate Newsroom: Features: Physics" },
    ]);
  });

  it("/topics/<slug> points to the topic's feed", async () => {
    await createTopic({ slug: "physics", name: "Physics" });
    const meta = await topicMetadata({ params: Promise.resolve({ slug: "physics" }), searchParams: Promise.resolve({}) });
    expect(meta.alternates?.canonical).toBe("/topics/physics");
    expect(meta.alternates?.types?.[RSS]).toEqual([{ url: "/feed.xml?topic=physics", title: "University of Harrowgate Newsroom: Physics" }]);
  });
});

/** No favicon 404 (issue 11): Next links app/icon.svg and app/favicon.ico from every page by file convention. */
describe("site icon", () => {
  const app = path.join(process.cwd(), "app");

  it("app/icon.svg is a small, well-formed SVG in the site colours", () => {
    const svg = fs.readFileSync(path.join(app, "icon.svg"), "utf8");
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 64 64"/);
    expect(svg).toContain("#1d3557");
    expect(svg).toContain("#b5121b");
    expect(svg).not.toMatch(/<script|href=|on\w+=/i);
    expect(Buffer.byteLength(svg)).toBeLessThan(2048);
  });

  it("app/favicon.ico is a real ICO (served at /favicon.ico) holding a 32×32 PNG", () => {
    const ico = fs.readFileSync(path.join(app, "favicon.ico"));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7]]).toEqual([32, 32]);
    const offset = ico.readUInt32LE(18);
    expect(ico.readUInt32LE(14)).toBe(ico.length - offset);
    expect(ico.subarray(offset, offset + 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
