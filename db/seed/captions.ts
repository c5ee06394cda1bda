/**
 * WebVTT captions for the demo video clip (public/demo/media/sample-video.mp4,
 * six seconds, shared by every demo video story). Every demo video
 * transcript opens with the narrator's line (db/seed/bodies.ts
 * buildTranscript), so the clip's captions say that line. Written by the
 * seed next to the clip, like the demo images, and only when it changed.
 */
import fs from "node:fs";
import path from "node:path";

export const DEMO_CAPTIONS = [
  "WEBVTT",
  "",
  "1",
  "00:00.000 --> 00:02.800",
  "<v Narrator>This film was made on location",
  "",
  "2",
  "00:02.800 --> 00:05.800",
  "<v Narrator>with the University of Harrowgate.",
  "",
].join("\n");

export function demoMediaDir(): string {
  return path.join(process.cwd(), "public", "demo", "media");
}

/** Writes sample-video.vtt into `dir`; returns 1 when written, 0 when already current. */
export function writeDemoCaptions(dir = demoMediaDir()): number {
  const target = path.join(dir, "sample-video.vtt");
  if (fs.existsSync(target) && fs.readFileSync(target, "utf8") === DEMO_CAPTIONS) return 0;
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, DEMO_CAPTIONS);
  fs.renameSync(tmp, target);
  return 1;
}
