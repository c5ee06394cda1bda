import Link from "next/link";

/** The 404 text and the ways on, shared by the root and the public site's not-found pages. */
export function NotFoundMessage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>We could not find the page you asked for. It may have moved, or the link may be mistyped.</p>
      <ul>
        <li><Link href="/">Go to the newsroom home page</Link></li>
        <li><Link href="/news">Browse all news</Link></li>
        <li><Link href="/search">Search the newsroom</Link></li>
      </ul>
    </>
  );
}
