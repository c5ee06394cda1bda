/**
 * Which captions file goes with a video. Pure, so the player component can
 * ask. Only the demo clip has one so far (written by the seed,
 * db/seed/captions.ts); captions for editors' own videos need a place in
 * the data model first (see the issue 11 report).
 */
const KNOWN_CAPTIONS: Record<string, string> = {
  "/demo/media/sample-video.mp4": "/demo/media/sample-video.vtt",
};

export function captionsFor(videoUrl: string): string | null {
  return KNOWN_CAPTIONS[videoUrl] ?? null;
}
