import "server-only";

/**
 * A republished story must keep the original outlet's counter image (their
 * licence asks for it), but public pages make no third-party requests: a
 * reader's browser never contacts the outlet. So the server loads the
 * counter once per view instead, sending nothing about the reader (no
 * cookies, no IP, no referrer). Fire and forget: a slow or failing outlet
 * never delays or breaks the page.
 * @see docs/decisions/0004-syndication-counter.md
 */
export function pingOutletCounter(url: string | null, fetcher?: typeof fetch): Promise<boolean> {
  if (!url || !/^https?:\/\//i.test(url)) return Promise.resolve(false);
  return (fetcher ?? fetch)(url, {
    method: "GET",
    redirect: "follow",
    cache: "no-store",
    referrerPolicy: "no-referrer",
    credentials: "omit",
    signal: AbortSignal.timeout(3000),
    headers: { "User-Agent": "UniversityNewsroom-counter/1.0" },
  })
    .then((res) => {
      void res.body?.cancel();
      return res.ok;
    })
    .catch(() => false);
}
