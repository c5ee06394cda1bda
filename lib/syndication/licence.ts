/**
 * The republishing licence of an imported article. Snippets often say only
 * "under a Creative Commons license"; for outlets whose guidelines name one
 * licence for everything we fill that in, and always say what was assumed.
 */

/** Outlets that publish every article under one licence (from their republishing guidelines). */
const OUTLET_LICENCES: Record<string, string> = {
  "theconversation.com": "CC BY-ND 4.0",
};

/** "https://creativecommons.org/licenses/by-nd/4.0/" → "CC BY-ND 4.0"; public-domain marks → "CC0 1.0". */
export function licenceFromUrl(href: string): string | null {
  const m = /creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d+(?:\.\d+)?)/i.exec(href);
  if (!m) return /creativecommons\.org/i.test(href) ? "Creative Commons" : null;
  const [, kind, code = "", version = ""] = m;
  if (kind?.toLowerCase() === "publicdomain") return code.toLowerCase() === "zero" ? `CC0 ${version}` : `Public Domain Mark ${version}`;
  return `CC ${code.toUpperCase()} ${version}`;
}

function outletLicence(outletUrl: string | null): string | null {
  if (!outletUrl) return null;
  try {
    const host = new URL(outletUrl).hostname.replace(/^www\./, "");
    const key = Object.keys(OUTLET_LICENCES).find((k) => host === k || host.endsWith(`.${k}`));
    return key ? (OUTLET_LICENCES[key] ?? null) : null;
  } catch {
    return null;
  }
}

/** Settles the licence to store and adds the notes an editor needs about it. */
export function licenceNotes({ licence, outletUrl, source, notes }: { licence: string | null; outletUrl: string | null; source: string | null; notes: string[] }): string | null {
  let result = licence;
  if (!result || result === "Creative Commons") {
    const known = outletLicence(outletUrl);
    if (known) {
      result = known;
      notes.push(`The snippet does not name the exact licence; ${known} was filled in from ${source ?? "the outlet"}'s republishing guidelines. Check it against the original article.`);
    } else if (result) {
      notes.push("The snippet says only \"Creative Commons\"; check the exact licence (for example CC BY-ND 4.0) on the original article and correct the licence field.");
    } else {
      notes.push("No republishing licence was found in the snippet; do not publish until you have confirmed we may republish it.");
    }
  }
  if (result && /\bND\b/.test(result)) {
    notes.push("This licence allows no derivatives: keep the text as published (no cuts or rewrites), credit the author and the outlet, and link to the original.");
  }
  return result;
}

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
