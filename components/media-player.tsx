import { Markdown } from "@/components/markdown";
import { captionsFor } from "@/lib/media/captions";

/**
 * Native <video>/<audio> with the browser's own accessible controls, a
 * download link as the fallback, and the transcript on the page (in
 * <details>, so it is there for everyone without JavaScript). Video gets an
 * English captions track, shown by default, when one exists (WCAG 1.2.2).
 */
export function MediaPlayer({
  kind,
  src,
  title,
  transcript,
  captionsSrc = captionsFor(src),
}: {
  kind: "video" | "audio";
  src: string;
  title: string;
  transcript: string | null;
  /** WebVTT file; defaults to the known captions of `src`. */
  captionsSrc?: string | null;
}) {
  const fallback = (
    <p>
      Your browser cannot play this {kind}. <a href={src}>Download the {kind}</a>.
    </p>
  );
  return (
    <section className="media-player" aria-label={`${kind === "video" ? "Video" : "Audio"}: ${title}`}>
      {kind === "video" ? (
        <video controls preload="metadata" src={src} className="media-player__video">
          {captionsSrc ? <track kind="captions" srcLang="en" label="English" src={captionsSrc} default /> : null}
          {fallback}
        </video>
      ) : (
        <audio controls preload="metadata" src={src} className="media-player__audio">
          {fallback}
        </audio>
      )}
      {transcript ? (
        <details className="media-player__transcript">
          <summary>Transcript</summary>
          <Markdown source={transcript} />
        </details>
      ) : (
        <p className="meta">No transcript is available yet.</p>
      )}
    </section>
  );
}
