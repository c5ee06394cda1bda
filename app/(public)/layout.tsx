import type { ReactNode } from "react";
import { connection } from "next/server";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { config } from "@/lib/config";
import { feedPath, feedTitle } from "@/lib/feeds";

/**
 * Public pages render per request (connection()) but read their data through
 * lib/cache.ts, so an ordinary request does not touch the database; this also
 * keeps `next build` from baking in whatever database the build machine has.
 */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  await connection();
  const { siteName, mediaEmail } = config();
  return (
    <>
      {/* RSS autodiscovery on every public page; React hoists <link> into <head>. Filtered lists add their own feed in metadata. */}
      <link rel="alternate" type="application/rss+xml" title={feedTitle()} href={feedPath()} />
      <SiteHeader siteName={siteName} />
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <SiteFooter siteName={siteName} mediaEmail={mediaEmail} />
    </>
  );
}
