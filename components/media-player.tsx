import { Markdown } from "@/components/markdown";

/**
 * Native <video>/<audio> with the browser's own accessible controls, a
 * download link as the fallback, and the transcript on the page (in
 * <details>, so it is there for everyone without JavaScript).
 */
export function MediaPlayer({ kind, src, title, transcript }: { kind: "video" | "audio"; src: string; title: string; transcript: string | null }) {
  const fallback = (
    <p>
      Your browser cannot play this {kind}. <a href={src}>Download the {kind}</a>.
    </p>
  );
  return (
    <section className="media-player" aria-label={`${kind === "video" ? "Video" : "Audio"}: ${title}`}>
      {kind === "video" ? (
        <video controls preload="metadata" src={src} className="media-player__video">
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
