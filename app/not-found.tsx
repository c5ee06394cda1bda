import Link from "next/link";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { config } from "@/lib/config";

export const metadata = { title: "Page not found" };

/** Replaces the whole page (public layout included), so it draws the shell itself. */
export default function NotFound() {
  const { siteName, mediaEmail } = config();
  return (
    <>
      <SiteHeader siteName={siteName} />
      <main id="main" tabIndex={-1} className="site-main container narrow">
        <h1>Page not found</h1>
        <p>We could not find the page you asked for. It may have moved, or the link may be mistyped.</p>
        <ul>
          <li><Link href="/">Go to the newsroom home page</Link></li>
          <li><Link href="/news">Browse all news</Link></li>
          <li><Link href="/search">Search the newsroom</Link></li>
        </ul>
      </main>
      <SiteFooter siteName={siteName} mediaEmail={mediaEmail} />
    </>
  );
}
