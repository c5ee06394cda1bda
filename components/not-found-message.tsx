
/** The 404 text and the ways on, shared by the root and the public site's not-found pages. */
export function NotFoundMessage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>We could not find the page you asked for. It may have moved, or the link may be mistyped.</p>
      <ul>
        <li><a href="/">Go to the newsroom home page</a></li>
        <li><a href="/news">Browse all news</a></li>
        <li><a href="/search">Search the newsroom</a></li>
      </ul>
    </>
  );
}
