
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
            <li><a href="/news">All news</a></li>
            <li><a href="/experts">Find an expert</a></li>
            <li><a href="/events">Events</a></li>
            <li><a href="/open-days">Open days</a></li>
            <li><a href="/feed.xml">RSS feed</a></li>
            <li><a href="/privacy">Privacy notice</a></li>
            <li><a href="/login">Staff sign-in</a></li>
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
