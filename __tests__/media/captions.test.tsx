/**
 * @jest-environment node
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { MediaPlayer } from "@/components/media-player";
import { DEMO_CAPTIONS, writeDemoCaptions } from "@/db/seed/captions";
import { captionsFor } from "@/lib/media/captions";

const transcript = "Narrator: This film was made on location with the University of Harrowgate.";

/** Video has a captions track (issue 11, WCAG 1.2.2). */
describe("captions", () => {
  it("a demo video renders an English captions track, on by default", () => {
    const html = renderToStaticMarkup(<MediaPlayer kind="video" src="/demo/media/sample-video.mp4" title="A film" transcript={transcript} />);
    const track = /<track [^>]*\/>/.exec(html)?.[0] ?? "";
    expect(track).toContain('kind="captions"');
    expect(track.toLowerCase()).toContain('srclang="en"');
    expect(track).toContain('label="English"');
    expect(track).toContain('src="/demo/media/sample-video.vtt"');
    expect(track).toMatch(/default=""|default(?=[ />])/);
    expect(html.indexOf("<track")).toBeLessThan(html.indexOf("</video>"));
  });

  it("audio, and video without a known captions file, render no track", () => {
    expect(renderToStaticMarkup(<MediaPlayer kind="audio" src="/demo/media/sample-audio.mp3" title="A" transcript={null} />)).not.toContain("<track");
    expect(renderToStaticMarkup(<MediaPlayer kind="video" src="https://video.example.test/a.mp4" title="A" transcript={null} />)).not.toContain("<track");
    expect(captionsFor("/demo/media/sample-video.mp4")).toBe("/demo/media/sample-video.vtt");
    expect(captionsFor("/demo/media/other.mp4")).toBeNull();
  });

  it("the seed's WebVTT file is valid, fits the 6-second clip and says what the transcripts open with", () => {
    expect(DEMO_CAPTIONS.startsWith("WEBVTT\n\n")).toBe(true);
    const cues = [...DEMO_CAPTIONS.matchAll(/^(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d)\.(\d{3})\n(.+)$/gm)];
    expect(cues.length).toBeGreaterThanOrEqual(2);
    let previousEnd = 0;
    for (const cue of cues) {
      const start = Number(cue[1]) * 60 + Number(cue[2]) + Number(cue[3]) / 1000;
      const end = Number(cue[4]) * 60 + Number(cue[5]) + Number(cue[6]) / 1000;
      expect(start).toBeGreaterThanOrEqual(previousEnd);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(6);
      previousEnd = end;
    }
    const spoken = cues.map((c) => c[7]).join(" ").replace(/<v [^>]+>/g, "");
    expect(spoken).toContain("This film was made on location");
    expect(spoken).toContain("University of Harrowgate");
  });

  it("the seed writes the file next to the clip, and only when it changed", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "captions-"));
    expect(writeDemoCaptions(dir)).toBe(1);
    expect(fs.readFileSync(path.join(dir, "sample-video.vtt"), "utf8")).toBe(DEMO_CAPTIONS);
    expect(writeDemoCaptions(dir)).toBe(0);
    expect(fs.readFileSync(path.join(process.cwd(), "public/demo/media/sample-video.vtt"), "utf8")).toBe(DEMO_CAPTIONS);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
