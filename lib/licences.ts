/**
 * Licences named on story pages (syndication note, republish panel). A
 * Creative Commons short name such as "CC BY-ND 4.0" links to its deed.
 */
export function licenceUrl(licence: string | null | undefined): string | null {
  const m = /^CC\s+(BY(?:-(?:NC|SA|ND))*)\s+(\d\.\d)$/i.exec((licence ?? "").trim());
  if (!m) return null;
  return `https://creativecommons.org/licenses/${m[1]!.toLowerCase()}/${m[2]}/`;
}

/** Only http(s) links from stored data become hrefs; anything else is dropped. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}
