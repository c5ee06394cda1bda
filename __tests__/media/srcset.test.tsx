/**
 * @jest-environment node
 */

import fs from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { Figure } from "@/components/figure";
import { StoryCard } from "@/components/story-card";
import { config } from "@/lib/config";
import { responsiveImage } from "@/lib/media/responsive";
import { storeUpload } from "@/lib/media/upload";
import { createUser } from "../factories";
import { freshDb } from "../helpers/db";
import { makeImage } from "./images";

const uploadsDir = () => config().uploadsDir;
beforeEach(async () => {
  await freshDb();
  fs.rmSync(uploadsDir(), { recursive: true, force: true });
});
afterAll(() => fs.rmSync(uploadsDir(), { recursive: true, force: true }));

/** Hero and card images offer the WebP widths made on upload (issue 11). */
describe("srcset", () => {
  it("the hero figure lists every WebP width with sizes; an SVG gets none", () => {
    const html = renderToStaticMarkup(<Figure src="/uploads/abc123.jpg" alt="A heron" width={2400} height={1600} eager />);
    // HTML attribute names are case-insensitive; React writes srcSet.
    const img = /<img [^>]*>/.exec(html)?.[0] ?? "";
    expect(img.toLowerCase()).toContain('srcset="/uploads/abc123-480.webp 480w, /uploads/abc123-960.webp 960w, /uploads/abc123-1600.webp 1600w"');
    expect(img).toMatch(/sizes="[^"]*100vw"/);
    expect(html).toContain('src="/uploads/abc123.jpg"');
    const svg = renderToStaticMarkup(<Figure src="/demo/story-x.svg" alt="Drawing" width={1200} height={675} />);
    expect(svg.toLowerCase()).not.toContain("srcset");
    expect(svg).not.toContain("sizes");
  });

  it("a narrower original is not enlarged: its own width is the widest source", () => {
    expect(responsiveImage("/uploads/abc.png", 1200)).toEqual({
      srcSet: "/uploads/abc-480.webp 480w, /uploads/abc-960.webp 960w, /uploads/abc-1200.webp 1200w",
    });
    expect(responsiveImage("/uploads/abc.png", 300)).toEqual({ srcSet: "/uploads/abc-300.webp 300w" });
    expect(responsiveImage("https://elsewhere.test/a.jpg", 2000)).toEqual({});
    expect(responsiveImage("/uploads/abc.jpg", 0)).toEqual({});
  });

  it("story cards use the same sources with card sizes", () => {
    const html = renderToStaticMarkup(
      <StoryCard story={{ slug: "s", type: "feature", title: "T", standfirst: "", publishAt: Date.UTC(2024, 0, 1), image: { url: "/uploads/abc.webp", alt: "A", width: 1600, height: 900 } }} />,
    );
    expect(html.toLowerCase()).toContain('srcset="/uploads/abc-480.webp 480w, /uploads/abc-960.webp 960w, /uploads/abc-1600.webp 1600w"');
    expect(html).toMatch(/sizes="[^"]+"/);
  });

  it("matches the files an upload really writes", async () => {
    const user = await createUser({ role: "editor" });
    const row = await storeUpload(
      { bytes: await makeImage("jpeg", 2000, 1000), altText: "A heron", caption: "", credit: "", licence: "" },
      { user: { id: user.id, email: user.email, name: user.name, role: user.role }, ip: null },
    );
    const listed = (responsiveImage(row.url, row.width).srcSet ?? "").split(", ").map((entry) => entry.split(" ")[0]);
    expect(listed).toEqual(row.variants.map((v) => v.url));
    for (const url of listed) expect(fs.existsSync(`${uploadsDir()}/${url?.replace("/uploads/", "")}`)).toBe(true);
  });
});
