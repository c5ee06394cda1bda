/**
 * Which captions file goes with a video. Pure, so the player component can
 * ask. This is the fallback for the demo clip (written by the seed,
 * db/seed/captions.ts); editors' own videos carry uploaded captions in
 * stories.captions_url (lib/media/captions-upload.ts), which pages pass in.
 */
const KNOWN_CAPTIONS: Record<string, string> = {
  "/demo/media/sample-video.mp4": "/demo/media/sample-video.vtt",
};

export function captionsFor(videoUrl: string): string | null {
  return KNOWN_CAPTIONS[videoUrl] ?? null;
}
