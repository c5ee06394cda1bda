import Link from "next/link";

export function SiteFooter({ siteName, mediaEmail }: { siteName: string; mediaEmail: string }) {
  const year = new Date().getFullYear();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p className="site-footer__back">
          <a href="#top">Back to top</a>
        </p>
        <nav aria-label="Footer">
          <ul>
            <li><Link href="/news">All news</Link></li>
            <li><Link href="/experts">Find an expert</Link></li>
            <li><Link href="/events">Events</Link></li>
            <li><Link href="/open-days">Open days</Link></li>
            <li><Link href="/feed.xml">RSS feed</Link></li>
            <li><Link href="/privacy">Privacy notice</Link></li>
            <li><Link href="/login">Staff sign-in</Link></li>
          </ul>
        </nav>
        <p>
          Media enquiries: <a href={`mailto:${mediaEmail}`}>{mediaEmail}</a>
        </p>
        <p className="site-footer__legal">
          © {year} {siteName}. A fictional university used to demonstrate University Newsroom.
        </p>
      </div>
    </footer>
  );
}
