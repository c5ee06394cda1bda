import { NotFoundMessage } from "@/components/not-found-message";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { config } from "@/lib/config";

export const metadata = { title: "Page not found" };

/**
 * For URLs no route matches (and segments without their own not-found):
 * only the root layout is around it, so it draws the site shell itself. The
 * public site's notFound() uses app/(public)/not-found.tsx instead.
 */
export default function NotFound() {
  const { siteName, mediaEmail } = config();
  return (
    <>
      <SiteHeader siteName={siteName} />
      <main id="main" tabIndex={-1} className="site-main container narrow">
        <NotFoundMessage />
      </main>
      <SiteFooter siteName={siteName} mediaEmail={mediaEmail} />
    </>
  );
}
