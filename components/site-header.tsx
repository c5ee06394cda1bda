
export const mainNavigation = [
  { href: "/news", label: "News" },
  { href: "/news?type=expert-comment", label: "Expert comment" },
  { href: "/events", label: "Events" },
  { href: "/open-days", label: "Open days" },
  { href: "/search", label: "Search" },
] as const;

export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <a href="/" className="site-header__brand">
          <span className="site-header__name">{siteName}</span>
          <span className="site-header__section">Newsroom</span>
        </a>
        <nav aria-label="Main" className="site-nav">
          <ul>
            {mainNavigation.map((item) => (
              <li key={item.href}>
                <a href={item.href}>{item.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
