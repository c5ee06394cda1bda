import { licenceUrl, safeHttpUrl } from "@/lib/syndication/licence";

/** "This article was originally published in <outlet>", linking the original, with its licence. */
export function SyndicationNote({ source, url, licence }: { source: string; url: string | null; licence: string | null }) {
  const href = safeHttpUrl(url);
  const deed = licenceUrl(licence);
  return (
    <aside className="syndication-note" aria-label="Original publication">
      <p>
        This article was originally published in{" "}
        {href ? <a href={href} rel="noopener">{source}</a> : <cite>{source}</cite>}.
        {licence ? (
          <>
            {" "}It is republished under a{" "}
            {deed ? <a href={deed} rel="license noopener">{licence}</a> : licence} licence.
          </>
        ) : null}
      </p>
    </aside>
  );
}
